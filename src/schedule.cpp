#include "paarorende/schedule.hpp"

#include "detail/names.hpp"
#include <algorithm>
#include <sstream>

#include <boost/date_time/local_time/local_time.hpp>

#include "detail/text.hpp"
#include "paarorende/error.hpp"

namespace paarorende {
namespace {

using boost::gregorian::days;
using boost::posix_time::minutes;
using detail::minutes_of_day;

const char* weekday_name(Weekday weekday) {
  static constexpr const char* names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                          "Thursday", "Friday", "Saturday"};
  return names[static_cast<int>(weekday)];
}

bool is_weekend(Weekday weekday) {
  return weekday == boost::date_time::Saturday || weekday == boost::date_time::Sunday;
}

void require(bool ok, const char* pointer, const std::string& message) {
  if (!ok) throw InputError("", message, pointer);
}

void require_range(int value, int low, int high, const char* pointer) {
  require(value >= low && value <= high, pointer,
          "must be between " + std::to_string(low) + " and " + std::to_string(high) + ", got " +
              std::to_string(value));
}

void require_clock(ClockTime time, const char* pointer) {
  require(!time.is_special() && time >= ClockTime(0, 0, 0) && time < ClockTime(24, 0, 0), pointer,
          "must be a time of day between 00:00 and 23:59");
}

void require_supported_date(Date date, const std::string& pointer) {
  if (date.is_special() || date.year() < first_supported_year || date.year() > last_supported_year) {
    throw InputError("", "date outside the supported years " +
                             std::to_string(first_supported_year) + "-" +
                             std::to_string(last_supported_year),
                     pointer);
  }
}

bool is_supported(Date date) {
  return date.year() >= first_supported_year && date.year() <= last_supported_year;
}

// The closure used for planning, with the school calendar when there is one. Dates the
// holidays are not known for (DOMAIN X1) make the request impossible, not the program fail.
std::optional<Closure> closure_for(const CourseRequest& request, Date date) {
  if (!is_supported(date)) {
    throw ImpossibleRequest("X1",
                            "the course would reach " + iso_date(date) + ", past the supported years " +
                                std::to_string(first_supported_year) + "-" +
                                std::to_string(last_supported_year),
                            "/sessions");
  }
  return course_closure(date, request.school_calendar ? &*request.school_calendar : nullptr);
}

std::string describe(const Closure& closure) {
  switch (closure.kind) {
    case ClosureKind::weekend: return "a weekend (" + closure.name + ")";
    case ClosureKind::public_holiday: return "a public holiday (" + closure.name + ")";
    case ClosureKind::school_holiday: return "in the school holiday " + closure.name;
    case ClosureKind::outside_school_year: return "outside the school year (" + closure.name + ")";
  }
  return closure.name;
}

// The rule a session on a closed day breaks: no after-school care on weekends (C3), otherwise
// the course keeps to the school year (C11).
std::string rule_broken_by(const Closure& closure) {
  return closure.kind == ClosureKind::weekend ? "C3" : "C11";
}

std::string session_list(const std::vector<int>& numbers) {
  std::string text;
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    if (i > 0) text += ", ";
    text += std::to_string(numbers[i]);
  }
  return text;
}

// The introduction block names the day's topic (DOMAIN C2, C7).
void title_introduction(Session& session, const Topic& topic) {
  for (auto& item : session.agenda) {
    if (item.kind != AgendaKind::introduction) continue;
    item.title_nb = "Innledning: " + topic.title_nb;
    item.title_en = "Introduction: " + topic.title_en;
  }
}

