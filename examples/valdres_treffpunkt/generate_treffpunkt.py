#!/usr/bin/python3
"""Writes a synthetic spring season of Treffpunkt Valdres in operation (docs/treffpunkt.md):

- enrolments.json: 22 enrolled children, pseudonymous (tp-001 ...), with their age, a guardian's
  dated consent, who collects them by role and what the volunteers must know, from the fixed list
  (DOMAIN V4, X4, X5);
- season_from_enrolments.json: the season request that takes its counts from enrolments.json
  (a spring season, Wednesdays every two weeks: the season is the municipality's choice, V4);
- attendance.json: which children came to each of the season's meetings;
- children_evaluation.csv: the children's own evaluation, one row per child who came, with its
  age band (6-9: the face scale 1-3; 10-16: 1-5) and a few free-text answers (V1, X4).

No child in these files exists: every value is drawn from a generator seeded with SEED, so the
script writes the same files every time. Run: /usr/bin/python3 generate_treffpunkt.py
"""

from __future__ import annotations

import csv
import datetime
import json
import pathlib
import random

SEED = 2027
HERE = pathlib.Path(__file__).resolve().parent

# Ages by band, fixed so that the example shows a small band merged in the public plan:
# 9 children 6-9, 4 children 10-12, 9 children 13-16.
AGES = [6, 7, 7, 8, 8, 8, 9, 9, 9, 10, 11, 11, 12, 13, 13, 14, 14, 15, 15, 16, 16, 16]
FIRST_MEETING = datetime.date(2027, 4, 7)
MEETINGS = 5  # Wednesdays every two weeks, 7 April - 2 June 2027: no public holiday among them
MUST_KNOW = ["no_photos", "arranged_transport", "new_this_season", "sibling_enrolled", "vegetarian_food",
             "no_pork", "interpreter_for_guardian"]
COMMENTS_YOUNG = ["Mer tegning", "Det var gøy", "Mer lek ute"]
COMMENTS_OLDER = ["Fint å treffe andre som har det likt", "Mer tid til å prate", "Bra mat"]


def enrolments(rng: random.Random) -> dict:
    ages = AGES[:]
    rng.shuffle(ages)
    children = []
    for number, age in enumerate(ages, start=1):
        consent_role = rng.choices(["mother", "father", "guardian"], weights=[6, 3, 1])[0]
        consent_date = datetime.date(2026, 11, 16) + datetime.timedelta(days=rng.randrange(0, 120))
        must_know = sorted(rng.sample(MUST_KNOW, k=rng.choices([0, 1, 2], weights=[5, 4, 1])[0]),
                           key=MUST_KNOW.index)
        collected_by = sorted({consent_role, rng.choice(["mother", "father", "other_adult"])},
                              key=["mother", "father", "guardian", "other_adult"].index)
        if age >= 12 and rng.random() < 0.5:
            # Older children may walk home alone, when the guardian says so (DOMAIN X5).
            must_know = ["may_walk_home_alone"] + must_know
            collected_by = []
        children.append({"child": f"tp-{number:03d}", "age": age,
                         "consent": {"role": consent_role, "date": consent_date.isoformat()},
                         "collected_by": collected_by, "must_know": must_know})
    return {"$schema": "../../docs/schemas/enrolments.schema.json",
            "meeting_place": "Treffpunkt Valdres", "municipality": "Nord-Aurdal", "children": children}


def season_request() -> dict:
    season = json.loads((HERE / "season.json").read_text(encoding="utf-8"))
    request = {"$schema": "../../docs/schemas/season-request.schema.json",
               "title": "Treffpunkt Valdres, våren 2027", "format": "meeting_place", "region": "valdres",
               "municipality": "Nord-Aurdal", "first_date": FIRST_MEETING.isoformat(),
               "last_date": "2027-06-09", "school_calendar": "school-calendar-nord-aurdal.json",
               "enrolments": "enrolments.json", "attendance_percent": 80,
               "volunteers": season["volunteers"], "roster_rules": season["roster_rules"]}
    return request


def attendance(rng: random.Random, children: list[dict]) -> dict:
    meetings = []
    for number in range(1, MEETINGS + 1):
        date = FIRST_MEETING + datetime.timedelta(weeks=2 * (number - 1))
        present = [c["child"] for c in children if rng.random() < 0.8]
        meetings.append({"meeting": number, "date": date.isoformat(), "present": present})
    return {"$schema": "../../docs/schemas/children-attendance.schema.json",
            "enrolments": "enrolments.json", "meetings": meetings}


def evaluation_rows(rng: random.Random, children: list[dict], came: set[str]) -> list[list[str]]:
    rows = []
    for child in children:
        if child["child"] not in came or rng.random() < 0.15:
            continue  # no answer from a child who never came, and some did not answer
        young = child["age"] <= 9
        top = 3 if young else 5
        scale = lambda: str(max(1, top - rng.choices([0, 1, 2], weights=[6, 3, 1])[0]))  # noqa: E731
        again = rng.choices(["ja", "nei"], weights=[9, 1])[0]
        comment = rng.choice(COMMENTS_YOUNG if young else COMMENTS_OLDER) if rng.random() < 0.3 else ""
        # DOMAIN X4: no id in the answers; the rows are shuffled below so their order says nothing.
        rows.append(["6-9" if young else "10-16", scale(), scale(), scale(), again, comment])
    rng.shuffle(rows)
    return rows


def main() -> None:
    rng = random.Random(SEED)
    document = enrolments(rng)
    write_json(HERE / "enrolments.json", document)
    write_json(HERE / "season_from_enrolments.json", season_request())
    present = attendance(rng, document["children"])
    write_json(HERE / "attendance.json", present)
    came = {child for meeting in present["meetings"] for child in meeting["present"]}
    with open(HERE / "children_evaluation.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["age_band", "how_it_was", "activities", "adults", "come_again", "other"])
        writer.writerows(evaluation_rows(rng, document["children"], came))


def write_json(path: pathlib.Path, document: dict) -> None:
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
