#include "paarorende/attendance.hpp"
#include "detail/input_error.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>
#include <utility>

#include "paarorende/error.hpp"

namespace paarorende {
namespace {

void require_probability(double value, const std::string& where) {
  if (!(value >= 0.0 && value <= 1.0)) {  // also rejects NaN
    // %g, not std::to_string: 1.5 rather than 1.500000, and -1e-09 rather than -0.000000.
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    detail::raise_input_error(where, std::string("a probability is between 0 and 1, got ") + text, detail::Rule{"G4"});
  }
}

// The running distribution d, zero outside [low, high): adds one household (its 0/1/2
// participants with probabilities none/one/two) in place, from the top down so each step reads
// the values below it before they change; then trims the tails below `negligible`.
struct RunningDistribution {
  std::vector<double> d;
  std::size_t low = 0;
  std::size_t high = 1;

  explicit RunningDistribution(std::size_t capacity) : d(capacity + 1, 0.0) { d[0] = 1.0; }

  void add(int caregivers, double attend, double both) {
    // Only the window where probabilities exceed `negligible` is carried: the tails beyond it
    // underflow anyway (for a large group they fall below 1e-300 within a few dozen standard
    // deviations of the mean), and skipping them avoids slow denormal arithmetic.
    constexpr double negligible = 1e-300;
    const double none = 1.0 - attend, one = attend * (1.0 - both), two = attend * both;
    // Locals, not members, in the loops: the compiler then vectorises them.
    std::size_t from = low;
    std::size_t to = high + static_cast<std::size_t>(caregivers);
    if (to > d.size()) d.resize(to, 0.0);
    double* p = d.data();
    const long top = static_cast<long>(to) - 1;
    const long bottom = static_cast<long>(from) + 2;
    for (long k = top; k >= bottom; --k) p[k] = none * p[k] + one * p[k - 1] + two * p[k - 2];
    p[from + 1] = none * p[from + 1] + one * p[from];
    p[from] = none * p[from];
    while (to - from > 1 && p[from] < negligible) p[from++] = 0.0;
    while (to - from > 1 && p[to - 1] < negligible) p[--to] = 0.0;
    low = from;
    high = to;
  }
};

}  // namespace

AttendanceProbabilities pilot_attendance() {
  // DOMAIN G5: 5 couples x 4 sessions = 20 household-sessions; one couple came once, four came
  // three times: 1 + 4 * 3 = 13 attended.
  constexpr int offered = 5 * 4;
  constexpr int attended = 1 + 4 * 3;
  return {static_cast<double>(attended) / offered, 0.5};
}

double AttendanceDistribution::mean() const noexcept {
  double sum = 0.0;
  for (std::size_t k = 0; k < probability.size(); ++k) sum += static_cast<double>(k) * probability[k];
  return sum;
}

double AttendanceDistribution::variance() const noexcept {
  const double m = mean();
  double sum = 0.0;
  for (std::size_t k = 0; k < probability.size(); ++k) {
    sum += (static_cast<double>(k) - m) * (static_cast<double>(k) - m) * probability[k];
  }
  return sum;
}

double AttendanceDistribution::at_least(int k) const noexcept {
  if (k <= 0) return 1.0;
  double sum = 0.0;
  // Summing the upper tail directly keeps small tail probabilities accurate.
  for (std::size_t j = static_cast<std::size_t>(k); j < probability.size(); ++j) sum += probability[j];
  return std::min(sum, 1.0);
}

// DOMAIN G4: the exact distribution of the number present.
AttendanceDistribution attendance_distribution(const std::vector<AttendanceUnit>& households) {
  std::size_t max_present = 0;
  auto is_probability = [](double value) { return value >= 0.0 && value <= 1.0; };
  for (std::size_t i = 0; i < households.size(); ++i) {
    const auto& unit = households[i];
    // Pointers are built only on failure: this loop runs for every household of a waitlist.
    if (unit.caregivers != 1 && unit.caregivers != 2) {
      detail::raise_input_error("/households/" + std::to_string(i) + "/caregivers", "a household enrols 1 or 2 caregivers, got " + std::to_string(unit.caregivers));
    }
    if (!is_probability(unit.probabilities.attend)) {
      require_probability(unit.probabilities.attend, "/households/" + std::to_string(i) + "/attendance/attend");
    }
    if (!is_probability(unit.probabilities.both)) {
      require_probability(unit.probabilities.both, "/households/" + std::to_string(i) + "/attendance/both");
    }
    max_present += static_cast<std::size_t>(unit.caregivers);
  }
  RunningDistribution running(max_present);
  for (const auto& unit : households) {
    running.add(unit.caregivers, unit.probabilities.attend,
                unit.caregivers == 2 ? unit.probabilities.both : 0.0);
  }
  return {std::move(running.d)};
}

AttendanceProbabilities fit_attendance(const std::vector<AttendanceRecord>& records,
                                       const AttendanceProbabilities& prior, double prior_weight) {
  if (records.empty()) detail::raise_input_error("/records", "no attendance records to fit", detail::Rule{"G5"});
  require_probability(prior.attend, "/prior/attend");
  require_probability(prior.both, "/prior/both");
  if (!(prior_weight >= 0.0) || !std::isfinite(prior_weight)) {
    detail::raise_input_error("/prior_weight", "the prior weight is a number of sessions, 0 or more");
  }
  std::map<std::pair<std::string, int>, std::size_t> seen;
  double offered = 0, attended = 0, couple_attended = 0, both = 0;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& record = records[i];
    const std::string at = "/records/" + std::to_string(i);
    if (record.caregivers != 1 && record.caregivers != 2) {
      detail::raise_input_error(at + "/caregivers", "a household enrols 1 or 2 caregivers");
    }
    if (record.present < 0 || record.present > record.caregivers) {
      detail::raise_input_error(at + "/present", "present is 0 to " + std::to_string(record.caregivers) + ", got " +
                           std::to_string(record.present), detail::Rule{"E2"});
    }
    if (record.session < 1) detail::raise_input_error(at + "/session", "sessions are numbered from 1");
    const auto [it, inserted] = seen.emplace(std::make_pair(record.household, record.session), i);
    if (!inserted) {
      detail::raise_input_error(at, "household \"" + record.household + "\" session " + std::to_string(record.session) +
                           " is recorded twice (also /records/" + std::to_string(it->second) + ")", detail::Rule{"E2"});
    }
    offered += 1;
    if (record.present > 0) attended += 1;
    if (record.caregivers == 2 && record.present > 0) {
      couple_attended += 1;
      if (record.present == 2) both += 1;
    }
  }
  // Pooled maximum likelihood, shrunk towards the prior by `prior_weight` pseudo-observations.
  AttendanceProbabilities fitted;
  fitted.attend = (attended + prior_weight * prior.attend) / (offered + prior_weight);
  const double both_denominator = couple_attended + prior_weight;
  fitted.both = both_denominator > 0 ? (both + prior_weight * prior.both) / both_denominator : prior.both;
  return fitted;
}

