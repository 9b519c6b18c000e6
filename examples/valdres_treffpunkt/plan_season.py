"""Plans the winter season of Treffpunkt Valdres with its volunteer roster (DOMAIN V4, X5).

Run from the repository root after building the Python module:

    PYTHONPATH=build/python /usr/bin/python3 examples/valdres_treffpunkt/plan_season.py
"""

from __future__ import annotations

import pathlib

import paarorende

HERE = pathlib.Path(__file__).resolve().parent


def main() -> None:
    request = paarorende.SeasonRequest.load(HERE / "season.json")
    season = paarorende.plan_season(request)
    print(f"{request.title}: {len(season.meetings)} meetings at {request.venue.name}")
    for meeting in season.meetings:
        bands = ", ".join(
            f"{g.band.min_age}-{g.band.max_age}: {g.children} children" for g in meeting.groups
        )
        shift = season.roster.shifts[meeting.number - 1]
        print(f"  {meeting.start:%a %d %b %H:%M}  {bands}  volunteers {', '.join(shift.volunteers)}")
    for skipped in season.skipped:
        print(f"  no meeting {skipped.date}: {skipped.reason.name}")
    shortfalls = paarorende.shortfalls(season.roster)
    print(f"shortfalls: {len(shortfalls)}")
    for finding in season.findings:
        if finding.severity != paarorende.Severity.info:
            print(f"  [{finding.rule}] {finding.message}")


if __name__ == "__main__":
    main()
