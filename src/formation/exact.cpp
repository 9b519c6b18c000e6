// Formation's exact method (docs/formation.md, "The exact method"): the objective adds up group
// by group, so forming groups is set partitioning over candidate groups. Each component (blocks
// of one pool that could share a venue, directly or through others) is solved on its own:
//   - small enough to enumerate every feasible group: the integer programme over all of them,
//     solved by COIN-OR CBC, is exact;
//   - larger: column generation from the heuristic's groups, an LP bound that is valid because
//     the pricing is exact (or, where the pricing stops at its limit, a Lagrangian bound from a
//     proven lower bound on the reduced cost), then CBC over the columns generated;
//   - larger still: the heuristic's groups, with a simple bound per household.
// Every limit is a count (nodes, rounds, columns), never a time, so that the same input gives the
// same bytes on every machine.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <queue>
#include <set>
#include <unordered_map>

#include "formation_internal.hpp"

// COIN-OR's headers warn under -Wextra -Wpedantic; they are not ours to fix.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wdeprecated-copy"
#pragma GCC diagnostic ignored "-Wclass-memaccess"
#include <CbcModel.hpp>
#include <CoinPackedMatrix.hpp>
#include <CoinPackedVector.hpp>
#include <OsiClpSolverInterface.hpp>
#pragma GCC diagnostic pop

namespace paarorende::detail {
namespace {

constexpr double tolerance = 1e-6;

// The blocks of `members`, the households, as evaluate() takes them.
class Members {
 public:
  explicit Members(const FormationProblem& problem) : p_(problem) {}
  const std::vector<int>& of(const std::vector<int>& blocks) {
    households_.clear();
    for (int b : blocks) {
      for (int h : p_.blocks()[b]) households_.push_back(h);
    }
    return households_;
  }

