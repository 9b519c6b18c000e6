// The attendance model (DOMAIN G4, G5): some participants are always absent, so a plan estimates
// attendance rather than assuming it. Each household comes to a session with a probability and,
// when it comes with two caregivers enrolled, brings both with another; the number of
// participants present at a session is then a sum of independent small variables, whose
// distribution is computed exactly (no sampling).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

#include "paarorende/fields.hpp"

namespace paarorende {

/// One household's attendance at a session: it comes with probability `attend`; when it comes
/// and has two caregivers enrolled, both come with probability `both`, otherwise one.
struct AttendanceProbabilities {
  double attend = 0.65;  ///< DOMAIN G5: 13 household-sessions attended of 20 offered.
  double both = 0.5;     ///< DOMAIN G5 does not say; 0.5 is the least informed choice.

  friend bool operator==(const AttendanceProbabilities&, const AttendanceProbabilities&) = default;
};

/// AttendanceProbabilities' fields (fields.hpp): its JSON object, range checks and Python
/// properties.
constexpr auto fields(std::type_identity<AttendanceProbabilities>) {
  using A = AttendanceProbabilities;
  return std::tuple{
      field("attend", &A::attend,
            "P(the household comes to a session), 0-1 (DOMAIN G5: 13 household-sessions attended "
            "of 20 offered, 0.65).")
          .between(0, 1),
      field("both", &A::both,
            "P(both caregivers come | the household comes with two enrolled), 0-1 (DOMAIN G5 "
            "does not say; 0.5 is the least informed choice).")
          .between(0, 1),
  };
}

/// The defaults estimated from the pilot (DOMAIN G5): 5 couples, 4 sessions; one couple came to
/// 1 session, each of the other four to 3 of 4, with one or both parents. Pooled maximum
/// likelihood: attend = (1 + 4 * 3) / (5 * 4) = 0.65. The report does not say how often both
/// parents came, so `both` = 0.5 (docs/attendance.md explains and shows how to fit both).
AttendanceProbabilities pilot_attendance();

/// DOMAIN X4: figures computed from fewer than this many people (here: households) are not shown.
inline constexpr std::size_t min_households_to_report = 5;

/// One household in the model: how many caregivers it has enrolled (1 or 2) and its chances.
struct AttendanceUnit {
  int caregivers = 2;
  AttendanceProbabilities probabilities;

  friend bool operator==(const AttendanceUnit&, const AttendanceUnit&) = default;
};

/// The distribution of the number of participants present at one session.
struct AttendanceDistribution {
  std::vector<double> probability;  ///< probability[k] = P(exactly k present), k = 0..max.

  double mean() const noexcept;
  double variance() const noexcept;
  /// P(at least k present); 1 for k <= 0, 0 beyond the maximum.
  double at_least(int k) const noexcept;
  int max_present() const noexcept { return static_cast<int>(probability.size()) - 1; }
};

/// The exact distribution for a group (DOMAIN G4): the convolution of each household's
/// 0/1/2-participant distribution, O(n * m) for n households and m enrolled caregivers; no
/// sampling. Throws InputError for a probability outside [0, 1] or a caregiver count not 1 or 2
/// (where: "/households/3/attendance/attend").
AttendanceDistribution attendance_distribution(const std::vector<AttendanceUnit>& households);

/// One observed session of one household: how many of its caregivers came (0, 1 or 2).
struct AttendanceRecord {
  std::string household;
  int session = 1;
  int present = 0;
  int caregivers = 2;  ///< How many the household had enrolled.

  friend bool operator==(const AttendanceRecord&, const AttendanceRecord&) = default;
};

/// A municipality's own probabilities from its records, by pooled maximum likelihood:
/// attend = household-sessions with anyone present / household-sessions recorded;
/// both = sessions with both present / sessions attended by two-caregiver households.
/// With `prior_weight` > 0 each is shrunk towards `prior` as if `prior_weight` pseudo-sessions of
/// it had been seen (a Beta prior), which keeps a fit from very few records sensible.
/// Throws InputError for an empty record list, present outside 0..caregivers, or a household and
/// session recorded twice (where: "/records/4/present"). A fit from fewer than
/// `min_households_to_report` households exposes them: whoever shows it must not (the command
/// line's `fit` refuses, DOMAIN X4).
AttendanceProbabilities fit_attendance(const std::vector<AttendanceRecord>& records,
                                       const AttendanceProbabilities& prior = pilot_attendance(),
                                       double prior_weight = 0.0);

/// Attendance records to fit probabilities from, with an optional prior (docs/attendance.md).
struct AttendanceRecords {
  std::vector<AttendanceRecord> records;
  AttendanceProbabilities prior = pilot_attendance();
  double prior_weight = 0.0;
};

/// The answer to "how many households must we enrol so that P(at least `present` present) >=
/// `probability`?", when each household is like `household`. std::nullopt when no number up to
/// `max_households` does (the probability is out of reach).
std::optional<int> households_needed(int present, double probability,
                                     const AttendanceUnit& household = {},
                                     int max_households = 1000);

}  // namespace paarorende
