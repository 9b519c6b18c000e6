"""The bad-input runner: every case of this catalogue through the command line (docs/reliability.md).

One runner for both users: tests/python/test_bad_inputs.py imports it (and adds the Python side),
and scripts/sanitize runs it as a program against the sanitized command line:

    /usr/bin/python3 tests/bad_inputs/run.py path/to/paarorende

How each document type is used, its command and its Python expression, comes from the registry of
document types (paarorende/io/registry.hpp) through `paarorende documents`: a case folder is
named after its type. A case's .expected.json may override "cli" and "python".
"""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import tempfile

CATALOGUE = pathlib.Path(__file__).resolve().parent
EXPECTED_FIELDS = {"error", "where", "rule", "message"}
OPTIONAL_FIELDS = {"cli", "python", "python_where", "exit"}


def cases() -> list[pathlib.Path]:
    """Every malformed document, sorted: the files beside their .expected.json."""
    return sorted(path for path in CATALOGUE.glob("*/*")
                  if path.is_file() and not path.name.endswith(".expected.json"))


def expected_file(case: pathlib.Path) -> pathlib.Path:
    return case.with_name(case.name.rsplit(".", 1)[0] + ".expected.json")


def expected_of(case: pathlib.Path) -> dict:
    return json.loads(expected_file(case).read_text(encoding="utf-8"))


def registry(cli: pathlib.Path) -> dict[str, dict]:
    """The document types by name, as `paarorende documents` prints them."""
    result = subprocess.run([str(cli), "documents"], capture_output=True, text=True, check=True)
    return {entry["name"]: entry for entry in json.loads(result.stdout)["documents"]}


def spec_of(case: pathlib.Path, types: dict[str, dict]) -> dict:
    """The command and Python expression for a case: its type's, overridden by the case's own."""
    entry = types[case.parent.name]
    expected = expected_of(case)
    return {"cli": expected.get("cli", entry["command"]), "python": expected.get("python", entry["python"])}


def error_line(expected: dict, where: str | None = None) -> str:
    """The one line the command line writes on stderr (without "paarorende: ")."""
    where = expected["where"] if where is None else where
    text = f"{where}: {expected['message']}" if where else expected["message"]
    return text + (f" [DOMAIN {expected['rule']}]" if expected["rule"] else "")


def check_cli(cli: pathlib.Path, folder: pathlib.Path, name: str, args: list[str], expected: dict,
              out: pathlib.Path) -> list[str]:
    """Runs the command on one case in its folder; returns what was wrong (empty: as expected)."""
    argv = [arg.replace("{file}", name).replace("{out}", str(out)) for arg in args]
    result = subprocess.run([str(cli), *argv], capture_output=True, text=True, cwd=folder, check=False)
    problems = []
    if result.returncode != expected.get("exit", 2):
        problems.append(f"exit status {result.returncode}, expected {expected.get('exit', 2)}")
    if result.stdout:
        problems.append("wrote to stdout")
    if result.stderr != "paarorende: " + error_line(expected) + "\n":
        problems.append(f"stderr {result.stderr!r}, expected {'paarorende: ' + error_line(expected)!r}")
    if any(out.iterdir()):
        problems.append("a failed command wrote a file")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: run.py PATH/TO/paarorende", file=sys.stderr)
        return 2
    cli = pathlib.Path(argv[1]).resolve()
    types = registry(cli)
    failures = 0
    all_cases = cases()
    for case in all_cases:
        with tempfile.TemporaryDirectory() as out:
            problems = check_cli(cli, case.parent, case.name, spec_of(case, types)["cli"],
                                 expected_of(case), pathlib.Path(out))
        if problems:
            failures += 1
            print(f"bad input {case.relative_to(CATALOGUE)}: {'; '.join(problems)}", file=sys.stderr)
    print(f"bad inputs: {len(all_cases)} cases through {cli.name}: "
          f"{len(all_cases) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
