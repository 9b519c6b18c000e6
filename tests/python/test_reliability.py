"""Reliability from Python (issue #9, docs/reliability.md): the long computations release the GIL
and give the same answers from several threads as in sequence; the exception classes mirror the
C++ hierarchy; a failed change leaves the value unchanged (strong guarantee)."""

from __future__ import annotations

import concurrent.futures
import pathlib
import threading
import time

import pytest

import paarorende

PILOT = pathlib.Path(__file__).resolve().parents[2] / "examples" / "sandefjord_pilot"


def _calls():
    """Each long computation of the binding with its arguments, as (name, function)."""
    request = paarorende.CourseRequest.load(PILOT / "course.json")
    group = paarorende.GroupDocument.load(PILOT / "group.json")
    records = paarorende.AttendanceRecords.load(PILOT / "attendance.json")
    schedule = paarorende.plan_course(request)
    units = paarorende.attendance_units(group.group, group.rules)
    dates = [session.date for session in schedule.sessions[1:]]
    topics = [session.topic for session in schedule.sessions[1:]]
    return [
        ("plan_course", lambda: paarorende.plan_course(request)),
        ("validate", lambda: paarorende.validate(schedule)),
        ("validate_group", lambda: paarorende.validate_group(group.group, group.rules)),
        ("attendance_distribution", lambda: paarorende.attendance_distribution(units)),
        ("fit_attendance", lambda: paarorende.fit_attendance(records.records, prior=records.prior,
                                                             prior_weight=records.prior_weight)),
        ("households_needed", lambda: paarorende.households_needed(6, 0.9)),
        ("choose_topics", lambda: paarorende.choose_topics(request.wishes,
                                                           children=request.children, count=4)),
        ("staff_sessions", lambda: paarorende.staff_sessions(dates, topics, request.presenters)),
    ]


def test_results_from_several_threads_equal_the_sequential_ones():
    calls = _calls()
    sequential = {name: call() for name, call in calls}
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        futures = [(name, pool.submit(call)) for _ in range(5) for name, call in calls]
        for name, future in futures:
            assert future.result() == sequential[name], name


def _python_progress_during(call) -> int:
    """How often a pure-Python thread ran while `call` ran in this thread."""
    count = 0
    stop = threading.Event()
    started = threading.Event()

    def spin():
        nonlocal count
        started.set()
        while not stop.is_set():
            count += 1

    thread = threading.Thread(target=spin)
    thread.start()
    started.wait()
    before = count
    call()
    during = count - before
    stop.set()
    thread.join()
    return during


@pytest.mark.parametrize("name", ["attendance_distribution", "households_needed"])
def test_a_long_computation_lets_other_python_threads_run(name):
    # Long enough to tell (at least 50 ms: the size doubles until it is, however fast the
    # machine); with the GIL held the spinning thread could not count at all while it ran (it
    # would wait for the switch interval, then for the call).
    household = paarorende.AttendanceUnit(caregivers=2)
    calls = {
        "attendance_distribution": lambda size: paarorende.attendance_distribution([household] * size),
        "households_needed": lambda size: paarorende.households_needed(
            size, 0.999, max_households=100000),
    }
    size = {"attendance_distribution": 4000, "households_needed": 3000}[name]
    for _ in range(4):
        started = time.perf_counter()
        progress = _python_progress_during(lambda: calls[name](size))
        elapsed = time.perf_counter() - started
        if elapsed > 0.05:
            break
        size *= 2
    assert elapsed > 0.05, "the call is too short to tell"
    assert progress > 1000


def test_the_exception_classes_mirror_the_cpp_hierarchy():
    assert issubclass(paarorende.PaarorendeError, ValueError)
    for cls in (paarorende.InputError, paarorende.ImpossibleRequest, paarorende.RuleViolation):
        assert issubclass(cls, paarorende.PaarorendeError)
    with pytest.raises(paarorende.InputError) as raised:
        paarorende.GroupDocument.from_json('{"id": "g", "households": [{"id": "Kari N"}]}')
    error = raised.value
    assert (error.where, error.rule) == ("/households/0/id", "")
    assert error.message == 'an id is lower-case letters, digits and _ (at most 64), got "Kari N"'
    assert str(error) == f"{error.where}: {error.message}"


def test_a_number_too_large_for_a_double_is_an_input_error_not_an_internal_one():
    with pytest.raises(paarorende.InputError) as raised:
        paarorende.SchoolCalendar.from_json('{"municipality": 1e400}')
    assert raised.value.where == "line 1, column 22"  # the token's last character
    assert raised.value.message == 'invalid JSON: the number "1e400" is out of range'


def test_a_failed_catalogue_read_leaves_its_base_unchanged():
    base = paarorende.TopicCatalogue.load(
        PILOT.parent / "catalogues" / "sandefjord-topics.json")
    before = base.to_json()
    bad = ('{"topics": [{"id": "new_topic", "title_nb": "Ny", "title_en": "New", '
           '"description_nb": "d", "description_en": "d", "presenter_role": "psychologist", '
           '"stages": ["primary"], "audiences": ["parents"]}, '
           '{"id": "self_care", "override": true, "presenter_role": "astrologer"}]}')
    with pytest.raises(paarorende.InputError) as raised:
        paarorende.TopicCatalogue.from_json(bad, base=base)
    assert raised.value.where == "/topics/1/presenter_role"
    assert base.to_json() == before
    assert "new_topic" not in base


def test_assigning_a_list_with_a_bad_entry_leaves_the_value_unchanged():
    request = paarorende.CourseRequest.load(PILOT / "course.json")
    wishes = request.wishes
    with pytest.raises(TypeError):
        request.wishes = [wishes[0], "not a wish"]
    assert request.wishes == wishes
