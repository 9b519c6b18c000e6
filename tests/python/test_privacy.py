"""Privacy (DOMAIN X4, issue #9): reports and exports hold pseudonymous ids only, never names.

Every example the repository has is run through its command (plans and their iCalendar files,
group checks, fits, evaluation reports and their HTML, formed groups, seasons, family weeks).
Then, one free-text field at a time, a name is planted in the input: wherever the format accepts
it, the name must not reach any output, unless the field is one the documentation says is shown
(ECHOED: titles, venues, holiday names, staff presenters' names ...). And a "name" field for a
person (household, participant, record, volunteer) is refused outright, as is a name as an id.
"""

from __future__ import annotations

import json
import pathlib
import re
import shutil

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
PLANTED = "Kari Plantedatter"

# (example, command line); {file} is the example's copy, {out} a scratch folder for exports.
RUNS = [
    ("sandefjord_pilot/course.json", ["plan", "{file}", "--ics", "{out}/plan.ics"]),
    ("sandefjord_pilot/group.json", ["check", "{file}"]),
    ("sandefjord_pilot/group.json", ["attendance", "{file}"]),
    ("sandefjord_pilot/attendance.json", ["fit", "{file}"]),
    ("calendars/sandefjord-school-holidays.json",
     ["closed", "2019-12-24", "--calendar", "{file}"]),
    ("catalogues/sandefjord-topics.json", ["topics", "--catalogue", "{file}"]),
    ("sandefjord_pilot/evaluation.csv",
     ["evaluate", "{file}", "--html", "{out}/report.html", "--attendance",
      "{examples}/sandefjord_pilot/attendance.json"]),
    ("valdres_groups/waitlist.json", ["groups", "{file}"]),
    ("valdres_treffpunkt/season.json", ["season", "{file}", "--ics", "{out}/season.ics"]),
    ("family_week/request.json", ["family-week", "{file}", "--ics", "{out}/family-week.ics"]),
    # Treffpunkt in operation (docs/treffpunkt.md): the enrolments, the public plan from them, the
    # children's attendance and their own evaluation.
    ("valdres_treffpunkt/enrolments.json", ["enrolments", "{file}"]),
    ("valdres_treffpunkt/season_from_enrolments.json",
     ["season", "{file}", "--public", "--ics", "{out}/public.ics"]),
    ("valdres_treffpunkt/attendance.json", ["children-attendance", "{file}"]),
    ("valdres_treffpunkt/children_evaluation.csv", ["evaluate", "{file}", "--children"]),
]

# Free-text fields the documentation says are shown in outputs (normalised paths, list indices
# as *), per example. Everything else a name is planted in must not come out.
ECHOED = {
    "sandefjord_pilot/course.json": {
        # docs/json.md: the schedule carries its request (less wishes and children);
        # docs/ical.md: SUMMARY, LOCATION and DESCRIPTION (presenter's name, staff).
        "/title", "/municipality", "/venue/name", "/venue/address", "/presenters/*/name",
    },
    "calendars/sandefjord-school-holidays.json": {
        "/school_years/*/holidays/*/name",  # the closure's name (docs/calendar.md)
    },
    # The group's and the waiting list's own ids label the output ("group", "waitlist"); a
    # household's municipality is a place (docs/groups.md).
    "sandefjord_pilot/group.json": {"/id"},
    "valdres_groups/waitlist.json": {"/id", "/households/*/municipality"},
    # The season's title and municipality, and where each volunteer lives (region sharing, V1).
    "valdres_treffpunkt/season.json": {"/title", "/municipality", "/volunteers/*/municipality"},
    # The meeting place's name and municipality; the public plan's title and municipality.
    "valdres_treffpunkt/enrolments.json": {"/meeting_place", "/municipality"},
    "valdres_treffpunkt/season_from_enrolments.json": {"/title", "/municipality"},
    # The family course's title, organiser, the diagnosis the week is for, and its venue
    # (docs/formats/family_week.md).
    "family_week/request.json": {"/title", "/organiser", "/diagnosis", "/venue/name",
                                 "/venue/address"},
    "catalogues/sandefjord-topics.json": {
        "/topics/*/title_nb", "/topics/*/title_en", "/topics/*/description_nb",
        "/topics/*/description_en", "/topics/*/source", "/municipality",
    },
}


# Documents in which every string is an id, a code, a date or a file: a name is refused anywhere.
WITHOUT_FREE_TEXT = {"valdres_treffpunkt/attendance.json"}


