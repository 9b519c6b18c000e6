#include "paarorende/formation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <memory>
#include <numeric>
#include <set>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "paarorende/attendance.hpp"
#include "paarorende/error.hpp"

namespace paarorende {
namespace {

constexpr double no_route = std::numeric_limits<double>::infinity();

// A stable 64-bit hash of a text and the seed (FNV-1a, then splitmix64): the same on every
// platform, so ties break the same way for the same input and seed.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

std::uint64_t stable_hash(const std::string& text, std::uint64_t seed) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) h = (h ^ c) * 0x100000001b3ULL;
  return mix(h ^ mix(seed));
}

std::string minutes_text(double minutes) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", minutes);
  return text;
}

// What the rules need of one household, computed once.
struct Info {
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
  int pool = 0;
};

// Why an evaluation failed: rules that adding households can still mend (a group too small,
// too unsure of its attendance, without a schoolmate or a peer) and rules it cannot.
enum class Broken { none, mendable, final };

struct Evaluation {
  Broken broken = Broken::none;
  std::string rule;
  SoftScores scores;
  double cost = 0.0;
};

}  // namespace

namespace detail {

// The prepared problem: households, travel, pins. Everything the objective reads.
class FormationProblem {
 public:
  explicit FormationProblem(const FormationRequest& request) : request_(request), rules_(request.rules),
                                                      formation_(request.formation) {
    check_waitlist(request.waitlist);
    check_rules(rules_);
    check_formation_rules(formation_, rules_);
    const Waitlist& waitlist = request.waitlist;
    for (std::size_t p = 0; p < waitlist.places.size(); ++p) place_index_[waitlist.places[p].id] = static_cast<int>(p);
    for (std::size_t h = 0; h < waitlist.households.size(); ++h) {
      household_index_[waitlist.households[h].id] = static_cast<int>(h);
    }
    prepare_households();
    prepare_travel();
    prepare_pins();
  }

  const FormationRequest& request() const { return request_; }
  const GroupRules& rules() const { return rules_; }
  const FormationRules& formation() const { return formation_; }
  const std::vector<Info>& info() const { return info_; }
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

  bool apart(int a, int b) const {
    for (int other : apart_[a]) {
      if (other == b) return true;
    }
    return false;
  }

