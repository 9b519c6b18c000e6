#!/usr/bin/python3
"""Writes a synthetic follow-up register of children and young people as next of kin in the six
Valdres municipalities (docs/children-next-of-kin.md, DOMAIN V1-V3, X4):

- register.json: the units that identify children and follow them up (a helsestasjon, skole,
  barnehage and "psykisk helse og rus" unit in each municipality, each with its child-responsible
  role "barneansvarlig", except Vang's kindergarten, which has none yet; and a GP's office in
  Etnedal, a kind of unit for which the region lists no contact), and 420 children, spread over
  the municipalities roughly by population but at least 40 in each. For each child: the year of
  birth, the municipality, the unit that identified the child and when, whose next of kin the child
  is and the kind of illness (codes, never a diagnosis), the responsible unit, a guardian's dated
  consent, the offers made (conversation, school_information, treffpunkt, referral), the next
  follow-up, and for about one child in 25 the day the follow-up was closed. Every field is an id,
  a code, a role or a date: there is no free text (X4).

The register is read at 2027-03-01 (`paarorende followup register.json --today 2027-03-01`): some
children's follow-up is then overdue and some due within 14 days, a few have no responsible unit or
one without a child-responsible role, a few were offered nothing, and some were referred without a
consent.

No child in this file exists: every value is drawn from a generator seeded with SEED, so the
script writes the same file every time. Run: /usr/bin/python3 generate_register.py
"""

from __future__ import annotations

import datetime
import json
import pathlib
import random

SEED = 2027
HERE = pathlib.Path(__file__).resolve().parent

TODAY = datetime.date(2027, 3, 1)          # the date the example is read at (--today)
FIRST_IDENTIFIED = datetime.date(2025, 1, 1)
LAST_IDENTIFIED = datetime.date(2027, 2, 15)
LAST_OFFER = datetime.date(2027, 2, 28)    # nothing is recorded after the day before TODAY
LAST_FOLLOW_UP = datetime.date(2027, 6, 30)

# The built-in region "valdres" (src/data/regions.json): number, name, the slug the unit ids use,
# and the number of children in the register (by population, about 6400, 2900, 1300, 2200, 3300
# and 1600 inhabitants, but at least 40 so that most cells of the region's summary hold 5 or more).
MUNICIPALITIES = [
    ("3449", "Sør-Aurdal", "sor-aurdal", 67),
    ("3450", "Etnedal", "etnedal", 40),
    ("3451", "Nord-Aurdal", "nord-aurdal", 147),
    ("3452", "Vestre Slidre", "vestre-slidre", 50),
    ("3453", "Øystre Slidre", "oystre-slidre", 76),
    ("3454", "Vang", "vang", 40),
]
# The kinds of unit the region lists a contact for, and the slug of each in the unit ids.
KINDS = [("helsestasjon", "helsestasjon"), ("skole", "skole"), ("barnehage", "barnehage"),
         ("psykisk helse og rus", "psykisk-helse-og-rus")]
NO_RESPONSIBLE_ROLE = "vang-barnehage"     # a unit without a child-responsible role yet (V3)
NO_CONTACT = ("3450", "etnedal-fastlegekontor", "fastlegekontor")  # a kind the region has no contact for

# Age in 2027 (2027 - birth year), weighted towards the ages of school and Treffpunkt (6-16, V4).
AGE_WEIGHTS = {1: 2, 2: 2, 3: 3, 4: 3, 5: 3, **{age: 5 for age in range(6, 17)}, 17: 3, 18: 2}


def units() -> list[dict]:
    result = []
    for number, _name, slug, _children in MUNICIPALITIES:
        for kind, kind_slug in KINDS:
            unit = {"id": f"{slug}-{kind_slug}", "municipality": number, "kind": kind}
            if unit["id"] != NO_RESPONSIBLE_ROLE:
                unit["child_responsible"] = "barneansvarlig"
            result.append(unit)
        if number == NO_CONTACT[0]:
            result.append({"id": NO_CONTACT[1], "municipality": number, "kind": NO_CONTACT[2],
                           "child_responsible": "barneansvarlig"})
    return result


def day_between(rng: random.Random, first: datetime.date, last: datetime.date) -> datetime.date:
    return first + datetime.timedelta(days=rng.randrange(0, (last - first).days + 1))


