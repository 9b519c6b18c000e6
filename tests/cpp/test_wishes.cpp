// The round of topic wishes as a specification (DOMAIN C5, C6, G6, G9, T3, T6): a modified Borda
// count, worked by hand, with the stage weight; the transition topics suggested to a group that
// faces one; fill-ins from the catalogue; and every input error located by a JSON pointer.
#include <gtest/gtest.h>

#include "fixtures.hpp"

#include <algorithm>
#include <numeric>
#include <ostream>
#include <random>
#include <string>
#include <vector>

#include "paarorende/error.hpp"
#include "paarorende/topic.hpp"
#include "paarorende/wishes.hpp"

namespace paarorende {
// Readable failures: a score as its fields, not its bytes.
void PrintTo(const TopicScore& score, std::ostream* out) {
  *out << "{" << score.topic << ", points " << score.points << ", weighted " << score.weighted_points
       << ", wishers " << score.wishers << (score.suits_stage ? ", suits" : ", does not suit") << "}";
}
}  // namespace paarorende

namespace {

using namespace paarorende;
using namespace paarorende::test_support;
using Topics = std::vector<std::string>;

TopicWish ranked(std::string participant, Topics topics) {
  return {std::move(participant), std::move(topics), true};
}

TopicWish ticked(std::string participant, Topics topics) {
  return {std::move(participant), std::move(topics), false};
}

ChildProfile in_grade(int grade) {
  return {stage_of_grade(grade), grade};
}

ChildProfile in_stage(ChildStage stage) {
  return {stage, std::nullopt};
}

const TopicScore* score_of(const TopicChoice& choice, const std::string& topic) {
  for (const auto& score : choice.ranking) {
    if (score.topic == topic) return &score;
  }
  return nullptr;
}

int total_points(const TopicChoice& choice) {
  int total = 0;
  for (const auto& score : choice.ranking) total += score.points;
  return total;
}

// ---------------------------------------------------------------------------------------------
// The modified Borda count, by hand

// Six participants, children in grades 3 (primary) and 9 (lower secondary); three sessions after
// the first. Points are doubled so ticks stay whole: ranking k topics gives 2k, 2k-2, ..., 2;
// ticking k gives k+1 each.
//
//   a ranks  medical, self_care, family_life (k=3): medical 6, self_care 4, family_life 2
//   b ranks  self_care, medical (k=2):               self_care 4, medical 2
//   c ticks  family_life, medical, eating (k=3):     4 each
//   d ranks  eating (k=1):                           eating 2
//   e ranks  rights, communication (k=2):            rights 4, communication 2
//   f ranks  communication, rights (k=2):            communication 4, rights 2
//
//   topic          points  wishers  suits primary and lower secondary  weighted (x100)
//   medical        6+2+4=12   3     no (kindergarten, primary)         12 x 100 = 1200
//   self_care      4+4  = 8   2     yes                                 8 x 150 = 1200
//   communication  2+4  = 6   2     yes                                 6 x 150 =  900
//   rights         4+2  = 6   2     yes                                 6 x 150 =  900
//   family_life    2+4  = 6   2     yes                                 6 x 150 =  900
//   eating         4+2  = 6   2     no (kindergarten, primary)          6 x 100 =  600
//
// medical and self_care tie at 1200: medical has more wishers (3 to 2). communication, rights and
// family_life tie at 900 with 2 wishers each: catalogue order (6, 8, 9) decides.
const std::vector<TopicWish> hand_worked_wishes{
    ranked("a", {"medical_challenges", "self_care", "family_life"}),
    ranked("b", {"self_care", "medical_challenges"}),
    ticked("c", {"family_life", "medical_challenges", "eating_and_nutrition"}),
    ranked("d", {"eating_and_nutrition"}),
    ranked("e", {"rights_benefits_services", "communication_and_interaction"}),
    ranked("f", {"communication_and_interaction", "rights_benefits_services"}),
};
const std::vector<ChildProfile> grades_three_and_nine{in_grade(3), in_grade(9)};

// DOMAIN C6, G6: the ranking, point by point.
TEST(choose_topics, borda_points_hand_worked) {
  const TopicChoice choice =
      choose_topics(hand_worked_wishes, builtin_catalogue(), grades_three_and_nine, 3);
  const std::vector<TopicScore> expected{
      {"medical_challenges", 12, 1200, 3, false},
      {"self_care", 8, 1200, 2, true},
      {"communication_and_interaction", 6, 900, 2, true},
      {"rights_benefits_services", 6, 900, 2, true},
      {"family_life", 6, 900, 2, true},
      {"eating_and_nutrition", 6, 600, 2, false},
  };
  EXPECT_EQ(choice.ranking, expected);
}

// DOMAIN C5: the three best, each once, most wanted first; nothing to report.
TEST(choose_topics, borda_choice_hand_worked) {
  const TopicChoice choice =
      choose_topics(hand_worked_wishes, builtin_catalogue(), grades_three_and_nine, 3);
  EXPECT_EQ(choice.topics,
            (Topics{"medical_challenges", "self_care", "communication_and_interaction"}));
  EXPECT_EQ(choice.findings, std::vector<Violation>{});
}

// DOMAIN G6: without the stage weight, raw points decide: self_care (8) falls behind medical (12)
// and ties nobody; the three at 6 points with 2 wishers go by catalogue order.
TEST(choose_topics, stage_weight_of_one_hundred_percent_leaves_raw_points) {
  TopicRules rules;
  rules.stage_weight_percent = 100;
  const TopicChoice choice =
      choose_topics(hand_worked_wishes, builtin_catalogue(), grades_three_and_nine, 6,
                    Audience::parents, rules);
  EXPECT_EQ(choice.topics, (Topics{"medical_challenges", "self_care", "communication_and_interaction",
                                   "eating_and_nutrition", "rights_benefits_services", "family_life"}));
  EXPECT_EQ(score_of(choice, "self_care")->weighted_points, 800);
}

// DOMAIN G6: a group of one stage: every topic suits primary except planning_adult_life.
TEST(choose_topics, topic_that_suits_every_stage_of_the_group_is_weighted) {
  const TopicChoice choice = choose_topics({ranked("a", {"planning_adult_life", "self_care"})},
                                           builtin_catalogue(), {in_stage(ChildStage::primary)}, 2);
  // planning_adult_life: 4 points, not for primary: 400; self_care: 2 points x 150% = 300.
  EXPECT_EQ(choice.ranking, (std::vector<TopicScore>{{"planning_adult_life", 4, 400, 1, false},
                                                     {"self_care", 2, 300, 1, true}}));
}

// Without children named, no stage is known, and every topic suits the group.
TEST(choose_topics, without_children_every_topic_suits_the_group) {
  const TopicChoice choice =
      choose_topics({ranked("a", {"medical_challenges"})}, builtin_catalogue(), {}, 1);
  EXPECT_EQ(choice.ranking, (std::vector<TopicScore>{{"medical_challenges", 2, 300, 1, true}}));
}

// Ranking k topics gives 2 + 4 + ... + 2k = k(k+1); ticking k gives k x (k+1): the same total.
TEST(choose_topics, ticks_and_ranks_give_the_same_total) {
  const Topics all{"palliative_care_and_rights", "self_care", "municipal_services",
                   "sexuality_and_identity", "medical_challenges", "communication_and_interaction",
                   "eating_and_nutrition", "rights_benefits_services", "family_life"};
  for (int k = 1; k <= static_cast<int>(all.size()); ++k) {
    SCOPED_TRACE(k);
    const Topics topics(all.begin(), all.begin() + k);
    const TopicChoice by_rank = choose_topics({ranked("a", topics)}, builtin_catalogue(), {}, 0);
    const TopicChoice by_tick = choose_topics({ticked("a", topics)}, builtin_catalogue(), {}, 0);
    EXPECT_EQ(total_points(by_rank), k * (k + 1));
    EXPECT_EQ(total_points(by_tick), k * (k + 1));
  }
}

// A tick spreads the same total evenly: two topics ticked get 3 each, ranked 4 and 2.
TEST(choose_topics, ticked_topics_are_all_equally_wanted) {
  const TopicChoice choice =
      choose_topics({ticked("a", {"family_life", "self_care"})}, builtin_catalogue(), {}, 2);
  EXPECT_EQ(score_of(choice, "family_life")->points, 3);
  EXPECT_EQ(score_of(choice, "self_care")->points, 3);
  // A tie in points and wishers: catalogue order (self_care before family_life).
  EXPECT_EQ(choice.topics, (Topics{"self_care", "family_life"}));
}

TEST(choose_topics, count_zero_chooses_nothing_but_ranks_every_wish) {
  const TopicChoice choice = choose_topics(hand_worked_wishes, builtin_catalogue(), {}, 0);
  EXPECT_EQ(choice.topics, Topics{});
  EXPECT_EQ(choice.ranking.size(), 6u);
  EXPECT_EQ(choice.findings, std::vector<Violation>{});
}

TEST(choose_topics, negative_count_is_an_input_error) {
  const InputError error = input_error([] { choose_topics({}, builtin_catalogue(), {}, -1); });
  EXPECT_EQ(error.message(), "the number of topics cannot be negative");
}

// ---------------------------------------------------------------------------------------------
// DOMAIN T3: transitions

// Three wishes for three sessions; ranked by one participant: family_life 6, self_care 4,
// municipal_services 2 (all x 150 for a one-stage group).
const std::vector<TopicWish> three_wishes{
    ranked("a", {"family_life", "self_care", "municipal_services"})};

// A child in grade 7 moves to lower secondary next August: the topic replaces the lowest-ranked
// choice, in its place.
TEST(choose_topics, grade_seven_gets_the_transition_to_lower_secondary_t3) {
  const TopicChoice choice = choose_topics(three_wishes, builtin_catalogue(),
                                           {in_grade(4), in_grade(7)}, 3);
  EXPECT_EQ(choice.topics, (Topics{"family_life", "self_care", "transition_to_lower_secondary"}));
  const std::vector<Violation> expected{
      {"T3", Severity::info,
       "\"transition_to_lower_secondary\" suggested: children in the group finish grade 7 within a "
       "year, in place of \"municipal_services\"",
       std::nullopt}};
  EXPECT_EQ(choice.findings, expected);
}

TEST(choose_topics, grade_ten_gets_planning_adult_life_t3) {
  const TopicChoice choice = choose_topics(three_wishes, builtin_catalogue(), {in_grade(10)}, 3);
  EXPECT_EQ(choice.topics, (Topics{"family_life", "self_care", "planning_adult_life"}));
  const std::vector<Violation> expected{
      {"T3", Severity::info,
       "\"planning_adult_life\" suggested: children in the group finish grade 10 within a year, in "
       "place of \"municipal_services\"",
       std::nullopt}};
  EXPECT_EQ(choice.findings, expected);
}

// The last year of upper secondary (VG3, grade 13) is a transition to adult life too.
TEST(choose_topics, grade_thirteen_gets_planning_adult_life_t3) {
  const TopicChoice choice = choose_topics(three_wishes, builtin_catalogue(), {in_grade(13)}, 3);
  EXPECT_EQ(choice.topics, (Topics{"family_life", "self_care", "planning_adult_life"}));
  ASSERT_EQ(choice.findings.size(), 1u);
  EXPECT_EQ(choice.findings[0].rule, "T3");
}

TEST(choose_topics, grades_without_a_transition_get_no_suggestion) {
  for (int grade : {1, 6, 8, 9, 11, 12}) {
    SCOPED_TRACE(grade);
    const TopicChoice choice = choose_topics(three_wishes, builtin_catalogue(), {in_grade(grade)}, 3);
    EXPECT_EQ(choice.topics, (Topics{"family_life", "self_care", "municipal_services"}));
    EXPECT_EQ(choice.findings, std::vector<Violation>{});
  }
}

TEST(choose_topics, suggest_transitions_false_turns_t3_off) {
  TopicRules rules;
  rules.suggest_transitions = false;
  const TopicChoice choice = choose_topics(three_wishes, builtin_catalogue(), {in_grade(7)}, 3,
                                           Audience::parents, rules);
  EXPECT_EQ(choice.topics, (Topics{"family_life", "self_care", "municipal_services"}));
  EXPECT_EQ(choice.findings, std::vector<Violation>{});
}

// A transition topic the group already chose is not suggested again.
TEST(choose_topics, transition_already_chosen_is_not_suggested_again) {
  const TopicChoice choice =
      choose_topics({ranked("a", {"transition_to_lower_secondary", "self_care"})},
                    builtin_catalogue(), {in_grade(7)}, 2);
  EXPECT_EQ(choice.topics, (Topics{"transition_to_lower_secondary", "self_care"}));
  EXPECT_EQ(choice.findings, std::vector<Violation>{});
}

// With room left, the suggestion is added, not swapped in; the rest is filled from the catalogue.
TEST(choose_topics, transition_takes_a_free_place_when_there_is_one) {
  const TopicChoice choice =
      choose_topics({ranked("a", {"self_care"})}, builtin_catalogue(), {in_grade(7)}, 3);
  EXPECT_EQ(choice.topics,
            (Topics{"self_care", "transition_to_lower_secondary", "palliative_care_and_rights"}));
  ASSERT_GE(choice.findings.size(), 1u);
  EXPECT_EQ(choice.findings[0],
            (Violation{"T3", Severity::info,
                       "\"transition_to_lower_secondary\" suggested: children in the group finish "
                       "grade 7 within a year",
                       std::nullopt}));
}

// Two transitions in one group: each takes the place of the lowest choice not itself suggested.
TEST(choose_topics, two_transitions_replace_the_two_lowest_choices) {
  const TopicChoice choice = choose_topics(three_wishes, builtin_catalogue(),
                                           {in_grade(7), in_grade(10)}, 3);
  EXPECT_EQ(choice.topics,
            (Topics{"family_life", "planning_adult_life", "transition_to_lower_secondary"}));
  ASSERT_EQ(choice.findings.size(), 2u);
  EXPECT_EQ(choice.findings[1].message,
            "\"planning_adult_life\" suggested: children in the group finish grade 10 within a "
            "year, in place of \"self_care\"");
}

// ---------------------------------------------------------------------------------------------
// Wishes that cannot be chosen (DOMAIN T6, G9)

// DOMAIN T6: getting to know each other is session 1's, never a wish for a later session.
TEST(choose_topics, getting_to_know_in_a_wish_is_ignored_t6) {
  const TopicChoice choice =
      choose_topics({ranked("a", {"getting_to_know", "self_care"})}, builtin_catalogue(), {}, 1);
  EXPECT_EQ(choice.topics, Topics{"self_care"});
  EXPECT_EQ(score_of(choice, "getting_to_know"), nullptr);
  const std::vector<Violation> expected{
      {"T6", Severity::info, "\"getting_to_know\" is always the first session's topic, not a wish",
       std::nullopt}};
  EXPECT_EQ(choice.findings, expected);
}

// Ignored means as if not written: a topic that cannot be chosen neither takes points nor adds
// weight to the participant's other wishes (else padding a ranking with it would buy points).
TEST(choose_topics, ignored_wish_adds_no_points_to_the_others) {
  const TopicChoice padded = choose_topics(
      {ranked("a", {"self_care", "getting_to_know", "family_life"}),
       ticked("b", {"fathers_session", "municipal_services"})},
      builtin_catalogue(), {}, 3);
  const TopicChoice plain = choose_topics(
      {ranked("a", {"self_care", "family_life"}), ticked("b", {"municipal_services"})},
      builtin_catalogue(), {}, 3);
  EXPECT_EQ(padded.ranking, plain.ranking);
  EXPECT_EQ(padded.topics, plain.topics);
}

// DOMAIN G9: the fathers' session is an offer of its own, not a topic of a parents' course.
TEST(choose_topics, fathers_session_in_a_parents_course_is_excluded_g9) {
  const TopicChoice choice = choose_topics({ranked("a", {"fathers_session", "self_care"})},
                                           builtin_catalogue(), {}, 1, Audience::parents);
  EXPECT_EQ(choice.topics, Topics{"self_care"});
  EXPECT_EQ(score_of(choice, "fathers_session"), nullptr);
  const std::vector<Violation> expected{
      {"G9", Severity::warning,
       "\"fathers_session\" is not for parents; plan it as an offer of its own (a fathers' session, "
       "say)",
       std::nullopt}};
  EXPECT_EQ(choice.findings, expected);
}

// DOMAIN G9: in a course for fathers it is a topic like any other.
TEST(choose_topics, fathers_session_in_a_fathers_course_is_chosen) {
  const TopicChoice choice = choose_topics({ranked("a", {"fathers_session", "self_care"})},
                                           builtin_catalogue(), {}, 1, Audience::fathers);
  EXPECT_EQ(choice.topics, Topics{"fathers_session"});
  EXPECT_EQ(choice.findings, std::vector<Violation>{});
}

// One finding per excluded topic, however many participants wished it.
TEST(choose_topics, each_excluded_topic_is_reported_once) {
  const TopicChoice choice = choose_topics(
      {ranked("a", {"fathers_session"}), ranked("b", {"fathers_session", "getting_to_know"})},
      builtin_catalogue(), {}, 0);
  ASSERT_EQ(choice.findings.size(), 2u);
  EXPECT_EQ(choice.findings[0].rule, "G9");
  EXPECT_EQ(choice.findings[1].rule, "T6");
}

// ---------------------------------------------------------------------------------------------
// DOMAIN C6: too few wishes

// One wish for three sessions: the rest are the catalogue's first topics that suit the group
// (primary), skipping getting_to_know (T6) and what was already chosen.
TEST(choose_topics, too_few_wishes_are_filled_from_the_catalogue_c6) {
  const TopicChoice choice = choose_topics({ranked("a", {"self_care"})}, builtin_catalogue(),
                                           {in_stage(ChildStage::primary)}, 3);
  EXPECT_EQ(choice.topics, (Topics{"self_care", "palliative_care_and_rights", "municipal_services"}));
  const std::vector<Violation> expected{
      {"C6", Severity::info, "\"palliative_care_and_rights\" was not wished; taken from the catalogue",
       std::nullopt},
      {"C6", Severity::info, "\"municipal_services\" was not wished; taken from the catalogue",
       std::nullopt},
  };
  EXPECT_EQ(choice.findings, expected);
}

// DOMAIN G6: fill-ins suit every child stage of the group: sexuality_and_identity does not suit
// kindergarten; medical_challenges does.
TEST(choose_topics, fill_ins_suit_the_childrens_stages) {
  const TopicChoice choice =
      choose_topics({}, builtin_catalogue(), {in_stage(ChildStage::kindergarten)}, 4);
  EXPECT_EQ(choice.topics, (Topics{"palliative_care_and_rights", "self_care", "municipal_services",
                                   "medical_challenges"}));
}

// DOMAIN C5: a topic is given once; a catalogue too small for the sessions says so.
TEST(choose_topics, catalogue_too_small_for_the_sessions_is_a_c5_warning) {
  TopicCatalogue small;
  small.roles = {{"course_leader", "Kursleder", "Course leader"}};
  small.topics = {
      {"getting_to_know", "T6", "Bli kjent", "Getting to know", "x", "x", "course_leader",
       {ChildStage::primary}, {Audience::parents}},
      {"self_care", "T1", "Egenomsorg", "Self-care", "x", "x", "course_leader",
       {ChildStage::primary}, {Audience::parents}},
  };
  const TopicChoice choice = choose_topics({}, small, {}, 3);
  EXPECT_EQ(choice.topics, Topics{"self_care"});
  ASSERT_EQ(choice.findings.size(), 2u);
  EXPECT_EQ(choice.findings[1],
            (Violation{"C5", Severity::warning, "the catalogue has only 1 suitable topic for 3 sessions",
                       std::nullopt}));
}

// ---------------------------------------------------------------------------------------------
// Input errors, located by JSON pointer

TEST(choose_topics, unknown_topic_is_located_at_its_entry) {
  const InputError error = input_error([] {
    choose_topics({ranked("a", {"self_care", "knitting"})}, builtin_catalogue(), {}, 1);
  });
  EXPECT_EQ(error.rule(), "C6");
  EXPECT_EQ(located(error),
            (Located{"/wishes/0/topics/1", "no topic \"knitting\" in the catalogue"}));
}

TEST(choose_topics, topic_named_twice_by_one_participant_is_rejected) {
  const InputError error = input_error([] {
    choose_topics({ranked("a", {"family_life"}), ticked("b", {"self_care", "family_life", "self_care"})},
                  builtin_catalogue(), {}, 1);
  });
  EXPECT_EQ(error.rule(), "C6");
  EXPECT_EQ(located(error), (Located{"/wishes/1/topics/2",
                                     "topic \"self_care\" is named twice by one participant"}));
}

// Nobody's wishes count twice.
TEST(choose_topics, participant_listed_twice_is_rejected) {
  EXPECT_EQ(located(input_error([] {
              choose_topics({ranked("p1", {"self_care"}), ranked("p2", {"family_life"}),
                             ranked("p1", {"family_life"})},
                            builtin_catalogue(), {}, 1);
            })),
            (Located{"/wishes/2/participant", "participant \"p1\" is listed twice"}));
}

TEST(choose_topics, grade_not_in_the_childs_stage_is_rejected) {
  EXPECT_EQ(located(input_error([] {
              choose_topics({}, builtin_catalogue(), {ChildProfile{ChildStage::primary, 8}}, 1);
            })),
            (Located{"/children/0/grade", "grade 8 is not in primary"}));
}

TEST(choose_topics, grade_outside_one_to_thirteen_is_rejected) {
  EXPECT_EQ(located(input_error([] {
              choose_topics({}, builtin_catalogue(),
                            {in_grade(3), ChildProfile{ChildStage::upper_secondary, 14}}, 1);
            })),
            (Located{"/children/1/grade", "a school grade is 1-13, got 14"}));
}

// ---------------------------------------------------------------------------------------------
// Determinism

TEST(choose_topics, same_input_gives_the_same_output) {
  const TopicChoice first =
      choose_topics(hand_worked_wishes, builtin_catalogue(), grades_three_and_nine, 4);
  const TopicChoice second =
      choose_topics(hand_worked_wishes, builtin_catalogue(), grades_three_and_nine, 4);
  EXPECT_EQ(first, second);
}

// Property: the order in which participants are listed does not change the choice.
TEST(choose_topics, order_of_participants_does_not_change_the_result) {
  const std::vector<ChildProfile> children{in_grade(7), in_grade(5)};
  std::vector<TopicWish> wishes = hand_worked_wishes;
  wishes.push_back(ranked("g", {"getting_to_know", "grief_and_grief_reactions", "fathers_session"}));
  const TopicChoice expected = choose_topics(wishes, builtin_catalogue(), children, 4);
  std::mt19937 random(20191105);
  for (int round = 0; round < 50; ++round) {
    std::shuffle(wishes.begin(), wishes.end(), random);
    EXPECT_EQ(choose_topics(wishes, builtin_catalogue(), children, 4), expected) << round;
  }
}

}  // namespace