  // The objective's term for households `members` at `venue` (DOMAIN G1-G8, C8). Hard rules are
  // constraints; soft ones are scored; off ones are ignored.
  Evaluation evaluate(const std::vector<int>& members, int venue) const {
    Evaluation result;
    SoftScores& s = result.scores;
    const ObjectiveWeights& w = formation_.weights;
    auto fail = [&result](Broken kind, const char* rule) {
      if (result.broken != Broken::final) {
        result.broken = kind;
        result.rule = rule;
      }
    };
    int participants = 0, behavioural = 0, threatened = 0, general = 0;
    int low = 99, high = -1;
    for (int h : members) {
      const Info& x = info_[h];
      participants += x.caregivers;
      const double minutes = travel(x.place, venue);
      if (minutes == no_route) {
        fail(Broken::final, "C8");  // DOMAIN C8: beyond the travel limit
        return result;
      }
      s.travel_minutes += minutes;
      s.max_travel_minutes = std::max(s.max_travel_minutes, minutes);
      if (x.behavioural) ++behavioural;
      else if (x.threatened) ++threatened;
      else ++general;
      low = std::min(low, x.min_stage);
      high = std::max(high, x.max_stage);
      if (x.kindergarten) ++s.kindergarten;
    }
    // Pins: apart never together; together whole or not at all.
    for (std::size_t i = 0; i < members.size(); ++i) {
      for (std::size_t j = i + 1; j < members.size(); ++j) {
        if (apart(members[i], members[j])) {
          fail(Broken::final, "pins");
          return result;
        }
      }
    }
    // DOMAIN G1.
    if (behavioural > 0 && threatened + general > 0) {
      if (rules_.behavioural_own_group == RuleWeight::hard) fail(Broken::final, "G1");
      else if (rules_.behavioural_own_group == RuleWeight::soft) {
        s.mixed_conditions += std::min(behavioural, threatened + general);
      }
    }
    // DOMAIN G2.
    if (threatened > 0 && general > 0) {
      if (rules_.life_threatening_own_group == RuleWeight::hard) fail(Broken::final, "G2");
      else if (rules_.life_threatening_own_group == RuleWeight::soft) {
        s.mixed_conditions += std::min(threatened, general);
      }
    }
    // DOMAIN G3.
    s.participants_off_target = std::abs(participants - formation_.target_participants);
    if (rules_.size == RuleWeight::hard) {
      if (participants > rules_.max_participants) fail(Broken::final, "G3");
      else if (participants < rules_.min_participants) fail(Broken::mendable, "G3");
    }
    // DOMAIN G6: the span of stages, and children in kindergarten.
    s.stage_span = members.empty() ? 0 : high - low;
    if (s.stage_span > rules_.max_stage_span && rules_.stage_band == RuleWeight::hard) fail(Broken::final, "G6");
    if (s.kindergarten > 0 && rules_.school_age == RuleWeight::hard) fail(Broken::final, "G6");
    // DOMAIN G7: households with no one from their school. DOMAIN G8: rare codes without a peer.
    for (std::size_t i = 0; i < members.size(); ++i) {
      const Info& x = info_[members[i]];
      bool schoolmate = false;
      for (std::size_t j = 0; j < members.size() && !schoolmate; ++j) {
        schoolmate = j != i && info_[members[j]].place == x.place;
      }
      if (!schoolmate) ++s.without_acquaintance;
      bool lonely = false;
      for (int code : x.rare) {
        bool peer = false;
        for (std::size_t j = 0; j < members.size() && !peer; ++j) {
          if (j == i) continue;
          const auto& other = info_[members[j]].rare;
          peer = std::find(other.begin(), other.end(), code) != other.end();
        }
        if (!peer) lonely = true;
      }
      if (lonely) ++s.rare_without_peer;
    }
    if (rules_.acquaintance == RuleWeight::hard && members.size() >= 2 &&
        s.without_acquaintance == static_cast<int>(members.size())) {
      fail(Broken::mendable, "G7");
    }
    if (rules_.rare_peers == RuleWeight::hard && s.rare_without_peer > 0) fail(Broken::mendable, "G8");
    // DOMAIN G4: attendance estimated, with the model validate() uses.
    if (rules_.attendance != RuleWeight::off) {
      s.p_at_least_min_present = at_least_min_present(members);
      if (s.p_at_least_min_present < rules_.min_present_probability - 1e-12) {
        if (rules_.attendance == RuleWeight::hard) fail(Broken::mendable, "G4");
        s.attendance_shortfall = (rules_.min_present_probability - s.p_at_least_min_present) * 100.0;
      }
    }
    // The cost: only soft rules count (hard ones hold, off ones are ignored).
    auto soft = [](RuleWeight weight) { return weight == RuleWeight::soft ? 1.0 : 0.0; };
    result.cost = w.travel * s.travel_minutes + w.size * s.participants_off_target +
                  w.attendance * soft(rules_.attendance) * s.attendance_shortfall +
                  w.stage * soft(rules_.stage_band) * s.stage_span +
                  w.school_age * soft(rules_.school_age) * s.kindergarten +
                  w.acquaintance * soft(rules_.acquaintance) * s.without_acquaintance +
                  w.rare_peers * soft(rules_.rare_peers) * s.rare_without_peer +
                  w.mixed_conditions * s.mixed_conditions;
    return result;
  }

  // DOMAIN G4 by attendance_distribution, as validate() computes it. Households on the default
  // probabilities differ only in their number of caregivers, so groups of those alone are
  // remembered by (single caregivers, couples).
  double at_least_min_present(const std::vector<int>& members) const {
    int singles = 0, couples = 0;
    bool defaults = true;
    for (int h : members) {
      if (!info_[h].default_attendance) {
        defaults = false;
        break;
      }
      (info_[h].caregivers == 2 ? couples : singles) += 1;
    }
    const std::uint64_t memo_key = key(singles, couples);
    if (defaults) {
      auto it = memo_.find(memo_key);
      if (it != memo_.end()) return it->second;
    }
    units_.clear();
    for (int h : members) units_.push_back(info_[h].unit);
    const double p = attendance_distribution(units_).at_least(rules_.min_present);
    if (defaults) memo_.emplace(memo_key, p);
    return p;
  }

