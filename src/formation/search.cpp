// The search for groups (DOMAIN G1-G8, C8): a seeded greedy construction, then local search
// (insertions, moves, swaps, new groups, dissolving) on the objective of objective.cpp.
// form_groups runs it and hands what it found to explanation.cpp.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "formation_internal.hpp"
#include "detail/text.hpp"
#include "detail/input_error.hpp"
#include "paarorende/error.hpp"

namespace paarorende {
namespace {

using Problem = detail::FormationProblem;
using detail::Broken;
using detail::Draft;
using detail::Evaluation;
using detail::HouseholdInfo;
using detail::mix;
using detail::no_route;
using detail::stable_hash;

class Former {
 public:
  Former(const Problem& problem, const std::vector<bool>& taken, std::uint64_t seed, bool first_start)
      : p_(problem), rules_(problem.rules()), formation_(problem.formation()), seed_(seed),
        first_start_(first_start) {
    const auto& blocks = p_.blocks();
    group_of_.assign(blocks.size(), -1);
    active_.assign(blocks.size(), false);
    seen_.assign(blocks.size(), 0);
    block_caregivers_.assign(blocks.size(), 0);
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      bool free = true;
      for (int h : blocks[b]) {
        block_caregivers_[b] += p_.info()[h].caregivers;
        if (taken[h]) free = false;
      }
      active_[b] = free && !p_.reachable(p_.info()[blocks[b][0]].place).empty() && !excluded(b);
    }
    groups_at_.assign(p_.request().waitlist.places.size(), {});
    // Small instances get the whole neighbourhood; large ones the nearest groups only.
    std::size_t active = 0;
    for (bool a : active_) active += a ? 1 : 0;
    small_ = active <= small_instance;
  }

  /// Up to this many households, every group is a neighbour and several seeded starts are tried.
  static constexpr std::size_t small_instance = 400;
  bool small() const { return small_; }

  /// The objective of the current drafts.
  double objective() const {
    double total = 0.0;
    for (const Draft& draft : drafts_) {
      if (draft.alive) total += draft.cost;
    }
    for (std::size_t b = 0; b < active_.size(); ++b) {
      if (group_of_[b] < 0) total += penalty(static_cast<int>(b));
    }
    return total;
  }

  void run() {
    // Construction: first within each stage (the youngest child's), then across stages for what
    // is left, each pool on its own (DOMAIN G6, G1/G2).
    std::map<std::pair<int, int>, std::vector<int>> by_pool_stage;
    std::map<int, std::vector<int>> by_pool;
    for (std::size_t b = 0; b < active_.size(); ++b) {
      if (!active_[b]) continue;
      const HouseholdInfo& x = p_.info()[p_.blocks()[b][0]];
      by_pool_stage[{x.pool, x.min_stage}].push_back(static_cast<int>(b));
      by_pool[x.pool].push_back(static_cast<int>(b));
    }
    for (auto& entry : by_pool_stage) construct(entry.second);
    for (auto& entry : by_pool) construct(entry.second);
    for (int pass = 0; pass < formation_.max_passes; ++pass) {
      const std::uint64_t start = clock_;
      choose_venues(start);
      insert_unassigned();
      move_blocks();
      swap_blocks();
      dissolve_groups(start);
      for (auto& entry : by_pool) construct(entry.second);
      if (small_) steal_construct();
      for (std::size_t b = 0; b < seen_.size(); ++b) seen_[b] = std::max(seen_[b], start);
      if (clock_ == start) break;  // nothing changed in a whole pass: a local optimum
    }
    choose_venues(0);
  }

  const std::vector<Draft>& drafts() const { return drafts_; }
  int group_of(int block) const { return group_of_[block]; }
  const std::vector<int>& group_of_blocks() const { return group_of_; }
  /// The blocks the search places or leaves out (not locked, not excluded, a venue in reach).
  const std::vector<bool>& active() const { return active_; }

  std::vector<int> members(const Draft& draft) const { return detail::members_of(p_, draft); }

 private:
  bool excluded(std::size_t block) const {
    // Households no group can ever take: a child in kindergarten when school_age is hard (G6).
    if (rules_.school_age != RuleWeight::hard) return false;
    for (int h : p_.blocks()[block]) {
      if (p_.info()[h].kindergarten) return true;
    }
    return false;
  }

