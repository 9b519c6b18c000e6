// A season's programme as JSON, and its plan as JSON, iCalendar, HTML and a workbook
// (io/programme.hpp; docs/programme.md). DOMAIN C1-C12, G9, P1-P3, V4, V5, X3, X5.
#include "paarorende/io/programme.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "detail/html.hpp"
#include "detail/input_error.hpp"
#include "detail/language.hpp"
#include "detail/text.hpp"
#include "io/ical_events.hpp"
#include "io/json_reader.hpp"
#include "io/readers.hpp"
#include "paarorende/format.hpp"
#include "paarorende/io/calendar.hpp"
#include "paarorende/io/group.hpp"

namespace paarorende {
using namespace detail;

namespace {

constexpr auto programme_kind_names =
    enum_names<OfferKind>("parents_course", "fathers_session", "family_week", "meeting_place", "competence_day",
                          "caregiver_school");
constexpr auto programme_form_names =
    enum_names<CaregiverSchoolForm>("conversations", "course", "training", "forum", "cafe");

std::vector<Date> read_dates(ObjectReader& in, const char* key) {
  return read_array<Date>(in, key, read_date);
}

std::vector<std::string> read_ids(ObjectReader& in, const char* key) {
  return read_array<std::string>(in, key, [](const Json& v, const std::string& at) { return read_string(v, at); });
}

DateSpan read_span(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  DateSpan span{in.date("first"), in.date("last")};
  in.finish();
  return span;
}

ProgrammePerson read_person(const Json& value, const std::string& pointer, bool volunteer) {
  ObjectReader in(value, pointer);
  ProgrammePerson person;
  person.id = in.slug("id");
  // DOMAIN X4: volunteers go by a pseudonymous id; presenters give "a face and a name" (C7).
  if (!volunteer) {
    person.name = in.string_or("name", person.id);
    person.role = in.string_or("role", "");
  }
  person.available = read_array<DateSpan>(in, "available", read_span);
  person.unavailable = read_dates(in, "unavailable");
  person.max_sessions_per_week = in.integer_or("max_sessions_per_week", 2, 1, 20);
  if (const Json* cost = in.find("hourly_cost")) person.hourly_cost = read_number(*cost, in.pointer("hourly_cost"), 0, 1e6);
  if (volunteer) person.certificate_valid_until = in.optional_date("certificate_valid_until");
  in.finish();
  return person;
}

ProgrammeVenue read_programme_venue(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  ProgrammeVenue venue;
  venue.id = in.slug("id");
  venue.name = in.string_or("name", venue.id);
  venue.address = in.string_or("address", "");
  venue.capacity = in.integer_or("capacity", 0, 0, 100000);
  venue.taken = read_dates(in, "taken");
  if (const Json* cost = in.find("cost_per_session")) {
    venue.cost_per_session = read_number(*cost, in.pointer("cost_per_session"), 0, 1e7);
  }
  in.finish();
  return venue;
}

ProgrammeSchool read_programme_school(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  ProgrammeSchool school;
  school.id = in.slug("id");
  school.name = in.string_or("name", school.id);
  school.care_closes = in.clock_or("care_closes", school.care_closes);
  school.travel_minutes = in.integer_or("travel_minutes", 0, 0, 240);
  school.care_closed = read_dates(in, "care_closed");
  in.finish();
  return school;
}

ProgrammeCosts read_costs(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  ProgrammeCosts costs;
  auto number = [&](const char* key, double& into) {
    if (const Json* v = in.find(key)) into = read_number(*v, in.pointer(key), 0, 1e6);
  };
  number("catering_per_participant_session", costs.catering_per_participant_session);
  number("staff_hourly", costs.staff_hourly);
  number("volunteer_hourly", costs.volunteer_hourly);
  in.finish();
  return costs;
}

Offer read_offer(const Json& value, const std::string& pointer, const std::filesystem::path& base_dir,
                 Language language) {
  ObjectReader in(value, pointer);
  const OfferKind kind = in.named("kind", programme_kind_names);
  std::optional<CaregiverSchoolForm> form;
  if (kind == OfferKind::caregiver_school) form = in.named("form", programme_form_names);  // DOMAIN P3
  Offer offer = offer_defaults(kind, form, language);
  offer.id = in.slug("id");
  if (const Json* format = in.find("format")) {
    // A parents' course may follow the two-weekly format (C4), or a municipality's variant of a
    // built-in course format; other kinds keep theirs.
    const std::string id = read_string(*format, in.pointer("format"));
    const CourseFormat* found = find_builtin_format(id);
    if (kind != OfferKind::parents_course || found == nullptr || found->kind != FormatKind::course ||
        found->audience != Audience::parents) {
      raise_input_error(in.pointer("format"), "a parents' course follows monthly_parents or biweekly_parents, got " +
                                                  quote_input(id), Rule{"C4"});
    }
    offer.format = found->id;
    offer.cadence_weeks = found->cadence_weeks;
    offer.title = found->name(language);
  }
  offer.title = in.string_or("title", offer.title);
  offer.first_date = in.date("first_date");
  offer.sessions = in.integer_or("sessions", offer.sessions, 0, 1000);
  if (kind == OfferKind::meeting_place && !in.find("sessions")) {
    // DOMAIN V4: the meeting place's format leaves the season's length to the municipality.
    raise_input_error(pointer, "missing required field \"sessions\": a meeting place's season names its meetings",
                      Rule{"V4"});
  }
  offer.cadence_weeks = in.integer_or("cadence_weeks", offer.cadence_weeks, 0, 52);
  offer.session_minutes = in.integer_or("session_minutes", offer.session_minutes, 1, 1440);
  offer.earliest_start = in.clock_or("earliest_start", offer.earliest_start);
  offer.latest_end = in.clock_or("latest_end", offer.latest_end);
  offer.start_step_minutes = in.integer_or("start_step_minutes", offer.start_step_minutes, 1, 60);
  offer.max_move_weeks = in.integer_or("max_move_weeks", offer.max_move_weeks, 0, 52);
  offer.venue = in.slug("venue");
  offer.schools = read_ids(in, "schools");
  offer.presenters = read_ids(in, "presenters");
  offer.presenters_per_session = in.integer_or("presenters_per_session", offer.presenters_per_session, 0, 10);
  offer.volunteers = read_ids(in, "volunteers");
  offer.volunteers_per_session = in.integer_or("volunteers_per_session", offer.volunteers_per_session, 0, 20);
  offer.police_certificate = in.boolean_or("police_certificate", offer.police_certificate);
  offer.participants = in.integer_or("participants", 0, 0, 10000);
  offer.leaders = in.integer_or("leaders", offer.leaders, 0, 20);
  if (const Json* group = in.find("group")) {
    // DOMAIN C3, C8: a parents' course from a formed group (`paarorende groups --plans`): its
    // households' pickups bound the sessions' end, and its participants are the catering's.
    if (kind != OfferKind::parents_course) {
      raise_input_error(in.pointer("group"), "only a parents' course is planned from a group document", Rule{"C8"});
    }
    const GroupDocument document = read_reference(*group, in.pointer("group"), base_dir,
                                                  "a group document's file name or object",
                                                  [](const Json& v, const std::string& at) {
                                                    return under_pointer(at, [&] { return group_from_json(v); });
                                                  },
                                                  nullptr, load_group);
    CourseRequest request = course_request(builtin_format(offer.format));
    request.session_minutes = offer.session_minutes;
    request.care_closes = offer.latest_end;
    request = under_pointer(in.pointer("group"), [&] { return course_for_group(request, document); });
    const LatestEnd end = latest_end(request);
    offer.latest_end = ClockTime(0, std::max(0, end.minute_of_day), 0);
    if (!in.find("participants")) offer.participants = document.group.participants();
    if (offer.title == builtin_format(offer.format).name(language)) offer.title += " (" + document.group.id + ")";
  }
  in.finish();
  return offer;
}

Json dates_json(const std::vector<Date>& dates) {
  Json list = Json::array();
  for (Date date : dates) list.push_back(iso_date(date));
  return list;
}

Json person_json(const ProgrammePerson& person, bool volunteer) {
  Json out{{"id", person.id}};
  if (!volunteer) {
    out["name"] = person.name;
    if (!person.role.empty()) out["role"] = person.role;
  }
  if (!person.available.empty()) {
    Json spans = Json::array();
    for (const auto& span : person.available) spans.push_back({{"first", iso_date(span.first)}, {"last", iso_date(span.last)}});
    out["available"] = spans;
  }
  if (!person.unavailable.empty()) out["unavailable"] = dates_json(person.unavailable);
  out["max_sessions_per_week"] = person.max_sessions_per_week;
  if (person.hourly_cost) out["hourly_cost"] = *person.hourly_cost;
  if (volunteer && person.certificate_valid_until) out["certificate_valid_until"] = iso_date(*person.certificate_valid_until);
  return out;
}

Json reason_json(const ProgrammeReason& reason) {
  Json out{{"kind", reason.kind}, {"rule", reason.rule}, {"message", reason.message}};
  if (!reason.who.empty()) out["who"] = reason.who;
  if (!reason.offers.empty()) out["offers"] = reason.offers;
  return out;
}

Json reasons_json(const std::vector<ProgrammeReason>& reasons) {
  Json list = Json::array();
  for (const auto& reason : reasons) list.push_back(reason_json(reason));
  return list;
}

}  // namespace

Programme programme_from_json(const Json& document, const std::filesystem::path& base_dir) {
  ObjectReader in(document, "");
  Programme programme;
  programme.municipality = in.string_or("municipality", "");
  programme.language = detail::read_plan_language(in);
  if (const Json* school = in.find("school_calendar")) {
    programme.school_calendar = read_reference(*school, in.pointer("school_calendar"), base_dir,
                                               "a file name or a school calendar object", read_school_calendar,
                                               nullptr, load_school_calendar);
  }
  programme.schools = read_array<ProgrammeSchool>(in, "schools", read_programme_school);
  programme.presenters = read_array<ProgrammePerson>(
      in, "presenters", [](const Json& v, const std::string& at) { return read_person(v, at, false); });
  programme.volunteers = read_array<ProgrammePerson>(
      in, "volunteers", [](const Json& v, const std::string& at) { return read_person(v, at, true); });
  programme.venues = read_array<ProgrammeVenue>(in, "venues", read_programme_venue);
  if (const Json* costs = in.find("costs")) programme.costs = read_costs(*costs, in.pointer("costs"));
  in.array("offers");
  programme.offers = read_array<Offer>(in, "offers", [&](const Json& v, const std::string& at) {
    return read_offer(v, at, base_dir, programme.language);
  });
  in.finish();
  check_programme(programme);
  return programme;
}

Programme load_programme(const std::filesystem::path& path, std::optional<Language> language) {
  Json document = load_json_file(path);
  detail::set_plan_language(document, language);
  return in_file(path, [&] { return programme_from_json(document, path.parent_path()); });
}

Json to_json(const Programme& programme) {
  Json out{{"municipality", programme.municipality}};
  if (programme.language != Language::nb) out["language"] = std::string(to_string(programme.language));
  if (programme.school_calendar) out["school_calendar"] = to_json(*programme.school_calendar);
  Json schools = Json::array();
  for (const auto& school : programme.schools) {
    Json s{{"id", school.id}, {"name", school.name}, {"care_closes", clock_time(school.care_closes)},
           {"travel_minutes", school.travel_minutes}};
    if (!school.care_closed.empty()) s["care_closed"] = dates_json(school.care_closed);
    schools.push_back(s);
  }
  out["schools"] = schools;
  Json presenters = Json::array();
  for (const auto& p : programme.presenters) presenters.push_back(person_json(p, false));
  out["presenters"] = presenters;
  Json volunteers = Json::array();
  for (const auto& p : programme.volunteers) volunteers.push_back(person_json(p, true));
  out["volunteers"] = volunteers;
  Json venues = Json::array();
  for (const auto& venue : programme.venues) {
    Json v{{"id", venue.id}, {"name", venue.name}, {"capacity", venue.capacity},
           {"cost_per_session", venue.cost_per_session}};
    if (!venue.address.empty()) v["address"] = venue.address;
    if (!venue.taken.empty()) v["taken"] = dates_json(venue.taken);
    venues.push_back(v);
  }
  out["venues"] = venues;
  out["costs"] = {{"catering_per_participant_session", programme.costs.catering_per_participant_session},
                  {"staff_hourly", programme.costs.staff_hourly},
                  {"volunteer_hourly", programme.costs.volunteer_hourly}};
  Json offers = Json::array();
  for (const auto& offer : programme.offers) {
    Json o{{"id", offer.id}, {"kind", std::string(to_string(offer.kind))}};
    if (offer.form) o["form"] = std::string(to_string(*offer.form));
    if (offer.kind == OfferKind::parents_course) o["format"] = offer.format;
    o["title"] = offer.title;
    o["first_date"] = iso_date(offer.first_date);
    o["sessions"] = offer.sessions;
    o["cadence_weeks"] = offer.cadence_weeks;
    o["session_minutes"] = offer.session_minutes;
    o["earliest_start"] = clock_time(offer.earliest_start);
    o["latest_end"] = clock_time(offer.latest_end);
    o["start_step_minutes"] = offer.start_step_minutes;
    o["max_move_weeks"] = offer.max_move_weeks;
    o["venue"] = offer.venue;
    o["schools"] = offer.schools;
    o["presenters"] = offer.presenters;
    o["presenters_per_session"] = offer.presenters_per_session;
    o["volunteers"] = offer.volunteers;
    o["volunteers_per_session"] = offer.volunteers_per_session;
    o["police_certificate"] = offer.police_certificate;
    o["participants"] = offer.participants;
    o["leaders"] = offer.leaders;
    offers.push_back(o);
  }
  out["offers"] = offers;
  return out;
}

Json to_json(const ProgrammePlan& plan) {
  Json offers = Json::array();
  Json cost_by_offer = Json::object();
  for (const auto& offer : plan.offers) {
    Json sessions = Json::array();
    for (const auto& session : offer.sessions) {
      Json s{{"number", session.number},
             {"date", iso_date(session.date)},
             {"start", clock_time(session.start)},
             {"end", clock_time(session.end)},
             {"venue", session.venue}};
      if (session.presenters.size() == 1) s["presenter"] = session.presenters.front();
      else if (!session.presenters.empty()) s["presenters"] = session.presenters;
      if (!session.volunteers.empty()) s["volunteers"] = session.volunteers;
      if (session.moved_from) s["moved_from"] = iso_date(*session.moved_from);
      sessions.push_back(s);
    }
    const Json cost{{"catering", offer.cost.catering}, {"venue", offer.cost.venue}, {"staff", offer.cost.staff},
                    {"total", offer.cost.total}};
    offers.push_back({{"id", offer.id},
                      {"kind", std::string(to_string(offer.kind))},
                      {"title", offer.title},
                      {"sessions", sessions},
                      {"cost", cost}});
    cost_by_offer[offer.id] = offer.cost.total;
  }
  Json unused = Json::array();
  for (const auto& u : plan.unused_dates) {
    unused.push_back({{"offer", u.offer}, {"session", u.session}, {"date", iso_date(u.date)}, {"reasons", reasons_json(u.reasons)}});
  }
  Json load = Json::array();
  for (const auto& l : plan.load) {
    load.push_back({{"id", l.id},
                    {"kind", l.kind},
                    {"sessions", l.sessions},
                    {"hours", l.hours},
                    {"busiest_week", l.busiest_week},
                    {"max_sessions_per_week", l.max_sessions_per_week},
                    {"offers", l.offers}});
  }
  Json out{{"municipality", plan.programme.municipality},
           {"feasible", plan.feasible()},
           {"objective",
            {{"dropped_sessions", plan.objective.dropped_sessions},
             {"dropped_offers", plan.objective.dropped_offers},
             {"moved_sessions", plan.objective.moved_sessions},
             {"minutes_before_latest_start", plan.objective.minutes_before_latest_start}}},
           {"offers", offers},
           {"unused_dates", unused},
           {"load", load},
           {"cost", {{"total", plan.total_cost}, {"offers", cost_by_offer}}}};
  if (!plan.dropped.empty()) {
    Json dropped = Json::array();
    for (const auto& d : plan.dropped) {
      dropped.push_back({{"offer", d.offer},
                         {"session", d.session},
                         {"date", iso_date(d.date)},
                         {"rules", d.rules},
                         {"offers", d.offers},
                         {"reasons", reasons_json(d.reasons)}});
    }
    out["dropped"] = dropped;
  }
  return out;
}

// --- Texts for people: one table per language -------------------------------------------------

namespace {

struct ProgrammeWords {
  const char* title;
  const char* season;
  const char* offers;
  const char* session;
  const char* date;
  const char* time;
  const char* venue;
  const char* presenters;
  const char* volunteers;
  const char* moved_from;
  const char* load;
  const char* person;
  const char* role;
  const char* sessions;
  const char* hours;
  const char* busiest_week;
  const char* weekly_limit;
  const char* costs;
  const char* offer;
  const char* catering;
  const char* staff;
  const char* total;
  const char* unused;
  const char* why;
  const char* dropped;
  const char* week;
  const char* presenter_kind;
  const char* volunteer_kind;
  const char* reason_closed;
  const char* reason_care;
  const char* reason_venue;
  const char* reason_busy;
  const char* reason_unavailable;
  const char* reason_limit;
  const char* reason_certificate;
  const char* reason_order;
  const char* reason_choice;
  const char* sheet_sessions;
  const char* sheet_unused;
  const char* sheet_load;
  const char* sheet_costs;
};

const ProgrammeWords programme_nb{
    "Sesongprogram", "Sesongen uke for uke", "Tilbudene", "Samling", "Dato", "Tid", "Sted", "Innledere",
    "Frivillige", "Flyttet fra", "Belastning", "Person", "Rolle", "Samlinger", "Timer", "Travleste uke",
    "Grense per uke", "Kostnader", "Tilbud", "Bevertning", "Lønn", "Sum", "Datoer som ikke ble brukt", "Hvorfor",
    "Samlinger som må utgå", "Uke", "innleder", "frivillig", "stengt dag", "SFO er stengt", "lokalet er opptatt",
    "opptatt med et annet tilbud", "ikke tilgjengelig", "har nådd grensen for uken", "mangler gyldig politiattest",
    "samlingene må komme i rekkefølge", "ledig, men brukt for å holde andre samlinger på sine datoer",
    "Samlinger", "Ubrukte datoer", "Belastning", "Kostnader"};

const ProgrammeWords programme_nn{
    "Sesongprogram", "Sesongen veke for veke", "Tilboda", "Samling", "Dato", "Tid", "Stad", "Innleiarar",
    "Frivillige", "Flytta frå", "Belastning", "Person", "Rolle", "Samlingar", "Timar", "Travlaste veke",
    "Grense per veke", "Kostnader", "Tilbod", "Servering", "Løn", "Sum", "Datoar som ikkje vart brukte", "Kvifor",
    "Samlingar som må gå ut", "Veke", "innleiar", "frivillig", "stengd dag", "SFO er stengd", "lokalet er oppteke",
    "oppteken med eit anna tilbod", "ikkje tilgjengeleg", "har nådd grensa for veka", "manglar gyldig politiattest",
    "samlingane må kome i rekkjefølgje", "ledig, men brukt for å halde andre samlingar på sine datoar",
    "Samlingar", "Ubrukte datoar", "Belastning", "Kostnader"};

const ProgrammeWords programme_en{
    "Season programme", "The season week by week", "The offers", "Session", "Date", "Time", "Venue", "Presenters",
    "Volunteers", "Moved from", "Load", "Person", "Role", "Sessions", "Hours", "Busiest week", "Weekly limit",
    "Costs", "Offer", "Catering", "Staff", "Total", "Dates not used", "Why", "Sessions that must be dropped",
    "Week", "presenter", "volunteer", "closed day", "after-school care closed", "venue taken",
    "busy with another offer", "not available", "has reached the week's limit", "has no valid police certificate",
    "the sessions must keep their order", "free, but used to keep other sessions on their dates",
    "Sessions", "Unused dates", "Load", "Costs"};

const ProgrammeWords& programme_words(Language language) {
  return in_language(language, programme_nb, programme_nn, programme_en);
}


std::string money(double value, Language language) {
  char text[64];
  std::snprintf(text, sizeof text, "%.2f", value);
  std::string out = text;
  if (language != Language::en) std::replace(out.begin(), out.end(), '.', ',');
  return out;
}

// A reason in words for people: the kind's phrase, the person or venue, the offers in the way.
std::string reason_text(const ProgrammeReason& reason, const ProgrammeWords& w) {
  std::string phrase;
  if (reason.kind == "closed") phrase = std::string(w.reason_closed) + ": " + reason.message;
  else if (reason.kind == "care_closed") phrase = std::string(w.reason_care) + " (" + reason.who + ")";
  else if (reason.kind == "venue_taken" || reason.kind == "venue_busy") phrase = std::string(w.reason_venue) + " (" + reason.who + ")";
  else if (reason.kind.ends_with("_busy")) phrase = reason.who + " " + w.reason_busy;
  else if (reason.kind.ends_with("_unavailable")) phrase = reason.who + " " + w.reason_unavailable;
  else if (reason.kind.ends_with("_weekly_limit")) phrase = reason.who + " " + w.reason_limit;
  else if (reason.kind == "volunteer_certificate") phrase = reason.who + " " + w.reason_certificate;
  else if (reason.kind == "order") phrase = w.reason_order;
  else phrase = w.reason_choice;
  if (!reason.offers.empty()) {
    std::string offers;
    for (const auto& id : reason.offers) offers += (offers.empty() ? "" : ", ") + id;
    phrase += " [" + offers + "]";
  }
  return phrase;
}

}  // namespace

std::map<std::string, std::string> programme_calendars(const ProgrammePlan& plan, const IcalOptions& options,
                                                       Language language) {
  // One key for every file: a session's UID is the same in its offer's, presenter's and venue's
  // calendar, and the same after re-planning, so calendar programs update it in place.
  const std::string key = "programme-" + plan.programme.municipality;
  std::map<std::string, std::vector<detail::IcalEvent>> files;
  std::map<std::string, std::string> names;
  for (std::size_t o = 0; o < plan.offers.size(); ++o) {
    const auto& offer = plan.offers[o];
    for (const auto& session : offer.sessions) {
      detail::IcalEvent event{"offer-" + offer.id + "-session-" + std::to_string(session.number),
                              oslo_time(session.date, session.start), oslo_time(session.date, session.end), {}, {}, {}};
      event.summary = offer.title + " (" + std::to_string(session.number) + ")";
      for (const auto& venue : plan.programme.venues) {
        if (venue.id == session.venue) event.location = venue.address.empty() ? venue.name : venue.name + ", " + venue.address;
      }
      std::string staff;
      for (const auto& id : session.presenters) staff += (staff.empty() ? "" : ", ") + id;
      for (const auto& id : session.volunteers) staff += (staff.empty() ? "" : ", ") + id;
      event.description = staff;
      files["offer-" + offer.id + ".ics"].push_back(event);
      names["offer-" + offer.id + ".ics"] = offer.title;
      for (const auto& id : session.presenters) {
        files["presenter-" + id + ".ics"].push_back(event);
        names["presenter-" + id + ".ics"] = id;
      }
      files["venue-" + session.venue + ".ics"].push_back(event);
      names["venue-" + session.venue + ".ics"] = session.venue;
    }
  }
  std::map<std::string, std::string> out;
  for (auto& [file, events] : files) {
    std::stable_sort(events.begin(), events.end(), [](const auto& a, const auto& b) { return a.start.utc_time() < b.start.utc_time(); });
    out[file] = detail::ical_calendar(names[file], key, events, options, language);
  }
  return out;
}

namespace {

// A venue as people know it: its name, or its id when it has none.
std::string venue_name(const ProgrammePlan& plan, const std::string& id) {
  for (const auto& venue : plan.programme.venues) {
    if (venue.id == id && !venue.name.empty()) return venue.name;
  }
  return id;
}

}  // namespace

std::string programme_html(const ProgrammePlan& plan, Language language) {
  const ProgrammeWords& w = programme_words(language);
  const char* lang = language == Language::nn ? "nn" : language == Language::en ? "en" : "nb";
  std::string out = std::string("<!DOCTYPE html>\n<html lang=\"") + lang + "\">\n<head><meta charset=\"utf-8\"><title>" +
                    w.title + " " + detail::html_escape(plan.programme.municipality) +
                    "</title>\n<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;margin:0.5em 0 1.5em}"
                    "td,th{border:1px solid #999;padding:0.2em 0.5em;vertical-align:top;font-size:0.9em}"
                    "th{background:#eee}.moved{color:#a40}@media print{section{page-break-inside:avoid}}</style></head>\n<body>\n";
  out += std::string("<h1>") + w.title + " " + detail::html_escape(plan.programme.municipality) + "</h1>\n";
  // The calendar grid: one row per week, one column per weekday, each session in its cell.
  struct Cell {
    Date date;
    std::string text;
  };
  std::vector<Cell> cells;
  for (const auto& offer : plan.offers) {
    for (const auto& s : offer.sessions) {
      cells.push_back({s.date, clock_time(s.start) + " " + detail::html_escape(offer.title) + " (" + std::to_string(s.number) + ")"});
    }
  }
  std::sort(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) { return a.date < b.date; });
  out += std::string("<section><h2>") + w.season + "</h2>\n<table><tr><th>" + w.week + "</th>";
  const char* days_nb[] = {"man", "tir", "ons", "tor", "fre", "lør", "søn"};
  const char* days_nn[] = {"mån", "tys", "ons", "tor", "fre", "lau", "sun"};
  const char* days_en[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  const char** days = language == Language::nn ? days_nn : language == Language::en ? days_en : days_nb;
  for (int d = 0; d < 7; ++d) out += std::string("<th>") + days[d] + "</th>";
  out += "</tr>\n";
  if (!cells.empty()) {
    Date monday = cells.front().date - boost::gregorian::days((cells.front().date.day_of_week().as_number() + 6) % 7);
    std::size_t next = 0;
    for (; monday <= cells.back().date; monday += boost::gregorian::days(7)) {
      out += "<tr><td>" + std::to_string(monday.week_number()) + " (" + iso_date(monday) + ")</td>";
      for (int d = 0; d < 7; ++d) {
        const Date day = monday + boost::gregorian::days(d);
        out += "<td>";
        bool first = true;
        while (next < cells.size() && cells[next].date == day) {
          out += (first ? "" : "<br>") + cells[next++].text;
          first = false;
        }
        out += "</td>";
      }
      out += "</tr>\n";
    }
  }
  out += "</table></section>\n";
  out += std::string("<section><h2>") + w.offers + "</h2>\n";
  for (const auto& offer : plan.offers) {
    out += "<h3>" + detail::html_escape(offer.title) + "</h3>\n<table><tr><th>" + w.session + "</th><th>" + w.date +
           "</th><th>" + w.time + "</th><th>" + w.venue + "</th><th>" + w.presenters + "</th><th>" + w.volunteers +
           "</th><th>" + w.moved_from + "</th></tr>\n";
    for (const auto& s : offer.sessions) {
      std::string presenters, volunteers;
      for (const auto& id : s.presenters) presenters += (presenters.empty() ? "" : ", ") + id;
      for (const auto& id : s.volunteers) volunteers += (volunteers.empty() ? "" : ", ") + id;
      out += "<tr><td>" + std::to_string(s.number) + "</td><td>" + iso_date(s.date) + "</td><td>" + clock_time(s.start) +
             "-" + clock_time(s.end) + "</td><td>" + detail::html_escape(venue_name(plan, s.venue)) + "</td><td>" + detail::html_escape(presenters) +
             "</td><td>" + detail::html_escape(volunteers) + "</td><td class=\"moved\">" +
             (s.moved_from ? iso_date(*s.moved_from) : std::string()) + "</td></tr>\n";
    }
    out += "</table>\n";
  }
  out += "</section>\n";
  if (!plan.unused_dates.empty()) {
    out += std::string("<section><h2>") + w.unused + "</h2>\n<table><tr><th>" + w.offer + "</th><th>" + w.session +
           "</th><th>" + w.date + "</th><th>" + w.why + "</th></tr>\n";
    for (const auto& u : plan.unused_dates) {
      std::string why;
      for (const auto& r : u.reasons) why += (why.empty() ? "" : "; ") + reason_text(r, w);
      out += "<tr><td>" + detail::html_escape(u.offer) + "</td><td>" + std::to_string(u.session) + "</td><td>" +
             iso_date(u.date) + "</td><td>" + detail::html_escape(why) + "</td></tr>\n";
    }
    out += "</table></section>\n";
  }
  if (!plan.dropped.empty()) {
    out += std::string("<section><h2>") + w.dropped + "</h2>\n<ul>\n";
    for (const auto& d : plan.dropped) {
      out += "<li>" + detail::html_escape(d.offer) + ", " + w.session + " " + std::to_string(d.session) + " (" +
             iso_date(d.date) + ")</li>\n";
    }
    out += "</ul></section>\n";
  }
  out += std::string("<section><h2>") + w.load + "</h2>\n<table><tr><th>" + w.person + "</th><th>" + w.role + "</th><th>" +
         w.sessions + "</th><th>" + w.hours + "</th><th>" + w.busiest_week + "</th><th>" + w.weekly_limit + "</th></tr>\n";
  for (const auto& l : plan.load) {
    out += "<tr><td>" + detail::html_escape(l.id) + "</td><td>" + (l.kind == "presenter" ? w.presenter_kind : w.volunteer_kind) +
           "</td><td>" + std::to_string(l.sessions) + "</td><td>" + money(l.hours, language) + "</td><td>" +
           std::to_string(l.busiest_week) + "</td><td>" + std::to_string(l.max_sessions_per_week) + "</td></tr>\n";
  }
  out += "</table></section>\n";
  out += std::string("<section><h2>") + w.costs + "</h2>\n<table><tr><th>" + w.offer + "</th><th>" + w.catering +
         "</th><th>" + w.venue + "</th><th>" + w.staff + "</th><th>" + w.total + "</th></tr>\n";
  for (const auto& offer : plan.offers) {
    out += "<tr><td>" + detail::html_escape(offer.title) + "</td><td>" + money(offer.cost.catering, language) + "</td><td>" +
           money(offer.cost.venue, language) + "</td><td>" + money(offer.cost.staff, language) + "</td><td>" +
           money(offer.cost.total, language) + "</td></tr>\n";
  }
  out += std::string("<tr><th>") + w.total + "</th><td></td><td></td><td></td><th>" + money(plan.total_cost, language) +
         "</th></tr>\n</table></section>\n</body>\n</html>\n";
  return out;
}

Workbook programme_workbook(const ProgrammePlan& plan, Language language) {
  const ProgrammeWords& w = programme_words(language);
  WorkbookSheet sessions{w.sheet_sessions, {w.offer, w.session, w.date, w.time, w.venue, w.presenters, w.volunteers, w.moved_from}, {}, {}, 0, {24, 9, 12, 12, 16, 20, 20, 12}};
  for (const auto& offer : plan.offers) {
    for (const auto& s : offer.sessions) {
      std::string presenters, volunteers;
      for (const auto& id : s.presenters) presenters += (presenters.empty() ? "" : ", ") + id;
      for (const auto& id : s.volunteers) volunteers += (volunteers.empty() ? "" : ", ") + id;
      sessions.rows.push_back({WorkbookCell::of(offer.id), WorkbookCell::of(static_cast<double>(s.number)),
                               WorkbookCell::of(s.date), WorkbookCell::of(clock_time(s.start) + "-" + clock_time(s.end)),
                               WorkbookCell::of(venue_name(plan, s.venue)), WorkbookCell::of(presenters), WorkbookCell::of(volunteers),
                               s.moved_from ? WorkbookCell::of(*s.moved_from) : WorkbookCell{}});
    }
  }
  WorkbookSheet unused{w.sheet_unused, {w.offer, w.session, w.date, w.why}, {}, {}, 0, {24, 9, 12, 60}};
  for (const auto& u : plan.unused_dates) {
    std::string why;
    for (const auto& r : u.reasons) why += (why.empty() ? "" : "; ") + reason_text(r, w);
    unused.rows.push_back({WorkbookCell::of(u.offer), WorkbookCell::of(static_cast<double>(u.session)),
                           WorkbookCell::of(u.date), WorkbookCell::of(why)});
  }
  WorkbookSheet load{w.sheet_load, {w.person, w.role, w.sessions, w.hours, w.busiest_week, w.weekly_limit}, {}, {}, 0, {16, 12, 10, 10, 12, 12}};
  for (const auto& l : plan.load) {
    load.rows.push_back({WorkbookCell::of(l.id), WorkbookCell::of(std::string(l.kind == "presenter" ? w.presenter_kind : w.volunteer_kind)),
                         WorkbookCell::of(static_cast<double>(l.sessions)), WorkbookCell::of(l.hours),
                         WorkbookCell::of(static_cast<double>(l.busiest_week)),
                         WorkbookCell::of(static_cast<double>(l.max_sessions_per_week))});
  }
  WorkbookSheet costs{w.sheet_costs, {w.offer, w.catering, w.venue, w.staff, w.total}, {}, {}, 0, {24, 12, 12, 12, 12}};
  for (const auto& offer : plan.offers) {
    costs.rows.push_back({WorkbookCell::of(offer.id), WorkbookCell::of(offer.cost.catering), WorkbookCell::of(offer.cost.venue),
                          WorkbookCell::of(offer.cost.staff), WorkbookCell::of(offer.cost.total)});
  }
  costs.rows.push_back({WorkbookCell::of(std::string(w.total)), WorkbookCell{}, WorkbookCell{}, WorkbookCell{},
                        WorkbookCell::of(plan.total_cost)});
  Workbook workbook;
  workbook.title = std::string("paarorende programme: ") + plan.programme.municipality;
  workbook.sheets = {std::move(sessions), std::move(unused), std::move(load), std::move(costs)};
  return workbook;
}

}  // namespace paarorende
