# Type stubs for paarorende (the compiled paarorende._core re-exported by the package).
import datetime
import os
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar, Final

from ._errors import ImpossibleRequest as ImpossibleRequest
from ._errors import InputError as InputError
from ._errors import PaarorendeError as PaarorendeError
from ._errors import RuleViolation as RuleViolation

_Path = str | os.PathLike[str]

__version__: Final[str]
first_supported_year: Final[int]
last_supported_year: Final[int]

class _Enum:
    name: str
    value: int
    def __init__(self, value: int) -> None: ...
    def __int__(self) -> int: ...
    def __index__(self) -> int: ...
    def __hash__(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...

# Calendar (DOMAIN X1, X2, C11)

def easter_sunday(year: int) -> datetime.date: ...
def public_holidays(year: int) -> list[tuple[datetime.date, str]]: ...
def public_holiday_list(year: int) -> list[PublicHoliday]: ...
def public_holiday_on(date: datetime.date) -> PublicHoliday | None: ...

class PublicHoliday:
    date: datetime.date
    name_nb: str
    name_en: str
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, date: datetime.date, name_nb: str, name_en: str = "") -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> PublicHoliday: ...
    def __deepcopy__(self, memo: dict) -> PublicHoliday: ...

class SchoolHoliday:
    name: str
    first: datetime.date
    last: datetime.date
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, name: str, first: datetime.date, last: datetime.date) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> SchoolHoliday: ...
    def __deepcopy__(self, memo: dict) -> SchoolHoliday: ...

class SchoolYear:
    label: str
    first_day: datetime.date
    last_day: datetime.date
    holidays: list[SchoolHoliday]
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, label: str, first_day: datetime.date, last_day: datetime.date,
                 holidays: list[SchoolHoliday] = ...) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> SchoolYear: ...
    def __deepcopy__(self, memo: dict) -> SchoolYear: ...

class SchoolCalendar:
    municipality: str
    years: list[SchoolYear]
    example_data: bool
    note: str
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, municipality: str, years: list[SchoolYear] = ...,
                 example_data: bool = False, note: str = "") -> None: ...
    def school_year_of(self, date: datetime.date) -> SchoolYear | None: ...
    def covers(self, date: datetime.date) -> bool: ...
    @staticmethod
    def from_json(text: str) -> SchoolCalendar: ...
    @staticmethod
    def load(path: _Path) -> SchoolCalendar: ...
    def to_json(self, *, indent: int | None = 2) -> str: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> SchoolCalendar: ...
    def __deepcopy__(self, memo: dict) -> SchoolCalendar: ...

class ClosureKind(_Enum):
    weekend: ClassVar[ClosureKind]
    public_holiday: ClassVar[ClosureKind]
    school_holiday: ClassVar[ClosureKind]
    outside_school_year: ClassVar[ClosureKind]
    __members__: ClassVar[dict[str, ClosureKind]]

class Closure:
    kind: ClosureKind
    rule: str
    name: str
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, kind: ClosureKind, rule: str, name: str) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> Closure: ...
    def __deepcopy__(self, memo: dict) -> Closure: ...

def course_closure(date: datetime.date,
                   school_calendar: SchoolCalendar | None = None) -> Closure | None: ...
def is_closed(date: datetime.date, school_calendar: SchoolCalendar | None = None) -> bool: ...

# Topics, wishes and presenters (DOMAIN C5-C7, T1-T6, G6, G9, G10)

FIRST_SESSION_TOPIC: Final[str]

class ChildStage(_Enum):
    kindergarten: ClassVar[ChildStage]
    primary: ClassVar[ChildStage]
    lower_secondary: ClassVar[ChildStage]
    upper_secondary: ClassVar[ChildStage]
    __members__: ClassVar[dict[str, ChildStage]]

class Audience(_Enum):
    parents: ClassVar[Audience]
    fathers: ClassVar[Audience]
    children: ClassVar[Audience]
    siblings: ClassVar[Audience]
    __members__: ClassVar[dict[str, Audience]]

