// What formation says about its result: each group as handed out (the findings of validate(),
// the rules it keeps, its scores) and why a household is left out (DOMAIN G1-G8, C8).
#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>

#include "formation_internal.hpp"

namespace paarorende {
namespace detail {
namespace {

std::string minutes_text(double minutes) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", minutes);
  return text;
}

// The scores of a group at a venue without the travel limit (a locked group may exceed it).
SoftScores scores_for_report(const FormationProblem& p, const std::vector<int>& members, int venue, double& cost) {
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

// A reason that is a proof by counting: no grouping keeping the hard rules can place it.
UnassignedHousehold proven(const std::string& household, const char* rule, std::string reason) {
  UnassignedHousehold left;
  left.household = household;
  left.rule = rule;
  left.reason = std::move(reason);
  left.placeable = false;
  left.blocking_rules = {rule};
  return left;
}

std::string list_of(const std::vector<std::string>& items) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += i + 1 == items.size() ? " and " : ", ";
    text += items[i];
  }
  return text;
}

}  // namespace

void describe_placement(const FormationProblem& p, const Placement& placement, UnassignedHousehold& left) {
  if (left.placeable == std::optional<bool>(false)) return;  // already proven by counting
  const auto& households = p.request().waitlist.households;
  const std::string limit = minutes_text(p.travel_limits().max_minutes);
  if (placement.placeable) {
    left.placeable = true;
    for (int b : placement.displaced) {
      for (int h : p.blocks()[b]) left.would_displace.push_back(households[h].id);
    }
    std::sort(left.would_displace.begin(), left.would_displace.end());
    if (left.would_displace.empty()) {
      left.reason = "it can be placed, in a group with families now left out, but that group costs more than "
                    "leaving them out (the objective, docs/formation.md)";
    } else {
      const std::size_t n = left.would_displace.size();
      left.reason = "it can be placed, but only by leaving out " + std::to_string(n) +
                    (n == 1 ? " family" : " families") + " now in a group (" + list_of(left.would_displace) +
                    "); the groups within " + limit + " minutes are full or would break " + left.rule;
    }
    return;
  }
  if (placement.proven) {
    left.placeable = false;
    left.blocking_rules = placement.blocking;
    if (std::find(left.blocking_rules.begin(), left.blocking_rules.end(), left.rule) == left.blocking_rules.end()) {
      left.rule = left.blocking_rules.empty() ? left.rule : left.blocking_rules.front();
    }
    left.reason = "no group that keeps every hard rule (" + list_of(left.blocking_rules) +
                  ") can include it: every combination of the families within " + limit +
                  " minutes of the venues it reaches was checked";
    return;
  }
  left.placeable = std::nullopt;
  left.reason = "neither a group that can take it nor a proof that none can was found within the search's "
                "limit (certify_nodes); " + left.reason;
}

FormedGroup report_group(const FormationProblem& p, const std::string& id, const std::vector<int>& members, int venue,
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
  // DOMAIN C8, the one travel rule (travel.hpp): beyond max_minutes an error (only a locked group
  // can be so), beyond warn_minutes a warning, each naming its households.
  const TravelLimits& limits = p.travel_limits();
  std::vector<HouseholdTravel> drives;
  for (int h : sorted) {
    drives.push_back({waitlist.households[h].id,
                      venue < 0 ? limits.max_minutes + 1 : p.any_travel(p.info()[h].place, venue)});
  }
  for (GroupViolation& finding : travel_findings(limits, drives)) formed.violations.push_back(std::move(finding));
  // DOMAIN V1: a locked group across the border of a region that does not share its waitlist.
  const bool apart = p.request().region && !p.request().region->shared_waitlist;
  if (apart && std::any_of(sorted.begin(), sorted.end(), [&](int h) {
        return p.info()[h].municipality != p.info()[sorted.front()].municipality;
      })) {
    formed.violations.push_back({"V1", Severity::error,
                                 "households of several municipalities, and region \"" + p.request().region->id +
                                     "\" does not share its waitlist",
                                 {}});
  }
  const GroupRules& rules = p.rules();
  const std::pair<const char*, RuleWeight> checked[] = {
      {"G1", rules.behavioural_own_group}, {"G2", rules.life_threatening_own_group},
      {"G3", rules.size},                  {"G4", rules.attendance},
      {"G6", rules.stage_band == RuleWeight::off ? rules.school_age : rules.stage_band},
      {"G7", rules.acquaintance},          {"G8", rules.rare_peers},
      {"C8", RuleWeight::hard}, {"V1", apart ? RuleWeight::hard : RuleWeight::off}};
  for (const auto& [rule, weight] : checked) {
    if (weight == RuleWeight::off) continue;
    // An info (G6's transition topic) is a suggestion: the rule is still satisfied.
    const bool found = std::any_of(formed.violations.begin(), formed.violations.end(),
                                   [rule = rule](const GroupViolation& v) {
                                     return v.rule == rule && v.severity != Severity::info;
                                   });
    if (!found) formed.satisfied.push_back(rule);
  }
  if (venue >= 0) formed.scores = scores_for_report(p, members, venue, formed.cost);
  return formed;
}