// From dates to a course plan (DOMAIN C5, C6, C7, T6): session 1 gets "getting to know each
// other"; with wishes, the later sessions get the chosen topics and their presenters.
void plan_topics(CourseSchedule& schedule) {
  const CourseRequest& request = schedule.request;
  const TopicCatalogue& catalogue = request.topics();
  if (schedule.sessions.empty()) return;
  // The sessions before `opening` are for getting to know each other (only session 1, or none
  // when the format opens every session with a topic).
  const int opening = request.rules.getting_to_know_first ? 1 : 0;
  if (opening == 1) {
    Session& first = schedule.sessions.front();
    first.topic = std::string(first_session_topic);  // DOMAIN T6
    if (const Topic* topic = catalogue.find(first_session_topic)) {
      // Of several free course leaders, the first by id, as staff_sessions breaks ties.
      for (const auto& presenter : request.presenters) {
        if (presenter.role == topic->presenter_role && presenter.available_on(first.date()) &&
            (!first.presenter || presenter.id < *first.presenter)) {
          first.presenter = presenter.id;
        }
      }
    }
  }
  const int later = static_cast<int>(schedule.sessions.size()) - opening;
  if (later == 0) return;
  if (request.wishes.empty()) return;  // DOMAIN C6: topics are chosen in session 1
  TopicChoice choice = choose_topics(request.wishes, catalogue, request.children, later,
                                     request.audience, request.topic_rules);
  std::vector<Date> dates;
  for (int i = opening; i < opening + later; ++i) {
    dates.push_back(schedule.sessions[static_cast<std::size_t>(i)].date());
  }
  const Staffing staffing =
      staff_sessions(dates, choice.topics, request.presenters, catalogue, opening + 1);
  // Unstaffed sessions are reported by validate() with the same message; keep the rest here.
  for (const auto& finding : staffing.findings) {
    if (finding.severity == Severity::info) choice.findings.push_back(finding);
  }
  for (int i = opening; i < opening + later; ++i) {
    Session& session = schedule.sessions[static_cast<std::size_t>(i)];
    const SessionStaffing& staffed = staffing.sessions[static_cast<std::size_t>(i - opening)];
    session.topic = staffed.topic;
    session.presenter = staffed.presenter;
    if (session.topic) title_introduction(session, *catalogue.find(*session.topic));
  }
  for (auto& finding : choice.findings) schedule.findings.push_back(std::move(finding));
}

}  // namespace

boost::local_time::time_zone_ptr oslo_time_zone() {
  // DOMAIN X3: Europe/Oslo, UTC+1 with summer time from the last Sunday of March 02:00 to the
  // last Sunday of October 03:00. Boost reads the offset east-positive, the opposite of POSIX TZ
  // ("CET-1" there), so UTC+1 is written "+01". Built once; the zone object is immutable.
  static const boost::local_time::time_zone_ptr zone(
      new boost::local_time::posix_time_zone("CET+01CEST+01,M3.5.0/02:00,M10.5.0/03:00"));
  return zone;
}

LocalDateTime oslo_time(Date date, ClockTime time) {
  // Afternoon sessions never meet the night-time transitions, but be exact anyway: a wall time
  // that does not exist (spring forward) is read an hour later, an ambiguous one (fall back) as
  // summer time. One rule evaluation, then the instant is built from UTC (the cheap constructor).
  const auto zone = oslo_time_zone();
  const auto result = LocalDateTime::check_dst(date, time, zone);
  const bool summer = result == boost::date_time::is_in_dst || result == boost::date_time::ambiguous;
  ClockTime wall = time;
  if (result == boost::date_time::invalid_time_label) wall += boost::posix_time::hours(1);
  const auto offset = zone->base_utc_offset() + (summer || result == boost::date_time::invalid_time_label
                                                     ? zone->dst_offset()
                                                     : boost::posix_time::hours(0));
  return LocalDateTime(boost::posix_time::ptime(date, wall) - offset, zone);
}

std::string_view to_string(MovePolicy policy) noexcept { return detail::move_policy_names.name(policy); }

std::optional<MovePolicy> move_policy_from_string(std::string_view text) noexcept {
  return detail::move_policy_names.parse(text);
}

std::string_view to_string(AgendaKind kind) noexcept { return detail::agenda_kind_names.name(kind); }

std::optional<AgendaKind> agenda_kind_from_string(std::string_view text) noexcept {
  return detail::agenda_kind_names.parse(text);
}

