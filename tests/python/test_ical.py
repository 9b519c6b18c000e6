"""The iCalendar export (RFC 5545) read back by an independent parser (Debian's
python3-icalendar): one VEVENT per session at the session's Europe/Oslo times (DOMAIN X3)."""

import datetime
import zoneinfo

import icalendar
import pytest

import paarorende
from paarorende import CourseRequest, Venue

OSLO = zoneinfo.ZoneInfo("Europe/Oslo")
UTC = datetime.timezone.utc
STAMP = datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)


@pytest.fixture(scope="module")
def pilot(repo):
    return paarorende.plan_course(
        CourseRequest.load(repo / "examples/sandefjord_pilot/course.json"))


@pytest.fixture(scope="module")
def pilot_ical(pilot):
    return pilot.to_ical(dtstamp=STAMP)


def events(text):
    return [c for c in icalendar.Calendar.from_ical(text).walk() if c.name == "VEVENT"]


def test_one_event_per_session_at_the_session_times(pilot, pilot_ical):
    found = events(pilot_ical)
    assert len(found) == len(pilot.sessions) == 5
    for event, session in zip(found, pilot.sessions):
        start = event["DTSTART"].dt
        end = event["DTEND"].dt
        assert start.tzinfo is not None and end.tzinfo is not None
        assert event["DTSTART"].params["TZID"] == "Europe/Oslo"
        assert start == session.start
        assert end == session.end
        assert start.utcoffset() == session.start.utcoffset() == datetime.timedelta(hours=1)


def test_events_have_unique_uids_and_text(pilot, pilot_ical):
    found = events(pilot_ical)
    uids = [str(event["UID"]) for event in found]
    assert len(set(uids)) == len(uids)
    assert all(uid.endswith("@paarorende.invalid") for uid in uids)
    for event in found:
        assert str(event["SUMMARY"]).startswith(pilot.request.title)
        assert str(event["LOCATION"]) == "Klasserom på barnas skole, Sandefjord"
        assert str(event["DESCRIPTION"])
        assert event["DTSTAMP"].dt == STAMP
    assert "Juleferie" in str(found[2]["DESCRIPTION"])


def test_calendar_has_the_oslo_vtimezone(pilot_ical):
    calendar = icalendar.Calendar.from_ical(pilot_ical)
    zones = [c for c in calendar.walk() if c.name == "VTIMEZONE"]
    assert [str(zone["TZID"]) for zone in zones] == ["Europe/Oslo"]
    assert calendar["VERSION"] == "2.0"


def check_lines(text):
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert max(len(line) for line in lines) <= 75


def test_every_line_ends_in_crlf_and_has_at_most_75_octets(pilot_ical):
    check_lines(pilot_ical)


def test_long_text_is_folded_and_unfolds_to_the_original():
    title = "Mestringskurs for foreldre; vår, høst og «året rundt» – " + "æøå" * 40
    venue = Venue(name="Grendehuset på Ødegården, 2. etasje; inngang bak", address="Storgata 1")
    schedule = paarorende.plan_course(
        CourseRequest(title=title, first_date=datetime.date(2024, 9, 3), venue=venue))
    text = schedule.to_ical(dtstamp=STAMP)
    check_lines(text)
    found = events(text)
    # Session 1 is always for getting to know each other (DOMAIN T6), and the summary says so.
    assert str(found[0]["SUMMARY"]) == f"{title}: samling 1 av 5 – Bli kjent"
    assert str(found[0]["LOCATION"]) == f"{venue.name}, {venue.address}"


def test_summer_sessions_are_at_utc_plus_two():
    schedule = paarorende.plan_course(CourseRequest(first_date=datetime.date(2024, 4, 16)))
    found = events(schedule.to_ical(dtstamp=STAMP))
    for event, session in zip(found, schedule.sessions):
        assert event["DTSTART"].dt == session.start
        assert event["DTSTART"].dt.utcoffset() == datetime.timedelta(hours=2)


def test_dtstamp_makes_the_output_reproducible(pilot):
    assert pilot.to_ical(dtstamp=STAMP) == pilot.to_ical(dtstamp=STAMP)
    # Aware stamps are converted to UTC; naive ones are read as UTC.
    in_oslo = STAMP.astimezone(OSLO)
    assert pilot.to_ical(dtstamp=in_oslo) == pilot.to_ical(dtstamp=STAMP)
    assert pilot.to_ical(dtstamp=STAMP.replace(tzinfo=None)) == pilot.to_ical(dtstamp=STAMP)
    assert "DTSTAMP:20240102T030405Z\r\n" in pilot.to_ical(dtstamp=STAMP)


def test_without_dtstamp_the_time_of_the_call_is_used(pilot):
    before = datetime.datetime.now(UTC).replace(microsecond=0)
    stamp = events(pilot.to_ical())[0]["DTSTAMP"].dt
    after = datetime.datetime.now(UTC)
    assert before <= stamp <= after


def test_uid_domain(pilot):
    text = pilot.to_ical(dtstamp=STAMP, uid_domain="sandefjord.kommune.no")
    uids = [str(e["UID"]) for e in events(text)]
    assert all(uid.endswith("@sandefjord.kommune.no") for uid in uids)
    # UIDs are stable across exports.
    assert uids == [str(e["UID"]) for e in events(
        pilot.to_ical(dtstamp=STAMP.replace(year=2030), uid_domain="sandefjord.kommune.no"))]


def test_dtstamp_must_be_a_datetime(pilot):
    with pytest.raises(TypeError):
        pilot.to_ical(dtstamp=datetime.date(2024, 1, 2))
