// Private toolkit: the name tables of Treffpunkt's enums (treffpunkt.hpp), the one home of their
// text forms for the core's to_string and the readers' "expected a, b or c" messages.
#pragma once

#include "detail/enum_names.hpp"
#include "paarorende/treffpunkt.hpp"

namespace paarorende::detail {

inline constexpr auto adult_role_names = enum_names<AdultRole>("mother", "father", "guardian", "other_adult");
// DOMAIN X4: practical matters only; no code here names a health detail.
inline constexpr auto must_know_names = enum_names<MustKnow>(
    "no_photos", "may_walk_home_alone", "arranged_transport", "new_this_season", "sibling_enrolled",
    "vegetarian_food", "no_pork", "interpreter_for_guardian");

}  // namespace paarorende::detail
