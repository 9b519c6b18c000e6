#include "paarorende/io/csv.hpp"

#include "detail/input_error.hpp"
#include "detail/text.hpp"
#include "paarorende/error.hpp"
#include "paarorende/limits.hpp"

namespace paarorende {
namespace {

constexpr std::string_view bom = "\xEF\xBB\xBF";

// Length of the UTF-8 sequence starting at text[i], or 0 when it is not valid UTF-8 (overlong
// forms, surrogates and code points past U+10FFFF included, as RFC 3629 says).
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t length = 0;
  unsigned low = 0x80, high = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3;
    if (c == 0xE0) low = 0xA0;
    if (c == 0xED) high = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4;
    if (c == 0xF0) low = 0x90;
    if (c == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  return length;
}

[[noreturn]] void fail(std::size_t row, std::size_t column, const std::string& message) {
  detail::raise_input_error(csv_location(row, column), message);
}

}  // namespace

std::string csv_location(std::size_t row, std::size_t column) {
  return detail::cell_location(row, column);
}

char detect_csv_separator(std::string_view text) {
  if (text.substr(0, bom.size()) == bom) text.remove_prefix(bom.size());
  std::size_t commas = 0, semicolons = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') {
      quoted = !quoted;  // a doubled quote toggles twice: no change
    } else if (!quoted) {
      if (c == '\n' || c == '\r') break;
      if (c == ',') ++commas;
      if (c == ';') ++semicolons;
    }
  }
  return semicolons > commas ? ';' : ',';
}

CsvTable read_csv(std::string_view text) {
  CsvTable table;
  if (text.substr(0, bom.size()) == bom) {
    table.dialect.byte_order_mark = true;
    text.remove_prefix(bom.size());
  }
  const char separator = detect_csv_separator(text);
  table.dialect.separator = separator;
  table.dialect.decimal_comma = separator == ';';

  std::size_t row = 1;
  std::vector<std::string> fields;
  std::string field;
  // The record has a quoted field or a character other than blanks and separators: a record of
  // separators only (";;;", as spreadsheets export empty rows) is blank.
  bool any_text = false;
  std::size_t i = 0;
  const std::size_t size = text.size();

  const auto end_record = [&] {
    fields.push_back(std::move(field));
    field.clear();
    if (any_text) {
      // The header and at most max_responses responses: a bound on memory and time.
      std::string where = "row ";
      where += std::to_string(row);
      detail::check_limit(table.rows.size() + 1, max_responses + 1, "records (a header and the responses)",
                          where);
      table.rows.push_back(CsvRow{row, std::move(fields)});
    }
    fields.clear();
    any_text = false;
    ++row;
  };

  while (i < size) {
    const std::size_t column = fields.size() + 1;
    if (text[i] == '"') {
      // A quoted field: up to the closing quote; "" is one quote; separators and line breaks are
      // text.
      any_text = true;
      ++i;
      bool closed = false;
      while (i < size) {
        if (text[i] == '"') {
          if (i + 1 < size && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        const std::size_t length = utf8_length(text, i);
        if (length == 0) fail(row, column, "the text is not valid UTF-8");
        field.append(text.substr(i, length));
        i += length;
      }
      if (!closed) fail(row, column, "a quoted field is not closed (a missing \")");
      while (i < size && (text[i] == ' ' || text[i] == '\t')) ++i;
      if (i < size && text[i] != separator && text[i] != '\n' && text[i] != '\r') {
        fail(row, column, "text after the closing quote of a quoted field");
      }
    } else {
      while (i < size && text[i] != separator && text[i] != '\n' && text[i] != '\r') {
        if (text[i] == '"') {
          fail(row, column,
               "a quote inside an unquoted field: quote the whole field and double the quote");
        }
        const std::size_t length = utf8_length(text, i);
        if (length == 0) fail(row, column, "the text is not valid UTF-8");
        if (text[i] != ' ' && text[i] != '\t') any_text = true;
        field.append(text.substr(i, length));
        i += length;
      }
    }
    if (i >= size) break;
    if (text[i] == separator) {
      fields.push_back(std::move(field));
      field.clear();
      detail::check_limit(fields.size() + 1, max_csv_columns, "columns", csv_location(row, fields.size() + 1));
      ++i;
      if (i == size) break;
      continue;
    }
    // A line end: CRLF, LF or a lone CR.
    if (text[i] == '\r' && i + 1 < size && text[i + 1] == '\n') ++i;
    ++i;
    end_record();
  }
  if (any_text || !field.empty() || !fields.empty()) end_record();
  return table;
}

}  // namespace paarorende
