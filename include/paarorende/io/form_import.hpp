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
// record id and fields that identify a respondent (DOMAIN X4), names that are not item ids, and
// texts in a language a form does not hold.
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

  friend bool operator==(const FormImport&, const FormImport&) = default;
};

/// Imports a REDCap data dictionary (CSV as REDCap exports it: "Variable / Field Name",
/// "Form Name", "Field Type", "Field Label", "Choices, Calculations, OR Slider Labels" and the
/// optional columns after them). The form's id and title are the first field's instrument
/// ("Form Name"); its version is 1. Throws InputError ("row 7, column 6").
FormImport form_from_redcap(std::string_view csv_text);

/// Imports an XLSForm workbook: the `survey` sheet (`type`, `name`, `label` or
/// `label::<Language> (<code>)`, `relevant` ...), the `choices` sheet (`list_name`, `name`,
/// `label...`) when a question names a list, and `form_id` and `form_title` of the `settings`
/// sheet when there is one. Texts in nb (no, nob) and en are kept; a form without a bokmål text
/// takes the English one for it. Throws InputError (`sheet "survey", row 7, column 1`).
FormImport form_from_xlsform(std::string_view xlsx_bytes);

/// Imports a file: a REDCap data dictionary (.csv) or an XLSForm (.xlsx); errors name the file.
FormImport import_form(const std::filesystem::path& path);

/// What `paarorende form-import` prints: `{"form": ..., "unmapped": [{"field", "kind", "reason",
/// "row"}]}`, the form as to_json(const EvaluationForm&) writes it.
Json to_json(const FormImport& imported);
Json to_json(const UnmappedField& field);

}  // namespace paarorende
