// Group composition as a specification (DOMAIN G1-G9): validate() reports every rule a proposed
// group breaks, in rule order, each finding with its DOMAIN id, a severity that follows the rule's
// weight (hard: error, soft: warning, off: nothing; G9 is always info), an exact message and the
// households it concerns. Malformed groups and rules are InputErrors located by JSON pointer; the
// group document reads back what it writes.
#include <gtest/gtest.h>

#include "fixtures.hpp"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "paarorende/error.hpp"
#include "paarorende/group.hpp"
#include "paarorende/json.hpp"

namespace {

using namespace paarorende;
using namespace paarorende::test_support;
namespace fs = std::filesystem;
using Ids = std::vector<std::string>;

Child child(ChildStage stage, ConditionCategory condition = ConditionCategory::severe_disability,
            std::optional<int> grade = std::nullopt) {
  Child result;
  result.stage = stage;
  result.condition = condition;
  result.grade = grade;
  return result;
}

// A household of two caregivers who are not both fathers (so G9 stays quiet), one child in
// primary school with a severe disability, at the same school as the others (so G7 is met).
Household couple(const std::string& id) {
  Household household;
  household.id = id;
  household.municipality = "Sandefjord";
  household.school = "Bugården skole";
  household.caregivers = {{CaregiverRole::mother}, {CaregiverRole::other_guardian}};
  household.children = {child(ChildStage::primary, ConditionCategory::severe_disability, 3)};
  return household;
}

Household single(const std::string& id, CaregiverRole role = CaregiverRole::mother) {
  Household household = couple(id);
  household.caregivers = {{role}};
  return household;
}

// Seven couples, 14 participants, within G3's bounds (9-16). At the pilot's attendance
// (0.65, 0.5) each couple brings 0, 1 or 2 with probabilities 14/40, 13/40, 13/40, and
// P(at least 5 present) = 0.856 >= 0.8 (DOMAIN G4). It breaks no rule.
Group clean_group() {
  Group group;
  group.id = "test";
  for (int i = 1; i <= 7; ++i) group.households.push_back(couple(numbered("h", i)));
  return group;
}

Household& household(Group& group, const std::string& id) {
  for (auto& h : group.households) {
    if (h.id == id) return h;
  }
  throw std::out_of_range(id);
}

void set_condition(Group& group, const std::string& id, ConditionCategory condition) {
  household(group, id).children.at(0).condition = condition;
}

const std::string g1_message =
    "children with mainly behavioural difficulties and children with illness or disability in one "
    "group; behavioural difficulties get groups of their own";
const std::string g2_message =
    "life-threatening or life-limiting conditions together with other conditions; these parents "
    "want groups of their own";
const std::string g6_kindergarten_message =
    "children in kindergarten: soon after diagnosis medical questions dominate; the course suits "
    "best once the children have started school";
const std::string g6_lower_transition_message =
    "at least half the children are just past the move to lower secondary (grades 8-9): the "
    "transition topic (T3) came too late for this group; offer it to the next group before the move";
const std::string g7_message =
    "no two households share a school; strangers may need more time to build trust, so give the "
    "first session room for it";
const std::string g8_message =
    "a rare diagnosis without a peer in the group; help these families meet the few others in the "
    "same situation, across municipalities if need be";

// ---------------------------------------------------------------------------------------------
// The rules and a group that keeps them

TEST(group_rules, defaults_are_the_seeds) {
  const GroupRules rules;
  EXPECT_EQ(rules.behavioural_own_group, RuleWeight::hard);       // DOMAIN G1
  // DOMAIN G2: "Inside this course, life-threatening, life-limiting, serious illness and severe
  // disability are NOT separated (the pilot mixed them)": a rule a municipality may turn on.
  EXPECT_EQ(rules.life_threatening_own_group, RuleWeight::off);
  EXPECT_EQ(rules.min_participants, 9);                           // DOMAIN G3: 4 couples + 1 father
  EXPECT_EQ(rules.max_participants, 16);  // the 8 couples of 90% certainty (G4, G5)
  EXPECT_EQ(rules.size, RuleWeight::hard);
  EXPECT_EQ(rules.min_present, 5);                                // DOMAIN G4: 4-5 every session
  EXPECT_EQ(rules.min_present_probability, 0.8);
  EXPECT_EQ(rules.attendance, RuleWeight::soft);
  EXPECT_EQ(rules.max_stage_span, 1);                             // DOMAIN G6
  EXPECT_EQ(rules.stage_band, RuleWeight::soft);
  EXPECT_EQ(rules.school_age, RuleWeight::soft);
  EXPECT_EQ(rules.acquaintance, RuleWeight::soft);                // DOMAIN G7
  EXPECT_EQ(rules.rare_peers, RuleWeight::soft);                  // DOMAIN G8
  EXPECT_EQ(rules.fathers_for_session, 3);                        // DOMAIN G9
  EXPECT_EQ(rules.fathers_session, RuleWeight::soft);
  EXPECT_EQ(rules.default_attendance, pilot_attendance());        // DOMAIN G5
}

TEST(group_rules, a_group_that_keeps_every_rule_has_no_findings) {
  const Group group = clean_group();
  EXPECT_EQ(group.participants(), 14);
  EXPECT_EQ(validate(group), std::vector<GroupViolation>{});
}

TEST(group_rules, weights_read_and_print_as_hard_soft_off) {
  EXPECT_EQ(to_string(RuleWeight::hard), "hard");
  EXPECT_EQ(to_string(RuleWeight::soft), "soft");
  EXPECT_EQ(to_string(RuleWeight::off), "off");
  EXPECT_EQ(rule_weight_from_string("soft"), RuleWeight::soft);
  EXPECT_EQ(rule_weight_from_string("Soft"), std::nullopt);
  EXPECT_EQ(rule_weight_from_string("strict"), std::nullopt);
}

TEST(group_rules, a_finding_prints_severity_rule_message_and_households) {
  std::ostringstream out;
  out << GroupViolation{"G8", Severity::warning, "alone", {"h1", "h4"}};
  EXPECT_EQ(out.str(), "warning [G8]: alone (h1, h4)");
  std::ostringstream whole_group;
  whole_group << GroupViolation{"G7", Severity::warning, "strangers", {}};
  EXPECT_EQ(whole_group.str(), "warning [G7]: strangers");
}

// ---------------------------------------------------------------------------------------------
// DOMAIN G1: mainly behavioural difficulties get groups of their own

TEST(group_rules, g1_behavioural_mixed_with_illness_is_an_error_naming_the_behavioural_side) {
  Group group = clean_group();
  set_condition(group, "h2", ConditionCategory::mainly_behavioural);
  set_condition(group, "h5", ConditionCategory::mainly_behavioural);
  EXPECT_EQ(validate(group),
            (std::vector<GroupViolation>{{"G1", Severity::error, g1_message, {"h2", "h5"}}}));
}

TEST(group_rules, g1_names_the_smaller_side) {
  // Five behavioural households and two others: the two are the ones out of place.
  Group group = clean_group();
  for (const char* id : {"h1", "h2", "h3", "h5", "h7"}) {
    set_condition(group, id, ConditionCategory::mainly_behavioural);
  }
  EXPECT_EQ(with_rule(validate(group), "G1"),
            (std::vector<GroupViolation>{{"G1", Severity::error, g1_message, {"h4", "h6"}}}));
}

TEST(group_rules, g1_a_group_of_behavioural_difficulties_only_passes) {
  Group group = clean_group();
  for (auto& h : group.households) h.children.at(0).condition = ConditionCategory::mainly_behavioural;
  EXPECT_EQ(validate(group), std::vector<GroupViolation>{});
}

TEST(group_rules, g1_a_household_with_an_ill_child_besides_a_behavioural_one_is_not_behavioural) {
  // "Mainly behavioural, with no life-threatening condition or serious illness": a household
  // counts as behavioural only when every child the offer concerns is.
  Group group = clean_group();
  household(group, "h1").children.push_back(
      child(ChildStage::primary, ConditionCategory::mainly_behavioural));
  EXPECT_EQ(validate(group), std::vector<GroupViolation>{});
}

TEST(group_rules, g1_soft_weight_makes_it_a_warning) {
  Group group = clean_group();
  set_condition(group, "h3", ConditionCategory::mainly_behavioural);
  GroupRules rules;
  rules.behavioural_own_group = RuleWeight::soft;
  EXPECT_EQ(validate(group, rules),
            (std::vector<GroupViolation>{{"G1", Severity::warning, g1_message, {"h3"}}}));
}

TEST(group_rules, g1_weight_off_silences_it) {
  Group group = clean_group();
  set_condition(group, "h3", ConditionCategory::mainly_behavioural);
  GroupRules rules;
  rules.behavioural_own_group = RuleWeight::off;
  EXPECT_EQ(validate(group, rules), std::vector<GroupViolation>{});
}

// ---------------------------------------------------------------------------------------------
// DOMAIN G2: life-threatening and life-limiting conditions want groups of their own

/// The rules of a municipality that keeps life-threatening and life-limiting conditions apart
/// (DOMAIN G2 is off by default: the pilot mixed them).
GroupRules g2_apart() {
  GroupRules rules;
  rules.life_threatening_own_group = RuleWeight::soft;
  return rules;
}

TEST(group_rules, g2_life_threatening_mixed_with_severe_disability_is_a_warning) {
  Group group = clean_group();
  set_condition(group, "h4", ConditionCategory::life_threatening);
  EXPECT_EQ(validate(group, g2_apart()),
            (std::vector<GroupViolation>{{"G2", Severity::warning, g2_message, {"h4"}}}));
}

TEST(group_rules, g2_life_limiting_mixed_with_serious_illness_is_a_warning_naming_the_smaller_side) {
  // Four life-limiting, three seriously ill: the three are named.
  Group group = clean_group();
  for (const char* id : {"h1", "h2", "h3", "h4"}) set_condition(group, id, ConditionCategory::life_limiting);
  for (const char* id : {"h5", "h6", "h7"}) set_condition(group, id, ConditionCategory::serious_illness);
  EXPECT_EQ(validate(group, g2_apart()),
            (std::vector<GroupViolation>{{"G2", Severity::warning, g2_message, {"h5", "h6", "h7"}}}));
}

TEST(group_rules, g2_life_threatening_and_life_limiting_together_pass) {
  Group group = clean_group();
  for (auto& h : group.households) h.children.at(0).condition = ConditionCategory::life_limiting;
  set_condition(group, "h1", ConditionCategory::life_threatening);
  EXPECT_EQ(validate(group, g2_apart()), std::vector<GroupViolation>{});
}

TEST(group_rules, g2_leaves_behavioural_households_to_g1) {
  Group group = clean_group();
  for (auto& h : group.households) h.children.at(0).condition = ConditionCategory::life_threatening;
  set_condition(group, "h7", ConditionCategory::mainly_behavioural);
  EXPECT_EQ(validate(group, g2_apart()),
            (std::vector<GroupViolation>{{"G1", Severity::error, g1_message, {"h7"}}}));
}

TEST(group_rules, g2_hard_weight_makes_it_an_error) {
  Group group = clean_group();
  set_condition(group, "h4", ConditionCategory::life_limiting);
  GroupRules rules;
  rules.life_threatening_own_group = RuleWeight::hard;
  EXPECT_EQ(validate(group, rules),
            (std::vector<GroupViolation>{{"G2", Severity::error, g2_message, {"h4"}}}));
}

// ---------------------------------------------------------------------------------------------
// DOMAIN G3: 9 enrolled participants a minimum, not too large either

TEST(group_rules, g3_four_couples_are_too_few) {
  Group group = clean_group();
  group.households.resize(4);
  EXPECT_EQ(group.participants(), 8);
  EXPECT_EQ(with_rule(validate(group), "G3"),
            (std::vector<GroupViolation>{
                {"G3", Severity::error, "8 participants enrolled; at least 9 are needed", {}}}));
}

TEST(group_rules, g3_four_couples_and_one_father_are_the_minimum) {
  // The pilot's lesson (DOMAIN G3): 4 couples and 1 father, 9 participants, proved a minimum.
  Group group = clean_group();
  group.households.resize(4);
  group.households.push_back(single("h5", CaregiverRole::father));
  EXPECT_EQ(group.participants(), 9);
  EXPECT_EQ(with_rule(validate(group), "G3"), std::vector<GroupViolation>{});
}

TEST(group_rules, g3_more_than_sixteen_are_too_many) {
  Group group = clean_group();
  group.households.push_back(single("h8"));
  group.households.push_back(single("h9"));
  group.households.push_back(single("h10"));
  EXPECT_EQ(group.participants(), 17);
  EXPECT_EQ(validate(group), (std::vector<GroupViolation>{
                                 {"G3", Severity::error, "17 participants enrolled; at most 16", {}}}));
}

TEST(group_rules, g3_bounds_are_the_municipalitys_to_set) {
  Group group = clean_group();
  group.households.resize(3);
  GroupRules rules;
  rules.min_participants = 6;
  rules.max_participants = 6;
  rules.attendance = RuleWeight::off;  // three couples cannot promise five present
  EXPECT_EQ(validate(group, rules), std::vector<GroupViolation>{});
  rules.max_participants = 20;
  rules.min_participants = 7;
  EXPECT_EQ(validate(group, rules),
            (std::vector<GroupViolation>{
                {"G3", Severity::error, "6 participants enrolled; at least 7 are needed", {}}}));
}

TEST(group_rules, g3_soft_weight_makes_it_a_warning) {
  Group group = clean_group();
  group.households.push_back(single("h8"));
  group.households.push_back(single("h9"));
  group.households.push_back(single("h10"));
  GroupRules rules;
  rules.size = RuleWeight::soft;
  EXPECT_EQ(validate(group, rules), (std::vector<GroupViolation>{
                                        {"G3", Severity::warning, "17 participants enrolled; at most 16", {}}}));
}

// ---------------------------------------------------------------------------------------------
// DOMAIN G4: a plan estimates attendance

TEST(group_rules, g4_nine_households_at_even_odds_have_a_coin_toss_of_five_present) {
  // Nine single caregivers, each present with probability 1/2: Binomial(9, 1/2) is symmetric
  // about 4.5, so P(at least 5) = 1/2 exactly.
  Group group;
  for (int i = 1; i <= 9; ++i) {
    group.households.push_back(single(numbered("h", i)));
    group.households.back().attendance = AttendanceProbabilities{0.5, 0.5};
  }
  EXPECT_EQ(validate(group),
            (std::vector<GroupViolation>{{"G4", Severity::warning,
                                          "P(at least 5 present at a session) = 50%, below 80%", {}}}));
}

TEST(group_rules, g4_six_couples_at_pilot_attendance_fall_short) {
  // Each couple brings 0, 1, 2 with probabilities 14/40, 13/40, 13/40 (attend 0.65, both 0.5);
  // the coefficients of x^5 .. x^12 in (14 + 13x + 13x^2)^6 / 40^6 sum to 0.7443.
  Group group = clean_group();
  group.households.resize(6);
  EXPECT_EQ(validate(group),
            (std::vector<GroupViolation>{{"G4", Severity::warning,
                                          "P(at least 5 present at a session) = 74%, below 80%", {}}}));
}

TEST(group_rules, g4_seven_couples_at_pilot_attendance_are_enough) {
  // As above with 7 couples: P(at least 5) = 0.8555 >= 0.8.
  EXPECT_EQ(with_rule(validate(clean_group()), "G4"), std::vector<GroupViolation>{});
}

TEST(group_rules, g4_a_probability_just_below_the_threshold_is_not_shown_as_the_threshold) {
  // Seven single caregivers at 0.77: P(at least 5) = P(Binomial(7, 0.77) >= 5) = 0.79674, which
  // rounds to 80%; "80%, below 80%" would contradict itself, so a decimal is added.
  Group group;
  for (int i = 1; i <= 7; ++i) {
    group.households.push_back(single(numbered("h", i)));
    group.households.back().attendance = AttendanceProbabilities{0.77, 0.5};
  }
  EXPECT_EQ(with_rule(validate(group), "G4"),
            (std::vector<GroupViolation>{{"G4", Severity::warning,
                                          "P(at least 5 present at a session) = 79.7%, below 80.0%", {}}}));
}

TEST(group_rules, g4_a_households_own_probabilities_replace_the_default) {
  // Six couples fall short at the pilot's 0.65; if each is known to come 9 times in 10, P(at
  // least 5 of 12) is far above 0.8.
  Group group = clean_group();
  group.households.resize(6);
  for (auto& h : group.households) h.attendance = AttendanceProbabilities{0.9, 0.5};
  EXPECT_EQ(validate(group), std::vector<GroupViolation>{});
}

TEST(group_rules, g4_threshold_and_certainty_are_the_municipalitys_to_set) {
  // Six couples: P(at least 4 present) = 0.8769 by the same polynomial, so asking for 4 at 80% passes.
  Group group = clean_group();
  group.households.resize(6);
  GroupRules rules;
  rules.min_present = 4;
  EXPECT_EQ(validate(group, rules), std::vector<GroupViolation>{});
  rules.min_present_probability = 0.9;
  EXPECT_EQ(validate(group, rules),
            (std::vector<GroupViolation>{{"G4", Severity::warning,
                                          "P(at least 4 present at a session) = 88%, below 90%", {}}}));
}

TEST(group_rules, g4_default_attendance_comes_from_the_rules) {
  Group group = clean_group();
  group.households.resize(6);
  GroupRules rules;
  rules.default_attendance = {0.9, 0.5};
  EXPECT_EQ(validate(group, rules), std::vector<GroupViolation>{});
  EXPECT_EQ(attendance_units(group, rules).at(0), (AttendanceUnit{2, {0.9, 0.5}}));
}

// ---------------------------------------------------------------------------------------------
// DOMAIN G6: groups are formed by child stage, best once the children are at school

TEST(group_rules, g6_primary_with_upper_secondary_spans_too_many_stages) {
  Group group = clean_group();
  household(group, "h3").children.at(0) = child(ChildStage::upper_secondary, ConditionCategory::severe_disability, 11);
  EXPECT_EQ(validate(group),
            (std::vector<GroupViolation>{
                {"G6", Severity::warning,
                 "children from primary to upper_secondary; groups are formed by child stage",
                 {"h1", "h2", "h4", "h5", "h6", "h7", "h3"}}}));  // the lowest stage's, then the highest's
}

TEST(group_rules, g6_adjacent_stages_are_within_the_default_span) {
  Group group = clean_group();
  household(group, "h3").children.at(0) = child(ChildStage::lower_secondary, ConditionCategory::severe_disability, 8);
  EXPECT_EQ(validate(group), std::vector<GroupViolation>{});
}

TEST(group_rules, g6_span_zero_asks_for_one_stage) {
  Group group = clean_group();
  household(group, "h3").children.at(0) = child(ChildStage::lower_secondary, ConditionCategory::severe_disability, 8);
  GroupRules rules;
  rules.max_stage_span = 0;
  EXPECT_EQ(validate(group, rules),
            (std::vector<GroupViolation>{
                {"G6", Severity::warning,
                 "children from primary to lower_secondary; groups are formed by child stage",
                 {"h1", "h2", "h4", "h5", "h6", "h7", "h3"}}}));
}

TEST(group_rules, g6_kindergarten_children_give_a_school_age_warning) {
  // Kindergarten to primary is one stage apart, so only the school-age rule speaks.
  Group group = clean_group();
  household(group, "h6").children.at(0) = child(ChildStage::kindergarten);
  EXPECT_EQ(validate(group), (std::vector<GroupViolation>{
                                 {"G6", Severity::warning, g6_kindergarten_message, {"h6"}}}));
}

TEST(group_rules, g6_school_age_weight_off_accepts_kindergarten) {
  Group group = clean_group();
  household(group, "h6").children.at(0) = child(ChildStage::kindergarten);
  GroupRules rules;
  rules.school_age = RuleWeight::off;
  EXPECT_EQ(validate(group, rules), std::vector<GroupViolation>{});
}

TEST(group_rules, g6_a_household_with_children_at_both_ends_is_named_once) {
  Group group = clean_group();
  household(group, "h2").children.push_back(child(ChildStage::upper_secondary));
  EXPECT_EQ(validate(group),
            (std::vector<GroupViolation>{
                {"G6", Severity::warning,
                 "children from primary to upper_secondary; groups are formed by child stage",
                 {"h1", "h2", "h3", "h4", "h5", "h6", "h7"}}}));
}

// DOMAIN G6 (S-6.0 B): "Piloten var sannsynligvis litt seint i forløpet, da foreldrene gikk glipp
// av muligheten til å snakke om bland annet overgangen til ungdomskolen." A group in which at
// least half the children are in the first two grades after a move is told that the transition
// topic (T3) came too late, and it is offered to the next group.

// Every child in lower secondary; `just_past` of them in grades 8-9, the others in grade 10.
Group lower_secondary_group(int just_past) {
  Group group = clean_group();
  for (int i = 0; i < static_cast<int>(group.households.size()); ++i) {
    group.households[i].children.at(0) =
        child(ChildStage::lower_secondary, ConditionCategory::severe_disability, i < just_past ? 8 + i % 2 : 10);
  }
  return group;
}

TEST(group_rules, g6_half_the_children_just_past_the_move_to_lower_secondary_is_an_info) {
  // 4 of 7 children in grades 8-9: at least half.
  EXPECT_EQ(validate(lower_secondary_group(4)),
            (std::vector<GroupViolation>{{"G6", Severity::info, g6_lower_transition_message, {"h1", "h2", "h3", "h4"}}}));
  // 3 of 7: fewer than half, no finding.
  EXPECT_EQ(validate(lower_secondary_group(3)), std::vector<GroupViolation>{});
  // Exactly half counts: a second child in grade 10 for h5 makes 4 of 8.
  Group eight = lower_secondary_group(4);
  household(eight, "h5").children.push_back(child(ChildStage::lower_secondary, ConditionCategory::severe_disability, 10));
  ASSERT_EQ(validate(eight).size(), 1u);
  household(eight, "h6").children.push_back(child(ChildStage::lower_secondary, ConditionCategory::severe_disability, 10));
  EXPECT_EQ(validate(eight), std::vector<GroupViolation>{});  // 4 of 9
}

TEST(group_rules, g6_the_move_to_upper_secondary_and_both_moves_are_named) {
  Group group = clean_group();
  for (auto& h : group.households) h.children.at(0) = child(ChildStage::upper_secondary, ConditionCategory::severe_disability, 11);
  EXPECT_EQ(validate(group),
            (std::vector<GroupViolation>{
                {"G6", Severity::info,
                 "at least half the children are just past the move to upper secondary (grades 11-12): the "
                 "transition topic (T3) came too late for this group; offer it to the next group before the move",
                 {"h1", "h2", "h3", "h4", "h5", "h6", "h7"}}}));
  // Lower and upper secondary together span one stage: the transition info names both moves.
  household(group, "h1").children.at(0) = child(ChildStage::lower_secondary, ConditionCategory::severe_disability, 9);
  const auto found = validate(group);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "at least half the children are just past the move to lower secondary (grades 8-9) and the move to "
            "upper secondary (grades 11-12): the transition topic (T3) came too late for this group; offer it "
            "to the next group before the move");
}

