"""Field tables (include/paarorende/fields.hpp) against the JSON Schemas: a struct declared once
has the same fields in Python (its keyword constructor and properties, made from the table) as its
object in docs/schemas/, each with the schema's default. tests/cpp/test_fields.cpp checks that the
table has every member of the struct, under distinct names."""

from __future__ import annotations

import json
import pathlib
import re

import pytest

import paarorende

SCHEMA_DIR = pathlib.Path(__file__).resolve().parents[2] / "docs" / "schemas"

# Each struct with a field table: its Python class, and where its object is in the schemas.
TABLES = [
    ("GroupRules", "group.schema.json", "#/$defs/rules"),
    ("AttendanceProbabilities", "common.schema.json", "#/$defs/attendance_probabilities"),
    ("ScheduleRules", "course-request.schema.json", "#/$defs/rules"),
    ("FormationRules", "waitlist.schema.json", "#/$defs/formation"),
    ("ObjectiveWeights", "waitlist.schema.json", "#/$defs/formation/properties/weights"),
    ("TopicRules", "course-request.schema.json", "#/$defs/topic_rules"),
    ("RosterRules", "roster.schema.json", "#/$defs/rules"),
    ("StaffingRules", "format.schema.json", "#/properties/staffing"),
    ("TravelModel", "waitlist.schema.json", "#/properties/travel_model"),
    ("TravelLimits", "common.schema.json", "#/$defs/travel_limits"),
]

# Made by the library, read in Python: read-only properties from the table, no constructor.
READ_ONLY = {"StaffingRules"}


def resolve(file: str, pointer: str) -> dict:
    """The schema object at `pointer` of `file`, following $ref to other files."""
    node = json.loads((SCHEMA_DIR / file).read_text(encoding="utf-8"))
    for part in pointer.lstrip("#/").split("/"):
        node = node[part]
    if "$ref" in node and "properties" not in node:
        ref_file, _, ref_pointer = node["$ref"].partition("#")
        return resolve(ref_file or file, "#" + ref_pointer)
    return node


def keyword_names(cls) -> list[str]:
    """The keyword-only parameters of the compiled constructor, from its signature line."""
    signature = cls.__init__.__doc__.splitlines()[0]
    # A name follows "*, " or ", "; a default's repr ("<RuleWeight.hard: 0>") has "." before.
    return re.findall(r"(?:^|, )(\w+): ", signature.split("*, ", 1)[1])


def as_json(value):
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if hasattr(value, "name") and hasattr(value, "value"):  # an enum: its name, as JSON writes it
        return value.name
    return value


@pytest.mark.parametrize("name, file, pointer", TABLES, ids=[t[0] for t in TABLES])
def test_table_fields_are_the_schema_properties(name, file, pointer):
    cls = getattr(paarorende, name)
    schema = resolve(file, pointer)
    # An old name kept readable (`"deprecated": true`, e.g. rules.max_travel_minutes) is no field.
    expected = sorted(key for key, spec in schema["properties"].items() if not spec.get("deprecated"))
    properties = [key for key, value in vars(cls).items() if isinstance(value, property)]
    assert len(set(properties)) == len(properties)
    if name in READ_ONLY:
        assert sorted(properties) == expected
        assert all(vars(cls)[key].fset is None for key in properties)
        return
    assert sorted(keyword_names(cls)) == expected
    assert set(expected) <= set(properties)


CONSTRUCTED = [t for t in TABLES if t[0] not in READ_ONLY]


@pytest.mark.parametrize("name, file, pointer", CONSTRUCTED, ids=[t[0] for t in CONSTRUCTED])
def test_table_defaults_are_the_schema_defaults(name, file, pointer):
    value = getattr(paarorende, name)()
    schema = resolve(file, pointer)
    for field, spec in schema["properties"].items():
        if "default" in spec and not isinstance(spec["default"], dict):
            assert as_json(getattr(value, field)) == spec["default"], field
