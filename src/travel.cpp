// Travel between places (travel.hpp; DOMAIN C8).
#include "paarorende/travel.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "detail/check_fields.hpp"
#include "detail/input_error.hpp"
#include "detail/text.hpp"

namespace paarorende {

void check_travel_limits(const TravelLimits& limits, const std::string& pointer) {
  detail::check_fields(limits, pointer, detail::RangeMessage::bounds);  // travel.hpp's table
}

std::optional<Severity> travel_severity(const TravelLimits& limits, double minutes) noexcept {
  if (minutes > limits.max_minutes) return Severity::error;
  if (minutes > limits.warn_minutes) return Severity::warning;
  return std::nullopt;
}

std::string travel_limit_text(const TravelLimits& limits, Severity severity) {
  if (severity == Severity::error) {
    return "more than " + detail::bound_text(limits.max_minutes) + " minutes, the most allowed";
  }
  return "more than " + detail::bound_text(limits.warn_minutes) + " minutes, longer than a short drive";
}

double distance_km(const Place& a, const Place& b) noexcept {
  constexpr double radius_km = 6371.0;
  constexpr double degree = std::numbers::pi / 180.0;
  const double dlat = (b.latitude - a.latitude) * degree;
  const double dlon = (b.longitude - a.longitude) * degree;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(a.latitude * degree) * std::cos(b.latitude * degree) *
                       std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2.0 * radius_km * std::asin(std::min(1.0, std::sqrt(h)));
}

double estimated_minutes(const Place& a, const Place& b, const TravelModel& model) noexcept {
  if (a.id == b.id && !a.id.empty()) return 0.0;
  return distance_km(a, b) * model.detour_factor / model.speed_kmh * 60.0;
}

double travel_minutes_between(const std::vector<Place>& places, const std::vector<TravelTime>& known,
                              const TravelModel& model, const std::string& from, const std::string& to) {
  for (const TravelTime& t : known) {
    if ((t.from == from && t.to == to) || (t.from == to && t.to == from)) return t.minutes;
  }
  const auto find = [&places](const std::string& id) -> const Place* {
    for (const Place& place : places) {
      if (place.id == id) return &place;
    }
    detail::raise_input_error("", "unknown place " + detail::quote_input(id), detail::Rule{"C8"});
  };
  return estimated_minutes(*find(from), *find(to), model);
}

}  // namespace paarorende
