#include "paarorende/json.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "paarorende/detail/format.hpp"
#include "paarorende/detail/json_reader.hpp"
#include "paarorende/error.hpp"
#include "paarorende/format.hpp"

namespace paarorende {
namespace {

using detail::clock;
using detail::iso_date;
using detail::minutes_of_day;
using detail::ObjectReader;

constexpr const char* weekday_names[] = {"sunday", "monday", "tuesday", "wednesday",
                                         "thursday", "friday", "saturday"};

Weekday read_weekday(const Json& value, const std::string& pointer) {
  const std::string text = detail::read_string(value, pointer);
  for (int i = 0; i < 7; ++i) {
    if (text == weekday_names[i]) return static_cast<Weekday>(i);
  }
  throw InputError("", "expected a weekday (monday, tuesday, ..., sunday), got " + detail::quote_input(text),
                   pointer);
}

// An InputError whose where() already names its file. An error in a file that another refers to
// (a request's school calendar) keeps that file's name instead of being located again.
class FileInputError : public InputError {
 public:
  using InputError::InputError;
};

// Runs `read` and, when it throws an InputError, rethrows it located in `file`.
template <class Read>
auto in_file(const std::filesystem::path& file, Read&& read) -> decltype(read()) {
  try {
    return read();
  } catch (const FileInputError&) {
    throw;
  } catch (const InputError& error) {
    throw FileInputError(error.rule(), error.message(), located_in_file(file.string(), error.where()));
  }
}

SchoolHoliday read_school_holiday(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  SchoolHoliday holiday{in.string("name"), in.date("first"), in.date("last")};
  in.finish();
  if (holiday.last < holiday.first) {
    throw InputError("X2", "the holiday ends before it begins", in.pointer("last"));
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
    throw InputError("X2", "the school year ends before it begins", in.pointer("last_day"));
  }
  const Json& holidays = in.array("holidays");
  for (std::size_t i = 0; i < holidays.size(); ++i) {
    year.holidays.push_back(
        read_school_holiday(holidays[i], in.pointer("holidays") + "/" + std::to_string(i)));
  }
  in.finish();
  return year;
}

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
      throw InputError("X2", "school years must be in order and must not overlap",
                       at + "/first_day");
    }
  }
  in.finish();
  try {
    check_school_calendar(calendar);  // the same checks as for a calendar built in code
  } catch (const InputError& error) {
    throw InputError(error.rule(), error.message(), pointer + error.where());
  }
  return calendar;
}

ScheduleRules read_rules(const Json& value, const std::string& pointer,
                         const ScheduleRules& base = {}) {
  ObjectReader in(value, pointer);
  ScheduleRules rules = base;
  rules.min_sessions = in.integer_or("min_sessions", rules.min_sessions, 1, 52);
  rules.max_sessions = in.integer_or("max_sessions", rules.max_sessions, 1, 52);
  if (const Json* cadences = in.find("cadences_weeks")) {
    if (!cadences->is_array()) detail::wrong_type(*cadences, in.pointer("cadences_weeks"), "an array");
    rules.cadences_weeks.clear();
    for (std::size_t i = 0; i < cadences->size(); ++i) {
      rules.cadences_weeks.push_back(static_cast<int>(detail::read_integer(
          (*cadences)[i], in.pointer("cadences_weeks") + "/" + std::to_string(i), 1, 12)));
    }
  }
  rules.session_minutes = in.integer_or("session_minutes", rules.session_minutes, 15, 480);
  rules.introduction_minutes =
      in.integer_or("introduction_minutes", rules.introduction_minutes, 0, 479);
  rules.max_travel_minutes = in.integer_or("max_travel_minutes", rules.max_travel_minutes, 0, 240);
  rules.start_step_minutes = in.integer_or("start_step_minutes", rules.start_step_minutes, 1, 60);
  rules.max_move_weeks = in.integer_or("max_move_weeks", rules.max_move_weeks, 1, 52);
  rules.getting_to_know_first = in.boolean_or("getting_to_know_first", rules.getting_to_know_first);
  in.finish();
  return rules;
}

Venue read_venue(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  Venue venue{in.string("name"), in.string_or("address", "")};
  in.finish();
  return venue;
}

bool is_slug(const std::string& id) {
  return !id.empty() && id.size() <= 64 &&
         std::all_of(id.begin(), id.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
         });
}

std::string read_slug(ObjectReader& in, const char* key) {
  const std::string id = in.string(key);
  if (!is_slug(id)) {
    throw InputError("", "an id is lower-case letters, digits and _ (at most 64), got " +
                             detail::quote_input(id), in.pointer(key));
  }
  return id;
}

template <class Enum, class Parse>
std::vector<Enum> read_enum_list(ObjectReader& in, const char* key, Parse parse, const char* expected) {
  const Json& array = in.array(key);
  std::vector<Enum> values;
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string at = in.pointer(key) + "/" + std::to_string(i);
    const std::string text = detail::read_string(array[i], at);
    const auto value = parse(text);
    if (!value) throw InputError("", std::string("expected ") + expected + ", got " + detail::quote_input(text), at);
    if (std::find(values.begin(), values.end(), *value) != values.end()) {
      throw InputError("", detail::quote_input(text) + " is listed twice", at);
    }
    values.push_back(*value);
  }
  return values;
}

std::vector<ChildStage> read_stages(ObjectReader& in) {
  return read_enum_list<ChildStage>(in, "stages", child_stage_from_string,
                                    "kindergarten, primary, lower_secondary or upper_secondary");
}

std::vector<Audience> read_audiences(ObjectReader& in) {
  return read_enum_list<Audience>(in, "audiences", audience_from_string,
                                  "parents, fathers, children or siblings");
}