def _leaves(value, path=""):
    """(path, normalised path) of every string in a JSON value, first occurrence per shape."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, f"{path}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, f"{path}/{index}")
    elif isinstance(value, str):
        yield path, re.sub(r"/\d+(?=/|$)", "/*", path)


def _set(document, path, text):
    *parents, last = path.strip("/").split("/")
    node = document
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    if isinstance(node, list):
        node[int(last)] = text
    else:
        node[last] = text


@pytest.fixture()
def examples(tmp_path) -> pathlib.Path:
    copy = tmp_path / "examples"
    shutil.copytree(REPO / "examples", copy)
    return copy


def _run(cli, examples: pathlib.Path, example: str, args: list[str], out: pathlib.Path):
    """Runs one command on the example; returns (exit status, all output text)."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir()
    line = [a.replace("{file}", str(examples / example)).replace("{out}", str(out))
            .replace("{examples}", str(examples)) for a in args]
    result = cli(*line)
    produced = result.stdout + result.stderr
    for path in sorted(out.iterdir()):
        produced += path.read_text(encoding="utf-8")
    return result.returncode, produced


@pytest.mark.parametrize("example,args", RUNS, ids=[" ".join(r[1][:1]) + " " + r[0] for r in RUNS])
def test_every_example_runs_and_shows_no_name_of_a_person(example, args, cli, examples, tmp_path):
    status, produced = _run(cli, examples, example, args, tmp_path / "out")
    assert status in (0, 1), produced[:2000]
    assert produced.strip()
    # Nothing in the examples names a person: the ids are slugs (h01, p03, v_anne is refused).
    for household in re.findall(r'"(?:household|participant|id)": "([^"]+)"', produced):
        assert re.fullmatch(r"[a-z0-9_-]+", household), household


@pytest.mark.parametrize("example,args", [r for r in RUNS if r[0].endswith(".json")],
                         ids=[" ".join(r[1][:1]) + " " + r[0] for r in RUNS
                              if r[0].endswith(".json")])
def test_a_name_planted_in_free_text_does_not_reach_the_outputs(example, args, cli, examples,
                                                                 tmp_path):
    original = (examples / example).read_text(encoding="utf-8")
    document = json.loads(original)
    seen: set[str] = set()
    planted = 0
    leaked = []
    for path, shape in _leaves(document):
        if shape in seen or shape == "/$schema":
            continue
        seen.add(shape)
        changed = json.loads(original)
        _set(changed, path, PLANTED)
        (examples / example).write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
        status, produced = _run(cli, examples, example, args, tmp_path / "out")
        if status == 2:
            continue  # not free text: an id, a date, an enum ... refuses the name
        planted += 1
        if PLANTED in produced and shape not in ECHOED.get(example, set()):
            leaked.append(shape)
    (examples / example).write_text(original, encoding="utf-8")
    assert leaked == [], f"{example}: a name planted in {leaked} reaches the output"
    if example in WITHOUT_FREE_TEXT:
        assert planted == 0, f"{example} took a name in a field"
    else:
        assert planted > 0 or not seen


# A "name" field next to a person's pseudonym: every reader refuses it (strict readers, X4).
NAME_FIELDS = [
    ("sandefjord_pilot/group.json", "/households/0", ["check", "{file}"]),
    ("sandefjord_pilot/course.json", "/wishes/0", ["plan", "{file}"]),
    ("sandefjord_pilot/course.json", "/children/0", ["plan", "{file}"]),
    ("sandefjord_pilot/attendance.json", "/records/0", ["fit", "{file}"]),
    ("valdres_groups/waitlist.json", "/households/0", ["groups", "{file}"]),
    ("valdres_treffpunkt/enrolments.json", "/children/0", ["enrolments", "{file}"]),
]


@pytest.mark.parametrize("example,at,args", NAME_FIELDS,
                         ids=[f"{n[0]}{n[1]}" for n in NAME_FIELDS])
def test_a_name_field_for_a_person_is_refused(example, at, args, cli, examples, tmp_path):
    document = json.loads((examples / example).read_text(encoding="utf-8"))
    node = document
    for part in at.strip("/").split("/"):
        node = node[int(part)] if isinstance(node, list) else node[part]
    node["name"] = PLANTED
    (examples / example).write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    status, produced = _run(cli, examples, example, args, tmp_path / "out")
    assert status == 2
    assert produced == f"paarorende: {examples / example}:{at}/name: unknown field \"name\"\n"


def test_a_name_in_a_free_text_answer_stays_out_of_the_evaluation_report(cli, examples,
                                                                          tmp_path):
    """A respondent who writes a name in the comments (q6): the scores and the HTML report leave
    free text out unless --comments asks for it (docs/evaluation.md)."""
    csv = examples / "sandefjord_pilot" / "evaluation.csv"
    lines = csv.read_text(encoding="utf-8-sig").splitlines()
    lines[1] = lines[1].rsplit(";", 1)[0] + f";Takk til {PLANTED} for maten"
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["evaluate", "{file}", "--html", "{out}/report.html"]
    status, produced = _run(cli, examples, "sandefjord_pilot/evaluation.csv", args,
                            tmp_path / "out")
    assert status == 0, produced[:2000]
    assert "<html" in produced.lower()
    assert PLANTED not in produced
    status, produced = _run(cli, examples, "sandefjord_pilot/evaluation.csv",
                            args + ["--comments"], tmp_path / "out")
    assert status == 0
    assert PLANTED in produced  # shown only when asked for: the test can see a leak
