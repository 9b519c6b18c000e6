// The Norwegian calendar a course lives in: public holidays (DOMAIN X1), a municipality's school
// holidays and school years (X2), and the one query the planner needs: is this date closed for a
// course, and why (C11)?
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include "paarorende/language.hpp"

namespace paarorende {

using Date = boost::gregorian::date;

/// Years for which public holidays are computed. Outside this range the functions throw
/// InputError: the Gregorian computus holds far beyond it, but the law behind the holidays
/// does not.
inline constexpr int first_supported_year = 1900;
inline constexpr int last_supported_year = 2200;

// Dates and times of day as text, as every document, message and calendar file writes them.

/// "2019-11-05" (ISO 8601).
std::string iso_date(Date date);
/// "16:30" for a time of day in [00:00, 24:00).
std::string clock_time(boost::posix_time::time_duration time_of_day);
/// Reads "YYYY-MM-DD", a real calendar date in the supported years. Throws InputError (without a
/// location: the caller knows where the text came from) otherwise.
///
/// **Example**: `parse_iso_date("2024-02-29") == Date(2024, 2, 29)`.
Date parse_iso_date(std::string_view text);
/// Reads "HH:MM", 00:00 to 23:59. Throws InputError (without a location) otherwise.
boost::posix_time::time_duration parse_clock_time(std::string_view text);

/// Easter Sunday of `year` by the Gregorian computus (DOMAIN X1). Throws InputError outside
/// [first_supported_year, last_supported_year].
///
/// **Example**: `easter_sunday(2024) == Date(2024, 3, 31)`.
Date easter_sunday(int year);

struct PublicHoliday {
  Date date;
  std::string name_nb;  ///< Norwegian bokmål, as in the law ("Kristi himmelfartsdag").
  std::string name_en;
  std::string name_nn = {};  ///< Nynorsk ("Grunnlovsdagen").

  /// The name in `language`.
  const std::string& name(Language language) const noexcept;
  friend bool operator==(const PublicHoliday&, const PublicHoliday&) = default;
};

/// The Norwegian public holidays of `year` in date order (DOMAIN X1). 1 May and 17 May are
/// included from 1947, when the law made them public holidays. Two holidays on one date (17 May
/// on Ascension Day, say) are listed as two entries.
std::vector<PublicHoliday> public_holidays(int year);

/// The public holiday on `date`, if any (the first, when two fall on one date).
std::optional<PublicHoliday> public_holiday_on(Date date);

/// A school holiday period, both ends inclusive ("Høstferie", 2019-09-30 .. 2019-10-04).
struct SchoolHoliday {
  std::string name;
  Date first;
  Date last;

  friend bool operator==(const SchoolHoliday&, const SchoolHoliday&) = default;
};

/// One school year of one municipality: its first and last school day and its holidays.
struct SchoolYear {
  std::string label;  ///< "2019-2020".
  Date first_day;
  Date last_day;
  std::vector<SchoolHoliday> holidays;

  friend bool operator==(const SchoolYear&, const SchoolYear&) = default;
};

/// A municipality's school calendar (DOMAIN X2): data it supplies, never constants. The years
/// are in order and do not overlap (the JSON loader checks this).
struct SchoolCalendar {
  std::string municipality;
  std::vector<SchoolYear> years;
  bool example_data = false;  ///< True for illustrative data shipped with the examples.
  std::string note;           ///< Source or caveat, free text.

  /// The school year containing `date` (between its first and last day), if any.
  const SchoolYear* school_year_of(Date date) const noexcept;
  /// True when this calendar can say whether school is open on `date`: the date is in one of its
  /// school years, or in the summer between two consecutive ones (a gap of at most
  /// `max_summer_days`). Dates in a longer gap, or outside all years, are not covered.
  bool covers(Date date) const noexcept;

  /// The longest gap between two school years that is read as one summer holiday.
  static constexpr long max_summer_days = 120;

  friend bool operator==(const SchoolCalendar&, const SchoolCalendar&) = default;
};

/// Checks a school calendar built in code as the JSON reader checks one read from a file: dates
/// within the supported years, each year and holiday ending after it begins, years in order and
/// not overlapping (DOMAIN X2). Throws InputError whose where() is a JSON pointer into the
/// calendar's document ("/school_years/1/first_day").
void check_school_calendar(const SchoolCalendar& calendar);

/// Why a date is closed for a course.
enum class ClosureKind {
  weekend,              ///< After-school care runs on weekdays (DOMAIN C3).
  public_holiday,       ///< DOMAIN X1.
  school_holiday,       ///< DOMAIN X2.
  outside_school_year,  ///< Summer, between school years (DOMAIN C11).
};

struct Closure {
  ClosureKind kind;
  std::string rule;  ///< The DOMAIN id behind it: "C3", "X1", "X2" or "C11".
  std::string name;  ///< "Andre juledag", "Vinterferie", "lørdag", "sommerferie".

  friend bool operator==(const Closure&, const Closure&) = default;
};

std::string to_string(ClosureKind kind);

/// Is `date` closed for a course (DOMAIN C11), and why? A date is closed on weekends, public
/// holidays, and, where `school` is given and covers the date, in school holidays and outside
/// the school year. Returns std::nullopt when the date is open.
std::optional<Closure> course_closure(Date date, const SchoolCalendar* school = nullptr);

std::ostream& operator<<(std::ostream& out, const PublicHoliday& holiday);
std::ostream& operator<<(std::ostream& out, const Closure& closure);

}  // namespace paarorende
