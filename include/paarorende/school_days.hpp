// Per-school calendars, day by day, as municipalities publish them as open data (one row per
// school and day: dato, skole, elevdag, laererdag, sfodag, kommentar) or as a school's iCalendar
// feed of its days off. Where the municipality's calendar (calendar.hpp) says which weeks are
// holidays, these say, for each school, whether the pupils are at school and whether the
// after-school care (SFO) is open: what DOMAIN C3 and C11 turn on. A group whose children go to
// three schools needs all three open.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "paarorende/calendar.hpp"
#include "paarorende/violation.hpp"

namespace paarorende {

/// One school's day.
struct SchoolDay {
  Date date;
  bool pupils = false;    ///< elevdag: a school day for the pupils.
  bool teachers = false;  ///< lærerdag: the staff work (a planning day when the pupils do not).
  bool care = false;      ///< sfodag: the after-school care (SFO) is open (DOMAIN C3).
  std::string comment;    ///< kommentar, as written: "Planleggingsdag", "Høstferie".

  friend bool operator==(const SchoolDay&, const SchoolDay&) = default;
};

/// How a school's calendar lists its days.
enum class SchoolDayListing {
  every_day,  ///< Open data: a row for every day; a date without a row is not known to be open.
  days_off,   ///< An iCalendar feed: only the days without school; any other weekday is a school
              ///< day with the SFO open.
};

std::string_view to_string(SchoolDayListing listing) noexcept;

/// One school's calendar: its name as the file writes it, and its days in date order, one per date.
struct SchoolDayCalendar {
  std::string school;
  SchoolDayListing listing = SchoolDayListing::every_day;
  std::vector<SchoolDay> days;

  /// The day of this date, or nullptr when the calendar has no row for it.
  const SchoolDay* day(Date date) const noexcept;

  friend bool operator==(const SchoolDayCalendar&, const SchoolDayCalendar&) = default;
};

/// The calendars of a municipality's schools, keyed by name (in name order, each once).
struct SchoolDays {
  std::vector<SchoolDayCalendar> schools;

  /// The calendar of the school of this name (exactly as written), or nullptr.
  const SchoolDayCalendar* find(std::string_view school) const noexcept;

  friend bool operator==(const SchoolDays&, const SchoolDays&) = default;
};

/// Whether a day when only the SFO is open (a planning day, holiday SFO) may hold a session.
enum class SfoOnlyDays {
  refused,  ///< The default: a session needs a school day (DOMAIN C11) with the SFO open (C3).
  allowed,  ///< The children are looked after at the SFO; that is what C3 asks.
};

std::string_view to_string(SfoOnlyDays policy) noexcept;
/// "refused" or "allowed"; std::nullopt otherwise.
std::optional<SfoOnlyDays> sfo_only_days_from_string(std::string_view text) noexcept;

/// Whether a date is usable for a course at the given schools, and why not.
struct SchoolDayCheck {
  Date date;
  /// True when no finding is an error: the date is usable for every school.
  bool usable = true;
  /// Errors say why the date is not usable for a school (its name and the row's kommentar);
  /// warnings name a school without a calendar, whose days are not checked.
  std::vector<Violation> findings;

  friend bool operator==(const SchoolDayCheck&, const SchoolDayCheck&) = default;
};

/// DOMAIN C3, C11: `date` is usable for a school when the school's calendar says it is a school
/// day and its SFO is open; with `sfo_only` allowed, a day when only the SFO is open is usable
/// too. A date is usable for a course when it is usable for every one of `schools`. A school
/// without a calendar is a warning (X2: calendars are data a municipality supplies), never
/// silently open; a date a listing of every day has no row for is not usable. Weekends and public
/// holidays are course_closure's (calendar.hpp), not this check's.
SchoolDayCheck check_school_days(Date date, const SchoolDays& calendars, const std::vector<std::string>& schools,
                                 SfoOnlyDays sfo_only = SfoOnlyDays::refused);

/// Every school of `calendars`, by name: what `paarorende closed` checks without --school.
std::vector<std::string> school_names(const SchoolDays& calendars);

std::ostream& operator<<(std::ostream& out, const SchoolDay& day);
std::ostream& operator<<(std::ostream& out, const SchoolDayCheck& check);

}  // namespace paarorende
