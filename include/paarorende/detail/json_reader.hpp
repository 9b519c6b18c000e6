// Internal: strict reading of JSON objects with JSON pointers in every error. Each reader marks the
// fields it reads; finish() rejects the rest, so unknown fields are errors, never dropped.
#pragma once

#include <cstdio>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include "paarorende/calendar.hpp"
#include "paarorende/detail/format.hpp"
#include "paarorende/error.hpp"
#include "paarorende/limits.hpp"

namespace paarorende::detail {

using Json = nlohmann::ordered_json;

/// RFC 6901: "~" becomes "~0" and "/" becomes "~1".
inline std::string pointer_token(std::string_view key) {
  std::string token;
  for (char c : key) {
    if (c == '~') token += "~0";
    else if (c == '/') token += "~1";
    else token += c;
  }
  return token;
}

/// Input text quoted for a one-line message: in double quotes, control characters escaped as in
/// JSON, and cut after 40 characters so a huge value cannot flood the message.
inline std::string quote_input(std::string_view text) {
  constexpr std::size_t max_characters = 40;
  std::string out = "\"";
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80 && characters++ == max_characters) {
      out += "...";
      break;
    }
    if (c == '"' || c == '\\') out += '\\';
    append_escaping_controls(out, text[i]);
  }
  return out + "\"";
}

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
  throw InputError("", "expected " + expected + ", got " + type_name(value), pointer);
}

inline std::string read_string(const Json& value, const std::string& pointer) {
  if (!value.is_string()) wrong_type(value, pointer, "a string");
  return value.get<std::string>();
}

inline long long read_integer(const Json& value, const std::string& pointer, long long low,
                              long long high) {
  if (!value.is_number_integer()) wrong_type(value, pointer, "an integer");
  // Unsigned values beyond the signed range are out of any range we accept.
  if (value.is_number_unsigned() &&
      value.get<unsigned long long>() > static_cast<unsigned long long>(high)) {
    throw InputError("",
                     "must be between " + std::to_string(low) + " and " + std::to_string(high) +
                         ", got " + std::to_string(value.get<unsigned long long>()),
                     pointer);
  }
  const auto number = value.get<long long>();
  if (number < low || number > high) {
    throw InputError("",
                     "must be between " + std::to_string(low) + " and " + std::to_string(high) +
                         ", got " + std::to_string(number),
                     pointer);
  }
  return number;
}

inline bool all_digits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return !text.empty();
}

/// "YYYY-MM-DD", a real calendar date.
inline boost::gregorian::date read_date(const Json& value, const std::string& pointer) {
  const std::string text = read_string(value, pointer);
  const std::string_view v(text);
  if (v.size() != 10 || v[4] != '-' || v[7] != '-' || !all_digits(v.substr(0, 4)) ||
      !all_digits(v.substr(5, 2)) || !all_digits(v.substr(8, 2))) {
    throw InputError("", "expected a date as YYYY-MM-DD, got " + quote_input(text), pointer);
  }
  const int year = std::stoi(text.substr(0, 4));
  const int month = std::stoi(text.substr(5, 2));
  const int day = std::stoi(text.substr(8, 2));
  if (year < first_supported_year || year > last_supported_year) {
    throw InputError("", quote_input(text) + " is outside the supported years " +
                             std::to_string(first_supported_year) + "-" +
                             std::to_string(last_supported_year), pointer);
  }
  if (month < 1 || month > 12 || day < 1 ||
      day > boost::gregorian::gregorian_calendar::end_of_month_day(
                static_cast<unsigned short>(year), static_cast<unsigned short>(month))) {
    throw InputError("", quote_input(text) + " is not a calendar date", pointer);
  }
  return boost::gregorian::date(static_cast<unsigned short>(year),
                                static_cast<unsigned short>(month),
                                static_cast<unsigned short>(day));
}

/// "HH:MM", 00:00 to 23:59.
inline boost::posix_time::time_duration read_clock(const Json& value, const std::string& pointer) {
  const std::string text = read_string(value, pointer);
  const std::string_view v(text);
  if (v.size() != 5 || v[2] != ':' || !all_digits(v.substr(0, 2)) || !all_digits(v.substr(3, 2)) ||
      std::stoi(text.substr(0, 2)) > 23 || std::stoi(text.substr(3, 2)) > 59) {
    throw InputError("", "expected a time of day as HH:MM (00:00-23:59), got " + quote_input(text),
                     pointer);
  }
  return boost::posix_time::time_duration(std::stoi(text.substr(0, 2)), std::stoi(text.substr(3, 2)),
                                          0);
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
      throw InputError("", "missing required field " + quote_input(key),
                       pointer_.empty() ? "/" : pointer_);
    }
    return *value;
  }

  std::string string(std::string_view key) { return read_string(required(key), pointer(key)); }
  std::string string_or(std::string_view key, std::string fallback) {
    const Json* value = find(key);
    return value ? read_string(*value, pointer(key)) : fallback;
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
    if (value == nullptr) return fallback;
    if (!value->is_boolean()) wrong_type(*value, pointer(key), "a boolean");
    return value->get<bool>();
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
      if (!seen_.count(it.key())) {
        throw InputError("", "unknown field " + quote_input(it.key()), pointer(it.key()));
      }
    }
  }

 private:
  const Json& object_;
  std::string pointer_;
  std::set<std::string> seen_;
};

}  // namespace paarorende::detail
