// Evaluation and attendance scores as JSON (docs/schemas/evaluation-scores.schema.json).
#pragma once

#include "paarorende/evaluation.hpp"
#include "paarorende/io/json.hpp"
#include "paarorende/io/workbook.hpp"
#include "paarorende/scores.hpp"

namespace paarorende {

/// The scores as JSON (docs/schemas/evaluation-scores.schema.json): suppressed figures are null
/// and named in "suppressed_figures"; comments only when they were asked for.
Json to_json(const EvaluationScores& scores);
Json to_json(const AttendanceScores& scores);

/// The scores as a workbook (`evaluate --xlsx`), one sheet per table: "scores" (a row per course
/// and item, the JSON's figures), "distribution" (a row per value), with attendance "attendance"
/// (its figures) and "sessions", with comments "comments", and "about" (the form, the threshold
/// and what a shaded cell means, in `language`). DOMAIN X4: a withheld figure is an empty shaded
/// cell, every one alike, whatever withheld it; a figure that does not apply is empty.
Workbook to_workbook(const EvaluationScores& scores, Language language = Language::nb);

}  // namespace paarorende
