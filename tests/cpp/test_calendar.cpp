// The Norwegian calendar as a specification: Easter and the public holidays (DOMAIN X1), and the
// days a course cannot meet (DOMAIN C3, C11, X2).
#include <gtest/gtest.h>

#include "fixtures.hpp"

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "paarorende/calendar.hpp"
#include "paarorende/error.hpp"

namespace {

using paarorende::Closure;
using paarorende::ClosureKind;
using paarorende::course_closure;
using paarorende::Date;
using paarorende::easter_sunday;
using paarorende::InputError;
using paarorende::public_holiday_on;
using paarorende::public_holidays;
using paarorende::PublicHoliday;
using paarorende::SchoolCalendar;
using paarorende::SchoolHoliday;
using paarorende::SchoolYear;

// Oudin's algorithm (1940, as given in the Explanatory Supplement to the Astronomical Almanac,
// 1992, 1.7): a second, independent derivation of the Gregorian computus to check against.
Date easter_by_oudin(int year) {
  const int c = year / 100;
  const int n = year - 19 * (year / 19);
  const int k = (c - 17) / 25;
  int i = c - c / 4 - (c - k) / 3 + 19 * n + 15;
  i = i - 30 * (i / 30);
  i = i - (i / 28) * (1 - (i / 28) * (29 / (i + 1)) * ((21 - n) / 11));
  int j = year + year / 4 + i + 2 - c + c / 4;
  j = j - 7 * (j / 7);
  const int l = i - j;
  const int month = 3 + (l + 40) / 44;
  const int day = l + 28 - 31 * (month / 4);
  return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
              static_cast<unsigned short>(day));
}

std::vector<PublicHoliday> holidays_on(int year, Date date) {
  std::vector<PublicHoliday> found;
  for (const auto& holiday : public_holidays(year)) {
    if (holiday.date == date) found.push_back(holiday);
  }
  return found;
}

using namespace paarorende::test_support;

// ---------------------------------------------------------------------------------------------
// Easter (DOMAIN X1)

// DOMAIN X1: each date checked against published Easter tables, not against the code.
TEST(easter, known_dates_across_centuries) {
  EXPECT_EQ(easter_sunday(1900), Date(1900, 4, 15));
  EXPECT_EQ(easter_sunday(1943), Date(1943, 4, 25));  // the latest possible date
  EXPECT_EQ(easter_sunday(1961), Date(1961, 4, 2));
  EXPECT_EQ(easter_sunday(2008), Date(2008, 3, 23));  // earliest of any year from 1819 to 2284
  EXPECT_EQ(easter_sunday(2011), Date(2011, 4, 24));
  EXPECT_EQ(easter_sunday(2019), Date(2019, 4, 21));
  EXPECT_EQ(easter_sunday(2024), Date(2024, 3, 31));
  EXPECT_EQ(easter_sunday(2038), Date(2038, 4, 25));  // the latest possible date again
  EXPECT_EQ(easter_sunday(2100), Date(2100, 3, 28));
  EXPECT_EQ(easter_sunday(2200), Date(2200, 4, 6));
}

// DOMAIN X1: the Gregorian computus puts Easter on a Sunday from 22 March to 25 April.
TEST(easter, always_a_sunday_between_march_22_and_april_25) {
  for (int year = paarorende::first_supported_year; year <= paarorende::last_supported_year;
       ++year) {
    const Date easter = easter_sunday(year);
    SCOPED_TRACE(year);
    EXPECT_EQ(easter.year(), year);
    EXPECT_EQ(easter.day_of_week().as_number(), boost::date_time::Sunday);
    EXPECT_GE(easter, Date(static_cast<unsigned short>(year), 3, 22));
    EXPECT_LE(easter, Date(static_cast<unsigned short>(year), 4, 25));
  }
}

// DOMAIN X1: the anonymous Gregorian algorithm agrees with Oudin's for every supported year.
TEST(easter, agrees_with_an_independent_algorithm_for_every_supported_year) {
  for (int year = paarorende::first_supported_year; year <= paarorende::last_supported_year;
       ++year) {
    EXPECT_EQ(easter_sunday(year), easter_by_oudin(year)) << year;
  }
}

