// Course scheduling (DOMAIN C1-C11, X3): the request, the planner, the schedule with its sessions
// and agenda, validation, and the JSON and iCalendar forms.
#include "binding.hpp"
#include "fields.hpp"

#include <filesystem>
#include <optional>


namespace {

using namespace paarorende;
using namespace paarorende::python;
using Path = std::filesystem::path;

std::string repr(const CourseRequest& request) {
  const CourseRequest d;
  std::string text = "CourseRequest(";
  add_changed_fields(text, request, d, "title", &CourseRequest::title, "municipality",
                     &CourseRequest::municipality, "first_date", &CourseRequest::first_date,
                     "earliest_date", &CourseRequest::earliest_date);
  if (request.weekday)
    text += std::string(text.back() == '(' ? "" : ", ") + "weekday=" + enum_text(*request.weekday);
  add_changed_fields(text, request, d, "sessions", &CourseRequest::sessions, "cadence_weeks",
                     &CourseRequest::cadence_weeks, "session_minutes",
                     &CourseRequest::session_minutes, "introduction_minutes",
                     &CourseRequest::introduction_minutes, "care_closes",
                     &CourseRequest::care_closes, "travel_minutes", &CourseRequest::travel_minutes,
                     "earliest_start", &CourseRequest::earliest_start, "venue",
                     &CourseRequest::venue, "move_policy", &CourseRequest::move_policy,
                     "school_calendar", &CourseRequest::school_calendar);
  if (request.school_days) add_text(text, "school_days", py_repr(*request.school_days));
  if (!request.schools.empty()) add_text(text, "schools", py_repr(request.schools));
  if (request.sfo_only_days != d.sfo_only_days) add_text(text, "sfo_only_days", enum_text(request.sfo_only_days));
  if (!(request.rules == d.rules)) add_text(text, "rules", py_repr(request.rules));
  if (!(request.travel == d.travel)) add_text(text, "travel", py_repr(request.travel));
  // The lists of people's wishes, children and presenters as counts once long (a repr of a few lines).
  if (!request.wishes.empty()) add_text(text, "wishes", short_list_text(request.wishes, "wish", "wishes"));
  if (!request.children.empty()) add_text(text, "children", short_list_text(request.children, "child", "children"));
  if (!request.presenters.empty()) {
    add_text(text, "presenters", short_list_text(request.presenters, "presenter", "presenters"));
  }
  add_changed_fields(text, request, d, "catalogue", &CourseRequest::catalogue,
                     "topic_rules", &CourseRequest::topic_rules, "audience",
                     &CourseRequest::audience, "format", &CourseRequest::format);
  return text + ")";
}

// "'15:00'": the wall-clock time as a quoted literal, as the JSON form writes it.
std::string quoted_clock(ClockTime time) {
  return "'" + clock_time(time) + "'";
}

std::string repr(const Session& session) {
  std::string text = "Session(number=" + std::to_string(session.number);
  if (session.start.is_special() || session.end.is_special()) return text + ")";
  text += ", " + field("date", session.date()) + ", start=" + quoted_clock(session.start_time()) +
          ", end=" + quoted_clock(session.end_time()) + ", " + field("venue", session.venue.name);
  if (session.moved_from) text += ", " + field("moved_from", *session.moved_from);
  if (session.topic) text += ", " + field("topic", *session.topic);
  if (session.presenter) text += ", " + field("presenter", *session.presenter);
  return text + ")";
}

std::string repr(const CourseSchedule& schedule) {
  std::string sessions = "<" + counted(schedule.sessions.size(), "session", "sessions");
  if (!schedule.sessions.empty() && !schedule.sessions.front().start.is_special() &&
      !schedule.sessions.back().start.is_special()) {
    sessions += " " + iso_date(schedule.sessions.front().date()) + " .. " +
                iso_date(schedule.sessions.back().date());
  }
  sessions += ">";
  std::size_t errors = 0;
  for (const auto& finding : schedule.findings) errors += finding.severity == Severity::error;
  // The request by its title only: the whole request would fill the screen (repr(s.request) has it).
  return "CourseSchedule(" + field("title", schedule.request.title) + ", sessions=" + sessions +
         ", findings=<" + counted(schedule.findings.size(), "finding", "findings") + ", " +
         counted(errors, "error", "errors") + ">)";
}

Path base_or_empty(const std::optional<Path>& base_dir) {
  return base_dir.value_or(Path{});
}

}  // namespace

