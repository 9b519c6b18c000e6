"""Makes the XLSForm workbooks that `paarorende form-import` is tested with (io/form_import.hpp;
docs/evaluation.md, "Importing a form from REDCap or XLSForm"). Run with Debian's Python, which
has python3-openpyxl:

    /usr/bin/python3 tests/data/forms/make_xlsforms.py

It writes:
- tests/data/forms/sandefjord-pilot-xlsform.xlsx: the pilot's form (q1-q4 Likert 1-5, q5 yes/no,
  q6 free text; examples/sandefjord_pilot/evaluation-form.json) as an XLSForm in bokmål, English
  and nynorsk, with questions that cannot be imported: start (metadata), a calculation, a photo,
  a question shown only if q5 is no, several choices (select_multiple) and a ranking (rank,
  XLSForm's nearest to a REDCap matrix; its own matrix layout, a table-list group, is q1-q4's
  and imports);
- tests/fuzz/corpus/xlsform/: that form, a small one and one of list names in mixed case, the
  fuzzer's seeds;
- tests/bad_inputs/xlsform/: workbooks that are refused, each beside its .expected.json.

The outputs are committed; this script says how they were made.
"""

from __future__ import annotations

import datetime
import pathlib

import openpyxl

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[2]
FIXED_TIME = datetime.datetime(2024, 1, 1, 12, 0, 0)

SURVEY_HEADER = ["type", "name", "label::Norsk bokmål (nb)", "label::English (en)",
                 "label::Nynorsk (nn)", "relevant", "calculation", "appearance"]
CHOICES_HEADER = ["list_name", "name", "label::Norsk bokmål (nb)", "label::English (en)",
                  "label::Nynorsk (nn)"]

PILOT_SURVEY = [
    ["start", "start"],
    ["begin_group", "samlingene", "Hvor fornøyd var du med samlingene?",
     "How satisfied were you with the sessions?", "Kor nøgd var du med samlingane?", None, None,
     "table-list"],
    ["select_one likert", "q1", "Tidspunkt for samlingen, dvs. klokkeslett",
     "Time of the session (time of day)", "Tidspunkt for samlinga, dvs. klokkeslett"],
    ["select_one likert", "q2", "Lengde på samlingen", "Length of the session",
     "Lengd på samlinga"],
    ["select_one likert", "q3", "Innledning – ansatte som fortalte om et gitt tema",
     "Introduction: a staff member presenting a topic",
     "Innleiing – tilsette som fortalde om eit gitt tema"],
    ["select_one likert", "q4", "Bevertning (pizza og mineralvann)",
     "Catering (pizza and soft drinks)", "Servering (pizza og mineralvatn)"],
    ["end_group"],
    ["select_one janei", "q5",
     "Vil du anbefale andre å melde seg på et slikt kurs hvis det ble tilbudt?",
     "Would you recommend others to sign up for such a course if it were offered?",
     "Vil du tilrå andre å melde seg på eit slikt kurs om det vart tilbode?"],
    ["text", "q6", "Annet", "Other comments", "Anna"],
    ["calculate", "snitt", None, None, None, None, "(${q1} + ${q2} + ${q3} + ${q4}) div 4"],
    ["image", "bilde", "Last opp et bilde fra samlingen (valgfritt)",
     "Upload a photo from the session (optional)", "Last opp eit bilete frå samlinga (valfritt)"],
    ["text", "q5_hvorfor", "Hvorfor ville du ikke anbefale kurset?",
     "Why would you not recommend the course?", "Kvifor ville du ikkje tilrå kurset?",
     "${q5} = '0'"],
    ["select_multiple kanal", "kanal", "Hvor hørte du om kurset?",
     "Where did you hear about the course?", "Kvar høyrde du om kurset?"],
    ["rank temaer", "rangering", "Ranger temaene (det beste først)",
     "Rank the topics (the best first)", "Ranger temaa (det beste først)"],
]

PILOT_CHOICES = [
    ["likert", 1, "Lite bra", "Not good", "Lite bra"],
    ["likert", 2, "2", "2", "2"],
    ["likert", 3, "3", "3", "3"],
    ["likert", 4, "4", "4", "4"],
    ["likert", 5, "Best mulig", "Best possible", "Best mogleg"],
    ["janei", 1, "Ja", "Yes", "Ja"],
    ["janei", 0, "Nei", "No", "Nei"],
    ["kanal", "skolen", "Skolen", "The school", "Skulen"],
    ["kanal", "helsestasjonen", "Helsestasjonen", "The health centre", "Helsestasjonen"],
    ["kanal", "foreldre", "Andre foreldre", "Other parents", "Andre foreldre"],
    ["temaer", "soevn", "Søvn", "Sleep", "Søvn"],
    ["temaer", "soesken", "Søsken", "Siblings", "Sysken"],
    ["temaer", "rettigheter", "Rettigheter", "Rights", "Rettar"],
]