void check_request(const CourseRequest& request) {
  if (request.first_date.has_value() == request.earliest_date.has_value()) {
    throw InputError("", "give exactly one of first_date and earliest_date",
                     request.first_date ? "/earliest_date" : "/first_date");
  }
  if (request.first_date) require_supported_date(*request.first_date, "/first_date");
  if (request.earliest_date) require_supported_date(*request.earliest_date, "/earliest_date");
  if (request.first_date && request.weekday &&
      request.first_date->day_of_week().as_enum() != *request.weekday) {
    throw InputError("", std::string("first_date is a ") +
                             weekday_name(request.first_date->day_of_week().as_enum()) +
                             ", not a " + weekday_name(*request.weekday),
                     "/weekday");
  }
  require_range(request.sessions, 1, 52, "/sessions");
  require_range(request.cadence_weeks, 1, 12, "/cadence_weeks");
  require_range(request.session_minutes, 15, 480, "/session_minutes");
  require_range(request.introduction_minutes, 0, request.session_minutes - 1,
                "/introduction_minutes");
  require_range(request.travel_minutes, 0, 240, "/travel_minutes");
  require_clock(request.care_closes, "/care_closes");
  require_clock(request.earliest_start, "/earliest_start");
  const ScheduleRules& rules = request.rules;
  require_range(rules.min_sessions, 1, 52, "/rules/min_sessions");
  require_range(rules.max_sessions, rules.min_sessions, 52, "/rules/max_sessions");
  require(!rules.cadences_weeks.empty(), "/rules/cadences_weeks", "must name at least one cadence");
  for (std::size_t i = 0; i < rules.cadences_weeks.size(); ++i) {
    if (rules.cadences_weeks[i] < 1 || rules.cadences_weeks[i] > 12) {
      const std::string at = "/rules/cadences_weeks/" + std::to_string(i);
      require_range(rules.cadences_weeks[i], 1, 12, at.c_str());
    }
  }
  require_range(rules.session_minutes, 15, 480, "/rules/session_minutes");
  require_range(rules.introduction_minutes, 0, rules.session_minutes - 1,
                "/rules/introduction_minutes");
  require_range(rules.max_travel_minutes, 0, 240, "/rules/max_travel_minutes");
  require_range(rules.start_step_minutes, 1, 60, "/rules/start_step_minutes");
  require_range(rules.max_move_weeks, 1, 52, "/rules/max_move_weeks");
  // DOMAIN C7: presenters have distinct ids and roles the catalogue knows.
  const TopicCatalogue& catalogue = request.topics();
  for (std::size_t p = 0; p < request.presenters.size(); ++p) {
    const Presenter& presenter = request.presenters[p];
    const std::string at = "/presenters/" + std::to_string(p);
    if (presenter.id.empty()) throw InputError("", "a presenter needs an id", at + "/id");
    for (std::size_t q = 0; q < p; ++q) {
      if (request.presenters[q].id == presenter.id) {
        throw InputError("", "presenter id \"" + presenter.id + "\" is used twice", at + "/id");
      }
    }
    if (catalogue.find_role(presenter.role) == nullptr) {
      throw InputError("C7", "no presenter role \"" + presenter.role + "\" in the catalogue",
                       at + "/role");
    }
  }
  // DOMAIN C6, G6, T3: wishes name known topics once each; grades fit their stages.
  if (!request.wishes.empty() || !request.children.empty()) {
    choose_topics(request.wishes, catalogue, request.children, 0, request.audience,
                  request.topic_rules);
  }
  // DOMAIN G6: suiting the stage never counts against a topic.
  require_range(request.topic_rules.stage_weight_percent, 100, 1000,
                "/topic_rules/stage_weight_percent");
  if (request.school_calendar) {
    try {
      check_school_calendar(*request.school_calendar);
    } catch (const InputError& error) {
      throw InputError(error.rule(), error.message(), "/school_calendar" + error.where());
    }
  }
}