  // The evaluation of `blocks` at `venue`, optionally with one block swapped for another or added.
  Evaluation evaluate(const std::vector<int>& blocks, int venue, int without = -1, int with = -1) const {
    buffer_.clear();
    for (int b : blocks) {
      if (b == without) continue;
      for (int h : p_.blocks()[b]) buffer_.push_back(h);
    }
    if (with >= 0) {
      for (int h : p_.blocks()[with]) buffer_.push_back(h);
    }
    return p_.evaluate(buffer_, venue);
  }

  double penalty(int block) const { return p_.penalty_of_block(block); }

  // As evaluate(), at the cheapest venue for the changed group: its own venue first, then those
  // its first household reaches (all, or the nearest few in a large instance). Moves, swaps and
  // insertions are priced so: priced at the current venue alone, a move that pays only once the
  // group changes venue was never seen (issue 16).
  struct Priced {
    Evaluation evaluation;
    int venue = -1;
  };
  Priced evaluate_anywhere(const std::vector<int>& blocks, int venue, int without = -1, int with = -1) const {
    Priced best{evaluate(blocks, venue, without, with), venue};
    int first = with;
    for (int b : blocks) {
      if (b != without) {
        first = b;
        break;
      }
    }
    if (first < 0) return best;
    const auto& venues = p_.reachable(place_of(first));
    const std::size_t limit = small_ ? venues.size() : std::min<std::size_t>(venues.size(), 4);
    for (std::size_t i = 0; i < limit; ++i) {
      const int v = venues[i].first;
      if (v == venue) continue;
      Evaluation e = evaluate(blocks, v, without, with);
      if (e.broken != Broken::none) continue;
      if (best.evaluation.broken != Broken::none || e.cost < best.evaluation.cost - 1e-9) {
        best = {std::move(e), v};
      }
    }
    return best;
  }

  std::uint64_t tie(int block) const {
    return stable_hash(p_.request().waitlist.households[p_.blocks()[block][0]].id, seed_);
  }

  int place_of(int block) const { return p_.info()[p_.blocks()[block][0]].place; }
  int pool_of(int block) const { return p_.info()[p_.blocks()[block][0]].pool; }

  void touch(int group) { drafts_[group].changed = ++clock_; }
  void attach(int group, int block) {
    drafts_[group].blocks.push_back(block);
    group_of_[block] = group;
    touch(group);
  }
  void detach(int group, int block) {
    auto& blocks = drafts_[group].blocks;
    blocks.erase(std::find(blocks.begin(), blocks.end(), block));
    group_of_[block] = -1;
    touch(group);
  }
  void set_venue(int group, int venue) {
    Draft& draft = drafts_[group];
    if (draft.venue >= 0) {
      auto& list = groups_at_[draft.venue];
      list.erase(std::find(list.begin(), list.end(), group));
    }
    draft.venue = venue;
    if (venue >= 0) groups_at_[venue].push_back(group);
    touch(group);
  }
  void kill(int group) {
    for (int b : drafts_[group].blocks) group_of_[b] = -1;
    drafts_[group].blocks.clear();
    set_venue(group, -1);
    drafts_[group].alive = false;
  }

  // Groups of the block's pool whose venues the block reaches, nearest venue first.
  std::vector<int> nearby_groups(int block, std::size_t limit) const {
    std::vector<int> found;
    if (small_) limit = std::numeric_limits<std::size_t>::max();
    for (const auto& entry : p_.reachable(place_of(block))) {
      for (int g : groups_at_[entry.first]) {
        if (g != group_of_[block] && drafts_[g].pool == pool_of(block)) found.push_back(g);
        if (found.size() >= limit) return found;
      }
    }
    return found;
  }

  // Whether anything the block could do changed since it was last looked at (don't-look bits).
  bool worth_a_look(int block, const std::vector<int>& nearby) const {
    if (group_of_[block] >= 0 && drafts_[group_of_[block]].changed > seen_[block]) return true;
    for (int g : nearby) {
      if (drafts_[g].changed > seen_[block]) return true;
    }
    return false;
  }

