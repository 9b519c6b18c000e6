// Checking a course plan against the model: validate() and one checker per group of rules.
// The findings come in a fixed order (tests compare lists): the course's settings first, then
// session by session its times, care window, cadence, topics and agenda, then X2.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <boost/date_time/local_time/local_time.hpp>

#include "detail/text.hpp"
#include "schedule_internal.hpp"

namespace paarorende {
namespace {

using boost::posix_time::minutes;
using detail::minutes_of_day;

// The findings so far, in the order they were found.
struct Findings {
  std::vector<Violation> list;

  void add(const char* rule, Severity severity, std::string message,
           std::optional<int> session = std::nullopt) {
    list.push_back({rule, severity, std::move(message), session});
  }
};

// One session as the checks after its times read it. The local readings are taken once: each
// costs a time-zone rule evaluation.
struct SessionView {
  const Session& session;
  int index = 0;         // 0-based
  int n = 0;             // 1-based, the number it should have
  std::string label;     // "session n", the findings' subject
  bool opening = false;  // DOMAIN C6, T6: the session for getting to know each other
  Date date;
  ClockTime start_time;
  ClockTime end_time;
  int length = 0;  // minutes
};

// DOMAIN C11, X2: what the walk over the sessions remembers of the school calendar.
struct SchoolYearWalk {
  const SchoolYear* first = nullptr;  // the school year the course began in
  std::vector<int> uncovered;         // sessions no school calendar covers
};

// The rule a session on a closed day breaks: no after-school care on weekends (C3), otherwise
// the course keeps to the school year (C11).
std::string rule_broken_by(const Closure& closure) {
  return closure.kind == ClosureKind::weekend ? "C3" : "C11";
}

// DOMAIN C1, C2, C4, C8: the course's settings against the model's.
void check_course(const CourseRequest& request, int count, Findings& found) {
  const ScheduleRules& rules = request.rules;
  if (count == 0) found.add("C1", Severity::error, "the schedule has no sessions");
  if (count != request.sessions) {  // DOMAIN C1
    found.add("C1", Severity::warning,
              "the schedule has " + std::to_string(count) + " sessions; the request asks for " +
                  std::to_string(request.sessions));
  }
  if (count < rules.min_sessions || count > rules.max_sessions) {  // DOMAIN C1
    found.add("C1", Severity::warning,
              std::to_string(count) + " sessions; the model recommends " +
                  std::to_string(rules.min_sessions) + "-" + std::to_string(rules.max_sessions));
  }
  if (std::find(rules.cadences_weeks.begin(), rules.cadences_weeks.end(), request.cadence_weeks) ==
      rules.cadences_weeks.end()) {  // DOMAIN C4
    found.add("C4", Severity::warning,
              "a cadence of " + std::to_string(request.cadence_weeks) +
                  " weeks is not one of the model's cadences");
  }
  if (request.session_minutes != rules.session_minutes) {  // DOMAIN C2
    found.add("C2", Severity::warning,
              "sessions of " + std::to_string(request.session_minutes) +
                  " minutes; the model's sessions last " + std::to_string(rules.session_minutes));
  }
  if (request.introduction_minutes != rules.introduction_minutes) {  // DOMAIN C2
    found.add("C2", Severity::warning,
              "an introduction of " + std::to_string(request.introduction_minutes) +
                  " minutes; the model's is about " + std::to_string(rules.introduction_minutes));
  }
  // DOMAIN C8, the one travel rule (travel.hpp): a warning beyond a short drive, an error beyond
  // the most allowed.
  if (request.pickups.empty()) {
    if (const auto severity = travel_severity(request.travel, request.travel_minutes)) {
      found.add("C8", *severity,
                std::to_string(request.travel_minutes) + " minutes' travel from the venue to the pickup place: " +
                    travel_limit_text(request.travel, *severity));
    }
  }
  // DOMAIN C3, C8: a course planned from a group, household by household; the one whose pickup
  // comes first sets when the sessions must end.
  if (!request.pickups.empty()) {
    const LatestEnd latest = latest_end(request);
    found.add("C3", Severity::info,
              "sessions end by " + clock_time(minutes(std::max(latest.minute_of_day, 0))) + ": " +
                  detail::latest_end_reason(latest));
  }
  for (const Pickup& pickup : request.pickups) {
    if (const auto severity = travel_severity(request.travel, pickup.travel_minutes)) {
      found.add("C8", *severity,
                "household " + pickup.household + ": " + std::to_string(pickup.travel_minutes) +
                    " minutes' travel from the venue to its pickup place: " +
                    travel_limit_text(request.travel, *severity));
    }
    if (!pickup.care_closes) {
      found.add("C3", Severity::info,
                "household " + pickup.household + " gives no care_closes: the course's " +
                    clock_time(request.care_closes) + " is assumed");
    }
  }
  if (request.venue.name.empty()) {
    found.add("C8", Severity::warning, "no venue is named");
  }
}

// DOMAIN C1, C2, X3, X1, C11: session `index`'s number and times, its day open, in the course's
// school year. Returns what the later checks read, or nothing when the times are unusable (the
// checks that read them would only add noise).
std::optional<SessionView> check_times(const CourseSchedule& schedule, int index,
                                       SchoolYearWalk& years, Findings& found) {
  const CourseRequest& request = schedule.request;
  const SchoolCalendar* school = request.school_calendar ? &*request.school_calendar : nullptr;
  const int count = static_cast<int>(schedule.sessions.size());
  const Session& session = schedule.sessions[static_cast<std::size_t>(index)];
  const int n = index + 1;
  const std::string label = "session " + std::to_string(n);
  if (session.number != n) {
    found.add("C1", Severity::error,
              label + " is numbered " + std::to_string(session.number) + "; number sessions 1.." +
                  std::to_string(count),
              n);
  }
  if (session.start.is_not_a_date_time() || session.end.is_not_a_date_time()) {
    found.add("C2", Severity::error, label + " has no start or end time", n);
    return std::nullopt;
  }
  const auto local_start = session.start.local_time();
  const auto local_end = session.end.local_time();
  SessionView view{
      session,
      index,
      n,
      label,
      n == 1 && request.rules.getting_to_know_first,
      local_start.date(),
      local_start.time_of_day(),
      local_end.time_of_day(),
      static_cast<int>((session.end.utc_time() - session.start.utc_time()).total_seconds() / 60)};
  const Date date = view.date;
  // DOMAIN X3: local times are Europe/Oslo.
  if (session.start.zone() != oslo_time_zone() &&
      session.start.zone_as_posix_string() != oslo_time_zone()->to_posix_string()) {
    found.add("X3", Severity::error, label + " is not in Europe/Oslo time", n);
  }
  if (!detail::is_supported(date)) {  // DOMAIN X1: holidays are known for the supported years only
    found.add("X1", Severity::error,
              label + " on " + iso_date(date) + " is outside the supported years " +
                  std::to_string(first_supported_year) + "-" + std::to_string(last_supported_year),
              n);
    return std::nullopt;
  }
  if (local_end.date() != date || session.end <= session.start) {
    found.add("C2", Severity::error, label + " must end after it starts, on the same day", n);
    return std::nullopt;
  }
  if (view.length != request.session_minutes) {  // DOMAIN C2
    found.add("C2", Severity::error,
              label + " lasts " + std::to_string(view.length) +
                  " minutes; the course's sessions last " + std::to_string(request.session_minutes),
              n);
  }
  if (auto closure = detail::closure_for(request, date)) {  // DOMAIN C11, C3
    found.add(rule_broken_by(*closure).c_str(), Severity::error,
              label + " on " + iso_date(date) + " is " + detail::describe(*closure) + " [" +
                  closure->rule + "]",
              n);
  }
  if (school != nullptr && school->school_year_of(date) == nullptr && !school->covers(date) &&
      !request.rules.allow_outside_school_years) {
    // DOMAIN C11: the course keeps to a school year of the calendar the municipality gave.
    found.add("C11", Severity::error, label + " on " + iso_date(date) + " is " + detail::outside_school_years(*school), n);
  } else if (school == nullptr || !school->covers(date)) {
    years.uncovered.push_back(n);
  }
  if (school != nullptr) {
    const SchoolYear* year = school->school_year_of(date);
    if (index == 0) {
      years.first = year;
    } else if (years.first != nullptr && year != nullptr && year != years.first) {
      found.add("C11", Severity::error,
                label + " is in school year " + year->label + "; the course began in " +
                    years.first->label,
                n);
    }
  }
  return view;
}

// DOMAIN C3: end in time for the pickup, start no earlier than the parents accept, and prefer
// the latest start.
void check_care_window(const CourseRequest& request, const SessionView& view, Findings& found) {
  const LatestEnd latest = latest_end(request);
  const int must_end = latest.minute_of_day;
  const int start = minutes_of_day(view.start_time);
  const int end = minutes_of_day(view.end_time);
  if (end > must_end) {
    found.add("C3", Severity::error,
              view.label + " ends " + clock_time(view.end_time) + ", after " +
                  clock_time(minutes(std::max(must_end, 0))) + " (" + detail::latest_end_reason(latest) + ")",
              view.n);
  } else if (must_end - end >= request.rules.start_step_minutes) {
    found.add("C3", Severity::warning,
              view.label + " could start later: it ends " + clock_time(view.end_time) +
                  ", and the children are looked after until " + clock_time(minutes(must_end)) +
                  " counting travel",
              view.n);
  }
  if (start < minutes_of_day(request.earliest_start)) {
    found.add("C3", Severity::error,
              view.label + " starts " + clock_time(view.start_time) + ", before the earliest start " +
                  clock_time(request.earliest_start),
              view.n);
  }
}

// DOMAIN C4: in order, and on the cadence unless a move explains the gap; a gap under a week is
// a warning even after a move.
void check_cadence(const CourseSchedule& schedule, const SessionView& view, Findings& found) {
  if (view.index == 0) return;
  const Session& previous = schedule.sessions[static_cast<std::size_t>(view.index - 1)];
  if (previous.start.is_not_a_date_time()) return;
  const int i = view.index;
  const long gap = (view.date - previous.date()).days();
  if (gap <= 0) {
    found.add("C4", Severity::error, view.label + " is not after session " + std::to_string(i),
              view.n);
  } else if (gap < 7) {
    found.add("C4", Severity::warning,
              view.label + " comes only " + std::to_string(gap) + " day(s) after session " +
                  std::to_string(i),
              view.n);
  } else if (!view.session.moved_from && !previous.moved_from &&
             gap != 7L * schedule.request.cadence_weeks) {
    found.add("C4", Severity::warning,
              view.label + " comes " + std::to_string(gap) + " days after session " +
                  std::to_string(i) + "; the cadence is " +
                  std::to_string(schedule.request.cadence_weeks) + " weeks",
              view.n);
  }
}

// DOMAIN C7: the session's presenter known, of the topic's role, and free that day; without one,
// why nobody is.
void check_presenter(const CourseRequest& request, const SessionView& view, const Topic& topic,
                     Findings& found) {
  const Session& session = view.session;
  const std::string& label = view.label;
  const Presenter* presenter = nullptr;
  for (const auto& candidate : request.presenters) {
    if (session.presenter && candidate.id == *session.presenter) presenter = &candidate;
  }
  if (session.presenter && presenter == nullptr) {
    found.add("C7", Severity::error, label + ": no presenter \"" + *session.presenter + "\"",
              view.n);
  } else if (presenter != nullptr) {
    if (presenter->role != topic.presenter_role) {
      found.add("C7", Severity::error,
                label + ": " + presenter->id + " is a " + presenter->role + "; \"" + topic.id +
                    "\" is presented by a " + topic.presenter_role,
                view.n);
    }
    if (!presenter->available_on(view.date)) {
      found.add("C7", Severity::error,
                label + ": " + presenter->id + " cannot come on " + iso_date(view.date), view.n);
    }
  } else if (!view.opening) {
    found.add("C7", Severity::warning,
              label + " (" + topic.id +
                  "): " + detail::why_unstaffed(topic, view.date, request.presenters),
              view.n);
  }
}

// DOMAIN C5, C6, C7, T6, G9: topics known, each once, the first session's first, for the
// course's audience; presenters as check_presenter says.
void check_topics(const CourseSchedule& schedule, const SessionView& view, Findings& found) {
  const CourseRequest& request = schedule.request;
  const Session& session = view.session;
  const std::string& label = view.label;
  const int n = view.n;
  if (!session.topic) {
    if (view.opening) {
      found.add("T6", Severity::warning,
                "session 1 has no topic; it is always \"" + std::string(first_session_topic) + "\"",
                n);
    } else if (!request.wishes.empty()) {
      found.add("C6", Severity::warning, label + " has no topic", n);
    }
    return;
  }
  const Topic* topic = request.topics().find(*session.topic);
  if (topic == nullptr) {
    found.add("C5", Severity::error,
              label + ": no topic \"" + *session.topic + "\" in the catalogue", n);
    return;
  }
  if (view.opening && topic->id != first_session_topic) {
    found.add("T6", Severity::error,
              "session 1 is for getting to know each other, not \"" + topic->id + "\"", n);
  }
  if (!view.opening && topic->id == first_session_topic) {
    found.add("T6", Severity::error, label + ": getting to know each other is the first session's",
              n);
  }
  for (int j = 0; j < view.index; ++j) {
    if (schedule.sessions[static_cast<std::size_t>(j)].topic == session.topic) {
      found.add(
          "C5", Severity::error,
          label + " repeats the topic \"" + topic->id + "\" of session " + std::to_string(j + 1),
          n);
      break;
    }
  }
  if (!topic->is_for(request.audience)) {
    found.add(
        "G9", Severity::warning,
        label + ": \"" + topic->id + "\" is not for " + std::string(to_string(request.audience)),
        n);
  }
  check_presenter(request, view, *topic, found);
}

// DOMAIN C2, C6, C7, C9, C10: the agenda adds up and has the model's blocks.
void check_agenda(const SessionView& view, Findings& found) {
  const std::string& label = view.label;
  const int n = view.n;
  int covered = 0;
  bool has_meal = false;
  bool has_first_blocks[2] = {false, false};
  bool has_later_blocks[2] = {false, false};
  for (const auto& item : view.session.agenda) {
    if (item.kind == AgendaKind::meal) {
      has_meal = true;
      continue;
    }
    if (item.offset_minutes != covered || item.minutes <= 0) {
      found.add("C2", Severity::error,
                label + ": agenda block '" + std::string(to_string(item.kind)) + "' should start " +
                    std::to_string(covered) + " minutes in and last a positive time",
                n);
    }
    covered = item.offset_minutes + item.minutes;
    if (item.kind == AgendaKind::getting_to_know) has_first_blocks[0] = true;
    if (item.kind == AgendaKind::topic_wishes) has_first_blocks[1] = true;
    if (item.kind == AgendaKind::introduction) has_later_blocks[0] = true;
    if (item.kind == AgendaKind::reflection) has_later_blocks[1] = true;
  }
  if (view.session.agenda.empty()) {
    found.add("C2", Severity::error, label + " has no agenda", n);
    return;
  }
  if (covered != view.length) {
    found.add("C2", Severity::error,
              label + ": the agenda covers " + std::to_string(covered) + " of " +
                  std::to_string(view.length) + " minutes",
              n);
  }
  if (view.opening && !(has_first_blocks[0] && has_first_blocks[1])) {
    found.add("C6", Severity::error,
              "session 1 is for getting to know each other and the round of topic wishes", n);
  }
  if (!view.opening && !has_later_blocks[0]) {
    found.add("C7", Severity::error, label + " has no introduction by a municipal employee", n);
  }
  if (!view.opening && !has_later_blocks[1]) {
    found.add("C10", Severity::error, label + " has no led reflection", n);
  }
  if (!has_meal) found.add("C9", Severity::warning, label + " serves no food on arrival", n);
}

}  // namespace

std::vector<Violation> validate(const CourseSchedule& schedule) {
  Findings found;
  const int count = static_cast<int>(schedule.sessions.size());
  check_course(schedule.request, count, found);
  SchoolYearWalk years;
  for (int i = 0; i < count; ++i) {
    const std::optional<SessionView> view = check_times(schedule, i, years, found);
    if (!view) continue;
    check_care_window(schedule.request, *view, found);
    check_cadence(schedule, *view, found);
    check_topics(schedule, *view, found);
    check_agenda(*view, found);
  }
  if (!years.uncovered.empty()) {
    found.add("X2", Severity::warning,
              "no school calendar covers session(s) " + detail::session_list(years.uncovered) +
                  "; school holidays could not be checked there");
  }
  const auto& calendar = schedule.request.school_calendar;
  if (calendar && calendar->example_data) found.list.push_back(detail::example_calendar_finding(*calendar));
  return found.list;
}

}  // namespace paarorende
