#include "paarorende/schedule.hpp"
#include "detail/check_fields.hpp"
#include "detail/input_error.hpp"
#include "detail/plan_texts.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include <boost/date_time/local_time/local_time.hpp>

#include "detail/text.hpp"
#include "paarorende/error.hpp"
#include "paarorende/group.hpp"
#include "schedule/schedule_internal.hpp"

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

void require_range(int value, int low, int high, const char* pointer) {
  detail::require(value >= low && value <= high, pointer, detail::range_message(low, high, value));
}

void require_clock(ClockTime time, const char* pointer) {
  detail::require(!time.is_special() && time >= ClockTime(0, 0, 0) && time < ClockTime(24, 0, 0), pointer,
          "must be a time of day between 00:00 and 23:59");
}

void require_supported_date(Date date, const std::string& pointer) {
  if (date.is_special() || date.year() < first_supported_year || date.year() > last_supported_year) {
    detail::raise_input_error(pointer, "date outside the supported years " +
                             std::to_string(first_supported_year) + "-" +
                             std::to_string(last_supported_year));
  }
}

}  // namespace

namespace detail {

bool is_supported(Date date) {
  return date.year() >= first_supported_year && date.year() <= last_supported_year;
}

std::optional<Closure> closure_for(const CourseRequest& request, Date date) {
  if (!is_supported(date)) {
    throw ImpossibleRequest("X1",
                            "the course would reach " + iso_date(date) + ", past the supported years " +
                                std::to_string(first_supported_year) + "-" +
                                std::to_string(last_supported_year),
                            "/sessions");
  }
  auto closure = course_closure(date, request.school_calendar ? &*request.school_calendar : nullptr);
  if (closure || !request.school_days || request.schools.empty()) return closure;
  // DOMAIN C3, C11: open for the municipality, but usable at every one of the course's schools?
  std::vector<std::string> names;
  for (const auto& [slug, name] : request.schools) names.push_back(name);
  const SchoolDayCheck check = check_school_days(date, *request.school_days, names, request.sfo_only_days);
  for (const Violation& finding : check.findings) {
    if (finding.severity == Severity::error) return Closure{ClosureKind::school_holiday, finding.rule, finding.message};
  }
  return std::nullopt;
}

std::string describe(const Closure& closure) {
  switch (closure.kind) {
    case ClosureKind::weekend: return "a weekend (" + closure.name + ")";
    case ClosureKind::public_holiday: return "a public holiday (" + closure.name + ")";
    case ClosureKind::school_holiday:
      // A school's own day (DOMAIN C3, C11: school_days) rather than the municipality's holiday (X2).
      return closure.rule == "X2" ? "in the school holiday " + closure.name : "closed at a school: " + closure.name;
    case ClosureKind::outside_school_year: return "outside the school year (" + closure.name + ")";
  }
  return closure.name;
}

std::string outside_school_years(const SchoolCalendar& calendar) {
  std::string years;
  for (const SchoolYear& year : calendar.years) years += (years.empty() ? "" : ", ") + year.label;
  return "outside every school year of the school calendar" +
         (calendar.municipality.empty() ? std::string() : " of " + calendar.municipality) + " (" + years +
         "): give the calendar of its school year, or allow it with rules.allow_outside_school_years";
}

Violation example_calendar_finding(const SchoolCalendar& calendar) {
  return {"X2", Severity::warning,
          "the school calendar" + (calendar.municipality.empty() ? std::string() : " of " + calendar.municipality) +
              " is example data, not the municipality's published calendar: check the dates against it",
          std::nullopt};
}

std::string session_list(const std::vector<int>& numbers) {
  std::string text;
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    if (i > 0) text += ", ";
    text += std::to_string(numbers[i]);
  }
  return text;
}

}  // namespace detail