// DOMAIN X1: outside 1900-2200 the holiday law behind the dates is not known to hold.
TEST(easter, years_outside_the_supported_range_throw_input_error_x1) {
  for (int year : {1899, 2201, 0, -44}) {
    try {
      easter_sunday(year);
      FAIL() << "no exception for year " << year;
    } catch (const InputError& error) {
      EXPECT_EQ(error.rule(), "X1");
      EXPECT_EQ(located(error), (Located{"year", std::to_string(year) +
                                                     " is outside the supported years 1900-2200"}));
    }
  }
}

TEST(easter, error_text_names_where_what_and_rule) {
  const InputError error = thrown<InputError>([&] { easter_sunday(1899); });
  EXPECT_STREQ(error.what(), "year: 1899 is outside the supported years 1900-2200 [DOMAIN X1]");
}

TEST(easter, first_and_last_supported_years_are_accepted) {
  EXPECT_NO_THROW(easter_sunday(1900));
  EXPECT_NO_THROW(easter_sunday(2200));
}

// ---------------------------------------------------------------------------------------------
// Public holidays (DOMAIN X1)

// DOMAIN X1: all twelve holidays of 2020 (Easter 12 April), in date order, with the names used in
// Norwegian calendars. Worked by hand: Maundy Thursday = Easter - 3, Good Friday = Easter - 2,
// Ascension = Easter + 39, Whit Sunday = Easter + 49, Whit Monday = Easter + 50.
TEST(public_holidays, all_twelve_of_2020_with_norwegian_names) {
  const std::vector<PublicHoliday> expected{
      {Date(2020, 1, 1), "Første nyttårsdag", "New Year's Day", "Første nyttårsdag"},
      {Date(2020, 4, 9), "Skjærtorsdag", "Maundy Thursday", "Skjærtorsdag"},
      {Date(2020, 4, 10), "Langfredag", "Good Friday", "Langfredag"},
      {Date(2020, 4, 12), "Første påskedag", "Easter Sunday", "Første påskedag"},
      {Date(2020, 4, 13), "Andre påskedag", "Easter Monday", "Andre påskedag"},
      {Date(2020, 5, 1), "Arbeidernes dag", "Labour Day", "Arbeidarane sin dag"},
      {Date(2020, 5, 17), "Grunnlovsdag", "Constitution Day", "Grunnlovsdagen"},
      {Date(2020, 5, 21), "Kristi himmelfartsdag", "Ascension Day", "Kristi himmelfartsdag"},
      {Date(2020, 5, 31), "Første pinsedag", "Whit Sunday", "Første pinsedag"},
      {Date(2020, 6, 1), "Andre pinsedag", "Whit Monday", "Andre pinsedag"},
      {Date(2020, 12, 25), "Første juledag", "Christmas Day", "Første juledag"},
      {Date(2020, 12, 26), "Andre juledag", "Boxing Day", "Andre juledag"},
  };
  EXPECT_EQ(public_holidays(2020), expected);
}

// DOMAIN X1: every year has twelve holidays from 1947 (ten before), in date order.
TEST(public_holidays, twelve_per_year_from_1947_in_date_order) {
  for (int year = paarorende::first_supported_year; year <= paarorende::last_supported_year;
       ++year) {
    const auto holidays = public_holidays(year);
    SCOPED_TRACE(year);
    EXPECT_EQ(holidays.size(), year >= 1947 ? 12u : 10u);
    for (std::size_t i = 1; i < holidays.size(); ++i) {
      EXPECT_LE(holidays[i - 1].date, holidays[i].date);
    }
    for (const auto& holiday : holidays) EXPECT_EQ(holiday.date.year(), year);
  }
}

// DOMAIN X1: the moving feasts keep their distance from Easter in every year.
TEST(public_holidays, moving_feasts_follow_easter) {
  using boost::gregorian::days;
  for (int year : {1900, 1943, 2008, 2024, 2200}) {
    const Date easter = easter_sunday(year);
    const auto holidays = public_holidays(year);
    auto date_of = [&](const std::string& name_en) {
      for (const auto& holiday : holidays) {
        if (holiday.name_en == name_en) return holiday.date;
      }
      return Date(boost::gregorian::not_a_date_time);
    };
    SCOPED_TRACE(year);
    EXPECT_EQ(date_of("Maundy Thursday"), easter - days(3));
    EXPECT_EQ(date_of("Good Friday"), easter - days(2));
    EXPECT_EQ(date_of("Easter Sunday"), easter);
    EXPECT_EQ(date_of("Easter Monday"), easter + days(1));
    EXPECT_EQ(date_of("Ascension Day"), easter + days(39));
    EXPECT_EQ(date_of("Whit Sunday"), easter + days(49));
    EXPECT_EQ(date_of("Whit Monday"), easter + days(50));
  }
}

