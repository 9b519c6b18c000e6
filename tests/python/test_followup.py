"""Children and young people as next of kin from Python and the command line
(docs/children-next-of-kin.md; DOMAIN V2, V3, X4): the follow-up register and lists as DataFrames,
`paarorende followup` on the Valdres example (its lists, reminders and summary), and the summary's
protection checked by an audit written apart from the library's: one integer program over all five
tables at once, with the links between them (a child offered something is a child of the children
table: every offer table's cell is at most the children table's), solved with scipy's `milp`."""

from __future__ import annotations

import datetime
import itertools
import json
import random

import numpy as np
import pytest
from scipy.optimize import Bounds, LinearConstraint, milp

import paarorende

TODAY = datetime.date(2027, 3, 1)


@pytest.fixture(scope="module")
def example(repo):
    return repo / "examples" / "valdres_followup"


@pytest.fixture(scope="module")
def register(example):
    return paarorende.FollowupRegister.load(example / "register.json")


# --- the register and the lists from Python --------------------------------------------------------

def test_the_register_is_a_dataframe_of_ids_codes_roles_and_dates(register):
    frame = register.to_dataframe()
    assert list(frame.columns) == ["child", "birth_year", "municipality", "identified_by", "identified_on",
                                   "next_of_kin_to", "illness", "responsible_unit", "offers", "consent_role",
                                   "consent_date", "next_follow_up", "closed_on"]
    assert frame["child"].is_unique
    assert set(frame["illness"]) == {"mental_illness", "substance_use", "serious_somatic_illness"}
    assert set(frame["municipality"]) == {m.name for m in register.region.municipalities}
    assert isinstance(frame["identified_on"].iloc[0], datetime.date)
    offers = register.to_dataframe("offers")
    assert list(offers.columns) == ["child", "kind", "date", "unit"]
    assert len(offers) == frame["offers"].sum()
    units = register.to_dataframe("units")
    assert units["child_responsible"].isna().sum() == 1  # vang-barnehage has none yet
    with pytest.raises(ValueError):
        register.to_dataframe("names")


def test_the_lists_on_a_day_as_objects_and_a_dataframe(register):
    lists = paarorende.followup(register, TODAY)
    assert lists.today == TODAY and lists.within_days == 14
    frame = lists.to_dataframe()
    assert list(frame.columns) == ["unit", "municipality", "list", "child", "next_follow_up", "days", "offer",
                                   "offer_date"]
    overdue = frame[frame["list"] == "overdue"]
    assert (overdue["next_follow_up"] < TODAY).all()
    due = frame[frame["list"] == "due"]
    assert ((due["next_follow_up"] >= TODAY) & (due["next_follow_up"] <= TODAY + datetime.timedelta(days=14))).all()
    # Recounted here from the register itself.
    everyone = [c for c in register.children if c.identified_on <= TODAY]
    children = [c for c in everyone if c.closed_on is None or c.closed_on > TODAY]
    assert lists.closed == len(everyone) - len(children) > 0
    assert len(overdue) == sum(c.next_follow_up < TODAY for c in children)
    assert len(due) == sum(0 <= (c.next_follow_up - TODAY).days <= 14 for c in children)
    nothing = {c.id for c in children if not any(o.date <= TODAY for o in c.offers)}
    assert set(frame[frame["list"] == "offered_nothing"]["child"]) == nothing
    assert [u.id for u in lists.units_without_contact] == ["etnedal-fastlegekontor"]
    # Fewer days: fewer due.
    assert len(paarorende.followup(register, TODAY, within_days=3).to_dataframe().query("list == 'due'")) < len(due)


def test_a_register_built_in_python_is_checked(register):
    child = paarorende.FollowupChild(id="c-x", birth_year=2016, municipality="Vang", identified_by="vang-skole",
                                     identified_on=datetime.date(2026, 9, 1), next_of_kin_to="sibling",
                                     illness=paarorende.IllnessKind.substance_use,
                                     next_follow_up=datetime.date(2026, 8, 1))
    built = paarorende.FollowupRegister(region="valdres", units=register.units, children=[child])
    assert built.region == register.region
    with pytest.raises(ValueError):
        paarorende.FollowupRegister(region="oslo", units=register.units)
    with pytest.raises(paarorende.InputError) as error:
        paarorende.check_followup_register(built)
    assert (error.value.where, error.value.rule) == ("/children/0/next_follow_up", "V3")
    assert repr(child) == "FollowupChild(id='c-x', ...)"


