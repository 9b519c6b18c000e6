// Excel workbooks written (.xlsx): results as spreadsheets (`--xlsx` on groups and evaluate) and
// empty templates to fill in (`paarorende template`). A Workbook is a plain value, built and
// checked in memory; write_workbook writes it with Debian's libxlsxwriter (docs/xlsx.md), first to
// a file beside the target and then renamed into place, so a failed write leaves nothing behind.
// Reading workbooks is io/xlsx.hpp.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "paarorende/calendar.hpp"

namespace paarorende {

enum class WorkbookCellKind {
  empty,   ///< Nothing: a figure that does not apply, or a cell left to fill in.
  text,
  number,
  boolean,  ///< TRUE or FALSE.
  date,    ///< A calendar date, written as a date the spreadsheet shows as 2019-11-05.
  hidden,  ///< DOMAIN X4: a figure withheld to protect people. Written empty, shaded as every
           ///< other hidden cell: nothing in the cell says why it was withheld.
};

struct WorkbookCell {
  WorkbookCellKind kind = WorkbookCellKind::empty;
  std::string text;
  double number = 0.0;  ///< number; boolean: 1 for TRUE, 0 for FALSE.
  std::optional<Date> date;

  static WorkbookCell of(std::string text);
  static WorkbookCell of(double number);
  static WorkbookCell of(Date date);
  static WorkbookCell boolean(bool value);  // named, not of(bool): a string literal would convert to bool
  static WorkbookCell hidden();
  /// The number, or an empty cell when there is none.
  static WorkbookCell of(const std::optional<double>& number);

  friend bool operator==(const WorkbookCell&, const WorkbookCell&) = default;
};

/// What a column of a template accepts, as the spreadsheet checks it while it is filled in (data
/// validation): anything (the prompt alone), one of a list (a drop-down), a whole or decimal
/// number in a range, a date, or a time of day.
enum class WorkbookInputKind { any, list, whole_number, decimal, date, time };

struct WorkbookColumnInput {
  std::size_t column = 0;  ///< 0-based.
  WorkbookInputKind kind = WorkbookInputKind::list;
  std::vector<std::string> values;  ///< list: the allowed values, at most 255 characters joined.
  double minimum = 0.0;             ///< whole_number, decimal: the range.
  double maximum = 0.0;
  std::string title;    ///< The prompt shown when the cell is selected (at most 32 characters).
  std::string message;  ///< Its text (at most 255 characters), also shown when a value is refused.

  friend bool operator==(const WorkbookColumnInput&, const WorkbookColumnInput&) = default;
};

struct WorkbookSheet {
  std::string name;  ///< 1-31 characters, none of []:*?/\, unique in the workbook.
  std::vector<std::string> header;  ///< The first row, shown bold and kept in view; may be empty.
  std::vector<std::vector<WorkbookCell>> rows;  ///< At most as many cells as the header has.
  std::vector<WorkbookColumnInput> inputs;      ///< Checks on the rows below the header.
  std::size_t input_rows = 0;  ///< How many rows below the header the inputs cover.
  std::vector<double> widths;  ///< Column widths in characters; 0 or missing: a default.
  /// Columns whose cells are text whatever is typed (a municipality number "0301" keeps its 0).
  std::vector<std::size_t> text_columns = {};

  friend bool operator==(const WorkbookSheet&, const WorkbookSheet&) = default;
};

struct Workbook {
  std::vector<WorkbookSheet> sheets;
  std::string title;  ///< The file's title property.

  friend bool operator==(const Workbook&, const Workbook&) = default;
};

/// Throws InputError (where: the sheet) for what a spreadsheet cannot hold: no sheet, a sheet
/// name that is empty, longer than 31 characters, repeated (ignoring case) or holds one of
/// []:*?/\; a row longer than its header; text over 32,767 characters; an input's list longer than
/// 255 characters or its title or message too long; more than 1,048,576 rows or 16,384 columns.
void check_workbook(const Workbook& workbook);

/// Writes `workbook` to `path` after check_workbook, with every hidden cell alike. Nothing is left
/// at `path` (or beside it) when writing fails; an existing file there is replaced only once the
/// new one is complete. Throws InputError (where: the path) when it cannot be written.
void write_workbook(const Workbook& workbook, const std::filesystem::path& path);

}  // namespace paarorende
