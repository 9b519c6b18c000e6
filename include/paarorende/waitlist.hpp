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

namespace paarorende {

/// A pickup place (a school, a kindergarten) or a venue (a community hall), with approximate
/// coordinates (WGS84 degrees) from which travel times are estimated (DOMAIN C8).
struct Place {
  std::string id;            ///< Slug ("fagernes-skule").
  std::string municipality;  ///< Municipality number or name ("3451").
  double latitude = 0.0;
  double longitude = 0.0;
  bool venue = true;         ///< Whether a group may meet here.

  friend bool operator==(const Place&, const Place&) = default;
};

/// A known travel time between two places, in minutes by car; it replaces the estimate from
/// coordinates, in both directions.
struct TravelTime {
  std::string from;
  std::string to;
  double minutes = 0.0;

  friend bool operator==(const TravelTime&, const TravelTime&) = default;
};

/// DOMAIN C8: minutes by car estimated from coordinates: the great-circle distance times a
/// detour factor for roads, at an average speed. Rural Norwegian roads wind along valleys and
/// fjords; 1.3 and 60 km/h are the library's own defaults, not measured figures.
struct TravelModel {
  double detour_factor = 1.3;
  double speed_kmh = 60.0;

  friend bool operator==(const TravelModel&, const TravelModel&) = default;
};

/// TravelModel's fields: a waitlist's JSON "travel_model" object
/// (docs/schemas/waitlist.schema.json), its range check in check_waitlist() and the Python
/// TravelModel are made from this table.
constexpr auto fields(std::type_identity<TravelModel>) {
  using R = TravelModel;
  return std::tuple{
      field("detour_factor", &R::detour_factor, "Road distance per straight-line distance.")
          .between(1, 5)
          .rule("C8"),
      field("speed_kmh", &R::speed_kmh, "Average speed in km/h.").between(5, 200).rule("C8"),
  };
}

/// Great-circle distance in kilometres (haversine, mean Earth radius 6371 km).
double distance_km(const Place& a, const Place& b) noexcept;

/// Travel minutes from `a` to `b` by the model (0 for the same place).
double estimated_minutes(const Place& a, const Place& b, const TravelModel& model = {}) noexcept;

/// Households waiting, the places they are picked up at and where groups can meet.
struct Waitlist {
  std::string id;
  std::vector<Place> places;
  std::vector<TravelTime> travel_times;  ///< Known times; others are estimated.
  TravelModel travel_model;
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
