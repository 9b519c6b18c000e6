// Bad input found in review, each answered with a clear error or finding, never a crash, a
// silent choice, or an unbounded read.
#include <gtest/gtest.h>

#include "fixtures.hpp"

#include <climits>
#include <string>

#include "paarorende/attendance.hpp"
#include "paarorende/error.hpp"
#include "paarorende/ical.hpp"
#include "paarorende/json.hpp"
#include "paarorende/schedule.hpp"

namespace {

using namespace paarorende;
using namespace paarorende::test_support;

TEST(robustness, a_field_given_twice_is_an_error_at_its_pointer) {
  EXPECT_EQ(located(input_error([] { parse_json(R"({"venue": {"name": "a", "name": "b"}})"); })),
            (Located{"/venue/name", "field \"name\" is given twice"}));
  const InputError in_array = input_error([] { parse_json(R"([{"a": 1}, [], {"b": 2, "b": 3}])"); });
  EXPECT_EQ(in_array.where(), "/2/b");
}

TEST(robustness, a_syntax_error_does_not_repeat_the_input) {
  const std::string long_title = "{\"title\": \"" + std::string(5000, 'x') + "\xff\"}";
  const InputError error = input_error([&] { parse_json(long_title); });
  EXPECT_EQ(error.message().find("last read"), std::string::npos);
  EXPECT_LT(error.message().size(), 200u);
}

// DOMAIN X2: a holiday listed under the wrong school year would never close anything.
TEST(robustness, a_school_holiday_outside_its_year_is_an_error) {
  SchoolCalendar calendar;
  calendar.years.push_back({"2019-2020", Date(2019, 8, 19), Date(2020, 6, 19), {}});
  calendar.years.push_back(
      {"2020-2021", Date(2020, 8, 17), Date(2021, 6, 18), {{"Vinterferie", Date(2020, 2, 24), Date(2020, 2, 28)}}});
  const InputError error = input_error([&] { check_school_calendar(calendar); });
  EXPECT_EQ(error.rule(), "X2");
  EXPECT_EQ(located(error), (Located{"/school_years/1/holidays/0/first",
                                     "the holiday is outside its school year 2020-2021"}));
}

TEST(robustness, a_folder_is_not_read_as_a_document) {
  const InputError error = input_error([] { load_json_file(source_dir); });
  EXPECT_EQ(error.message(), "is a folder, not a file");
}

TEST(robustness, an_endless_device_is_read_no_further_than_the_limit) {
  const InputError error = input_error([] { load_json_file("/dev/zero"); });
  EXPECT_EQ(error.message(), "file exceeds the limit of 16777216 bytes");
}

// DOMAIN X1: holidays are known for 1900-2200; a course running past that is impossible.
TEST(robustness, a_course_past_the_supported_years_is_an_impossible_request) {
  CourseRequest request;
  request.first_date = Date(2200, 11, 4);
  request.cadence_weeks = 12;
  const ImpossibleRequest error = thrown<ImpossibleRequest>([&] { plan_course(request); });
  EXPECT_EQ(error.rule(), "X1");
  EXPECT_EQ(error.where(), "/sessions");
}

TEST(robustness, validate_reports_a_session_past_the_supported_years_instead_of_throwing) {
  CourseRequest request;
  request.first_date = Date(2019, 11, 5);
  CourseSchedule schedule = plan_course(request);
  schedule.sessions[4].start = oslo_time(Date(2201, 1, 6), ClockTime(15, 0, 0));
  schedule.sessions[4].end = oslo_time(Date(2201, 1, 6), ClockTime(16, 30, 0));
  bool reported = false;
  for (const auto& finding : validate(schedule)) {
    if (finding.rule == "X1" && finding.session == 5) reported = finding.severity == Severity::error;
  }
  EXPECT_TRUE(reported);
}

// DOMAIN C3: a window that holds the session but no start on the grid says so.
TEST(robustness, a_window_without_a_start_on_the_grid_names_the_grid) {
  CourseRequest request;
  request.first_date = Date(2019, 11, 5);
  request.travel_minutes = 7;
  request.earliest_start = ClockTime(14, 51, 0);
  const ImpossibleRequest error = thrown<ImpossibleRequest>([&] { latest_start(request); });
  EXPECT_EQ(
      located(error),
      (Located{
          "/rules/start_step_minutes",
          "a 90-minute session fits between 14:51 and 16:23, but no start on the 5-minute grid "
          "does (rules.start_step_minutes)"}));
}

TEST(robustness, icalendar_text_holds_no_control_characters) {
  EXPECT_EQ(detail::ical_escape(std::string("A\aB\tC\x7f")), "AB\tC");
}

// DOMAIN X4: ids are pseudonyms; a name is refused, not printed.
TEST(robustness, a_household_id_that_looks_like_a_name_is_refused) {
  const InputError error = input_error([] {
    group_from_json(parse_json(R"({"households": [{"id": "Kari Nordmann", "caregivers": [{"role": "mother"}],
        "children": [{"stage": "primary", "condition": "serious_illness"}]}]})"));
  });
  EXPECT_EQ(error.where(), "/households/0/id");
}

TEST(robustness, certainty_for_a_huge_number_present_does_not_overflow) {
  EXPECT_EQ(households_needed(INT_MAX, 1.0, {1, {1.0, 0.0}}), std::nullopt);
  EXPECT_EQ(households_needed(5, 1.0, {2, {1.0, 1.0}}), 3);
}

}  // namespace
