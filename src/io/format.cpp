// Course formats as JSON, and the built-in formats read from src/data/formats.json (io/format.hpp).
#include "paarorende/io/format.hpp"
#include "detail/input_error.hpp"

#include "io/fields.hpp"
#include "io/readers.hpp"
#include "paarorende/io/group.hpp"
#include "paarorende/io/schedule.hpp"

namespace paarorende {
using namespace detail;

namespace {

FormatBlock read_block(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  FormatBlock block;
  block.kind = in.slug("kind");
  block.minutes = in.integer("minutes", 0, 720);
  block.title_nb = in.string("title_nb");
  block.title_en = in.string("title_en");
  block.rule = in.string_or("rule", "");
  block.title_nn = in.string_or("title_nn", "");
  in.finish();
  return block;
}

std::optional<int> optional_integer(ObjectReader& in, const char* key, std::optional<int> fallback,
                                    int low, int high) {
  const Json* value = in.find(key);
  if (value == nullptr) return fallback;
  if (value->is_null()) return std::nullopt;  // null clears a base format's value
  return static_cast<int>(detail::read_integer(*value, in.pointer(key), low, high));
}

// One format document over the format it is based on. `known` are the formats it may name in
// "based_on"; without "based_on" it starts from CourseFormat{} and must name its kind and names.
CourseFormat read_format(const Json& value, const std::string& pointer,
                         const std::vector<CourseFormat>& known) {
  ObjectReader in(value, pointer);
  const std::string id = in.slug("id");
  for (const auto& format : known) {
    if (format.id == id) {
      detail::raise_input_error(in.pointer("id"), "format id " + detail::quote_input(id) +
                               " is taken by a built-in format; choose another");
    }
  }
  CourseFormat format;
  if (const Json* based_on = in.find("based_on")) {
    const std::string base_id = detail::read_string(*based_on, in.pointer("based_on"));
    const auto base = std::find_if(known.begin(), known.end(),
                                   [&](const CourseFormat& f) { return f.id == base_id; });
    if (base == known.end()) {
      std::string ids;
      for (const auto& f : known) ids += (ids.empty() ? "" : ", ") + f.id;
      detail::raise_input_error(in.pointer("based_on"), "no format " + detail::quote_input(base_id) + " to base on (known: " +
                               ids + ")");
    }
    format = *base;
    format.based_on = base_id;
  } else {
    in.required("kind");
    in.required("name_nb");
    in.required("name_en");
  }
  format.id = id;
  if (const Json* kind = in.find("kind")) {
    format.kind = detail::read_named(*kind, in.pointer("kind"), detail::format_kind_names);
  }
  format.name_nb = in.string_or("name_nb", format.name_nb);
  format.name_en = in.string_or("name_en", format.name_en);
  format.description_nb = in.string_or("description_nb", format.description_nb);
  format.description_en = in.string_or("description_en", format.description_en);
  // Nynorsk is optional (issue #23); a new bokmål text without nynorsk drops the base's nynorsk,
  // so that a nynorsk plan never shows a translation of another text.
  format.name_nn = in.string_or("name_nn", in.find("name_nb") ? std::string() : format.name_nn);
  format.description_nn =
      in.string_or("description_nn", in.find("description_nb") ? std::string() : format.description_nn);
  if (const Json* audience = in.find("audience")) {
    format.audience = detail::read_named(*audience, in.pointer("audience"), detail::audience_names);
  }
  format.sessions = in.integer_or("sessions", format.sessions, 0, 52);
  format.cadence_weeks = in.integer_or("cadence_weeks", format.cadence_weeks, 0, 12);
  format.session_minutes = in.integer_or("session_minutes", format.session_minutes, 15, 720);
  format.introduction_minutes =
      in.integer_or("introduction_minutes", format.introduction_minutes, 0, 719);
  format.earliest_start = in.clock_or("earliest_start", format.earliest_start);
  format.latest_end = in.clock_or("latest_end", format.latest_end);
  format.min_age = optional_integer(in, "min_age", format.min_age, 0, 25);
  format.max_age = optional_integer(in, "max_age", format.max_age, 0, 25);
  format.season_first_month = optional_integer(in, "season_first_month", format.season_first_month, 1, 12);
  format.season_last_month = optional_integer(in, "season_last_month", format.season_last_month, 1, 12);
  if (in.find("agenda")) {
    format.agenda = detail::read_array<FormatBlock>(in, "agenda", read_block);
  } else if (format.kind == FormatKind::course) {
    // A course's agenda is laid out as standard_agenda does it (DOMAIN C2): the base's template
    // follows a changed length, the introduction first and the reflection the rest.
    for (auto& block : format.agenda) {
      if (block.kind == "introduction") block.minutes = format.introduction_minutes;
      if (block.kind == "reflection") block.minutes = format.session_minutes - format.introduction_minutes;
    }
  }
  // DOMAIN C2: the course rules' model length follows the format's own, unless
  // "schedule_rules" below says otherwise.
  format.schedule_rules.session_minutes = std::min(format.session_minutes, 480);
  format.schedule_rules.introduction_minutes =
      std::min(format.introduction_minutes, format.schedule_rules.session_minutes - 1);
  std::optional<detail::OldTravel> old_travel;
  if (const Json* rules = in.find("schedule_rules")) {
    Json copy = *rules;  // DOMAIN C8: an old max_travel_minutes is travel.warn_minutes
    old_travel = detail::take_old_travel(copy, in.pointer("schedule_rules"), detail::OldTravelField::warn_minutes, 0, 240);
    format.schedule_rules = schedule_rules_from_json(copy, in.pointer("schedule_rules"), format.schedule_rules);
  }
  format.travel = detail::read_travel(in, format.travel, old_travel);
  if (const Json* rules = in.find("group_rules")) {
    format.group_rules = group_rules_from_json(*rules, in.pointer("group_rules"), format.group_rules);
  }
  if (const Json* staffing = in.find("staffing")) {
    // format.hpp's table; fields left out keep the base format's.
    format.staffing = read_fields(*staffing, in.pointer("staffing"), format.staffing);
  }
  format.evaluation_form = in.string_or("evaluation_form", format.evaluation_form);
  if (in.find("rules")) {
    format.rules = detail::read_array<std::string>(in, "rules", [](const Json& v, const std::string& at) {
      std::string id = detail::read_string(v, at);
      if (!is_rule_id(id)) {
        detail::raise_input_error(at, "expected a DOMAIN rule id such as \"C3\", got " + detail::quote_input(id));
      }
      return id;
    });
  }
  if (const Json* sources = in.find("sources")) {
    if (!sources->is_object()) detail::wrong_type(*sources, in.pointer("sources"), "an object");
    for (auto it = sources->begin(); it != sources->end(); ++it) {
      format.sources[it.key()] =
          detail::read_string(it.value(), in.pointer("sources") + "/" + detail::pointer_token(it.key()));
    }
  }
  in.finish();
  detail::under_pointer(pointer, [&] { check_format(format); });
  return format;
}

}  // namespace

const std::vector<CourseFormat>& builtin_formats() {
  // Each built-in may be based on an earlier one.
  static const std::vector<CourseFormat> formats =
      read_builtin_list<CourseFormat>(builtin_formats_json, "formats", read_format);
  return formats;
}

CourseFormat format_from_json(const Json& document, const std::vector<CourseFormat>& base) {
  return read_format(document, "", base);
}

CourseFormat load_format(const std::filesystem::path& path, const std::vector<CourseFormat>& base) {
  return detail::read_document_file(path, [&](const Json& document) {
    return format_from_json(document, base);
  });
}

Language detail::read_plan_language(ObjectReader& in) {
  const Json* value = in.find("language");
  if (value == nullptr) return Language::nb;
  const std::string text = detail::read_string(*value, in.pointer("language"));
  const auto language = language_from_string(text);
  if (!language) {
    detail::raise_input_error(in.pointer("language"), "a plan's language is nb, nn or en, got " + detail::quote_input(text));
  }
  return *language;
}

void detail::set_plan_language(Json& document, std::optional<Language> language) {
  if (language && document.is_object()) document["language"] = std::string(to_string(*language));
}

std::string detail::read_plan_title(ObjectReader& in, const CourseFormat& format, Language language) {
  if (in.find("title")) return in.string("title");
  const std::string& name = format.name(language);
  if (name.empty()) {
    detail::raise_input_error(in.pointer("language"), "format " + detail::quote_input(format.id) +
                                                          " has no name in " + std::string(to_string(language)) +
                                                          " (name_" + std::string(to_string(language)) +
                                                          "): give the plan a \"title\" in it");
  }
  return name;
}

CourseFormat format_from_reference(const Json& value, const std::string& pointer,
                                   const std::filesystem::path& base_dir) {
  return read_reference(
      value, pointer, base_dir, "a built-in format id, a file name or an object",
      [](const Json& document, const std::string& at) {
        return under_pointer(at, [&] { return format_from_json(document); });
      },
      [&](const std::string& id) { return builtin_format(id, pointer); },
      [](const std::filesystem::path& file) { return load_format(file); });
}

Json to_json(const StaffingRules& staffing) {
  return write_fields(staffing);
}

Json to_json(const CourseFormat& format) {
  Json document{{"id", format.id}};
  if (!format.based_on.empty()) document["based_on"] = format.based_on;
  document["kind"] = std::string(to_string(format.kind));
  document["name_nb"] = format.name_nb;
  document["name_en"] = format.name_en;
  document["description_nb"] = format.description_nb;
  document["description_en"] = format.description_en;
  if (!format.name_nn.empty()) document["name_nn"] = format.name_nn;
  if (!format.description_nn.empty()) document["description_nn"] = format.description_nn;
  document["audience"] = std::string(to_string(format.audience));
  document["sessions"] = format.sessions;
  document["cadence_weeks"] = format.cadence_weeks;
  document["session_minutes"] = format.session_minutes;
  document["introduction_minutes"] = format.introduction_minutes;
  document["earliest_start"] = clock_time(format.earliest_start);
  document["latest_end"] = clock_time(format.latest_end);
  document["min_age"] = format.min_age ? Json(*format.min_age) : Json(nullptr);
  document["max_age"] = format.max_age ? Json(*format.max_age) : Json(nullptr);
  document["season_first_month"] =
      format.season_first_month ? Json(*format.season_first_month) : Json(nullptr);
  document["season_last_month"] =
      format.season_last_month ? Json(*format.season_last_month) : Json(nullptr);
  Json agenda = Json::array();
  for (const auto& block : format.agenda) {
    Json entry{{"kind", block.kind},
               {"minutes", block.minutes},
               {"title_nb", block.title_nb},
               {"title_en", block.title_en}};
    if (!block.title_nn.empty()) entry["title_nn"] = block.title_nn;
    if (!block.rule.empty()) entry["rule"] = block.rule;
    agenda.push_back(entry);
  }
  document["agenda"] = agenda;
  document["schedule_rules"] = to_json(format.schedule_rules);
  document["travel"] = write_fields(format.travel);
  document["group_rules"] = to_json(format.group_rules);
  document["staffing"] = to_json(format.staffing);
  document["evaluation_form"] = format.evaluation_form;
  document["rules"] = format.rules;
  Json sources = Json::object();
  for (const auto& [field, rule] : format.sources) sources[field] = rule;
  document["sources"] = sources;
  return document;
}

Json to_json(const std::vector<CourseFormat>& formats) {
  Json list = Json::array();
  for (const auto& format : formats) list.push_back(to_json(format));
  return Json{{"formats", list}};
}

}  // namespace paarorende
