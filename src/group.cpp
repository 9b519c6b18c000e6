#include "paarorende/group.hpp"
#include "detail/check_fields.hpp"
#include "detail/input_error.hpp"
#include "detail/text.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "paarorende/error.hpp"

namespace paarorende {
namespace {

Severity severity_of(RuleWeight weight) {
  return weight == RuleWeight::hard ? Severity::error : Severity::warning;
}

std::string percent(double probability, int decimals = 0) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f%%", decimals, probability * 100.0);
  return text;
}

std::vector<std::string> ids_where(const Group& group, bool (*predicate)(const Household&), bool value) {
  std::vector<std::string> ids;
  for (const auto& household : group.households) {
    if (predicate(household) == value) ids.push_back(household.id);
  }
  return ids;
}

}  // namespace

bool only_behavioural(const Household& household) noexcept {
  return std::all_of(household.children.begin(), household.children.end(), [](const Child& child) {
    return child.condition == ConditionCategory::mainly_behavioural;
  });
}

bool life_threatening_or_limiting(const Household& household) noexcept {
  return std::any_of(household.children.begin(), household.children.end(), [](const Child& child) {
    return child.condition == ConditionCategory::life_threatening ||
           child.condition == ConditionCategory::life_limiting;
  });
}

int Household::fathers() const noexcept {
  return static_cast<int>(std::count_if(caregivers.begin(), caregivers.end(), [](const Caregiver& c) {
    return c.role == CaregiverRole::father;
  }));
}

int Group::participants() const noexcept {
  int count = 0;
  for (const auto& household : households) count += static_cast<int>(household.caregivers.size());
  return count;
}

std::ostream& operator<<(std::ostream& out, const GroupViolation& violation) {
  out << to_string(violation.severity) << " [" << violation.rule << "]: " << violation.message;
  if (!violation.households.empty()) {
    out << " (";
    for (std::size_t i = 0; i < violation.households.size(); ++i) {
      out << (i ? ", " : "") << violation.households[i];
    }
    out << ')';
  }
  return out;
}

std::vector<AttendanceUnit> attendance_units(const Group& group, const GroupRules& rules) {
  std::vector<AttendanceUnit> units;
  units.reserve(group.households.size());
  for (const auto& household : group.households) {
    units.push_back({static_cast<int>(household.caregivers.size()),
                     household.attendance.value_or(rules.default_attendance)});
  }
  return units;
}

void check_rules(const GroupRules& rules) {
  // The ranges are in GroupRules' table (group.hpp).
  detail::check_fields(rules, "/rules", detail::RangeMessage::bounds);
}

