// JSON forms of the waitlist document and the formation result (docs/formation.md, schemas
// docs/schemas/waitlist.schema.json and groups.schema.json). Households are read by the same
// reader as a group document's.
#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include "io/fields.hpp"
#include "io/json_reader.hpp"
#include "io/readers.hpp"
#include "detail/input_error.hpp"
#include "paarorende/error.hpp"
#include "paarorende/io/formation.hpp"
#include "paarorende/io/region.hpp"
#include "paarorende/io/registry.hpp"
#include "paarorende/io/table_rows.hpp"
#include "detail/file.hpp"
#include "paarorende/limits.hpp"

namespace paarorende {
namespace {

using detail::ObjectReader;

// The waitlist's lists are bounded by limits.hpp: max_waitlist_households households (and places,
// pins, locks), max_travel_times entries of a travel-time table.
constexpr std::size_t max_households = max_waitlist_households;

std::string item(const std::string& pointer, std::size_t index) {
  std::string where = pointer;
  where += "/";
  where += std::to_string(index);
  return where;
}

using detail::read_number;

const Json& array_at(const Json& value, const std::string& pointer, std::size_t limit) {
  if (!value.is_array()) detail::wrong_type(value, pointer, "an array");
  detail::check_limit(value.size(), limit, "entries", pointer);
  return value;
}

std::vector<std::string> id_list(const Json& value, const std::string& pointer) {
  std::vector<std::string> ids;
  const Json& array = array_at(value, pointer, max_households);
  for (std::size_t i = 0; i < array.size(); ++i) ids.push_back(detail::read_string(array[i], item(pointer, i)));
  return ids;
}

}  // namespace

Place detail::read_place(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  Place place;
  place.id = in.string("id");
  place.municipality = in.string_or("municipality", "");
  place.latitude = read_number(in.required("latitude"), in.pointer("latitude"), -90, 90);
  place.longitude = read_number(in.required("longitude"), in.pointer("longitude"), -180, 180);
  place.venue = in.boolean_or("venue", true);
  in.finish();
  return place;
}

TravelTime detail::read_travel_time(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  TravelTime travel;
  travel.from = in.string("from");
  travel.to = in.string("to");
  travel.minutes = read_number(in.required("minutes"), in.pointer("minutes"), 0, 1440);
  in.finish();
  return travel;
}

Json detail::to_json(const Place& place) {
  Json entry{{"id", place.id}};
  if (!place.municipality.empty()) entry["municipality"] = place.municipality;
  entry["latitude"] = place.latitude;
  entry["longitude"] = place.longitude;
  entry["venue"] = place.venue;
  return entry;
}

Json detail::to_json(const TravelTime& travel) {
  return Json{{"from", travel.from}, {"to", travel.to}, {"minutes", travel.minutes}};
}

namespace {

std::vector<std::vector<std::string>> read_pin_lists(const Json& value, const std::string& pointer) {
  std::vector<std::vector<std::string>> lists;
  const Json& array = array_at(value, pointer, max_households);
  for (std::size_t i = 0; i < array.size(); ++i) {
    lists.push_back(id_list(array[i], item(pointer, i)));
    if (lists.back().size() < 2) detail::raise_input_error(item(pointer, i), "a pin names at least two households");
  }
  return lists;
}

LockedGroup read_locked(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  LockedGroup locked;
  locked.id = in.string("id");
  locked.venue = in.string_or("venue", "");
  locked.households = id_list(in.required("households"), in.pointer("households"));
  in.finish();
  return locked;
}

Json to_json(const SoftScores& s) {
  return Json{{"travel_minutes", s.travel_minutes},
              {"max_travel_minutes", s.max_travel_minutes},
              {"participants_off_target", s.participants_off_target},
              {"p_at_least_min_present", s.p_at_least_min_present},
              {"attendance_shortfall", s.attendance_shortfall},
              {"stage_span", s.stage_span},
              {"kindergarten", s.kindergarten},
              {"without_acquaintance", s.without_acquaintance},
              {"rare_without_peer", s.rare_without_peer},
              {"mixed_conditions", s.mixed_conditions}};
}

}  // namespace

FormationRequest formation_request_from_json(const Json& document, const std::filesystem::path& base_dir) {
  ObjectReader in(document, "");
  FormationRequest request;
  Waitlist& waitlist = request.waitlist;
  waitlist.id = in.string_or("id", "");
  in.string_or("note", "");
  if (const Json* region = in.find("region")) request.region = region_from_reference(*region, "/region", base_dir);
  if (const Json* rules = in.find("rules")) request.rules = group_rules_from_json(*rules, "/rules");
  std::optional<detail::OldTravel> old_travel;
  if (const Json* formation = in.find("formation")) {
    Json copy = *formation;  // DOMAIN C8: an old max_travel_minutes is travel.max_minutes
    old_travel = detail::take_old_travel(copy, "/formation", detail::OldTravelField::max_minutes, 1, 600);
    request.formation = detail::read_fields<FormationRules>(copy, "/formation");  // formation.hpp's table
  }
  waitlist.travel = detail::read_travel(in, waitlist.travel, old_travel);
  if (const Json* model = in.find("travel_model")) {
    waitlist.travel_model = detail::read_fields<TravelModel>(*model, "/travel_model");  // waitlist.hpp's table
  }
  const Json& places = array_at(in.required("places"), "/places", max_households);
  for (std::size_t i = 0; i < places.size(); ++i) waitlist.places.push_back(detail::read_place(places[i], item("/places", i)));
  if (const Json* travel = in.find("travel_times")) {
    const Json& list = array_at(*travel, "/travel_times", max_travel_times);
    for (std::size_t i = 0; i < list.size(); ++i) {
      waitlist.travel_times.push_back(detail::read_travel_time(list[i], item("/travel_times", i)));
    }
  }
  const Json& households = array_at(in.required("households"), "/households", max_households);
  waitlist.households.reserve(households.size());
  for (std::size_t i = 0; i < households.size(); ++i) {
    waitlist.households.push_back(
        household_from_json(households[i], item("/households", i), request.rules.default_attendance));
  }
  if (const Json* pins = in.find("pins")) {
    ObjectReader p(*pins, "/pins");
    if (const Json* together = p.find("together")) request.pins.together = read_pin_lists(*together, "/pins/together");
    if (const Json* apart = p.find("apart")) request.pins.apart = read_pin_lists(*apart, "/pins/apart");
    p.finish();
  }
  if (const Json* locked = in.find("locked")) {
    const Json& list = array_at(*locked, "/locked", max_households);
    for (std::size_t i = 0; i < list.size(); ++i) request.locked.push_back(read_locked(list[i], item("/locked", i)));
  }
  in.finish();
  // The form checks (ids, places, caregivers, children) and the settings' ranges, now rather than
  // when groups are formed.
  check_waitlist(waitlist);
  check_formation_rules(request.formation, request.rules);
  if (request.region) check_waitlist_region(waitlist, *request.region);
  // Pins and locks name households (and places) of this waitlist.
  std::set<std::string> households_known, places_known;
  for (const Household& household : waitlist.households) households_known.insert(household.id);
  for (const Place& place : waitlist.places) places_known.insert(place.id);
  auto known = [&households_known](const std::vector<std::vector<std::string>>& lists, const std::string& pointer) {
    for (std::size_t i = 0; i < lists.size(); ++i) {
      for (std::size_t j = 0; j < lists[i].size(); ++j) {
        if (!households_known.count(lists[i][j])) {
          detail::raise_input_error(item(item(pointer, i), j), "unknown household " + detail::quote_input(lists[i][j]));
        }
      }
    }
  };
  known(request.pins.together, "/pins/together");
  known(request.pins.apart, "/pins/apart");
  for (std::size_t i = 0; i < request.locked.size(); ++i) {
    const LockedGroup& locked = request.locked[i];
    if (!locked.venue.empty() && !places_known.count(locked.venue)) {
      detail::raise_input_error(item("/locked", i) + "/venue", "unknown place " + detail::quote_input(locked.venue), detail::Rule{"C8"});
    }
    for (std::size_t j = 0; j < locked.households.size(); ++j) {
      if (!households_known.count(locked.households[j])) {
        detail::raise_input_error(item(item("/locked", i) + "/households", j), "unknown household " + detail::quote_input(locked.households[j]));
      }
    }
  }
  return request;
}

FormationRequest load_waitlist(const std::filesystem::path& path, const std::filesystem::path& base) {
  const DocumentFormat format = document_format_of(path);
  if (format == DocumentFormat::csv || format == DocumentFormat::xlsx) {
    std::optional<Json> base_document;
    if (!base.empty()) base_document = load_json_file(base);
    const std::string text = detail::read_file(path);
    const std::filesystem::path base_dir = base.empty() ? path.parent_path() : base.parent_path();
    const Json* base_json = base_document ? &*base_document : nullptr;
    return detail::in_file(path, [&] {
      return format == DocumentFormat::csv ? waitlist_from_csv(text, base_dir, base_json, base.string())
                                           : waitlist_from_workbook(text, base_dir, base_json, base.string());
    });
  }
  if (!base.empty()) {
    detail::raise_file_error(path, "a base waitlist is for households from a spreadsheet (.csv, .xlsx); "
                                   "this file is read as a whole waitlist document (JSON)");
  }
  const Json document = load_json_file(path);
  try {
    return formation_request_from_json(document, path.parent_path());
  } catch (const InputError& error) {
    throw InputError(error.rule(), error.message(), located_in_file(path.string(), error.where()));
  }
}

Json to_json(const FormationRequest& request) {
  const Waitlist& waitlist = request.waitlist;
  Json places = Json::array();
  for (const Place& place : waitlist.places) places.push_back(detail::to_json(place));
  Json travel = Json::array();
  for (const TravelTime& t : waitlist.travel_times) travel.push_back(detail::to_json(t));
  Json households = Json::array();
  for (const Household& household : waitlist.households) households.push_back(to_json(household));
  Json locked = Json::array();
  for (const LockedGroup& group : request.locked) {
    Json entry{{"id", group.id}};
    if (!group.venue.empty()) entry["venue"] = group.venue;
    entry["households"] = group.households;
    locked.push_back(entry);
  }
  Json document{{"id", waitlist.id},
                {"rules", to_json(request.rules)},
                {"formation", detail::write_fields(request.formation)},
                {"travel_model", detail::write_fields(waitlist.travel_model)},
                {"travel", detail::write_fields(waitlist.travel)},
                {"places", places},
                {"travel_times", travel},
                {"households", households},
                {"pins", {{"together", request.pins.together}, {"apart", request.pins.apart}}},
                {"locked", locked}};
  if (request.region) {
    // A built-in region by its id, as a coordinator writes it; any other (or a changed built-in
    // one) whole, so that the document reads back to the same request.
    const Region* builtin = find_builtin_region(request.region->id);
    document["region"] = builtin != nullptr && *builtin == *request.region ? Json(request.region->id)
                                                                            : to_json(*request.region);
  }
  return document;
}

namespace {

// A JSON scalar as a cell; a list of scalars joined with ", ".
WorkbookCell cell_of_json(const Json& value) {
  if (value.is_boolean()) return WorkbookCell::boolean(value.get<bool>());
  if (value.is_number()) return WorkbookCell::of(value.get<double>());
  if (value.is_string()) return WorkbookCell::of(value.get<std::string>());
  if (value.is_array()) {
    std::string joined;
    for (const Json& entry : value) {
      if (!joined.empty()) joined += ", ";
      joined += entry.is_string() ? entry.get<std::string>() : entry.dump();
    }
    return WorkbookCell::of(std::move(joined));
  }
  return {};
}

}  // namespace

Workbook to_workbook(const FormationResult& result, const std::string& waitlist_id) {
  const Json json = to_json(result, waitlist_id);
  WorkbookSheet groups{"groups",
                       {"group", "venue", "locked", "households", "participants", "municipalities", "satisfied",
                        "errors", "warnings"},
                       {}, {}, 0, {10, 18, 8, 11, 12, 18, 18, 8, 9}};
  std::vector<std::string> score_names;
  if (!json["groups"].empty()) {
    for (const auto& [name, value] : json["groups"][0]["scores"].items()) score_names.push_back(name);
  }
  for (const std::string& name : score_names) groups.header.push_back(name);
  groups.header.push_back("cost");
  WorkbookSheet households{"households", {"group", "household"}, {}, {}, 0, {10, 14}};
  WorkbookSheet findings{"findings", {"group", "rule", "severity", "message", "households"}, {}, {}, 0, {10, 6, 9, 80, 30}};
  for (const Json& group : json["groups"]) {
    const std::string id = group["id"].get<std::string>();
    int errors = 0, warnings = 0;
    for (const Json& violation : group["violations"]) {
      const std::string severity = violation["severity"].get<std::string>();
      errors += severity == "error";
      warnings += severity == "warning";
      findings.rows.push_back({WorkbookCell::of(id), cell_of_json(violation["rule"]), cell_of_json(violation["severity"]),
                               cell_of_json(violation["message"]), cell_of_json(violation["households"])});
    }
    std::vector<WorkbookCell> row{WorkbookCell::of(id),
                                  cell_of_json(group["venue"]),
                                  cell_of_json(group["locked"]),
                                  WorkbookCell::of(static_cast<double>(group["households"].size())),
                                  cell_of_json(group["participants"]),
                                  cell_of_json(group["municipalities"]),
                                  cell_of_json(group["satisfied"]),
                                  WorkbookCell::of(static_cast<double>(errors)),
                                  WorkbookCell::of(static_cast<double>(warnings))};
    for (const std::string& name : score_names) row.push_back(cell_of_json(group["scores"].value(name, Json())));
    row.push_back(cell_of_json(group["cost"]));
    groups.rows.push_back(std::move(row));
    for (const Json& household : group["households"]) households.rows.push_back({WorkbookCell::of(id), cell_of_json(household)});
  }
  WorkbookSheet unassigned{"unassigned",
                           {"household", "rule", "reason", "placeable", "would_displace", "blocking_rules", "weeks_waited"},
                           {}, {}, 0, {14, 6, 80, 10, 16, 16, 13}};
  for (const Json& left : json["unassigned"]) {
    unassigned.rows.push_back({cell_of_json(left["household"]), cell_of_json(left["rule"]), cell_of_json(left["reason"]),
                               cell_of_json(left["placeable"]), cell_of_json(left["would_displace"]),
                               cell_of_json(left["blocking_rules"]), cell_of_json(left.value("weeks_waited", Json()))});
  }
  WorkbookSheet summary{"summary", {"figure", "value"}, {}, {}, 0, {28, 24}};
  summary.rows.push_back({WorkbookCell::of("waitlist"), cell_of_json(json["waitlist"])});
  summary.rows.push_back({WorkbookCell::of("seed"), cell_of_json(json["seed"])});
  for (const auto& [name, value] : json["summary"].items()) summary.rows.push_back({WorkbookCell::of(name), cell_of_json(value)});
  summary.rows.push_back({WorkbookCell::of("objective"), cell_of_json(json["objective"])});
  for (const auto& [name, value] : json["terms"].items()) {
    summary.rows.push_back({WorkbookCell::of("terms." + name), cell_of_json(value)});
  }
  for (const auto& [name, value] : json["optimality"].items()) {
    summary.rows.push_back({WorkbookCell::of("optimality." + name), cell_of_json(value)});
  }
  Workbook workbook;
  workbook.title = "paarorende groups: " + waitlist_id;
  workbook.sheets = {std::move(groups), std::move(households), std::move(findings), std::move(unassigned), std::move(summary)};
  return workbook;
}

Json to_json(const FormationResult& result, const std::string& waitlist_id) {
  Json groups = Json::array();
  std::size_t assigned = 0;
  for (const FormedGroup& formed : result.groups) {
    Json households = Json::array();
    std::vector<std::string> municipalities;
    for (const Household& household : formed.group.households) {
      households.push_back(household.id);
      if (!household.municipality.empty() &&
          std::find(municipalities.begin(), municipalities.end(), household.municipality) == municipalities.end()) {
        municipalities.push_back(household.municipality);
      }
    }
    std::sort(municipalities.begin(), municipalities.end());
    assigned += formed.group.households.size();
    Json violations = Json::array();
    for (const GroupViolation& violation : formed.violations) violations.push_back(to_json(violation));
    groups.push_back(Json{{"id", formed.group.id},
                          {"locked", formed.locked},
                          {"venue", formed.venue},
                          {"households", households},
                          {"participants", formed.group.participants()},
                          {"municipalities", municipalities},
                          {"satisfied", formed.satisfied},
                          {"violations", violations},
                          {"scores", to_json(formed.scores)},
                          {"cost", formed.cost}});
  }
  Json unassigned = Json::array();
  for (const UnassignedHousehold& left : result.unassigned) {
    Json entry{{"household", left.household}, {"rule", left.rule}, {"reason", left.reason}};
    entry["placeable"] = left.placeable ? Json(*left.placeable) : Json(nullptr);
    entry["would_displace"] = left.would_displace;
    entry["blocking_rules"] = left.blocking_rules;
    if (left.weeks_waited) entry["weeks_waited"] = *left.weeks_waited;
    unassigned.push_back(std::move(entry));
  }
  const Optimality& optimality = result.optimality;
  Json terms = Json::object();
  for (const auto& [name, value] : result.terms) terms[name] = value;
  return Json{{"waitlist", waitlist_id},
              {"seed", result.seed},
              {"objective", result.objective},
              {"terms", terms},
              {"optimality",
               {{"status", std::string(to_string(optimality.status))},
                {"objective", optimality.objective},
                {"lower_bound", optimality.lower_bound},
                {"gap", optimality.gap},
                {"components", optimality.components},
                {"optimal_components", optimality.optimal_components},
                {"largest_exact", optimality.largest_exact}}},
              {"summary",
               {{"households", assigned + result.unassigned.size()},
                {"groups", result.groups.size()},
                {"assigned", assigned},
                {"unassigned", result.unassigned.size()}}},
              {"groups", groups},
              {"unassigned", unassigned}};
}

}  // namespace paarorende