TEST(group_rules, g6_transition_needs_grades_and_can_be_silenced) {
  // Without grades nothing is known about the move: no finding.
  Group group = clean_group();
  for (auto& h : group.households) h.children.at(0) = child(ChildStage::lower_secondary);
  EXPECT_EQ(validate(group), std::vector<GroupViolation>{});
  GroupRules rules;
  rules.transition = RuleWeight::off;
  EXPECT_EQ(validate(lower_secondary_group(7), rules), std::vector<GroupViolation>{});
  rules.transition = RuleWeight::hard;  // still an info: a suggestion, not a broken rule
  EXPECT_EQ(validate(lower_secondary_group(7), rules).at(0).severity, Severity::info);
}

// ---------------------------------------------------------------------------------------------
// DOMAIN G7: parents who know each other from school share openly sooner

TEST(group_rules, g7_no_two_households_at_one_school_is_a_warning) {
  Group group = clean_group();
  for (auto& h : group.households) h.school = "skole " + h.id;
  EXPECT_EQ(validate(group), (std::vector<GroupViolation>{{"G7", Severity::warning, g7_message, {}}}));
}

TEST(group_rules, g7_two_households_at_one_school_are_enough) {
  Group group = clean_group();
  for (auto& h : group.households) h.school = "skole " + h.id;
  household(group, "h7").school = "skole h2";
  EXPECT_EQ(validate(group), std::vector<GroupViolation>{});
}

