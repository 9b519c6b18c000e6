# paarorende._core.schedule (register_schedule.cpp): scheduling (DOMAIN C1-C11, X3).
import datetime
from typing import Any, ClassVar

from . import _Enum, _Path, _pybind11_type
from .calendar import Closure, SchoolCalendar
from .evaluation import Language
from .formation import TravelLimits
from .group import GroupDocument
from .school_days import SchoolDays, SfoOnlyDays
from .topic import Audience, ChildProfile, Presenter, TopicCatalogue, TopicRules, TopicWish
from .violation import Violation

class Weekday(_Enum):
    monday: ClassVar[Weekday]
    tuesday: ClassVar[Weekday]
    wednesday: ClassVar[Weekday]
    thursday: ClassVar[Weekday]
    friday: ClassVar[Weekday]
    saturday: ClassVar[Weekday]
    sunday: ClassVar[Weekday]
    __members__: ClassVar[dict[str, Weekday]]

class Venue(metaclass=_pybind11_type):
    name: str
    address: str
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, name: str = "", address: str = "") -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> Venue: ...
    def __deepcopy__(self, memo: dict[int, Any]) -> Venue: ...

class Pickup(metaclass=_pybind11_type):
    household: str
    place: str
    care_closes: datetime.time | None
    travel_minutes: int
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, household: str, place: str = "", care_closes: datetime.time | None = None,
                 travel_minutes: int = 0) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> Pickup: ...
    def __deepcopy__(self, memo: dict[int, Any]) -> Pickup: ...

class MovePolicy(_Enum):
    next_open_week: ClassVar[MovePolicy]
    shift_following: ClassVar[MovePolicy]
    __members__: ClassVar[dict[str, MovePolicy]]

class ScheduleRules(metaclass=_pybind11_type):
    min_sessions: int
    max_sessions: int
    cadences_weeks: list[int]
    session_minutes: int
    introduction_minutes: int
    start_step_minutes: int
    max_move_weeks: int
    getting_to_know_first: bool
    allow_outside_school_years: bool
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, min_sessions: int = 5, max_sessions: int = 6,
                 cadences_weeks: list[int] = ..., session_minutes: int = 90,
                 introduction_minutes: int = 30,
                 start_step_minutes: int = 5, max_move_weeks: int = 8,
                 getting_to_know_first: bool = True,
                 allow_outside_school_years: bool = False) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> ScheduleRules: ...
    def __deepcopy__(self, memo: dict[int, Any]) -> ScheduleRules: ...

class CourseRequest(metaclass=_pybind11_type):
    title: str
    language: Language
    municipality: str
    first_date: datetime.date | None
    earliest_date: datetime.date | None
    weekday: Weekday | None
    sessions: int
    cadence_weeks: int
    session_minutes: int
    introduction_minutes: int
    care_closes: datetime.time
    travel_minutes: int
    pickups: list[Pickup]
    earliest_start: datetime.time
    venue: Venue
    move_policy: MovePolicy
    school_calendar: SchoolCalendar | None
    school_days: SchoolDays | None
    schools: dict[str, str]
    sfo_only_days: SfoOnlyDays
    rules: ScheduleRules
    travel: TravelLimits
    wishes: list[TopicWish]
    children: list[ChildProfile]
    presenters: list[Presenter]
    catalogue: TopicCatalogue | None
    topic_rules: TopicRules
    audience: Audience
    format: str | None
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, title: str = ..., municipality: str = "",
                 first_date: datetime.date | None = None,
                 earliest_date: datetime.date | None = None, weekday: Weekday | None = None,
                 sessions: int = 5, cadence_weeks: int = 4, session_minutes: int = 90,
                 introduction_minutes: int = 30, care_closes: datetime.time = ...,
                 travel_minutes: int = 0, pickups: list[Pickup] = ...,
                 earliest_start: datetime.time = ...,
                 venue: Venue = ..., move_policy: MovePolicy = ...,
                 school_calendar: SchoolCalendar | None = None,
                 school_days: SchoolDays | None = None, schools: dict[str, str] = ...,
                 sfo_only_days: SfoOnlyDays = ...,
                 rules: ScheduleRules = ..., travel: TravelLimits | None = None,
                 wishes: list[TopicWish] = ...,
                 children: list[ChildProfile] = ..., presenters: list[Presenter] = ...,
                 catalogue: TopicCatalogue | None = None, topic_rules: TopicRules = ...,
                 audience: Audience = ..., format: str | None = None) -> None: ...
    def check(self) -> None: ...
    def topics(self) -> TopicCatalogue: ...
    @staticmethod
    def from_json(text: str, base_dir: _Path | None = None) -> CourseRequest: ...
    @staticmethod
    def load(path: _Path, *, language: Language | None = None) -> CourseRequest: ...
    def to_json(self, *, indent: int | None = 2) -> str: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> CourseRequest: ...
    def __deepcopy__(self, memo: dict[int, Any]) -> CourseRequest: ...

