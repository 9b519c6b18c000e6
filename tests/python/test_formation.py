"""Forming groups from a waitlist (DOMAIN G1-G9, C8, V1): the `groups` command, the Valdres
example, the JSON schemas, and the Python API over the same C++ core."""

import datetime
import json
import subprocess
import threading
import time

import jsonschema
import pytest

import paarorende

from test_schemas import make_validator

EXAMPLE = "examples/valdres_groups"


@pytest.fixture(scope="module")
def valdres(repo):
    return repo / EXAMPLE / "waitlist.json"


@pytest.fixture(scope="module")
def formed(cli, valdres):
    result = cli("groups", valdres)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


def test_the_generator_reproduces_the_committed_waitlist(repo, valdres):
    generated = subprocess.run(["/usr/bin/python3", str(repo / EXAMPLE / "generate_waitlist.py")],
                               capture_output=True, text=True, check=True).stdout
    assert json.loads(generated) == json.loads(valdres.read_text(encoding="utf-8"))


def test_the_waitlist_covers_the_six_valdres_municipalities(valdres):
    document = json.loads(valdres.read_text(encoding="utf-8"))
    assert {p["municipality"] for p in document["places"]} == {"3449", "3450", "3451", "3452", "3453", "3454"}
    # DOMAIN X4: pseudonymous slug ids, nothing else that could name a family.
    for household in document["households"]:
        assert household["id"].startswith("v") and household["id"][1:].isdigit()
    make_validator("waitlist").validate(document)


def test_groups_output_validates_and_places_every_household_once(formed, valdres):
    make_validator("groups").validate(formed)
    document = json.loads(valdres.read_text(encoding="utf-8"))
    seen = [h for group in formed["groups"] for h in group["households"]]
    seen += [u["household"] for u in formed["unassigned"]]
    assert sorted(seen) == sorted(h["id"] for h in document["households"])
    assert formed["summary"]["households"] == len(document["households"])


def test_every_formed_group_keeps_the_hard_rules(formed):
    for group in formed["groups"]:
        assert all(v["severity"] != "error" for v in group["violations"]), group["id"]
        assert 9 <= group["participants"] <= 16  # DOMAIN G3, hard by default
        assert group["scores"]["max_travel_minutes"] <= 60  # DOMAIN C8
        assert "G1" in group["satisfied"]
        # DOMAIN C8: never beyond max_minutes; beyond a short drive only as a warning that names
        # the households.
        for finding in (v for v in group["violations"] if v["rule"] == "C8"):
            assert finding["severity"] == "warning" and finding["households"], group["id"]


def test_groups_span_municipalities(formed):
    # DOMAIN V1, G8: small municipalities share groups.
    assert any(len(group["municipalities"]) > 1 for group in formed["groups"])


def test_the_committed_output_is_what_groups_prints(repo, formed):
    committed = json.loads((repo / EXAMPLE / "groups.json").read_text(encoding="utf-8"))
    assert committed == formed


def test_the_objective_is_the_sum_of_its_terms(formed):
    assert formed["objective"] == pytest.approx(sum(formed["terms"].values()))
    assert formed["objective"] == pytest.approx(
        sum(g["cost"] for g in formed["groups"]) + formed["terms"]["unassigned"])


def test_the_seed_option_is_deterministic(cli, valdres):
    first = cli("groups", valdres, "--seed", "7")
    second = cli("groups", valdres, "--seed", "7")
    assert first.returncode == 0
    assert first.stdout == second.stdout
    assert json.loads(first.stdout)["seed"] == 7


def write(tmp_path, document, name="waitlist.json"):
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def small_waitlist():
    return {
        "id": "small",
        "places": [{"id": "fagernes", "municipality": "3451", "latitude": 60.986, "longitude": 9.233}],
        "households": [
            {"id": f"h{i}", "school": "fagernes", "caregivers": [{"role": "mother"}, {"role": "father"}],
             "children": [{"stage": "primary", "condition": "severe_disability"}]}
            for i in range(1, 7)
        ] + [{"id": "h7", "school": "fagernes", "caregivers": [{"role": "mother"}],
              "children": [{"stage": "primary", "condition": "mainly_behavioural"}]}],
    }


