// Volunteer rosters (DOMAIN X5) and the meeting-place season (V2, V4).
#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "paarorende/meeting_place.hpp"
#include "paarorende/roster.hpp"
#include "paarorende/io/meeting_place.hpp"
#include "paarorende/io/roster.hpp"

namespace paarorende {
namespace {

using namespace test_support;

Volunteer volunteer(const char* id, std::optional<Date> valid_until, std::vector<Date> unavailable = {}) {
  return Volunteer{id, "", valid_until, std::move(unavailable), std::nullopt};
}

std::vector<Shift> three_meetings(int children) {
  RosterRules rules;
  return {{1, Date(2027, 1, 6), children, adults_needed(children, rules), {}},
          {2, Date(2027, 1, 20), children, adults_needed(children, rules), {}},
          {3, Date(2027, 2, 3), children, adults_needed(children, rules), {}}};
}

const Date far_future(2030, 1, 1);

TEST(adults_needed, at_least_two_then_the_ratio) {
  RosterRules rules;  // DOMAIN X5: 2 adults; 5 children per adult
  EXPECT_EQ(adults_needed(0, rules), 2);
  EXPECT_EQ(adults_needed(10, rules), 2);
  EXPECT_EQ(adults_needed(11, rules), 3);
  EXPECT_EQ(adults_needed(16, rules), 4);
  rules.children_per_adult = 8;
  EXPECT_EQ(adults_needed(16, rules), 2);
  EXPECT_EQ(adults_needed(17, rules), 3);
  rules.children_per_adult = 0;
  EXPECT_EQ(adults_needed(100, rules), 2);
}

TEST(make_roster, spreads_the_meetings_and_meets_every_need) {
  const Roster roster = make_roster(three_meetings(8),
                                    {volunteer("v1", far_future), volunteer("v2", far_future),
                                     volunteer("v3", far_future)});
  EXPECT_EQ(roster.shifts[0].volunteers, (std::vector<std::string>{"v1", "v2"}));
  EXPECT_EQ(roster.shifts[1].volunteers, (std::vector<std::string>{"v3", "v1"}));
  EXPECT_EQ(roster.shifts[2].volunteers, (std::vector<std::string>{"v2", "v3"}));
  EXPECT_TRUE(validate(roster).empty());
  EXPECT_TRUE(shortfalls(roster).empty());
}

TEST(make_roster, never_rosters_a_lapsed_or_missing_certificate) {
  // DOMAIN X5: v2's certificate lapses before meeting 2; v3 has none.
  const Roster roster = make_roster(three_meetings(4),
                                    {volunteer("v1", far_future), volunteer("v2", Date(2027, 1, 10)),
                                     volunteer("v3", std::nullopt), volunteer("v4", far_future)});
  for (const auto& shift : roster.shifts) {
    for (const auto& id : shift.volunteers) {
      EXPECT_NE(id, "v3");
      if (shift.date > Date(2027, 1, 10)) {
        EXPECT_NE(id, "v2") << shift;
      }
    }
  }
  EXPECT_TRUE(shortfalls(roster).empty());
  const auto findings = validate(roster);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].severity, Severity::warning);
  EXPECT_EQ(findings[0].message,
            "v2's police certificate lapses 2027-01-10, before the last meeting (2027-02-03): renew "
            "it to be rostered after");
}

