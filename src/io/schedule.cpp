// Course requests, sessions and schedules as JSON (io/schedule.hpp).
#include "paarorende/io/schedule.hpp"
#include "detail/input_error.hpp"

#include <filesystem>

#include "io/fields.hpp"
#include "io/readers.hpp"
#include "paarorende/io/school_days.hpp"
#include "paarorende/io/format.hpp"
#include "paarorende/io/group.hpp"
#include "paarorende/io/topic.hpp"

namespace paarorende {
using namespace detail;

namespace {

constexpr const char* weekday_names[] = {"sunday", "monday", "tuesday", "wednesday",
                                         "thursday", "friday", "saturday"};

TopicWish read_wish(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  TopicWish wish;
  wish.participant = in.slug("participant");  // DOMAIN X4: a pseudonym, never a name
  const Json& topics = in.array("topics");
  if (topics.size() > 100) detail::raise_input_error(in.pointer("topics"), "at most 100 topics in one wish", detail::Rule{"C6"});
  for (std::size_t i = 0; i < topics.size(); ++i) {
    wish.topics.push_back(detail::read_string(topics[i], in.pointer("topics") + "/" + std::to_string(i)));
  }
  wish.ranked = in.boolean_or("ranked", true);
  in.finish();
  return wish;
}

// DOMAIN C3, C8: a household's pickup in a course planned from a group.
Pickup read_pickup(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  Pickup pickup;
  pickup.household = in.string("household");
  pickup.place = in.string_or("place", "");
  if (in.find("care_closes")) pickup.care_closes = in.clock_or("care_closes", {});
  pickup.travel_minutes = in.integer_or("travel_minutes", 0, 0, 240);
  in.finish();
  return pickup;
}

ChildProfile read_child(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  ChildProfile child;
  const std::string stage = in.string("stage");
  const auto parsed = child_stage_from_string(stage);
  if (!parsed) {
    detail::raise_input_error(in.pointer("stage"), "expected kindergarten, primary, lower_secondary or upper_secondary, got " +
                             detail::quote_input(stage));
  }
  child.stage = *parsed;
  if (in.find("grade")) child.grade = in.integer("grade", 1, 13);
  in.finish();
  return child;
}

CourseRequest read_request(const Json& value, const std::string& pointer,
                           const std::filesystem::path& base_dir) {
  ObjectReader in(value, pointer);
  CourseRequest request;
  // A format's defaults first (format.hpp); the request's own fields override them.
  std::optional<CourseFormat> format;
  if (const Json* reference = in.find("format")) {
    format = format_from_reference(*reference, in.pointer("format"), base_dir);
    request = course_request(*format);
  }
  request.language = detail::read_plan_language(in);
  request.title = detail::read_plan_title(in, format ? *format : builtin_format(default_format_id), request.language);
  request.municipality = in.string_or("municipality", "");
  request.first_date = in.optional_date("first_date");
  request.earliest_date = in.optional_date("earliest_date");
  if (const Json* weekday = in.find("weekday")) {
    request.weekday = read_weekday(*weekday, in.pointer("weekday"));
  }
  request.sessions = in.integer_or("sessions", request.sessions, 1, 52);
  request.cadence_weeks = in.integer_or("cadence_weeks", request.cadence_weeks, 1, 12);
  request.session_minutes = in.integer_or("session_minutes", request.session_minutes, 15, 480);
  request.introduction_minutes =
      in.integer_or("introduction_minutes", request.introduction_minutes, 0, 479);
  request.care_closes = in.clock_or("care_closes", request.care_closes);
  request.travel_minutes = in.integer_or("travel_minutes", request.travel_minutes, 0, 240);
  request.earliest_start = in.clock_or("earliest_start", request.earliest_start);
  if (const Json* venue = in.find("venue")) request.venue = read_venue(*venue, in.pointer("venue"));
  if (const Json* policy = in.find("move_policy")) {
    const std::string text = detail::read_string(*policy, in.pointer("move_policy"));
    auto parsed = move_policy_from_string(text);
    if (!parsed) {
      detail::raise_input_error(in.pointer("move_policy"), "expected \"next_open_week\" or \"shift_following\", got " + detail::quote_input(text));
    }
    request.move_policy = *parsed;
  }
  // The calendar and the catalogue: a file (relative to the request's own) or the object.
  if (const Json* school = in.find("school_calendar")) {
    request.school_calendar = read_reference(
        *school, in.pointer("school_calendar"), base_dir, "a file name or a school calendar object",
        read_school_calendar, nullptr, load_school_calendar);
  }
  if (const Json* days = in.find("school_days")) {
    request.school_days = read_reference(
        *days, in.pointer("school_days"), base_dir, "a file name or a school-days document",
        [](const Json& value, const std::string& pointer) {
          return under_pointer(pointer, [&] { return school_days_from_json(value); });
        },
        nullptr, [](const std::filesystem::path& path) { return load_school_days(path); });
  }
  if (const Json* schools = in.find("schools")) {
    // DOMAIN C3, C11: slug -> the school's name as the school days write it.
    if (!schools->is_object()) wrong_type(*schools, in.pointer("schools"), "an object");
    check_limit(schools->size(), max_list_entries, "entries", in.pointer("schools"));
    for (auto it = schools->begin(); it != schools->end(); ++it) {
      const std::string pointer = in.pointer("schools") + "/" + pointer_token(it.key());
      if (!is_slug(it.key())) {
        raise_input_error(pointer, "a school's key is a slug of a-z, 0-9 and _, got " + quote_input(it.key()));
      }
      const std::string name = read_string(it.value(), pointer);
      if (name.find_first_not_of(" \t") == std::string::npos) raise_input_error(pointer, "the school's name is empty");
      request.schools[it.key()] = name;
    }
  }
  if (const Json* policy = in.find("sfo_only_days")) {
    const std::string text = read_string(*policy, in.pointer("sfo_only_days"));
    const auto parsed = sfo_only_days_from_string(text);
    if (!parsed) raise_input_error(in.pointer("sfo_only_days"), "expected refused or allowed, got " + quote_input(text), Rule{"C11"});
    request.sfo_only_days = *parsed;
  }
  std::optional<OldTravel> old_travel;
  if (const Json* rules = in.find("rules")) {
    Json copy = *rules;  // DOMAIN C8: an old max_travel_minutes is travel.warn_minutes
    old_travel = take_old_travel(copy, in.pointer("rules"), OldTravelField::warn_minutes, 0, 240);
    request.rules = read_fields(copy, in.pointer("rules"), request.rules);
  }
  const bool own_travel = in.find("travel") != nullptr || old_travel.has_value();
  const TravelLimits travel = read_travel(in, request.travel, old_travel);
  if (const Json* catalogue = in.find("catalogue")) {
    request.catalogue = read_reference(
        *catalogue, in.pointer("catalogue"), base_dir, "a file name or a catalogue object",
        [](const Json& value, const std::string& at) { return read_catalogue(value, at, builtin_catalogue()); },
        nullptr,
        [](const std::filesystem::path& file) { return load_catalogue(file); });
  }
  request.wishes = read_array<TopicWish>(in, "wishes", read_wish);
  request.children = read_array<ChildProfile>(in, "children", read_child);
  request.presenters = read_array<Presenter>(in, "presenters", read_presenter);
  if (const Json* rules = in.find("topic_rules")) {
    request.topic_rules = read_fields<TopicRules>(*rules, in.pointer("topic_rules"));
  }
  if (const Json* audience = in.find("audience")) {
    const std::string text = detail::read_string(*audience, in.pointer("audience"));
    const auto parsed = audience_from_string(text);
    if (!parsed) {
      detail::raise_input_error(in.pointer("audience"), "expected parents, fathers, children or siblings, got " + detail::quote_input(text));
    }
    request.audience = *parsed;
  }
  request.pickups = read_array<Pickup>(in, "pickups", read_pickup);
  // DOMAIN C3, C8: a group document with a venue (a file or the object) in place of one
  // care_closes and travel_minutes: its households' own pickups.
  std::optional<GroupDocument> group;
  if (const Json* value = in.find("group")) {
    if (in.find("pickups") != nullptr) {
      raise_input_error(in.pointer("group"), "a request gives a group or pickups, not both", Rule{"C3"});
    }
    group = read_reference(
        *value, in.pointer("group"), base_dir, "a file name or a group document",
        [](const Json& document, const std::string& at) { return under_pointer(at, [&] { return group_from_json(document); }); },
        nullptr, [](const std::filesystem::path& path) { return load_group(path); });
  }
  in.finish();
  if (group) request = under_pointer(in.pointer("group"), [&] { return course_for_group(request, *group); });
  // DOMAIN C8: the request's own travel rule, else its format's or its group's.
  if (own_travel || !group) request.travel = travel;
  // Cross-field checks (exactly one first date, ranges that depend on each other) with pointers
  // relative to this request.
  detail::under_pointer(pointer, [&] { check_request(request); });
  return request;
}

Closure read_closure(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  const std::string kind = in.string("kind");
  Closure closure{ClosureKind::weekend, in.string("rule"), in.string("name")};
  bool known = false;
  for (auto candidate : {ClosureKind::weekend, ClosureKind::public_holiday,
                         ClosureKind::school_holiday, ClosureKind::outside_school_year}) {
    if (to_string(candidate) == kind) {
      closure.kind = candidate;
      known = true;
    }
  }
  if (!known) detail::raise_input_error(in.pointer("kind"), "unknown closure kind " + detail::quote_input(kind));
  in.finish();
  return closure;
}

AgendaItem read_agenda_item(const Json& value, const std::string& pointer, ClockTime session_start) {
  ObjectReader in(value, pointer);
  const std::string kind_text = in.string("kind");
  const auto kind = agenda_kind_from_string(kind_text);
  if (!kind) {
    detail::raise_input_error(in.pointer("kind"), "unknown agenda kind " + detail::quote_input(kind_text) +
                         " (meal, getting_to_know, topic_wishes, introduction, reflection)");
  }
  const ClockTime start = in.clock("start");
  const ClockTime end = in.clock("end");
  if (end < start) detail::raise_input_error(in.pointer("end"), "the block ends before it starts", detail::Rule{"C2"});
  AgendaItem item{*kind, minutes_of_day(start) - minutes_of_day(session_start),
                  minutes_of_day(end) - minutes_of_day(start), in.string_or("title_nb", ""),
                  in.string_or("title_en", ""), in.string_or("title_nn", "")};
  in.finish();
  return item;
}

Session read_session(const Json& value, const std::string& pointer, int number,
                     const CourseRequest& request) {
  ObjectReader in(value, pointer);
  const int session_number = in.integer_or("number", number, 1, 52);
  const Date date = in.date("date");
  if (const Json* weekday = in.find("weekday")) {
    if (read_weekday(*weekday, in.pointer("weekday")) != date.day_of_week().as_enum()) {
      detail::raise_input_error(in.pointer("weekday"), "the weekday does not match the date");
    }
  }
  const ClockTime start = in.clock("start");
  const ClockTime end = in.clock("end");
  Session session{session_number, oslo_time(date, start), oslo_time(date, end), request.venue,
                  {},             std::nullopt,           std::nullopt,           std::nullopt,
                  std::nullopt};
  if (const Json* venue = in.find("venue")) session.venue = read_venue(*venue, in.pointer("venue"));
  if (const Json* agenda = in.find("agenda")) {
    if (!agenda->is_array()) detail::wrong_type(*agenda, in.pointer("agenda"), "an array");
    for (std::size_t i = 0; i < agenda->size(); ++i) {
      session.agenda.push_back(
          read_agenda_item((*agenda)[i], in.pointer("agenda") + "/" + std::to_string(i), start));
    }
  } else {
    const int length = minutes_of_day(end) - minutes_of_day(start);
    if (length > request.introduction_minutes) {
      session.agenda = standard_agenda(session.number, length, request.introduction_minutes);
    }
  }
  if (const Json* topic = in.find("topic"); topic && !topic->is_null()) {
    session.topic = detail::read_string(*topic, in.pointer("topic"));
  }
  if (const Json* presenter = in.find("presenter"); presenter && !presenter->is_null()) {
    session.presenter = in.slug("presenter");  // DOMAIN X4: an id, never a name
  }
  session.moved_from = in.optional_date("moved_from");
  if (const Json* reason = in.find("move_reason")) {
    session.move_reason = read_closure(*reason, in.pointer("move_reason"));
  }
  in.finish();
  return session;
}

}  // namespace

namespace detail {

Weekday read_weekday(const Json& value, const std::string& pointer) {
  const std::string text = detail::read_string(value, pointer);
  for (int i = 0; i < 7; ++i) {
    if (text == weekday_names[i]) return static_cast<Weekday>(i);
  }
  detail::raise_input_error(pointer, "expected a weekday (monday, tuesday, ..., sunday), got " + detail::quote_input(text));
}

Venue read_venue(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  Venue venue{in.string("name"), in.string_or("address", "")};
  in.finish();
  return venue;
}

Presenter read_presenter(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  Presenter presenter;
  presenter.id = in.slug("id");
  presenter.name = in.string_or("name", "");
  presenter.role = in.string("role");
  if (const Json* dates = in.find("unavailable")) {
    if (!dates->is_array()) detail::wrong_type(*dates, in.pointer("unavailable"), "an array");
    for (std::size_t i = 0; i < dates->size(); ++i) {
      presenter.unavailable.push_back(
          detail::read_date((*dates)[i], in.pointer("unavailable") + "/" + std::to_string(i)));
    }
  }
  in.finish();
  return presenter;
}

}  // namespace detail

CourseRequest course_request_from_json(const Json& document, const std::filesystem::path& base_dir) {
  return read_request(document, "", base_dir);
}

CourseSchedule course_schedule_from_json(const Json& document,
                                         const std::filesystem::path& base_dir) {
  ObjectReader in(document, "");
  CourseSchedule schedule;
  schedule.request = read_request(in.required("request"), "/request", base_dir);
  if (const Json* title = in.find("title")) {  // an echo of the request's title: must agree
    if (detail::read_string(*title, "/title") != schedule.request.title) {
      detail::raise_input_error("/title", "differs from /request/title");
    }
  }
  if (const Json* zone = in.find("timezone")) {
    if (detail::read_string(*zone, "/timezone") != "Europe/Oslo") {
      detail::raise_input_error("/timezone", "times are Europe/Oslo local time", detail::Rule{"X3"});
    }
  }
  const Json& sessions = in.array("sessions");
  if (sessions.size() > 52) detail::raise_input_error("/sessions", "at most 52 sessions");
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    schedule.sessions.push_back(read_session(sessions[i], "/sessions/" + std::to_string(i),
                                             static_cast<int>(i) + 1, schedule.request));
  }
  if (const Json* findings = in.find("findings")) {
    if (!findings->is_array()) detail::wrong_type(*findings, "/findings", "an array");
    for (std::size_t i = 0; i < findings->size(); ++i) {
      schedule.findings.push_back(read_violation((*findings)[i], "/findings/" + std::to_string(i)));
    }
  }
  in.finish();
  return schedule;
}

