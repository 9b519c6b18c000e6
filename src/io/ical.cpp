#include "paarorende/io/ical.hpp"

#include <cstdint>
#include <cstdio>

#include <boost/date_time/posix_time/posix_time.hpp>

#include "detail/text.hpp"
#include "io/ical_events.hpp"
#include "paarorende/version.hpp"

namespace paarorende {
namespace detail {

std::string ical_escape(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\\': escaped += "\\\\"; break;
      case ';': escaped += "\\;"; break;
      case ',': escaped += "\\,"; break;
      case '\n': escaped += "\\n"; break;
      case '\r': break;  // CRLF in the input becomes one escaped newline
      case '\t': escaped += c; break;
      default:
        // RFC 5545 3.3.11: TEXT holds no control characters other than HTAB.
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) escaped += c;
    }
  }
  return escaped;
}

std::string ical_fold(std::string_view line) {
  std::string folded;
  std::size_t octets = 0;  // octets on the current physical line
  for (std::size_t i = 0; i < line.size();) {
    // Length of the UTF-8 character starting at i, so a fold never splits one.
    const auto lead = static_cast<unsigned char>(line[i]);
    std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (i + length > line.size()) length = line.size() - i;
    if (octets + length > 75) {
      folded += "\r\n ";
      octets = 1;  // the leading space counts
    }
    folded.append(line.substr(i, length));
    octets += length;
    i += length;
  }
  folded += "\r\n";
  return folded;
}

}  // namespace detail

namespace {

using detail::ical_escape;
using detail::ical_fold;

std::string local_stamp(const LocalDateTime& time) {
  const auto local = time.local_time();
  char text[48];  // room for any int GCC's -Wformat-truncation can imagine, not only valid times
  std::snprintf(text, sizeof text, "%04d%02d%02dT%02d%02d%02d",
                static_cast<int>(local.date().year()), static_cast<int>(local.date().month()),
                static_cast<int>(local.date().day()), static_cast<int>(local.time_of_day().hours()),
                static_cast<int>(local.time_of_day().minutes()),
                static_cast<int>(local.time_of_day().seconds()));
  return text;
}

std::string utc_stamp(const boost::posix_time::ptime& time) {
  return boost::posix_time::to_iso_string(boost::posix_time::ptime(
             time.date(), boost::posix_time::seconds(time.time_of_day().total_seconds()))) +
         "Z";
}

std::string agenda_text(const Session& session) {
  std::string text;
  const ClockTime start = session.start_time();
  for (const auto& item : session.agenda) {
    if (!text.empty()) text += "\n";
    text += clock_time(start + boost::posix_time::minutes(item.offset_minutes)) + "-" +
            clock_time(start + boost::posix_time::minutes(item.offset_minutes + item.minutes)) +
            " " + item.title_nb;
  }
  return text;
}

// DOMAIN X3: Europe/Oslo, CET/CEST with the EU rules (RFC 5545 3.6.5).
constexpr const char* oslo_vtimezone_text =
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Europe/Oslo\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "TZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0200\r\n"
    "TZNAME:CEST\r\n"
    "DTSTART:19700329T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
    "END:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\n"
    "TZOFFSETFROM:+0200\r\n"
    "TZOFFSETTO:+0100\r\n"
    "TZNAME:CET\r\n"
    "DTSTART:19701025T030000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n";

}  // namespace

std::string_view detail::oslo_vtimezone() noexcept { return oslo_vtimezone_text; }