UnassignedHousehold explain_unassigned(const FormationProblem& p, const std::vector<Draft>& drafts,
                                       const std::vector<int>& group_of_block, int h) {
  const Household& household = p.request().waitlist.households[h];
  const HouseholdInfo& x = p.info()[h];
  const GroupRules& rules = p.rules();
  const std::string limit = minutes_text(p.travel_limits().max_minutes);
  if (x.kindergarten && rules.school_age == RuleWeight::hard) {
    return proven(household.id, "G6",
                  "a child in kindergarten, and school_age is hard: the course suits best once the children "
                  "have started school");
  }
  if (p.reachable(x.place).empty()) {
    return proven(household.id, "C8", "no venue within " + limit + " minutes of pickup place \"" + household.school + "\"");
  }
  std::string category = "any category";
  const char* pool_rule = nullptr;
  if (x.category == 1) {
    category = "category mainly_behavioural";
    pool_rule = "G1";
  } else if (rules.behavioural_own_group == RuleWeight::hard && x.category == 0 &&
             rules.life_threatening_own_group != RuleWeight::hard) {
    category = "category illness or disability";
    pool_rule = "G1";
  } else if (x.category == 2) {
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
        const HouseholdInfo& y = p.info()[other];
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
  // DOMAIN V1: a region that does not share its waitlist groups each municipality apart.
  if (x.municipality >= 0) {
    in_category += " from municipality " + household.municipality +
                   " (region \"" + p.request().region->id + "\" does not share its waitlist, V1)";
  }
  if (compatible.empty()) {
    std::string reason = "no other family in " + in_category;
    reason += " within ";
    reason += limit;
    reason += " minutes";
    UnassignedHousehold left = proven(household.id, "C8", reason);
    if (x.municipality >= 0) left.blocking_rules.push_back("V1");
    return left;
  }
  int participants = x.caregivers;
  for (int other : compatible) participants += p.info()[other].caregivers;
  if (rules.size == RuleWeight::hard && participants < rules.min_participants) {
    std::ostringstream reason;
    reason << "only " << compatible.size() << " other famil" << (compatible.size() == 1 ? "y" : "ies")
           << " in " << in_category << " within " << limit << " minutes, " << participants
           << " participants with it; a group needs at least " << rules.min_participants;
    UnassignedHousehold left = proven(household.id, "G3", reason.str());
    if (x.municipality >= 0) left.blocking_rules.push_back("V1");
    return left;
  }
  // Enough families around: the groups near it cannot take it without breaking a hard rule, and
  // those left are too few or too unlike for a group of their own.
  std::map<std::string, int> broken;
  int in_groups = 0;
  for (int other : compatible) {
    if (group_of_block[p.info()[other].block] >= 0) ++in_groups;
  }
  for (const Draft& draft : drafts) {
    if (!draft.alive || draft.pool != x.pool) continue;
    if (p.travel(x.place, draft.venue) == no_route) continue;
    auto members = members_of(p, draft);
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
  UnassignedHousehold left;
  left.household = household.id;
  left.rule = rule;
  left.reason = reason.str();
  return left;
}

}  // namespace detail

std::ostream& operator<<(std::ostream& out, const UnassignedHousehold& unassigned) {
  return out << unassigned.household << " [" << unassigned.rule << "]: " << unassigned.reason;
}

}  // namespace paarorende
