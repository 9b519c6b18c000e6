"""The season's programme (issue #19) through the command line: the exact comparison on small
seeded seasons, double bookings checked apart from the planner, the examples, infeasible seasons
and bad input. The exact planner and the seasons are in programme_instances.py."""

from __future__ import annotations

import datetime
import json

import pytest

from programme_instances import double_bookings, exact_objective, season

# The seeds whose gap the test asserts: the first twelve, as generated (docs/programme.md gives the
# figures over 400 seeds, from tests/benchmark/programme_exact.py).
SEEDS = range(12)


def plan(cli, tmp_path, document):
    file = tmp_path / "programme.json"
    file.write_text(json.dumps(document), encoding="utf-8")
    result = cli("programme", file)
    assert result.returncode in (0, 1), result.stderr
    return result


def objective(answer: dict) -> tuple[int, int, int, int]:
    o = answer["objective"]
    return (o["dropped_sessions"], o["dropped_offers"], o["moved_sessions"], o["minutes_before_latest_start"])


@pytest.mark.parametrize("seed", SEEDS)
def test_the_planner_reaches_the_exact_optimum_of_a_small_season(cli, tmp_path, seed):
    document = season(seed)
    answer = json.loads(plan(cli, tmp_path, document).stdout)
    assert double_bookings(answer) == []
    assert objective(answer) == exact_objective(document)


def test_exit_status_one_names_each_dropped_session_with_its_rules_and_offers(cli, tmp_path):
    # Seed 3 of the small seasons cannot be held whole: the exact method drops one session too.
    document = season(3)
    result = plan(cli, tmp_path, document)
    assert result.returncode == 1
    answer = json.loads(result.stdout)
    assert answer["feasible"] is False
    assert exact_objective(document)[:2] == (1, 1)
    assert [(d["offer"], d["session"]) for d in answer["dropped"]] == [("o1", 2)]
    assert answer["dropped"][0]["rules"]
    assert double_bookings(answer) == []


def test_the_sandefjord_autumn_example(cli, repo):
    result = cli("programme", repo / "examples/sandefjord_autumn/programme.json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert double_bookings(answer) == []
    # docs/programme.md works the cost out by hand.
    assert answer["cost"] == {"total": 28575.0,
                              "offers": {"kurs_vestre": 11775.0, "kurs_ostre": 14125.0, "pappasamling": 2675.0}}
    reasons = {(u["offer"], u["date"]): sorted(r["kind"] for r in u["reasons"]) for u in answer["unused_dates"]}
    assert reasons[("pappasamling", "2019-10-15")] == ["presenter_busy", "presenter_unavailable", "venue_busy"]
    assert reasons[("kurs_ostre", "2019-11-12")] == ["care_closed"]


def test_the_valdres_season_example(cli, repo):
    result = cli("programme", repo / "examples/valdres_season/programme.json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert double_bookings(answer) == []
    kinds = {offer["kind"] for offer in answer["offers"]}
    assert kinds == {"parents_course", "meeting_place", "competence_day"}
    for offer in answer["offers"]:
        if offer["kind"] == "meeting_place":
            assert all(len(s["volunteers"]) == 2 for s in offer["sessions"])  # DOMAIN X5


def test_calendars_html_and_workbook_are_written_and_stable(cli, repo, tmp_path):
    calendars = tmp_path / "calendars"
    html = tmp_path / "programme.html"
    xlsx = tmp_path / "programme.xlsx"
    example = repo / "examples/sandefjord_autumn/programme.json"
    result = cli("programme", example, "--ics-dir", calendars, "--html", html, "--xlsx", xlsx, "--lang", "nn")
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in calendars.iterdir())
    assert names == ["offer-kurs_ostre.ics", "offer-kurs_vestre.ics", "offer-pappasamling.ics",
                     "presenter-helsesykepleier.ics", "presenter-psykolog.ics", "venue-grendehus.ics",
                     "venue-vestre_skole.ics"]
    uids = [line for line in (calendars / "offer-kurs_vestre.ics").read_text().splitlines() if line.startswith("UID:")]
    assert len(uids) == 5
    # The same session keeps its UID in the venue's calendar and after planning again.
    venue_uids = (calendars / "venue-vestre_skole.ics").read_text()
    assert all(uid in venue_uids for uid in uids)
    cli("programme", example, "--ics-dir", calendars)
    again = [line for line in (calendars / "offer-kurs_vestre.ics").read_text().splitlines() if line.startswith("UID:")]
    assert again == uids
    assert '<html lang="nn">' in html.read_text(encoding="utf-8")
    openpyxl = pytest.importorskip("openpyxl")
    assert openpyxl.load_workbook(xlsx).sheetnames == ["Samlingar", "Ubrukte datoar", "Belastning", "Kostnader"]


def test_bad_input_writes_nothing(cli, repo, tmp_path):
    bad = repo / "tests/bad_inputs/programme/unknown-venue.json"
    html = tmp_path / "out.html"
    result = cli("programme", bad, "--html", html, "--ics-dir", tmp_path / "cal")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "/offers/0/venue: unknown venue \"aula\" [DOMAIN C8]" in result.stderr
    assert not html.exists() and not (tmp_path / "cal").exists()


def test_python_plans_a_programme_and_gives_each_table_as_a_dataframe(repo):
    paarorende = pytest.importorskip("paarorende")
    programme = paarorende.Programme.load(repo / "examples/sandefjord_autumn/programme.json")
    plan = paarorende.plan_programme(programme)
    assert plan.feasible
    assert plan.total_cost == 28575.0
    assert paarorende.check_programme_plan(plan) == []
    sessions = plan.to_dataframe("sessions")
    assert len(sessions) == 11
    assert sessions.loc[0, "date"] == datetime.date(2019, 9, 3)
    assert sessions.loc[0, "start"] == datetime.time(15, 0)
    assert list(plan.to_dataframe("costs")["total"]) == [11775.0, 14125.0, 2675.0]
    unused = plan.to_dataframe("unused_dates")
    assert list(unused["date"]) == [datetime.date(2019, 10, 1), datetime.date(2019, 12, 24),
                                    datetime.date(2019, 10, 1), datetime.date(2019, 11, 12),
                                    datetime.date(2019, 10, 15)]
    assert set(plan.to_dataframe("load")["id"]) == {"psykolog", "helsesykepleier"}
    with pytest.raises(ValueError, match="table: expected"):
        plan.to_records("rooms")
    assert repr(plan) == "ProgrammePlan(3 offers, feasible=True, total_cost=28575.0)"


def test_python_bad_input_says_where_and_which_rule(repo):
    paarorende = pytest.importorskip("paarorende")
    with pytest.raises(paarorende.InputError) as error:
        paarorende.Programme.load(repo / "tests/bad_inputs/programme/unknown-presenter.json")
    assert "/offers/0/presenters/0" in str(error.value)
    assert error.value.rule == "C7"
