// DOMAIN C8, the one travel rule as documents hold it: the "travel" object and the old fields
// that map onto it (readers.hpp; docs/scheduling.md, "One travel rule").
#include <algorithm>

#include "detail/input_error.hpp"
#include "io/fields.hpp"
#include "io/json_reader.hpp"
#include "io/readers.hpp"
#include "paarorende/travel.hpp"

namespace paarorende::detail {

std::optional<OldTravel> take_old_travel(Json& object, const std::string& object_pointer, OldTravelField maps_to,
                                         double low, double high) {
  if (!object.is_object()) return std::nullopt;  // its own reader says what it should be
  const auto it = object.find("max_travel_minutes");
  if (it == object.end()) return std::nullopt;
  OldTravel old;
  old.pointer = object_pointer + "/max_travel_minutes";
  old.minutes = read_number(*it, old.pointer, low, high);
  old.maps_to = maps_to;
  object.erase(it);
  return old;
}

TravelLimits read_travel(ObjectReader& in, const TravelLimits& base, const std::optional<OldTravel>& old) {
  TravelLimits limits = base;
  const Json* travel = in.find("travel");
  if (travel != nullptr) limits = read_fields<TravelLimits>(*travel, in.pointer("travel"), base);  // travel.hpp's table
  const auto given = [travel](const char* key) { return travel != nullptr && travel->contains(key); };
  if (old) {
    const bool warn = old->maps_to == OldTravelField::warn_minutes;
    const char* field = warn ? "warn_minutes" : "max_minutes";
    if (given(field)) {
      raise_input_error(old->pointer,
                        std::string("the old name of travel.") + field + ", which is given too: keep travel." + field,
                        Rule{"C8"});
    }
    if (warn) {
      limits.warn_minutes = old->minutes;
      // The old field only warned: a document that warned above 90 minutes refuses nothing below.
      if (!given("max_minutes")) limits.max_minutes = std::max(limits.max_minutes, old->minutes);
    } else {
      limits.max_minutes = old->minutes;
      if (!given("warn_minutes")) limits.warn_minutes = std::min(limits.warn_minutes, old->minutes);
    }
  }
  check_travel_limits(limits, in.pointer("travel"));
  return limits;
}

}  // namespace paarorende::detail
