"""Planning and validating courses from Python (DOMAIN C1-C11, X3), the JSON forms, and the
package's surface: reprs, equality, docstrings."""

import copy
import datetime
import inspect
import json
import zoneinfo

import pytest

import paarorende
from example_calendar import EXAMPLE_CALENDAR_NOTE
from paarorende import (
    AgendaItem,
    AgendaKind,
    ClosureKind,
    CourseRequest,
    CourseSchedule,
    MovePolicy,
    ScheduleRules,
    Session,
    Severity,
    Venue,
    Violation,
)

OSLO = zoneinfo.ZoneInfo("Europe/Oslo")
date = datetime.date
time = datetime.time


# The Sandefjord pilot (DOMAIN C1-C4, C11; S-5.0): 5 sessions, 15:00-16:30, every 4 weeks.
def test_pilot_has_five_sessions_on_tuesdays_from_15_to_16_30(pilot):
    assert len(pilot.sessions) == 5
    assert pilot.sessions[0].date == date(2019, 11, 5)
    for number, session in enumerate(pilot.sessions, start=1):
        assert session.number == number
        assert session.date.weekday() == 1  # Tuesday
        assert session.start_time == time(15, 0)
        assert session.end_time == time(16, 30)
        assert session.minutes == 90
        assert session.venue == Venue(name="Klasserom på barnas skole", address="Sandefjord")


def test_pilot_moves_sessions_3_and_5_out_of_school_holidays(pilot):
    moved = {s.number: s for s in pilot.sessions if s.moved_from is not None}
    assert sorted(moved) == [3, 5]
    assert moved[3].moved_from == date(2019, 12, 31)
    assert moved[3].date == date(2020, 1, 7)
    assert moved[3].move_reason.kind == ClosureKind.school_holiday
    assert moved[3].move_reason.name == "Juleferie"
    assert moved[5].moved_from == date(2020, 2, 25)
    assert moved[5].date == date(2020, 3, 3)
    assert moved[5].move_reason.name == "Vinterferie"
    infos = [f for f in pilot.findings if f.severity == Severity.info]
    # The third info is the course plan's: topics reordered for the presenters (DOMAIN C7;
    # test_topics.py checks it).
    assert [(f.rule, f.session) for f in infos] == [("C11", 3), ("C11", 5), ("C7", None)]
    # and the warning that the calendar is example data (DOMAIN X2).
    assert infos + [Violation(rule="X2", severity=Severity.warning, message=EXAMPLE_CALENDAR_NOTE)] == pilot.findings
    assert not paarorende.has_errors(pilot.findings)


# DOMAIN X3: instants are aware datetimes in Europe/Oslo.
def test_pilot_starts_are_aware_oslo_datetimes_at_utc_plus_one_in_winter(pilot):
    for session in pilot.sessions:
        assert session.start.tzinfo is not None
        assert session.start.tzinfo.key == "Europe/Oslo"
        assert session.start.utcoffset() == datetime.timedelta(hours=1)
        assert session.start == datetime.datetime.combine(session.date, time(15, 0), OSLO)
        assert session.end - session.start == datetime.timedelta(minutes=90)
    first = pilot.sessions[0].start
    assert first.astimezone(datetime.timezone.utc) == datetime.datetime(
        2019, 11, 5, 14, 0, tzinfo=datetime.timezone.utc)


def test_summer_sessions_are_at_utc_plus_two():
    schedule = paarorende.plan_course(
        CourseRequest(first_date=date(2024, 4, 16), venue=Venue(name="Grendehus")))
    assert [s.start.utcoffset() for s in schedule.sessions] == [datetime.timedelta(hours=2)] * 5
    assert schedule.sessions[0].start.astimezone(datetime.timezone.utc).hour == 13
    # DOMAIN X2: without a school calendar the planner says so.
    assert [(f.rule, f.severity) for f in schedule.findings] == [("X2", Severity.warning)]


def test_shift_following_moves_the_later_sessions_too(pilot_request):
    request = copy.copy(pilot_request)
    request.move_policy = MovePolicy.shift_following
    dates = [s.date for s in paarorende.plan_course(request).sessions]
    assert dates == [date(2019, 11, 5), date(2019, 12, 3), date(2020, 1, 7), date(2020, 2, 4),
                     date(2020, 3, 3)]


