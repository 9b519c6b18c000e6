"""Evaluation (DOMAIN E1-E3, X4) from Python and the command line: the pilot's form, responses
from CSV and JSON, every statistic against pandas on random data, bulk scoring from numpy arrays
(with the GIL released), suppression, the JSON of `paarorende evaluate` against its schema, and
the HTML report opened in headless Chromium."""

from __future__ import annotations

import json
import math
import pathlib
import shutil
import struct
import subprocess
import sys
import threading
import zlib

import numpy as np
import pandas as pd
import pytest

import paarorende
from paarorende import EvaluationForm, EvaluationResponses, InputError, ItemKind, Language

PILOT_CSV = pathlib.Path(__file__).resolve().parents[2] / "examples/sandefjord_pilot/evaluation.csv"
PILOT_ATTENDANCE = PILOT_CSV.parent / "attendance.json"
PILOT_FORM_JSON = PILOT_CSV.parent / "evaluation-form.json"


@pytest.fixture(scope="module")
def pilot() -> EvaluationForm:
    return EvaluationForm.pilot()


# --- forms and responses ---------------------------------------------------------------------


def test_pilot_form_is_E1_with_E3_references(pilot):
    assert pilot.id == "sandefjord-pilot" and pilot.version == 1
    assert [item.kind for item in pilot.items] == [ItemKind.likert] * 4 + [ItemKind.yes_no, ItemKind.free_text]
    assert [item.reference.value for item in pilot.items[:5]] == [4.0, 3.0, 4.0, 4.0, 1.0]
    assert pilot.items[0].labels[0].label.text(Language.en) == "not good"
    assert pilot.items[0].labels[1].label.nb == "best mulig"
    assert paarorende.pilot_evaluation_form() == pilot
    assert repr(pilot) == "EvaluationForm(id='sandefjord-pilot', version=1, items=<6 items>)"


def test_example_form_file_is_the_pilot_form(pilot):
    assert EvaluationForm.load(PILOT_FORM_JSON) == pilot
    assert EvaluationForm.from_json(pilot.to_json()) == pilot


def test_custom_form_from_python():
    form = EvaluationForm(id="kveld", version=2, items=[
        paarorende.Item(id="nytte", kind=ItemKind.likert, text=paarorende.LocalText(nb="Nytte"), min=0, max=10),
        paarorende.Item(id="form", kind=ItemKind.single_choice, text=paarorende.LocalText(nb="Form"),
                        choices=[paarorende.Choice(id="dag", label=paarorende.LocalText(nb="Dag")),
                                 paarorende.Choice(id="kveld", label=paarorende.LocalText(nb="Kveld"))]),
    ])
    form.validate()
    responses = EvaluationResponses.from_csv("nytte;form\n10;kveld\n0;dag\n;kveld\n", form)
    assert len(responses) == 3
    assert responses.responses[0].answers[1].value == 1
    assert responses.responses[2].answers[0].missing
    bad = EvaluationForm(id="kveld", items=[paarorende.Item(id="a", kind=ItemKind.likert,
                                                            text=paarorende.LocalText(nb="A"), min=3, max=3)])
    with pytest.raises(InputError) as error:
        bad.validate()
    assert error.value.where == "/items/0/max"


def test_csv_errors_say_row_and_column(pilot):
    with pytest.raises(InputError) as error:
        EvaluationResponses.from_csv("q1,q2\n4,3\n4,6\n", pilot)
    assert error.value.where == "row 3, column 2 (q2)"
    assert error.value.rule == "E1"
    assert str(error.value) == 'row 3, column 2 (q2): expected a whole number from 1 to 5, got "6" [DOMAIN E1]'
    assert isinstance(error.value, ValueError)


def test_pilot_example_scores_by_hand(pilot):
    responses = paarorende.load_responses(PILOT_CSV, pilot)
    scores = paarorende.score_evaluation(pilot, responses)
    course = scores.courses[0]
    assert course.responses == 9
    q2 = course.items[1]
    # q2 answers 3,4,3,3,4,3,2,3,4: mean 29/9, sum of squares 97.
    assert q2.n == 9 and q2.missing == 0
    assert q2.mean == pytest.approx(29 / 9, abs=1e-12)
    assert q2.sd == pytest.approx(math.sqrt((97 - 29 * 29 / 9) / 8), abs=1e-12)
    assert q2.median == 3.0
    q5 = course.items[4]
    assert q5.share == 1.0  # DOMAIN E3: all would recommend
    assert (q5.share_low, q5.share_high) == pytest.approx(paarorende.wilson_interval(9, 9))
    assert course.items[5].n == 7 and course.items[5].comments == []


