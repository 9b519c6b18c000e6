// Forming groups from a waitlist (DOMAIN G1-G9, C8, V1): partition the households into groups,
// each with a venue, so that every hard group rule holds (the same validate() a coordinator runs
// on a group), and minimise a documented objective over the soft ones. docs/formation.md.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "paarorende/fields.hpp"
#include "paarorende/group.hpp"
#include "paarorende/region.hpp"
#include "paarorende/waitlist.hpp"

namespace paarorende {

/// What each soft rule costs in the objective, which is minimised. A group's cost is the sum of
/// its terms; the objective is the sum over groups plus `unassigned` per household left out.
/// Every term is per group, so the objective decomposes by group (an exact set-partitioning
/// formulation is possible, and the tests use one).
struct ObjectiveWeights {
  double travel = 1.0;            // per minute each household travels to the venue
  double size = 5.0;              // per participant away from the target
  double attendance = 2.0;        // per percentage point P(at least min_present) lacks
  double stage = 30.0;            // per stage between the lowest and highest child
  double school_age = 10.0;       // per household with a child in kindergarten
  double acquaintance = 5.0;      // per household with no one from its school
  double rare_peers = 40.0;       // per household whose rare diagnosis has no peer
  double mixed_conditions = 20.0;  // per household on the smaller side of a mix
  /// Per week a household left out has waited (`waiting_since`, before the reference date):
  /// those who have waited longest go first. A year's wait weighs 52: less than the penalty
  /// below, so waiting orders who is left out but never leaves out one who could be placed.
  double waiting = 1.0;
  /// Per household left out: more than any household adds to a group (an hour's travel, a
  /// stage of span, a missing peer ...), so a household is left out only when no group can hold it.
  double unassigned = 300.0;

  friend bool operator==(const ObjectiveWeights&, const ObjectiveWeights&) = default;
};

/// ObjectiveWeights' fields (fields.hpp): a waitlist's "formation"/"weights" object, their ranges
/// in check_formation_rules() and the Python ObjectiveWeights.
constexpr auto fields(std::type_identity<ObjectiveWeights>) {
  using W = ObjectiveWeights;
  return std::tuple{
      field("travel", &W::travel, "C8: per minute each household travels.").between(0, 1e6),
      field("size", &W::size, "G3: per participant away from the target.").between(0, 1e6),
      field("attendance", &W::attendance, "G4: per percentage point short.").between(0, 1e6),
      field("stage", &W::stage, "G6: per stage of span.").between(0, 1e6),
      field("school_age", &W::school_age, "G6: per household with a kindergarten child.")
          .between(0, 1e6),
      field("acquaintance", &W::acquaintance, "G7: per household without a schoolmate.")
          .between(0, 1e6),
      field("rare_peers", &W::rare_peers, "G8: per household whose rare diagnosis has no peer.")
          .between(0, 1e6),
      field("mixed_conditions", &W::mixed_conditions,
            "G1 (soft) and G2: per household on the smaller side of a mix.")
          .between(0, 1e6),
      field("waiting", &W::waiting, "Per week a household left out has waited (waiting_since).")
          .between(0, 1e6),
      field("unassigned", &W::unassigned, "Per household left out.").between(0, 1e6),
  };
}

/// The exact method's limits (docs/formation.md, "The exact method"): counts, never seconds, so
/// the same input gives the same groups on every machine. A component is a set of households of
/// one pool that could share a venue, directly or through others.
struct ExactLimits {
  /// Components of at most this many blocks (households, or households pinned together) are
  /// enumerated: every feasible group is a column, and the integer programme is exact.
  int enumeration_blocks = 40;
  /// Groups evaluated while enumerating one component; above it, column generation.
  int enumeration_nodes = 400000;
  /// Components of at most this many blocks get column generation; larger ones the heuristic.
  int generation_blocks = 300;
  int generation_rounds = 15;     ///< LP rounds of column generation.
  int pricing_nodes = 20000;      ///< Groups evaluated by one round's pricing.
  int columns_per_round = 30;     ///< Columns added per round at most.
  int branch_nodes = 5000;        ///< Branch-and-bound nodes of CBC.
  /// Groups listed at most to close the gap (those whose reduced cost is below it).
  int closing_columns = 4000;
  int certify_nodes = 20000;      ///< Groups evaluated to decide whether one household is placeable.

