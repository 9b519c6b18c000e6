"""paarorende: plan coping courses for parents of seriously ill children.

Norwegian municipalities and their learning and coping centres (LMS) plan coping courses for
parents ("mestringskurs for pårørende") of children with life-threatening or life-limiting
conditions. This package is a thin Python skin over the C++ library: the rules live once, in
C++, and every decision cites its DOMAIN rule id (docs: shared DOMAIN.md).

Dates are :class:`datetime.date`, times of day :class:`datetime.time`, and instants aware
:class:`datetime.datetime` in Europe/Oslo (DOMAIN X3). Errors derive from :class:`ValueError`.

Example
-------
>>> import paarorende
>>> request = paarorende.CourseRequest.load("examples/sandefjord_pilot/course.json")
>>> schedule = paarorende.plan_course(request)                    # doctest: +SKIP
>>> [str(s) for s in schedule.sessions][:1]                        # doctest: +SKIP
['Session(1, 2019-11-05 15:00-16:30, Klasserom på barnas skole)']
>>> [(s.topic, s.presenter) for s in schedule.sessions][1]         # doctest: +SKIP
('palliative_care_and_rights', 'barnepalliasjon')

With the participants' topic wishes in the request, the plan is a course plan: session 1 is for
getting to know each other (DOMAIN C6, T6), and the later sessions get the wished topics
(:func:`choose_topics`) and presenters who are free that day (:func:`staff_sessions`, DOMAIN C7).
"""

from __future__ import annotations

from ._errors import ImpossibleRequest, InputError, PaarorendeError, RuleViolation

try:
    from ._core import (
        AgendaItem,
        AgendaKind,
        Audience,
        ChildProfile,
        ChildStage,
        Closure,
        ClosureKind,
        CourseRequest,
        CourseSchedule,
        FIRST_SESSION_TOPIC,
        MovePolicy,
        Presenter,
        PresenterRole,
        PublicHoliday,
        ScheduleRules,
        SchoolCalendar,
        SchoolHoliday,
        SchoolYear,
        Session,
        SessionStaffing,
        Severity,
        Staffing,
        Topic,
        TopicCatalogue,
        TopicChoice,
        TopicRules,
        TopicScore,
        TopicWish,
        Venue,
        Violation,
        Weekday,
        __version__,
        builtin_catalogue,
        choose_topics,
        course_closure,
        easter_sunday,
        first_supported_year,
        has_errors,
        is_closed,
        last_supported_year,
        latest_start,
        plan_course,
        public_holiday_list,
        public_holiday_on,
        public_holidays,
        staff_sessions,
        stage_of_grade,
        standard_agenda,
        validate,
    )
except ImportError as error:  # pragma: no cover - only without a built extension
    raise ImportError(
        "paarorende's compiled module paarorende._core could not be imported: did you forget to "
        "build? Run scripts/test, or cmake --build build, and put build/python on PYTHONPATH. "
        f"({error})"
    ) from error

__all__ = [
    "AgendaItem",
    "AgendaKind",
    "Audience",
    "ChildProfile",
    "ChildStage",
    "Closure",
    "ClosureKind",
    "CourseRequest",
    "CourseSchedule",
    "FIRST_SESSION_TOPIC",
    "ImpossibleRequest",
    "InputError",
    "MovePolicy",
    "PaarorendeError",
    "Presenter",
    "PresenterRole",
    "PublicHoliday",
    "RuleViolation",
    "ScheduleRules",
    "SchoolCalendar",
    "SchoolHoliday",
    "SchoolYear",
    "Session",
    "SessionStaffing",
    "Severity",
    "Staffing",
    "Topic",
    "TopicCatalogue",
    "TopicChoice",
    "TopicRules",
    "TopicScore",
    "TopicWish",
    "Venue",
    "Violation",
    "Weekday",
    "__version__",
    "builtin_catalogue",
    "choose_topics",
    "course_closure",
    "easter_sunday",
    "first_supported_year",
    "has_errors",
    "is_closed",
    "last_supported_year",
    "latest_start",
    "plan_course",
    "public_holiday_list",
    "public_holiday_on",
    "public_holidays",
    "staff_sessions",
    "stage_of_grade",
    "standard_agenda",
    "validate",
]