// Unknown is not "strangers": without schools recorded, G7 says nothing.
TEST(group_rules, g7_no_schools_recorded_is_not_a_warning) {
  Group group = clean_group();
  for (auto& h : group.households) h.school.clear();
  EXPECT_EQ(validate(group), std::vector<GroupViolation>{});
  household(group, "h1").school = "skole A";  // one known school: still nothing to compare
  EXPECT_EQ(validate(group), std::vector<GroupViolation>{});
}

TEST(group_rules, g7_weight_off_silences_it) {
  Group group = clean_group();
  for (auto& h : group.households) h.school = "skole " + h.id;
  GroupRules rules;
  rules.acquaintance = RuleWeight::off;
  EXPECT_EQ(validate(group, rules), std::vector<GroupViolation>{});
}

// ---------------------------------------------------------------------------------------------
// DOMAIN G8: a rare diagnosis should meet its peers

TEST(group_rules, g8_a_rare_diagnosis_without_a_peer_is_a_warning_naming_the_household) {
  Group group = clean_group();
  household(group, "h5").children.at(0).rare_diagnosis = "ORPHA:558";
  EXPECT_EQ(validate(group),
            (std::vector<GroupViolation>{{"G8", Severity::warning, g8_message, {"h5"}}}));
}

TEST(group_rules, g8_two_households_with_the_same_code_are_peers) {
  Group group = clean_group();
  household(group, "h2").children.at(0).rare_diagnosis = "ORPHA:558";
  household(group, "h5").children.at(0).rare_diagnosis = "ORPHA:558";
  EXPECT_EQ(validate(group), std::vector<GroupViolation>{});
}

