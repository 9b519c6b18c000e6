#include "paarorende/waitlist.hpp"
#include "detail/check_fields.hpp"
#include "detail/input_error.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <set>

#include "paarorende/error.hpp"

namespace paarorende {
namespace {

bool is_slug(const std::string& id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
         });
}

std::string at(const char* list, std::size_t index, const char* field) {
  std::string where = "/";
  where += list;
  where += "/";
  where += std::to_string(index);
  where += "/";
  where += field;
  return where;
}

}  // namespace

void check_waitlist(const Waitlist& waitlist) {
  // waitlist.hpp's table: "must be between 1 and 5" (DOMAIN C8).
  detail::check_fields(waitlist.travel_model, "/travel_model", detail::RangeMessage::bounds);
  check_travel_limits(waitlist.travel);  // DOMAIN C8
  // Ids are slugs (DOMAIN X4: a pseudonym, never a name), each once in its list.
  const auto require_new_id = [](std::set<std::string>& seen, const std::string& id, const char* list,
                                 std::size_t i, const char* what) {
    if (!is_slug(id)) {
      detail::raise_input_error(at(list, i, "id"), "an id is lower-case letters, digits and _ (at most 64)");
    }
    if (!seen.insert(id).second) {
      detail::raise_input_error(at(list, i, "id"), std::string(what) + " id \"" + id + "\" is used twice");
    }
  };
  std::set<std::string> places;
  for (std::size_t i = 0; i < waitlist.places.size(); ++i) {
    const Place& place = waitlist.places[i];
    require_new_id(places, place.id, "places", i, "place");
    if (!(place.latitude >= -90.0 && place.latitude <= 90.0)) {
      detail::raise_input_error(at("places", i, "latitude"), "must be between -90 and 90");
    }
    if (!(place.longitude >= -180.0 && place.longitude <= 180.0)) {
      detail::raise_input_error(at("places", i, "longitude"), "must be between -180 and 180");
    }
  }
  for (std::size_t i = 0; i < waitlist.travel_times.size(); ++i) {
    const TravelTime& travel = waitlist.travel_times[i];
    if (!places.count(travel.from)) {
      detail::raise_input_error(at("travel_times", i, "from"), "unknown place \"" + travel.from + "\"", detail::Rule{"C8"});
    }
    if (!places.count(travel.to)) {
      detail::raise_input_error(at("travel_times", i, "to"), "unknown place \"" + travel.to + "\"", detail::Rule{"C8"});
    }
    if (!(travel.minutes >= 0.0 && travel.minutes <= 1440.0)) {
      detail::raise_input_error(at("travel_times", i, "minutes"), "must be between 0 and 1440", detail::Rule{"C8"});
    }
  }
  std::set<std::string> households;
  for (std::size_t i = 0; i < waitlist.households.size(); ++i) {
    const Household& household = waitlist.households[i];
    require_new_id(households, household.id, "households", i, "household");
    if (household.caregivers.empty() || household.caregivers.size() > 2) {
      detail::raise_input_error(at("households", i, "caregivers"), "a household enrols 1 or 2 caregivers", detail::Rule{"G3"});
    }
    if (household.children.empty()) {
      detail::raise_input_error(at("households", i, "children"), "a household has at least one child the offer concerns");
    }
    if (household.school.empty()) {
      detail::raise_input_error("/households/" + std::to_string(i), "a household on a waitlist names its pickup place (\"school\")", detail::Rule{"C8"});
    }
    if (!places.count(household.school)) {
      detail::raise_input_error(at("households", i, "school"), "unknown place \"" + household.school + "\"", detail::Rule{"C8"});
    }
  }
}

}  // namespace paarorende

