"""The layers of the library (docs/architecture.md): the core (include/paarorende/*.hpp, src/*.cpp
and its folders) knows nothing of file formats; the I/O layer (include/paarorende/io/, src/io/)
depends on the core and never the other way; the private toolkit (src/detail/) is not installed."""

from __future__ import annotations

import os
import pathlib
import re
import shutil
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
INCLUDE = REPO / "include" / "paarorende"
# Headers that only forward to the I/O layer, kept so that users' includes still work, and the
# umbrella header.
FORWARDING = {"json.hpp", "csv.hpp", "ical.hpp", "report.hpp", "paarorende.hpp"}
CORE_HEADERS = sorted(p for p in INCLUDE.glob("*.hpp") if p.name not in FORWARDING)
CORE_SOURCES = sorted(p for p in (REPO / "src").rglob("*.cpp")
                      if not p.relative_to(REPO / "src").parts[0] in ("io", "cli"))


@pytest.mark.skipif(shutil.which("g++") is None, reason="needs g++")
@pytest.mark.parametrize("header", CORE_HEADERS, ids=[h.name for h in CORE_HEADERS])
def test_core_header_compiles_alone_without_nlohmann(header, build_dir):
    """g++ -H lists every header a compile opens: none of a core header's is nlohmann's json.hpp."""
    result = subprocess.run(
        ["g++", "-std=c++20", f"-I{REPO / 'include'}", f"-I{build_dir / 'generated'}", "-H",
         "-fsyntax-only", "-x", "c++", str(header)],
        capture_output=True, text=True, check=False, env={**os.environ, "LC_ALL": "C"})
    assert result.returncode == 0, result.stderr
    opened = [line.lstrip(". ") for line in result.stderr.splitlines() if line.startswith(".")]
    assert opened, "g++ -H listed no headers"
    assert not [h for h in opened if "nlohmann/json.hpp" in h], header.name
    assert not [h for h in opened if "/paarorende/io/" in h], header.name


def test_core_never_includes_the_io_layer():
    """No core header or source includes an I/O header (public or private): no circle."""
    pattern = re.compile(r'#include\s+"(paarorende/io/[^"]+|io/[^"]+|paarorende/(json|csv|ical|report)\.hpp)"')
    offenders = [f"{path.relative_to(REPO)}: {m.group(1)}"
                 for path in [*CORE_HEADERS, *CORE_SOURCES]
                 for m in pattern.finditer(path.read_text(encoding="utf-8"))]
    assert offenders == []


def test_private_headers_are_not_under_include():
    """The toolkit and the readers live under src/ (not installed); include/ has no detail/."""
    assert not (INCLUDE / "detail").exists()
    assert (REPO / "src" / "detail" / "input_error.hpp").is_file()
    assert (REPO / "src" / "io" / "json_reader.hpp").is_file()


def test_input_errors_are_raised_with_the_rule_named():
    """Every input error of the library is raised through raise_input_error (rule by name), none
    written as InputError("", ...) with the rule by position."""
    positional = [f"{path.relative_to(REPO)}:{n}"
                  for path in sorted((REPO / "src").rglob("*.cpp"))
                  for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                  if re.search(r'InputError\("[A-Z0-9]*",', line)]
    assert positional == []
