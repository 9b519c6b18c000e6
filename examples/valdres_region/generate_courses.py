#!/usr/bin/python3
"""Writes examples/valdres_region/courses/: synthetic course folders of the six Valdres
municipalities, for `paarorende region-report` (docs/suppression.md). No row describes a real
family: households are pseudonyms, attendance and answers are drawn from a seeded generator.

One folder per municipality, one folder per course in it, as a learning and coping centre keeps
them: course.json (the course request, which names the municipality and the first date),
attendance.json (who came to which session, DOMAIN G5) and evaluation.csv (the pilot's form, E1,
as a survey tool exports it, with ';' and ja/nei). Run: /usr/bin/python3 generate_courses.py
"""

from __future__ import annotations

import json
import pathlib
import random
import shutil

SEED = 2026
HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "courses"

# Municipality number, name, courses held: (first date, households).
MUNICIPALITIES = [
    ("3449", "Sør-Aurdal", [("2019-09-03", 6), ("2020-02-04", 3)]),
    ("3450", "Etnedal", [("2019-10-01", 2)]),
    ("3451", "Nord-Aurdal", [("2019-08-27", 8), ("2020-01-14", 7), ("2020-03-03", 4)]),
    ("3452", "Vestre Slidre", [("2020-01-21", 4)]),
    ("3453", "Øystre Slidre", [("2019-09-10", 5), ("2020-02-11", 6)]),
    ("3454", "Vang", [("2019-11-05", 3)]),
]
SESSIONS = 5


def course(rng: random.Random, number: str, name: str, first_date: str, households: int, index: int) -> dict:
    request = {
        "title": f"Mestringskurs for foreldre, {name}",
        "municipality": number,
        "first_date": first_date,
        "sessions": SESSIONS,
        "cadence_weeks": 4,
        "care_closes": "16:30",
        "venue": {"name": f"Kommunehuset i {name}"},
    }
    records = []
    rows = []
    for h in range(1, households + 1):
        caregivers = 2 if rng.random() < 0.75 else 1
        attend = rng.choice([0.6, 0.8, 0.9])
        for session in range(1, SESSIONS + 1):
            present = sum(1 for _ in range(caregivers) if rng.random() < attend)
            records.append({"household": f"h{index}{h:02d}", "session": session, "present": present,
                            "caregivers": caregivers})
        for _ in range(caregivers):
            if rng.random() < 0.8:  # most participants answer the form
                likert = [str(rng.choice([3, 4, 4, 5, 5])) for _ in range(4)]
                rows.append(";".join(likert + ["ja" if rng.random() < 0.85 else "nei", ""]))
    return {
        "course.json": json.dumps(request, ensure_ascii=False, indent=2) + "\n",
        "attendance.json": json.dumps({"records": records}, indent=2) + "\n",
        "evaluation.csv": "q1;q2;q3;q4;q5;q6\n" + "\n".join(rows) + "\n",
    }


def main() -> None:
    rng = random.Random(SEED)
    if OUT.exists():
        shutil.rmtree(OUT)
    index = 0
    for number, name, courses in MUNICIPALITIES:
        for first_date, households in courses:
            index += 1
            folder = OUT / number / f"kurs-{first_date}"
            folder.mkdir(parents=True)
            for file, text in course(rng, number, name, first_date, households, index).items():
                (folder / file).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