std::vector<GroupViolation> validate(const Group& group, const GroupRules& rules) {
  check_rules(rules);
  std::set<std::string> ids;
  for (std::size_t i = 0; i < group.households.size(); ++i) {
    const Household& household = group.households[i];
    const std::string at = "/households/" + std::to_string(i);
    if (household.id.empty()) detail::raise_input_error(at + "/id", "a household needs an id");
    if (!ids.insert(household.id).second) {
      detail::raise_input_error(at + "/id", "household id \"" + household.id + "\" is used twice");
    }
    if (household.caregivers.empty() || household.caregivers.size() > 2) {
      detail::raise_input_error(at + "/caregivers", "a household enrols 1 or 2 caregivers", detail::Rule{"G3"});
    }
    if (household.children.empty()) {
      detail::raise_input_error(at + "/children", "a household has at least one child the offer concerns");
    }
  }

  std::vector<GroupViolation> found;
  auto add = [&found](const char* rule, RuleWeight weight, std::string message,
                      std::vector<std::string> households = {}) {
    if (weight != RuleWeight::off) {
      found.push_back({rule, severity_of(weight), std::move(message), std::move(households)});
    }
  };

  // DOMAIN G1: mainly behavioural difficulties get groups of their own.
  const auto behavioural = ids_where(group, only_behavioural, true);
  const auto others = ids_where(group, only_behavioural, false);
  if (!behavioural.empty() && !others.empty()) {
    const bool fewer_behavioural = behavioural.size() <= others.size();
    add("G1", rules.behavioural_own_group,
        "children with mainly behavioural difficulties and children with illness or disability "
        "in one group; behavioural difficulties get groups of their own",
        fewer_behavioural ? behavioural : others);
  }
  // DOMAIN G2: life-threatening or life-limiting conditions want groups of their own.
  const auto threatened = ids_where(group, life_threatening_or_limiting, true);
  std::vector<std::string> general;
  for (const auto& household : group.households) {
    if (!life_threatening_or_limiting(household) && !only_behavioural(household)) {
      general.push_back(household.id);
    }
  }
  if (!threatened.empty() && !general.empty()) {
    add("G2", rules.life_threatening_own_group,
        "life-threatening or life-limiting conditions together with other conditions; these "
        "parents want groups of their own",
        threatened.size() <= general.size() ? threatened : general);
  }
  // DOMAIN G3: enrolled participants within the size bounds.
  const int participants = group.participants();
  if (participants < rules.min_participants) {
    add("G3", rules.size,
        std::to_string(participants) + " participants enrolled; at least " +
            std::to_string(rules.min_participants) + " are needed");
  } else if (participants > rules.max_participants) {
    add("G3", rules.size,
        std::to_string(participants) + " participants enrolled; at most " +
            std::to_string(rules.max_participants));
  }
  // DOMAIN G4: estimate attendance, do not assume it.
  const AttendanceDistribution attendance = attendance_distribution(attendance_units(group, rules));
  const double sure = attendance.at_least(rules.min_present);
  // A sum of many products can land a rounding error below a threshold it equals exactly.
  if (sure < rules.min_present_probability - 1e-12) {
    // As many decimals as it takes for a probability just below the threshold not to print as it.
    int decimals = 0;
    while (decimals < 4 && percent(sure, decimals) == percent(rules.min_present_probability, decimals)) {
      ++decimals;
    }
    add("G4", rules.attendance,
        "P(at least " + std::to_string(rules.min_present) + " present at a session) = " +
            percent(sure, decimals) + ", below " + percent(rules.min_present_probability, decimals));
  }
  // DOMAIN G6: children in a narrow band of stages, preferably at school.
  std::map<ChildStage, std::vector<std::string>> by_stage;
  for (const auto& household : group.households) {
    for (const auto& child : household.children) {
      auto& list = by_stage[child.stage];
      if (list.empty() || list.back() != household.id) list.push_back(household.id);
    }
  }
  if (!by_stage.empty()) {
    const int span = static_cast<int>(by_stage.rbegin()->first) - static_cast<int>(by_stage.begin()->first);
    if (span > rules.max_stage_span) {
      std::vector<std::string> concerned = by_stage.begin()->second;
      for (const auto& id : by_stage.rbegin()->second) {  // a household at both ends is named once
        if (std::find(concerned.begin(), concerned.end(), id) == concerned.end()) concerned.push_back(id);
      }
      add("G6", rules.stage_band,
          "children from " + std::string(to_string(by_stage.begin()->first)) + " to " +
              std::string(to_string(by_stage.rbegin()->first)) + "; groups are formed by child stage",
          concerned);
    }
    if (auto kindergarten = by_stage.find(ChildStage::kindergarten); kindergarten != by_stage.end()) {
      add("G6", rules.school_age,
          "children in kindergarten: soon after diagnosis medical questions dominate; the course "
          "suits best once the children have started school",
          kindergarten->second);
    }
  }
  // DOMAIN G6: the pilot came "somewhat late" ("litt seint i forløpet": its parents "gikk glipp av
  // muligheten til å snakke om bland annet overgangen til ungdomskolen", S-6.0 B). Grades 8-9
  // are the first two after the move to lower secondary, 11-12 after the move to upper secondary.
  // A child without a grade recorded counts as not past a move; the finding states the threshold,
  // not the count (X4).
  if (rules.transition != RuleWeight::off) {
    int children = 0, after_lower = 0, after_upper = 0;
    std::vector<std::string> concerned;
    for (const auto& household : group.households) {
      for (const auto& child : household.children) {
        ++children;
        const bool lower = child.grade && (*child.grade == 8 || *child.grade == 9);
        const bool upper = child.grade && (*child.grade == 11 || *child.grade == 12);
        after_lower += lower ? 1 : 0;
        after_upper += upper ? 1 : 0;
        if ((lower || upper) && (concerned.empty() || concerned.back() != household.id)) {
          concerned.push_back(household.id);
        }
      }
    }
    if (children > 0 && 2 * (after_lower + after_upper) >= children) {
      std::string moves;
      if (after_lower > 0) moves = "the move to lower secondary (grades 8-9)";
      if (after_upper > 0) moves += std::string(moves.empty() ? "" : " and ") + "the move to upper secondary (grades 11-12)";
      found.push_back({"G6", Severity::info,
                       "at least half the children are just past " + moves +
                           ": the transition topic (T3) came too late for this group; offer it to the "
                           "next group before the move",
                       concerned});
    }
  }
  // DOMAIN G7: parents who know each other (same school) share openly from the start.
  // Only what is known counts: households without a school recorded are left out.
  std::map<std::string, int> per_school;
  int with_school = 0;
  for (const auto& household : group.households) {
    if (!household.school.empty()) {
      ++per_school[household.school];
      ++with_school;
    }
  }
  const bool acquainted = std::any_of(per_school.begin(), per_school.end(),
                                      [](const auto& entry) { return entry.second >= 2; });
  if (with_school >= 2 && !acquainted) {
    add("G7", rules.acquaintance,
        "no two households share a school; strangers may need more time to build trust, so give "
        "the first session room for it");
  }
  // DOMAIN G8: a rare diagnosis should meet its peers.
  std::map<std::string, std::vector<std::string>> by_diagnosis;
  for (const auto& household : group.households) {
    for (const auto& child : household.children) {
      if (child.rare_diagnosis) by_diagnosis[*child.rare_diagnosis].push_back(household.id);
    }
  }
  std::vector<std::string> alone;
  for (const auto& [code, households] : by_diagnosis) {
    if (std::set<std::string>(households.begin(), households.end()).size() < 2) {
      // Siblings with one code are not peers; their household is named once.
      for (const auto& id : households) {
        if (std::find(alone.begin(), alone.end(), id) == alone.end()) alone.push_back(id);
      }
    }
  }
  if (!alone.empty()) {
    add("G8", rules.rare_peers,
        "a rare diagnosis without a peer in the group; help these families meet the few others in "
        "the same situation, across municipalities if need be",
        alone);
  }
  // DOMAIN G9: fathers asked for a session of their own.
  int fathers = 0;
  for (const auto& household : group.households) fathers += household.fathers();
  if (fathers >= rules.fathers_for_session) {
    if (rules.fathers_session != RuleWeight::off) {
      found.push_back({"G9", Severity::info,
                       // The threshold, not the count: small counts are not shown (X4).
                       "at least " + std::to_string(rules.fathers_for_session) +
                           " fathers enrolled: offer a fathers' session (topic \"fathers_session\")",
                       {}});
    }
  }
  return found;
}

