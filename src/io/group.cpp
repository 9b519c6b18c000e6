// Group documents, households and group rules as JSON (io/group.hpp; docs/groups.md).
#include "paarorende/io/group.hpp"
#include "detail/input_error.hpp"

#include "io/fields.hpp"
#include "io/readers.hpp"
#include "detail/file.hpp"
#include "paarorende/io/format.hpp"
#include "paarorende/io/registry.hpp"
#include "paarorende/io/table_rows.hpp"

namespace paarorende {
using namespace detail;

namespace {

GroupRules read_group_rules(const Json& value, const std::string& pointer,
                            const GroupRules& base = {}) {
  const GroupRules rules = read_fields(value, pointer, base);  // group.hpp's table
  try {
    check_rules(rules);
  } catch (const InputError& error) {
    // check_rules locates under "/rules"; relocate under this document's own pointer.
    const std::string& where = error.where();
    const std::string relative = where.rfind("/rules", 0) == 0 ? where.substr(6) : where;
    throw InputError(error.rule(), error.message(), pointer + relative);
  }
  return rules;
}

Child read_household_child(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  Child child;
  child.stage = in.named("stage", detail::child_stage_names);
  if (in.find("grade")) {
    child.grade = in.integer("grade", 1, 13);
    if (stage_of_grade(*child.grade) != child.stage) {
      detail::raise_input_error(in.pointer("grade"), "grade " + std::to_string(*child.grade) + " is not in " +
                               std::string(to_string(child.stage)));
    }
  }
  child.birth_date = in.optional_date("birth_date");
  if (in.find("age")) child.age = in.integer("age", 0, 25);
  child.condition = in.named("condition", detail::condition_category_names);
  if (const Json* code = in.find("rare_diagnosis")) {
    child.rare_diagnosis = detail::read_string(*code, in.pointer("rare_diagnosis"));
  }
  in.finish();
  return child;
}

Sibling read_sibling(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  Sibling sibling;
  if (in.find("age")) sibling.age = in.integer("age", 0, 30);
  if (in.find("stage")) {
    sibling.stage = in.named("stage", detail::child_stage_names);
  }
  in.finish();
  return sibling;
}

Caregiver read_caregiver(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  Caregiver caregiver{in.named("role", detail::caregiver_role_names)};
  in.finish();
  return caregiver;
}

}  // namespace

namespace detail {

// A household's own "attendance" fills what it leaves out from the group's default (G5).
Household read_household(const Json& value, const std::string& pointer,
                         const AttendanceProbabilities& group_default) {
  ObjectReader in(value, pointer);
  Household household;
  household.id = in.slug("id");  // DOMAIN X4: a pseudonym, never a name
  household.municipality = in.string_or("municipality", "");
  household.school = in.string_or("school", "");
  if (in.find("care_closes")) household.care_closes = in.clock("care_closes");
  household.waiting_since = in.optional_date("waiting_since");
  household.caregivers = read_array<Caregiver>(in, "caregivers", read_caregiver);
  household.children = read_array<Child>(in, "children", read_household_child);
  household.siblings = read_array<Sibling>(in, "siblings", read_sibling);
  if (const Json* attendance = in.find("attendance")) {
    household.attendance = read_attendance(*attendance, in.pointer("attendance"), group_default);
  }
  in.finish();
  return household;
}

}  // namespace detail

GroupDocument group_from_json(const Json& document) {
  ObjectReader in(document, "");
  GroupDocument result;
  result.group.id = in.string_or("id", "");
  in.string_or("note", "");
  // A format's group rules first (format.hpp); the document's "rules" override them.
  if (const Json* format = in.find("format")) {
    const CourseFormat based_on = format_from_reference(*format, "/format");
    result.rules = based_on.group_rules;
    result.travel = based_on.travel;
  }
  if (const Json* rules = in.find("rules")) {
    result.rules = read_group_rules(*rules, "/rules", result.rules);
  }
  result.group.households = read_array<Household>(
      in, "households", [&result](const Json& household, const std::string& at) {
        return read_household(household, at, result.rules.default_attendance);
      });
  // DOMAIN C8: where it meets and where its households are picked up, as on a waitlist.
  result.venue = in.string_or("venue", "");
  if (in.find("places")) result.places = read_array<Place>(in, "places", detail::read_place);
  if (in.find("travel_times")) result.travel_times = read_array<TravelTime>(in, "travel_times", detail::read_travel_time);
  if (const Json* model = in.find("travel_model")) {
    result.travel_model = detail::read_fields<TravelModel>(*model, "/travel_model");  // travel.hpp's table
  }
  result.travel = detail::read_travel(in, result.travel, std::nullopt);
  in.finish();
  validate(result.group, result.rules);  // the form checks: ids, caregivers, children
  check_group_places(result);
  return result;
}

Household household_from_json(const Json& value, const std::string& pointer,
                              const AttendanceProbabilities& default_attendance) {
  return read_household(value, pointer, default_attendance);
}

GroupDocument load_group(const std::filesystem::path& path) {
  const DocumentFormat format = document_format_of(path);
  if (format == DocumentFormat::csv || format == DocumentFormat::xlsx) {
    const std::string text = detail::read_file(path);
    // The id a table gives no setting for, the same however the file is read (`check`, `attendance`).
    return detail::in_file(path, [&] {
      return format == DocumentFormat::csv ? group_from_csv(text, "group") : group_from_workbook(text, "group");
    });
  }
  const Json document = load_json_file(path);
  return in_file(path, [&] { return group_from_json(document); });
}

GroupRules group_rules_from_json(const Json& value, const std::string& pointer,
                                 const GroupRules& base) {
  return read_group_rules(value, pointer, base);
}

Json to_json(const GroupViolation& violation) {
  return Json{{"rule", violation.rule},
              {"severity", std::string(to_string(violation.severity))},
              {"message", violation.message},
              {"households", violation.households}};
}

Json to_json(const GroupRules& rules) {
  return write_fields(rules);
}

Json to_json(const Household& household) {
  Json caregivers = Json::array();
  for (const auto& caregiver : household.caregivers) {
    caregivers.push_back({{"role", std::string(to_string(caregiver.role))}});
  }
  Json children = Json::array();
  for (const auto& child : household.children) {
    Json entry{{"stage", std::string(to_string(child.stage))}};
    if (child.grade) entry["grade"] = *child.grade;
    if (child.birth_date) entry["birth_date"] = iso_date(*child.birth_date);
    if (child.age) entry["age"] = *child.age;
    entry["condition"] = std::string(to_string(child.condition));
    if (child.rare_diagnosis) entry["rare_diagnosis"] = *child.rare_diagnosis;
    children.push_back(entry);
  }
  Json siblings = Json::array();
  for (const auto& sibling : household.siblings) {
    Json entry = Json::object();
    if (sibling.age) entry["age"] = *sibling.age;
    if (sibling.stage) entry["stage"] = std::string(to_string(*sibling.stage));
    siblings.push_back(entry);
  }
  Json document{{"id", household.id}};
  if (!household.municipality.empty()) document["municipality"] = household.municipality;
  if (!household.school.empty()) document["school"] = household.school;
  if (household.care_closes) document["care_closes"] = clock_time(*household.care_closes);
  if (household.waiting_since) document["waiting_since"] = iso_date(*household.waiting_since);
  document["caregivers"] = caregivers;
  document["children"] = children;
  document["siblings"] = siblings;
  if (household.attendance) document["attendance"] = to_json(*household.attendance);
  return document;
}

Json to_json(const GroupDocument& document) {
  Json households = Json::array();
  for (const auto& household : document.group.households) households.push_back(to_json(household));
  Json written{{"id", document.group.id}, {"rules", to_json(document.rules)}, {"households", households}};
  // The places only when there are any, so a plain group document stays as it was.
  if (!document.venue.empty()) written["venue"] = document.venue;
  if (!document.places.empty()) {
    Json places = Json::array();
    for (const Place& place : document.places) places.push_back(detail::to_json(place));
    written["places"] = places;
  }
  if (!document.travel_times.empty()) {
    Json travel = Json::array();
    for (const TravelTime& t : document.travel_times) travel.push_back(detail::to_json(t));
    written["travel_times"] = travel;
  }
  if (document.travel_model != TravelModel{}) written["travel_model"] = detail::write_fields(document.travel_model);
  if (!document.places.empty() || document.travel != TravelLimits{}) {
    written["travel"] = detail::write_fields(document.travel);
  }
  return written;
}

}  // namespace paarorende