CourseRequest load_course_request(const std::filesystem::path& path, std::optional<Language> language) {
  Json document = load_json_file(path);
  detail::set_plan_language(document, language);
  return in_file(path, [&] { return course_request_from_json(document, path.parent_path()); });
}

CourseSchedule load_course_schedule(const std::filesystem::path& path) {
  const Json document = load_json_file(path);
  return in_file(path, [&] { return course_schedule_from_json(document, path.parent_path()); });
}

Json to_json(const ScheduleRules& rules) {
  return write_fields(rules);
}

ScheduleRules schedule_rules_from_json(const Json& value, const std::string& pointer,
                                       const ScheduleRules& base) {
  return read_fields(value, pointer, base);  // schedule.hpp's table
}

Json to_json(const CourseRequest& request) {
  Json document{{"title", request.title}};
  if (request.language != Language::nb) document["language"] = std::string(to_string(request.language));
  if (!request.municipality.empty()) document["municipality"] = request.municipality;
  if (request.first_date) document["first_date"] = iso_date(*request.first_date);
  if (request.earliest_date) document["earliest_date"] = iso_date(*request.earliest_date);
  if (request.weekday) document["weekday"] = weekday_names[static_cast<int>(*request.weekday)];
  document["sessions"] = request.sessions;
  document["cadence_weeks"] = request.cadence_weeks;
  document["session_minutes"] = request.session_minutes;
  document["introduction_minutes"] = request.introduction_minutes;
  document["care_closes"] = clock_time(request.care_closes);
  document["travel_minutes"] = request.travel_minutes;
  document["earliest_start"] = clock_time(request.earliest_start);
  document["venue"] = {{"name", request.venue.name}};
  if (!request.venue.address.empty()) document["venue"]["address"] = request.venue.address;
  document["move_policy"] = std::string(to_string(request.move_policy));
  if (request.school_calendar) document["school_calendar"] = to_json(*request.school_calendar);
  if (request.school_days) document["school_days"] = to_json(*request.school_days);
  if (!request.schools.empty()) document["schools"] = request.schools;
  if (!request.pickups.empty()) {
    Json pickups = Json::array();
    for (const Pickup& pickup : request.pickups) {
      Json entry{{"household", pickup.household}};
      if (!pickup.place.empty()) entry["place"] = pickup.place;
      if (pickup.care_closes) entry["care_closes"] = clock_time(*pickup.care_closes);
      entry["travel_minutes"] = pickup.travel_minutes;
      pickups.push_back(entry);
    }
    document["pickups"] = pickups;
  }
  if (request.sfo_only_days != SfoOnlyDays::refused) document["sfo_only_days"] = std::string(to_string(request.sfo_only_days));
  document["rules"] = to_json(request.rules);
  document["travel"] = write_fields(request.travel);
  document["audience"] = std::string(to_string(request.audience));
  // Only a built-in format's id reads back; a municipality's own format has left its defaults
  // in the fields above.
  if (request.format && find_builtin_format(*request.format) != nullptr) {
    document["format"] = *request.format;
  }
  if (request.catalogue) document["catalogue"] = to_json(*request.catalogue);
  if (!request.wishes.empty()) {
    Json wishes = Json::array();
    for (const auto& wish : request.wishes) {
      wishes.push_back({{"participant", wish.participant}, {"topics", wish.topics}, {"ranked", wish.ranked}});
    }
    document["wishes"] = wishes;
  }
  if (!request.children.empty()) {
    Json children = Json::array();
    for (const auto& child : request.children) {
      Json entry{{"stage", std::string(to_string(child.stage))}};
      if (child.grade) entry["grade"] = *child.grade;
      children.push_back(entry);
    }
    document["children"] = children;
  }
  if (!request.presenters.empty()) {
    Json presenters = Json::array();
    for (const auto& presenter : request.presenters) {
      Json dates = Json::array();
      for (const auto& date : presenter.unavailable) dates.push_back(iso_date(date));
      presenters.push_back({{"id", presenter.id}, {"name", presenter.name}, {"role", presenter.role},
                            {"unavailable", dates}});
    }
    document["presenters"] = presenters;
  }
  document["topic_rules"] = write_fields(request.topic_rules);
  return document;
}

