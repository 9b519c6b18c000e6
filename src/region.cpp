#include "paarorende/region.hpp"

#include <algorithm>

#include "detail/input_error.hpp"
#include "detail/text.hpp"
#include "paarorende/error.hpp"

namespace paarorende {

const Municipality* Region::find(std::string_view number_or_name) const noexcept {
  for (const auto& municipality : municipalities) {
    if (municipality.number == number_or_name || municipality.name == number_or_name) return &municipality;
  }
  return nullptr;
}

std::optional<Language> shared_written_standard(const Region& region) {
  if (region.municipalities.empty()) return std::nullopt;
  const Language first = region.municipalities.front().language;
  for (const Municipality& municipality : region.municipalities) {
    if (municipality.language != first) return std::nullopt;
  }
  return first;
}

const Region* find_builtin_region(std::string_view id) noexcept {
  for (const auto& region : builtin_regions()) {
    if (region.id == id) return &region;
  }
  return nullptr;
}

void check_region(const Region& region) {
  if (!detail::is_slug(region.id)) {
    detail::raise_input_error("/id", "an id is lower-case letters, digits and _ (at most 64), got " +
                             detail::quote_input(region.id));
  }
  if (region.name.empty()) detail::raise_input_error("/name", "a region needs a name");
  for (std::size_t i = 0; i < region.municipalities.size(); ++i) {
    const Municipality& municipality = region.municipalities[i];
    const std::string at = detail::index_pointer("/municipalities", i);
    if (municipality.number.size() != 4 || !detail::all_digits(municipality.number)) {
      detail::raise_input_error(at + "/number", "a municipality number has four digits, got " +
                               detail::quote_input(municipality.number));
    }
    if (municipality.name.empty()) detail::raise_input_error(at + "/name", "a municipality needs a name");
    for (std::size_t j = 0; j < i; ++j) {
      if (region.municipalities[j].number == municipality.number) {
        detail::raise_input_error(at + "/number", "municipality " + municipality.number + " is listed twice");
      }
    }
    for (std::size_t c = 0; c < municipality.contacts.size(); ++c) {
      const ChildContact& contact = municipality.contacts[c];
      const std::string contact_at = detail::index_pointer(at + "/contacts", c);
      if (contact.role.empty()) detail::raise_input_error(contact_at + "/role", "a contact needs a role", detail::Rule{"V3"});
      if (contact.unit.empty()) detail::raise_input_error(contact_at + "/unit", "a contact needs a unit", detail::Rule{"V3"});
    }
  }
  for (std::size_t i = 0; i < region.required_units.size(); ++i) {
    if (region.required_units[i].empty()) {
      detail::raise_input_error(detail::index_pointer("/required_units", i), "a unit needs a name");
    }
  }
  for (std::size_t i = 0; i < region.venues.size(); ++i) {
    if (region.venues[i].name.empty()) {
      detail::raise_input_error(detail::index_pointer("/venues", i) + "/name", "a venue needs a name");
    }
  }
  Roster volunteers{RosterRules{}, region.volunteers, {}};
  check_roster(volunteers);  // pseudonymous ids, each once
}

std::vector<Violation> validate(const Region& region) {
  std::vector<Violation> found;
  if (region.municipalities.size() < 2) {
    found.push_back({"V1", Severity::warning,
                     "a region of " + std::to_string(region.municipalities.size()) +
                         " municipality(ies); V1 is about municipalities working together",
                     std::nullopt});
  }
  for (const auto& municipality : region.municipalities) {
    for (const auto& unit : region.required_units) {
      const bool named = std::any_of(municipality.contacts.begin(), municipality.contacts.end(),
                                     [&](const ChildContact& c) { return c.unit == unit; });
      if (!named) {
        // DOMAIN V3: each unit has designated child-responsible staff.
        found.push_back({"V3", Severity::warning,
                         municipality.name + " (" + municipality.number +
                             ") names no child-responsible contact in the unit " + unit,
                         std::nullopt});
      }
    }
  }
  for (const auto& volunteer : region.volunteers) {
    if (!volunteer.certificate_valid_until) {
      found.push_back({"X5", Severity::info,
                       volunteer.id + " has no police certificate and cannot be rostered", std::nullopt});
    }
  }
  return found;
}

std::ostream& operator<<(std::ostream& out, const Region& region) {
  return out << "Region(" << region.id << ", " << region.name << ", " << region.municipalities.size()
             << " municipalities)";
}

}  // namespace paarorende
