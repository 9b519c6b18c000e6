// Course formats as values (DOMAIN C1-C11, C4, G9, P1, P2, P3, V2, V4, X5): what a format is for,
// its defaults (sessions, cadence, length, window, agenda blocks, audience, group rules, staffing
// rules) and the DOMAIN rules it follows. The planner, the group rules and the evaluation take a
// format, so nothing about the monthly parents' course is hard-wired elsewhere. The built-in
// formats are data (src/data/formats.json); a municipality defines its own in JSON, "based_on" a
// built-in one, and changes only what differs.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#include "paarorende/fields.hpp"
#include "paarorende/group.hpp"
#include "paarorende/schedule.hpp"
#include "paarorende/topic.hpp"

namespace paarorende {

/// Which planner a format is planned with.
enum class FormatKind {
  course,          ///< Sessions on a cadence: plan_course (schedule.hpp). DOMAIN C1-C11, G9.
  family_week,     ///< Consecutive days: plan_family_week (family_week.hpp). DOMAIN P2.
  meeting_place,   ///< A recurring meeting over a season: plan_season (meeting_place.hpp). V4.
  parallel_offer,  ///< Alongside a parents' session: parallel_offer.hpp. DOMAIN P1.
};

std::string_view to_string(FormatKind kind) noexcept;
std::optional<FormatKind> format_kind_from_string(std::string_view text) noexcept;

/// Who staffs a format's meetings, and how many adults they need (DOMAIN C7, C10, P1, P2, X5).
/// Each field's DOMAIN id, range and docstring are in its table below (fields.hpp).
struct StaffingRules {
  int min_adults = 1;
  int children_per_adult = 0;
  bool police_certificate = false;
  bool volunteers = false;
  bool presenter = false;
  bool led_by_professional = false;

  friend bool operator==(const StaffingRules&, const StaffingRules&) = default;
};

/// StaffingRules' fields: a format's JSON "staffing" object (docs/schemas/format.schema.json)
/// and the Python StaffingRules' read-only properties are made from this table. Its ranges bound
/// what the reader accepts (the core has no range check of its own); check_format() checks the
/// DOMAIN X5 minimum of two adults with children beside its rule.
constexpr auto fields(std::type_identity<StaffingRules>) {
  using R = StaffingRules;
  return std::tuple{
      field("min_adults", &R::min_adults, "Adults at every meeting (X5: 2 with children).")
          .between(1, 100),
      field("children_per_adult", &R::children_per_adult,
            "Children one adult looks after; 0: no children present.")
          .between(0, 100),
      field("police_certificate", &R::police_certificate,
            "Adults need a valid police certificate (DOMAIN X5)."),
      field("volunteers", &R::volunteers, "Run by volunteers (DOMAIN V4)."),
      field("presenter", &R::presenter, "A municipal employee opens each topic (DOMAIN C7)."),
      field("led_by_professional", &R::led_by_professional,
            "The talk is led by a professional (DOMAIN C10, P2)."),
  };
}

/// One block of a format's agenda template, with the rule it comes from.
struct FormatBlock {
  std::string kind;  ///< A slug: "meal", "introduction", "reflection", "activity", ...
  int minutes = 0;   ///< 0: runs alongside the next block (a meal eaten while talking, C9).
  std::string title_nb;
  std::string title_en;
  std::string rule;  ///< The DOMAIN id behind the block.
  std::string title_nn = {};  ///< Nynorsk: required of the built-in formats, optional in a file.

  /// The title in `language`; empty when the block has none in it.
  const std::string& title(Language language) const noexcept;
  friend bool operator==(const FormatBlock&, const FormatBlock&) = default;
};

/// A course format: every default a plan starts from, and where each comes from.
struct CourseFormat {
  std::string id;        ///< Slug ("monthly_parents").
  std::string based_on;  ///< The built-in format it was derived from; empty for a built-in one.
  FormatKind kind = FormatKind::course;
  std::string name_nb;   ///< Also the default title of a plan ("Mestringskurs for foreldre").
  std::string name_en;
  std::string description_nb;
  std::string description_en;
  Audience audience = Audience::parents;
  int sessions = 5;        ///< Sessions of a course, days of a week, 0: the season decides.
  int cadence_weeks = 4;   ///< Weeks between sessions; 0 for consecutive days.
  int session_minutes = 90;
  int introduction_minutes = 30;
  ClockTime earliest_start{14, 0, 0};  ///< The window a session must fit in (DOMAIN C3).
  ClockTime latest_end{16, 30, 0};     ///< For a course: when the after-school care closes.
  std::optional<int> min_age;          ///< The children's ages, when children take part.
  std::optional<int> max_age;
  /// A meeting place's season, the municipality's choice: V4 dates only its start (winter 2018);
  /// the built-in default is January-March, the library's assumption.
  std::optional<int> season_first_month;
  std::optional<int> season_last_month;
  std::vector<FormatBlock> agenda;
  ScheduleRules schedule_rules;
  TravelLimits travel;  ///< DOMAIN C8: the format's "travel" (old: schedule_rules.max_travel_minutes).
  GroupRules group_rules;
  StaffingRules staffing;
  std::string evaluation_form;        ///< The evaluation form's id ("sandefjord-pilot"), or empty.
  std::vector<std::string> rules;     ///< The DOMAIN rules it follows, in order.
  std::map<std::string, std::string> sources;  ///< Default's field -> the DOMAIN id it comes from.
  /// Nynorsk (issue #23): required of the built-in formats; optional in a municipality's file,
  /// where a nynorsk plan then needs its own "title".
  std::string name_nn = {};
  std::string description_nn = {};

  /// The name and description in `language`; empty when the format has none in it.
  const std::string& name(Language language) const noexcept;
  const std::string& description(Language language) const noexcept;
  friend bool operator==(const CourseFormat&, const CourseFormat&) = default;
};

/// The id of the format a request without one follows: the monthly parents' course (C1-C11).
inline constexpr std::string_view default_format_id = "monthly_parents";

/// The built-in formats, each documented in docs/formats/: the monthly parents' course, the
/// two-weekly variant (C4), the fathers' session (G9), the 5-day family course (P2), the
/// children's meeting place (V4) and the parallel children's and siblings' offer (P1). Compiled
/// from src/data/formats.json; parsed once; immutable.
const std::vector<CourseFormat>& builtin_formats();
/// The built-in format with this id, or nullptr.
const CourseFormat* find_builtin_format(std::string_view id) noexcept;
/// The built-in format with this id; InputError (at `where`) naming the known ids otherwise.
const CourseFormat& builtin_format(std::string_view id, const std::string& where = {});

/// Checks a format's own values (ranges, ids, a window that holds a session); throws InputError
/// whose where() is the JSON pointer of the field in a format document ("/session_minutes").
void check_format(const CourseFormat& format);

/// A course request with the format's defaults (sessions, cadence, length, window, rules,
/// audience, title). Throws InputError when the format is not a course.
CourseRequest course_request(const CourseFormat& format);
/// The group rules a group of this format is checked by (DOMAIN G1-G9).
inline const GroupRules& group_rules(const CourseFormat& format) noexcept {
  return format.group_rules;
}

std::ostream& operator<<(std::ostream& out, const CourseFormat& format);

}  // namespace paarorende