# --- against pandas on random data -----------------------------------------------------------


def random_frame(rng: np.random.Generator, rows: int, courses: int) -> pd.DataFrame:
    frame = pd.DataFrame({"course": rng.integers(0, courses, rows)})
    for item in ("q1", "q2", "q3", "q4"):
        values = rng.choice([1, 2, 3, 4, 5], size=rows, p=[0.05, 0.1, 0.2, 0.35, 0.3]).astype(float)
        values[rng.random(rows) < 0.07] = np.nan
        frame[item] = values
    yes = (rng.random(rows) < 0.8).astype(float)
    yes[rng.random(rows) < 0.05] = np.nan
    frame["q5"] = yes
    return frame


def pandas_figures(frame: pd.DataFrame) -> dict:
    """The figures as an analyst computes them with pandas."""
    out = {}
    for course, group in frame.groupby("course"):
        for item in ("q1", "q2", "q3", "q4"):
            series = group[item]
            answered = series.dropna()
            out[(str(course), item)] = {
                "n": int(series.count()), "missing": int(series.isna().sum()), "mean": series.mean(),
                "sd": series.std(), "median": series.median(), "top_two": float((answered >= 4).mean()),
                "counts": [int((answered == v).sum()) for v in range(1, 6)],
            }
        out[(str(course), "q5")] = {"n": int(group["q5"].count()), "share": group["q5"].mean(),
                                    "missing": int(group["q5"].isna().sum())}
    return out


