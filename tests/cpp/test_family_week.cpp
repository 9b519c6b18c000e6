// The 5-day family course (DOMAIN P2).
#include <gtest/gtest.h>

#include <algorithm>

#include "fixtures.hpp"
#include "paarorende/family_week.hpp"
#include "paarorende/io/family_week.hpp"

namespace paarorende {
namespace {

using namespace test_support;

FamilyWeekRequest week_of(Date start) {
  FamilyWeekRequest request = family_week_request(builtin_format("family_week"), start);
  request.venue = {"Frambu", "Siggerud"};
  request.children_ages = {1, 2, 3, 4};
  return request;
}

const FamilyBlock* find(const FamilyDay& day, FamilyBlockKind kind) {
  for (const auto& b : day.blocks) {
    if (b.kind == kind) return &b;
  }
  return nullptr;
}

TEST(family_week, five_consecutive_days_with_the_frambu_themes) {
  const FamilyWeekPlan plan = plan_family_week(week_of(Date(2018, 1, 15)));  // a Monday
  ASSERT_EQ(plan.days.size(), 5u);
  EXPECT_EQ(plan.days[4].date, Date(2018, 1, 19));
  std::vector<std::string> themes;
  for (const auto& day : plan.days) themes.push_back(*find(day, FamilyBlockKind::teaching)->theme);
  EXPECT_EQ(themes, (std::vector<std::string>{"medical_challenges", "communication_and_interaction",
                                              "eating_and_nutrition", "rights_benefits_services",
                                              "family_life"}));
  EXPECT_TRUE(plan.findings.empty());
}

TEST(family_week, teaching_alternates_morning_and_afternoon_with_groups_in_the_other_half) {
  const FamilyWeekPlan plan = plan_family_week(week_of(Date(2018, 1, 15)));
  for (std::size_t i = 0; i < plan.days.size(); ++i) {
    const FamilyDay& day = plan.days[i];
    const auto teaching = find(day, FamilyBlockKind::teaching)->start.local_time().time_of_day();
    EXPECT_EQ(teaching, i % 2 == 0 ? ClockTime(9, 0, 0) : ClockTime(12, 30, 0)) << i;
    const FamilyBlock* other = i + 1 < plan.days.size() ? find(day, FamilyBlockKind::parents_group)
                                                        : find(day, FamilyBlockKind::observation_talk);
    ASSERT_NE(other, nullptr) << i;
    EXPECT_EQ(other->start.local_time().time_of_day(), i % 2 == 0 ? ClockTime(12, 30, 0) : ClockTime(9, 0, 0));
    // The children's programme covers the daytime; the evening has childcare.
    const FamilyBlock* children = find(day, FamilyBlockKind::children_programme);
    EXPECT_EQ(children->start.local_time().time_of_day(), ClockTime(9, 0, 0));
    EXPECT_EQ(children->end.local_time().time_of_day(), ClockTime(15, 0, 0));
    EXPECT_EQ(children->audience(), Audience::children);
  }
  for (int i = 0; i < 4; ++i) {
    const FamilyDay& day = plan.days[static_cast<std::size_t>(i)];
    ASSERT_NE(find(day, FamilyBlockKind::parents_evening), nullptr);
    EXPECT_EQ(find(day, FamilyBlockKind::childcare)->start, find(day, FamilyBlockKind::parents_evening)->start);
  }
  EXPECT_EQ(find(plan.days[4], FamilyBlockKind::parents_evening), nullptr);  // families go home
}

TEST(family_week, refuses_a_public_holiday_and_a_weekend) {
  // DOMAIN X1: Ascension Day 2018 is Thursday 10 May.
  const ImpossibleRequest error =
      thrown<ImpossibleRequest>([&] { plan_family_week(week_of(Date(2018, 5, 7))); });
  EXPECT_EQ(error.rule(), "X1");
  EXPECT_EQ(
      std::string(error.message()),
      "day 4 (2018-05-10) is a public holiday (Kristi himmelfartsdag); choose another start date");
  EXPECT_EQ(error.where(), "/start_date");
  try {
    plan_family_week(week_of(Date(2018, 1, 17)));  // Wednesday: day 4 is a Saturday
    FAIL() << "no ImpossibleRequest";
  } catch (const ImpossibleRequest& error) {
    EXPECT_EQ(error.rule(), "P2");
    EXPECT_EQ(std::string(error.message()),
              "day 4 (2018-01-20) is a Saturday; the 5 days must be consecutive weekdays");
  }
}

TEST(family_week, validate_finds_a_missing_group_childcare_and_alternation) {
  FamilyWeekPlan plan = plan_family_week(week_of(Date(2018, 1, 15)));
  auto& day2 = plan.days[1].blocks;
  day2.erase(std::remove_if(day2.begin(), day2.end(),
                            [](const FamilyBlock& b) {
                              return b.kind == FamilyBlockKind::parents_group ||
                                     b.kind == FamilyBlockKind::childcare;
                            }),
             day2.end());
  // Day 3's teaching moved to the afternoon: no alternation with day 2's.
  for (auto& b : plan.days[2].blocks) {
    if (b.kind == FamilyBlockKind::teaching || b.kind == FamilyBlockKind::parents_group) {
      const bool morning = b.start.local_time().time_of_day() == ClockTime(9, 0, 0);
      const ClockTime start = morning ? ClockTime(12, 30, 0) : ClockTime(9, 0, 0);
      b.start = oslo_time(plan.days[2].date, start);
      b.end = oslo_time(plan.days[2].date, start + boost::posix_time::minutes(150));
    }
  }
  std::vector<std::string> messages;
  for (const auto& f : validate(plan)) messages.push_back(f.rule + ": " + f.message);
  EXPECT_EQ(messages, (std::vector<std::string>{
                          "P2: day 2 (2018-01-16): no parents' group with a professional in the "
                          "morning, when there is no common teaching",
                          "P2: day 2 (2018-01-16): the children are not looked after during the "
                          "parents_evening 19:00-21:00",
                          "P2: day 3 (2018-01-17): teaching in the afternoon again; P2 alternates "
                          "morning and afternoon",
                          "P2: day 4 (2018-01-18): teaching in the afternoon again; P2 alternates "
                          "morning and afternoon"}));
}

TEST(family_week, checks_themes_ages_and_window) {
  FamilyWeekRequest request = week_of(Date(2018, 1, 15));
  request.themes = {"medical_challenges", "no_such_topic"};
  InputError error = input_error([&] { plan_family_week(request); });
  EXPECT_EQ(std::string(error.message()), "give a theme for each of the 5 days, got 2");
  EXPECT_EQ(error.rule(), "P2");
  request.days = 2;
  error = input_error([&] { plan_family_week(request); });
  EXPECT_EQ(std::string(error.message()), "no topic \"no_such_topic\" in the catalogue");
  EXPECT_EQ(error.where(), "/themes/1");
  request = week_of(Date(2018, 1, 15));
  request.evening_start = ClockTime(14, 0, 0);
  error = input_error([&] { plan_family_week(request); });
  EXPECT_EQ(std::string(error.message()), "the evening must begin after the daytime programme ends (15:00)");
  request = week_of(Date(2018, 1, 15));
  request.children_ages = {2, 6};
  const FamilyWeekPlan plan = plan_family_week(request);
  ASSERT_EQ(plan.findings.size(), 1u);
  EXPECT_EQ(plan.findings[0].message, "1 child(ren) outside the ages 0-4");
}

TEST(family_week, json_and_icalendar) {
  const FamilyWeekRequest request = family_week_request_from_json(parse_json(R"({
    "start_date": "2018-01-15", "organiser": "Frambu", "diagnosis": "ORPHA:558",
    "venue": {"name": "Frambu", "address": "Siggerud"}, "children_ages": [1, 3]})"));
  EXPECT_EQ(request.days, 5);
  EXPECT_EQ(request.diagnosis, std::optional<std::string>("ORPHA:558"));
  EXPECT_EQ(family_week_request_from_json(to_json(request)), request);
  const FamilyWeekPlan plan = plan_family_week(request);
  const Json document = to_json(plan);
  EXPECT_EQ(document["days"].size(), 5u);
  EXPECT_FALSE(document["request"].contains("children_ages"));  // DOMAIN X4
  IcalOptions options;
  options.dtstamp_utc = boost::posix_time::ptime(Date(2018, 1, 1));
  const std::string ics = to_ical(plan, options);
  EXPECT_NE(ics.find("DTSTART;TZID=Europe/Oslo:20180115T090000\r\n"), std::string::npos);
  EXPECT_NE(ics.find("BEGIN:VTIMEZONE\r\n"), std::string::npos);
  std::size_t events = 0;
  for (std::size_t at = ics.find("BEGIN:VEVENT"); at != std::string::npos; at = ics.find("BEGIN:VEVENT", at + 1)) {
    ++events;
  }
  EXPECT_EQ(events, 4u * 6u + 4u);  // days 1-4: 6 blocks; day 5: 4 (no evening)
  EXPECT_EQ(to_ical(plan, options), ics);  // stable
  const InputError error = input_error([] {
    family_week_request_from_json(parse_json(R"({"start_date": "2018-01-15", "format": "monthly_parents"})"));
  });
  EXPECT_EQ(std::string(error.message()),
            "format \"monthly_parents\" is a course, not a family week");
}

}  // namespace
}  // namespace paarorende
