#include "paarorende/io/ical.hpp"

#include <cstdint>
#include <cstdio>

#include <boost/date_time/posix_time/posix_time.hpp>

#include "detail/input_error.hpp"
#include "detail/plan_texts.hpp"
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

// Why a session moved, in the calendar's language: a public holiday by its name in it, a school
// holiday by the name the municipality's calendar gives it (its own text), the rest from the
// language's table. (The plan's JSON keeps the full reason, with the school named.)
// RFC 5545 3.7.3: the product and the language of its texts ("-//paarorende//paarorende 1.2//NN").
std::string prodid(Language language) {
  std::string tag(to_string(language));
  for (char& c : tag) c = static_cast<char>(c - 'a' + 'A');
  return "PRODID:-//paarorende//paarorende " + std::string(version_string) + "//" + tag + "\r\n";
}

std::string closure_name(const Closure& closure, Date date, Language language) {
  const detail::PlanTexts& texts = detail::plan_texts(language);
  switch (closure.kind) {
    case ClosureKind::weekend:
      return date.day_of_week() == boost::date_time::Saturday ? texts.saturday : texts.sunday;
    case ClosureKind::public_holiday:
      if (const auto holiday = public_holiday_on(date)) return holiday->name(language);
      break;
    case ClosureKind::outside_school_year: return texts.summer_holiday;
    case ClosureKind::school_holiday:
      if (closure.rule != "X2") return texts.closed_at_a_school;  // a school's own day (C3, C11)
      break;
  }
  return closure.name;
}

std::string agenda_text(const Session& session, Language language) {
  std::string text;
  const ClockTime start = session.start_time();
  for (const auto& item : session.agenda) {
    if (!text.empty()) text += "\n";
    text += clock_time(start + boost::posix_time::minutes(item.offset_minutes)) + "-" +
            clock_time(start + boost::posix_time::minutes(item.offset_minutes + item.minutes)) +
            " " + detail::text_in(item.title(language), language,
                                  "session " + std::to_string(session.number) + "'s agenda item " +
                                      detail::quote_input(item.title_nb));
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

const std::string& detail::text_in(const std::string& text, Language language, const std::string& what) {
  if (text.empty()) {
    detail::raise_input_error("/language", what + " has no text in " +
                                               (language == Language::nn ? std::string("nynorsk")
                                                                         : std::string(to_string(language))) +
                                               ", and a calendar in it shows no other language's");
  }
  return text;
}

std::string to_ical(const CourseSchedule& schedule, const IcalOptions& options) {
  const CourseRequest& request = schedule.request;
  const Language language = request.language;
  const detail::PlanTexts& texts = detail::plan_texts(language);
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
  out += prodid(language);
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
    const std::string topic_title =
        topic ? detail::text_in(topic->title(language), language,
                                "the title of topic " + detail::quote_input(topic->id))
              : std::string();
    std::string summary = request.title + texts.session_number + std::to_string(session.number) +
                          texts.of + std::to_string(schedule.sessions.size());
    if (topic != nullptr) summary += " – " + topic_title;
    out += ical_fold("SUMMARY:" + ical_escape(summary));
    std::string location = session.venue.name;
    if (!session.venue.address.empty()) {
      location += (location.empty() ? "" : ", ") + session.venue.address;
    }
    if (!location.empty()) out += ical_fold("LOCATION:" + ical_escape(location));
    std::string description;
    if (topic != nullptr) {
      description += texts.topic + topic_title + "\n";
      const PresenterRole* role = request.topics().find_role(topic->presenter_role);
      description += texts.presenter +
                     (role ? detail::text_in(role->title(language), language,
                                             "the title of presenter role " + detail::quote_input(role->id))
                           : topic->presenter_role);
      for (const auto& presenter : request.presenters) {
        if (session.presenter && presenter.id == *session.presenter && !presenter.name.empty()) {
          description += " (" + presenter.name + ")";
        }
      }
      if (!session.presenter && session.number > 1) description += texts.presenter_not_settled;
      description += "\n";
    }
    description += agenda_text(session, language);
    if (session.moved_from) {
      description += "\n" + std::string(texts.moved_from) + iso_date(*session.moved_from);
      if (session.move_reason) description += " (" + closure_name(*session.move_reason, *session.moved_from, language) + ")";
    }
    if (request.school_calendar && request.school_calendar->example_data) {
      // DOMAIN X2: a calendar made for the examples is never mistaken for the municipality's.
      description += "\n" + std::string(texts.example_calendar);
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
                          const std::vector<IcalEvent>& events, const IcalOptions& options,
                          Language language) {
  const std::string dtstamp =
      utc_stamp(options.dtstamp_utc.value_or(boost::posix_time::second_clock::universal_time()));
  char key[17];
  std::snprintf(key, sizeof key, "%016llx",
                static_cast<unsigned long long>(detail::fnv1a(calendar_key)));
  std::string out;
  out += "BEGIN:VCALENDAR\r\n";
  out += "VERSION:2.0\r\n";
  out += prodid(language);
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
