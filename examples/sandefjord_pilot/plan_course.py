"""Plans the Sandefjord pilot course from Python and prints it readably.

The pilot (DOMAIN S-4.5, S-5.0): 5 sessions every 4 weeks from November 2019, 15:00-16:30, the
after-school programme closing 16:30 at the school itself. Run from the repository's top folder:

    PYTHONPATH=build/python /usr/bin/python3 examples/sandefjord_pilot/plan_course.py
"""

import pathlib

import paarorende

HERE = pathlib.Path(__file__).resolve().parent


def main() -> None:
    request = paarorende.CourseRequest.load(HERE / "course.json")
    schedule = paarorende.plan_course(request)

    print(f"{request.title} ({request.municipality}), latest start "
          f"{paarorende.latest_start(request):%H:%M} (DOMAIN C3)")
    for session in schedule.sessions:
        line = (f"{session.number}  {session.start:%a %d.%m.%Y}  "
                f"{session.start:%H:%M}-{session.end:%H:%M} {session.start.tzname()}")
        if session.moved_from is not None:
            line += f"  moved from {session.moved_from:%d.%m.%Y} ({session.move_reason.name})"
        print(line)
    for finding in schedule.findings:
        print(f"  {finding.severity.name} [{finding.rule}] {finding.message}")

    problems = paarorende.validate(schedule)
    errors = [v for v in problems if v.severity == paarorende.Severity.error]
    print(f"validate(): {len(errors)} errors, {len(problems) - len(errors)} other findings")


if __name__ == "__main__":
    main()