TEST(shortfalls, are_reported_per_meeting_with_the_reason) {
  // Two adults always; 12 children need 3. Only v1 and v2 are certified, v2 is away on meeting 2.
  const Roster roster = make_roster(three_meetings(12),
                                    {volunteer("v1", far_future),
                                     volunteer("v2", far_future, {Date(2027, 1, 20)}),
                                     volunteer("v3", Date(2026, 12, 31))});
  const auto missing = shortfalls(roster);
  ASSERT_EQ(missing.size(), 3u);
  EXPECT_EQ(missing[0].meeting, 1);
  EXPECT_EQ(missing[0].needed, 3);
  EXPECT_EQ(missing[0].rostered, 2);
  EXPECT_EQ(missing[0].reason, "no other volunteer can come: 1 without a valid police certificate [X5]");
  EXPECT_EQ(missing[1].rostered, 1);
  EXPECT_EQ(missing[1].missing(), 2);
  EXPECT_EQ(missing[1].reason,
            "no other volunteer can come: 1 without a valid police certificate [X5], 1 unavailable");
  const auto findings = validate(roster);
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ(findings[0].rule, "X5");
  EXPECT_EQ(findings[0].severity, Severity::error);
  EXPECT_EQ(findings[0].message,
            "meeting 1 (2027-01-06) has 2 of 3 adults: no other volunteer can come: 1 without a "
            "valid police certificate [X5]");
  EXPECT_EQ(findings[0].session, std::optional<int>(1));
}

TEST(shortfalls, two_adult_minimum_even_with_few_children) {
  // DOMAIN X5: one volunteer alone is never enough.
  const Roster roster = make_roster(three_meetings(1), {volunteer("v1", far_future)});
  ASSERT_EQ(shortfalls(roster).size(), 3u);
  EXPECT_EQ(shortfalls(roster)[0].needed, 2);
  EXPECT_EQ(shortfalls(roster)[0].rostered, 1);
}

TEST(validate_roster, a_hand_made_roster_with_a_lapsed_certificate_is_an_error) {
  Roster roster{{}, {volunteer("v1", far_future), volunteer("v2", Date(2027, 1, 1))}, three_meetings(4)};
  roster.shifts[0].volunteers = {"v1", "v2"};
  const auto findings = validate(roster);
  ASSERT_GE(findings.size(), 2u);
  EXPECT_EQ(findings[0].message, "meeting 1 (2027-01-06): v2's police certificate lapsed 2027-01-01");
  EXPECT_EQ(findings[1].message,
            "meeting 1 (2027-01-06) has 1 of 2 adults: no other volunteer can come: 1 rostered "
            "without a valid police certificate [X5]");
}

TEST(roster_changes, assign_refuses_a_lapsed_certificate_and_changes_nothing) {
  Roster roster = make_roster(three_meetings(4), {volunteer("v1", far_future), volunteer("v2", far_future),
                                                  volunteer("v3", Date(2027, 1, 10))});
  const Roster before = roster;
  const RuleViolation error = thrown<RuleViolation>([&] { assign(roster, 2, "v3"); });
  EXPECT_EQ(error.rule(), "X5");
  EXPECT_EQ(std::string(error.message()),
            "cannot roster on meeting 2 (2027-01-20): v3's police certificate lapsed 2027-01-10");
  EXPECT_EQ(roster, before);
  EXPECT_THROW(assign(roster, 1, "v1"), RuleViolation);  // already on meeting 1
  EXPECT_THROW(assign(roster, 9, "v1"), InputError);
  EXPECT_THROW(assign(roster, 1, "v9"), InputError);
  EXPECT_EQ(roster, before);
  assign(roster, 1, "v3");  // valid on 2027-01-06
  EXPECT_EQ(roster.shifts[0].volunteers.back(), "v3");
}

TEST(roster_changes, update_refuses_a_certificate_that_would_lapse_under_a_shift) {
  Roster roster = make_roster(three_meetings(4), {volunteer("v1", far_future), volunteer("v2", far_future)});
  const Roster before = roster;
  const RuleViolation error =
      thrown<RuleViolation>([&] { update_volunteer(roster, volunteer("v1", Date(2027, 1, 15))); });
  EXPECT_EQ(error.rule(), "X5");
  EXPECT_EQ(std::string(error.message()),
            "v1 is rostered on meeting 2 (2027-01-20), after the police certificate lapses; "
            "unassign first");
  EXPECT_EQ(roster, before);
  update_volunteer(roster, volunteer("v1", Date(2031, 6, 30)));  // a renewal
  EXPECT_EQ(roster.find_volunteer("v1")->certificate_valid_until, Date(2031, 6, 30));
}