# --- the command line --------------------------------------------------------------------------------

def test_followup_prints_the_lists_per_unit(cli, example, register):
    result = cli("followup", example / "register.json", "--today", "2027-03-01")
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert printed == paarorende.followup(register, TODAY).to_dict()
    assert printed["today"] == "2027-03-01"
    assert {finding["rule"] for finding in printed["findings"]} <= {"V3", "X4"}
    for unit in printed["units"]:
        assert all(entry["days_overdue"] > 0 for entry in unit["overdue"])


def test_followup_writes_reminders_per_unit_in_its_language(cli, example, tmp_path):
    result = cli("followup", example / "register.json", "--today", "2027-03-01", "--ics-dir", tmp_path / "ics")
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    with_dates = {u["unit"] for u in printed["units"] if u["overdue"] or u["due"]}
    assert {p.stem for p in (tmp_path / "ics").glob("*.ics")} == with_dates
    icalendar = pytest.importorskip("icalendar")
    unit = sorted(with_dates)[0]
    calendar = icalendar.Calendar.from_ical((tmp_path / "ics" / f"{unit}.ics").read_bytes())
    events = [c for c in calendar.walk("VEVENT")]
    listed = next(u for u in printed["units"] if u["unit"] == unit)
    assert len(events) == len(listed["overdue"]) + len(listed["due"])
    # Valdres writes nynorsk: the reminders are in it.
    assert all(str(e["SUMMARY"]).startswith("Oppfølging av c-") for e in events)
    english = cli("followup", example / "register.json", "--today", "2027-03-01", "--ics-dir", tmp_path / "en",
                  "--lang", "en")
    assert english.returncode == 0
    assert "Follow-up of c-" in (tmp_path / "en" / f"{unit}.ics").read_text(encoding="utf-8")


def test_followup_summary_writes_table_documents_that_suppress_reads(cli, example, tmp_path):
    out = tmp_path / "summary"
    result = cli("followup", example / "register.json", "--today", "2027-03-01", "--summary", out)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["summary.html", "summary.json", "tables"]
    # The table documents, every count in them, are kept apart from what is published.
    assert sorted(p.name for p in (out / "tables").iterdir()) == [
        "children.table.json", "offer-conversation.table.json", "offer-referral.table.json",
        "offer-school_information.table.json", "offer-treffpunkt.table.json"]
    suppressed = cli("suppress", out / "tables" / "children.table.json")
    assert suppressed.returncode == 0, suppressed.stderr
    html = (out / "summary.html").read_text(encoding="utf-8")
    assert 'lang="nn"' in html and "Barn og unge som pårørande" in html
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert [t["name"] for t in summary["tables"]] == ["children", "offer-conversation", "offer-school_information",
                                                     "offer-treffpunkt", "offer-referral"]
    for table in summary["tables"]:
        for cell in table["published"]["cells"]:
            assert cell["count"] is None or cell["count"] == 0 or cell["count"] >= 5
    # The region's total is published.
    children = summary["tables"][0]["published"]["cells"]
    total = next(c for c in children if c["municipality"] == "total" and c["age_band"] == "total")
    assert total["count"] == sum(1 for c in paarorende.FollowupRegister.load(example / "register.json").children
                                 if c.identified_on <= TODAY)


def test_followup_writes_nothing_for_a_bad_register(cli, example, tmp_path):
    document = json.loads((example / "register.json").read_text(encoding="utf-8"))
    document["children"][5]["illness"] = "depression"
    bad = tmp_path / "register.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    result = cli("followup", bad, "--today", "2027-03-01", "--ics-dir", tmp_path / "ics", "--summary",
                 tmp_path / "summary")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "register.json:/children/5/illness" in result.stderr and "[DOMAIN V2]" in result.stderr
    assert not (tmp_path / "ics").exists() and not (tmp_path / "summary").exists()


@pytest.mark.parametrize("arguments,where", [
    (["--today", "2027-02-30"], "--today"),
    (["--today", "2027-03-01", "--within", "-1"], "--within"),
    (["--today", "2027-03-01", "--threshold", "2"], "--threshold"),
])
def test_followup_refuses_bad_options_with_where(cli, example, arguments, where, tmp_path):
    result = cli("followup", example / "register.json", *arguments, "--summary", tmp_path / "s")
    assert result.returncode == 2
    assert where in result.stderr
    assert not (tmp_path / "s").exists()  # nothing written