  friend bool operator==(const ExactLimits&, const ExactLimits&) = default;
};

constexpr auto fields(std::type_identity<ExactLimits>) {
  using E = ExactLimits;
  return std::tuple{
      field("enumeration_blocks", &E::enumeration_blocks, "Components enumerated whole up to this size.")
          .between(0, 64),
      field("enumeration_nodes", &E::enumeration_nodes, "Groups evaluated to enumerate one component.")
          .between(0, 1e9),
      field("generation_blocks", &E::generation_blocks, "Components given column generation up to this size.")
          .between(0, 1e6),
      field("generation_rounds", &E::generation_rounds, "LP rounds of column generation.").between(0, 1e6),
      field("pricing_nodes", &E::pricing_nodes, "Groups evaluated by one round's pricing.").between(1, 1e9),
      field("columns_per_round", &E::columns_per_round, "Columns added per round at most.").between(1, 1e6),
      field("branch_nodes", &E::branch_nodes, "Branch-and-bound nodes of CBC.").between(0, 1e9),
      field("closing_columns", &E::closing_columns, "Groups listed at most to close the gap.").between(0, 1e7),
      field("certify_nodes", &E::certify_nodes, "Groups evaluated to decide whether one household is placeable.")
          .between(0, 1e9),
  };
}

/// The formation's own settings, beside the group rules.
struct FormationRules {
  /// DOMAIN G3: the size aimed at, between the rules' minimum and maximum. 12 is six couples:
  /// above the minimum of 9 with room for absence (G4), below the maximum of 16.
  int target_participants = 12;
  ObjectiveWeights weights;
  std::uint64_t seed = 1;
  int max_passes = 8;  // each pass tries every move, swap and venue once
  /// The reference date for `waiting_since`; none: the newest `waiting_since` on the list.
  std::optional<Date> waiting_as_of;
  ExactLimits exact;

  friend bool operator==(const FormationRules&, const FormationRules&) = default;
};

/// FormationRules' fields: a waitlist's "formation" object (docs/formation.md), its ranges in
/// check_formation_rules() and the Python FormationRules. The target's and the travel limit's
/// checks name their rules (G3, C8) and are written beside them.
constexpr auto fields(std::type_identity<FormationRules>) {
  using F = FormationRules;
  return std::tuple{
      field("target_participants", &F::target_participants, "G3: the size aimed at.")
          .between(1, 1000)
          .checked_by_hand(),
      field("weights", &F::weights, "The objective's weights (ObjectiveWeights)."),
      // Any seed of a JSON document is exact in a double (2^53 - 1 at most); nothing else limits it.
      field("seed", &F::seed, "Tie-breaks; the same input and seed give the same groups.")
          .between(0, 9007199254740991.0)
          .checked_by_hand(),
      field("max_passes", &F::max_passes, "Local-search passes at most.").between(0, 1000),
      field("waiting_as_of", &F::waiting_as_of,
            "The date waiting is counted to; none: the newest waiting_since on the list."),
      field("exact", &F::exact, "The exact method's limits (ExactLimits)."),
  };
}

/// Checks the settings' ranges; throws InputError with a pointer under "/formation".
void check_formation_rules(const FormationRules& formation, const GroupRules& rules);

/// DOMAIN V1: every household's municipality is one of the region's (by number or name). Throws
/// InputError at "/households/<i>/municipality" with rule V1.
void check_waitlist_region(const Waitlist& waitlist, const Region& region);

/// A coordinator's constraints: households that must share a group, or must not.
struct Pins {
  std::vector<std::vector<std::string>> together;  ///< Each list: one group (or all left out).
  std::vector<std::vector<std::string>> apart;     ///< Each list: no two in one group.

