// Family-week requests and plans as JSON and iCalendar (io/family_week.hpp; DOMAIN P2).
#include "paarorende/io/family_week.hpp"

#include "io/readers.hpp"
#include "detail/plan_texts.hpp"
#include "io/ical_events.hpp"
#include "paarorende/io/format.hpp"
#include "paarorende/io/topic.hpp"
#include "paarorende/io/violation.hpp"

namespace paarorende {
using namespace detail;

namespace {

using boost::gregorian::days;

using boost::posix_time::minutes;

using detail::minutes_of_day;

}  // namespace

std::string to_ical(const FamilyWeekPlan& plan, const IcalOptions& options) {
  const Language language = plan.request.language;
  const detail::PlanTexts& texts = detail::plan_texts(language);
  std::vector<detail::IcalEvent> events;
  std::string location = plan.request.venue.name;
  if (!plan.request.venue.address.empty()) {
    location += (location.empty() ? "" : ", ") + plan.request.venue.address;
  }
  for (const auto& day : plan.days) {
    for (const auto& b : day.blocks) {
      std::string key = "day-";
      key += std::to_string(day.number);
      key += '-';
      key += to_string(b.kind);
      std::string summary = plan.request.title;
      summary += texts.day_number;
      summary += std::to_string(day.number);
      summary += ": ";
      summary += detail::text_in(b.title(language), language,
                                 "day " + std::to_string(day.number) + "'s block " + detail::quote_input(b.title_nb));
      events.push_back({key, b.start, b.end, summary, location,
                        b.audience() == Audience::children ? texts.for_children : texts.for_parents});
    }
  }
  return detail::ical_calendar(plan.request.title,
                               plan.request.title + '\n' + plan.request.organiser + '\n' +
                                   iso_date(plan.request.start_date),
                               events, options, language);
}

FamilyWeekRequest family_week_request_from_json(const Json& document) {
  ObjectReader in(document, "");
  const Json* reference = in.find("format");
  const CourseFormat format = reference ? format_from_reference(*reference, "/format")
                                        : builtin_format("family_week");
  const Date start_date = in.date("start_date");
  FamilyWeekRequest request = family_week_request(format, start_date);
  request.language = detail::read_plan_language(in);
  request.title = detail::read_plan_title(in, format, request.language);
  request.organiser = in.string_or("organiser", "");
  if (const Json* diagnosis = in.find("diagnosis")) {
    request.diagnosis = detail::read_string(*diagnosis, "/diagnosis");
  }
  request.days = in.integer_or("days", request.days, 1, 10);
  if (in.find("themes")) {
    request.themes = detail::read_array<std::string>(in, "themes", [](const Json& v, const std::string& at) {
      return detail::read_string(v, at);
    });
  }
  request.day_start = in.clock_or("day_start", request.day_start);
  request.half_day_minutes = in.integer_or("half_day_minutes", request.half_day_minutes, 30, 300);
  request.lunch_minutes = in.integer_or("lunch_minutes", request.lunch_minutes, 0, 120);
  request.evening_start = in.clock_or("evening_start", request.evening_start);
  request.evening_minutes = in.integer_or("evening_minutes", request.evening_minutes, 30, 240);
  request.teaching_first_morning = in.boolean_or("teaching_first_morning", request.teaching_first_morning);
  request.min_age = in.integer_or("min_age", request.min_age, 0, 25);
  request.max_age = in.integer_or("max_age", request.max_age, 0, 25);
  request.children_ages = detail::read_array<int>(in, "children_ages", [](const Json& v, const std::string& at) {
    return static_cast<int>(detail::read_integer(v, at, 0, 25));
  });
  if (const Json* venue = in.find("venue")) {
    ObjectReader v(*venue, "/venue");
    request.venue = Venue{v.string("name"), v.string_or("address", "")};
    v.finish();
  }
  if (const Json* catalogue = in.find("catalogue")) {
    detail::under_pointer("/catalogue", [&] { request.catalogue = catalogue_from_json(*catalogue); });
  }
  in.finish();
  check_family_week_request(request);
  return request;
}

FamilyWeekRequest load_family_week_request(const std::filesystem::path& path,
                                           std::optional<Language> language) {
  return detail::read_document_file(path, [&](Json document) {
    detail::set_plan_language(document, language);
    return family_week_request_from_json(document);
  });
}

Json to_json(const FamilyWeekRequest& request) {
  Json document{{"title", request.title}};
  if (request.language != Language::nb) document["language"] = std::string(to_string(request.language));
  if (!request.organiser.empty()) document["organiser"] = request.organiser;
  if (find_builtin_format(request.format) != nullptr) document["format"] = request.format;
  if (request.diagnosis) document["diagnosis"] = *request.diagnosis;
  document["start_date"] = iso_date(request.start_date);
  document["days"] = request.days;
  document["themes"] = request.themes;
  document["day_start"] = clock_time(request.day_start);
  document["half_day_minutes"] = request.half_day_minutes;
  document["lunch_minutes"] = request.lunch_minutes;
  document["evening_start"] = clock_time(request.evening_start);
  document["evening_minutes"] = request.evening_minutes;
  document["teaching_first_morning"] = request.teaching_first_morning;
  document["min_age"] = request.min_age;
  document["max_age"] = request.max_age;
  document["children_ages"] = request.children_ages;
  document["venue"] = {{"name", request.venue.name}};
  if (!request.venue.address.empty()) document["venue"]["address"] = request.venue.address;
  if (request.catalogue) document["catalogue"] = to_json(*request.catalogue);
  return document;
}

Json to_json(const FamilyWeekPlan& plan) {
  Json days_json = Json::array();
  for (const auto& day : plan.days) {
    Json blocks = Json::array();
    for (const auto& b : day.blocks) {
      Json entry{{"kind", std::string(to_string(b.kind))},
                 {"audience", std::string(to_string(b.audience()))},
                 {"start", clock_time(b.start.local_time().time_of_day())},
                 {"end", clock_time(b.end.local_time().time_of_day())},
                 {"title_nb", b.title_nb},
                 {"title_en", b.title_en},
                 {"title_nn", b.title_nn}};
      if (b.theme) entry["theme"] = *b.theme;
      blocks.push_back(entry);
    }
    days_json.push_back({{"number", day.number}, {"date", iso_date(day.date)}, {"blocks", blocks}});
  }
  Json request = to_json(plan.request);
  request.erase("children_ages");  // DOMAIN X4: the plan needs no list of children
  return Json{{"title", plan.request.title},
              {"timezone", "Europe/Oslo"},
              {"request", request},
              {"days", days_json},
              {"findings", to_json(plan.findings)}};
}

}  // namespace paarorende