std::string to_ical(const CourseSchedule& schedule, const IcalOptions& options) {
  const CourseRequest& request = schedule.request;
  const std::string dtstamp = utc_stamp(
      options.dtstamp_utc.value_or(boost::posix_time::second_clock::universal_time()));
  // The course's identity: its title, municipality and first date. Stable across exports.
  char course_id[17];
  std::snprintf(course_id, sizeof course_id, "%016llx",
                static_cast<unsigned long long>(detail::fnv1a(
                    request.title + '\n' + request.municipality + '\n' +
                    (schedule.sessions.empty() ? "" : iso_date(schedule.sessions.front().date())))));

  std::string out;
  out += "BEGIN:VCALENDAR\r\n";
  out += "VERSION:2.0\r\n";
  out += "PRODID:-//paarorende//paarorende " + std::string(version_string) + "//NB\r\n";
  out += "CALSCALE:GREGORIAN\r\n";
  out += ical_fold("X-WR-CALNAME:" + ical_escape(request.title));
  out += detail::oslo_vtimezone();
  for (const Session& session : schedule.sessions) {
    out += "BEGIN:VEVENT\r\n";
    out += ical_fold("UID:" + std::string(course_id) + "-" + std::to_string(session.number) + "@" +
                     options.uid_domain);
    out += "DTSTAMP:" + dtstamp + "\r\n";
    out += "DTSTART;TZID=Europe/Oslo:" + local_stamp(session.start) + "\r\n";
    out += "DTEND;TZID=Europe/Oslo:" + local_stamp(session.end) + "\r\n";
    // DOMAIN C7: the day's topic and who presents it, so the calendar says "a face and a name".
    const Topic* topic = session.topic ? request.topics().find(*session.topic) : nullptr;
    std::string summary = request.title + ": samling " + std::to_string(session.number) + " av " +
                          std::to_string(schedule.sessions.size());
    if (topic != nullptr) summary += " – " + topic->title_nb;
    out += ical_fold("SUMMARY:" + ical_escape(summary));
    std::string location = session.venue.name;
    if (!session.venue.address.empty()) {
      location += (location.empty() ? "" : ", ") + session.venue.address;
    }
    if (!location.empty()) out += ical_fold("LOCATION:" + ical_escape(location));
    std::string description;
    if (topic != nullptr) {
      description += "Tema: " + topic->title_nb + "\n";
      const PresenterRole* role = request.topics().find_role(topic->presenter_role);
      description += "Innleder: " + (role ? role->title_nb : topic->presenter_role);
      for (const auto& presenter : request.presenters) {
        if (session.presenter && presenter.id == *session.presenter && !presenter.name.empty()) {
          description += " (" + presenter.name + ")";
        }
      }
      if (!session.presenter && session.number > 1) description += " – ikke avklart";
      description += "\n";
    }
    description += agenda_text(session);
    if (session.moved_from) {
      description += "\nFlyttet fra " + iso_date(*session.moved_from);
      if (session.move_reason) description += " (" + session.move_reason->name + ")";
    }
    if (request.school_calendar && request.school_calendar->example_data) {
      // DOMAIN X2: a calendar made for the examples is never mistaken for the municipality's.
      description += "\nMerk: datoene er planlagt etter en eksempelskolerute, ikke kommunens egen.";
    }
    out += ical_fold("DESCRIPTION:" + ical_escape(description));
    out += "END:VEVENT\r\n";
  }
  out += "END:VCALENDAR\r\n";
  return out;
}

// An iCalendar document from plain events (io/ical_events.hpp), for the plans that are not
// course schedules (a family week, a meeting-place season).
std::string detail::ical_calendar(const std::string& name, const std::string& calendar_key,
                          const std::vector<IcalEvent>& events, const IcalOptions& options) {
  const std::string dtstamp =
      utc_stamp(options.dtstamp_utc.value_or(boost::posix_time::second_clock::universal_time()));
  char key[17];
  std::snprintf(key, sizeof key, "%016llx",
                static_cast<unsigned long long>(detail::fnv1a(calendar_key)));
  std::string out;
  out += "BEGIN:VCALENDAR\r\n";
  out += "VERSION:2.0\r\n";
  out += "PRODID:-//paarorende//paarorende " + std::string(version_string) + "//NB\r\n";
  out += "CALSCALE:GREGORIAN\r\n";
  out += ical_fold("X-WR-CALNAME:" + ical_escape(name));
  out += detail::oslo_vtimezone();
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

}  // namespace paarorende
