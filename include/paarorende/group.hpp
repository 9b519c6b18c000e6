// Group composition (DOMAIN G1-G9): a configurable rule set, each rule with its DOMAIN id, its
// default from the seeds and a weight, and the validation of a proposed group against it,
// attendance figures included.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#include "paarorende/attendance.hpp"
#include "paarorende/fields.hpp"
#include "paarorende/household.hpp"
#include "paarorende/travel.hpp"
#include "paarorende/violation.hpp"

namespace paarorende {

/// How much a rule counts: a hard rule's violation is an error, a soft one's a warning.
enum class RuleWeight { hard, soft, off };

std::string_view to_string(RuleWeight weight) noexcept;
std::optional<RuleWeight> rule_weight_from_string(std::string_view text) noexcept;

/// The group rules with the seeds' defaults, each overridable in a group document's "rules".
/// Each rule's DOMAIN id, range and docstring are in its table below (fields.hpp).
struct GroupRules {
  RuleWeight behavioural_own_group = RuleWeight::hard;
  RuleWeight life_threatening_own_group = RuleWeight::off;
  int min_participants = 9;  // G3: 4 couples and 1 father proved a minimum
  /// DOMAIN G3: "not too large either"; the report gives no number. 16 holds the 8 couples that
  /// P(at least 5 present) >= 90% needs with the pilot's attendance (G4, G5).
  int max_participants = 16;
  RuleWeight size = RuleWeight::hard;
  int min_present = 5;  // G4: "at least 4-5" at every session
  double min_present_probability = 0.8;
  RuleWeight attendance = RuleWeight::soft;
  int max_stage_span = 1;
  RuleWeight stage_band = RuleWeight::soft;
  RuleWeight school_age = RuleWeight::soft;
  RuleWeight transition = RuleWeight::soft;
  RuleWeight acquaintance = RuleWeight::soft;
  RuleWeight rare_peers = RuleWeight::soft;
  int fathers_for_session = 3;
  RuleWeight fathers_session = RuleWeight::soft;
  AttendanceProbabilities default_attendance = pilot_attendance();

  friend bool operator==(const GroupRules&, const GroupRules&) = default;
};

/// GroupRules' fields: the JSON "rules" object (docs/groups.md), check_rules() and the Python
/// GroupRules are made from this table.
constexpr auto fields(std::type_identity<GroupRules>) {
  using R = GroupRules;
  return std::tuple{
      field("behavioural_own_group", &R::behavioural_own_group,
            "DOMAIN G1: mainly behavioural difficulties get groups of their own (hard)."),
      field("life_threatening_own_group", &R::life_threatening_own_group,
            "DOMAIN G2: keep life-threatening and life-limiting conditions apart from the others "
            "(off: the pilot mixed them; hard or soft for a municipality that wants it)."),
      field("min_participants", &R::min_participants,
            "DOMAIN G3: fewest enrolled participants, 1-1000 (9: 4 couples and 1 father proved a "
            "minimum).")
          .between(1, 1000),
      field("max_participants", &R::max_participants,
            "DOMAIN G3: most enrolled participants, min_participants-1000 (\"not too large "
            "either\": the report gives no number, so the default is the library's own).")
          .between(1, 1000)
          .at_least(&R::min_participants),
      field("size", &R::size, "DOMAIN G3: the weight of the size rule (hard)."),
      field("min_present", &R::min_present,
            "DOMAIN G4: participants that should be present at every session, 0-1000 (5: \"at "
            "least 4-5\").")
          .between(0, 1000),
      field("min_present_probability", &R::min_present_probability,
            "DOMAIN G4: how sure a plan must be of min_present, 0-1 (0.8).")
          .between(0, 1),
      field("attendance", &R::attendance, "DOMAIN G4: the weight of the attendance rule (soft)."),
      field("max_stage_span", &R::max_stage_span,
            "DOMAIN G6: how many stages apart the children may be, 0-3 (1; 0 asks for one "
            "stage).")
          .between(0, 3),
      field("stage_band", &R::stage_band, "DOMAIN G6: the weight of the stage band (soft)."),
      field("school_age", &R::school_age,
            "DOMAIN G6: best once the children are at school; a child in kindergarten is a "
            "finding (soft)."),
      field("transition", &R::transition,
            "DOMAIN G6: at least half the children in the first two grades after a move (8-9, "
            "11-12) have passed the transition: an info that the transition topic (T3) came too "
            "late for them and belongs in the next group; hard and soft both give the info, off "
            "silences it."),
      field("acquaintance", &R::acquaintance,
            "DOMAIN G7: parents at the same school share openly sooner (soft)."),
      field("rare_peers", &R::rare_peers,
            "DOMAIN G8: a rare diagnosis should meet its peers (soft)."),
      field("fathers_for_session", &R::fathers_for_session,
            "DOMAIN G9: this many fathers suggest a fathers' session, 1-1000 (3).")
          .between(1, 1000),
      field("fathers_session", &R::fathers_session,
            "DOMAIN G9: hard or soft, the suggestion is an info; off silences it."),
      field("default_attendance", &R::default_attendance,
            "DOMAIN G4, G5: the AttendanceProbabilities of a household without its own (the "
            "pilot's, 0.65 and 0.5)."),
  };
}

/// A proposed group of households.
struct Group {
  std::string id;
  std::vector<Household> households;

