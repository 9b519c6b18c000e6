"""The JSON Schemas in docs/schemas/ describe the documents exactly as the C++ readers in
src/json.cpp read them (docs/json.md): what a schema rejects, the command line rejects too, with
exit status 2, one line on stderr naming the JSON pointer, and nothing on stdout; and what the
command line writes, the schemas accept."""

import copy
import json
import pathlib

import jsonschema
import pytest

SCHEMA_DIR = pathlib.Path(__file__).resolve().parents[2] / "docs" / "schemas"
DOCUMENT_SCHEMAS = ["school-calendar", "course-request", "schedule", "holidays", "validation"]
ALL_SCHEMAS = ["common", *DOCUMENT_SCHEMAS]


def schema_path(name: str) -> pathlib.Path:
    return SCHEMA_DIR / f"{name}.schema.json"


def load_schema(name: str) -> dict:
    return json.loads(schema_path(name).read_text(encoding="utf-8"))


def make_validator(name: str):
    """A validator for one schema that resolves the relative references between the schema files
    from disk and checks formats ("date": 2019-02-30 is no date)."""
    schema = load_schema(name)
    cls = jsonschema.validators.validator_for(schema)
    store = {schema_path(other).as_uri(): load_schema(other) for other in ALL_SCHEMAS}
    try:
        # jsonschema >= 4.18 resolves references through `referencing`; RefResolver is deprecated.
        from referencing import Registry, Resource
    except ImportError:
        resolver = jsonschema.RefResolver(base_uri=schema_path(name).as_uri(), referrer=schema,
                                          store=store)
        return cls(schema, resolver=resolver, format_checker=cls.FORMAT_CHECKER)
    registry = Registry().with_resources(
        (uri, Resource.from_contents(contents)) for uri, contents in store.items())
    return cls({"$ref": schema_path(name).as_uri()}, registry=registry,
               format_checker=cls.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def validators():
    return {name: make_validator(name) for name in DOCUMENT_SCHEMAS}


def assert_valid(validator, document):
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def assert_bad_input(result, file: pathlib.Path, pointer: str):
    """Bad input on the command line: exit status 2, one line on stderr that says where, nothing
    on stdout."""
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("paarorende: ")
    assert result.stderr.endswith("\n") and result.stderr.count("\n") == 1, result.stderr
    # The CLI writes control characters in the line as JSON escapes, so it stays one line.
    shown = pointer.replace("\n", "\\n")
    assert f"{file}:{shown}: " in result.stderr, result.stderr


def write_json(path: pathlib.Path, document) -> pathlib.Path:
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


# --- The schemas themselves ------------------------------------------------------------------


@pytest.mark.parametrize("name", ALL_SCHEMAS)
def test_every_schema_is_a_valid_draft_2020_12_schema(name):
    schema = load_schema(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("name", ALL_SCHEMAS)
def test_every_reference_names_an_existing_definition(name):
    # A typo in a reference would otherwise surface only when a document reaches that branch.
    refs = []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                refs.append(node["$ref"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(load_schema(name))
    for ref in refs:
        file, _, fragment = ref.partition("#")
        assert file == "" or schema_path(file.removesuffix(".schema.json")).exists(), ref
        node = load_schema(file.removesuffix(".schema.json")) if file else load_schema(name)
        for token in filter(None, fragment.split("/")):
            assert token in node, f"{ref} in {name}.schema.json does not resolve"
            node = node[token]


# --- Documents that must be accepted ---------------------------------------------------------


def test_every_example_validates_against_the_schema_it_names(repo, validators):
    examples = sorted((repo / "examples").rglob("*.json"))
    assert examples
    checked = 0
    for example in examples:
        document = json.loads(example.read_text(encoding="utf-8"))
        if not isinstance(document, dict) or "$schema" not in document:
            continue
        named = (example.parent / document["$schema"]).resolve()
        assert named.parent == SCHEMA_DIR, f"{example} names {named}"
        name = named.name.removesuffix(".schema.json")
        assert named.exists(), f"{example} names a missing schema {named}"
        assert_valid(validators[name], document)
        checked += 1
    assert checked >= 2


def test_the_sandefjord_examples_validate(repo, validators):
    assert_valid(validators["course-request"], json.loads(
        (repo / "examples/sandefjord_pilot/course.json").read_text(encoding="utf-8")))
    assert_valid(validators["school-calendar"], json.loads(
        (repo / "examples/calendars/sandefjord-school-holidays.json").read_text(encoding="utf-8")))


@pytest.mark.parametrize("year", [1900, 1946, 1947, 2008, 2020, 2200])
def test_holidays_output_validates(cli, validators, year):
    # 1946: ten holidays, before 1 May and 17 May (1947); 2008: Ascension Day on 1 May.
    result = cli("holidays", year)
    assert result.returncode == 0, result.stderr
    holidays = json.loads(result.stdout)
    assert_valid(validators["holidays"], holidays)
    assert len(holidays) == (10 if year < 1947 else 12)


@pytest.fixture(scope="module")
def pilot_plan(cli, repo):
    result = cli("plan", repo / "examples/sandefjord_pilot/course.json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_plan_output_validates(pilot_plan, validators):
    assert_valid(validators["schedule"], pilot_plan)
    # The echoed request is a request document of its own.
    assert_valid(validators["course-request"], pilot_plan["request"])
    assert [s.get("moved_from") for s in pilot_plan["sessions"]] == [
        None, None, "2019-12-31", None, "2020-02-25"]


def test_plan_output_with_shift_following_validates(cli, repo, tmp_path, validators):
    request = json.loads((repo / "examples/sandefjord_pilot/course.json").read_text(encoding="utf-8"))
    request["move_policy"] = "shift_following"
    request["school_calendar"] = str(repo / "examples/calendars/sandefjord-school-holidays.json")
    result = cli("plan", write_json(tmp_path / "request.json", request))
    assert result.returncode == 0, result.stderr
    assert_valid(validators["schedule"], json.loads(result.stdout))


def test_validate_output_of_a_planned_schedule_validates(cli, pilot_plan, tmp_path, validators):
    result = cli("validate", write_json(tmp_path / "schedule.json", pilot_plan))
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert_valid(validators["validation"], answer)
    assert answer["valid"] is True


def test_validate_output_of_a_broken_schedule_validates(cli, pilot_plan, tmp_path, validators):
    schedule = copy.deepcopy(pilot_plan)
    schedule["sessions"][1]["date"] = "2019-12-24"  # Juleferie
    schedule["sessions"][3]["end"] = "16:45"  # after care closes
    assert_valid(validators["schedule"], schedule)  # well-formed, yet it breaks rules
    result = cli("validate", write_json(tmp_path / "schedule.json", schedule))
    assert result.returncode == 1, result.stderr
    answer = json.loads(result.stdout)
    assert_valid(validators["validation"], answer)
    assert answer["valid"] is False
    assert {(f["rule"], f["severity"]) for f in answer["findings"]} >= {("C11", "error"),
                                                                       ("C3", "error")}


def test_a_minimal_hand_made_schedule_validates(cli, pilot_plan, tmp_path, validators):
    schedule = {
        "sessions": [{"date": s["date"], "start": s["start"], "end": s["end"]}
                     for s in pilot_plan["sessions"]],
        "request": pilot_plan["request"],
    }
    assert_valid(validators["schedule"], schedule)
    result = cli("validate", write_json(tmp_path / "schedule.json", schedule))
    assert result.returncode in (0, 1), result.stderr
    assert_valid(validators["validation"], json.loads(result.stdout))


# --- Documents that must be rejected, by the schema and by the C++ reader ----------------------
#
# Each case: an id, a change to a valid document, and the JSON pointer the command line names.


def params(cases):
    """pytest parameters from (id, change, pointer) tuples."""
    return [pytest.param(*case[1:], id=case[0]) if type(case) is tuple else case
            for case in cases]


# Error messages escape newlines in the text they quote, so every error stays one line.


def _set(path, value):
    def change(document):
        *parents, last = path
        node = document
        for key in parents:
            node = node[key]
        node[last] = value
    return change


def _delete(path):
    def change(document):
        *parents, last = path
        node = document
        for key in parents:
            node = node[key]
        del node[last]
    return change


CALENDAR_CASES = [
    ("missing municipality", _delete(["municipality"]), "/"),
    ("missing school_years", _delete(["school_years"]), "/"),
    ("year without holidays", _delete(["school_years", 0, "holidays"]), "/school_years/0"),
    ("holiday without name", _delete(["school_years", 0, "holidays", 0, "name"]),
     "/school_years/0/holidays/0"),
    ("municipality a number", _set(["municipality"], 3907), "/municipality"),
    ("example_data a string", _set(["example_data"], "yes"), "/example_data"),
    ("school_years an object", _set(["school_years"], {}), "/school_years"),
    ("unknown top-level field", _set(["source"], "udir.no"), "/source"),
    ("unknown field in a year", _set(["school_years", 0, "term"], "autumn"), "/school_years/0/term"),
    ("unknown field in a holiday", _set(["school_years", 0, "holidays", 0, "note"], ""),
     "/school_years/0/holidays/0/note"),
    ("$schema inside a year", _set(["school_years", 0, "$schema"], "x"),
     "/school_years/0/$schema"),
    ("date without leading zeros", _set(["school_years", 0, "first_day"], "2019-8-19"),
     "/school_years/0/first_day"),
    ("date in Norwegian order", _set(["school_years", 0, "holidays", 0, "first"], "30.09.2019"),
     "/school_years/0/holidays/0/first"),
    ("month 13", _set(["school_years", 0, "last_day"], "2020-13-19"), "/school_years/0/last_day"),
    ("30 February", _set(["school_years", 0, "holidays", 2, "last"], "2020-02-30"),
     "/school_years/0/holidays/2/last"),
    ("date with a time", _set(["school_years", 0, "first_day"], "2019-08-19T08:00"),
     "/school_years/0/first_day"),
    pytest.param(_set(["school_years", 0, "first_day"], "2019-08-19\n"),
                 "/school_years/0/first_day", id="date with a trailing newline"),
]


@pytest.fixture(scope="module")
def calendar(repo):
    return json.loads(
        (repo / "examples/calendars/sandefjord-school-holidays.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("change,pointer", params(CALENDAR_CASES))
def test_bad_school_calendar_is_rejected(change, pointer, calendar, validators, cli, tmp_path):
    document = copy.deepcopy(calendar)
    document.pop("$schema")
    change(document)
    assert not validators["school-calendar"].is_valid(document)
    file = write_json(tmp_path / "calendar.json", document)
    assert_bad_input(cli("closed", "2019-11-05", "--calendar", file), file, pointer)


def test_a_school_calendar_that_is_not_an_object_is_rejected(validators, cli, tmp_path):
    assert not validators["school-calendar"].is_valid([])
    file = write_json(tmp_path / "calendar.json", [])
    assert_bad_input(cli("closed", "2019-11-05", "--calendar", file), file, "/")


REQUEST_CASES = [
    ("neither first_date nor earliest_date", _delete(["first_date"]), "/first_date"),
    ("both first_date and earliest_date", _set(["earliest_date"], "2019-11-05"), "/earliest_date"),
    ("venue without name", _delete(["venue", "name"]), "/venue"),
    ("sessions a string", _set(["sessions"], "5"), "/sessions"),
    ("sessions 0", _set(["sessions"], 0), "/sessions"),
    ("sessions 53", _set(["sessions"], 53), "/sessions"),
    ("cadence_weeks 13", _set(["cadence_weeks"], 13), "/cadence_weeks"),
    ("session_minutes 14", _set(["session_minutes"], 14), "/session_minutes"),
    ("introduction_minutes negative", _set(["introduction_minutes"], -1), "/introduction_minutes"),
    ("travel_minutes 241", _set(["travel_minutes"], 241), "/travel_minutes"),
    ("title null", _set(["title"], None), "/title"),
    ("venue a string", _set(["venue"], "Klasserom"), "/venue"),
    ("school_calendar a number", _set(["school_calendar"], 2019), "/school_calendar"),
    ("unknown field", _set(["colour"], "blue"), "/colour"),
    ("unknown field in venue", _set(["venue", "floor"], 2), "/venue/floor"),
    ("unknown field in rules", _set(["rules"], {"max_sessions": 6, "min_participants": 4}),
     "/rules/min_participants"),
    ("$schema in venue", _set(["venue", "$schema"], "x"), "/venue/$schema"),
    ("$schema in an inline calendar",
     _set(["school_calendar"], {"$schema": "x", "municipality": "Sandefjord", "school_years": []}),
     "/school_calendar/$schema"),
    ("inline calendar without municipality", _set(["school_calendar"], {"school_years": []}),
     "/school_calendar"),
    ("inline calendar with a bad date",
     _set(["school_calendar"], {"municipality": "Sandefjord", "school_years": [
         {"label": "2019-2020", "first_day": "19.08.2019", "last_day": "2020-06-19",
          "holidays": []}]}),
     "/school_calendar/school_years/0/first_day"),
    ("first_date without leading zeros", _set(["first_date"], "2019-11-5"), "/first_date"),
    ("first_date in Norwegian order", _set(["first_date"], "05.11.2019"), "/first_date"),
    ("first_date 31 November", _set(["first_date"], "2019-11-31"), "/first_date"),
    ("first_date before 1900", _set(["first_date"], "1899-11-07"), "/first_date"),
    ("first_date after 2200", _set(["first_date"], "2201-11-05"), "/first_date"),
    ("first_date a number", _set(["first_date"], 20191105), "/first_date"),
    pytest.param(_set(["first_date"], "2019-11-05\n"), "/first_date",
                 id="first_date with a trailing newline"),
    pytest.param(_set(["first\ndate"], "2019-11-05"), "/first\ndate",
                 id="unknown field with a newline in its name"),
    ("weekday capitalised", _set(["weekday"], "Tuesday"), "/weekday"),
    ("weekday in Norwegian", _set(["weekday"], "tirsdag"), "/weekday"),
    ("care_closes with a dot", _set(["care_closes"], "16.30"), "/care_closes"),
    ("care_closes 24:00", _set(["care_closes"], "24:00"), "/care_closes"),
    ("earliest_start one-digit hour", _set(["earliest_start"], "9:00"), "/earliest_start"),
    ("care_closes with seconds", _set(["care_closes"], "16:30:00"), "/care_closes"),
    ("unknown move_policy", _set(["move_policy"], "skip"), "/move_policy"),
    ("no cadences", _set(["rules"], {"cadences_weeks": []}), "/rules/cadences_weeks"),
    ("cadence of 13 weeks", _set(["rules"], {"cadences_weeks": [2, 13]}),
     "/rules/cadences_weeks/1"),
    ("start_step_minutes 0", _set(["rules"], {"start_step_minutes": 0}),
     "/rules/start_step_minutes"),
    ("max_move_weeks 0", _set(["rules"], {"max_move_weeks": 0}), "/rules/max_move_weeks"),
]


@pytest.fixture(scope="module")
def request_document(repo):
    """The Sandefjord pilot's request, its calendar referenced by absolute path so that it can be
    written anywhere."""
    document = json.loads(
        (repo / "examples/sandefjord_pilot/course.json").read_text(encoding="utf-8"))
    document.pop("$schema")
    document["school_calendar"] = str(repo / "examples/calendars/sandefjord-school-holidays.json")
    return document


@pytest.mark.parametrize("change,pointer", params(REQUEST_CASES))
def test_bad_course_request_is_rejected(change, pointer, request_document, validators, cli,
                                        tmp_path):
    document = copy.deepcopy(request_document)
    change(document)
    assert not validators["course-request"].is_valid(document)
    file = write_json(tmp_path / "request.json", document)
    assert_bad_input(cli("plan", file), file, pointer)


def test_a_request_that_is_not_an_object_is_rejected(validators, cli, tmp_path):
    assert not validators["course-request"].is_valid("first_date: 2019-11-05")
    file = write_json(tmp_path / "request.json", "first_date: 2019-11-05")
    assert_bad_input(cli("plan", file), file, "/")


def test_a_calendar_outside_the_supported_years_is_rejected_in_a_request(
        calendar, validators, cli, tmp_path):
    # The schema's date is 1900-2200 everywhere: the years the planner can plan in.
    document = copy.deepcopy(calendar)
    document.pop("$schema")
    document["school_years"][0]["first_day"] = "1899-08-21"
    assert not validators["school-calendar"].is_valid(document)
    request = {"first_date": "2019-11-05", "school_calendar": document}
    assert not validators["course-request"].is_valid(request)
    file = write_json(tmp_path / "request.json", request)
    result = cli("plan", file)
    assert result.returncode == 2 and result.stdout == "" and result.stderr.count("\n") == 1
    assert "outside the supported years 1900-2200" in result.stderr


# Cross-field rules that JSON Schema cannot state: the schema accepts these documents, the reader
# rejects them. docs/json.md lists them.
CROSS_FIELD_REQUEST_CASES = [
    ("introduction as long as the session", _set(["introduction_minutes"], 90),
     "/introduction_minutes"),
    ("max_sessions below min_sessions", _set(["rules"], {"min_sessions": 6, "max_sessions": 5}),
     "/rules/max_sessions"),
    ("weekday that is not first_date's", _set(["weekday"], "wednesday"), "/weekday"),
]


@pytest.mark.parametrize("change,pointer", params(CROSS_FIELD_REQUEST_CASES))
def test_cross_field_rules_are_left_to_the_reader(change, pointer, request_document, validators,
                                                  cli, tmp_path):
    document = copy.deepcopy(request_document)
    change(document)
    assert validators["course-request"].is_valid(document)
    file = write_json(tmp_path / "request.json", document)
    assert_bad_input(cli("plan", file), file, pointer)


def _append_sessions(count):
    def change(document):
        while len(document["sessions"]) < count:
            document["sessions"].append(copy.deepcopy(document["sessions"][-1]))
    return change


SCHEDULE_CASES = [
    ("missing request", _delete(["request"]), "/"),
    ("missing sessions", _delete(["sessions"]), "/"),
    ("session without date", _delete(["sessions", 0, "date"]), "/sessions/0"),
    ("session without end", _delete(["sessions", 1, "end"]), "/sessions/1"),
    ("agenda block without kind", _delete(["sessions", 0, "agenda", 1, "kind"]),
     "/sessions/0/agenda/1"),
    ("finding without message", _delete(["findings", 0, "message"]), "/findings/0"),
    ("move_reason without rule", _delete(["sessions", 2, "move_reason", "rule"]),
     "/sessions/2/move_reason"),
    ("request without a first date", _delete(["request", "first_date"]), "/request/first_date"),
    ("sessions an object", _set(["sessions"], {}), "/sessions"),
    ("findings an object", _set(["findings"], {}), "/findings"),
    ("title a number", _set(["title"], 1), "/title"),
    ("session number a string", _set(["sessions", 0, "number"], "1"), "/sessions/0/number"),
    ("session number 0", _set(["sessions", 0, "number"], 0), "/sessions/0/number"),
    ("agenda an object", _set(["sessions", 0, "agenda"], {}), "/sessions/0/agenda"),
    ("finding for session 0", _set(["findings", 0, "session"], 0), "/findings/0/session"),
    ("53 sessions", _append_sessions(53), "/sessions"),
    ("timezone UTC", _set(["timezone"], "UTC"), "/timezone"),
    ("unknown top-level field", _set(["author"], "LMS"), "/author"),
    ("unknown field in a session", _set(["sessions", 0, "room"], "2B"), "/sessions/0/room"),
    ("unknown field in an agenda block", _set(["sessions", 0, "agenda", 0, "minutes"], 30),
     "/sessions/0/agenda/0/minutes"),
    ("unknown field in a finding", _set(["findings", 0, "hint"], ""), "/findings/0/hint"),
    ("unknown field in move_reason", _set(["sessions", 2, "move_reason", "until"], "2020-01-01"),
     "/sessions/2/move_reason/until"),
    ("unknown field in the request", _set(["request", "colour"], "blue"), "/request/colour"),
    ("$schema in the request", _set(["request", "$schema"], "x"), "/request/$schema"),
    ("unknown agenda kind", _set(["sessions", 0, "agenda", 0, "kind"], "lunch"),
     "/sessions/0/agenda/0/kind"),
    ("unknown severity", _set(["findings", 0, "severity"], "fatal"), "/findings/0/severity"),
    ("unknown closure kind", _set(["sessions", 2, "move_reason", "kind"], "storm"),
     "/sessions/2/move_reason/kind"),
    ("weekday capitalised", _set(["sessions", 0, "weekday"], "Tuesday"), "/sessions/0/weekday"),
    ("session date without leading zeros", _set(["sessions", 0, "date"], "2019-11-5"),
     "/sessions/0/date"),
    ("session date in Norwegian order", _set(["sessions", 1, "date"], "03.12.2019"),
     "/sessions/1/date"),
    ("moved_from 30 February", _set(["sessions", 2, "moved_from"], "2019-02-30"),
     "/sessions/2/moved_from"),
    ("start with seconds", _set(["sessions", 0, "start"], "15:00:00"), "/sessions/0/start"),
    ("end 24:00", _set(["sessions", 0, "end"], "24:00"), "/sessions/0/end"),
    ("agenda block ending 16.30", _set(["sessions", 0, "agenda", 2, "end"], "16.30"),
     "/sessions/0/agenda/2/end"),
    ("request date in Norwegian order", _set(["request", "first_date"], "05.11.2019"),
     "/request/first_date"),
]


@pytest.mark.parametrize("change,pointer", params(SCHEDULE_CASES))
def test_bad_schedule_is_rejected(change, pointer, pilot_plan, validators, cli, tmp_path):
    document = copy.deepcopy(pilot_plan)
    change(document)
    assert not validators["schedule"].is_valid(document)
    file = write_json(tmp_path / "schedule.json", document)
    assert_bad_input(cli("validate", file), file, pointer)


# Outputs have no reader; their schemas still reject what the command line never writes.
HOLIDAYS_CASES = [
    ("missing name_en", lambda h: h[0].pop("name_en")),
    ("date a number", lambda h: h[0].__setitem__("date", 20200101)),
    ("unknown field", lambda h: h[0].__setitem__("observed", True)),
    ("date in Norwegian order", lambda h: h[0].__setitem__("date", "01.01.2020")),
    ("unknown holiday", lambda h: h[0].__setitem__("name", "Nyttårsaften")),
    ("thirteen holidays", lambda h: h.append(copy.deepcopy(h[0]))),
    ("not an array", None),
]


@pytest.mark.parametrize("change", [c[1] for c in HOLIDAYS_CASES],
                         ids=[c[0] for c in HOLIDAYS_CASES])
def test_bad_holidays_output_is_rejected(change, cli, validators):
    holidays = json.loads(cli("holidays", 2020).stdout)
    if change is None:
        holidays = {"holidays": holidays}
    else:
        change(holidays)
    assert not validators["holidays"].is_valid(holidays)


VALIDATION_CASES = [
    ("missing valid", {"findings": []}),
    ("missing findings", {"valid": True}),
    ("valid a string", {"valid": "true", "findings": []}),
    ("unknown field", {"valid": True, "findings": [], "errors": 0}),
    ("finding with an unknown severity",
     {"valid": True, "findings": [{"rule": "C1", "severity": "fatal", "message": "m"}]}),
    ("finding without rule", {"valid": True, "findings": [{"severity": "info", "message": "m"}]}),
    ("valid although an error was found",
     {"valid": True, "findings": [{"rule": "C3", "severity": "error", "message": "m"}]}),
    ("invalid although no error was found",
     {"valid": False, "findings": [{"rule": "C1", "severity": "warning", "message": "m"}]}),
]


@pytest.mark.parametrize("document", [c[1] for c in VALIDATION_CASES],
                         ids=[c[0] for c in VALIDATION_CASES])
def test_bad_validation_output_is_rejected(document, validators):
    assert not validators["validation"].is_valid(document)
