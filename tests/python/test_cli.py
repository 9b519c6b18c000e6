"""The command line as a coordinator or a script uses it: JSON on stdout; bad input gives exit
status 2, one line on stderr saying where and what, and nothing on stdout."""

import json

import pytest

PILOT = "examples/sandefjord_pilot/course.json"


def assert_bad_input(result, *fragments):
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def test_holidays_prints_the_years_public_holidays_as_json(cli):
    result = cli("holidays", 2026)
    assert result.returncode == 0, result.stderr
    holidays = json.loads(result.stdout)
    assert {"date": "2026-05-14", "name": "Kristi himmelfartsdag", "name_en": "Ascension Day",
            "name_nn": "Kristi himmelfartsdag"} in holidays
    assert len(holidays) == 12
    assert [h["date"] for h in holidays] == sorted(h["date"] for h in holidays)


@pytest.mark.parametrize("year", ["1899", "2201", "twenty", "2020x", ""])
def test_holidays_rejects_a_bad_year(cli, year):
    assert_bad_input(cli("holidays", year), "paarorende:")


def test_plan_prints_sessions_with_date_start_and_end(cli, repo):
    result = cli("plan", repo / PILOT)
    assert result.returncode == 0, result.stderr
    schedule = json.loads(result.stdout)
    sessions = schedule["sessions"]
    assert [(s["date"], s["start"], s["end"]) for s in sessions] == [
        ("2019-11-05", "15:00", "16:30"),
        ("2019-12-03", "15:00", "16:30"),
        ("2020-01-07", "15:00", "16:30"),  # moved off Juleferie
        ("2020-01-28", "15:00", "16:30"),
        ("2020-03-03", "15:00", "16:30"),  # moved off Vinterferie
    ]
    assert sessions[2]["moved_from"] == "2019-12-31"
    assert sessions[2]["move_reason"] == {"kind": "school_holiday", "rule": "X2", "name": "Juleferie"}


def test_plan_writes_icalendar_with_ics(cli, repo, tmp_path):
    ics = tmp_path / "pilot.ics"
    result = cli("plan", repo / PILOT, "--ics", ics)
    assert result.returncode == 0, result.stderr
    text = ics.read_bytes().decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == 5
    assert "DTSTART;TZID=Europe/Oslo:20191105T150000\r\n" in text


def test_plan_resolves_the_school_calendar_relative_to_the_request(cli, repo, tmp_path):
    # Run from elsewhere: the request's "../calendars/..." is relative to the request file.
    result = cli("plan", repo / PILOT, cwd=tmp_path)
    assert result.returncode == 0, result.stderr


def write(tmp_path, document, name="request.json"):
    path = tmp_path / name
    path.write_text(document if isinstance(document, str) else json.dumps(document), encoding="utf-8")
    return path


def test_plan_reports_a_missing_file(cli, tmp_path):
    assert_bad_input(cli("plan", tmp_path / "nope.json"), "nope.json", "cannot open the file")


def test_plan_reports_a_json_syntax_error_by_line_and_column(cli, tmp_path):
    path = write(tmp_path, '{\n  "first_date": "2019-11-05",\n  "sessions": 5,,\n}')
    assert_bad_input(cli("plan", path), "request.json: line 3, column 17", "invalid JSON")


def test_plan_reports_an_unknown_field_by_json_pointer(cli, tmp_path):
    path = write(tmp_path, {"first_date": "2019-11-05", "venue": {"name": "Skole", "rooom": 1}})
    assert_bad_input(cli("plan", path), "request.json:/venue/rooom: unknown field \"rooom\"")


def test_plan_reports_an_impossible_window_with_its_rule(cli, tmp_path):
    path = write(tmp_path, {"first_date": "2019-11-05", "care_closes": "15:00"})
    result = cli("plan", path)
    assert_bad_input(result, "request.json:/session_minutes", "[DOMAIN C3]")
    assert "no 90-minute session fits between the earliest start 14:00 and 15:00" in result.stderr


def test_plan_reports_more_sessions_than_the_school_year_holds(cli, repo, tmp_path):
    calendar = repo / "examples/calendars/sandefjord-school-holidays.json"
    path = write(tmp_path, {"first_date": "2020-04-14", "sessions": 6,
                            "school_calendar": str(calendar)})
    result = cli("plan", path)
    assert_bad_input(result, "[DOMAIN C11]", "sessions fit in school year 2019-2020")


def test_plan_with_a_bad_ics_path_prints_nothing(cli, repo, tmp_path):
    result = cli("plan", repo / PILOT, "--ics", tmp_path / "no-such-folder" / "x.ics")
    assert_bad_input(result, "cannot write the iCalendar file")


