// iCalendar export (RFC 5545) of a course schedule: one VCALENDAR with a VTIMEZONE for
// Europe/Oslo (DOMAIN X3) and one VEVENT per session.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <boost/date_time/posix_time/posix_time_types.hpp>

#include "paarorende/schedule.hpp"

namespace paarorende {

struct IcalOptions {
  /// DTSTAMP of every event, in UTC. Unset: the time of the call. Set it for reproducible output.
  std::optional<boost::posix_time::ptime> dtstamp_utc;
  /// The right-hand side of each UID ("<course>-<n>@domain"); UIDs are stable for a course.
  std::string uid_domain = "paarorende.invalid";
};

/// The schedule as an iCalendar document: CRLF line ends, lines folded at 75 octets (never inside
/// a UTF-8 character), TEXT values escaped. Each VEVENT has UID, DTSTAMP, DTSTART and DTEND with
/// TZID=Europe/Oslo, SUMMARY, LOCATION and a DESCRIPTION with the agenda.
std::string to_ical(const CourseSchedule& schedule, const IcalOptions& options = {});

namespace detail {
/// RFC 5545 3.3.11: backslash, semicolon, comma and newline escaped.
std::string ical_escape(std::string_view text);
/// RFC 5545 3.1: "NAME:value" folded into lines of at most 75 octets, each ending in CRLF.
std::string ical_fold(std::string_view line);
/// The VTIMEZONE component of Europe/Oslo (DOMAIN X3), CRLF line ends.
std::string_view oslo_vtimezone() noexcept;
}  // namespace detail

}  // namespace paarorende
