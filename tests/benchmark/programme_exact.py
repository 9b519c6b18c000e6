#!/usr/bin/python3
"""The programme planner against the exact method on the small seeded seasons (issue #19).

Runs `paarorende programme` on seasons 0..N-1 of tests/python/programme_instances.py and compares
its lexicographic objective with scipy's milp (exact_objective there), checking every plan for
double bookings apart from the planner. Prints the figures docs/programme.md quotes. Usage:
    /usr/bin/python3 tests/benchmark/programme_exact.py build [N]
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "python"))
from programme_instances import double_bookings, exact_objective, season  # noqa: E402

build = Path(sys.argv[1] if len(sys.argv) > 1 else "build")
count = int(sys.argv[2]) if len(sys.argv) > 2 else 400
gaps, clashes, infeasible = [], 0, 0
for seed in range(count):
    document = season(seed)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(document, f)
    out = subprocess.run([str(build / "paarorende"), "programme", f.name], capture_output=True, text=True)
    answer = json.loads(out.stdout)
    o = answer["objective"]
    found = (o["dropped_sessions"], o["dropped_offers"], o["moved_sessions"], o["minutes_before_latest_start"])
    exact = exact_objective(document)
    infeasible += exact[0] > 0
    clashes += bool(double_bookings(answer))
    if found != exact:
        gaps.append((seed, found, exact))
print(f"{count} seasons ({infeasible} that cannot be held whole): {count - len(gaps)} at the exact optimum, "
      f"{len(gaps)} not; double bookings in {clashes}")
for seed, found, exact in gaps:
    print(f"  seed {seed}: planner {found}, exact {exact}")
