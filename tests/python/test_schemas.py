"""The JSON Schemas in docs/schemas/ describe the documents exactly as the C++ readers in
src/json.cpp read them (docs/json.md): what a schema rejects, the command line rejects too, with
exit status 2, one line on stderr naming the JSON pointer, and nothing on stdout; and what the
command line writes, the schemas accept."""

import copy
import json
import pathlib

import jsonschema
import pytest
from example_calendar import beyond_example_note

SCHEMA_DIR = pathlib.Path(__file__).resolve().parents[2] / "docs" / "schemas"
# Every schema file; common.schema.json holds shared definitions only.
ALL_SCHEMAS = sorted(path.name.removesuffix(".schema.json")
                     for path in SCHEMA_DIR.glob("*.schema.json"))
DOCUMENT_SCHEMAS = [name for name in ALL_SCHEMAS if name != "common"]


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


@pytest.fixture()
def rejected(validators, cli, tmp_path):
    """Checks a valid document with `change` applied: the schema rejects it (or, with
    `schema_accepts`, accepts what only the reader can catch), and the command line, given the
    document's file last, reports bad input at `pointer`. Returns the file."""
    def check(schema, document, change, pointer, *command, schema_accepts=False):
        document = copy.deepcopy(document)
        change(document)
        assert validators[schema].is_valid(document) is schema_accepts
        file = write_json(tmp_path / f"{schema}.json", document)
        assert_bad_input(cli(*command, file), file, pointer)
        return file
    return check


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
    assert_valid(validators["topic-catalogue"], json.loads(
        (repo / "examples/catalogues/sandefjord-topics.json").read_text(encoding="utf-8")))


# --- The topic catalogue ---------------------------------------------------------------------


def read_json(path: pathlib.Path):
    return json.loads(path.read_text(encoding="utf-8"))


def example_document(path: pathlib.Path) -> dict:
    """An example document without its "$schema" line, to be changed and written elsewhere."""
    document = read_json(path)
    document.pop("$schema")
    return document


@pytest.fixture(scope="module")
def builtin_topics(cli):
    result = cli("topics")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


def test_topics_output_validates(builtin_topics, validators):
    assert_valid(validators["topics"], builtin_topics)
    assert len(builtin_topics) == 15
    assert builtin_topics[0]["id"] == "getting_to_know"  # DOMAIN T6


def test_the_schemas_list_the_builtin_ids_in_catalogue_order(repo, builtin_topics):
    # common.schema.json names the built-in ids (a request without a catalogue may wish only
    # these); they must follow src/data/topics.json and the compiled-in catalogue.
    defs = load_schema("common")["$defs"]
    data = read_json(repo / "src/data/topics.json")
    assert defs["builtin_topic_id"]["enum"] == [t["id"] for t in builtin_topics]
    assert defs["builtin_topic_id"]["enum"] == [t["id"] for t in data["topics"]]
    assert defs["builtin_role_id"]["enum"] == [r["id"] for r in data["roles"]]
    # Every built-in topic's role is a built-in role (DOMAIN C7).
    assert {t["presenter_role"] for t in builtin_topics} <= set(defs["builtin_role_id"]["enum"])


def test_the_builtin_catalogue_file_is_a_catalogue_that_extends_nothing(repo, cli, validators,
                                                                        builtin_topics):
    # src/data/topics.json says "extends": "none": it validates as a catalogue document, and read
    # as a municipality's file it gives the built-in catalogue exactly.
    file = repo / "src/data/topics.json"
    data = read_json(file)
    assert data["extends"] == "none"
    assert_valid(validators["topic-catalogue"], data)
    result = cli("topics", "--catalogue", file)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == builtin_topics


def test_every_builtin_topic_speaks_both_languages(builtin_topics):
    for topic in builtin_topics:
        for field in ("title_nb", "title_en", "description_nb", "description_en"):
            assert topic[field].strip(), (topic["id"], field)
        assert topic["source"], topic["id"]


def test_the_documented_catalogue_is_the_builtin_one(repo, builtin_topics):
    # docs/topics.md's tables were generated from `paarorende topics`; they must stay exact.
    page = (repo / "docs/topics.md").read_text(encoding="utf-8")
    for number, topic in enumerate(builtin_topics, 1):
        row = (f"| {number} | `{topic['id']}` | {topic['source']} | {topic['title_nb']} | "
               f"{topic['title_en']} | `{topic['presenter_role']}` |")
        assert row in page, row
        descriptions = (f"| `{topic['id']}` | {topic['description_nb']} | "
                        f"{topic['description_en']} |")
        assert descriptions in page, descriptions
    for role in read_json(repo / "src/data/topics.json")["roles"]:
        assert f"| `{role['id']}` | {role['title_nb']} | {role['title_en']} |" in page, role["id"]


def test_the_municipal_example_catalogue(repo, cli, validators, builtin_topics):
    file = repo / "examples/catalogues/sandefjord-topics.json"
    document = read_json(file)
    assert "EXAMPLE DATA" in document["note"]
    result = cli("topics", "--catalogue", file)
    assert result.returncode == 0, result.stderr
    topics = json.loads(result.stdout)
    assert_valid(validators["topics"], topics)
    # The built-in topics in their order, self_care with its new presenter, then the addition.
    assert [t["id"] for t in topics] == [t["id"] for t in builtin_topics] + ["assistive_devices"]
    by_id = {t["id"]: t for t in topics}
    builtin = {t["id"]: t for t in builtin_topics}
    assert by_id["self_care"] == {**builtin["self_care"], "presenter_role": "health_visitor"}
    added = by_id["assistive_devices"]
    assert "source" not in added  # a municipality's own topic
    assert added["presenter_role"] == "occupational_therapist"
    assert added["stages"] == ["kindergarten", "primary", "lower_secondary", "upper_secondary"]
    assert added["audiences"] == ["parents", "fathers"]
    for topic_id, topic in builtin.items():
        if topic_id != "self_care":
            assert by_id[topic_id] == topic


def test_a_plan_with_a_municipal_catalogue_validates(cli, repo, tmp_path, validators):
    request = example_document(repo / "examples/sandefjord_pilot/course.json")
    request["school_calendar"] = str(repo / "examples/calendars/sandefjord-school-holidays.json")
    request["catalogue"] = str(repo / "examples/catalogues/sandefjord-topics.json")
    request["wishes"].append({"participant": "p10", "topics": ["assistive_devices"]})
    assert_valid(validators["course-request"], request)
    result = cli("plan", write_json(tmp_path / "request.json", request))
    assert result.returncode == 0, result.stderr
    schedule = json.loads(result.stdout)
    assert_valid(validators["schedule"], schedule)
    assert_valid(validators["course-request"], schedule["request"])
    # The echo carries the merged catalogue whole, as a catalogue that extends nothing.
    echoed = schedule["request"]["catalogue"]
    assert echoed["extends"] == "none"
    assert_valid(validators["topic-catalogue"], echoed)
    # self_care is now the health visitor's, so the psychologist's absence on 2020-01-07 no
    # longer moves it.
    assert [(s["topic"], s["presenter"]) for s in schedule["sessions"]] == [
        ("getting_to_know", "lms_leder"), ("palliative_care_and_rights", "barnepalliasjon"),
        ("self_care", "helsesykepleier"), ("municipal_services", "koordinator"),
        ("sexuality_and_identity", "helsesykepleier")]
    result = cli("validate", write_json(tmp_path / "schedule.json", schedule))
    assert result.returncode == 0, result.stdout + result.stderr
    answer = json.loads(result.stdout)
    assert answer["valid"] and beyond_example_note(answer["findings"]) == []