def latest_start(request: CourseRequest) -> datetime.time: ...

class AgendaKind(_Enum):
    meal: ClassVar[AgendaKind]
    getting_to_know: ClassVar[AgendaKind]
    topic_wishes: ClassVar[AgendaKind]
    introduction: ClassVar[AgendaKind]
    reflection: ClassVar[AgendaKind]
    __members__: ClassVar[dict[str, AgendaKind]]

class AgendaItem(metaclass=_pybind11_type):
    kind: AgendaKind
    offset_minutes: int
    minutes: int
    title_nb: str
    title_en: str
    title_nn: str
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, kind: AgendaKind, offset_minutes: int = 0, minutes: int = 0,
                 title_nb: str = "", title_en: str = "", title_nn: str = "") -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> AgendaItem: ...
    def __deepcopy__(self, memo: dict[int, Any]) -> AgendaItem: ...

def standard_agenda(number: int, session_minutes: int = 90,
                    introduction_minutes: int = 30,
                    getting_to_know_first: bool = True) -> list[AgendaItem]: ...

class Session(metaclass=_pybind11_type):
    number: int
    start: datetime.datetime
    end: datetime.datetime
    venue: Venue
    agenda: list[AgendaItem]
    moved_from: datetime.date | None
    move_reason: Closure | None
    topic: str | None
    presenter: str | None
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, number: int, date: datetime.date, start: datetime.time,
                 end: datetime.time, venue: Venue = ..., agenda: list[AgendaItem] = ...,
                 moved_from: datetime.date | None = None, move_reason: Closure | None = None,
                 topic: str | None = None, presenter: str | None = None) -> None: ...
    @property
    def date(self) -> datetime.date: ...
    @property
    def start_time(self) -> datetime.time: ...
    @property
    def end_time(self) -> datetime.time: ...
    @property
    def minutes(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> Session: ...
    def __deepcopy__(self, memo: dict[int, Any]) -> Session: ...

class CourseSchedule(metaclass=_pybind11_type):
    request: CourseRequest
    sessions: list[Session]
    findings: list[Violation]
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, request: CourseRequest, sessions: list[Session] = ...,
                 findings: list[Violation] = ...) -> None: ...
    def to_json(self, *, indent: int | None = 2) -> str: ...
    def to_ical(self, *, dtstamp: datetime.datetime | None = None,
                uid_domain: str = "paarorende.invalid") -> str: ...
    def to_records(self) -> list[dict[str, Any]]: ...
    def to_dataframe(self) -> Any: ...
    @staticmethod
    def from_json(text: str, base_dir: _Path | None = None) -> CourseSchedule: ...
    @staticmethod
    def load(path: _Path) -> CourseSchedule: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> CourseSchedule: ...
    def __deepcopy__(self, memo: dict[int, Any]) -> CourseSchedule: ...

def course_for_group(course: CourseRequest, group: GroupDocument) -> CourseRequest: ...
def plan_course(request: CourseRequest, *, group: GroupDocument | None = None) -> CourseSchedule: ...
def validate(schedule: CourseSchedule) -> list[Violation]: ...
