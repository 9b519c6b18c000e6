// The 5-day family course (DOMAIN P2, after Frambu, S-4.3): for close relatives of children aged
// 0-4 with a rare diagnosis. Every day a common teaching block on a theme, alternating morning and
// afternoon; in the other half the parents meet in groups with a professional; the children are in
// a day programme with pedagogical staff who observe them and talk with the parents afterwards
// (the last day); the evenings are the parents' own, with childcare. Planned from a start date on
// consecutive weekdays, refusing public holidays (X1), with iCalendar.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "paarorende/calendar.hpp"
#include "paarorende/format.hpp"
#include "paarorende/schedule.hpp"
#include "paarorende/topic.hpp"
#include "paarorende/violation.hpp"

namespace paarorende {

enum class FamilyBlockKind {
  teaching,            ///< Common teaching on the day's theme (P2).
  parents_group,       ///< Parents in groups with a professional, on a theme (P2).
  observation_talk,    ///< The staff tell the parents what they observed (P2).
  lunch,               ///< Everyone.
  children_programme,  ///< Kindergarten activities with pedagogical staff, observed (P2).
  parents_evening,     ///< The parents' own community (P2).
  childcare,           ///< Looks after the children during the parents' evening (P2).
};

std::string_view to_string(FamilyBlockKind kind) noexcept;
std::optional<FamilyBlockKind> family_block_kind_from_string(std::string_view text) noexcept;

struct FamilyBlock {
  FamilyBlockKind kind = FamilyBlockKind::teaching;
  LocalDateTime start;
  LocalDateTime end;
  std::optional<std::string> theme;  ///< A topic id, for teaching and parents' groups.
  std::string title_nb;
  std::string title_en;
  std::string title_nn = {};  ///< Nynorsk: empty only for a theme without a nynorsk title.

  /// The title in `language`.
  const std::string& title(Language language) const noexcept;
  /// Who the block is for: the parents, or the children (programme and childcare).
  Audience audience() const noexcept;
  friend bool operator==(const FamilyBlock&, const FamilyBlock&) = default;
};

struct FamilyDay {
  int number = 0;  ///< 1-based.
  Date date;
  std::vector<FamilyBlock> blocks;  ///< In start order.

  friend bool operator==(const FamilyDay&, const FamilyDay&) = default;
};

struct FamilyWeekRequest {
  std::string title = "Familiekurs";
  std::string organiser;  ///< The municipality or centre.
  std::string format{"family_week"};
  std::optional<std::string> diagnosis;  ///< The rare diagnosis the families share (G8), a code.
  Date start_date;
  int days = 5;                       ///< DOMAIN P2: 5 days.
  std::vector<std::string> themes;    ///< One topic id per day; default: the T2 topics.
  ClockTime day_start{9, 0, 0};
  int half_day_minutes = 150;
  int lunch_minutes = 60;
  ClockTime evening_start{19, 0, 0};
  int evening_minutes = 120;
  bool teaching_first_morning = true;  ///< Day 1's teaching in the morning, then alternating.
  int min_age = 0;                     ///< DOMAIN P2: children aged 0-4.
  int max_age = 4;
  std::vector<int> children_ages;      ///< Counts only (X4).
  Venue venue;
  std::optional<TopicCatalogue> catalogue;
  /// The language of the calendar's texts, and of the title when the document gives none.
  Language language = Language::nb;

  const TopicCatalogue& topics() const noexcept {
    return catalogue ? *catalogue : builtin_catalogue();
  }
  friend bool operator==(const FamilyWeekRequest&, const FamilyWeekRequest&) = default;
};

struct FamilyWeekPlan {
  FamilyWeekRequest request;
  std::vector<FamilyDay> days;
  std::vector<Violation> findings;

  friend bool operator==(const FamilyWeekPlan&, const FamilyWeekPlan&) = default;
};

/// The themes of the Frambu family course (DOMAIN T2), then meeting others with the same rare
/// diagnosis (T5): the default themes, one per day.
std::vector<std::string> default_family_themes(const TopicCatalogue& catalogue = builtin_catalogue());

/// A request with the format's defaults (days, day start, half-day length, ages).
FamilyWeekRequest family_week_request(const CourseFormat& format, Date start_date);

/// Checks the request's ranges and themes; throws InputError with a JSON pointer.
void check_family_week_request(const FamilyWeekRequest& request);

/// Plans the week (DOMAIN P2). Throws ImpossibleRequest when a day falls on a weekend [P2] or a
/// public holiday [X1], naming the day.
FamilyWeekPlan plan_family_week(const FamilyWeekRequest& request);

/// Checks any plan, planned or hand-made, against P2: consecutive weekdays without holidays, one
/// teaching block a day alternating morning and afternoon, a parents' group (or the observation
/// talk) whenever there is no common teaching in the daytime, the children looked after whenever
/// the parents are busy, childcare during every parents' evening, an observation talk in the week,
/// each theme once, and the children's ages.
std::vector<Violation> validate(const FamilyWeekPlan& plan);

std::ostream& operator<<(std::ostream& out, const FamilyBlock& block);

}  // namespace paarorende