def test_a_plan_with_an_inline_catalogue_validates(cli, repo, tmp_path, validators):
    request = example_document(repo / "examples/sandefjord_pilot/course.json")
    request["school_calendar"] = str(repo / "examples/calendars/sandefjord-school-holidays.json")
    catalogue = example_document(repo / "examples/catalogues/sandefjord-topics.json")
    request["catalogue"] = catalogue
    request["audience"] = "fathers"
    request["topic_rules"] = {"stage_weight_percent": 200, "suggest_transitions": False}
    assert_valid(validators["course-request"], request)
    result = cli("plan", write_json(tmp_path / "request.json", request))
    assert result.returncode == 0, result.stderr
    schedule = json.loads(result.stdout)
    assert_valid(validators["schedule"], schedule)
    assert schedule["request"]["audience"] == "fathers"
    assert schedule["request"]["topic_rules"] == request["topic_rules"]


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
    # docs/scheduling.md's worked example: the psychologist cannot come on 2020-01-07, so
    # self_care and municipal_services change places (DOMAIN C7).
    assert [(s["date"], s["topic"], s["presenter"]) for s in pilot_plan["sessions"]] == [
        ("2019-11-05", "getting_to_know", "lms_leder"),
        ("2019-12-03", "palliative_care_and_rights", "barnepalliasjon"),
        ("2020-01-07", "municipal_services", "koordinator"),
        ("2020-01-28", "self_care", "psykolog"),
        ("2020-03-03", "sexuality_and_identity", "helsesykepleier")]
    # The echo always writes the audience and the topic rules; no catalogue was given.
    assert pilot_plan["request"]["audience"] == "parents"
    assert pilot_plan["request"]["topic_rules"] == {"stage_weight_percent": 150,
                                                    "suggest_transitions": True}
    assert "catalogue" not in pilot_plan["request"]


def test_a_plan_without_wishes_leaves_the_later_topics_open(cli, repo, tmp_path, validators):
    request = example_document(repo / "examples/sandefjord_pilot/course.json")
    for field in ("school_calendar", "wishes", "children", "presenters"):
        request.pop(field)
    result = cli("plan", write_json(tmp_path / "request.json", request))
    assert result.returncode == 0, result.stderr
    schedule = json.loads(result.stdout)
    assert_valid(validators["schedule"], schedule)
    assert [(s["topic"], s["presenter"]) for s in schedule["sessions"]] == [
        ("getting_to_know", None)] + [(None, None)] * 4
    assert_valid(validators["course-request"], schedule["request"])


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


def test_a_hand_made_schedule_with_topics_and_presenters_validates(cli, pilot_plan, tmp_path,
                                                                    validators):
    schedule = {
        "sessions": [{key: s[key] for key in ("date", "start", "end", "topic", "presenter",
                                              "moved_from") if key in s}
                     for s in pilot_plan["sessions"]],
        "request": pilot_plan["request"],
    }
    schedule["sessions"][4]["presenter"] = None  # allowed: a C7 warning, not an error
    assert_valid(validators["schedule"], schedule)
    result = cli("validate", write_json(tmp_path / "schedule.json", schedule))
    assert result.returncode == 0, result.stdout + result.stderr
    answer = json.loads(result.stdout)
    assert_valid(validators["validation"], answer)
    assert [(f["rule"], f["severity"], f.get("session")) for f in beyond_example_note(answer["findings"])] == [
        ("C7", "warning", 5)]


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
    return example_document(repo / "examples/calendars/sandefjord-school-holidays.json")


@pytest.mark.parametrize("change,pointer", params(CALENDAR_CASES))
def test_bad_school_calendar_is_rejected(change, pointer, calendar, rejected):
    rejected("school-calendar", calendar, change, pointer, "closed", "2019-11-05", "--calendar")


def test_a_school_calendar_that_is_not_an_object_is_rejected(validators, cli, tmp_path):
    assert not validators["school-calendar"].is_valid([])
    file = write_json(tmp_path / "calendar.json", [])
    assert_bad_input(cli("closed", "2019-11-05", "--calendar", file), file, "/")


def _append(path, value):
    def change(document):
        node = document
        for key in path:
            node = node[key]
        node.append(value)
    return change


def _new_topic(topic_id, **fields):
    """A complete new topic entry."""
    return {"id": topic_id, "title_nb": "Tema", "title_en": "Topic", "description_nb": "Om temaet.",
            "description_en": "About the topic.", "presenter_role": "psychologist",
            "stages": ["primary"], "audiences": ["parents"], **fields}


# The base document: examples/catalogues/sandefjord-topics.json, whose topics are
# 0 assistive_devices (new) and 1 self_care (override).
CATALOGUE_CASES = [
    ("override without the flag", _append(["topics"], _new_topic("self_care")), "/topics/2/id"),
    ("override flag false", _set(["topics", 1, "override"], False), "/topics/1/id"),
    ("role override without the flag",
     _set(["roles"], [{"id": "psychologist", "title_nb": "Psykolog", "title_en": "Psychologist"}]),
     "/roles/0/id"),
    ("unknown id to override", _set(["topics", 1, "id"], "hippotherapy"), "/topics/1/id"),
    ("unknown role id to override", _set(["roles"], [{"id": "nurse", "override": True}]),
     "/roles/0/id"),
    ("duplicate of a built-in id", _append(["topics"], _new_topic("getting_to_know")),
     "/topics/2/id"),
    ("unknown field", _set(["colour"], "blue"), "/colour"),
    ("unknown field in a topic", _set(["topics", 0, "duration"], 30), "/topics/0/duration"),
    ("unknown field in an override", _set(["topics", 1, "priority"], 1), "/topics/1/priority"),
    ("unknown field in a role",
     _set(["roles"], [{"id": "nurse", "title_nb": "Sykepleier", "title_en": "Nurse", "x": 1}]),
     "/roles/0/x"),
    ("$schema in a topic", _set(["topics", 0, "$schema"], "x"), "/topics/0/$schema"),
    ("unknown role, no roles of its own", _set(["topics", 0, "presenter_role"], "ergotherapist"),
     "/topics/0/presenter_role"),
    ("unknown role in an override", _set(["topics", 1, "presenter_role"], "Helsesykepleier"),
     "/topics/1/presenter_role"),
    ("slug with capitals", _set(["topics", 0, "id"], "Assistive_devices"), "/topics/0/id"),
    ("slug with a hyphen", _set(["topics", 0, "id"], "assistive-devices"), "/topics/0/id"),
    ("slug with a space", _set(["topics", 0, "id"], "assistive devices"), "/topics/0/id"),
    ("slug with a letter outside ASCII", _set(["topics", 0, "id"], "hjelpemidler_på_skolen"),
     "/topics/0/id"),
    ("empty slug", _set(["topics", 0, "id"], ""), "/topics/0/id"),
    ("slug of 65 characters", _set(["topics", 0, "id"], "a" * 65), "/topics/0/id"),
    pytest.param(_set(["topics", 0, "id"], "assistive_devices\n"), "/topics/0/id",
                 id="slug with a trailing newline"),
    ("role slug with capitals",
     _set(["roles"], [{"id": "Ergo", "title_nb": "Ergoterapeut", "title_en": "OT"}]),
     "/roles/0/id"),
    ("id a number", _set(["topics", 0, "id"], 7), "/topics/0/id"),
    ("new topic without description_en", _delete(["topics", 0, "description_en"]), "/topics/0"),
    ("new topic without stages", _delete(["topics", 0, "stages"]), "/topics/0"),
    ("new role without title_en", _set(["roles"], [{"id": "nurse", "title_nb": "Sykepleier"}]),
     "/roles/0"),
    ("override without id", _delete(["topics", 1, "id"]), "/topics/1"),
    ("no stages", _set(["topics", 0, "stages"], []), "/topics/0/stages"),
    ("no stages in an override", _set(["topics", 1, "stages"], []), "/topics/1/stages"),
    ("unknown stage", _set(["topics", 0, "stages"], ["teenager"]), "/topics/0/stages/0"),
    ("a stage twice", _set(["topics", 0, "stages"], ["primary", "primary"]), "/topics/0/stages/1"),
    ("no audiences", _set(["topics", 0, "audiences"], []), "/topics/0/audiences"),
    ("unknown audience", _set(["topics", 0, "audiences"], ["mothers"]), "/topics/0/audiences/0"),
    ("an audience twice", _set(["topics", 0, "audiences"], ["parents", "parents"]),
     "/topics/0/audiences/1"),
    ("override a string", _set(["topics", 1, "override"], "yes"), "/topics/1/override"),
    ("title a number", _set(["topics", 0, "title_nb"], 1), "/topics/0/title_nb"),
    ("source a number", _set(["topics", 0, "source"], 1), "/topics/0/source"),
    ("unknown extends", _set(["extends"], "all"), "/extends"),
    ("note a number", _set(["note"], 1), "/note"),
    ("topics an object", _set(["topics"], {}), "/topics"),
    ("roles a string", _set(["roles"], "psychologist"), "/roles"),
    ("a topic that is not an object", _set(["topics", 0], "assistive_devices"), "/topics/0"),
    ("extends nothing yet overrides", _set(["extends"], "none"), "/topics/0/presenter_role"),
]


