"""Evaluation forms imported from a REDCap data dictionary or an XLSForm (issue #20, item 1;
docs/evaluation.md, "Importing a form from REDCap or XLSForm"): paarorende.import_form() and
`paarorende form-import`, whose output the schemas describe. The files are the pilot's form made in
each tool (tests/data/forms/)."""

from __future__ import annotations

import copy
import json
import pathlib

import pytest

import paarorende
from test_schemas import make_validator

REPO = pathlib.Path(__file__).resolve().parents[2]
FORMS = REPO / "tests" / "data" / "forms"
REDCAP = FORMS / "sandefjord-pilot-redcap.csv"
XLSFORM = FORMS / "sandefjord-pilot-xlsform.xlsx"
PILOT_ANSWERS = REPO / "examples" / "sandefjord_pilot" / "evaluation.csv"
REDCAP_EXPORT = FORMS / "sandefjord-pilot-redcap-export.csv"  # the pilot's answers as REDCap exports them


@pytest.mark.parametrize("path", [REDCAP, XLSFORM], ids=["redcap", "xlsform"])
def test_the_imported_form_scores_the_pilots_answers_as_the_built_in_one(path):
    imported = paarorende.import_form(path)
    pilot = paarorende.EvaluationForm.pilot()
    mine = paarorende.score_evaluation(imported.form, paarorende.load_responses(PILOT_ANSWERS, imported.form),
                                       threshold=3)
    theirs = paarorende.score_evaluation(pilot, paarorende.load_responses(PILOT_ANSWERS, pilot), threshold=3)
    assert [(i.id, i.kind) for i in imported.form.items] == [(i.id, i.kind) for i in pilot.items]
    assert mine.to_records() == theirs.to_records()


def test_import_form_returns_the_form_and_the_unmapped_fields_with_their_reasons():
    imported = paarorende.import_form(REDCAP)
    assert isinstance(imported, paarorende.FormImport)
    assert isinstance(imported.form, paarorende.EvaluationForm)
    assert [(f.field, f.kind, f.row) for f in imported.unmapped] == [
        ("record_id", "text", 2), ("snitt", "calc", 9), ("bilde", "file", 10), ("q5_hvorfor", "notes", 11),
        ("rangering_tema", "radio", 12), ("rangering_mat", "radio", 13), ("kanal", "checkbox", 14),
        ("epost", "text", 15)]
    reasons = {f.field: f.reason for f in imported.unmapped}
    assert reasons["snitt"] == "a calculated value: the survey tool computes it, no respondent answers it"
    assert reasons["q5_hvorfor"].startswith("shown only if \"[q5] = '0'\"")
    assert "(DOMAIN X4)" in reasons["epost"]
    assert repr(imported) == ("FormImport(form=EvaluationForm(id='evaluering', version=1, items=<6 items>), "
                              "unmapped=<8 fields>)")
    assert repr(imported.unmapped[1]) == (
        "UnmappedField(field='snitt', kind='calc', reason='a calculated value: the survey tool computes it, no "
        "respondent answers it', row=9)")
    assert copy.deepcopy(imported) == imported
    assert paarorende.import_form.__doc__ and paarorende.FormImport.unmapped.__doc__
    assert paarorende.UnmappedField.reason.__doc__


def test_an_xlsform_keeps_bokmal_nynorsk_and_english():
    imported = paarorende.import_form(XLSFORM)
    assert imported.form.id == "sandefjord-pilot"
    pilot_text = paarorende.EvaluationForm.pilot().items[0].text
    text = imported.form.items[0].text
    assert (text.nb, text.en, text.nn) == (pilot_text.nb, pilot_text.en, pilot_text.nn)
    assert [f.field for f in imported.unmapped] == ["start", "snitt", "bilde", "q5_hvorfor", "kanal", "rangering"]


def test_to_json_is_what_the_command_line_prints(cli):
    result = cli("form-import", REDCAP)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == json.loads(paarorende.import_form(REDCAP).to_json())


@pytest.mark.parametrize("path", [REDCAP, XLSFORM], ids=["redcap", "xlsform"])
def test_cli_output_validates_against_the_schemas_and_out_writes_the_form_alone(cli, tmp_path, path):
    out = tmp_path / "form.json"
    result = cli("form-import", path, "--out", out)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert not list(make_validator("form-import").iter_errors(document))
    assert not list(make_validator("evaluation-form").iter_errors(document["form"]))
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written == document["form"]
    assert paarorende.EvaluationForm.load(out) == paarorende.import_form(path).form
    # The written form scores the answers from the command line too.
    scored = cli("evaluate", PILOT_ANSWERS, "--form", out)
    assert scored.returncode == 0, scored.stderr