 private:
  const FormationProblem& p_;
  std::vector<int> households_;
};

int caregivers_of(const FormationProblem& p, int block) {
  int total = 0;
  for (int h : p.blocks()[block]) total += p.info()[h].caregivers;
  return total;
}

// Minutes of a whole block to a venue (no_route when one of it cannot reach it).
double block_travel(const FormationProblem& p, int block, int venue) {
  double total = 0.0;
  for (int h : p.blocks()[block]) {
    const double minutes = p.travel(p.info()[h].place, venue);
    if (minutes == no_route) return no_route;
    total += minutes;
  }
  return total;
}

// Venues every household of the component's block reaches, for the blocks of one component.
std::vector<int> venues_of(const FormationProblem& p, const std::vector<int>& blocks) {
  std::vector<int> venues;
  for (int b : blocks) {
    for (const auto& entry : p.reachable(p.info()[p.blocks()[b][0]].place)) venues.push_back(entry.first);
  }
  std::sort(venues.begin(), venues.end());
  venues.erase(std::unique(venues.begin(), venues.end()), venues.end());
  return venues;
}

// The set-partitioning programme over `columns` for the component's blocks, each block covered
// by one column or left out at its penalty. Rows are the component's blocks in order.
struct Master {
  OsiClpSolverInterface solver;
  std::size_t blocks = 0;
};

void build_master(const FormationProblem& p, const std::vector<int>& blocks, const std::vector<Column>& columns,
                  std::unordered_map<int, int>& row_of, Master& master) {
  master.blocks = blocks.size();
  row_of.clear();
  for (std::size_t r = 0; r < blocks.size(); ++r) row_of[blocks[r]] = static_cast<int>(r);
  // Column-ordered, built in one go (appending column by column copies the matrix each time).
  std::vector<double> elements, cost, lower, upper;
  std::vector<int> indices;
  std::vector<CoinBigIndex> starts;
  std::vector<int> lengths;
  for (std::size_t r = 0; r < blocks.size(); ++r) {  // left out: one slack per block
    starts.push_back(static_cast<CoinBigIndex>(indices.size()));
    lengths.push_back(1);
    indices.push_back(static_cast<int>(r));
    elements.push_back(1.0);
    cost.push_back(p.penalty_of_block(blocks[r]));
  }
  for (const Column& c : columns) {
    starts.push_back(static_cast<CoinBigIndex>(indices.size()));
    lengths.push_back(static_cast<int>(c.blocks.size()));
    for (int b : c.blocks) {
      indices.push_back(row_of.at(b));
      elements.push_back(1.0);
    }
    cost.push_back(c.cost);
  }
  // No upper bound of 1: the rows imply it, and with it a column at its bound could have a
  // negative reduced cost at the LP optimum, and the duals would not bound every group.
  lower.assign(cost.size(), 0.0);
  upper.assign(cost.size(), COIN_DBL_MAX);
  const CoinPackedMatrix matrix(true, static_cast<int>(blocks.size()), static_cast<int>(cost.size()),
                                static_cast<CoinBigIndex>(indices.size()), elements.data(), indices.data(),
                                starts.data(), lengths.data());
  std::vector<double> row_bound(blocks.size(), 1.0);
  master.solver.loadProblem(matrix, lower.data(), upper.data(), cost.data(), row_bound.data(), row_bound.data());
  master.solver.setObjSense(1.0);
  master.solver.messageHandler()->setLogLevel(0);
  master.solver.setHintParam(OsiDoReducePrint, true, OsiHintTry);
}

void add_column(Master& master, const std::unordered_map<int, int>& row_of, const Column& c) {
  CoinPackedVector column;
  for (int b : c.blocks) column.insert(row_of.at(b), 1.0);
  master.solver.addCol(column, 0.0, COIN_DBL_MAX, c.cost);
}

// The integer programme over the master's columns, by CBC within a node limit. Returns the
// columns chosen (indices into `columns`), the objective, and CBC's proven lower bound.
struct IntegerSolution {
  bool found = false;
  bool proven = false;
  std::vector<std::size_t> chosen;
  double objective = 0.0;
  double bound = -std::numeric_limits<double>::infinity();
};

IntegerSolution solve_integer(Master& master, std::size_t columns, const ExactLimits& limits,
                              const std::vector<double>* start) {
  OsiClpSolverInterface solver(master.solver);
  const int total = solver.getNumCols();
  for (int c = 0; c < total; ++c) solver.setInteger(c);
  CbcModel model(solver);
  model.setLogLevel(0);
  model.solver()->messageHandler()->setLogLevel(0);
  model.setNumberThreads(0);
  model.setMaximumNodes(limits.branch_nodes);
  model.setAllowableGap(1e-7);
  model.setAllowableFractionGap(1e-9);
  if (start && static_cast<int>(start->size()) == total) model.setBestSolution(start->data(), total, [&] {
      double value = 0.0;
      const double* objective = solver.getObjCoefficients();
      for (int c = 0; c < total; ++c) value += objective[c] * (*start)[c];
      return value;
    }(), true);
  model.branchAndBound();
  IntegerSolution result;
  const double* solution = model.bestSolution();
  if (!solution) return result;
  result.found = true;
  result.proven = model.isProvenOptimal();
  result.objective = model.getObjValue();
  result.bound = model.getBestPossibleObjValue();
  const std::size_t slack = master.blocks;
  for (std::size_t c = 0; c < columns; ++c) {
    if (solution[slack + c] > 0.5) result.chosen.push_back(c);
  }
  return result;
}

// Depth-first search over the groups of a component at one venue (subsets of `candidates`, each
// a block reaching the venue), calling `found(blocks, evaluation)` for each feasible one. A
// subset that breaks a rule adding blocks cannot mend (C8, G1, G2, the maximum of G3, a hard
// stage span, pins apart) is not extended: its supersets break it too. `prune(blocks, next)`
// may cut a branch whose supersets cannot matter. Counts each evaluation as a node and stops at
// `limit`; returns false when it stopped.
class GroupSearch {
 public:
  GroupSearch(const FormationProblem& problem, std::size_t limit) : p_(problem), members_(problem), limit_(limit) {}

