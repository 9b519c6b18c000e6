"""Fills a paarorende spreadsheet template with a JSON document, as a coordinator would by hand.

    /usr/bin/python3 examples/spreadsheets/fill_template.py KIND DOCUMENT.json OUT.xlsx [--lang nb|nn|en]

KIND is waitlist, group or attendance. The template is written by `paarorende template` (the
built command line: $PAARORENDE_BUILD_DIR/paarorende, or build/paarorende), then filled with
openpyxl: one row per household (or attendance record), lists in numbered columns (child_1_stage,
child_2_stage, ..., added when a household has more than the template's two), times of day and
dates as the spreadsheet's own time and date cells, places and travel times on their sheets and
the settings in their rows. Read back, the workbook is the same document as its JSON twin
(tests/python/test_spreadsheets.py checks that). The examples' filled workbooks
(examples/valdres_groups/waitlist.xlsx, examples/sandefjord_pilot/group.xlsx and attendance.xlsx)
are made with it; docs/spreadsheets.md tells the layouts.
"""

import datetime
import json
import os
import pathlib
import subprocess
import sys
import tempfile

import openpyxl

REPO = pathlib.Path(__file__).resolve().parents[2]

# Where each setting of the settings sheet is in the JSON document.
SETTINGS = {
    "id": ("id",),
    "region": ("region",),
    "target_participants": ("formation", "target_participants"),
    "seed": ("formation", "seed"),
    "waiting_as_of": ("formation", "waiting_as_of"),
    "warn_minutes": ("travel", "warn_minutes"),
    "max_minutes": ("travel", "max_minutes"),
    "format": ("format",),
    "venue": ("venue",),
}


def write_template(kind: str, path: pathlib.Path, language: str) -> None:
    build = pathlib.Path(os.environ.get("PAARORENDE_BUILD_DIR", REPO / "build"))
    subprocess.run([str(build / "paarorende"), "template", kind, str(path), "--lang", language],
                   check=True, capture_output=True)


def column_of(sheet, header: str) -> int:
    """The column (1-based) headed `header`, added at the end when the template lacks it."""
    for cell in sheet[1]:
        if cell.value == header:
            return cell.column
    column = sheet.max_column + 1
    sheet.cell(row=1, column=column, value=header)
    return column


def cell_value(key: str, value):
    """A JSON value as a spreadsheet user types it: times and dates as time and date cells."""
    if key == "care_closes":
        hours, minutes = value.split(":")
        return datetime.time(int(hours), int(minutes))
    if key in ("waiting_since", "birth_date", "waiting_as_of") and isinstance(value, str):
        return datetime.date.fromisoformat(value)
    return value


def fill_rows(sheet, rows: list[dict]) -> None:
    for r, row in enumerate(rows, start=2):
        for key, value in row.items():
            sheet.cell(row=r, column=column_of(sheet, key), value=cell_value(key, value))


def household_row(household: dict) -> dict:
    row = {key: household[key] for key in ("id", "municipality", "school", "care_closes", "waiting_since")
           if key in household}
    for n, caregiver in enumerate(household.get("caregivers", []), start=1):
        row[f"caregiver_{n}"] = caregiver["role"]
    for n, child in enumerate(household.get("children", []), start=1):
        for key, value in child.items():
            row[f"child_{n}_{key}"] = value
    for n, sibling in enumerate(household.get("siblings", []), start=1):
        for key, value in sibling.items():
            row[f"sibling_{n}_{key}"] = value
    return row


def fill_settings(sheet, document: dict) -> None:
    for row in range(2, sheet.max_row + 1):
        name = sheet.cell(row=row, column=1).value
        value = document
        for key in SETTINGS.get(name, ("?",)):
            value = value.get(key) if isinstance(value, dict) else None
        if value is not None:
            sheet.cell(row=row, column=2, value=cell_value(name, value))


def fill(kind: str, document: dict, out: pathlib.Path, language: str = "nb") -> None:
    with tempfile.TemporaryDirectory() as folder:
        template = pathlib.Path(folder) / "template.xlsx"
        write_template(kind, template, language)
        book = openpyxl.load_workbook(template)
    if kind == "attendance":
        fill_rows(book["records"], document["records"])
    else:
        households = [household_row(h) for h in document["households"]]
        sheet = book["households"]
        for r, row in enumerate(households, start=2):
            for key, value in row.items():
                field = key if not key.startswith(("child_", "sibling_")) else key.split("_", 2)[2]
                sheet.cell(row=r, column=column_of(sheet, key), value=cell_value(field, value))
        fill_rows(book["places"], document.get("places", []))
        fill_rows(book["travel_times"], document.get("travel_times", []))
        fill_settings(book["settings"], document)
    book.save(out)


def main(argv: list[str]) -> int:
    if len(argv) not in (3, 5) or argv[0] not in ("waitlist", "group", "attendance"):
        print(__doc__, file=sys.stderr)
        return 2
    language = argv[4] if len(argv) == 5 else "nb"
    document = json.loads(pathlib.Path(argv[1]).read_text(encoding="utf-8"))
    fill(argv[0], document, pathlib.Path(argv[2]), language)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
