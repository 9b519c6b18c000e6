// Treffpunkt in operation as files (docs/treffpunkt.md): the enrolment document, the children's
// attendance per meeting, the children's evaluation responses per age band (JSON or CSV) and
// their scores, and the season's public plan (JSON, iCalendar) in nb, nn or en.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "paarorende/evaluation.hpp"
#include "paarorende/io/ical.hpp"
#include "paarorende/io/json.hpp"
#include "paarorende/meeting_place.hpp"
#include "paarorende/treffpunkt.hpp"

namespace paarorende {

/// Reads an enrolment document (docs/schemas/enrolments.schema.json) and checks it
/// (check_enrolments). Any field not in the schema is refused: there is no place for free text
/// about a child (DOMAIN X4). Errors carry JSON pointers.
Enrolments enrolments_from_json(const Json& document);
Enrolments load_enrolments(const std::filesystem::path& path);
Json to_json(const Enrolments& enrolments);

/// What `paarorende enrolments` prints: the meeting place, the number of children, their ages
/// sorted (what a season request counts; no ids, DOMAIN X4), "valid" and the findings.
Json enrolments_summary(const Enrolments& enrolments, const std::vector<Violation>& findings);

/// The enrolments of a field that names a file (relative to `base_dir`) or holds the document.
Enrolments enrolments_from_reference(const Json& reference, const std::string& pointer,
                                     const std::filesystem::path& base_dir);

/// Reads the children's attendance (docs/schemas/children-attendance.schema.json): its
/// "enrolments" (a file name or the document) and the meetings with the ids present.
ChildrenAttendance children_attendance_from_json(const Json& document, const std::filesystem::path& base_dir = {});
ChildrenAttendance load_children_attendance(const std::filesystem::path& path);
Json to_json(const ChildrenAttendance& attendance);
/// The children's attendance scores: "children" enrolled, per meeting "enrolled", "present",
/// "rate", and "per_child" (children by meetings attended), suppressed as attendance is (X4).
Json children_attendance_scores_json(const AttendanceScores& scores);

/// The children's responses, JSON: {"bands": [{"age_band": "6-9", "responses": {an
/// evaluation-responses document for that band's form}}]}.
std::vector<BandResponses> children_responses_from_json(const Json& document);
/// The same from CSV: one row per child's answers, an "age_band" column ("6-9" or "10-16") and
/// the items' columns (the same ids in both forms); each row is read against its band's form, and
/// errors say "row 4, column 2 (how_it_was)".
std::vector<BandResponses> children_responses_from_csv(std::string_view text);
/// A .csv file as CSV, anything else as JSON; errors name the file.
std::vector<BandResponses> load_children_responses(const std::filesystem::path& path);
Json to_json(const std::vector<BandResponses>& responses);
/// {"threshold": t, "bands": [{"min_age", "max_age", "scores": the band's evaluation scores}]}.
Json to_json(const std::vector<BandScores>& scores);

/// The public plan as JSON: each meeting's date and time, and per band its ages, "children" (null
/// when under the threshold) and a "label" in `language` ("6-9 år: under 5 barn").
Json to_json(const PublicSeason& plan, Language language = Language::nb);
/// The public plan as iCalendar, its texts in `language`.
std::string to_ical(const PublicSeason& plan, Language language = Language::nb, const IcalOptions& options = {});

}  // namespace paarorende