PILOT_SETTINGS = [["form_title", "form_id", "version", "default_language"],
                  ["Evaluering av kurset «pårørende med krevende omsorgsoppgaver»",
                   "sandefjord-pilot", "2024010101", "Norsk bokmål (nb)"]]


# List names are compared as written (XLSForm's are case-sensitive), the type keyword in any case.
LIST_NAME_CASE = {
    "survey": [["type", "name", "label"], ["select_one Likert5", "tid", "Tidspunkt"],
               ["Select_One JaNei", "anbefale", "Anbefale?"], ["select_one janei", "dag", "Dag"],
               ["select_multiple Kanal", "kanal", "Kanal"]],
    "choices": [["list_name", "name", "label"], ["Likert5", 1, "Lite bra"], ["Likert5", 2, "2"],
                ["Likert5", 3, "Best mulig"], ["JaNei", 1, "Ja"], ["JaNei", 0, "Nei"],
                ["janei", "tir", "Tirsdag"], ["janei", "tor", "Torsdag"], ["Kanal", "skolen", "Skolen"],
                ["Kanal", "annet", "Annet"]]}


def save(workbook: openpyxl.Workbook, path: pathlib.Path) -> None:
    """Saves with fixed document times (the zip entries still carry the time of making)."""
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)


def xlsform(path: pathlib.Path, sheets: dict[str, list[list]]) -> None:
    """A workbook of the sheets given, in order, each a list of rows (the header first)."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    save(workbook, path)


def pilot(survey=PILOT_SURVEY, choices=PILOT_CHOICES) -> dict[str, list[list]]:
    return {"survey": [SURVEY_HEADER, *survey], "choices": [CHOICES_HEADER, *choices],
            "settings": PILOT_SETTINGS}


def main() -> None:
    xlsform(HERE / "sandefjord-pilot-xlsform.xlsx", pilot())
    corpus = REPO / "tests" / "fuzz" / "corpus" / "xlsform"
    xlsform(corpus / "sandefjord-pilot.xlsx", pilot())
    xlsform(corpus / "two-questions.xlsx", {
        "survey": [["type", "name", "label"], ["select_one fem", "tid", "Tidspunkt"],
                   ["text", "annet", "Annet"]],
        "choices": [["list_name", "name", "label"], ["fem", 1, "Lite bra"], ["fem", 2, "2"],
                    ["fem", 3, "Best mulig"]]})
    xlsform(corpus / "list-name-case.xlsx", LIST_NAME_CASE)
    bad = REPO / "tests" / "bad_inputs" / "xlsform"
    xlsform(bad / "no-survey-sheet.xlsx", {"Ark1": [["type", "name", "label"]]})
    xlsform(bad / "missing-name-column.xlsx", {"survey": [["type", "label"], ["text", "Annet"]]})
    xlsform(bad / "missing-choice-list.xlsx",
            pilot(survey=[row if row[:1] != ["select_one janei"] else ["select_one ja_nei", *row[1:]]
                          for row in PILOT_SURVEY]))
    xlsform(bad / "duplicate-name.xlsx", pilot(survey=[*PILOT_SURVEY, ["text", "q6", "Annet igjen"]]))
    xlsform(bad / "unclosed-group.xlsx",
            pilot(survey=[row for row in PILOT_SURVEY if row[:1] != ["end_group"]]))
    xlsform(bad / "duplicate-choice.xlsx", pilot(choices=[*PILOT_CHOICES, ["janei", 1, "Ja"]]))
    xlsform(bad / "list-name-case.xlsx",
            pilot(survey=[row if row[:1] != ["select_one janei"] else ["select_one JaNei", *row[1:]]
                          for row in PILOT_SURVEY]))
    xlsform(bad / "nothing-to-import.xlsx",
            {"survey": [["type", "name", "label"], ["calculate", "snitt", None],
                        ["integer", "alder", "Alder"]]})


if __name__ == "__main__":
    main()
