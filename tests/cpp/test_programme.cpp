// A season's programme (issue #19): offers sharing presenters, volunteers and venues planned
// together (DOMAIN C1-C12, G9, P2, P3, V4, V5, X5).
#include <gtest/gtest.h>

#include <set>

#include "../common/regional_season.hpp"
#include "fixtures.hpp"
#include "paarorende/io/programme.hpp"
#include "paarorende/programme.hpp"

namespace paarorende {
namespace {

using namespace test_support;

// Two venues, two presenters, the autumn of 2019 (Tuesdays from 3 September); no calendar.
Programme two_venues() {
  Programme programme;
  programme.municipality = "Test";
  programme.venues = {{"hall", "Hall", "", 0, {}, 400.0}, {"school", "School", "", 0, {}, 0.0}};
  ProgrammePerson anne;
  anne.id = "anne";
  anne.name = "Anne";
  ProgrammePerson bo;
  bo.id = "bo";
  bo.name = "Bo";
  programme.presenters = {anne, bo};
  return programme;
}

Offer one_session(const char* id, const char* venue, std::vector<std::string> presenters, Date date) {
  Offer offer = offer_defaults(OfferKind::caregiver_school, CaregiverSchoolForm::conversations);
  offer.id = id;
  offer.venue = venue;
  offer.presenters = std::move(presenters);
  offer.first_date = date;
  return offer;  // 60 minutes, 09:00-15:00, one presenter
}

const PlannedOffer& offer_of(const ProgrammePlan& plan, const std::string& id) {
  for (const auto& offer : plan.offers) {
    if (offer.id == id) return offer;
  }
  throw std::runtime_error("no offer " + id);
}

TEST(programme_defaults, each_kind_from_its_format_or_the_documented_assumption) {
  const Offer course = offer_defaults(OfferKind::parents_course);
  EXPECT_EQ(course.format, "monthly_parents");  // DOMAIN C1, C4
  EXPECT_EQ(course.sessions, 5);
  EXPECT_EQ(course.cadence_weeks, 4);
  EXPECT_EQ(course.presenters_per_session, 1);  // DOMAIN C7
  const Offer fathers = offer_defaults(OfferKind::fathers_session);
  EXPECT_EQ(fathers.sessions, 1);  // DOMAIN G9
  const Offer meeting = offer_defaults(OfferKind::meeting_place);
  EXPECT_EQ(meeting.volunteers_per_session, 2);  // DOMAIN V4, X5
  EXPECT_TRUE(meeting.police_certificate);
  const Offer week = offer_defaults(OfferKind::family_week);
  EXPECT_EQ(week.cadence_weeks, 0);  // DOMAIN P2: consecutive days
  const Offer cafe = offer_defaults(OfferKind::caregiver_school, CaregiverSchoolForm::cafe);
  EXPECT_EQ(cafe.volunteers_per_session, 2);  // DOMAIN P3: the library's assumption
  EXPECT_EQ(offer_defaults(OfferKind::competence_day).session_minutes, 360);  // DOMAIN V5
}

// Issue #23: an offer's default title is in the programme's language, from the format's name or
// the library's own table (V5, P3).
TEST(programme_defaults, titles_are_in_the_language) {
  EXPECT_EQ(offer_defaults(OfferKind::parents_course, std::nullopt, Language::nn).title, "Meistringskurs for foreldre");
  EXPECT_EQ(offer_defaults(OfferKind::parents_course).title, "Mestringskurs for foreldre");
  EXPECT_EQ(offer_defaults(OfferKind::caregiver_school, CaregiverSchoolForm::conversations).title,
            "Pårørendeskolen: samtaler");
  EXPECT_EQ(offer_defaults(OfferKind::caregiver_school, CaregiverSchoolForm::conversations, Language::nn).title,
            "Pårørandeskulen: samtalar");
  EXPECT_EQ(offer_defaults(OfferKind::caregiver_school, CaregiverSchoolForm::cafe, Language::en).title,
            "Caregiver school: café");
  EXPECT_EQ(offer_defaults(OfferKind::competence_day, std::nullopt, Language::en).title, "Competence day");
}

TEST(plan_programme, a_shared_presenter_takes_two_offers_one_after_the_other_rather_than_move_one) {
  Programme programme = two_venues();
  programme.offers = {one_session("a", "hall", {"anne"}, Date(2019, 9, 3)),
                      one_session("b", "school", {"anne"}, Date(2019, 9, 3))};
  const ProgrammePlan plan = plan_programme(programme);
  EXPECT_TRUE(check_plan(plan).empty());
  const auto& a = offer_of(plan, "a").sessions.at(0);
  const auto& b = offer_of(plan, "b").sessions.at(0);
  EXPECT_EQ(a.date, Date(2019, 9, 3));
  EXPECT_EQ(b.date, Date(2019, 9, 3));
  // The latest starts (C3): one at 14:00, the other an hour earlier.
  EXPECT_EQ(std::set<std::string>({clock_time(a.start), clock_time(b.start)}),
            (std::set<std::string>{"13:00", "14:00"}));
  EXPECT_EQ(plan.objective, (ProgrammeObjective{0, 0, 0, 60}));
}

TEST(plan_programme, a_weekly_limit_moves_a_session_and_says_who_holds_the_week) {
  Programme programme = two_venues();
  programme.presenters[0].max_sessions_per_week = 1;
  programme.offers = {one_session("a", "hall", {"anne"}, Date(2019, 9, 3)),
                      one_session("b", "school", {"anne"}, Date(2019, 9, 4))};
  const ProgrammePlan plan = plan_programme(programme);
  EXPECT_TRUE(check_plan(plan).empty());
  EXPECT_EQ(plan.objective.moved_sessions, 1);
  ASSERT_EQ(plan.unused_dates.size(), 1u);
  const UnusedDate& unused = plan.unused_dates[0];
  EXPECT_EQ(unused.offer, "b");
  EXPECT_EQ(unused.date, Date(2019, 9, 4));
  ASSERT_EQ(unused.reasons.size(), 1u);
  EXPECT_EQ(unused.reasons[0].kind, "presenter_weekly_limit");
  EXPECT_EQ(unused.reasons[0].who, "anne");
  EXPECT_EQ(unused.reasons[0].offers, std::vector<std::string>{"a"});
  EXPECT_EQ(offer_of(plan, "b").sessions.at(0).date, Date(2019, 9, 11));
}

TEST(plan_programme, unused_dates_name_every_reason_as_an_independent_list_has_them) {
  // A course on Tuesdays: 1 October is in the autumn break (X2), 15 October the school's care is
  // closed (C3), 29 October the venue is taken (C8); each session moves a week.
  Programme programme = two_venues();
  programme.school_calendar = SchoolCalendar{"Test", {{"2019-2020", Date(2019, 8, 19), Date(2020, 6, 19),
                                                       {{"Høstferie", Date(2019, 9, 30), Date(2019, 10, 4)}}}},
                                             false, ""};
  programme.schools = {{"north", "North", ClockTime(16, 30, 0), 0, {Date(2019, 10, 15)}}};
  programme.venues[1].taken = {Date(2019, 10, 29)};
  Offer course = offer_defaults(OfferKind::parents_course, std::nullopt);
  course.id = "course";
  course.venue = "school";
  course.schools = {"north"};
  course.presenters = {"anne", "bo"};
  course.cadence_weeks = 2;
  course.first_date = Date(2019, 9, 17);
  programme.offers = {course};
  const ProgrammePlan plan = plan_programme(programme);
  EXPECT_TRUE(check_plan(plan).empty());
  std::vector<std::tuple<int, std::string, std::string, std::string>> found;
  for (const auto& unused : plan.unused_dates) {
    for (const auto& reason : unused.reasons) found.emplace_back(unused.session, iso_date(unused.date), reason.kind, reason.rule);
  }
  const std::vector<std::tuple<int, std::string, std::string, std::string>> expected{
      {2, "2019-10-01", "closed", "X2"}, {3, "2019-10-15", "care_closed", "C3"}, {4, "2019-10-29", "venue_taken", "C8"}};
  EXPECT_EQ(found, expected);
}

TEST(plan_programme, a_session_no_date_can_hold_is_dropped_with_its_rules_and_the_offers_in_the_way) {
  Programme programme = two_venues();
  programme.offers = {one_session("a", "hall", {"anne"}, Date(2019, 9, 3)),
                      one_session("b", "hall", {"anne"}, Date(2019, 9, 3))};
  for (auto& offer : programme.offers) {
    offer.max_move_weeks = 0;
    offer.earliest_start = ClockTime(14, 0, 0);  // room for one session of 60 minutes only
  }
  const ProgrammePlan plan = plan_programme(programme);
  EXPECT_FALSE(plan.feasible());
  EXPECT_EQ(plan.objective, (ProgrammeObjective{1, 1, 0, 0}));
  ASSERT_EQ(plan.dropped.size(), 1u);
  const DroppedSession& dropped = plan.dropped[0];
  EXPECT_EQ(dropped.offer, "b");  // the first held keeps its date: ties go to the earlier offer
  EXPECT_EQ(dropped.rules, (std::vector<std::string>{"C7", "C8"}));
  EXPECT_EQ(dropped.offers, std::vector<std::string>{"a"});
  EXPECT_TRUE(check_plan(plan).empty());
}

TEST(plan_programme, a_volunteer_without_a_valid_police_certificate_is_never_rostered) {
  Programme programme = two_venues();
  ProgrammePerson lapsed;
  lapsed.id = "v1";
  lapsed.certificate_valid_until = Date(2019, 8, 31);  // DOMAIN X5
  ProgrammePerson valid = lapsed;
  valid.id = "v2";
  valid.certificate_valid_until = Date(2020, 12, 31);
  ProgrammePerson other = valid;
  other.id = "v3";
  programme.volunteers = {lapsed, valid, other};
  Offer meeting = offer_defaults(OfferKind::meeting_place);
  meeting.id = "treff";
  meeting.venue = "hall";
  meeting.sessions = 3;
  meeting.first_date = Date(2019, 9, 4);
  meeting.volunteers = {"v1", "v2", "v3"};
  programme.offers = {meeting};
  const ProgrammePlan plan = plan_programme(programme);
  EXPECT_TRUE(check_plan(plan).empty());
  for (const auto& session : plan.offers[0].sessions) {
    EXPECT_EQ(session.volunteers, (std::vector<std::string>{"v2", "v3"}));
  }
}

TEST(plan_programme, a_family_week_moves_as_one_block) {
  Programme programme = two_venues();
  programme.venues[0].taken = {Date(2019, 10, 9)};  // the Wednesday of the first week
  Offer week = offer_defaults(OfferKind::family_week);
  week.id = "week";
  week.venue = "hall";
  week.presenters = {"anne", "bo"};
  week.first_date = Date(2019, 10, 7);
  programme.presenters[0].max_sessions_per_week = 5;
  programme.presenters[1].max_sessions_per_week = 5;
  programme.offers = {week};
  const ProgrammePlan plan = plan_programme(programme);
  EXPECT_TRUE(check_plan(plan).empty());
  const auto& sessions = plan.offers[0].sessions;
  ASSERT_EQ(sessions.size(), 5u);
  EXPECT_EQ(sessions.front().date, Date(2019, 10, 14));  // DOMAIN P2: Monday to Friday, a week later
  EXPECT_EQ(sessions.back().date, Date(2019, 10, 18));
  EXPECT_EQ(plan.objective.moved_sessions, 5);
}

TEST(plan_programme, the_sandefjord_autumn_costs_as_docs_programme_works_out_by_hand) {
  const ProgrammePlan plan = plan_programme(load_programme(source_dir / "examples/sandefjord_autumn/programme.json"));
  EXPECT_TRUE(check_plan(plan).empty());
  // docs/programme.md: catering 60 per participant and session, the hall 500 a session, 600 an hour
  // for the course leader and the psychologist, 650 for the public health nurse; 1.5 hours a session.
  EXPECT_EQ(offer_of(plan, "kurs_vestre").cost, (OfferCost{2700.0, 0.0, 9075.0, 11775.0}));
  EXPECT_EQ(offer_of(plan, "kurs_ostre").cost, (OfferCost{2400.0, 2500.0, 9225.0, 14125.0}));
  EXPECT_EQ(offer_of(plan, "pappasamling").cost, (OfferCost{300.0, 500.0, 1875.0, 2675.0}));
  EXPECT_EQ(plan.total_cost, 28575.0);
}

TEST(plan_programme, a_regional_season_books_nobody_twice_as_checked_apart_from_the_planner) {
  const ProgrammePlan plan = plan_programme(testing::regional_season(20, 8, 12));
  EXPECT_EQ(check_plan(plan), std::vector<Violation>{});
  int sessions = 0;
  for (const auto& offer : plan.offers) sessions += static_cast<int>(offer.sessions.size());
  EXPECT_GT(sessions, 0);
}

TEST(check_plan, finds_a_presenter_booked_twice) {
  Programme programme = two_venues();
  programme.offers = {one_session("a", "hall", {"anne"}, Date(2019, 9, 3)),
                      one_session("b", "school", {"anne"}, Date(2019, 9, 3))};
  ProgrammePlan plan = plan_programme(programme);
  plan.offers[1].sessions[0].start = plan.offers[0].sessions[0].start;
  plan.offers[1].sessions[0].end = plan.offers[0].sessions[0].end;
  const auto findings = check_plan(plan);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message, "anne is booked twice on 2019-09-03 (a, b)");
}

TEST(check_programme, an_offer_naming_an_unknown_presenter_is_refused_at_its_pointer) {
  Programme programme = two_venues();
  programme.offers = {one_session("a", "hall", {"cecilie"}, Date(2019, 9, 3))};
  const InputError error = input_error([&] { check_programme(programme); });
  EXPECT_EQ(located(error), (Located{"/offers/0/presenters/0", "unknown presenter \"cecilie\""}));
  EXPECT_EQ(error.rule(), "C7");
}

TEST(check_programme, overlapping_availability_entries_are_refused) {
  Programme programme = two_venues();
  programme.presenters[0].available = {{Date(2019, 8, 1), Date(2019, 10, 31)}, {Date(2019, 10, 31), Date(2019, 12, 1)}};
  const InputError error = input_error([&] { check_programme(programme); });
  EXPECT_EQ(located(error), (Located{"/presenters/0/available/1", "overlaps availability entry 0 (2019-08-01 to 2019-10-31)"}));
  EXPECT_EQ(error.rule(), "C7");
}

}  // namespace
}  // namespace paarorende