  // Greedy construction over the unassigned blocks of `scope`: the least reachable block first
  // grows a group at one of its nearest venues with the nearest, most alike blocks.
  void construct(const std::vector<int>& scope) {
    std::vector<int> open;
    for (int b : scope) {
      if (group_of_[b] < 0) open.push_back(b);
    }
    if (open.empty()) return;
    // How many open households each venue reaches: few means hard to place, so place it first.
    std::unordered_map<int, int> reach_count;
    for (int b : open) {
      for (const auto& entry : p_.reachable(place_of(b))) {
        reach_count[entry.first] += static_cast<int>(p_.blocks()[b].size());
      }
    }
    std::vector<std::pair<std::pair<int, std::uint64_t>, int>> order;
    for (int b : open) {
      int best = 0;
      const auto& venues = p_.reachable(place_of(b));
      for (std::size_t i = 0; i < venues.size() && i < 8; ++i) best = std::max(best, reach_count[venues[i].first]);
      // The first start places the least reachable first; the others, for variety, in seeded order.
      order.push_back({{first_start_ ? best : 0, tie(b)}, b});
    }
    std::sort(order.begin(), order.end());
    std::vector<char> open_now(group_of_.size(), 0);
    for (int b : open) open_now[b] = 1;
    for (const auto& entry : order) {
      const int seed = entry.second;
      if (group_of_[seed] >= 0) continue;
      Candidate best;
      const auto& venues = p_.reachable(place_of(seed));
      for (std::size_t i = 0; i < venues.size() && (small_ || i < 3); ++i) {
        Candidate candidate = grow(seed, venues[i].first, open_now);
        if (candidate.feasible && (!best.feasible || candidate.gain > best.gain)) best = std::move(candidate);
      }
      if (!best.feasible || best.gain <= 0.0) continue;
      const int g = static_cast<int>(drafts_.size());
      drafts_.push_back({{}, -1, pool_of(seed), best.cost, true, 0});
      for (int b : best.blocks) {
        attach(g, b);
        open_now[b] = 0;
      }
      set_venue(g, best.venue);
    }
  }

  struct Candidate {
    bool feasible = false;
    std::vector<int> blocks;
    int venue = -1;
    double cost = 0.0;
    double gain = 0.0;  // the objective's fall: the penalties saved less the group's cost
  };

  Candidate grow(int seed, int venue, const std::vector<char>& open) const {
    const HouseholdInfo& s = p_.info()[p_.blocks()[seed][0]];
    const ObjectiveWeights& w = formation_.weights;
    // Candidates: open blocks of the seed's pool at places the venue reaches, nearest first.
    std::vector<std::pair<double, int>> ranked;
    const std::size_t wanted = small_ ? std::numeric_limits<std::size_t>::max() : 48;
    for (const auto& [place, minutes] : p_.reached_by(venue)) {
      for (int h : p_.at_place(place)) {
        const int b = p_.info()[h].block;
        if (b == seed || !open[b] || group_of_[b] >= 0 || p_.blocks()[b][0] != h) continue;
        const HouseholdInfo& x = p_.info()[h];
        if (x.pool != s.pool) continue;
        // Affinity: travel, stage distance, a shared rare code, the same school.
        double score = w.travel * minutes;
        const int span = std::max(x.max_stage, s.max_stage) - std::min(x.min_stage, s.min_stage);
        score += w.stage * span;
        for (int code : x.rare) {
          if (std::find(s.rare.begin(), s.rare.end(), code) != s.rare.end()) score -= w.rare_peers;
        }
        if (x.place == s.place) score -= w.acquaintance;
        ranked.push_back({score, b});
      }
      if (ranked.size() >= wanted) break;
    }
    std::stable_sort(ranked.begin(), ranked.end());
    Candidate result;
    result.venue = venue;
    result.blocks = {seed};
    int participants = block_caregivers_[seed];
    Evaluation current = evaluate(result.blocks, venue);
    if (current.broken == Broken::final) return result;
    for (const auto& [score, b] : ranked) {
      if (participants >= formation_.target_participants && current.broken == Broken::none) break;
      if (participants + block_caregivers_[b] > rules_.max_participants) continue;
      Evaluation next = evaluate(result.blocks, venue, -1, b);
      if (next.broken == Broken::final) continue;
      result.blocks.push_back(b);
      participants += block_caregivers_[b];
      current = std::move(next);
    }
    if (current.broken != Broken::none) return result;
    result.feasible = true;
    result.cost = current.cost;
    double saved = 0.0;
    for (int b : result.blocks) saved += penalty(b);
    result.gain = saved - current.cost;
    return result;
  }

