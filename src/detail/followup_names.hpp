// Private toolkit: the name tables of the follow-up register's enums (followup.hpp), the one home
// of their text forms for the core's to_string and the readers' "expected a, b or c" messages.
#pragma once

#include "detail/enum_names.hpp"
#include "paarorende/followup.hpp"

namespace paarorende::detail {

inline constexpr auto next_of_kin_to_names = enum_names<NextOfKinTo>("parent", "sibling", "other_close_person");
// DOMAIN V2: kinds of illness, never a diagnosis.
inline constexpr auto illness_kind_names =
    enum_names<IllnessKind>("mental_illness", "substance_use", "serious_somatic_illness");
inline constexpr auto followup_offer_kind_names =
    enum_names<FollowupOfferKind>("conversation", "school_information", "treffpunkt", "referral");

}  // namespace paarorende::detail