// One entry of a catalogue's "roles" or "topics": new (every field required) or an override of
// `existing` (only "id" and "override" required; the fields given replace the existing ones).
PresenterRole read_role(const Json& value, const std::string& pointer, const PresenterRole* existing) {
  ObjectReader in(value, pointer);
  PresenterRole role = existing ? *existing : PresenterRole{};
  role.id = read_slug(in, "id");
  in.boolean_or("override", false);
  role.title_nb = existing ? in.string_or("title_nb", role.title_nb) : in.string("title_nb");
  role.title_en = existing ? in.string_or("title_en", role.title_en) : in.string("title_en");
  in.finish();
  return role;
}

Topic read_topic(const Json& value, const std::string& pointer, const Topic* existing) {
  ObjectReader in(value, pointer);
  Topic topic = existing ? *existing : Topic{};
  topic.id = read_slug(in, "id");
  in.boolean_or("override", false);
  auto text = [&](const char* key, std::string& field) {
    field = existing ? in.string_or(key, field) : in.string(key);
  };
  topic.source = in.string_or("source", topic.source);
  text("title_nb", topic.title_nb);
  text("title_en", topic.title_en);
  text("description_nb", topic.description_nb);
  text("description_en", topic.description_en);
  text("presenter_role", topic.presenter_role);
  if (!existing || in.find("stages")) topic.stages = read_stages(in);
  if (!existing || in.find("audiences")) topic.audiences = read_audiences(in);
  in.finish();
  if (topic.stages.empty()) throw InputError("G6", "a topic suits at least one stage", in.pointer("stages"));
  if (topic.audiences.empty()) throw InputError("", "a topic has at least one audience", in.pointer("audiences"));
  return topic;
}

// Adds or overrides the entries of one array ("roles" or "topics") on `into`.
template <class Entry, class Read>
void merge_entries(const Json& array, const std::string& pointer, std::vector<Entry>& into,
                   std::size_t base_count, Read read) {
  if (!array.is_array()) detail::wrong_type(array, pointer, "an array");
  std::set<std::string> in_this_file;  // an override named twice would silently keep the last
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string at = pointer + "/" + std::to_string(i);
    ObjectReader peek(array[i], at);
    const std::string id = read_slug(peek, "id");
    const bool override_flag = peek.boolean_or("override", false);
    auto same_id = [&id](const Entry& entry) { return entry.id == id; };
    auto found = std::find_if(into.begin(), into.end(), same_id);
    const bool from_base = found != into.end() && static_cast<std::size_t>(found - into.begin()) < base_count;
    if (!in_this_file.insert(id).second) {
      throw InputError("", detail::quote_input(id) + " appears twice in this file", at + "/id");
    }
    if (from_base && !override_flag) {
      throw InputError("", detail::quote_input(id) +
                               " is already in the catalogue; set \"override\": true to replace its fields",
                       at + "/id");
    }
    if (!from_base && override_flag) {
      throw InputError("", "no " + detail::quote_input(id) + " in the catalogue to override", at + "/id");
    }
    if (from_base) {
      *found = read(array[i], at, &*found);
    } else {
      into.push_back(read(array[i], at, nullptr));
    }
  }
}

TopicCatalogue read_catalogue(const Json& value, const std::string& pointer, const TopicCatalogue& base) {
  ObjectReader in(value, pointer);
  const std::string extends = in.string_or("extends", "builtin");
  if (extends != "builtin" && extends != "none") {
    throw InputError("", "expected \"builtin\" or \"none\", got " + detail::quote_input(extends),
                     in.pointer("extends"));
  }
  TopicCatalogue catalogue = extends == "builtin" ? base : TopicCatalogue{};
  in.string_or("municipality", "");
  in.string_or("note", "");
  const std::size_t base_roles = catalogue.roles.size();
  const std::size_t base_topics = catalogue.topics.size();
  if (const Json* roles = in.find("roles")) {
    merge_entries(*roles, in.pointer("roles"), catalogue.roles, base_roles, read_role);
  }
  if (const Json* topics = in.find("topics")) {
    // Roles are merged first, so each topic's role can be checked as it is read (DOMAIN C7).
    auto read_known_role_topic = [&catalogue](const Json& entry, const std::string& at,
                                              const Topic* existing) {
      Topic topic = read_topic(entry, at, existing);
      if (catalogue.find_role(topic.presenter_role) == nullptr) {
        throw InputError("C7",
                         "no presenter role " + detail::quote_input(topic.presenter_role) +
                             " in the catalogue",
                         at + (entry.contains("presenter_role") ? "/presenter_role" : "/id"));
      }
      return topic;
    };
    merge_entries(*topics, in.pointer("topics"), catalogue.topics, base_topics,
                  read_known_role_topic);
  }
  in.finish();
  // DOMAIN T6: the first session's topic is always there.
  if (catalogue.find(first_session_topic) == nullptr) {
    throw InputError("T6", "the catalogue needs the topic \"" + std::string(first_session_topic) + "\"",
                     in.pointer("topics"));
  }
  return catalogue;
}

TopicWish read_wish(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  TopicWish wish;
  wish.participant = read_slug(in, "participant");  // DOMAIN X4: a pseudonym, never a name
  const Json& topics = in.array("topics");
  if (topics.size() > 100) throw InputError("C6", "at most 100 topics in one wish", in.pointer("topics"));
  for (std::size_t i = 0; i < topics.size(); ++i) {
    wish.topics.push_back(detail::read_string(topics[i], in.pointer("topics") + "/" + std::to_string(i)));
  }
  wish.ranked = in.boolean_or("ranked", true);
  in.finish();
  return wish;
}

ChildProfile read_child(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  ChildProfile child;
  const std::string stage = in.string("stage");
  const auto parsed = child_stage_from_string(stage);
  if (!parsed) {
    throw InputError("", "expected kindergarten, primary, lower_secondary or upper_secondary, got " +
                             detail::quote_input(stage), in.pointer("stage"));
  }
  child.stage = *parsed;
  if (in.find("grade")) child.grade = in.integer("grade", 1, 13);
  in.finish();
  return child;
}

