"""Spreadsheets in and out (issue #20): templates filled in as a coordinator would and read back
into the same documents as their JSON twins; the workbooks `groups --xlsx` and `evaluate --xlsx`
write, read back with openpyxl (a reader not ours) and compared with the JSON; the hidden cells all
alike (DOMAIN X4); and bad spreadsheets refused at their sheet, row and column."""

import datetime
import importlib.util
import json
import pathlib

import openpyxl
import pytest

import paarorende
from paarorende import InputError

REPO = pathlib.Path(__file__).resolve().parents[2]
SPEC = importlib.util.spec_from_file_location("fill_template", REPO / "examples/spreadsheets/fill_template.py")
fill_template = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(fill_template)

VALDRES = REPO / "examples/valdres_groups/waitlist.json"
PILOT_GROUP = REPO / "examples/sandefjord_pilot/group.json"
PILOT_ATTENDANCE = REPO / "examples/sandefjord_pilot/attendance.json"
PILOT_RESPONSES = REPO / "examples/sandefjord_pilot/evaluation.csv"


def document(path):
    return json.loads(path.read_text(encoding="utf-8"))


# --- templates filled in and read back ---

@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_a_filled_waitlist_template_is_its_json_twin(tmp_path, language):
    filled = tmp_path / "waitlist.xlsx"
    fill_template.fill("waitlist", document(VALDRES), filled, language)
    assert paarorende.FormationRequest.load(filled) == paarorende.FormationRequest.load(VALDRES)


def test_a_filled_group_template_and_attendance_template_are_their_json_twins(tmp_path):
    group = tmp_path / "group.xlsx"
    fill_template.fill("group", document(PILOT_GROUP), group)
    assert paarorende.GroupDocument.load(group) == paarorende.GroupDocument.load(PILOT_GROUP)
    records = tmp_path / "attendance.xlsx"
    fill_template.fill("attendance", document(PILOT_ATTENDANCE), records)
    assert paarorende.AttendanceRecords.load(records) == paarorende.AttendanceRecords.load(PILOT_ATTENDANCE)


def test_the_examples_filled_workbooks_are_their_json_twins():
    # examples/spreadsheets/fill_template.py made them; a change to either twin shows here.
    assert paarorende.FormationRequest.load(REPO / "examples/valdres_groups/waitlist.xlsx") == \
        paarorende.FormationRequest.load(VALDRES)
    assert paarorende.GroupDocument.load(REPO / "examples/sandefjord_pilot/group.xlsx") == \
        paarorende.GroupDocument.load(PILOT_GROUP)
    assert paarorende.AttendanceRecords.load(REPO / "examples/sandefjord_pilot/attendance.xlsx") == \
        paarorende.AttendanceRecords.load(PILOT_ATTENDANCE)


def test_a_csv_of_households_over_a_base_waitlist(tmp_path):
    waitlist = document(VALDRES)
    rows = [fill_template.household_row(h) for h in waitlist["households"]]
    header = sorted({key for row in rows for key in row}, key=lambda k: (k != "id", k))
    lines = [",".join(header)] + [",".join(str(row.get(k, "")) for k in header) for row in rows]
    households = tmp_path / "households.csv"
    households.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert paarorende.FormationRequest.load(households, base=VALDRES) == paarorende.FormationRequest.load(VALDRES)
    with pytest.raises(InputError, match="--base WAITLIST.json") as error:
        paarorende.FormationRequest.load(households)
    assert error.value.rule == "C8"


@pytest.mark.parametrize("kind", ["waitlist", "group", "attendance"])
@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_templates_have_drop_downs_prompts_and_instructions(tmp_path, cli, kind, language):
    path = tmp_path / f"{kind}.xlsx"
    result = cli("template", kind, path, "--lang", language)
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(path)
    instructions = {"nb": "Veiledning", "nn": "Rettleiing", "en": "Instructions"}[language]
    assert book.sheetnames[-1] == instructions
    data = book[book.sheetnames[0]]
    assert data.title == ("records" if kind == "attendance" else "households")
    validations = data.data_validations.dataValidation
    headers = [cell.value for cell in data[1]]
    # Every column has a prompt; the lists are the readers' own values.
    prompted = {cell for v in validations for rng in v.sqref.ranges for cell in
                [data.cell(row=1, column=rng.min_col).value]}
    assert prompted == set(headers)
    lists = {data.cell(row=1, column=rng.min_col).value: v.formula1 for v in validations if v.type == "list"
             for rng in v.sqref.ranges}
    if kind != "attendance":
        assert lists["caregiver_1"] == '"mother,father,other_guardian"'
        assert lists["child_1_stage"] == '"kindergarten,primary,lower_secondary,upper_secondary"'
        assert set(book.sheetnames[:-1]) == {"households", "places", "travel_times", "settings"}
    # The instructions explain every column of every data sheet.
    explained = {(row[0], row[1]) for row in book[instructions].iter_rows(min_row=4, values_only=True)}
    for sheet in book.sheetnames[:-1]:
        if sheet == "settings":
            names = [row[0] for row in book[sheet].iter_rows(min_row=2, values_only=True)]
            assert all(("settings", name) in explained for name in names)
        else:
            assert all((sheet, cell.value) in explained for cell in book[sheet][1])


