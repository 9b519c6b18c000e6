// Scheduling as a specification: Europe/Oslo time (DOMAIN X3), the latest start (C3), cadence and
// moves off closed days (C4, C11), the agenda (C2, C6, C7, C9, C10), the Sandefjord pilot, and
// validate() finding every broken rule at once.
#include <gtest/gtest.h>

#include "fixtures.hpp"

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <boost/date_time/local_time/local_time.hpp>
#include <boost/date_time/posix_time/posix_time.hpp>

#include "paarorende/error.hpp"
#include "paarorende/io/ical.hpp"
#include "paarorende/json.hpp"
#include "paarorende/schedule.hpp"

namespace {

using namespace paarorende;
using boost::posix_time::hours;
using boost::posix_time::minutes;
using boost::posix_time::ptime;

ClockTime at(int hour, int minute) {
  return ClockTime(hour, minute, 0);
}

using namespace paarorende::test_support;

// Five Tuesdays every four weeks from 2019-08-27, none of them closed: 08-27, 09-24, 10-22,
// 11-19, 12-17 (Høstferie starts 09-30 and Juleferie 12-20).
CourseRequest autumn_request() {
  CourseRequest request;
  request.municipality = "Testkommune";
  request.first_date = Date(2019, 8, 27);
  request.venue = {"Grendehuset", "Skolegata 1"};
  request.school_calendar = two_school_years();
  return request;
}

std::vector<Date> dates_of(const CourseSchedule& schedule) {
  std::vector<Date> dates;
  for (const auto& session : schedule.sessions) dates.push_back(session.date());
  return dates;
}

std::vector<Violation> with_severity(const std::vector<Violation>& findings, Severity severity) {
  std::vector<Violation> found;
  for (const auto& finding : findings) {
    if (finding.severity == severity) found.push_back(finding);
  }
  return found;
}

// Moves a hand-made session to another date, keeping its clock times.
void move_to(Session& session, Date date) {
  const ClockTime start = session.start_time();
  const ClockTime end = session.end_time();
  session.start = oslo_time(date, start);
  session.end = oslo_time(date, end);
}

void set_times(Session& session, ClockTime start, ClockTime end) {
  const Date date = session.date();
  session.start = oslo_time(date, start);
  session.end = oslo_time(date, end);
}

SchoolCalendar sandefjord_calendar() {
  return load_school_calendar(test_support::source_dir / "examples/calendars/sandefjord-school-holidays.json");
}

// The Sandefjord pilot (S-5.0, S-6.0): Tuesdays from 2019-11-05, five sessions every four weeks,
// at the children's own school (no travel), the after-school programme closing at 16:30.
CourseRequest five_session_pilot_request() {
  CourseRequest request = pilot_course_request(sandefjord_calendar());
  request.sessions = 5;
  request.cadence_weeks = 4;
  request.care_closes = at(16, 30);
  request.travel_minutes = 0;
  return request;
}

template <class Call>
void expect_impossible(Call&& call, const std::string& rule, const std::string& where,
                       const std::string& message) {
  try {
    call();
    ADD_FAILURE() << "no ImpossibleRequest";
  } catch (const ImpossibleRequest& error) {
    EXPECT_EQ(error.rule(), rule);
    EXPECT_EQ(located(error), (Located{where, message}));
  }
}

// ---------------------------------------------------------------------------------------------
// Europe/Oslo (DOMAIN X3)

// DOMAIN X3: CET, UTC+1, in winter.
TEST(oslo_time, is_utc_plus_one_in_winter) {
  const LocalDateTime time = oslo_time(Date(2019, 11, 5), at(15, 0));
  EXPECT_EQ(time.utc_time(), ptime(Date(2019, 11, 5), at(14, 0)));
  EXPECT_EQ(time.local_time(), ptime(Date(2019, 11, 5), at(15, 0)));
  EXPECT_FALSE(time.is_dst());
}

// DOMAIN X3: CEST, UTC+2, in summer.
TEST(oslo_time, is_utc_plus_two_in_summer) {
  const LocalDateTime time = oslo_time(Date(2020, 6, 2), at(15, 0));
  EXPECT_EQ(time.utc_time(), ptime(Date(2020, 6, 2), at(13, 0)));
  EXPECT_EQ(time.local_time(), ptime(Date(2020, 6, 2), at(15, 0)));
  EXPECT_TRUE(time.is_dst());
}

// DOMAIN X3: summer time runs from the last Sunday of March (2019-03-31) to the last Sunday of
// October (2019-10-27).
TEST(oslo_time, changes_offset_on_the_last_sundays_of_march_and_october) {
  auto offset = [](Date date) {
    const LocalDateTime time = oslo_time(date, at(15, 0));
    return time.local_time() - time.utc_time();
  };
  EXPECT_EQ(offset(Date(2019, 3, 30)), hours(1));
  EXPECT_EQ(offset(Date(2019, 3, 31)), hours(2));
  EXPECT_EQ(offset(Date(2019, 10, 26)), hours(2));
  EXPECT_EQ(offset(Date(2019, 10, 27)), hours(1));
}

// DOMAIN X3: 02:30 on 2020-03-29 does not exist (clocks jump from 02:00 to 03:00); it is read an
// hour later, as 03:30 CEST.
TEST(oslo_time, nonexistent_spring_forward_time_is_read_an_hour_later) {
  const LocalDateTime time = oslo_time(Date(2020, 3, 29), at(2, 30));
  EXPECT_EQ(time.local_time(), ptime(Date(2020, 3, 29), at(3, 30)));
  EXPECT_EQ(time.utc_time(), ptime(Date(2020, 3, 29), at(1, 30)));
}

// DOMAIN X3: 02:30 on 2020-10-25 happens twice (clocks fall back from 03:00 to 02:00); it is read
// as the first, summer-time, one.
TEST(oslo_time, ambiguous_autumn_time_is_read_as_summer_time) {
  const LocalDateTime time = oslo_time(Date(2020, 10, 25), at(2, 30));
  EXPECT_EQ(time.local_time(), ptime(Date(2020, 10, 25), at(2, 30)));
  EXPECT_EQ(time.utc_time(), ptime(Date(2020, 10, 25), at(0, 30)));
  EXPECT_TRUE(time.is_dst());
}

TEST(oslo_time, zone_names_are_cet_and_cest) {
  EXPECT_EQ(oslo_time_zone()->std_zone_abbrev(), "CET");
  EXPECT_EQ(oslo_time_zone()->dst_zone_abbrev(), "CEST");
}

// ---------------------------------------------------------------------------------------------
// The latest start (DOMAIN C3)

// DOMAIN C3: 16:30 - 10 minutes' travel - 90 minutes = 14:50.
TEST(latest_start, is_care_closing_minus_travel_minus_session) {
  CourseRequest request;
  request.care_closes = at(16, 30);
  request.travel_minutes = 10;
  request.session_minutes = 90;
  EXPECT_EQ(latest_start(request), at(14, 50));
}

// DOMAIN C3: 14:50 rounded down to the quarter hour is 14:45.
TEST(latest_start, is_rounded_down_to_the_start_step) {
  CourseRequest request;
  request.care_closes = at(16, 30);
  request.travel_minutes = 10;
  request.rules.start_step_minutes = 15;
  EXPECT_EQ(latest_start(request), at(14, 45));
  request.travel_minutes = 7;  // 14:53 on the default 5-minute grid is 14:50
  request.rules.start_step_minutes = 5;
  EXPECT_EQ(latest_start(request), at(14, 50));
}

// DOMAIN C3: the pilot met 15:00-16:30 at the school the children were picked up from.
TEST(latest_start, without_travel_ends_when_care_closes) {
  CourseRequest request;
  request.care_closes = at(16, 30);
  EXPECT_EQ(latest_start(request), at(15, 0));
}

TEST(latest_start, may_equal_the_earliest_start) {
  CourseRequest request;
  request.travel_minutes = 10;
  request.earliest_start = at(14, 50);
  EXPECT_EQ(latest_start(request), at(14, 50));
}

// DOMAIN C3: 90 minutes do not fit between 15:00 and 16:20.
TEST(latest_start, impossible_window_throws_impossible_request_c3) {
  CourseRequest request;
  request.first_date = Date(2019, 11, 5);
  request.travel_minutes = 10;
  request.earliest_start = at(15, 0);
  const std::string message =
      "no 90-minute session fits between the earliest start 15:00 and 16:20 (care closes 16:30, "
      "minus 10 minutes' travel to the pickup place)";
  expect_impossible([&] { latest_start(request); }, "C3", "/session_minutes", message);
  expect_impossible([&] { plan_course(request); }, "C3", "/session_minutes", message);
}

TEST(latest_start, impossible_window_error_text_names_where_what_and_rule) {
  CourseRequest request;
  request.care_closes = at(15, 0);
  const ImpossibleRequest error = thrown<ImpossibleRequest>([&] { latest_start(request); });
  EXPECT_STREQ(
      error.what(),
      "/session_minutes: no 90-minute session fits between the earliest start 14:00 and "
      "15:00 (care closes 15:00, minus 0 minutes' travel to the pickup place) [DOMAIN C3]");
}

// ---------------------------------------------------------------------------------------------
// Planning: weekdays, cadence and moves (DOMAIN C3, C4, C11)

// DOMAIN C3: after-school care runs on weekdays; a Saturday course has nothing to fit inside.
TEST(plan_course, weekend_first_date_throws_impossible_request_c3) {
  CourseRequest request;
  request.first_date = Date(2019, 11, 9);  // a Saturday
  expect_impossible(
      [&] { plan_course(request); }, "C3", "/first_date",
      "sessions on a Saturday have no after-school care to fit inside; choose a weekday");
}

TEST(plan_course, weekend_weekday_throws_impossible_request_c3) {
  CourseRequest request;
  request.earliest_date = Date(2019, 11, 5);
  request.weekday = boost::date_time::Sunday;
  expect_impossible(
      [&] { plan_course(request); }, "C3", "/weekday",
      "sessions on a Sunday have no after-school care to fit inside; choose a weekday");
}

// DOMAIN C4: every four weeks, as in the pilot.
TEST(plan_course, cadence_of_four_weeks) {
  const CourseSchedule schedule = plan_course(autumn_request());
  EXPECT_EQ(dates_of(schedule),
            (std::vector<Date>{Date(2019, 8, 27), Date(2019, 9, 24), Date(2019, 10, 22),
                               Date(2019, 11, 19), Date(2019, 12, 17)}));
  EXPECT_TRUE(schedule.findings.empty());
}

// DOMAIN C4: every two weeks, the named alternative.
TEST(plan_course, cadence_of_two_weeks) {
  CourseRequest request = autumn_request();
  request.cadence_weeks = 2;
  const CourseSchedule schedule = plan_course(request);
  EXPECT_EQ(dates_of(schedule),
            (std::vector<Date>{Date(2019, 8, 27), Date(2019, 9, 10), Date(2019, 9, 24),
                               Date(2019, 10, 8), Date(2019, 10, 22)}));
  EXPECT_TRUE(schedule.findings.empty());
}

// DOMAIN C3: every session starts at the latest allowed start and lasts the session's length.
TEST(plan_course, every_session_at_the_latest_start) {
  CourseRequest request = autumn_request();
  request.travel_minutes = 10;
  for (const Session& session : plan_course(request).sessions) {
    SCOPED_TRACE(session.number);
    EXPECT_EQ(session.start_time(), at(14, 50));
    EXPECT_EQ(session.end_time(), at(16, 20));
    EXPECT_EQ(session.minutes(), 90);
    EXPECT_EQ(session.venue, request.venue);
  }
}

TEST(plan_course, sessions_are_numbered_from_one) {
  const CourseSchedule schedule = plan_course(autumn_request());
  ASSERT_EQ(schedule.sessions.size(), 5u);
  for (int n = 1; n <= 5; ++n) EXPECT_EQ(session(schedule, n).number, n);
}

// DOMAIN C5, C11: under next_open_week a moved session leaves the later ones on the grid counted
// from the first session. From Tuesday 2019-11-05 every 4 weeks: 12-31 is in Juleferie and moves
// a week to 2020-01-07; session 4 stays on 01-28; 02-25 is in Vinterferie and moves to 03-03.
TEST(plan_course, next_open_week_keeps_later_sessions_on_the_grid) {
  CourseRequest request = autumn_request();
  request.first_date = Date(2019, 11, 5);
  request.move_policy = MovePolicy::next_open_week;
  EXPECT_EQ(dates_of(plan_course(request)),
            (std::vector<Date>{Date(2019, 11, 5), Date(2019, 12, 3), Date(2020, 1, 7),
                               Date(2020, 1, 28), Date(2020, 3, 3)}));
}

// DOMAIN C4: under shift_following the sessions after a move keep four weeks between them:
// 2020-01-07, then 02-04 and 03-03, clear of Vinterferie.
TEST(plan_course, shift_following_shifts_all_later_sessions) {
  CourseRequest request = autumn_request();
  request.first_date = Date(2019, 11, 5);
  request.move_policy = MovePolicy::shift_following;
  const CourseSchedule schedule = plan_course(request);
  EXPECT_EQ(dates_of(schedule),
            (std::vector<Date>{Date(2019, 11, 5), Date(2019, 12, 3), Date(2020, 1, 7),
                               Date(2020, 2, 4), Date(2020, 3, 3)}));
  // Only session 3 moved off its date; the others follow it.
  EXPECT_EQ(session(schedule, 3).moved_from, Date(2019, 12, 31));
  EXPECT_EQ(session(schedule, 4).moved_from, std::nullopt);
  EXPECT_EQ(session(schedule, 5).moved_from, std::nullopt);
}

// DOMAIN C11: a moved session says where it came from and why, and the planner reports the move.
TEST(plan_course, moved_session_carries_moved_from_reason_and_info_c11) {
  CourseRequest request = autumn_request();
  request.first_date = Date(2019, 11, 5);
  CourseSchedule schedule = plan_course(request);
  const Session& moved = session(schedule, 3);
  EXPECT_EQ(moved.date(), Date(2020, 1, 7));
  EXPECT_EQ(moved.moved_from, Date(2019, 12, 31));
  EXPECT_EQ(moved.move_reason, (Closure{ClosureKind::school_holiday, "X2", "Juleferie"}));
  EXPECT_EQ(with_rule(schedule.findings, "C11")[0],
            (Violation{"C11", Severity::info,
                       "session 3 moved from 2019-12-31 to 2020-01-07: 2019-12-31 is in the "
                       "school holiday Juleferie [X2]",
                       3}));
  EXPECT_EQ(session(schedule, 1).moved_from, std::nullopt);
  EXPECT_EQ(session(schedule, 1).move_reason, std::nullopt);
}

// DOMAIN C11, X1: a session on Ascension Day (Thursday 2020-05-21) moves a week.
TEST(plan_course, session_on_a_public_holiday_moves_c11) {
  CourseRequest request = autumn_request();
  request.first_date = Date(2020, 4, 23);
  request.sessions = 3;
  CourseSchedule schedule = plan_course(request);
  EXPECT_EQ(dates_of(schedule),
            (std::vector<Date>{Date(2020, 4, 23), Date(2020, 5, 28), Date(2020, 6, 18)}));
  EXPECT_EQ(session(schedule, 2).move_reason,
            (Closure{ClosureKind::public_holiday, "X1", "Kristi himmelfartsdag"}));
  EXPECT_EQ(with_rule(schedule.findings, "C11"),
            (std::vector<Violation>{
                {"C11", Severity::info,
                 "session 2 moved from 2020-05-21 to 2020-05-28: 2020-05-21 is a public holiday "
                 "(Kristi himmelfartsdag) [X1]",
                 2}}));
}

// DOMAIN C11: Monday 2019-12-23 and 12-30 are both in Juleferie; the first session moves two
// weeks, and the message says the weeks after were closed too.
TEST(plan_course, closed_first_date_moves_as_far_as_needed) {
  CourseRequest request = autumn_request();
  request.first_date = Date(2019, 12, 23);
  CourseSchedule schedule = plan_course(request);
  EXPECT_EQ(session(schedule, 1).date(), Date(2020, 1, 6));
  EXPECT_EQ(session(schedule, 1).moved_from, Date(2019, 12, 23));
  EXPECT_EQ(with_rule(schedule.findings, "C11")[0].message,
            "session 1 moved from 2019-12-23 to 2020-01-06: 2019-12-23 is in the school holiday "
            "Juleferie [X2], and so is the week after it");
}

// DOMAIN C11: from Tuesday 2020-06-23 the summer lasts until 2020-08-17, eight weeks on.
TEST(plan_course, session_that_cannot_move_within_max_move_weeks_throws_c11) {
  CourseRequest request = autumn_request();
  request.first_date = Date(2020, 6, 23);
  request.rules.max_move_weeks = 7;
  expect_impossible([&] { plan_course(request); }, "C11", "/sessions",
                    "session 1 cannot move off 2020-06-23 within 7 weeks");
  request.rules.max_move_weeks = 8;
  EXPECT_EQ(plan_course(request).sessions.front().date(), Date(2020, 8, 18));
}

// The first Tuesday on or after Wednesday 2019-12-18 is 12-24, in Juleferie like 12-31; the
// first open one is 2020-01-07. The course starts there; it did not move from anywhere.
TEST(plan_course, earliest_date_and_weekday_pick_the_first_open_such_date) {
  CourseRequest request = autumn_request();
  request.first_date.reset();
  request.earliest_date = Date(2019, 12, 18);
  request.weekday = boost::date_time::Tuesday;
  CourseSchedule schedule = plan_course(request);
  EXPECT_EQ(session(schedule, 1).date(), Date(2020, 1, 7));
  EXPECT_EQ(session(schedule, 1).moved_from, std::nullopt);
  EXPECT_EQ(session(schedule, 2).date(), Date(2020, 2, 4));
}

TEST(plan_course, earliest_date_without_weekday_uses_its_own_weekday) {
  CourseRequest request = autumn_request();
  request.first_date.reset();
  request.earliest_date = Date(2019, 11, 6);  // a Wednesday
  const CourseSchedule schedule = plan_course(request);
  EXPECT_EQ(schedule.sessions.front().date(), Date(2019, 11, 6));
  for (const Session& s : schedule.sessions) {
    EXPECT_EQ(s.date().day_of_week().as_number(), boost::date_time::Wednesday);
  }
}

// DOMAIN C11: from Tuesday 2020-04-21 every four weeks, 04-21, 05-19 and 06-16 fit before the
// school year ends on 06-19; the fourth would be 07-14, in the summer.
TEST(plan_course, more_sessions_than_the_school_year_holds_throws_c11) {
  CourseRequest request = autumn_request();
  request.first_date = Date(2020, 4, 21);
  expect_impossible([&] { plan_course(request); }, "C11", "/sessions",
                    "only 3 of 5 sessions fit in school year 2019-2020, which ends 2020-06-19");
}

// DOMAIN C11: also when the calendar ends with that school year, so the summer is not covered.
TEST(plan_course, sessions_beyond_the_last_known_school_year_throw_c11) {
  CourseRequest request = autumn_request();
  request.school_calendar->years.pop_back();
  request.first_date = Date(2020, 4, 21);
  expect_impossible([&] { plan_course(request); }, "C11", "/sessions",
                    "only 3 of 5 sessions fit in school year 2019-2020, which ends 2020-06-19");
}

// DOMAIN X2: without the municipality's school calendar only weekends and public holidays are
// avoided, and the plan says so.
TEST(plan_course, no_school_calendar_gives_an_x2_warning) {
  CourseRequest request = autumn_request();
  request.school_calendar.reset();
  const CourseSchedule schedule = plan_course(request);
  EXPECT_EQ(schedule.findings,
            (std::vector<Violation>{{"X2", Severity::warning,
                                     "no school calendar covers session(s) 1, 2, 3, 4, 5; only "
                                     "weekends and public holidays were avoided there",
                                     std::nullopt}}));
}

// DOMAIN X2: with no calendar, a date in what would be Høstferie is planned as usual.
TEST(plan_course, no_school_calendar_plans_through_school_holidays) {
  CourseRequest request = autumn_request();
  request.school_calendar.reset();
  request.first_date = Date(2019, 10, 1);
  EXPECT_EQ(plan_course(request).sessions.front().date(), Date(2019, 10, 1));
}

// DOMAIN C1: 5-6 sessions are recommended; other counts are planned with a warning.
TEST(plan_course, sessions_outside_five_to_six_give_a_c1_warning) {
  CourseRequest request = autumn_request();
  request.sessions = 4;
  EXPECT_EQ(with_rule(plan_course(request).findings, "C1"),
            (std::vector<Violation>{
                {"C1", Severity::warning, "4 sessions; the model recommends 5-6", std::nullopt}}));
  request.sessions = 6;
  request.first_date = Date(2019, 8, 20);
  EXPECT_TRUE(with_rule(plan_course(request).findings, "C1").empty());
}

// DOMAIN C8: the venue should be a short drive from the pickup place.
TEST(plan_course, travel_beyond_fifteen_minutes_gives_a_c8_warning) {
  CourseRequest request = autumn_request();
  request.travel_minutes = 20;
  EXPECT_EQ(with_rule(plan_course(request).findings, "C8"),
            (std::vector<Violation>{{"C8", Severity::warning,
                                     "20 minutes' travel from the venue to the pickup place: more "
                                     "than 15 minutes, longer than a short drive",
                                     std::nullopt}}));
  request.travel_minutes = 15;
  EXPECT_TRUE(with_rule(plan_course(request).findings, "C8").empty());
}

// DOMAIN C4: cadences other than the model's 2 and 4 weeks are planned with a warning.
TEST(plan_course, cadence_outside_the_model_gives_a_c4_warning) {
  CourseRequest request = autumn_request();
  request.cadence_weeks = 3;
  request.first_date = Date(2019, 8, 20);
  EXPECT_EQ(with_rule(plan_course(request).findings, "C4"),
            (std::vector<Violation>{{"C4", Severity::warning,
                                     "a cadence of 3 weeks is not one of the model's cadences",
                                     std::nullopt}}));
}

// A request is checked before it is planned; a malformed one says which field is wrong.
TEST(plan_course, request_with_both_first_and_earliest_date_throws_input_error) {
  CourseRequest request = autumn_request();
  request.earliest_date = Date(2019, 8, 20);
  EXPECT_EQ(located(thrown<InputError>([&] { plan_course(request); })),
            (Located{"/earliest_date", "give exactly one of first_date and earliest_date"}));
}

// ---------------------------------------------------------------------------------------------
// The agenda (DOMAIN C2, C6, C7, C9, C10)

// DOMAIN C6, C9, T6: the first session is for getting to know each other and the round of
// topic wishes, with food on arrival.
TEST(standard_agenda, first_session_is_getting_to_know_and_topic_wishes) {
  const std::vector<AgendaItem> expected{
      {AgendaKind::meal, 0, 30, "Mat og drikke ved ankomst", "Food and drink on arrival",
       "Mat og drikke når de kjem"},
      {AgendaKind::getting_to_know, 0, 30, "Bli kjent: hvordan vil vi ha møtene, taushetsplikt",
       "Getting to know each other: how we want to meet, confidentiality",
       "Bli kjende: korleis vil vi ha møta, teieplikt"},
      {AgendaKind::topic_wishes, 30, 60,
       "Runde: hvilke temaer ønsker dere for de neste samlingene?",
       "Round: which topics do you want for the next sessions?",
       "Runde: kva tema ønskjer de for dei neste samlingane?"},
  };
  EXPECT_EQ(standard_agenda(1, 90, 30), expected);
}

// DOMAIN C2, C7, C9, C10: later sessions open with 30 minutes' introduction by a municipal
// employee, then 60 minutes of led reflection.
TEST(standard_agenda, later_sessions_are_introduction_and_reflection) {
  const std::vector<AgendaItem> expected{
      {AgendaKind::meal, 0, 30, "Mat og drikke ved ankomst", "Food and drink on arrival",
       "Mat og drikke når de kjem"},
      {AgendaKind::introduction, 0, 30, "Innledning om dagens tema ved en ansatt i kommunen",
       "Introduction to the day's topic by a municipal employee",
       "Innleiing om tema for dagen ved ein tilsett i kommunen"},
      {AgendaKind::reflection, 30, 60, "Ledet refleksjon og erfaringsutveksling",
       "Led reflection and experience sharing", "Leidd refleksjon og erfaringsutveksling"},
  };
  for (int number : {2, 3, 6}) EXPECT_EQ(standard_agenda(number, 90, 30), expected) << number;
}

// DOMAIN C2: apart from the meal, which runs alongside, the blocks follow each other from the
// start and add up to the session's length.
TEST(standard_agenda, blocks_add_up_to_the_session_length) {
  for (int number = 1; number <= 6; ++number) {
    for (int length : {60, 90, 120}) {
      for (int introduction : {15, 30, 45}) {
        SCOPED_TRACE(std::to_string(number) + " " + std::to_string(length) + " " +
                     std::to_string(introduction));
        int covered = 0;
        for (const AgendaItem& item : standard_agenda(number, length, introduction)) {
          if (item.kind == AgendaKind::meal) {
            EXPECT_EQ(item.offset_minutes, 0);
            continue;
          }
          EXPECT_EQ(item.offset_minutes, covered);
          EXPECT_GT(item.minutes, 0);
          covered += item.minutes;
        }
        EXPECT_EQ(covered, length);
      }
    }
  }
}

TEST(plan_course, every_session_has_the_standard_agenda) {
  for (const Session& s : plan_course(autumn_request()).sessions) {
    EXPECT_EQ(s.agenda, standard_agenda(s.number, 90, 30)) << s;
  }
}

// ---------------------------------------------------------------------------------------------
// The Sandefjord pilot (S-5.0, S-6.0; DOMAIN C1-C4, C11)

// DOMAIN C3: the programme closed at 16:30 and the course met at the school: 15:00-16:30.
TEST(sandefjord_pilot, meets_from_three_to_half_past_four) {
  for (const Session& s : plan_course(five_session_pilot_request()).sessions) {
    SCOPED_TRACE(s.number);
    EXPECT_EQ(s.start_time(), at(15, 0));
    EXPECT_EQ(s.end_time(), at(16, 30));
    EXPECT_EQ(s.start.utc_time().time_of_day(), at(14, 0));  // DOMAIN X3: all in winter time
  }
}

// DOMAIN C4, C11: every four weeks from 2019-11-05; 12-31 (Juleferie) and 2020-02-25
// (Vinterferie) move a week each, the rest stay on the grid.
TEST(sandefjord_pilot, moves_sessions_three_and_five_out_of_school_holidays) {
  CourseSchedule schedule = plan_course(five_session_pilot_request());
  EXPECT_EQ(dates_of(schedule),
            (std::vector<Date>{Date(2019, 11, 5), Date(2019, 12, 3), Date(2020, 1, 7),
                               Date(2020, 1, 28), Date(2020, 3, 3)}));
  EXPECT_EQ(session(schedule, 3).moved_from, Date(2019, 12, 31));
  EXPECT_EQ(session(schedule, 3).move_reason,
            (Closure{ClosureKind::school_holiday, "X2", "Juleferie"}));
  EXPECT_EQ(session(schedule, 5).moved_from, Date(2020, 2, 25));
  EXPECT_EQ(session(schedule, 5).move_reason,
            (Closure{ClosureKind::school_holiday, "X2", "Vinterferie"}));
  for (int n : {1, 2, 4}) EXPECT_EQ(session(schedule, n).moved_from, std::nullopt) << n;
}

// The two moves are the plan's only findings besides the note that the calendar is example data
// (X2): nothing else departs from the model.
TEST(sandefjord_pilot, findings_are_the_two_moves) {
  const CourseSchedule schedule = plan_course(five_session_pilot_request());
  std::vector<Violation> expected = pilot_moves();
  expected.push_back(example_calendar_note());
  EXPECT_EQ(schedule.findings, expected);
}

// DOMAIN X2: a plan on a calendar marked example data says so, in its findings, in validate()
// and in each event of its iCalendar file; the municipality's own calendar gives no such note.
TEST(sandefjord_pilot, a_calendar_of_example_data_is_named_as_such) {
  CourseRequest request = five_session_pilot_request();
  ASSERT_TRUE(request.school_calendar->example_data);
  const CourseSchedule example = plan_course(request);
  EXPECT_EQ(validate(example), std::vector<Violation>{example_calendar_note()});
  std::string calendar = to_ical(example, IcalOptions{});
  for (std::size_t fold = calendar.find("\r\n "); fold != std::string::npos; fold = calendar.find("\r\n ", fold)) {
    calendar.erase(fold, 3);  // unfolded (RFC 5545 3.1), so a folded word is found too
  }
  std::size_t notes = 0;
  for (std::size_t at = calendar.find("eksempelskolerute"); at != std::string::npos;
       at = calendar.find("eksempelskolerute", at + 1)) {
    ++notes;
  }
  EXPECT_EQ(notes, example.sessions.size());
  request.school_calendar->example_data = false;
  const CourseSchedule own = plan_course(request);
  EXPECT_EQ(own.findings, pilot_moves());
  EXPECT_EQ(to_ical(own, IcalOptions{}).find("eksempelskolerute"), std::string::npos);
}

// DOMAIN C11: a session outside every school year of the calendar given is an error, unless the
// request allows it: the calendar cannot say whether the after-school care is open then.
TEST(plan_course, a_session_outside_every_school_year_is_an_error_unless_allowed) {
  CourseRequest request = pilot_course_request(two_school_years());  // 2019-2020, 2020-2021
  request.sessions = 5;
  request.cadence_weeks = 4;
  request.first_date = Date(2022, 6, 7);  // the calendar says nothing of 2021-2022 and later
  expect_impossible([&] { plan_course(request); }, "C11", "/first_date",
                    "session 1 on 2022-06-07 is outside every school year of the school calendar of "
                    "Testkommune (2019-2020, 2020-2021): give the calendar of its school year, or "
                    "allow it with rules.allow_outside_school_years");
  request.rules.allow_outside_school_years = true;
  const CourseSchedule summer = plan_course(request);
  ASSERT_EQ(summer.sessions.size(), 5u);
  EXPECT_EQ(summer.sessions[1].date(), Date(2022, 7, 5));
  EXPECT_TRUE(std::any_of(summer.findings.begin(), summer.findings.end(), [](const Violation& v) {
    return v.rule == "X2" && v.severity == Severity::warning &&
           v.message.find("no school calendar covers session(s) 1, 2, 3, 4, 5") != std::string::npos;
  }));
  // validate() says the same of a plan made with the allowance and then checked without it.
  CourseSchedule strict = summer;
  strict.request.rules.allow_outside_school_years = false;
  const std::vector<Violation> found = validate(strict);
  EXPECT_EQ(std::count_if(found.begin(), found.end(), [](const Violation& v) {
              return v.rule == "C11" && v.severity == Severity::error &&
                     v.message.find("outside every school year") != std::string::npos;
            }),
            5);
}

// The pilot as shipped in examples/sandefjord_pilot/course.json plans the same course.
TEST(sandefjord_pilot, example_request_file_plans_the_same_sessions) {
  const CourseRequest request = load_course_request(test_support::source_dir / "examples/sandefjord_pilot/course.json");
  // The file adds the topic round (wishes, children, presenters) to the same dates and times.
  CourseRequest dates_only = request;
  dates_only.wishes.clear();
  dates_only.children.clear();
  dates_only.presenters.clear();
  EXPECT_EQ(dates_only, five_session_pilot_request());
  const CourseSchedule from_file = plan_course(request);
  const CourseSchedule expected = plan_course(five_session_pilot_request());
  ASSERT_EQ(from_file.sessions.size(), expected.sessions.size());
  for (std::size_t i = 0; i < expected.sessions.size(); ++i) {
    EXPECT_EQ(from_file.sessions[i].start, expected.sessions[i].start);
    EXPECT_EQ(from_file.sessions[i].end, expected.sessions[i].end);
    EXPECT_EQ(from_file.sessions[i].moved_from, expected.sessions[i].moved_from);
  }
}

// ---------------------------------------------------------------------------------------------
// validate(): every broken rule, with its DOMAIN id and severity

TEST(validate, planned_schedule_has_no_findings) {
  EXPECT_EQ(validate(plan_course(autumn_request())), std::vector<Violation>{});
  EXPECT_EQ(validate(plan_course(five_session_pilot_request())), std::vector<Violation>{example_calendar_note()});
}

// Moves are explained, not violations: re-validating a plan with moves finds nothing.
TEST(validate, planned_schedule_with_moves_has_no_errors) {
  CourseRequest request = autumn_request();
  request.first_date = Date(2019, 11, 5);
  request.move_policy = MovePolicy::shift_following;
  EXPECT_FALSE(has_errors(validate(plan_course(request))));
}

// DOMAIN C11, X1: Boxing Day, 2019-12-26.
TEST(validate, session_on_a_public_holiday_is_a_c11_error) {
  CourseSchedule schedule = plan_course(autumn_request());
  move_to(session(schedule, 5), Date(2019, 12, 26));
  EXPECT_EQ(with_rule(validate(schedule), "C11"),
            (std::vector<Violation>{
                {"C11", Severity::error,
                 "session 5 on 2019-12-26 is a public holiday (Andre juledag) [X1]", 5}}));
}

// DOMAIN C11, X2: Tuesday 2019-10-01 is in Høstferie.
TEST(validate, session_in_a_school_holiday_is_a_c11_error) {
  CourseSchedule schedule = plan_course(autumn_request());
  move_to(session(schedule, 2), Date(2019, 10, 1));
  EXPECT_EQ(with_rule(validate(schedule), "C11"),
            (std::vector<Violation>{
                {"C11", Severity::error,
                 "session 2 on 2019-10-01 is in the school holiday Høstferie [X2]", 2}}));
}

// DOMAIN C11: Tuesday 2020-06-23 is in the summer after school year 2019-2020.
TEST(validate, session_outside_the_school_year_is_a_c11_error) {
  CourseSchedule schedule = plan_course(autumn_request());
  move_to(session(schedule, 5), Date(2020, 6, 23));
  EXPECT_EQ(with_rule(validate(schedule), "C11"),
            (std::vector<Violation>{
                {"C11", Severity::error,
                 "session 5 on 2020-06-23 is outside the school year (sommerferie) [C11]", 5}}));
}

// DOMAIN C3: no after-school care on a Saturday (2019-10-26).
TEST(validate, session_on_a_saturday_is_a_c3_error) {
  CourseSchedule schedule = plan_course(autumn_request());
  move_to(session(schedule, 3), Date(2019, 10, 26));
  EXPECT_EQ(with_rule(validate(schedule), "C3"),
            (std::vector<Violation>{
                {"C3", Severity::error, "session 3 on 2019-10-26 is a weekend (lørdag) [C3]", 3}}));
}

// DOMAIN C3: with 10 minutes' travel the sessions must end by 16:20, not 16:30.
TEST(validate, session_ending_after_care_closes_minus_travel_is_a_c3_error) {
  CourseSchedule schedule = plan_course(autumn_request());
  schedule.request.travel_minutes = 10;
  std::vector<Violation> expected;
  for (int n = 1; n <= 5; ++n) {
    expected.push_back(
        {"C3", Severity::error,
         "session " + std::to_string(n) +
             " ends 16:30, after 16:20 (care closes 16:30, minus 10 minutes' travel)",
         n});
  }
  EXPECT_EQ(with_rule(validate(schedule), "C3"), expected);
}

// DOMAIN C3: no session before the earliest start the parents accept.
TEST(validate, session_starting_before_earliest_start_is_a_c3_error) {
  CourseSchedule schedule = plan_course(autumn_request());
  schedule.request.earliest_start = at(15, 30);
  std::vector<Violation> expected;
  for (int n = 1; n <= 5; ++n) {
    expected.push_back(
        {"C3", Severity::error,
         "session " + std::to_string(n) + " starts 15:00, before the earliest start 15:30", n});
  }
  EXPECT_EQ(with_rule(validate(schedule), "C3"), expected);
}

// DOMAIN C3: among allowed starts the latest is preferred; 14:30-16:00 leaves half an hour.
TEST(validate, session_that_could_start_later_is_a_c3_warning) {
  CourseSchedule schedule = plan_course(autumn_request());
  set_times(session(schedule, 1), at(14, 30), at(16, 0));
  EXPECT_EQ(with_rule(validate(schedule), "C3"),
            (std::vector<Violation>{
                {"C3", Severity::warning,
                 "session 1 could start later: it ends 16:00, and the children are looked after "
                 "until 16:30 counting travel",
                 1}}));
}

// DOMAIN C3: ending less than one start step early is as late as the grid allows.
TEST(validate, ending_within_one_start_step_of_the_limit_is_no_warning) {
  CourseSchedule schedule = plan_course(autumn_request());
  schedule.request.travel_minutes = 3;  // must end 16:27; the 5-minute grid gives 14:55-16:25
  for (Session& s : schedule.sessions) set_times(s, at(14, 55), at(16, 25));
  EXPECT_TRUE(with_rule(validate(schedule), "C3").empty());
}

// DOMAIN C4: session 3 dated before session 2 (their dates swapped).
TEST(validate, sessions_out_of_order_are_a_c4_error) {
  CourseSchedule schedule = plan_course(autumn_request());
  move_to(session(schedule, 2), Date(2019, 10, 22));
  move_to(session(schedule, 3), Date(2019, 9, 24));
  EXPECT_EQ(
      with_severity(with_rule(validate(schedule), "C4"), Severity::error),
      (std::vector<Violation>{{"C4", Severity::error, "session 3 is not after session 2", 3}}));
}

TEST(validate, two_sessions_on_one_day_are_a_c4_error) {
  CourseSchedule schedule = plan_course(autumn_request());
  move_to(session(schedule, 3), Date(2019, 9, 24));
  EXPECT_EQ(
      with_severity(with_rule(validate(schedule), "C4"), Severity::error),
      (std::vector<Violation>{{"C4", Severity::error, "session 3 is not after session 2", 3}}));
}

// DOMAIN C4: session 3 a week early (2019-10-15) breaks the four-week cadence on both sides.
TEST(validate, off_cadence_gap_is_a_c4_warning) {
  CourseSchedule schedule = plan_course(autumn_request());
  move_to(session(schedule, 3), Date(2019, 10, 15));
  EXPECT_EQ(with_rule(validate(schedule), "C4"),
            (std::vector<Violation>{
                {"C4", Severity::warning,
                 "session 3 comes 21 days after session 2; the cadence is 4 weeks", 3},
                {"C4", Severity::warning,
                 "session 4 comes 35 days after session 3; the cadence is 4 weeks", 4}}));
}

// DOMAIN C4, C11: a gap a recorded move explains is no warning.
TEST(validate, moved_session_explains_its_gap) {
  CourseSchedule schedule = plan_course(autumn_request());
  move_to(session(schedule, 3), Date(2019, 10, 29));
  session(schedule, 3).moved_from = Date(2019, 10, 22);
  EXPECT_TRUE(with_rule(validate(schedule), "C4").empty());
}

// DOMAIN C2: a 75-minute session (with an agenda of 75 minutes) in a course of 90-minute ones.
TEST(validate, session_of_the_wrong_length_is_a_c2_error) {
  CourseSchedule schedule = plan_course(autumn_request());
  set_times(session(schedule, 2), at(15, 15), at(16, 30));
  session(schedule, 2).agenda = standard_agenda(2, 75, 30);
  EXPECT_EQ(
      with_rule(validate(schedule), "C2"),
      (std::vector<Violation>{{"C2", Severity::error,
                               "session 2 lasts 75 minutes; the course's sessions last 90", 2}}));
}

// DOMAIN C2: 30 minutes' introduction and 50 of reflection leave 10 of 90 minutes uncovered.
TEST(validate, agenda_not_adding_up_to_the_session_is_a_c2_error) {
  CourseSchedule schedule = plan_course(autumn_request());
  session(schedule, 2).agenda[2].minutes = 50;
  EXPECT_EQ(with_rule(validate(schedule), "C2"),
            (std::vector<Violation>{
                {"C2", Severity::error, "session 2: the agenda covers 80 of 90 minutes", 2}}));
}

// DOMAIN C2: the blocks follow each other without gaps.
TEST(validate, gap_between_agenda_blocks_is_a_c2_error) {
  CourseSchedule schedule = plan_course(autumn_request());
  AgendaItem& reflection = session(schedule, 3).agenda[2];
  reflection.offset_minutes = 40;
  reflection.minutes = 50;
  EXPECT_EQ(with_rule(validate(schedule), "C2"),
            (std::vector<Violation>{
                {"C2", Severity::error,
                 "session 3: agenda block 'reflection' should start 30 minutes in and last a "
                 "positive time",
                 3}}));
}

TEST(validate, session_without_agenda_is_a_c2_error) {
  CourseSchedule schedule = plan_course(autumn_request());
  session(schedule, 4).agenda.clear();
  EXPECT_EQ(with_rule(validate(schedule), "C2"),
            (std::vector<Violation>{{"C2", Severity::error, "session 4 has no agenda", 4}}));
}

// DOMAIN C6: the first session given a later session's agenda.
TEST(validate, first_session_without_getting_to_know_and_topic_wishes_is_a_c6_error) {
  CourseSchedule schedule = plan_course(autumn_request());
  session(schedule, 1).agenda = standard_agenda(2, 90, 30);
  EXPECT_EQ(with_rule(validate(schedule), "C6"),
            (std::vector<Violation>{
                {"C6", Severity::error,
                 "session 1 is for getting to know each other and the round of topic wishes", 1}}));
}

// DOMAIN C7: reflection for the whole session, no introduction.
TEST(validate, later_session_without_introduction_is_a_c7_error) {
  CourseSchedule schedule = plan_course(autumn_request());
  session(schedule, 3).agenda = {{AgendaKind::meal, 0, 30, "Mat", "Food"},
                                 {AgendaKind::reflection, 0, 90, "Refleksjon", "Reflection"}};
  const auto findings = validate(schedule);
  EXPECT_EQ(with_rule(findings, "C7"),
            (std::vector<Violation>{{"C7", Severity::error,
                                     "session 3 has no introduction by a municipal employee", 3}}));
  EXPECT_TRUE(with_rule(findings, "C2").empty());
}

// DOMAIN C10: an introduction for the whole session, no led reflection.
TEST(validate, later_session_without_reflection_is_a_c10_error) {
  CourseSchedule schedule = plan_course(autumn_request());
  session(schedule, 4).agenda = {{AgendaKind::meal, 0, 30, "Mat", "Food"},
                                 {AgendaKind::introduction, 0, 90, "Innledning", "Introduction"}};
  EXPECT_EQ(
      with_rule(validate(schedule), "C10"),
      (std::vector<Violation>{{"C10", Severity::error, "session 4 has no led reflection", 4}}));
}

// DOMAIN C9: food and drink on arrival is the model; leaving it out is a warning.
TEST(validate, session_without_a_meal_is_a_c9_warning) {
  CourseSchedule schedule = plan_course(autumn_request());
  auto& agenda = session(schedule, 5).agenda;
  agenda.erase(agenda.begin());  // the meal
  EXPECT_EQ(with_rule(validate(schedule), "C9"),
            (std::vector<Violation>{
                {"C9", Severity::warning, "session 5 serves no food on arrival", 5}}));
}

// DOMAIN C11: a course keeps to one school year; 2020-08-18 is in the next one.
TEST(validate, sessions_spanning_two_school_years_are_a_c11_error) {
  CourseSchedule schedule = plan_course(autumn_request());
  move_to(session(schedule, 5), Date(2020, 8, 18));
  EXPECT_EQ(with_rule(validate(schedule), "C11"),
            (std::vector<Violation>{
                {"C11", Severity::error,
                 "session 5 is in school year 2020-2021; the course began in 2019-2020", 5}}));
}

// DOMAIN C1: sessions are numbered 1..n in order.
TEST(validate, misnumbered_session_is_a_c1_error) {
  CourseSchedule schedule = plan_course(autumn_request());
  session(schedule, 2).number = 5;
  EXPECT_EQ(with_rule(validate(schedule), "C1"),
            (std::vector<Violation>{
                {"C1", Severity::error, "session 2 is numbered 5; number sessions 1..5", 2}}));
}

// DOMAIN C1: a hand-made schedule of four sessions.
TEST(validate, fewer_sessions_than_recommended_is_a_c1_warning) {
  CourseSchedule schedule = plan_course(autumn_request());
  schedule.sessions.pop_back();
  EXPECT_EQ(with_rule(validate(schedule), "C1"),
            (std::vector<Violation>{
                {"C1", Severity::warning, "the schedule has 4 sessions; the request asks for 5",
                 std::nullopt},
                {"C1", Severity::warning, "4 sessions; the model recommends 5-6", std::nullopt}}));
}

// DOMAIN X3: times are Europe/Oslo local time.
TEST(validate, session_in_another_time_zone_is_an_x3_error) {
  CourseSchedule schedule = plan_course(autumn_request());
  const boost::local_time::time_zone_ptr utc(new boost::local_time::posix_time_zone("UTC+00"));
  Session& first = session(schedule, 1);
  first.start = LocalDateTime(first.start.utc_time(), utc);
  first.end = LocalDateTime(first.end.utc_time(), utc);
  EXPECT_EQ(
      with_rule(validate(schedule), "X3"),
      (std::vector<Violation>{{"X3", Severity::error, "session 1 is not in Europe/Oslo time", 1}}));
}

// DOMAIN X2: validating without a school calendar says the school holidays went unchecked.
TEST(validate, schedule_without_school_calendar_gives_an_x2_warning) {
  CourseSchedule schedule = plan_course(autumn_request());
  schedule.request.school_calendar.reset();
  EXPECT_EQ(validate(schedule),
            (std::vector<Violation>{{"X2", Severity::warning,
                                     "no school calendar covers session(s) 1, 2, 3, 4, 5; school "
                                     "holidays could not be checked there",
                                     std::nullopt}}));
}

// Decisions come with reasons: every violation at once, in order, not just the first.
TEST(validate, returns_every_violation_at_once) {
  CourseSchedule schedule = plan_course(autumn_request());
  schedule.request.venue.name.clear();
  set_times(session(schedule, 1), at(14, 30), at(16, 0));
  move_to(session(schedule, 3), Date(2019, 10, 26));  // a Saturday
  auto& agenda = session(schedule, 5).agenda;
  agenda.erase(agenda.begin());
  const std::vector<Violation> expected{
      {"C8", Severity::warning, "no venue is named", std::nullopt},
      {"C3", Severity::warning,
       "session 1 could start later: it ends 16:00, and the children are looked after until 16:30 "
       "counting travel",
       1},
      {"C3", Severity::error, "session 3 on 2019-10-26 is a weekend (lørdag) [C3]", 3},
      {"C4", Severity::warning, "session 3 comes 32 days after session 2; the cadence is 4 weeks",
       3},
      {"C4", Severity::warning, "session 4 comes 24 days after session 3; the cadence is 4 weeks",
       4},
      {"C9", Severity::warning, "session 5 serves no food on arrival", 5},
  };
  const auto findings = validate(schedule);
  EXPECT_EQ(findings, expected);
  EXPECT_TRUE(has_errors(findings));
}

// The message names its session already, so the printed form does not repeat the number.
TEST(violation, prints_severity_rule_and_message) {
  std::ostringstream out;
  out << Violation{"C9", Severity::warning, "session 5 serves no food on arrival", 5};
  EXPECT_EQ(out.str(), "warning [C9]: session 5 serves no food on arrival");
}

TEST(session, prints_number_date_times_venue_and_move) {
  CourseSchedule schedule = plan_course(five_session_pilot_request());
  std::ostringstream out;
  out << session(schedule, 3);
  EXPECT_EQ(out.str(),
            "Session(3, 2020-01-07 15:00-16:30, Klasserom på barnas skole, moved from 2019-12-31)");
}

}  // namespace

