// Group formation from a waitlist (DOMAIN G1-G9, C8, V1): hard rules never broken, reasons for
// every household left out, pins and locks, determinism, and the gap to an exact optimum.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <limits>
#include <map>
#include <set>

#include "fixtures.hpp"
#include "paarorende/error.hpp"
#include "paarorende/formation.hpp"

namespace paarorende {
namespace {

using namespace test_support;

Household couple(const std::string& id, const std::string& place, ChildStage stage = ChildStage::primary,
                 ConditionCategory condition = ConditionCategory::severe_disability) {
  Household household;
  household.id = id;
  household.municipality = "3451";
  household.school = place;
  household.caregivers = {{CaregiverRole::mother}, {CaregiverRole::father}};
  Child child;
  child.stage = stage;
  child.condition = condition;
  household.children = {child};
  return household;
}

// Fagernes, Bagn and Vang (Valdres): Fagernes-Bagn about 40 minutes by the model, Fagernes-Vang 50,
// Bagn-Vang over 60.
Waitlist valdres_places() {
  Waitlist waitlist;
  waitlist.id = "test";
  waitlist.places = {{"fagernes", "3451", 60.986, 9.233, true},
                     {"bagn", "3449", 60.819, 9.557, true},
                     {"vang", "3454", 61.125, 8.572, true}};
  return waitlist;
}

FormationRequest request_of(Waitlist waitlist) {
  FormationRequest request;
  request.waitlist = std::move(waitlist);
  return request;
}

std::set<std::string> ids(const Group& group) {
  std::set<std::string> found;
  for (const auto& household : group.households) found.insert(household.id);
  return found;
}

// Every household once: in one group or left out with a reason; every group formed keeps every
// hard rule (validate() without errors, C8 within the limit).
void expect_sound(const FormationRequest& request, const FormationResult& result) {
  std::map<std::string, int> seen;
  for (const auto& formed : result.groups) {
    for (const auto& household : formed.group.households) ++seen[household.id];
    if (formed.locked) continue;
    for (const auto& violation : validate(formed.group, request.rules)) {
      EXPECT_NE(violation.severity, Severity::error) << formed.group.id << ": " << violation;
    }
    EXPECT_LE(formed.scores.max_travel_minutes, request.waitlist.travel.max_minutes);
    for (const auto& violation : formed.violations) EXPECT_NE(violation.severity, Severity::error) << violation;
  }
  for (const auto& left : result.unassigned) {
    ++seen[left.household];
    EXPECT_FALSE(left.rule.empty());
    EXPECT_FALSE(left.reason.empty());
  }
  EXPECT_EQ(seen.size(), request.waitlist.households.size());
  for (const auto& [id, count] : seen) EXPECT_EQ(count, 1) << id;
}

TEST(formation, travel_estimate_from_coordinates) {
  const Place fagernes{"fagernes", "3451", 60.986, 9.233, true};
  const Place bagn{"bagn", "3449", 60.819, 9.557, true};
  // About 25 km as the crow flies; 1.3 x 25 km at 60 km/h is about 32 minutes.
  EXPECT_NEAR(distance_km(fagernes, bagn), 25.0, 1.5);
  EXPECT_NEAR(estimated_minutes(fagernes, bagn), distance_km(fagernes, bagn) * 1.3, 1e-9);
  EXPECT_EQ(estimated_minutes(fagernes, fagernes), 0.0);
}

TEST(formation, six_couples_at_one_school_form_one_group) {
  Waitlist waitlist = valdres_places();
  for (int i = 1; i <= 6; ++i) waitlist.households.push_back(couple(numbered("h", i), "fagernes"));
  const auto request = request_of(waitlist);
  const FormationResult result = form_groups(request);
  expect_sound(request, result);
  ASSERT_EQ(result.groups.size(), 1u);
  EXPECT_EQ(result.groups[0].group.id, "g1");
  EXPECT_EQ(result.groups[0].venue, "fagernes");
  EXPECT_EQ(result.groups[0].group.participants(), 12);
  EXPECT_TRUE(result.unassigned.empty());
  EXPECT_EQ(result.groups[0].scores.travel_minutes, 0.0);
  EXPECT_EQ(result.groups[0].scores.participants_off_target, 0);
  // All at one school, one stage, no rare diagnosis: G1, G3, G6-G8 and C8 hold (G2 is off by
  // default); G4 does not (six couples at the pilot's attendance: P(at least 5) below 80%).
  EXPECT_EQ(result.groups[0].satisfied, (std::vector<std::string>{"G1", "G3", "G6", "G7", "G8", "C8"}));
  EXPECT_GT(result.groups[0].scores.attendance_shortfall, 0.0);
}

TEST(formation, g1_keeps_behavioural_difficulties_apart_and_says_why_one_is_left_out) {
  Waitlist waitlist = valdres_places();
  for (int i = 1; i <= 6; ++i) waitlist.households.push_back(couple(numbered("h", i), "fagernes"));
  waitlist.households.push_back(
      couple("h7", "fagernes", ChildStage::primary, ConditionCategory::mainly_behavioural));  // DOMAIN G1
  const auto request = request_of(waitlist);
  const FormationResult result = form_groups(request);
  expect_sound(request, result);
  ASSERT_EQ(result.groups.size(), 1u);
  EXPECT_EQ(ids(result.groups[0].group).count("h7"), 0u);
  ASSERT_EQ(result.unassigned.size(), 1u);
  EXPECT_EQ(result.unassigned[0].household, "h7");
  EXPECT_EQ(result.unassigned[0].rule, "C8");
  EXPECT_EQ(result.unassigned[0].reason,
            "no other family in category mainly_behavioural (G1) within 60 minutes");
}

TEST(formation, too_few_families_within_reach_is_a_g3_reason) {
  Waitlist waitlist = valdres_places();
  for (int i = 1; i <= 3; ++i) waitlist.households.push_back(couple(numbered("h", i), "vang"));
  const auto request = request_of(waitlist);
  const FormationResult result = form_groups(request);
  expect_sound(request, result);
  EXPECT_TRUE(result.groups.empty());
  ASSERT_EQ(result.unassigned.size(), 3u);
  EXPECT_EQ(result.unassigned[0].rule, "G3");
  EXPECT_EQ(result.unassigned[0].reason,
            "only 2 other families in category illness or disability (G1) within 60 minutes, 6 "
            "participants with it; a group needs at least 9");
  EXPECT_EQ(result.objective, 3 * request.formation.weights.unassigned);
  // Proven by counting: no grouping places it.
  EXPECT_EQ(result.unassigned[0].placeable, std::optional<bool>(false));
  EXPECT_EQ(result.unassigned[0].blocking_rules, std::vector<std::string>{"G3"});
  EXPECT_EQ(result.optimality.status, OptimalityStatus::optimal);
}

// Nine couples at one school: one group holds at most 16 participants (G3), so one couple is left
// out, and it could be placed only by leaving out another. Who waits is a queue.
FormationRequest nine_couples_waiting() {
  Waitlist waitlist = valdres_places();
  for (int i = 1; i <= 9; ++i) {
    Household household = couple(numbered("h", i), "fagernes");
    household.waiting_since = Date(2026, 1, static_cast<unsigned short>(i));
    waitlist.households.push_back(household);
  }
  return request_of(waitlist);
}

TEST(formation, a_waitlist_is_a_queue_and_the_reason_says_who_would_be_displaced) {
  FormationRequest request = nine_couples_waiting();
  const FormationResult result = form_groups(request);
  expect_sound(request, result);
  ASSERT_EQ(result.unassigned.size(), 1u);
  const UnassignedHousehold& left = result.unassigned[0];
  EXPECT_EQ(left.household, "h9");  // joined last: waited least
  EXPECT_EQ(left.placeable, std::optional<bool>(true));
  EXPECT_EQ(left.would_displace.size(), 1u);
  ASSERT_TRUE(left.weeks_waited.has_value());
  EXPECT_DOUBLE_EQ(*left.weeks_waited, 0.0);  // the newest entry is the reference date
  EXPECT_NE(left.reason.find("only by leaving out 1 family now in a group"), std::string::npos) << left.reason;
  EXPECT_NE(left.reason.find("on the waitlist since 2026-01-09 (0 weeks)"), std::string::npos) << left.reason;
  EXPECT_EQ(result.optimality.status, OptimalityStatus::optimal);
  // The one who joined last is the one left out, whoever it is.
  request.waitlist.households[2].waiting_since = Date(2026, 3, 1);
  const FormationResult again = form_groups(request);
  ASSERT_EQ(again.unassigned.size(), 1u);
  EXPECT_EQ(again.unassigned[0].household, "h3");
  EXPECT_NEAR(again.terms.at("waiting"), 0.0, 1e-12);
  EXPECT_GT(form_groups(request).objective, 0.0);
}

TEST(formation, placeable_is_unknown_when_the_search_stops_at_its_limit) {
  FormationRequest request = nine_couples_waiting();
  request.formation.exact.certify_nodes = 1;
  const FormationResult result = form_groups(request);
  ASSERT_EQ(result.unassigned.size(), 1u);
  EXPECT_EQ(result.unassigned[0].placeable, std::nullopt);
  EXPECT_NE(result.unassigned[0].reason.find("certify_nodes"), std::string::npos);
}

TEST(formation, no_venue_within_reach_is_a_c8_reason) {
  Waitlist waitlist = valdres_places();
  waitlist.places.push_back({"finse", "4621", 60.60, 7.50, false});  // far west, not a venue
  waitlist.households.push_back(couple("h1", "finse"));
  const auto request = request_of(waitlist);
  const FormationResult result = form_groups(request);
  ASSERT_EQ(result.unassigned.size(), 1u);
  EXPECT_EQ(result.unassigned[0].rule, "C8");
  EXPECT_EQ(result.unassigned[0].reason, "no venue within 60 minutes of pickup place \"finse\"");
}

TEST(formation, kindergarten_when_school_age_is_hard_is_a_g6_reason) {
  Waitlist waitlist = valdres_places();
  for (int i = 1; i <= 6; ++i) waitlist.households.push_back(couple(numbered("h", i), "fagernes"));
  waitlist.households.push_back(couple("h7", "fagernes", ChildStage::kindergarten));
  auto request = request_of(waitlist);
  request.rules.school_age = RuleWeight::hard;
  const FormationResult result = form_groups(request);
  expect_sound(request, result);
  ASSERT_EQ(result.unassigned.size(), 1u);
  EXPECT_EQ(result.unassigned[0].household, "h7");
  EXPECT_EQ(result.unassigned[0].rule, "G6");
}

TEST(formation, far_households_meet_at_a_venue_within_reach_of_all) {
  // Bagn and Vang are more than an hour apart; Fagernes reaches both (DOMAIN C8, V1).
  Waitlist waitlist = valdres_places();
  for (int i = 1; i <= 3; ++i) waitlist.households.push_back(couple(numbered("b", i), "bagn"));
  for (int i = 1; i <= 3; ++i) waitlist.households.push_back(couple(numbered("v", i), "vang"));
  const auto request = request_of(waitlist);
  const FormationResult result = form_groups(request);
  expect_sound(request, result);
  ASSERT_EQ(result.groups.size(), 1u);
  EXPECT_EQ(result.groups[0].venue, "fagernes");
}

TEST(formation, known_travel_times_replace_the_estimate) {
  Waitlist waitlist = valdres_places();
  for (int i = 1; i <= 3; ++i) waitlist.households.push_back(couple(numbered("b", i), "bagn"));
  for (int i = 1; i <= 3; ++i) waitlist.households.push_back(couple(numbered("v", i), "vang"));
  waitlist.travel_times = {{"vang", "fagernes", 75.0}};  // a closed road: over the limit
  const auto request = request_of(waitlist);
  const FormationResult result = form_groups(request);
  expect_sound(request, result);
  EXPECT_TRUE(result.groups.empty());
  EXPECT_EQ(result.unassigned.size(), 6u);
}

TEST(formation, rare_diagnosis_peers_are_brought_together) {
  // Two families with one rare code, one in each of two would-be groups: G8 joins them.
  Waitlist waitlist = valdres_places();
  for (int i = 1; i <= 12; ++i) waitlist.households.push_back(couple(numbered("h", i), i <= 6 ? "fagernes" : "bagn"));
  waitlist.households[0].children[0].rare_diagnosis = "ORPHA:558";
  waitlist.households[11].children[0].rare_diagnosis = "ORPHA:558";
  const auto request = request_of(waitlist);
  const FormationResult result = form_groups(request);
  expect_sound(request, result);
  ASSERT_EQ(result.groups.size(), 2u);
  for (const auto& formed : result.groups) {
    EXPECT_EQ(ids(formed.group).count("h1"), ids(formed.group).count("h12"));
    EXPECT_EQ(formed.scores.rare_without_peer, 0);
  }
}

TEST(formation, pins_together_and_apart_hold) {
  Waitlist waitlist = valdres_places();
  for (int i = 1; i <= 12; ++i) {
    waitlist.households.push_back(couple(numbered("h", i), "fagernes",
                                         i <= 6 ? ChildStage::primary : ChildStage::upper_secondary));
  }
  auto request = request_of(waitlist);
  request.pins.together = {{"h1", "h12"}};
  request.pins.apart = {{"h2", "h3"}};
  const FormationResult result = form_groups(request);
  expect_sound(request, result);
  ASSERT_EQ(result.groups.size(), 2u);
  for (const auto& formed : result.groups) {
    const auto members = ids(formed.group);
    EXPECT_EQ(members.count("h1"), members.count("h12"));
    EXPECT_FALSE(members.count("h2") && members.count("h3"));
  }
  // Without pins the stages split cleanly; the pin costs a stage span in one group.
  const FormationResult free = form_groups(request_of(waitlist));
  EXPECT_LT(free.objective, result.objective);
}

TEST(formation, contradicting_pins_are_an_impossible_request) {
  Waitlist waitlist = valdres_places();
  for (int i = 1; i <= 6; ++i) waitlist.households.push_back(couple(numbered("h", i), "fagernes"));
  waitlist.households.push_back(couple("h7", "fagernes", ChildStage::primary, ConditionCategory::mainly_behavioural));
  auto request = request_of(waitlist);
  request.pins.together = {{"h1", "h2"}};
  request.pins.apart = {{"h2", "h1"}};
  EXPECT_EQ(located(thrown<ImpossibleRequest>([&] { form_groups(request); })),
            (Located{"/pins/apart/0/1",
                     "households \"h2\" and \"h1\" are pinned both together and apart"}));
  request.pins = {};
  request.pins.together = {{"h1", "h7"}};
  const ImpossibleRequest g1 = thrown<ImpossibleRequest>([&] { form_groups(request); });
  EXPECT_EQ(g1.rule(), "G1");
  EXPECT_EQ(
      g1.message(),
      "households \"h1\" and \"h7\" are pinned together, but the hard rule G1 keeps them apart");
  request.pins = {};
  request.pins.apart = {{"h1", "nobody"}};
  EXPECT_EQ(located(input_error([&] { form_groups(request); })),
            (Located{"/pins/apart/0/1", "unknown household \"nobody\""}));
}

TEST(formation, a_locked_group_is_kept_verbatim_on_a_rerun) {
  Waitlist waitlist = valdres_places();
  for (int i = 1; i <= 12; ++i) waitlist.households.push_back(couple(numbered("h", i), i % 2 ? "fagernes" : "bagn"));
  const FormationResult first = form_groups(request_of(waitlist));
  ASSERT_FALSE(first.groups.empty());
  const FormedGroup kept = first.groups[0];
  // The coordinator locks the first group, more families join, and formation runs again.
  auto request = request_of(waitlist);
  for (int i = 13; i <= 18; ++i) request.waitlist.households.push_back(couple(numbered("h", i), "fagernes"));
  LockedGroup locked{kept.group.id, kept.venue, {}};
  for (const auto& household : kept.group.households) locked.households.push_back(household.id);
  request.locked = {locked};
  const FormationResult second = form_groups(request);
  expect_sound(request, second);
  ASSERT_FALSE(second.groups.empty());
  EXPECT_TRUE(second.groups[0].locked);
  EXPECT_EQ(second.groups[0].group, kept.group);
  EXPECT_EQ(second.groups[0].venue, kept.venue);
  for (std::size_t g = 1; g < second.groups.size(); ++g) {
    EXPECT_NE(second.groups[g].group.id, kept.group.id);
    for (const auto& id : ids(second.groups[g].group)) EXPECT_EQ(ids(kept.group).count(id), 0u) << id;
  }
}

TEST(formation, locks_that_overlap_or_name_strangers_are_refused) {
  Waitlist waitlist = valdres_places();
  for (int i = 1; i <= 6; ++i) waitlist.households.push_back(couple(numbered("h", i), "fagernes"));
  auto request = request_of(waitlist);
  request.locked = {{"a", "", {"h1", "h2"}}, {"b", "", {"h2"}}};
  EXPECT_EQ(located(thrown<ImpossibleRequest>([&] { form_groups(request); })),
            (Located{"/locked/1/households/0", "household \"h2\" is in two locked groups"}));
  request.locked = {{"a", "nowhere", {"h1"}}};
  EXPECT_EQ(located(input_error([&] { form_groups(request); })),
            (Located{"/locked/0/venue", "unknown place \"nowhere\""}));
}

TEST(formation, malformed_waitlists_are_input_errors) {
  Waitlist waitlist = valdres_places();
  waitlist.households.push_back(couple("h1", "nowhere"));
  InputError error = input_error([&] { form_groups(request_of(waitlist)); });
  EXPECT_EQ(located(error), (Located{"/households/0/school", "unknown place \"nowhere\""}));
  EXPECT_EQ(error.rule(), "C8");
  waitlist.households[0].school = "fagernes";
  waitlist.households.push_back(couple("h1", "fagernes"));
  error = input_error([&] { form_groups(request_of(waitlist)); });
  EXPECT_EQ(located(error), (Located{"/households/1/id", "household id \"h1\" is used twice"}));
  auto request = request_of(valdres_places());
  request.formation.target_participants = 20;
  error = input_error([&] { form_groups(request); });
  EXPECT_EQ(located(error), (Located{"/formation/target_participants",
                                     "target_participants (20) must be between min_participants "
                                     "(9) and max_participants (16)"}));
}

// DOMAIN V1, G8: a region's shared_waitlist decides whether its municipalities' households form
// groups together. Three couples in Nord-Aurdal (Fagernes) and three in Sør-Aurdal (Bagn), about
// 40 minutes apart: one group of 12 together, too few on either side alone (G3).
FormationRequest two_municipalities() {
  Waitlist waitlist = valdres_places();
  for (int i = 1; i <= 6; ++i) {
    Household household = couple(numbered("h", i), i <= 3 ? "fagernes" : "bagn");
    household.municipality = i <= 3 ? "3451" : "Sør-Aurdal";  // by number or by name
    waitlist.households.push_back(household);
  }
  FormationRequest request = request_of(waitlist);
  request.region = *find_builtin_region("valdres");
  return request;
}

TEST(formation, a_shared_waitlist_forms_across_municipalities) {
  const FormationRequest request = two_municipalities();
  ASSERT_TRUE(request.region->shared_waitlist);  // Valdres shares its waitlist (src/data/regions.json)
  const FormationResult result = form_groups(request);
  expect_sound(request, result);
  ASSERT_EQ(result.groups.size(), 1u);
  EXPECT_EQ(result.groups[0].group.households.size(), 6u);
  EXPECT_TRUE(result.unassigned.empty());
}

TEST(formation, a_waitlist_not_shared_keeps_each_municipality_apart) {
  FormationRequest request = two_municipalities();
  request.region->shared_waitlist = false;
  const FormationResult result = form_groups(request);
  expect_sound(request, result);
  EXPECT_TRUE(result.groups.empty());
  ASSERT_EQ(result.unassigned.size(), 6u);
  for (const auto& left : result.unassigned) {
    EXPECT_EQ(left.placeable, std::optional<bool>(false)) << left.household;
    EXPECT_EQ(left.rule, "G3");
    EXPECT_EQ(left.blocking_rules, (std::vector<std::string>{"G3", "V1"}));
  }
  EXPECT_EQ(result.unassigned[0].reason,
            "only 2 other families in category illness or disability (G1) from municipality 3451 (region \"valdres\" "
            "does not share its waitlist, V1) within 60 minutes, 6 participants with it; a group needs at least 9");
  // With a fourth and fifth couple in Bagn, Sør-Aurdal forms a group of its own, and Nord-Aurdal's
  // three are still left out rather than joined to it.
  for (int i = 7; i <= 8; ++i) {
    Household household = couple(numbered("h", i), "bagn");
    household.municipality = "3449";
    request.waitlist.households.push_back(household);
  }
  const FormationResult more = form_groups(request);
  expect_sound(request, more);
  ASSERT_EQ(more.groups.size(), 1u);
  for (const auto& household : more.groups[0].group.households) EXPECT_NE(household.municipality, "3451");
  EXPECT_EQ(more.unassigned.size(), 3u);
  // A grouping across the border is never formed, though it would place everyone (16 participants).
  request.region->shared_waitlist = true;
  EXPECT_TRUE(form_groups(request).unassigned.empty());
}

TEST(formation, a_locked_group_across_the_border_is_a_v1_finding_with_its_scores) {
  FormationRequest request = two_municipalities();
  request.region->shared_waitlist = false;
  request.locked = {{"kept", "fagernes", {"h1", "h2", "h3", "h4", "h5", "h6"}}};
  const FormationResult result = form_groups(request);
  ASSERT_EQ(result.groups.size(), 1u);
  const FormedGroup& kept = result.groups[0];
  EXPECT_EQ(kept.violations.back(),
            (GroupViolation{"V1", Severity::error,
                            "households of several municipalities, and region \"valdres\" does not share its waitlist", {}}));
  EXPECT_EQ(std::count(kept.satisfied.begin(), kept.satisfied.end(), "V1"), 0);
  EXPECT_GT(kept.scores.travel_minutes, 0.0);  // scored, though it breaks V1
  EXPECT_GT(kept.cost, 0.0);
  // Shared, the same group keeps V1.
  request.region->shared_waitlist = true;
  const FormationResult shared = form_groups(request);
  EXPECT_EQ(std::count(shared.groups[0].satisfied.begin(), shared.groups[0].satisfied.end(), "V1"), 0);
  for (const auto& v : shared.groups[0].violations) EXPECT_NE(v.rule, "V1");
  // A locked group's id names its files: a slug.
  request.locked[0].id = "../kept";
  EXPECT_EQ(located(input_error([&] { form_groups(request); })),
            (Located{"/locked/0/id", "a locked group's id is lower-case letters, digits, - and _ (at most 64), got \"../kept\""}));
}

TEST(formation, an_info_leaves_its_rule_satisfied) {
  // Every child in grade 8: G6's transition info, and G6 still satisfied.
  Waitlist waitlist = valdres_places();
  for (int i = 1; i <= 6; ++i) {
    Household household = couple(numbered("h", i), "fagernes", ChildStage::lower_secondary);
    household.children[0].grade = 8;
    waitlist.households.push_back(household);
  }
  const FormationResult result = form_groups(request_of(waitlist));
  ASSERT_EQ(result.groups.size(), 1u);
  const FormedGroup& group = result.groups[0];
  ASSERT_TRUE(std::any_of(group.violations.begin(), group.violations.end(),
                          [](const GroupViolation& v) { return v.rule == "G6" && v.severity == Severity::info; }));
  EXPECT_EQ(std::count(group.satisfied.begin(), group.satisfied.end(), "G6"), 1);
}

TEST(formation, a_region_names_every_households_municipality_and_pins_keep_to_it) {
  FormationRequest request = two_municipalities();
  request.waitlist.households[4].municipality = "0301";  // Oslo, not in Valdres
  InputError error = input_error([&] { form_groups(request); });
  EXPECT_EQ(located(error), (Located{"/households/4/municipality", "municipality \"0301\" is not in region \"valdres\""}));
  EXPECT_EQ(error.rule(), "V1");
  request = two_municipalities();
  request.region->shared_waitlist = false;
  request.pins.together = {{"h1", "h5"}};
  const ImpossibleRequest pinned = thrown<ImpossibleRequest>([&] { form_groups(request); });
  EXPECT_EQ(located(pinned), (Located{"/pins/together/0/1",
                                      "households \"h1\" and \"h5\" are pinned together, but they live in different "
                                      "municipalities and the region does not share its waitlist (V1)"}));
  EXPECT_EQ(pinned.rule(), "V1");
}

TEST(formation, the_same_input_and_seed_give_the_same_groups) {
  FormationRequest request;
  request.waitlist = synthetic_waitlist({90, 12, 3});
  const FormationResult a = form_groups(request);
  const FormationResult b = form_groups(request);
  EXPECT_EQ(a, b);
  expect_sound(request, a);
}

TEST(formation, hard_rules_hold_under_every_setting) {
  FormationRequest request;
  request.waitlist = synthetic_waitlist({300, 30, 11});
  // The heuristic alone at this size (the exact method's groups are checked by validate() inside
  // form_groups, and below on a smaller list): column generation on every component takes a while.
  request.formation.exact.generation_blocks = 0;
  const std::vector<void (*)(FormationRequest&)> settings = {
      [](FormationRequest&) {},
      [](FormationRequest& r) { r.rules.life_threatening_own_group = RuleWeight::hard; },
      [](FormationRequest& r) { r.rules.stage_band = RuleWeight::hard; r.rules.max_stage_span = 0; },
      [](FormationRequest& r) { r.rules.attendance = RuleWeight::hard; r.rules.min_present_probability = 0.7; },
      [](FormationRequest& r) { r.rules.acquaintance = RuleWeight::hard; r.rules.rare_peers = RuleWeight::hard; },
      [](FormationRequest& r) { r.rules.school_age = RuleWeight::hard; r.waitlist.travel.max_minutes = 30; },
      [](FormationRequest& r) { r.rules.behavioural_own_group = RuleWeight::soft; r.formation.target_participants = 9; },
  };
  for (std::size_t i = 0; i < settings.size(); ++i) {
    FormationRequest changed = request;
    settings[i](changed);
    const FormationResult result = form_groups(changed);
    SCOPED_TRACE(i);
    expect_sound(changed, result);
    EXPECT_FALSE(result.groups.empty());
  }
}

TEST(formation, the_exact_method_keeps_the_hard_rules_under_every_setting) {
  FormationRequest request;
  request.waitlist = synthetic_waitlist({80, 8, 5});
  const std::vector<void (*)(FormationRequest&)> settings = {
      [](FormationRequest&) {},
      [](FormationRequest& r) { r.rules.life_threatening_own_group = RuleWeight::hard; },
      [](FormationRequest& r) { r.rules.stage_band = RuleWeight::hard; r.rules.max_stage_span = 0; },
      [](FormationRequest& r) { r.rules.acquaintance = RuleWeight::hard; r.rules.rare_peers = RuleWeight::hard; },
  };
  for (std::size_t i = 0; i < settings.size(); ++i) {
    FormationRequest changed = request;
    settings[i](changed);
    const FormationResult result = form_groups(changed);
    SCOPED_TRACE(i);
    expect_sound(changed, result);
    EXPECT_LE(result.optimality.lower_bound, result.objective + 1e-9);
  }
}

TEST(formation, the_objective_is_the_sum_of_the_groups_evaluations) {
  FormationRequest request;
  request.waitlist = synthetic_waitlist({150, 10, 5});
  const FormationResult result = form_groups(request);
  std::map<std::string, std::size_t> household, place;
  for (std::size_t h = 0; h < request.waitlist.households.size(); ++h) household[request.waitlist.households[h].id] = h;
  for (std::size_t p = 0; p < request.waitlist.places.size(); ++p) place[request.waitlist.places[p].id] = p;
  std::vector<std::pair<std::vector<std::size_t>, std::size_t>> partition;
  const GroupEvaluator evaluate(request);
  for (const auto& formed : result.groups) {
    std::vector<std::size_t> members;
    for (const auto& h : formed.group.households) members.push_back(household.at(h.id));
    const GroupEvaluation e = evaluate(members, place.at(formed.venue));
    EXPECT_TRUE(e.feasible);
    EXPECT_NEAR(e.cost, formed.cost, 1e-9);
    EXPECT_NEAR(e.scores.travel_minutes, formed.scores.travel_minutes, 1e-9);
    EXPECT_NEAR(e.scores.p_at_least_min_present, formed.scores.p_at_least_min_present, 1e-12);
    EXPECT_EQ(e.scores.stage_span, formed.scores.stage_span);
    EXPECT_EQ(e.scores.rare_without_peer, formed.scores.rare_without_peer);
    EXPECT_EQ(e.scores.without_acquaintance, formed.scores.without_acquaintance);
    EXPECT_EQ(e.scores.participants_off_target, formed.scores.participants_off_target);
    partition.push_back({members, place.at(formed.venue)});
  }
  const auto total = evaluate_partition(request, partition);
  ASSERT_TRUE(total.has_value());
  EXPECT_NEAR(*total, result.objective, 1e-6);
  double terms = 0.0;
  for (const auto& [name, value] : result.terms) terms += value;
  EXPECT_NEAR(terms, result.objective, 1e-6);
}

TEST(formation, evaluate_group_names_the_hard_rule_broken) {
  Waitlist waitlist = valdres_places();
  for (int i = 1; i <= 9; ++i) waitlist.households.push_back(couple(numbered("h", i), i <= 3 ? "bagn" : "vang"));
  auto request = request_of(waitlist);
  EXPECT_EQ(evaluate_group(request, {0, 1, 2}, 1).broken, "G3");      // 6 participants
  EXPECT_EQ(evaluate_group(request, {0, 1, 2, 3, 4}, 1).broken, "C8");  // Vang is too far from Bagn
  EXPECT_TRUE(evaluate_group(request, {3, 4, 5, 6, 7}, 2).feasible);
  EXPECT_EQ(evaluate_group(request, {0, 1, 2, 3, 4, 5, 6, 7, 8}, 0).broken, "G3");  // 18 participants
  request.pins.apart = {{"h4", "h5"}};
  EXPECT_EQ(evaluate_group(request, {3, 4, 5, 6, 7}, 2).broken, "pins");
}

// The exact reference (issue point 2): small instances in three valleys too far apart to share a
// group, two pools (G1), so each valley-and-pool is solved on its own: every subset of its
// households is a candidate group at its best venue, and a dynamic programme over subsets finds
// the least-cost partition (households left out cost the penalty). Exact for up to ~16
// households a component.
FormationRequest small_instance(std::uint64_t seed, std::size_t households) {
  std::uint64_t state = seed * 0x9e3779b97f4a7c15ULL + 1;
  auto next = [&state]() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  auto uniform = [&next]() { return static_cast<double>(next() >> 11) * 0x1.0p-53; };
  FormationRequest request;
  request.waitlist.id = "small";
  const double valleys[][2] = {{60.98, 9.23}, {62.00, 9.30}, {61.50, 11.50}};
  for (int v = 0; v < 3; ++v) {
    for (int s = 0; s < 3; ++s) {
      Place place;
      place.id = numbered("p", v * 3 + s);
      place.municipality = numbered("m", v);
      place.latitude = valleys[v][0] + (uniform() - 0.5) * 0.3;
      place.longitude = valleys[v][1] + (uniform() - 0.5) * 0.6;
      request.waitlist.places.push_back(place);
    }
  }
  for (std::size_t h = 0; h < households; ++h) {
    Household household = couple(numbered("h", static_cast<int>(h + 1)),
                                 request.waitlist.places[next() % 9].id,
                                 static_cast<ChildStage>(next() % 4),
                                 uniform() < 0.25 ? ConditionCategory::mainly_behavioural
                                                  : static_cast<ConditionCategory>(next() % 4));
    if (uniform() < 0.3) household.caregivers.pop_back();
    if (uniform() < 0.15) household.children[0].rare_diagnosis = numbered("ORPHA:", static_cast<int>(next() % 3));
    request.waitlist.households.push_back(household);
  }
  return request;
}

double exact_optimum(const FormationRequest& request) {
  const GroupEvaluator evaluate(request);
  const auto& households = request.waitlist.households;
  const double penalty = request.formation.weights.unassigned;
  // Components: the valley (from the place id) and the pool (G1).
  std::map<std::pair<int, bool>, std::vector<std::size_t>> components;
  for (std::size_t h = 0; h < households.size(); ++h) {
    const int valley = (households[h].school[1] - '0') / 3;
    components[{valley, only_behavioural(households[h])}].push_back(h);
  }
  double total = 0.0;
  for (const auto& [key, members] : components) {
    const std::size_t n = members.size();
    EXPECT_LE(n, 18u) << "component too large for the exact reference";
    const std::uint32_t full = (1u << n) - 1;
    // Candidate groups by their lowest member.
    std::vector<std::vector<std::pair<std::uint32_t, double>>> by_lowest(n);
    for (std::uint32_t mask = 1; mask <= full; ++mask) {
      int participants = 0;
      std::vector<std::size_t> group;
      for (std::size_t i = 0; i < n; ++i) {
        if (mask >> i & 1u) {
          group.push_back(members[i]);
          participants += static_cast<int>(households[members[i]].caregivers.size());
        }
      }
      if (participants < request.rules.min_participants || participants > request.rules.max_participants) continue;
      double best = std::numeric_limits<double>::infinity();
      for (std::size_t v = 0; v < request.waitlist.places.size(); ++v) {
        const GroupEvaluation e = evaluate(group, v);
        if (e.feasible) best = std::min(best, e.cost);
      }
      if (best < std::numeric_limits<double>::infinity()) {
        by_lowest[static_cast<std::size_t>(std::countr_zero(mask))].push_back({mask, best});
      }
    }
    std::vector<double> f(static_cast<std::size_t>(full) + 1, 0.0);
    for (std::uint32_t mask = 1; mask <= full; ++mask) {
      const auto low = static_cast<std::size_t>(std::countr_zero(mask));
      double best = f[mask & (mask - 1)] + penalty;
      for (const auto& [group, cost] : by_lowest[low]) {
        if ((group & ~mask) == 0) best = std::min(best, cost + f[mask ^ group]);
      }
      f[mask] = best;
    }
    total += f[full];
  }
  return total;
}

TEST(formation, the_exact_optimum_on_small_instances_and_a_bound_never_above_it) {
  double gap_sum = 0.0;
  int instances = 0;
  double worst = 0.0;
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    const std::size_t households = 12 + (seed * 7) % 29;  // 12 to 40
    const FormationRequest request = small_instance(seed, households);
    const double optimum = exact_optimum(request);
    const FormationResult result = form_groups(request);
    expect_sound(request, result);
    EXPECT_GE(result.objective, optimum - 1e-6) << "below the optimum: the reference is wrong";
    // The exact method (CBC) against the dynamic programme, which shares nothing with it.
    EXPECT_EQ(result.optimality.status, OptimalityStatus::optimal) << "seed " << seed;
    EXPECT_NEAR(result.objective, optimum, 1e-6 * optimum) << "seed " << seed;
    // The bound of column generation alone (nothing enumerated, few rounds) is never above it.
    FormationRequest bounded = request;
    bounded.formation.exact.enumeration_blocks = 0;
    bounded.formation.exact.generation_rounds = 2;
    const FormationResult rough = form_groups(bounded);
    EXPECT_LE(rough.optimality.lower_bound, optimum + 1e-6) << "seed " << seed;
    EXPECT_GE(rough.objective, optimum - 1e-6) << "seed " << seed;
    // Neither is the simple bound of a component left to the heuristic.
    FormationRequest heuristic = request;
    heuristic.formation.exact.generation_blocks = 0;
    const FormationResult plain = form_groups(heuristic);
    EXPECT_EQ(plain.optimality.status, OptimalityStatus::heuristic);
    EXPECT_LE(plain.optimality.lower_bound, optimum + 1e-6) << "seed " << seed;
    const double gap = (result.objective - optimum) / optimum;
    gap_sum += gap;
    worst = std::max(worst, gap);
    ++instances;
    std::printf("[ formation ] seed %d, %zu households: optimum %.2f, formed %.2f, gap %.3f%%\n",
                static_cast<int>(seed), households, optimum, result.objective, gap * 100.0);
  }
  const double average = gap_sum / instances;
  std::printf("[ formation ] average gap to the exact optimum over %d instances: %.4f%% (worst %.4f%%)\n",
              instances, average * 100.0, worst * 100.0);
  EXPECT_LE(average, 1e-9);
}

TEST(formation, the_evaluator_refuses_an_index_outside_the_waitlist_with_an_input_error) {
  FormationRequest request;
  request.waitlist = synthetic_waitlist({12, 3, 5});
  const GroupEvaluator evaluate(request);
  const std::size_t households = request.waitlist.households.size();
  const std::size_t places = request.waitlist.places.size();
  const InputError household = input_error([&] { evaluate({0, households}, 0); });
  EXPECT_EQ(household.where(), "households");
  EXPECT_EQ(household.message(), "GroupEvaluator: household index " + std::to_string(households) +
                                     " is out of range (" + std::to_string(households) + " households)");
  const InputError venue = input_error([&] { evaluate({0}, places); });
  EXPECT_EQ(venue.where(), "venue");
  EXPECT_EQ(venue.message(), "GroupEvaluator: venue index " + std::to_string(places) + " is out of range (" +
                                 std::to_string(places) + " places)");
}

TEST(errors, an_internal_error_is_a_paarorende_error_with_its_rule) {
  const InternalError error("G1", "form_groups: group g1 breaks the hard rule G1");
  const Error& base = error;
  EXPECT_EQ(base.rule(), "G1");
  EXPECT_STREQ(base.what(), "form_groups: group g1 breaks the hard rule G1 [DOMAIN G1]");
}

}  // namespace
}  // namespace paarorende
