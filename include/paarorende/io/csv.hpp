// CSV as spreadsheets and survey tools export it: UTF-8 with or without a byte order mark,
// comma or semicolon separated (a Norwegian spreadsheet writes semicolons, because the comma is
// its decimal separator), CRLF or LF line ends, quoted fields that hold separators, doubled
// quotes and line breaks (RFC 4180). Errors say where as "row R, column C": R counts records as
// a spreadsheet shows them (the header is row 1; a quoted line break does not start a row).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace paarorende {

/// How a CSV text is written. `decimal_comma` is true for semicolon-separated text, where a
/// number may be written "4,0" (Norwegian style).
struct CsvDialect {
  char separator = ',';
  bool decimal_comma = false;
  bool byte_order_mark = false;

  friend bool operator==(const CsvDialect&, const CsvDialect&) = default;
};

/// One record: its row number (1-based, as a spreadsheet numbers it) and its fields.
struct CsvRow {
  std::size_t row = 0;
  std::vector<std::string> fields;

  friend bool operator==(const CsvRow&, const CsvRow&) = default;
};

struct CsvTable {
  CsvDialect dialect;
  std::vector<CsvRow> rows;  ///< Every non-blank record, the header first.
};

/// The separator of a CSV text: the one of ';' and ',' that occurs more often outside quotes in
/// its first record; ',' when neither does (a one-column file).
char detect_csv_separator(std::string_view text);

/// Reads a whole CSV text (the separator detected). Blank records are skipped but counted, so row
/// numbers match the spreadsheet. Throws InputError ("row 3, column 2") for a quoted field that
/// is never closed, text after a closing quote, a quote inside an unquoted field, or bytes that
/// are not UTF-8.
CsvTable read_csv(std::string_view text);

/// "row 7, column 3" for messages.
std::string csv_location(std::size_t row, std::size_t column);

}  // namespace paarorende