def stage_of_grade(grade: int) -> ChildStage: ...

class PresenterRole:
    id: str
    title_nb: str
    title_en: str
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, id: str, title_nb: str = "", title_en: str = "") -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> PresenterRole: ...
    def __deepcopy__(self, memo: dict) -> PresenterRole: ...

class Topic:
    id: str
    source: str
    title_nb: str
    title_en: str
    description_nb: str
    description_en: str
    presenter_role: str
    stages: list[ChildStage]
    audiences: list[Audience]
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, id: str, source: str = "", title_nb: str = "", title_en: str = "",
                 description_nb: str = "", description_en: str = "", presenter_role: str = "",
                 stages: list[ChildStage] = ..., audiences: list[Audience] = ...) -> None: ...
    def suits(self, stage: ChildStage) -> bool: ...
    def is_for(self, audience: Audience) -> bool: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> Topic: ...
    def __deepcopy__(self, memo: dict) -> Topic: ...

class TopicCatalogue:
    roles: list[PresenterRole]
    topics: list[Topic]
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, roles: list[PresenterRole] = ..., topics: list[Topic] = ...) -> None: ...
    def find(self, id: str) -> Topic | None: ...
    def find_role(self, id: str) -> PresenterRole | None: ...
    def index_of(self, id: str) -> int | None: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Topic]: ...
    def __contains__(self, id: str) -> bool: ...
    @staticmethod
    def from_json(text: str, base: TopicCatalogue | None = None) -> TopicCatalogue: ...
    @staticmethod
    def load(path: _Path, base: TopicCatalogue | None = None) -> TopicCatalogue: ...
    def to_json(self, *, indent: int | None = 2) -> str: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> TopicCatalogue: ...
    def __deepcopy__(self, memo: dict) -> TopicCatalogue: ...

def builtin_catalogue() -> TopicCatalogue: ...

class TopicWish:
    participant: str
    topics: list[str]
    ranked: bool
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, participant: str, topics: list[str] = ...,
                 ranked: bool = True) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> TopicWish: ...
    def __deepcopy__(self, memo: dict) -> TopicWish: ...

class ChildProfile:
    stage: ChildStage
    grade: int | None
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, stage: ChildStage | None = None, grade: int | None = None) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> ChildProfile: ...
    def __deepcopy__(self, memo: dict) -> ChildProfile: ...

class TopicRules:
    stage_weight_percent: int
    suggest_transitions: bool
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, stage_weight_percent: int = 150,
                 suggest_transitions: bool = True) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> TopicRules: ...
    def __deepcopy__(self, memo: dict) -> TopicRules: ...

class TopicScore:
    topic: str
    points: int
    weighted_points: int
    wishers: int
    suits_stage: bool
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, topic: str, points: int = 0, weighted_points: int = 0,
                 wishers: int = 0, suits_stage: bool = True) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> TopicScore: ...
    def __deepcopy__(self, memo: dict) -> TopicScore: ...

class TopicChoice:
    topics: list[str]
    ranking: list[TopicScore]
    findings: list[Violation]
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, topics: list[str] = ..., ranking: list[TopicScore] = ...,
                 findings: list[Violation] = ...) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> TopicChoice: ...
    def __deepcopy__(self, memo: dict) -> TopicChoice: ...

def choose_topics(wishes: Sequence[TopicWish], catalogue: TopicCatalogue | None = None,
                  children: Sequence[ChildProfile] = (), count: int = 4,
                  audience: Audience = ..., rules: TopicRules | None = None) -> TopicChoice: ...

class Presenter:
    id: str
    role: str
    name: str
    unavailable: list[datetime.date]
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, id: str, role: str, name: str = "",
                 unavailable: list[datetime.date] = ...) -> None: ...
    def available_on(self, date: datetime.date) -> bool: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> Presenter: ...
    def __deepcopy__(self, memo: dict) -> Presenter: ...

