// Internal: text forms of dates and clock times shared by messages, JSON and iCalendar.
#pragma once

#include <cstdio>
#include <string>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

namespace paarorende::detail {

/// "2019-11-05".
inline std::string iso_date(boost::gregorian::date date) {
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", static_cast<int>(date.year()),
                static_cast<int>(date.month()), static_cast<int>(date.day()));
  return text;
}

/// "16:30" for a time of day in [00:00, 24:00).
inline std::string clock(boost::posix_time::time_duration time) {
  const long minutes = time.total_seconds() / 60;
  char text[32];
  std::snprintf(text, sizeof text, "%02ld:%02ld", minutes / 60, minutes % 60);
  return text;
}

/// Appends `c` to `out`, a control character written as a JSON escape ("\n", "\u0009") so that
/// text from the input cannot break a one-line message.
inline void append_escaping_controls(std::string& out, char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte == '\n') {
    out += "\\n";
  } else if (byte < 0x20 || byte == 0x7F) {
    char escaped[8];
    std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
    out += escaped;
  } else {
    out += c;
  }
}

inline int minutes_of_day(boost::posix_time::time_duration time) {
  return static_cast<int>(time.total_seconds() / 60);
}

}  // namespace paarorende::detail