  template <class Found, class Prune>
  bool run(const std::vector<int>& candidates, int venue, const std::vector<int>& fixed, Found found, Prune prune) {
    candidates_ = &candidates;
    venue_ = venue;
    blocks_ = fixed;
    participants_ = 0;
    for (int b : fixed) participants_ += caregivers_of(p_, b);
    if (!fixed.empty()) {
      const Evaluation e = p_.evaluate(members_.of(blocks_), venue_);
      if (++nodes_ > limit_) return false;
      note(e);
      if (e.broken == Broken::final) return true;
      if (e.broken == Broken::none) found(blocks_, e);
    }
    return extend(0, found, prune);
  }

  std::size_t nodes() const { return nodes_; }
  /// The hard rules that stopped a branch (a subset breaking them that could not be extended).
  const std::vector<std::string>& blocking() const { return blocking_; }

 private:
  void note(const Evaluation& e) {
    if (e.broken == Broken::none || e.rule.empty()) return;
    if (std::find(blocking_.begin(), blocking_.end(), e.rule) == blocking_.end()) blocking_.push_back(e.rule);
  }

  template <class Found, class Prune>
  bool extend(std::size_t from, Found& found, Prune& prune) {
    const auto& candidates = *candidates_;
    for (std::size_t i = from; i < candidates.size(); ++i) {
      const int b = candidates[i];
      if (participants_ + caregivers_of(p_, b) > p_.rules().max_participants &&
          p_.rules().size == RuleWeight::hard) {
        note({Broken::final, "G3", {}, 0.0});
        continue;
      }
      if (prune(blocks_, i)) continue;
      blocks_.push_back(b);
      participants_ += caregivers_of(p_, b);
      const Evaluation e = p_.evaluate(members_.of(blocks_), venue_);
      bool go_on = true;
      if (++nodes_ > limit_) {
        go_on = false;
      } else if (e.broken != Broken::final) {
        if (e.broken == Broken::none) found(blocks_, e);
        else note(e);
        go_on = extend(i + 1, found, prune);
      } else {
        note(e);
      }
      participants_ -= caregivers_of(p_, b);
      blocks_.pop_back();
      if (!go_on) return false;
    }
    return true;
  }