def test_an_unassigned_household_gets_its_rule_and_reason(cli, tmp_path):
    result = cli("groups", write(tmp_path, small_waitlist()))
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert output["unassigned"] == [{
        "household": "h7", "rule": "C8",
        "reason": "no other family in category mainly_behavioural (G1) within 60 minutes",
        # proven by counting: no grouping places it (issue 16's certified reasons)
        "placeable": False, "would_displace": [], "blocking_rules": ["C8"]}]
    assert output["optimality"]["status"] == "optimal"
    assert [g["households"] for g in output["groups"]] == [["h1", "h2", "h3", "h4", "h5", "h6"]]


def test_a_locked_group_is_kept_and_reported_first(cli, tmp_path):
    document = small_waitlist()
    document["locked"] = [{"id": "kept", "venue": "fagernes", "households": ["h6", "h5", "h4", "h3", "h2"]}]
    output = json.loads(cli("groups", write(tmp_path, document)).stdout)
    assert output["groups"][0]["id"] == "kept"
    assert output["groups"][0]["locked"] is True
    assert output["groups"][0]["households"] == ["h6", "h5", "h4", "h3", "h2"]
    # 10 participants: G3 holds; h1 alone cannot form a group.
    assert {u["household"] for u in output["unassigned"]} == {"h1", "h7"}


def test_a_locked_group_that_breaks_a_hard_rule_is_a_finding(cli, tmp_path):
    document = small_waitlist()
    document["locked"] = [{"id": "kept", "households": ["h1", "h2"]}]  # 4 participants (G3)
    result = cli("groups", write(tmp_path, document))
    assert result.returncode == 1
    assert json.loads(result.stdout)["groups"][0]["violations"][0]["rule"] == "G3"