Presenter read_presenter(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  Presenter presenter;
  presenter.id = read_slug(in, "id");
  presenter.name = in.string_or("name", "");
  presenter.role = in.string("role");
  if (const Json* dates = in.find("unavailable")) {
    if (!dates->is_array()) detail::wrong_type(*dates, in.pointer("unavailable"), "an array");
    for (std::size_t i = 0; i < dates->size(); ++i) {
      presenter.unavailable.push_back(
          detail::read_date((*dates)[i], in.pointer("unavailable") + "/" + std::to_string(i)));
    }
  }
  in.finish();
  return presenter;
}

TopicRules read_topic_rules(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  TopicRules rules;
  rules.stage_weight_percent = in.integer_or("stage_weight_percent", rules.stage_weight_percent, 100, 1000);
  rules.suggest_transitions = in.boolean_or("suggest_transitions", rules.suggest_transitions);
  in.finish();
  return rules;
}

template <class T, class Read>
std::vector<T> read_list(ObjectReader& in, const char* key, Read read) {
  std::vector<T> values;
  if (const Json* array = in.find(key)) {
    if (!array->is_array()) detail::wrong_type(*array, in.pointer(key), "an array");
    detail::check_limit(array->size(), max_list_entries, "entries", in.pointer(key));
    for (std::size_t i = 0; i < array->size(); ++i) {
      values.push_back(read((*array)[i], in.pointer(key) + "/" + std::to_string(i)));
    }
  }
  return values;
}


double read_probability(const Json& value, const std::string& pointer) {
  if (!value.is_number()) detail::wrong_type(value, pointer, "a number");
  const double number = value.get<double>();
  if (!(number >= 0.0 && number <= 1.0)) {
    throw InputError("", "must be between 0 and 1, got " + value.dump(), pointer);
  }
  return number;
}

AttendanceProbabilities read_attendance(const Json& value, const std::string& pointer,
                                        AttendanceProbabilities defaults) {
  ObjectReader in(value, pointer);
  if (const Json* attend = in.find("attend")) defaults.attend = read_probability(*attend, in.pointer("attend"));
  if (const Json* both = in.find("both")) defaults.both = read_probability(*both, in.pointer("both"));
  in.finish();
  return defaults;
}

template <class Enum, class Parse>
Enum read_enum(ObjectReader& in, const char* key, Parse parse, const char* expected) {
  const std::string text = in.string(key);
  const auto value = parse(text);
  if (!value) {
    throw InputError("", std::string("expected ") + expected + ", got " + detail::quote_input(text),
                     in.pointer(key));
  }
  return *value;
}

RuleWeight read_weight(ObjectReader& in, const char* key, RuleWeight fallback) {
  if (!in.find(key)) return fallback;
  return read_enum<RuleWeight>(in, key, rule_weight_from_string, "hard, soft or off");
}

GroupRules read_group_rules(const Json& value, const std::string& pointer,
                            const GroupRules& base = {}) {
  ObjectReader in(value, pointer);
  GroupRules rules = base;
  rules.behavioural_own_group = read_weight(in, "behavioural_own_group", rules.behavioural_own_group);
  rules.life_threatening_own_group =
      read_weight(in, "life_threatening_own_group", rules.life_threatening_own_group);
  rules.min_participants = in.integer_or("min_participants", rules.min_participants, 1, 1000);
  rules.max_participants = in.integer_or("max_participants", rules.max_participants, 1, 1000);
  rules.size = read_weight(in, "size", rules.size);
  rules.min_present = in.integer_or("min_present", rules.min_present, 0, 1000);
  if (const Json* p = in.find("min_present_probability")) {
    rules.min_present_probability = read_probability(*p, in.pointer("min_present_probability"));
  }
  rules.attendance = read_weight(in, "attendance", rules.attendance);
  rules.max_stage_span = in.integer_or("max_stage_span", rules.max_stage_span, 0, 3);
  rules.stage_band = read_weight(in, "stage_band", rules.stage_band);
  rules.school_age = read_weight(in, "school_age", rules.school_age);
  rules.acquaintance = read_weight(in, "acquaintance", rules.acquaintance);
  rules.rare_peers = read_weight(in, "rare_peers", rules.rare_peers);
  rules.fathers_for_session = in.integer_or("fathers_for_session", rules.fathers_for_session, 1, 1000);
  rules.fathers_session = read_weight(in, "fathers_session", rules.fathers_session);
  if (const Json* attendance = in.find("default_attendance")) {
    rules.default_attendance =
        read_attendance(*attendance, in.pointer("default_attendance"), rules.default_attendance);
  }
  in.finish();
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
  child.stage = read_enum<ChildStage>(in, "stage", child_stage_from_string,
                                      "kindergarten, primary, lower_secondary or upper_secondary");
  if (in.find("grade")) {
    child.grade = in.integer("grade", 1, 13);
    if (stage_of_grade(*child.grade) != child.stage) {
      throw InputError("", "grade " + std::to_string(*child.grade) + " is not in " +
                               std::string(to_string(child.stage)), in.pointer("grade"));
    }
  }
  child.birth_date = in.optional_date("birth_date");
  if (in.find("age")) child.age = in.integer("age", 0, 25);
  child.condition = read_enum<ConditionCategory>(
      in, "condition", condition_category_from_string,
      "life_threatening, life_limiting, serious_illness, severe_disability or mainly_behavioural");
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
    sibling.stage = read_enum<ChildStage>(in, "stage", child_stage_from_string,
                                          "kindergarten, primary, lower_secondary or upper_secondary");
  }
  in.finish();
  return sibling;
}

