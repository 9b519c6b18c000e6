#include "paarorende/calendar.hpp"

#include <algorithm>
#include <array>

#include "paarorende/detail/format.hpp"
#include "paarorende/error.hpp"

namespace paarorende {
namespace {

void require_supported_year(int year) {
  if (year < first_supported_year || year > last_supported_year) {
    throw InputError("X1",
                     "year " + std::to_string(year) + " is outside the supported range " +
                         std::to_string(first_supported_year) + "-" +
                         std::to_string(last_supported_year),
                     "year");
  }
}

// The law on public holidays (lov 26. april 1947 nr. 1) made 1 May and 17 May public holidays.
constexpr int first_year_of_may_holidays = 1947;

}  // namespace

// DOMAIN X1: Easter by the Gregorian computus. The "anonymous Gregorian algorithm"
// (Meeus, Astronomical Algorithms, ch. 8; Jones 1876, Butcher 1876), exact for every
// Gregorian year. Ranges noted for each intermediate.
Date easter_sunday(int year) {
  require_supported_year(year);
  const int a = year % 19;                                   // [0, 18]: place in the Metonic cycle
  const int b = year / 100;                                  // century
  const int c = year % 100;                                  // [0, 99]
  const int d = b / 4;
  const int e = b % 4;                                       // [0, 3]
  const int f = (b + 8) / 25;                                // lunar correction
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;              // [0, 29]: epact-related
  const int i = c / 4;
  const int k = c % 4;                                       // [0, 3]
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;            // [0, 6]: days to Sunday
  const int m = (a + 11 * h + 22 * l) / 451;                 // [0, 1]
  const int month = (h + l - 7 * m + 114) / 31;              // [3, 4]
  const int day = (h + l - 7 * m + 114) % 31 + 1;            // [1, 31]
  return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
              static_cast<unsigned short>(day));
}

std::vector<PublicHoliday> public_holidays(int year) {
  require_supported_year(year);  // DOMAIN X1
  const Date easter = easter_sunday(year);
  const auto y = static_cast<unsigned short>(year);
  using boost::gregorian::days;
  std::vector<PublicHoliday> holidays{
      {Date(y, 1, 1), "Første nyttårsdag", "New Year's Day"},
      {easter - days(3), "Skjærtorsdag", "Maundy Thursday"},
      {easter - days(2), "Langfredag", "Good Friday"},
      {easter, "Første påskedag", "Easter Sunday"},
      {easter + days(1), "Andre påskedag", "Easter Monday"},
      {easter + days(39), "Kristi himmelfartsdag", "Ascension Day"},
      {easter + days(49), "Første pinsedag", "Whit Sunday"},
      {easter + days(50), "Andre pinsedag", "Whit Monday"},
      {Date(y, 12, 25), "Første juledag", "Christmas Day"},
      {Date(y, 12, 26), "Andre juledag", "Boxing Day"},
  };
  if (year >= first_year_of_may_holidays) {
    holidays.push_back({Date(y, 5, 1), "Arbeidernes dag", "Labour Day"});
    holidays.push_back({Date(y, 5, 17), "Grunnlovsdag", "Constitution Day"});
  }
  // Date order; stable, so two holidays on one date keep the order above (moving feast first).
  std::stable_sort(holidays.begin(), holidays.end(),
                   [](const PublicHoliday& a, const PublicHoliday& b) { return a.date < b.date; });
  return holidays;
}

std::optional<PublicHoliday> public_holiday_on(Date date) {
  for (auto& holiday : public_holidays(date.year())) {
    if (holiday.date == date) return holiday;
  }
  return std::nullopt;
}

const SchoolYear* SchoolCalendar::school_year_of(Date date) const noexcept {
  for (const auto& year : years) {
    if (year.first_day <= date && date <= year.last_day) return &year;
  }
  return nullptr;
}

bool SchoolCalendar::covers(Date date) const noexcept {
  return !years.empty() && years.front().first_day <= date && date <= years.back().last_day;
}

std::string to_string(ClosureKind kind) {
  switch (kind) {
    case ClosureKind::weekend: return "weekend";
    case ClosureKind::public_holiday: return "public_holiday";
    case ClosureKind::school_holiday: return "school_holiday";
    case ClosureKind::outside_school_year: return "outside_school_year";
  }
  return "unknown";
}

// DOMAIN C11: no session on a public holiday (X1) or in a school holiday (X2); the after-school
// programme is closed then, and on weekends (C3).
std::optional<Closure> course_closure(Date date, const SchoolCalendar* school) {
  const auto weekday = date.day_of_week().as_number();
  if (weekday == boost::date_time::Saturday) return Closure{ClosureKind::weekend, "C3", "lørdag"};
  if (weekday == boost::date_time::Sunday) return Closure{ClosureKind::weekend, "C3", "søndag"};
  if (auto holiday = public_holiday_on(date)) {
    return Closure{ClosureKind::public_holiday, "X1", holiday->name_nb};
  }
  if (school != nullptr && school->covers(date)) {
    const SchoolYear* year = school->school_year_of(date);
    if (year == nullptr) return Closure{ClosureKind::outside_school_year, "C11", "sommerferie"};
    for (const auto& holiday : year->holidays) {
      if (holiday.first <= date && date <= holiday.last) {
        return Closure{ClosureKind::school_holiday, "X2", holiday.name};
      }
    }
  }
  return std::nullopt;
}

std::ostream& operator<<(std::ostream& out, const PublicHoliday& holiday) {
  return out << detail::iso_date(holiday.date) << ' ' << holiday.name_nb;
}

std::ostream& operator<<(std::ostream& out, const Closure& closure) {
  return out << closure.name << " (" << to_string(closure.kind) << ", DOMAIN " << closure.rule
             << ')';
}

}  // namespace paarorende