  const FormationProblem& p_;
  Members members_;
  std::size_t limit_;
  std::size_t nodes_ = 0;
  const std::vector<int>* candidates_ = nullptr;
  int venue_ = -1;
  std::vector<int> blocks_;
  int participants_ = 0;
  std::vector<std::string> blocking_;
};

// The blocks of `component` that reach `venue`, in the component's order.
std::vector<int> reaching(const FormationProblem& p, const std::vector<int>& component, int venue) {
  std::vector<int> found;
  for (int b : component) {
    if (block_travel(p, b, venue) != no_route) found.push_back(b);
  }
  return found;
}

// Every feasible group of a component, each subset at its cheapest venue; false when the search
// reached its limit.
bool enumerate_groups(const FormationProblem& p, const std::vector<int>& component, const ExactLimits& limits,
                      std::vector<Column>& columns) {
  std::unordered_map<int, int> bit;
  for (std::size_t i = 0; i < component.size(); ++i) bit[component[i]] = static_cast<int>(i);
  std::unordered_map<std::uint64_t, std::size_t> index;  // subset -> column
  GroupSearch search(p, limits.enumeration_nodes);
  for (int venue : venues_of(p, component)) {
    const std::vector<int> candidates = reaching(p, component, venue);
    const bool complete = search.run(
        candidates, venue, {},
        [&](const std::vector<int>& blocks, const Evaluation& e) {
          std::uint64_t mask = 0;
          for (int b : blocks) mask |= std::uint64_t{1} << bit[b];
          auto [it, inserted] = index.emplace(mask, columns.size());
          if (inserted) {
            std::vector<int> sorted = blocks;
            std::sort(sorted.begin(), sorted.end());
            columns.push_back({std::move(sorted), venue, e.cost});
          } else if (e.cost < columns[it->second].cost - 1e-9) {
            columns[it->second].venue = venue;
            columns[it->second].cost = e.cost;
          }
        },
        [](const std::vector<int>&, std::size_t) { return false; });
    if (!complete) return false;
  }
  return true;
}

// Pricing: the feasible groups of reduced cost (cost less the duals of its blocks) below `cutoff`,
// the `wanted` most negative of them, at every venue, by a search that cuts a branch when a lower
// bound on any group extending it is no better than what is kept. The bound: the group's travel
// so far, its stage span, kindergarten and mixed terms (which only grow), less its duals, plus the
// most negative (travel - dual) of the blocks still to come, as many as seats remain. The other
// terms are never negative. `least` is a proven lower bound on the least reduced cost of any
// group (exact when the search was complete); `complete` is false when a search stopped at its
// limit or more than `wanted` groups fell below the cutoff.
struct Pricing {
  std::vector<std::pair<double, Column>> best;  // (reduced cost, column), most negative first
  double least = 0.0;
  bool complete = true;
};

Pricing price(const FormationProblem& p, const std::vector<int>& component, const std::unordered_map<int, double>& dual,
              double cutoff, std::size_t wanted, std::size_t nodes) {
  const ObjectiveWeights& w = p.formation().weights;
  const GroupRules& rules = p.rules();
  auto soft = [](RuleWeight weight) { return weight == RuleWeight::soft ? 1.0 : 0.0; };
  Pricing result;
  double found_least = 0.0;
  double unexplored_least = 0.0;  // the least bound of what a stopped search left unseen
  bool overflow = false;
  // The groups kept: a list, the index of each group (found at several venues: its best), and a
  // max-heap of (reduced cost, index) whose stale entries are skipped.
  std::vector<std::pair<double, Column>> found;
  std::vector<char> alive;
  std::map<std::vector<int>, std::size_t> kept;
  std::priority_queue<std::pair<double, std::size_t>> worst;
  std::size_t live = 0;
  auto clean = [&]() {
    while (!worst.empty() && (!alive[worst.top().second] || found[worst.top().second].first != worst.top().first)) {
      worst.pop();
    }
  };
  auto threshold = [&]() {
    if (live < wanted) return cutoff;
    clean();
    return std::min(cutoff, worst.top().first);
  };
  GroupSearch search(p, nodes);
  const int seats = rules.size == RuleWeight::hard ? rules.max_participants : std::numeric_limits<int>::max() / 4;
  for (int venue : venues_of(p, component)) {
    std::vector<int> candidates = reaching(p, component, venue);
    std::vector<double> value(candidates.size());
    std::vector<std::size_t> order(candidates.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      value[i] = w.travel * block_travel(p, candidates[i], venue) - dual.at(candidates[i]);
    }
    // Most promising first (travel less dual, ascending): then the most negative values still to
    // come after position i are the first ones after it.
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return value[x] < value[y]; });
    std::vector<int> sorted;
    std::vector<double> prefix(candidates.size() + 1, 0.0);
    for (std::size_t i = 0; i < order.size(); ++i) {
      sorted.push_back(candidates[order[i]]);
      prefix[i + 1] = prefix[i] + std::min(0.0, value[order[i]]);
    }
    auto bound_of = [&](const std::vector<int>& blocks, std::size_t next) {
      double base = 0.0;
      int participants = 0, low = 99, high = -1, kindergarten = 0, behavioural = 0, threatened = 0, general = 0;
      for (int b : blocks) {
        base += w.travel * block_travel(p, b, venue) - dual.at(b);
        participants += caregivers_of(p, b);
        for (int h : p.blocks()[b]) {
          const HouseholdInfo& x = p.info()[h];
          low = std::min(low, x.min_stage);
          high = std::max(high, x.max_stage);
          kindergarten += x.kindergarten ? 1 : 0;
          (x.behavioural ? behavioural : x.threatened ? threatened : general) += 1;
        }
      }
      if (!blocks.empty()) base += w.stage * soft(rules.stage_band) * (high - low);
      base += w.school_age * soft(rules.school_age) * kindergarten;
      int mixed = 0;
      if (rules.behavioural_own_group == RuleWeight::soft) mixed += std::min(behavioural, threatened + general);
      if (rules.life_threatening_own_group == RuleWeight::soft) mixed += std::min(threatened, general);
      base += w.mixed_conditions * mixed;
      const std::size_t room = static_cast<std::size_t>(std::max(0, seats - participants));
      const std::size_t from = std::min(next, sorted.size());
      const std::size_t end = std::min(sorted.size(), from + room);
      return base + (prefix[end] - prefix[from]);
    };
    const double root = bound_of({}, 0);
    if (root >= threshold()) continue;
    std::vector<int> with;
    const bool finished = search.run(
        sorted, venue, {},
        [&](const std::vector<int>& blocks, const Evaluation& e) {
          double reduced = e.cost;
          for (int b : blocks) reduced -= dual.at(b);
          found_least = std::min(found_least, reduced);
          if (reduced >= threshold()) return;
          std::vector<int> members = blocks;
          std::sort(members.begin(), members.end());
          auto it = kept.find(members);
          if (it != kept.end()) {
            if (reduced < found[it->second].first) {
              found[it->second] = {reduced, {members, venue, e.cost}};
              worst.push({reduced, it->second});
            }
            return;
          }
          kept.emplace(members, found.size());
          worst.push({reduced, found.size()});
          found.push_back({reduced, {std::move(members), venue, e.cost}});
          alive.push_back(1);
          ++live;
          while (live > wanted) {
            clean();
            const std::size_t drop = worst.top().second;
            worst.pop();
            alive[drop] = 0;
            kept.erase(found[drop].second.blocks);
            --live;
            overflow = true;
          }
        },
        [&](const std::vector<int>& blocks, std::size_t next) {
          with.assign(blocks.begin(), blocks.end());
          with.push_back(sorted[next]);
          return bound_of(with, next + 1) >= threshold();  // no group extending it can be kept
        });
    if (!finished) {
      result.complete = false;
      unexplored_least = std::min(unexplored_least, root);
    }
  }
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (alive[i]) result.best.push_back(std::move(found[i]));
  }
  std::stable_sort(result.best.begin(), result.best.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  if (overflow && cutoff > -tolerance) result.complete = false;  // collecting all below a cutoff: too many
  result.least = result.complete ? std::min(found_least, std::min(0.0, cutoff))
                                 : std::min({found_least, unexplored_least, std::min(0.0, cutoff)});
  return result;
}