namespace paarorende {
namespace {

// A small seeded generator (splitmix64): the same numbers on every platform, unlike the
// distributions of <random>.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(uniform() * static_cast<double>(n)); }
  template <std::size_t N>
  std::size_t pick(const double (&shares)[N]) {
    double u = uniform();
    for (std::size_t i = 0; i + 1 < N; ++i) {
      if (u < shares[i]) return i;
      u -= shares[i];
    }
    return N - 1;
  }

 private:
  std::uint64_t state_;
};

std::string numbered(const char* prefix, std::size_t number, int width) {
  std::string digits = std::to_string(number);
  std::string id = prefix;
  if (static_cast<int>(digits.size()) < width) id.append(static_cast<std::size_t>(width) - digits.size(), '0');
  id += digits;
  return id;
}

}  // namespace

Waitlist synthetic_waitlist(const SyntheticWaitlistOptions& options) {
  // The shares (docs/formation.md): conditions by the seeds' categories (G1, G2), stages by the
  // years each covers (ages 1-5, 6-12, 13-15, 16-18), three households in four couples.
  constexpr double condition_shares[] = {0.10, 0.12, 0.20, 0.40, 0.18};
  constexpr double stage_shares[] = {5.0 / 18, 7.0 / 18, 3.0 / 18, 3.0 / 18};
  constexpr double couple_share = 0.75;
  constexpr double rare_share = 0.08;
  constexpr std::size_t rare_codes = 40;
  Random random(options.seed);
  Waitlist waitlist;
  waitlist.id = "synthetic";
  std::vector<double> weight;
  std::vector<std::pair<std::size_t, std::size_t>> places_of;  // first place, count
  for (std::size_t m = 0; m < options.municipalities; ++m) {
    // Centres over southern and central Norway's span; sizes by a power law (rank^-1).
    const double latitude = 58.0 + random.uniform() * 7.0;
    const double longitude = 5.5 + random.uniform() * 7.0;
    const std::size_t count = 1 + random.below(6);
    places_of.push_back({waitlist.places.size(), count});
    weight.push_back(1.0 / static_cast<double>(1 + random.below(options.municipalities)));
    const std::string municipality = numbered("m", m + 1, 3);
    for (std::size_t i = 0; i < count; ++i) {
      Place place;
      place.id = municipality + "_" + std::to_string(i + 1);
      place.municipality = municipality;
      place.latitude = latitude + (random.uniform() - 0.5) * 0.15;
      place.longitude = longitude + (random.uniform() - 0.5) * 0.3;
      waitlist.places.push_back(place);
    }
  }
  double total = 0.0;
  for (double w : weight) total += w;
  std::vector<double> cumulative;
  double running = 0.0;
  for (double w : weight) cumulative.push_back(running += w / total);
  for (std::size_t h = 0; h < options.households; ++h) {
    const double u = random.uniform();
    std::size_t m = static_cast<std::size_t>(std::lower_bound(cumulative.begin(), cumulative.end(), u) -
                                             cumulative.begin());
    if (m >= options.municipalities) m = options.municipalities - 1;
    const auto [first, count] = places_of[m];
    const Place& place = waitlist.places[first + random.below(count)];
    Household household;
    household.id = numbered("h", h + 1, 5);
    household.municipality = place.municipality;
    household.school = place.id;
    if (random.uniform() < couple_share) {
      household.caregivers = {{CaregiverRole::mother}, {CaregiverRole::father}};
    } else {
      household.caregivers = {{random.uniform() < 0.7 ? CaregiverRole::mother : CaregiverRole::father}};
    }
    Child child;
    child.stage = static_cast<ChildStage>(random.pick(stage_shares));
    child.condition = static_cast<ConditionCategory>(random.pick(condition_shares));
    if (child.condition != ConditionCategory::mainly_behavioural && random.uniform() < rare_share) {
      child.rare_diagnosis = "ORPHA:" + std::to_string(1000 + random.below(rare_codes));
    }
    household.children.push_back(child);
    waitlist.households.push_back(std::move(household));
  }
  return waitlist;
}

}  // namespace paarorende
