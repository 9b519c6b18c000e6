"""The registry of document types (paarorende/io/registry.hpp) drives the command line, the fuzz
targets, scripts/fuzz and the bad-input runner: these tests fail when a document type is missing
from any of them, or when the registry names something that does not exist."""

from __future__ import annotations

import json
import os
import pathlib
import re
import shutil

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "fuzz" / "corpus"
SCHEMAS = REPO / "docs" / "schemas"


@pytest.fixture(scope="module")
def documents(cli):
    result = cli("documents")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["documents"]


def _cli_commands(cli) -> set[str]:
    usage = cli("--help").stdout
    return set(re.findall(r"^  ([a-z-]+)", usage, flags=re.M))


def test_every_type_names_an_existing_command_and_schema(cli, documents):
    commands = _cli_commands(cli)
    names = [entry["name"] for entry in documents]
    assert len(names) == len(set(names)) >= 15
    for entry in documents:
        assert entry["command"][0] in commands, entry
        assert (SCHEMAS / entry["schema"]).is_file(), entry
        assert entry["formats"] and set(entry["formats"]) <= {"json", "csv", "xlsx", "ics"}, entry


def test_every_command_that_reads_a_document_is_in_the_registry(cli, documents):
    """A command whose synopsis takes a document file works on a registered type (attendance is a
    second command on a group document; read takes any type)."""
    registered = {entry["command"][0] for entry in documents}
    usage = cli("--help").stdout
    reading = set(re.findall(r"^  ([a-z-]+) [^\n]*[A-Z]+\.(?:json|\(json\|csv\))", usage, flags=re.M))
    assert reading - registered <= {"attendance"}, reading - registered


def _reader_of_what_is_written(entry, documents) -> str:
    """The type that reads back what `read` writes for `entry`: the type itself, or, for a type
    imported as another and read from no JSON (a REDCap data dictionary, an XLSForm: an evaluation
    form), the type read from JSON whose schema it names (io/registry.hpp)."""
    if "json" in entry["formats"]:
        return entry["name"]
    return next(other["name"] for other in documents
                if other["schema"] == entry["schema"] and "json" in other["formats"])


def test_every_type_has_a_fuzz_corpus_that_reads_back_to_itself(cli, documents, tmp_path):
    """The seeds in tests/fuzz/corpus/<type>/ are valid documents: read, written and read again,
    they give the same document (what the fuzz target checks for every input). A type imported as
    another is read back as that one."""
    for entry in documents:
        for fmt in entry["formats"]:
            seeds = sorted((CORPUS / entry["name"]).glob(f"*.{fmt}"))
            assert seeds, f"no {fmt} seed in tests/fuzz/corpus/{entry['name']}/"
            for seed in seeds:
                first = cli("read", entry["name"], seed)
                assert first.returncode == 0, (seed, first.stderr)
                written = tmp_path / f"{entry['name']}.json"
                written.write_text(first.stdout, encoding="utf-8")
                again = cli("read", _reader_of_what_is_written(entry, documents), written)
                assert again.returncode == 0, (seed, again.stderr)
                assert json.loads(again.stdout) == json.loads(first.stdout), seed


def test_read_refuses_an_unknown_type_and_a_format_the_type_does_not_read(cli, tmp_path):
    result = cli("read", "menu", tmp_path / "x.json")
    assert result.returncode == 2
    assert result.stderr.startswith('paarorende: TYPE: no document type "menu" (known: school-calendar, ')
    csv = tmp_path / "waitlist.csv"
    csv.write_text("id\n", encoding="utf-8")
    result = cli("read", "waitlist", csv)  # households alone: a waitlist needs its places (--base)
    assert result.returncode == 2
    assert result.stderr == f"paarorende: {csv}: a waitlist document is not read from csv\n"


def test_fuzz_targets_come_from_the_registry(documents):
    """scripts/fuzz and tests/fuzz name no document type: their list is the fuzz program's --list,
    made from the registry."""
    script = (REPO / "scripts" / "fuzz").read_text(encoding="utf-8")
    harness = (REPO / "tests" / "fuzz" / "fuzz_document.cpp").read_text(encoding="utf-8")
    cmake = (REPO / "tests" / "fuzz" / "CMakeLists.txt").read_text(encoding="utf-8")
    for entry in documents:
        for text in (harness, cmake):
            assert f'"{entry["name"]}"' not in text, entry["name"]
    assert "ALL=(" not in script and 'mapfile -t ALL < <("$binary" --list)' in script


@pytest.mark.skipif(shutil.which("clang++-14") is None, reason="the fuzz target needs clang-14")
def test_fuzz_program_lists_every_type_and_format(documents):
    """The fuzz program built by scripts/sanitize or scripts/fuzz (when there) lists one target per
    type and format."""
    for folder in ("build-asan", "build-fuzz"):
        program = REPO / folder / "fuzz" / "paarorende_fuzz"
        if program.exists():
            import subprocess
            listed = subprocess.run([str(program), "--list"], capture_output=True, text=True,
                                    check=True).stdout.split()
            expected = [entry["name"] + ("" if i == 0 else "." + fmt)
                        for entry in documents for i, fmt in enumerate(entry["formats"])]
            expected.append("xlsx-parts")  # the .xlsx reader's XML layer (fuzz_document.cpp)
            assert listed == expected
            return
    if os.environ.get("PAARORENDE_REQUIRE_FUZZ"):  # scripts/test, once the fuzz program is built
        pytest.fail("no fuzz program in build-asan/ or build-fuzz/")
    pytest.skip("no fuzz program built yet (scripts/test runs this again after building it)")
