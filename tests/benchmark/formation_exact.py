#!/usr/bin/python3
"""Formation's exact method on every seeded instance of issue 16's targets (docs/formation.md).

Runs `paarorende groups` on the 56 small waitlists (10-16 households at 30 and 60 minutes) and
the 100 coverage waitlists (10-50 households at 20-40 minutes) of tests/python/formation_instances.py,
and checks coverage and every `placeable` against scipy's milp (tests/python/test_formation_exact.py).
Prints the figures the docs quote. Usage:
    PYTHONPATH=build/python /usr/bin/python3 tests/benchmark/formation_exact.py build
"""
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "python"))
from formation_instances import coverage_instances, small_instances, valdres_waitlist  # noqa: E402
from test_formation_exact import most_placed  # noqa: E402

build = Path(sys.argv[1] if len(sys.argv) > 1 else "build")


def groups(document):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(document, f)
    start = time.perf_counter()
    out = subprocess.run([str(build / "paarorende"), "groups", f.name], capture_output=True, text=True, check=True)
    return json.loads(out.stdout), time.perf_counter() - start


status, slowest = {}, 0.0
for seed, n, minutes in small_instances():
    result, seconds = groups(valdres_waitlist(seed, n, minutes))
    status[result["optimality"]["status"]] = status.get(result["optimality"]["status"], 0) + 1
    slowest = max(slowest, seconds)
print(f"small (56, 10-16 households, 30/60 min): {status}, slowest {slowest:.2f} s")

status, slowest, full, refusals, wrong, placeable = {}, 0.0, 0, 0, 0, 0
for seed, n, minutes in coverage_instances():
    document = valdres_waitlist(seed, n, minutes)
    result, seconds = groups(document)
    status[result["optimality"]["status"]] = status.get(result["optimality"]["status"], 0) + 1
    slowest = max(slowest, seconds)
    if result["summary"]["assigned"] == most_placed(document):
        full += 1
    for left in result["unassigned"]:
        if left["placeable"] is False:
            refusals += 1
            wrong += most_placed(document, must_place=left["household"]) != 0
        elif left["placeable"] is True:
            placeable += 1
print(f"coverage (100, 10-50 households, 20-40 min): {status}, slowest {slowest:.2f} s; "
      f"as many placed as any grouping in {full} of 100; placeable false {refusals} (wrong {wrong}), true {placeable}")