void register_schedule(py::module_& m) {
  py::enum_<Weekday>(m, "Weekday", "A day of the week, for CourseRequest.weekday.")
      .value("monday", boost::date_time::Monday, "Monday (mandag).")
      .value("tuesday", boost::date_time::Tuesday, "Tuesday (tirsdag).")
      .value("wednesday", boost::date_time::Wednesday, "Wednesday (onsdag).")
      .value("thursday", boost::date_time::Thursday, "Thursday (torsdag).")
      .value("friday", boost::date_time::Friday, "Friday (fredag).")
      .value("saturday", boost::date_time::Saturday, "Saturday (lørdag): no after-school care.")
      .value("sunday", boost::date_time::Sunday, "Sunday (søndag): no after-school care.");

  py::class_<Venue> venue(m, "Venue",
                          "Where the course meets: close to where the children are picked up "
                          "afterwards (DOMAIN C8).");
  venue
      .def(py::init([](std::string name, std::string address) {
             return Venue{std::move(name), std::move(address)};
           }),
           py::kw_only(), "name"_a = "", "address"_a = "",
           "A venue: a school classroom, or a friendlier community hall (DOMAIN C8).")
      .def_readwrite("name", &Venue::name, "The venue's name (\"Klasserom på barnas skole\").")
      .def_readwrite("address", &Venue::address, "Its address, free text; may be empty.");
  def_keyword_value(venue, keyword_repr_doc, "name", &Venue::name, "address", &Venue::address);

  py::class_<Pickup> pickup(m, "Pickup",
                            "One household of a course planned from a group (DOMAIN C3, C8): when its "
                            "after-school care closes and the minutes from the venue to its pickup place.");
  pickup
      .def(py::init([](std::string household, std::string place, std::optional<ClockTime> care_closes,
                       int travel_minutes) {
             return Pickup{std::move(household), std::move(place), care_closes, travel_minutes};
           }),
           py::kw_only(), "household"_a, "place"_a = "", "care_closes"_a = py::none(), "travel_minutes"_a = 0,
           "A household's pickup; care_closes None takes the request's.")
      .def_readwrite("household", &Pickup::household, "The household's pseudonymous id.")
      .def_readwrite("place", &Pickup::place, "Its pickup place (the household's school).")
      .def_readwrite("care_closes", &Pickup::care_closes,
                     "When its after-school care closes (datetime.time), or None: the request's.")
      .def_readwrite("travel_minutes", &Pickup::travel_minutes,
                     "Whole minutes by car from the venue to its pickup place, rounded up.");
  def_keyword_value(pickup, keyword_repr_doc, "household", &Pickup::household, "place", &Pickup::place,
                    "care_closes", &Pickup::care_closes, "travel_minutes", &Pickup::travel_minutes);

  py::enum_<MovePolicy>(m, "MovePolicy", "How a session that falls on a closed day moves.")
      .value("next_open_week", MovePolicy::next_open_week,
             "The session moves to the same weekday of the first later open week; later sessions "
             "stay on the cadence counted from the first (DOMAIN C5). The default.")
      .value("shift_following", MovePolicy::shift_following,
             "The session moves as above and every later session moves with it, keeping the "
             "cadence between sessions (DOMAIN C4).");

  const ScheduleRules default_rules;
  py::class_<ScheduleRules> rules(
      m, "ScheduleRules",
      "The defaults of the course model in one place; a municipality overrides any of them "
      "(the `rules` object of its request). Every number cites the DOMAIN rule it comes from.");
  // The constructor, properties and repr from ScheduleRules' table (schedule.hpp).
  def_field_value(rules, "The model's rules; every argument defaults to the DOMAIN value.");

  const CourseRequest d;
  py::class_<CourseRequest> request(
      m, "CourseRequest",
      "What a coordinator asks for (DOMAIN C1-C4, C8, C11): the first date, cadence, session "
      "length, the after-school care's closing time and the travel to the pickup place.\n\n"
      "Exactly one of `first_date` (the first session's date; if closed it moves like any "
      "session) and `earliest_date` (the first session is the first open date on or after it that "
      "falls on `weekday`) must be set.");
  request
      .def(py::init([](std::string title, std::string municipality, std::optional<Date> first_date,
                       std::optional<Date> earliest_date, std::optional<Weekday> weekday,
                       int sessions, int cadence_weeks, int session_minutes,
                       int introduction_minutes, ClockTime care_closes, int travel_minutes,
                       std::vector<Pickup> pickups, ClockTime earliest_start, Venue venue, MovePolicy move_policy,
                       std::optional<SchoolCalendar> school_calendar, std::optional<SchoolDays> school_days,
                       std::map<std::string, std::string> schools, SfoOnlyDays sfo_only_days, ScheduleRules rules,
                       std::optional<TravelLimits> travel, std::vector<TopicWish> wishes, std::vector<ChildProfile> children,
                       std::vector<Presenter> presenters, std::optional<TopicCatalogue> catalogue,
                       TopicRules topic_rules, Audience audience,
                       std::optional<std::string> format) {
             return CourseRequest{std::move(title),
                                  std::move(municipality),
                                  first_date,
                                  earliest_date,
                                  weekday,
                                  sessions,
                                  cadence_weeks,
                                  session_minutes,
                                  introduction_minutes,
                                  care_closes,
                                  travel_minutes,
                                  std::move(pickups),
                                  earliest_start,
                                  std::move(venue),
                                  move_policy,
                                  std::move(school_calendar),
                                  std::move(school_days),
                                  std::move(schools),
                                  sfo_only_days,
                                  std::move(rules),
                                  travel.value_or(TravelLimits{}),
                                  std::move(wishes),
                                  std::move(children),
                                  std::move(presenters),
                                  std::move(catalogue),
                                  topic_rules,
                                  audience,
                                  std::move(format)};
           }),
           py::kw_only(), "title"_a = d.title, "municipality"_a = d.municipality,
           "first_date"_a = py::none(), "earliest_date"_a = py::none(), "weekday"_a = py::none(),
           "sessions"_a = d.sessions, "cadence_weeks"_a = d.cadence_weeks,
           "session_minutes"_a = d.session_minutes,
           "introduction_minutes"_a = d.introduction_minutes, "care_closes"_a = d.care_closes,
           "travel_minutes"_a = d.travel_minutes, "pickups"_a = d.pickups, "earliest_start"_a = d.earliest_start,
           "venue"_a = d.venue, "move_policy"_a = d.move_policy, "school_calendar"_a = py::none(),
           "school_days"_a = py::none(), "schools"_a = d.schools, "sfo_only_days"_a = d.sfo_only_days,
           "rules"_a = d.rules, "travel"_a = py::none(), "wishes"_a = d.wishes, "children"_a = d.children,
           "presenters"_a = d.presenters, "catalogue"_a = py::none(),
           "topic_rules"_a = d.topic_rules, "audience"_a = d.audience, "format"_a = py::none(),
           "A course request; every argument but the first date defaults to the DOMAIN value. "
           "With `wishes`, plan_course() also chooses the later sessions' topics and presenters "
           "(DOMAIN C5-C7). Nothing is checked until check() or plan_course().")
      .def_readwrite("title", &CourseRequest::title, "The course's title.")
      .def_readwrite("municipality", &CourseRequest::municipality, "The municipality (kommune).")
      .def_readwrite("first_date", &CourseRequest::first_date,
                     "The first session's date (datetime.date), or None.")
      .def_readwrite("earliest_date", &CourseRequest::earliest_date,
                     "The earliest date for the first session (datetime.date), or None.")
      .def_readwrite("weekday", &CourseRequest::weekday,
                     "With earliest_date: the sessions' Weekday; None means earliest_date's.")
      .def_readwrite("sessions", &CourseRequest::sessions, "Number of sessions (DOMAIN C1: 5).")
      .def_readwrite("cadence_weeks", &CourseRequest::cadence_weeks,
                     "Weeks between sessions (DOMAIN C4: 4, or 2).")
      .def_readwrite("session_minutes", &CourseRequest::session_minutes,
                     "Length of a session (DOMAIN C2: 90 minutes).")
      .def_readwrite("introduction_minutes", &CourseRequest::introduction_minutes,
                     "Length of the opening introduction (DOMAIN C2: 30 minutes).")
      .def_readwrite("care_closes", &CourseRequest::care_closes,
                     "When the after-school programme closes (datetime.time; DOMAIN C3: 16:30).")
      .def_readwrite("travel_minutes", &CourseRequest::travel_minutes,
                     "Minutes from the venue to the pickup place (DOMAIN C3, C8).")
      .def_readwrite("travel", &CourseRequest::travel,
                     "The travel rule (TravelLimits, DOMAIN C8) each drive is checked by: a warning "
                     "beyond warn_minutes (15), an error beyond max_minutes (60). None in the "
                     "constructor: the defaults.")
      .def_property("pickups", list_getter(&CourseRequest::pickups), list_setter(&CourseRequest::pickups),
                    "Each household's Pickup, for a course planned from a group (course_for_group; "
                    "DOMAIN C3, C8); a list of copies.")
      .def_readwrite("earliest_start", &CourseRequest::earliest_start,
                     "The earliest start the parents accept (datetime.time; 14:00).")
      .def_readwrite("venue", &CourseRequest::venue, "Where the course meets (DOMAIN C8).")
      .def_readwrite("move_policy", &CourseRequest::move_policy,
                     "How a session on a closed day moves (MovePolicy).")
      .def_property(
          "school_calendar", [](const CourseRequest& self) { return self.school_calendar; },
          [](CourseRequest& self, std::optional<SchoolCalendar> calendar) {
            self.school_calendar = std::move(calendar);
          },
          "The municipality's SchoolCalendar (DOMAIN X2), or None: then only weekends and public "
          "holidays (X1) are avoided. Reading gives a copy: assign to change it.")
      .def_property(
          "school_days", [](const CourseRequest& self) { return self.school_days; },
          [](CourseRequest& self, std::optional<SchoolDays> days) { self.school_days = std::move(days); },
          "The schools' own calendars day by day (SchoolDays, DOMAIN C3, C11), or None. With `schools`, "
          "a date is open only when it is a school day with the SFO open at every one of them. "
          "Reading gives a copy: assign to change it.")
      .def_readwrite("schools", &CourseRequest::schools,
                     "The course's schools: a slug for each, mapped to the school's name as "
                     "`school_days` writes it (dict[str, str]). Reading gives a copy.")
      .def_readwrite("sfo_only_days", &CourseRequest::sfo_only_days,
                     "Whether a day when only the SFO is open may hold a session (SfoOnlyDays).")
      .def_readwrite("rules", &CourseRequest::rules,
                     "The model's rules, overridable per municipality (ScheduleRules).")
      .def_property("wishes", list_getter(&CourseRequest::wishes),
                    list_setter(&CourseRequest::wishes),
                    "The round of topic wishes from the first session (list[TopicWish]; DOMAIN "
                    "C6). Empty: the later sessions' topics are chosen in session 1. The list changes the value in place.")
      .def_property("children", list_getter(&CourseRequest::children),
                    list_setter(&CourseRequest::children),
                    "The children's stages and grades (list[ChildProfile]; DOMAIN G6, T3). "
                    "The list changes the value in place.")
      .def_property("presenters", list_getter(&CourseRequest::presenters),
                    list_setter(&CourseRequest::presenters),
                    "The municipal employees who can present (list[Presenter]; DOMAIN C7). "
                    "The list changes the value in place.")
      .def_property(
          "catalogue", [](const CourseRequest& self) { return self.catalogue; },
          [](CourseRequest& self, std::optional<TopicCatalogue> catalogue) {
            self.catalogue = std::move(catalogue);
          },
          "The municipality's TopicCatalogue, or None for the built-in one (DOMAIN T1-T6, G9); "
          "topics() gives the one in force. Reading gives a copy: assign to change it.")
      .def_readwrite("topic_rules", &CourseRequest::topic_rules,
                     "The topic choice's rules, overridable per municipality (TopicRules; DOMAIN "
                     "G6, T3).")
      .def_readwrite("audience", &CourseRequest::audience,
                     "Who the course is for (Audience; DOMAIN G9: a fathers' session).")
      .def_readwrite("format", &CourseRequest::format,
                     "The id of the CourseFormat whose defaults the request started from; None: "
                     "the monthly parents' course.")
      .def("topics", &CourseRequest::topics,
           "The TopicCatalogue in force (a copy): the request's catalogue, or the built-in one.")
      .def("check", &check_request,
           "Checks the request's form and ranges; raises InputError whose .where is the JSON "
           "pointer of the offending field (\"/cadence_weeks\").")
      .def_static(
          "from_json",
          [](std::string_view text, std::optional<Path> base_dir) {
            return course_request_from_json(parse_json(text), base_or_empty(base_dir));
          },
          "text"_a, "base_dir"_a = py::none(),
          "Reads a request from JSON text (docs/schemas/course-request.schema.json). A "
          "school_calendar given as a file name is read relative to `base_dir`. Raises "
          "InputError, with .where the JSON pointer (\"/first_date\") or line and column.")
      .def_static(
          "load",
          // The language as an object: Language is registered after this submodule (in evaluation),
          // and a typed default would show its C++ name in the signature.
          [](const std::filesystem::path& path, const py::object& language) {
            return load_course_request(path, language.is_none() ? std::nullopt
                                                                : std::optional<Language>(language.cast<Language>()));
          },
          "path"_a, py::kw_only(), "language"_a = py::none(),
                  "Reads a request from a JSON file; a school_calendar file it names is read "
                  "relative to it. Errors name the file in .where. `language` (a Language) stands "
                  "for the document's \"language\", as the command line's --lang does.")
      .def_readwrite("language", &CourseRequest::language,
                     "The language of what the plan writes for people (a Language: its calendar's texts); the document's "
                     "\"language\". Set after reading, it leaves the title as it was read.");
  def_to_json(
      request,
      "The request as JSON text, which from_json() reads back to an equal value; the school "
      "calendar is written inline. `indent=None` writes one line.");
  def_value(request, [](const CourseRequest& self) { return repr(self); });

  m.def("latest_start", &latest_start, "request"_a,
        "The latest allowed start as a datetime.time (DOMAIN C3): care closes, minus travel, minus "
        "the session, rounded down to the start grid. Raises ImpossibleRequest (rule \"C3\") when "
        "it is before the request's earliest_start.");

  py::enum_<AgendaKind>(m, "AgendaKind", "The kind of a block of a session's agenda.")
      .value("meal", AgendaKind::meal,
             "Food and drink on arrival, eaten while talking (DOMAIN C9).")
      .value("getting_to_know", AgendaKind::getting_to_know,
             "First session: how we meet, confidentiality (DOMAIN C6, T6).")
      .value("topic_wishes", AgendaKind::topic_wishes,
             "First session: the round of topic wishes (DOMAIN C6).")
      .value("introduction", AgendaKind::introduction,
             "A municipal employee introduces the day's topic (DOMAIN C2, C7).")
      .value("reflection", AgendaKind::reflection,
             "Led reflection and experience sharing (DOMAIN C2, C10).");

  py::class_<AgendaItem> agenda_item(
      m, "AgendaItem",
      "One block of a session's agenda, in minutes from the session's start (DOMAIN C2).");
  agenda_item
      .def(py::init([](AgendaKind kind, int offset_minutes, int minutes, std::string title_nb,
                       std::string title_en, std::string title_nn) {
             return AgendaItem{kind, offset_minutes, minutes, std::move(title_nb),
                               std::move(title_en), std::move(title_nn)};
           }),
           py::kw_only(), "kind"_a, "offset_minutes"_a = 0, "minutes"_a = 0, "title_nb"_a = "",
           "title_en"_a = "", "title_nn"_a = "", "An agenda block of `kind`, `minutes` long, from `offset_minutes`.")
      .def_readwrite("kind", &AgendaItem::kind, "The kind of block (AgendaKind).")
      .def_readwrite("offset_minutes", &AgendaItem::offset_minutes,
                     "Minutes from the session's start to the block's start.")
      .def_readwrite("minutes", &AgendaItem::minutes, "The block's length in minutes.")
      .def_readwrite("title_nb", &AgendaItem::title_nb, "Its title in Norwegian bokmål.")
      .def_readwrite("title_en", &AgendaItem::title_en, "Its title in English.")
      .def_readwrite("title_nn", &AgendaItem::title_nn, "Its title in nynorsk.");
  def_keyword_value(agenda_item, keyword_repr_doc, "kind", &AgendaItem::kind, "offset_minutes",
                    &AgendaItem::offset_minutes, "minutes", &AgendaItem::minutes, "title_nb",
                    &AgendaItem::title_nb, "title_en", &AgendaItem::title_en, "title_nn",
                    &AgendaItem::title_nn);

  m.def("standard_agenda", &standard_agenda, "number"_a,
        "session_minutes"_a = default_rules.session_minutes,
        "introduction_minutes"_a = default_rules.introduction_minutes,
        "getting_to_know_first"_a = default_rules.getting_to_know_first,
        "The agenda of session `number` (1-based), as a list of AgendaItem (DOMAIN C2, C6, C9, "
        "C10): the first session is for getting to know each other and the round of topic "
        "wishes; later ones open with an introduction and continue with led reflection. Food is "
        "served on arrival, alongside the first block. With `getting_to_know_first` False (a "
        "fathers' session, G9) every session is a later one.");

  py::class_<Session> session(
      m, "Session",
      "One meeting (samling) of a course: its number, start and end in Europe/Oslo time "
      "(DOMAIN X3), venue and agenda, when it moved off a closed day, from where and why "
      "(DOMAIN C11), and its topic and presenter (DOMAIN C5-C7).");
  session
      .def(py::init([](int number, Date date, ClockTime start, ClockTime end, Venue venue,
                       std::vector<AgendaItem> agenda, std::optional<Date> moved_from,
                       std::optional<Closure> move_reason, std::optional<std::string> topic,
                       std::optional<std::string> presenter) {
             return Session{number,
                            oslo_time(date, start),
                            oslo_time(date, end),
                            std::move(venue),
                            std::move(agenda),
                            moved_from,
                            std::move(move_reason),
                            std::move(topic),
                            std::move(presenter)};
           }),
           py::kw_only(), "number"_a, "date"_a, "start"_a, "end"_a, "venue"_a = Venue{},
           "agenda"_a = std::vector<AgendaItem>{}, "moved_from"_a = py::none(),
           "move_reason"_a = py::none(), "topic"_a = py::none(), "presenter"_a = py::none(),
           "Session `number` on `date` from `start` to `end` (datetime.time, Oslo wall-clock "
           "time), with its topic and presenter ids when known. standard_agenda() gives the "
           "model's agenda.")
      .def_readwrite("number", &Session::number, "The session's number, 1-based.")
      .def_readwrite("start", &Session::start,
                     "When it starts: an aware datetime.datetime in Europe/Oslo (DOMAIN X3). An "
                     "aware datetime set here is converted to Oslo time; a naive one is read as "
                     "Oslo wall-clock time.")
      .def_readwrite("end", &Session::end,
                     "When it ends: an aware datetime.datetime in Europe/Oslo (DOMAIN X3).")
      .def_property_readonly("date", &Session::date, "The session's date (datetime.date).")
      .def_property_readonly("start_time", &Session::start_time,
                             "The start as Oslo wall-clock time (datetime.time).")
      .def_property_readonly("end_time", &Session::end_time,
                             "The end as Oslo wall-clock time (datetime.time).")
      .def_property_readonly("minutes", &Session::minutes,
                             "The session's length in minutes (DOMAIN C2).")
      .def_readwrite("venue", &Session::venue, "Where it meets (DOMAIN C8).")
      .def_property("agenda", list_getter(&Session::agenda), list_setter(&Session::agenda),
                    "The agenda (list[AgendaItem]; DOMAIN C2). The list changes the value in place.")
      .def_readwrite("moved_from", &Session::moved_from,
                     "The date the cadence gave (datetime.date) when the session moved, or None.")
      .def_property(
          "move_reason", [](const Session& self) { return self.move_reason; },
          [](Session& self, std::optional<Closure> reason) {
            self.move_reason = std::move(reason);
          },
          "Why it moved off moved_from (a Closure; DOMAIN C11), or None. Reading gives a copy.")
      .def_readwrite("topic", &Session::topic,
                     "The topic id (DOMAIN C5, C6): FIRST_SESSION_TOPIC for session 1 (T6); None "
                     "while not chosen yet.")
      .def_readwrite("presenter", &Session::presenter,
                     "The Presenter id of whoever introduces the topic (DOMAIN C7), or None when "
                     "nobody is free or none was given.")
      .def("__str__", &streamed<Session>,
           "\"Session(1, 2019-11-05 15:00-16:30, Klasserom på barnas skole)\".");
  def_value(session, [](const Session& self) { return repr(self); });

  py::class_<CourseSchedule> schedule(
      m, "CourseSchedule",
      "A course's sessions together with the request they answer, and the planner's findings "
      "(moves as info, departures from recommendations as warnings).");
  schedule
      .def(py::init([](CourseRequest request, std::vector<Session> sessions,
                       std::vector<Violation> findings) {
             return CourseSchedule{std::move(request), std::move(sessions), std::move(findings)};
           }),
           py::kw_only(), "request"_a, "sessions"_a = std::vector<Session>{},
           "findings"_a = std::vector<Violation>{},
           "A schedule, planned or hand-made; validate() checks it against the rules.")
      .def_readwrite("request", &CourseSchedule::request, "The request it answers.")
      .def_property("sessions", list_getter(&CourseSchedule::sessions),
                    list_setter(&CourseSchedule::sessions),
                    "The sessions in order (list[Session]). The list changes the value in place.")
      .def_property("findings", list_getter(&CourseSchedule::findings),
                    list_setter(&CourseSchedule::findings),
                    "The planner's findings (list[Violation]). The list changes the value in place.");
  def_to_json(schedule,
              "The schedule as JSON text (docs/schemas/schedule.schema.json), which "
              "from_json() reads back to an equal value. `indent=None` writes one line.")
      .def(
          "to_records",
          [](const CourseSchedule& self) {
            py::list records;
            for (const Session& session : self.sessions) {
              py::dict record;
              record["number"] = session.number;
              record["date"] = py::cast(session.date());
              record["start"] = py::cast(session.start);
              record["end"] = py::cast(session.end);
              record["minutes"] = session.minutes();
              record["venue"] = session.venue.name;
              record["topic"] = py::cast(session.topic);
              record["presenter"] = py::cast(session.presenter);
              record["moved_from"] = py::cast(session.moved_from);
              record["move_reason"] =
                  session.move_reason ? py::cast(session.move_reason->name) : py::none();
              records.append(std::move(record));
            }
            return records;
          },
          "The sessions as a list of dicts, one per session: number, date, start and end "
          "(aware datetimes, Europe/Oslo; DOMAIN X3), minutes, venue (its name), topic and "
          "presenter (ids or None; DOMAIN C6, C7), moved_from (the date the cadence gave, or "
          "None) and move_reason (the closure's name, or None; DOMAIN C11).")
      .def(
          "to_ical",
          [](const CourseSchedule& self, const py::object& dtstamp, std::string uid_domain) {
            return to_ical(self, ical_options(dtstamp, std::move(uid_domain)));
          },
          py::kw_only(), "dtstamp"_a = py::none(), "uid_domain"_a = IcalOptions{}.uid_domain,
          "The schedule as an iCalendar document (RFC 5545): a VTIMEZONE for Europe/Oslo "
          "(DOMAIN X3) and one VEVENT per session, CRLF line ends, lines folded at 75 octets.\n\n"
          "`dtstamp` (a datetime.datetime; aware, or naive read as UTC) is every event's "
          "DTSTAMP; None uses the time of the call. Set it for reproducible output. UIDs are "
          "\"<course>-<n>@uid_domain\", stable across exports.")
      .def_static(
          "from_json",
          [](std::string_view text, std::optional<Path> base_dir) {
            return course_schedule_from_json(parse_json(text), base_or_empty(base_dir));
          },
          "text"_a, "base_dir"_a = py::none(),
          "Reads a schedule from JSON text. Raises InputError, with .where the JSON pointer "
          "(\"/sessions/2/date\") or line and column.")
      .def_static("load", &load_course_schedule, "path"_a,
                  "Reads a schedule from a JSON file; errors name the file in .where.");
  def_value(schedule, [](const CourseSchedule& self) { return repr(self); });
  def_to_dataframe(schedule,
                   "to_records() as a pandas.DataFrame, one row per session. Raises ImportError "
                   "when pandas is not installed.");

  m.def(
      "course_for_group", &course_for_group, "course"_a, "group"_a,
      "The course request `course` for a GroupDocument with a venue (DOMAIN C3, C8): each "
      "household's Pickup (its care_closes and whole minutes from the venue to its pickup place, "
      "rounded up), the venue's name when the course names none, the households' schools as "
      "`schools` (named by the course's schools table, else by their slugs). The sessions then end by the earliest care_closes minus "
      "travel over the households. Raises InputError [C8] for a group without a venue.");
  m.def(
      "plan_course",
      [](const CourseRequest& request, const std::optional<GroupDocument>& group) {
        if (!group) return plan_course(request);
        return plan_course(course_for_group(request, *group));
      },
      "request"_a, py::kw_only(), "group"_a = py::none(), py::call_guard<py::gil_scoped_release>(),
      "Plans the course; with `group` (a GroupDocument with a venue, as FormationResult."
      "group_documents() gives them), course_for_group(request, group) first: every household's "
      "own care_closes and travel (DOMAIN C3, C8).\n\n"
        "Plans the course (DOMAIN C1-C8, C11): dated sessions at the latest allowed start "
        "(C3), on the cadence (C4), moved off closed days (C11), with the planner's findings.\n\n"
        "Session 1 gets the topic FIRST_SESSION_TOPIC (C6, T6) and, when one is free, a "
        "presenter of its role. With request.wishes, the later sessions get the topics "
        "choose_topics() picks (C5, C6, G6, T3) and presenters as staff_sessions() assigns them "
        "(C7); its info findings (reordering, suggestions, fill-ins) join the schedule's, and "
        "validate() reports sessions nobody can present.\n\n"
        "Raises InputError for a malformed request and ImpossibleRequest when the rules cannot "
        "be met: a window shorter than the session (C3), a weekday without after-school care "
        "(C3), more sessions than the school year holds (C11), a session that cannot move within "
        "rules.max_move_weeks (C11).");

  m.def("validate", py::overload_cast<const CourseSchedule&>(&validate), "schedule"_a,
        py::call_guard<py::gil_scoped_release>(),
        "Validates any schedule, planned or hand-made, against its request's rules and "
        "calendar, and returns every finding (list[Violation]): errors for broken rules (a "
        "session on a closed day, C11; ending after care closes minus travel, C3; out of order, "
        "C4; agenda not adding up, C2; a topic repeated, C5, or unknown; session 1 not getting "
        "to know each other, or that topic later, T6; a presenter unknown, of another role than "
        "the topic's, or unavailable that day, C7), warnings for departures from "
        "recommendations (C1, C3, C4, C8; a later session nobody presents, C7; a topic not for "
        "the audience, G9). No errors means the schedule can be used.");
}