@pytest.fixture(scope="module")
def catalogue_document(repo):
    return example_document(repo / "examples/catalogues/sandefjord-topics.json")


@pytest.mark.parametrize("change,pointer", params(CATALOGUE_CASES))
def test_bad_topic_catalogue_is_rejected(change, pointer, catalogue_document, rejected):
    rejected("topic-catalogue", catalogue_document, change, pointer, "topics", "--catalogue")


def _standalone(change):
    """A change to src/data/topics.json read as a catalogue that extends nothing."""
    def apply(document):
        document["extends"] = "none"
        change(document)
    return apply


STANDALONE_CATALOGUE_CASES = [
    ("an override", _standalone(_set(["topics", 2, "override"], True)), "/topics/2/id"),
    ("an override of a role", _standalone(_set(["roles", 0, "override"], True)), "/roles/0/id"),
    ("without getting_to_know", _standalone(_delete(["topics", 0])), "/topics"),
    ("without topics", _standalone(_delete(["topics"])), "/topics"),
]


@pytest.fixture(scope="module")
def builtin_document(repo):
    return read_json(repo / "src/data/topics.json")


@pytest.mark.parametrize("change,pointer", params(STANDALONE_CATALOGUE_CASES))
def test_bad_standalone_catalogue_is_rejected(change, pointer, builtin_document, rejected):
    rejected("topic-catalogue", builtin_document, change, pointer, "topics", "--catalogue")


def test_a_catalogue_that_is_not_an_object_is_rejected(validators, cli, tmp_path):
    assert not validators["topic-catalogue"].is_valid([])
    file = write_json(tmp_path / "catalogue.json", [])
    assert_bad_input(cli("topics", "--catalogue", file), file, "/")


# What JSON Schema cannot say about a catalogue: the schema accepts these, the reader rejects
# them. docs/topics.md lists them.
CROSS_FIELD_CATALOGUE_CASES = [
    ("a new id twice", _append(["topics"], _new_topic("assistive_devices")), "/topics/2/id"),
    ("a new role id twice",
     _set(["roles"], [{"id": "nurse", "title_nb": "Sykepleier", "title_en": "Nurse"},
                      {"id": "nurse", "title_nb": "Sykepleier", "title_en": "Nurse"}]),
     "/roles/1/id"),
]


@pytest.mark.parametrize("change,pointer", params(CROSS_FIELD_CATALOGUE_CASES))
def test_cross_field_catalogue_rules_are_left_to_the_reader(change, pointer, catalogue_document,
                                                            rejected):
    rejected("topic-catalogue", catalogue_document, change, pointer, "topics", "--catalogue",
             schema_accepts=True)


def test_an_unknown_role_beside_roles_of_its_own_is_left_to_the_reader(
        catalogue_document, validators, cli, tmp_path):
    # With a role of its own the schema can no longer tell which roles exist.
    document = copy.deepcopy(catalogue_document)
    document["roles"] = [{"id": "nurse", "title_nb": "Sykepleier", "title_en": "Nurse"}]
    document["topics"][0]["presenter_role"] = "ergotherapist"
    assert validators["topic-catalogue"].is_valid(document)
    file = write_json(tmp_path / "catalogue.json", document)
    assert_bad_input(cli("topics", "--catalogue", file), file, "/topics/0/presenter_role")


def test_a_standalone_catalogue_with_an_unknown_role_is_left_to_the_reader(
        builtin_document, validators, cli, tmp_path):
    document = copy.deepcopy(builtin_document)
    document["extends"] = "none"
    document["roles"] = [r for r in document["roles"] if r["id"] != "physician"]
    assert validators["topic-catalogue"].is_valid(document)
    file = write_json(tmp_path / "catalogue.json", document)
    index = [t["id"] for t in document["topics"]].index("medical_challenges")
    assert_bad_input(cli("topics", "--catalogue", file), file,
                     f"/topics/{index}/presenter_role")


def test_a_builtin_id_overridden_twice_is_rejected(catalogue_document, cli, tmp_path):
    document = copy.deepcopy(catalogue_document)
    document["topics"].append({"id": "self_care", "override": True, "title_en": "Self-care"})
    file = write_json(tmp_path / "catalogue.json", document)
    assert_bad_input(cli("topics", "--catalogue", file), file, "/topics/2/id")


def test_the_topics_command_rejects_bad_arguments(cli):
    for args in (["--catalogue"], ["extra"], ["--catalogue", "a.json", "--catalogue", "b.json"]):
        result = cli("topics", *args)
        assert result.returncode == 2 and result.stdout == "", args
        assert result.stderr == "paarorende: usage: paarorende topics [--catalogue FILE]\n"


def test_an_error_in_a_referenced_catalogue_names_that_file(request_document, catalogue_document,
                                                            cli, tmp_path):
    catalogue = copy.deepcopy(catalogue_document)
    catalogue["topics"][0]["stages"] = []
    catalogue_file = write_json(tmp_path / "catalogue.json", catalogue)
    request = copy.deepcopy(request_document)
    request["catalogue"] = str(catalogue_file)
    assert_bad_input(cli("plan", write_json(tmp_path / "request.json", request)), catalogue_file,
                     "/topics/0/stages")