Caregiver read_caregiver(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  Caregiver caregiver{read_enum<CaregiverRole>(in, "role", caregiver_role_from_string,
                                               "mother, father or other_guardian")};
  in.finish();
  return caregiver;
}

// A household's own "attendance" fills what it leaves out from the group's default (G5).
Household read_household(const Json& value, const std::string& pointer,
                         const AttendanceProbabilities& group_default) {
  ObjectReader in(value, pointer);
  Household household;
  household.id = read_slug(in, "id");  // DOMAIN X4: a pseudonym, never a name
  household.municipality = in.string_or("municipality", "");
  household.school = in.string_or("school", "");
  if (in.find("care_closes")) household.care_closes = in.clock("care_closes");
  household.caregivers = read_list<Caregiver>(in, "caregivers", read_caregiver);
  household.children = read_list<Child>(in, "children", read_household_child);
  household.siblings = read_list<Sibling>(in, "siblings", read_sibling);
  if (const Json* attendance = in.find("attendance")) {
    household.attendance = read_attendance(*attendance, in.pointer("attendance"), group_default);
  }
  in.finish();
  return household;
}

CourseRequest read_request(const Json& value, const std::string& pointer,
                           const std::filesystem::path& base_dir) {
  ObjectReader in(value, pointer);
  CourseRequest request;
  // A format's defaults first (format.hpp); the request's own fields override them.
  if (const Json* format = in.find("format")) {
    request = course_request(format_from_reference(*format, in.pointer("format"), base_dir));
  }
  request.title = in.string_or("title", request.title);
  request.municipality = in.string_or("municipality", "");
  request.first_date = in.optional_date("first_date");
  request.earliest_date = in.optional_date("earliest_date");
  if (const Json* weekday = in.find("weekday")) {
    request.weekday = read_weekday(*weekday, in.pointer("weekday"));
  }
  request.sessions = in.integer_or("sessions", request.sessions, 1, 52);
  request.cadence_weeks = in.integer_or("cadence_weeks", request.cadence_weeks, 1, 12);
  request.session_minutes = in.integer_or("session_minutes", request.session_minutes, 15, 480);
  request.introduction_minutes =
      in.integer_or("introduction_minutes", request.introduction_minutes, 0, 479);
  request.care_closes = in.clock_or("care_closes", request.care_closes);
  request.travel_minutes = in.integer_or("travel_minutes", request.travel_minutes, 0, 240);
  request.earliest_start = in.clock_or("earliest_start", request.earliest_start);
  if (const Json* venue = in.find("venue")) request.venue = read_venue(*venue, in.pointer("venue"));
  if (const Json* policy = in.find("move_policy")) {
    const std::string text = detail::read_string(*policy, in.pointer("move_policy"));
    auto parsed = move_policy_from_string(text);
    if (!parsed) {
      throw InputError("", "expected \"next_open_week\" or \"shift_following\", got " + detail::quote_input(text),
                       in.pointer("move_policy"));
    }
    request.move_policy = *parsed;
  }
  if (const Json* school = in.find("school_calendar")) {
    if (school->is_string()) {
      if (school->get<std::string>().empty()) {
        throw InputError("", "expected a file name or a school calendar object",
                         in.pointer("school_calendar"));
      }
      // A file reference, relative to the request's own file.
      std::filesystem::path file = school->get<std::string>();
      if (file.is_relative()) file = base_dir / file;
      request.school_calendar = load_school_calendar(file);
    } else {
      request.school_calendar = read_school_calendar(*school, in.pointer("school_calendar"));
    }
  }
  if (const Json* rules = in.find("rules")) {
    request.rules = read_rules(*rules, in.pointer("rules"), request.rules);
  }
  if (const Json* catalogue = in.find("catalogue")) {
    if (catalogue->is_string()) {
      if (catalogue->get<std::string>().empty()) {
        throw InputError("", "expected a file name or a catalogue object", in.pointer("catalogue"));
      }
      std::filesystem::path file = catalogue->get<std::string>();
      if (file.is_relative()) file = base_dir / file;
      request.catalogue = load_catalogue(file);
    } else {
      request.catalogue = read_catalogue(*catalogue, in.pointer("catalogue"), builtin_catalogue());
    }
  }
  request.wishes = read_list<TopicWish>(in, "wishes", read_wish);
  request.children = read_list<ChildProfile>(in, "children", read_child);
  request.presenters = read_list<Presenter>(in, "presenters", read_presenter);
  if (const Json* rules = in.find("topic_rules")) {
    request.topic_rules = read_topic_rules(*rules, in.pointer("topic_rules"));
  }
  if (const Json* audience = in.find("audience")) {
    const std::string text = detail::read_string(*audience, in.pointer("audience"));
    const auto parsed = audience_from_string(text);
    if (!parsed) {
      throw InputError("", "expected parents, fathers, children or siblings, got " + detail::quote_input(text),
                       in.pointer("audience"));
    }
    request.audience = *parsed;
  }
  in.finish();
  // Cross-field checks (exactly one first date, ranges that depend on each other) with pointers
  // relative to this request.
  try {
    check_request(request);
  } catch (const InputError& error) {
    throw InputError(error.rule(), error.message(), pointer + error.where());
  }
  return request;
}

Closure read_closure(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  const std::string kind = in.string("kind");
  Closure closure{ClosureKind::weekend, in.string("rule"), in.string("name")};
  bool known = false;
  for (auto candidate : {ClosureKind::weekend, ClosureKind::public_holiday,
                         ClosureKind::school_holiday, ClosureKind::outside_school_year}) {
    if (to_string(candidate) == kind) {
      closure.kind = candidate;
      known = true;
    }
  }
  if (!known) throw InputError("", "unknown closure kind " + detail::quote_input(kind), in.pointer("kind"));
  in.finish();
  return closure;
}

