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
#include <tuple>
#include <type_traits>
#include <vector>

#include "paarorende/fields.hpp"
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

/// The parallel offer's rules; each field's DOMAIN id, range and docstring are in its table below
/// (fields.hpp).
struct ParallelOfferRules {
  RuleWeight required = RuleWeight::hard;
  int min_staff = 2;
  int children_per_staff = 4;
  int min_age = 1;
  int max_age = 16;

  friend bool operator==(const ParallelOfferRules&, const ParallelOfferRules&) = default;
};

/// ParallelOfferRules' fields: a parallel offer document's JSON "rules" object
/// (docs/schemas/parallel-offer.schema.json) is read and written from this table. Its ranges
/// bound what the reader accepts (the core has no range check of its own); the reader checks by
/// hand the DOMAIN X5 minimum of two staff and that max_age is not below min_age.
constexpr auto fields(std::type_identity<ParallelOfferRules>) {
  using R = ParallelOfferRules;
  return std::tuple{
      field("required", &R::required,
            "DOMAIN P1: a parents' session at a school or kindergarten needs a parallel offer. "
            "Hard by default; a municipality may make it soft or switch it off."),
      field("min_staff", &R::min_staff,
            "DOMAIN X5: at least two adults with children, 2-100 (2).")
          .between(0, 100),
      field("children_per_staff", &R::children_per_staff,
            "Children one staff member looks after, 0-100; 0: only min_staff (4, a "
            "municipality's ratio: the seeds give none).")
          .between(0, 100),
      field("min_age", &R::min_age,
            "DOMAIN P1: the youngest child the activity is for, 0-25 (1: Enggrav's children are "
            "1-16).")
          .between(0, 25),
      field("max_age", &R::max_age,
            "DOMAIN P1: the oldest child the activity is for, min_age-25 (16).")
          .between(0, 25),
  };
}

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