TEST(group_rules, g8_siblings_with_the_same_diagnosis_are_not_peers_and_the_household_is_named_once) {
  // Peers are other families (S-2.1): two children of one household do not meet the need.
  Group group = clean_group();
  household(group, "h5").children.at(0).rare_diagnosis = "ORPHA:558";
  household(group, "h5").children.push_back(child(ChildStage::primary));
  household(group, "h5").children.at(1).rare_diagnosis = "ORPHA:558";
  EXPECT_EQ(validate(group),
            (std::vector<GroupViolation>{{"G8", Severity::warning, g8_message, {"h5"}}}));
}

TEST(group_rules, g8_different_codes_are_not_peers) {
  Group group = clean_group();
  household(group, "h2").children.at(0).rare_diagnosis = "ORPHA:558";
  household(group, "h5").children.at(0).rare_diagnosis = "ORPHA:739";
  EXPECT_EQ(validate(group),
            (std::vector<GroupViolation>{{"G8", Severity::warning, g8_message, {"h2", "h5"}}}));
}

// ---------------------------------------------------------------------------------------------
// DOMAIN G9: fathers asked for a session of their own

TEST(group_rules, g9_three_fathers_suggest_a_fathers_session) {
  Group group = clean_group();
  for (const char* id : {"h1", "h4", "h6"}) household(group, id).caregivers.at(1).role = CaregiverRole::father;
  EXPECT_EQ(validate(group),
            (std::vector<GroupViolation>{
                {"G9", Severity::info,
                 "at least 3 fathers enrolled: offer a fathers' session (topic \"fathers_session\")", {}}}));
}