# DOMAIN C3: the latest start that ends before care closes, minus travel.
def test_latest_start(pilot_request):
    assert paarorende.latest_start(pilot_request) == time(15, 0)
    request = copy.copy(pilot_request)
    request.travel_minutes = 10
    assert paarorende.latest_start(request) == time(14, 50)
    request.travel_minutes = 12  # rounded down to the 5-minute grid
    assert paarorende.latest_start(request) == time(14, 45)


# DOMAIN C11: validate() finds a hand-edited session on a public holiday.
def test_validate_finds_a_session_moved_onto_boxing_day(pilot):
    sessions = pilot.sessions
    edited = sessions[2]
    edited.start = datetime.datetime(2019, 12, 26, 15, 0, tzinfo=OSLO)
    edited.end = datetime.datetime(2019, 12, 26, 16, 30, tzinfo=OSLO)
    edited.moved_from = None
    edited.move_reason = None
    sessions[2] = edited
    pilot.sessions = sessions
    assert pilot.sessions[2].date == date(2019, 12, 26)

    found = paarorende.validate(pilot)
    c11 = [v for v in found if v.rule == "C11"]
    assert c11 == [Violation(rule="C11", severity=Severity.error, session=3,
                             message="session 3 on 2019-12-26 is a public holiday "
                                     "(Andre juledag) [X1]")]
    assert paarorende.has_errors(found)
    assert str(c11[0]).startswith("error [C11]")
    assert str(c11[0]).endswith(c11[0].message)


def test_validate_accepts_the_planned_pilot(pilot):
    assert not paarorende.has_errors(paarorende.validate(pilot))


def test_reading_a_list_gives_a_copy(pilot):
    pilot.sessions[0].number = 99
    assert pilot.sessions[0].number == 1


def test_setting_a_start_from_another_zone_converts_to_oslo(pilot):
    session = pilot.sessions[0]
    session.start = datetime.datetime(2019, 11, 5, 14, 0, tzinfo=datetime.timezone.utc)
    assert session.start_time == time(15, 0)
    session.start = datetime.datetime(2019, 11, 5, 14, 30)  # naive: Oslo wall-clock time
    assert session.start_time == time(14, 30)
    assert session.start.utcoffset() == datetime.timedelta(hours=1)


def test_fold_picks_one_of_the_two_hours_of_the_october_night(pilot):
    session = pilot.sessions[0]
    for fold, offset in ((0, 2), (1, 1)):
        session.start = datetime.datetime(2019, 10, 27, 2, 30, fold=fold)
        assert session.start.fold == fold
        assert session.start.utcoffset() == datetime.timedelta(hours=offset)


# DOMAIN C2, C6, C9, C10: the standard agenda.
def test_standard_agenda_of_the_first_and_later_sessions():
    first = paarorende.standard_agenda(1)
    assert [item.kind for item in first] == [AgendaKind.meal, AgendaKind.getting_to_know,
                                             AgendaKind.topic_wishes]
    later = paarorende.standard_agenda(2, session_minutes=120, introduction_minutes=40)
    assert [(item.kind, item.offset_minutes, item.minutes) for item in later] == [
        (AgendaKind.meal, 0, 40), (AgendaKind.introduction, 0, 40),
        (AgendaKind.reflection, 40, 80)]


def test_session_built_in_python_validates_like_a_planned_one(pilot):
    session = Session(number=1, date=date(2019, 11, 5), start=time(15, 0), end=time(16, 30),
                      venue=pilot.request.venue, agenda=paarorende.standard_agenda(1),
                      topic=paarorende.FIRST_SESSION_TOPIC, presenter="lms_leder")
    assert session == pilot.sessions[0]
    assert session.start == datetime.datetime(2019, 11, 5, 15, 0, tzinfo=OSLO)


# JSON: what the writers write, the readers read back to an equal value.
def without_participants(schedule):
    """DOMAIN X4: the schedule document leaves out the participants' wishes and children."""
    request = copy.deepcopy(schedule.request)
    request.wishes = []
    request.children = []
    return CourseSchedule(request=request, sessions=schedule.sessions, findings=schedule.findings)


