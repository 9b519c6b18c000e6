// Private to the schedule units: what planning a course (schedule.cpp) and checking a plan
// (schedule/validation.cpp) share. Not installed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "paarorende/schedule.hpp"

namespace paarorende::detail {

/// DOMAIN X1: whether holidays are known for the date's year.
bool is_supported(Date date);

/// The closure used for planning, with the school calendar when there is one. Dates the
/// holidays are not known for (DOMAIN X1) make the request impossible, not the program fail.
std::optional<Closure> closure_for(const CourseRequest& request, Date date);

/// A closure in words, for findings and move reasons.
std::string describe(const Closure& closure);

/// DOMAIN C11: "outside every school year of the school calendar of Sandefjord (2019-2020,
/// 2026-2027): ...", what to do included, for a date the calendar does not cover.
std::string outside_school_years(const SchoolCalendar& calendar);

/// DOMAIN X2: the warning that a school calendar marked example_data was used.
Violation example_calendar_finding(const SchoolCalendar& calendar);

/// Session numbers as "1, 3, 4".
std::string session_list(const std::vector<int>& numbers);

// DOMAIN C3: how the latest end came about, for messages: "care closes 16:30, minus 20 minutes'
// travel", with pickups whose ("for household h03 ... from the venue to its pickup place").
std::string latest_end_reason(const LatestEnd& end);

}  // namespace paarorende::detail
