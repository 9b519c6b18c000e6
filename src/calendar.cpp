#include "paarorende/calendar.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <functional>

#include "detail/input_error.hpp"
#include "detail/language.hpp"
#include "detail/text.hpp"
#include "paarorende/error.hpp"

namespace paarorende {
namespace {

void require_supported_year(int year) {
  if (year < first_supported_year || year > last_supported_year) {
    detail::raise_input_error("year", std::to_string(year) + " is outside the supported years " +
                         std::to_string(first_supported_year) + "-" +
                         std::to_string(last_supported_year), detail::Rule{"X1"});
  }
}

// The law on public holidays (lov 26. april 1947 nr. 1) made 1 May and 17 May public holidays.
constexpr int first_year_of_may_holidays = 1947;

}  // namespace

std::string iso_date(Date date) {
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", static_cast<int>(date.year()),
                static_cast<int>(date.month()), static_cast<int>(date.day()));
  return text;
}

std::string clock_time(boost::posix_time::time_duration time_of_day) {
  const long minutes = time_of_day.total_seconds() / 60;
  char text[32];
  std::snprintf(text, sizeof text, "%02ld:%02ld", minutes / 60, minutes % 60);
  return text;
}

Date parse_iso_date(std::string_view text) {
  using detail::all_digits;
  using detail::quote_input;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !all_digits(text.substr(0, 4)) ||
      !all_digits(text.substr(5, 2)) || !all_digits(text.substr(8, 2))) {
    detail::raise_input_error("", "expected a date as YYYY-MM-DD, got " + quote_input(text));
  }
  const auto number = [&](std::size_t from, std::size_t length) {
    return std::stoi(std::string(text.substr(from, length)));
  };
  const int year = number(0, 4);
  const int month = number(5, 2);
  const int day = number(8, 2);
  if (year < first_supported_year || year > last_supported_year) {
    detail::raise_input_error("", quote_input(text) + " is outside the supported years " +
                                      std::to_string(first_supported_year) + "-" +
                                      std::to_string(last_supported_year));
  }
  if (month < 1 || month > 12 || day < 1 ||
      day > boost::gregorian::gregorian_calendar::end_of_month_day(
                static_cast<unsigned short>(year), static_cast<unsigned short>(month))) {
    detail::raise_input_error("", quote_input(text) + " is not a calendar date");
  }
  return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
              static_cast<unsigned short>(day));
}

boost::posix_time::time_duration parse_clock_time(std::string_view text) {
  const auto two_digits = [&](std::size_t from) {
    return detail::all_digits(text.substr(from, 2)) ? std::stoi(std::string(text.substr(from, 2))) : -1;
  };
  if (text.size() != 5 || text[2] != ':' || two_digits(0) < 0 || two_digits(0) > 23 ||
      two_digits(3) < 0 || two_digits(3) > 59) {
    detail::raise_input_error("", "expected a time of day as HH:MM (00:00-23:59), got " +
                                      detail::quote_input(text));
  }
  return boost::posix_time::time_duration(two_digits(0), two_digits(3), 0);
}

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

namespace {

// DOMAIN X1: the Norwegian public holidays, each a fixed date or an offset from Easter Sunday.
struct HolidayRule {
  int easter_offset;  // days from Easter Sunday, when month == 0
  int month;
  int day;
  int from_year;  // first year the holiday is in force
  const char* name_nb;
  const char* name_en;
  const char* name_nn;
};

constexpr HolidayRule holiday_rules[] = {
    {0, 1, 1, first_supported_year, "Første nyttårsdag", "New Year's Day", "Første nyttårsdag"},
    {-3, 0, 0, first_supported_year, "Skjærtorsdag", "Maundy Thursday", "Skjærtorsdag"},
    {-2, 0, 0, first_supported_year, "Langfredag", "Good Friday", "Langfredag"},
    {0, 0, 0, first_supported_year, "Første påskedag", "Easter Sunday", "Første påskedag"},
    {1, 0, 0, first_supported_year, "Andre påskedag", "Easter Monday", "Andre påskedag"},
    {0, 5, 1, first_year_of_may_holidays, "Arbeidernes dag", "Labour Day", "Arbeidarane sin dag"},
    {0, 5, 17, first_year_of_may_holidays, "Grunnlovsdag", "Constitution Day", "Grunnlovsdagen"},
    {39, 0, 0, first_supported_year, "Kristi himmelfartsdag", "Ascension Day", "Kristi himmelfartsdag"},
    {49, 0, 0, first_supported_year, "Første pinsedag", "Whit Sunday", "Første pinsedag"},
    {50, 0, 0, first_supported_year, "Andre pinsedag", "Whit Monday", "Andre pinsedag"},
    {0, 12, 25, first_supported_year, "Første juledag", "Christmas Day", "Første juledag"},
    {0, 12, 26, first_supported_year, "Andre juledag", "Boxing Day", "Andre juledag"},
};

Date date_of(const HolidayRule& rule, int year, Date easter) {
  if (rule.month == 0) return easter + boost::gregorian::days(rule.easter_offset);
  return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(rule.month),
              static_cast<unsigned short>(rule.day));
}

}  // namespace