  // DOMAIN C8: each group meets at the venue that costs least for its households.
  void choose_venues(std::uint64_t since) {
    for (std::size_t g = 0; g < drafts_.size(); ++g) {
      Draft& draft = drafts_[g];
      if (!draft.alive || (since > 0 && draft.changed <= since && draft.venue_checked)) continue;
      draft.venue_checked = true;
      const auto all = members(draft);
      int best_venue = draft.venue;
      double best_cost = draft.cost;
      for (const auto& entry : p_.reachable(p_.info()[all[0]].place)) {
        if (entry.first == draft.venue) continue;
        const Evaluation e = p_.evaluate(all, entry.first);
        if (e.broken == Broken::none && e.cost < best_cost - 1e-9) {
          best_cost = e.cost;
          best_venue = entry.first;
        }
      }
      if (best_venue != draft.venue) {
        set_venue(static_cast<int>(g), best_venue);
        draft.cost = best_cost;
      }
    }
  }

  // The best nearby group to take `block`: the one whose change of the objective, as `delta_of`
  // gives it from that group's cost with the block, falls most (and by more than rounding).
  struct Insertion {
    int group = -1;
    double delta = -1e-9;
    double cost = 0.0;  // the group's cost with the block
    int venue = -1;     // its venue with the block, re-chosen
  };
  template <class DeltaOf>
  Insertion best_insertion(int block, const std::vector<int>& nearby, DeltaOf delta_of) const {
    Insertion best;
    for (int g : nearby) {
      const Priced priced = evaluate_anywhere(drafts_[g].blocks, drafts_[g].venue, -1, block);
      if (priced.evaluation.broken != Broken::none) continue;
      const double delta = delta_of(priced.evaluation.cost, g);
      if (delta < best.delta) best = {g, delta, priced.evaluation.cost, priced.venue};
    }
    return best;
  }

  // A group's new blocks' cost at its (re-chosen) venue.
  void settle(int group, double cost, int venue) {
    if (venue != drafts_[group].venue) set_venue(group, venue);
    drafts_[group].cost = cost;
  }

  // Calls visit(block, nearby) for each block left out (the active ones) or, when `placed`,
  // each block in a group, whose nearest groups (at most `limit`) are worth a look.
  template <class Visit>
  void visit_worth_a_look(bool placed, std::size_t limit, Visit visit) {
    for (std::size_t b = 0; b < active_.size(); ++b) {
      const bool in_group = group_of_[b] >= 0;
      if (placed ? !in_group : (!active_[b] || in_group)) continue;
      const int block = static_cast<int>(b);
      const auto nearby = nearby_groups(block, limit);
      if (worth_a_look(block, nearby)) visit(block, nearby);
    }
  }

  void insert_unassigned() {
    visit_worth_a_look(false, 12, [&](int block, const std::vector<int>& nearby) {
      const Insertion best = best_insertion(block, nearby, [&](double cost, int g) {
        return cost - drafts_[g].cost - penalty(block);  // the group's rise less the penalty saved
      });
      if (best.group >= 0) {
        attach(best.group, block);
        settle(best.group, best.cost, best.venue);
      }
    });
  }

  void move_blocks() {
    visit_worth_a_look(true, 8, [&](int block, const std::vector<int>& nearby) {
      const int from = group_of_[block];
      const Priced left = evaluate_anywhere(drafts_[from].blocks, drafts_[from].venue, block);
      if (left.evaluation.broken != Broken::none) return;
      const Evaluation& without = left.evaluation;
      const Insertion best = best_insertion(block, nearby, [&](double cost, int g) {
        return without.cost + cost - drafts_[from].cost - drafts_[g].cost;  // both groups' change
      });
      // Leaving the block out can be better too (a group that is better without it).
      const double out = without.cost + penalty(block) - drafts_[from].cost;
      if (out < best.delta) {
        detach(from, block);
        settle(from, without.cost, left.venue);
        return;
      }
      if (best.group >= 0) {
        detach(from, block);
        settle(from, without.cost, left.venue);
        attach(best.group, block);
        settle(best.group, best.cost, best.venue);
      }
    });
  }