TEST(roster_changes, add_remove_and_unassign) {
  Roster roster = make_roster(three_meetings(4), {volunteer("v1", far_future), volunteer("v2", far_future)});
  const Roster before = roster;
  EXPECT_THROW(add_volunteer(roster, volunteer("v1", far_future)), InputError);
  EXPECT_THROW(add_volunteer(roster, volunteer("Kari Nordmann", far_future)), InputError);
  EXPECT_THROW(unassign(roster, 1, "v9"), InputError);
  EXPECT_EQ(roster, before);
  add_volunteer(roster, volunteer("v3", far_future));
  remove_volunteer(roster, "v1");
  EXPECT_EQ(roster.find_volunteer("v1"), nullptr);
  for (const auto& shift : roster.shifts) EXPECT_EQ(shift.volunteers, (std::vector<std::string>{"v2"}));
  assign(roster, 1, "v3");
  unassign(roster, 1, "v2");
  EXPECT_EQ(roster.shifts[0].volunteers, (std::vector<std::string>{"v3"}));
}

TEST(roster_json, reads_back_equal_and_refuses_a_one_adult_minimum) {
  const Roster roster = make_roster(three_meetings(4), {volunteer("v1", far_future, {Date(2027, 1, 20)}),
                                                        volunteer("v2", far_future)});
  EXPECT_EQ(roster_from_json(to_json(roster)), roster);
  const InputError error = input_error([] {
    roster_from_json(parse_json(R"({"rules": {"min_adults": 1}, "volunteers": [], "shifts": []})"));
  });
  EXPECT_EQ(std::string(error.message()), "a meeting for children has at least two adults, got 1");
  EXPECT_EQ(error.where(), "/rules/min_adults");
  EXPECT_EQ(error.rule(), "X5");
  const InputError order = input_error([] {
    roster_from_json(parse_json(R"({"shifts": [
      {"meeting": 1, "date": "2027-01-20", "adults_needed": 2},
      {"meeting": 2, "date": "2027-01-06", "adults_needed": 2}]})"));
  });
  EXPECT_EQ(std::string(order.message()), "meetings must be in date order, one per date");
  EXPECT_EQ(order.where(), "/shifts/1/date");
}

// --- V4: the season -------------------------------------------------------------------------

SeasonRequest winter_2027() {
  SeasonRequest request = season_request(builtin_format("meeting_place"), 2027);
  request.first_date = Date(2027, 1, 6);  // a Wednesday
  request.venue = {"Valdres lokalmedisinske senter", "Fagernes"};
  return request;
}

TEST(season, winter_by_default_every_two_weeks) {
  SeasonRequest request = season_request(builtin_format("meeting_place"), 2027);
  EXPECT_EQ(request.first_date, Date(2027, 1, 1));
  EXPECT_EQ(request.last_date, Date(2027, 3, 31));
  EXPECT_EQ(request.min_age, 6);
  EXPECT_EQ(request.max_age, 16);
  EXPECT_EQ(request.roster_rules.min_adults, 2);
  request = winter_2027();
  const Season season = plan_season(request);
  std::vector<std::string> dates;
  for (const auto& m : season.meetings) dates.push_back(iso_date(m.date()));
  EXPECT_EQ(dates, (std::vector<std::string>{"2027-01-06", "2027-01-20", "2027-02-03", "2027-02-17",
                                             "2027-03-03", "2027-03-17", "2027-03-31"}));
  EXPECT_EQ(season.meetings[0].start.local_time().time_of_day(), ClockTime(17, 0, 0));
}

