// Travel (DOMAIN C8): places with approximate coordinates, known travel times, and the estimate
// from coordinates when no time is known. One model for every document that has places: a
// waitlist (formation.hpp), a group document (group.hpp) and the course planned from it
// (schedule.hpp's pickups).
#pragma once

#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

#include "paarorende/fields.hpp"
#include "paarorende/violation.hpp"

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

/// DOMAIN C8, the one travel rule: a drive from the venue to a household's pickup place longer
/// than `warn_minutes` is a warning ("a short drive": 15 minutes in the pilot), longer than
/// `max_minutes` an error (never further; formation does not form such a group). Every document
/// that has places or travel reads it as its top-level "travel" object (a course request, a
/// waitlist, a group document), and plan, validate, check and groups apply it alike. Old fields
/// map onto it (docs/scheduling.md, "One travel rule"): a course request's
/// `rules.max_travel_minutes` is `warn_minutes`, a waitlist's `formation.max_travel_minutes` is
/// `max_minutes`.
struct TravelLimits {
  double warn_minutes = 15.0;
  double max_minutes = 60.0;

  friend bool operator==(const TravelLimits&, const TravelLimits&) = default;
};

/// TravelLimits' fields: the "travel" object of every document with places, its range check
/// (check_travel_limits) and the Python TravelLimits.
constexpr auto fields(std::type_identity<TravelLimits>) {
  using R = TravelLimits;
  return std::tuple{
      field("warn_minutes", &R::warn_minutes, "C8: a longer drive is a warning (a short drive: 15).")
          .between(0, 600)
          .rule("C8"),
      field("max_minutes", &R::max_minutes, "C8: a longer drive is an error; never further (60).")
          .between(1, 600)
          .at_least(&R::warn_minutes)
          .rule("C8"),
  };
}

/// Checks the limits' ranges (max_minutes at least warn_minutes); throws InputError under
/// `pointer` ("/travel/max_minutes") with rule C8.
void check_travel_limits(const TravelLimits& limits, const std::string& pointer = "/travel");

/// DOMAIN C8 for one drive of `minutes`: an error above max_minutes, a warning above
/// warn_minutes, none within.
std::optional<Severity> travel_severity(const TravelLimits& limits, double minutes) noexcept;

/// "more than 15 minutes" / "more than 60 minutes, the most allowed": the finding's wording
/// for a severity travel_severity() gave.
std::string travel_limit_text(const TravelLimits& limits, Severity severity);

/// Great-circle distance in kilometres (haversine, mean Earth radius 6371 km).
double distance_km(const Place& a, const Place& b) noexcept;

/// Travel minutes from `a` to `b` by the model (0 for the same place).
double estimated_minutes(const Place& a, const Place& b, const TravelModel& model = {}) noexcept;

/// Minutes by car from place `from` to place `to` (ids among `places`): a known time in either
/// direction, else the model's estimate. Throws InputError when either is not a place.
double travel_minutes_between(const std::vector<Place>& places, const std::vector<TravelTime>& known,
                              const TravelModel& model, const std::string& from, const std::string& to);

}  // namespace paarorende