  /// The weighted terms of one group's cost, by name.
  void add_terms(const SoftScores& s, std::map<std::string, double>& terms) const {
    const ObjectiveWeights& w = formation_.weights;
    auto soft = [](RuleWeight weight) { return weight == RuleWeight::soft ? 1.0 : 0.0; };
    terms["travel"] += w.travel * s.travel_minutes;
    terms["size"] += w.size * s.participants_off_target;
    terms["attendance"] += w.attendance * soft(rules_.attendance) * s.attendance_shortfall;
    terms["stage"] += w.stage * soft(rules_.stage_band) * s.stage_span;
    terms["school_age"] += w.school_age * soft(rules_.school_age) * s.kindergarten;
    terms["acquaintance"] += w.acquaintance * soft(rules_.acquaintance) * s.without_acquaintance;
    terms["rare_peers"] += w.rare_peers * soft(rules_.rare_peers) * s.rare_without_peer;
    terms["mixed_conditions"] += w.mixed_conditions * s.mixed_conditions;
  }

 private:
  static std::uint64_t key(int a, int b) {
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(a)) << 32) | static_cast<std::uint32_t>(b);
  }

  void prepare_households() {
    const auto& households = request_.waitlist.households;
    info_.resize(households.size());
    std::unordered_map<std::string, int> codes;
    for (std::size_t h = 0; h < households.size(); ++h) {
      const Household& household = households[h];
      Info& x = info_[h];
      x.caregivers = static_cast<int>(household.caregivers.size());
      x.min_stage = 99;
      x.max_stage = -1;
      for (const Child& child : household.children) {
        const int stage = static_cast<int>(child.stage);
        x.min_stage = std::min(x.min_stage, stage);
        x.max_stage = std::max(x.max_stage, stage);
        if (child.stage == ChildStage::kindergarten) x.kindergarten = true;
        if (child.rare_diagnosis) {
          const int code = codes.emplace(*child.rare_diagnosis, static_cast<int>(codes.size())).first->second;
          if (std::find(x.rare.begin(), x.rare.end(), code) == x.rare.end()) x.rare.push_back(code);
        }
      }
      x.behavioural = only_behavioural(household);
      x.threatened = life_threatening_or_limiting(household);
      x.place = place_index_.at(household.school);
      // The attendance unit exactly as validate() builds it (own probabilities or the default).
      x.unit = attendance_units(Group{"", {household}}, rules_).front();
      x.default_attendance = x.unit.probabilities == rules_.default_attendance;
      // Pools: what a hard rule keeps apart is never in one group (G1, and G2 when hard).
      x.pool = 0;
      if (rules_.behavioural_own_group == RuleWeight::hard && x.behavioural) x.pool = 1;
      if (rules_.life_threatening_own_group == RuleWeight::hard && !x.behavioural && x.threatened) x.pool = 2;
    }
  }

  void prepare_travel() {
    const Waitlist& waitlist = request_.waitlist;
    const std::size_t places = waitlist.places.size();
    for (const TravelTime& t : waitlist.travel_times) {
      const int a = place_index_.at(t.from), b = place_index_.at(t.to);
      known_[key(a, b)] = t.minutes;
      known_[key(b, a)] = t.minutes;
    }
    std::vector<int> venues;
    for (std::size_t p = 0; p < places; ++p) {
      if (waitlist.places[p].venue) venues.push_back(static_cast<int>(p));
    }
    at_place_.assign(places, {});
    for (std::size_t h = 0; h < info_.size(); ++h) at_place_[info_[h].place].push_back(static_cast<int>(h));
    reach_by_time_.assign(places, {});
    reach_by_venue_.assign(places, {});
    reached_by_.assign(places, {});
    const double limit = formation_.max_travel_minutes;
    for (std::size_t p = 0; p < places; ++p) {
      if (at_place_[p].empty()) continue;  // only pickup places with households need their venues
      for (int v : venues) {
        const double minutes = any_travel(static_cast<int>(p), v);
        if (minutes <= limit) reach_by_venue_[p].push_back({v, minutes});
      }
      reach_by_time_[p] = reach_by_venue_[p];
      std::stable_sort(reach_by_time_[p].begin(), reach_by_time_[p].end(),
                       [](const auto& a, const auto& b) { return a.second < b.second; });
      for (const auto& [v, minutes] : reach_by_venue_[p]) reached_by_[v].push_back({static_cast<int>(p), minutes});
    }
    for (auto& list : reached_by_) {
      std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    }
    // A dense table (pickup places by venues) when it is small enough: one lookup, no search.
    std::size_t rows = 0;
    row_.assign(places, -1);
    for (std::size_t p = 0; p < places; ++p) {
      if (!at_place_[p].empty()) row_[p] = static_cast<int>(rows++);
    }
    columns_ = venues.size();
    if (rows * columns_ <= 16'000'000) {
      venue_column_.assign(places, -1);
      for (std::size_t c = 0; c < venues.size(); ++c) venue_column_[venues[c]] = static_cast<int>(c);
      dense_.assign(rows * columns_, no_route);
      for (std::size_t p = 0; p < places; ++p) {
        for (const auto& [v, minutes] : reach_by_venue_[p]) {
          dense_[static_cast<std::size_t>(row_[p]) * columns_ + venue_column_[v]] = minutes;
        }
      }
    }
  }

  void prepare_pins() {
    const Pins& pins = request_.pins;
    // Blocks of households pinned together (union-find), each checked against the pools.
    std::vector<int> parent(info_.size());
    std::iota(parent.begin(), parent.end(), 0);
    auto find = [&parent](int x) {
      while (parent[x] != x) x = parent[x] = parent[parent[x]];
      return x;
    };
    auto resolve = [this](const std::string& id, const std::string& where) {
      const int h = household_of(id);
      if (h < 0) throw InputError("", "unknown household \"" + id + "\"", where);
      return h;
    };
    for (std::size_t i = 0; i < pins.together.size(); ++i) {
      const std::string base = "/pins/together/" + std::to_string(i);
      for (std::size_t j = 0; j < pins.together[i].size(); ++j) {
        const int h = resolve(pins.together[i][j], base + "/" + std::to_string(j));
        const int first = resolve(pins.together[i][0], base + "/0");
        if (info_[h].pool != info_[first].pool) {
          const char* rule = (info_[h].pool == 1 || info_[first].pool == 1) ? "G1" : "G2";
          throw ImpossibleRequest(rule,
                                  "households \"" + pins.together[i][0] + "\" and \"" + pins.together[i][j] +
                                      "\" are pinned together, but the hard rule " + rule + " keeps them apart",
                                  base + "/" + std::to_string(j));
        }
        parent[find(h)] = find(first);
      }
    }
    std::map<int, int> block_of_root;
    for (std::size_t h = 0; h < info_.size(); ++h) {
      const int root = find(static_cast<int>(h));
      auto [it, inserted] = block_of_root.emplace(root, static_cast<int>(blocks_.size()));
      if (inserted) blocks_.emplace_back();
      blocks_[it->second].push_back(static_cast<int>(h));
      info_[h].block = it->second;
    }
    apart_.assign(info_.size(), {});
    for (std::size_t i = 0; i < pins.apart.size(); ++i) {
      const std::string base = "/pins/apart/" + std::to_string(i);
      const auto& list = pins.apart[i];
      for (std::size_t a = 0; a < list.size(); ++a) {
        const int x = resolve(list[a], base + "/" + std::to_string(a));
        for (std::size_t b = a + 1; b < list.size(); ++b) {
          const int y = resolve(list[b], base + "/" + std::to_string(b));
          if (info_[x].block == info_[y].block) {
            throw ImpossibleRequest("", "households \"" + list[a] + "\" and \"" + list[b] +
                                            "\" are pinned both together and apart",
                                    base + "/" + std::to_string(b));
          }
          apart_[x].push_back(y);
          apart_[y].push_back(x);
        }
      }
    }
  }

  const FormationRequest& request_;
  const GroupRules& rules_;
  const FormationRules& formation_;
  std::unordered_map<std::string, int> place_index_;
  std::unordered_map<std::string, int> household_index_;
  std::vector<Info> info_;
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
  mutable std::vector<AttendanceUnit> units_;
  mutable std::unordered_map<std::uint64_t, double> memo_;
};

}  // namespace detail

