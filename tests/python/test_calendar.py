"""The Norwegian calendar from Python: Easter and public holidays (DOMAIN X1), school calendars
(X2), and whether a date is closed for a course (C11)."""

import copy
import datetime

import dateutil.easter
import holidays
import pytest

import paarorende
from paarorende import (
    Closure,
    ClosureKind,
    PublicHoliday,
    SchoolCalendar,
    SchoolHoliday,
    SchoolYear,
)

date = datetime.date


@pytest.fixture(scope="module")
def sandefjord(repo):
    return SchoolCalendar.load(repo / "examples/calendars/sandefjord-school-holidays.json")


# DOMAIN X1: Easter by the Gregorian computus.
@pytest.mark.parametrize(
    ("year", "easter"),
    [(1900, date(1900, 4, 15)), (1961, date(1961, 4, 2)), (2000, date(2000, 4, 23)),
     (2019, date(2019, 4, 21)), (2024, date(2024, 3, 31)), (2038, date(2038, 4, 25)),
     (2200, date(2200, 4, 6))])
def test_easter_sunday_known_dates_across_centuries(year, easter):
    assert paarorende.easter_sunday(year) == easter


def test_easter_sunday_agrees_with_dateutil_for_every_supported_year():
    for year in range(paarorende.first_supported_year, paarorende.last_supported_year + 1):
        assert paarorende.easter_sunday(year) == dateutil.easter.easter(year), year


def test_public_holidays_are_date_and_norwegian_name_pairs_in_date_order():
    days = paarorende.public_holidays(2024)
    assert days[0] == (date(2024, 1, 1), "Første nyttårsdag")
    assert days[-1] == (date(2024, 12, 26), "Andre juledag")
    assert all(isinstance(day, tuple) and len(day) == 2 for day in days)
    assert [day for day, _ in days] == sorted(day for day, _ in days)
    assert len(days) == 12


def by_date(pairs):
    grouped = {}
    for day, name in pairs:
        grouped.setdefault(day, []).append(name)
    return grouped


# DOMAIN X1, checked against an independent implementation (Debian's python3-holidays).
def test_public_holidays_match_python_holidays_1950_to_2100():
    for year in range(1950, 2101):
        ours = by_date(paarorende.public_holidays(year))
        theirs = holidays.Norway(years=year, include_sundays=False)
        assert set(ours) == set(theirs), year
        for day, names in ours.items():
            if len(names) == 1:
                assert names[0] == theirs[day], (year, day)
            else:  # python-holidays joins two names on one date with ", "
                assert sorted(names) == sorted(theirs[day].split(", ")), (year, day)


def test_two_holidays_on_one_date_are_two_entries():
    # 2008: Ascension Day fell on 1 May.
    on_first_of_may = [name for day, name in paarorende.public_holidays(2008)
                       if day == date(2008, 5, 1)]
    assert sorted(on_first_of_may) == ["Arbeidernes dag", "Kristi himmelfartsdag"]
    assert paarorende.public_holiday_on(date(2008, 5, 1)).name_nb == on_first_of_may[0]


def test_may_holidays_start_in_1947():
    assert date(1946, 5, 17) not in dict(paarorende.public_holidays(1946))
    assert dict(paarorende.public_holidays(1947))[date(1947, 5, 17)] == "Grunnlovsdag"


def test_public_holiday_list_gives_english_names_too():
    listed = paarorende.public_holiday_list(2024)
    assert [(h.date, h.name_nb) for h in listed] == paarorende.public_holidays(2024)
    ascension = next(h for h in listed if h.name_nb == "Kristi himmelfartsdag")
    assert ascension == PublicHoliday(date=date(2024, 5, 9), name_nb="Kristi himmelfartsdag",
                                      name_en="Ascension Day", name_nn="Kristi himmelfartsdag")
    may_17 = next(h for h in listed if h.date == date(2024, 5, 17))
    assert (may_17.name_nb, may_17.name_nn) == ("Grunnlovsdag", "Grunnlovsdagen")
    assert str(ascension) == "2024-05-09 Kristi himmelfartsdag"
    assert repr(ascension) == ("PublicHoliday(date=datetime.date(2024, 5, 9), "
                               "name_nb='Kristi himmelfartsdag', name_en='Ascension Day', "
                               "name_nn='Kristi himmelfartsdag')")


def test_public_holiday_on():
    assert paarorende.public_holiday_on(date(2019, 12, 26)).name_en == "Boxing Day"
    assert paarorende.public_holiday_on(date(2019, 12, 27)) is None


def test_datetime_is_not_taken_for_a_date():
    # A datetime is a date only at midnight (issue #24): 12:00 is refused, not cut to the day.
    with pytest.raises(ValueError, match="which has a time of day"):
        paarorende.public_holiday_on(datetime.datetime(2019, 12, 26, 12, 0))
    assert paarorende.public_holiday_on(datetime.datetime(2019, 12, 26)) is not None


# DOMAIN C11 (C3, X1, X2): why a date is closed.
@pytest.mark.parametrize(
    ("day", "kind", "rule", "name"),
    [(date(2019, 11, 9), ClosureKind.weekend, "C3", "lørdag"),
     (date(2019, 11, 10), ClosureKind.weekend, "C3", "søndag"),
     (date(2019, 12, 26), ClosureKind.public_holiday, "X1", "Andre juledag"),
     (date(2019, 12, 27), ClosureKind.school_holiday, "X2", "Juleferie"),
     (date(2020, 2, 25), ClosureKind.school_holiday, "X2", "Vinterferie"),
     (date(2020, 7, 1), ClosureKind.outside_school_year, "C11", "sommerferie")])
