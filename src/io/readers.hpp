// Private to the I/O layer: the readers of values that several documents hold (a school calendar
// inside a course request, a venue inside a request and a region, a household inside a group and
// a waitlist ...), each defined once in the io/<concept>.cpp of its concept.
#pragma once

#include <string>

#include "io/json_reader.hpp"
#include "detail/names.hpp"
#include "paarorende/attendance.hpp"
#include "paarorende/calendar.hpp"
#include "paarorende/group.hpp"
#include "paarorende/io/json.hpp"
#include "paarorende/presenter.hpp"
#include "paarorende/schedule.hpp"
#include "paarorende/topic.hpp"
#include "paarorende/violation.hpp"

namespace paarorende::detail {

// io/calendar.cpp
SchoolCalendar read_school_calendar(const Json& value, const std::string& pointer);
// io/schedule.cpp
Weekday read_weekday(const Json& value, const std::string& pointer);
Venue read_venue(const Json& value, const std::string& pointer);
Presenter read_presenter(const Json& value, const std::string& pointer);
// io/topic.cpp
TopicCatalogue read_catalogue(const Json& value, const std::string& pointer, const TopicCatalogue& base);
// io/attendance.cpp
/// A number from 0 to 1.
double read_probability(const Json& value, const std::string& pointer);
/// {"attend", "both"} over `defaults`.
AttendanceProbabilities read_attendance(const Json& value, const std::string& pointer,
                                        AttendanceProbabilities defaults);
// io/group.cpp
Household read_household(const Json& value, const std::string& pointer,
                         const AttendanceProbabilities& default_attendance);
// io/violation.cpp
Violation read_violation(const Json& value, const std::string& pointer);

}  // namespace paarorende::detail