  void swap_blocks() {
    // Large instances swap with the nearest group only, blocks of the same size (a swap that
    // changes sizes is mostly two moves, which move_blocks tries).
    visit_worth_a_look(true, 2, [&](int block, const std::vector<int>& nearby) {
      const int from = group_of_[block];
      for (int g : nearby) {
        bool swapped = false;
        const auto others = drafts_[g].blocks;
        for (int other : others) {
          if (!small_ && block_caregivers_[other] != block_caregivers_[block]) continue;
          if (!small_ && p_.travel(place_of(other), drafts_[from].venue) == no_route) continue;
          const Priced a = evaluate_anywhere(drafts_[from].blocks, drafts_[from].venue, block, other);
          if (a.evaluation.broken != Broken::none) continue;
          const Priced c = evaluate_anywhere(drafts_[g].blocks, drafts_[g].venue, other, block);
          if (c.evaluation.broken != Broken::none) continue;
          if (a.evaluation.cost + c.evaluation.cost < drafts_[from].cost + drafts_[g].cost - 1e-9) {
            detach(from, block);
            detach(g, other);
            attach(from, other);
            attach(g, block);
            settle(from, a.evaluation.cost, a.venue);
            settle(g, c.evaluation.cost, c.venue);
            swapped = true;
            break;
          }
        }
        if (swapped) break;
      }
    });
  }

  // Small instances: a household left out seeds a new group that may take households from groups
  // that can spare them (each donor keeps every hard rule), when the objective falls.
  void steal_construct() {
    for (std::size_t u = 0; u < active_.size(); ++u) {
      if (!active_[u] || group_of_[u] >= 0) continue;
      const int seed = static_cast<int>(u);
      const HouseholdInfo& s = p_.info()[p_.blocks()[seed][0]];
      const ObjectiveWeights& w = formation_.weights;
      struct Plan {
        double delta = 0.0;
        std::vector<int> blocks;
        int venue = -1;
        double cost = 0.0;
        std::map<int, std::pair<std::vector<int>, double>> donors;  // group: (blocks left, cost)
      };
      Plan best;
      for (const auto& [venue, seed_minutes] : p_.reachable(s.place)) {
        std::vector<std::pair<double, int>> ranked;
        for (const auto& [place, minutes] : p_.reached_by(venue)) {
          for (int h : p_.at_place(place)) {
            const int b = p_.info()[h].block;
            if (b == seed || !active_[b] || p_.blocks()[b][0] != h || pool_of(b) != s.pool) continue;
            const HouseholdInfo& x = p_.info()[h];
            double score = w.travel * minutes +
                           w.stage * (std::max(x.max_stage, s.max_stage) - std::min(x.min_stage, s.min_stage));
            if (group_of_[b] >= 0) score += penalty(b) / 4;  // prefer households left out
            ranked.push_back({score, b});
          }
        }
        std::stable_sort(ranked.begin(), ranked.end());
        Plan plan;
        plan.venue = venue;
        plan.blocks = {seed};
        int participants = block_caregivers_[seed];
        Evaluation current = evaluate(plan.blocks, venue);
        if (current.broken == Broken::final) continue;
        for (const auto& [score, b] : ranked) {
          if (participants >= formation_.target_participants && current.broken == Broken::none) break;
          if (participants + block_caregivers_[b] > rules_.max_participants) continue;
          const int donor = group_of_[b];
          std::vector<int> left;
          Evaluation donor_after;
          if (donor >= 0) {
            auto found = plan.donors.find(donor);
            left = found == plan.donors.end() ? drafts_[donor].blocks : found->second.first;
            left.erase(std::find(left.begin(), left.end(), b));
            donor_after = evaluate(left, drafts_[donor].venue);
            if (donor_after.broken != Broken::none) continue;
          }
          Evaluation next = evaluate(plan.blocks, venue, -1, b);
          if (next.broken == Broken::final) continue;
          plan.blocks.push_back(b);
          participants += block_caregivers_[b];
          current = std::move(next);
          if (donor >= 0) plan.donors[donor] = {left, donor_after.cost};
        }
        if (current.broken != Broken::none) continue;
        plan.cost = current.cost;
        plan.delta = current.cost;
        for (int b : plan.blocks) {
          if (group_of_[b] < 0) plan.delta -= penalty(b);
        }
        for (const auto& [donor, after] : plan.donors) plan.delta += after.second - drafts_[donor].cost;
        if (plan.delta < best.delta - 1e-9) best = std::move(plan);
      }
      if (best.venue < 0 || best.delta >= -1e-9) continue;
      for (const auto& [donor, after] : best.donors) {
        for (int b : best.blocks) {
          if (group_of_[b] == donor) detach(donor, b);
        }
        drafts_[donor].cost = after.second;
      }
      const int g = static_cast<int>(drafts_.size());
      drafts_.push_back({{}, -1, s.pool, best.cost, true, 0});
      for (int b : best.blocks) attach(g, b);
      set_venue(g, best.venue);
    }
  }