AgendaItem read_agenda_item(const Json& value, const std::string& pointer, ClockTime session_start) {
  ObjectReader in(value, pointer);
  const std::string kind_text = in.string("kind");
  const auto kind = agenda_kind_from_string(kind_text);
  if (!kind) {
    throw InputError("",
                     "unknown agenda kind " + detail::quote_input(kind_text) +
                         " (meal, getting_to_know, topic_wishes, introduction, reflection)",
                     in.pointer("kind"));
  }
  const ClockTime start = in.clock("start");
  const ClockTime end = in.clock("end");
  if (end < start) throw InputError("C2", "the block ends before it starts", in.pointer("end"));
  AgendaItem item{*kind, minutes_of_day(start) - minutes_of_day(session_start),
                  minutes_of_day(end) - minutes_of_day(start), in.string_or("title_nb", ""),
                  in.string_or("title_en", "")};
  in.finish();
  return item;
}

Session read_session(const Json& value, const std::string& pointer, int number,
                     const CourseRequest& request) {
  ObjectReader in(value, pointer);
  const int session_number = in.integer_or("number", number, 1, 52);
  const Date date = in.date("date");
  if (const Json* weekday = in.find("weekday")) {
    if (read_weekday(*weekday, in.pointer("weekday")) != date.day_of_week().as_enum()) {
      throw InputError("", "the weekday does not match the date", in.pointer("weekday"));
    }
  }
  const ClockTime start = in.clock("start");
  const ClockTime end = in.clock("end");
  Session session{session_number, oslo_time(date, start), oslo_time(date, end), request.venue,
                  {},             std::nullopt,           std::nullopt,           std::nullopt,
                  std::nullopt};
  if (const Json* venue = in.find("venue")) session.venue = read_venue(*venue, in.pointer("venue"));
  if (const Json* agenda = in.find("agenda")) {
    if (!agenda->is_array()) detail::wrong_type(*agenda, in.pointer("agenda"), "an array");
    for (std::size_t i = 0; i < agenda->size(); ++i) {
      session.agenda.push_back(
          read_agenda_item((*agenda)[i], in.pointer("agenda") + "/" + std::to_string(i), start));
    }
  } else {
    const int length = minutes_of_day(end) - minutes_of_day(start);
    if (length > request.introduction_minutes) {
      session.agenda = standard_agenda(session.number, length, request.introduction_minutes);
    }
  }
  if (const Json* topic = in.find("topic"); topic && !topic->is_null()) {
    session.topic = detail::read_string(*topic, in.pointer("topic"));
  }
  if (const Json* presenter = in.find("presenter"); presenter && !presenter->is_null()) {
    session.presenter = read_slug(in, "presenter");  // DOMAIN X4: an id, never a name
  }
  session.moved_from = in.optional_date("moved_from");
  if (const Json* reason = in.find("move_reason")) {
    session.move_reason = read_closure(*reason, in.pointer("move_reason"));
  }
  in.finish();
  return session;
}

Violation read_violation(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  Violation violation;
  violation.rule = in.string("rule");
  const std::string severity = in.string("severity");
  auto parsed = severity_from_string(severity);
  if (!parsed) {
    throw InputError("", "expected \"info\", \"warning\" or \"error\", got " + detail::quote_input(severity),
                     in.pointer("severity"));
  }
  violation.severity = *parsed;
  violation.message = in.string("message");
  if (const Json* session = in.find("session")) {
    violation.session = static_cast<int>(detail::read_integer(*session, in.pointer("session"), 1, 52));
  }
  in.finish();
  return violation;
}

std::string line_and_column(std::string_view text, std::size_t byte) {
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;  // count characters, not UTF-8 continuation bytes
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column > 1 ? column - 1 : 1);
}

// Refuses a key given twice in one object (JSON itself allows it; the last would silently win).
// Follows the parse with a stack of open objects and arrays, so the error has a JSON pointer.
class DuplicateKeyGuard {
 public:
  bool operator()(int depth, Json::parse_event_t event, Json& parsed) {
    using Event = Json::parse_event_t;
    switch (event) {
      case Event::object_start:
      case Event::array_start:
        advance_array();
        // `depth` counts the arrays and objects around this one. Refused before it is built:
        // deep nesting would cost stack in every recursive walk (dump, compare) after parsing.
        if (depth >= max_nesting_depth) {
          throw InputError("", "arrays and objects nested more than " +
                                   std::to_string(max_nesting_depth) + " deep", pointer());
        }
        frames_.push_back({event == Event::array_start, {}, {}, -1});
        break;
      case Event::object_end:
      case Event::array_end:
        frames_.pop_back();
        break;
      case Event::key: {
        Frame& frame = frames_.back();
        frame.key = parsed.get<std::string>();
        if (!frame.keys.insert(frame.key).second) {
          throw InputError("", "field " + detail::quote_input(frame.key) + " is given twice", pointer());
        }
        break;
      }
      case Event::value:
        advance_array();
        break;
    }
    return true;
  }

 private:
  struct Frame {
    bool array;
    std::set<std::string> keys;
    std::string key;
    long index;
  };

  void advance_array() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
  }

  std::string pointer() const {
    std::string text;
    for (const Frame& frame : frames_) {
      text += "/" + (frame.array ? std::to_string(frame.index) : detail::pointer_token(frame.key));
    }
    return text;
  }

  std::vector<Frame> frames_;
};

// Where the first error of a JSON text is, and its token: a SAX pass that builds nothing.
std::pair<std::size_t, std::string> first_json_error(std::string_view text) {
  struct Locator : nlohmann::json_sax<Json> {
    std::size_t byte = 0;
    std::string token;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t position, const std::string& last_token,
                     const nlohmann::detail::exception&) override {
      byte = position;
      token = last_token;
      return false;
    }
  } locator;
  Json::sax_parse(text, &locator);
  return {locator.byte, locator.token};
}

}  // namespace

