"""Formats (DOMAIN C1-C11, G9, P1, P2, V4, X5), rosters, the meeting-place season, the family
week, the parallel offer and regions, from Python and from the command line, with the JSON checked
against the schemas in docs/schemas/."""

import datetime
import json

import pytest
from test_schemas import make_validator

import paarorende


def check(repo, name, document):
    """Validates against docs/schemas/<name>, resolving the references between schema files."""
    make_validator(name.removesuffix(".schema.json")).validate(document)


# --- formats ----------------------------------------------------------------------------------

def test_builtin_formats_are_the_six_with_their_rules():
    formats = {f.id: f for f in paarorende.builtin_formats()}
    assert list(formats) == ["monthly_parents", "biweekly_parents", "fathers_session",
                             "family_week", "meeting_place", "parallel_offer"]
    assert formats["monthly_parents"].sessions == 5
    assert formats["monthly_parents"].sources["sessions"] == "C1"
    assert formats["biweekly_parents"].cadence_weeks == 2
    assert formats["fathers_session"].audience == paarorende.Audience.fathers
    assert formats["family_week"].kind == paarorende.FormatKind.family_week
    assert (formats["meeting_place"].min_age, formats["meeting_place"].max_age) == (6, 16)
    assert formats["meeting_place"].staffing.min_adults == 2
    assert "P1" in formats["parallel_offer"].rules


def test_a_format_makes_a_course_request_and_plans():
    request = paarorende.builtin_format("fathers_session").course_request()
    assert request.format == "fathers_session"
    assert request.rules.getting_to_know_first is False
    request.first_date = datetime.date(2019, 11, 12)
    schedule = paarorende.plan_course(request)
    assert len(schedule.sessions) == 1
    assert [item.kind for item in schedule.sessions[0].agenda][1:] == [
        paarorende.AgendaKind.introduction, paarorende.AgendaKind.reflection]


def test_a_municipality_format_from_json(repo):
    text = json.dumps({"id": "skien_six", "based_on": "biweekly_parents", "sessions": 6})
    custom = paarorende.CourseFormat.from_json(text)
    assert (custom.sessions, custom.cadence_weeks, custom.based_on) == (6, 2, "biweekly_parents")
    assert paarorende.CourseFormat.from_json(custom.to_json()) == custom
    check(repo, "format.schema.json", custom.to_dict())
    with pytest.raises(paarorende.InputError) as error:
        paarorende.CourseFormat.from_json('{"id": "x", "based_on": "meeting_place", '
                                          '"staffing": {"min_adults": 1}}')
    assert error.value.where == "/staffing/min_adults"
    assert error.value.rule == "X5"


def test_cli_formats_lists_the_builtin_formats(cli, repo):
    result = cli("formats")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    check(repo, "formats.schema.json", document)
    assert [f["id"] for f in document["formats"]][0] == "monthly_parents"
    assert document["formats"][0]["evaluation_form"] == "sandefjord-pilot"