def test_template_errors(tmp_path, cli):
    result = cli("template", "roster", tmp_path / "x.xlsx")
    assert result.returncode == 2 and "expected waitlist, attendance or group" in result.stderr
    result = cli("template", "waitlist", tmp_path / "x.xlsx", "--lang", "de")
    assert result.returncode == 2 and "expected nb, nn or en" in result.stderr
    result = cli("template", "waitlist", tmp_path / "x.csv")
    assert result.returncode == 2 and "FILE.xlsx" in result.stderr
    result = cli("template", "waitlist", tmp_path / "missing" / "x.xlsx")
    assert result.returncode == 2
    assert list(tmp_path.iterdir()) == []  # nothing written, nothing left behind


def test_write_template_from_python(tmp_path):
    paarorende.write_template("group", tmp_path / "g.xlsx", language=paarorende.Language.nn)
    assert openpyxl.load_workbook(tmp_path / "g.xlsx").sheetnames[-1] == "Rettleiing"
    with pytest.raises(InputError, match="expected waitlist, attendance or group"):
        paarorende.write_template("plan", tmp_path / "p.xlsx")


# --- bad spreadsheets: the sheet, row and column, and the rule ---

def filled_waitlist(tmp_path, change):
    path = tmp_path / "waitlist.xlsx"
    fill_template.fill("waitlist", document(VALDRES), path)
    book = openpyxl.load_workbook(path)
    change(book)
    book.save(path)
    return path


def test_bad_cells_are_named_by_sheet_row_and_column(tmp_path):
    def grade(book):
        sheet = book["households"]
        column = [c.value for c in sheet[1]].index("child_1_grade") + 1
        sheet.cell(row=4, column=column, value=14)
    with pytest.raises(InputError) as error:
        paarorende.FormationRequest.load(filled_waitlist(tmp_path, grade))
    assert error.value.where.endswith('waitlist.xlsx: sheet "households", row 4, column 9 (child_1_grade)')

    def pickup(book):
        book["households"].cell(row=3, column=3, value="nowhere")
    with pytest.raises(InputError) as error:
        paarorende.FormationRequest.load(filled_waitlist(tmp_path, pickup))
    assert error.value.where.endswith('sheet "households", row 3, column 3 (school)')
    assert error.value.rule == "C8" and "nowhere" in error.value.message

    def venue(book):
        book["places"].cell(row=2, column=5, value="kanskje")
    with pytest.raises(InputError, match="expected TRUE or FALSE") as error:
        paarorende.FormationRequest.load(filled_waitlist(tmp_path, venue))
    assert error.value.where.endswith('sheet "places", row 2, column 5 (venue)')

    def setting(book):
        book["settings"].cell(row=4, column=2, value="tolv")
    with pytest.raises(InputError, match="expected a whole number") as error:
        paarorende.FormationRequest.load(filled_waitlist(tmp_path, setting))
    assert error.value.where.endswith('sheet "settings", row 4, column 2 (target_participants)')

    def unknown_setting(book):
        book["settings"].cell(row=9, column=1, value="colour")
    with pytest.raises(InputError, match='unknown setting "colour"') as error:
        paarorende.FormationRequest.load(filled_waitlist(tmp_path, unknown_setting))
    assert error.value.where.endswith('sheet "settings", row 9, column 1')

    def no_places(book):
        del book["places"]
    with pytest.raises(InputError, match='sheet named "places"'):
        paarorende.FormationRequest.load(filled_waitlist(tmp_path, no_places))

    def travel_time_range(book):
        sheet = book["travel_times"]
        sheet.append(["bagn_skule", "vang_skule", -5])
    with pytest.raises(InputError) as error:
        paarorende.FormationRequest.load(filled_waitlist(tmp_path, travel_time_range))
    assert 'sheet "travel_times", row 2, column 3 (minutes)' in error.value.where