@pytest.mark.parametrize("change, where, message", [
    (lambda d: d["households"][0].update(school="nowhere"), "/households/0/school",
     'unknown place "nowhere" [DOMAIN C8]'),
    (lambda d: d["households"][0].update(name="Kari"), "/households/0/name", 'unknown field "name"'),
    (lambda d: d["places"][0].update(latitude=91), "/places/0/latitude", "must be between -90 and 90, got 91"),
    (lambda d: d.update(pins={"apart": [["h1"]]}), "/pins/apart/0", "a pin names at least two households"),
    (lambda d: d.update(formation={"target_participants": 20}), "/formation/target_participants",
     "target_participants (20) must be between min_participants (9) and max_participants (16) [DOMAIN G3]"),
    (lambda d: d.update(region="nowhere"), "/region", 'no built-in region "nowhere"'),
    (lambda d: d.update(region="valdres"), "/households/0/municipality",
     'a household of region "valdres" needs its municipality (number or name) [DOMAIN V1]'),
])
def test_bad_waitlists_are_one_line_errors(cli, tmp_path, change, where, message):
    document = small_waitlist()
    change(document)
    path = write(tmp_path, document)
    result = cli("groups", path.name, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"paarorende: waitlist.json:{where}: {message}\n"


def two_municipalities(region):
    """Three couples in Nord-Aurdal (Fagernes), three in Sør-Aurdal (Bagn): about 40 minutes apart."""
    document = {
        "id": "two", "region": region,
        "places": [{"id": "fagernes", "municipality": "3451", "latitude": 60.986, "longitude": 9.233},
                   {"id": "bagn", "municipality": "3449", "latitude": 60.819, "longitude": 9.557}],
        "households": [
            {"id": f"h{i}", "municipality": "3451" if i <= 3 else "Sør-Aurdal",
             "school": "fagernes" if i <= 3 else "bagn", "caregivers": [{"role": "mother"}, {"role": "father"}],
             "children": [{"stage": "primary", "condition": "severe_disability"}]}
            for i in range(1, 7)],
    }
    return document


def test_a_regions_shared_waitlist_decides_whether_municipalities_form_together(cli, tmp_path):
    # DOMAIN V1, G8: Valdres shares its waitlist: one group of 12 across the border.
    shared = json.loads(cli("groups", write(tmp_path, two_municipalities("valdres"))).stdout)
    assert [g["municipalities"] for g in shared["groups"]] == [["3451", "Sør-Aurdal"]]  # as written
    assert shared["unassigned"] == []
    # The same region from a file beside the waitlist, with shared_waitlist false: each side is too
    # small for a group alone (G3), and that is proven.
    region = json.loads(paarorende.builtin_regions()[0].to_json())
    region["shared_waitlist"] = False
    write(tmp_path, region, "region.json")
    write(tmp_path, two_municipalities("region.json"))
    result = cli("groups", "waitlist.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    apart = json.loads(result.stdout)
    assert apart["groups"] == []
    assert [(u["household"], u["placeable"], u["blocking_rules"]) for u in apart["unassigned"]] == [
        (f"h{i}", False, ["G3", "V1"]) for i in range(1, 7)]
    assert 'region "valdres" does not share its waitlist, V1' in apart["unassigned"][0]["reason"]


def test_a_region_from_python_and_through_json():
    request = paarorende.FormationRequest.from_json(json.dumps(two_municipalities("valdres")))
    assert request.region.id == "valdres" and request.region.shared_waitlist
    # A built-in region is written by its id, a changed one whole: both read back the same.
    assert json.loads(request.to_json())["region"] == "valdres"
    assert paarorende.FormationRequest.from_json(request.to_json()) == request
    region = request.region
    region.shared_waitlist = False
    request.region = region
    assert json.loads(request.to_json())["region"]["shared_waitlist"] is False
    assert paarorende.FormationRequest.from_json(request.to_json()) == request
    assert paarorende.form_groups(request).groups == []
    assert len(paarorende.form_groups(request.waitlist, region=None).groups) == 1
    assert "region=<Region valdres>" in repr(request)


def test_groups_needs_a_file(cli):
    result = cli("groups")
    assert result.returncode == 2
    assert result.stderr == "paarorende: groups needs a WAITLIST (.json, .xlsx or .csv)\n"


# --- Python ----------------------------------------------------------------------------------


def test_python_forms_the_same_groups_as_the_command(valdres, formed):
    request = paarorende.FormationRequest.load(valdres)
    result = paarorende.form_groups(request)
    assert json.loads(result.to_json(waitlist=request.waitlist.id)) == formed
    assert result.objective == pytest.approx(formed["objective"])
    records = result.to_records()
    assert [r["group"] for r in records] == [g["id"] for g in formed["groups"]]
    assert records[0]["travel_minutes"] == pytest.approx(formed["groups"][0]["scores"]["travel_minutes"])
    assert len(result.household_records()) == formed["summary"]["households"]
    # Named as the JSON names them: the ids are `households`, a count is `household_count`.
    assert [r["households"] for r in records] == [g["households"] for g in formed["groups"]]
    assert [r["household_count"] for r in records] == [len(g["households"]) for g in formed["groups"]]


def test_to_dataframe_has_one_row_per_group(valdres):
    pandas = pytest.importorskip("pandas")
    result = paarorende.form_groups(paarorende.FormationRequest.load(valdres))
    frame = result.to_dataframe()
    assert isinstance(frame, pandas.DataFrame)
    assert len(frame) == len(result.groups)
    assert {"group", "venue", "participants", "municipalities", "cost", "stage_span"} <= set(frame.columns)


def test_form_groups_from_a_waitlist_with_keyword_settings(valdres):
    waitlist = paarorende.Waitlist.load(valdres)
    waitlist.travel = paarorende.TravelLimits(max_minutes=45)  # DOMAIN C8
    strict = paarorende.form_groups(
        waitlist, rules=paarorende.GroupRules(stage_band=paarorende.RuleWeight.hard),
        formation=paarorende.FormationRules(target_participants=11), seed=3)
    assert strict.seed == 3
    for group in strict.groups:
        assert group.scores.stage_span <= 1
        assert group.scores.max_travel_minutes <= 45
        assert not [v for v in paarorende.validate_group(group.group, paarorende.GroupRules(
            stage_band=paarorende.RuleWeight.hard)) if v.severity == paarorende.Severity.error]
    for left in strict.unassigned:
        assert left.rule and left.reason


def test_pins_and_locks_from_python(valdres):
    request = paarorende.FormationRequest.load(valdres)
    first = paarorende.form_groups(request)
    kept = first.groups[0]
    request.locked = [paarorende.LockedGroup(id=kept.group.id, venue=kept.venue,
                                             households=[h.id for h in kept.group.households])]
    ids = [h.id for h in request.waitlist.households if h.id not in {h.id for h in kept.group.households}]
    request.pins = paarorende.Pins(together=[[ids[0], ids[1]]], apart=[[ids[2], ids[3]]])
    again = paarorende.form_groups(request)
    assert again.groups[0].locked and again.groups[0].group == kept.group
    for group in again.groups[1:]:
        members = {h.id for h in group.group.households}
        assert (ids[0] in members) == (ids[1] in members)
        assert not (ids[2] in members and ids[3] in members)


def test_a_request_round_trips_through_json(valdres):
    request = paarorende.FormationRequest.load(valdres)
    assert paarorende.FormationRequest.from_json(request.to_json()) == request


def test_bad_input_from_python_says_where(tmp_path):
    document = small_waitlist()
    document["households"][0]["school"] = "nowhere"
    with pytest.raises(paarorende.InputError) as raised:
        paarorende.FormationRequest.load(write(tmp_path, document))
    assert raised.value.where.endswith("waitlist.json:/households/0/school")
    assert raised.value.rule == "C8"


def test_reprs_read_like_constructors():
    assert repr(paarorende.Place(id="bagn", municipality="3449", latitude=60.8, longitude=9.5)) == \
        "Place(id='bagn', municipality='3449', latitude=60.8, longitude=9.5)"
    assert repr(paarorende.FormationRules(target_participants=10)) == "FormationRules(target_participants=10)"
    assert repr(paarorende.LockedGroup(id="g1", households=["h1"])) == "LockedGroup(id='g1', households=['h1'])"


def test_formation_releases_the_gil():
    waitlist = paarorende.synthetic_waitlist(households=4000, municipalities=100, seed=5)
    done = threading.Event()
    ticks = 0

    def form():
        paarorende.form_groups(waitlist)
        done.set()

    worker = threading.Thread(target=form)
    worker.start()
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    worker.join()
    assert ticks > 5  # the main thread ran while the groups were formed


# --- From formed groups to course plans (DOMAIN C3, C8; issue 17) ----------------------------


def _minutes_by_model(a, b, model):
    """Travel minutes by docs/formation.md's estimate, written apart from the library."""
    import math
    lat1, lon1, lat2, lon2 = (math.radians(v) for v in (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    km = 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
    return km * model.get("detour_factor", 1.3) / model.get("speed_kmh", 60) * 60


def test_groups_writes_each_groups_document_and_plan(cli, repo, valdres, formed, tmp_path):
    import math
    out = tmp_path / "plans"
    result = cli("groups", valdres, "--plans", repo / "examples/sandefjord_pilot/course.json", "--out-dir", out)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == formed  # the groups printed as without --plans
    ids = [g["id"] for g in formed["groups"]]
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{g}{suffix}" for g in ids for suffix in (".group.json", ".plan.json", ".ics"))
    for group_id in ids:
        group = json.loads((out / f"{group_id}.group.json").read_text(encoding="utf-8"))
        make_validator("group").validate(group)
        plan = json.loads((out / f"{group_id}.plan.json").read_text(encoding="utf-8"))
        assert plan["sessions"][0]["venue"]["name"] == group["venue"]
        places = {p["id"]: p for p in group["places"]}
        # Every session ends by every household's care_closes minus its own travel from the venue,
        # worked out here from the group document alone.
        limits = {}
        for household in group["households"]:
            hours, minutes = map(int, household.get("care_closes", "16:30").split(":"))
            travel = math.ceil(_minutes_by_model(places[group["venue"]], places[household["school"]],
                                                 group.get("travel_model", {})) - 0.01)
            limits[household["id"]] = hours * 60 + minutes - travel
        for session in plan["sessions"]:
            hours, minutes = map(int, session["end"].split(":"))
            assert hours * 60 + minutes <= min(limits.values()), (group_id, session["number"])
        binding = min(limits, key=lambda h: (limits[h], list(limits).index(h)))
        c3 = [f for f in plan["findings"] if f["rule"] == "C3" and f["severity"] == "info"
              and f["message"].startswith("sessions end by")]
        assert len(c3) == 1 and f"for household {binding}," in c3[0]["message"], c3
        assert (out / f"{group_id}.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_one_travel_rule_in_groups_check_plan_and_validate(cli, repo, valdres, tmp_path):
    """DOMAIN C8: the waitlist's warn_minutes and max_minutes, and nothing else, decide the travel
    findings of groups, of check on each group document, of each plan and of validate on it."""
    import math
    waitlist = json.loads(valdres.read_text(encoding="utf-8"))
    waitlist["travel"] = {"warn_minutes": 20, "max_minutes": 45}
    write(tmp_path, waitlist, "waitlist.json")
    out = tmp_path / "plans"
    result = cli("groups", tmp_path / "waitlist.json", "--plans", repo / "examples/sandefjord_pilot/course.json",
                 "--out-dir", out)
    assert result.returncode == 0, result.stderr
    warned = 0
    for formed in json.loads(result.stdout)["groups"]:
        group_file = out / f"{formed['id']}.group.json"
        group = json.loads(group_file.read_text(encoding="utf-8"))
        assert group["travel"] == waitlist["travel"]
        places = {p["id"]: p for p in group["places"]}
        drives = {h["id"]: _minutes_by_model(places[group["venue"]], places[h["school"]], group.get("travel_model", {}))
                  for h in group["households"]}
        assert max(drives.values()) <= 45
        beyond = sorted(h for h, minutes in drives.items() if minutes > 20)
        c8 = [v for v in formed["violations"] if v["rule"] == "C8"]
        assert [(v["severity"], sorted(v["households"])) for v in c8] == ([("warning", beyond)] if beyond else [])
        checked = json.loads(cli("check", group_file).stdout)
        make_validator("check").validate(checked)
        assert [v for v in checked["violations"] if v["rule"] == "C8"] == c8
        plan_file = out / f"{formed['id']}.plan.json"
        plan = json.loads(plan_file.read_text(encoding="utf-8"))
        planned = sorted(f["message"].split(":")[0].removeprefix("household ")
                         for f in plan["findings"] if f["rule"] == "C8" and f["severity"] == "warning")
        # The plan counts whole minutes, rounded up, and warns above 20 of them.
        assert planned == sorted(h for h, minutes in drives.items() if math.ceil(minutes - 0.01) > 20)
        validated = json.loads(cli("validate", plan_file).stdout)
        assert [f for f in validated["findings"] if f["rule"] == "C8"] == \
            [f for f in plan["findings"] if f["rule"] == "C8"]
        warned += bool(beyond)
    assert warned  # Valdres is wide: some drives are longer than 20 minutes


def test_old_travel_fields_still_read(cli, repo, valdres, tmp_path):
    """A document written before the one travel rule reads as before (docs/scheduling.md)."""
    waitlist = json.loads(valdres.read_text(encoding="utf-8"))
    del waitlist["travel"]
    waitlist["formation"]["max_travel_minutes"] = 45
    write(tmp_path, waitlist, "old.json")
    assert paarorende.FormationRequest.load(tmp_path / "old.json").waitlist.travel == \
        paarorende.TravelLimits(warn_minutes=15, max_minutes=45)
    course = json.loads((repo / "examples/sandefjord_pilot/course.json").read_text(encoding="utf-8"))
    course.setdefault("rules", {})["max_travel_minutes"] = 25
    course["school_calendar"] = str(repo / "examples/calendars/sandefjord-school-holidays.json")
    write(tmp_path, course, "course.json")
    assert paarorende.CourseRequest.load(tmp_path / "course.json").travel == \
        paarorende.TravelLimits(warn_minutes=25, max_minutes=60)
    course["travel"] = {"warn_minutes": 10}
    write(tmp_path, course, "course.json")
    result = cli("plan", tmp_path / "course.json")
    assert result.returncode == 2 and "/rules/max_travel_minutes" in result.stderr and "[DOMAIN C8]" in result.stderr


def test_groups_plans_are_all_or_nothing(cli, repo, valdres, tmp_path):
    course = json.loads((repo / "examples/sandefjord_pilot/course.json").read_text(encoding="utf-8"))
    course["school_calendar"] = str(repo / "examples/calendars/sandefjord-school-holidays.json")
    course["earliest_start"] = "15:10"  # a 90-minute session would end after every care_closes (16:30)
    write(tmp_path, course, "course.json")
    out = tmp_path / "plans"
    result = cli("groups", valdres, "--plans", tmp_path / "course.json", "--out-dir", out)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("paarorende: ") and "[DOMAIN C3]" in result.stderr
    assert "group g" in result.stderr
    assert not out.exists() and not list(tmp_path.glob("plans.tmp-*"))
    assert cli("groups", valdres, "--plans", tmp_path / "course.json").returncode == 2  # usage


def test_plan_course_from_a_formed_group_in_python(valdres):
    request = paarorende.FormationRequest.load(valdres)
    result = paarorende.form_groups(request)
    documents = result.group_documents(request)
    assert [d.venue for d in documents] == [g.venue for g in result.groups]
    course = paarorende.CourseRequest(first_date=datetime.date(2026, 9, 1), care_closes=datetime.time(16, 30))
    schedule = paarorende.plan_course(course, group=documents[0])
    pickups = schedule.request.pickups
    assert [p.household for p in pickups] == [h.id for h in documents[0].group.households]
    latest = min(16 * 60 + 30 - p.travel_minutes if p.care_closes is None else
                 p.care_closes.hour * 60 + p.care_closes.minute - p.travel_minutes for p in pickups)
    for session in schedule.sessions:
        assert session.end.hour * 60 + session.end.minute <= latest
    assert paarorende.course_for_group(course, documents[0]).pickups == pickups
    assert "venue='" in repr(documents[0])
    no_venue = paarorende.GroupDocument(group=documents[0].group)
    with pytest.raises(paarorende.InputError) as raised:
        paarorende.plan_course(course, group=no_venue)
    assert raised.value.where == "/venue" and raised.value.rule == "C8"


def test_the_valdres_course_template_plans_all_seven_groups(cli, repo, valdres, tmp_path):
    # What scripts/demo and docs/formation.md show: seven plans; at Leira the end is set by a
    # family 59 minutes' drive away.
    out = tmp_path / "plans"
    result = cli("groups", valdres, "--plans", repo / "examples/valdres_groups/course.json", "--out-dir", out)
    assert result.returncode == 0, result.stderr
    plans = {p.name.split(".")[0]: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.plan.json")}
    assert len(plans) == 7
    leira = [p for p in plans.values() if p["sessions"][0]["venue"]["name"] == "leira_skule"]
    assert len(leira) == 1
    assert any(f["message"].startswith("sessions end by 15:31:") and "minus 59 minutes' travel" in f["message"]
               for f in leira[0]["findings"])


# --- a waitlist as a table (Waitlist.from_dataframe; io/table_rows.hpp) ----------------------


def waitlist_frame(waitlist):
    """The waitlist as a coordinator's spreadsheet: one row per household, lists numbered."""
    pandas = pytest.importorskip("pandas")
    rows = []
    for h in waitlist.households:
        row = {"id": h.id, "municipality": h.municipality, "school": h.school, "care_closes": h.care_closes,
               "waiting_since": h.waiting_since}
        for i, caregiver in enumerate(h.caregivers, 1):
            row[f"caregiver_{i}"] = caregiver.role.name
        for i, child in enumerate(h.children, 1):
            row.update({f"child_{i}_stage": child.stage.name, f"child_{i}_grade": child.grade,
                        f"child_{i}_age": child.age, f"child_{i}_birth_date": child.birth_date,
                        f"child_{i}_condition": child.condition.name,
                        f"child_{i}_rare_diagnosis": child.rare_diagnosis})
        for i, sibling in enumerate(h.siblings, 1):
            row[f"sibling_{i}_age"] = sibling.age
            row[f"sibling_{i}_stage"] = sibling.stage.name if sibling.stage else None
        rows.append(row)
    return pandas.DataFrame(rows)


def test_a_waitlist_from_a_dataframe_is_its_json_twin(valdres, tmp_path):
    pandas = pytest.importorskip("pandas")
    waitlist = paarorende.FormationRequest.load(valdres).waitlist
    frame = waitlist_frame(waitlist)
    assert frame["child_1_grade"].dtype == "float64"  # NaN where no grade: whole floats are read as integers
    settings = dict(id=waitlist.id, places=waitlist.places, travel_times=waitlist.travel_times,
                    travel_model=waitlist.travel_model, travel=waitlist.travel)
    assert paarorende.Waitlist.from_dataframe(frame, **settings) == waitlist
    # The same through a CSV file as a spreadsheet saves it, read back by pandas.
    frame.to_csv(tmp_path / "waitlist.csv", index=False)
    again = pandas.read_csv(tmp_path / "waitlist.csv", dtype={"municipality": str})
    assert paarorende.Waitlist.from_dataframe(again, **settings) == waitlist


def test_waitlist_frame_errors_name_the_index_label_and_column(valdres):
    pytest.importorskip("pandas")
    waitlist = paarorende.FormationRequest.load(valdres).waitlist
    frame = waitlist_frame(waitlist).set_index(pytest.importorskip("pandas").Index(
        [f"rad{i}" for i in range(len(waitlist.households))]))
    settings = dict(places=waitlist.places)
    bad = frame.copy()
    bad.loc["rad3", "school"] = "nowhere"
    with pytest.raises(paarorende.InputError) as error:
        paarorende.Waitlist.from_dataframe(bad, **settings)
    assert error.value.where == "index 'rad3', column 'school'"
    bad = frame.copy()
    bad.loc["rad5", "caregiver_1"] = "aunt"
    with pytest.raises(paarorende.InputError) as error:
        paarorende.Waitlist.from_dataframe(bad, **settings)
    assert error.value.where == "index 'rad5', column 'caregiver_1'" and "other_guardian" in str(error.value)
    with pytest.raises(paarorende.InputError) as error:
        paarorende.Waitlist.from_dataframe(frame.assign(name="Kari"), **settings)
    assert error.value.where == "the header, column 'name'" and "unknown column" in str(error.value)
    with pytest.raises(TypeError, match="expected a pandas.DataFrame"):
        paarorende.Waitlist.from_dataframe([{"id": "h1"}], **settings)


def test_a_whole_row_error_and_a_cell_of_many_values_are_at_the_frames_index(valdres):
    pandas = pytest.importorskip("pandas")
    waitlist = paarorende.FormationRequest.load(valdres).waitlist
    frame = waitlist_frame(waitlist).set_index(pandas.Index([f"rad{i}" for i in range(len(waitlist.households))]))
    bad = frame.copy()
    bad.loc["rad2", "school"] = None
    with pytest.raises(paarorende.InputError) as error:
        paarorende.Waitlist.from_dataframe(bad, places=waitlist.places)
    assert error.value.where == "index 'rad2'" and "pickup place" in str(error.value)
    bad = frame.copy().astype({"caregiver_1": object})
    bad.at["rad4", "caregiver_1"] = ["mother", "father"]
    with pytest.raises(paarorende.InputError) as error:
        paarorende.Waitlist.from_dataframe(bad, places=waitlist.places)
    assert error.value.where == "index 'rad4', column 'caregiver_1'" and "one value" in str(error.value)
