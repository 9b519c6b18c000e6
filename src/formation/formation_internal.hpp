// Private to the formation units: the prepared problem and its objective (objective.cpp), the
// groups a search leaves (search.cpp), and the reports and reasons read from them
// (explanation.cpp). Not installed.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "paarorende/attendance.hpp"
#include "paarorende/formation.hpp"

namespace paarorende::detail {

inline constexpr double no_route = std::numeric_limits<double>::infinity();

// A stable 64-bit hash of a text and the seed (FNV-1a, then splitmix64): the same on every
// platform, so ties break the same way for the same input and seed.
inline std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

inline std::uint64_t stable_hash(const std::string& text, std::uint64_t seed) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) h = (h ^ c) * 0x100000001b3ULL;
  return mix(h ^ mix(seed));
}

// What the rules need of one household, computed once.
struct HouseholdInfo {
  int caregivers = 0;
  int min_stage = 0;
  int max_stage = 0;
  bool kindergarten = false;
  bool behavioural = false;  // DOMAIN G1 (the predicate validate() uses)
  bool threatened = false;   // DOMAIN G2
  int place = 0;
  std::vector<int> rare;     // interned codes, each once
  AttendanceUnit unit;
  bool default_attendance = true;
  int block = 0;             // pinned-together block
  // What a hard rule keeps apart: 0 any, 1 mainly behavioural (G1 hard), 2 life-threatening or
  // life-limiting (G2 hard).
  int category = 0;
  // The municipality's index in the region when it does not share its waitlist (V1), else -1.
  int municipality = -1;
  // Households of one pool may be grouped together: one category, one municipality if need be.
  int pool = 0;
};

// Why an evaluation failed: rules that adding households can still mend (a group too small,
// too unsure of its attendance, without a schoolmate or a peer) and rules it cannot.
enum class Broken { none, mendable, final };

// The objective's verdict on one group at one venue: the hard rule it breaks, if any, its soft
// scores and its cost.
struct Evaluation {
  Broken broken = Broken::none;
  std::string rule;
  SoftScores scores;
  double cost = 0.0;
};

// The prepared problem: households, travel, pins. Everything the objective reads.
class FormationProblem {
 public:
  explicit FormationProblem(const FormationRequest& request);

  const FormationRequest& request() const { return request_; }
  const GroupRules& rules() const { return rules_; }
  const FormationRules& formation() const { return formation_; }
  /// DOMAIN C8, the one travel rule: max_minutes bounds every group, warn_minutes is reported.
  const TravelLimits& travel_limits() const { return request_.waitlist.travel; }
  const std::vector<HouseholdInfo>& info() const { return info_; }
  std::size_t households() const { return info_.size(); }
  const std::vector<std::vector<int>>& blocks() const { return blocks_; }
  /// Venues reachable from a place within the travel limit, nearest first.
  const std::vector<std::pair<int, double>>& reachable(int place) const { return reach_by_time_[place]; }
  /// Places a venue reaches, nearest first.
  const std::vector<std::pair<int, double>>& reached_by(int venue) const { return reached_by_[venue]; }
  const std::vector<int>& at_place(int place) const { return at_place_[place]; }
  int place_of(const std::string& id) const {
    auto it = place_index_.find(id);
    return it == place_index_.end() ? -1 : it->second;
  }
  int household_of(const std::string& id) const {
    auto it = household_index_.find(id);
    return it == household_index_.end() ? -1 : it->second;
  }

  /// Minutes from a place to a venue; infinity beyond the travel limit.
  double travel(int place, int venue) const {
    if (!dense_.empty()) {
      const int column = venue_column_[venue];
      return column < 0 ? no_route : dense_[static_cast<std::size_t>(row_[place]) * columns_ + column];
    }
    const auto& list = reach_by_venue_[place];
    auto it = std::lower_bound(list.begin(), list.end(), std::make_pair(venue, -1.0));
    if (it == list.end() || it->first != venue) return no_route;
    return it->second;
  }

  /// Minutes between any two places, the limit aside (for locked groups and reasons).
  double any_travel(int from, int to) const {
    const auto& places = request_.waitlist.places;
    auto it = known_.find(key(from, to));
    if (it != known_.end()) return it->second;
    return estimated_minutes(places[from], places[to], request_.waitlist.travel_model);
  }

  /// What leaving household `h` out costs: `unassigned`, and `waiting` per week it has waited
  /// longer than the reference date's newest entry (docs/formation.md, "A waitlist is a queue").
  double penalty_of_household(int h) const { return penalty_[h]; }
  double penalty_of_block(int block) const {
    double total = 0.0;
    for (int h : blocks_[block]) total += penalty_[h];
    return total;
  }
  /// Weeks household `h` has waited by the reference date (0 without `waiting_since`).
  double weeks_waited(int h) const { return weeks_waited_[h]; }

  bool apart(int a, int b) const {
    for (int other : apart_[a]) {
      if (other == b) return true;
    }
    return false;
  }

