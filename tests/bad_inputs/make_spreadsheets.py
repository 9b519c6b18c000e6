"""Writes the bad spreadsheets of tests/bad_inputs/group/ and waitlist/ from the examples' filled
templates, each with one cell made wrong, as a coordinator might.

    /usr/bin/python3 tests/bad_inputs/make_spreadsheets.py
"""

import pathlib

import openpyxl

REPO = pathlib.Path(__file__).resolve().parents[2]
HERE = pathlib.Path(__file__).resolve().parent


def changed(source: str, target: str, change) -> None:
    book = openpyxl.load_workbook(REPO / source)
    change(book)
    book.save(HERE / target)


def column(sheet, header: str) -> int:
    return [cell.value for cell in sheet[1]].index(header) + 1


def pickup_unknown(book):
    book["households"].cell(row=5, column=column(book["households"], "school"), value="fagernes skule")


def no_places(book):
    del book["places"]


def venue_maybe(book):
    book["places"].cell(row=3, column=column(book["places"], "venue"), value="kanskje")


def setting_unknown(book):
    book["settings"].cell(row=2, column=1, value="gruppe")


def grade_in_kindergarten(book):
    sheet = book["households"]
    sheet.cell(row=3, column=column(sheet, "child_1_stage"), value="kindergarten")


changed("examples/valdres_groups/waitlist.xlsx", "waitlist/pickup-place-unknown-in-a-workbook.xlsx", pickup_unknown)
changed("examples/valdres_groups/waitlist.xlsx", "waitlist/no-places-sheet-in-a-workbook.xlsx", no_places)
changed("examples/valdres_groups/waitlist.xlsx", "waitlist/venue-neither-true-nor-false.xlsx", venue_maybe)
changed("examples/sandefjord_pilot/group.xlsx", "group/setting-unknown-in-a-workbook.xlsx", setting_unknown)
changed("examples/sandefjord_pilot/group.xlsx", "group/grade-beside-kindergarten-in-a-workbook.xlsx",
        grade_in_kindergarten)