namespace {

using detail::closure_for;
using detail::describe;
using detail::session_list;

// The introduction block names the day's topic (DOMAIN C2, C7).
void title_introduction(Session& session, const Topic& topic) {
  for (auto& item : session.agenda) {
    if (item.kind != AgendaKind::introduction) continue;
    // A topic without a nynorsk title (a municipality's older file) leaves title_nn empty: a
    // nynorsk calendar then refuses it rather than show bokmål (io/ical.cpp).
    item.title_nb = detail::plan_texts_nb.introduction_to + topic.title_nb;
    item.title_en = detail::plan_texts_en.introduction_to + topic.title_en;
    item.title_nn = topic.title_nn.empty() ? std::string()
                                           : detail::plan_texts_nn.introduction_to + topic.title_nn;
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

void check_request(const CourseRequest& request) {
  if (request.first_date.has_value() == request.earliest_date.has_value()) {
    detail::raise_input_error(request.first_date ? "/earliest_date" : "/first_date", "give exactly one of first_date and earliest_date");
  }
  if (request.first_date) require_supported_date(*request.first_date, "/first_date");
  if (request.earliest_date) require_supported_date(*request.earliest_date, "/earliest_date");
  if (request.first_date && request.weekday &&
      request.first_date->day_of_week().as_enum() != *request.weekday) {
    detail::raise_input_error("/weekday", std::string("first_date is a ") +
                             weekday_name(request.first_date->day_of_week().as_enum()) +
                             ", not a " + weekday_name(*request.weekday));
  }
  require_range(request.sessions, 1, 52, "/sessions");
  require_range(request.cadence_weeks, 1, 12, "/cadence_weeks");
  require_range(request.session_minutes, 15, 480, "/session_minutes");
  require_range(request.introduction_minutes, 0, request.session_minutes - 1,
                "/introduction_minutes");
  require_range(request.travel_minutes, 0, 240, "/travel_minutes");
  require_clock(request.care_closes, "/care_closes");
  require_clock(request.earliest_start, "/earliest_start");
  // DOMAIN C3, C8: each household's pickup, named once.
  for (std::size_t p = 0; p < request.pickups.size(); ++p) {
    const Pickup& pickup = request.pickups[p];
    const std::string at = "/pickups/" + std::to_string(p);
    if (pickup.household.empty()) detail::raise_input_error(at + "/household", "a pickup names its household");
    for (std::size_t q = 0; q < p; ++q) {
      if (request.pickups[q].household == pickup.household) {
        detail::raise_input_error(at + "/household",
                                  "household " + detail::quote_input(pickup.household) + " has two pickups");
      }
    }
    require_range(pickup.travel_minutes, 0, 240, (at + "/travel_minutes").c_str());
    if (pickup.care_closes) require_clock(*pickup.care_closes, (at + "/care_closes").c_str());
  }
  // The rules' ranges are in ScheduleRules' table (schedule.hpp).
  detail::check_fields(request.rules, "/rules", detail::RangeMessage::bounds_and_value);
  check_travel_limits(request.travel);  // DOMAIN C8
  // DOMAIN C7: presenters have distinct ids and roles the catalogue knows.
  const TopicCatalogue& catalogue = request.topics();
  for (std::size_t p = 0; p < request.presenters.size(); ++p) {
    const Presenter& presenter = request.presenters[p];
    const std::string at = "/presenters/" + std::to_string(p);
    if (presenter.id.empty()) detail::raise_input_error(at + "/id", "a presenter needs an id");
    for (std::size_t q = 0; q < p; ++q) {
      if (request.presenters[q].id == presenter.id) {
        detail::raise_input_error(at + "/id", "presenter id \"" + presenter.id + "\" is used twice");
      }
    }
    if (catalogue.find_role(presenter.role) == nullptr) {
      detail::raise_input_error(at + "/role", "no presenter role \"" + presenter.role + "\" in the catalogue", detail::Rule{"C7"});
    }
  }
  // DOMAIN C6, G6, T3: wishes name known topics once each; grades fit their stages.
  if (!request.wishes.empty() || !request.children.empty()) {
    choose_topics(request.wishes, catalogue, request.children, 0, request.audience,
                  request.topic_rules);
  }
  // DOMAIN G6: suiting the stage never counts against a topic.
  detail::check_fields(request.topic_rules, "/topic_rules",  // wishes.hpp's table
                       detail::RangeMessage::bounds_and_value);
  if (request.school_calendar) {
    detail::under_pointer("/school_calendar", [&] { check_school_calendar(*request.school_calendar); });
  }
}

// DOMAIN C3: care closes minus travel, for the household whose pickup comes first.
LatestEnd latest_end(const CourseRequest& request) {
  LatestEnd end{minutes_of_day(request.care_closes) - request.travel_minutes, request.care_closes,
                request.travel_minutes, ""};
  if (request.pickups.empty()) return end;
  bool first = true;
  for (const Pickup& pickup : request.pickups) {
    const ClockTime closes = pickup.care_closes.value_or(request.care_closes);
    const int must_end = minutes_of_day(closes) - pickup.travel_minutes;
    if (first || must_end < end.minute_of_day) end = {must_end, closes, pickup.travel_minutes, pickup.household};
    first = false;
  }
  return end;
}

std::string detail::latest_end_reason(const LatestEnd& end) {
  std::string text = "care closes " + clock_time(end.care_closes);
  if (!end.household.empty()) text += " for household " + end.household;
  text += ", minus " + std::to_string(end.travel_minutes) + " minutes' travel";
  if (!end.household.empty()) text += " from the venue to its pickup place";
  return text;
}

// DOMAIN C3: end no later than care closes minus travel; among allowed starts the latest.
ClockTime latest_start(const CourseRequest& request) {
  const LatestEnd end = latest_end(request);
  const int must_end = end.minute_of_day;
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
            << " (" << detail::latest_end_reason(end) << (end.household.empty() ? " to the pickup place" : "")
            << ")";
    throw ImpossibleRequest("C3", message.str(), "/session_minutes");
  }
  return minutes(start);
}

CourseRequest course_for_group(CourseRequest course, const GroupDocument& group) {
  check_group_places(group);
  if (group.venue.empty()) {
    detail::raise_input_error("/venue", "a course is planned from a group with a venue", detail::Rule{"C8"});
  }
  course.pickups.clear();
  for (std::size_t h = 0; h < group.group.households.size(); ++h) {
    const Household& household = group.group.households[h];
    Pickup pickup;
    pickup.household = household.id;
    pickup.place = household.school;
    pickup.care_closes = household.care_closes;
    const std::string at = "/households/" + std::to_string(h) + "/school";
    const double minutes = detail::under_pointer(at, [&] {
      return travel_minutes_between(group.places, group.travel_times, group.travel_model, group.venue, household.school);
    });
    // A course's travel is at most 240 minutes (check_request); a longer drive is no pickup.
    if (!(minutes <= 240.0)) {
      detail::raise_input_error(at, "pickup place " + detail::quote_input(household.school) +
                                        " is more than 240 minutes from venue " + detail::quote_input(group.venue),
                                detail::Rule{"C8"});
    }
    // Whole minutes, rounded up: a pickup is never planned as nearer than it is. A hundredth of a
    // minute is forgiven, so that 20 minutes computed as 20.000000001 stays 20.
    pickup.travel_minutes = static_cast<int>(std::ceil(minutes - 0.01));
    course.pickups.push_back(pickup);
  }
  if (course.venue.name.empty()) course.venue.name = group.venue;
  course.travel = group.travel;  // DOMAIN C8: the rule the group was formed and is checked by
  // DOMAIN C3, C11: the households' schools decide the usable dates with `school_days`: each by
  // the name the course's `schools` table gives its slug, else by the slug itself.
  std::map<std::string, std::string> schools;
  for (const Household& household : group.group.households) {
    if (household.school.empty()) continue;
    const auto named = course.schools.find(household.school);
    schools.emplace(household.school, named != course.schools.end() ? named->second : household.school);
  }
  course.schools = std::move(schools);
  return course;
}

std::vector<AgendaItem> standard_agenda(int number, int session_minutes, int introduction_minutes,
                                        bool getting_to_know_first) {
  using detail::PlanTexts;
  const int reflection = session_minutes - introduction_minutes;
  // Each block's title from each language's table (detail/plan_texts.hpp).
  auto item = [](AgendaKind kind, int offset, int minutes, const char* PlanTexts::*text) {
    return AgendaItem{kind, offset, minutes, detail::plan_texts_nb.*text, detail::plan_texts_en.*text,
                      detail::plan_texts_nn.*text};
  };
  std::vector<AgendaItem> agenda;
  // DOMAIN C9: food on arrival, eaten while the first block goes on.
  agenda.push_back(item(AgendaKind::meal, 0, introduction_minutes, &PlanTexts::meal_on_arrival));
  // Then two blocks, the first as long as the introduction and the second the rest: in session 1
  // when it opens the course, getting to know each other, confidentiality and the round of topic
  // wishes (DOMAIN C6, T6); otherwise a municipal employee introduces the day's topic (C2, C7)
  // and leads the reflection (C10).
  struct Block {
    AgendaKind kind;
    const char* PlanTexts::*title;
  };
  static constexpr Block opening_blocks[2] = {
      {AgendaKind::getting_to_know, &PlanTexts::getting_to_know},
      {AgendaKind::topic_wishes, &PlanTexts::topic_wishes_round}};
  static constexpr Block later_blocks[2] = {
      {AgendaKind::introduction, &PlanTexts::introduction_by_employee},
      {AgendaKind::reflection, &PlanTexts::led_reflection}};
  const auto& [first, second] = number == 1 && getting_to_know_first ? opening_blocks : later_blocks;
  agenda.push_back(item(first.kind, 0, introduction_minutes, first.title));
  agenda.push_back(item(second.kind, introduction_minutes, reflection, second.title));
  return agenda;
}

const std::string& AgendaItem::title(Language language) const noexcept {
  return detail::in_language(language, title_nb, title_nn, title_en);
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
    if (school != nullptr && school->school_year_of(date) == nullptr && !school->covers(date) &&
        !request.rules.allow_outside_school_years) {
      // DOMAIN C11: no date the calendar says nothing about, unless the request allows it.
      throw ImpossibleRequest("C11",
                              "session " + std::to_string(i + 1) + " on " + iso_date(date) + " is " +
                                  detail::outside_school_years(*school),
                              i == 0 ? (request.first_date ? "/first_date" : "/earliest_date") : "/sessions");
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
  if (school != nullptr && school->example_data) schedule.findings.push_back(detail::example_calendar_finding(*school));
  if (request.school_days) {
    // DOMAIN X2: a school without a calendar is never silently open; say so.
    for (const auto& [slug, name] : request.schools) {
      if (request.school_days->find(name) == nullptr) {
        schedule.findings.push_back({"X2", Severity::warning,
                                     "no school calendar for " + detail::quote_input(name) + " (" + slug +
                                         "): its school days and SFO were not checked",
                                     std::nullopt});
      }
    }
  }
  for (auto& finding : validate(schedule)) {
    // The planner's own X2 note above covers the missing calendar; keep the rest.
    if (finding.rule != "X2") schedule.findings.push_back(std::move(finding));
  }
  return schedule;
}

std::ostream& operator<<(std::ostream& out, const Session& session) {
  out << "Session(" << session.number << ", " << iso_date(session.date()) << ' '
      << clock_time(session.start_time()) << '-' << clock_time(session.end_time());
  if (!session.venue.name.empty()) out << ", " << session.venue.name;
  if (session.moved_from) out << ", moved from " << iso_date(*session.moved_from);
  return out << ')';
}

}  // namespace paarorende
