// The participants' topic wishes (DOMAIN C6): the round in the first session where each
// participant ranks or ticks the topics they want, aggregated by a documented, fair method into
// the topics of sessions 2..n (C5: each topic once), favouring topics that suit the children's
// stage (G6) and suggesting the transition topics to a group that faces one (T3).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "paarorende/fields.hpp"
#include "paarorende/topic.hpp"
#include "paarorende/violation.hpp"

namespace paarorende {

/// One participant's wishes. `participant` is a pseudonymous id, never a name.
struct TopicWish {
  std::string participant;
  std::vector<std::string> topics;  ///< Topic ids; most wanted first when `ranked`.
  bool ranked = true;               ///< False: the topics are ticked, all equally wanted.

  friend bool operator==(const TopicWish&, const TopicWish&) = default;
};

/// What the topic choice needs to know of a child in the group: the stage, and the school grade
/// when known (1-13), for the transitions of DOMAIN T3.
struct ChildProfile {
  ChildStage stage = ChildStage::primary;
  std::optional<int> grade;

  friend bool operator==(const ChildProfile&, const ChildProfile&) = default;
};

/// The aggregation's defaults in one place (a municipality overrides them in `topic_rules`).
struct TopicRules {
  int stage_weight_percent = 150;  // G6: 150, half as much again
  bool suggest_transitions = true;

  friend bool operator==(const TopicRules&, const TopicRules&) = default;
};

/// TopicRules' fields (fields.hpp): the request's "topic_rules" object, its range in
/// check_request() and the Python TopicRules' constructor and properties.
constexpr auto fields(std::type_identity<TopicRules>) {
  using R = TopicRules;
  return std::tuple{
      field("stage_weight_percent", &R::stage_weight_percent,
            "DOMAIN G6: a topic that suits every child stage in the group has its points "
            "multiplied by this, in percent (150: half as much again). check() accepts 100-1000, "
            "so suiting the stage never counts against a topic.")
          .between(100, 1000),
      field("suggest_transitions", &R::suggest_transitions,
            "DOMAIN T3: suggest the transition topics to a group facing a transition within a "
            "year."),
  };
}

/// One topic's standing after aggregation, for explaining the choice.
struct TopicScore {
  std::string topic;
  long long points = 0;           ///< Borda points (doubled, so that ticks stay whole numbers).
  long long weighted_points = 0;  ///< Points after the stage weight, in percent units (x 100).
  int wishers = 0;          ///< Participants who named it.
  bool suits_stage = true;

  friend bool operator==(const TopicScore&, const TopicScore&) = default;
};

struct TopicChoice {
  std::vector<std::string> topics;  ///< For sessions 2..n, most wanted first.
  std::vector<TopicScore> ranking;  ///< Every wished topic, best first.
  std::vector<Violation> findings;  ///< Suggestions (T3), fill-ins (C6), excluded wishes.

  friend bool operator==(const TopicChoice&, const TopicChoice&) = default;
};

/// Chooses `count` topics (the sessions after the first) from the wishes (DOMAIN C5, C6, G6, T3).
///
/// The method, a modified Borda count: a participant who ranks k topics gives the first 2k points,
/// the next 2k-2, ..., the last 2; one who ticks k topics gives each of them k+1 points (the same
/// total, spread evenly). Every participant's topics count, and nobody's count twice. A topic
/// that suits every child stage in the group has its points multiplied by
/// `rules.stage_weight_percent` / 100. Ties go to the topic more participants named, then to the
/// catalogue's order, so the result is deterministic. The first session's topic (T6) and topics
/// not for `audience` are never chosen. A group with a child in grade 7 gets
/// "transition_to_lower_secondary", and one with a child in grade 10 or in the last year of upper
/// secondary gets "planning_adult_life" (T3), in place of the lowest-ranked choice if need be.
/// When the wishes name fewer topics than `count`, the rest come from the catalogue: topics for
/// the audience that suit the children's stages, in catalogue order.
///
/// Throws InputError (where: "/wishes/2/topics/1") for an unknown topic, a topic named twice by
/// one participant, or a participant listed twice.
TopicChoice choose_topics(const std::vector<TopicWish>& wishes, const TopicCatalogue& catalogue,
                          const std::vector<ChildProfile>& children, int count,
                          Audience audience = Audience::parents, const TopicRules& rules = {});

}  // namespace paarorende