TEST(group_rules, g9_two_fathers_do_not) {
  Group group = clean_group();
  for (const char* id : {"h1", "h4"}) household(group, id).caregivers.at(1).role = CaregiverRole::father;
  EXPECT_EQ(validate(group), std::vector<GroupViolation>{});
}

TEST(group_rules, g9_is_info_whatever_the_weight_and_off_silences_it) {
  Group group = clean_group();
  for (auto& h : group.households) h.caregivers.at(1).role = CaregiverRole::father;
  GroupRules rules;
  rules.fathers_session = RuleWeight::hard;
  const auto findings = validate(group, rules);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].severity, Severity::info);
  EXPECT_EQ(findings[0].message, "at least 3 fathers enrolled: offer a fathers' session (topic \"fathers_session\")");
  rules.fathers_session = RuleWeight::off;
  EXPECT_EQ(validate(group, rules), std::vector<GroupViolation>{});
}

TEST(group_rules, g9_counts_fathers_across_households) {
  EXPECT_EQ(single("h1", CaregiverRole::father).fathers(), 1);
  Household two_fathers = couple("h1");
  two_fathers.caregivers = {{CaregiverRole::father}, {CaregiverRole::father}};
  EXPECT_EQ(two_fathers.fathers(), 2);
  Group group = clean_group();
  group.households.at(0) = two_fathers;
  group.households.at(1).caregivers.at(0).role = CaregiverRole::father;
  EXPECT_EQ(with_rule(validate(group), "G9").size(), 1u);
}