def assert_matches_pandas(scores, expected):
    for course in scores.courses:
        for item in course.items[:5]:
            want = expected[(course.course, item.item)]
            assert item.n == want["n"] and item.missing == want["missing"], (course.course, item.item)
            if item.item == "q5":
                assert item.share == pytest.approx(want["share"], abs=1e-12)
                continue
            assert item.mean == pytest.approx(want["mean"], abs=1e-12)
            assert item.sd == pytest.approx(want["sd"], abs=1e-12)
            assert item.median == want["median"]
            assert item.top_two == pytest.approx(want["top_two"], abs=1e-12)
            assert [cell.count for cell in item.distribution] == want["counts"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_bulk_scores_match_pandas(pilot, seed):
    rng = np.random.default_rng(seed)
    frame = random_frame(rng, 3000, 4)
    scores = paarorende.score_arrays(pilot, {item: frame[item].to_numpy() for item in ("q1", "q2", "q3", "q4", "q5")},
                                     courses=frame["course"].to_numpy(), threshold=3)
    assert_matches_pandas(scores, pandas_figures(frame))


def test_scoring_responses_matches_pandas_and_bulk(pilot):
    rng = np.random.default_rng(11)
    frame = random_frame(rng, 600, 2)
    responses = []
    for row in frame.itertuples(index=False):
        answers = [paarorende.Answer(value=None if math.isnan(v) else int(v))
                   for v in (row.q1, row.q2, row.q3, row.q4, row.q5)]
        answers.append(paarorende.Answer())
        responses.append(paarorende.Response(answers=answers, course=str(row.course)))
    scores = paarorende.score_evaluation(pilot, responses, threshold=3)
    assert_matches_pandas(scores, pandas_figures(frame))
    bulk = paarorende.score_arrays(pilot, {item: frame[item].to_numpy() for item in ("q1", "q2", "q3", "q4", "q5")},
                                   courses=frame["course"].to_numpy(), threshold=3)
    by_course = {course.course: course for course in scores.courses}
    for course in bulk.courses:
        assert course.items[:5] == by_course[course.course].items[:5]


def test_records_and_dataframe(pilot):
    frame = random_frame(np.random.default_rng(5), 500, 3)
    scores = paarorende.score_arrays(pilot, {"q1": frame["q1"], "q5": frame["q5"].to_numpy()},
                                     courses=frame["course"].to_numpy(), course_names=["a", "b", "c"])
    records = scores.to_records()
    assert len(records) == 3 * 6
    figures = ["n", "missing", "mean", "sd", "median", "top_two", "share", "share_low", "share_high"]
    assert list(records[0]) == ["course", "item", "kind", "suppressed", "responses", *figures, "responses_hidden",
                                *[f"{figure}_hidden" for figure in figures]]
    table = scores.to_dataframe()
    assert list(table["course"].unique()) == sorted({"a", "b", "c"}, key=[c.course for c in scores.courses].index)
    q1 = table[table["item"] == "q1"].set_index("course")["mean"]
    expected = frame.groupby(frame["course"].map({0: "a", 1: "b", 2: "c"}))["q1"].mean()
    for course, value in expected.items():
        assert q1[course] == pytest.approx(value, abs=1e-12)
    cells = scores.distribution_dataframe()
    assert list(cells.columns) == ["course", "item", "value", "count", "share", "suppressed", "hidden_reason"]
    assert len(cells) == len(scores.distribution_records()) == 3 * (5 + 2)  # q1 and q5; q2-q4 unanswered
    # q2 was not given: missing throughout, so suppressed.
    assert table[table["item"] == "q2"]["suppressed"].all()


def test_bulk_errors(pilot):
    with pytest.raises(InputError) as error:
        paarorende.score_arrays(pilot, {"q1": np.array([4.0, 5.0, 7.0])})
    assert error.value.where == "row 3, column 1 (q1)"
    with pytest.raises(InputError, match="unknown item"):
        paarorende.score_arrays(pilot, {"q7": np.array([1.0])})
    with pytest.raises(InputError, match="threshold is 3 to 1000, got 2"):
        paarorende.score_arrays(pilot, {"q1": np.array([1.0])}, threshold=2)
    with pytest.raises(ValueError, match="one-dimensional"):
        paarorende.score_arrays(pilot, {"q1": np.ones((2, 2))})


def test_bulk_scoring_releases_the_gil(pilot):
    """Another Python thread runs while a million rows are counted."""
    rows = 3_000_000
    values = np.random.default_rng(0).integers(1, 6, rows).astype(float)
    courses = np.zeros(rows, dtype=np.int64)
    counter = [0]
    stop = threading.Event()

    def count():
        while not stop.is_set():
            counter[0] += 1

    old = sys.getswitchinterval()
    sys.setswitchinterval(0.5)  # no forced switches inside the call: only a released GIL lets it run
    thread = threading.Thread(target=count)
    thread.start()
    try:
        before = counter[0]
        paarorende.score_arrays(pilot, {"q1": values, "q2": values, "q3": values, "q4": values}, courses=courses)
        after = counter[0]
    finally:
        stop.set()
        thread.join()
        sys.setswitchinterval(old)
    assert after > before


# --- suppression (DOMAIN X4) -----------------------------------------------------------------


def test_a_course_of_four_shows_nothing(pilot):
    answers = [paarorende.Answer(value=v) for v in (4, 4, 4, 4, 1)] + [paarorende.Answer(text="Hei")]
    responses = [paarorende.Response(answers=answers, course="big") for _ in range(6)]
    responses += [paarorende.Response(answers=answers, course="small") for _ in range(4)]
    scores = paarorende.score_evaluation(pilot, responses, comments=True)
    small = scores.courses[1]
    assert small.suppressed and small.responses is None
    assert all(item.suppressed and item.n is None and item.mean is None for item in small.items)
    records = [r for r in scores.to_records() if r["course"] == "small"]
    assert all(r["n"] is None and r["mean"] is None and r["share"] is None for r in records)
    assert "small" not in [c for c in scores.to_dataframe().dropna(subset=["n"])["course"]]
    assert scores.courses[0].items[5].comments == ["Hei"] * 6


SCORE_DTYPES = {
    "course": "string", "item": "string", "kind": "string", "suppressed": "boolean", "responses": "Int64",
    "n": "Int64", "missing": "Int64", **{f: "Float64" for f in ("mean", "sd", "median", "top_two", "share",
                                                                 "share_low", "share_high")},
    **{f"{f}_hidden": "string" for f in ("responses", "n", "missing", "mean", "sd", "median", "top_two", "share",
                                         "share_low", "share_high")},
}


def pilot_answers(q1, q5):
    return [paarorende.Answer(value=q1), None, None, None, paarorende.Answer(value=q5), None]


def responses_of(course, rows):
    return [paarorende.Response(answers=[a if a is not None else paarorende.Answer() for a in pilot_answers(*row)],
                                course=course) for row in rows]


@pytest.mark.parametrize("with_a_hidden_course", [False, True])
def test_the_dataframe_has_the_same_nullable_dtypes_whatever_the_data(pilot, with_a_hidden_course):
    responses = responses_of("big", [(4, 1)] * 6 + [(5, 1)] * 6)
    if with_a_hidden_course:
        responses += responses_of("small", [(3, 0)] * 2)
    table = paarorende.score_evaluation(pilot, responses).to_dataframe()
    assert {column: str(dtype) for column, dtype in table.dtypes.items()} == SCORE_DTYPES
    assert table["n"].dtype == "Int64"  # never float64 because a course is hidden
    cells = paarorende.score_evaluation(pilot, responses).distribution_dataframe()
    assert {column: str(dtype) for column, dtype in cells.dtypes.items()} == {
        "course": "string", "item": "string", "value": "Int64", "count": "Int64", "share": "Float64",
        "suppressed": "boolean", "hidden_reason": "string"}
    if with_a_hidden_course:
        small = table[table["course"] == "small"]
        assert small["n"].isna().all() and (small["n_hidden"] == "course_too_small").all()
        assert (small["responses_hidden"] == "course_too_small").all()
    # An empty result keeps the columns and dtypes too.
    empty = paarorende.score_evaluation(pilot, []).to_dataframe()
    assert len(empty) == 0 and {c: str(d) for c, d in empty.dtypes.items()} == SCORE_DTYPES


def test_a_hidden_sd_differs_from_a_not_applicable_one(pilot):
    # q1: one answered 4 and seven 5: with n shown, the mean or the sd would give the one away,
    # so every statistic is withheld; q5 (yes/no) has no sd at all.
    responses = responses_of("c", [(4, 1)] + [(5, 1)] * 7)
    scores = paarorende.score_evaluation(pilot, responses)
    table = scores.to_dataframe().set_index("item")
    q1, q5 = table.loc["q1"], table.loc["q5"]
    assert pd.isna(q1["sd"]) and q1["sd_hidden"] == "would_reveal"
    assert pd.isna(q5["sd"]) and pd.isna(q5["sd_hidden"])  # not applicable: no reason
    assert pd.isna(q5["mean"]) and pd.isna(q5["mean_hidden"])
    for figure in ("n", "missing", "mean", "sd", "median", "top_two"):
        assert pd.isna(q1[figure]) == (not pd.isna(q1[f"{figure}_hidden"])), figure
    assert scores.courses[0].items[0].hidden == dict.fromkeys(("mean", "sd", "median", "top_two"), "would_reveal")
    # q5: all 8 answered yes: the share concerns nobody singled out and is shown.
    assert q5["share"] == 1.0 and scores.courses[0].items[4].hidden == {}


def test_hidden_reasons_name_why(pilot):
    # The pilot's q2 (docs/evaluation.md): the top two hold 3 people.
    form = pilot
    scores = paarorende.score_evaluation(form, paarorende.load_responses(PILOT_CSV, form))
    q2 = scores.to_dataframe().set_index("item").loc["q2"]
    assert q2["top_two_hidden"] == "small_count" and pd.isna(q2["top_two"])
    assert pd.isna(q2["sd_hidden"]) and q2["sd"] == pytest.approx(0.6666666, abs=1e-6)
    cells = scores.distribution_dataframe()
    q2_cells = cells[cells["item"] == "q2"].set_index("value")["hidden_reason"]
    assert q2_cells.to_dict() == {1: "would_reveal", 2: "small_count", 3: "would_reveal", 4: "small_count",
                                  5: "would_reveal"}
    # A course of four: every figure course_too_small; an item of four: item_too_small.
    few = paarorende.score_evaluation(form, responses_of("c", [(4, 1)] * 4))
    assert set(few.to_dataframe()["n_hidden"]) == {"course_too_small"}
    answered_by_four = responses_of("c", [(4, 1)] * 4 + [(None, 1)] * 2)
    q1 = paarorende.score_evaluation(form, answered_by_four).courses[0].items[0]
    assert q1.hidden == dict.fromkeys(("n", "missing", "mean", "sd", "median", "top_two"), "item_too_small")


def test_attendance_frames_have_stable_dtypes(pilot):
    records = paarorende.load_attendance_records(PILOT_ATTENDANCE).records
    shown = paarorende.score_attendance(records)
    hidden = paarorende.score_attendance(records, threshold=6)
    assert hidden.suppressed and len(hidden.to_dataframe()) == 0
    assert dict(shown.to_dataframe().dtypes) == dict(hidden.to_dataframe().dtypes)
    assert str(shown.to_dataframe()["rate"].dtype) == "Float64"
    cells = shown.distribution_dataframe()
    assert list(cells.columns) == ["value", "count", "share", "suppressed", "hidden_reason"]
    assert (cells["suppressed"] == cells["hidden_reason"].notna()).all()


def test_small_cells_and_the_share_they_make_are_hidden(pilot):
    yes_no = [1.0] * 9 + [0.0]
    scores = paarorende.score_arrays(pilot, {"q5": np.array(yes_no)})
    q5 = scores.courses[0].items[4]
    assert q5.n == 10
    assert q5.share is None and "share" in q5.suppressed_figures
    assert [cell.count for cell in q5.distribution] == [None, None]
    assert paarorende.score_arrays(pilot, {"q5": np.array(yes_no)}, threshold=3).courses[0].items[4].share is None
    assert paarorende.score_arrays(pilot, {"q5": np.ones(10)}).courses[0].items[4].share == 1.0


def test_attendance_scores(pilot):
    records = paarorende.load_attendance_records(PILOT_ATTENDANCE).records
    attendance = paarorende.score_attendance(records)
    assert attendance.households == 5
    assert attendance.rate == pytest.approx(0.65)
    assert [s.participants_present for s in attendance.sessions] == [6, 5, 5, 4]
    assert attendance.to_dataframe()["households_present"].tolist() == [4, 3, 3, 3]
    assert [cell.count for cell in attendance.per_household][:4] == [None] * 4
    # The first 12 records are of 3 households: shown only with the threshold at 3.
    assert paarorende.score_attendance(records[:12]).suppressed
    assert paarorende.score_attendance(records[:12], threshold=3).households == 3
    assert paarorende.score_attendance([r for r in records if r.household != "h05"]).suppressed
    own = paarorende.household_attendance(records)
    assert [h.attended for h in own] == [3, 3, 3, 3, 1]


# --- the command line ------------------------------------------------------------------------


def load_scores_validator():
    sys.path.insert(0, str(pathlib.Path(__file__).parent))
    from test_schemas import make_validator  # the shared schema loader
    return make_validator


def test_cli_scores_validate_against_the_schema(cli, tmp_path):
    make_validator = load_scores_validator()
    result = cli("evaluate", PILOT_CSV, "--attendance", PILOT_ATTENDANCE, "--comments")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    errors = list(make_validator("evaluation-scores").iter_errors(document))
    assert not errors, errors
    assert document["courses"][0]["items"][5]["comments"][0] == "Dette er absolutt noe også andre bør delta på."
    assert document["attendance"]["rate"] == 0.65
    # Without --comments no free text anywhere.
    plain = cli("evaluate", PILOT_CSV)
    assert "pizza" not in plain.stdout.lower() and "comments" not in plain.stdout
    for name, path in (("evaluation-form", PILOT_FORM_JSON),):
        assert not list(make_validator(name).iter_errors(json.loads(path.read_text(encoding="utf-8"))))
    responses = tmp_path / "responses.json"
    responses.write_text(EvaluationResponses.load(PILOT_CSV, EvaluationForm.pilot()).to_json(EvaluationForm.pilot()),
                         encoding="utf-8")
    assert not list(make_validator("evaluation-responses").iter_errors(json.loads(responses.read_text())))
    from_json = cli("evaluate", responses, "--form", PILOT_FORM_JSON)
    assert from_json.returncode == 0, from_json.stderr
    assert json.loads(from_json.stdout)["courses"] == json.loads(plain.stdout)["courses"]


def test_the_evaluation_takes_a_format(cli, tmp_path):
    """A course format names its evaluation form (DOMAIN E1): the monthly course's is the pilot's."""
    assert EvaluationForm.builtin("sandefjord-pilot") == EvaluationForm.pilot()
    with pytest.raises(InputError) as raised:
        EvaluationForm.builtin("skjema-x")
    assert raised.value.rule == "E1"
    default = cli("evaluate", PILOT_CSV)
    monthly = cli("evaluate", PILOT_CSV, "--format", "monthly_parents")
    assert monthly.returncode == 0, monthly.stderr
    assert monthly.stdout == default.stdout
    # The meeting place for children has no written evaluation form.
    none = cli("evaluate", PILOT_CSV, "--format", "meeting_place")
    assert none.returncode == 2 and none.stdout == ""
    assert none.stderr == ("paarorende: --format: the format names no evaluation form; "
                           "give one with a form file [DOMAIN E1]\n")
    custom = tmp_path / "format.json"
    custom.write_text(json.dumps({"id": "eget_kurs", "based_on": "monthly_parents",
                                  "evaluation_form": "skjema-x"}), encoding="utf-8")
    unknown = cli("evaluate", PILOT_CSV, "--format", custom)
    assert unknown.returncode == 2 and unknown.stdout == ""
    assert unknown.stderr == (f'paarorende: {custom}:/evaluation_form: no built-in evaluation form "skjema-x"; '
                              'the built-in one is "sandefjord-pilot" [DOMAIN E1]\n')
    both = cli("evaluate", PILOT_CSV, "--format", "monthly_parents", "--form", PILOT_FORM_JSON)
    assert both.returncode == 2 and both.stderr == "paarorende: give --form or --format, not both\n"


@pytest.mark.parametrize("args, where, message", [
    (["--threshold", "2"], "--threshold", "the suppression threshold is 3 to 1000, got 2 [DOMAIN X4]"),
    (["--lang", "de"], "--lang", 'expected nb, nn or en, got "de"'),
])
def test_cli_bad_options(cli, args, where, message):
    result = cli("evaluate", PILOT_CSV, *args)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"paarorende: {where}: {message}\n"


def test_cli_bad_csv_has_row_and_column(cli, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("q1;q2\n4;3\n4;9\n", encoding="utf-8")
    result = cli("evaluate", bad)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f'paarorende: {bad}: row 3, column 2 (q2): expected a whole number from 1 to 5, got "9" [DOMAIN E1]\n'
    unknown = cli("evaluate", PILOT_CSV, "--colour", "red")
    assert unknown.returncode == 2 and 'unexpected option "--colour"' in unknown.stderr
    missing = cli("evaluate")
    assert missing.returncode == 2 and "evaluate needs a responses file" in missing.stderr


def test_cli_help_lists_evaluate(cli):
    assert "evaluate RESPONSES.(json|csv|xlsx) [--form FORM.json] [--html FILE] [--xlsx FILE]" in cli("--help").stdout


# --- the report ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def reports(tmp_path_factory, build_dir):
    folder = tmp_path_factory.mktemp("reports")
    binary = build_dir / "paarorende"
    out = {}
    for language in ("nb", "en"):
        path = folder / f"report-{language}.html"
        subprocess.run([str(binary), "evaluate", str(PILOT_CSV), "--attendance", str(PILOT_ATTENDANCE),
                        "--html", str(path), "--lang", language], check=True, capture_output=True)
        out[language] = path
    return out


def test_report_is_self_contained_and_protects(reports):
    html = reports["nb"].read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="nb">' in html
    lowered = html.lower()
    for forbidden in ("<script", "<link", "<img", "@import", "@font-face", "url(http", "src=", "<iframe"):
        assert forbidden not in lowered, forbidden
    # The only address is the SVG namespace, which is a name, not a fetch.
    assert lowered.count("http://") + lowered.count("https://") == lowered.count("http://www.w3.org/2000/svg")
    assert "@media print" in html and "@page" in html
    assert "Pizza" not in html and "pappasamling" not in html  # free text only when asked
    assert "skjult" in html


def test_report_with_comments_has_them_without_identity(cli, tmp_path):
    path = tmp_path / "comments.html"
    result = cli("evaluate", PILOT_CSV, "--html", path, "--comments")
    assert result.returncode == 0, result.stderr
    html = path.read_text(encoding="utf-8")
    assert "Godt og enkelt med pizza." in html
    assert "«sutremøte»" in html  # the quoted multi-line comment, read whole


def dump_dom(path: pathlib.Path) -> str:
    result = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", path.as_uri()],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def png_pixels(path: pathlib.Path) -> tuple[int, int, bytes]:
    """Width, height and the decompressed scanlines of a PNG (filter bytes included)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, width, height = 8, b"", 0, 0
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        chunk = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", chunk[:8])
        elif kind == b"IDAT":
            idat += chunk
        position += 12 + length
    return width, height, zlib.decompress(idat)


needs_chromium = pytest.mark.skipif(shutil.which("chromium") is None,
                                    reason="chromium is not installed (scripts/setup installs it)")


@needs_chromium
def test_report_renders_in_chromium_with_charts_and_figures(reports):
    dom = dump_dom(reports["nb"])
    # One distribution chart per scored item, a means chart per Likert item, a share chart, and
    # the attendance per session.
    assert dom.count("<svg") == 5 + 4 + 1 + 1
    assert dom.count("<rect") > 20
    assert "4,22" in dom and "3,22" in dom   # q1 and q2 means, with decimal commas
    assert "65\u00a0%" in dom or "65&nbsp;%" in dom  # attendance rate
    assert "piloten 4,0" in dom               # the reference line's label, no rule id in lay text
    assert "skjult" in dom
    english = dump_dom(reports["en"])
    assert "4.22" in english and "suppressed" in english and "pilot 4.0" in english
    assert "(E3)" not in dom + english and "DOMAIN" not in dom + english
    assert '<html lang="en">' in english


@needs_chromium
def test_report_screenshot_is_not_blank(reports, tmp_path):
    shot = tmp_path / "report.png"
    result = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                             f"--screenshot={shot}", "--window-size=900,1400", reports["nb"].as_uri()],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    width, height, pixels = png_pixels(shot)
    assert (width, height) == (900, 1400)
    # Far from one colour: many distinct byte values and a good share of non-white bytes.
    assert len(set(pixels)) > 50
    assert sum(1 for b in pixels[::7] if b < 200) > len(pixels[::7]) // 100


# --- DataFrames in (score_dataframe) ---------------------------------------------------------


def test_a_survey_export_read_by_pandas_scores_as_the_file_does(pilot):
    # As an analyst reads it: the byte order mark stays in the first header, ja/nei are text.
    frame = pd.read_csv(PILOT_CSV, sep=None, engine="python")
    assert frame.columns[0] == "\ufeffq1"
    scores = paarorende.score_dataframe(pilot, frame, comments=True)
    expected = paarorende.score_evaluation(pilot, paarorende.load_responses(PILOT_CSV, pilot), comments=True)
    assert scores.courses == expected.courses
    assert scores.courses[0].items[5].n == expected.courses[0].items[5].n > 0  # free text scored


def test_a_frame_of_nullable_integers_floats_and_course_names(pilot):
    frame = pd.DataFrame({
        "kurs": ["vår"] * 5 + ["høst"] * 5,
        "q1": pd.array([5, 4, None, 5, 4, 3, 3, 4, 5, 5], dtype="Int64"),
        "q2": [3.0, 4.0, 3.0, np.nan, 4.0, 3.0, 3.0, 3.0, 3.0, 4.0],
        "q5": ["ja", "Ja", "nei", "ja", None, "yes", "ja", "ja", "ja", "ja"],
    }, index=[f"svar-{i}" for i in range(10)])
    scores = paarorende.score_dataframe(pilot, frame, course="kurs", threshold=3)
    assert [course.course for course in scores.courses] == ["vår", "høst"]
    spring = scores.courses[0]
    assert spring.responses == 5
    assert (spring.items[0].n, spring.items[0].missing) == (4, 1)
    assert spring.items[0].mean == pytest.approx(18 / 4)
    assert spring.items[1].mean == pytest.approx(14 / 4)
    assert scores.courses[1].items[4].share == 1.0


def test_frame_errors_name_the_index_label_and_the_column(pilot):
    frame = pd.DataFrame({"q1": [4, 5, 7], "q5": ["ja", "nei", "ja"]}, index=["a", "b", "c"])
    with pytest.raises(InputError) as error:
        paarorende.score_dataframe(pilot, frame)
    assert error.value.where == "index 'c', column 'q1'"
    assert error.value.rule == "E1"
    frame = pd.DataFrame({"q1": [4, 4.5]})
    with pytest.raises(InputError) as error:
        paarorende.score_dataframe(pilot, frame)
    assert error.value.where == "index 1, column 'q1'"
    with pytest.raises(InputError, match="unknown item"):
        paarorende.score_dataframe(pilot, pd.DataFrame({"spørsmål 9": [1]}))
    with pytest.raises(TypeError, match=r"^score_dataframe\(\): frame: expected a pandas.DataFrame, got list$"):
        paarorende.score_dataframe(pilot, [[4, 5]])
