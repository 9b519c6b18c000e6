// Evaluation forms and responses as JSON and CSV (docs/evaluation.md; DOMAIN E1-E3, X4).
#pragma once

#include <filesystem>
#include <string_view>

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

/// Reads responses from CSV (csv.hpp: BOM, ',' or ';', quotes). The header names the items by id
/// and may add "course" and "respondent" (read and dropped, DOMAIN X4); an item without a
/// column is missing in every response. A cell: empty is a missing answer; a Likert value a whole
/// number ("4", and with ';' also "4,0"); yes/no "ja"/"nei"/"yes"/"no"/"1"/"0" in any case;
/// a choice its id; free text anything. Errors say "row 7, column 3 (q2)".
EvaluationResponses responses_from_csv(std::string_view text, const EvaluationForm& form);

/// Reads a responses file: CSV when its name ends in .csv, JSON otherwise; errors name the file.
EvaluationResponses load_responses(const std::filesystem::path& path, const EvaluationForm& form);

/// The responses as a document that responses_from_json reads back to equal responses.
Json to_json(const EvaluationResponses& responses, const EvaluationForm& form);

}  // namespace paarorende
