"""Treffpunkt in operation from Python and the command line (docs/treffpunkt.md; DOMAIN V1, V4,
X4, X5): enrolments and the children's attendance as DataFrames, a season's counts from
enrolments, the public plan, the children's evaluation per age band, and bad input."""

import datetime
import json
import pathlib

import pytest

import paarorende

REPO = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "valdres_treffpunkt"


@pytest.fixture(scope="module")
def enrolments():
    return paarorende.Enrolments.load(EXAMPLE / "enrolments.json")


def test_enrolments_are_a_dataframe_of_ids_codes_roles_and_dates(enrolments):
    frame = enrolments.to_dataframe()
    assert list(frame.columns) == ["child", "age", "consent_role", "consent_date", "collected_by", "must_know"]
    assert len(frame) == 22
    assert frame["child"].is_unique
    assert isinstance(frame["consent_date"].iloc[0], datetime.date)
    assert set(frame["consent_role"]) <= {"mother", "father", "guardian"}


def test_enrolments_are_built_from_python_and_checked():
    child = paarorende.Enrolment(child="tp-1", age=8,
                                 consent=paarorende.Consent(role="mother", date=datetime.date(2026, 11, 20)),
                                 collected_by=[paarorende.AdultRole.mother])
    enrolments = paarorende.Enrolments(children=[child])
    assert paarorende.enrolled_ages(enrolments) == [8]
    assert repr(child) == 'Enrolment("tp-1", age 8)'
    child.consent = paarorende.Consent(role="other_adult", date=datetime.date(2026, 11, 20))
    with pytest.raises(paarorende.InputError) as error:
        paarorende.check_enrolments(paarorende.Enrolments(children=[child]))
    assert (error.value.where, error.value.rule) == ("/children/0/consent/role", "X4")


def test_a_season_takes_its_counts_from_the_enrolment_file(enrolments):
    request = paarorende.SeasonRequest.load(EXAMPLE / "season_from_enrolments.json")
    assert request.children_ages == paarorende.enrolled_ages(enrolments)
    season = paarorende.plan_season(request)
    assert [(g.band.min_age, g.band.max_age, g.children) for g in season.meetings[0].groups] == [
        (6, 9, 8), (10, 12, 4), (13, 16, 8)]


def test_the_public_plan_merges_the_small_band_and_is_a_dataframe():
    season = paarorende.plan_season(paarorende.SeasonRequest.load(EXAMPLE / "season_from_enrolments.json"))
    public = paarorende.public_plan(season)
    # 10-12 expects 4: merged with its smaller neighbour, the younger on a tie (6-9: 8, 13-16: 8).
    assert [(b.band.min_age, b.band.max_age, b.children) for b in public.meetings[0].groups] == [
        (6, 12, 12), (13, 16, 8)]
    assert public.meetings[0].children == 20
    frame = public.to_dataframe()
    assert list(frame.columns) == ["number", "date", "start", "end", "min_age", "max_age", "children", "under_threshold"]
    assert not ((frame["children"] >= 1) & (frame["children"] <= 4)).any()
    document = public.to_dict(language=paarorende.Language.en)
    assert document["meetings"][0]["groups"][0]["label"] == "ages 6-12: 12 children"
    assert "roster" not in document


def test_the_command_line_writes_the_public_plan_and_its_calendar(cli, tmp_path):
    calendar = tmp_path / "public.ics"
    result = cli("season", EXAMPLE / "season_from_enrolments.json", "--public", "--ics", calendar)
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["public"] is True
    assert plan["meetings"][0]["groups"][1]["label"] == "13-16 år: 8 barn"
    assert "13-16 år: 8 barn" in calendar.read_text(encoding="utf-8")
    working = json.loads(cli("season", EXAMPLE / "season_from_enrolments.json").stdout)
    assert [g["children"] for g in working["meetings"][0]["groups"]] == [8, 4, 8]


