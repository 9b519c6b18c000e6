#include "paarorende/meeting_place.hpp"

#include <algorithm>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "paarorende/detail/document_reader.hpp"
#include "paarorende/detail/format.hpp"
#include "paarorende/detail/ical_events.hpp"
#include "paarorende/error.hpp"
#include "paarorende/limits.hpp"
#include "paarorende/region.hpp"

namespace paarorende {
namespace {

using boost::gregorian::days;
using detail::clock;
using detail::iso_date;
using detail::ObjectReader;

void require(bool ok, const std::string& pointer, const std::string& message, const char* rule = "") {
  if (!ok) throw InputError(rule, message, pointer);
}

std::string range_message(int low, int high, int value) {
  std::string text = "must be between ";
  text += std::to_string(low);
  text += " and ";
  text += std::to_string(high);
  text += ", got ";
  text += std::to_string(value);
  return text;
}

// A date the meeting place does not meet (DOMAIN X1, X2): weekends are allowed (a meeting place
// is no after-school session), public holidays and school holidays are not.
std::optional<Closure> season_closure(Date date, const SchoolCalendar* school) {
  if (auto holiday = public_holiday_on(date)) {
    return Closure{ClosureKind::public_holiday, "X1", holiday->name_nb};
  }
  if (school != nullptr) {
    if (const SchoolYear* year = school->school_year_of(date)) {
      for (const auto& holiday : year->holidays) {
        if (holiday.first <= date && date <= holiday.last) {
          return Closure{ClosureKind::school_holiday, "X2", holiday.name};
        }
      }
    }
  }
  return std::nullopt;
}

AgeBand read_band(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  AgeBand band{in.integer("min_age", 0, 25), in.integer("max_age", 0, 25)};
  in.finish();
  return band;
}

Json band_json(const AgeBand& band) {
  return Json{{"min_age", band.min_age}, {"max_age", band.max_age}};
}

}  // namespace

SeasonRequest season_request(const CourseFormat& format, int year) {
  if (format.kind != FormatKind::meeting_place || !format.season_first_month) {
    throw InputError("", "format " + detail::quote_input(format.id) + " is a " +
                             std::string(to_string(format.kind)) + ", not a meeting place",
                     "/format");
  }
  if (year < first_supported_year || year > last_supported_year - 1) {
    throw InputError("", range_message(first_supported_year, last_supported_year - 1, year), "/year");
  }
  SeasonRequest request;
  request.title = format.name_nb;
  request.format = format.id;
  // DOMAIN V4: the season; a season that wraps the new year (November-March) ends the next year.
  const int first_month = *format.season_first_month;
  const int last_month = *format.season_last_month;
  const int last_year = last_month < first_month ? year + 1 : year;
  request.first_date = Date(static_cast<unsigned short>(year), static_cast<unsigned short>(first_month), 1);
  request.last_date = Date(static_cast<unsigned short>(last_year), static_cast<unsigned short>(last_month), 1)
                          .end_of_month();
  request.cadence_weeks = format.cadence_weeks;
  request.start = format.earliest_start;
  request.minutes = format.session_minutes;
  if (format.min_age) request.min_age = *format.min_age;
  if (format.max_age) request.max_age = *format.max_age;
  request.age_bands.erase(std::remove_if(request.age_bands.begin(), request.age_bands.end(),
                                         [&](const AgeBand& band) {
                                           return band.max_age < request.min_age ||
                                                  band.min_age > request.max_age;
                                         }),
                          request.age_bands.end());
  if (!request.age_bands.empty()) {
    request.age_bands.front().min_age = request.min_age;
    request.age_bands.back().max_age = request.max_age;
  } else {
    request.age_bands.push_back({request.min_age, request.max_age});
  }
  request.agenda = format.agenda;
  request.roster_rules.min_adults = format.staffing.min_adults;          // DOMAIN X5
  request.roster_rules.children_per_adult = format.staffing.children_per_adult;
  return request;
}

void check_season_request(const SeasonRequest& request) {
  require(!request.first_date.is_special(), "/first_date", "a season needs its first date");
  require(!request.last_date.is_special(), "/last_date", "a season needs its last date");
  require(request.first_date.year() >= first_supported_year &&
              request.last_date.year() <= last_supported_year,
          "/last_date", "the season must lie within the supported years");
  require(request.last_date >= request.first_date, "/last_date",
          "the season ends " + iso_date(request.last_date) + ", before it begins " +
              iso_date(request.first_date));
  require(request.last_date - request.first_date <= days(366), "/last_date",
          "a season lasts at most a year");
  require(request.cadence_weeks >= 1 && request.cadence_weeks <= 12, "/cadence_weeks",
          range_message(1, 12, request.cadence_weeks));
  require(request.minutes >= 15 && request.minutes <= 480, "/minutes",
          range_message(15, 480, request.minutes));
  require(!request.start.is_special() && request.start >= ClockTime(0, 0, 0) &&
              request.start + boost::posix_time::minutes(request.minutes) <= ClockTime(24, 0, 0),
          "/start", "the meeting must start and end on the same day");
  require(request.min_age >= 0 && request.min_age <= 25, "/min_age", range_message(0, 25, request.min_age));
  require(request.max_age >= request.min_age && request.max_age <= 25, "/max_age",
          range_message(request.min_age, 25, request.max_age));
  require(request.attendance_percent >= 1 && request.attendance_percent <= 100,
          "/attendance_percent", range_message(1, 100, request.attendance_percent));
  require(request.max_band_size >= 1 && request.max_band_size <= 1000, "/max_band_size",
          range_message(1, 1000, request.max_band_size));
  detail::check_limit(request.children_ages.size(), max_list_entries, "children", "/children_ages");
  for (std::size_t i = 0; i < request.children_ages.size(); ++i) {
    const int age = request.children_ages[i];
    require(age >= 0 && age <= 25, "/children_ages/" + std::to_string(i), range_message(0, 25, age));
  }
  // The bands cover min_age..max_age in order, without gaps or overlaps (DOMAIN V4).
  require(!request.age_bands.empty(), "/age_bands", "give at least one age band");
  int next = request.min_age;
  for (std::size_t i = 0; i < request.age_bands.size(); ++i) {
    const AgeBand& band = request.age_bands[i];
    const std::string at = "/age_bands/" + std::to_string(i);
    require(band.min_age == next, at + "/min_age",
            "the age bands must cover " + std::to_string(request.min_age) + "-" +
                std::to_string(request.max_age) + " in order without gaps or overlaps; expected " +
                std::to_string(next) + ", got " + std::to_string(band.min_age), "V4");
    require(band.max_age >= band.min_age, at + "/max_age",
            "a band ends at or after it begins (" + std::to_string(band.min_age) + ")");
    next = band.max_age + 1;
  }
  require(next == request.max_age + 1,
          "/age_bands/" + std::to_string(request.age_bands.size() - 1) + "/max_age",
          "the last age band must end at " + std::to_string(request.max_age), "V4");
  int agenda_minutes = 0;
  for (const auto& block : request.agenda) agenda_minutes += block.minutes;
  if (!request.agenda.empty()) {
    require(agenda_minutes == request.minutes, "/agenda",
            "the agenda covers " + std::to_string(agenda_minutes) + " of " +
                std::to_string(request.minutes) + " minutes");
  }
  if (request.school_calendar) {
    try {
      check_school_calendar(*request.school_calendar);
    } catch (const InputError& error) {
      throw InputError(error.rule(), error.message(), "/school_calendar" + error.where());
    }
  }
  Roster staff{request.roster_rules, request.volunteers, {}};
  check_roster(staff);  // its pointers ("/volunteers/1/id", "/rules/...") fit this document too
}

Season plan_season(const SeasonRequest& request) {
  try {
    check_season_request(request);
  } catch (const InputError& error) {
    // check_roster locates the roster rules under "/rules"; here they are "/roster_rules".
    if (error.where().rfind("/rules", 0) == 0) {
      throw InputError(error.rule(), error.message(), "/roster_rules" + error.where().substr(6));
    }
    throw;
  }
  Season season;
  season.request = request;
  const SchoolCalendar* school = request.school_calendar ? &*request.school_calendar : nullptr;

  // DOMAIN V4: the children of the target ages; the others are reported, not counted.
  std::vector<int> ages;
  int outside = 0;
  for (int age : request.children_ages) {
    if (age < request.min_age || age > request.max_age) {
      ++outside;
    } else {
      ages.push_back(age);
    }
  }
  if (outside > 0) {
    season.findings.push_back({"V4", Severity::warning,
                               std::to_string(outside) + " child(ren) outside the ages " +
                                   std::to_string(request.min_age) + "-" +
                                   std::to_string(request.max_age) + " are not counted",
                               std::nullopt});
  }
  // Expected per meeting, rounded up: plan adults for the children who may come.
  auto expected = [&request](int enrolled) {
    return (enrolled * request.attendance_percent + 99) / 100;
  };
  std::vector<BandGroup> groups;
  const int expected_all = expected(static_cast<int>(ages.size()));
  if (expected_all > request.max_band_size) {
    for (const auto& band : request.age_bands) {
      const int enrolled = static_cast<int>(
          std::count_if(ages.begin(), ages.end(), [&](int age) { return band.contains(age); }));
      if (enrolled == 0) continue;
      const int children = expected(enrolled);
      groups.push_back({band, children, adults_needed(children, request.roster_rules)});
      if (children > request.max_band_size) {
        season.findings.push_back(
            {"V4", Severity::warning,
             "the age band " + std::to_string(band.min_age) + "-" + std::to_string(band.max_age) +
                 " expects " + std::to_string(children) + " children, more than " +
                 std::to_string(request.max_band_size) + " in one group",
             std::nullopt});
      }
    }
  } else {
    groups.push_back({AgeBand{request.min_age, request.max_age}, expected_all,
                      adults_needed(expected_all, request.roster_rules)});
  }
  int adults = 0;
  for (const auto& group : groups) adults += group.adults_needed;  // DOMAIN X5: per group

  std::vector<Shift> shifts;
  for (Date date = request.first_date; date <= request.last_date;
       date += days(7 * request.cadence_weeks)) {
    if (auto closure = season_closure(date, school)) {
      season.skipped.push_back({date, *closure});
      season.findings.push_back({closure->rule, Severity::info,
                                 "no meeting on " + iso_date(date) + ": " + closure->name,
                                 std::nullopt});
      continue;
    }
    const int number = static_cast<int>(season.meetings.size()) + 1;
    season.meetings.push_back({number, oslo_time(date, request.start),
                               oslo_time(date, request.start + boost::posix_time::minutes(request.minutes)),
                               groups});
    shifts.push_back({number, date, expected_all, adults, {}});
  }
  if (season.meetings.empty()) {
    throw ImpossibleRequest("V4", "no meeting fits between " + iso_date(request.first_date) + " and " +
                                      iso_date(request.last_date),
                            "/last_date");
  }
  season.roster = make_roster(std::move(shifts), request.volunteers, request.roster_rules);
  for (auto& finding : validate(season.roster)) season.findings.push_back(std::move(finding));
  return season;
}

std::string to_ical(const Season& season, const IcalOptions& options) {
  const SeasonRequest& request = season.request;
  std::vector<detail::IcalEvent> events;
  std::string location = request.venue.name;
  if (!request.venue.address.empty()) location += (location.empty() ? "" : ", ") + request.venue.address;
  for (const auto& meeting : season.meetings) {
    const Shift* shift = season.roster.find_shift(meeting.number);
    std::string description;
    for (const auto& group : meeting.groups) {
      description += std::to_string(group.band.min_age) + "-" + std::to_string(group.band.max_age) +
                     " år: " + std::to_string(group.children) + " barn, " +
                     std::to_string(group.adults_needed) + " voksne\n";
    }
    int offset = 0;
    for (const auto& block : request.agenda) {
      const ClockTime start = meeting.start.local_time().time_of_day();
      description += clock(start + boost::posix_time::minutes(offset)) + "-" +
                     clock(start + boost::posix_time::minutes(offset + block.minutes)) + " " +
                     block.title_nb + "\n";
      offset += block.minutes;
    }
    if (shift != nullptr) {
      description += "Frivillige: " + std::to_string(shift->volunteers.size()) + " av " +
                     std::to_string(shift->adults_needed);
    }
    events.push_back({std::to_string(meeting.number), meeting.start, meeting.end,
                      request.title + ": treff " + std::to_string(meeting.number) + " av " +
                          std::to_string(season.meetings.size()),
                      location, description});
  }
  return detail::ical_calendar(request.title,
                               request.title + '\n' + request.municipality + '\n' + request.region +
                                   '\n' + iso_date(request.first_date),
                               events, options);
}

SeasonRequest season_request_from_json(const Json& document, const std::filesystem::path& base_dir) {
  ObjectReader in(document, "");
  // The format's defaults first (V4 by default), for the year of the first date or "year".
  const Json* reference = in.find("format");
  const CourseFormat format = reference ? format_from_reference(*reference, "/format", base_dir)
                                        : builtin_format("meeting_place");
  const std::optional<Date> first_date = in.optional_date("first_date");
  const Json* year_field = in.find("year");
  if (!first_date && year_field == nullptr) throw InputError("", "give first_date or year", "/first_date");
  const int year = year_field ? static_cast<int>(detail::read_integer(*year_field, "/year",
                                                                      first_supported_year,
                                                                      last_supported_year - 1))
                              : static_cast<int>(first_date->year());
  SeasonRequest request;
  try {
    request = season_request(format, year);
  } catch (const InputError& error) {
    const bool from_date = error.where() == "/year" && year_field == nullptr;
    throw InputError(error.rule(), error.message(), from_date ? "/first_date" : error.where());
  }
  if (first_date) request.first_date = *first_date;
  if (const auto last = in.optional_date("last_date")) request.last_date = *last;
  request.title = in.string_or("title", request.title);
  request.municipality = in.string_or("municipality", "");
  std::optional<Region> region;
  if (const Json* reference = in.find("region")) {
    region = region_from_reference(*reference, "/region", base_dir);
    request.region = region->id;
  }
  request.cadence_weeks = in.integer_or("cadence_weeks", request.cadence_weeks, 1, 12);
  request.start = in.clock_or("start", request.start);
  request.minutes = in.integer_or("minutes", request.minutes, 15, 480);
  if (const Json* venue = in.find("venue")) {
    ObjectReader v(*venue, "/venue");
    request.venue = Venue{v.string("name"), v.string_or("address", "")};
    v.finish();
  }
  request.min_age = in.integer_or("min_age", request.min_age, 0, 25);
  request.max_age = in.integer_or("max_age", request.max_age, 0, 25);
  if (in.find("children_ages")) {
    request.children_ages = detail::read_array<int>(in, "children_ages", [](const Json& v, const std::string& at) {
      return static_cast<int>(detail::read_integer(v, at, 0, 25));
    });
  }
  request.attendance_percent = in.integer_or("attendance_percent", request.attendance_percent, 1, 100);
  request.max_band_size = in.integer_or("max_band_size", request.max_band_size, 1, 1000);
  if (in.find("age_bands")) request.age_bands = detail::read_array<AgeBand>(in, "age_bands", read_band);
  if (const Json* school = in.find("school_calendar")) {
    if (school->is_string()) {
      std::filesystem::path file = detail::read_string(*school, "/school_calendar");
      if (file.is_relative()) file = base_dir / file;
      request.school_calendar = load_school_calendar(file);
    } else {
      try {
        request.school_calendar = school_calendar_from_json(*school);
      } catch (const InputError& error) {
        throw InputError(error.rule(), error.message(), "/school_calendar" + error.where());
      }
    }
  }
  request.volunteers = detail::read_array<Volunteer>(in, "volunteers", volunteer_from_json);
  if (const Json* rules = in.find("roster_rules")) {
    request.roster_rules = roster_rules_from_json(*rules, "/roster_rules", request.roster_rules);
  }
  // DOMAIN V1: a region shares its venues and volunteers with the meeting place.
  if (region && in.find("venue") == nullptr && !region->venues.empty()) request.venue = region->venues.front();
  if (region && in.find("volunteers") == nullptr) request.volunteers = region->volunteers;
  in.finish();
  try {
    check_season_request(request);
  } catch (const InputError& error) {
    if (error.where().rfind("/rules", 0) == 0) {
      throw InputError(error.rule(), error.message(), "/roster_rules" + error.where().substr(6));
    }
    throw;
  }
  return request;
}

SeasonRequest load_season_request(const std::filesystem::path& path) {
  return detail::read_document_file(path, [&](const Json& document) {
    return season_request_from_json(document, path.parent_path());
  });
}

Json to_json(const SeasonRequest& request) {
  Json document{{"title", request.title}};
  if (!request.municipality.empty()) document["municipality"] = request.municipality;
  if (!request.region.empty()) document["region"] = request.region;
  if (find_builtin_format(request.format) != nullptr) document["format"] = request.format;
  document["first_date"] = iso_date(request.first_date);
  document["last_date"] = iso_date(request.last_date);
  document["cadence_weeks"] = request.cadence_weeks;
  document["start"] = clock(request.start);
  document["minutes"] = request.minutes;
  document["venue"] = {{"name", request.venue.name}};
  if (!request.venue.address.empty()) document["venue"]["address"] = request.venue.address;
  document["min_age"] = request.min_age;
  document["max_age"] = request.max_age;
  document["children_ages"] = request.children_ages;
  document["attendance_percent"] = request.attendance_percent;
  document["max_band_size"] = request.max_band_size;
  Json bands = Json::array();
  for (const auto& band : request.age_bands) bands.push_back(band_json(band));
  document["age_bands"] = bands;
  if (request.school_calendar) document["school_calendar"] = to_json(*request.school_calendar);
  Json volunteers = Json::array();
  for (const auto& volunteer : request.volunteers) volunteers.push_back(to_json(volunteer));
  document["volunteers"] = volunteers;
  document["roster_rules"] = to_json(request.roster_rules);
  return document;
}

Json to_json(const Season& season) {
  const SeasonRequest& request = season.request;
  Json meetings = Json::array();
  for (const auto& meeting : season.meetings) {
    Json groups = Json::array();
    for (const auto& group : meeting.groups) {
      groups.push_back({{"min_age", group.band.min_age},
                        {"max_age", group.band.max_age},
                        {"children", group.children},
                        {"adults_needed", group.adults_needed}});
    }
    Json agenda = Json::array();
    int offset = 0;
    const ClockTime start = meeting.start.local_time().time_of_day();
    for (const auto& block : request.agenda) {
      agenda.push_back({{"kind", block.kind},
                        {"start", clock(start + boost::posix_time::minutes(offset))},
                        {"end", clock(start + boost::posix_time::minutes(offset + block.minutes))},
                        {"title_nb", block.title_nb},
                        {"title_en", block.title_en}});
      offset += block.minutes;
    }
    const Shift* shift = season.roster.find_shift(meeting.number);
    meetings.push_back({{"number", meeting.number},
                        {"date", iso_date(meeting.date())},
                        {"start", clock(start)},
                        {"end", clock(meeting.end.local_time().time_of_day())},
                        {"groups", groups},
                        {"agenda", agenda},
                        {"adults_needed", shift ? shift->adults_needed : 0},
                        {"volunteers", shift ? Json(shift->volunteers) : Json::array()}});
  }
  Json skipped = Json::array();
  for (const auto& skip : season.skipped) {
    skipped.push_back({{"date", iso_date(skip.date)},
                       {"rule", skip.reason.rule},
                       {"reason", skip.reason.name}});
  }
  Json shortfall_list = Json::array();
  for (const auto& shortfall : shortfalls(season.roster)) shortfall_list.push_back(to_json(shortfall));
  Json request_json = to_json(request);
  request_json.erase("children_ages");  // DOMAIN X4: the plan shows counts per band, not the list
  return Json{{"title", request.title},
              {"timezone", "Europe/Oslo"},
              {"request", request_json},
              {"meetings", meetings},
              {"skipped", skipped},
              {"roster", to_json(season.roster)},
              {"shortfalls", shortfall_list},
              {"findings", to_json(season.findings)}};
}

std::ostream& operator<<(std::ostream& out, const MeetingPlaceMeeting& meeting) {
  out << "MeetingPlaceMeeting(" << meeting.number << ", " << iso_date(meeting.date()) << ' '
      << clock(meeting.start.local_time().time_of_day()) << '-'
      << clock(meeting.end.local_time().time_of_day()) << ", " << meeting.groups.size() << " group(s))";
  return out;
}

}  // namespace paarorende