def test_schedule_json_round_trip(pilot):
    assert CourseSchedule.from_json(pilot.to_json()) == without_participants(pilot)
    assert CourseSchedule.from_json(pilot.to_json(indent=None)) == without_participants(pilot)
    assert "wishes" not in json.loads(pilot.to_json())["request"]
    assert "children" not in json.loads(pilot.to_json())["request"]


def test_schedule_load(pilot, tmp_path):
    path = tmp_path / "schedule.json"
    path.write_text(pilot.to_json(), encoding="utf-8")
    assert CourseSchedule.load(path) == without_participants(pilot)
    assert CourseSchedule.load(str(path)) == without_participants(pilot)


def test_request_json_round_trip(pilot_request):
    assert CourseRequest.from_json(pilot_request.to_json()) == pilot_request


def test_request_from_json_resolves_calendar_files_against_base_dir(repo, pilot_request):
    text = (repo / "examples/sandefjord_pilot/course.json").read_text(encoding="utf-8")
    request = CourseRequest.from_json(text, base_dir=repo / "examples/sandefjord_pilot")
    assert request == pilot_request


# The keyword constructors take every field, with the C++ defaults (DOMAIN C1-C4).
def test_request_defaults_are_the_domain_defaults():
    request = CourseRequest()
    assert request.title == "Mestringskurs for foreldre"
    assert request.first_date is None and request.earliest_date is None
    assert request.weekday is None
    assert (request.sessions, request.cadence_weeks) == (5, 4)
    assert (request.session_minutes, request.introduction_minutes) == (90, 30)
    assert request.care_closes == time(16, 30)
    assert request.earliest_start == time(14, 0)
    assert request.travel_minutes == 0
    assert request.move_policy == MovePolicy.next_open_week
    assert request.school_calendar is None
    assert request.rules == ScheduleRules()
    assert request.rules.cadences_weeks == [2, 4]
    # DOMAIN C5-C7: no topic round yet, the built-in catalogue, a course for parents.
    assert (request.wishes, request.children, request.presenters) == ([], [], [])
    assert request.catalogue is None
    assert request.topics() == paarorende.builtin_catalogue()
    assert request.topic_rules == paarorende.TopicRules()
    assert request.audience == paarorende.Audience.parents


def test_constructors_are_keyword_only():
    with pytest.raises(TypeError):
        CourseRequest("title")  # type: ignore[misc]
    with pytest.raises(TypeError):
        Venue("Grendehus")  # type: ignore[misc]


def test_request_with_earliest_date_and_weekday():
    request = CourseRequest(earliest_date=date(2024, 9, 2), weekday=paarorende.Weekday.wednesday,
                            cadence_weeks=2, venue=Venue(name="Grendehus"))
    schedule = paarorende.plan_course(request)
    assert schedule.sessions[0].date == date(2024, 9, 4)
    assert [s.date - schedule.sessions[0].date for s in schedule.sessions][-1] == \
        datetime.timedelta(weeks=8)


def test_struct_fields_are_mutable_in_place():
    request = CourseRequest()
    request.venue.name = "Grendehus"
    request.rules.max_move_weeks = 4
    request.travel.warn_minutes = 20
    assert request.venue == Venue(name="Grendehus")
    assert request.rules.max_move_weeks == 4
    assert request.travel == paarorende.TravelLimits(warn_minutes=20, max_minutes=60)


def test_copies_are_deep(pilot):
    clone = copy.deepcopy(pilot)
    assert clone == pilot
    clone.request.venue.name = "Grendehus"
    assert clone != pilot
    assert pilot.request.venue.name == "Klasserom på barnas skole"


def test_severity_is_ordered():
    assert Severity.info < Severity.warning < Severity.error


# Reprs read like the constructors.
def test_session_repr(pilot):
    assert repr(pilot.sessions[0]) == (
        "Session(number=1, date=datetime.date(2019, 11, 5), start='15:00', end='16:30', "
        "venue='Klasserom på barnas skole', topic='getting_to_know', presenter='lms_leder')")
    assert repr(pilot.sessions[2]).endswith(
        ", moved_from=datetime.date(2019, 12, 31), topic='municipal_services', "
        "presenter='koordinator')")
    assert str(pilot.sessions[0]) == (
        "Session(1, 2019-11-05 15:00-16:30, Klasserom på barnas skole)")


