// Private toolkit: the name table of every enum of the model, the one home of its text forms.
// The public to_string / X_from_string functions and the readers' "expected a, b or c" messages
// are all made from these tables (detail/enum_names.hpp).
#pragma once

#include "detail/enum_names.hpp"
#include "paarorende/calendar.hpp"
#include "paarorende/evaluation.hpp"
#include "paarorende/family_week.hpp"
#include "paarorende/format.hpp"
#include "paarorende/group.hpp"
#include "paarorende/household.hpp"
#include "paarorende/parallel_offer.hpp"
#include "paarorende/schedule.hpp"
#include "paarorende/scores.hpp"
#include "paarorende/topic.hpp"
#include "paarorende/violation.hpp"

namespace paarorende::detail {

inline constexpr auto closure_kind_names = enum_names<ClosureKind>(
    "weekend", "public_holiday", "school_holiday", "outside_school_year");
inline constexpr auto hidden_reason_names = enum_names<HiddenReason>(
    "course_too_small", "item_too_small", "small_count", "would_reveal");
inline constexpr auto item_kind_names =
    enum_names<ItemKind>("likert", "yes_no", "single_choice", "free_text");
inline constexpr auto family_block_kind_names = enum_names<FamilyBlockKind>(
    "teaching", "parents_group", "observation_talk", "lunch", "children_programme",
    "parents_evening", "childcare");
inline constexpr auto format_kind_names = enum_names<FormatKind>(
    "course", "family_week", "meeting_place", "parallel_offer");
inline constexpr auto rule_weight_names = enum_names<RuleWeight>("hard", "soft", "off");
inline constexpr auto caregiver_role_names =
    enum_names<CaregiverRole>("mother", "father", "other_guardian");
inline constexpr auto condition_category_names = enum_names<ConditionCategory>(
    "life_threatening", "life_limiting", "serious_illness", "severe_disability",
    "mainly_behavioural");
inline constexpr auto venue_kind_names =
    enum_names<VenueKind>("school", "kindergarten", "community_hall", "other");
inline constexpr auto move_policy_names = [] {
  auto names = enum_names<MovePolicy>("next_open_week", "shift_following");
  names.quoted = true;
  return names;
}();
inline constexpr auto agenda_kind_names = enum_names<AgendaKind>(
    "meal", "getting_to_know", "topic_wishes", "introduction", "reflection");
inline constexpr auto child_stage_names = enum_names<ChildStage>(
    "kindergarten", "primary", "lower_secondary", "upper_secondary");
inline constexpr auto audience_names =
    enum_names<Audience>("parents", "fathers", "children", "siblings");
inline constexpr auto severity_names = [] {
  auto names = enum_names<Severity>("info", "warning", "error");
  names.quoted = true;
  return names;
}();

/// The name table of an enum, for code generic over a field's type (io/fields.hpp):
/// names_of(RuleWeight{}). Add an overload when a field table holds another enum.
constexpr const auto& names_of(RuleWeight) { return rule_weight_names; }

}  // namespace paarorende::detail