Json to_json(const Session& session) {
  const ClockTime start = session.start_time();
  Json agenda = Json::array();
  for (const auto& item : session.agenda) {
    agenda.push_back({{"kind", std::string(to_string(item.kind))},
                      {"start", clock_time(start + boost::posix_time::minutes(item.offset_minutes))},
                      {"end", clock_time(start + boost::posix_time::minutes(item.offset_minutes +
                                                                       item.minutes))},
                      {"title_nb", item.title_nb},
                      {"title_en", item.title_en},
                      {"title_nn", item.title_nn}});
  }
  Json document{{"number", session.number},
                {"date", iso_date(session.date())},
                {"weekday", weekday_names[session.date().day_of_week().as_number()]},
                {"start", clock_time(start)},
                {"end", clock_time(session.end_time())},
                {"venue", {{"name", session.venue.name}}},
                {"topic", session.topic ? Json(*session.topic) : Json(nullptr)},
                {"presenter", session.presenter ? Json(*session.presenter) : Json(nullptr)},
                {"agenda", agenda}};
  if (!session.venue.address.empty()) document["venue"]["address"] = session.venue.address;
  if (session.moved_from) document["moved_from"] = iso_date(*session.moved_from);
  if (session.move_reason) {
    document["move_reason"] = {{"kind", to_string(session.move_reason->kind)},
                               {"rule", session.move_reason->rule},
                               {"name", session.move_reason->name}};
  }
  return document;
}

Json to_json(const CourseSchedule& schedule) {
  Json sessions = Json::array();
  for (const auto& session : schedule.sessions) sessions.push_back(to_json(session));
  // DOMAIN X4: the schedule goes to presenters and calendars; the participants' own wishes and
  // their children's stages and grades stay in the coordinator's request file.
  Json request = to_json(schedule.request);
  request.erase("wishes");
  request.erase("children");
  return Json{{"title", schedule.request.title},
              {"timezone", "Europe/Oslo"},
              {"sessions", sessions},
              {"findings", to_json(schedule.findings)},
              {"request", request}};
}

}  // namespace paarorende