  // A group whose households the groups around it hold better, or that costs more than leaving
  // its households out, is dissolved.
  void dissolve_groups(std::uint64_t since) {
    for (std::size_t gi = 0; gi < drafts_.size(); ++gi) {
      const int g = static_cast<int>(gi);
      if (!drafts_[g].alive) continue;
      const auto blocks = drafts_[g].blocks;
      // Only worth trying when the group or one around it changed.
      bool changed = drafts_[g].changed > since || since == 0;
      std::vector<std::vector<int>> around;
      for (int b : blocks) {
        around.push_back(nearby_groups(b, 8));
        for (int other : around.back()) changed = changed || drafts_[other].changed > since;
      }
      if (!changed && !dissolve_first_) continue;
      // Tentative insertions, each into the best group that takes it at that moment.
      std::map<int, std::vector<int>> added;
      std::map<int, double> costs;
      double delta = -drafts_[g].cost;
      for (std::size_t i = 0; i < blocks.size(); ++i) {
        const int b = blocks[i];
        int best_group = -1;
        double best_delta = penalty(b), best_cost = 0.0;
        for (int other : around[i]) {
          if (other == g) continue;
          auto with = drafts_[other].blocks;
          const auto& extra = added[other];
          with.insert(with.end(), extra.begin(), extra.end());
          const Evaluation e = evaluate(with, drafts_[other].venue, -1, b);
          if (e.broken != Broken::none) continue;
          const double before = costs.count(other) ? costs[other] : drafts_[other].cost;
          if (e.cost - before < best_delta) {
            best_delta = e.cost - before;
            best_group = other;
            best_cost = e.cost;
          }
        }
        delta += best_delta;
        if (best_group >= 0) {
          added[best_group].push_back(b);
          costs[best_group] = best_cost;
        }
      }
      if (delta < -1e-9) {
        kill(g);
        for (const auto& [other, extra] : added) {
          for (int b : extra) attach(other, b);
          drafts_[other].cost = costs[other];
        }
      }
    }
    dissolve_first_ = false;
  }

  const Problem& p_;
  const GroupRules& rules_;
  const FormationRules& formation_;
  std::uint64_t seed_;
  bool first_start_;
  std::vector<Draft> drafts_;
  std::vector<int> group_of_;
  std::vector<bool> active_;
  std::vector<std::uint64_t> seen_;
  std::vector<int> block_caregivers_;
  std::vector<std::vector<int>> groups_at_;
  mutable std::vector<int> buffer_;
  std::uint64_t clock_ = 1;
  bool small_ = false;
  bool dissolve_first_ = true;
};

// The venue for a locked group without one: the cheapest reachable from all, else the one with
// the shortest longest trip (its C8 finding then says so).
int venue_for_locked(const Problem& p, const std::vector<int>& members) {
  int best = -1;
  double best_cost = no_route;
  for (const auto& [venue, minutes] : p.reachable(p.info()[members[0]].place)) {
    const Evaluation e = p.evaluate(members, venue);
    if (e.broken != Broken::final || e.rule != "C8") {
      if (e.cost < best_cost) {
        best_cost = e.cost;
        best = venue;
      }
    }
  }
  if (best >= 0) return best;
  double shortest = no_route;
  const auto& places = p.request().waitlist.places;
  for (std::size_t v = 0; v < places.size(); ++v) {
    if (!places[v].venue) continue;
    double longest = 0.0;
    for (int h : members) longest = std::max(longest, p.any_travel(p.info()[h].place, static_cast<int>(v)));
    if (longest < shortest) {
      shortest = longest;
      best = static_cast<int>(v);
    }
  }
  return best;
}

}  // namespace

