"""The catalogue of bad inputs (tests/bad_inputs/, described in its README.md; DOMAIN X4, issue #9).

Every malformed document gives exactly its expected error: the command line exits with status 2,
writes one line on stderr and nothing on stdout or to its output files; Python raises the
expected PaarorendeError subclass with the same .where, .rule and .message; nothing is changed.
Huge and deeply nested documents are generated here (GENERATED) rather than committed.
"""

from __future__ import annotations

import datetime
import json
import pathlib

import pytest

import paarorende

CATALOGUE = pathlib.Path(__file__).resolve().parents[1] / "bad_inputs"
FORMATS = json.loads((CATALOGUE / "formats.json").read_text(encoding="utf-8"))
CLASSES = {"InputError": paarorende.InputError, "RuleViolation": paarorende.RuleViolation,
           "ImpossibleRequest": paarorende.ImpossibleRequest}


def _cases() -> list[pathlib.Path]:
    return sorted(path for path in CATALOGUE.glob("*/*")
                  if path.is_file() and not path.name.endswith(".expected.json"))


def _expected_file(case: pathlib.Path) -> pathlib.Path:
    return case.with_name(case.name.rsplit(".", 1)[0] + ".expected.json")


CASES = _cases()


def _line(expected: dict) -> str:
    text = f"paarorende: {expected['where']}: {expected['message']}" if expected["where"] \
        else f"paarorende: {expected['message']}"
    return text + (f" [DOMAIN {expected['rule']}]" if expected["rule"] else "")


def _check_cli(cli, folder: pathlib.Path, name: str, spec: dict, expected: dict,
               out: pathlib.Path) -> None:
    args = [arg.replace("{file}", name).replace("{out}", str(out)) for arg in spec["cli"]]
    result = cli(*args, cwd=folder)
    assert result.returncode == expected.get("exit", 2), result.stderr
    assert result.stdout == ""
    assert result.stderr == _line(expected) + "\n"
    assert list(out.iterdir()) == [], "a failed command wrote a file"


def _check_python(folder: pathlib.Path, name: str, spec: dict, expected: dict, monkeypatch) -> None:
    monkeypatch.chdir(folder)
    builtin_before = paarorende.builtin_catalogue().to_json()
    namespace = {"paarorende": paarorende, "datetime": datetime, "path": name}
    with pytest.raises(paarorende.PaarorendeError) as raised:
        eval(spec["python"], namespace)  # noqa: S307 - expressions from formats.json
    error = raised.value
    assert type(error) is CLASSES[expected["error"]]
    assert isinstance(error, ValueError)
    python_expected = {**expected, "where": expected.get("python_where", expected["where"])}
    assert (error.where, error.rule, error.message) == \
        (python_expected["where"], expected["rule"], expected["message"])
    assert str(error) == _line(python_expected).removeprefix("paarorende: ")
    assert paarorende.builtin_catalogue().to_json() == builtin_before


def test_catalogue_is_complete():
    """At least 60 cases, every format folder listed, every case with its expected error."""
    assert len(CASES) >= 60
    folders = {path.name for path in CATALOGUE.iterdir() if path.is_dir()}
    assert folders == set(FORMATS)
    for case in CASES:
        assert _expected_file(case).exists(), f"{case} has no .expected.json"
    for expected in CATALOGUE.glob("*/*.expected.json"):
        stem = expected.name.removesuffix(".expected.json")
        assert list(expected.parent.glob(stem + ".*")) != [expected], f"{expected} has no case"
        fields = set(json.loads(expected.read_text(encoding="utf-8")))
        assert {"error", "where", "rule", "message"} <= fields <= \
            {"error", "where", "rule", "message", "cli", "python", "python_where", "exit"}, \
            expected


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_bad_input(case: pathlib.Path, cli, tmp_path, monkeypatch):
    expected = json.loads(_expected_file(case).read_text(encoding="utf-8"))
    spec = {**FORMATS[case.parent.name], **{k: expected[k] for k in ("cli", "python")
                                              if k in expected}}
    out = tmp_path / "out"
    out.mkdir()
    _check_cli(cli, case.parent, case.name, spec, expected, out)
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
def test_generated_bad_input(fmt, name, make, error, where, rule, message, cli, tmp_path,
                             monkeypatch):
    folder = tmp_path / fmt
    folder.mkdir()
    (folder / name).write_bytes(make())
    out = tmp_path / "out"
    out.mkdir()
    expected = {"error": error, "where": where, "rule": rule, "message": message}
    _check_cli(cli, folder, name, FORMATS[fmt], expected, out)
    _check_python(folder, name, FORMATS[fmt], expected, monkeypatch)
