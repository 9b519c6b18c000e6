"""`paarorende region-report` on the Valdres example (DOMAIN V1, X4; issue #21, item 4): the
published counts agree with the course folders read here apart from the library, no count of 1 to
4 is shown, every small cell's audit interval is at least 5 wide, the published forms carry no
reason for a hidden cell, and bad folders are refused with nothing written."""

from __future__ import annotations

import collections
import csv
import io
import json
import shutil

import pytest

EXAMPLE = "examples/valdres_region/courses"


def half_year(date: str) -> str:
    return date[:4] + ("-H1" if int(date[5:7]) <= 6 else "-H2")


@pytest.fixture(scope="module")
def report(cli, repo):
    result = cli("region-report", repo / EXAMPLE, "--region", "valdres")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_published_counts_are_the_folders_counts(report, repo):
    # Worked out from the files: households per municipality and half-year, and q1's answers.
    households = collections.Counter()
    answers = collections.Counter()
    for course in sorted((repo / EXAMPLE).glob("*/*/course.json")):
        request = json.loads(course.read_text(encoding="utf-8"))
        # The example's first dates are school days, so the first session is on first_date.
        key = (request["municipality"], half_year(request["first_date"]))
        records = json.loads((course.parent / "attendance.json").read_text(encoding="utf-8"))["records"]
        households[key] += len({r["household"] for r in records})
        rows = list(csv.DictReader(io.StringIO((course.parent / "evaluation.csv").read_text(encoding="utf-8")),
                                   delimiter=";"))
        answers[key] += sum(1 for row in rows if row["q1"])
    figures = {f["id"]: f for f in report["figures"]}
    assert list(figures)[:3] == ["households", "attendance", "q1"]
    for figure, expected in (("households", households), ("q1", answers)):
        shown = 0
        for cell in figures[figure]["table"]["cells"]:
            if cell["municipality"] in report["municipalities"] and cell["period"] in report["periods"]:
                key = (cell["municipality"], cell["period"])
                if cell["suppressed"]:
                    assert 1 <= expected[key], (figure, key)  # a true zero is never hidden
                else:
                    assert cell["count"] == expected[key], (figure, key)
                    shown += 1
        assert shown > 0
    assert sum(c["courses"] for c in report["courses"]) == len(list((repo / EXAMPLE).glob("*/*/course.json")))


def test_no_small_count_is_shown_and_every_small_cell_is_protected(report):
    for figure in report["figures"]:
        table = figure["table"]
        for cell in table["cells"]:
            if not cell["suppressed"]:
                assert cell["count"] == 0 or cell["count"] >= 5, (figure["id"], cell)
        primary = [a for a in table["audit"] if a["sensitive"]]
        for interval in primary:
            assert interval.get("max") is None or interval["max"] - interval["min"] >= 5, (figure["id"], interval)
    hidden = {f["id"]: [c["suppressed"] is not False for c in f["table"]["cells"]] for f in report["figures"]}
    assert hidden["households"] == hidden["attendance"]  # one count, one pattern


def test_the_published_forms_show_every_hidden_cell_alike(cli, repo, tmp_path):
    html, out = tmp_path / "report.html", tmp_path / "csv"
    result = cli("region-report", repo / EXAMPLE, "--region", "valdres", "--html", html, "--csv", out, "--lang", "en")
    assert result.returncode == 0, result.stderr
    text = html.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "Courses held" in text
    assert "primary" not in text and "secondary" not in text
    files = sorted(p.name for p in out.iterdir())
    assert files == sorted(["courses.csv", "households.csv", "attendance.csv", "q1.csv", "q2.csv", "q3.csv",
                            "q4.csv", "q5_yes.csv", "q5_no.csv"])
    for path in out.iterdir():
        body = path.read_text(encoding="utf-8")
        assert "primary" not in body and "secondary" not in body
    rows = list(csv.DictReader(io.StringIO((out / "households.csv").read_text(encoding="utf-8"))))
    assert {row["count"] for row in rows if not row["count"].isdigit()} == {":"}


def test_a_municipality_outside_the_region_is_refused_and_nothing_written(cli, repo, tmp_path):
    courses = tmp_path / "courses"
    shutil.copytree(repo / EXAMPLE, courses)
    course = next(iter(sorted(courses.glob("*/*/course.json"))))
    request = json.loads(course.read_text(encoding="utf-8"))
    request["municipality"] = "Oslo"
    course.write_text(json.dumps(request), encoding="utf-8")
    out = tmp_path / "csv"
    result = cli("region-report", courses, "--region", "valdres", "--csv", out)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "is not in region \"valdres\"" in result.stderr and "[DOMAIN V1]" in result.stderr
    assert not out.exists()
    empty = tmp_path / "empty"
    (empty / "3449").mkdir(parents=True)
    result = cli("region-report", empty)
    assert result.returncode == 2 and "no course folder" in result.stderr
