// Topic catalogues as JSON (io/topic.hpp; docs/topics.md).
#include "paarorende/io/topic.hpp"
#include "detail/input_error.hpp"

#include <algorithm>

#include "io/readers.hpp"

namespace paarorende {
using namespace detail;

namespace {

/// A list of distinct enumerators named by `names`.
template <class Enum, std::size_t N>
std::vector<Enum> read_enum_list(ObjectReader& in, const char* key, const EnumNames<Enum, N>& names) {
  const Json& array = in.array(key);
  std::vector<Enum> values;
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string at = index_pointer(in.pointer(key), i);
    const Enum value = read_named(array[i], at, names);
    if (std::find(values.begin(), values.end(), value) != values.end()) {
      raise_input_error(at, quote_input(detail::read_string(array[i], at)) + " is listed twice");
    }
    values.push_back(value);
  }
  return values;
}

std::vector<ChildStage> read_stages(ObjectReader& in) {
  return read_enum_list(in, "stages", detail::child_stage_names);
}

std::vector<Audience> read_audiences(ObjectReader& in) {
  return read_enum_list(in, "audiences", detail::audience_names);
}

// One entry of a catalogue's "roles" or "topics": new (every field required) or an override of
// `existing` (only "id" and "override" required; the fields given replace the existing ones).
PresenterRole read_role(const Json& value, const std::string& pointer, const PresenterRole* existing) {
  ObjectReader in(value, pointer);
  PresenterRole role = existing ? *existing : PresenterRole{};
  role.id = in.slug("id");
  in.boolean_or("override", false);
  role.title_nb = existing ? in.string_or("title_nb", role.title_nb) : in.string("title_nb");
  role.title_en = existing ? in.string_or("title_en", role.title_en) : in.string("title_en");
  // Nynorsk is optional in a file (issue #23): a nynorsk plan refuses a role without it. An
  // override of the bokmål title without a nynorsk one drops the old nynorsk, never stale.
  const bool new_bokmal = existing && in.find("title_nb");
  role.title_nn = in.string_or("title_nn", new_bokmal ? std::string() : role.title_nn);
  in.finish();
  return role;
}

Topic read_topic(const Json& value, const std::string& pointer, const Topic* existing) {
  ObjectReader in(value, pointer);
  Topic topic = existing ? *existing : Topic{};
  topic.id = in.slug("id");
  in.boolean_or("override", false);
  auto text = [&](const char* key, std::string& field) {
    field = existing ? in.string_or(key, field) : in.string(key);
  };
  topic.source = in.string_or("source", topic.source);
  text("title_nb", topic.title_nb);
  text("title_en", topic.title_en);
  text("description_nb", topic.description_nb);
  text("description_en", topic.description_en);
  // Nynorsk is optional in a file, as for a role (read_role).
  auto nynorsk = [&](const char* key, const char* bokmal_key, std::string& field) {
    field = in.string_or(key, existing && in.find(bokmal_key) ? std::string() : field);
  };
  nynorsk("title_nn", "title_nb", topic.title_nn);
  nynorsk("description_nn", "description_nb", topic.description_nn);
  text("presenter_role", topic.presenter_role);
  if (!existing || in.find("stages")) topic.stages = read_stages(in);
  if (!existing || in.find("audiences")) topic.audiences = read_audiences(in);
  in.finish();
  if (topic.stages.empty()) detail::raise_input_error(in.pointer("stages"), "a topic suits at least one stage", detail::Rule{"G6"});
  if (topic.audiences.empty()) detail::raise_input_error(in.pointer("audiences"), "a topic has at least one audience");
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
    const std::string id = peek.slug("id");
    const bool override_flag = peek.boolean_or("override", false);
    auto same_id = [&id](const Entry& entry) { return entry.id == id; };
    auto found = std::find_if(into.begin(), into.end(), same_id);
    const bool from_base = found != into.end() && static_cast<std::size_t>(found - into.begin()) < base_count;
    if (!in_this_file.insert(id).second) {
      detail::raise_input_error(at + "/id", detail::quote_input(id) + " appears twice in this file");
    }
    if (from_base && !override_flag) {
      detail::raise_input_error(at + "/id", detail::quote_input(id) +
                               " is already in the catalogue; set \"override\": true to replace its fields");
    }
    if (!from_base && override_flag) {
      detail::raise_input_error(at + "/id", "no " + detail::quote_input(id) + " in the catalogue to override");
    }
    if (from_base) {
      *found = read(array[i], at, &*found);
    } else {
      into.push_back(read(array[i], at, nullptr));
    }
  }
}

}  // namespace

namespace detail {

TopicCatalogue read_catalogue(const Json& value, const std::string& pointer, const TopicCatalogue& base) {
  ObjectReader in(value, pointer);
  const std::string extends = in.string_or("extends", "builtin");
  if (extends != "builtin" && extends != "none") {
    detail::raise_input_error(in.pointer("extends"), "expected \"builtin\" or \"none\", got " + detail::quote_input(extends));
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
        detail::raise_input_error(at + (entry.contains("presenter_role") ? "/presenter_role" : "/id"), "no presenter role " + detail::quote_input(topic.presenter_role) +
                             " in the catalogue", detail::Rule{"C7"});
      }
      return topic;
    };
    merge_entries(*topics, in.pointer("topics"), catalogue.topics, base_topics,
                  read_known_role_topic);
  }
  in.finish();
  // DOMAIN T6: the first session's topic is always there.
  if (catalogue.find(first_session_topic) == nullptr) {
    detail::raise_input_error(in.pointer("topics"), "the catalogue needs the topic \"" + std::string(first_session_topic) + "\"", detail::Rule{"T6"});
  }
  return catalogue;
}

}  // namespace detail

TopicCatalogue catalogue_from_json(const Json& document, const TopicCatalogue& base) {
  return read_catalogue(document, "", base);
}

TopicCatalogue load_catalogue(const std::filesystem::path& path, const TopicCatalogue& base) {
  const Json document = load_json_file(path);
  return in_file(path, [&] { return catalogue_from_json(document, base); });
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
  if (!topic.title_nn.empty()) document["title_nn"] = topic.title_nn;
  if (!topic.description_nn.empty()) document["description_nn"] = topic.description_nn;
  document["presenter_role"] = topic.presenter_role;
  document["stages"] = stages;
  document["audiences"] = audiences;
  return document;
}

Json to_json(const TopicCatalogue& catalogue) {
  Json roles = Json::array();
  for (const auto& role : catalogue.roles) {
    Json entry{{"id", role.id}, {"title_nb", role.title_nb}, {"title_en", role.title_en}};
    if (!role.title_nn.empty()) entry["title_nn"] = role.title_nn;
    roles.push_back(std::move(entry));
  }
  Json topics = Json::array();
  for (const auto& topic : catalogue.topics) topics.push_back(to_json(topic));
  return Json{{"extends", "none"}, {"roles", roles}, {"topics", topics}};
}

const TopicCatalogue& builtin_catalogue() {
  // The built-in data goes through the same reader as a municipality's file.
  static const TopicCatalogue catalogue =
      catalogue_from_json(parse_json(detail::builtin_topics_json), TopicCatalogue{});
  return catalogue;
}

}  // namespace paarorende
