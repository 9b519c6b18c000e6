// School calendars and public holidays as JSON (docs/json.md, docs/schemas/school-calendar.schema.json).
#pragma once

#include <filesystem>
#include <vector>

#include "paarorende/calendar.hpp"
#include "paarorende/io/json.hpp"

namespace paarorende {

SchoolCalendar school_calendar_from_json(const Json& document);
/// As school_calendar_from_json, from a file; errors name the file.
SchoolCalendar load_school_calendar(const std::filesystem::path& path);

Json to_json(const PublicHoliday& holiday);
Json to_json(const std::vector<PublicHoliday>& holidays);
Json to_json(const SchoolCalendar& calendar);

}  // namespace paarorende