class SessionStaffing:
    topic: str | None
    presenter: str | None
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, topic: str | None = None, presenter: str | None = None) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> SessionStaffing: ...
    def __deepcopy__(self, memo: dict) -> SessionStaffing: ...

class Staffing:
    sessions: list[SessionStaffing]
    findings: list[Violation]
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, sessions: list[SessionStaffing] = ...,
                 findings: list[Violation] = ...) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> Staffing: ...
    def __deepcopy__(self, memo: dict) -> Staffing: ...

def staff_sessions(dates: Sequence[datetime.date], topics: Sequence[str],
                   presenters: Sequence[Presenter], catalogue: TopicCatalogue | None = None,
                   first_number: int = 2) -> Staffing: ...

# Groups and attendance (DOMAIN G1-G9, E2, X4)

class CaregiverRole(_Enum):
    mother: ClassVar[CaregiverRole]
    father: ClassVar[CaregiverRole]
    other_guardian: ClassVar[CaregiverRole]
    __members__: ClassVar[dict[str, CaregiverRole]]

class ConditionCategory(_Enum):
    life_threatening: ClassVar[ConditionCategory]
    life_limiting: ClassVar[ConditionCategory]
    serious_illness: ClassVar[ConditionCategory]
    severe_disability: ClassVar[ConditionCategory]
    mainly_behavioural: ClassVar[ConditionCategory]
    __members__: ClassVar[dict[str, ConditionCategory]]

class RuleWeight(_Enum):
    hard: ClassVar[RuleWeight]
    soft: ClassVar[RuleWeight]
    off: ClassVar[RuleWeight]
    __members__: ClassVar[dict[str, RuleWeight]]

class AttendanceProbabilities:
    attend: float
    both: float
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, attend: float = 0.65, both: float = 0.5) -> None: ...
    def to_dict(self) -> dict[str, float]: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> AttendanceProbabilities: ...
    def __deepcopy__(self, memo: dict) -> AttendanceProbabilities: ...

def pilot_attendance() -> AttendanceProbabilities: ...

class AttendanceUnit:
    caregivers: int
    probabilities: AttendanceProbabilities
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, caregivers: int = 2,
                 probabilities: AttendanceProbabilities = ...) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> AttendanceUnit: ...
    def __deepcopy__(self, memo: dict) -> AttendanceUnit: ...

class AttendanceDistribution:
    probability: list[float]
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, probability: list[float] = ...) -> None: ...
    @property
    def max_present(self) -> int: ...
    def mean(self) -> float: ...
    def variance(self) -> float: ...
    def at_least(self, k: int) -> float: ...
    def to_records(self) -> list[dict[str, Any]]: ...
    def to_numpy(self) -> Any: ...
    def to_dataframe(self) -> Any: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> AttendanceDistribution: ...
    def __deepcopy__(self, memo: dict) -> AttendanceDistribution: ...

def attendance_distribution(households: Sequence[AttendanceUnit]) -> AttendanceDistribution: ...

class AttendanceRecord:
    household: str
    session: int
    present: int
    caregivers: int
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, household: str, session: int = 1, present: int = 0,
                 caregivers: int = 2) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> AttendanceRecord: ...
    def __deepcopy__(self, memo: dict) -> AttendanceRecord: ...

def fit_attendance(records: Sequence[AttendanceRecord],
                   prior: AttendanceProbabilities | None = None,
                   prior_weight: float = 0.0) -> AttendanceProbabilities: ...
def households_needed(present: int, probability: float, household: AttendanceUnit | None = None,
                      max_households: int = 1000) -> int | None: ...