@pytest.mark.parametrize("field", ["catalogue", "school_calendar"])
def test_an_empty_file_reference_is_located_in_the_request(field, request_document, validators,
                                                           cli, tmp_path):
    document = copy.deepcopy(request_document)
    document[field] = ""
    assert not validators["course-request"].is_valid(document)
    file = write_json(tmp_path / "request.json", document)
    assert_bad_input(cli("plan", file), file, f"/{field}")


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
    # Topic wishes (DOMAIN C6), children (G6, T3), presenters (C7), topic rules, audience (G9).
    ("unknown topic in wishes", _set(["wishes", 0, "topics", 0], "hippotherapy"),
     "/wishes/0/topics/0"),
    ("a municipality's topic without its catalogue",
     _set(["wishes", 0, "topics", 0], "assistive_devices"), "/wishes/0/topics/0"),
    ("a topic wished twice by one participant",
     _set(["wishes", 0, "topics"], ["self_care", "family_life", "self_care"]),
     "/wishes/0/topics/2"),
    ("wish topic a number", _set(["wishes", 0, "topics", 0], 3), "/wishes/0/topics/0"),
    ("wish without participant", _delete(["wishes", 0, "participant"]), "/wishes/0"),
    ("wish without topics", _delete(["wishes", 0, "topics"]), "/wishes/0"),
    ("ranked a string", _set(["wishes", 6, "ranked"], "no"), "/wishes/6/ranked"),
    ("unknown field in a wish", _set(["wishes", 0, "weight"], 2), "/wishes/0/weight"),
    ("wishes an object", _set(["wishes"], {"p01": ["self_care"]}), "/wishes"),
    ("grade 14", _set(["children", 0, "grade"], 14), "/children/0/grade"),
    ("grade 0", _set(["children", 0, "grade"], 0), "/children/0/grade"),
    ("grade a string", _set(["children", 0, "grade"], "8"), "/children/0/grade"),
    ("grade 7 in lower secondary", _set(["children", 0, "grade"], 7), "/children/0/grade"),
    ("grade 11 in lower secondary", _set(["children", 0, "grade"], 11), "/children/0/grade"),
    ("grade 8 in primary", _set(["children", 0], {"stage": "primary", "grade": 8}),
     "/children/0/grade"),
    ("grade 10 in upper secondary",
     _set(["children", 0], {"stage": "upper_secondary", "grade": 10}), "/children/0/grade"),
    ("a grade in kindergarten", _set(["children", 0], {"stage": "kindergarten", "grade": 1}),
     "/children/0/grade"),
    ("unknown stage", _set(["children", 0, "stage"], "ungdomsskole"), "/children/0/stage"),
    ("child without stage", _delete(["children", 0, "stage"]), "/children/0"),
    ("unknown field in a child", _set(["children", 0, "name"], "Ola"), "/children/0/name"),
    ("unknown role", _set(["presenters", 1, "role"], "nurse"), "/presenters/1/role"),
    ("role that is no slug", _set(["presenters", 1, "role"], "Psykolog"), "/presenters/1/role"),
    ("presenter without role", _delete(["presenters", 1, "role"]), "/presenters/1"),
    ("presenter without id", _delete(["presenters", 1, "id"]), "/presenters/1"),
    ("presenter id empty", _set(["presenters", 1, "id"], ""), "/presenters/1/id"),
    ("presenter name null", _set(["presenters", 0, "name"], None), "/presenters/0/name"),
    ("unavailable date in Norwegian order", _set(["presenters", 2, "unavailable", 0], "07.01.2020"),
     "/presenters/2/unavailable/0"),
    ("unavailable a date", _set(["presenters", 2, "unavailable"], "2020-01-07"),
     "/presenters/2/unavailable"),
    ("unknown field in a presenter", _set(["presenters", 0, "email"], "x@example.org"),
     "/presenters/0/email"),
    ("stage_weight_percent 1001", _set(["topic_rules"], {"stage_weight_percent": 1001}),
     "/topic_rules/stage_weight_percent"),
    ("stage_weight_percent negative", _set(["topic_rules"], {"stage_weight_percent": -1}),
     "/topic_rules/stage_weight_percent"),
    ("suggest_transitions a string", _set(["topic_rules"], {"suggest_transitions": "yes"}),
     "/topic_rules/suggest_transitions"),
    ("unknown field in topic_rules", _set(["topic_rules"], {"max_topics": 4}),
     "/topic_rules/max_topics"),
    ("unknown audience", _set(["audience"], "mothers"), "/audience"),
    ("catalogue a number", _set(["catalogue"], 1), "/catalogue"),
    ("$schema in an inline catalogue", _set(["catalogue"], {"$schema": "x", "topics": []}),
     "/catalogue/$schema"),
    ("inline catalogue overriding an unknown topic",
     _set(["catalogue"], {"topics": [{"id": "hippotherapy", "override": True}]}),
     "/catalogue/topics/0/id"),
    ("inline catalogue with an unknown role",
     _set(["catalogue"], {"topics": [_new_topic("hippotherapy", presenter_role="riding_teacher")]}),
     "/catalogue/topics/0/presenter_role"),
]


@pytest.fixture(scope="module")
def request_document(repo):
    """The Sandefjord pilot's request, its calendar referenced by absolute path so that it can be
    written anywhere."""
    document = example_document(repo / "examples/sandefjord_pilot/course.json")
    document["school_calendar"] = str(repo / "examples/calendars/sandefjord-school-holidays.json")
    return document


@pytest.mark.parametrize("change,pointer", params(REQUEST_CASES))
def test_bad_course_request_is_rejected(change, pointer, request_document, rejected):
    rejected("course-request", request_document, change, pointer, "plan")


def test_a_request_that_is_not_an_object_is_rejected(validators, cli, tmp_path):
    assert not validators["course-request"].is_valid("first_date: 2019-11-05")
    file = write_json(tmp_path / "request.json", "first_date: 2019-11-05")
    assert_bad_input(cli("plan", file), file, "/")


def test_a_calendar_outside_the_supported_years_is_rejected_in_a_request(
        calendar, validators, cli, tmp_path):
    # The schema's date is 1900-2200 everywhere: the years the planner can plan in.
    document = copy.deepcopy(calendar)
    document["school_years"][0]["first_day"] = "1899-08-21"
    assert not validators["school-calendar"].is_valid(document)
    request = {"first_date": "2019-11-05", "school_calendar": document}
    assert not validators["course-request"].is_valid(request)
    file = write_json(tmp_path / "request.json", request)
    result = cli("plan", file)
    assert result.returncode == 2 and result.stdout == "" and result.stderr.count("\n") == 1
    assert "outside the supported years 1900-2200" in result.stderr


def _with_minimal_catalogue(document):
    """A catalogue of one role and one topic, with presenters of that role only."""
    document["catalogue"] = {
        "extends": "none",
        "roles": [{"id": "course_leader", "title_nb": "Kursleder", "title_en": "Course leader"}],
        "topics": [{**_new_topic("getting_to_know"), "presenter_role": "course_leader"}]}
    document["presenters"] = [p for p in document["presenters"] if p["role"] == "course_leader"]


# Cross-field rules that JSON Schema cannot state: the schema accepts these documents, the reader
# rejects them. docs/json.md lists them.
CROSS_FIELD_REQUEST_CASES = [
    ("introduction as long as the session", _set(["introduction_minutes"], 90),
     "/introduction_minutes"),
    ("max_sessions below min_sessions", _set(["rules"], {"min_sessions": 6, "max_sessions": 5}),
     "/rules/max_sessions"),
    ("weekday that is not first_date's", _set(["weekday"], "wednesday"), "/weekday"),
    ("a participant listed twice", _set(["wishes", 1, "participant"], "p01"),
     "/wishes/1/participant"),
    ("a presenter id used twice", _set(["presenters", 1, "id"], "lms_leder"), "/presenters/1/id"),
    ("a topic the request's catalogue lacks", _with_minimal_catalogue, "/wishes/0/topics/0"),
    ("a role the request's catalogue lacks",
     _set(["catalogue"], {"extends": "none", "roles": [
         {"id": "course_leader", "title_nb": "Kursleder", "title_en": "Course leader"}],
         "topics": [{**_new_topic("getting_to_know"), "presenter_role": "course_leader"}]}),
     "/presenters/1/role"),
]


@pytest.mark.parametrize("change,pointer", params(CROSS_FIELD_REQUEST_CASES))
def test_cross_field_rules_are_left_to_the_reader(change, pointer, request_document, rejected):
    rejected("course-request", request_document, change, pointer, "plan", schema_accepts=True)


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
    ("topic a number", _set(["sessions", 1, "topic"], 2), "/sessions/1/topic"),
    ("topic an object", _set(["sessions", 1, "topic"], {"id": "self_care"}), "/sessions/1/topic"),
    ("presenter a boolean", _set(["sessions", 1, "presenter"], False), "/sessions/1/presenter"),
    ("echoed catalogue with an override",
     _set(["request", "catalogue"], {"extends": "none", "topics": [
         {"id": "getting_to_know", "override": True}]}),
     "/request/catalogue/topics/0/id"),
    ("echoed presenter without role", _delete(["request", "presenters", 0, "role"]),
     "/request/presenters/0"),
]


@pytest.mark.parametrize("change,pointer", params(SCHEDULE_CASES))
def test_bad_schedule_is_rejected(change, pointer, pilot_plan, rejected):
    rejected("schedule", pilot_plan, change, pointer, "validate")


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


TOPICS_CASES = [
    ("missing presenter_role", lambda t: t[1].pop("presenter_role")),
    ("empty source", lambda t: t[1].__setitem__("source", "")),
    ("an override flag", lambda t: t[1].__setitem__("override", True)),
    ("unknown field", lambda t: t[1].__setitem__("priority", 1)),
    ("no stages", lambda t: t[1].__setitem__("stages", [])),
    ("unknown audience", lambda t: t[1].__setitem__("audiences", ["mothers"])),
    ("id that is no slug", lambda t: t[1].__setitem__("id", "Self care")),
    ("without getting_to_know", lambda t: t.pop(0)),
    ("empty", lambda t: t.clear()),
    ("not an array", None),
]


