#include "paarorende/detail/ical_events.hpp"

#include <cstdint>
#include <cstdio>

#include <boost/date_time/posix_time/posix_time.hpp>

#include "paarorende/version.hpp"

namespace paarorende::detail {
namespace {

std::string local_stamp(const LocalDateTime& time) {
  const auto local = time.local_time();
  char text[32];
  std::snprintf(text, sizeof text, "%04d%02d%02dT%02d%02d%02d",
                static_cast<int>(local.date().year()), static_cast<int>(local.date().month()),
                static_cast<int>(local.date().day()), static_cast<int>(local.time_of_day().hours()),
                static_cast<int>(local.time_of_day().minutes()),
                static_cast<int>(local.time_of_day().seconds()));
  return text;
}

// FNV-1a, as ical.cpp: UIDs that stay the same when a plan is re-exported.
std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

}  // namespace

std::string ical_calendar(const std::string& name, const std::string& calendar_key,
                          const std::vector<IcalEvent>& events, const IcalOptions& options) {
  const auto stamp = options.dtstamp_utc.value_or(boost::posix_time::second_clock::universal_time());
  const std::string dtstamp =
      boost::posix_time::to_iso_string(boost::posix_time::ptime(
          stamp.date(), boost::posix_time::seconds(stamp.time_of_day().total_seconds()))) +
      "Z";
  char key[17];
  std::snprintf(key, sizeof key, "%016llx",
                static_cast<unsigned long long>(fnv1a(calendar_key)));
  std::string out;
  out += "BEGIN:VCALENDAR\r\n";
  out += "VERSION:2.0\r\n";
  out += "PRODID:-//paarorende//paarorende " + std::string(version_string) + "//NB\r\n";
  out += "CALSCALE:GREGORIAN\r\n";
  out += ical_fold("X-WR-CALNAME:" + ical_escape(name));
  out += oslo_vtimezone();
  for (const auto& event : events) {
    out += "BEGIN:VEVENT\r\n";
    out += ical_fold("UID:" + std::string(key) + "-" + event.uid_key + "@" + options.uid_domain);
    out += "DTSTAMP:" + dtstamp + "\r\n";
    out += "DTSTART;TZID=Europe/Oslo:" + local_stamp(event.start) + "\r\n";
    out += "DTEND;TZID=Europe/Oslo:" + local_stamp(event.end) + "\r\n";
    out += ical_fold("SUMMARY:" + ical_escape(event.summary));
    if (!event.location.empty()) out += ical_fold("LOCATION:" + ical_escape(event.location));
    if (!event.description.empty()) out += ical_fold("DESCRIPTION:" + ical_escape(event.description));
    out += "END:VEVENT\r\n";
  }
  out += "END:VCALENDAR\r\n";
  return out;
}

}  // namespace paarorende::detail