  friend bool operator==(const Pins&, const Pins&) = default;
};

/// A group kept exactly as it is: its households leave the pool and it is reported unchanged.
struct LockedGroup {
  std::string id;
  std::string venue;  ///< A place id; empty: the best venue for its households is chosen.
  std::vector<std::string> households;

  friend bool operator==(const LockedGroup&, const LockedGroup&) = default;
};

/// Everything formation reads: the waitlist, the group rules, its own settings, pins and locks.
struct FormationRequest {
  Waitlist waitlist;
  GroupRules rules;
  FormationRules formation;
  Pins pins;
  std::vector<LockedGroup> locked;
  /// DOMAIN V1, G8: the region the waitlist belongs to. Every household's municipality is one of
  /// its municipalities (by number or name), and its `shared_waitlist` decides whether households
  /// of different municipalities form groups together (true: the few with a rare diagnosis meet
  /// across borders) or each municipality's households only among themselves (false). Without a
  /// region, the waitlist is one shared list.
  std::optional<Region> region;

  friend bool operator==(const FormationRequest&, const FormationRequest&) = default;
};

/// A group's soft-rule scores, the terms of its cost before weighting.
struct SoftScores {
  double travel_minutes = 0.0;      ///< C8: total over households.
  double max_travel_minutes = 0.0;  ///< C8: the longest.
  int participants_off_target = 0;  ///< G3.
  double attendance_shortfall = 0.0;  ///< G4: percentage points below min_present_probability.
  double p_at_least_min_present = 0.0;  ///< G4.
  int stage_span = 0;               ///< G6.
  int kindergarten = 0;             ///< G6: households with a child in kindergarten.
  int without_acquaintance = 0;     ///< G7.
  int rare_without_peer = 0;        ///< G8.
  int mixed_conditions = 0;         ///< G2: the smaller side.

  friend bool operator==(const SoftScores&, const SoftScores&) = default;
};

/// One formed (or locked) group.
struct FormedGroup {
  Group group;                 ///< The households, as validate() takes them.
  std::string venue;           ///< Place id.
  bool locked = false;
  std::vector<std::string> satisfied;          ///< Rule ids with no finding (G1-G9, C8).
  std::vector<GroupViolation> violations;      ///< validate()'s findings, and C8's.
  SoftScores scores;
  double cost = 0.0;           ///< The group's term of the objective.

  friend bool operator==(const FormedGroup&, const FormedGroup&) = default;
};

/// A household no group could take, and why, with the rule that kept it out.
struct UnassignedHousehold {
  std::string household;
  std::string rule;
  std::string reason;
  /// false: proven that no grouping keeping the hard rules places it (`blocking_rules` say
  /// which rules); true: a grouping places it, leaving out `would_displace` (households the
  /// result places); none: neither proven within the limits (ExactLimits::certify_nodes).
  std::optional<bool> placeable;
  std::vector<std::string> would_displace;
  std::vector<std::string> blocking_rules;
  /// Weeks on the waitlist by the reference date, when it carries `waiting_since`.
  std::optional<double> weeks_waited;

  friend bool operator==(const UnassignedHousehold&, const UnassignedHousehold&) = default;
};

std::ostream& operator<<(std::ostream& out, const UnassignedHousehold& unassigned);

/// How good a formation is. `optimal`: every component solved exactly, the objective is the
/// least any grouping reaches; `bounded`: `lower_bound` is proven, the optimum lies between it and
/// `objective`; `heuristic`: a component too large for the exact method, and `lower_bound` is the
/// simple bound of docs/formation.md. `lower_bound` is never above the true optimum.
enum class OptimalityStatus { optimal, bounded, heuristic };

/// "optimal", "bounded" or "heuristic".
std::string_view to_string(OptimalityStatus status) noexcept;

struct Optimality {
  OptimalityStatus status = OptimalityStatus::heuristic;
  double objective = 0.0;
  double lower_bound = 0.0;
  double gap = 0.0;  ///< (objective - lower_bound) / objective; 0 when the objective is 0.
  int components = 0;            ///< Components formed (locked groups aside).
  int optimal_components = 0;    ///< Of them, solved to optimality.
  int largest_exact = 0;         ///< Blocks in the largest component solved to optimality.