std::optional<int> households_needed(int present, double probability, const AttendanceUnit& household,
                                     int max_households) {
  require_probability(probability, "probability");
  if (present < 0) detail::raise_input_error("present", "the number present cannot be negative", detail::Rule{"G4"});
  if (max_households < 0 || max_households > 100000) {
    detail::raise_input_error("max_households", "max_households is 0 to 100000");
  }
  attendance_distribution({household});  // checks the household's numbers once
  const double attend = household.probabilities.attend;
  const double both = household.caregivers == 2 ? household.probabilities.both : 0.0;
  if (probability >= 1.0) {
    // Certainty, decided exactly rather than by a sum that rounds to 1: only households that
    // always come guarantee anyone, one caregiver each, or two when both always come.
    const int sure = attend < 1.0 ? 0 : (household.caregivers == 2 && both >= 1.0 ? 2 : 1);
    if (present == 0) return 0;
    if (sure == 0) return std::nullopt;
    const int needed = present / sure + (present % sure != 0 ? 1 : 0);  // ceil, without overflow
    return needed <= max_households ? std::optional<int>(needed) : std::nullopt;
  }
  // Grow the group one household at a time, convolving incrementally: O(n * m) in all.
  RunningDistribution running(static_cast<std::size_t>(household.caregivers) *
                              static_cast<std::size_t>(max_households));
  for (int n = 0; n <= max_households; ++n) {
    // P(at least k) >= p  <=>  P(fewer than k) <= 1 - p; the short lower tail is the exact side.
    double fewer = 0.0;
    for (std::size_t j = 0; j < static_cast<std::size_t>(present) && j < running.high; ++j) {
      fewer += running.d[j];
    }
    if (fewer <= 1.0 - probability) return n;
    running.add(household.caregivers, attend, both);
  }
  return std::nullopt;
}

}  // namespace paarorende
