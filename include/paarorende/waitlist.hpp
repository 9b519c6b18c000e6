// A waitlist (DOMAIN G1-G9, C8, V1): the households waiting for a course in a region, where each
// is picked up, and the places a group could meet. Groups are formed from it across municipalities
// (formation.hpp). Households carry pseudonymous ids only (X4); a household's `school` names its
// pickup place, one of the waitlist's places.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

#include "paarorende/fields.hpp"
#include "paarorende/group.hpp"
#include "paarorende/household.hpp"
#include "paarorende/travel.hpp"

namespace paarorende {

/// Households waiting, the places they are picked up at and where groups can meet.
struct Waitlist {
  std::string id;
  std::vector<Place> places;
  std::vector<TravelTime> travel_times;  ///< Known times; others are estimated.
  TravelModel travel_model;
  TravelLimits travel;                   ///< DOMAIN C8: "travel"; max_minutes bounds every group.
  std::vector<Household> households;     ///< Each household's `school` is a place id.

  friend bool operator==(const Waitlist&, const Waitlist&) = default;
};

/// Checks the waitlist's form: slug ids used once, every household's pickup place and every
/// travel time's places known, coordinates in range, times not negative, and each household as
/// validate() checks it (caregivers, children). Throws InputError with a JSON pointer
/// ("/households/3/school").
void check_waitlist(const Waitlist& waitlist);

/// A seeded synthetic waitlist for tests and benchmarks (not data about anyone): `municipalities`
/// municipalities ("m001", ...) scattered over a Norway-sized area, their sizes unequal (a
/// power law, as Norway's are), each with 1-6 pickup places that are also venues, and
/// `households` households placed by municipality size. The shares of conditions, stages,
/// couples and rare diagnoses are docs/formation.md's ("A synthetic waitlist").
struct SyntheticWaitlistOptions {
  std::size_t households = 1000;
  std::size_t municipalities = 356;
  std::uint64_t seed = 1;
};
Waitlist synthetic_waitlist(const SyntheticWaitlistOptions& options);

}  // namespace paarorende
