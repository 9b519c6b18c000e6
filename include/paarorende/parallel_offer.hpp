// The parallel offer (DOMAIN P1, S-4.2): parents can come to a meeting place at a school or
// kindergarten only if their children and the siblings get an offer at the same time and place.
// An activity carries its own staff and the children's ages; validation reports a parents'
// session there without one (a rule the municipality can switch off) and a staffing shortfall.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "paarorende/format.hpp"
#include "paarorende/group.hpp"
#include "paarorende/schedule.hpp"
#include "paarorende/violation.hpp"

namespace paarorende {

/// What kind of place a venue is. P1 concerns schools and kindergartens.
enum class VenueKind { school, kindergarten, community_hall, other };

std::string_view to_string(VenueKind kind) noexcept;
std::optional<VenueKind> venue_kind_from_string(std::string_view text) noexcept;

/// The children's and siblings' activity alongside one parents' session.
struct ParallelActivity {
  int session = 0;  ///< The parents' session it accompanies (1-based).
  LocalDateTime start;
  LocalDateTime end;
  std::string place;      ///< The venue's name; the same as the session's (P1: same place).
  std::vector<int> ages;  ///< The children's ages, counts only (X4).
  int staff = 0;          ///< Its own staff, not the course's.

  friend bool operator==(const ParallelActivity&, const ParallelActivity&) = default;
};

struct ParallelOfferRules {
  /// DOMAIN P1: a parents' session at a school or kindergarten needs a parallel offer. Hard by
  /// default; a municipality may make it soft or switch it off.
  RuleWeight required = RuleWeight::hard;
  int min_staff = 2;           ///< DOMAIN X5: at least two adults with children.
  int children_per_staff = 4;  ///< A municipality's ratio (the seeds give none).
  int min_age = 1;             ///< DOMAIN P1: Enggrav's children are 1-16.
  int max_age = 16;

  friend bool operator==(const ParallelOfferRules&, const ParallelOfferRules&) = default;
};

/// A parents' course with the activities alongside it.
struct ParallelOfferPlan {
  CourseSchedule schedule;
  VenueKind venue_kind = VenueKind::school;
  std::vector<ParallelActivity> activities;
  ParallelOfferRules rules;

  friend bool operator==(const ParallelOfferPlan&, const ParallelOfferPlan&) = default;
};

/// Rules with a format's defaults (its staffing and ages).
ParallelOfferRules parallel_offer_rules(const CourseFormat& format);

/// Staff an activity for `children` needs: max(min_staff, ceil(children / children_per_staff)).
int staff_needed(int children, const ParallelOfferRules& rules) noexcept;

/// One activity per session of `schedule`, at the same time and place, for children of `ages`
/// with `staff` staff.
std::vector<ParallelActivity> parallel_activities(const CourseSchedule& schedule,
                                                  const std::vector<int>& ages, int staff);

/// Every finding: P1 for a session at a school or kindergarten without an activity covering it at
/// the same place (error, warning or nothing as `rules.required` says), for an activity at another
/// place, covering part of the session or for no session; X5 for too few staff; P1 warnings for
/// children outside the ages.
std::vector<Violation> validate(const ParallelOfferPlan& plan);

std::ostream& operator<<(std::ostream& out, const ParallelActivity& activity);

}  // namespace paarorende