namespace {

using Problem = detail::FormationProblem;

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
      const Info& x = p_.info()[p_.blocks()[b][0]];
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

  std::vector<int> members(const Draft& draft) const {
    std::vector<int> members;
    for (int b : draft.blocks) {
      for (int h : p_.blocks()[b]) members.push_back(h);
    }
    return members;
  }

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

  double penalty(int block) const {
    return formation_.weights.unassigned * static_cast<double>(p_.blocks()[block].size());
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
    const Info& s = p_.info()[p_.blocks()[seed][0]];
    const ObjectiveWeights& w = formation_.weights;
    // Candidates: open blocks of the seed's pool at places the venue reaches, nearest first.
    std::vector<std::pair<double, int>> ranked;
    const std::size_t wanted = small_ ? std::numeric_limits<std::size_t>::max() : 48;
    for (const auto& [place, minutes] : p_.reached_by(venue)) {
      for (int h : p_.at_place(place)) {
        const int b = p_.info()[h].block;
        if (b == seed || !open[b] || group_of_[b] >= 0 || p_.blocks()[b][0] != h) continue;
        const Info& x = p_.info()[h];
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

  void insert_unassigned() {
    for (std::size_t b = 0; b < active_.size(); ++b) {
      if (!active_[b] || group_of_[b] >= 0) continue;
      const int block = static_cast<int>(b);
      const auto nearby = nearby_groups(block, 12);
      if (!worth_a_look(block, nearby)) continue;
      int best_group = -1;
      double best_delta = -1e-9, best_cost = 0.0;
      for (int g : nearby) {
        const Evaluation e = evaluate(drafts_[g].blocks, drafts_[g].venue, -1, block);
        if (e.broken != Broken::none) continue;
        const double delta = e.cost - drafts_[g].cost - penalty(block);
        if (delta < best_delta) {
          best_delta = delta;
          best_group = g;
          best_cost = e.cost;
        }
      }
      if (best_group >= 0) {
        attach(best_group, block);
        drafts_[best_group].cost = best_cost;
      }
    }
  }

  void move_blocks() {
    for (std::size_t b = 0; b < active_.size(); ++b) {
      const int from = group_of_[b];
      if (from < 0) continue;
      const int block = static_cast<int>(b);
      const auto nearby = nearby_groups(block, 8);
      if (!worth_a_look(block, nearby)) continue;
      const Evaluation without = evaluate(drafts_[from].blocks, drafts_[from].venue, block);
      if (without.broken != Broken::none) continue;
      int best_group = -1;
      double best_delta = -1e-9, best_cost = 0.0;
      for (int g : nearby) {
        const Evaluation e = evaluate(drafts_[g].blocks, drafts_[g].venue, -1, block);
        if (e.broken != Broken::none) continue;
        const double delta = without.cost + e.cost - drafts_[from].cost - drafts_[g].cost;
        if (delta < best_delta) {
          best_delta = delta;
          best_group = g;
          best_cost = e.cost;
        }
      }
      // Leaving the block out can be better too (a group that is better without it).
      const double out = without.cost + penalty(block) - drafts_[from].cost;
      if (out < best_delta) {
        detach(from, block);
        drafts_[from].cost = without.cost;
        continue;
      }
      if (best_group >= 0) {
        detach(from, block);
        drafts_[from].cost = without.cost;
        attach(best_group, block);
        drafts_[best_group].cost = best_cost;
      }
    }
  }

  void swap_blocks() {
    for (std::size_t b = 0; b < active_.size(); ++b) {
      const int from = group_of_[b];
      if (from < 0) continue;
      const int block = static_cast<int>(b);
      // Large instances swap with the nearest group only, blocks of the same size (a swap that
      // changes sizes is mostly two moves, which move_blocks tries).
      const auto nearby = nearby_groups(block, 2);
      if (!worth_a_look(block, nearby)) continue;
      for (int g : nearby) {
        bool swapped = false;
        const auto others = drafts_[g].blocks;
        for (int other : others) {
          if (!small_ && block_caregivers_[other] != block_caregivers_[block]) continue;
          if (p_.travel(place_of(other), drafts_[from].venue) == no_route) continue;
          const Evaluation ea = evaluate(drafts_[from].blocks, drafts_[from].venue, block, other);
          if (ea.broken != Broken::none) continue;
          const Evaluation ec = evaluate(drafts_[g].blocks, drafts_[g].venue, other, block);
          if (ec.broken != Broken::none) continue;
          if (ea.cost + ec.cost < drafts_[from].cost + drafts_[g].cost - 1e-9) {
            detach(from, block);
            detach(g, other);
            attach(from, other);
            attach(g, block);
            drafts_[from].cost = ea.cost;
            drafts_[g].cost = ec.cost;
            swapped = true;
            break;
          }
        }
        if (swapped) break;
      }
    }
  }

  // Small instances: a household left out seeds a new group that may take households from groups
  // that can spare them (each donor keeps every hard rule), when the objective falls.
  void steal_construct() {
    for (std::size_t u = 0; u < active_.size(); ++u) {
      if (!active_[u] || group_of_[u] >= 0) continue;
      const int seed = static_cast<int>(u);
      const Info& s = p_.info()[p_.blocks()[seed][0]];
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
            const Info& x = p_.info()[h];
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

// Why a household is left out, with the rule that kept it out.
UnassignedHousehold explain(const Problem& p, const Former& former, int h) {
  const Household& household = p.request().waitlist.households[h];
  const Info& x = p.info()[h];
  const GroupRules& rules = p.rules();
  const FormationRules& formation = p.formation();
  const std::string limit = minutes_text(formation.max_travel_minutes);
  if (x.kindergarten && rules.school_age == RuleWeight::hard) {
    return {household.id, "G6",
            "a child in kindergarten, and school_age is hard: the course suits best once the children "
            "have started school"};
  }
  if (p.reachable(x.place).empty()) {
    return {household.id, "C8", "no venue within " + limit + " minutes of pickup place \"" + household.school + "\""};
  }
  std::string category = "any category";
  const char* pool_rule = nullptr;
  if (x.pool == 1) {
    category = "category mainly_behavioural";
    pool_rule = "G1";
  } else if (rules.behavioural_own_group == RuleWeight::hard && x.pool == 0 &&
             rules.life_threatening_own_group != RuleWeight::hard) {
    category = "category illness or disability";
    pool_rule = "G1";
  } else if (x.pool == 2) {
    category = "category life-threatening or life-limiting";
    pool_rule = "G2";
  } else if (rules.life_threatening_own_group == RuleWeight::hard) {
    category = "category other than life-threatening or life-limiting";
    pool_rule = "G2";
  }
  // The households of its pool that could meet with it at some venue it reaches.
  std::set<int> compatible;
  for (const auto& [venue, minutes] : p.reachable(x.place)) {
    for (const auto& [place, m] : p.reached_by(venue)) {
      for (int other : p.at_place(place)) {
        const Info& y = p.info()[other];
        if (other == h || y.pool != x.pool) continue;
        if (rules.school_age == RuleWeight::hard && y.kindergarten) continue;
        if (rules.stage_band == RuleWeight::hard &&
            std::max(x.max_stage, y.max_stage) - std::min(x.min_stage, y.min_stage) > rules.max_stage_span) {
          continue;
        }
        if (p.apart(h, other)) continue;
        compatible.insert(other);
      }
    }
  }
  std::string in_category = category;
  if (pool_rule) {
    in_category += " (";
    in_category += pool_rule;
    in_category += ")";
  }
  if (compatible.empty()) {
    std::string reason = "no other family in " + in_category;
    reason += " within ";
    reason += limit;
    reason += " minutes";
    return {household.id, "C8", reason};
  }
  int participants = x.caregivers;
  for (int other : compatible) participants += p.info()[other].caregivers;
  if (rules.size == RuleWeight::hard && participants < rules.min_participants) {
    std::ostringstream reason;
    reason << "only " << compatible.size() << " other famil" << (compatible.size() == 1 ? "y" : "ies")
           << " in " << in_category << " within " << limit << " minutes, " << participants
           << " participants with it; a group needs at least " << rules.min_participants;
    return {household.id, "G3", reason.str()};
  }
  // Enough families around: the groups near it cannot take it without breaking a hard rule, and
  // those left are too few or too unlike for a group of their own.
  std::map<std::string, int> broken;
  int in_groups = 0;
  for (int other : compatible) {
    if (former.group_of(p.info()[other].block) >= 0) ++in_groups;
  }
  for (const Draft& draft : former.drafts()) {
    if (!draft.alive || draft.pool != x.pool) continue;
    if (p.travel(x.place, draft.venue) == no_route) continue;
    auto members = former.members(draft);
    for (int other : p.blocks()[x.block]) members.push_back(other);
    const Evaluation e = p.evaluate(members, draft.venue);
    if (e.broken != Broken::none) ++broken[e.rule];
  }
  std::string rule = "G3";
  int most = 0;
  for (const auto& [id, count] : broken) {
    if (count > most) {
      most = count;
      rule = id;
    }
  }
  std::ostringstream reason;
  reason << in_groups << " of the " << compatible.size() << " families in " << in_category << " within "
         << limit << " minutes are in groups that cannot take it without breaking " << rule
         << ", and the others are too few for a group that keeps every hard rule";
  return {household.id, rule, reason.str()};
}

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

// The scores of a group at a venue without the travel limit (a locked group may exceed it).
SoftScores scores_for_report(const Problem& p, const std::vector<int>& members, int venue, double& cost) {
  const Evaluation e = p.evaluate(members, venue);
  if (!(e.broken == Broken::final && e.rule == "C8")) {
    cost = e.cost;
    return e.scores;
  }
  // Over the limit: travel added by hand, the rest from a copy at the nearest reachable terms.
  SoftScores scores;
  double travel = 0.0, longest = 0.0;
  for (int h : members) {
    const double t = p.any_travel(p.info()[h].place, venue);
    travel += t;
    longest = std::max(longest, t);
  }
  scores.travel_minutes = travel;
  scores.max_travel_minutes = longest;
  scores.participants_off_target = 0;
  int participants = 0;
  for (int h : members) participants += p.info()[h].caregivers;
  scores.participants_off_target = std::abs(participants - p.formation().target_participants);
  cost = p.formation().weights.travel * travel + p.formation().weights.size * scores.participants_off_target;
  return scores;
}

FormedGroup report(const Problem& p, const std::string& id, const std::vector<int>& members, int venue,
                   bool locked) {
  const auto& waitlist = p.request().waitlist;
  FormedGroup formed;
  formed.group.id = id;
  std::vector<int> sorted = members;
  if (!locked) {
    std::sort(sorted.begin(), sorted.end(), [&waitlist](int a, int b) {
      return waitlist.households[a].id < waitlist.households[b].id;
    });
  }
  for (int h : sorted) formed.group.households.push_back(waitlist.households[h]);
  formed.venue = venue >= 0 ? waitlist.places[venue].id : std::string();
  formed.locked = locked;
  // The same validate() a coordinator runs on a group; and C8, the travel limit.
  formed.violations = validate(formed.group, p.rules());
  std::vector<std::string> far;
  for (int h : sorted) {
    if (venue < 0 || p.any_travel(p.info()[h].place, venue) > p.formation().max_travel_minutes) {
      far.push_back(waitlist.households[h].id);
    }
  }
  if (!far.empty()) {
    formed.violations.push_back({"C8", Severity::error,
                                 "pickup places more than " + minutes_text(p.formation().max_travel_minutes) +
                                     " minutes from the venue",
                                 far});
  }
  const GroupRules& rules = p.rules();
  const std::pair<const char*, RuleWeight> checked[] = {
      {"G1", rules.behavioural_own_group}, {"G2", rules.life_threatening_own_group},
      {"G3", rules.size},                  {"G4", rules.attendance},
      {"G6", rules.stage_band == RuleWeight::off ? rules.school_age : rules.stage_band},
      {"G7", rules.acquaintance},          {"G8", rules.rare_peers},
      {"C8", RuleWeight::hard}};
  for (const auto& [rule, weight] : checked) {
    if (weight == RuleWeight::off) continue;
    const bool found = std::any_of(formed.violations.begin(), formed.violations.end(),
                                   [rule = rule](const GroupViolation& v) { return v.rule == rule; });
    if (!found) formed.satisfied.push_back(rule);
  }
  if (venue >= 0) formed.scores = scores_for_report(p, members, venue, formed.cost);
  return formed;
}

}  // namespace

std::ostream& operator<<(std::ostream& out, const UnassignedHousehold& unassigned) {
  return out << unassigned.household << " [" << unassigned.rule << "]: " << unassigned.reason;
}

void check_formation_rules(const FormationRules& formation, const GroupRules& rules) {
  if (formation.target_participants < rules.min_participants ||
      formation.target_participants > rules.max_participants) {
    std::ostringstream message;
    message << "target_participants (" << formation.target_participants << ") must be between min_participants ("
            << rules.min_participants << ") and max_participants (" << rules.max_participants << ")";
    throw InputError("G3", message.str(), "/formation/target_participants");
  }
  if (!(formation.max_travel_minutes > 0.0 && formation.max_travel_minutes <= 600.0)) {
    throw InputError("C8", "must be above 0 and at most 600", "/formation/max_travel_minutes");
  }
  if (formation.max_passes < 0 || formation.max_passes > 1000) {
    throw InputError("", "must be between 0 and 1000", "/formation/max_passes");
  }
  const ObjectiveWeights& w = formation.weights;
  const std::pair<const char*, double> weights[] = {
      {"travel", w.travel},         {"size", w.size},           {"attendance", w.attendance},
      {"stage", w.stage},           {"school_age", w.school_age}, {"acquaintance", w.acquaintance},
      {"rare_peers", w.rare_peers}, {"mixed_conditions", w.mixed_conditions},
      {"unassigned", w.unassigned}};
  for (const auto& [name, value] : weights) {
    if (!(value >= 0.0 && value <= 1e6)) {
      std::string where = "/formation/weights/";
      where += name;
      throw InputError("", "must be between 0 and 1000000", where);
    }
  }
}

GroupEvaluator::GroupEvaluator(FormationRequest request)
    : request_(std::make_unique<FormationRequest>(std::move(request))),
      problem_(std::make_unique<detail::FormationProblem>(*request_)) {}

GroupEvaluator::~GroupEvaluator() = default;

GroupEvaluation GroupEvaluator::operator()(const std::vector<std::size_t>& households, std::size_t venue) const {
  const Problem& problem = *problem_;
  std::vector<int> members;
  for (std::size_t h : households) {
    if (h >= problem.households()) throw std::out_of_range("GroupEvaluator: household index out of range");
    members.push_back(static_cast<int>(h));
  }
  if (venue >= request_->waitlist.places.size()) throw std::out_of_range("GroupEvaluator: venue index out of range");
  GroupEvaluation result;
  // Pinned-together households: all of a block or none.
  for (int h : members) {
    for (int other : problem.blocks()[problem.info()[h].block]) {
      if (std::find(members.begin(), members.end(), other) == members.end()) {
        result.broken = "pins";
        return result;
      }
    }
  }
  if (!request_->waitlist.places[venue].venue) {
    result.broken = "C8";
    return result;
  }
  const Evaluation e = problem.evaluate(members, static_cast<int>(venue));
  result.feasible = e.broken == Broken::none;
  result.broken = e.rule;
  result.scores = e.scores;
  result.cost = e.cost;
  return result;
}

GroupEvaluation evaluate_group(const FormationRequest& request, const std::vector<std::size_t>& households,
                               std::size_t venue) {
  return GroupEvaluator(request)(households, venue);
}

std::optional<double> evaluate_partition(
    const FormationRequest& request, const std::vector<std::pair<std::vector<std::size_t>, std::size_t>>& groups) {
  const GroupEvaluator evaluate(request);
  double total = 0.0;
  std::size_t assigned = 0;
  for (const auto& [households, venue] : groups) {
    const GroupEvaluation e = evaluate(households, venue);
    if (!e.feasible) return std::nullopt;
    total += e.cost;
    assigned += households.size();
  }
  return total + request.formation.weights.unassigned *
                     static_cast<double>(request.waitlist.households.size() - assigned);
}

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
      throw InputError("", "locked group id \"" + locked.id + "\" is empty or used twice", base + "/id");
    }
    if (locked.households.empty()) throw InputError("", "a locked group has households", base + "/households");
    std::vector<int> members;
    for (std::size_t j = 0; j < locked.households.size(); ++j) {
      std::string where = base + "/households/";
      where += std::to_string(j);
      const int h = problem.household_of(locked.households[j]);
      if (h < 0) throw InputError("", "unknown household \"" + locked.households[j] + "\"", where);
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
      if (venue < 0) throw InputError("C8", "unknown place \"" + locked.venue + "\"", base + "/venue");
    } else {
      venue = venue_for_locked(problem, members);
    }
    result.groups.push_back(report(problem, locked.id, members, venue, true));
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
  // Formed groups, named in a stable order (by venue, then first household), skipping locked ids.
  std::vector<std::pair<std::pair<std::string, std::string>, std::size_t>> order;
  for (std::size_t g = 0; g < former.drafts().size(); ++g) {
    const Draft& draft = former.drafts()[g];
    if (!draft.alive) continue;
    std::string first;
    for (int h : former.members(draft)) {
      if (first.empty() || waitlist.households[h].id < first) first = waitlist.households[h].id;
    }
    order.push_back({{waitlist.places[draft.venue].id, first}, g});
  }
  std::sort(order.begin(), order.end());
  int number = 0;
  for (const auto& entry : order) {
    const Draft& draft = former.drafts()[entry.second];
    std::string id;
    do {
      id = "g";
      id += std::to_string(++number);
    } while (group_ids.count(id));
    group_ids.insert(id);
    FormedGroup formed = report(problem, id, former.members(draft), draft.venue, false);
    for (const GroupViolation& v : formed.violations) {
      if (v.severity == Severity::error) {
        // The objective and validate() disagree: a bug, never a result to hand out.
        throw std::logic_error("form_groups: group " + id + " breaks the hard rule " + v.rule);
      }
    }
    result.groups.push_back(std::move(formed));
  }
  for (std::size_t h = 0; h < problem.households(); ++h) {
    if (taken[h] || former.group_of(problem.info()[h].block) >= 0) continue;
    result.unassigned.push_back(explain(problem, former, static_cast<int>(h)));
  }
  for (const FormedGroup& group : result.groups) {
    result.objective += group.cost;
    problem.add_terms(group.scores, result.terms);
  }
  result.terms["unassigned"] = request.formation.weights.unassigned * static_cast<double>(result.unassigned.size());
  result.objective += result.terms["unassigned"];
  return result;
}

}  // namespace paarorende
