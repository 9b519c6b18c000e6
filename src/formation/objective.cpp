// The objective of group formation (DOMAIN G1-G8, C8): the prepared problem, the cost of one
// group at one venue, and the public evaluators built on it. The search (search.cpp) and the
// explanations (explanation.cpp) read it.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>
#include <stdexcept>

#include "formation_internal.hpp"
#include "detail/check_fields.hpp"
#include "detail/input_error.hpp"
#include "detail/text.hpp"
#include "paarorende/error.hpp"

namespace paarorende {
namespace detail {

FormationProblem::FormationProblem(const FormationRequest& request)
    : request_(request), rules_(request.rules), formation_(request.formation) {
  check_waitlist(request.waitlist);
  check_rules(rules_);
  check_formation_rules(formation_, rules_);
  if (request.region) check_waitlist_region(request.waitlist, *request.region);
  const Waitlist& waitlist = request.waitlist;
  for (std::size_t p = 0; p < waitlist.places.size(); ++p) place_index_[waitlist.places[p].id] = static_cast<int>(p);
  for (std::size_t h = 0; h < waitlist.households.size(); ++h) {
    household_index_[waitlist.households[h].id] = static_cast<int>(h);
  }
  prepare_households();
  prepare_travel();
  prepare_pins();
}

Evaluation FormationProblem::evaluate(const std::vector<int>& members, int venue) const {
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
    const HouseholdInfo& x = info_[h];
    // DOMAIN V1: a region that does not share its waitlist groups each municipality apart. Scored
    // on, so that a locked group across the border is reported with its scores.
    if (x.municipality != info_[members.front()].municipality) fail(Broken::final, "V1");
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
    const HouseholdInfo& x = info_[members[i]];
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

double FormationProblem::at_least_min_present(const std::vector<int>& members) const {
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


void FormationProblem::add_terms(const SoftScores& s, std::map<std::string, double>& terms) const {
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

void FormationProblem::prepare_households() {
  const auto& households = request_.waitlist.households;
  info_.resize(households.size());
  std::unordered_map<std::string, int> codes;
  for (std::size_t h = 0; h < households.size(); ++h) {
    const Household& household = households[h];
    HouseholdInfo& x = info_[h];
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
    // Pools: what a hard rule keeps apart is never in one group (G1, and G2 when hard; V1: the
    // municipalities of a region that does not share its waitlist).
    x.category = 0;
    if (rules_.behavioural_own_group == RuleWeight::hard && x.behavioural) x.category = 1;
    if (rules_.life_threatening_own_group == RuleWeight::hard && !x.behavioural && x.threatened) x.category = 2;
    const Region* region = request_.region ? &*request_.region : nullptr;
    if (region != nullptr && !region->shared_waitlist) {
      const Municipality* municipality = region->find(household.municipality);
      x.municipality = static_cast<int>(municipality - region->municipalities.data());
    }
    x.pool = x.category + 3 * (x.municipality + 1);
  }
  // A waitlist is a queue: leaving a household out costs `unassigned`, and `waiting` per week it
  // has waited by the reference date (the newest waiting_since unless the request gives one).
  std::optional<Date> as_of = formation_.waiting_as_of;
  if (!as_of) {
    for (const Household& household : households) {
      if (household.waiting_since && (!as_of || *household.waiting_since > *as_of)) as_of = household.waiting_since;
    }
  }
  penalty_.assign(households.size(), formation_.weights.unassigned);
  weeks_waited_.assign(households.size(), 0.0);
  for (std::size_t h = 0; h < households.size(); ++h) {
    if (!households[h].waiting_since || !as_of) continue;
    const double days = static_cast<double>((*as_of - *households[h].waiting_since).days());
    weeks_waited_[h] = std::max(0.0, days / 7.0);
    penalty_[h] += formation_.weights.waiting * weeks_waited_[h];
  }
}

void FormationProblem::prepare_travel() {
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
  const double limit = travel_limits().max_minutes;
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

void FormationProblem::prepare_pins() {
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
    if (h < 0) detail::raise_input_error(where, "unknown household \"" + id + "\"");
    return h;
  };
  for (std::size_t i = 0; i < pins.together.size(); ++i) {
    const std::string base = "/pins/together/" + std::to_string(i);
    for (std::size_t j = 0; j < pins.together[i].size(); ++j) {
      const int h = resolve(pins.together[i][j], base + "/" + std::to_string(j));
      const int first = resolve(pins.together[i][0], base + "/0");
      if (info_[h].pool != info_[first].pool) {
        const HouseholdInfo &x = info_[h], &y = info_[first];
        const char* rule = x.category == y.category ? "V1" : (x.category == 1 || y.category == 1) ? "G1" : "G2";
        const std::string why = x.category == y.category
                                    ? "they live in different municipalities and the region does not share its "
                                      "waitlist (V1)"
                                    : std::string("the hard rule ") + rule + " keeps them apart";
        throw ImpossibleRequest(rule,
                                "households \"" + pins.together[i][0] + "\" and \"" + pins.together[i][j] +
                                    "\" are pinned together, but " + why,
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

}  // namespace detail

namespace {

using detail::Broken;
using detail::Evaluation;
using Problem = detail::FormationProblem;

}  // namespace

std::string_view to_string(OptimalityStatus status) noexcept {
  switch (status) {
    case OptimalityStatus::optimal: return "optimal";
    case OptimalityStatus::bounded: return "bounded";
    case OptimalityStatus::heuristic: break;
  }
  return "heuristic";
}

void check_formation_rules(const FormationRules& formation, const GroupRules& rules) {
  if (formation.target_participants < rules.min_participants ||
      formation.target_participants > rules.max_participants) {
    std::ostringstream message;
    message << "target_participants (" << formation.target_participants << ") must be between min_participants ("
            << rules.min_participants << ") and max_participants (" << rules.max_participants << ")";
    detail::raise_input_error("/formation/target_participants", message.str(), detail::Rule{"G3"});
  }
  // The other ranges are in FormationRules' table (formation.hpp).
  detail::check_fields(formation, "/formation", detail::RangeMessage::bounds);
}

void check_waitlist_region(const Waitlist& waitlist, const Region& region) {
  for (std::size_t h = 0; h < waitlist.households.size(); ++h) {
    const Household& household = waitlist.households[h];
    if (region.find(household.municipality) == nullptr) {
      const std::string where = "/households/" + std::to_string(h) + "/municipality";
      if (household.municipality.empty()) {
        detail::raise_input_error(where, "a household of region " + detail::quote_input(region.id) +
                                             " needs its municipality (number or name)",
                                  detail::Rule{"V1"});
      }
      detail::raise_input_error(where,
                                "municipality " + detail::quote_input(household.municipality) + " is not in region " +
                                    detail::quote_input(region.id),
                                detail::Rule{"V1"});
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
    if (h >= problem.households()) {
      detail::raise_input_error("households", "GroupEvaluator: household index " + std::to_string(h) +
                                                  " is out of range (" + std::to_string(problem.households()) +
                                                  " households)");
    }
    members.push_back(static_cast<int>(h));
  }
  if (venue >= request_->waitlist.places.size()) {
    detail::raise_input_error("venue", "GroupEvaluator: venue index " + std::to_string(venue) + " is out of range (" +
                                           std::to_string(request_->waitlist.places.size()) + " places)");
  }
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
  std::vector<bool> placed(request.waitlist.households.size(), false);
  for (const auto& [households, venue] : groups) {
    for (std::size_t h : households) placed[h] = true;
  }
  const detail::FormationProblem& problem = evaluate.problem();
  for (std::size_t h = 0; h < placed.size(); ++h) {
    if (!placed[h]) total += problem.penalty_of_household(static_cast<int>(h));
  }
  (void)assigned;
  return total;
}

}  // namespace paarorende
