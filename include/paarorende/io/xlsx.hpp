// Excel workbooks (.xlsx, Office Open XML SpreadsheetML) as survey tools and municipalities export
// them: a zip container (read with libzip) of XML parts (read with expat). Debian 12 packages no
// C++ xlsx reader, so paarorende reads the few parts a table needs itself (docs/xlsx.md): the
// workbook (sheet names, the date1904 flag), its relationships, the shared strings, the styles
// (number formats, to tell a date from a number) and one worksheet.
//
// Errors say where as the CSV reader does, with the sheet first: `sheet "Ark1", row 3, column 2`
// (a file's name is added by detail::in_file, as for every document).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "paarorende/calendar.hpp"
#include "paarorende/io/csv.hpp"

namespace paarorende {

/// What a cell holds once its type and number format are read.
enum class XlsxCellKind {
  empty,    ///< No cell, or a cell without a value.
  text,     ///< A shared or inline string, a formula's text result, or an error value ("#N/A").
  number,   ///< A number in a format that is not a date.
  boolean,  ///< TRUE or FALSE.
  date,     ///< A number in a date or time format: a serial day number of the workbook's system.
};

std::string_view to_string(XlsxCellKind kind) noexcept;

struct XlsxCell {
  XlsxCellKind kind = XlsxCellKind::empty;
  /// The value as text, as a spreadsheet would show it plainly: the text itself, a number in its
  /// shortest exact form ("4", "4.5"), "TRUE"/"FALSE", a date as "2019-11-05" (with " 14:30" when
  /// it has a time of day, "14:30" for a time alone). Empty for an empty cell.
  std::string text;
  double number = 0.0;       ///< number and date cells: the number stored (a date's serial).
  std::optional<Date> date;  ///< date cells with a day (serial >= 1): the calendar date.

  friend bool operator==(const XlsxCell&, const XlsxCell&) = default;
};

/// One row of a sheet that holds at least one value: its number (1-based, as the spreadsheet
/// shows it) and its cells from column A, up to the last one with a value.
struct XlsxRow {
  std::size_t row = 0;
  std::vector<XlsxCell> cells;

  friend bool operator==(const XlsxRow&, const XlsxRow&) = default;
};

struct XlsxSheet {
  std::string name;
  bool date1904 = false;  ///< The workbook counts days from 1904-01-01 (old Excel for Mac).
  std::vector<XlsxRow> rows;  ///< Rows with a value, in order.

  friend bool operator==(const XlsxSheet&, const XlsxSheet&) = default;
};

/// True when `bytes` start as a zip archive does ("PK\3\4"): how a workbook is told from text.
bool looks_like_xlsx(std::string_view bytes) noexcept;

/// The names of a workbook's sheets, in order. Throws InputError for bytes that are not a
/// workbook.
std::vector<std::string> xlsx_sheet_names(std::string_view bytes);

/// Reads one sheet of a workbook: the first, or the one named `sheet` (exactly as the tab shows
/// it). Throws InputError for bytes that are not a workbook (where: empty), a sheet that is not
/// there (where: `sheet "X"`), a part that is not well-formed XML or a cell that cannot be read
/// (where: `sheet "Ark1", row 3, column 2`). Bounded by max_document_bytes per part, max_responses
/// rows and max_csv_columns columns (limits.hpp).
XlsxSheet read_xlsx(std::string_view bytes, std::string_view sheet = {});

/// The sheet as the CSV reader returns a table, each cell its `text`: so that every reader of
/// tables (evaluation responses, school days) reads a workbook as it reads CSV. Empty rows are
/// left out as in CSV, every row is padded with empty fields to the widest, and the row numbers
/// are the sheet's. The dialect is plain (',', no decimal comma: numbers are written with a point).
CsvTable to_csv_table(const XlsxSheet& sheet);

/// `sheet "Ark1", row 3, column 2`: where a cell is, for messages.
std::string xlsx_location(std::string_view sheet, std::size_t row, std::size_t column);

/// Runs `read` on a table made of the sheet, relocating its errors ("row 3, column 2") into the
/// sheet (`sheet "Ark1", row 3, column 2`).
template <class Read>
auto read_sheet_as_table(const XlsxSheet& sheet, Read&& read) -> decltype(read(std::declval<const CsvTable&>()));

// Declared here, defined in src/io/xlsx.cpp: prefixes an error's where with the sheet.
[[noreturn]] void rethrow_in_sheet(std::string_view sheet);

template <class Read>
auto read_sheet_as_table(const XlsxSheet& sheet, Read&& read) -> decltype(read(std::declval<const CsvTable&>())) {
  const CsvTable table = to_csv_table(sheet);
  try {
    return read(table);
  } catch (...) {
    rethrow_in_sheet(sheet.name);
  }
}

}  // namespace paarorende
