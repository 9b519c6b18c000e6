// Private to the I/O layer: strict reading of JSON documents with a JSON pointer in every error.
// Each ObjectReader marks the fields it reads; finish() rejects the rest, so unknown fields are
// errors, never dropped. Built on the library's toolkit (src/detail/): quoting, slugs, enum
// name tables, limits, the file reader and raise_input_error.
#pragma once

#include <cstdio>
#include <filesystem>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include "detail/enum_names.hpp"
#include "detail/file.hpp"
#include "detail/input_error.hpp"
#include "detail/text.hpp"
#include "paarorende/calendar.hpp"
#include "paarorende/io/json.hpp"
#include "paarorende/limits.hpp"

namespace paarorende::detail {

inline std::string type_name(const Json& value) {
  if (value.is_number_integer()) return "an integer";
  if (value.is_number()) return "a number";
  if (value.is_string()) return "a string";
  if (value.is_boolean()) return "a boolean";
  if (value.is_null()) return "null";
  if (value.is_array()) return "an array";
  return "an object";
}

[[noreturn]] inline void wrong_type(const Json& value, const std::string& pointer,
                                    const std::string& expected) {
  raise_input_error(pointer, "expected " + expected + ", got " + type_name(value));
}

inline std::string read_string(const Json& value, const std::string& pointer) {
  if (!value.is_string()) wrong_type(value, pointer, "a string");
  return value.get<std::string>();
}

inline bool read_boolean(const Json& value, const std::string& pointer) {
  if (!value.is_boolean()) wrong_type(value, pointer, "a boolean");
  return value.get<bool>();
}

inline long long read_integer(const Json& value, const std::string& pointer, long long low,
                              long long high) {
  if (!value.is_number_integer()) wrong_type(value, pointer, "an integer");
  // Unsigned values beyond the signed range are out of any range we accept.
  if (value.is_number_unsigned() &&
      value.get<unsigned long long>() > static_cast<unsigned long long>(high)) {
    raise_input_error(pointer, "must be between " + std::to_string(low) + " and " +
                                   std::to_string(high) + ", got " +
                                   std::to_string(value.get<unsigned long long>()));
  }
  const auto number = value.get<long long>();
  if (number < low || number > high) raise_input_error(pointer, range_message(low, high, number));
  return number;
}

/// A number in [low, high]: "must be between 0 and 1e+06, got 2e6" (bounds as %g writes them,
/// the value as the document has it).
inline double read_number(const Json& value, const std::string& pointer, double low, double high) {
  if (!value.is_number()) wrong_type(value, pointer, "a number");
  const double number = value.get<double>();
  if (!(number >= low && number <= high)) {
    char bounds[64];
    std::snprintf(bounds, sizeof bounds, "must be between %g and %g, got ", low, high);
    raise_input_error(pointer, bounds + value.dump());
  }
  return number;
}

/// "YYYY-MM-DD", a real calendar date in the supported years (parse_iso_date, calendar.hpp).
inline boost::gregorian::date read_date(const Json& value, const std::string& pointer) {
  const std::string text = read_string(value, pointer);
  return under_pointer(pointer, [&] { return parse_iso_date(text); });
}

/// "HH:MM", 00:00 to 23:59 (parse_clock_time, calendar.hpp).
inline boost::posix_time::time_duration read_clock(const Json& value, const std::string& pointer) {
  const std::string text = read_string(value, pointer);
  return under_pointer(pointer, [&] { return parse_clock_time(text); });
}

/// A string that names an enumerator in `names`; "expected a, b or c, got ..." otherwise.
template <class Enum, std::size_t N>
Enum read_named(const Json& value, const std::string& pointer, const EnumNames<Enum, N>& names) {
  const std::string text = read_string(value, pointer);
  const auto parsed = names.parse(text);
  if (!parsed) raise_input_error(pointer, "expected " + names.expected() + ", got " + quote_input(text));
  return *parsed;
}

/// Reads one JSON object field by field.
class ObjectReader {
 public:
  ObjectReader(const Json& object, std::string pointer)
      : object_(object), pointer_(std::move(pointer)) {
    if (!object_.is_object()) wrong_type(object_, pointer_.empty() ? "/" : pointer_, "an object");
  }

  const std::string& pointer() const { return pointer_; }
  std::string pointer(std::string_view key) const { return pointer_ + "/" + pointer_token(key); }