def test_followup_needs_its_day(cli, example):
    result = cli("followup", example / "register.json")
    assert result.returncode != 0
    assert "--today" in result.stderr


# --- the summary's protection, audited apart ------------------------------------------------------------

BANDS = ["0-5", "6-12", "13-18", "19+"]


def joint_audit(summary, region, truth=None) -> list[tuple[str, dict, float, float]]:
    """(table, cell, least, greatest) of every hidden small cell of every table, over all integer
    tables that agree with everything the five tables publish, each offer table's interior cell at
    most the children table's. The unknowns are the interior cells of all five tables; a published
    cell is the sum of its box of them; a hidden cell is at least 1 (true zeros are never hidden).
    With `truth` (each table's true interior counts), also every small difference children -
    offered of a cell (the children not offered something), as ("children-" + table, cell, ...)."""
    municipalities = [m.name for m in region.municipalities]
    interior = list(itertools.product(municipalities, BANDS))
    n = len(interior)
    names = list(summary.names)
    column = {(t, key): t * n + i for t in range(len(names)) for i, key in enumerate(interior)}

    def box(value, values):
        return values if value == "total" else [value]

    rows, low, high, small = [], [], [], []
    for t, name in enumerate(names):
        for cell in summary.table(name).cells:
            row = np.zeros(len(names) * n)
            for key in itertools.product(box(cell["municipality"], municipalities), box(cell["age_band"], BANDS)):
                row[column[(t, key)]] = 1
            if cell["count"] is not None:
                rows.append(row), low.append(cell["count"]), high.append(cell["count"])
            else:
                rows.append(row), low.append(1), high.append(np.inf)
                if cell["suppressed"] == "primary":
                    small.append((name, cell, row))
    for t in range(1, len(names)):
        for key in interior:  # offered it <= identified
            row = np.zeros(len(names) * n)
            row[column[(t, key)]], row[column[(0, key)]] = 1, -1
            rows.append(row), low.append(-np.inf), high.append(0)
    if truth is not None:
        whole = truth[names[0]]
        for t, name in enumerate(names[1:], start=1):
            for cell in summary.table(name).cells:
                keys = list(itertools.product(box(cell["municipality"], municipalities), box(cell["age_band"], BANDS)))
                rest = sum(whole.get(k, 0) for k in keys) - sum(truth[name].get(k, 0) for k in keys)
                if 1 <= rest <= 4:
                    row = np.zeros(len(names) * n)
                    for key in keys:
                        row[column[(0, key)]] += 1
                        row[column[(t, key)]] -= 1
                    small.append(("children-" + name, cell, row))
    constraint = LinearConstraint(np.array(rows), low, high)
    integrality = np.ones(len(names) * n)
    cap = 100000  # far above any count: reaching it is unbounded
    found = []
    for name, cell, objective in small:
        least = milp(objective, constraints=constraint, integrality=integrality, bounds=Bounds(0, cap))
        greatest = milp(-objective, constraints=constraint, integrality=integrality, bounds=Bounds(0, cap))
        assert least.status == 0 and greatest.status == 0, (least.message, greatest.message)
        found.append((name, cell, least.fun, -greatest.fun))
    return found


def seeded_register(seed: int, region) -> paarorende.FollowupRegister:
    """A register of 80-240 children over the six municipalities, offers at random (seeded)."""
    rng = random.Random(seed)
    units = [paarorende.FollowupUnit(id=f"u-{m.number}", municipality=m.number, kind="skole",
                                     child_responsible="barneansvarlig") for m in region.municipalities]
    children = []
    for i in range(rng.randint(80, 240)):
        unit = rng.choice(units)
        identified = datetime.date(2026, 1, 1) + datetime.timedelta(days=rng.randint(0, 400))
        offers = [paarorende.FollowupOffer(kind=kind, date=identified, unit=unit.id)
                  for kind in paarorende.FollowupOfferKind.__members__.values()
                  if rng.random() < {"conversation": 0.8, "referral": 0.15}.get(kind.name, 0.45)]
        children.append(paarorende.FollowupChild(
            id=f"c-{i}", birth_year=2027 - rng.randint(1, 18), municipality=unit.municipality, identified_by=unit.id,
            identified_on=identified, next_of_kin_to="parent", illness="mental_illness",
            next_follow_up=identified + datetime.timedelta(days=90), offers=offers))
    return paarorende.FollowupRegister(region=region, units=units, children=children)


