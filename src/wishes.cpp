#include "paarorende/wishes.hpp"
#include "detail/input_error.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "paarorende/error.hpp"

namespace paarorende {
namespace {

// T3 transitions: the topic a grade points to, within a year of any date in that grade's year.
const char* transition_topic_of_grade(int grade) {
  if (grade == 7) return "transition_to_lower_secondary";  // to lower secondary next August
  if (grade == 10 || grade == 13) return "planning_adult_life";  // leaving school stages
  return nullptr;
}

}  // namespace

TopicChoice choose_topics(const std::vector<TopicWish>& wishes, const TopicCatalogue& catalogue,
                          const std::vector<ChildProfile>& children, int count, Audience audience,
                          const TopicRules& rules) {
  if (count < 0) detail::raise_input_error("/count", "the number of topics cannot be negative");
  // The group's stages: a topic suits the group when it suits every one of them (DOMAIN G6).
  std::set<ChildStage> stages;
  for (std::size_t i = 0; i < children.size(); ++i) {
    const auto& child = children[i];
    if (child.grade) {
      const std::string at = "/children/" + std::to_string(i) + "/grade";
      if (*child.grade < 1 || *child.grade > 13) {
        detail::raise_input_error(at, "a school grade is 1-13, got " + std::to_string(*child.grade));
      }
      if (stage_of_grade(*child.grade) != child.stage) {
        detail::raise_input_error(at, "grade " + std::to_string(*child.grade) + " is not in " +
                             std::string(to_string(child.stage)));
      }
    }
    stages.insert(child.stage);
  }
  auto suits_group = [&stages](const Topic& topic) {
    return std::all_of(stages.begin(), stages.end(),
                       [&topic](ChildStage stage) { return topic.suits(stage); });
  };

  TopicChoice choice;
  // Modified Borda count, doubled so that ticks (k+1 each) stay whole numbers.
  std::map<std::string, TopicScore> scores;
  std::set<std::string> participants;
  std::set<std::string> excluded;
  for (std::size_t w = 0; w < wishes.size(); ++w) {
    const TopicWish& wish = wishes[w];
    const std::string at = "/wishes/" + std::to_string(w);
    if (!participants.insert(wish.participant).second) {
      detail::raise_input_error(at + "/participant", "participant \"" + wish.participant + "\" is listed twice");
    }
    std::set<std::string> named;
    std::vector<std::string> counted;  // the wishes that can be chosen, in the participant's order
    for (std::size_t i = 0; i < wish.topics.size(); ++i) {
      const std::string& id = wish.topics[i];
      const std::string topic_at = at + "/topics/" + std::to_string(i);
      const Topic* topic = catalogue.find(id);
      if (topic == nullptr) detail::raise_input_error(topic_at, "no topic \"" + id + "\" in the catalogue", detail::Rule{"C6"});
      if (!named.insert(id).second) {
        detail::raise_input_error(topic_at, "topic \"" + id + "\" is named twice by one participant", detail::Rule{"C6"});
      }
      if (id == first_session_topic || !topic->is_for(audience)) {
        excluded.insert(id);
      } else {
        counted.push_back(id);
      }
    }
    // A wish that cannot be chosen is left out before counting, so it neither takes points nor
    // raises k (padding a ranking with it would otherwise buy the other wishes points).
    const int k = static_cast<int>(counted.size());
    for (int r = 0; r < k; ++r) {
      const std::string& id = counted[static_cast<std::size_t>(r)];
      TopicScore& score = scores[id];
      score.topic = id;
      score.points += wish.ranked ? 2LL * (k - r) : k + 1LL;
      score.wishers += 1;
    }
  }
  for (const auto& id : excluded) {
    if (id == first_session_topic) {
      choice.findings.push_back({"T6", Severity::info,
                                 "\"" + id + "\" is always the first session's topic, not a wish",
                                 std::nullopt});
    } else {
      choice.findings.push_back(
          {"G9", Severity::warning,
           "\"" + id + "\" is not for " + std::string(to_string(audience)) +
               "; plan it as an offer of its own (a fathers' session, say)",
           std::nullopt});
    }
  }

  for (auto& [id, score] : scores) {
    score.suits_stage = suits_group(*catalogue.find(id));
    score.weighted_points = score.points * (score.suits_stage ? rules.stage_weight_percent : 100LL);
    choice.ranking.push_back(score);
  }
  std::sort(choice.ranking.begin(), choice.ranking.end(),
            [&catalogue](const TopicScore& a, const TopicScore& b) {
              if (a.weighted_points != b.weighted_points) return a.weighted_points > b.weighted_points;
              if (a.wishers != b.wishers) return a.wishers > b.wishers;
              return catalogue.index_of(a.topic) < catalogue.index_of(b.topic);
            });
  for (const auto& score : choice.ranking) {
    if (static_cast<int>(choice.topics.size()) == count) break;
    choice.topics.push_back(score.topic);
  }

  // DOMAIN T3: a group facing a transition within a year gets the topic, in place of the
  // lowest-ranked choice that is not itself suggested.
  if (rules.suggest_transitions && count > 0) {
    std::set<std::string> suggested;
    for (const auto& child : children) {
      const char* id = child.grade ? transition_topic_of_grade(*child.grade) : nullptr;
      if (id == nullptr || catalogue.find(id) == nullptr || !catalogue.find(id)->is_for(audience)) {
        continue;
      }
      if (!suggested.insert(id).second) continue;
      if (std::find(choice.topics.begin(), choice.topics.end(), id) != choice.topics.end()) continue;
      auto replaceable = std::find_if(choice.topics.rbegin(), choice.topics.rend(),
                                      [&suggested](const std::string& t) { return !suggested.count(t); });
      std::string message = "\"" + std::string(id) + "\" suggested: children in the group finish grade " +
                            std::to_string(*child.grade) + " within a year";
      if (static_cast<int>(choice.topics.size()) < count) {
        choice.topics.push_back(id);
      } else if (replaceable != choice.topics.rend()) {
        message += ", in place of \"" + *replaceable + "\"";
        *replaceable = id;
      } else {
        continue;
      }
      choice.findings.push_back({"T3", Severity::info, message, std::nullopt});
    }
  }

  // DOMAIN C6: too few wishes; fill from the catalogue, stage-suitable topics in its order.
  for (const Topic& topic : catalogue.topics) {
    if (static_cast<int>(choice.topics.size()) >= count) break;
    if (topic.id == first_session_topic || !topic.is_for(audience) || !suits_group(topic) ||
        std::find(choice.topics.begin(), choice.topics.end(), topic.id) != choice.topics.end()) {
      continue;
    }
    choice.topics.push_back(topic.id);
    choice.findings.push_back({"C6", Severity::info,
                               "\"" + topic.id + "\" was not wished; taken from the catalogue",
                               std::nullopt});
  }
  if (static_cast<int>(choice.topics.size()) < count) {
    choice.findings.push_back({"C5", Severity::warning,
                               "the catalogue has only " + std::to_string(choice.topics.size()) +
                                   (choice.topics.size() == 1 ? " suitable topic for "
                                                              : " suitable topics for ") +
                                   "" + std::to_string(count) + " sessions",
                               std::nullopt});
  }
  return choice;
}

}  // namespace paarorende
