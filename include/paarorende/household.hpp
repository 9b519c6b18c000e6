// The people a course is planned for (DOMAIN G1-G9): households with their caregivers, the
// children the offer concerns and their siblings. Pseudonymous ids only: no names are needed to
// plan, and the model has no place for them (X4).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/posix_time/posix_time_types.hpp>

#include "paarorende/attendance.hpp"
#include "paarorende/calendar.hpp"
#include "paarorende/topic.hpp"

namespace paarorende {

enum class CaregiverRole { mother, father, other_guardian };

/// The child's condition, as the seeds distinguish them (DOMAIN G1, G2).
enum class ConditionCategory {
  life_threatening,
  life_limiting,
  serious_illness,
  severe_disability,
  mainly_behavioural,  ///< Primarily behavioural difficulties, no life-threatening condition (G1).
};

std::string_view to_string(CaregiverRole role) noexcept;
std::optional<CaregiverRole> caregiver_role_from_string(std::string_view text) noexcept;
std::string_view to_string(ConditionCategory category) noexcept;
std::optional<ConditionCategory> condition_category_from_string(std::string_view text) noexcept;

/// An enrolled caregiver: a role, no name.
struct Caregiver {
  CaregiverRole role = CaregiverRole::mother;

  friend bool operator==(const Caregiver&, const Caregiver&) = default;
};

/// A child the offer concerns (the ill or disabled child).
struct Child {
  ChildStage stage = ChildStage::primary;
  std::optional<int> grade;                ///< 1-13 when at school.
  std::optional<Date> birth_date;          ///< Or `age`; neither is required.
  std::optional<int> age;
  ConditionCategory condition = ConditionCategory::severe_disability;
  std::optional<std::string> rare_diagnosis;  ///< A code (ORPHA, ICD-10) shared by peers (G8).

  friend bool operator==(const Child&, const Child&) = default;
};

/// A sibling, who may need the parallel offer (DOMAIN P1).
struct Sibling {
  std::optional<int> age;
  std::optional<ChildStage> stage;

  friend bool operator==(const Sibling&, const Sibling&) = default;
};

struct Household {
  std::string id;            ///< Stable pseudonymous id ("h01").
  std::string municipality;
  std::string school;        ///< The school or pickup place (G7: same school, C8: venue near it).
  std::optional<boost::posix_time::time_duration> care_closes;  ///< The after-school care's (C3).
  std::vector<Caregiver> caregivers;  ///< Enrolled: 1 or 2.
  std::vector<Child> children;        ///< At least one.
  std::vector<Sibling> siblings;
  std::optional<AttendanceProbabilities> attendance;  ///< Its own; else the group's default.
  /// On a waitlist: the date it joined; those who have waited longest go first (formation).
  std::optional<Date> waiting_since;

  /// How many fathers this household enrols (DOMAIN G9).
  int fathers() const noexcept;

  friend bool operator==(const Household&, const Household&) = default;
};

}  // namespace paarorende
