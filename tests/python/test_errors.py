"""The error hierarchy from Python: every C++ paarorende::Error arrives as a ValueError subclass
that says which DOMAIN rule (.rule), where in the input (.where) and what (.message)."""

import datetime
import pickle

import pytest

import paarorende
from paarorende import (
    CourseRequest,
    CourseSchedule,
    ImpossibleRequest,
    InputError,
    PaarorendeError,
    RuleViolation,
    SchoolCalendar,
)

date = datetime.date
time = datetime.time


def test_the_hierarchy_derives_from_value_error():
    assert issubclass(PaarorendeError, ValueError)
    for cls in (InputError, ImpossibleRequest, RuleViolation):
        assert issubclass(cls, PaarorendeError)
    assert paarorende._core.error.InputError is InputError


def test_a_bad_date_is_an_input_error_at_its_json_pointer():
    with pytest.raises(InputError) as caught:
        CourseRequest.from_json('{"first_date": "2019-13-01"}')
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.where == "/first_date"
    assert error.rule == ""
    assert error.message == '"2019-13-01" is not a calendar date'
    assert str(error) == '/first_date: "2019-13-01" is not a calendar date'


def test_a_window_shorter_than_the_session_is_impossible_c3():
    request = CourseRequest(first_date=date(2019, 11, 5), care_closes=time(15, 0),
                            travel_minutes=0, session_minutes=90, earliest_start=time(14, 0))
    with pytest.raises(ImpossibleRequest) as caught:
        paarorende.plan_course(request)
    assert caught.value.rule == "C3"
    assert caught.value.where == "/session_minutes"
    assert str(caught.value).endswith("[DOMAIN C3]")
    with pytest.raises(ImpossibleRequest):
        paarorende.latest_start(request)


def test_a_weekend_course_is_impossible_c3():
    with pytest.raises(ImpossibleRequest) as caught:
        paarorende.plan_course(CourseRequest(first_date=date(2019, 11, 9)))
    assert (caught.value.rule, caught.value.where) == ("C3", "/first_date")


def test_invalid_json_is_located_by_line_and_column():
    with pytest.raises(InputError) as caught:
        CourseRequest.from_json('{\n  "first_date": ')
    assert caught.value.where.startswith("line 2, column ")
    assert caught.value.message.startswith("invalid JSON")


def test_unknown_fields_are_errors():
    with pytest.raises(InputError) as caught:
        CourseRequest.from_json('{"first_date": "2019-11-05", "colour": "blue"}')
    assert caught.value.where == "/colour"
    assert caught.value.message == 'unknown field "colour"'


def test_exactly_one_first_date():
    with pytest.raises(InputError) as caught:
        CourseRequest.from_json("{}")
    assert caught.value.where == "/first_date"


def test_check_reports_the_field():
    with pytest.raises(InputError) as caught:
        CourseRequest(first_date=date(2019, 11, 5), sessions=0).check()
    assert caught.value.where == "/sessions"


def test_errors_in_a_file_name_the_file(tmp_path):
    path = tmp_path / "course.json"
    path.write_text('{"first_date": "2019-11-31"}', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        CourseRequest.load(path)
    assert caught.value.where == f"{path}:/first_date"


def test_a_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError) as caught:
        SchoolCalendar.load(tmp_path / "missing.json")
    assert caught.value.where == str(tmp_path / "missing.json")


def test_schedule_errors_point_into_the_sessions():
    text = ('{"request": {"first_date": "2019-11-05"}, '
            '"sessions": [{"date": "2019-11-05", "start": "15:00"}]}')
    with pytest.raises(InputError) as caught:
        CourseSchedule.from_json(text)
    assert caught.value.where == "/sessions/0"


def test_unsupported_years_are_input_errors_x1():
    with pytest.raises(InputError) as caught:
        paarorende.easter_sunday(1800)
    assert caught.value.rule == "X1"
    with pytest.raises(InputError):
        paarorende.public_holidays(2201)


def test_dates_before_1400_are_input_errors():
    with pytest.raises(InputError, match="before 1400"):
        paarorende.is_closed(date(1300, 1, 1))


def test_an_aware_time_of_day_is_refused():
    with pytest.raises(ValueError, match="naive"):
        CourseRequest(care_closes=time(16, 30, tzinfo=datetime.timezone.utc))


def test_errors_pickle_with_their_fields():
    with pytest.raises(InputError) as caught:
        CourseRequest.from_json('{"first_date": "2019-13-01"}')
    copy = pickle.loads(pickle.dumps(caught.value))
    assert type(copy) is InputError
    assert (copy.rule, copy.where, copy.message, str(copy)) == (
        caught.value.rule, caught.value.where, caught.value.message, str(caught.value))


def test_errors_can_be_raised_from_python():
    error = RuleViolation("x: y [DOMAIN C11]", rule="C11", where="x", message="y")
    assert (error.rule, error.where, error.message, str(error)) == (
        "C11", "x", "y", "x: y [DOMAIN C11]")
    assert InputError("bad").message == "bad"


# --- short TypeErrors and whole floats (issue #24, item 3) ------------------------------------


def test_a_whole_float_is_taken_where_an_integer_is_meant():
    assert paarorende.Answer(value=4.0) == paarorende.Answer(value=4)
    assert paarorende.ScheduleRules(min_sessions=4.0).min_sessions == 4
    rules = paarorende.ScheduleRules()
    rules.max_sessions = 7.0
    assert rules.max_sessions == 7 and type(rules.max_sessions) is int
    with pytest.raises(TypeError, match=r"^ScheduleRules.max_sessions: expected int, got float$"):
        rules.max_sessions = 6.5


@pytest.mark.parametrize("make, message", [
    (lambda: paarorende.Answer(value=4.5), "Answer(): value: expected Optional[int], got float"),
    (lambda: paarorende.CourseRequest(sessions="five"), "CourseRequest(): sessions: expected int, got str"),
    (lambda: paarorende.Household(id="h1", caregivers=["mother"]),
     "Household(): caregivers: expected List[paarorende.Caregiver], got a list of str"),
    (lambda: paarorende.CourseRequest(travel=5),
     "CourseRequest(): travel: expected Optional[paarorende.TravelLimits], got int"),
])
def test_a_wrong_type_is_a_one_line_type_error_naming_the_field(make, message):
    with pytest.raises(TypeError) as error:
        make()
    assert str(error.value) == message


def test_an_unknown_keyword_lists_the_keywords_taken():
    with pytest.raises(TypeError) as error:
        paarorende.CourseRequest(sesions=5)
    text = str(error.value)
    assert text.startswith("CourseRequest(): no keyword 'sesions'; it takes title, municipality,")
    assert "\n" not in text and "Invoked with" not in text