class AttendanceRecords:
    records: list[AttendanceRecord]
    prior: AttendanceProbabilities
    prior_weight: float
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, records: list[AttendanceRecord] = ...,
                 prior: AttendanceProbabilities = ..., prior_weight: float = 0.0) -> None: ...
    def fit(self) -> AttendanceProbabilities: ...
    @staticmethod
    def from_json(text: str) -> AttendanceRecords: ...
    @staticmethod
    def load(path: _Path) -> AttendanceRecords: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> AttendanceRecords: ...
    def __deepcopy__(self, memo: dict) -> AttendanceRecords: ...

def load_attendance_records(path: _Path) -> AttendanceRecords: ...

class Caregiver:
    role: CaregiverRole
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, role: CaregiverRole = ...) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> Caregiver: ...
    def __deepcopy__(self, memo: dict) -> Caregiver: ...

class Child:
    stage: ChildStage
    grade: int | None
    birth_date: datetime.date | None
    age: int | None
    condition: ConditionCategory
    rare_diagnosis: str | None
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, stage: ChildStage | None = None, grade: int | None = None,
                 birth_date: datetime.date | None = None, age: int | None = None,
                 condition: ConditionCategory = ...,
                 rare_diagnosis: str | None = None) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> Child: ...
    def __deepcopy__(self, memo: dict) -> Child: ...

class Sibling:
    age: int | None
    stage: ChildStage | None
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, age: int | None = None, stage: ChildStage | None = None) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> Sibling: ...
    def __deepcopy__(self, memo: dict) -> Sibling: ...

class Household:
    id: str
    municipality: str
    school: str
    care_closes: datetime.time | None
    caregivers: list[Caregiver]
    children: list[Child]
    siblings: list[Sibling]
    attendance: AttendanceProbabilities | None
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, id: str, municipality: str = "", school: str = "",
                 care_closes: datetime.time | None = None, caregivers: list[Caregiver] = ...,
                 children: list[Child] = ..., siblings: list[Sibling] = ...,
                 attendance: AttendanceProbabilities | None = None) -> None: ...
    @property
    def fathers(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> Household: ...
    def __deepcopy__(self, memo: dict) -> Household: ...

class GroupRules:
    behavioural_own_group: RuleWeight
    life_threatening_own_group: RuleWeight
    min_participants: int
    max_participants: int
    size: RuleWeight
    min_present: int
    min_present_probability: float
    attendance: RuleWeight
    max_stage_span: int
    stage_band: RuleWeight
    school_age: RuleWeight
    acquaintance: RuleWeight
    rare_peers: RuleWeight
    fathers_for_session: int
    fathers_session: RuleWeight
    default_attendance: AttendanceProbabilities
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, behavioural_own_group: RuleWeight = ...,
                 life_threatening_own_group: RuleWeight = ..., min_participants: int = 9,
                 max_participants: int = ..., size: RuleWeight = ..., min_present: int = 5,
                 min_present_probability: float = 0.8, attendance: RuleWeight = ...,
                 max_stage_span: int = 1, stage_band: RuleWeight = ...,
                 school_age: RuleWeight = ..., acquaintance: RuleWeight = ...,
                 rare_peers: RuleWeight = ..., fathers_for_session: int = 3,
                 fathers_session: RuleWeight = ...,
                 default_attendance: AttendanceProbabilities = ...) -> None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> GroupRules: ...
    def __deepcopy__(self, memo: dict) -> GroupRules: ...

def check_rules(rules: GroupRules) -> None: ...

class Group:
    id: str
    households: list[Household]
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, id: str = "", households: list[Household] = ...) -> None: ...
    @property
    def participants(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> Group: ...
    def __deepcopy__(self, memo: dict) -> Group: ...

class GroupViolation:
    rule: str
    severity: Severity
    message: str
    households: list[str]
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, rule: str, severity: Severity = ..., message: str = "",
                 households: list[str] = ...) -> None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> GroupViolation: ...
    def __deepcopy__(self, memo: dict) -> GroupViolation: ...

def attendance_units(group: Group, rules: GroupRules | None = None) -> list[AttendanceUnit]: ...
def validate_group(group: Group, rules: GroupRules | None = None) -> list[GroupViolation]: ...

