// School calendars and public holidays as JSON (io/calendar.hpp).
#include "paarorende/io/calendar.hpp"
#include "detail/input_error.hpp"

#include "io/readers.hpp"

namespace paarorende {
using namespace detail;

namespace {

SchoolHoliday read_school_holiday(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  SchoolHoliday holiday{in.string("name"), in.date("first"), in.date("last")};
  in.finish();
  if (holiday.last < holiday.first) {
    detail::raise_input_error(in.pointer("last"), "the holiday ends before it begins", detail::Rule{"X2"});
  }
  return holiday;
}

SchoolYear read_school_year(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  SchoolYear year;
  year.label = in.string("label");
  year.first_day = in.date("first_day");
  year.last_day = in.date("last_day");
  if (year.last_day < year.first_day) {
    detail::raise_input_error(in.pointer("last_day"), "the school year ends before it begins", detail::Rule{"X2"});
  }
  const Json& holidays = in.array("holidays");
  for (std::size_t i = 0; i < holidays.size(); ++i) {
    year.holidays.push_back(
        read_school_holiday(holidays[i], in.pointer("holidays") + "/" + std::to_string(i)));
  }
  in.finish();
  return year;
}

}  // namespace

namespace detail {

SchoolCalendar read_school_calendar(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  SchoolCalendar calendar;
  calendar.municipality = in.string("municipality");
  calendar.example_data = in.boolean_or("example_data", false);
  calendar.note = in.string_or("note", "");
  const Json& years = in.array("school_years");
  for (std::size_t i = 0; i < years.size(); ++i) {
    const std::string at = in.pointer("school_years") + "/" + std::to_string(i);
    calendar.years.push_back(read_school_year(years[i], at));
    if (i > 0 && calendar.years[i].first_day <= calendar.years[i - 1].last_day) {
      detail::raise_input_error(at + "/first_day", "school years must be in order and must not overlap", detail::Rule{"X2"});
    }
  }
  in.finish();
  // The same checks as for a calendar built in code.
  detail::under_pointer(pointer, [&] { check_school_calendar(calendar); });
  return calendar;
}

}  // namespace detail

SchoolCalendar school_calendar_from_json(const Json& document) {
  return read_school_calendar(document, "");
}

SchoolCalendar load_school_calendar(const std::filesystem::path& path) {
  const Json document = load_json_file(path);
  return in_file(path, [&] { return school_calendar_from_json(document); });
}

Json to_json(const PublicHoliday& holiday) {
  return Json{{"date", iso_date(holiday.date)},
              {"name", holiday.name_nb},
              {"name_en", holiday.name_en},
              {"name_nn", holiday.name_nn}};
}

Json to_json(const std::vector<PublicHoliday>& holidays) {
  Json array = Json::array();
  for (const auto& holiday : holidays) array.push_back(to_json(holiday));
  return array;
}

Json to_json(const SchoolCalendar& calendar) {
  Json years = Json::array();
  for (const auto& year : calendar.years) {
    Json holidays = Json::array();
    for (const auto& holiday : year.holidays) {
      holidays.push_back(
          {{"name", holiday.name}, {"first", iso_date(holiday.first)}, {"last", iso_date(holiday.last)}});
    }
    years.push_back({{"label", year.label},
                     {"first_day", iso_date(year.first_day)},
                     {"last_day", iso_date(year.last_day)},
                     {"holidays", holidays}});
  }
  Json document{{"municipality", calendar.municipality}, {"school_years", years}};
  if (calendar.example_data) document["example_data"] = true;
  if (!calendar.note.empty()) document["note"] = calendar.note;
  return document;
}

}  // namespace paarorende
