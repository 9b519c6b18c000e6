#include "paarorende/format.hpp"

#include <algorithm>

#include "detail/input_error.hpp"
#include "detail/language.hpp"
#include "detail/text.hpp"
#include "paarorende/error.hpp"

namespace paarorende {

namespace {

}  // namespace

const CourseFormat* find_builtin_format(std::string_view id) noexcept {
  for (const auto& format : builtin_formats()) {
    if (format.id == id) return &format;
  }
  return nullptr;
}

const std::string& FormatBlock::title(Language language) const noexcept {
  return detail::in_language(language, title_nb, title_nn, title_en);
}

const std::string& CourseFormat::name(Language language) const noexcept {
  return detail::in_language(language, name_nb, name_nn, name_en);
}

const std::string& CourseFormat::description(Language language) const noexcept {
  return detail::in_language(language, description_nb, description_nn, description_en);
}

const CourseFormat& builtin_format(std::string_view id, const std::string& where) {
  if (const CourseFormat* format = find_builtin_format(id)) return *format;
  std::string ids;
  for (const auto& format : builtin_formats()) ids += (ids.empty() ? "" : ", ") + format.id;
  detail::raise_input_error(where, "no built-in format " + detail::quote_input(id) + " (known: " + ids + ")");
}

void check_format(const CourseFormat& format) {
  detail::require(detail::is_slug(format.id), "/id", "an id is lower-case letters, digits and _");
  detail::require(!format.name_nb.empty(), "/name_nb", "a format needs a name in bokmål");
  detail::require(!format.name_en.empty(), "/name_en", "a format needs a name in English");
  detail::require(format.introduction_minutes < format.session_minutes, "/introduction_minutes",
          "the introduction must be shorter than the session (" +
              std::to_string(format.session_minutes) + " minutes)", detail::Rule{"C2"});
  const bool planned_on_a_cadence =
      format.kind == FormatKind::course || format.kind == FormatKind::meeting_place;
  if (format.kind == FormatKind::course) {
    detail::require(format.sessions >= 1, "/sessions", "a course has at least one session", detail::Rule{"C1"});
  }
  if (format.kind == FormatKind::family_week) {
    detail::require(format.sessions >= 1 && format.sessions <= 10, "/sessions",
            "a family course lasts 1-10 days", detail::Rule{"P2"});
  }
  if (planned_on_a_cadence) {
    detail::require(format.cadence_weeks >= 1, "/cadence_weeks", "sessions need a cadence of 1-12 weeks", detail::Rule{"C4"});
  }
  // DOMAIN C3: the window must hold a session.
  const int window = detail::minutes_of_day(format.latest_end) -
                     detail::minutes_of_day(format.earliest_start);
  if (format.kind != FormatKind::parallel_offer) {
    detail::require(window >= std::min(format.session_minutes, 720), "/latest_end",
            "the window " + clock_time(format.earliest_start) + "-" +
                clock_time(format.latest_end) + " does not hold a " +
                std::to_string(format.session_minutes) + "-minute session", detail::Rule{"C3"});
  }
  if (format.min_age && format.max_age) {
    detail::require(*format.min_age <= *format.max_age, "/max_age",
            "the oldest age must not be below the youngest (" + std::to_string(*format.min_age) + ")");
  }
  detail::require(format.season_first_month.has_value() == format.season_last_month.has_value(),
          format.season_first_month ? "/season_last_month" : "/season_first_month",
          "a season needs both its first and its last month");
  if (format.kind == FormatKind::meeting_place) {
    detail::require(format.season_first_month.has_value(), "/season_first_month",
            "a meeting place runs over a season, the months the municipality chooses", detail::Rule{"V4"});
  }
  // DOMAIN X5: with children present, at least two adults, each with a police certificate.
  const bool children_present = format.audience == Audience::children ||
                                format.audience == Audience::siblings ||
                                format.staffing.children_per_adult > 0;
  if (children_present) {
    detail::require(format.staffing.min_adults >= 2, "/staffing/min_adults",
            "a session for children has at least two adults present, got " +
                std::to_string(format.staffing.min_adults), detail::Rule{"X5"});
    detail::require(format.staffing.police_certificate, "/staffing/police_certificate",
            "adults who work with children need a valid police certificate", detail::Rule{"X5"});
  }
  int covered = 0;
  for (std::size_t i = 0; i < format.agenda.size(); ++i) covered += format.agenda[i].minutes;
  if (format.kind == FormatKind::course || format.kind == FormatKind::meeting_place ||
      format.kind == FormatKind::parallel_offer) {
    if (!format.agenda.empty()) {
      detail::require(covered == format.session_minutes, "/agenda",
              "the agenda covers " + std::to_string(covered) + " of " +
                  std::to_string(format.session_minutes) + " minutes", detail::Rule{"C2"});
    }
  }
  if (format.kind == FormatKind::course && !format.agenda.empty()) {
    // The course planner lays out the introduction and reflection itself (standard_agenda).
    for (std::size_t i = 0; i < format.agenda.size(); ++i) {
      if (format.agenda[i].kind == "introduction" &&
          format.agenda[i].minutes != format.introduction_minutes) {
        const std::string at = "/agenda/" + std::to_string(i) + "/minutes";
        detail::raise_input_error(at, "the introduction block lasts " +
                                   std::to_string(format.agenda[i].minutes) + " minutes; " +
                                   "introduction_minutes is " +
                                   std::to_string(format.introduction_minutes), detail::Rule{"C2"});
      }
    }
  }
  for (std::size_t i = 0; i < format.rules.size(); ++i) {
    if (!detail::is_rule_id(format.rules[i])) {
      const std::string at = "/rules/" + std::to_string(i);
      detail::raise_input_error(at, "expected a DOMAIN rule id such as \"C3\", got " +
                               detail::quote_input(format.rules[i]));
    }
  }
  try {
    check_rules(format.group_rules);
  } catch (const InputError& error) {
    const std::string& where = error.where();
    const std::string relative = where.rfind("/rules", 0) == 0 ? where.substr(6) : where;
    throw InputError(error.rule(), error.message(), "/group_rules" + relative);
  }
}

CourseRequest course_request(const CourseFormat& format) {
  if (format.kind != FormatKind::course) {
    detail::raise_input_error("/format", "format " + detail::quote_input(format.id) + " is a " +
                             std::string(to_string(format.kind)) +
                             ", not a course; plan it with its own planner");
  }
  CourseRequest request;
  request.title = format.name_nb;
  request.sessions = format.sessions;            // DOMAIN C1
  request.cadence_weeks = format.cadence_weeks;  // DOMAIN C4
  request.session_minutes = format.session_minutes;            // DOMAIN C2
  request.introduction_minutes = format.introduction_minutes;  // DOMAIN C2
  request.earliest_start = format.earliest_start;  // DOMAIN C3
  request.care_closes = format.latest_end;         // DOMAIN C3
  request.rules = format.schedule_rules;
  request.travel = format.travel;
  request.rules.session_minutes = format.session_minutes;
  request.rules.introduction_minutes = format.introduction_minutes;
  if (std::find(request.rules.cadences_weeks.begin(), request.rules.cadences_weeks.end(),
                format.cadence_weeks) == request.rules.cadences_weeks.end()) {
    request.rules.cadences_weeks.push_back(format.cadence_weeks);
  }
  request.audience = format.audience;  // DOMAIN G9
  request.format = format.id;
  return request;
}

std::ostream& operator<<(std::ostream& out, const CourseFormat& format) {
  out << "CourseFormat(" << format.id << ", " << to_string(format.kind) << ", " << format.name_en;
  if (!format.based_on.empty()) out << ", based on " << format.based_on;
  return out << ')';
}

}  // namespace paarorende