@pytest.mark.parametrize("change", [c[1] for c in TOPICS_CASES], ids=[c[0] for c in TOPICS_CASES])
def test_bad_topics_output_is_rejected(change, builtin_topics, validators):
    topics = copy.deepcopy(builtin_topics)
    if change is None:
        topics = {"topics": topics}
    else:
        change(topics)
    assert not validators["topics"].is_valid(topics)


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


# --- Groups and attendance (docs/groups.md, docs/attendance.md) ------------------------------


@pytest.fixture(scope="module")
def group_document(repo):
    """The Sandefjord pilot's group: five couples, children in lower secondary school."""
    return example_document(repo / "examples/sandefjord_pilot/group.json")


@pytest.fixture(scope="module")
def records_document(repo):
    """The pilot's attendance (DOMAIN G5), 20 records."""
    return example_document(repo / "examples/sandefjord_pilot/attendance.json")


def run_json(cli, *args, status=0):
    """Runs the command line and returns its JSON output; it must exit with `status`."""
    result = cli(*args)
    assert result.returncode == status, result.stdout + result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


def test_the_group_and_attendance_examples_validate(repo, validators):
    assert_valid(validators["group"], read_json(repo / "examples/sandefjord_pilot/group.json"))
    assert_valid(validators["attendance-records"],
                 read_json(repo / "examples/sandefjord_pilot/attendance.json"))


def test_check_of_the_pilot_group(cli, repo, validators):
    # The pilot (S-4.5): 5 couples, 10 participants, all children in lower secondary school at one
    # school. DOMAIN G2: h04's child has a life-limiting condition, the others not, which is no
    # finding (the pilot mixed them); G4: at the pilot's attendance P(at least 5 present) is 58%,
    # below the 80% asked for; G6: four of the five children in grades 8-9, just past the move to
    # lower secondary (S-6.0 B: the pilot came "litt seint i forløpet"); G9: 5 fathers.
    answer = run_json(cli, "check", repo / "examples/sandefjord_pilot/group.json")
    assert_valid(validators["check"], answer)
    assert (answer["group"], answer["valid"], answer["households"], answer["participants"]) == (
        "sandefjord-pilot", True, 5, 10)
    assert [(v["rule"], v["severity"], v["message"], v["households"])
            for v in answer["violations"]] == [
        ("G4", "warning", "P(at least 5 present at a session) = 58%, below 80%", []),
        ("G6", "info", "at least half the children are just past the move to lower secondary (grades 8-9): "
         "the transition topic (T3) came too late for this group; offer it to the next group before the move",
         ["h01", "h02", "h03", "h05"]),
        ("G9", "info", "at least 3 fathers enrolled: offer a fathers' session (topic \"fathers_session\")",
         []),
    ]
    assert answer["attendance"] == {"mean": pytest.approx(4.875), "min_present": 5,
                                    "p_at_least_min_present": pytest.approx(0.57709869140625),
                                    "required_probability": 0.8}


def _behavioural(document):
    """DOMAIN G1: one household whose child has mainly behavioural difficulties."""
    document["households"][4]["children"][0]["condition"] = "mainly_behavioural"


def test_check_of_a_group_breaking_g1_exits_1(cli, group_document, tmp_path, validators):
    document = copy.deepcopy(group_document)
    _behavioural(document)
    assert_valid(validators["group"], document)  # well-formed, yet it breaks a rule
    answer = run_json(cli, "check", write_json(tmp_path / "group.json", document), status=1)
    assert_valid(validators["check"], answer)
    assert answer["valid"] is False
    assert answer["violations"][0] == {
        "rule": "G1", "severity": "error",
        "message": "children with mainly behavioural difficulties and children with illness or "
                   "disability in one group; behavioural difficulties get groups of their own",
        "households": ["h05"]}


@pytest.mark.parametrize("weight,status,severities", [
    ("hard", 1, [("G1", "error")]), ("soft", 0, [("G1", "warning")]), ("off", 0, [])])
def test_a_rule_s_weight_decides_its_severity(weight, status, severities, cli, group_document,
                                              tmp_path, validators):
    document = copy.deepcopy(group_document)
    _behavioural(document)
    document["rules"] = {"behavioural_own_group": weight}
    assert_valid(validators["group"], document)
    answer = run_json(cli, "check", write_json(tmp_path / "group.json", document), status=status)
    assert_valid(validators["check"], answer)
    assert [(v["rule"], v["severity"]) for v in answer["violations"]
            if v["rule"] == "G1"] == severities


def _household(number, condition="severe_disability", stage="lower_secondary",
               roles=("mother", "father"), school="Ungdomsskolen", **child):
    return {"id": f"h{number:02d}", "school": school,
            "caregivers": [{"role": role} for role in roles],
            "children": [{"stage": stage, "condition": condition, **child}]}


# Each rule's failing example in docs/groups.md, with the finding it gives (rule, severity,
# households concerned) next to the pilot's own G2/G4/G9 findings.
RULE_EXAMPLES = [
    ("G3: 4 couples", [_household(n) for n in range(1, 5)], {}, 1,
     [("G3", "error", "8 participants enrolled; at least 9 are needed", [])]),
    ("G3: 9 couples", [_household(n) for n in range(1, 10)], {}, 1,
     [("G3", "error", "18 participants enrolled; at most 16", [])]),
    ("G6: primary to upper secondary",
     [_household(1, stage="primary", grade=5)] + [_household(n, stage="upper_secondary")
                                                  for n in range(2, 6)], {}, 0,
     [("G6", "warning", "children from primary to upper_secondary; groups are formed by child "
       "stage", ["h01", "h02", "h03", "h04", "h05"])]),
    ("G6: kindergarten",
     [_household(1, stage="kindergarten")] + [_household(n, stage="primary")
                                              for n in range(2, 6)], {}, 0,
     [("G6", "warning", "children in kindergarten: soon after diagnosis medical questions "
       "dominate; the course suits best once the children have started school", ["h01"])]),
    ("G7: five schools", [_household(n, school=f"Skole {n}") for n in range(1, 6)], {}, 0,
     [("G7", "warning", "no two households share a school; strangers may need more time to "
       "build trust, so give the first session room for it", [])]),
    # Only recorded schools count: with none recorded, G7 has nothing to compare.
    ("G7: no schools recorded", [_household(n, school="") for n in range(1, 6)], {}, 0, []),
    ("G8: a rare diagnosis alone",
     [_household(1, rare_diagnosis="ORPHA:558")] + [_household(n) for n in range(2, 6)], {}, 0,
     [("G8", "warning", "a rare diagnosis without a peer in the group; help these families meet "
       "the few others in the same situation, across municipalities if need be", ["h01"])]),
]


@pytest.mark.parametrize("households,rules,status,expected",
                         [pytest.param(*case[1:], id=case[0]) for case in RULE_EXAMPLES])
def test_the_documented_rule_examples(households, rules, status, expected, cli, tmp_path,
                                      validators):
    document = {"households": households, "rules": rules}
    assert_valid(validators["group"], document)
    answer = run_json(cli, "check", write_json(tmp_path / "group.json", document), status=status)
    assert_valid(validators["check"], answer)
    found = [(v["rule"], v["severity"], v["message"], v["households"])
             for v in answer["violations"] if v["rule"] not in ("G4", "G9")]
    assert found == expected