  /// The field, or nullptr when absent; marks it as read.
  const Json* find(std::string_view key) {
    seen_.insert(std::string(key));
    auto it = object_.find(std::string(key));
    return it == object_.end() ? nullptr : &*it;
  }

  const Json& required(std::string_view key) {
    const Json* value = find(key);
    if (value == nullptr) {
      raise_input_error(pointer_.empty() ? "/" : pointer_, "missing required field " + quote_input(key));
    }
    return *value;
  }

  std::string string(std::string_view key) { return read_string(required(key), pointer(key)); }
  std::string string_or(std::string_view key, std::string fallback) {
    const Json* value = find(key);
    return value ? read_string(*value, pointer(key)) : fallback;
  }
  /// A slug id (detail::is_slug): lower-case letters, digits and _, at most 64 (DOMAIN X4).
  std::string slug(std::string_view key) {
    std::string id = string(key);
    if (!is_slug(id)) {
      raise_input_error(pointer(key), "an id is lower-case letters, digits and _ (at most 64), got " +
                                          quote_input(id));
    }
    return id;
  }
  int integer_or(std::string_view key, int fallback, int low, int high) {
    const Json* value = find(key);
    return value ? static_cast<int>(read_integer(*value, pointer(key), low, high)) : fallback;
  }
  int integer(std::string_view key, int low, int high) {
    return static_cast<int>(read_integer(required(key), pointer(key), low, high));
  }
  bool boolean_or(std::string_view key, bool fallback) {
    const Json* value = find(key);
    return value ? read_boolean(*value, pointer(key)) : fallback;
  }
  boost::gregorian::date date(std::string_view key) { return read_date(required(key), pointer(key)); }
  std::optional<boost::gregorian::date> optional_date(std::string_view key) {
    const Json* value = find(key);
    if (value == nullptr) return std::nullopt;
    return read_date(*value, pointer(key));
  }
  boost::posix_time::time_duration clock(std::string_view key) {
    return read_clock(required(key), pointer(key));
  }
  boost::posix_time::time_duration clock_or(std::string_view key,
                                            boost::posix_time::time_duration fallback) {
    const Json* value = find(key);
    return value ? read_clock(*value, pointer(key)) : fallback;
  }
  template <class Enum, std::size_t N>
  Enum named(std::string_view key, const EnumNames<Enum, N>& names) {
    return read_named(required(key), pointer(key), names);
  }
  template <class Enum, std::size_t N>
  Enum named_or(std::string_view key, Enum fallback, const EnumNames<Enum, N>& names) {
    const Json* value = find(key);
    return value ? read_named(*value, pointer(key), names) : fallback;
  }
  /// A required array of at most max_list_entries entries (include/paarorende/limits.hpp).
  const Json& array(std::string_view key) {
    const Json& value = required(key);
    if (!value.is_array()) wrong_type(value, pointer(key), "an array");
    check_limit(value.size(), max_list_entries, "entries", pointer(key));
    return value;
  }

  /// Rejects every field that was not read. "$schema" is always allowed, for editors.
  void finish() const {
    for (auto it = object_.begin(); it != object_.end(); ++it) {
      if (it.key() == "$schema" && pointer_.empty()) {
        if (!it.value().is_string()) wrong_type(it.value(), "/$schema", "a string");
        continue;
      }
      if (!seen_.count(it.key())) raise_input_error(pointer(it.key()), "unknown field " + quote_input(it.key()));
    }
  }

 private:
  const Json& object_;
  std::string pointer_;
  std::set<std::string> seen_;
};

/// An optional array field read entry by entry; at most max_list_entries entries.
template <class T, class Read>
std::vector<T> read_array(ObjectReader& in, const char* key, Read read) {
  std::vector<T> values;
  if (const Json* array = in.find(key)) {
    if (!array->is_array()) wrong_type(*array, in.pointer(key), "an array");
    check_limit(array->size(), max_list_entries, "entries", in.pointer(key));
    for (std::size_t i = 0; i < array->size(); ++i) {
      values.push_back(read((*array)[i], index_pointer(in.pointer(key), i)));
    }
  }
  return values;
}

/// Reads a document file with `read`, every error located in the file.
template <class Read>
auto read_document_file(const std::filesystem::path& path, Read&& read) -> decltype(read(Json{})) {
  const Json document = load_json_file(path);  // its own errors already name the file
  return in_file(path, [&] { return read(document); });
}

}  // namespace paarorende::detail
