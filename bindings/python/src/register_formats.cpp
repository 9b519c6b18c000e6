// Formats (DOMAIN C1-C11, G9, P1, P2, V4, X5), volunteer rosters, the meeting-place season, the
// 5-day family course, the parallel offer and regions. A thin skin: the logic is the C++ core's.
#include "binding.hpp"
#include "fields.hpp"

#include "paarorende/family_week.hpp"
#include "paarorende/format.hpp"
#include "paarorende/meeting_place.hpp"
#include "paarorende/parallel_offer.hpp"
#include "paarorende/region.hpp"
#include "paarorende/roster.hpp"

namespace {

using namespace paarorende;
using namespace paarorende::python;

constexpr const char* ical_doc =
    "The plan as an iCalendar document (RFC 5545): a VTIMEZONE for Europe/Oslo (DOMAIN X3) and "
    "one VEVENT per event. `dtstamp` (a datetime.datetime; aware, or naive read as UTC) is every "
    "event's DTSTAMP; None uses the time of the call. UIDs are stable across exports.";

// from_json(text), load(path), to_json(indent), to_dict() for a document type.
template <class Class, class Read, class Load>
void def_document(Class& cls, Read read, Load load, const char* what) {
  using T = typename Class::type;
  def_from_json(cls, read,
                (std::string("Reads ") + what +
                 " from JSON text; raises InputError saying where (a JSON pointer) and which rule.")
                    .c_str())
      .def_static(
          "load", [load](const std::filesystem::path& path) { return load(path); }, "path"_a,
          (std::string("Reads ") + what + " from a JSON file; errors name the file.").c_str());
  def_to_json(cls, "The JSON text; indent None writes one line.")
      .def(
          "to_dict", [](const T& self) { return json_object(to_json(self)); },
          "The JSON document as Python dicts and lists.");
}

}  // namespace