  // The objective's term for households `members` at `venue` (DOMAIN G1-G8, C8). Hard rules are
  // constraints; soft ones are scored; off ones are ignored.
  Evaluation evaluate(const std::vector<int>& members, int venue) const;

  // DOMAIN G4 by attendance_distribution, as validate() computes it. Households on the default
  // probabilities differ only in their number of caregivers, so groups of those alone are
  // remembered by (single caregivers, couples).
  double at_least_min_present(const std::vector<int>& members) const;

  /// The weighted terms of one group's cost, by name.
  void add_terms(const SoftScores& s, std::map<std::string, double>& terms) const;

 private:
  static std::uint64_t key(int a, int b) {
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(a)) << 32) | static_cast<std::uint32_t>(b);
  }

  void prepare_households();
  void prepare_travel();
  void prepare_pins();

  const FormationRequest& request_;
  const GroupRules& rules_;
  const FormationRules& formation_;
  std::unordered_map<std::string, int> place_index_;
  std::unordered_map<std::string, int> household_index_;
  std::vector<HouseholdInfo> info_;
  std::unordered_map<std::uint64_t, double> known_;
  std::vector<std::vector<int>> at_place_;
  std::vector<std::vector<std::pair<int, double>>> reach_by_time_;
  std::vector<std::vector<std::pair<int, double>>> reach_by_venue_;
  std::vector<std::vector<std::pair<int, double>>> reached_by_;
  std::vector<std::vector<int>> blocks_;
  std::vector<std::vector<int>> apart_;
  std::vector<double> dense_;
  std::vector<int> row_;
  std::vector<int> venue_column_;
  std::size_t columns_ = 0;
  std::vector<double> penalty_;
  std::vector<double> weeks_waited_;
  mutable std::vector<AttendanceUnit> units_;
  mutable std::unordered_map<std::uint64_t, double> memo_;
};

// One group under construction or search: its blocks, venue and current evaluation.
struct Draft {
  std::vector<int> blocks;
  int venue = -1;
  int pool = 0;
  double cost = 0.0;
  bool alive = true;
  std::uint64_t changed = 0;  // the clock when it last changed
  bool venue_checked = false;
};

/// The households of a draft, block by block.
inline std::vector<int> members_of(const FormationProblem& problem, const Draft& draft) {
  std::vector<int> members;
  for (int b : draft.blocks) {
    for (int h : problem.blocks()[b]) members.push_back(h);
  }
  return members;
}

// A candidate group of the exact method: its blocks (sorted), venue and cost.
struct Column {
  std::vector<int> blocks;
  int venue = -1;
  double cost = 0.0;
};

// One component's groups after the exact method (exact.cpp), with its objective and a lower
// bound that no grouping of the component goes below.
struct ComponentSolution {
  std::vector<Column> groups;
  double objective = 0.0;
  double lower_bound = 0.0;
  OptimalityStatus status = OptimalityStatus::heuristic;
};

// Whether a block left out can be placed (docs/formation.md, "Reasons"): `placeable` when a
// feasible group holds it, `displaced` the blocks the best grouping found leaves out that the
// answer places; `proven` when placeable, or when the search for such a group was complete.
struct Placement {
  bool placeable = false;
  bool proven = false;
  std::vector<int> displaced;
  std::vector<std::string> blocking;  // hard rules that stopped the search's branches
};

/// The active blocks in components: blocks of one pool that reach a common venue, closed under
/// that relation; each sorted, in order of their first block.
std::vector<std::vector<int>> components_of(const FormationProblem& problem, const std::vector<char>& active);

/// The exact method on one component, from the heuristic's groups in it.
ComponentSolution solve_component(const FormationProblem& problem, const std::vector<int>& component,
                                  const std::vector<Column>& heuristic, const ExactLimits& limits);

/// A bound on a component's objective from each household alone.
double simple_lower_bound(const FormationProblem& problem, const std::vector<int>& component);

/// Whether `block` can be placed by some grouping of its component, given the groups formed.
Placement certify_placement(const FormationProblem& problem, const std::vector<int>& component,
                            const std::vector<Column>& groups, int block, const ExactLimits& limits);

/// The reason of a household left out, made true by its placement: `placeable`,
/// `would_displace`, `blocking_rules`, and `reason` in words (explanation.cpp).
void describe_placement(const FormationProblem& problem, const Placement& placement, UnassignedHousehold& left);

/// A group as handed out: its households (by id unless locked), venue, the findings of the
/// group's validate() and C8, the rules it keeps, its scores and cost.
FormedGroup report_group(const FormationProblem& problem, const std::string& id, const std::vector<int>& members,
                         int venue, bool locked);

/// Why household `h` is left out, with the rule that kept it out, as the search left the drafts
/// (`group_of_block`: each pinned block's draft, -1 for none).
UnassignedHousehold explain_unassigned(const FormationProblem& problem, const std::vector<Draft>& drafts,
                                       const std::vector<int>& group_of_block, int h);

}  // namespace paarorende::detail