FormationResult form_groups(const FormationRequest& request) {
  const Problem problem(request);
  const auto& waitlist = request.waitlist;
  FormationResult result;
  result.seed = request.formation.seed;
  std::vector<bool> taken(problem.households(), false);
  std::set<std::string> group_ids;
  // Locked groups: kept verbatim; their households leave the pool.
  for (std::size_t i = 0; i < request.locked.size(); ++i) {
    const LockedGroup& locked = request.locked[i];
    const std::string base = "/locked/" + std::to_string(i);
    if (!group_ids.insert(locked.id).second || locked.id.empty()) {
      detail::raise_input_error(base + "/id", "locked group id \"" + locked.id + "\" is empty or used twice");
    }
    // A group's id names its files (groups --out-dir): a slug, as the waitlist's own ids.
    if (locked.id.size() > 64 || !std::all_of(locked.id.begin(), locked.id.end(), [](char c) {
          return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        })) {
      detail::raise_input_error(base + "/id", "a locked group's id is lower-case letters, digits, - and _ (at most 64), got " +
                                                  detail::quote_input(locked.id));
    }
    if (locked.households.empty()) detail::raise_input_error(base + "/households", "a locked group has households");
    std::vector<int> members;
    for (std::size_t j = 0; j < locked.households.size(); ++j) {
      std::string where = base + "/households/";
      where += std::to_string(j);
      const int h = problem.household_of(locked.households[j]);
      if (h < 0) detail::raise_input_error(where, "unknown household \"" + locked.households[j] + "\"");
      if (taken[h]) {
        throw ImpossibleRequest("", "household \"" + locked.households[j] + "\" is in two locked groups", where);
      }
      taken[h] = true;
      members.push_back(h);
    }
    for (int h : members) {
      for (int other : problem.blocks()[problem.info()[h].block]) {
        if (!taken[other]) {
          throw ImpossibleRequest("", "household \"" + waitlist.households[h].id + "\" is pinned together with \"" +
                                          waitlist.households[other].id + "\", which the locked group leaves out",
                                  base + "/households");
        }
      }
    }
    int venue = -1;
    if (!locked.venue.empty()) {
      venue = problem.place_of(locked.venue);
      if (venue < 0) detail::raise_input_error(base + "/venue", "unknown place \"" + locked.venue + "\"", detail::Rule{"C8"});
    } else {
      venue = venue_for_locked(problem, members);
    }
    result.groups.push_back(detail::report_group(problem, locked.id, members, venue, true));
  }
  // Small instances: several seeded starts, the best kept (still one answer per input and seed).
  auto best = std::make_unique<Former>(problem, taken, request.formation.seed, true);
  best->run();
  if (best->small()) {
    constexpr int starts = 12;
    for (int start = 1; start < starts; ++start) {
      auto other = std::make_unique<Former>(problem, taken, mix(request.formation.seed + static_cast<std::uint64_t>(start)), false);
      other->run();
      if (other->objective() < best->objective() - 1e-9) best = std::move(other);
    }
  }
  const Former& former = *best;
  // The exact method, component by component, from the heuristic's groups (exact.cpp).
  const ExactLimits& limits = request.formation.exact;
  std::vector<char> active(problem.blocks().size(), 0);
  for (std::size_t b = 0; b < active.size(); ++b) active[b] = former.active()[b] ? 1 : 0;
  const auto components = detail::components_of(problem, active);
  std::vector<int> component_of(problem.blocks().size(), -1);
  for (std::size_t c = 0; c < components.size(); ++c) {
    for (int b : components[c]) component_of[b] = static_cast<int>(c);
  }
  std::vector<std::vector<detail::Column>> heuristic(components.size());
  for (const Draft& draft : former.drafts()) {
    if (!draft.alive) continue;
    std::vector<int> blocks = draft.blocks;
    std::sort(blocks.begin(), blocks.end());
    // The cost evaluated afresh: the exact method prices its columns against it.
    const Evaluation e = problem.evaluate(detail::members_of(problem, draft), draft.venue);
    if (e.broken != Broken::none) throw InternalError(e.rule, "form_groups: a searched group breaks " + e.rule);
    heuristic[component_of[blocks.front()]].push_back({blocks, draft.venue, e.cost});
  }
  std::vector<detail::ComponentSolution> solved;
  solved.reserve(components.size());
  Optimality& optimality = result.optimality;
  optimality.components = static_cast<int>(components.size());
  OptimalityStatus status = OptimalityStatus::optimal;
  double lower_bound = 0.0;
  for (std::size_t c = 0; c < components.size(); ++c) {
    solved.push_back(detail::solve_component(problem, components[c], heuristic[c], limits));
    const detail::ComponentSolution& solution = solved.back();
    lower_bound += solution.lower_bound;
    if (solution.status == OptimalityStatus::optimal) {
      ++optimality.optimal_components;
      optimality.largest_exact = std::max(optimality.largest_exact, static_cast<int>(components[c].size()));
    }
    if (solution.status == OptimalityStatus::heuristic) status = OptimalityStatus::heuristic;
    else if (solution.status == OptimalityStatus::bounded && status == OptimalityStatus::optimal) {
      status = OptimalityStatus::bounded;
    }
  }
  // The groups as drafts, for the names and the explanations.
  std::vector<Draft> drafts;
  std::vector<int> group_of_block(problem.blocks().size(), -1);
  for (const auto& solution : solved) {
    for (const detail::Column& column : solution.groups) {
      for (int b : column.blocks) group_of_block[b] = static_cast<int>(drafts.size());
      drafts.push_back({column.blocks, column.venue, problem.info()[problem.blocks()[column.blocks[0]][0]].pool,
                        column.cost, true, 0});
    }
  }
  // Formed groups, named in a stable order (by venue, then first household), skipping locked ids.
  std::vector<std::pair<std::pair<std::string, std::string>, std::size_t>> order;
  for (std::size_t g = 0; g < drafts.size(); ++g) {
    const Draft& draft = drafts[g];
    std::string first;
    for (int h : detail::members_of(problem, draft)) {
      if (first.empty() || waitlist.households[h].id < first) first = waitlist.households[h].id;
    }
    order.push_back({{waitlist.places[draft.venue].id, first}, g});
  }
  std::sort(order.begin(), order.end());
  int number = 0;
  for (const auto& entry : order) {
    const Draft& draft = drafts[entry.second];
    std::string id;
    do {
      id = "g";
      id += std::to_string(++number);
    } while (group_ids.count(id));
    group_ids.insert(id);
    FormedGroup formed = detail::report_group(problem, id, detail::members_of(problem, draft), draft.venue, false);
    for (const GroupViolation& v : formed.violations) {
      if (v.severity == Severity::error) {
        // The objective and validate() disagree: a bug, never a result to hand out.
        throw InternalError(v.rule, "form_groups: group " + id + " breaks the hard rule " + v.rule);
      }
    }
    result.groups.push_back(std::move(formed));
  }
  double fixed_cost = 0.0;  // what every grouping pays: locked groups, households no group can take
  for (std::size_t h = 0; h < problem.households(); ++h) {
    const int block = problem.info()[h].block;
    if (taken[h] || group_of_block[block] >= 0) continue;
    UnassignedHousehold left = detail::explain_unassigned(problem, drafts, group_of_block, static_cast<int>(h));
    if (!active[block]) {
      left.placeable = false;  // no venue in reach, or a hard rule no group can mend (G6)
      left.blocking_rules = {left.rule};
      fixed_cost += problem.penalty_of_household(static_cast<int>(h));
    } else {
      const int c = component_of[block];
      const detail::Placement placement =
          detail::certify_placement(problem, components[c], solved[c].groups, block, limits);
      detail::describe_placement(problem, placement, left);
    }
    if (const auto& since = waitlist.households[h].waiting_since) {
      left.weeks_waited = problem.weeks_waited(static_cast<int>(h));
      left.reason += "; on the waitlist since " + boost::gregorian::to_iso_extended_string(*since) + " (" +
                     std::to_string(static_cast<long>(std::floor(*left.weeks_waited))) + " weeks)";
    }
    result.unassigned.push_back(std::move(left));
  }
  for (const FormedGroup& group : result.groups) {
    result.objective += group.cost;
    problem.add_terms(group.scores, result.terms);
  }
  double waiting = 0.0;
  for (const UnassignedHousehold& left : result.unassigned) {
    const int h = problem.household_of(left.household);
    waiting += problem.penalty_of_household(h) - request.formation.weights.unassigned;
  }
  result.terms["unassigned"] = request.formation.weights.unassigned * static_cast<double>(result.unassigned.size());
  result.terms["waiting"] = waiting;
  result.objective += result.terms["unassigned"] + waiting;
  // How good it is: the components' bounds, plus what every grouping pays.
  for (const FormedGroup& group : result.groups) {
    if (group.locked) fixed_cost += group.cost;
  }
  optimality.status = status;
  optimality.objective = result.objective;
  optimality.lower_bound = std::min(result.objective, lower_bound + fixed_cost);
  if (status == OptimalityStatus::optimal) optimality.lower_bound = result.objective;
  optimality.gap = result.objective > 0.0 ? (result.objective - optimality.lower_bound) / result.objective : 0.0;
  return result;
}

}  // namespace paarorende
