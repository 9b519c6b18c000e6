"""The catalogue of bad inputs (tests/bad_inputs/, described in its README.md; DOMAIN X4, issue #9).

Every malformed document gives exactly its expected error: the command line exits with status 2,
writes one line on stderr and nothing on stdout or to its output files; Python raises the
expected PaarorendeError subclass with the same .where, .rule and .message; nothing is changed.
Huge and deeply nested documents are generated here (GENERATED) rather than committed.
"""

from __future__ import annotations

import datetime
import importlib.util
import json
import pathlib

import pytest

import paarorende

CATALOGUE = pathlib.Path(__file__).resolve().parents[1] / "bad_inputs"
# The one bad-input runner (tests/bad_inputs/run.py), shared with scripts/sanitize.
_spec = importlib.util.spec_from_file_location("bad_input_runner", CATALOGUE / "run.py")
runner = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(runner)

CLASSES = {"InputError": paarorende.InputError, "RuleViolation": paarorende.RuleViolation,
           "ImpossibleRequest": paarorende.ImpossibleRequest}
CASES = runner.cases()


@pytest.fixture(scope="module")
def types(build_dir):
    """The registry of document types, from the command line (`paarorende documents`)."""
    return runner.registry(build_dir / "paarorende")


def _check_cli(build_dir, folder: pathlib.Path, name: str, spec: dict, expected: dict,
               out: pathlib.Path) -> None:
    assert runner.check_cli(build_dir / "paarorende", folder, name, spec["cli"], expected, out) == []


def _check_python(folder: pathlib.Path, name: str, spec: dict, expected: dict, monkeypatch) -> None:
    monkeypatch.chdir(folder)
    builtin_before = paarorende.builtin_catalogue().to_json()
    namespace = {"paarorende": paarorende, "datetime": datetime, "path": name}
    with pytest.raises(paarorende.PaarorendeError) as raised:
        eval(spec["python"], namespace)  # noqa: S307 - expressions from the registry
    error = raised.value
    assert type(error) is CLASSES[expected["error"]]
    assert isinstance(error, ValueError)
    where = expected.get("python_where", expected["where"])
    assert (error.where, error.rule, error.message) == (where, expected["rule"], expected["message"])
    assert str(error) == runner.error_line(expected, where)
    assert paarorende.builtin_catalogue().to_json() == builtin_before


def test_catalogue_is_complete(types):
    """At least 60 cases; every folder a document type of the registry; every case with its
    expected error, and every document type with a command and a Python expression."""
    assert len(CASES) >= 60
    folders = {path.name for path in CATALOGUE.iterdir() if path.is_dir() and path.name != "__pycache__"}
    assert folders <= set(types), folders - set(types)
    for entry in types.values():
        assert entry["command"] and "{file}" in " ".join(entry["command"]), entry["name"]
        assert "path" in entry["python"], entry["name"]
    for case in CASES:
        assert runner.expected_file(case).exists(), f"{case} has no .expected.json"
    for expected in CATALOGUE.glob("*/*.expected.json"):
        stem = expected.name.removesuffix(".expected.json")
        assert list(expected.parent.glob(stem + ".*")) != [expected], f"{expected} has no case"
        fields = set(json.loads(expected.read_text(encoding="utf-8")))
        assert runner.EXPECTED_FIELDS <= fields <= runner.EXPECTED_FIELDS | runner.OPTIONAL_FIELDS, expected


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_bad_input(case: pathlib.Path, build_dir, types, tmp_path, monkeypatch):
    expected = runner.expected_of(case)
    spec = runner.spec_of(case, types)
    out = tmp_path / "out"
    out.mkdir()
    _check_cli(build_dir, case.parent, case.name, spec, expected, out)
    if spec["python"] is not None:  # null: a check of the command line only
        _check_python(case.parent, case.name, spec, expected, monkeypatch)


# Generated cases: (format, file name, text, error, where, rule, message).
_DEPTH = 64  # max_nesting_depth, include/paarorende/limits.hpp
_HOUSEHOLD = {"id": "h{}", "municipality": "Sandefjord", "school": "Ungdomsskolen",
              "care_closes": "16:30", "caregivers": [{"role": "mother"}],
              "children": [{"stage": "primary", "grade": 3, "condition": "serious_illness"}]}


def _households(count: int) -> bytes:
    households = [{**_HOUSEHOLD, "id": f"h{i}"} for i in range(count)]
    return json.dumps({"id": "g", "households": households}).encode()


GENERATED = [
    ("group", "over-16-mib.json", lambda: b'{"id": "g", "note": "' + b"x" * (16 * 1024 * 1024)
     + b'"}', "InputError", "over-16-mib.json", "", "file exceeds the limit of 16777216 bytes"),
    ("course-request", "nested-a-million-deep.json", lambda: b"[" * 1_000_000 + b"]" * 1_000_000,
     "InputError", "nested-a-million-deep.json:" + "/0" * _DEPTH, "",
     f"arrays and objects nested more than {_DEPTH} deep"),
    ("topic-catalogue", "nested-objects-deep.json",
     lambda: b'{"topics": ' + b'{"a": ' * 100 + b"1" + b"}" * 101,
     "InputError", "nested-objects-deep.json:/topics" + "/a" * (_DEPTH - 1), "",
     f"arrays and objects nested more than {_DEPTH} deep"),
    ("group", "households-10001.json", lambda: _households(10001), "InputError",
     "households-10001.json:/households", "", "at most 10000 entries, got 10001"),
    ("attendance-records", "records-10001.json",
     lambda: json.dumps({"records": [{"household": f"h{i % 50}", "session": i // 50 + 1,
                                      "present": 1} for i in range(10001)]}).encode(),
     "InputError", "records-10001.json:/records", "", "at most 10000 entries, got 10001"),
    ("school-calendar", "a-million-zero-bytes.json", lambda: b"\0" * 1_000_000, "InputError",
     "a-million-zero-bytes.json: line 1, column 1", "", "invalid JSON: a NUL byte (U+0000)"),
    ("school-calendar", "text-after-a-nul-byte.json",
     lambda: b'{"municipality": "X", "school_years": []}\n\0{{{ ignored until now',
     "InputError", "text-after-a-nul-byte.json: line 2, column 1", "",
     "invalid JSON: a NUL byte (U+0000)"),
]


@pytest.mark.parametrize("fmt,name,make,error,where,rule,message", GENERATED,
                         ids=[f"{g[0]}/{g[1]}" for g in GENERATED])
def test_generated_bad_input(fmt, name, make, error, where, rule, message, build_dir, types, tmp_path,
                             monkeypatch):
    folder = tmp_path / fmt
    folder.mkdir()
    (folder / name).write_bytes(make())
    out = tmp_path / "out"
    out.mkdir()
    expected = {"error": error, "where": where, "rule": rule, "message": message}
    spec = {"cli": types[fmt]["command"], "python": types[fmt]["python"]}
    _check_cli(build_dir, folder, name, spec, expected, out)
    _check_python(folder, name, spec, expected, monkeypatch)