def test_attendance_output_of_the_pilot_group(cli, repo, validators):
    from fractions import Fraction
    answer = run_json(cli, "attendance", repo / "examples/sandefjord_pilot/group.json")
    assert_valid(validators["attendance"], answer)
    assert (answer["households"], answer["participants"], answer["max_present"]) == (5, 10, 10)
    # The exact distribution, by hand: five couples, each 0 present with 1 - 0.65, 1 with
    # 0.65 * 0.5, 2 with 0.65 * 0.5 (DOMAIN G5 defaults).
    attend, both = Fraction(13, 20), Fraction(1, 2)
    exact = [Fraction(1)]
    for _ in range(5):
        one_household = [1 - attend, attend * (1 - both), attend * both]
        exact = [sum(exact[k - j] * one_household[j] for j in range(3) if 0 <= k - j < len(exact))
                 for k in range(len(exact) + 2)]
    assert [d["present"] for d in answer["distribution"]] == list(range(11))
    assert [d["probability"] for d in answer["distribution"]] == pytest.approx(
        [float(p) for p in exact], rel=1e-12)
    assert [a["present"] for a in answer["at_least"]] == list(range(1, 11))
    assert [a["probability"] for a in answer["at_least"]] == pytest.approx(
        [float(sum(exact[k:])) for k in range(1, 11)], rel=1e-12)
    assert answer["mean"] == pytest.approx(4.875)
    assert answer["variance"] == pytest.approx(3.371875)
    # docs/attendance.md: P(at least 5) = 29547453/51200000, about 58%.
    assert sum(exact[5:]) == Fraction(29547453, 51200000)


def test_a_household_s_partial_attendance_fills_from_the_group_default(cli, group_document,
                                                                        tmp_path, validators):
    document = copy.deepcopy(group_document)
    document["rules"] = {"default_attendance": {"attend": 0.9}}
    expected = run_json(cli, "attendance", write_json(tmp_path / "default.json", document))
    for household in document["households"]:
        household["attendance"] = {"both": 0.5}  # attend left out: the group's 0.9
    assert_valid(validators["group"], document)
    answer = run_json(cli, "attendance", write_json(tmp_path / "partial.json", document))
    assert_valid(validators["attendance"], answer)
    assert answer == expected
    assert answer["mean"] == pytest.approx(5 * 0.9 * 1.5)


def test_attendance_of_an_empty_group(cli, tmp_path, validators):
    file = write_json(tmp_path / "group.json", {"id": "empty"})
    answer = run_json(cli, "attendance", file)
    assert_valid(validators["attendance"], answer)
    assert answer["distribution"] == [{"present": 0, "probability": 1.0}]
    assert answer["at_least"] == []
    checked = run_json(cli, "check", file, status=1)  # 0 participants: DOMAIN G3
    assert_valid(validators["check"], checked)


def test_fit_output_of_the_pilot_records(cli, repo, validators):
    answer = run_json(cli, "fit", repo / "examples/sandefjord_pilot/attendance.json")
    assert_valid(validators["fit"], answer)
    # 13 of 20 household-sessions attended; both parents at 7 of those 13 (the example's
    # illustrative split).
    assert answer == {"attend": 0.65, "both": pytest.approx(7 / 13), "records": 20}


def test_fit_with_a_prior(cli, records_document, tmp_path, validators):
    document = copy.deepcopy(records_document)
    document["prior"] = {"attend": 0.5, "both": 0.5}
    document["prior_weight"] = 20
    assert_valid(validators["attendance-records"], document)
    answer = run_json(cli, "fit", write_json(tmp_path / "records.json", document))
    assert_valid(validators["fit"], answer)
    # (13 + 20 * 0.5) / (20 + 20) and (7 + 20 * 0.5) / (13 + 20), docs/attendance.md.
    assert answer == {"attend": pytest.approx(23 / 40), "both": pytest.approx(17 / 33),
                      "records": 20}


def test_fit_of_one_caregiver_households_keeps_the_prior_s_both(cli, tmp_path, validators):
    # Five single-caregiver households (DOMAIN X4: fewer may not be fitted), two sessions each.
    records = [{"household": f"h0{n}", "session": s, "caregivers": 1, "present": int(s == 1)}
               for n in range(1, 6) for s in (1, 2)]
    document = {"records": records}
    assert_valid(validators["attendance-records"], document)
    answer = run_json(cli, "fit", write_json(tmp_path / "records.json", document))
    assert_valid(validators["fit"], answer)
    assert answer == {"attend": 0.5, "both": 0.5, "records": 10}


def test_fit_of_fewer_than_five_households_is_refused(cli, tmp_path):
    # DOMAIN X4: a figure from fewer than 5 households would expose them.
    document = {"records": [{"household": "h01", "session": 1, "caregivers": 1, "present": 1},
                            {"household": "h01", "session": 2, "caregivers": 1, "present": 0}]}
    file = write_json(tmp_path / "records.json", document)
    result = cli("fit", file)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (f"paarorende: {file}:/records: records of at least 5 households are "
                             "needed; a fit from fewer would expose them [DOMAIN X4]\n")


@pytest.mark.parametrize("args,households", [
    (["--present", 5, "--probability", 0.9], 8),  # docs/attendance.md: the pilot's defaults
    (["--present", 5, "--probability", 0.8], 7),
    (["--present", 4, "--probability", 0.8], 6),
    (["--present", 5, "--probability", 0.9, "--caregivers", 1], 10),
    (["--present", 5, "--probability", 0.9, "--attend", 0.8, "--both", 0.6], 6),
    (["--present", 0, "--probability", 1], 0),
    (["--present", 5, "--probability", 0.9, "--attend", 0], None),
    (["--present", 3000, "--probability", 0.5], None),
])
def test_enrol_output(args, households, cli, validators):
    answer = run_json(cli, "enrol", *args)
    assert_valid(validators["enrol"], answer)
    assert answer["households"] == households


def test_enrol_echoes_the_household(cli):
    assert run_json(cli, "enrol", "--present", 5, "--probability", 0.9) == {
        "present": 5, "probability": 0.9,
        "household": {"caregivers": 2, "attend": 0.65, "both": 0.5}, "households": 8}


@pytest.mark.parametrize("args,households", [
    (["--present", 5, "--probability", 1], None),  # P(at least 5) < 1 while attend < 1
    (["--present", 5, "--probability", 1, "--attend", 1], 5),  # each brings one for sure
    (["--present", 5, "--probability", 1, "--attend", 1, "--both", 1], 3),
])
def test_enrol_decides_certainty_exactly(args, households, cli, validators):
    answer = run_json(cli, "enrol", *args)
    assert_valid(validators["enrol"], answer)
    assert answer["households"] == households


# Bad arguments: exit status 2 and the one line on stderr, naming the option (usage errors name
# none); nothing on stdout.
_NEEDS = "enrol needs --present K and --probability P"
_WHOLE = "--present: expected a whole number of participants, 0 to 10000"
ENROL_ERRORS = [
    ("no --probability", ["--present", 5], _NEEDS),
    ("no --present", ["--probability", 0.9], _NEEDS),
    ("an option without its value", ["--present", 5, "--probability"],
     "--probability needs a value"),
    ("an unknown option", ["--present", 5, "--probability", 0.9, "--colour", "blue"],
     'unexpected argument "--colour"'),
    ("a probability that is no number", ["--present", 5, "--probability", "x"],
     '--probability: expected a number, got "x"'),
    ("probability 1.5", ["--present", 5, "--probability", 1.5],
     "--probability: expected a probability, 0 to 1"),
    ("probability nan", ["--present", 5, "--probability", "nan"],
     "--probability: expected a probability, 0 to 1"),
    ("present 2.5", ["--present", 2.5, "--probability", 0.9], _WHOLE),
    ("present -1", ["--present", -1, "--probability", 0.9], _WHOLE),
    ("present 10001", ["--present", 10001, "--probability", 0.9], _WHOLE),
    ("attend 1.5", ["--present", 5, "--probability", 0.9, "--attend", 1.5],
     "--attend: expected a probability, 0 to 1"),
    ("both -0.5", ["--present", 5, "--probability", 0.9, "--both", -0.5],
     "--both: expected a probability, 0 to 1"),
    ("caregivers 3", ["--present", 5, "--probability", 0.9, "--caregivers", 3],
     "--caregivers: a household enrols 1 or 2 caregivers"),
    ("caregivers 1.5", ["--present", 5, "--probability", 0.9, "--caregivers", 1.5],
     "--caregivers: a household enrols 1 or 2 caregivers"),
]