// The same over a complete list of a component's groups: exact by scanning.
Pricing scan(const std::vector<Column>& pool, const std::unordered_map<int, double>& dual, double cutoff,
             std::size_t wanted) {
  Pricing result;
  double least = 0.0;
  std::vector<std::pair<double, std::size_t>> below;
  for (std::size_t c = 0; c < pool.size(); ++c) {
    double reduced = pool[c].cost;
    for (int b : pool[c].blocks) reduced -= dual.at(b);
    least = std::min(least, reduced);
    if (reduced < cutoff) below.push_back({reduced, c});
  }
  std::stable_sort(below.begin(), below.end());
  if (below.size() > wanted) {
    if (cutoff > -tolerance) result.complete = false;
    below.resize(wanted);
  }
  for (const auto& [reduced, c] : below) result.best.push_back({reduced, pool[c]});
  result.least = least;
  return result;
}

}  // namespace

double simple_lower_bound(const FormationProblem& p, const std::vector<int>& component) {
  // Each household's own travel to its nearest venue, its kindergarten term, and the G7 and G8
  // terms it pays in every group (no schoolmate, no peer in the whole component), or its penalty.
  const ObjectiveWeights& w = p.formation().weights;
  const GroupRules& rules = p.rules();
  std::unordered_map<int, int> at_place;
  std::unordered_map<int, int> code_count;
  for (int b : component) {
    for (int h : p.blocks()[b]) {
      ++at_place[p.info()[h].place];
      for (int code : p.info()[h].rare) ++code_count[code];
    }
  }
  double total = 0.0;
  for (int b : component) {
    double inside = 0.0;
    double nearest = no_route;
    for (const auto& entry : p.reachable(p.info()[p.blocks()[b][0]].place)) {
      nearest = std::min(nearest, block_travel(p, b, entry.first));
    }
    if (nearest == no_route) {
      total += p.penalty_of_block(b);
      continue;
    }
    inside += w.travel * nearest;
    for (int h : p.blocks()[b]) {
      const HouseholdInfo& x = p.info()[h];
      if (x.kindergarten && rules.school_age == RuleWeight::soft) inside += w.school_age;
      if (at_place[x.place] == 1 && rules.acquaintance == RuleWeight::soft) inside += w.acquaintance;
      bool lonely = false;
      for (int code : x.rare) lonely = lonely || code_count[code] == 1;
      if (lonely && rules.rare_peers == RuleWeight::soft) inside += w.rare_peers;
    }
    total += std::min(inside, p.penalty_of_block(b));
  }
  return total;
}