def child(rng: random.Random, number: str, slug: str) -> dict:
    age = rng.choices(list(AGE_WEIGHTS), weights=list(AGE_WEIGHTS.values()))[0]
    birth_year = 2027 - age
    # Identified no earlier than the year after the child was born.
    identified_on = day_between(rng, max(FIRST_IDENTIFIED, datetime.date(birth_year + 1, 1, 1)),
                                LAST_IDENTIFIED)
    next_of_kin_to = rng.choices(["parent", "sibling", "other_close_person"], weights=[75, 15, 10])[0]
    illness = rng.choices(["mental_illness", "substance_use", "serious_somatic_illness"],
                          weights=[45, 20, 35])[0]

    # Who identified the child: the kindergarten or the school by the child's age then, or the
    # health services (the parent's mental health and substance use service, the health station).
    age_then = identified_on.year - birth_year
    if slug == "etnedal" and illness == "serious_somatic_illness" and rng.random() < 0.35:
        identified_by = NO_CONTACT[1]
    elif rng.random() < 0.25:
        identified_by = f"{slug}-psykisk-helse-og-rus" if illness != "serious_somatic_illness" \
            else f"{slug}-helsestasjon"
    else:
        identified_by = f"{slug}-barnehage" if age_then <= 5 else f"{slug}-skole"

    # The responsible unit: mostly the identifying one; sometimes the health station takes over;
    # for about 3% none is named yet.
    draw = rng.random()
    if draw < 0.03:
        responsible_unit = None
    elif draw < 0.85 or identified_by == f"{slug}-helsestasjon":
        responsible_unit = identified_by
    else:
        responsible_unit = f"{slug}-helsestasjon"

    consent = None
    if rng.random() < 0.90:
        consent_date = min(identified_on + datetime.timedelta(days=rng.randrange(0, 31)), LAST_OFFER)
        consent = {"role": rng.choices(["mother", "father", "guardian"], weights=[6, 3, 1])[0],
                   "date": consent_date.isoformat()}

    offers = []
    by = responsible_unit or identified_by
    if rng.random() >= 0.05:  # about 5% were offered nothing
        after_consent = datetime.date.fromisoformat(consent["date"]) if consent else identified_on
        if rng.random() < 0.89:
            offers.append(("conversation", day_between(rng, identified_on,
                                                       min(identified_on + datetime.timedelta(days=60),
                                                           LAST_OFFER))))
        if consent and rng.random() < 0.67:
            offers.append(("school_information", day_between(
                rng, after_consent, min(after_consent + datetime.timedelta(days=90), LAST_OFFER))))
        if consent and age <= 16 and rng.random() < 0.62:
            date = day_between(rng, after_consent,
                               min(after_consent + datetime.timedelta(days=120), LAST_OFFER))
            if 6 <= date.year - birth_year <= 16:  # Treffpunkt is for ages 6-16 (V4), then and now
                offers.append(("treffpunkt", date))
        if rng.random() < 0.20:
            # A referral is made with or without a consent: one without is on the follow-up lists.
            offers.append(("referral", day_between(
                rng, after_consent, min(after_consent + datetime.timedelta(days=120), LAST_OFFER))))
        if not offers:
            offers.append(("conversation", day_between(rng, identified_on,
                                                       min(identified_on + datetime.timedelta(days=30),
                                                           LAST_OFFER))))
    offers.sort(key=lambda offer: offer[1])

    # The next follow-up: about 10% overdue on TODAY, about 12% due within 14 days, the rest later.
    draw = rng.random()
    if draw < 0.10:
        next_follow_up = day_between(rng, max(identified_on, datetime.date(2026, 11, 1)),
                                     TODAY - datetime.timedelta(days=1))
    elif draw < 0.22:
        next_follow_up = day_between(rng, TODAY, TODAY + datetime.timedelta(days=13))
    else:
        next_follow_up = day_between(rng, TODAY + datetime.timedelta(days=20), LAST_FOLLOW_UP)

    record = {"birth_year": birth_year, "municipality": number, "identified_by": identified_by,
              "identified_on": identified_on.isoformat(), "next_of_kin_to": next_of_kin_to,
              "illness": illness}
    if responsible_unit:
        record["responsible_unit"] = responsible_unit
    if consent:
        record["consent"] = consent
    record["offers"] = [{"kind": kind, "date": date.isoformat(), "unit": by} for kind, date in offers]
    record["next_follow_up"] = next_follow_up.isoformat()
    return record


def close_some(children: list[dict]) -> None:
    """Closes the follow-up of about one child in 25 (moved away, grown up, needs no more): a day
    after the identification and before TODAY. A generator of its own, so that closing changes no
    other value of the register."""
    rng = random.Random(SEED + 1)
    for record in children:
        if rng.random() < 0.04:
            identified = datetime.date.fromisoformat(record["identified_on"])
            if identified + datetime.timedelta(days=30) < TODAY:
                record["closed_on"] = day_between(rng, identified + datetime.timedelta(days=30),
                                                  TODAY - datetime.timedelta(days=1)).isoformat()


def register(rng: random.Random) -> dict:
    children = [child(rng, number, slug)
                for number, _name, slug, count in MUNICIPALITIES for _ in range(count)]
    # The ids are given in the order the children were identified, so they say nothing of where
    # a child lives.
    children.sort(key=lambda record: (record["identified_on"], record["municipality"]))
    children = [{"id": f"c-{index:04d}", **record} for index, record in enumerate(children, start=1)]
    close_some(children)
    return {"$schema": "../../docs/schemas/followup.schema.json", "region": "valdres",
            "units": units(), "children": children}


def write_json(path: pathlib.Path, document: dict) -> None:
    """Writes the document with one unit and one child a line, so that the file reads as a list."""
    def line(value: dict) -> str:
        return json.dumps(value, ensure_ascii=False)

    parts = ["{"]
    parts.append(f'  "$schema": {line(document["$schema"])},')
    parts.append(f'  "region": {line(document["region"])},')
    parts.append('  "units": [')
    parts.append(",\n".join(f"    {line(unit)}" for unit in document["units"]))
    parts.append("  ],")
    parts.append('  "children": [')
    parts.append(",\n".join(f"    {line(record)}" for record in document["children"]))
    parts.append("  ]")
    parts.append("}")
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")


def main() -> None:
    rng = random.Random(SEED)
    write_json(HERE / "register.json", register(rng))


if __name__ == "__main__":
    main()