def test_course_closure_says_why(sandefjord, day, kind, rule, name):
    closure = paarorende.course_closure(day, sandefjord)
    assert closure == Closure(kind=kind, rule=rule, name=name)
    assert paarorende.is_closed(day, school_calendar=sandefjord)


def test_open_days_have_no_closure(sandefjord):
    assert paarorende.course_closure(date(2019, 11, 5), sandefjord) is None
    assert not paarorende.is_closed(date(2019, 11, 5), sandefjord)


def test_without_a_school_calendar_only_weekends_and_public_holidays_close():
    assert paarorende.course_closure(date(2019, 12, 27)) is None
    assert paarorende.course_closure(date(2019, 12, 26)).kind == ClosureKind.public_holiday


def test_closure_text():
    closure = paarorende.course_closure(date(2019, 12, 26))
    assert str(closure) == "Andre juledag (public_holiday, DOMAIN X1)"
    assert repr(closure) == ("Closure(kind=ClosureKind.public_holiday, rule='X1', "
                             "name='Andre juledag')")


# DOMAIN X2: school calendars are data a municipality supplies.
def test_school_calendar_loads_example_data(sandefjord):
    assert sandefjord.municipality == "Sandefjord"
    assert sandefjord.example_data
    assert [year.label for year in sandefjord.years] == ["2019-2020", "2020-2021", "2026-2027"]
    first = sandefjord.years[0]
    assert first.first_day == date(2019, 8, 19)
    assert first.holidays[0] == SchoolHoliday(name="Høstferie", first=date(2019, 9, 30),
                                              last=date(2019, 10, 4))


def test_school_calendar_json_round_trip(sandefjord):
    assert SchoolCalendar.from_json(sandefjord.to_json()) == sandefjord
    assert SchoolCalendar.from_json(sandefjord.to_json(indent=None)) == sandefjord
    assert "\n" not in sandefjord.to_json(indent=None)


def test_school_calendar_built_in_python():
    year = SchoolYear(label="2030-2031", first_day=date(2030, 8, 19), last_day=date(2031, 6, 20),
                      holidays=[SchoolHoliday(name="Høstferie", first=date(2030, 9, 30),
                                              last=date(2030, 10, 4))])
    calendar = SchoolCalendar(municipality="Valdres", years=[year])
    assert calendar.covers(date(2031, 1, 10))
    assert not calendar.covers(date(2031, 7, 1))
    assert calendar.school_year_of(date(2030, 10, 1)) == year
    assert calendar.school_year_of(date(2031, 7, 1)) is None
    assert paarorende.course_closure(date(2030, 10, 1), calendar).name == "Høstferie"
    assert SchoolCalendar.from_json(calendar.to_json()) == calendar
    assert repr(calendar) == ("SchoolCalendar(municipality='Valdres', "
                              "years=<1 school year 2030-2031>)")


def test_school_calendar_lists_change_in_place_and_are_assignable(sandefjord):
    calendar = copy.deepcopy(sandefjord)
    calendar.years.pop()  # no silent copy: the calendar changes
    assert len(calendar.years) == 2
    assert calendar != sandefjord
    years = list(calendar.years)  # a plain list is a copy
    years.pop()
    assert len(calendar.years) == 2
    calendar.years = years
    assert len(calendar.years) == 1


def test_school_year_repr_reads_like_its_constructor():
    year = SchoolYear(label="2019-2020", first_day=date(2019, 8, 19), last_day=date(2020, 6, 19))
    assert repr(year) == ("SchoolYear(label='2019-2020', first_day=datetime.date(2019, 8, 19), "
                          "last_day=datetime.date(2020, 6, 19), holidays=[])")
    assert eval(repr(year), {"datetime": datetime, "SchoolYear": SchoolYear}) == year


def test_closure_kinds():
    assert {kind.name for kind in ClosureKind.__members__.values()} == {
        "weekend", "public_holiday", "school_holiday", "outside_school_year"}


# Issue #24: a date as analysts hold it. An ISO string, a datetime or pandas.Timestamp at midnight
# and a numpy.datetime64 are taken as the date; a time of day other than midnight, or a string that
# is not a date, is a short ValueError that says what is accepted.
@pytest.mark.parametrize("given", [
    "2026-09-08",
    "2026-09-08T00:00:00",
    datetime.datetime(2026, 9, 8),
    pytest.param("pandas", id="pandas.Timestamp"),
    pytest.param("numpy", id="numpy.datetime64"),
])
def test_a_date_is_accepted_as_analysts_hold_it(given):
    if given == "pandas":
        given = pytest.importorskip("pandas").Timestamp("2026-09-08")
    elif given == "numpy":
        given = pytest.importorskip("numpy").datetime64("2026-09-08")
    request = paarorende.CourseRequest(first_date=given)
    assert request.first_date == datetime.date(2026, 9, 8)
    request.earliest_date = given
    assert request.earliest_date == datetime.date(2026, 9, 8)


@pytest.mark.parametrize("given, message", [
    (datetime.datetime(2026, 9, 8, 10, 30), "expected a date, got 2026-09-08 10:30:00, which has a time of day"),
    ("2026-02-30", 'expected a date as YYYY-MM-DD, got "2026-02-30"'),
    ("8. september", 'expected a date as YYYY-MM-DD, got "8. september"'),
])
def test_a_date_with_a_time_or_no_date_at_all_is_refused_shortly(given, message):
    with pytest.raises(ValueError) as error:
        paarorende.CourseRequest(first_date=given)
    assert str(error.value).startswith(message)
    assert len(str(error.value)) < 200