  /// Enrolled participants: every household's caregivers (DOMAIN G3).
  int participants() const noexcept;

  friend bool operator==(const Group&, const Group&) = default;
};

/// A finding about a group: the rule, how much it counts, what, and the households concerned.
struct GroupViolation {
  std::string rule;
  Severity severity = Severity::error;
  std::string message;
  std::vector<std::string> households;  ///< Pseudonymous ids; empty when it concerns the whole group.

  friend bool operator==(const GroupViolation&, const GroupViolation&) = default;
};

std::ostream& operator<<(std::ostream& out, const GroupViolation& violation);

/// DOMAIN G1: every child the household enrols for has mainly behavioural difficulties. The one
/// test validate() and group formation both use.
bool only_behavioural(const Household& household) noexcept;
/// DOMAIN G2: a child with a life-threatening or life-limiting condition.
bool life_threatening_or_limiting(const Household& household) noexcept;

/// Each household's attendance unit: its caregivers and its own or the default probabilities.
std::vector<AttendanceUnit> attendance_units(const Group& group, const GroupRules& rules);

/// Checks the rules' own values (ranges); throws InputError with a pointer under "/rules".
void check_rules(const GroupRules& rules);

/// Every violation of `rules` by `group`, in rule order (G1 ... G9); throws InputError for a
/// malformed group (duplicate household ids, a household without caregivers or children).
std::vector<GroupViolation> validate(const Group& group, const GroupRules& rules = {});

/// A group document (docs/groups.md): the households and the rules to check them by.
struct GroupDocument {
  Group group;
  GroupRules rules;
  /// DOMAIN C8, as on a waitlist (travel.hpp), all optional: where the group meets (a place id),
  /// the places (each household's `school` names its pickup place among them), known travel
  /// times and the estimate's model. With a venue a course is planned from the group, each
  /// household's drive from the venue to its pickup place bounding the sessions' end (C3;
  /// course_for_group in schedule.hpp). `paarorende groups` writes each formed group so.
  std::string venue;
  std::vector<Place> places;
  std::vector<TravelTime> travel_times;
  TravelModel travel_model;
  /// DOMAIN C8: the travel rule `check` applies to each household's drive when there is a venue;
  /// `groups` writes the waitlist's.
  TravelLimits travel;

  friend bool operator==(const GroupDocument&, const GroupDocument&) = default;
};

/// The form checks of a group document's places (DOMAIN C8): place ids once each, the venue a
/// place that is a venue, every household's `school` a place when there are places. Throws
/// InputError with the JSON pointer ("/venue", "/households/2/school").
void check_group_places(const GroupDocument& document);

/// A household's drive from the venue to its pickup place, in minutes.
struct HouseholdTravel {
  std::string household;
  double minutes = 0.0;
};

/// DOMAIN C8, the one travel rule (travel.hpp) over a group's drives: an error naming the
/// households beyond `max_minutes`, a warning naming those beyond `warn_minutes`; none when all
/// are a short drive. `check`, `groups` and formation report travel so.
std::vector<GroupViolation> travel_findings(const TravelLimits& limits, const std::vector<HouseholdTravel>& drives);

/// Every finding for a group document: validate(group, rules), then, when it has a venue, C8 for
/// each household's drive from the venue to its pickup place (travel_findings). Throws
/// InputError for a malformed document (check_group_places).
std::vector<GroupViolation> validate(const GroupDocument& document);

}  // namespace paarorende