namespace {

// DOMAIN C4: with a cadence of one week, a session pushed on by the one before says so, and
// does not claim that its own week was closed.
TEST(plan_course, session_pushed_by_the_previous_move_says_so) {
  CourseRequest request = autumn_request();
  request.first_date = Date(2019, 12, 10);
  request.cadence_weeks = 1;
  request.sessions = 4;  // 12-10, 12-17, then 12-24 and 12-31 in Juleferie
  const CourseSchedule schedule = plan_course(request);
  EXPECT_EQ(schedule.sessions[2].date(), Date(2020, 1, 7));
  EXPECT_EQ(schedule.sessions[3].date(), Date(2020, 1, 14));
  EXPECT_EQ(with_rule(schedule.findings, "C11").back().message,
            "session 4 moved from 2019-12-31 to 2020-01-14: 2019-12-31 is in the school holiday "
            "Juleferie [X2], and session 3 moved to the week before");
}

// DOMAIN C1: a schedule without sessions is an error, not a valid empty plan.
TEST(validate, schedule_without_sessions_is_a_c1_error) {
  CourseSchedule schedule = plan_course(autumn_request());
  schedule.sessions.clear();
  const auto found = with_rule(validate(schedule), "C1");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.front(), (Violation{"C1", Severity::error, "the schedule has no sessions",
                                      std::nullopt}));
}

// DOMAIN C4: sessions less than a week apart are a warning, even when one of them moved.
TEST(validate, sessions_less_than_a_week_apart_are_a_c4_warning) {
  CourseSchedule schedule = plan_course(autumn_request());
  Session& third = session(schedule, 3);
  third.start = oslo_time(Date(2019, 9, 26), at(15, 0));
  third.end = oslo_time(Date(2019, 9, 26), at(16, 30));
  third.moved_from = Date(2019, 10, 22);
  EXPECT_EQ(with_rule(validate(schedule), "C4"),
            (std::vector<Violation>{
                {"C4", Severity::warning, "session 3 comes only 2 day(s) after session 2", 3}}));
}

// DOMAIN C2: an introduction other than the model's is a warning.
TEST(validate, introduction_other_than_the_models_is_a_c2_warning) {
  CourseRequest request = autumn_request();
  request.introduction_minutes = 45;
  EXPECT_EQ(with_rule(plan_course(request).findings, "C2"),
            (std::vector<Violation>{{"C2", Severity::warning,
                                     "an introduction of 45 minutes; the model's is about 30",
                                     std::nullopt}}));
}

}  // namespace
