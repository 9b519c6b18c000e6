// Per-school calendars (school_days.hpp, io/school_days.hpp): the days of each school as
// municipalities publish them (open data as CSV, .xlsx or JSON; a school's iCalendar feed), and
// whether a date is usable for a course at a group's schools (DOMAIN C3, C11, X2). Registered
// after the findings, which a check holds.
#include "binding.hpp"

#include "paarorende/io/school_days.hpp"
#include "paarorende/school_days.hpp"

namespace {

using namespace paarorende;
using namespace paarorende::python;

}  // namespace

void register_school_days(py::module_& m) {
  py::class_<SchoolDay> day(m, "SchoolDay",
                            "One school's day as open data publishes it: whether the pupils are at "
                            "school (elevdag), the staff work (lærerdag) and the SFO is open "
                            "(sfodag), and the row's kommentar.");
  day.def(py::init([](Date date, bool pupils, bool teachers, bool care, std::string comment) {
            return SchoolDay{date, pupils, teachers, care, std::move(comment)};
          }),
          py::kw_only(), "date"_a, "pupils"_a, "teachers"_a, "care"_a, "comment"_a = "",
          "A school's day on `date`.")
      .def_readwrite("date", &SchoolDay::date, "The date (datetime.date).")
      .def_readwrite("pupils", &SchoolDay::pupils, "elevdag: a school day for the pupils (DOMAIN C11).")
      .def_readwrite("teachers", &SchoolDay::teachers,
                     "lærerdag: the staff work (a planning day when the pupils do not).")
      .def_readwrite("care", &SchoolDay::care, "sfodag: the after-school care (SFO) is open (DOMAIN C3).")
      .def_readwrite("comment", &SchoolDay::comment, "kommentar, as written (\"Planleggingsdag\").")
      .def("__str__", &streamed<SchoolDay>, "\"SchoolDay(2019-11-06, pupils=no, ...)\".");
  def_keyword_value(day, keyword_repr_doc, "date", &SchoolDay::date, "pupils", &SchoolDay::pupils, "teachers",
                    &SchoolDay::teachers, "care", &SchoolDay::care, "comment", &SchoolDay::comment);

  py::enum_<SchoolDayListing>(m, "SchoolDayListing", "How a school's calendar lists its days.")
      .value("every_day", SchoolDayListing::every_day,
             "Open data: a row for every day; a date without a row is not known to be open.")
      .value("days_off", SchoolDayListing::days_off,
             "An iCalendar feed: only the days off; any other weekday is a school day with the SFO open.");

  py::class_<SchoolDayCalendar> calendar(m, "SchoolDayCalendar",
                                         "One school's calendar: its name as the file writes it and its "
                                         "days in date order.");
  calendar
      .def(py::init([](std::string school, SchoolDayListing listing, std::vector<SchoolDay> days) {
             return SchoolDayCalendar{std::move(school), listing, std::move(days)};
           }),
           py::kw_only(), "school"_a, "listing"_a = SchoolDayListing::every_day,
           "days"_a = std::vector<SchoolDay>{}, "A school's calendar; `days` in date order, one per date.")
      .def_readwrite("school", &SchoolDayCalendar::school, "The school's name, as written in the file.")
      .def_readwrite("listing", &SchoolDayCalendar::listing, "How the days are listed (SchoolDayListing).")
      .def_property("days", list_getter(&SchoolDayCalendar::days), list_setter(&SchoolDayCalendar::days),
                    "The days in date order (list[SchoolDay]). The list changes the value in place.")
      .def(
          "day",
          [](const SchoolDayCalendar& self, Date date) -> std::optional<SchoolDay> {
            if (const SchoolDay* found = self.day(date)) return *found;
            return std::nullopt;
          },
          "date"_a, "The day of `date` (a copy), or None when the calendar has no row for it.");
  def_value(calendar, [](const SchoolDayCalendar& self) {
    return "SchoolDayCalendar(" + field("school", self.school) + ", listing=" + enum_text(self.listing) +
           ", days=<" + counted(self.days.size(), "day", "days") + ">)";
  });

  py::class_<SchoolDays> days(m, "SchoolDays",
                              "The calendars of a municipality's schools, keyed by name: read from "
                              "open data (.csv, .xlsx, .json) or a school's iCalendar feed (.ics) "
                              "with SchoolDays.load().");
  days.def(py::init([](std::vector<SchoolDayCalendar> schools) {
             SchoolDays result{std::move(schools)};
             std::sort(result.schools.begin(), result.schools.end(),
                       [](const auto& a, const auto& b) { return a.school < b.school; });
             return result;
           }),
           py::kw_only(), "schools"_a = std::vector<SchoolDayCalendar>{},
           "Per-school calendars; kept in name order.")
      .def_property_readonly("schools", list_getter(&SchoolDays::schools),
                             "The calendars in name order (list[SchoolDayCalendar]). Read-only: change a copy, list(...).")
      .def(
          "find",
          [](const SchoolDays& self, std::string_view school) -> std::optional<SchoolDayCalendar> {
            if (const SchoolDayCalendar* found = self.find(school)) return *found;
            return std::nullopt;
          },
          "school"_a, "The calendar of the school of this name (exactly as written), or None.")
      .def("school_names", &school_names, "Every school's name, in order.")
      .def_static("load", &load_school_days, "path"_a, "school"_a = "", "sheet"_a = "",
                  "Reads a file by its ending: .csv, .xlsx, .ics, else JSON (docs/school-days.md). "
                  "`school` names an iCalendar feed's school (else its X-WR-CALNAME), `sheet` a "
                  "workbook's sheet (else its first). Raises "
                  "InputError with the file, sheet, row and column (or line, or JSON pointer) in .where.")
      .def_static(
          "from_csv", [](std::string_view text) { return school_days_from_csv(text); }, "text"_a,
          "Reads the day-per-row table from CSV text (BOM, ',' or ';'; headers in any case).")
      .def_static(
          "from_ical", [](std::string_view text, const std::string& school) { return school_days_from_ical(text, school); },
          "text"_a, "school"_a = "", "Reads a school's iCalendar feed of days off (all-day events).");
  def_from_json(days, &school_days_from_json,
                "Reads the JSON form (docs/schemas/school-days.schema.json): an array of rows, or "
                "{\"days\": [...], \"days_off_only\": [...]}.");
  def_to_json(days, "The calendars as JSON text, which from_json() reads back to an equal value.");
  def_value(days, [](const SchoolDays& self) {
    return "SchoolDays(schools=<" + counted(self.schools.size(), "school", "schools") + ">)";
  });

  py::enum_<SfoOnlyDays>(m, "SfoOnlyDays",
                         "Whether a day when only the SFO is open (a planning day, holiday SFO) may hold a session.")
      .value("refused", SfoOnlyDays::refused, "The default: a school day (C11) with the SFO open (C3).")
      .value("allowed", SfoOnlyDays::allowed, "The children are looked after at the SFO: what C3 asks.");

  py::class_<SchoolDayCheck> check(m, "SchoolDayCheck",
                                   "Whether a date is usable for a course at a group's schools, and why not: "
                                   "errors name the school and the row's kommentar; warnings a school "
                                   "without a calendar.");
  check.def_readonly("date", &SchoolDayCheck::date, "The date checked (datetime.date).")
      .def_readonly("usable", &SchoolDayCheck::usable, "True when no finding is an error.")
      .def_property_readonly("findings", list_getter(&SchoolDayCheck::findings), "The findings (list[Violation]).")
      .def("__str__", &streamed<SchoolDayCheck>, "\"2019-11-05: not usable; error [C3]: ...\".");
  def_value(check, [](const SchoolDayCheck& self) {
    return "SchoolDayCheck(" + field("date", self.date) + ", " + field("usable", self.usable) + ", findings=<" +
           counted(self.findings.size(), "finding", "findings") + ">)";
  });

  m.def("check_school_days", &check_school_days, "date"_a, "calendars"_a, "schools"_a,
        "sfo_only"_a = SfoOnlyDays::refused,
        "DOMAIN C3, C11: is `date` usable at every one of `schools` (names as in `calendars`)? A "
        "date is usable for a school when it is a school day and its SFO is open; with `sfo_only` "
        "allowed, a day when only the SFO is open is usable too. A school without a calendar is a "
        "warning (X2). Weekends and public holidays are course_closure()'s.");
  m.def("load_school_days", &load_school_days, "path"_a, "school"_a = "", "sheet"_a = "",
        "SchoolDays.load(path, school, sheet): per-school calendars from .csv, .xlsx, .ics or JSON.");
}
