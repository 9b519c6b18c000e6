"""How values show in a notebook (issue #24, item 5): a repr that fits on a few lines, and
`_repr_html_` as a compact table of the value's rows, every text escaped."""

from __future__ import annotations

import html.parser
import pathlib

import pytest

import paarorende

REPO = pathlib.Path(__file__).resolve().parents[2]
PILOT = REPO / "examples" / "sandefjord_pilot"


class Table(html.parser.HTMLParser):
    """The rows and cells of the HTML, and whether every tag closes in order."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.balanced = True
        self.rows: list[list[str]] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):
        self.open.append(tag)
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th"):
            self.rows[-1].append("")

    def handle_endtag(self, tag):
        self.balanced = self.balanced and bool(self.open) and self.open.pop() == tag

    def handle_data(self, data):
        self.text += data
        if self.open and self.open[-1] in ("td", "th"):
            self.rows[-1][-1] += data


def parsed(text: str) -> Table:
    table = Table()
    table.feed(text)
    table.close()
    assert table.balanced and not table.open, text[:300]
    return table


@pytest.fixture(scope="module")
def pilot_form():
    return paarorende.EvaluationForm.pilot()


@pytest.fixture(scope="module")
def values(pilot_form):
    request = paarorende.CourseRequest.load(PILOT / "course.json")
    scores = paarorende.score_evaluation(pilot_form, paarorende.load_responses(PILOT / "evaluation.csv", pilot_form))
    attendance = paarorende.score_attendance(paarorende.load_attendance_records(PILOT / "attendance.json").records)
    formed = paarorende.form_groups(paarorende.FormationRequest.load(REPO / "examples/valdres_groups/waitlist.json"))
    return {"schedule": paarorende.plan_course(request), "request": request, "scores": scores,
            "attendance": attendance, "groups": formed}


@pytest.mark.parametrize("name", ["schedule", "request", "scores", "attendance", "groups"])
def test_a_repr_fits_on_a_few_lines(values, name):
    text = repr(values[name])
    assert "\n" not in text and len(text) <= 400, text


def test_counts_in_reprs_are_in_the_right_number(values, pilot_form):
    assert "courses=<1 course>" in repr(values["scores"])
    assert "sessions=<5 sessions 2019-11-05 .. 2020-03-03>" in repr(values["schedule"])
    assert "wishes=<9 wishes>" in repr(values["request"])
    one = paarorende.Response(answers=[paarorende.Answer()] * 6)
    assert "answers=<6 answers>" in repr(one)


@pytest.mark.parametrize("name, rows", [("schedule", 5), ("scores", 6), ("attendance", 4), ("groups", 7)])
def test_repr_html_is_a_table_of_the_rows(values, name, rows):
    value = values[name]
    table = parsed(value._repr_html_())
    header, body = table.rows[0], table.rows[1:]
    assert len(body) == rows
    records = value.to_records()
    # The columns are the records' own, in their order, less those empty in every row.
    assert header == [k for k in records[0] if any(r[k] is not None for r in records)]
    assert repr(value) in table.text


def test_repr_html_shows_hidden_figures_as_empty_with_their_reason(values):
    table = parsed(values["scores"]._repr_html_())
    header = table.rows[0]
    q2 = dict(zip(header, table.rows[2]))
    assert q2["item"] == "q2" and q2["top_two_hidden"] == "small_count" and "top_two" not in header


def test_repr_html_escapes_every_text_and_shortens_long_tables():
    request = paarorende.CourseRequest.load(PILOT / "course.json")
    request.title = "<b>Kurs</b> & samtale"
    request.sessions = 6
    request.venue = paarorende.Venue(name="<script>alert(1)</script>")
    text = paarorende.plan_course(request)._repr_html_()
    assert "<script>" not in text and "<b>" not in text
    assert "&lt;script&gt;" in text and "&lt;b&gt;Kurs&lt;/b&gt; &amp; samtale" in text
    request.sessions, request.cadence_weeks = 25, 1
    request.title = "Ukentlig"
    long = paarorende.plan_course(request)
    table = parsed(long._repr_html_())
    assert len(table.rows) == 1 + 20 and "5 more rows: to_dataframe() has them all" in table.text