void register_formats(py::module_& m) {
  // --- formats ---------------------------------------------------------------------------------
  py::enum_<FormatKind>(m, "FormatKind", "Which planner a format is planned with.")
      .value("course", FormatKind::course, "Sessions on a cadence: plan_course (DOMAIN C1-C11, G9).")
      .value("family_week", FormatKind::family_week, "Consecutive days: plan_family_week (DOMAIN P2).")
      .value("meeting_place", FormatKind::meeting_place, "A season of meetings: plan_season (DOMAIN V4).")
      .value("parallel_offer", FormatKind::parallel_offer, "Beside a parents' session (DOMAIN P1).");

  py::class_<StaffingRules> staffing(m, "StaffingRules",
                                     "Who staffs a format's meetings and how many adults they need "
                                     "(DOMAIN C7, C10, P1, P2, X5).");
  // The read-only properties from StaffingRules' table (format.hpp); the library makes it (no
  // constructor), and its repr names three fields.
  def_readonly_fields(staffing);
  def_keyword_value(staffing, "The value as text.", "min_adults", &StaffingRules::min_adults,
                    "children_per_adult", &StaffingRules::children_per_adult, "police_certificate",
                    &StaffingRules::police_certificate);

  py::class_<FormatBlock> block(m, "FormatBlock", "One block of a format's agenda template, with its rule.");
  block
      .def_readonly("kind", &FormatBlock::kind,
                    "A slug: \"meal\", \"introduction\", \"activity\", ...")
      .def_readonly("minutes", &FormatBlock::minutes,
                    "Length; 0 runs alongside the next block (C9).")
      .def_readonly("title_nb", &FormatBlock::title_nb, "Title in bokmål.")
      .def_readonly("title_en", &FormatBlock::title_en, "Title in English.")
      .def_readonly("title_nn", &FormatBlock::title_nn, "Title in nynorsk (empty in an older file).")
      .def_readonly("rule", &FormatBlock::rule, "The DOMAIN id behind the block.");
  def_keyword_value(block, "The value as text.", "kind", &FormatBlock::kind, "minutes",
                    &FormatBlock::minutes);

  py::class_<CourseFormat> format(
      m, "CourseFormat",
      "A course format: every default a plan starts from (sessions, cadence, length, window, "
      "agenda, audience, group and staffing rules) and the DOMAIN rules it follows. Built-in ones "
      "from builtin_formats(); a municipality's from CourseFormat.from_json / load, based_on a "
      "built-in one.");
  format.def_readonly("id", &CourseFormat::id, "Slug (\"monthly_parents\").")
      .def_readonly("based_on", &CourseFormat::based_on, "The format it was derived from, or \"\".")
      .def_readonly("kind", &CourseFormat::kind, "Which planner plans it.")
      .def_readonly("name_nb", &CourseFormat::name_nb, "Name in bokmål; a plan's default title.")
      .def_readonly("name_en", &CourseFormat::name_en, "Name in English.")
      .def_readonly("description_nb", &CourseFormat::description_nb, "Description in bokmål.")
      .def_readonly("description_en", &CourseFormat::description_en, "Description in English.")
      .def_readonly("name_nn", &CourseFormat::name_nn,
                    "Name in nynorsk, a nynorsk plan's default title (empty in an older file).")
      .def_readonly("description_nn", &CourseFormat::description_nn, "Description in nynorsk.")
      .def_readonly("audience", &CourseFormat::audience,
                    "Who it is for (G9: fathers; V2: children).")
      .def_readonly("sessions", &CourseFormat::sessions,
                    "Sessions, days (P2), or 0: the season decides.")
      .def_readonly("cadence_weeks", &CourseFormat::cadence_weeks,
                    "Weeks between sessions (C4); 0: consecutive days.")
      .def_readonly("session_minutes", &CourseFormat::session_minutes, "Length of a session (C2).")
      .def_readonly("introduction_minutes", &CourseFormat::introduction_minutes,
                    "The introduction (C2).")
      .def_readonly("earliest_start", &CourseFormat::earliest_start, "The window's start (C3).")
      .def_readonly("latest_end", &CourseFormat::latest_end, "The window's end (C3: care closes).")
      .def_readonly("min_age", &CourseFormat::min_age,
                    "The youngest child, when children take part.")
      .def_readonly("max_age", &CourseFormat::max_age, "The oldest child, when children take part.")
      .def_readonly("season_first_month", &CourseFormat::season_first_month,
                    "A season's first month (V4).")
      .def_readonly("season_last_month", &CourseFormat::season_last_month,
                    "A season's last month (V4).")
      .def_property_readonly("agenda", list_getter(&CourseFormat::agenda), "The agenda template.")
      .def_readonly("schedule_rules", &CourseFormat::schedule_rules, "The course rules (C1-C11).")
      .def_readonly("travel", &CourseFormat::travel, "The travel rule (TravelLimits, DOMAIN C8).")
      .def_readonly("group_rules", &CourseFormat::group_rules, "The group rules (G1-G9).")
      .def_readonly("staffing", &CourseFormat::staffing, "Who staffs it (C7, X5).")
      .def_readonly("evaluation_form", &CourseFormat::evaluation_form,
                    "The evaluation form's id (\"sandefjord-pilot\"), or \"\".")
      .def_property_readonly("rules", list_getter(&CourseFormat::rules),
                             "The DOMAIN rules it follows.")
      .def_property_readonly(
          "sources", [](const CourseFormat& f) { return f.sources; },
          "Each default's field and the DOMAIN rule it comes from.")
      .def("course_request", &course_request,
           "A CourseRequest with this format's defaults; raises InputError for a format that is "
           "not a course.")
      .def(
          "__repr__",
          [](const CourseFormat& f) {
            return "CourseFormat(" + field("id", f.id) + ", kind=" + enum_text(f.kind) + ")";
          },
          "The value as text.");
  def_document(format, [](const Json& d) { return format_from_json(d); },
               [](const std::filesystem::path& p) { return load_format(p); }, "a format document");
  def_value_semantics(format);
  m.def("builtin_formats", &builtin_formats,
        "The built-in formats: monthly_parents, biweekly_parents, fathers_session, family_week, "
        "meeting_place, parallel_offer (docs/formats.md).");
  m.def(
      "builtin_format", [](std::string_view id) { return builtin_format(id); }, "id"_a,
      "The built-in format with this id; InputError naming the known ids otherwise.");

  // --- rosters (X5) ----------------------------------------------------------------------------
  py::class_<Volunteer> volunteer(
      m, "Volunteer", "A volunteer: a pseudonymous id, where they live, the police certificate's "
                      "validity (DOMAIN X5) and the dates they cannot come.");
  volunteer
      .def(py::init([](std::string id, std::string municipality, std::optional<Date> valid_until,
                       std::vector<Date> unavailable, std::optional<int> max_meetings) {
             return Volunteer{std::move(id), std::move(municipality), valid_until,
                              std::move(unavailable), max_meetings};
           }),
           py::kw_only(), "id"_a, "municipality"_a = "", "certificate_valid_until"_a = py::none(),
           "unavailable"_a = std::vector<Date>{}, "max_meetings"_a = py::none(), "A volunteer.")
      .def_readwrite("id", &Volunteer::id, "Slug, a pseudonym (X4).")
      .def_readwrite("municipality", &Volunteer::municipality, "Where the volunteer lives (V1).")
      .def_readwrite("certificate_valid_until", &Volunteer::certificate_valid_until,
                     "The last day the police certificate is valid; None: no certificate (X5).")
      .def_property("unavailable", list_getter(&Volunteer::unavailable),
                    list_setter(&Volunteer::unavailable), "Dates the volunteer cannot come.")
      .def_readwrite("max_meetings", &Volunteer::max_meetings,
                     "At most this many meetings, or None.")
      .def("certificate_valid_on", &Volunteer::certificate_valid_on, "date"_a,
           "Whether the police certificate is valid on the date (DOMAIN X5).")
      .def("available_on", &Volunteer::available_on, "date"_a, "Whether the volunteer can come.");
  def_keyword_value(volunteer, keyword_repr_doc, "id", &Volunteer::id, "certificate_valid_until",
                    &Volunteer::certificate_valid_until);

  py::class_<RosterRules> roster_rules(m, "RosterRules", "How many adults a meeting needs (DOMAIN X5).");
  // The constructor, properties and repr (every field) from RosterRules' table (roster.hpp).
  def_field_value(roster_rules, "The rules.", keyword_repr_doc, FieldRepr::every);
  m.def("adults_needed", &adults_needed, "children"_a, "rules"_a = RosterRules{},
        "max(min_adults, ceil(children / children_per_adult)) (DOMAIN X5).");

  py::class_<Shift> shift(m, "Shift", "One meeting's staffing.");
  shift
      .def(py::init([](int meeting, Date date, int children, int adults_needed,
                       std::vector<std::string> volunteers) {
             return Shift{meeting, date, children, adults_needed, std::move(volunteers)};
           }),
           py::kw_only(), "meeting"_a, "date"_a, "children"_a = 0, "adults_needed"_a = 2,
           "volunteers"_a = std::vector<std::string>{}, "A shift.")
      .def_readonly("meeting", &Shift::meeting, "1-based meeting number.")
      .def_readonly("date", &Shift::date, "The meeting's date.")
      .def_readonly("children", &Shift::children, "Children expected.")
      .def_readonly("adults_needed", &Shift::adults_needed, "Adults the meeting needs (X5).")
      .def_property_readonly("volunteers", list_getter(&Shift::volunteers),
                             "Volunteer ids rostered.");
  def_keyword_value(shift, "The value as text.", "meeting", &Shift::meeting, "date", &Shift::date,
                    "volunteers", &Shift::volunteers);

  py::class_<Shortfall> shortfall(m, "Shortfall", "A meeting too few adults are rostered for (X5).");
  shortfall.def_readonly("meeting", &Shortfall::meeting, "1-based meeting number.")
      .def_readonly("date", &Shortfall::date, "The meeting's date.")
      .def_readonly("needed", &Shortfall::needed, "Adults needed.")
      .def_readonly("rostered", &Shortfall::rostered, "Adults who may be there.")
      .def_property_readonly("missing", &Shortfall::missing, "needed - rostered.")
      .def_readonly("reason", &Shortfall::reason, "Why no one else could be rostered.");
  def_value(
      shortfall, [](const Shortfall& s) { return streamed(s); }, "The value as text.");

  py::class_<Roster> roster(
      m, "Roster",
      "Volunteers and the meetings they staff (DOMAIN X5). The changing methods either complete "
      "or leave the roster unchanged (strong guarantee).");
  roster.def_readonly("rules", &Roster::rules, "How many adults a meeting needs.")
      .def_property_readonly("volunteers", list_getter(&Roster::volunteers), "The volunteers.")
      .def_property_readonly("shifts", list_getter(&Roster::shifts), "One shift per meeting, in order.")
      .def("meetings_of", &Roster::meetings_of, "volunteer"_a, "How many shifts the volunteer has.")
      .def("assign", [](Roster& self, int meeting, std::string_view v) { assign(self, meeting, v); },
           "meeting"_a, "volunteer"_a,
           "Rosters a volunteer on a meeting; RuleViolation [X5] for a lapsed or missing police "
           "certificate, RuleViolation for a date they cannot come; InputError for unknown ids.")
      .def("unassign", [](Roster& self, int meeting, std::string_view v) { unassign(self, meeting, v); },
           "meeting"_a, "volunteer"_a, "Takes a volunteer off a meeting.")
      .def("add_volunteer", [](Roster& self, Volunteer v) { add_volunteer(self, std::move(v)); },
           "volunteer"_a, "Adds a volunteer; InputError for a malformed or duplicate id.")
      .def("remove_volunteer", [](Roster& self, std::string_view v) { remove_volunteer(self, v); },
           "volunteer"_a, "Removes a volunteer and all their shifts.")
      .def("update_volunteer", [](Roster& self, Volunteer v) { update_volunteer(self, std::move(v)); },
           "volunteer"_a,
           "Replaces a volunteer's record; RuleViolation [X5] when it would leave them rostered "
           "after their certificate lapses.")
      .def("to_records", [](const Roster& self) {
        py::list records;
        for (const auto& s : self.shifts) {
          py::dict record;
          record["meeting"] = s.meeting;
          record["date"] = py::cast(s.date);
          record["children"] = s.children;
          record["adults_needed"] = s.adults_needed;
          record["rostered"] = static_cast<int>(s.volunteers.size());
          record["volunteers"] = py::cast(s.volunteers);
          records.append(record);
        }
        return records;
      }, "The shifts as a list of dicts, one per meeting.")
      .def("__repr__", [](const Roster& r) {
        return "Roster(" + counted(r.volunteers.size(), "volunteer", "volunteers") + ", " +
               counted(r.shifts.size(), "shift", "shifts") + ")";
      }, "The value as text.");
  def_document(roster, [](const Json& d) { return roster_from_json(d); },
               [](const std::filesystem::path& p) { return load_roster(p); }, "a roster");
  def_to_dataframe(roster, "to_records() as a pandas.DataFrame.");
  def_value_semantics(roster);
  m.def("make_roster", &make_roster, py::kw_only(), "shifts"_a, "volunteers"_a, "rules"_a = RosterRules{},
        py::call_guard<py::gil_scoped_release>(),
        "Rosters the volunteers on the shifts: meeting by meeting, the eligible volunteers "
        "(certificate valid that day, available, under their maximum) with the fewest meetings "
        "so far, then by id (DOMAIN X5).");
  m.def("shortfalls", &shortfalls, "roster"_a, "The meetings short of adults, each with the reason.");
  m.def(
      "validate_roster", [](const Roster& r) { return validate(r); }, "roster"_a,
      "Every finding about a roster (DOMAIN X5): shortfalls, lapsed certificates, ...");

  // --- the meeting place (V4) --------------------------------------------------------------------
  py::class_<AgeBand> band(m, "AgeBand", "An age band, both ends inclusive.");
  band.def(py::init([](int min_age, int max_age) {
             return AgeBand{min_age, max_age};
           }),
           py::kw_only(), "min_age"_a, "max_age"_a, "A band.")
      .def_readwrite("min_age", &AgeBand::min_age, "The youngest.")
      .def_readwrite("max_age", &AgeBand::max_age, "The oldest.");
  def_keyword_value(band, keyword_repr_doc, "min_age", &AgeBand::min_age, "max_age",
                    &AgeBand::max_age);

  py::class_<BandGroup> group(m, "BandGroup", "One age band's group at a meeting, with its own adults.");
  group.def_readonly("band", &BandGroup::band, "The ages.")
      .def_readonly("children", &BandGroup::children, "Children expected.")
      .def_readonly("adults_needed", &BandGroup::adults_needed, "Adults the group needs (X5).");
  def_keyword_value(group, "The value as text.", "band", &BandGroup::band, "children",
                    &BandGroup::children);

  py::class_<MeetingPlaceMeeting> meeting(m, "MeetingPlaceMeeting", "One meeting of a season.");
  meeting.def_readonly("number", &MeetingPlaceMeeting::number, "1-based.")
      .def_readonly("start", &MeetingPlaceMeeting::start, "Start, Europe/Oslo.")
      .def_readonly("end", &MeetingPlaceMeeting::end, "End, Europe/Oslo.")
      .def_property_readonly("groups", list_getter(&MeetingPlaceMeeting::groups),
                             "The age-band groups.")
      .def_property_readonly("date", &MeetingPlaceMeeting::date, "The meeting's date.");
  def_value(
      meeting, [](const MeetingPlaceMeeting& x) { return streamed(x); }, "The value as text.");

  py::class_<SkippedDate> skipped(m, "SkippedDate", "A date of the cadence with no meeting, and why.");
  skipped.def_readonly("date", &SkippedDate::date, "The date.")
      .def_readonly("reason", &SkippedDate::reason, "A public (X1) or school (X2) holiday.");
  def_value(
      skipped,
      [](const SkippedDate& s) {
        return "SkippedDate(" + field("date", s.date) + ", " + field("reason", s.reason.name) + ")";
      },
      "The value as text.");

  py::class_<SeasonRequest> season_request_class(
      m, "SeasonRequest",
      "What a coordinator asks of a meeting-place season (DOMAIN V4): dates, the weekly slot, the "
      "children's ages (counts only) and the volunteers. Start from season_request(format, year) "
      "or read one with SeasonRequest.load.");
  season_request_class.def_readwrite("title", &SeasonRequest::title, "The title.")
      .def_readwrite("language", &SeasonRequest::language,
                     "The language of what the plan writes for people (a Language: its calendar's texts); the document's "
                     "\"language\". Set after reading, it leaves the title as it was read.")
      .def_readwrite("municipality", &SeasonRequest::municipality, "The host municipality.")
      .def_readwrite("region", &SeasonRequest::region, "A region id (V1), or \"\".")
      .def_readwrite("first_date", &SeasonRequest::first_date, "The first meeting's date.")
      .def_readwrite("last_date", &SeasonRequest::last_date, "No meeting after it.")
      .def_readwrite("cadence_weeks", &SeasonRequest::cadence_weeks, "Weeks between meetings.")
      .def_readwrite("start", &SeasonRequest::start, "Start time of day.")
      .def_readwrite("minutes", &SeasonRequest::minutes, "Length of a meeting.")
      .def_readwrite("venue", &SeasonRequest::venue, "Where it meets.")
      .def_readwrite("min_age", &SeasonRequest::min_age, "DOMAIN V4: 6.")
      .def_readwrite("max_age", &SeasonRequest::max_age, "DOMAIN V4: 16.")
      .def_property("children_ages", list_getter(&SeasonRequest::children_ages),
                    list_setter(&SeasonRequest::children_ages), "The enrolled children's ages (X4: counts only).")
      .def_readwrite("attendance_percent", &SeasonRequest::attendance_percent, "Share expected per meeting.")
      .def_readwrite("max_band_size", &SeasonRequest::max_band_size, "More children: split into bands.")
      .def_property("age_bands", list_getter(&SeasonRequest::age_bands), list_setter(&SeasonRequest::age_bands),
                    "The bands, covering min_age..max_age.")
      .def_property("volunteers", list_getter(&SeasonRequest::volunteers),
                    list_setter(&SeasonRequest::volunteers), "The volunteers to roster.")
      .def_readwrite("roster_rules", &SeasonRequest::roster_rules, "How many adults (X5).")
      .def("__repr__", [](const SeasonRequest& r) {
        return "SeasonRequest(" + field("title", r.title) + ", " + field("first_date", r.first_date) +
               ", " + field("last_date", r.last_date) + ")";
      }, "The value as text.");
  def_document(season_request_class, [](const Json& d) { return season_request_from_json(d); },
               [](const std::filesystem::path& p) { return load_season_request(p); },
               "a season request");
  def_value_semantics(season_request_class);
  m.def("season_request", &season_request, "format"_a, "year"_a,
        "A SeasonRequest with a meeting-place format's defaults and its season in `year`.");

  py::class_<Season> season(m, "Season", "A planned season: meetings, skipped dates, roster, findings.");
  season.def_readonly("request", &Season::request, "The request it answers.")
      .def_property_readonly("meetings", list_getter(&Season::meetings), "The meetings.")
      .def_property_readonly("skipped", list_getter(&Season::skipped), "Dates without a meeting.")
      .def_readonly("roster", &Season::roster, "The volunteer roster (X5).")
      .def_property_readonly("findings", list_getter(&Season::findings), "Every finding.");
  def_to_json(season, "The season as JSON text (docs/schemas/season.schema.json).")
      .def(
          "to_dict", [](const Season& self) { return json_object(to_json(self)); },
          "The JSON as dicts.")
      .def(
          "to_ical",
          [](const Season& self, const py::object& dtstamp, std::string uid_domain) {
            return to_ical(self, ical_options(dtstamp, std::move(uid_domain)));
          },
          py::kw_only(), "dtstamp"_a = py::none(), "uid_domain"_a = IcalOptions{}.uid_domain,
          ical_doc)
      .def(
          "to_records",
          [](const Season& self) {
            py::list records;
            for (const auto& x : self.meetings) {
              const Shift* s = self.roster.find_shift(x.number);
              py::dict record;
              record["number"] = x.number;
              record["start"] = py::cast(x.start);
              record["end"] = py::cast(x.end);
              record["groups"] = static_cast<int>(x.groups.size());
              record["adults_needed"] = s ? s->adults_needed : 0;
              record["rostered"] = s ? static_cast<int>(s->volunteers.size()) : 0;
              records.append(record);
            }
            return records;
          },
          "The meetings as a list of dicts.")
      .def(
          "__repr__",
          [](const Season& s) {
            return "Season(" + counted(s.meetings.size(), "meeting", "meetings") + ")";
          },
          "The value as text.");
  def_to_dataframe(season, "to_records() as a pandas.DataFrame.");
  def_value_semantics(season);
  m.def("plan_season", &plan_season, "request"_a, py::call_guard<py::gil_scoped_release>(),
        "Plans the season (DOMAIN V4): a meeting every cadence_weeks, none on a public (X1) or "
        "school (X2) holiday, split into age bands when large, volunteers rostered (X5).");

  // --- the family week (P2) ----------------------------------------------------------------------
  py::enum_<FamilyBlockKind>(m, "FamilyBlockKind", "The blocks of the family course (DOMAIN P2).")
      .value("teaching", FamilyBlockKind::teaching, "Common teaching on the day's theme.")
      .value("parents_group", FamilyBlockKind::parents_group, "Parents in groups with a professional.")
      .value("observation_talk", FamilyBlockKind::observation_talk, "The staff tell the parents what they observed.")
      .value("lunch", FamilyBlockKind::lunch, "Everyone.")
      .value("children_programme", FamilyBlockKind::children_programme, "Kindergarten activities, observed.")
      .value("parents_evening", FamilyBlockKind::parents_evening, "The parents' own community.")
      .value("childcare", FamilyBlockKind::childcare, "During the parents' evening.");

  py::class_<FamilyBlock> family_block(m, "FamilyBlock", "One block of a family-course day.");
  family_block.def_readonly("kind", &FamilyBlock::kind, "What the block is.")
      .def_readonly("start", &FamilyBlock::start, "Start, Europe/Oslo.")
      .def_readonly("end", &FamilyBlock::end, "End, Europe/Oslo.")
      .def_readonly("theme", &FamilyBlock::theme, "A topic id, or None.")
      .def_readonly("title_nb", &FamilyBlock::title_nb, "Title in bokmål.")
      .def_readonly("title_en", &FamilyBlock::title_en, "Title in English.")
      .def_readonly("title_nn", &FamilyBlock::title_nn, "Title in nynorsk.")
      .def_property_readonly("audience", &FamilyBlock::audience, "Parents or children.");
  def_value(
      family_block, [](const FamilyBlock& b) { return streamed(b); }, "The value as text.");

  py::class_<FamilyDay> family_day(m, "FamilyDay", "One day of the family course.");
  family_day.def_readonly("number", &FamilyDay::number, "1-based.")
      .def_readonly("date", &FamilyDay::date, "The day's date.")
      .def_property_readonly("blocks", list_getter(&FamilyDay::blocks),
                             "The blocks, in start order.");
  def_keyword_value(family_day, "The value as text.", "number", &FamilyDay::number, "date",
                    &FamilyDay::date);

  py::class_<FamilyWeekRequest> family_request(
      m, "FamilyWeekRequest",
      "What a coordinator asks of a family course (DOMAIN P2). Start from "
      "family_week_request(format, start_date) or read one with FamilyWeekRequest.load.");
  family_request.def_readwrite("title", &FamilyWeekRequest::title, "The title.")
      .def_readwrite("language", &FamilyWeekRequest::language,
                     "The language of what the plan writes for people (a Language: its calendar's texts); the document's "
                     "\"language\". Set after reading, it leaves the title as it was read.")
      .def_readwrite("organiser", &FamilyWeekRequest::organiser, "The municipality or centre.")
      .def_readwrite("diagnosis", &FamilyWeekRequest::diagnosis, "The shared rare diagnosis's code (G8).")
      .def_readwrite("start_date", &FamilyWeekRequest::start_date, "Day 1.")
      .def_readwrite("days", &FamilyWeekRequest::days, "DOMAIN P2: 5.")
      .def_property("themes", list_getter(&FamilyWeekRequest::themes), list_setter(&FamilyWeekRequest::themes),
                    "One topic id per day; empty: the T2 topics.")
      .def_readwrite("day_start", &FamilyWeekRequest::day_start, "The morning's start.")
      .def_readwrite("half_day_minutes", &FamilyWeekRequest::half_day_minutes, "A morning or afternoon.")
      .def_readwrite("lunch_minutes", &FamilyWeekRequest::lunch_minutes, "Lunch.")
      .def_readwrite("evening_start", &FamilyWeekRequest::evening_start, "The parents' evening.")
      .def_readwrite("evening_minutes", &FamilyWeekRequest::evening_minutes, "Its length.")
      .def_readwrite("teaching_first_morning", &FamilyWeekRequest::teaching_first_morning,
                     "Day 1's teaching in the morning, then alternating.")
      .def_property("children_ages", list_getter(&FamilyWeekRequest::children_ages),
                    list_setter(&FamilyWeekRequest::children_ages), "The children's ages (P2: 0-4).")
      .def_readwrite("venue", &FamilyWeekRequest::venue, "Where.")
      .def("__repr__", [](const FamilyWeekRequest& r) {
        return "FamilyWeekRequest(" + field("title", r.title) + ", " + field("start_date", r.start_date) + ")";
      }, "The value as text.");
  def_document(family_request, [](const Json& d) { return family_week_request_from_json(d); },
               [](const std::filesystem::path& p) { return load_family_week_request(p); },
               "a family-week request");
  def_value_semantics(family_request);
  m.def("family_week_request", &family_week_request, "format"_a, "start_date"_a,
        "A FamilyWeekRequest with a family-week format's defaults.");

  py::class_<FamilyWeekPlan> family_plan(m, "FamilyWeekPlan", "A planned family course, day by day.");
  family_plan.def_readonly("request", &FamilyWeekPlan::request, "The request it answers.")
      .def_property_readonly("days", list_getter(&FamilyWeekPlan::days), "The days.")
      .def_property_readonly("findings", list_getter(&FamilyWeekPlan::findings), "Every finding.");
  def_to_json(family_plan, "The plan as JSON text (docs/schemas/family-week.schema.json).")
      .def(
          "to_dict", [](const FamilyWeekPlan& self) { return json_object(to_json(self)); },
          "The JSON as dicts.")
      .def(
          "to_ical",
          [](const FamilyWeekPlan& self, const py::object& dtstamp, std::string uid_domain) {
            return to_ical(self, ical_options(dtstamp, std::move(uid_domain)));
          },
          py::kw_only(), "dtstamp"_a = py::none(), "uid_domain"_a = IcalOptions{}.uid_domain,
          ical_doc);
  def_value(
      family_plan,
      [](const FamilyWeekPlan& p) {
        return "FamilyWeekPlan(" + counted(p.days.size(), "day", "days") + ")";
      },
      "The value as text.");
  m.def("plan_family_week", &plan_family_week, "request"_a, py::call_guard<py::gil_scoped_release>(),
        "Plans the family course (DOMAIN P2); ImpossibleRequest for a weekend [P2] or a public "
        "holiday [X1] among its days.");
  m.def(
      "validate_family_week", [](const FamilyWeekPlan& p) { return validate(p); }, "plan"_a,
      "Every finding about a family-course plan, planned or hand-made (DOMAIN P2).");

  // --- the parallel offer (P1) -------------------------------------------------------------------
  py::enum_<VenueKind>(m, "VenueKind", "What kind of place a venue is; P1 concerns schools and kindergartens.")
      .value("school", VenueKind::school, "A school.")
      .value("kindergarten", VenueKind::kindergarten, "A kindergarten.")
      .value("community_hall", VenueKind::community_hall, "A community hall (C8).")
      .value("other", VenueKind::other, "Anywhere else.");

  py::class_<ParallelActivity> activity(m, "ParallelActivity",
                                        "The children's and siblings' activity beside one session (P1).");
  activity.def_readonly("session", &ParallelActivity::session, "The parents' session (1-based).")
      .def_readonly("start", &ParallelActivity::start, "Start, Europe/Oslo.")
      .def_readonly("end", &ParallelActivity::end, "End, Europe/Oslo.")
      .def_readonly("place", &ParallelActivity::place, "The venue's name.")
      .def_property_readonly("ages", list_getter(&ParallelActivity::ages), "The children's ages.")
      .def_readonly("staff", &ParallelActivity::staff, "Its own staff.");
  def_value(
      activity, [](const ParallelActivity& a) { return streamed(a); }, "The value as text.");

  py::class_<ParallelOfferPlan> offer(m, "ParallelOfferPlan", "A parents' course with the activities beside it.");
  offer.def_readonly("schedule", &ParallelOfferPlan::schedule, "The parents' course.")
      .def_readonly("venue_kind", &ParallelOfferPlan::venue_kind, "What kind of place it meets at.")
      .def_property_readonly("activities", list_getter(&ParallelOfferPlan::activities), "The activities.")
      .def("__repr__", [](const ParallelOfferPlan& p) {
        return "ParallelOfferPlan(" + counted(p.activities.size(), "activity", "activities") + ")";
      }, "The value as text.");
  def_document(offer, [](const Json& d) { return parallel_offer_from_json(d); },
               [](const std::filesystem::path& p) { return load_parallel_offer(p); },
               "a parallel-offer document");
  def_value_semantics(offer);
  m.def(
      "validate_parallel_offer", [](const ParallelOfferPlan& p) { return validate(p); }, "plan"_a,
      "Every finding: P1 for a session at a school or kindergarten without the children's "
      "activity, at another place or time; X5 for too few staff.");

  // --- regions (V1, V3) ----------------------------------------------------------------------------
  py::class_<ChildContact> contact(m, "ChildContact", "A unit's child-responsible staff, by role and unit (V3).");
  contact.def_readonly("role", &ChildContact::role, "\"barneansvarlig\".")
      .def_readonly("unit", &ChildContact::unit, "\"helsestasjon\", \"skole\", ...");
  def_keyword_value(contact, "The value as text.", "role", &ChildContact::role, "unit",
                    &ChildContact::unit);
  py::class_<Municipality> municipality(m, "Municipality", "A municipality with its contacts.");
  municipality.def_readonly("number", &Municipality::number, "Four digits (\"3451\").")
      .def_readonly("name", &Municipality::name, "\"Nord-Aurdal\".")
      .def_readonly("county", &Municipality::county, "\"Innlandet\".")
      // Cast when read: Language is registered with the evaluation area, after this one.
      .def_property_readonly(
          "language", [](const Municipality& self) { return py::cast(self.language); },
          "Its written standard (Language.nb or Language.nn): what is written for it when no language is asked for.")
      .def_property_readonly("contacts", list_getter(&Municipality::contacts),
                             "Its contacts (V3).");
  def_keyword_value(municipality, "The value as text.", "number", &Municipality::number, "name",
                    &Municipality::name);
  py::class_<Region> region(m, "Region", "Municipalities that work together and share waitlists, venues "
                                         "and volunteers (DOMAIN V1, V3, G8).");
  region.def_readonly("id", &Region::id, "Slug (\"valdres\").")
      .def_readonly("name", &Region::name, "The name.")
      .def_readonly("note", &Region::note, "Source or caveat.")
      .def_property_readonly("municipalities", list_getter(&Region::municipalities),
                             "The municipalities.")
      .def_property_readonly("required_units", list_getter(&Region::required_units),
                             "Units needing a contact.")
      .def_readwrite("shared_waitlist", &Region::shared_waitlist,
                     "Whether the municipalities' households form groups together (V1, G8: the few "
                     "with a rare diagnosis meet across borders); false keeps each municipality's "
                     "households among themselves.")
      .def_property_readonly("venues", list_getter(&Region::venues), "Shared venues.")
      .def_property_readonly("volunteers", list_getter(&Region::volunteers), "Shared volunteers.")
      .def(
          "__repr__", [](const Region& r) { return streamed(r); }, "The value as text.");
  def_document(region, [](const Json& d) { return region_from_json(d); },
               [](const std::filesystem::path& p) { return load_region(p); }, "a region document");
  def_value_semantics(region);
  m.def("builtin_regions", &builtin_regions, "The built-in regions: Valdres's six municipalities (V1).");
  m.def(
      "validate_region", [](const Region& r) { return validate(r); }, "region"_a,
      "V3 warnings for a municipality without a contact in a required unit; V1 for a region of "
      "fewer than two.");
}