def test_the_threshold_needs_public(cli):
    result = cli("season", EXAMPLE / "season_from_enrolments.json", "--threshold", "6")
    assert result.returncode == 2
    assert result.stderr == "paarorende: --threshold goes with --public\n"


def test_the_enrolments_command_prints_the_ages_not_the_ids(cli, enrolments):
    result = cli("enrolments", EXAMPLE / "enrolments.json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["children"] == 22
    assert summary["children_ages"] == sorted(paarorende.enrolled_ages(enrolments))
    assert "tp-001" not in result.stdout


def test_childrens_attendance_is_a_dataframe_per_child_and_meeting():
    attendance = paarorende.ChildrenAttendance.load(EXAMPLE / "attendance.json")
    frame = attendance.to_dataframe()
    assert list(frame.columns) == ["meeting", "date", "child", "age", "present"]
    assert len(frame) == 22 * 5
    present = frame.groupby("meeting")["present"].sum().tolist()
    assert present == [len(m.present) for m in attendance.meetings]
    scores = paarorende.score_children_attendance(attendance)
    assert not scores.suppressed
    assert [s.households_present for s in scores.sessions] == present


def test_childrens_attendance_refuses_a_child_not_enrolled(enrolments):
    meeting = paarorende.ChildrenMeeting(meeting=1, date=datetime.date(2027, 4, 7), present=["tp-999"])
    attendance = paarorende.ChildrenAttendance(enrolments=enrolments, meetings=[meeting])
    with pytest.raises(paarorende.InputError) as error:
        attendance.to_dataframe()
    assert (error.value.where, error.value.rule) == ("/meetings/0/present/0", "V4")


def test_the_childrens_evaluation_is_scored_per_band_on_its_own_scale():
    bands = paarorende.score_children_evaluation(
        paarorende.load_children_responses(EXAMPLE / "children_evaluation.csv"))
    assert [(b.ages.min_age, b.ages.max_age) for b in bands] == [(6, 9), (10, 16)]
    assert [len(b.scores.courses[0].items[0].distribution) for b in bands] == [3, 5]
    frame = bands[0].to_dataframe()
    assert list(frame.columns[:2]) == ["min_age", "max_age"]
    assert set(frame["min_age"]) == {6}


def test_the_childrens_free_text_is_shown_only_when_asked_and_answered_by_enough():
    responses = paarorende.load_children_responses(EXAMPLE / "children_evaluation.csv")
    assert paarorende.score_children_evaluation(responses, threshold=3)[0].scores.courses[0].items[-1].comments == []
    # Four of the 6-9 band wrote something: under the threshold 5 even when asked (X4) ...
    asked = paarorende.score_children_evaluation(responses, comments=True)
    assert asked[0].scores.courses[0].items[-1].comments == []
    # ... and shown, sorted, with a threshold of 3.
    asked = paarorende.score_children_evaluation(responses, comments=True, threshold=3)
    comments = asked[0].scores.courses[0].items[-1].comments
    assert len(comments) == 4 and comments == sorted(comments)


def test_the_command_line_scores_the_childrens_evaluation_side_by_side(cli):
    result = cli("evaluate", EXAMPLE / "children_evaluation.csv", "--children")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert [(b["min_age"], b["max_age"], b["scores"]["form"]) for b in scores["bands"]] == [
        (6, 9, "treffpunkt-6-9"), (10, 16, "treffpunkt-10-16")]
    assert "mean" not in scores  # no combined figure across the bands


def test_the_example_is_what_its_generator_writes(tmp_path):
    """The documented seeded generator writes exactly the committed files."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("generate_treffpunkt", EXAMPLE / "generate_treffpunkt.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.HERE = tmp_path
    (tmp_path / "season.json").write_bytes((EXAMPLE / "season.json").read_bytes())
    module.main()
    for name in ["enrolments.json", "season_from_enrolments.json", "attendance.json", "children_evaluation.csv"]:
        assert (tmp_path / name).read_bytes() == (EXAMPLE / name).read_bytes(), name