Json parse_json(std::string_view text) {
  if (text.size() > max_document_bytes) {
    throw InputError("", "document of " + std::to_string(text.size()) +
                             " bytes exceeds the limit of " + std::to_string(max_document_bytes));
  }
  // A UTF-8 byte order mark, as some editors write, is not an error.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  // nlohmann's reader takes a NUL byte for the end of the input and would silently ignore
  // whatever follows it (found by the bad-input catalogue; issue #9).
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    throw InputError("", "invalid JSON: a NUL byte (U+0000)", line_and_column(text, nul + 1));
  }
  try {
    return Json::parse(text, DuplicateKeyGuard{});
  } catch (const Json::parse_error& error) {
    // nlohmann's message: "[json.exception.parse_error.101] parse error at line 1, column 2: ...;
    // last read: '...'". The last-read token is cut: it can be huge and hold anything.
    std::string message = error.what();
    if (auto colon = message.find(": ", message.find("parse error")); colon != std::string::npos) {
      message = message.substr(colon + 2);
    }
    if (auto last_read = message.find("; last read"); last_read != std::string::npos) {
      message.resize(last_read);
    }
    throw InputError("", "invalid JSON: " + message, line_and_column(text, error.byte));
  } catch (const Json::out_of_range&) {
    // A number beyond a double ("1e400"): nlohmann throws out_of_range without a position, so a
    // second, plain SAX pass finds where (found by fuzzing; issue #9).
    const auto [byte, token] = first_json_error(text);
    throw InputError("", "invalid JSON: the number " + detail::quote_input(token) + " is out of range",
                     line_and_column(text, byte));
  }
}

Json load_json_file(const std::filesystem::path& path) {
  std::error_code kind_error;
  if (std::filesystem::is_directory(path, kind_error)) {
    throw FileInputError("", "is a folder, not a file", path.string());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FileInputError("", "cannot open the file", path.string());
  // Read in chunks up to one byte past the limit: a device or a pipe has no size to ask first.
  std::string text;
  char chunk[65536];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    text.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_document_bytes) {
      throw FileInputError("", "file exceeds the limit of " + std::to_string(max_document_bytes) +
                                   " bytes", path.string());
    }
  }
  if (in.bad()) throw FileInputError("", "cannot read the file", path.string());
  return in_file(path, [&] { return parse_json(text); });
}

SchoolCalendar school_calendar_from_json(const Json& document) {
  return read_school_calendar(document, "");
}

CourseRequest course_request_from_json(const Json& document, const std::filesystem::path& base_dir) {
  return read_request(document, "", base_dir);
}

CourseSchedule course_schedule_from_json(const Json& document,
                                         const std::filesystem::path& base_dir) {
  ObjectReader in(document, "");
  CourseSchedule schedule;
  schedule.request = read_request(in.required("request"), "/request", base_dir);
  if (const Json* title = in.find("title")) {  // an echo of the request's title: must agree
    if (detail::read_string(*title, "/title") != schedule.request.title) {
      throw InputError("", "differs from /request/title", "/title");
    }
  }
  if (const Json* zone = in.find("timezone")) {
    if (detail::read_string(*zone, "/timezone") != "Europe/Oslo") {
      throw InputError("X3", "times are Europe/Oslo local time", "/timezone");
    }
  }
  const Json& sessions = in.array("sessions");
  if (sessions.size() > 52) throw InputError("", "at most 52 sessions", "/sessions");
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    schedule.sessions.push_back(read_session(sessions[i], "/sessions/" + std::to_string(i),
                                             static_cast<int>(i) + 1, schedule.request));
  }
  if (const Json* findings = in.find("findings")) {
    if (!findings->is_array()) detail::wrong_type(*findings, "/findings", "an array");
    for (std::size_t i = 0; i < findings->size(); ++i) {
      schedule.findings.push_back(read_violation((*findings)[i], "/findings/" + std::to_string(i)));
    }
  }
  in.finish();
  return schedule;
}

GroupDocument group_from_json(const Json& document) {
  ObjectReader in(document, "");
  GroupDocument result;
  result.group.id = in.string_or("id", "");
  in.string_or("note", "");
  // A format's group rules first (format.hpp); the document's "rules" override them.
  if (const Json* format = in.find("format")) {
    result.rules = format_from_reference(*format, "/format").group_rules;
  }
  if (const Json* rules = in.find("rules")) {
    result.rules = read_group_rules(*rules, "/rules", result.rules);
  }
  result.group.households = read_list<Household>(
      in, "households", [&result](const Json& household, const std::string& at) {
        return read_household(household, at, result.rules.default_attendance);
      });
  in.finish();
  validate(result.group, result.rules);  // the form checks: ids, caregivers, children
  return result;
}

Household household_from_json(const Json& value, const std::string& pointer,
                              const AttendanceProbabilities& default_attendance) {
  return read_household(value, pointer, default_attendance);
}

GroupDocument load_group(const std::filesystem::path& path) {
  const Json document = load_json_file(path);
  return in_file(path, [&] { return group_from_json(document); });
}

AttendanceRecords attendance_records_from_json(const Json& document) {
  ObjectReader in(document, "");
  AttendanceRecords result;
  in.string_or("note", "");
  result.records = read_list<AttendanceRecord>(in, "records", [](const Json& value, const std::string& at) {
    ObjectReader record_in(value, at);
    AttendanceRecord record;
    // DOMAIN X4: a pseudonym (a slug, as in a group document), never a name.
    record.household = read_slug(record_in, "household");
    record.session = record_in.integer("session", 1, 1000);
    record.caregivers = record_in.integer_or("caregivers", 2, 1, 2);
    record.present = record_in.integer("present", 0, 2);
    record_in.finish();
    return record;
  });
  if (const Json* prior = in.find("prior")) result.prior = read_attendance(*prior, "/prior", result.prior);
  if (const Json* weight = in.find("prior_weight")) {
    if (!weight->is_number() || weight->get<double>() < 0 || weight->get<double>() > 1e6) {
      throw InputError("", "a number of pseudo-sessions, 0 to 1000000", "/prior_weight");
    }
    result.prior_weight = weight->get<double>();
  }
  in.finish();
  fit_attendance(result.records, result.prior, result.prior_weight);  // the record checks
  return result;
}