std::vector<std::vector<int>> components_of(const FormationProblem& p, const std::vector<char>& active) {
  std::vector<int> parent(active.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&parent](int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  const auto& places = p.request().waitlist.places;
  for (std::size_t v = 0; v < places.size(); ++v) {
    std::unordered_map<int, int> first_of_pool;
    for (const auto& [place, minutes] : p.reached_by(static_cast<int>(v))) {
      for (int h : p.at_place(place)) {
        const int b = p.info()[h].block;
        if (!active[b] || block_travel(p, b, static_cast<int>(v)) == no_route) continue;
        auto [it, inserted] = first_of_pool.emplace(p.info()[h].pool, b);
        if (!inserted) parent[find(b)] = find(it->second);
      }
    }
  }
  std::map<int, std::vector<int>> by_root;
  for (std::size_t b = 0; b < active.size(); ++b) {
    if (active[b]) by_root[find(static_cast<int>(b))].push_back(static_cast<int>(b));
  }
  std::vector<std::vector<int>> components;
  for (auto& [root, blocks] : by_root) components.push_back(std::move(blocks));
  std::sort(components.begin(), components.end(),
            [](const auto& a, const auto& b) { return a.front() < b.front(); });
  return components;
}

ComponentSolution solve_component(const FormationProblem& p, const std::vector<int>& component,
                                  const std::vector<Column>& heuristic, const ExactLimits& limits) {
  ComponentSolution solution;
  solution.groups = heuristic;
  {
    std::unordered_map<int, char> in_group;
    for (const Column& c : heuristic) {
      solution.objective += c.cost;
      for (int b : c.blocks) in_group[b] = 1;
    }
    for (int b : component) {
      if (!in_group.count(b)) solution.objective += p.penalty_of_block(b);
    }
  }
  solution.lower_bound = simple_lower_bound(p, component);
  solution.status = OptimalityStatus::heuristic;
  if (component.size() > static_cast<std::size_t>(limits.generation_blocks)) return solution;

  // Every feasible group, when the component is small enough: pricing is then a scan.
  std::vector<Column> pool;
  bool all_groups = false;
  if (component.size() <= static_cast<std::size_t>(limits.enumeration_blocks)) {
    all_groups = enumerate_groups(p, component, limits, pool);
    if (!all_groups) pool.clear();
  }
  // A scan is cheap: an enumerated component takes more columns a round, and rounds until done.
  const std::size_t wanted = static_cast<std::size_t>(limits.columns_per_round) * (all_groups ? 4 : 1);
  const int rounds = all_groups ? std::max(limits.generation_rounds, 1000) : limits.generation_rounds;
  auto price_all = [&](const std::unordered_map<int, double>& dual, double cutoff, std::size_t most) {
    return all_groups ? scan(pool, dual, cutoff, most)
                      : price(p, component, dual, cutoff, most, static_cast<std::size_t>(limits.pricing_nodes));
  };
  // Column generation from the heuristic's groups.
  std::vector<Column> columns = heuristic;
  std::unordered_map<int, int> row_of;
  Master master;
  build_master(p, component, columns, row_of, master);
  std::map<std::vector<int>, std::size_t> seen;  // blocks -> column
  for (std::size_t c = 0; c < columns.size(); ++c) seen.emplace(columns[c].blocks, c);
  // A column for `column`'s blocks: new, or cheaper at another venue than the one held.
  auto offer = [&](const Column& column) {
    auto [it, inserted] = seen.emplace(column.blocks, columns.size());
    if (inserted) {
      add_column(master, row_of, column);
      columns.push_back(column);
      return true;
    }
    Column& held = columns[it->second];
    if (column.cost < held.cost - 1e-9) {
      held = column;
      master.solver.setObjCoeff(static_cast<int>(component.size() + it->second), column.cost);
      return true;
    }
    return false;
  };
  int total_participants = 0;
  for (int b : component) total_participants += caregivers_of(p, b);
  const double most_groups =
      p.rules().size == RuleWeight::hard
          ? std::floor(static_cast<double>(total_participants) / std::max(1, p.rules().min_participants))
          : static_cast<double>(component.size());
  double bound = solution.lower_bound;
  bool converged = false;  // the last duals price every group out: the LP optimum over all groups
  std::unordered_map<int, double> dual;
  double lp_value = 0.0;
  for (int round = 0; round <= rounds; ++round) {
    if (round == 0) master.solver.initialSolve();
    else master.solver.resolve();
    if (!master.solver.isProvenOptimal()) break;
    lp_value = master.solver.getObjValue();
    const double* row_price = master.solver.getRowPrice();
    for (std::size_t r = 0; r < component.size(); ++r) dual[component[r]] = row_price[r];
    if (round == rounds) break;
    const Pricing pricing = price_all(dual, -tolerance, wanted);
    // Lagrangian bound: any solution costs at least the LP value plus groups times the least
    // reduced cost (a proven lower bound on it when the pricing stopped at its limit).
    bound = std::max(bound, lp_value + most_groups * std::min(0.0, pricing.least));
    if (pricing.complete && pricing.best.empty()) {
      bound = std::max(bound, lp_value);
      converged = true;
      break;
    }
    std::size_t added = 0;
    for (const auto& [reduced, column] : pricing.best) added += offer(column) ? 1 : 0;
    if (added == 0) break;
  }
  auto start_of = [&](const std::vector<Column>& cols) {
    // CBC's first solution: the heuristic's groups, whose columns come first.
    std::vector<double> start(component.size() + cols.size(), 0.0);
    std::unordered_map<int, char> in_group;
    for (std::size_t c = 0; c < heuristic.size(); ++c) {
      start[component.size() + c] = 1.0;
      for (int b : heuristic[c].blocks) in_group[b] = 1;
    }
    for (std::size_t r = 0; r < component.size(); ++r) {
      if (!in_group.count(component[r])) start[r] = 1.0;
    }
    return start;
  };
  auto adopt = [&](const IntegerSolution& integer, const std::vector<Column>& cols) {
    if (integer.found && integer.objective < solution.objective - 1e-9) {
      solution.groups.clear();
      for (std::size_t c : integer.chosen) solution.groups.push_back(cols[c]);
      solution.objective = integer.objective;
    }
  };
  {
    const std::vector<double> start = start_of(columns);
    adopt(solve_integer(master, columns.size(), limits, &start), columns);
  }
  // Closing the gap: with duals that price every group out, a group of reduced cost above
  // (best found - LP bound) is in no better grouping; the integer programme over all groups below
  // that, when they can all be listed, is exact.
  bool proven = false;
  if (converged && solution.objective - bound > tolerance * std::max(1.0, solution.objective)) {
    const double cutoff = solution.objective - bound + 1e-7;
    const Pricing closing = price_all(dual, cutoff, static_cast<std::size_t>(limits.closing_columns));
    if (closing.complete) {
      for (const auto& [reduced, column] : closing.best) offer(column);
      const std::vector<double> start = start_of(columns);
      const IntegerSolution integer = solve_integer(master, columns.size(), limits, &start);
      adopt(integer, columns);
      if (integer.found && integer.proven) {
        proven = true;
        bound = std::max(bound, std::min(solution.objective, integer.objective));
      }
    }
  } else if (converged) {
    proven = true;
  }
  solution.lower_bound = std::min(bound, solution.objective);
  const bool closed = proven || solution.objective - solution.lower_bound <=
                                    tolerance * std::max(1.0, std::abs(solution.objective));
  solution.status = closed ? OptimalityStatus::optimal : OptimalityStatus::bounded;
  if (closed) solution.lower_bound = solution.objective;
  return solution;
}

Placement certify_placement(const FormationProblem& p, const std::vector<int>& component,
                            const std::vector<Column>& groups, int block, const ExactLimits& limits) {
  Placement result;
  std::unordered_map<int, int> group_of;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (int b : groups[g].blocks) group_of[b] = static_cast<int>(g);
  }
  int min_participants = p.rules().size == RuleWeight::hard ? p.rules().min_participants : 0;
  std::size_t best_displaced = std::numeric_limits<std::size_t>::max();
  double best_cost = 0.0;
  bool complete = true;
  GroupSearch search(p, limits.certify_nodes);
  for (const auto& entry : p.reachable(p.info()[p.blocks()[block][0]].place)) {
    const int venue = entry.first;
    if (block_travel(p, block, venue) == no_route) continue;
    std::vector<int> candidates;
    for (int b : reaching(p, component, venue)) {
      if (b != block) candidates.push_back(b);
    }
    // Households left out first (placing with them displaces no one), then the nearest.
    std::stable_sort(candidates.begin(), candidates.end(), [&](int a, int b) {
      const bool fa = group_of.count(a) > 0, fb = group_of.count(b) > 0;
      if (fa != fb) return !fa;
      return block_travel(p, a, venue) < block_travel(p, b, venue);
    });
    std::vector<int> seats_after(candidates.size() + 1, 0);
    for (std::size_t i = candidates.size(); i-- > 0;) seats_after[i] = seats_after[i + 1] + caregivers_of(p, candidates[i]);
    const bool finished = search.run(
        candidates, venue, {block},
        [&](const std::vector<int>& blocks, const Evaluation& e) {
          // The grouping: the current one, less the groups this one takes from, plus this one.
          std::vector<int> broken;
          for (int b : blocks) {
            auto it = group_of.find(b);
            if (it != group_of.end() && std::find(broken.begin(), broken.end(), it->second) == broken.end()) {
              broken.push_back(it->second);
            }
          }
          std::vector<int> displaced;
          for (int g : broken) {
            for (int b : groups[g].blocks) {
              if (std::find(blocks.begin(), blocks.end(), b) == blocks.end()) displaced.push_back(b);
            }
          }
          std::size_t households = 0;
          for (int b : displaced) households += p.blocks()[b].size();
          if (!result.placeable || households < best_displaced ||
              (households == best_displaced && e.cost < best_cost - 1e-9)) {
            result.placeable = true;
            best_displaced = households;
            best_cost = e.cost;
            std::sort(displaced.begin(), displaced.end());
            result.displaced = displaced;
          }
        },
        [&](const std::vector<int>& blocks, std::size_t next) {
          // Too few seats left to reach the minimum (G3): nothing after this can mend it.
          int participants = 0;
          for (int b : blocks) participants += caregivers_of(p, b);
          if (participants + seats_after[next] < min_participants) return true;
          return result.placeable && best_displaced == 0;  // nothing can beat displacing no one
        });
    if (!finished) complete = false;
    if (result.placeable && best_displaced == 0) break;
  }
  result.proven = result.placeable || complete;
  result.blocking = search.blocking();
  std::sort(result.blocking.begin(), result.blocking.end());
  return result;
}

}  // namespace paarorende::detail