// DOMAIN C3: end no later than care closes minus travel; among allowed starts the latest.
ClockTime latest_start(const CourseRequest& request) {
  const int must_end = minutes_of_day(request.care_closes) - request.travel_minutes;
  const int step = request.rules.start_step_minutes;
  int start = must_end - request.session_minutes;
  start = start >= 0 ? start - start % step : -1;
  if (start < minutes_of_day(request.earliest_start) &&
      must_end - request.session_minutes >= minutes_of_day(request.earliest_start)) {
    std::ostringstream message;  // a start fits, but not on the grid of allowed starts
    message << "a " << request.session_minutes << "-minute session fits between "
            << clock_time(request.earliest_start) << " and " << clock_time(minutes(must_end))
            << ", but no start on the " << step << "-minute grid does (rules.start_step_minutes)";
    throw ImpossibleRequest("C3", message.str(), "/rules/start_step_minutes");
  }
  if (start < minutes_of_day(request.earliest_start)) {
    std::ostringstream message;
    message << "no " << request.session_minutes << "-minute session fits between the earliest start "
            << clock_time(request.earliest_start) << " and " << clock_time(minutes(std::max(must_end, 0)))
            << " (care closes " << clock_time(request.care_closes) << ", minus "
            << request.travel_minutes << " minutes' travel to the pickup place)";
    throw ImpossibleRequest("C3", message.str(), "/session_minutes");
  }
  return minutes(start);
}

std::vector<AgendaItem> standard_agenda(int number, int session_minutes, int introduction_minutes,
                                        bool getting_to_know_first) {
  const int reflection = session_minutes - introduction_minutes;
  std::vector<AgendaItem> agenda;
  // DOMAIN C9: food on arrival, eaten while the first block goes on.
  agenda.push_back({AgendaKind::meal, 0, introduction_minutes, "Mat og drikke ved ankomst",
                    "Food and drink on arrival"});
  if (number == 1 && getting_to_know_first) {
    // DOMAIN C6, T6: getting to know each other, confidentiality, the round of topic wishes.
    agenda.push_back({AgendaKind::getting_to_know, 0, introduction_minutes,
                      "Bli kjent: hvordan vil vi ha møtene, taushetsplikt",
                      "Getting to know each other: how we want to meet, confidentiality"});
    agenda.push_back({AgendaKind::topic_wishes, introduction_minutes, reflection,
                      "Runde: hvilke temaer ønsker dere for de neste samlingene?",
                      "Round: which topics do you want for the next sessions?"});
  } else {
    // DOMAIN C2, C7: a municipal employee introduces the day's topic; C10: led reflection.
    agenda.push_back({AgendaKind::introduction, 0, introduction_minutes,
                      "Innledning om dagens tema ved en ansatt i kommunen",
                      "Introduction to the day's topic by a municipal employee"});
    agenda.push_back({AgendaKind::reflection, introduction_minutes, reflection,
                      "Ledet refleksjon og erfaringsutveksling",
                      "Led reflection and experience sharing"});
  }
  return agenda;
}

