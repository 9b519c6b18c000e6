// The region's report (region_report.hpp; DOMAIN V1, X4) from folders as municipalities keep
// them, and its forms: the analyst's JSON (each hidden cell's reason and the audit) and the
// published HTML and CSV, in which every hidden cell looks alike (docs/suppression.md).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "paarorende/evaluation.hpp"
#include "paarorende/io/json.hpp"
#include "paarorende/region_report.hpp"

namespace paarorende {

/// The courses under `dir`: one folder per municipality, each a course folder or holding course
/// folders (one level down). A course folder holds `course.json` (a course request whose
/// `municipality` names it; it is planned to date its first session), and optionally
/// `attendance.json` (attendance records), `evaluation.csv`, `.xlsx` or `.json` (responses) and
/// `evaluation-form.json` (else the built-in pilot form). Folders are read in name order.
/// Throws InputError naming the file (and JSON pointer, or row and column), or `dir` when it
/// holds no course.
std::vector<RegionCourse> load_region_courses(const std::filesystem::path& dir);

/// The analyst's JSON (docs/schemas/region-report.schema.json): courses held, and each figure
/// with its suppressed table (as `suppress` writes it, with the audit).
Json to_json(const RegionReport& report);
/// The published HTML: courses held, then every figure's table; hidden cells alike (":").
std::string region_report_html(const RegionReport& report, Language language = Language::nb);
/// The published CSV files by name: courses.csv, and one per figure, named by its id
/// ("households.csv").
std::map<std::string, std::string> region_report_csv(const RegionReport& report);

}  // namespace paarorende
