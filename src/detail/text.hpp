// Private toolkit: text for messages. Quoting input safely, JSON pointer tokens, slugs, number
// ranges and the stable hash of iCalendar UIDs each have their one home here.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include <boost/date_time/posix_time/posix_time_types.hpp>

namespace paarorende::detail {

/// Appends `c` to `out`, a control character written as a JSON escape ("\n", "\u0009") so that
/// text from the input cannot break a one-line message.
inline void append_escaping_controls(std::string& out, char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte == '\n') {
    out += "\\n";
  } else if (byte < 0x20 || byte == 0x7F) {
    char escaped[8];
    std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
    out += escaped;
  } else {
    out += c;
  }
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

/// "/households/3": an array entry's pointer.
inline std::string index_pointer(std::string_view array, std::size_t index) {
  std::string text(array);
  text += '/';
  text += std::to_string(index);
  return text;
}

inline bool all_digits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return !text.empty();
}

/// Lower-case letters, digits and _ (and - where `hyphens`), at most 64: the ids of the model,
/// pseudonyms only (DOMAIN X4).
inline bool is_slug(std::string_view id, bool hyphens = false) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                    (hyphens && c == '-');
    if (!ok) return false;
  }
  return true;
}

/// "row 7, column 3": where a cell is in a table, as a spreadsheet counts (the header is row 1).
inline std::string cell_location(std::size_t row, std::size_t column) {
  return "row " + std::to_string(row) + ", column " + std::to_string(column);
}

/// "C3", "G9", "X5": a DOMAIN rule id.
inline bool is_rule_id(std::string_view id) {
  return id.size() >= 2 && id.size() <= 4 && id[0] >= 'A' && id[0] <= 'Z' && all_digits(id.substr(1));
}

/// "must be between 1 and 10, got 12".
inline std::string range_message(long long low, long long high, long long value) {
  return "must be between " + std::to_string(low) + " and " + std::to_string(high) + ", got " +
         std::to_string(value);
}

/// FNV-1a, 64 bits: a hash that is the same on every platform and run, for iCalendar UIDs that
/// stay stable across exports.
inline std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

/// Minutes since midnight of a time of day.
inline int minutes_of_day(boost::posix_time::time_duration time) {
  return static_cast<int>(time.total_seconds() / 60);
}

}  // namespace paarorende::detail