std::vector<GroupViolation> travel_findings(const TravelLimits& limits, const std::vector<HouseholdTravel>& drives) {
  std::vector<GroupViolation> found;
  for (const Severity severity : {Severity::error, Severity::warning}) {
    std::vector<std::string> households;
    for (const HouseholdTravel& drive : drives) {
      if (travel_severity(limits, drive.minutes) == severity) households.push_back(drive.household);
    }
    if (households.empty()) continue;
    found.push_back({"C8", severity,
                     "the drive from the venue to their pickup places: " + travel_limit_text(limits, severity),
                     std::move(households)});
  }
  return found;
}

std::vector<GroupViolation> validate(const GroupDocument& document) {
  check_group_places(document);
  std::vector<GroupViolation> found = validate(document.group, document.rules);
  if (document.venue.empty()) return found;
  std::vector<HouseholdTravel> drives;
  for (std::size_t h = 0; h < document.group.households.size(); ++h) {
    const Household& household = document.group.households[h];
    const double minutes = detail::under_pointer("/households/" + std::to_string(h) + "/school", [&] {
      return travel_minutes_between(document.places, document.travel_times, document.travel_model, document.venue,
                                    household.school);
    });
    drives.push_back({household.id, minutes});
  }
  for (GroupViolation& finding : travel_findings(document.travel, drives)) found.push_back(std::move(finding));
  return found;
}

void check_group_places(const GroupDocument& document) {
  detail::check_fields(document.travel_model, "/travel_model", detail::RangeMessage::bounds);  // travel.hpp's table
  check_travel_limits(document.travel);  // DOMAIN C8
  std::set<std::string> ids;
  for (std::size_t p = 0; p < document.places.size(); ++p) {
    const Place& place = document.places[p];
    const std::string at = "/places/" + std::to_string(p);
    if (!ids.insert(place.id).second) {
      detail::raise_input_error(at + "/id", "place id " + detail::quote_input(place.id) + " is used twice");
    }
    // The ranges the reader checks, for a document built in code too (NaN fails them).
    if (!(place.latitude >= -90 && place.latitude <= 90)) {
      detail::raise_input_error(at + "/latitude", "must be between -90 and 90", detail::Rule{"C8"});
    }
    if (!(place.longitude >= -180 && place.longitude <= 180)) {
      detail::raise_input_error(at + "/longitude", "must be between -180 and 180", detail::Rule{"C8"});
    }
  }
  for (std::size_t t = 0; t < document.travel_times.size(); ++t) {
    const TravelTime& travel = document.travel_times[t];
    if (!(travel.minutes >= 0 && travel.minutes <= 1440)) {
      detail::raise_input_error("/travel_times/" + std::to_string(t) + "/minutes", "must be between 0 and 1440",
                                detail::Rule{"C8"});
    }
    for (const char* end : {"from", "to"}) {
      const std::string& id = std::string_view(end) == "from" ? travel.from : travel.to;
      if (!ids.count(id)) {
        detail::raise_input_error("/travel_times/" + std::to_string(t) + "/" + end, "unknown place " + detail::quote_input(id),
                                  detail::Rule{"C8"});
      }
    }
  }
  if (!document.venue.empty()) {
    const auto venue = std::find_if(document.places.begin(), document.places.end(),
                                    [&](const Place& place) { return place.id == document.venue; });
    if (venue == document.places.end()) {
      detail::raise_input_error("/venue", "unknown place " + detail::quote_input(document.venue), detail::Rule{"C8"});
    }
    if (!venue->venue) {
      detail::raise_input_error("/venue", "place " + detail::quote_input(document.venue) + " is not a venue",
                                detail::Rule{"C8"});
    }
  }
  if (document.places.empty()) return;
  for (std::size_t h = 0; h < document.group.households.size(); ++h) {
    const std::string& school = document.group.households[h].school;
    if (!ids.count(school)) {
      detail::raise_input_error("/households/" + std::to_string(h) + "/school",
                                school.empty() ? std::string("a household needs its pickup place (school) among the places")
                                               : "unknown place " + detail::quote_input(school),
                                detail::Rule{"C8"});
    }
  }
}

}  // namespace paarorende