// DOMAIN X1: the law of 26 April 1947 made 1 May and 17 May public holidays.
TEST(public_holidays, may_1_and_may_17_absent_before_1947) {
  EXPECT_TRUE(holidays_on(1946, Date(1946, 5, 1)).empty());
  EXPECT_TRUE(holidays_on(1946, Date(1946, 5, 17)).empty());
  EXPECT_EQ(public_holiday_on(Date(1946, 5, 17)), std::nullopt);  // a Friday
  EXPECT_EQ(public_holidays(1946).size(), 10u);
}

TEST(public_holidays, may_1_and_may_17_present_from_1947) {
  EXPECT_EQ(holidays_on(1947, Date(1947, 5, 1)),
            (std::vector<PublicHoliday>{{Date(1947, 5, 1), "Arbeidernes dag", "Labour Day", "Arbeidarane sin dag"}}));
  EXPECT_EQ(holidays_on(1947, Date(1947, 5, 17)),
            (std::vector<PublicHoliday>{{Date(1947, 5, 17), "Grunnlovsdag", "Constitution Day", "Grunnlovsdagen"}}));
}

// Names of the holidays listed on `date`, sorted: the order of two on one date is not specified.
std::vector<std::string> sorted_names_on(int year, Date date) {
  std::vector<std::string> names;
  for (const auto& holiday : holidays_on(year, date)) names.push_back(holiday.name_nb);
  std::sort(names.begin(), names.end());
  return names;
}

// DOMAIN X1: in 2027 (Easter 28 March) Whit Monday falls on 17 May; both are listed.
TEST(public_holidays, two_holidays_on_one_date_are_listed_twice) {
  EXPECT_EQ(sorted_names_on(2027, Date(2027, 5, 17)),
            (std::vector<std::string>{"Andre pinsedag", "Grunnlovsdag"}));
  EXPECT_EQ(public_holidays(2027).size(), 12u);
}

// DOMAIN X1: in 2008 (Easter 23 March) Ascension Day falls on 1 May, and in 2012 (Easter 8 April)
// on 17 May.
TEST(public_holidays, ascension_day_on_may_1_and_on_may_17) {
  EXPECT_EQ(sorted_names_on(2008, Date(2008, 5, 1)),
            (std::vector<std::string>{"Arbeidernes dag", "Kristi himmelfartsdag"}));
  EXPECT_EQ(sorted_names_on(2012, Date(2012, 5, 17)),
            (std::vector<std::string>{"Grunnlovsdag", "Kristi himmelfartsdag"}));
}

TEST(public_holidays, years_outside_the_supported_range_throw_input_error_x1) {
  const InputError error = thrown<InputError>([&] { public_holidays(2201); });
  EXPECT_EQ(error.rule(), "X1");
  EXPECT_EQ(error.message(), "2201 is outside the supported years 1900-2200");
  EXPECT_THROW(public_holidays(1899), InputError);
  EXPECT_THROW(public_holiday_on(Date(1899, 12, 25)), InputError);
}

TEST(public_holiday_on, finds_the_holiday_of_a_date) {
  EXPECT_EQ(public_holiday_on(Date(2019, 12, 26)),
            (PublicHoliday{Date(2019, 12, 26), "Andre juledag", "Boxing Day", "Andre juledag"}));
  EXPECT_EQ(public_holiday_on(Date(2020, 5, 21)),
            (PublicHoliday{Date(2020, 5, 21), "Kristi himmelfartsdag", "Ascension Day", "Kristi himmelfartsdag"}));
}

TEST(public_holiday_on, ordinary_days_have_none) {
  EXPECT_EQ(public_holiday_on(Date(2019, 12, 24)), std::nullopt);  // Christmas Eve is no holiday
  EXPECT_EQ(public_holiday_on(Date(2019, 11, 5)), std::nullopt);
}

