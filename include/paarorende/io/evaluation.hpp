// Evaluation forms and responses as JSON and CSV (docs/evaluation.md; DOMAIN E1-E3, X4).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "paarorende/evaluation.hpp"
#include "paarorende/io/csv.hpp"
#include "paarorende/io/json.hpp"

namespace paarorende {

/// Reads a form document (docs/evaluation.md, docs/schemas/evaluation-form.schema.json) and
/// validates it. Errors carry JSON pointers.
EvaluationForm evaluation_form_from_json(const Json& document);
EvaluationForm load_evaluation_form(const std::filesystem::path& path);
/// The form as a document that evaluation_form_from_json reads back to an equal form.
Json to_json(const EvaluationForm& form);

/// Reads a responses document: {"form": id, "version": n, "responses": [{"course": ...,
/// "answers": {"q1": 4, "q5": "yes", "q6": "..."}}]}. "form" and "version", when given, must be
/// those of `form`. Likert answers are whole numbers in range; yes/no answers true/false or
/// "yes"/"no"/"ja"/"nei"; single-choice answers a choice id; free text a string; null or an
/// absent item is a missing answer. Errors carry JSON pointers ("/responses/3/answers/q2").
EvaluationResponses responses_from_json(const Json& document, const EvaluationForm& form);

/// How a survey tool's export is read: the columns to drop besides the tools' own identity and
/// metadata columns (`paarorende evaluate --ignore-column NAME`).
struct ResponseReadOptions {
  /// Headers to drop unread, compared as headers are (survey_header_key).
  std::vector<std::string> ignore_columns;
  /// The sheet of a workbook to read; empty: the first.
  std::string sheet;

  friend bool operator==(const ResponseReadOptions&, const ResponseReadOptions&) = default;
};

/// A header as compared with item texts and aliases: lower case (Æ Ø Å too), a leading number
/// ("1. ", "2) ") left out, punctuation and spacing made one space. "1. Tidspunkt for samlingen,
/// dvs klokkeslett" -> "tidspunkt for samlingen dvs klokkeslett".
std::string survey_header_key(std::string_view header);

/// The identity and metadata columns of the survey tools, as survey_header_key writes them
/// (Microsoft Forms, Nettskjema, REDCap, Questback; Norwegian and English; docs/evaluation.md):
/// "id", "starttidspunkt", "completion time", "e post", "navn", "record id" ... Dropped when a
/// file is read, never stored (DOMAIN X4).
const std::vector<std::string>& survey_metadata_columns();
/// True for a header of survey_metadata_columns(), and for REDCap's `*_timestamp`,
/// `*_complete` and `redcap_*` columns.
bool is_survey_metadata_column(std::string_view header);

/// Reads responses from CSV (csv.hpp: BOM, ',' or ';', quotes). A column is an item when its
/// header is the item's id, or, compared by survey_header_key, its text (nb or en) or one of its
/// aliases; "course" is the course; "respondent", the survey tools' identity and metadata columns
/// (is_survey_metadata_column) and `options.ignore_columns` are dropped unread (DOMAIN X4). Any
/// other column is an error naming its header and the closest item. An item without a column is
/// missing in every response. A cell: empty is a missing answer; a Likert value a whole number
/// ("4", and with ';' also "4,0") or the text of one of its labels ("Svært bra"); yes/no
/// "ja"/"nei"/"yes"/"no"/"true"/"false"/"1"/"0" in any case; a choice its id or its label; free
/// text anything. Errors say "row 7, column 3 (q2)".
EvaluationResponses responses_from_csv(std::string_view text, const EvaluationForm& form,
                                       const ResponseReadOptions& options = {});
/// The same from a table (a CSV text read, or a sheet: io/xlsx.hpp); `decimal_comma` as the
/// CSV dialect says.
EvaluationResponses responses_from_table(const CsvTable& table, const EvaluationForm& form,
                                         const ResponseReadOptions& options = {});
/// The same from a workbook's first sheet, or `options.sheet`; errors say
/// `sheet "Svar", row 7, column 3 (q2)`.
EvaluationResponses responses_from_xlsx(std::string_view bytes, const EvaluationForm& form,
                                        const ResponseReadOptions& options = {});

/// Reads a responses file: CSV when its name ends in .csv, a workbook for .xlsx, JSON otherwise;
/// errors name the file.
EvaluationResponses load_responses(const std::filesystem::path& path, const EvaluationForm& form,
                                   const ResponseReadOptions& options = {});

/// The responses as a document that responses_from_json reads back to equal responses.
Json to_json(const EvaluationResponses& responses, const EvaluationForm& form);

}  // namespace paarorende