@pytest.mark.parametrize("value", [
    Venue(name="Grendehus", address="Storgata 1"),
    ScheduleRules(max_move_weeks=4, cadences_weeks=[2, 3, 4]),
    paarorende.TravelLimits(warn_minutes=20, max_minutes=45),
    CourseRequest(travel=paarorende.TravelLimits(warn_minutes=5)),
    ScheduleRules(),
    CourseRequest(),
    CourseRequest(title="Kurs, \"høst\"", first_date=date(2024, 9, 3), cadence_weeks=2,
                  care_closes=time(17, 0), move_policy=MovePolicy.shift_following,
                  rules=ScheduleRules(max_move_weeks=4)),
    CourseRequest(earliest_date=date(2024, 9, 2), weekday=paarorende.Weekday.thursday),
    AgendaItem(kind=AgendaKind.reflection, offset_minutes=30, minutes=60, title_nb="Refleksjon"),
    Violation(rule="C3", severity=Severity.warning, message="could start later", session=2),
    Violation(rule="C1", message="4 sessions"),
])
def test_repr_evaluates_back_to_an_equal_value(value, evaluated):
    assert evaluated(repr(value)) == value


def test_schedule_repr_summarises(pilot):
    text = repr(pilot)
    assert text.startswith("CourseSchedule(title='Mestringskurs for foreldre – pilot', ")
    assert text.endswith("sessions=<5 sessions 2019-11-05 .. 2020-03-03>, "
                         "findings=<4 findings, 0 errors>)")


def test_equality_with_other_types_is_false():
    assert Venue() != "Venue"
    assert Venue() == Venue()


# Every public name has a docstring, and every method and property of every class too.
def documented(doc, name):
    """The docstring without pybind11's signature line."""
    doc = doc or ""
    if doc.startswith(name + "("):
        doc = doc.split("\n", 1)[1] if "\n" in doc else ""
    return doc.strip()


def test_every_public_callable_has_a_docstring():
    assert paarorende.__doc__ and paarorende._core.__doc__
    missing = []
    for name in paarorende.__all__:
        obj = getattr(paarorende, name)
        if not callable(obj):
            continue
        if not documented(obj.__doc__, name):
            missing.append(name)
        if not inspect.isclass(obj) or hasattr(obj, "__members__"):
            continue  # enums: test_every_enum_value_is_documented
        for attr, member in vars(obj).items():
            if attr.startswith("__") and attr not in ("__init__", "__repr__", "__str__", "__eq__"):
                continue
            if isinstance(member, property) or callable(member) or isinstance(member,
                                                                               staticmethod):
                doc = getattr(obj, attr).__doc__ if not isinstance(member, property) \
                    else member.__doc__
                if not documented(doc, attr):
                    missing.append(f"{name}.{attr}")
    assert missing == []


def test_every_enum_value_is_documented():
    for enum in (AgendaKind, ClosureKind, MovePolicy, Severity, paarorende.Weekday,
                 paarorende.ChildStage, paarorende.Audience):
        for member in enum.__members__:
            assert f"  {member} : " in enum.__doc__, (enum, member)


def test_version():
    assert paarorende.__version__ == paarorende._core.__version__
    assert paarorende.__version__.count(".") == 2


# Issue #24: an enum also by its name, as the JSON writes it; an unknown name lists the names.
def test_an_enum_is_accepted_by_its_name():
    request = CourseRequest(earliest_date="2026-09-01", weekday="thursday", move_policy="shift_following")
    assert request.weekday == paarorende.Weekday.thursday
    assert request.move_policy == MovePolicy.shift_following
    request.weekday = "friday"
    assert request.weekday == paarorende.Weekday.friday
    assert paarorende.GroupRules(size="soft").size == paarorende.RuleWeight.soft
    assert paarorende.Weekday("monday") == paarorende.Weekday.monday
    with pytest.raises(ValueError) as error:
        paarorende.Weekday("fredag")
    assert str(error.value) == ('expected one of monday, tuesday, wednesday, thursday, friday, saturday, '
                                'sunday, got "fredag"')
    # As an argument an unknown name is still pybind11's TypeError (its implicit conversion keeps
    # no error of its own): the short message is Weekday("fredag")'s.
    with pytest.raises(TypeError):
        CourseRequest(weekday="fredag")