CourseSchedule plan_course(const CourseRequest& request) {
  check_request(request);
  const ClockTime start_time = latest_start(request);  // DOMAIN C3
  const ClockTime end_time = start_time + minutes(request.session_minutes);
  const SchoolCalendar* school = request.school_calendar ? &*request.school_calendar : nullptr;
  const days week{7};

  const Weekday weekday = request.first_date ? request.first_date->day_of_week().as_enum()
                          : request.weekday  ? *request.weekday
                                             : request.earliest_date->day_of_week().as_enum();
  if (is_weekend(weekday)) {
    throw ImpossibleRequest("C3",
                            std::string("sessions on a ") + weekday_name(weekday) +
                                " have no after-school care to fit inside; choose a weekday",
                            request.first_date ? "/first_date"
                            : request.weekday  ? "/weekday"
                                               : "/earliest_date");
  }

  // The first session's nominal date: first_date as given, or the first open date on the weekday.
  Date first_nominal;
  if (request.first_date) {
    first_nominal = *request.first_date;
  } else {
    Date candidate = *request.earliest_date;
    while (candidate.day_of_week().as_enum() != weekday) candidate += days(1);
    for (int weeks = 0; closure_for(request, candidate); ++weeks) {
      if (weeks >= 52) {
        throw ImpossibleRequest("C11", "no open " + std::string(weekday_name(weekday)) +
                                           " within a year of " + iso_date(*request.earliest_date),
                                "/earliest_date");
      }
      candidate += week;
    }
    first_nominal = candidate;
  }

  CourseSchedule schedule{request, {}, {}};
  const SchoolYear* school_year = nullptr;  // DOMAIN C11: the course keeps to one school year.
  std::vector<int> unknown_school_days;
  Date previous_date;  // the last planned session's date
  for (int i = 0; i < request.sessions; ++i) {
    Date nominal = first_nominal + days(7 * request.cadence_weeks * i);
    if (i > 0 && request.move_policy == MovePolicy::shift_following) {
      nominal = previous_date + days(7 * request.cadence_weeks);
    }
    Date date = nominal;
    // Keep at least a week after the previous session (only a cadence of 1 can collide).
    if (i > 0 && date < previous_date + week) {
      date = previous_date + week;
    }
    const std::optional<Closure> nominal_closure = closure_for(request, nominal);
    const bool pushed_by_previous = date != nominal;  // only a cadence of 1 week does this
    int moved_weeks = 0;
    while (auto closure = closure_for(request, date)) {
      if (school_year != nullptr && date > school_year->last_day) break;
      if (++moved_weeks > request.rules.max_move_weeks) {
        throw ImpossibleRequest(
            "C11",
            "session " + std::to_string(i + 1) + " cannot move off " + iso_date(nominal) +
                " within " + std::to_string(request.rules.max_move_weeks) +
                (request.rules.max_move_weeks == 1 ? " week" : " weeks"),
            "/sessions");
      }
      date += week;
    }
    if (i == 0 && school != nullptr) school_year = school->school_year_of(date);
    if (school_year != nullptr && date > school_year->last_day) {
      throw ImpossibleRequest("C11",
                              "only " + std::to_string(i) + " of " +
                                  std::to_string(request.sessions) + " sessions fit in school year " +
                                  school_year->label + ", which ends " +
                                  iso_date(school_year->last_day),
                              "/sessions");
    }
    if (school == nullptr || !school->covers(date)) unknown_school_days.push_back(i + 1);

    Session session{i + 1,
                    oslo_time(date, start_time),
                    oslo_time(date, end_time),
                    request.venue,
                    standard_agenda(i + 1, request.session_minutes, request.introduction_minutes,
                                    request.rules.getting_to_know_first),
                    std::nullopt,
                    std::nullopt,
                    std::nullopt,
                    std::nullopt};
    if (date != nominal) {
      session.moved_from = nominal;
      session.move_reason = nominal_closure;
      std::string why;
      if (nominal_closure) {
        why = iso_date(nominal) + " is " + describe(*nominal_closure) + " [" + nominal_closure->rule + "]";
      }
      if (pushed_by_previous) {
        why += std::string(why.empty() ? "" : ", and ") + "session " + std::to_string(i) +
               " moved to the week before";
      }
      if (moved_weeks > 0 && !pushed_by_previous && date > nominal + week) {
        why += moved_weeks == 2 ? ", and so is the week after it"
                                : ", and so are the " + std::to_string(moved_weeks - 1) +
                                      " weeks after it";
      }
      schedule.findings.push_back({"C11", Severity::info,
                                   "session " + std::to_string(i + 1) + " moved from " +
                                       iso_date(nominal) + " to " + iso_date(date) + ": " + why,
                                   i + 1});
    }
    schedule.sessions.push_back(std::move(session));
    previous_date = date;
  }
  plan_topics(schedule);
  if (!unknown_school_days.empty()) {
    // DOMAIN X2: school holidays are the municipality's data; say when they were missing.
    schedule.findings.push_back(
        {"X2", Severity::warning,
         "no school calendar covers session(s) " + session_list(unknown_school_days) +
             "; only weekends and public holidays were avoided there",
         std::nullopt});
  }
  for (auto& finding : validate(schedule)) {
    // The planner's own X2 note above covers the missing calendar; keep the rest.
    if (finding.rule != "X2") schedule.findings.push_back(std::move(finding));
  }
  return schedule;
}

