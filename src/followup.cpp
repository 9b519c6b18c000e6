#include "paarorende/followup.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "detail/followup_names.hpp"
#include "detail/input_error.hpp"
#include "detail/text.hpp"
#include "paarorende/limits.hpp"

namespace paarorende {

namespace {

using detail::index_pointer;
using detail::quote_input;
using detail::raise_input_error;
using detail::require;
using detail::Rule;

// The age a child is counted at on the day, and its band's label ("6-12", "19+").
std::string band_label(const AgeBand& band) {
  if (band.max_age >= 99) return std::to_string(band.min_age) + "+";
  return std::to_string(band.min_age) + "-" + std::to_string(band.max_age);
}

const Municipality* municipality_of(const Region& region, const std::string& reference) {
  return region.find(reference);
}

// The unit a child's lists go to: its responsible unit, or the one that identified it while no
// unit is responsible (DOMAIN V3: someone has to see the child is without one).
const std::string& owner_of(const FollowupChild& child) {
  return child.responsible_unit ? *child.responsible_unit : child.identified_by;
}

std::string plural(std::size_t count, const char* one, const char* many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

}  // namespace

std::string_view to_string(NextOfKinTo who) noexcept { return detail::next_of_kin_to_names.name(who); }
std::string_view to_string(IllnessKind illness) noexcept { return detail::illness_kind_names.name(illness); }
std::string_view to_string(FollowupOfferKind kind) noexcept { return detail::followup_offer_kind_names.name(kind); }
std::optional<NextOfKinTo> next_of_kin_to_from_string(std::string_view text) noexcept {
  return detail::next_of_kin_to_names.parse(text);
}
std::optional<IllnessKind> illness_kind_from_string(std::string_view text) noexcept {
  return detail::illness_kind_names.parse(text);
}
std::optional<FollowupOfferKind> followup_offer_kind_from_string(std::string_view text) noexcept {
  return detail::followup_offer_kind_names.parse(text);
}

const std::vector<FollowupOfferKind>& followup_offer_kinds() {
  static const std::vector<FollowupOfferKind> kinds{FollowupOfferKind::conversation, FollowupOfferKind::school_information,
                                                    FollowupOfferKind::treffpunkt, FollowupOfferKind::referral};
  return kinds;
}

bool needs_consent(FollowupOfferKind kind) noexcept { return kind != FollowupOfferKind::conversation; }

const FollowupUnit* FollowupRegister::find_unit(std::string_view id) const noexcept {
  for (const auto& unit : units) {
    if (unit.id == id) return &unit;
  }
  return nullptr;
}

const FollowupChild* FollowupRegister::find_child(std::string_view id) const noexcept {
  for (const auto& child : children) {
    if (child.id == id) return &child;
  }
  return nullptr;
}

bool UnitFollowup::empty() const noexcept {
  return overdue.empty() && due.empty() && without_responsible_role.empty() && offered_nothing.empty() &&
         offers_without_consent.empty();
}

void check_followup_register(const FollowupRegister& reg) {
  detail::check_limit(reg.units.size(), max_list_entries, "units", "/units");
  detail::check_limit(reg.children.size(), max_responses, "children", "/children");
  require(!reg.units.empty(), "/units", "a register names at least one unit: the units follow the children up",
          Rule{"V3"});
  std::set<std::string> unit_ids;
  for (std::size_t i = 0; i < reg.units.size(); ++i) {
    const FollowupUnit& unit = reg.units[i];
    const std::string at = index_pointer("/units", i);
    require(detail::is_slug(unit.id, true), at + "/id",
            "a unit's id is a slug of a-z, 0-9, _ and - (at most 64), got " + quote_input(unit.id));
    require(unit_ids.insert(unit.id).second, at + "/id", "unit " + quote_input(unit.id) + " is given twice");
    require(municipality_of(reg.region, unit.municipality) != nullptr, at + "/municipality",
            "no municipality " + quote_input(unit.municipality) + " in the region " + quote_input(reg.region.id), Rule{"V1"});
    require(!unit.kind.empty(), at + "/kind", "a unit has a kind (\"helsestasjon\", \"skole\", ...)", Rule{"V3"});
    if (unit.child_responsible) {
      require(!unit.child_responsible->empty(), at + "/child_responsible",
              "a child-responsible role is named (\"barneansvarlig\"); leave the field out when the unit has none", Rule{"V3"});
    }
  }
  const auto known_unit = [&](const std::string& id, const std::string& where) {
    require(unit_ids.count(id) > 0, where, "no unit " + quote_input(id) + " in the register's units", Rule{"V3"});
  };
  std::set<std::string> child_ids;
  for (std::size_t i = 0; i < reg.children.size(); ++i) {
    const FollowupChild& child = reg.children[i];
    const std::string at = index_pointer("/children", i);
    // DOMAIN X4: a pseudonym, never a name.
    require(detail::is_slug(child.id, true), at + "/id",
            "a child's id is a pseudonym of a-z, 0-9, _ and - (at most 64), got " + quote_input(child.id), Rule{"X4"});
    require(child_ids.insert(child.id).second, at + "/id", "child " + quote_input(child.id) + " is registered twice",
            Rule{"X4"});
    require(child.birth_year >= 1990 && child.birth_year <= 2100, at + "/birth_year",
            detail::range_message(1990, 2100, child.birth_year));
    require(municipality_of(reg.region, child.municipality) != nullptr, at + "/municipality",
            "no municipality " + quote_input(child.municipality) + " in the region " + quote_input(reg.region.id),
            Rule{"V1"});
    known_unit(child.identified_by, at + "/identified_by");
    require(!child.identified_on.is_special(), at + "/identified_on", "a child's identification has its date", Rule{"V3"});
    // DOMAIN V2: children and young people, under 18 when identified.
    const int age = child.age_in(child.identified_on.year());
    require(age >= 0 && age <= 18, at + "/birth_year",
            "a child is 0-18 when identified; born " + std::to_string(child.birth_year) + ", identified in " +
                std::to_string(static_cast<int>(child.identified_on.year())),
            Rule{"V2"});
    if (child.responsible_unit) known_unit(*child.responsible_unit, at + "/responsible_unit");
    for (std::size_t k = 0; k < child.offers.size(); ++k) {
      const FollowupOffer& offer = child.offers[k];
      const std::string offer_at = index_pointer(at + "/offers", k);
      known_unit(offer.unit, offer_at + "/unit");
      require(!offer.date.is_special(), offer_at + "/date", "an offer has its date", Rule{"V3"});
      require(offer.date >= child.identified_on, offer_at + "/date",
              "an offer on " + iso_date(offer.date) + " is before the child was identified (" +
                  iso_date(child.identified_on) + ")",
              Rule{"V3"});
    }
    if (child.consent) {
      require(!child.consent->date.is_special(), at + "/consent/date", "a guardian's consent has its date", Rule{"X4"});
      require(child.consent->role != AdultRole::other_adult, at + "/consent/role",
              "a mother, a father or a guardian consents, not another adult", Rule{"X4"});
    }
    require(!child.next_follow_up.is_special(), at + "/next_follow_up", "a child has the date of its next follow-up",
            Rule{"V3"});
    if (child.closed_on) {
      require(!child.closed_on->is_special() && *child.closed_on >= child.identified_on, at + "/closed_on",
              "the follow-up cannot close before the child was identified (" + iso_date(child.identified_on) + ")",
              Rule{"V3"});
    }
    require(child.next_follow_up >= child.identified_on, at + "/next_follow_up",
            "the next follow-up on " + iso_date(child.next_follow_up) + " is before the child was identified (" +
                iso_date(child.identified_on) + ")",
            Rule{"V3"});
  }
}

FollowupLists followup_lists(const FollowupRegister& reg, Date today, const FollowupOptions& options) {
  check_followup_register(reg);
  require(!today.is_special(), "today", "a day to follow up on");
  require(options.within_days >= 0 && options.within_days <= 366, "within_days",
          detail::range_message(0, 366, options.within_days));
  FollowupLists lists;
  lists.today = today;
  lists.within_days = options.within_days;
  std::map<std::string, UnitFollowup> by_unit;
  for (const FollowupChild& child : reg.children) {
    if (child.identified_on > today) continue;  // not yet identified on the day
    ++lists.children;
    UnitFollowup& unit = by_unit[owner_of(child)];
    for (const FollowupOffer& offer : child.offers) {
      if (offer.date > today || !needs_consent(offer.kind)) continue;
      if (!child.consent) {
        unit.offers_without_consent.push_back({child.id, offer.kind, offer.date, std::nullopt});
      } else if (offer.date < child.consent->date) {
        unit.offers_without_consent.push_back({child.id, offer.kind, offer.date, child.consent->date});
      }
    }
    if (child.closed_on && *child.closed_on <= today) {  // followed up no more
      ++lists.closed;
      continue;
    }
    const int days = static_cast<int>((child.next_follow_up - today).days());
    if (days < 0) {
      unit.overdue.push_back({child.id, child.next_follow_up, true, -days});
    } else if (days <= options.within_days) {
      unit.due.push_back({child.id, child.next_follow_up, false, days});
    }
    const FollowupUnit* responsible = child.responsible_unit ? reg.find_unit(*child.responsible_unit) : nullptr;
    if (responsible == nullptr || !responsible->child_responsible) unit.without_responsible_role.push_back(child.id);
    const bool offered = std::any_of(child.offers.begin(), child.offers.end(),
                                     [&](const FollowupOffer& offer) { return offer.date <= today; });
    if (!offered) unit.offered_nothing.push_back(child.id);
  }
  std::size_t overdue = 0, due = 0, without_role = 0, nothing = 0, without_consent = 0;
  for (const FollowupUnit& registered : reg.units) {
    auto found = by_unit.find(registered.id);
    if (found != by_unit.end() && !found->second.empty()) {
      UnitFollowup unit = std::move(found->second);
      unit.unit = registered.id;
      unit.municipality = municipality_of(reg.region, registered.municipality)->name;
      unit.child_responsible = registered.child_responsible;
      std::stable_sort(unit.overdue.begin(), unit.overdue.end(),
                       [](const DueFollowup& a, const DueFollowup& b) { return a.days > b.days; });
      std::stable_sort(unit.due.begin(), unit.due.end(),
                       [](const DueFollowup& a, const DueFollowup& b) { return a.days < b.days; });
      overdue += unit.overdue.size();
      due += unit.due.size();
      without_role += unit.without_responsible_role.size();
      nothing += unit.offered_nothing.size();
      without_consent += unit.offers_without_consent.size();
      lists.units.push_back(std::move(unit));
    }
    // DOMAIN V3: every unit that follows children up has a child-responsible contact in the region.
    const Municipality* municipality = municipality_of(reg.region, registered.municipality);
    const bool contact = std::any_of(municipality->contacts.begin(), municipality->contacts.end(),
                                     [&](const ChildContact& c) { return c.unit == registered.kind; });
    if (!contact) {
      FollowupUnit unit = registered;
      unit.municipality = municipality->name;  // by name, as the lists name municipalities
      lists.units_without_contact.push_back(std::move(unit));
    }
  }
  // DOMAIN X4: the findings count; the lists per unit are for the units themselves.
  if (overdue > 0) {
    lists.findings.push_back({"V3", Severity::warning, plural(overdue, "child's follow-up is", "children's follow-ups are") +
                                                           " overdue", std::nullopt});
  }
  if (due > 0) {
    lists.findings.push_back({"V3", Severity::info,
                              plural(due, "child's follow-up is", "children's follow-ups are") + " due within " +
                                  std::to_string(options.within_days) + " days",
                              std::nullopt});
  }
  if (without_role > 0) {
    lists.findings.push_back({"V3", Severity::warning,
                              plural(without_role, "child has", "children have") +
                                  " no responsible unit with a child-responsible role",
                              std::nullopt});
  }
  if (nothing > 0) {
    lists.findings.push_back({"V3", Severity::warning,
                              plural(nothing, "child was", "children were") + " identified and offered nothing yet",
                              std::nullopt});
  }
  if (without_consent > 0) {
    lists.findings.push_back({"X4", Severity::warning,
                              plural(without_consent, "offer that shares", "offers that share") +
                                  " something about a child came without a guardian's consent or before it",
                              std::nullopt});
  }
  if (!lists.units_without_contact.empty()) {
    lists.findings.push_back({"V3", Severity::warning,
                              plural(lists.units_without_contact.size(), "unit has", "units have") +
                                  " no child-responsible contact of its kind in the region",
                              std::nullopt});
  }
  return lists;
}

const std::vector<AgeBand>& followup_age_bands() {
  // Kindergarten, primary school, lower and upper secondary (DOMAIN V2: children and young
  // people); a child followed up past 18 is counted in the last band.
  static const std::vector<AgeBand> bands{{0, 5}, {6, 12}, {13, 18}, {19, 99}};
  return bands;
}

std::vector<NamedTable> followup_summary_tables(const FollowupRegister& reg, Date today, int threshold) {
  check_followup_register(reg);
  require(!today.is_special(), "today", "a day to count on");
  TableDimension municipalities{"municipality", {}, "total", {}};
  for (const Municipality& municipality : reg.region.municipalities) municipalities.values.push_back(municipality.name);
  TableDimension bands{"age_band", {}, "total", {}};
  for (const AgeBand& band : followup_age_bands()) bands.values.push_back(band_label(band));
  const auto band_of = [&](const FollowupChild& child) {
    const int age = child.age_in(today.year());
    for (const AgeBand& band : followup_age_bands()) {
      if (band.contains(age)) return band_label(band);
    }
    return band_label(followup_age_bands().front());  // born in the day's year or later: age 0
  };
  std::vector<NamedTable> tables;
  tables.push_back({"children", Table{threshold, {municipalities, bands}, {}}});
  for (FollowupOfferKind kind : followup_offer_kinds()) {
    tables.push_back({"offer-" + std::string(to_string(kind)), Table{threshold, {municipalities, bands}, {}}});
  }
  // Counts per (table, municipality, band).
  std::map<std::pair<std::size_t, std::pair<std::string, std::string>>, std::int64_t> counts;
  for (const FollowupChild& child : reg.children) {
    if (child.identified_on > today) continue;
    const std::pair<std::string, std::string> cell{municipality_of(reg.region, child.municipality)->name, band_of(child)};
    ++counts[{0, cell}];
    const auto& kinds = followup_offer_kinds();
    for (std::size_t k = 0; k < kinds.size(); ++k) {
      const bool offered = std::any_of(child.offers.begin(), child.offers.end(), [&](const FollowupOffer& offer) {
        return offer.kind == kinds[k] && offer.date <= today;
      });
      if (offered) ++counts[{k + 1, cell}];  // a child once per kind, however often offered it
    }
  }
  for (std::size_t t = 0; t < tables.size(); ++t) {
    for (const std::string& municipality : municipalities.values) {
      for (const std::string& band : bands.values) {
        const auto found = counts.find({t, {municipality, band}});
        if (found != counts.end()) tables[t].table.cells.push_back({{municipality, band}, found->second, std::nullopt});
      }
    }
  }
  return tables;
}

FollowupSummary followup_summary(const FollowupRegister& reg, Date today, int threshold,
                                 const SuppressionOptions& options) {
  const std::vector<NamedTable> named = followup_summary_tables(reg, today, threshold);
  std::vector<Table> tables;
  FollowupSummary summary;
  summary.today = today;
  for (const NamedTable& table : named) {
    summary.names.push_back(table.name);
    tables.push_back(table.table);
  }
  // DOMAIN X4: the offer tables count subsets of the children table's cells, so they are audited
  // with it: no table's published count may narrow another's hidden cell.
  const std::vector<Table> parts(tables.begin() + 1, tables.end());
  NestedSuppression nested = suppress_nested(tables.front(), parts, options);
  summary.tables = std::move(nested.tables);
  summary.narrow = nested.narrow;
  return summary;
}

std::ostream& operator<<(std::ostream& out, const FollowupLists& lists) {
  out << "FollowupLists(today=" << iso_date(lists.today) << ", children=" << lists.children
      << ", units=" << lists.units.size() << ", units_without_contact=" << lists.units_without_contact.size() << ")";
  return out;
}

}  // namespace paarorende
