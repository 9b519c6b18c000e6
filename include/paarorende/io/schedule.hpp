// Course requests and schedules as JSON (docs/json.md; schemas course-request and course-schedule).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "paarorende/io/calendar.hpp"
#include "paarorende/io/json.hpp"
#include "paarorende/io/violation.hpp"
#include "paarorende/schedule.hpp"

namespace paarorende {

// `base_dir` resolves file references in a document (a request's school_calendar or catalogue
// may name a file, relative to the request).
CourseRequest course_request_from_json(const Json& document,
                                       const std::filesystem::path& base_dir = {});
CourseSchedule course_schedule_from_json(const Json& document,
                                         const std::filesystem::path& base_dir = {});
/// As the readers, from a file: references resolve next to it and errors name it.
/// `language`, when given, stands for the document's "language" (the command line's --lang): the
/// language of the calendar's texts, and of the title when the document gives none (issue #23).
CourseRequest load_course_request(const std::filesystem::path& path,
                                   std::optional<Language> language = std::nullopt);
CourseSchedule load_course_schedule(const std::filesystem::path& path);

/// A "rules" object of a request or format over `base`: the fields it leaves out keep base's
/// values. Errors are located under `pointer`.
ScheduleRules schedule_rules_from_json(const Json& value, const std::string& pointer = {},
                                       const ScheduleRules& base = {});

Json to_json(const ScheduleRules& rules);
Json to_json(const CourseRequest& request);
Json to_json(const Session& session);
/// The schedule with its request, less the participants' wishes and children (DOMAIN X4): read
/// back, it equals the schedule with those two emptied.
Json to_json(const CourseSchedule& schedule);

}  // namespace paarorende
