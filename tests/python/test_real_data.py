"""Real data in (issue #18): a municipality's published per-school calendar (CSV, .xlsx, JSON)
and a school's iCalendar feed, read by `paarorende closed` and Python (DOMAIN C3, C11, X2); and
survey-tool exports (Microsoft Forms with Norwegian headers, Nettskjema, REDCap; CSV and .xlsx)
read by `evaluate`, scoring as the same answers in paarorende's own CSV, with no identity column's
content in any output (X4). The workbooks are made by tests/data/make_workbooks.py."""

from __future__ import annotations

import datetime
import json
import pathlib

import pytest
from example_calendar import beyond_example_note

import paarorende

REPO = pathlib.Path(__file__).resolve().parents[2]
CALENDAR = REPO / "examples" / "calendars" / "skoledager-2019-2020.csv"
FEED = REPO / "examples" / "calendars" / "vestre-skole-fridager.ics"
CALENDAR_XLSX = REPO / "tests" / "fuzz" / "corpus" / "school-days" / "open-data.xlsx"
SURVEYS = REPO / "tests" / "data" / "surveys"
PILOT_CSV = REPO / "examples" / "sandefjord_pilot" / "evaluation.csv"
EXPORTS = sorted(SURVEYS.glob("*.csv")) + sorted(SURVEYS.glob("*.xlsx"))