def test_groups_from_a_bad_spreadsheet_write_nothing(tmp_path, cli):
    def grade(book):
        book["households"].cell(row=2, column=9, value="x")
    path = filled_waitlist(tmp_path, grade)
    out = tmp_path / "groups.xlsx"
    result = cli("groups", path, "--xlsx", out)
    assert result.returncode == 2 and result.stdout == ""
    assert 'sheet "households", row 2, column 9' in result.stderr
    assert not out.exists()


# --- workbooks out, read back with openpyxl ---

def sheet_records(sheet):
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def test_the_groups_workbook_says_what_the_json_says(tmp_path, cli):
    out = tmp_path / "groups.xlsx"
    result = cli("groups", REPO / "examples/valdres_groups/waitlist.xlsx", "--xlsx", out)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["groups", "households", "findings", "unassigned", "summary"]
    groups = sheet_records(book["groups"])
    assert [g["group"] for g in groups] == [g["id"] for g in answer["groups"]]
    for row, group in zip(groups, answer["groups"]):
        assert row["venue"] == group["venue"] and row["locked"] is group["locked"]
        assert row["households"] == len(group["households"]) and row["participants"] == group["participants"]
        assert row["municipalities"] == ", ".join(group["municipalities"])
        assert row["cost"] == pytest.approx(group["cost"])
        for name, value in group["scores"].items():
            assert row[name] == (pytest.approx(value) if value is not None else None)
        findings = [f for f in sheet_records(book["findings"]) if f["group"] == group["id"]]
        assert [(f["rule"], f["message"]) for f in findings] == \
            [(v["rule"], v["message"]) for v in group["violations"]]
    members = [(r["group"], r["household"]) for r in sheet_records(book["households"])]
    assert members == [(g["id"], h) for g in answer["groups"] for h in g["households"]]
    summary = {r["figure"]: r["value"] for r in sheet_records(book["summary"])}
    assert summary["objective"] == pytest.approx(answer["objective"])
    assert summary["optimality.status"] == answer["optimality"]["status"]
    assert summary["assigned"] == answer["summary"]["assigned"]


def test_groups_workbook_from_python(tmp_path):
    request = paarorende.FormationRequest.load(VALDRES)
    result = paarorende.form_groups(request)
    result.write_xlsx(tmp_path / "g.xlsx", waitlist=request.waitlist.id)
    summary = {r["figure"]: r["value"] for r in sheet_records(openpyxl.load_workbook(tmp_path / "g.xlsx")["summary"])}
    assert summary["waitlist"] == "valdres-waitlist"


HIDDEN_FILL = "FFD9D9D9"


def shaded(cell):
    return cell.fill is not None and cell.fill.fill_type == "solid"


def test_the_evaluation_workbook_hides_alike_and_matches_the_json(tmp_path, cli):
    out = tmp_path / "evaluation.xlsx"
    result = cli("evaluate", PILOT_RESPONSES, "--attendance", PILOT_ATTENDANCE, "--xlsx", out, "--comments")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["scores", "distribution", "attendance", "sessions", "sessions_attended",
                               "comments", "about"]
    scores = book["scores"]
    header = [c.value for c in scores[1]]
    hidden_seen = 0
    fills = set()
    items = [item for course in answer["courses"] for item in course["items"]]
    for row, item in zip(scores.iter_rows(min_row=2), items):
        cells = dict(zip(header, row))
        assert cells["item"].value == item["item"]
        for figure in ("n", "missing", "mean", "sd", "median", "top_two", "share", "share_low", "share_high"):
            cell = cells[figure]
            if figure in item.get("hidden", {}):
                # Withheld: empty, shaded, and the shading the same whatever the reason.
                assert cell.value is None and shaded(cell)
                fills.add(cell.fill.fgColor.rgb)
                hidden_seen += 1
            else:
                assert not shaded(cell)
                expected = item.get(figure)
                assert cell.value == (pytest.approx(expected) if expected is not None else None)
    assert hidden_seen > 0 and fills == {HIDDEN_FILL}
    # The distribution: a count is shown or withheld exactly as in the JSON.
    cells = [cell for item in items for cell in item.get("distribution", [])]
    rows = list(book["distribution"].iter_rows(min_row=2))
    assert len(rows) == len(cells)
    assert scores.max_row - 1 == len(items)
    reasons = set()
    for row, cell in zip(rows, cells):
        count = row[3]
        assert (count.value is None and shaded(count)) == cell["suppressed"]
        if cell["suppressed"]:
            reasons.add(cell["hidden_reason"])
            assert count.fill.fgColor.rgb == HIDDEN_FILL and row[4].value is None
        else:
            assert count.value == cell["count"]
    assert reasons == {"small_count", "would_reveal"}  # two reasons, one look
    # Nothing in a shaded cell, anywhere in the workbook, and no text that gives a reason.
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if shaded(cell):
                    assert cell.value is None
                assert cell.value not in ("small_count", "would_reveal", "course_too_small", "item_too_small")
    about = [row for row in book["about"].iter_rows(values_only=True)]
    assert about[2] == ("Færreste personer et tall vises for", 5)
    assert any("personvernet" in str(row[1]) for row in about)


