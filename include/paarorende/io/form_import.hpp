// An evaluation form imported from a survey tool's own description of it (docs/evaluation.md,
// "Importing a form from REDCap or XLSForm"; DOMAIN E1): a REDCap data dictionary (CSV) or an
// XLSForm (.xlsx with `survey` and `choices` sheets, as ODK, KoboToolbox and SurveyCTO use).
//
// What has a counterpart in a form becomes an item whose id is the field's name, so that the
// tool's export of the answers reads with the form as it is:
// - a choice whose codes are consecutive whole numbers, at least 3 (and at most 100), listed
//   ascending or descending: a Likert item from the lowest code to the highest, its choice texts
//   the labels of their values (a text that is its code alone is left out);
// - REDCap `yesno` and `truefalse`, and a choice of two whose codes and texts the yes/no reader
//   takes (1/0, ja/nei, yes/no ...): a yes/no item;
// - any other single choice (REDCap `radio`, `dropdown`; XLSForm `select_one`): a single-choice
//   item whose choice ids are the codes;
// - free text (REDCap `notes` and `text` without validation; XLSForm `text`): a free-text item.
// Everything else is listed in FormImport::unmapped with the reason: calculated fields, file
// uploads, several answers (checkbox, select_multiple), rankings, numbers and dates, text shown
// to the respondent, fields shown only under a condition (branching logic, `relevant`), the
// record id and fields that identify a respondent (DOMAIN X4), names that are not item ids,
// texts in a language a form does not hold, and a REDCap dictionary's fields of the instruments
// not imported (one instrument is one form).
//
// A file that is not such a description, lacks a required column, refers to a choice list that
// is not there or names a field twice is an InputError located as the CSV and xlsx readers locate
// it ("row 7, column 4", `sheet "survey", row 7, column 1`).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "paarorende/evaluation.hpp"
#include "paarorende/io/json.hpp"

namespace paarorende {

/// A field of the dictionary or a question of the XLSForm that is not in the imported form, and
/// why. `kind` is the tool's type of it ("calc", "file", "select_multiple", "checkbox" ...), or
/// "language" for the texts in a language a form does not hold (`field` is then their column).
struct UnmappedField {
  std::string field;
  std::string kind;
  std::string reason;
  std::size_t row = 0;  ///< Its row in the dictionary, or in the XLSForm's survey sheet.

  friend bool operator==(const UnmappedField&, const UnmappedField&) = default;
};

/// The imported form, valid (validate() accepts it), and what could not be imported.
struct FormImport {
  EvaluationForm form;
  std::vector<UnmappedField> unmapped;  ///< In the order of the rows.
  /// The columns the tool's export of the answers has for the unmapped fields, each once, in row
  /// order: what `evaluate --ignore-column` (ResponseReadOptions::ignore_columns) takes so that
  /// the export reads with the form. A field's name; a REDCap checkbox's `name___code` per choice
  /// (the code in lower case, a character other than a-z, 0-9 and _ as _); an XLSForm
  /// select_multiple's `name` and `name/code` per choice. Fields that export no column (REDCap `descriptive`, XLSForm `note`, languages) are
  /// not in it.
  std::vector<std::string> ignore_columns;

  friend bool operator==(const FormImport&, const FormImport&) = default;
};

/// How to import.
struct FormImportOptions {
  /// The REDCap instrument ("Form Name") whose fields make the form; empty: the first field's.
  /// The other instruments' fields are listed as unmapped. An XLSForm holds one form: it takes
  /// no instrument.
  std::string instrument;
};

/// Imports a REDCap data dictionary (CSV as REDCap exports it: "Variable / Field Name",
/// "Form Name", "Field Type", "Field Label", "Choices, Calculations, OR Slider Labels" and the
/// optional columns after them): the fields of one instrument, `options.instrument` or the first
/// field's. The form's id and title are that instrument ("Form Name"); its version is 1. The
/// first field is the record id when it is a `text` field (REDCap's always is). Throws
/// InputError ("row 7, column 6"; an instrument the dictionary does not have, naming those it has).
FormImport form_from_redcap(std::string_view csv_text, const FormImportOptions& options = {});

/// Imports an XLSForm workbook: the `survey` sheet (`type`, `name`, `label` or
/// `label::<Language> (<code>)`, `relevant` ...), the `choices` sheet (`list_name`, `name`,
/// `label...`) when a question names a list, and `form_id` and `form_title` of the `settings`
/// sheet when there is one. Texts in nb (no, nob) and en are kept; a form without a bokmål text
/// takes the English one for it. Throws InputError (`sheet "survey", row 7, column 1`).
FormImport form_from_xlsform(std::string_view xlsx_bytes);

/// Imports a file: a REDCap data dictionary (.csv) or an XLSForm (.xlsx); errors name the file.
/// An instrument given for an XLSForm is an InputError.
FormImport import_form(const std::filesystem::path& path, const FormImportOptions& options = {});

/// What `paarorende form-import` prints: `{"form": ..., "unmapped": [{"field", "kind", "reason",
/// "row"}], "ignore_columns": [...]}`, the form as to_json(const EvaluationForm&) writes it.
Json to_json(const FormImport& imported);
Json to_json(const UnmappedField& field);

}  // namespace paarorende