def closed(cli, *args):
    result = cli("closed", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# --- per-school calendars ----------------------------------------------------------------------

@pytest.mark.parametrize("calendar", [CALENDAR, CALENDAR_XLSX], ids=["csv", "xlsx"])
def test_one_schools_closed_sfo_closes_the_date_for_all_three(cli, calendar):
    answer = closed(cli, "2019-11-05", "--calendar", calendar)
    assert answer["closed"] is True
    assert answer["kind"] == "school_day" and answer["rule"] == "C3"
    assert answer["name"] == '"Byskogen skole": the SFO is closed on 2019-11-05 (SFO stengt: personalmøte)'
    assert answer["schools"] == ["Byskogen skole", "Sentrum skole", "Vestre skole"]
    other = closed(cli, "2019-11-05", "--calendar", calendar, "--school", "Sentrum skole")
    assert other["closed"] is False and other["findings"] == []


def test_a_planning_day_names_the_school_and_its_comment(cli):
    answer = closed(cli, "2019-11-06", "--calendar", CALENDAR, "--school", "Sentrum skole")
    assert answer["closed"] is True and answer["rule"] == "C11"
    assert "(Planleggingsdag)" in answer["name"] and '"Sentrum skole"' in answer["name"]


def test_a_school_without_a_calendar_is_a_warning(cli):
    answer = closed(cli, "2019-11-04", "--calendar", CALENDAR, "--school", "Nordre skole")
    assert answer["closed"] is False
    assert [(f["rule"], f["severity"]) for f in answer["findings"]] == [("X2", "warning")]


def test_weekends_and_public_holidays_still_close(cli):
    answer = closed(cli, "2019-12-25", "--calendar", CALENDAR)
    assert answer["closed"] is True and answer["kind"] == "public_holiday"


def test_an_icalendar_feed_of_days_off(cli):
    assert closed(cli, "2019-10-09", "--calendar", FEED)["closed"] is True
    assert closed(cli, "2019-11-12", "--calendar", FEED)["closed"] is False
    named = closed(cli, "2019-11-07", "--calendar", FEED, "--school", "Vestre")
    assert named["closed"] is True and named["schools"] == ["Vestre"]


def test_school_days_from_python():
    days = paarorende.load_school_days(CALENDAR)
    assert days.school_names() == ["Byskogen skole", "Sentrum skole", "Vestre skole"]
    day = days.find("Sentrum skole").day(datetime.date(2019, 11, 6))
    assert day == paarorende.SchoolDay(date=datetime.date(2019, 11, 6), pupils=False, teachers=True,
                                       care=True, comment="Planleggingsdag")
    assert repr(day).startswith("SchoolDay(date=datetime.date(2019, 11, 6)")
    refused = paarorende.check_school_days(datetime.date(2019, 12, 27), days, days.school_names())
    allowed = paarorende.check_school_days(datetime.date(2019, 12, 27), days, days.school_names(),
                                           paarorende.SfoOnlyDays.allowed)
    assert not refused.usable and allowed.usable
    assert paarorende.SchoolDays.from_json(days.to_json()) == days
    assert paarorende.load_school_days(CALENDAR_XLSX) == days


def test_school_days_errors_name_file_sheet_row_and_column(tmp_path):
    bad = REPO / "tests" / "bad_inputs" / "school-days" / "cell-not-ja-nei.xlsx"
    with pytest.raises(paarorende.InputError) as raised:
        paarorende.load_school_days(bad)
    assert raised.value.where == f'{bad}: sheet "Skoledager", row 3, column 3'


# --- survey exports ----------------------------------------------------------------------------

def evaluate(cli, *args):
    result = cli("evaluate", *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("export", EXPORTS, ids=[p.name for p in EXPORTS])
def test_an_export_scores_as_the_same_answers_in_paarorendes_csv(cli, export, tmp_path):
    expected = json.loads(evaluate(cli, PILOT_CSV))
    html = tmp_path / "report.html"
    output = evaluate(cli, export, "--html", html, "--comments")
    assert json.loads(evaluate(cli, export)) == expected
    # DOMAIN X4: no identity column's content reaches any output, comments included.
    for text in (output, html.read_text(encoding="utf-8")):
        for identity in ("forelder1@example.no", "Forelder Nummer", "2020-03-02", "241001"):
            assert identity not in text, (export.name, identity)


def test_an_unknown_column_names_the_closest_item(cli, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text("ID;Hvordan var bevertningen?;Lengde på samlingen\n1;4;3\n", encoding="utf-8")
    result = cli("evaluate", export)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(f'paarorende: {export}: row 1, column 2: unknown item "Hvordan var bevertningen?"')
    assert "the closest is q4" in result.stderr
    ignored = cli("evaluate", export, "--ignore-column", "hvordan var bevertningen")
    assert ignored.returncode == 0, ignored.stderr


def test_aliases_and_labels_of_a_municipalitys_form(tmp_path):
    form = paarorende.EvaluationForm(id="kommune", items=[
        paarorende.Item(id="mat", kind=paarorende.ItemKind.likert, text=paarorende.LocalText(nb="Maten"),
                        labels=[paarorende.ScaleLabel(value=5, label=paarorende.LocalText(nb="Svært bra"))],
                        aliases=["Hva syntes du om maten?"])])
    export = tmp_path / "export.csv"
    export.write_text("Starttidspunkt,HVA SYNTES DU OM MATEN\n2020-03-02,svært bra\n2020-03-03,3\n",
                      encoding="utf-8")
    responses = paarorende.load_responses(export, form)
    assert [r.answers[0].value for r in responses.responses] == [5, 3]


# --- planning with the schools' calendars ------------------------------------------------------

FEED_WITH_DAY_OFF = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Byskogen skole\r\n"
    "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20191105\r\nSUMMARY:Planleggingsdag\\, SFO stengt\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n")


def pilot_request_with_schools(tmp_path, schools, feed=FEED_WITH_DAY_OFF):
    request = json.loads((REPO / "examples" / "sandefjord_pilot" / "course.json").read_text(encoding="utf-8"))
    request["school_calendar"] = str(REPO / "examples" / "calendars" / "sandefjord-school-holidays.json")
    (tmp_path / "byskogen.ics").write_text(feed, encoding="utf-8", newline="")
    request["school_days"] = "byskogen.ics"
    request["schools"] = schools
    path = tmp_path / "course.json"
    path.write_text(json.dumps(request, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_plan_moves_a_session_off_a_day_when_one_schools_sfo_is_closed(cli, tmp_path):
    path = pilot_request_with_schools(tmp_path, {"byskogen": "Byskogen skole"})
    result = cli("plan", path)
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["sessions"][0]["date"] == "2019-11-12"
    moved = [f["message"] for f in plan["findings"] if "moved from 2019-11-05" in f["message"]]
    assert len(moved) == 1, plan["findings"]
    assert 'closed at a school: "Byskogen skole": the SFO is closed on 2019-11-05 (Planleggingsdag, SFO stengt)' in moved[0]


def test_a_plan_warns_of_a_school_without_a_calendar(cli, tmp_path):
    path = pilot_request_with_schools(tmp_path, {"byskogen": "Byskogen skole", "nordre": "Nordre skole"})
    plan = json.loads(cli("plan", path).stdout)
    warnings = [f["message"] for f in beyond_example_note(plan["findings"])
                if f["rule"] == "X2" and f["severity"] == "warning"]
    assert warnings == ['no school calendar for "Nordre skole" (nordre): its school days and SFO were not checked']


def test_a_request_with_schools_reads_back_from_python(tmp_path):
    path = pilot_request_with_schools(tmp_path, {"byskogen": "Byskogen skole"})
    request = paarorende.CourseRequest.load(path)
    assert request.schools == {"byskogen": "Byskogen skole"}
    assert request.sfo_only_days == paarorende.SfoOnlyDays.refused
    assert request.school_days.school_names() == ["Byskogen skole"]
    assert paarorende.CourseRequest.from_json(request.to_json()) == request


def test_a_groups_households_schools_decide_the_usable_dates(cli, tmp_path):
    # Issue #18 with #17: a course planned from a group uses its households' schools. Two families
    # picked up at Byskogen, one at Sentrum; the request's schools table names them as the
    # municipality's open data does, and a date is usable only when it is at both.
    place = {"municipality": "Sandefjord", "latitude": 59.13, "longitude": 10.22}
    group = {
        "id": "g1", "venue": "byskogen",
        "places": [{"id": "byskogen", **place}, {"id": "sentrum", **place, "latitude": 59.131}],
        "households": [
            {"id": f"h{i}", "school": "sentrum" if i == 3 else "byskogen", "care_closes": "16:30",
             "caregivers": [{"role": "mother"}, {"role": "father"}],
             "children": [{"stage": "lower_secondary", "condition": "severe_disability"}]}
            for i in range(1, 4)],
    }
    request = json.loads((REPO / "examples" / "sandefjord_pilot" / "course.json").read_text(encoding="utf-8"))
    request["school_calendar"] = str(REPO / "examples" / "calendars" / "sandefjord-school-holidays.json")
    # Both schools' days off as feeds give them (every other day a school day): Byskogen's SFO is
    # closed on 2019-11-05, Sentrum's on 2019-12-03.
    request["school_days"] = {
        "days": [{"dato": "2019-11-05", "skole": "Byskogen skole", "elevdag": "Nei", "laererdag": "Nei",
                  "sfodag": "Nei", "kommentar": "SFO stengt: personalmøte"},
                 {"dato": "2019-12-03", "skole": "Sentrum skole", "elevdag": "Nei", "laererdag": "Nei",
                  "sfodag": "Nei", "kommentar": "Planleggingsdag"}],
        "days_off_only": ["Byskogen skole", "Sentrum skole"]}
    request["schools"] = {"byskogen": "Byskogen skole", "sentrum": "Sentrum skole", "vestre": "Vestre skole"}
    request["group"] = group
    request.pop("venue")
    path = tmp_path / "course.json"
    path.write_text(json.dumps(request, ensure_ascii=False), encoding="utf-8")
    result = cli("plan", path)
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["request"]["schools"] == {"byskogen": "Byskogen skole", "sentrum": "Sentrum skole"}
    # 2019-11-05 is closed at Byskogen and 2019-12-03 at Sentrum: both sessions move.
    dates = [s["date"] for s in plan["sessions"]]
    assert "2019-11-05" not in dates and "2019-12-03" not in dates, dates
    for day, school in (("2019-11-05", "Byskogen skole"), ("2019-12-03", "Sentrum skole")):
        moved = [f["message"] for f in plan["findings"] if f"moved from {day}" in f["message"]]
        assert len(moved) == 1 and f'"{school}"' in moved[0], plan["findings"]
    # A household at a school without a calendar is a warning, never silently open.
    group["places"].append({"id": "nordre", **place})
    group["households"][2]["school"] = "nordre"
    path.write_text(json.dumps(request, ensure_ascii=False), encoding="utf-8")
    plan = json.loads(cli("plan", path).stdout)
    assert [f["message"] for f in beyond_example_note(plan["findings"])
            if f["rule"] == "X2" and f["severity"] == "warning"] == [
        'no school calendar for "nordre" (nordre): its school days and SFO were not checked']


def test_a_named_sheet_is_read_and_a_missing_one_refused(cli):
    answer = closed(cli, "2019-11-05", "--calendar", CALENDAR_XLSX, "--sheet", "Skoledager")
    assert answer["closed"] is True and answer["rule"] == "C3"
    missing = cli("closed", "2019-11-05", "--calendar", CALENDAR_XLSX, "--sheet", "Ark9")
    assert missing.returncode == 2 and missing.stdout == ""
    assert missing.stderr.startswith(f"paarorende: {CALENDAR_XLSX}:") and '"Ark9"' in missing.stderr
    assert cli("closed", "2019-11-05", "--calendar", CALENDAR, "--sheet", "Ark1").returncode == 2
    assert paarorende.load_school_days(CALENDAR_XLSX, sheet="Skoledager") == paarorende.load_school_days(CALENDAR_XLSX)
    with pytest.raises(paarorende.InputError) as raised:
        paarorende.SchoolDays.load(CALENDAR_XLSX, sheet="Ark9")
    assert '"Ark9"' in raised.value.where + raised.value.message
    export = SURVEYS / "ms-forms-nb.xlsx"
    assert cli("evaluate", export, "--sheet", "Ark1").returncode == 0
    refused = cli("evaluate", export, "--sheet", "Svar")
    assert refused.returncode == 2 and '"Svar"' in refused.stderr and refused.stdout == ""