def true_counts(register_) -> dict:
    return {t.name: {(c["municipality"], c["age_band"]): c["count"] for c in t.table.cells}
            for t in paarorende.followup_summary_tables(register_, TODAY)}


def check_protected(summary, region, truth=None):
    assert summary.narrow == 0
    audited = joint_audit(summary, region, truth)
    for name, cell, least, greatest in audited:
        assert greatest - least >= 5, f"{name} {cell}: [{least}, {greatest}]"
    return audited


def test_the_example_summary_is_protected_across_its_tables(register):
    summary = paarorende.followup_summary(register, TODAY)
    audited = check_protected(summary, register.region, true_counts(register))
    assert any(name.startswith("children-") for name, *_ in audited)  # small differences too
    # And the point of nesting: the children table keeps figures one shared pattern would hide (a
    # shared pattern that does not even protect the differences).
    shared = paarorende.suppress_together(list(summary_tables(register).values()))
    assert summary.table("children").suppressed_count < shared[0].suppressed_count


@pytest.mark.parametrize("seed", range(6))
def test_seeded_summaries_are_protected_across_their_tables(seed, register):
    seeded = seeded_register(seed, register.region)
    check_protected(paarorende.followup_summary(seeded, TODAY), register.region, true_counts(seeded))


def test_the_audit_catches_a_small_cell_left_narrow(register):
    # The check above can fail: publish the referral table's small cells' neighbours and it does.
    summary = paarorende.followup_summary(register, TODAY)
    referral = summary.table("offer-referral")
    assert any(c["suppressed"] == "primary" for c in referral.cells)
    interior = {(c["municipality"], c["age_band"]): c["count"] for c in summary_tables(register)["offer-referral"].cells}

    def truth(municipality, band):
        return sum(count for (m, b), count in interior.items()
                   if municipality in (m, "total") and band in (b, "total"))

    class Revealed:
        names = summary.names

        @staticmethod
        def table(name):
            result = summary.table(name)
            if name != "offer-referral":
                return result

            class Shown:
                cells = [dict(c, count=truth(c["municipality"], c["age_band"])) if c["suppressed"] == "secondary"
                         else c for c in result.cells]
            return Shown

    Revealed.narrow = 0
    with pytest.raises(AssertionError):
        check_protected(Revealed, register.region)


def summary_tables(register):
    return {t.name: t.table for t in paarorende.followup_summary_tables(register, TODAY)}


def test_the_examples_lists_and_summary_are_what_the_command_writes(cli, example, tmp_path):
    # examples/valdres_followup holds the lists for 1 March 2027 and the summary, as the command
    # writes them: run again, they come out the same (regenerate with the command in the docs).
    result = cli("followup", example / "register.json", "--today", "2027-03-01", "--summary", tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == json.loads((example / "followup-2027-03-01.json").read_text(encoding="utf-8"))
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert written == sorted(p.relative_to(example / "summary") for p in (example / "summary").rglob("*") if p.is_file())
    for name in written:
        assert (tmp_path / name).read_text(encoding="utf-8") == (example / "summary" / name).read_text(encoding="utf-8"), \
            name


def test_suppress_nested_from_python_on_the_worked_example():
    # docs/suppression.md and tests/cpp/test_nested_suppression.cpp: the whole's 5 caps the part's 2.
    dimensions = [{"name": "m", "values": ["m0", "m1"]}, {"name": "a", "values": ["a0", "a1"]}]

    def table(counts):
        return {"dimensions": dimensions,
                "cells": [{"m": f"m{r}", "a": f"a{c}", "count": counts[r][c]} for r in range(2) for c in range(2)]}

    alone = paarorende.suppress(table([[5, 20], [20, 20]]))
    assert next(c for c in alone.cells if c["m"] == "m0" and c["a"] == "a0")["count"] == 5
    nested = paarorende.suppress_nested(table([[5, 20], [20, 20]]), [table([[2, 10], [10, 10]])])
    assert nested.narrow == 0
    whole, part = nested.tables
    assert next(c for c in whole.cells if c["m"] == "m0" and c["a"] == "a0")["count"] is None
    assert [(d["m"], d["a"], d["part"]) for d in nested.differences] == [("m0", "a0", 1)]
    assert nested.differences[0]["max"] - nested.differences[0]["min"] >= 5
    with pytest.raises(paarorende.InputError) as error:
        paarorende.suppress_nested(table([[5, 20], [20, 20]]), [table([[6, 10], [10, 10]])])
    assert (error.value.where, error.value.rule) == ("/tables/1/cells", "X4")
