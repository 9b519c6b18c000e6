// Per-school calendars (school_days.hpp): the usable-date rule of DOMAIN C3 and C11, school by
// school.
#include "paarorende/school_days.hpp"

#include <algorithm>

#include "detail/enum_names.hpp"
#include "detail/text.hpp"

namespace paarorende {
namespace {

constexpr auto school_day_listing_names = detail::enum_names<SchoolDayListing>("every_day", "days_off");
constexpr auto sfo_only_days_names = detail::enum_names<SfoOnlyDays>("refused", "allowed");

// "Planleggingsdag" as " (Planleggingsdag)", nothing for an empty comment.
std::string comment_of(const SchoolDay& day) {
  return day.comment.empty() ? std::string() : " (" + day.comment + ")";
}

}  // namespace

std::string_view to_string(SchoolDayListing listing) noexcept { return school_day_listing_names.name(listing); }
std::string_view to_string(SfoOnlyDays policy) noexcept { return sfo_only_days_names.name(policy); }
std::optional<SfoOnlyDays> sfo_only_days_from_string(std::string_view text) noexcept {
  return sfo_only_days_names.parse(text);
}

const SchoolDay* SchoolDayCalendar::day(Date date) const noexcept {
  const auto found = std::lower_bound(days.begin(), days.end(), date,
                                      [](const SchoolDay& day, Date d) { return day.date < d; });
  return found != days.end() && found->date == date ? &*found : nullptr;
}

const SchoolDayCalendar* SchoolDays::find(std::string_view school) const noexcept {
  const auto found = std::lower_bound(schools.begin(), schools.end(), school,
                                      [](const SchoolDayCalendar& calendar, std::string_view name) {
                                        return calendar.school < name;
                                      });
  return found != schools.end() && found->school == school ? &*found : nullptr;
}

std::vector<std::string> school_names(const SchoolDays& calendars) {
  std::vector<std::string> names;
  for (const auto& calendar : calendars.schools) names.push_back(calendar.school);
  return names;
}

SchoolDayCheck check_school_days(Date date, const SchoolDays& calendars, const std::vector<std::string>& schools,
                                 SfoOnlyDays sfo_only) {
  SchoolDayCheck check;
  check.date = date;
  std::vector<std::string> seen;
  for (const std::string& school : schools) {
    if (std::find(seen.begin(), seen.end(), school) != seen.end()) continue;
    seen.push_back(school);
    const std::string name = detail::quote_input(school);
    const SchoolDayCalendar* calendar = calendars.find(school);
    if (calendar == nullptr) {
      // DOMAIN X2: a calendar is data the municipality supplies; without one nothing is known.
      check.findings.push_back({"X2", Severity::warning,
                                "no school calendar for " + name + ": its school days and SFO are not checked", {}});
      continue;
    }
    const SchoolDay* day = calendar->day(date);
    if (day == nullptr) {
      if (calendar->listing == SchoolDayListing::days_off) continue;  // not a day off: a school day
      check.findings.push_back({"C11", Severity::error,
                                name + ": the school calendar has no row for " + iso_date(date) +
                                    ", so it is not known to be a school day", {}});
      continue;
    }
    if (!day->care) {
      // DOMAIN C3: the session ends when the children's care closes; without care, no session.
      check.findings.push_back({"C3", Severity::error,
                                name + ": the SFO is closed on " + iso_date(date) + comment_of(*day), {}});
    } else if (!day->pupils && sfo_only == SfoOnlyDays::refused) {
      // DOMAIN C11: a course runs on school days; a day with only the SFO open is not one unless
      // the municipality allows it (sfo_only_days: "allowed").
      check.findings.push_back({"C11", Severity::error,
                                name + ": not a school day on " + iso_date(date) + comment_of(*day) +
                                    "; only the SFO is open (sfo_only_days: \"allowed\" admits it)", {}});
    } else if (!day->pupils) {
      check.findings.push_back({"C11", Severity::info,
                                name + ": only the SFO is open on " + iso_date(date) + comment_of(*day) +
                                    ", allowed by sfo_only_days", {}});
    }
  }
  check.usable = !has_errors(check.findings);
  return check;
}

std::ostream& operator<<(std::ostream& out, const SchoolDay& day) {
  return out << "SchoolDay(" << iso_date(day.date) << ", pupils=" << (day.pupils ? "yes" : "no")
             << ", teachers=" << (day.teachers ? "yes" : "no") << ", care=" << (day.care ? "yes" : "no")
             << (day.comment.empty() ? "" : ", " + detail::quote_input(day.comment)) << ")";
}

std::ostream& operator<<(std::ostream& out, const SchoolDayCheck& check) {
  out << iso_date(check.date) << (check.usable ? ": usable" : ": not usable");
  for (const auto& finding : check.findings) out << "; " << finding;
  return out;
}

}  // namespace paarorende