// ---------------------------------------------------------------------------------------------
// Several rules at once, and the pilot

TEST(group_rules, findings_come_in_rule_order) {
  Group group = clean_group();
  set_condition(group, "h1", ConditionCategory::mainly_behavioural);        // G1
  set_condition(group, "h2", ConditionCategory::life_threatening);          // G2
  group.households.push_back(single("h8", CaregiverRole::father));          // G3: 17
  group.households.push_back(single("h9"));
  group.households.push_back(single("h10"));
  household(group, "h3").children.at(0).rare_diagnosis = "ORPHA:558";       // G8
  household(group, "h4").caregivers.at(1).role = CaregiverRole::father;     // G9: 3 fathers
  household(group, "h5").caregivers.at(1).role = CaregiverRole::father;
  household(group, "h6").children.at(0) = child(ChildStage::kindergarten);  // G6
  Ids rules;
  for (const auto& finding : validate(group, g2_apart())) rules.push_back(finding.rule);
  EXPECT_EQ(rules, (Ids{"G1", "G2", "G3", "G6", "G8", "G9"}));
}

TEST(group_rules, the_sandefjord_pilot_group) {
  // Five couples (DOMAIN G5), all at one lower secondary school, one child life-limiting among
  // severe disability and serious illness: no G2 finding, as the pilot mixed them (DOMAIN G2),
  // unless a municipality keeps them apart. P(at least 5 present) is the sum of the coefficients
  // of x^5 .. x^10 in (14 + 13x + 13x^2)^5 / 40^5 = 59094906 / 102400000 = 0.5771.
  const GroupDocument pilot = load_group(source_dir / "examples/sandefjord_pilot/group.json");
  EXPECT_EQ(validate(pilot.group, pilot.rules),
            (std::vector<GroupViolation>{
                {"G4", Severity::warning, "P(at least 5 present at a session) = 58%, below 80%", {}},
                {"G6", Severity::info, g6_lower_transition_message, {"h01", "h02", "h03", "h05"}},
                {"G9", Severity::info,
                 "at least 3 fathers enrolled: offer a fathers' session (topic \"fathers_session\")", {}}}));
}

// ---------------------------------------------------------------------------------------------
// Malformed groups and rules

TEST(group_form, a_household_id_used_twice_is_an_input_error) {
  Group group = clean_group();
  group.households.at(1).id = "h1";
  EXPECT_EQ(located(input_error([&] { validate(group); })),
            (Located{"/households/1/id", "household id \"h1\" is used twice"}));
}

TEST(group_form, a_household_needs_an_id) {
  Group group = clean_group();
  group.households.at(3).id.clear();
  EXPECT_EQ(located(input_error([&] { validate(group); })),
            (Located{"/households/3/id", "a household needs an id"}));
}

TEST(group_form, a_household_without_caregivers_is_an_input_error) {
  Group group = clean_group();
  group.households.at(2).caregivers.clear();
  const InputError error = input_error([&] { validate(group); });
  EXPECT_EQ(located(error),
            (Located{"/households/2/caregivers", "a household enrols 1 or 2 caregivers"}));
  EXPECT_EQ(error.rule(), "G3");
}

TEST(group_form, a_household_with_three_caregivers_is_an_input_error) {
  Group group = clean_group();
  group.households.at(4).caregivers.push_back({CaregiverRole::other_guardian});
  EXPECT_EQ(located(input_error([&] { validate(group); })),
            (Located{"/households/4/caregivers", "a household enrols 1 or 2 caregivers"}));
}

TEST(group_form, a_household_without_children_is_an_input_error) {
  Group group = clean_group();
  group.households.at(6).children.clear();
  EXPECT_EQ(
      located(input_error([&] { validate(group); })),
      (Located{"/households/6/children", "a household has at least one child the offer concerns"}));
}

TEST(group_form, a_households_probability_out_of_range_is_located) {
  Group group = clean_group();
  group.households.at(2).attendance = AttendanceProbabilities{1.5, 0.5};
  EXPECT_EQ(
      located(input_error([&] { validate(group); })),
      (Located{"/households/2/attendance/attend", "a probability is between 0 and 1, got 1.5"}));
}