  friend bool operator==(const Optimality&, const Optimality&) = default;
};

struct FormationResult {
  std::vector<FormedGroup> groups;  ///< Locked groups first, then by id.
  std::vector<UnassignedHousehold> unassigned;
  double objective = 0.0;           ///< Sum of the groups' costs plus the unassigned penalty.
  /// The objective by term ("travel", "size", ..., "unassigned"), weighted.
  std::map<std::string, double> terms;
  std::uint64_t seed = 1;
  Optimality optimality;

  friend bool operator==(const FormationResult&, const FormationResult&) = default;
};

/// Forms groups (docs/formation.md). Hard rules partition the households into pools (G1, and G2
/// when hard); within a pool a seeded greedy construction grows groups around the least
/// reachable households at nearby venues, then local search moves and swaps households between
/// groups and re-chooses venues while the objective falls. Every group formed passes validate()
/// without errors and C8. Throws InputError for a malformed request and ImpossibleRequest for pins
/// or locks that contradict each other or a hard rule.
FormationResult form_groups(const FormationRequest& request);

/// Each formed group as a group document (DOMAIN C8; group.hpp): its households, the request's
/// rules, its venue, the places it uses (the venue and its households' pickup places, in the
/// waitlist's order), the known travel times between them and the waitlist's travel model. A
/// course is planned from it with course_for_group (schedule.hpp); `paarorende groups --plans`
/// writes it beside each plan.
std::vector<GroupDocument> group_documents(const FormationRequest& request, const FormationResult& result);

/// The objective's term for one proposed group at one venue: its soft scores and cost, or
/// `feasible` false with the hard rule it breaks (in `broken`: "G3", "C8", "pins", ...).
struct GroupEvaluation {
  bool feasible = false;
  std::string broken;   ///< The hard rule broken; empty when feasible.
  SoftScores scores;
  double cost = 0.0;
};

namespace detail {
class FormationProblem;
}

/// The function form_groups minimises, prepared once for a request (travel times, pools, pins)
/// and exposed for exact references and explanations. `households` are indices into
/// `request.waitlist.households`, `venue` an index into its places. A household pinned together
/// with one left out of `households`, or pinned apart from one in it, breaks "pins".
class GroupEvaluator {
 public:
  /// Throws as form_groups does for a malformed request. Keeps its own copy of the request.
  explicit GroupEvaluator(FormationRequest request);
  ~GroupEvaluator();
  GroupEvaluator(const GroupEvaluator&) = delete;
  GroupEvaluator& operator=(const GroupEvaluator&) = delete;

  GroupEvaluation operator()(const std::vector<std::size_t>& households, std::size_t venue) const;
  const FormationRequest& request() const noexcept { return *request_; }
  /// The prepared problem (private to the library: detail::FormationProblem is not installed).
  const detail::FormationProblem& problem() const noexcept { return *problem_; }

 private:
  std::unique_ptr<FormationRequest> request_;
  std::unique_ptr<detail::FormationProblem> problem_;
};

/// As GroupEvaluator(request)(households, venue), for one group.
GroupEvaluation evaluate_group(const FormationRequest& request, const std::vector<std::size_t>& households,
                               std::size_t venue);

/// The objective of a whole partition: groups as lists of household indices with a venue each;
/// every household in none counts as unassigned. Infeasible groups give std::nullopt.
std::optional<double> evaluate_partition(
    const FormationRequest& request,
    const std::vector<std::pair<std::vector<std::size_t>, std::size_t>>& groups);

}  // namespace paarorende
