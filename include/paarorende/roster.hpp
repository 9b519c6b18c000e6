// Volunteer rosters (DOMAIN X5, V4): who staffs each meeting of a meeting place. Every meeting has
// at least two adults and enough adults for the children expected (a configurable ratio); a
// volunteer whose police certificate ("politiattest") has lapsed, or who has none, is never
// rostered; shortfalls are reported per meeting. Operations that change a roster either complete
// or leave it unchanged (strong guarantee).
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#include "paarorende/calendar.hpp"
#include "paarorende/fields.hpp"
#include "paarorende/violation.hpp"

namespace paarorende {

/// A volunteer: a pseudonymous id, never a name (the roster is shared across a region, X4).
struct Volunteer {
  std::string id;             ///< Slug ("v01").
  std::string municipality;   ///< Where the volunteer lives (a region shares volunteers, V1).
  /// DOMAIN X5: the last day the police certificate is valid; unset: no certificate.
  std::optional<Date> certificate_valid_until;
  std::vector<Date> unavailable;     ///< Dates the volunteer cannot come.
  std::optional<int> max_meetings;   ///< At most this many meetings in a roster.

  /// DOMAIN X5: a certificate that is valid on `date` (valid until that day or later).
  bool certificate_valid_on(Date date) const noexcept;
  bool available_on(Date date) const noexcept;

  friend bool operator==(const Volunteer&, const Volunteer&) = default;
};

/// How many adults a meeting needs (DOMAIN X5); a municipality sets its own ratio. Each field's
/// range and docstring are in its table below (fields.hpp).
struct RosterRules {
  int min_adults = 2;  // DOMAIN X5: at least two adults at every session for children.
  int children_per_adult = 5;

  friend bool operator==(const RosterRules&, const RosterRules&) = default;
};

/// RosterRules' fields: a roster's JSON "rules" object (docs/schemas/roster.schema.json), the
/// range check of children_per_adult in check_roster() and the Python RosterRules are made from
/// this table. min_adults' DOMAIN X5 minimum of two is checked by hand (require_two_adults,
/// check_roster).
constexpr auto fields(std::type_identity<RosterRules>) {
  using R = RosterRules;
  return std::tuple{
      field("min_adults", &R::min_adults, "At least two adults (DOMAIN X5).")
          .between(0, 100)
          .checked_by_hand(),
      field("children_per_adult", &R::children_per_adult,
            "One adult per this many children; 0: only the minimum.")
          .between(0, 100),
  };
}

/// max(min_adults, ceil(children / children_per_adult)) for one group of children.
int adults_needed(int children, const RosterRules& rules) noexcept;

/// One meeting's staffing.
struct Shift {
  int meeting = 0;        ///< 1-based meeting number.
  Date date;
  int children = 0;       ///< Children expected.
  int adults_needed = 0;  ///< DOMAIN X5: from the rules and the children (per age band).
  std::vector<std::string> volunteers;  ///< Volunteer ids rostered.

  friend bool operator==(const Shift&, const Shift&) = default;
};

struct Roster {
  RosterRules rules;
  std::vector<Volunteer> volunteers;
  std::vector<Shift> shifts;  ///< In meeting order.

  const Volunteer* find_volunteer(std::string_view id) const noexcept;
  const Shift* find_shift(int meeting) const noexcept;
  /// How many shifts the volunteer is rostered on.
  int meetings_of(std::string_view id) const noexcept;

  friend bool operator==(const Roster&, const Roster&) = default;
};

/// A meeting too few adults are rostered for (DOMAIN X5).
struct Shortfall {
  int meeting = 0;
  Date date;
  int needed = 0;
  int rostered = 0;
  std::string reason;  ///< Why no one else could be rostered.

  int missing() const noexcept { return needed - rostered; }
  friend bool operator==(const Shortfall&, const Shortfall&) = default;
};

/// Checks ids (slugs, each once), meeting numbers (1..n, dates in order) and the rules' ranges;
/// throws InputError with a JSON pointer into a roster document ("/volunteers/2/id").
void check_roster(const Roster& roster);

/// Rosters `volunteers` on `shifts` (their `volunteers` are ignored and filled): meeting by meeting
/// in date order, the eligible volunteers (certificate valid that day, available, under their
/// maximum) with the fewest meetings so far, then by id, until the meeting has its adults.
/// Deterministic. Shortfalls are left for validate() and shortfalls() to report.
Roster make_roster(std::vector<Shift> shifts, std::vector<Volunteer> volunteers,
                   const RosterRules& rules = {});

/// The meetings short of adults, each with the reason.
std::vector<Shortfall> shortfalls(const Roster& roster);

/// Every finding, in meeting order: errors for a shortfall, a volunteer rostered without a valid
/// certificate or on a date they cannot come, twice on one meeting or unknown (X5); warnings for
/// more meetings than a volunteer's maximum and for a certificate that lapses during the roster.
std::vector<Violation> validate(const Roster& roster);

// Changes. Each either completes or leaves the roster unchanged (strong guarantee).
/// Rosters a volunteer on a meeting. InputError for an unknown meeting or volunteer;
/// RuleViolation [X5] for a lapsed or missing certificate; RuleViolation for a date the
/// volunteer cannot come, a volunteer already on that meeting, or one at their maximum.
void assign(Roster& roster, int meeting, std::string_view volunteer);
/// Takes a volunteer off a meeting. InputError when not rostered there.
void unassign(Roster& roster, int meeting, std::string_view volunteer);
/// Adds a volunteer. InputError for a malformed or duplicate id.
void add_volunteer(Roster& roster, Volunteer volunteer);
/// Removes a volunteer and every shift of theirs. InputError when unknown.
void remove_volunteer(Roster& roster, std::string_view volunteer);
/// Replaces a volunteer's record (same id), e.g. a renewed certificate. RuleViolation [X5] when
/// the new record would leave them rostered after their certificate lapses, or on a date they
/// cannot come: unassign those first.
void update_volunteer(Roster& roster, Volunteer volunteer);

std::ostream& operator<<(std::ostream& out, const Shift& shift);
std::ostream& operator<<(std::ostream& out, const Shortfall& shortfall);

}  // namespace paarorende