TEST(season, skips_public_and_school_holidays) {
  SeasonRequest request = winter_2027();
  request.first_date = Date(2027, 1, 1);  // New Year's Day, a Friday
  request.cadence_weeks = 1;
  request.last_date = Date(2027, 3, 31);
  SchoolCalendar calendar;
  calendar.municipality = "Nord-Aurdal";
  calendar.years.push_back({"2026-2027", Date(2026, 8, 19), Date(2027, 6, 18),
                            {{"Vinterferie", Date(2027, 3, 1), Date(2027, 3, 5)}}});
  request.school_calendar = calendar;
  const Season season = plan_season(request);
  ASSERT_EQ(season.skipped.size(), 3u);
  EXPECT_EQ(season.skipped[0].date, Date(2027, 1, 1));
  EXPECT_EQ(season.skipped[0].reason.rule, "X1");
  EXPECT_EQ(season.skipped[1].date, Date(2027, 3, 5));
  EXPECT_EQ(season.skipped[1].reason.name, "Vinterferie");
  EXPECT_EQ(season.skipped[2].date, Date(2027, 3, 26));  // Langfredag
  EXPECT_EQ(season.meetings.size(), 13u - 3u + 0u);
}

TEST(season, large_groups_split_into_age_bands_each_with_its_own_adults) {
  SeasonRequest request = winter_2027();
  request.children_ages = {6, 7, 7, 8, 9, 10, 11, 12, 12, 13, 14, 15, 16, 5, 17};
  const Season season = plan_season(request);
  const auto& groups = season.meetings[0].groups;
  ASSERT_EQ(groups.size(), 3u);  // 13 of the ages: more than 12
  EXPECT_EQ(groups[0].band, (AgeBand{6, 9}));
  EXPECT_EQ(groups[0].children, 5);
  EXPECT_EQ(groups[1].children, 4);
  EXPECT_EQ(groups[2].children, 4);
  for (const auto& g : groups) EXPECT_EQ(g.adults_needed, 2);  // DOMAIN X5 per group
  EXPECT_EQ(season.roster.shifts[0].adults_needed, 6);
  EXPECT_EQ(season.findings[0].rule, "V4");
  EXPECT_EQ(season.findings[0].message, "2 child(ren) outside the ages 6-16 are not counted");
  // No volunteers: every meeting is short.
  EXPECT_EQ(shortfalls(season.roster).size(), season.meetings.size());
}

TEST(season, small_groups_stay_together) {
  SeasonRequest request = winter_2027();
  request.children_ages = {6, 9, 12, 15};
  const Season season = plan_season(request);
  ASSERT_EQ(season.meetings[0].groups.size(), 1u);
  EXPECT_EQ(season.meetings[0].groups[0].band, (AgeBand{6, 16}));
}

TEST(season, bands_must_cover_the_ages) {
  SeasonRequest request = winter_2027();
  request.age_bands = {{6, 9}, {11, 16}};
  const InputError error = input_error([&] { plan_season(request); });
  EXPECT_EQ(std::string(error.message()),
            "the age bands must cover 6-16 in order without gaps or overlaps; expected 10, got 11");
  EXPECT_EQ(error.where(), "/age_bands/1/min_age");
  EXPECT_EQ(error.rule(), "V4");
}

TEST(season, document_with_valdres_shares_its_venue) {
  const SeasonRequest request = season_request_from_json(parse_json(R"({
    "region": "valdres", "first_date": "2027-01-06", "children_ages": [7, 9, 11],
    "volunteers": [{"id": "v1", "certificate_valid_until": "2028-01-01"},
                   {"id": "v2", "certificate_valid_until": "2028-01-01"}],
    "roster_rules": {"children_per_adult": 6}})"));
  EXPECT_EQ(request.region, "valdres");
  EXPECT_EQ(request.venue.name, "Valdres lokalmedisinske senter");
  EXPECT_EQ(request.last_date, Date(2027, 3, 31));
  EXPECT_EQ(request.roster_rules.children_per_adult, 6);
  const Season season = plan_season(request);
  EXPECT_TRUE(shortfalls(season.roster).empty());
  EXPECT_FALSE(has_errors(season.findings));
  EXPECT_EQ(season_request_from_json(to_json(request)).volunteers, request.volunteers);
  const InputError error = input_error([] {
    season_request_from_json(parse_json(R"({"first_date": "2027-01-06", "roster_rules": {"min_adults": 1}})"));
  });
  EXPECT_EQ(error.where(), "/roster_rules/min_adults");
}

}  // namespace
}  // namespace paarorende
