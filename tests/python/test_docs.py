"""The documentation site builds with Sphinx, warnings as errors, offline: the Markdown pages of
docs/ (MyST), the Python API from the built module (autodoc) and the C++ API from the headers
(Doxygen XML read by Breathe). Output goes to the build tree, never into docs/."""

import os
import pathlib
import subprocess

import pytest

DEBIAN_PYTHON = "/usr/bin/python3"


@pytest.fixture(scope="module")
def site(repo, build_dir):
    # -E: read every page afresh, so a warning is never hidden by an earlier build's cache.
    docs_before = sorted(p.relative_to(repo) for p in (repo / "docs").rglob("*"))
    out = build_dir / "docs"
    env = {**os.environ, "PAARORENDE_BUILD_DIR": str(build_dir)}
    result = subprocess.run(
        [DEBIAN_PYTHON, "-m", "sphinx", "-E", "-W", "--keep-going", "-q", "-b", "html",
         "-d", str(out / "doctrees"), str(repo / "docs"), str(out / "html")],
        cwd=repo, env=env, capture_output=True, text=True, check=False)
    docs_after = sorted(p.relative_to(repo) for p in (repo / "docs").rglob("*"))
    return result, out / "html", docs_before, docs_after


def test_the_site_builds_without_a_warning(site):
    result, _, _, _ = site
    assert result.returncode == 0, result.stderr[-6000:]
    assert result.stderr == ""


def test_the_build_writes_nothing_into_docs(site):
    _, _, before, after = site
    assert after == before


def test_every_page_is_in_the_site(site, repo):
    _, html, _, _ = site
    pages = [p.relative_to(repo / "docs").with_suffix(".html")
             for p in (repo / "docs").rglob("*.md")]
    assert pages
    missing = [str(page) for page in pages if not (html / page).is_file()]
    assert missing == []
    index = (html / "index.html").read_text(encoding="utf-8")
    for page in ("getting-started.html", "kom-i-gang.html", "domain-rules.html",
                 "api/python.html", "api/cpp.html"):
        assert f'href="{page}"' in index, page


def test_the_python_api_is_documented_from_the_module(site):
    _, html, _, _ = site
    text = (html / "api" / "python.html").read_text(encoding="utf-8")
    for name in ("paarorende.CourseRequest", "paarorende.plan_course",
                 "paarorende.CourseSchedule.to_dataframe", "paarorende.InputError"):
        assert f'id="{name}"' in text, name


def test_the_cpp_api_is_documented_from_the_headers(site):
    _, html, _, _ = site
    text = (html / "api" / "cpp.html").read_text(encoding="utf-8")
    for name in ("plan_course", "CourseRequest", "InputError", "GroupRules"):
        assert f"_CPPv4N10paarorende{len(name)}{name}" in text, name