def test_validate_accepts_a_planned_schedule(cli, repo, tmp_path):
    planned = cli("plan", repo / PILOT)
    path = write(tmp_path, planned.stdout, "schedule.json")
    result = cli("validate", path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout)["valid"] is True


def test_validate_reports_a_session_moved_onto_a_holiday_with_exit_status_1(cli, repo, tmp_path):
    schedule = json.loads(cli("plan", repo / PILOT).stdout)
    schedule["sessions"][1]["date"] = "2019-12-26"  # Andre juledag, a Thursday
    del schedule["sessions"][1]["weekday"]
    path = write(tmp_path, schedule, "schedule.json")
    result = cli("validate", path)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False
    assert {"rule": "C11", "severity": "error",
            "message": "session 2 on 2019-12-26 is a public holiday (Andre juledag) [X1]",
            "session": 2} in report["findings"]


def test_closed_answers_with_the_reason(cli, repo):
    calendar = repo / "examples/calendars/sandefjord-school-holidays.json"
    result = cli("closed", "2020-02-25", "--calendar", calendar)
    assert json.loads(result.stdout) == {"date": "2020-02-25", "closed": True,
                                         "kind": "school_holiday", "rule": "X2", "name": "Vinterferie"}
    result = cli("closed", "2020-02-18", "--calendar", calendar)
    assert json.loads(result.stdout) == {"date": "2020-02-18", "closed": False}


def test_unknown_command_is_bad_input(cli):
    assert_bad_input(cli("plot"), "unknown command \"plot\"")


def test_version_matches_the_python_package(cli):
    import paarorende

    assert cli("version").stdout.strip() == paarorende.__version__


def test_topics_prints_the_built_in_catalogue(cli):
    result = cli("topics")
    assert result.returncode == 0, result.stderr
    topics = json.loads(result.stdout)
    assert topics[0]["id"] == "getting_to_know"  # DOMAIN T6: always first
    self_care = next(t for t in topics if t["id"] == "self_care")
    assert self_care["title_nb"] == "Egenomsorg"
    assert self_care["title_en"] == "Self-care"
    assert self_care["presenter_role"] == "psychologist"
    assert "lower_secondary" in self_care["stages"]


def test_topics_merges_a_municipal_catalogue(cli, tmp_path):
    path = write(tmp_path, {"topics": [
        {"id": "self_care", "override": True, "presenter_role": "health_visitor"},
        {"id": "assistive_devices", "title_nb": "Hjelpemidler", "title_en": "Assistive devices",
         "description_nb": "Hjelpemidler i hverdagen.", "description_en": "Assistive devices.",
         "presenter_role": "occupational_therapist", "stages": ["primary"],
         "audiences": ["parents"]}]}, "topics.json")
    topics = json.loads(cli("topics", "--catalogue", path).stdout)
    assert topics[-1]["id"] == "assistive_devices"
    assert next(t for t in topics if t["id"] == "self_care")["presenter_role"] == "health_visitor"


def test_topics_rejects_an_override_without_the_flag(cli, tmp_path):
    path = write(tmp_path, {"topics": [{"id": "self_care", "presenter_role": "health_visitor"}]},
                 "topics.json")
    assert_bad_input(cli("topics", "--catalogue", path), "topics.json:/topics/0/id",
                     'set "override": true')


def test_plan_gives_each_session_a_topic_and_a_presenter(cli, repo):
    sessions = json.loads(cli("plan", repo / PILOT).stdout)["sessions"]
    assert [(s["topic"], s["presenter"]) for s in sessions] == [
        ("getting_to_know", "lms_leder"),
        ("palliative_care_and_rights", "barnepalliasjon"),
        ("municipal_services", "koordinator"),  # swapped with self_care: C7
        ("self_care", "psykolog"),
        ("sexuality_and_identity", "helsesykepleier"),
    ]


def test_no_command_is_one_line(cli):
    assert_bad_input(cli(), "paarorende: missing command (try paarorende --help)")


def test_a_failed_write_to_stdout_is_an_error(build_dir):
    import subprocess
    with open("/dev/full", "w") as full:
        result = subprocess.run([str(build_dir / "paarorende"), "holidays", "2024"], stdout=full,
                                stderr=subprocess.PIPE, text=True, check=False)
    assert result.returncode == 2
    assert result.stderr == "paarorende: stdout: cannot write the output\n"


def test_a_field_given_twice_is_refused(cli, tmp_path):
    path = write(tmp_path, '{"first_date": "2019-11-05", "sessions": 5, "sessions": 50}')
    assert_bad_input(cli("plan", path), 'request.json:/sessions: field "sessions" is given twice')