// public_holiday_on and public_holidays agree for every holiday of every supported year; of two
// holidays on one date, public_holiday_on gives the one public_holidays lists first.
TEST(public_holiday_on, gives_the_first_holiday_public_holidays_lists_on_the_date) {
  for (int year = paarorende::first_supported_year; year <= paarorende::last_supported_year;
       ++year) {
    for (const auto& holiday : public_holidays(year)) {
      EXPECT_EQ(public_holiday_on(holiday.date), holidays_on(year, holiday.date).front())
          << holiday;
    }
  }
}

TEST(public_holiday, prints_date_and_norwegian_name) {
  std::ostringstream out;
  out << PublicHoliday{Date(2020, 5, 17), "Grunnlovsdag", "Constitution Day", "Grunnlovsdagen"};
  EXPECT_EQ(out.str(), "2020-05-17 Grunnlovsdag");
}

// ---------------------------------------------------------------------------------------------
// School calendar (DOMAIN X2)

TEST(school_calendar, finds_the_school_year_of_a_date) {
  const SchoolCalendar calendar = two_school_years();
  ASSERT_NE(calendar.school_year_of(Date(2019, 8, 19)), nullptr);  // first day, inclusive
  EXPECT_EQ(calendar.school_year_of(Date(2019, 8, 19))->label, "2019-2020");
  EXPECT_EQ(calendar.school_year_of(Date(2020, 6, 19))->label, "2019-2020");  // last day
  EXPECT_EQ(calendar.school_year_of(Date(2020, 9, 1))->label, "2020-2021");
  EXPECT_EQ(calendar.school_year_of(Date(2020, 7, 1)), nullptr);  // summer
  EXPECT_EQ(calendar.school_year_of(Date(2019, 8, 18)), nullptr);
}

TEST(school_calendar, covers_from_the_first_school_day_to_the_last) {
  const SchoolCalendar calendar = two_school_years();
  EXPECT_FALSE(calendar.covers(Date(2019, 8, 18)));
  EXPECT_TRUE(calendar.covers(Date(2019, 8, 19)));
  EXPECT_TRUE(calendar.covers(Date(2020, 7, 1)));  // the summer between two known years
  EXPECT_TRUE(calendar.covers(Date(2021, 6, 18)));
  EXPECT_FALSE(calendar.covers(Date(2021, 6, 19)));
  EXPECT_FALSE(SchoolCalendar{}.covers(Date(2020, 1, 7)));
}

// ---------------------------------------------------------------------------------------------
// Closures (DOMAIN C11, C3, X1, X2)

// DOMAIN C3: after-school care runs on weekdays only.
TEST(course_closure, weekends_are_closed_under_c3) {
  EXPECT_EQ(course_closure(Date(2019, 11, 9)), (Closure{ClosureKind::weekend, "C3", "lørdag"}));
  EXPECT_EQ(course_closure(Date(2019, 11, 10)), (Closure{ClosureKind::weekend, "C3", "søndag"}));
}

// DOMAIN C11, X1: no session on a public holiday, with or without a school calendar.
TEST(course_closure, public_holidays_are_closed_under_x1) {
  const Closure ascension{ClosureKind::public_holiday, "X1", "Kristi himmelfartsdag"};
  EXPECT_EQ(course_closure(Date(2020, 5, 21)), ascension);
  const SchoolCalendar calendar = two_school_years();
  EXPECT_EQ(course_closure(Date(2020, 5, 21), &calendar), ascension);
}

// A public holiday inside a school holiday is reported as the public holiday.
TEST(course_closure, public_holiday_takes_precedence_over_school_holiday) {
  const SchoolCalendar calendar = two_school_years();
  EXPECT_EQ(course_closure(Date(2019, 12, 25), &calendar),
            (Closure{ClosureKind::public_holiday, "X1", "Første juledag"}));
}

// A holiday on a Sunday is reported as the weekend it also is.
TEST(course_closure, weekend_takes_precedence_over_public_holiday) {
  EXPECT_EQ(course_closure(Date(2020, 4, 12)), (Closure{ClosureKind::weekend, "C3", "søndag"}));
}

