#!/usr/bin/python3
"""Generate the synthetic Valdres waitlist (examples/valdres_groups/waitlist.json).

A made-up waitlist for a parents' coping course shared by the six Valdres municipalities
(DOMAIN V1, G8): no row describes a real family. Households carry pseudonymous ids only
(DOMAIN X4). Run with the system Python, standard library only:

    /usr/bin/python3 examples/valdres_groups/generate_waitlist.py > examples/valdres_groups/waitlist.json

The same seed gives the same file. Where the numbers come from:

* Municipalities, numbers and administrative centres: Sør-Aurdal 3449 (Bagn), Etnedal 3450
  (Bruflat), Nord-Aurdal 3451 (Fagernes), Vestre Slidre 3452 (Slidre), Øystre Slidre 3453
  (Heggenes), Vang 3454 (Vang/Grindaheim), Innlandet county. Coordinates are approximate
  (about 1 km) centres of those villages and of the other school villages named below.
* Populations: Statistics Norway (SSB), municipal population 1 January 2024 (table 07459),
  rounded to the nearest hundred.
* Children: about 21% of the population is 0-17 years old (SSB, Valdres is somewhat older than
  the country; 21% is a round figure, not a measurement).
* How many families wait for a course: 1.5 per 100 children. An assumption: life-limiting
  conditions alone affect about 0.66 per 100 children (Fraser et al. 2020, Palliative Medicine
  34(3), 66.4 per 10,000 in England 2017/18); serious illness, severe disability and mainly
  behavioural difficulties add to that, and not every family wants a course.
* Conditions (DOMAIN G1, G2): severe disability 40%, serious illness 20%, life-limiting 12%,
  life-threatening 10%, mainly behavioural 18%. Assumptions for the example, not statistics.
* Stage of the child: by the years each stage covers, ages 1-5 kindergarten, 6-12 primary, 13-15
  lower secondary, 16-18 upper secondary (5:7:3:3), the same shares as the library's synthetic
  waitlist (docs/formation.md).
* Couples: three households in four enrol two caregivers (about 3 in 4 Norwegian children live
  with both parents, SSB "Barn og foreldre"); single caregivers are mothers 7 times in 10.
* Rare diagnoses (DOMAIN G8): 15% of the children who are not mainly behavioural have one of
  four made-up ORPHA-like codes. Rare diseases together affect 3.5-5.9% of people
  (Nguengang Wakap et al. 2020, Eur J Hum Genet 28:165); among seriously ill and disabled
  children the share is far higher. Four codes keep peers possible in a small region.
"""

import json
import random
import sys

SEED = 2026

# id, number, name, population (SSB 2024, rounded), places: (slug, latitude, longitude)
MUNICIPALITIES = [
    ("3449", "Sør-Aurdal", 2900, [("bagn_skule", 60.817, 9.561), ("hedalen_skule", 60.618, 9.705)]),
    ("3450", "Etnedal", 1300, [("etnedal_skule", 60.885, 9.623)]),
    ("3451", "Nord-Aurdal", 6400, [("fagernes_skule", 60.986, 9.233), ("aurdal_skule", 60.928, 9.400),
                                   ("leira_skule", 60.968, 9.297)]),
    ("3452", "Vestre Slidre", 2100, [("slidre_skule", 61.086, 9.025)]),
    ("3453", "Øystre Slidre", 3300, [("heggenes_skule", 61.155, 9.068), ("beitostolen_skule", 61.246, 8.909)]),
    ("3454", "Vang", 1600, [("vang_skule", 61.126, 8.568)]),
]

CHILD_SHARE = 0.21
WAITING_PER_CHILD = 0.015
CONDITIONS = [("severe_disability", 0.40), ("serious_illness", 0.20), ("life_limiting", 0.12),
              ("life_threatening", 0.10), ("mainly_behavioural", 0.18)]
STAGES = [("kindergarten", 5), ("primary", 7), ("lower_secondary", 3), ("upper_secondary", 3)]
GRADES = {"primary": (1, 7), "lower_secondary": (8, 10), "upper_secondary": (11, 13)}
COUPLES = 0.75
RARE_SHARE = 0.15
RARE_CODES = ["ORPHA:90001", "ORPHA:90002", "ORPHA:90003", "ORPHA:90004"]


def pick(rng, shares):
    total = sum(weight for _, weight in shares)
    u = rng.random() * total
    for value, weight in shares:
        if u < weight:
            return value
        u -= weight
    return shares[-1][0]


def household(rng, number, municipality, place):
    stage = pick(rng, STAGES)
    condition = pick(rng, CONDITIONS)
    child = {"stage": stage}
    if stage in GRADES:
        child["grade"] = rng.randint(*GRADES[stage])
    child["condition"] = condition
    if condition != "mainly_behavioural" and rng.random() < RARE_SHARE:
        child["rare_diagnosis"] = rng.choice(RARE_CODES)
    if rng.random() < COUPLES:
        caregivers = [{"role": "mother"}, {"role": "father"}]
    else:
        caregivers = [{"role": "mother" if rng.random() < 0.7 else "father"}]
    return {
        "id": "v%03d" % number,
        "municipality": municipality,
        "school": place,
        "care_closes": "16:30",
        "caregivers": caregivers,
        "children": [child],
    }


def waitlist(seed=SEED):
    rng = random.Random(seed)
    places, households = [], []
    for number, _name, population, municipality_places in MUNICIPALITIES:
        for slug, latitude, longitude in municipality_places:
            places.append({"id": slug, "municipality": number, "latitude": latitude,
                           "longitude": longitude, "venue": True})
        waiting = round(population * CHILD_SHARE * WAITING_PER_CHILD)
        for _ in range(waiting):
            place = rng.choice(municipality_places)[0]
            households.append(household(rng, len(households) + 1, number, place))
    return {
        "$schema": "../../docs/schemas/waitlist.schema.json",
        "id": "valdres-waitlist",
        "note": "Synthetic: generated by generate_waitlist.py (seed %d); no row describes a real family." % seed,
        # The built-in region (V1): its shared_waitlist (true) lets the six municipalities form together.
        "region": "valdres",
        "formation": {"target_participants": 12, "seed": 1},
        # DOMAIN C8: a warning beyond a short drive, no group beyond an hour.
        "travel": {"warn_minutes": 15, "max_minutes": 60},
        "places": places,
        "households": households,
    }


if __name__ == "__main__":
    json.dump(waitlist(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