std::vector<PublicHoliday> public_holidays(int year) {
  const Date easter = easter_sunday(year);  // checks the year's range
  std::vector<PublicHoliday> holidays;
  for (const auto& rule : holiday_rules) {
    if (year >= rule.from_year) {
      holidays.push_back({date_of(rule, year, easter), rule.name_nb, rule.name_en, rule.name_nn});
    }
  }
  // Date order; stable, so two holidays on one date keep the table's order.
  std::stable_sort(holidays.begin(), holidays.end(),
                   [](const PublicHoliday& a, const PublicHoliday& b) { return a.date < b.date; });
  return holidays;
}

const std::string& PublicHoliday::name(Language language) const noexcept {
  return detail::in_language(language, name_nb, name_nn, name_en);
}

// Allocation-free until a holiday is found: the planner asks this for every candidate date.
std::optional<PublicHoliday> public_holiday_on(Date date) {
  const int year = date.year();
  const Date easter = easter_sunday(year);
  const HolidayRule* found = nullptr;
  for (const auto& rule : holiday_rules) {
    if (year >= rule.from_year && date_of(rule, year, easter) == date) {
      // Of two on one date, the earlier in date order of the table (as public_holidays lists).
      if (found == nullptr) found = &rule;
    }
  }
  if (found == nullptr) return std::nullopt;
  return PublicHoliday{date, found->name_nb, found->name_en, found->name_nn};
}

const SchoolYear* SchoolCalendar::school_year_of(Date date) const noexcept {
  for (const auto& year : years) {
    if (year.first_day <= date && date <= year.last_day) return &year;
  }
  return nullptr;
}

bool SchoolCalendar::covers(Date date) const noexcept {
  // In a school year, or in the summer between two consecutive ones. A longer gap means years
  // the municipality did not supply: unknown, not a holiday.
  for (std::size_t i = 0; i < years.size(); ++i) {
    if (years[i].first_day <= date && date <= years[i].last_day) return true;
    if (i + 1 < years.size() && years[i].last_day < date && date < years[i + 1].first_day) {
      return (years[i + 1].first_day - years[i].last_day).days() <= max_summer_days;
    }
  }
  return false;
}

void check_school_calendar(const SchoolCalendar& calendar) {
  // Pointers are built only on failure: the planner checks every request it is given.
  auto at = [](std::size_t y) { return "/school_years/" + std::to_string(y); };
  auto holiday_at = [&at](std::size_t y, std::size_t h) {
    return at(y) + "/holidays/" + std::to_string(h);
  };
  auto require_supported = [](Date date, const std::function<std::string()>& where) {
    if (date.is_special() || date.year() < first_supported_year ||
        date.year() > last_supported_year) {
      detail::raise_input_error(where(), "date outside the supported years " +
                               std::to_string(first_supported_year) + "-" +
                               std::to_string(last_supported_year));
    }
  };
  for (std::size_t y = 0; y < calendar.years.size(); ++y) {
    const auto& year = calendar.years[y];
    require_supported(year.first_day, [&] { return at(y) + "/first_day"; });
    require_supported(year.last_day, [&] { return at(y) + "/last_day"; });
    if (year.last_day < year.first_day) {
      detail::raise_input_error(at(y) + "/last_day", "the school year ends before it begins", detail::Rule{"X2"});
    }
    if (y > 0 && year.first_day <= calendar.years[y - 1].last_day) {
      detail::raise_input_error(at(y) + "/first_day", "school years must be in order and must not overlap", detail::Rule{"X2"});
    }
    for (std::size_t h = 0; h < year.holidays.size(); ++h) {
      const auto& holiday = year.holidays[h];
      require_supported(holiday.first, [&] { return holiday_at(y, h) + "/first"; });
      require_supported(holiday.last, [&] { return holiday_at(y, h) + "/last"; });
      if (holiday.last < holiday.first) {
        detail::raise_input_error(holiday_at(y, h) + "/last", "the holiday ends before it begins", detail::Rule{"X2"});
      }
      // A holiday outside its school year would never be consulted (closures look up the year).
      if (holiday.first < year.first_day || holiday.last > year.last_day) {
        detail::raise_input_error(holiday_at(y, h) + "/first", "the holiday is outside its school year " + year.label, detail::Rule{"X2"});
      }
    }
  }
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
  return out << iso_date(holiday.date) << ' ' << holiday.name_nb;
}

std::ostream& operator<<(std::ostream& out, const Closure& closure) {
  return out << closure.name << " (" << to_string(closure.kind) << ", DOMAIN " << closure.rule
             << ')';
}

}  // namespace paarorende
