"""Small seeded seasons, and an exact planner written apart from the library's (issue #19).

`season(seed)` makes a programme document: two or three offers of a few sessions each, sharing two
or three presenters, up to three volunteers and two venues, on the Tuesdays and Wednesdays of the
autumn of 2019 (no public holiday falls there), with an autumn break, a day the after-school care
is closed, taken venues and unavailable people. It was written before the planner was tuned.

`exact_objective(document)` solves the same season as an integer programme with scipy's `milp`,
from the document alone: its own reading of the defaults it needs (given explicitly by the
generator), its own windows, closures, weeks and overlaps. The objective is the library's, in its
order, one stage at a time: sessions dropped, offers with a dropped session, sessions moved, minutes
before the latest start.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random

import numpy as np
from scipy.optimize import LinearConstraint, milp
from scipy.sparse import lil_matrix

AUTUMN_BREAK = (dt.date(2019, 9, 30), dt.date(2019, 10, 4))
SCHOOL_YEAR = (dt.date(2019, 8, 19), dt.date(2020, 6, 19))


def _iso(day: dt.date) -> str:
    return day.isoformat()


def season(seed: int) -> dict:
    """A small season; every value the planner uses is written out, none left to defaults."""
    rng = random.Random(seed)
    tuesdays = [dt.date(2019, 9, 3) + dt.timedelta(weeks=k) for k in range(6)]
    presenters = []
    for i in range(rng.choice([2, 3])):
        presenter = {"id": f"p{i}", "name": f"Presenter {i}", "max_sessions_per_week": rng.choice([1, 2])}
        if rng.random() < 0.5:
            presenter["unavailable"] = [_iso(rng.choice(tuesdays) + dt.timedelta(days=rng.choice([0, 1])))]
        presenters.append(presenter)
    volunteers = []
    for i in range(rng.choice([0, 2, 3])):
        volunteer = {"id": f"v{i}", "max_sessions_per_week": 1,
                     "certificate_valid_until": _iso(rng.choice([dt.date(2019, 10, 10), dt.date(2020, 12, 31)]))}
        volunteers.append(volunteer)
    venues = [{"id": "hall", "name": "Hall", "cost_per_session": 400},
              {"id": "school", "name": "School", "taken": [_iso(rng.choice(tuesdays))]}]
    schools = [{"id": "north", "name": "North", "care_closes": "16:30", "travel_minutes": rng.choice([0, 10]),
                "care_closed": [_iso(rng.choice(tuesdays))]}]
    pool = [p["id"] for p in presenters]
    offers = []
    kinds = ["parents_course", "fathers_session", "caregiver_school"] + (["meeting_place"] if volunteers else [])
    for n in range(rng.choice([2, 3])):
        kind = rng.choice(kinds)
        start = rng.choice(tuesdays[:3]) + dt.timedelta(days=rng.choice([0, 0, 1]))
        offer = {"id": f"o{n}", "kind": kind, "first_date": _iso(start), "venue": rng.choice(["hall", "school"]),
                 "start_step_minutes": 15, "max_move_weeks": 2, "participants": rng.randint(4, 10)}
        if kind == "parents_course":
            offer.update(sessions=5, cadence_weeks=2, session_minutes=90, earliest_start="14:00", schools=["north"],
                         presenters=rng.sample(pool, 2), presenters_per_session=1, volunteers_per_session=0,
                         police_certificate=False)
        elif kind == "fathers_session":
            offer.update(sessions=1, cadence_weeks=4, session_minutes=90, earliest_start="14:00",
                         latest_end="16:30", presenters=rng.sample(pool, 1), presenters_per_session=1,
                         volunteers_per_session=0, police_certificate=False)
        elif kind == "caregiver_school":
            offer.update(form="conversations", sessions=rng.choice([1, 2]), cadence_weeks=1, session_minutes=60,
                         earliest_start="14:00", latest_end="16:00", presenters=rng.sample(pool, 1),
                         presenters_per_session=1, volunteers_per_session=0, police_certificate=False)
        else:
            offer.update(sessions=rng.choice([2, 3]), cadence_weeks=2, session_minutes=120, earliest_start="17:00",
                         latest_end="20:00", presenters=[], presenters_per_session=0,
                         volunteers=[v["id"] for v in volunteers], volunteers_per_session=2, police_certificate=True,
                         leaders=0)
        offers.append(offer)
    return {
        "municipality": f"Seed {seed}",
        "school_calendar": {"municipality": "Seed", "school_years": [{
            "label": "2019-2020", "first_day": _iso(SCHOOL_YEAR[0]), "last_day": _iso(SCHOOL_YEAR[1]),
            "holidays": [{"name": "Høstferie", "first": _iso(AUTUMN_BREAK[0]), "last": _iso(AUTUMN_BREAK[1])}]}]},
        "schools": schools, "presenters": presenters, "volunteers": volunteers, "venues": venues,
        "costs": {"catering_per_participant_session": 50, "staff_hourly": 500}, "offers": offers,
    }


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _available(person: dict, day: dt.date) -> bool:
    if _iso(day) in person.get("unavailable", []):
        return False
    spans = person.get("available", [])
    return not spans or any(_date(s["first"]) <= day <= _date(s["last"]) for s in spans)


def _closed(day: dt.date, offer: dict) -> bool:
    if day.weekday() >= 5:
        return True
    # Every generated date is in September-December 2019, where Norway has no public holiday
    # before Christmas; the seasons stay clear of it.
    assert day < dt.date(2019, 12, 24)
    if offer["kind"] in ("parents_course", "fathers_session", "meeting_place"):
        return AUTUMN_BREAK[0] <= day <= AUTUMN_BREAK[1] or not SCHOOL_YEAR[0] <= day <= SCHOOL_YEAR[1]
    return False


def _candidates(document: dict) -> tuple[list[dict], list[list[dict]]]:
    """The units (a session, or a block of days that move together) and every way to hold each."""
    people = {p["id"]: p for p in document["presenters"] + document["volunteers"]}
    venues = {v["id"]: v for v in document["venues"]}
    schools = {s["id"]: s for s in document["schools"]}
    units, options = [], []
    for o, offer in enumerate(document["offers"]):
        first = _date(offer["first_date"])
        if offer["cadence_weeks"] == 0:
            groups = [[first + dt.timedelta(days=i) for i in range(offer["sessions"])]]
        else:
            groups = [[first + dt.timedelta(weeks=offer["cadence_weeks"] * i)] for i in range(offer["sessions"])]
        if offer.get("schools"):
            end = min(_minutes(schools[s]["care_closes"]) - schools[s]["travel_minutes"] for s in offer["schools"])
        else:
            end = _minutes(offer["latest_end"])
        earliest, step, length = _minutes(offer["earliest_start"]), offer["start_step_minutes"], offer["session_minutes"]
        latest = earliest + (end - length - earliest) // step * step
        for position, days in enumerate(groups):
            unit = {"offer": o, "position": position, "days": len(days), "latest": latest}
            ways = []
            for shift in range(offer["max_move_weeks"] + 1):
                dates = [d + dt.timedelta(weeks=shift) for d in days]
                if any(_closed(d, offer) for d in dates):
                    continue
                if any(_iso(d) in venues[offer["venue"]].get("taken", []) for d in dates):
                    continue
                if any(_iso(d) in schools[s].get("care_closed", []) for s in offer.get("schools", []) for d in dates):
                    continue
                fit_p = [p for p in offer["presenters"] if all(_available(people[p], d) for d in dates)]
                fit_v = [v for v in offer.get("volunteers", [])
                         if all(_available(people[v], d) for d in dates)
                         and (not offer["police_certificate"]
                              or all(_date(people[v].get("certificate_valid_until", "1900-01-01")) >= d
                                     for d in dates))]
                for start in range(earliest, latest + 1, step):
                    for ps in itertools.combinations(fit_p, offer["presenters_per_session"]):
                        for vs in itertools.combinations(fit_v, offer["volunteers_per_session"]):
                            ways.append({"dates": dates, "start": start, "end": start + length, "shift": shift,
                                         "resources": ["venue:" + offer["venue"]] + list(ps) + list(vs),
                                         "people": list(ps) + list(vs)})
            units.append(unit)
            options.append(ways)
    return units, options


def exact_objective(document: dict) -> tuple[int, int, int, int]:
    """The lexicographic optimum (dropped, offers dropped, moved, minutes before latest start)."""
    units, options = _candidates(document)
    people = {p["id"]: p for p in document["presenters"] + document["volunteers"]}
    index = []  # (unit, option) per x variable
    for u, ways in enumerate(options):
        for k in range(len(ways)):
            index.append((u, k))
    n_x, n_u, n_o = len(index), len(units), len(document["offers"])
    n = n_x + n_u + n_o  # x, dropped units, offers with a dropped unit
    rows, lower, upper = [], [], []

    def row(coefficients: dict[int, float], lo: float, hi: float) -> None:
        rows.append(coefficients)
        lower.append(lo)
        upper.append(hi)

    for u in range(n_u):  # each unit held one way, or dropped
        coefficients = {i: 1.0 for i, (v, _) in enumerate(index) if v == u}
        coefficients[n_x + u] = 1.0
        row(coefficients, 1, 1)
        row({n_x + n_u + units[u]["offer"]: 1.0, n_x + u: -1.0}, 0, np.inf)
    # No resource twice at once: intervals overlap exactly when one holds the other's start.
    uses: dict[tuple[str, dt.date], list[int]] = {}
    for i, (u, k) in enumerate(index):
        for resource in options[u][k]["resources"]:
            for day in options[u][k]["dates"]:
                uses.setdefault((resource, day), []).append(i)
    for members in uses.values():
        for point in sorted({options[index[i][0]][index[i][1]]["start"] for i in members}):
            covering = {i: 1.0 for i in members
                        if options[index[i][0]][index[i][1]]["start"] <= point < options[index[i][0]][index[i][1]]["end"]}
            if len(covering) > 1:
                row(covering, 0, 1)
    # Weekly limits (ISO weeks).
    weekly: dict[tuple[str, tuple[int, int]], dict[int, float]] = {}
    for i, (u, k) in enumerate(index):
        for person in options[u][k]["people"]:
            for day in options[u][k]["dates"]:
                key = (person, day.isocalendar()[:2])
                weekly.setdefault(key, {}).setdefault(i, 0.0)
                weekly[key][i] += 1.0
    for (person, _), coefficients in weekly.items():
        row(coefficients, 0, people[person]["max_sessions_per_week"])
    # Order within an offer: a later unit starts after every earlier one held ends.
    for a in range(n_u):
        for b in range(n_u):
            if units[a]["offer"] != units[b]["offer"] or units[a]["position"] >= units[b]["position"]:
                continue
            for first in sorted({options[b][k]["dates"][0] for k in range(len(options[b]))}):
                coefficients = {i: 1.0 for i, (u, k) in enumerate(index)
                                if (u == a and options[u][k]["dates"][-1] >= first)
                                or (u == b and options[u][k]["dates"][0] <= first)}
                row(coefficients, 0, 1)
    matrix = lil_matrix((len(rows), n))
    for r, coefficients in enumerate(rows):
        for column, value in coefficients.items():
            matrix[r, column] = value
    stages = []
    c_drop = np.zeros(n)
    for u in range(n_u):
        c_drop[n_x + u] = units[u]["days"]
    c_offers = np.zeros(n)
    c_offers[n_x + n_u:] = 1
    c_moved = np.zeros(n)
    c_early = np.zeros(n)
    for i, (u, k) in enumerate(index):
        way = options[u][k]
        c_moved[i] = units[u]["days"] if way["shift"] > 0 else 0
        c_early[i] = (units[u]["latest"] - way["start"]) * units[u]["days"]
    stages = [c_drop, c_offers, c_moved, c_early]
    constraints = [LinearConstraint(matrix.tocsr(), lower, upper)]
    found = []
    for cost in stages:
        result = milp(cost, constraints=constraints, integrality=np.ones(n), bounds=(0, 1))
        assert result.success, result.message
        value = int(round(result.fun))
        found.append(value)
        constraints.append(LinearConstraint(cost.reshape(1, -1), -np.inf, value + 0.5))
    return tuple(found)


def double_bookings(plan: dict) -> list[str]:
    """Every presenter, volunteer or venue held by two sessions at once, from the plan alone."""
    held = []
    for offer in plan["offers"]:
        for s in offer["sessions"]:
            people = s.get("presenters", [s["presenter"]] if "presenter" in s else []) + s.get("volunteers", [])
            for resource in ["venue:" + s["venue"]] + people:
                held.append((resource, s["date"], _minutes(s["start"]), _minutes(s["end"]), offer["id"], s["number"]))
    clashes = []
    for a, b in itertools.combinations(held, 2):
        if a[0] == b[0] and a[1] == b[1] and a[2] < b[3] and b[2] < a[3]:
            clashes.append(f"{a[0]} on {a[1]}: {a[4]} {a[5]} and {b[4]} {b[5]}")
    return clashes
