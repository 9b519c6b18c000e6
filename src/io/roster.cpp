// Volunteer rosters as JSON (io/roster.hpp; DOMAIN X5).
#include "paarorende/io/roster.hpp"
#include "detail/input_error.hpp"

#include "io/fields.hpp"
#include "io/readers.hpp"

namespace paarorende {
using namespace detail;

namespace {

Shift read_shift(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  Shift shift;
  shift.meeting = in.integer("meeting", 1, 1000);
  shift.date = in.date("date");
  shift.children = in.integer_or("children", 0, 0, 10000);
  shift.adults_needed = in.integer("adults_needed", 0, 1000);
  shift.volunteers = detail::read_array<std::string>(in, "volunteers", [](const Json& v, const std::string& at) {
    return detail::read_string(v, at);
  });
  in.finish();
  return shift;
}

}  // namespace

Volunteer volunteer_from_json(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  Volunteer volunteer;
  volunteer.id = in.slug("id");  // DOMAIN X4: a pseudonym
  volunteer.municipality = in.string_or("municipality", "");
  volunteer.certificate_valid_until = in.optional_date("certificate_valid_until");
  volunteer.unavailable = detail::read_array<Date>(in, "unavailable", detail::read_date);
  if (in.find("max_meetings")) volunteer.max_meetings = in.integer("max_meetings", 0, 1000);
  in.finish();
  return volunteer;
}

RosterRules roster_rules_from_json(const Json& value, const std::string& pointer,
                                   const RosterRules& base) {
  const RosterRules rules = read_fields(value, pointer, base);  // roster.hpp's table
  require_two_adults(rules.min_adults, pointer + "/min_adults", "a meeting for children");
  return rules;
}

Roster roster_from_json(const Json& document) {
  ObjectReader in(document, "");
  Roster roster;
  if (const Json* rules = in.find("rules")) roster.rules = roster_rules_from_json(*rules, "/rules");
  roster.volunteers = detail::read_array<Volunteer>(in, "volunteers", volunteer_from_json);
  roster.shifts = detail::read_array<Shift>(in, "shifts", read_shift);
  in.finish();
  check_roster(roster);
  return roster;
}

Roster load_roster(const std::filesystem::path& path) {
  return detail::read_document_file(path, [](const Json& document) { return roster_from_json(document); });
}

Json to_json(const Volunteer& volunteer) {
  Json document{{"id", volunteer.id}};
  if (!volunteer.municipality.empty()) document["municipality"] = volunteer.municipality;
  if (volunteer.certificate_valid_until) {
    document["certificate_valid_until"] = iso_date(*volunteer.certificate_valid_until);
  }
  Json dates = Json::array();
  for (const auto& date : volunteer.unavailable) dates.push_back(iso_date(date));
  document["unavailable"] = dates;
  if (volunteer.max_meetings) document["max_meetings"] = *volunteer.max_meetings;
  return document;
}

Json to_json(const RosterRules& rules) {
  return write_fields(rules);
}

Json to_json(const Shortfall& shortfall) {
  return Json{{"meeting", shortfall.meeting},   {"date", iso_date(shortfall.date)},
              {"needed", shortfall.needed},     {"rostered", shortfall.rostered},
              {"missing", shortfall.missing()}, {"reason", shortfall.reason}};
}

Json to_json(const Roster& roster) {
  Json volunteers = Json::array();
  for (const auto& volunteer : roster.volunteers) volunteers.push_back(to_json(volunteer));
  Json shifts = Json::array();
  for (const auto& shift : roster.shifts) {
    shifts.push_back({{"meeting", shift.meeting},
                      {"date", iso_date(shift.date)},
                      {"children", shift.children},
                      {"adults_needed", shift.adults_needed},
                      {"volunteers", shift.volunteers}});
  }
  return Json{{"rules", to_json(roster.rules)}, {"volunteers", volunteers}, {"shifts", shifts}};
}

}  // namespace paarorende
