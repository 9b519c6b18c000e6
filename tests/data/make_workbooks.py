"""Makes the small .xlsx workbooks the tests read (tests/data/xlsx/, tests/fuzz/corpus/,
tests/bad_inputs/). Run with Debian's Python, which has python3-openpyxl:

    /usr/bin/python3 tests/data/make_workbooks.py

Two kinds: workbooks written by openpyxl (as a spreadsheet program would), and workbooks written
part by part with zipfile, for what openpyxl never writes (inline strings, rich text with
phonetic hints, the 1904 date system, cells without references, built-in date formats without a
numFmts table). The outputs are committed; this script says how they were made.
"""

from __future__ import annotations

import datetime
import pathlib
import zipfile

import openpyxl

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[1]
FIXED_TIME = datetime.datetime(2024, 1, 1, 12, 0, 0)


def save(workbook: openpyxl.Workbook, path: pathlib.Path) -> None:
    """Saves with fixed document times (the zip entries still carry the time of making)."""
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)


def openpyxl_types(path: pathlib.Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Ark1"
    sheet.append(["tekst", 4, 4.5, True, datetime.date(2019, 11, 5),
                  datetime.datetime(2019, 11, 5, 14, 30), 43774])
    sheet["E1"].number_format = "yyyy-mm-dd"
    sheet["G1"].number_format = "dd.mm.yyyy"
    sheet["A3"] = "etter en tom rad"
    sheet["C3"] = False
    second = workbook.create_sheet("Svar")
    second["A1"] = "andre ark"
    save(workbook, path)


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
</Types>"""

PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""

WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/>
</Relationships>"""


def handmade(path: pathlib.Path, *, date1904: bool, sheet_xml: str, shared: str = "",
             styles: str = "") -> None:
    """A workbook of one sheet "Data", written part by part."""
    workbook = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<x:workbookPr date1904="{1 if date1904 else 0}"/>
<x:sheets><x:sheet name="Data" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>"""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        if shared:
            archive.writestr("xl/sharedStrings.xml", shared)
        if styles:
            archive.writestr("xl/styles.xml", styles)


MAIN = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'

HANDMADE_SHARED = f"""<?xml version="1.0" encoding="UTF-8"?>
<x:sst {MAIN} count="2" uniqueCount="2">
<x:si><x:t>Svært bra</x:t></x:si>
<x:si><x:r><x:t>rik </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>tekst</x:t></x:r><x:rPh><x:t>hint</x:t></x:rPh></x:si>
</x:sst>"""

# Style 0 plain, 1 the built-in date format 14, 2 a custom "d. mmmm yyyy" (id 164), 3 a custom
# number format with text in quotes and an escaped letter ("0 \\d" reads as a number).
HANDMADE_STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<x:styleSheet {MAIN}>
<x:numFmts count="2"><x:numFmt numFmtId="164" formatCode="[$-414]d\\.\\ mmmm\\ yyyy;@"/>
<x:numFmt numFmtId="165" formatCode="0&quot; dager&quot;"/></x:numFmts>
<x:cellStyleXfs count="1"><x:xf numFmtId="14"/></x:cellStyleXfs>
<x:cellXfs count="4"><x:xf numFmtId="0"/><x:xf numFmtId="14"/><x:xf numFmtId="164"/><x:xf numFmtId="165"/></x:cellXfs>
</x:styleSheet>"""

HANDMADE_SHEET = f"""<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet {MAIN}><x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>inline</x:t></x:is></x:c></x:row>
<x:row r="2"><x:c s="1"><x:v>1</x:v></x:c><x:c s="2"><x:v>42000</x:v></x:c><x:c s="3"><x:v>7</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>formel</x:v></x:c></x:row>
<x:row r="4"><x:c r="C4" t="e"><x:v>#N/A</x:v></x:c><x:c r="D4" t="inlineStr"><x:is><x:t></x:t></x:is></x:c></x:row>
</x:sheetData></x:worksheet>"""


def school_days(path: pathlib.Path) -> None:
    """The open-data calendar of examples/calendars/ as a spreadsheet would save it: real dates
    in a date format, Ja/Nei as text, a sheet named "Skoledager"."""
    import csv
    source = REPO / "examples" / "calendars" / "skoledager-2019-2020.csv"
    with source.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Skoledager"
    sheet.append(rows[0])
    for row in rows[1:]:
        day, month, year = (int(part) for part in row[0].split("."))
        sheet.append([datetime.date(year, month, day), *row[1:]])
        sheet.cell(row=sheet.max_row, column=1).number_format = "dd.mm.yyyy"
    save(workbook, path)


def bad_school_days(folder: pathlib.Path) -> None:
    """Bad inputs of tests/bad_inputs/school-days/: a cell that is not Ja/Nei, and a damaged zip."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Skoledager"
    sheet.append(["Dato", "Skole", "Elevdag", "Lærerdag", "SFOdag", "Kommentar"])
    sheet.append([datetime.date(2019, 11, 4), "Byskogen skole", "Ja", "Ja", "Ja", None])
    sheet.append([datetime.date(2019, 11, 5), "Byskogen skole", 3, "Ja", "Ja", None])
    save(workbook, folder / "cell-not-ja-nei.xlsx")
    (folder / "damaged-zip.xlsx").write_bytes(b"PK\x03\x04" + bytes(range(60)))


# The pilot's answers (examples/sandefjord_pilot/evaluation.csv) as survey tools export them.
PILOT_ANSWERS = [
    (4, 3, 5, 4, True, "Tidspunktet var bra, men jeg måtte gå litt tidligere fra jobb."),
    (5, 4, 4, 5, True, ""),
    (4, 3, 5, 4, True, "Lengden var grei; vi spiste og snakket samtidig."),
    (4, 3, 5, 5, True, "Fint å få et ansikt og et navn i kommunen å kontakte etterpå."),
    (3, 4, 4, 4, True, "Godt og enkelt med pizza."),
    (5, 3, 5, 4, True, "Dette er absolutt noe også andre bør delta på."),
    (4, 2, 4, 5, True, "Godt med ledet refleksjon.\nViktig at det ikke blir et «sutremøte»."),
    (4, 3, 5, 4, True, ""),
    (5, 4, 5, 5, True, "Legg gjerne til rette for en egen «pappasamling»."),
]


def survey_exports(folder: pathlib.Path) -> dict[str, list[list]]:
    """Microsoft Forms (Norwegian headers, numbered questions, identity columns with names),
    Nettskjema (English question texts, Likert anchors as labels) and REDCap (record ids,
    variable names, *_timestamp and *_complete)."""
    start = datetime.datetime(2020, 3, 2, 9, 0)
    forms = [["ID", "Starttidspunkt", "Fullføringstidspunkt", "E-post", "Navn",
              "Tidspunkt for siste endring",
              "1. Tidspunkt for samlingen, dvs klokkeslett", "2. Lengde på samlingen",
              "3. innledning - ansatte som fortalte om et gitt tema",
              "4. Bevertning (pizza og mineralvann)",
              "5. Vil du anbefale andre til å melde seg på et slikt kurs hvis det ble tilbudt?",
              "6. Annet"]]
    nettskjema = [["$submission_id", "$created", "$answer_time_ms",
                   "Time of the session (time of day)", "Length of the session",
                   "Introduction: a staff member presenting a topic",
                   "Catering (pizza and soft drinks)",
                   "Would you recommend others to sign up for such a course if it were offered?",
                   "Other comments"]]
    redcap = [["record_id", "redcap_survey_identifier", "evaluering_timestamp",
               "q1", "q2", "q3", "q4", "q5", "q6", "evaluering_complete"]]
    labels = {1: "Not good", 5: "Best possible"}
    for n, (q1, q2, q3, q4, q5, q6) in enumerate(PILOT_ANSWERS, start=1):
        when = start + datetime.timedelta(hours=n)
        forms.append([n, when, when + datetime.timedelta(minutes=4), f"forelder{n}@example.no",
                      f"Forelder Nummer{n}", when, q1, q2, q3, q4, "Ja" if q5 else "Nei", q6 or None])
        nettskjema.append([1000 + n, when, 241000 + n] +
                          [labels.get(q, q) for q in (q1, q2, q3, q4)] + ["Yes" if q5 else "No", q6 or None])
        redcap.append([n, f"forelder{n}@example.no", when, q1, q2, q3, q4, 1 if q5 else 0, q6 or None, 2])
    tables = {"ms-forms-nb": forms, "nettskjema": nettskjema, "redcap": redcap}
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.title = "Sheet1" if name != "ms-forms-nb" else "Ark1"
        for row in rows:
            sheet.append(row)
        save(workbook, folder / f"{name}.xlsx")
        import csv
        with (folder / f"{name}.csv").open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";" if name == "ms-forms-nb" else ",")
            for row in rows:
                writer.writerow(["" if v is None else v.strftime("%Y-%m-%d %H:%M") if isinstance(v, datetime.datetime)
                                 else v for v in row])
    return tables


def bad_responses(folder: pathlib.Path) -> None:
    """Bad inputs of tests/bad_inputs/evaluation-responses/: a cell that is not its item's value,
    and a workbook whose question the form does not have."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Ark1"
    sheet.append(["ID", "Navn", "1. Tidspunkt for samlingen, dvs klokkeslett", "2. Lengde på samlingen"])
    sheet.append([1, "Kari Nordmann", 4, 3])
    sheet.append([2, "Ola Nordmann", 5, 9])
    save(workbook, folder / "answer-out-of-range.xlsx")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Skjema1"
    sheet.append(["Starttidspunkt", "Hvordan var maten?"])
    sheet.append([datetime.datetime(2020, 3, 2, 10, 0), 4])
    save(workbook, folder / "unknown-question.xlsx")


def main() -> None:
    data = HERE / "xlsx"
    openpyxl_types(data / "openpyxl-types.xlsx")
    handmade(data / "handmade-1904.xlsx", date1904=True, sheet_xml=HANDMADE_SHEET,
             shared=HANDMADE_SHARED, styles=HANDMADE_STYLES)
    handmade(data / "handmade-1900.xlsx", date1904=False, sheet_xml=HANDMADE_SHEET,
             shared=HANDMADE_SHARED, styles=HANDMADE_STYLES)
    school_days(REPO / "tests" / "fuzz" / "corpus" / "school-days" / "open-data.xlsx")
    bad_school_days(REPO / "tests" / "bad_inputs" / "school-days")
    survey_exports(HERE / "surveys")
    bad_responses(REPO / "tests" / "bad_inputs" / "evaluation-responses")
    import shutil
    shutil.copy(HERE / "surveys" / "ms-forms-nb.xlsx",
                REPO / "tests" / "fuzz" / "corpus" / "evaluation-responses" / "ms-forms-nb.xlsx")


if __name__ == "__main__":
    main()
