// The text forms of the model's enums (to_string, X_from_string), all made from their one name
// table each (detail/names.hpp).
#include "detail/names.hpp"

namespace paarorende {

std::string to_string(ClosureKind kind) { return std::string(detail::closure_kind_names.name(kind)); }

std::string_view to_string(Severity severity) noexcept {
  return detail::severity_names.name(severity);
}
std::optional<Severity> severity_from_string(std::string_view text) noexcept {
  return detail::severity_names.parse(text);
}
std::string_view to_string(ChildStage stage) noexcept {
  return detail::child_stage_names.name(stage);
}
std::optional<ChildStage> child_stage_from_string(std::string_view text) noexcept {
  return detail::child_stage_names.parse(text);
}
std::string_view to_string(Audience audience) noexcept {
  return detail::audience_names.name(audience);
}
std::optional<Audience> audience_from_string(std::string_view text) noexcept {
  return detail::audience_names.parse(text);
}
std::string_view to_string(CaregiverRole role) noexcept {
  return detail::caregiver_role_names.name(role);
}
std::optional<CaregiverRole> caregiver_role_from_string(std::string_view text) noexcept {
  return detail::caregiver_role_names.parse(text);
}
std::string_view to_string(ConditionCategory category) noexcept {
  return detail::condition_category_names.name(category);
}
std::optional<ConditionCategory> condition_category_from_string(std::string_view text) noexcept {
  return detail::condition_category_names.parse(text);
}
std::string_view to_string(RuleWeight weight) noexcept {
  return detail::rule_weight_names.name(weight);
}
std::optional<RuleWeight> rule_weight_from_string(std::string_view text) noexcept {
  return detail::rule_weight_names.parse(text);
}
std::string_view to_string(MovePolicy policy) noexcept {
  return detail::move_policy_names.name(policy);
}
std::optional<MovePolicy> move_policy_from_string(std::string_view text) noexcept {
  return detail::move_policy_names.parse(text);
}
std::string_view to_string(AgendaKind kind) noexcept {
  return detail::agenda_kind_names.name(kind);
}
std::optional<AgendaKind> agenda_kind_from_string(std::string_view text) noexcept {
  return detail::agenda_kind_names.parse(text);
}
std::string_view to_string(FormatKind kind) noexcept {
  return detail::format_kind_names.name(kind);
}
std::optional<FormatKind> format_kind_from_string(std::string_view text) noexcept {
  return detail::format_kind_names.parse(text);
}
std::string_view to_string(FamilyBlockKind kind) noexcept {
  return detail::family_block_kind_names.name(kind);
}
std::optional<FamilyBlockKind> family_block_kind_from_string(std::string_view text) noexcept {
  return detail::family_block_kind_names.parse(text);
}
std::string_view to_string(VenueKind kind) noexcept {
  return detail::venue_kind_names.name(kind);
}
std::optional<VenueKind> venue_kind_from_string(std::string_view text) noexcept {
  return detail::venue_kind_names.parse(text);
}
std::string_view to_string(HiddenReason reason) noexcept {
  return detail::hidden_reason_names.name(reason);
}
std::string_view to_string(ItemKind kind) noexcept {
  return detail::item_kind_names.name(kind);
}
std::optional<ItemKind> item_kind_from_string(std::string_view text) noexcept {
  return detail::item_kind_names.parse(text);
}

}  // namespace paarorende