AttendanceRecords load_attendance_records(const std::filesystem::path& path) {
  const Json document = load_json_file(path);
  return in_file(path, [&] { return attendance_records_from_json(document); });
}

TopicCatalogue catalogue_from_json(const Json& document, const TopicCatalogue& base) {
  return read_catalogue(document, "", base);
}

TopicCatalogue load_catalogue(const std::filesystem::path& path, const TopicCatalogue& base) {
  const Json document = load_json_file(path);
  return in_file(path, [&] { return catalogue_from_json(document, base); });
}

SchoolCalendar load_school_calendar(const std::filesystem::path& path) {
  const Json document = load_json_file(path);
  return in_file(path, [&] { return school_calendar_from_json(document); });
}

CourseRequest load_course_request(const std::filesystem::path& path) {
  const Json document = load_json_file(path);
  return in_file(path, [&] { return course_request_from_json(document, path.parent_path()); });
}

CourseSchedule load_course_schedule(const std::filesystem::path& path) {
  const Json document = load_json_file(path);
  return in_file(path, [&] { return course_schedule_from_json(document, path.parent_path()); });
}

Json to_json(const PublicHoliday& holiday) {
  return Json{{"date", iso_date(holiday.date)}, {"name", holiday.name_nb}, {"name_en", holiday.name_en}};
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

Json to_json(const Topic& topic) {
  Json stages = Json::array();
  for (auto stage : topic.stages) stages.push_back(std::string(to_string(stage)));
  Json audiences = Json::array();
  for (auto audience : topic.audiences) audiences.push_back(std::string(to_string(audience)));
  Json document{{"id", topic.id}};
  if (!topic.source.empty()) document["source"] = topic.source;
  document["title_nb"] = topic.title_nb;
  document["title_en"] = topic.title_en;
  document["description_nb"] = topic.description_nb;
  document["description_en"] = topic.description_en;
  document["presenter_role"] = topic.presenter_role;
  document["stages"] = stages;
  document["audiences"] = audiences;
  return document;
}

Json to_json(const TopicCatalogue& catalogue) {
  Json roles = Json::array();
  for (const auto& role : catalogue.roles) {
    roles.push_back({{"id", role.id}, {"title_nb", role.title_nb}, {"title_en", role.title_en}});
  }
  Json topics = Json::array();
  for (const auto& topic : catalogue.topics) topics.push_back(to_json(topic));
  return Json{{"extends", "none"}, {"roles", roles}, {"topics", topics}};
}

Json to_json(const ScheduleRules& rules) {
  Json document{{"min_sessions", rules.min_sessions},
                {"max_sessions", rules.max_sessions},
                {"cadences_weeks", rules.cadences_weeks},
                {"session_minutes", rules.session_minutes},
                {"introduction_minutes", rules.introduction_minutes},
                {"max_travel_minutes", rules.max_travel_minutes},
                {"start_step_minutes", rules.start_step_minutes},
                {"max_move_weeks", rules.max_move_weeks}};
  // Written only when off, so the documents of the monthly course stay as they were.
  if (!rules.getting_to_know_first) document["getting_to_know_first"] = false;
  return document;
}

ScheduleRules schedule_rules_from_json(const Json& value, const std::string& pointer,
                                       const ScheduleRules& base) {
  return read_rules(value, pointer, base);
}

GroupRules group_rules_from_json(const Json& value, const std::string& pointer,
                                 const GroupRules& base) {
  return read_group_rules(value, pointer, base);
}

Json to_json(const CourseRequest& request) {
  Json document{{"title", request.title}};
  if (!request.municipality.empty()) document["municipality"] = request.municipality;
  if (request.first_date) document["first_date"] = iso_date(*request.first_date);
  if (request.earliest_date) document["earliest_date"] = iso_date(*request.earliest_date);
  if (request.weekday) document["weekday"] = weekday_names[static_cast<int>(*request.weekday)];
  document["sessions"] = request.sessions;
  document["cadence_weeks"] = request.cadence_weeks;
  document["session_minutes"] = request.session_minutes;
  document["introduction_minutes"] = request.introduction_minutes;
  document["care_closes"] = clock(request.care_closes);
  document["travel_minutes"] = request.travel_minutes;
  document["earliest_start"] = clock(request.earliest_start);
  document["venue"] = {{"name", request.venue.name}};
  if (!request.venue.address.empty()) document["venue"]["address"] = request.venue.address;
  document["move_policy"] = std::string(to_string(request.move_policy));
  if (request.school_calendar) document["school_calendar"] = to_json(*request.school_calendar);
  document["rules"] = to_json(request.rules);
  document["audience"] = std::string(to_string(request.audience));
  // Only a built-in format's id reads back; a municipality's own format has left its defaults
  // in the fields above.
  if (request.format && find_builtin_format(*request.format) != nullptr) {
    document["format"] = *request.format;
  }
  if (request.catalogue) document["catalogue"] = to_json(*request.catalogue);
  if (!request.wishes.empty()) {
    Json wishes = Json::array();
    for (const auto& wish : request.wishes) {
      wishes.push_back({{"participant", wish.participant}, {"topics", wish.topics}, {"ranked", wish.ranked}});
    }
    document["wishes"] = wishes;
  }
  if (!request.children.empty()) {
    Json children = Json::array();
    for (const auto& child : request.children) {
      Json entry{{"stage", std::string(to_string(child.stage))}};
      if (child.grade) entry["grade"] = *child.grade;
      children.push_back(entry);
    }
    document["children"] = children;
  }
  if (!request.presenters.empty()) {
    Json presenters = Json::array();
    for (const auto& presenter : request.presenters) {
      Json dates = Json::array();
      for (const auto& date : presenter.unavailable) dates.push_back(iso_date(date));
      presenters.push_back({{"id", presenter.id}, {"name", presenter.name}, {"role", presenter.role},
                            {"unavailable", dates}});
    }
    document["presenters"] = presenters;
  }
  document["topic_rules"] = {{"stage_weight_percent", request.topic_rules.stage_weight_percent},
                             {"suggest_transitions", request.topic_rules.suggest_transitions}};
  return document;
}

Json to_json(const Session& session) {
  const ClockTime start = session.start_time();
  Json agenda = Json::array();
  for (const auto& item : session.agenda) {
    agenda.push_back({{"kind", std::string(to_string(item.kind))},
                      {"start", clock(start + boost::posix_time::minutes(item.offset_minutes))},
                      {"end", clock(start + boost::posix_time::minutes(item.offset_minutes +
                                                                       item.minutes))},
                      {"title_nb", item.title_nb},
                      {"title_en", item.title_en}});
  }
  Json document{{"number", session.number},
                {"date", iso_date(session.date())},
                {"weekday", weekday_names[session.date().day_of_week().as_number()]},
                {"start", clock(start)},
                {"end", clock(session.end_time())},
                {"venue", {{"name", session.venue.name}}},
                {"topic", session.topic ? Json(*session.topic) : Json(nullptr)},
                {"presenter", session.presenter ? Json(*session.presenter) : Json(nullptr)},
                {"agenda", agenda}};
  if (!session.venue.address.empty()) document["venue"]["address"] = session.venue.address;
  if (session.moved_from) document["moved_from"] = iso_date(*session.moved_from);
  if (session.move_reason) {
    document["move_reason"] = {{"kind", to_string(session.move_reason->kind)},
                               {"rule", session.move_reason->rule},
                               {"name", session.move_reason->name}};
  }
  return document;
}

Json to_json(const Violation& violation) {
  Json document{{"rule", violation.rule},
                {"severity", std::string(to_string(violation.severity))},
                {"message", violation.message}};
  if (violation.session) document["session"] = *violation.session;
  return document;
}

Json to_json(const std::vector<Violation>& findings) {
  Json array = Json::array();
  for (const auto& finding : findings) array.push_back(to_json(finding));
  return array;
}

Json to_json(const GroupViolation& violation) {
  return Json{{"rule", violation.rule},
              {"severity", std::string(to_string(violation.severity))},
              {"message", violation.message},
              {"households", violation.households}};
}

Json to_json(const AttendanceProbabilities& probabilities) {
  return Json{{"attend", probabilities.attend}, {"both", probabilities.both}};
}

Json to_json(const GroupRules& rules) {
  auto weight = [](RuleWeight w) { return std::string(to_string(w)); };
  return Json{{"behavioural_own_group", weight(rules.behavioural_own_group)},
              {"life_threatening_own_group", weight(rules.life_threatening_own_group)},
              {"min_participants", rules.min_participants},
              {"max_participants", rules.max_participants},
              {"size", weight(rules.size)},
              {"min_present", rules.min_present},
              {"min_present_probability", rules.min_present_probability},
              {"attendance", weight(rules.attendance)},
              {"max_stage_span", rules.max_stage_span},
              {"stage_band", weight(rules.stage_band)},
              {"school_age", weight(rules.school_age)},
              {"acquaintance", weight(rules.acquaintance)},
              {"rare_peers", weight(rules.rare_peers)},
              {"fathers_for_session", rules.fathers_for_session},
              {"fathers_session", weight(rules.fathers_session)},
              {"default_attendance", to_json(rules.default_attendance)}};
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
  if (household.care_closes) document["care_closes"] = clock(*household.care_closes);
  document["caregivers"] = caregivers;
  document["children"] = children;
  document["siblings"] = siblings;
  if (household.attendance) document["attendance"] = to_json(*household.attendance);
  return document;
}

Json to_json(const GroupDocument& document) {
  Json households = Json::array();
  for (const auto& household : document.group.households) households.push_back(to_json(household));
  return Json{{"id", document.group.id}, {"rules", to_json(document.rules)}, {"households", households}};
}

Json to_json(const AttendanceDistribution& distribution) {
  Json probabilities = Json::array();
  Json at_least = Json::array();
  for (int k = 0; k <= distribution.max_present(); ++k) {
    probabilities.push_back({{"present", k}, {"probability", distribution.probability[static_cast<std::size_t>(k)]}});
    if (k >= 1) at_least.push_back({{"present", k}, {"probability", distribution.at_least(k)}});
  }
  return Json{{"max_present", distribution.max_present()},
              {"mean", distribution.mean()},
              {"variance", distribution.variance()},
              {"distribution", probabilities},
              {"at_least", at_least}};
}

Json to_json(const CourseSchedule& schedule) {
  Json sessions = Json::array();
  for (const auto& session : schedule.sessions) sessions.push_back(to_json(session));
  // DOMAIN X4: the schedule goes to presenters and calendars; the participants' own wishes and
  // their children's stages and grades stay in the coordinator's request file.
  Json request = to_json(schedule.request);
  request.erase("wishes");
  request.erase("children");
  return Json{{"title", schedule.request.title},
              {"timezone", "Europe/Oslo"},
              {"sessions", sessions},
              {"findings", to_json(schedule.findings)},
              {"request", request}};
}

}  // namespace paarorende