def test_the_evaluation_workbook_in_english_and_nynorsk_from_python(tmp_path):
    form = paarorende.EvaluationForm.pilot()
    scores = paarorende.score_evaluation(form, paarorende.load_responses(PILOT_RESPONSES, form))
    scores.write_xlsx(tmp_path / "en.xlsx", language=paarorende.Language.en)
    scores.write_xlsx(tmp_path / "nn.xlsx", language=paarorende.Language.nn)
    english = [row[0] for row in openpyxl.load_workbook(tmp_path / "en.xlsx")["about"].iter_rows(values_only=True)]
    nynorsk = [row[1] for row in openpyxl.load_workbook(tmp_path / "nn.xlsx")["about"].iter_rows(values_only=True)]
    assert english[:3] == ["Form", "Version", "Fewest people a figure is shown for"]
    assert any("ikkje" in str(text) for text in nynorsk)
    # A form without its nynorsk texts gives no nynorsk report: refused, never bokmål in its place.
    items = list(form.items)
    items[2].text = paarorende.LocalText(nb="Innledning", en="Introduction")
    form.items = items
    bokmal_only = paarorende.score_evaluation(form, paarorende.load_responses(PILOT_RESPONSES, form))
    with pytest.raises(InputError, match="no nynorsk text") as error:
        bokmal_only.to_html(language=paarorende.Language.nn)
    assert error.value.where == "/items/2/text"


def test_a_workbook_that_cannot_be_written_leaves_nothing(tmp_path, cli):
    target = tmp_path / "no-such-folder" / "e.xlsx"
    result = cli("evaluate", PILOT_RESPONSES, "--xlsx", target)
    assert result.returncode == 2 and result.stdout == ""
    assert not target.parent.exists()


