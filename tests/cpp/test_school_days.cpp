// Per-school calendars (school_days.hpp, io/school_days.hpp): the open-data rows of
// examples/calendars/skoledager-2019-2020.csv (three schools; a school day with one school's SFO
// closed, a planning day, a school's own day off, holiday SFO), its JSON and .xlsx forms, and an
// iCalendar feed of days off (DOMAIN C3, C11, X2).
#include <gtest/gtest.h>

#include <string>

#include "detail/file.hpp"
#include "fixtures.hpp"
#include "paarorende/io/schedule.hpp"
#include "schedule/schedule_internal.hpp"
#include "paarorende/io/school_days.hpp"
#include "paarorende/school_days.hpp"

namespace paarorende {
namespace {

using test_support::expect_located_input_error;

const std::vector<std::string> three_schools{"Byskogen skole", "Sentrum skole", "Vestre skole"};

SchoolDays published_calendar() {
  return load_school_days(test_support::source_dir / "examples" / "calendars" / "skoledager-2019-2020.csv");
}

std::vector<std::string> error_messages(const SchoolDayCheck& check) {
  std::vector<std::string> out;
  for (const auto& finding : check.findings) {
    if (finding.severity == Severity::error) out.push_back(finding.rule + ": " + finding.message);
  }
  return out;
}

TEST(school_days, reads_the_published_rows_keyed_by_school) {
  const SchoolDays calendars = published_calendar();
  EXPECT_EQ(school_names(calendars), three_schools);
  const SchoolDay* planning = calendars.find("Sentrum skole")->day(Date(2019, 11, 6));
  ASSERT_NE(planning, nullptr);
  EXPECT_EQ(*planning, (SchoolDay{Date(2019, 11, 6), false, true, true, "Planleggingsdag"}));
  EXPECT_EQ(calendars.find("Nordre skole"), nullptr);
}

TEST(school_days, a_school_day_with_school_and_sfo_open_everywhere_is_usable) {
  const SchoolDayCheck check = check_school_days(Date(2019, 11, 4), published_calendar(), three_schools);
  EXPECT_TRUE(check.usable);
  EXPECT_TRUE(check.findings.empty());
}

TEST(school_days, one_schools_closed_sfo_makes_the_date_unusable_for_a_group_of_three_schools) {
  const SchoolDays calendars = published_calendar();
  const SchoolDayCheck check = check_school_days(Date(2019, 11, 5), calendars, three_schools);
  EXPECT_FALSE(check.usable);
  EXPECT_EQ(error_messages(check), (std::vector<std::string>{
                                       "C3: \"Byskogen skole\": the SFO is closed on 2019-11-05 (SFO stengt: personalmøte)"}));
  // The other two schools alone may meet that day.
  EXPECT_TRUE(check_school_days(Date(2019, 11, 5), calendars, {"Sentrum skole", "Vestre skole"}).usable);
}

TEST(school_days, a_planning_day_is_usable_only_when_sfo_only_days_are_allowed) {
  const SchoolDays calendars = published_calendar();
  const SchoolDayCheck refused = check_school_days(Date(2019, 11, 6), calendars, {"Sentrum skole"});
  EXPECT_FALSE(refused.usable);
  EXPECT_EQ(error_messages(refused),
            (std::vector<std::string>{"C11: \"Sentrum skole\": not a school day on 2019-11-06 (Planleggingsdag); only the "
                                      "SFO is open (sfo_only_days: \"allowed\" admits it)"}));
  const SchoolDayCheck allowed = check_school_days(Date(2019, 11, 6), calendars, {"Sentrum skole"}, SfoOnlyDays::allowed);
  EXPECT_TRUE(allowed.usable);
  ASSERT_EQ(allowed.findings.size(), 1U);
  EXPECT_EQ(allowed.findings[0].severity, Severity::info);
}

TEST(school_days, holiday_sfo_is_an_sfo_only_day_and_a_schools_own_day_off_is_closed) {
  const SchoolDays calendars = published_calendar();
  EXPECT_FALSE(check_school_days(Date(2019, 12, 27), calendars, three_schools).usable);
  EXPECT_TRUE(check_school_days(Date(2019, 12, 27), calendars, three_schools, SfoOnlyDays::allowed).usable);
  const SchoolDayCheck own = check_school_days(Date(2019, 11, 7), calendars, three_schools, SfoOnlyDays::allowed);
  EXPECT_EQ(error_messages(own), (std::vector<std::string>{
                                     "C3: \"Vestre skole\": the SFO is closed on 2019-11-07 (Skolens egen fridag)"}));
}

TEST(school_days, a_school_without_a_calendar_is_a_warning_never_silently_open) {
  const SchoolDayCheck check = check_school_days(Date(2019, 11, 4), published_calendar(), {"Nordre skole"});
  EXPECT_TRUE(check.usable);
  ASSERT_EQ(check.findings.size(), 1U);
  EXPECT_EQ(check.findings[0].severity, Severity::warning);
  EXPECT_EQ(check.findings[0].rule, "X2");
  EXPECT_EQ(check.findings[0].message, "no school calendar for \"Nordre skole\": its school days and SFO are not checked");
}

TEST(school_days, a_date_without_a_row_is_not_known_to_be_open) {
  const SchoolDayCheck check = check_school_days(Date(2020, 3, 3), published_calendar(), {"Sentrum skole"});
  EXPECT_FALSE(check.usable);
  EXPECT_EQ(check.findings[0].rule, "C11");
}

TEST(school_days, the_json_and_xlsx_forms_read_as_the_csv) {
  const SchoolDays csv = published_calendar();
  EXPECT_EQ(school_days_from_json(to_json(csv)), csv);
  const std::string workbook =
      detail::read_file(test_support::source_dir / "tests" / "fuzz" / "corpus" / "school-days" / "open-data.xlsx");
  EXPECT_EQ(school_days_from_xlsx(workbook), csv);
}

TEST(school_days, reads_comma_separated_iso_dates_any_header_case_and_no_laererdag) {
  const SchoolDays calendars = school_days_from_csv(
      "DATO,skole,ElevDag,SFODAG,kommune\n2019-11-04,A,ja,JA,Sandefjord\n2019-11-05,A,Nei,ja,Sandefjord\n");
  ASSERT_EQ(calendars.schools.size(), 1U);
  EXPECT_EQ(calendars.schools[0].days[1], (SchoolDay{Date(2019, 11, 5), false, false, true, ""}));
}

TEST(school_days, an_icalendar_feed_lists_days_off_and_any_other_weekday_is_a_school_day) {
  const SchoolDays feed =
      load_school_days(test_support::source_dir / "examples" / "calendars" / "vestre-skole-fridager.ics");
  ASSERT_EQ(school_names(feed), (std::vector<std::string>{"Vestre skole"}));
  const SchoolDayCalendar& vestre = feed.schools[0];
  EXPECT_EQ(vestre.listing, SchoolDayListing::days_off);
  // Høstferie 7-11 October (DTEND is the day after), the school's own day off; the evening
  // meeting has a time and is no day off.
  EXPECT_EQ(vestre.days.size(), 6U);
  EXPECT_EQ(vestre.day(Date(2019, 11, 7))->comment, "Skolens egen fridag, ingen SFO");
  EXPECT_FALSE(check_school_days(Date(2019, 10, 9), feed, {"Vestre skole"}).usable);
  EXPECT_TRUE(check_school_days(Date(2019, 11, 12), feed, {"Vestre skole"}).usable);
  EXPECT_EQ(school_days_from_json(to_json(feed)), feed);
}

TEST(school_days, refuses_a_school_given_twice_for_one_day_with_different_values) {
  expect_located_input_error(
      [] { school_days_from_csv("dato;skole;elevdag;sfodag\n04.11.2019;A;Ja;Ja\n04.11.2019;A;Ja;Nei\n"); },
      "row 3, column 4", "\"A\" is given twice for 2019-11-04 with different values (first at row 2)");
}

TEST(school_days, refuses_a_value_that_is_not_ja_or_nei_and_a_date_that_is_not_one) {
  expect_located_input_error([] { school_days_from_csv("dato;skole;elevdag;sfodag\n04.11.2019;A;Kanskje;Ja\n"); },
                           "row 2, column 3", "expected Ja or Nei, got \"Kanskje\"");
  expect_located_input_error([] { school_days_from_csv("dato;skole;elevdag;sfodag\n31.11.2019;A;Ja;Ja\n"); },
                           "row 2, column 1", "\"31.11.2019\" is not a calendar date");
  expect_located_input_error([] { school_days_from_csv("dato;skole;elevdag\n04.11.2019;A;Ja\n"); }, "row 1",
                           "missing column \"sfodag\": the header needs dato, skole, elevdag and sfodag "
                           "(laererdag and kommentar may follow)");
}

TEST(school_days, a_plan_moves_a_session_off_a_date_one_of_its_schools_cannot_use) {
  CourseRequest request = load_course_request(test_support::source_dir / "examples" / "sandefjord_pilot" / "course.json");
  request.school_days = published_calendar();
  // 2019-11-05: Byskogen's SFO is closed (DOMAIN C3).
  request.first_date = Date(2019, 11, 5);
  request.sessions = 1;
  request.schools = {{"byskogen", "Byskogen skole"}, {"sentrum", "Sentrum skole"}};
  const auto closure = detail::closure_for(request, Date(2019, 11, 5));
  ASSERT_TRUE(closure.has_value());
  EXPECT_EQ(closure->rule, "C3");
  EXPECT_EQ(closure->name, "\"Byskogen skole\": the SFO is closed on 2019-11-05 (SFO stengt: personalmøte)");
  EXPECT_FALSE(detail::closure_for(request, Date(2019, 11, 4)).has_value());
  // The planning day at Sentrum is usable only when SFO-only days are allowed.
  EXPECT_TRUE(detail::closure_for(request, Date(2019, 11, 6)).has_value());
  request.sfo_only_days = SfoOnlyDays::allowed;
  EXPECT_FALSE(detail::closure_for(request, Date(2019, 11, 6)).has_value());
}

}  // namespace
}  // namespace paarorende