// DOMAIN C11, X2: the municipality's school holidays, both ends inclusive.
TEST(course_closure, school_holidays_are_closed_under_x2) {
  const SchoolCalendar calendar = two_school_years();
  const Closure autumn{ClosureKind::school_holiday, "X2", "Høstferie"};
  EXPECT_EQ(course_closure(Date(2019, 9, 30), &calendar), autumn);
  EXPECT_EQ(course_closure(Date(2019, 10, 2), &calendar), autumn);
  EXPECT_EQ(course_closure(Date(2019, 10, 4), &calendar), autumn);
  EXPECT_EQ(course_closure(Date(2019, 9, 27), &calendar), std::nullopt);
  EXPECT_EQ(course_closure(Date(2019, 10, 7), &calendar), std::nullopt);
}

// DOMAIN C11: the summer between two school years is closed.
TEST(course_closure, outside_the_school_year_is_closed_under_c11) {
  const SchoolCalendar calendar = two_school_years();
  const Closure summer{ClosureKind::outside_school_year, "C11", "sommerferie"};
  EXPECT_EQ(course_closure(Date(2020, 6, 22), &calendar), summer);
  EXPECT_EQ(course_closure(Date(2020, 7, 1), &calendar), summer);
  EXPECT_EQ(course_closure(Date(2020, 8, 14), &calendar), summer);
  EXPECT_EQ(course_closure(Date(2020, 8, 17), &calendar), std::nullopt);  // first school day
}

// DOMAIN X2: dates no school calendar covers are open, since only the municipality knows.
TEST(course_closure, dates_the_school_calendar_does_not_cover_are_open) {
  const SchoolCalendar calendar = two_school_years();
  EXPECT_EQ(course_closure(Date(2019, 6, 19), &calendar), std::nullopt);  // before the first year
  EXPECT_EQ(course_closure(Date(2021, 6, 22), &calendar), std::nullopt);  // after the last
  EXPECT_EQ(course_closure(Date(2019, 10, 2)), std::nullopt);             // no calendar at all
  EXPECT_EQ(course_closure(Date(2019, 10, 2), nullptr), std::nullopt);
}

TEST(course_closure, ordinary_school_days_are_open) {
  const SchoolCalendar calendar = two_school_years();
  EXPECT_EQ(course_closure(Date(2019, 11, 5), &calendar), std::nullopt);
  EXPECT_EQ(course_closure(Date(2020, 1, 7), &calendar), std::nullopt);
}

TEST(closure, prints_name_kind_and_rule) {
  std::ostringstream out;
  out << Closure{ClosureKind::school_holiday, "X2", "Vinterferie"};
  EXPECT_EQ(out.str(), "Vinterferie (school_holiday, DOMAIN X2)");
  EXPECT_EQ(paarorende::to_string(ClosureKind::outside_school_year), "outside_school_year");
}

}  // namespace

namespace {

using namespace paarorende;

// DOMAIN X2: years the municipality did not supply are unknown, not one long summer holiday.
TEST(school_calendar, a_gap_of_several_years_is_not_covered) {
  SchoolCalendar calendar;
  calendar.municipality = "Testkommune";
  calendar.years.push_back({"2019-2020", Date(2019, 8, 19), Date(2020, 6, 19), {}});
  calendar.years.push_back({"2026-2027", Date(2026, 8, 17), Date(2027, 6, 18), {}});
  EXPECT_FALSE(calendar.covers(Date(2023, 11, 7)));
  EXPECT_EQ(course_closure(Date(2023, 11, 7), &calendar), std::nullopt);
  calendar.years.insert(calendar.years.begin() + 1,
                        SchoolYear{"2020-2021", Date(2020, 8, 17), Date(2021, 6, 18), {}});
  EXPECT_TRUE(calendar.covers(Date(2020, 7, 7)));  // the summer between consecutive years
  EXPECT_EQ(course_closure(Date(2020, 7, 7), &calendar),
            (Closure{ClosureKind::outside_school_year, "C11", "sommerferie"}));
}

// DOMAIN X2: a calendar built in code is checked as the JSON reader checks one, with pointers.
TEST(school_calendar, check_locates_overlapping_years_by_pointer) {
  SchoolCalendar calendar;
  calendar.years.push_back({"2019-2020", Date(2019, 8, 19), Date(2020, 6, 19), {}});
  calendar.years.push_back({"2020-2021", Date(2020, 6, 1), Date(2021, 6, 18), {}});
  const InputError error = thrown<InputError>([&] { check_school_calendar(calendar); });
  EXPECT_EQ(error.rule(), "X2");
  EXPECT_EQ(error.where(), "/school_years/1/first_day");
}

}  // namespace