def test_the_readme_spreadsheet_commands_run_as_written(tmp_path, build_dir):
    """The README's "From a spreadsheet to groups and a workbook of results" runs, each command
    exit 0, and writes the workbooks it names."""
    import shlex
    import subprocess
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### From a spreadsheet to groups and a workbook of results", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0].replace("\\\n", " ")
    commands = [line.split("#", 1)[0].strip() for line in block.splitlines()]
    commands = [c for c in commands if c]
    assert len(commands) == 4
    for command in commands:
        args = shlex.split(command)
        assert args[0] == "build/paarorende"
        # Repository paths stay as written; outputs go to the test's folder.
        args = [str(build_dir / "paarorende")] + [str(REPO / a) if (REPO / a).exists() else a for a in args[1:]]
        result = subprocess.run(args, cwd=tmp_path, capture_output=True, text=True, check=False)
        assert result.returncode == 0, (command, result.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["evaluering.xlsx", "grupper.xlsx", "oppmote.xlsx",
                                                          "venteliste.xlsx"]


# --- found in review: a base under a template, stray cells, sheets not read, outputs together ---

def test_a_template_of_households_over_a_base_keeps_the_bases_places_and_travel_times(tmp_path):
    base = document(VALDRES)
    base["travel_times"] = [{"from": "bagn_skule", "to": "vang_skule", "minutes": 95}]
    base_file = tmp_path / "base.json"
    base_file.write_text(json.dumps(base), encoding="utf-8")
    only_households = {"households": base["households"]}
    path = tmp_path / "households.xlsx"
    fill_template.fill("waitlist", only_households, path)
    # The template's places and travel_times sheets are there but empty: the base's stay.
    assert paarorende.FormationRequest.load(path, base=base_file) == paarorende.FormationRequest.load(base_file)


def test_a_stray_cell_right_of_the_header_is_named_where_it_is(tmp_path):
    def stray(book):
        book["households"]["AD5"] = "ring mor"
    with pytest.raises(InputError, match="a cell beyond the header") as error:
        paarorende.FormationRequest.load(filled_waitlist(tmp_path, stray))
    assert error.value.where.endswith('sheet "households", row 5, column 30')

    def stray_setting(book):
        book["settings"]["C4"] = "tolv"
    with pytest.raises(InputError, match="a cell beyond the header") as error:
        paarorende.FormationRequest.load(filled_waitlist(tmp_path, stray_setting))
    assert error.value.where.endswith('sheet "settings", row 4, column 3')

    def renamed_header(book):
        book["settings"]["B1"] = "verdi"
    with pytest.raises(InputError, match='unknown column "verdi"') as error:
        paarorende.FormationRequest.load(filled_waitlist(tmp_path, renamed_header))
    assert error.value.where.endswith('sheet "settings", row 1, column 2')


def test_a_sheet_that_is_not_read_is_refused_not_dropped(tmp_path):
    def renamed(book):
        book["settings"].title = "Innstillinger"
    with pytest.raises(InputError, match="unknown sheet") as error:
        paarorende.FormationRequest.load(filled_waitlist(tmp_path, renamed))
    assert error.value.where.endswith('sheet "Innstillinger"')


def test_an_error_a_setting_causes_is_at_the_settings_cell(tmp_path):
    def warn_above_max(book):
        book["settings"]["B7"] = 70  # warn_minutes above the default max_minutes (60)
        book["settings"]["B8"] = None
    with pytest.raises(InputError) as error:
        paarorende.FormationRequest.load(filled_waitlist(tmp_path, warn_above_max))
    assert error.value.where.endswith('sheet "settings", row 7, column 2 (warn_minutes)'), error.value.where


def test_an_output_that_cannot_be_written_stops_the_command_before_any_is(tmp_path, cli):
    not_a_folder = tmp_path / "afile"
    not_a_folder.write_text("x", encoding="utf-8")
    workbook = tmp_path / "groups.xlsx"
    result = cli("groups", VALDRES, "--xlsx", workbook, "--plans", REPO / "examples/valdres_groups/course.json",
                 "--out-dir", not_a_folder)
    assert result.returncode == 2 and result.stdout == "" and not workbook.exists()
    report = tmp_path / "report.html"
    result = cli("evaluate", PILOT_RESPONSES, "--html", report, "--xlsx", tmp_path / "missing" / "e.xlsx")
    assert result.returncode == 2 and result.stdout == "" and not report.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


def test_the_nynorsk_report_and_workbook_have_no_bokmal_and_no_rule_ids(tmp_path, cli):
    import html as html_module
    import re
    words = set(re.findall(r'"([^"]+)"', (REPO / "tests/common/bokmal_only_words.hpp").read_text(encoding="utf-8")
                           .split("bokmal_only_words{", 1)[1].split("};", 1)[0]))
    assert {"ikke", "hva", "fra", "være", "bare", "noen"} <= words
    report = tmp_path / "rapport.html"
    result = cli("evaluate", PILOT_RESPONSES, "--attendance", PILOT_ATTENDANCE, "--lang", "nn", "--comments",
                 "--html", report, "--xlsx", tmp_path / "evaluering.xlsx")
    assert result.returncode == 0, result.stderr
    page = report.read_text(encoding="utf-8")
    assert '<html lang="nn">' in page
    text = html_module.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", page, flags=re.S)))
    # The free-text answers are the respondents' own words, in the language they wrote: left out.
    comments = " ".join(c for course in json.loads(result.stdout)["courses"] for item in course["items"]
                        for c in item.get("comments", []))
    for comment in json.loads(result.stdout)["courses"][0]["items"][-1].get("comments", []):
        text = text.replace(comment, " ")
    found = [w for w in re.findall(r"[a-zæøå]+", text.lower()) if w in words]
    assert found == [], found
    assert "DOMAIN" not in text and not re.search(r"\b[A-Z]\d\b", text)
    assert comments  # the comments were there, and were the only bokmål allowed
    about = [str(v) for row in openpyxl.load_workbook(tmp_path / "evaluering.xlsx")["about"].iter_rows(values_only=True)
             for v in row if v is not None]
    assert [w for w in re.findall(r"[a-zæøå]+", " ".join(about).lower()) if w in words] == []