TEST(group_form, an_empty_group_breaks_only_the_size_and_attendance_rules) {
  EXPECT_EQ(validate(Group{}),
            (std::vector<GroupViolation>{
                {"G3", Severity::error, "0 participants enrolled; at least 9 are needed", {}},
                {"G4", Severity::warning, "P(at least 5 present at a session) = 0%, below 80%", {}}}));
}

TEST(group_form, check_rules_locates_each_bad_value_under_rules) {
  struct Case {
    void (*change)(GroupRules&);
    const char* where;
    const char* message;
  };
  const Case cases[] = {
      {[](GroupRules& r) { r.min_participants = 0; }, "/rules/min_participants", "must be between 1 and 1000"},
      {[](GroupRules& r) { r.max_participants = 8; }, "/rules/max_participants",
       "max_participants (8) must be between min_participants (9) and 1000"},
      {[](GroupRules& r) { r.min_present = -1; }, "/rules/min_present", "must be between 0 and 1000"},
      {[](GroupRules& r) { r.min_present_probability = 1.5; }, "/rules/min_present_probability",
       "must be between 0 and 1"},
      {[](GroupRules& r) { r.max_stage_span = 4; }, "/rules/max_stage_span", "must be between 0 and 3"},
      {[](GroupRules& r) { r.fathers_for_session = 0; }, "/rules/fathers_for_session",
       "must be between 1 and 1000"},
      {[](GroupRules& r) { r.default_attendance.attend = std::numeric_limits<double>::quiet_NaN(); },
       "/rules/default_attendance/attend", "must be between 0 and 1"},
      {[](GroupRules& r) { r.default_attendance.both = -0.1; }, "/rules/default_attendance/both",
       "must be between 0 and 1"},
  };
  for (const Case& c : cases) {
    GroupRules rules;
    c.change(rules);
    const InputError error = input_error([&] { check_rules(rules); });
    EXPECT_EQ(error.where(), c.where);
    EXPECT_EQ(error.message(), c.message) << c.where;
    const InputError from_validate = input_error([&] { validate(clean_group(), rules); });
    EXPECT_EQ(from_validate.where(), c.where);
  }
  EXPECT_NO_THROW(check_rules(GroupRules{}));
}

// ---------------------------------------------------------------------------------------------
// The group document (docs/groups.md)

InputError group_error(const std::string& text) {
  return input_error([&] { group_from_json(parse_json(text)); });
}

// One household, valid, in which a test changes one thing.
std::string one_household(const std::string& child = R"({"stage": "primary", "condition": "serious_illness"})",
                          const std::string& extra = "") {
  return R"({"households": [{"id": "h1", "caregivers": [{"role": "mother"}], "children": [)" + child +
         "]" + extra + "}]}";
}

TEST(group_json, the_pilot_example_reads_as_five_couples) {
  const GroupDocument pilot = load_group(source_dir / "examples/sandefjord_pilot/group.json");
  EXPECT_EQ(pilot.group.id, "sandefjord-pilot");
  ASSERT_EQ(pilot.group.households.size(), 5u);
  EXPECT_EQ(pilot.group.participants(), 10);
  EXPECT_EQ(pilot.rules, GroupRules{});
  const Household& h01 = pilot.group.households[0];
  EXPECT_EQ(h01.id, "h01");
  EXPECT_EQ(h01.school, "Ungdomsskolen");
  EXPECT_EQ(h01.care_closes, boost::posix_time::time_duration(16, 30, 0));
  EXPECT_EQ(h01.caregivers, (std::vector<Caregiver>{{CaregiverRole::mother}, {CaregiverRole::father}}));
  EXPECT_EQ(h01.children,
            (std::vector<Child>{child(ChildStage::lower_secondary, ConditionCategory::severe_disability, 8)}));
  EXPECT_EQ(h01.siblings, (std::vector<Sibling>{{11, std::nullopt}}));
  EXPECT_EQ(h01.attendance, std::nullopt);
}

TEST(group_json, the_pilot_reads_back_what_it_writes) {
  const GroupDocument pilot = load_group(source_dir / "examples/sandefjord_pilot/group.json");
  const GroupDocument again = group_from_json(to_json(pilot));
  EXPECT_EQ(again.group, pilot.group);
  EXPECT_EQ(again.rules, pilot.rules);
}

TEST(group_json, every_optional_field_reads_back_what_it_writes) {
  GroupDocument document;
  document.group.id = "valdres-2025";
  Household household = couple("a");
  household.care_closes = boost::posix_time::time_duration(16, 0, 0);
  Child little = child(ChildStage::kindergarten, ConditionCategory::life_limiting);
  little.birth_date = Date(2020, 2, 29);
  little.age = 5;
  little.rare_diagnosis = "ORPHA:558";
  household.children = {little, child(ChildStage::upper_secondary, ConditionCategory::mainly_behavioural, 12)};
  household.siblings = {{7, ChildStage::primary}, {std::nullopt, ChildStage::lower_secondary}, {19, std::nullopt}};
  household.attendance = AttendanceProbabilities{0.875, 0.25};
  Household other = single("b", CaregiverRole::other_guardian);
  other.municipality.clear();
  other.school.clear();
  document.group.households = {household, other};
  GroupRules& rules = document.rules;
  rules.behavioural_own_group = RuleWeight::soft;
  rules.life_threatening_own_group = RuleWeight::off;
  rules.min_participants = 2;
  rules.max_participants = 30;
  rules.size = RuleWeight::soft;
  rules.min_present = 3;
  rules.min_present_probability = 0.75;
  rules.attendance = RuleWeight::hard;
  rules.max_stage_span = 3;
  rules.stage_band = RuleWeight::hard;
  rules.school_age = RuleWeight::off;
  rules.acquaintance = RuleWeight::hard;
  rules.rare_peers = RuleWeight::off;
  rules.fathers_for_session = 2;
  rules.fathers_session = RuleWeight::off;
  rules.default_attendance = {0.7, 0.4};

  const Json written = to_json(document);
  const GroupDocument again = group_from_json(written);
  EXPECT_EQ(again.group, document.group);
  EXPECT_EQ(again.rules, document.rules);
  EXPECT_EQ(to_json(again), written);
}

