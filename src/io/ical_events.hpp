// Internal: an iCalendar document from plain events, for the formats whose plans are not course
// schedules (a family week, a meeting-place season). Same conventions as to_ical (ical.hpp).
#pragma once

#include <string>
#include <vector>

#include "paarorende/ical.hpp"
#include "paarorende/schedule.hpp"

namespace paarorende::detail {

struct IcalEvent {
  std::string uid_key;  ///< Stable per event within its calendar ("day-2-teaching").
  LocalDateTime start;
  LocalDateTime end;
  std::string summary;
  std::string location;
  std::string description;
};

/// VCALENDAR with the Europe/Oslo VTIMEZONE (DOMAIN X3) and one VEVENT per event; UIDs are
/// "<hash of calendar_key>-<uid_key>@domain", stable across exports.
std::string ical_calendar(const std::string& name, const std::string& calendar_key,
                          const std::vector<IcalEvent>& events, const IcalOptions& options,
                          Language language);

/// `text`, the part of a calendar that `what` names, when it is written in the calendar's
/// `language`; an InputError at "/language" when it is empty (a municipality's topic or format
/// without nynorsk): never another language's text in its place (issue #23).
const std::string& text_in(const std::string& text, Language language, const std::string& what);

}  // namespace paarorende::detail
