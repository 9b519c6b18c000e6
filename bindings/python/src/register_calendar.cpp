// The Norwegian calendar (DOMAIN X1, X2, C11): Easter, public holidays, a municipality's school
// calendar, and whether a date is closed for a course.
#include "binding.hpp"

namespace {

using namespace paarorende;
using namespace paarorende::python;

}  // namespace

void register_calendar(py::module_& m) {
  m.attr("first_supported_year") = first_supported_year;
  m.attr("last_supported_year") = last_supported_year;

  m.def("easter_sunday", &easter_sunday, "year"_a,
        "Easter Sunday of `year` by the Gregorian computus (DOMAIN X1).\n\n"
        "Raises InputError outside [first_supported_year, last_supported_year].\n\n"
        "Example: ``easter_sunday(2024) == datetime.date(2024, 3, 31)``.");

  m.def(
      "public_holidays",
      [](int year) {
        std::vector<std::pair<Date, std::string>> holidays;
        for (auto& holiday : public_holidays(year)) {
          holidays.emplace_back(holiday.date, std::move(holiday.name_nb));
        }
        return holidays;
      },
      "year"_a,
      "The Norwegian public holidays of `year` as (date, Norwegian name) pairs in date order "
      "(DOMAIN X1).\n\n"
      "1 May and 17 May are included from 1947, when the law made them public holidays. Two "
      "holidays on one date (17 May on Ascension Day, say) are two entries. English names are in "
      "public_holiday_list(). Raises InputError outside [first_supported_year, "
      "last_supported_year].");

  m.def("public_holiday_list", &public_holidays, "year"_a,
        "The Norwegian public holidays of `year` as PublicHoliday values (date, Norwegian and "
        "English name) in date order (DOMAIN X1). As public_holidays(), with the English names.");

  m.def("public_holiday_on", &public_holiday_on, "date"_a,
        "The public holiday on `date`, or None (DOMAIN X1). When two fall on one date, the "
        "first (the moving feast).");

  py::class_<PublicHoliday> holiday(m, "PublicHoliday",
                                    "A Norwegian public holiday (DOMAIN X1): its date and its "
                                    "name in Norwegian bokmål, English and nynorsk.");
  holiday
      .def(py::init([](Date date, std::string name_nb, std::string name_en, std::string name_nn) {
             return PublicHoliday{date, std::move(name_nb), std::move(name_en), std::move(name_nn)};
           }),
           py::kw_only(), "date"_a, "name_nb"_a, "name_en"_a = "", "name_nn"_a = "",
           "A public holiday; normally obtained from public_holiday_list().")
      .def_readwrite("date", &PublicHoliday::date, "The date (datetime.date).")
      .def_readwrite("name_nb", &PublicHoliday::name_nb,
                     "The Norwegian bokmål name, as in the law (\"Kristi himmelfartsdag\").")
      .def_readwrite("name_en", &PublicHoliday::name_en, "The English name (\"Ascension Day\").")
      .def_readwrite("name_nn", &PublicHoliday::name_nn, "The nynorsk name (\"Grunnlovsdagen\").")
      .def("__str__", &streamed<PublicHoliday>, "\"2024-05-09 Kristi himmelfartsdag\".");
  def_keyword_value(holiday, keyword_repr_doc, "date", &PublicHoliday::date, "name_nb",
                    &PublicHoliday::name_nb, "name_en", &PublicHoliday::name_en, "name_nn",
                    &PublicHoliday::name_nn);

  py::class_<SchoolHoliday> school_holiday(
      m, "SchoolHoliday",
      "A school holiday period of a municipality, both ends inclusive (DOMAIN X2): "
      "SchoolHoliday(name='Høstferie', first=date(2019, 9, 30), last=date(2019, 10, 4)).");
  school_holiday
      .def(py::init([](std::string name, Date first, Date last) {
             return SchoolHoliday{std::move(name), first, last};
           }),
           py::kw_only(), "name"_a, "first"_a, "last"_a,
           "A school holiday from `first` to `last`, both inclusive.")
      .def_readwrite("name", &SchoolHoliday::name, "The holiday's name (\"Vinterferie\").")
      .def_readwrite("first", &SchoolHoliday::first, "Its first day (datetime.date).")
      .def_readwrite("last", &SchoolHoliday::last, "Its last day, inclusive (datetime.date).");
  def_keyword_value(school_holiday, keyword_repr_doc, "name", &SchoolHoliday::name, "first",
                    &SchoolHoliday::first, "last", &SchoolHoliday::last);

  py::class_<SchoolYear> school_year(
      m, "SchoolYear",
      "One school year of one municipality: its first and last school day and its holidays "
      "(DOMAIN X2).");
  school_year
      .def(py::init([](std::string label, Date first_day, Date last_day,
                       std::vector<SchoolHoliday> holidays) {
             return SchoolYear{std::move(label), first_day, last_day, std::move(holidays)};
           }),
           py::kw_only(), "label"_a, "first_day"_a, "last_day"_a,
           "holidays"_a = std::vector<SchoolHoliday>{},
           "A school year from `first_day` to `last_day` with its `holidays`.")
      .def_readwrite("label", &SchoolYear::label, "The school year's label (\"2019-2020\").")
      .def_readwrite("first_day", &SchoolYear::first_day, "The first school day (datetime.date).")
      .def_readwrite("last_day", &SchoolYear::last_day, "The last school day (datetime.date).")
      .def_property("holidays", list_getter(&SchoolYear::holidays),
                    list_setter(&SchoolYear::holidays),
                    "The school holidays (list[SchoolHoliday]). The list changes the value in place.");
  def_keyword_value(school_year, keyword_repr_doc, "label", &SchoolYear::label, "first_day",
                    &SchoolYear::first_day, "last_day", &SchoolYear::last_day, "holidays",
                    &SchoolYear::holidays);

  py::class_<SchoolCalendar> school_calendar(
      m, "SchoolCalendar",
      "A municipality's school calendar (DOMAIN X2): data it supplies, never constants. The years "
      "are in order and do not overlap.");
  school_calendar
      .def(py::init([](std::string municipality, std::vector<SchoolYear> years, bool example_data,
                       std::string note) {
             return SchoolCalendar{std::move(municipality), std::move(years), example_data,
                                   std::move(note)};
           }),
           py::kw_only(), "municipality"_a, "years"_a = std::vector<SchoolYear>{},
           "example_data"_a = false, "note"_a = "",
           "A school calendar for `municipality` with its school `years` in order.")
      .def_readwrite("municipality", &SchoolCalendar::municipality,
                     "The municipality (kommune) whose calendar this is.")
      .def_property("years", list_getter(&SchoolCalendar::years),
                    list_setter(&SchoolCalendar::years),
                    "The school years in order (list[SchoolYear]). The list changes the value in place.")
      .def_readwrite("example_data", &SchoolCalendar::example_data,
                     "True for illustrative data shipped with the examples, not an official "
                     "calendar.")
      .def_readwrite("note", &SchoolCalendar::note, "Source or caveat, free text.")
      .def(
          "school_year_of",
          [](const SchoolCalendar& self, Date date) -> std::optional<SchoolYear> {
            if (const SchoolYear* year = self.school_year_of(date)) return *year;
            return std::nullopt;
          },
          "date"_a, "The school year containing `date` (a copy), or None.")
      .def("covers", &SchoolCalendar::covers, "date"_a,
           "True when `date` lies between the first school year's first day and the last one's "
           "last day: when this calendar can say whether school is open.");
  def_from_json(
      school_calendar, &school_calendar_from_json,
      "Reads a school calendar from JSON text (docs/schemas/school-calendar.schema.json). "
      "Raises InputError, with .where the JSON pointer or line and column, for bad input.")
      .def_static("load", &load_school_calendar, "path"_a,
                  "Reads a school calendar from a JSON file; errors name the file in .where.");
  def_to_json(school_calendar,
              "The calendar as JSON text, which from_json() reads back to an equal value. "
              "`indent=None` writes one line.");
  def_value(school_calendar, [](const SchoolCalendar& self) {
    std::string years = "<" + counted(self.years.size(), "school year", "school years");
    if (!self.years.empty()) {
      years += " " + self.years.front().label;
      if (self.years.size() > 1) years += " .. " + self.years.back().label;
    }
    years += ">";
    std::string text =
        "SchoolCalendar(" + field("municipality", self.municipality) + ", years=" + years;
    if (self.example_data) text += ", example_data=True";
    return text + ")";
  });

  py::enum_<ClosureKind>(m, "ClosureKind", "Why a date is closed for a course (DOMAIN C11).")
      .value("weekend", ClosureKind::weekend, "After-school care runs on weekdays (DOMAIN C3).")
      .value("public_holiday", ClosureKind::public_holiday, "A public holiday (DOMAIN X1).")
      .value("school_holiday", ClosureKind::school_holiday, "A school holiday (DOMAIN X2).")
      .value("outside_school_year", ClosureKind::outside_school_year,
             "Summer, between school years (DOMAIN C11).");

  py::class_<Closure> closure(m, "Closure",
                              "Why a date is closed for a course (DOMAIN C11): the kind, the "
                              "DOMAIN rule behind it and the name of the day or holiday.");
  closure
      .def(py::init([](ClosureKind kind, std::string rule, std::string name) {
             return Closure{kind, std::move(rule), std::move(name)};
           }),
           py::kw_only(), "kind"_a, "rule"_a, "name"_a, "A closure of `kind`.")
      .def_readwrite("kind", &Closure::kind, "The kind of closure (ClosureKind).")
      .def_readwrite("rule", &Closure::rule,
                     "The DOMAIN id behind it: \"C3\", \"X1\", \"X2\" or \"C11\".")
      .def_readwrite("name", &Closure::name,
                     "\"Andre juledag\", \"Vinterferie\", \"lørdag\", \"sommerferie\".")
      .def("__str__", &streamed<Closure>, "\"Andre juledag (public_holiday, DOMAIN X1)\".");
  def_keyword_value(closure, keyword_repr_doc, "kind", &Closure::kind, "rule", &Closure::rule,
                    "name", &Closure::name);

  m.def("course_closure", &course_closure, "date"_a, "school_calendar"_a = py::none(),
        "Is `date` closed for a course (DOMAIN C11), and why? Returns a Closure, or None when the "
        "date is open.\n\n"
        "A date is closed on weekends (C3), public holidays (X1) and, where `school_calendar` is "
        "given and covers the date, in school holidays (X2) and outside the school year (C11).");

  m.def(
      "is_closed",
      [](Date date, const SchoolCalendar* school) {
        return course_closure(date, school).has_value();
      },
      "date"_a, "school_calendar"_a = py::none(),
      "True when `date` is closed for a course (DOMAIN C11); course_closure() says why.");
}