TEST(group_json, rules_not_given_keep_the_defaults) {
  const GroupDocument document = group_from_json(parse_json(
      R"({"rules": {"size": "soft", "min_participants": 6}, "households": []})"));
  GroupRules expected;
  expected.size = RuleWeight::soft;
  expected.min_participants = 6;
  EXPECT_EQ(document.rules, expected);
  EXPECT_TRUE(document.group.households.empty());
}

TEST(group_json, a_household_without_attendance_uses_the_rules_default) {
  const GroupDocument document = group_from_json(parse_json(
      R"({"rules": {"default_attendance": {"attend": 0.9}}, "households": [
            {"id": "h1", "caregivers": [{"role": "mother"}], "children": [{"stage": "primary", "condition": "serious_illness"}]},
            {"id": "h2", "caregivers": [{"role": "mother"}], "children": [{"stage": "primary", "condition": "serious_illness"}],
             "attendance": {"both": 0.1}}]})"));
  EXPECT_EQ(document.rules.default_attendance, (AttendanceProbabilities{0.9, 0.5}));
  // A household's own "attendance" fills what it leaves out from the group's default (DOMAIN G5).
  EXPECT_EQ(document.group.households[1].attendance, (AttendanceProbabilities{0.9, 0.1}));
  EXPECT_EQ(attendance_units(document.group, document.rules),
            (std::vector<AttendanceUnit>{{1, {0.9, 0.5}}, {1, {0.9, 0.1}}}));
}

TEST(group_json, an_unknown_field_is_an_input_error) {
  // DOMAIN X4: no field for a name, and an unknown one is not silently kept.
  EXPECT_EQ(located(group_error(one_household(
                R"({"stage": "primary", "condition": "serious_illness"})", R"(, "name": "Kari")"))),
            (Located{"/households/0/name", "unknown field \"name\""}));
}

TEST(group_json, an_unknown_condition_category_is_an_input_error) {
  EXPECT_EQ(
      located(group_error(one_household(R"({"stage": "primary", "condition": "cancer"})"))),
      (Located{"/households/0/children/0/condition",
               "expected life_threatening, life_limiting, serious_illness, severe_disability or "
               "mainly_behavioural, got \"cancer\""}));
}

TEST(group_json, a_grade_outside_the_stage_is_an_input_error) {
  EXPECT_EQ(located(group_error(one_household(
                R"({"stage": "primary", "grade": 9, "condition": "serious_illness"})"))),
            (Located{"/households/0/children/0/grade", "grade 9 is not in primary"}));
}

TEST(group_json, a_probability_out_of_range_is_an_input_error) {
  EXPECT_EQ(
      located(group_error(one_household(R"({"stage": "primary", "condition": "serious_illness"})",
                                        R"(, "attendance": {"attend": 1.5})"))),
      (Located{"/households/0/attendance/attend", "must be between 0 and 1, got 1.5"}));
}

TEST(group_json, an_unknown_rule_weight_is_an_input_error) {
  EXPECT_EQ(located(group_error(R"({"rules": {"size": "strict"}, "households": []})")),
            (Located{"/rules/size", "expected hard, soft or off, got \"strict\""}));
}

TEST(group_json, rules_that_contradict_each_other_are_located_under_rules) {
  EXPECT_EQ(located(group_error(
                R"({"rules": {"min_participants": 10, "max_participants": 8}, "households": []})")),
            (Located{"/rules/max_participants",
                     "max_participants (8) must be between min_participants (10) and 1000"}));
}

TEST(group_json, a_duplicate_household_id_is_located) {
  EXPECT_EQ(located(group_error(R"({"households": [
      {"id": "h1", "caregivers": [{"role": "mother"}], "children": [{"stage": "primary", "condition": "serious_illness"}]},
      {"id": "h1", "caregivers": [{"role": "father"}], "children": [{"stage": "primary", "condition": "serious_illness"}]}]})")),
            (Located{"/households/1/id", "household id \"h1\" is used twice"}));
}

TEST(group_json, a_household_without_children_is_located) {
  EXPECT_EQ(
      located(group_error(R"({"households": [{"id": "h1", "caregivers": [{"role": "mother"}]}]})")),
      (Located{"/households/0/children", "a household has at least one child the offer concerns"}));
}

TEST(group_json, load_group_locates_errors_in_the_file) {
  const TempDir dir;
  const fs::path file = dir.write("group.json", one_household(R"({"stage": "primary", "condition": "cancer"})"));
  const InputError error = input_error([&] { load_group(file); });
  EXPECT_EQ(error.where(), file.string() + ":/households/0/children/0/condition");
}

TEST(group_json, a_finding_writes_rule_severity_message_and_households) {
  EXPECT_EQ(to_json(GroupViolation{"G8", Severity::warning, "alone", {"h5"}}),
            parse_json(R"({"rule": "G8", "severity": "warning", "message": "alone", "households": ["h5"]})"));
}

}  // namespace
