// Regions (DOMAIN V1, V3, G8): municipalities that work together across health, school and
// childhood services, each with its child-responsible contacts by role and unit (never a person's
// name), sharing waitlists, venues and volunteers. Valdres's six municipalities are built in.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "paarorende/evaluation.hpp"
#include "paarorende/roster.hpp"
#include "paarorende/schedule.hpp"
#include "paarorende/violation.hpp"

namespace paarorende {

/// DOMAIN V3: a unit's designated child-responsible staff, by role and unit only.
struct ChildContact {
  std::string role;  ///< "barneansvarlig".
  std::string unit;  ///< "helsestasjon", "skole", "barnehage", ...

  friend bool operator==(const ChildContact&, const ChildContact&) = default;
};

struct Municipality {
  std::string number;  ///< The four-digit municipality number ("3451").
  std::string name;    ///< "Nord-Aurdal".
  std::string county;  ///< "Innlandet".
  std::vector<ChildContact> contacts;
  /// The municipality's written standard ("målform"): bokmål or nynorsk, the language of what is
  /// written for it when no other is asked for (issue #23). Data a municipality can change.
  Language language = Language::nb;

  friend bool operator==(const Municipality&, const Municipality&) = default;
};

struct Region {
  std::string id;  ///< Slug ("valdres").
  std::string name;
  std::string note;  ///< Source or caveat, free text.
  std::vector<Municipality> municipalities;
  /// DOMAIN V3: every municipality names child-responsible contacts in these units.
  std::vector<std::string> required_units;
  bool shared_waitlist = true;  ///< DOMAIN G8: the few with a rare diagnosis meet across borders.
  std::vector<Venue> venues;           ///< Shared venues.
  std::vector<Volunteer> volunteers;   ///< Shared volunteers (V4), pseudonymous.

  const Municipality* find(std::string_view number_or_name) const noexcept;
  friend bool operator==(const Region&, const Region&) = default;
};

/// The written standard every municipality of `region` shares, or none when they differ (or it
/// has none): what a region's report is written in when no language is asked for.
std::optional<Language> shared_written_standard(const Region& region);

/// The built-in regions (src/data/regions.json): Valdres (V1). Parsed once; immutable.
const std::vector<Region>& builtin_regions();
const Region* find_builtin_region(std::string_view id) noexcept;

/// Checks ids, four-digit numbers each once, non-empty roles and units; throws InputError with a
/// JSON pointer into a region document.
void check_region(const Region& region);

/// V3 warnings for each municipality without a child-responsible contact in a required unit; V1
/// warning for a region of fewer than two municipalities; X5 findings for shared volunteers
/// without a police certificate (info: they cannot be rostered).
std::vector<Violation> validate(const Region& region);

std::ostream& operator<<(std::ostream& out, const Region& region);

}  // namespace paarorende