std::vector<Violation> validate(const CourseSchedule& schedule) {
  const CourseRequest& request = schedule.request;
  const ScheduleRules& rules = request.rules;
  const SchoolCalendar* school = request.school_calendar ? &*request.school_calendar : nullptr;
  std::vector<Violation> found;
  auto add = [&found](const char* rule, Severity severity, std::string message,
                      std::optional<int> session = std::nullopt) {
    found.push_back({rule, severity, std::move(message), session});
  };

  const int count = static_cast<int>(schedule.sessions.size());
  if (count == 0) add("C1", Severity::error, "the schedule has no sessions");
  if (count != request.sessions) {  // DOMAIN C1
    add("C1", Severity::warning,
        "the schedule has " + std::to_string(count) + " sessions; the request asks for " +
            std::to_string(request.sessions));
  }
  if (count < rules.min_sessions || count > rules.max_sessions) {  // DOMAIN C1
    add("C1", Severity::warning,
        std::to_string(count) + " sessions; the model recommends " +
            std::to_string(rules.min_sessions) + "-" + std::to_string(rules.max_sessions));
  }
  if (std::find(rules.cadences_weeks.begin(), rules.cadences_weeks.end(), request.cadence_weeks) ==
      rules.cadences_weeks.end()) {  // DOMAIN C4
    add("C4", Severity::warning,
        "a cadence of " + std::to_string(request.cadence_weeks) +
            " weeks is not one of the model's cadences");
  }
  if (request.session_minutes != rules.session_minutes) {  // DOMAIN C2
    add("C2", Severity::warning,
        "sessions of " + std::to_string(request.session_minutes) +
            " minutes; the model's sessions last " + std::to_string(rules.session_minutes));
  }
  if (request.introduction_minutes != rules.introduction_minutes) {  // DOMAIN C2
    add("C2", Severity::warning,
        "an introduction of " + std::to_string(request.introduction_minutes) +
            " minutes; the model's is about " + std::to_string(rules.introduction_minutes));
  }
  if (request.travel_minutes > rules.max_travel_minutes) {  // DOMAIN C8
    add("C8", Severity::warning,
        std::to_string(request.travel_minutes) + " minutes' travel to the pickup place; the venue "
            "should be within " + std::to_string(rules.max_travel_minutes) + " minutes");
  }
  if (request.venue.name.empty()) {
    add("C8", Severity::warning, "no venue is named");
  }

  const int must_end = minutes_of_day(request.care_closes) - request.travel_minutes;
  const TopicCatalogue& catalogue = request.topics();
  const SchoolYear* school_year = nullptr;
  std::vector<int> unknown_school_days;
  for (int i = 0; i < count; ++i) {
    const Session& session = schedule.sessions[static_cast<std::size_t>(i)];
    const int n = i + 1;
    const std::string label = "session " + std::to_string(n);
    const bool opening = n == 1 && rules.getting_to_know_first;  // DOMAIN C6, T6
    if (session.number != n) {
      add("C1", Severity::error,
          label + " is numbered " + std::to_string(session.number) + "; number sessions 1.." +
              std::to_string(count), n);
    }
    if (session.start.is_not_a_date_time() || session.end.is_not_a_date_time()) {
      add("C2", Severity::error, label + " has no start or end time", n);
      continue;
    }
    // Local readings computed once: each costs a time-zone rule evaluation.
    const auto local_start = session.start.local_time();
    const auto local_end = session.end.local_time();
    const Date date = local_start.date();
    const ClockTime start_time = local_start.time_of_day();
    const ClockTime end_time = local_end.time_of_day();
    const int length = static_cast<int>((session.end.utc_time() - session.start.utc_time()).total_seconds() / 60);
    // DOMAIN X3: local times are Europe/Oslo.
    if (session.start.zone() != oslo_time_zone() &&
        session.start.zone_as_posix_string() != oslo_time_zone()->to_posix_string()) {
      add("X3", Severity::error, label + " is not in Europe/Oslo time", n);
    }
    if (!is_supported(date)) {  // DOMAIN X1: holidays are known for the supported years only
      add("X1", Severity::error,
          label + " on " + iso_date(date) + " is outside the supported years " +
              std::to_string(first_supported_year) + "-" + std::to_string(last_supported_year), n);
      continue;
    }
    if (local_end.date() != date || session.end <= session.start) {
      // The times are unusable: the checks that read them would only add noise.
      add("C2", Severity::error, label + " must end after it starts, on the same day", n);
      continue;
    } else if (length != request.session_minutes) {  // DOMAIN C2
      add("C2", Severity::error,
          label + " lasts " + std::to_string(length) + " minutes; the course's sessions last " +
              std::to_string(request.session_minutes), n);
    }
    if (auto closure = closure_for(request, date)) {  // DOMAIN C11, C3
      add(rule_broken_by(*closure).c_str(), Severity::error,
          label + " on " + iso_date(date) + " is " + describe(*closure) + " [" + closure->rule + "]",
          n);
    }
    if (school == nullptr || !school->covers(date)) unknown_school_days.push_back(n);
    if (school != nullptr) {
      const SchoolYear* year = school->school_year_of(date);
      if (i == 0) {
        school_year = year;
      } else if (school_year != nullptr && year != nullptr && year != school_year) {
        add("C11", Severity::error,
            label + " is in school year " + year->label + "; the course began in " +
                school_year->label, n);
      }
    }
    // DOMAIN C3: end in time for the pickup, start no earlier than the parents accept, and
    // prefer the latest start.
    const int start = minutes_of_day(start_time);
    const int end = minutes_of_day(end_time);
    if (end > must_end) {
      add("C3", Severity::error,
          label + " ends " + clock_time(end_time) + ", after " +
              clock_time(minutes(std::max(must_end, 0))) + " (care closes " + clock_time(request.care_closes) +
              ", minus " + std::to_string(request.travel_minutes) + " minutes' travel)", n);
    } else if (must_end - end >= rules.start_step_minutes) {
      add("C3", Severity::warning,
          label + " could start later: it ends " + clock_time(end_time) +
              ", and the children are looked after until " + clock_time(minutes(must_end)) +
              " counting travel", n);
    }
    if (start < minutes_of_day(request.earliest_start)) {
      add("C3", Severity::error,
          label + " starts " + clock_time(start_time) + ", before the earliest start " +
              clock_time(request.earliest_start), n);
    }
    // DOMAIN C4: in order, and on the cadence unless a move explains the gap; a gap under a week
    // is a warning even after a move.
    const Session* previous = i > 0 ? &schedule.sessions[static_cast<std::size_t>(i - 1)] : nullptr;
    if (previous != nullptr && !previous->start.is_not_a_date_time()) {
      const long gap = (date - previous->date()).days();
      if (gap <= 0) {
        add("C4", Severity::error, label + " is not after session " + std::to_string(i), n);
      } else if (gap < 7) {
        add("C4", Severity::warning,
            label + " comes only " + std::to_string(gap) + " day(s) after session " +
                std::to_string(i), n);
      } else if (!session.moved_from && !previous->moved_from &&
                 gap != 7L * request.cadence_weeks) {
        add("C4", Severity::warning,
            label + " comes " + std::to_string(gap) + " days after session " + std::to_string(i) +
                "; the cadence is " + std::to_string(request.cadence_weeks) + " weeks", n);
      }
    }
    // DOMAIN C5, C6, C7, T6: topics known, each once, the first session's first; presenters
    // known, of the topic's role, and free that day.
    if (session.topic) {
      const Topic* topic = catalogue.find(*session.topic);
      if (topic == nullptr) {
        add("C5", Severity::error, label + ": no topic \"" + *session.topic + "\" in the catalogue", n);
      } else {
        if (opening && topic->id != first_session_topic) {
          add("T6", Severity::error,
              "session 1 is for getting to know each other, not \"" + topic->id + "\"", n);
        }
        if (!opening && topic->id == first_session_topic) {
          add("T6", Severity::error, label + ": getting to know each other is the first session's", n);
        }
        for (int j = 0; j < i; ++j) {
          if (schedule.sessions[static_cast<std::size_t>(j)].topic == session.topic) {
            add("C5", Severity::error,
                label + " repeats the topic \"" + topic->id + "\" of session " + std::to_string(j + 1),
                n);
            break;
          }
        }
        if (!topic->is_for(request.audience)) {
          add("G9", Severity::warning,
              label + ": \"" + topic->id + "\" is not for " + std::string(to_string(request.audience)),
              n);
        }
        const Presenter* presenter = nullptr;
        for (const auto& candidate : request.presenters) {
          if (session.presenter && candidate.id == *session.presenter) presenter = &candidate;
        }
        if (session.presenter && presenter == nullptr) {
          add("C7", Severity::error, label + ": no presenter \"" + *session.presenter + "\"", n);
        } else if (presenter != nullptr) {
          if (presenter->role != topic->presenter_role) {
            add("C7", Severity::error,
                label + ": " + presenter->id + " is a " + presenter->role + "; \"" + topic->id +
                    "\" is presented by a " + topic->presenter_role, n);
          }
          if (!presenter->available_on(date)) {
            add("C7", Severity::error,
                label + ": " + presenter->id + " cannot come on " + iso_date(date), n);
          }
        } else if (!opening) {
          add("C7", Severity::warning,
              label + " (" + topic->id + "): " + detail::why_unstaffed(*topic, date, request.presenters),
              n);
        }
      }
    } else if (opening) {
      add("T6", Severity::warning,
          "session 1 has no topic; it is always \"" + std::string(first_session_topic) + "\"", n);
    } else if (!request.wishes.empty()) {
      add("C6", Severity::warning, label + " has no topic", n);
    }
    // DOMAIN C2, C6, C7, C9, C10: the agenda adds up and has the model's blocks.
    int covered = 0;
    bool has_meal = false;
    bool has_first_blocks[2] = {false, false};
    bool has_later_blocks[2] = {false, false};
    for (const auto& item : session.agenda) {
      if (item.kind == AgendaKind::meal) {
        has_meal = true;
        continue;
      }
      if (item.offset_minutes != covered || item.minutes <= 0) {
        add("C2", Severity::error,
            label + ": agenda block '" + std::string(to_string(item.kind)) + "' should start " +
                std::to_string(covered) + " minutes in and last a positive time", n);
      }
      covered = item.offset_minutes + item.minutes;
      if (item.kind == AgendaKind::getting_to_know) has_first_blocks[0] = true;
      if (item.kind == AgendaKind::topic_wishes) has_first_blocks[1] = true;
      if (item.kind == AgendaKind::introduction) has_later_blocks[0] = true;
      if (item.kind == AgendaKind::reflection) has_later_blocks[1] = true;
    }
    if (session.agenda.empty()) {
      add("C2", Severity::error, label + " has no agenda", n);
      continue;
    }
    if (covered != length) {
      add("C2", Severity::error,
          label + ": the agenda covers " + std::to_string(covered) + " of " +
              std::to_string(length) + " minutes", n);
    }
    if (opening && !(has_first_blocks[0] && has_first_blocks[1])) {
      add("C6", Severity::error,
          "session 1 is for getting to know each other and the round of topic wishes", n);
    }
    if (!opening && !has_later_blocks[0]) {
      add("C7", Severity::error, label + " has no introduction by a municipal employee", n);
    }
    if (!opening && !has_later_blocks[1]) {
      add("C10", Severity::error, label + " has no led reflection", n);
    }
    if (!has_meal) add("C9", Severity::warning, label + " serves no food on arrival", n);
  }
  if (!unknown_school_days.empty()) {
    add("X2", Severity::warning,
        "no school calendar covers session(s) " + session_list(unknown_school_days) +
            "; school holidays could not be checked there");
  }
  return found;
}

std::ostream& operator<<(std::ostream& out, const Session& session) {
  out << "Session(" << session.number << ", " << iso_date(session.date()) << ' '
      << clock_time(session.start_time()) << '-' << clock_time(session.end_time());
  if (!session.venue.name.empty()) out << ", " << session.venue.name;
  if (session.moved_from) out << ", moved from " << iso_date(*session.moved_from);
  return out << ')';
}

}  // namespace paarorende