def test_cli_format_resolves_a_file(cli, tmp_path, repo):
    path = tmp_path / "larvik.json"
    path.write_text(json.dumps({"id": "larvik", "based_on": "monthly_parents",
                                "latest_end": "17:00"}), encoding="utf-8")
    result = cli("format", path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["latest_end"] == "17:00"
    path.write_text('{"id": "larvik", "based_on": "monthly_parents", "sesions": 3}', encoding="utf-8")
    result = cli("format", path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f'paarorende: {path}:/sesions: unknown field "sesions"\n'


# --- rosters and the season (V4, X5) ---------------------------------------------------------------

def volunteers():
    return [paarorende.Volunteer(id="v1", certificate_valid_until=datetime.date(2030, 1, 1)),
            paarorende.Volunteer(id="v2", certificate_valid_until=datetime.date(2027, 1, 10)),
            paarorende.Volunteer(id="v3")]


def shifts(children=4):
    return [paarorende.Shift(meeting=i + 1, date=datetime.date(2027, 1, 6) + datetime.timedelta(weeks=2 * i),
                             children=children,
                             adults_needed=paarorende.adults_needed(children))
            for i in range(3)]


def test_roster_never_rosters_a_lapsed_certificate_and_reports_shortfalls():
    roster = paarorende.make_roster(shifts=shifts(), volunteers=volunteers())
    assert [s.volunteers for s in roster.shifts] == [["v1", "v2"], ["v1"], ["v1"]]
    missing = paarorende.shortfalls(roster)
    assert [(s.meeting, s.needed, s.rostered) for s in missing] == [(2, 2, 1), (3, 2, 1)]
    assert missing[0].reason == ("no other volunteer can come: 2 without a valid police "
                                 "certificate [X5]")
    assert [f.rule for f in paarorende.validate_roster(roster)][:2] == ["X5", "X5"]
    assert roster.to_records()[1] == {"meeting": 2, "date": datetime.date(2027, 1, 20),
                                      "children": 4, "adults_needed": 2, "rostered": 1,
                                      "volunteers": ["v1"]}


def test_roster_changes_keep_the_roster_whole_on_refusal():
    roster = paarorende.make_roster(shifts=shifts(), volunteers=volunteers())
    before = roster.to_json()
    with pytest.raises(paarorende.RuleViolation) as error:
        roster.assign(2, "v2")
    assert error.value.rule == "X5"
    assert roster.to_json() == before
    roster.add_volunteer(paarorende.Volunteer(id="v4", certificate_valid_until=datetime.date(2029, 1, 1)))
    roster.assign(2, "v4")
    assert roster.shifts[1].volunteers == ["v1", "v4"]


def test_ratio_is_configurable():
    assert paarorende.adults_needed(11) == 3
    assert paarorende.adults_needed(11, paarorende.RosterRules(children_per_adult=6)) == 2
    assert paarorende.adults_needed(1, paarorende.RosterRules(children_per_adult=0)) == 2


def test_valdres_winter_season_from_the_example(repo):
    request = paarorende.SeasonRequest.load(repo / "examples" / "valdres_treffpunkt" / "season.json")
    season = paarorende.plan_season(request)
    assert [str(m.date) for m in season.meetings] == [
        "2027-01-06", "2027-01-20", "2027-02-03", "2027-02-17", "2027-03-17", "2027-03-31"]
    assert season.skipped[0].reason.name == "Vinterferie"
    assert [(g.band.min_age, g.band.max_age) for g in season.meetings[0].groups] == [(6, 9), (10, 12), (13, 16)]
    assert paarorende.shortfalls(season.roster) == []
    for shift in season.roster.shifts:
        assert len(shift.volunteers) == shift.adults_needed
        if shift.date > datetime.date(2027, 2, 15):
            assert "v04" not in shift.volunteers  # DOMAIN X5: lapsed 2027-02-15
        assert "v08" not in shift.volunteers  # no police certificate
    assert season.meetings[0].start.tzinfo is not None
    check(repo, "season.schema.json", season.to_dict())
    check(repo, "season-request.schema.json", json.loads((repo / "examples" / "valdres_treffpunkt" / "season.json").read_text(encoding="utf-8")))
    ics = season.to_ical(dtstamp=datetime.datetime(2027, 1, 1, tzinfo=datetime.timezone.utc))
    assert ics.count("BEGIN:VEVENT") == 6


def test_cli_season_and_roster(cli, repo, tmp_path):
    example = repo / "examples" / "valdres_treffpunkt" / "season.json"
    result = cli("season", example, "--ics", tmp_path / "season.ics")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    check(repo, "season.schema.json", document)
    assert "children_ages" not in document["request"]  # DOMAIN X4
    assert (tmp_path / "season.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    roster_file = tmp_path / "roster.json"
    roster_file.write_text(json.dumps(document["roster"]), encoding="utf-8")
    check(repo, "roster.schema.json", document["roster"])
    result = cli("roster", roster_file)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["valid"] is True
    # One volunteer taken off a meeting: a shortfall, exit 1.
    document["roster"]["shifts"][0]["volunteers"].pop()
    roster_file.write_text(json.dumps(document["roster"]), encoding="utf-8")
    result = cli("roster", roster_file)
    assert result.returncode == 1
    answer = json.loads(result.stdout)
    assert answer["shortfalls"][0]["meeting"] == 1
    assert answer["shortfalls"][0]["missing"] == 1


# --- the family week (P2) ----------------------------------------------------------------------------

def test_family_week_from_the_example(repo, cli, tmp_path):
    request = paarorende.FamilyWeekRequest.load(repo / "examples" / "family_week" / "request.json")
    plan = paarorende.plan_family_week(request)
    assert len(plan.days) == 5
    assert plan.findings == []
    kinds = [b.kind for b in plan.days[0].blocks]
    assert paarorende.FamilyBlockKind.teaching in kinds
    assert paarorende.FamilyBlockKind.childcare in kinds
    assert paarorende.FamilyBlockKind.observation_talk in [b.kind for b in plan.days[4].blocks]
    check(repo, "family-week.schema.json", plan.to_dict())
    check(repo, "family-week-request.schema.json",
          json.loads((repo / "examples" / "family_week" / "request.json").read_text(encoding="utf-8")))
    result = cli("family-week", repo / "examples" / "family_week" / "request.json", "--ics",
                 tmp_path / "week.ics")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["days"][1]["blocks"][0]["kind"] == "parents_group"


def test_family_week_refuses_a_holiday(tmp_path, cli):
    request = paarorende.family_week_request(paarorende.builtin_format("family_week"),
                                             datetime.date(2018, 5, 7))
    with pytest.raises(paarorende.ImpossibleRequest) as error:
        paarorende.plan_family_week(request)
    assert error.value.rule == "X1"
    path = tmp_path / "week.json"
    path.write_text('{"start_date": "2018-05-07"}', encoding="utf-8")
    result = cli("family-week", path)
    assert result.returncode == 2
    assert result.stderr == (f"paarorende: {path}:/start_date: day 4 (2018-05-10) is a public "
                             "holiday (Kristi himmelfartsdag); choose another start date [DOMAIN X1]\n")


# --- the parallel offer (P1) and regions (V1, V3) -------------------------------------------------------

def test_cli_parallel_reports_a_missing_offer(cli, tmp_path):
    path = tmp_path / "offer.json"
    path.write_text(json.dumps({
        "request": {"first_date": "2019-11-05", "sessions": 2, "venue": {"name": "Enggrav skole"}},
        "venue_kind": "school",
        "activities": [{"session": 1, "date": "2019-11-05", "start": "15:00", "end": "16:30",
                        "place": "Enggrav skole", "ages": [3, 7, 9], "staff": 2}]}), encoding="utf-8")
    result = cli("parallel", path)
    assert result.returncode == 1
    findings = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["severity"]) for f in findings] == [("P1", "error")]
    plan = paarorende.ParallelOfferPlan.load(path)
    assert [f.rule for f in paarorende.validate_parallel_offer(plan)] == ["P1"]


def test_valdres_region(cli, repo):
    valdres = paarorende.builtin_regions()[0]
    assert [m.number for m in valdres.municipalities] == ["3449", "3450", "3451", "3452", "3453", "3454"]
    assert paarorende.validate_region(valdres) == []
    result = cli("regions")
    assert result.returncode == 0
    document = json.loads(result.stdout)
    check(repo, "region.schema.json", document["regions"][0])
    contact = document["regions"][0]["municipalities"][0]["contacts"][0]
    assert set(contact) == {"role", "unit"}  # DOMAIN V3, X4: no personal data