class GroupDocument:
    group: Group
    rules: GroupRules
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, group: Group = ..., rules: GroupRules = ...) -> None: ...
    @staticmethod
    def from_json(text: str) -> GroupDocument: ...
    @staticmethod
    def load(path: _Path) -> GroupDocument: ...
    def to_json(self, *, indent: int | None = 2) -> str: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> GroupDocument: ...
    def __deepcopy__(self, memo: dict) -> GroupDocument: ...

# Scheduling (DOMAIN C1-C11, X3)

class Weekday(_Enum):
    monday: ClassVar[Weekday]
    tuesday: ClassVar[Weekday]
    wednesday: ClassVar[Weekday]
    thursday: ClassVar[Weekday]
    friday: ClassVar[Weekday]
    saturday: ClassVar[Weekday]
    sunday: ClassVar[Weekday]
    __members__: ClassVar[dict[str, Weekday]]

class Venue:
    name: str
    address: str
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, name: str = "", address: str = "") -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> Venue: ...
    def __deepcopy__(self, memo: dict) -> Venue: ...

class MovePolicy(_Enum):
    next_open_week: ClassVar[MovePolicy]
    shift_following: ClassVar[MovePolicy]
    __members__: ClassVar[dict[str, MovePolicy]]

class ScheduleRules:
    min_sessions: int
    max_sessions: int
    cadences_weeks: list[int]
    session_minutes: int
    introduction_minutes: int
    max_travel_minutes: int
    start_step_minutes: int
    max_move_weeks: int
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, min_sessions: int = 5, max_sessions: int = 6,
                 cadences_weeks: list[int] = ..., session_minutes: int = 90,
                 introduction_minutes: int = 30, max_travel_minutes: int = 15,
                 start_step_minutes: int = 5, max_move_weeks: int = 8) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> ScheduleRules: ...
    def __deepcopy__(self, memo: dict) -> ScheduleRules: ...

class CourseRequest:
    title: str
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
    earliest_start: datetime.time
    venue: Venue
    move_policy: MovePolicy
    school_calendar: SchoolCalendar | None
    rules: ScheduleRules
    wishes: list[TopicWish]
    children: list[ChildProfile]
    presenters: list[Presenter]
    catalogue: TopicCatalogue | None
    topic_rules: TopicRules
    audience: Audience
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, title: str = ..., municipality: str = "",
                 first_date: datetime.date | None = None,
                 earliest_date: datetime.date | None = None, weekday: Weekday | None = None,
                 sessions: int = 5, cadence_weeks: int = 4, session_minutes: int = 90,
                 introduction_minutes: int = 30, care_closes: datetime.time = ...,
                 travel_minutes: int = 0, earliest_start: datetime.time = ...,
                 venue: Venue = ..., move_policy: MovePolicy = ...,
                 school_calendar: SchoolCalendar | None = None,
                 rules: ScheduleRules = ..., wishes: list[TopicWish] = ...,
                 children: list[ChildProfile] = ..., presenters: list[Presenter] = ...,
                 catalogue: TopicCatalogue | None = None, topic_rules: TopicRules = ...,
                 audience: Audience = ...) -> None: ...
    def check(self) -> None: ...
    def topics(self) -> TopicCatalogue: ...
    @staticmethod
    def from_json(text: str, base_dir: _Path | None = None) -> CourseRequest: ...
    @staticmethod
    def load(path: _Path) -> CourseRequest: ...
    def to_json(self, *, indent: int | None = 2) -> str: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> CourseRequest: ...
    def __deepcopy__(self, memo: dict) -> CourseRequest: ...

def latest_start(request: CourseRequest) -> datetime.time: ...

class AgendaKind(_Enum):
    meal: ClassVar[AgendaKind]
    getting_to_know: ClassVar[AgendaKind]
    topic_wishes: ClassVar[AgendaKind]
    introduction: ClassVar[AgendaKind]
    reflection: ClassVar[AgendaKind]
    __members__: ClassVar[dict[str, AgendaKind]]

