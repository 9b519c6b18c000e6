// Evaluation and attendance scores as JSON (docs/schemas/evaluation-scores.schema.json).
#pragma once

#include "paarorende/io/json.hpp"
#include "paarorende/scores.hpp"

namespace paarorende {

/// The scores as JSON (docs/schemas/evaluation-scores.schema.json): suppressed figures are null
/// and named in "suppressed_figures"; comments only when they were asked for.
Json to_json(const EvaluationScores& scores);
Json to_json(const AttendanceScores& scores);

}  // namespace paarorende