@pytest.mark.parametrize("args,line", [pytest.param(*case[1:], id=case[0])
                                       for case in ENROL_ERRORS])
def test_enrol_rejects_bad_arguments(args, line, cli):
    result = cli("enrol", *args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"paarorende: {line}\n"


# Bad group documents: rejected by the schema and by `check`, at the pointer given.
GROUP_CASES = [
    ("unknown top-level field", _set(["colour"], "blue"), "/colour"),
    ("unknown field in a household", _set(["households", 0, "name"], "Hansen"),
     "/households/0/name"),
    ("unknown field in a caregiver", _set(["households", 0, "caregivers", 0, "name"], "Kari"),
     "/households/0/caregivers/0/name"),
    ("unknown field in a child", _set(["households", 0, "children", 0, "name"], "Ola"),
     "/households/0/children/0/name"),
    ("unknown field in a sibling", _set(["households", 0, "siblings", 0, "school"], "x"),
     "/households/0/siblings/0/school"),
    ("unknown field in attendance", _set(["households", 0, "attendance"], {"mean": 0.5}),
     "/households/0/attendance/mean"),
    ("unknown field in rules", _set(["rules"], {"max_households": 7}), "/rules/max_households"),
    ("$schema in a household", _set(["households", 0, "$schema"], "x"),
     "/households/0/$schema"),
    ("unknown condition", _set(["households", 0, "children", 0, "condition"], "adhd"),
     "/households/0/children/0/condition"),
    ("child without condition", _delete(["households", 0, "children", 0, "condition"]),
     "/households/0/children/0"),
    ("child without stage", _delete(["households", 0, "children", 0, "stage"]),
     "/households/0/children/0"),
    ("unknown stage", _set(["households", 0, "children", 0, "stage"], "ungdomsskole"),
     "/households/0/children/0/stage"),
    ("grade not in its stage", _set(["households", 0, "children", 0, "grade"], 7),
     "/households/0/children/0/grade"),
    ("a grade in kindergarten",
     _set(["households", 0, "children", 0],
          {"stage": "kindergarten", "grade": 1, "condition": "severe_disability"}),
     "/households/0/children/0/grade"),
    ("grade 14", _set(["households", 0, "children", 0, "grade"], 14),
     "/households/0/children/0/grade"),
    ("age 26", _set(["households", 0, "children", 0, "age"], 26),
     "/households/0/children/0/age"),
    ("birth date 30 February", _set(["households", 0, "children", 0, "birth_date"], "2009-02-30"),
     "/households/0/children/0/birth_date"),
    ("rare diagnosis a number", _set(["households", 0, "children", 0, "rare_diagnosis"], 558),
     "/households/0/children/0/rare_diagnosis"),
    ("unknown role", _set(["households", 0, "caregivers", 0, "role"], "aunt"),
     "/households/0/caregivers/0/role"),
    ("caregiver without role", _set(["households", 0, "caregivers", 0], {}),
     "/households/0/caregivers/0"),
    ("care_closes 16.30", _set(["households", 0, "care_closes"], "16.30"),
     "/households/0/care_closes"),
    ("sibling age 31", _set(["households", 0, "siblings", 0, "age"], 31),
     "/households/0/siblings/0/age"),
    ("unknown sibling stage", _set(["households", 0, "siblings", 0, "stage"], "baby"),
     "/households/0/siblings/0/stage"),
    ("probability 1.5", _set(["households", 0, "attendance"], {"attend": 1.5}),
     "/households/0/attendance/attend"),
    ("both negative", _set(["households", 0, "attendance"], {"both": -0.1}),
     "/households/0/attendance/both"),
    ("attend a string", _set(["households", 0, "attendance"], {"attend": "65%"}),
     "/households/0/attendance/attend"),
    ("default attend 1.5", _set(["rules"], {"default_attendance": {"attend": 1.5}}),
     "/rules/default_attendance/attend"),
    ("min_present_probability 1.5", _set(["rules"], {"min_present_probability": 1.5}),
     "/rules/min_present_probability"),
    ("unknown weight", _set(["rules"], {"size": "strict"}), "/rules/size"),
    ("weight a boolean", _set(["rules"], {"attendance": False}), "/rules/attendance"),
    ("min_participants 0", _set(["rules"], {"min_participants": 0}), "/rules/min_participants"),
    ("min_present negative", _set(["rules"], {"min_present": -1}), "/rules/min_present"),
    ("max_stage_span 4", _set(["rules"], {"max_stage_span": 4}), "/rules/max_stage_span"),
    ("fathers_for_session 0", _set(["rules"], {"fathers_for_session": 0}),
     "/rules/fathers_for_session"),
    ("household without id", _delete(["households", 1, "id"]), "/households/1"),
    ("empty household id", _set(["households", 1, "id"], ""), "/households/1/id"),
    ("household without caregivers", _delete(["households", 1, "caregivers"]),
     "/households/1/caregivers"),
    ("no caregivers", _set(["households", 1, "caregivers"], []), "/households/1/caregivers"),
    ("three caregivers", _append(["households", 1, "caregivers"], {"role": "other_guardian"}),
     "/households/1/caregivers"),
    ("household without children", _delete(["households", 1, "children"]),
     "/households/1/children"),
    ("no children", _set(["households", 1, "children"], []), "/households/1/children"),
    ("a household that is not an object", _set(["households", 0], "h01"), "/households/0"),
    ("households an object", _set(["households"], {}), "/households"),
    ("id a number", _set(["id"], 7), "/id"),
    ("note a number", _set(["note"], 1), "/note"),
]


@pytest.mark.parametrize("change,pointer", params(GROUP_CASES))
def test_bad_group_is_rejected(change, pointer, group_document, rejected, cli):
    file = rejected("group", group_document, change, pointer, "check")
    assert_bad_input(cli("attendance", file), file, pointer)


def test_a_group_that_is_not_an_object_is_rejected(validators, cli, tmp_path):
    assert not validators["group"].is_valid([])
    file = write_json(tmp_path / "group.json", [])
    assert_bad_input(cli("check", file), file, "/")


# Rules that JSON Schema cannot state: the schema accepts these documents, the reader rejects
# them (docs/json.md lists them).
CROSS_FIELD_GROUP_CASES = [
    ("duplicate household id", _set(["households", 1, "id"], "h01"), "/households/1/id"),
    ("max_participants below min_participants",
     _set(["rules"], {"min_participants": 10, "max_participants": 9}), "/rules/max_participants"),
    # Only min_participants given, above the default maximum (14): the error names the maximum.
    ("min_participants above the default maximum", _set(["rules"], {"min_participants": 20}),
     "/rules/max_participants"),
]


@pytest.mark.parametrize("change,pointer", params(CROSS_FIELD_GROUP_CASES))
def test_cross_field_group_rules_are_left_to_the_reader(change, pointer, group_document, rejected):
    rejected("group", group_document, change, pointer, "check", schema_accepts=True)


# Bad attendance records: rejected by the schema and by `fit`, at the pointer given.
RECORDS_CASES = [
    ("unknown top-level field", _set(["source"], "S-4.5"), "/source"),
    ("unknown field in a record", _set(["records", 0, "date"], "2019-11-05"), "/records/0/date"),
    ("unknown field in prior", _set(["prior"], {"mean": 0.5}), "/prior/mean"),
    ("$schema in a record", _set(["records", 0, "$schema"], "x"), "/records/0/$schema"),
    ("present above caregivers",
     _set(["records", 0], {"household": "h01", "session": 1, "caregivers": 1, "present": 2}),
     "/records/0/present"),
    ("present 3", _set(["records", 0, "present"], 3), "/records/0/present"),
    ("present negative", _set(["records", 0, "present"], -1), "/records/0/present"),
    ("present a boolean", _set(["records", 0, "present"], True), "/records/0/present"),
    ("record without present", _delete(["records", 0, "present"]), "/records/0"),
    ("record without household", _delete(["records", 0, "household"]), "/records/0"),
    ("record without session", _delete(["records", 0, "session"]), "/records/0"),
    ("session 0", _set(["records", 0, "session"], 0), "/records/0/session"),
    ("session 1001", _set(["records", 0, "session"], 1001), "/records/0/session"),
    ("caregivers 3", _set(["records", 0, "caregivers"], 3), "/records/0/caregivers"),
    ("caregivers 0", _set(["records", 0, "caregivers"], 0), "/records/0/caregivers"),
    ("household a number", _set(["records", 0, "household"], 1), "/records/0/household"),
    ("no records", _set(["records"], []), "/records"),
    ("records left out", _delete(["records"]), "/records"),
    ("records an object", _set(["records"], {}), "/records"),
    ("prior probability 1.5", _set(["prior"], {"attend": 1.5}), "/prior/attend"),
    ("prior_weight negative", _set(["prior_weight"], -1), "/prior_weight"),
    ("prior_weight above a million", _set(["prior_weight"], 1000001), "/prior_weight"),
    ("prior_weight a string", _set(["prior_weight"], "20"), "/prior_weight"),
    ("note a number", _set(["note"], 1), "/note"),
]


@pytest.mark.parametrize("change,pointer", params(RECORDS_CASES))
def test_bad_attendance_records_are_rejected(change, pointer, records_document, rejected):
    rejected("attendance-records", records_document, change, pointer, "fit")


def test_a_duplicate_record_is_left_to_the_reader(records_document, validators, cli, tmp_path):
    # JSON Schema cannot say "each household and session once".
    document = copy.deepcopy(records_document)
    document["records"][1]["session"] = 1  # h01 session 1 again, with another count
    assert validators["attendance-records"].is_valid(document)
    file = write_json(tmp_path / "records.json", document)
    result = cli("fit", file)
    assert_bad_input(result, file, "/records/1")
    assert 'household "h01" session 1 is recorded twice (also /records/0) [DOMAIN E2]' in (
        result.stderr)


# Outputs have no reader; their schemas still reject what the command line never writes.
CHECK_CASES = [
    ("valid although an error was found",
     lambda c: c["violations"].append({"rule": "G1", "severity": "error", "message": "m",
                                       "households": ["h05"]})),
    ("invalid although no error was found", lambda c: c.__setitem__("valid", False)),
    ("G9 as a warning", lambda c: c["violations"][-1].__setitem__("severity", "warning")),
    ("G4 as an info", lambda c: c["violations"][0].__setitem__("severity", "info")),
    ("a rule that is no group rule", lambda c: c["violations"][0].__setitem__("rule", "C3")),
    ("a violation without households", lambda c: c["violations"][0].pop("households")),
    ("unknown field", lambda c: c.__setitem__("errors", 0)),
    ("attendance without mean", lambda c: c["attendance"].pop("mean")),
    ("a probability above 1",
     lambda c: c["attendance"].__setitem__("p_at_least_min_present", 1.5)),
]


@pytest.mark.parametrize("change", [c[1] for c in CHECK_CASES], ids=[c[0] for c in CHECK_CASES])
def test_bad_check_output_is_rejected(change, cli, repo, validators):
    answer = run_json(cli, "check", repo / "examples/sandefjord_pilot/group.json")
    change(answer)
    assert not validators["check"].is_valid(answer)


ATTENDANCE_CASES = [
    ("a probability above 1", lambda a: a["distribution"][0].__setitem__("probability", 1.5)),
    ("at least 0", lambda a: a["at_least"][0].__setitem__("present", 0)),
    ("no distribution", lambda a: a.__setitem__("distribution", [])),
    ("negative variance", lambda a: a.__setitem__("variance", -1)),
    ("unknown field", lambda a: a.__setitem__("median", 5)),
    ("missing mean", lambda a: a.pop("mean")),
]


@pytest.mark.parametrize("change", [c[1] for c in ATTENDANCE_CASES],
                         ids=[c[0] for c in ATTENDANCE_CASES])
def test_bad_attendance_output_is_rejected(change, cli, repo, validators):
    answer = run_json(cli, "attendance", repo / "examples/sandefjord_pilot/group.json")
    change(answer)
    assert not validators["attendance"].is_valid(answer)


@pytest.mark.parametrize("schema,document", [
    ("fit", {"attend": 1.5, "both": 0.5, "records": 20}),
    ("fit", {"attend": 0.65, "both": 0.5}),
    ("fit", {"attend": 0.65, "both": 0.5, "records": 0}),
    ("fit", {"attend": 0.65, "both": 0.5, "records": 20, "prior_weight": 0}),
    ("enrol", {"present": 5, "probability": 0.9,
               "household": {"caregivers": 3, "attend": 0.65, "both": 0.5}, "households": 8}),
    ("enrol", {"present": 5, "probability": 0.9,
               "household": {"caregivers": 2, "attend": 0.65, "both": 0.5}, "households": 1001}),
    ("enrol", {"present": 5, "probability": 0.9,
               "household": {"caregivers": 2, "attend": 0.65, "both": 0.5}}),
    ("enrol", {"present": -1, "probability": 0.9,
               "household": {"caregivers": 2, "attend": 0.65, "both": 0.5}, "households": 8}),
], ids=["fit attend 1.5", "fit without records", "fit of 0 records", "fit unknown field",
        "enrol 3 caregivers", "enrol 1001 households", "enrol without households",
        "enrol present -1"])
def test_bad_fit_and_enrol_output_is_rejected(schema, document, validators):
    assert not validators[schema].is_valid(document)


# --- Treffpunkt in operation (docs/treffpunkt.md) --------------------------------------------


def test_the_public_season_plan_validates(repo, cli, validators):
    example = repo / "examples/valdres_treffpunkt/season_from_enrolments.json"
    for language in ("nb", "nn", "en"):
        result = cli("season", example, "--public", "--lang", language)
        assert result.returncode == 0, result.stderr
        assert_valid(validators["public-season"], json.loads(result.stdout))


def test_the_schema_refuses_free_text_about_a_child(repo, validators):
    document = read_json(repo / "examples/valdres_treffpunkt/enrolments.json")
    assert_valid(validators["enrolments"], document)
    document["children"][0]["note"] = "mor er innlagt"
    assert not validators["enrolments"].is_valid(document)


# --- Children and young people as next of kin (docs/children-next-of-kin.md) ------------------


def test_the_followup_lists_validate(repo, cli, validators):
    register = repo / "examples/valdres_followup/register.json"
    assert_valid(validators["followup"], read_json(register))
    for within in ("0", "14", "60"):
        result = cli("followup", register, "--today", "2027-03-01", "--within", within)
        assert result.returncode == 0, result.stderr
        assert_valid(validators["followup-lists"], json.loads(result.stdout))


@pytest.mark.parametrize("change", [
    lambda d: d["children"][0].update(note="mor er innlagt"),           # free text about a child (X4)
    lambda d: d["children"][0].update(illness="depression"),            # a diagnosis, not a kind (V2)
    lambda d: d["children"][0].update(id="Kari Nordmann"),              # a name as the id (X4)
    lambda d: d["children"][0]["consent"].pop("date"),                  # a consent without its date (X4)
    lambda d: d["children"][0]["offers"].append({"kind": "home_visit", "date": "2026-01-05",
                                                 "unit": d["units"][0]["id"]}),
])
def test_the_followup_schema_refuses_what_the_reader_refuses(repo, cli, validators, tmp_path, change):
    document = read_json(repo / "examples/valdres_followup/register.json")
    document.pop("$schema")
    first = next(c for c in document["children"] if "consent" in c)
    document["children"].remove(first)
    document["children"].insert(0, first)
    change(document)
    assert not validators["followup"].is_valid(document)
    result = cli("followup", write_json(tmp_path / "register.json", document), "--today", "2027-03-01")
    assert result.returncode == 2, result.stderr
    assert "register.json:/children/0/" in result.stderr
