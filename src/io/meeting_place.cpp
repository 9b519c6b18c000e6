// Meeting-place seasons as JSON and iCalendar (io/meeting_place.hpp; DOMAIN V4).
#include "paarorende/io/meeting_place.hpp"
#include "detail/input_error.hpp"

#include "io/readers.hpp"
#include "detail/plan_texts.hpp"
#include "io/ical_events.hpp"
#include "paarorende/io/calendar.hpp"
#include "paarorende/io/format.hpp"
#include "paarorende/io/region.hpp"
#include "paarorende/io/treffpunkt.hpp"

namespace paarorende {
using namespace detail;

namespace {

using boost::gregorian::days;

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

std::string to_ical(const Season& season, const IcalOptions& options) {
  const SeasonRequest& request = season.request;
  const Language language = request.language;
  const detail::PlanTexts& texts = detail::plan_texts(language);
  std::vector<detail::IcalEvent> events;
  std::string location = request.venue.name;
  if (!request.venue.address.empty()) location += (location.empty() ? "" : ", ") + request.venue.address;
  for (const auto& meeting : season.meetings) {
    const Shift* shift = season.roster.find_shift(meeting.number);
    std::string description;
    for (const auto& group : meeting.groups) {
      description += std::to_string(group.band.min_age) + "-" + std::to_string(group.band.max_age) +
                     texts.years + std::to_string(group.children) + texts.children +
                     std::to_string(group.adults_needed) + texts.adults + "\n";
    }
    int offset = 0;
    for (const auto& block : request.agenda) {
      const ClockTime start = meeting.start.local_time().time_of_day();
      description += clock_time(start + boost::posix_time::minutes(offset)) + "-" +
                     clock_time(start + boost::posix_time::minutes(offset + block.minutes)) + " " +
                     detail::text_in(block.title(language), language,
                                     "the agenda block " + detail::quote_input(block.kind)) +
                     "\n";
      offset += block.minutes;
    }
    if (shift != nullptr) {
      description += texts.volunteers + std::to_string(shift->volunteers.size()) + texts.of +
                     std::to_string(shift->adults_needed);
    }
    events.push_back({std::to_string(meeting.number), meeting.start, meeting.end,
                      request.title + texts.meeting_number + std::to_string(meeting.number) + texts.of +
                          std::to_string(season.meetings.size()),
                      location, description});
  }
  return detail::ical_calendar(request.title,
                               request.title + '\n' + request.municipality + '\n' + request.region +
                                   '\n' + iso_date(request.first_date),
                               events, options, language);
}

SeasonRequest season_request_from_json(const Json& document, const std::filesystem::path& base_dir) {
  ObjectReader in(document, "");
  // The format's defaults first (V4 by default), for the year of the first date or "year".
  const Json* reference = in.find("format");
  const CourseFormat format = reference ? format_from_reference(*reference, "/format", base_dir)
                                        : builtin_format("meeting_place");
  const std::optional<Date> first_date = in.optional_date("first_date");
  const Json* year_field = in.find("year");
  if (!first_date && year_field == nullptr) detail::raise_input_error("/first_date", "give first_date or year");
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
  request.language = detail::read_plan_language(in);
  request.title = detail::read_plan_title(in, format, request.language);
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
  const bool ages_given = in.find("children_ages") != nullptr;
  if (ages_given) {
    request.children_ages = detail::read_array<int>(in, "children_ages", [](const Json& v, const std::string& at) {
      return static_cast<int>(detail::read_integer(v, at, 0, 25));
    });
  }
  // The counts from the coordinator's enrolments (treffpunkt.hpp): their ages only (DOMAIN X4).
  if (const Json* enrolments = in.find("enrolments")) {
    if (ages_given) detail::raise_input_error("/enrolments", "give children_ages or enrolments, not both", detail::Rule{"V4"});
    request.children_ages = enrolled_ages(enrolments_from_reference(*enrolments, "/enrolments", base_dir));
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
      detail::under_pointer("/school_calendar", [&] { request.school_calendar = school_calendar_from_json(*school); });
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
  check_season_request(request);
  return request;
}

SeasonRequest load_season_request(const std::filesystem::path& path, std::optional<Language> language) {
  return detail::read_document_file(path, [&](Json document) {
    detail::set_plan_language(document, language);
    return season_request_from_json(document, path.parent_path());
  });
}

Json to_json(const SeasonRequest& request) {
  Json document{{"title", request.title}};
  if (request.language != Language::nb) document["language"] = std::string(to_string(request.language));
  if (!request.municipality.empty()) document["municipality"] = request.municipality;
  if (!request.region.empty()) document["region"] = request.region;
  if (find_builtin_format(request.format) != nullptr) document["format"] = request.format;
  document["first_date"] = iso_date(request.first_date);
  document["last_date"] = iso_date(request.last_date);
  document["cadence_weeks"] = request.cadence_weeks;
  document["start"] = clock_time(request.start);
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
                        {"start", clock_time(start + boost::posix_time::minutes(offset))},
                        {"end", clock_time(start + boost::posix_time::minutes(offset + block.minutes))},
                        {"title_nb", block.title_nb},
                        {"title_en", block.title_en},
                        {"title_nn", block.title_nn}});
      offset += block.minutes;
    }
    const Shift* shift = season.roster.find_shift(meeting.number);
    meetings.push_back({{"number", meeting.number},
                        {"date", iso_date(meeting.date())},
                        {"start", clock_time(start)},
                        {"end", clock_time(meeting.end.local_time().time_of_day())},
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

}  // namespace paarorende