class AgendaItem:
    kind: AgendaKind
    offset_minutes: int
    minutes: int
    title_nb: str
    title_en: str
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, kind: AgendaKind, offset_minutes: int = 0, minutes: int = 0,
                 title_nb: str = "", title_en: str = "") -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> AgendaItem: ...
    def __deepcopy__(self, memo: dict) -> AgendaItem: ...

def standard_agenda(number: int, session_minutes: int = 90,
                    introduction_minutes: int = 30) -> list[AgendaItem]: ...

class Session:
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
    def __deepcopy__(self, memo: dict) -> Session: ...

class Severity(_Enum):
    info: ClassVar[Severity]
    warning: ClassVar[Severity]
    error: ClassVar[Severity]
    __members__: ClassVar[dict[str, Severity]]
    def __lt__(self, other: object) -> bool: ...
    def __le__(self, other: object) -> bool: ...
    def __gt__(self, other: object) -> bool: ...
    def __ge__(self, other: object) -> bool: ...

class Violation:
    rule: str
    severity: Severity
    message: str
    session: int | None
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, rule: str, severity: Severity = ..., message: str = "",
                 session: int | None = None) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> Violation: ...
    def __deepcopy__(self, memo: dict) -> Violation: ...

def has_errors(findings: list[Violation]) -> bool: ...

class CourseSchedule:
    request: CourseRequest
    sessions: list[Session]
    findings: list[Violation]
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *, request: CourseRequest, sessions: list[Session] = ...,
                 findings: list[Violation] = ...) -> None: ...
    def to_json(self, *, indent: int | None = 2) -> str: ...
    def to_ical(self, *, dtstamp: datetime.datetime | None = None,
                uid_domain: str = "paarorende.invalid") -> str: ...
    @staticmethod
    def from_json(text: str, base_dir: _Path | None = None) -> CourseSchedule: ...
    @staticmethod
    def load(path: _Path) -> CourseSchedule: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> CourseSchedule: ...
    def __deepcopy__(self, memo: dict) -> CourseSchedule: ...

def plan_course(request: CourseRequest) -> CourseSchedule: ...
def validate(schedule: CourseSchedule) -> list[Violation]: ...

__all__ = [
    "AgendaItem",
    "AgendaKind",
    "AttendanceDistribution",
    "AttendanceProbabilities",
    "AttendanceRecord",
    "AttendanceRecords",
    "AttendanceUnit",
    "Audience",
    "Caregiver",
    "CaregiverRole",
    "Child",
    "ChildProfile",
    "ChildStage",
    "Closure",
    "ClosureKind",
    "ConditionCategory",
    "CourseRequest",
    "CourseSchedule",
    "FIRST_SESSION_TOPIC",
    "Group",
    "GroupDocument",
    "GroupRules",
    "GroupViolation",
    "Household",
    "ImpossibleRequest",
    "InputError",
    "MovePolicy",
    "PaarorendeError",
    "Presenter",
    "PresenterRole",
    "PublicHoliday",
    "RuleViolation",
    "RuleWeight",
    "ScheduleRules",
    "SchoolCalendar",
    "SchoolHoliday",
    "SchoolYear",
    "Session",
    "SessionStaffing",
    "Severity",
    "Sibling",
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
    "attendance_distribution",
    "attendance_units",
    "builtin_catalogue",
    "check_rules",
    "choose_topics",
    "course_closure",
    "easter_sunday",
    "first_supported_year",
    "fit_attendance",
    "has_errors",
    "households_needed",
    "is_closed",
    "last_supported_year",
    "latest_start",
    "load_attendance_records",
    "pilot_attendance",
    "plan_course",
    "public_holiday_list",
    "public_holiday_on",
    "public_holidays",
    "staff_sessions",
    "stage_of_grade",
    "standard_agenda",
    "validate",
    "validate_group",
]
