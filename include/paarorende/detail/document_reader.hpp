// Internal: reading helpers shared by the format, roster, season, family-week, parallel-offer and
// region documents, on top of detail::ObjectReader.
#pragma once

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "paarorende/detail/json_reader.hpp"
#include "paarorende/error.hpp"
#include "paarorende/limits.hpp"
#include "paarorende/json.hpp"

namespace paarorende::detail {

/// Lower-case letters, digits and _, at most 64: the ids of the model (pseudonyms, DOMAIN X4).
inline bool is_slug_id(const std::string& id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

inline std::string read_slug_field(ObjectReader& in, const char* key) {
  const std::string id = in.string(key);
  if (!is_slug_id(id)) {
    throw InputError("", "an id is lower-case letters, digits and _ (at most 64), got " +
                             quote_input(id), in.pointer(key));
  }
  return id;
}

/// An optional array field read entry by entry; at most max_list_entries entries.
template <class T, class Read>
std::vector<T> read_array(ObjectReader& in, const char* key, Read read) {
  std::vector<T> values;
  if (const Json* array = in.find(key)) {
    if (!array->is_array()) wrong_type(*array, in.pointer(key), "an array");
    check_limit(array->size(), max_list_entries, "entries", in.pointer(key));
    for (std::size_t i = 0; i < array->size(); ++i) {
      values.push_back(read((*array)[i], in.pointer(key) + "/" + std::to_string(i)));
    }
  }
  return values;
}

/// A string field parsed by `parse` (an X_from_string); `expected` lists the accepted names.
template <class Enum, class Parse>
Enum read_named(const Json& value, const std::string& pointer, Parse parse, const char* expected) {
  const std::string text = read_string(value, pointer);
  const auto parsed = parse(text);
  if (!parsed) {
    throw InputError("", std::string("expected ") + expected + ", got " + quote_input(text), pointer);
  }
  return *parsed;
}

/// Reads a document file with `read`, every error located in the file.
template <class Read>
auto read_document_file(const std::filesystem::path& path, Read&& read) -> decltype(read(Json{})) {
  const Json document = load_json_file(path);  // its own errors already name the file
  try {
    return read(document);
  } catch (const InputError& error) {
    if (error.where().rfind(path.string() + ":", 0) == 0) throw;
    throw InputError(error.rule(), error.message(), located_in_file(path.string(), error.where()));
  }
}

}  // namespace paarorende::detail