def test_bad_input_raises_input_error_naming_file_row_and_column(tmp_path):
    bad = tmp_path / "dictionary.csv"
    bad.write_text(REDCAP.read_text(encoding="utf-8") + "q6,evaluering,,notes,Annet igjen,,,,,,,,,,,,,\n",
                   encoding="utf-8")
    with pytest.raises(paarorende.InputError) as raised:
        paarorende.import_form(bad)
    assert raised.value.where == f"{bad}: row 16, column 1"
    assert raised.value.message == 'field "q6" is named twice (also row 8)'


def test_a_failed_import_writes_nothing(cli, tmp_path):
    bad = tmp_path / "dictionary.csv"
    bad.write_text("q1;q2\n4;5\n", encoding="utf-8")
    out = tmp_path / "form.json"
    result = cli("form-import", bad, "--out", out)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"paarorende: {bad}: row 1, column 1: not a REDCap data dictionary")
    assert not out.exists()


def test_ignore_columns_lets_the_tools_export_read_with_the_imported_form(cli, tmp_path):
    imported = paarorende.import_form(REDCAP)
    assert imported.ignore_columns == ["record_id", "snitt", "bilde", "q5_hvorfor", "rangering_tema",
                                       "rangering_mat", "kanal___1", "kanal___2", "kanal___3", "epost"]
    with pytest.raises(paarorende.InputError, match='unknown item "snitt"'):
        paarorende.load_responses(REDCAP_EXPORT, imported.form)
    answers = paarorende.load_responses(REDCAP_EXPORT, imported.form, ignore_columns=imported.ignore_columns)
    assert len(answers.responses) == 5
    # On the command line: the printed ignore_columns, each after --ignore-column (docs/evaluation.md).
    out = tmp_path / "form.json"
    printed = json.loads(cli("form-import", REDCAP, "--out", out).stdout)
    assert printed["ignore_columns"] == imported.ignore_columns
    refused = cli("evaluate", REDCAP_EXPORT, "--form", out)
    assert refused.returncode == 2 and 'unknown item "snitt"' in refused.stderr
    ignored = [arg for column in printed["ignore_columns"] for arg in ("--ignore-column", column)]
    scored = cli("evaluate", REDCAP_EXPORT, "--form", out, *ignored)
    assert scored.returncode == 0, scored.stderr
    assert json.loads(scored.stdout)["courses"][0]["responses"] == 5


TWO_INSTRUMENTS = (
    "Variable / Field Name,Form Name,Field Type,Field Label,\"Choices, Calculations, OR Slider Labels\"\n"
    "record_id,pamelding,text,Record ID,\n"
    "hvorfor,pamelding,notes,Hvorfor meldte du deg p&aring;?,\n"
    "q1,evaluering_host,radio,Lengde p&#229; samlingen,\"1, Lite bra | 2, 2 | 3, Best\"\n")


def test_a_dictionary_of_several_instruments_imports_one_chosen_by_instrument(cli, tmp_path):
    path = tmp_path / "dictionary.csv"
    path.write_text(TWO_INSTRUMENTS, encoding="utf-8")
    first = paarorende.import_form(path)
    assert first.form.id == "pamelding"
    assert [i.id for i in first.form.items] == ["hvorfor"]
    assert first.form.items[0].text.nb == "Hvorfor meldte du deg på?"
    assert [(f.field, f.reason) for f in first.unmapped][1:] == [
        ("q1", 'in instrument "evaluering_host", not the one imported')]
    chosen = paarorende.import_form(path, instrument="evaluering_host")
    assert chosen.form.id == "evaluering_host"
    assert [(i.id, i.kind, i.text.nb) for i in chosen.form.items] == [
        ("q1", paarorende.ItemKind.likert, "Lengde på samlingen")]
    with pytest.raises(paarorende.InputError) as raised:
        paarorende.import_form(path, instrument="evaluering")
    assert raised.value.message == ('no instrument "evaluering": the dictionary has the instruments "pamelding", '
                                    '"evaluering_host" (its Form Name column)')
    result = cli("form-import", path, "--instrument", "evaluering_host")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == json.loads(chosen.to_json())
    result = cli("form-import", path, "--instrument", "nei")
    assert result.returncode == 2 and result.stdout == ""
    assert 'no instrument "nei": the dictionary has the instruments "pamelding", "evaluering_host"' in result.stderr
    assert cli("form-import", path, "--instrument").returncode == 2
