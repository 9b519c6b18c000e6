// JSON forms of paarorende's documents (docs/json.md, schemas in docs/schemas/). Readers are
// strict: wrong types, missing required fields and unknown fields are InputErrors whose where()
// is the JSON pointer of the offending value. Nothing is partly read: a reader returns a whole
// value or throws.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "paarorende/attendance.hpp"
#include "paarorende/calendar.hpp"
#include "paarorende/group.hpp"
#include "paarorende/limits.hpp"
#include "paarorende/schedule.hpp"
#include "paarorende/topic.hpp"
#include "paarorende/violation.hpp"

namespace paarorende {

using Json = nlohmann::ordered_json;

// max_document_bytes, max_nesting_depth, max_list_entries: include/paarorende/limits.hpp.

/// Parses JSON text. Syntax errors (including invalid UTF-8) are InputErrors located by line and
/// column.
Json parse_json(std::string_view text);
/// Reads and parses a file; errors are located in it ("course.json: line 3, column 7").
Json load_json_file(const std::filesystem::path& path);

// Readers. `base_dir` resolves file references in a document (a request's school_calendar may
// name a file, relative to the request).
SchoolCalendar school_calendar_from_json(const Json& document);
CourseRequest course_request_from_json(const Json& document,
                                       const std::filesystem::path& base_dir = {});
CourseSchedule course_schedule_from_json(const Json& document,
                                         const std::filesystem::path& base_dir = {});

/// A topic catalogue document (docs/topics.md). With "extends": "builtin" (the default) its roles
/// and topics are added to `base`; an entry whose id `base` already has must say
/// "override": true, and then replaces the fields it gives. With "extends": "none" it stands
/// alone. Ids are slugs ([a-z0-9_]+), each once; a topic's presenter_role must be a known role.
/// `base` is never changed: the result is a new catalogue.
TopicCatalogue catalogue_from_json(const Json& document,
                                   const TopicCatalogue& base = builtin_catalogue());
TopicCatalogue load_catalogue(const std::filesystem::path& path,
                              const TopicCatalogue& base = builtin_catalogue());

/// A group document (docs/groups.md): the households and the rules to check them by.
struct GroupDocument {
  Group group;
  GroupRules rules;
};

/// Attendance records to fit probabilities from, with an optional prior (docs/attendance.md).
struct AttendanceRecords {
  std::vector<AttendanceRecord> records;
  AttendanceProbabilities prior = pilot_attendance();
  double prior_weight = 0.0;
};

GroupDocument group_from_json(const Json& document);
GroupDocument load_group(const std::filesystem::path& path);
AttendanceRecords attendance_records_from_json(const Json& document);
AttendanceRecords load_attendance_records(const std::filesystem::path& path);
/// One household as a group document holds it, read at `pointer` (errors located there); what its
/// own "attendance" leaves out comes from `default_attendance`. For other documents with households.
Household household_from_json(const Json& value, const std::string& pointer,
                              const AttendanceProbabilities& default_attendance = pilot_attendance());

/// A "rules" object of a request or format over `base`: the fields it leaves out keep base's
/// values. Errors are located under `pointer`.
ScheduleRules schedule_rules_from_json(const Json& value, const std::string& pointer = {},
                                       const ScheduleRules& base = {});
/// A group document's or format's "rules" over `base`, checked with check_rules.
GroupRules group_rules_from_json(const Json& value, const std::string& pointer = {},
                                 const GroupRules& base = {});

// File loaders: as the readers, with the file's name in every error's where().
SchoolCalendar load_school_calendar(const std::filesystem::path& path);
CourseRequest load_course_request(const std::filesystem::path& path);
CourseSchedule load_course_schedule(const std::filesystem::path& path);

// Writers. What they write, the readers read back to an equal value.
Json to_json(const PublicHoliday& holiday);
Json to_json(const std::vector<PublicHoliday>& holidays);
Json to_json(const SchoolCalendar& calendar);
Json to_json(const Topic& topic);
/// A catalogue as a stand-alone document ("extends": "none").
Json to_json(const TopicCatalogue& catalogue);
Json to_json(const ScheduleRules& rules);
Json to_json(const CourseRequest& request);
Json to_json(const Session& session);
/// The schedule with its request, less the participants' wishes and children (DOMAIN X4): read
/// back, it equals the schedule with those two emptied.
Json to_json(const CourseSchedule& schedule);
Json to_json(const Violation& violation);
Json to_json(const std::vector<Violation>& findings);
Json to_json(const GroupViolation& violation);
Json to_json(const GroupRules& rules);
Json to_json(const Household& household);
Json to_json(const GroupDocument& document);
Json to_json(const AttendanceProbabilities& probabilities);
/// The distribution, mean, variance and P(at least k) for k = 1..max.
Json to_json(const AttendanceDistribution& distribution);

}  // namespace paarorende
