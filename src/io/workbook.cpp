// Workbooks written with libxlsxwriter (io/workbook.hpp). Chosen because Debian packages it
// (libxlsxwriter-dev), it is kept up, and it writes the parts a spreadsheet needs (shared strings,
// styles, data validation, frozen panes) correctly; paarorende only maps its plain Workbook value
// onto it. docs/xlsx.md says more.
#include "paarorende/io/workbook.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "detail/input_error.hpp"
#include "paarorende/error.hpp"

namespace paarorende {
namespace {

constexpr std::size_t max_sheet_rows = 1048576;
constexpr std::size_t max_sheet_columns = 16384;
constexpr std::size_t max_cell_text = 32767;

std::string sheet_where(const WorkbookSheet& sheet) { return "sheet \"" + sheet.name + "\""; }

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

void check_input(const WorkbookSheet& sheet, const WorkbookColumnInput& input) {
  const std::string where = sheet_where(sheet) + ", column " + std::to_string(input.column + 1);
  if (input.column >= std::max<std::size_t>(sheet.header.size(), 1)) {
    detail::raise_input_error(where, "an input check on a column the header does not have");
  }
  if (input.title.size() > 32) detail::raise_input_error(where, "an input title has at most 32 characters");
  if (input.message.size() > 255) detail::raise_input_error(where, "an input message has at most 255 characters");
  if (input.kind == WorkbookInputKind::list) {
    std::size_t joined = 0;
    for (const std::string& value : input.values) joined += value.size() + 1;
    if (input.values.empty() || joined > 256) {
      detail::raise_input_error(where, "a drop-down list holds 1 to 255 characters of values");
    }
  }
}

// libxlsxwriter's objects, closed (and the file written) or freed by the destructor.
struct WorkbookHandle {
  lxw_workbook* book = nullptr;
  ~WorkbookHandle() {
    // workbook_close frees the workbook; on an error path the partial file is removed by the caller.
    if (book) workbook_close(book);
  }
};

void ok(lxw_error error, const std::filesystem::path& path, const std::string& what) {
  if (error != LXW_NO_ERROR) {
    detail::raise_input_error(path.string(), "cannot write the workbook (" + what + "): " + lxw_strerror(error));
  }
}

lxw_datetime datetime_of(Date date) {
  lxw_datetime value{};
  value.year = date.year();
  value.month = date.month();
  value.day = date.day();
  return value;
}

void write_sheet(lxw_workbook* book, lxw_worksheet* sheet, const WorkbookSheet& data, lxw_format* bold,
                 lxw_format* date_format, lxw_format* hidden_format, lxw_format* text_format,
                 const std::filesystem::path& path) {
  for (std::size_t c = 0; c < data.header.size(); ++c) {
    ok(worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), data.header[c].c_str(), bold), path, "header");
  }
  const std::size_t first = data.header.empty() ? 0 : 1;
  if (!data.header.empty()) worksheet_freeze_panes(sheet, 1, 0);
  const std::size_t columns = std::max(data.widths.size(), data.header.size());
  for (std::size_t c = 0; c < columns; ++c) {
    const double width = c < data.widths.size() && data.widths[c] > 0 ? data.widths[c] : LXW_DEF_COL_WIDTH;
    const bool text = std::find(data.text_columns.begin(), data.text_columns.end(), c) != data.text_columns.end();
    if (text || width != LXW_DEF_COL_WIDTH) {
      ok(worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width,
                              text ? text_format : nullptr),
         path, "column width");
    }
  }
  for (std::size_t r = 0; r < data.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(first + r);
    for (std::size_t c = 0; c < data.rows[r].size(); ++c) {
      const WorkbookCell& cell = data.rows[r][c];
      const auto col = static_cast<lxw_col_t>(c);
      switch (cell.kind) {
        case WorkbookCellKind::empty: break;
        case WorkbookCellKind::text: ok(worksheet_write_string(sheet, row, col, cell.text.c_str(), nullptr), path, "text"); break;
        case WorkbookCellKind::number: ok(worksheet_write_number(sheet, row, col, cell.number, nullptr), path, "number"); break;
        case WorkbookCellKind::boolean:
          ok(worksheet_write_boolean(sheet, row, col, cell.number != 0.0 ? 1 : 0, nullptr), path, "boolean");
          break;
        case WorkbookCellKind::date: {
          lxw_datetime value = datetime_of(*cell.date);
          ok(worksheet_write_datetime(sheet, row, col, &value, date_format), path, "date");
          break;
        }
        case WorkbookCellKind::hidden: ok(worksheet_write_blank(sheet, row, col, hidden_format), path, "hidden cell"); break;
      }
    }
  }
  for (const WorkbookColumnInput& input : data.inputs) {
    lxw_data_validation validation{};
    std::vector<char*> list;
    switch (input.kind) {
      case WorkbookInputKind::any: validation.validate = LXW_VALIDATION_TYPE_ANY; break;
      case WorkbookInputKind::list:
        validation.validate = LXW_VALIDATION_TYPE_LIST;
        for (const std::string& value : input.values) list.push_back(const_cast<char*>(value.c_str()));
        list.push_back(nullptr);
        validation.value_list = list.data();
        break;
      case WorkbookInputKind::whole_number:
      case WorkbookInputKind::decimal:
        validation.validate = input.kind == WorkbookInputKind::whole_number ? LXW_VALIDATION_TYPE_INTEGER
                                                                           : LXW_VALIDATION_TYPE_DECIMAL;
        validation.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        validation.minimum_number = input.minimum;
        validation.maximum_number = input.maximum;
        break;
      case WorkbookInputKind::date:
        validation.validate = LXW_VALIDATION_TYPE_DATE;
        validation.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        validation.minimum_datetime = datetime_of(Date(1900, 1, 1));
        validation.maximum_datetime = datetime_of(Date(2999, 12, 31));
        break;
      case WorkbookInputKind::time:
        validation.validate = LXW_VALIDATION_TYPE_TIME;
        validation.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        validation.minimum_datetime = lxw_datetime{0, 0, 0, 0, 0, 0.0};
        validation.maximum_datetime = lxw_datetime{0, 0, 0, 23, 59, 0.0};
        break;
    }
    if (!input.title.empty()) validation.input_title = const_cast<char*>(input.title.c_str());
    if (!input.message.empty()) {
      validation.input_message = const_cast<char*>(input.message.c_str());
      validation.error_message = const_cast<char*>(input.message.c_str());
    }
    if (!input.title.empty()) validation.error_title = const_cast<char*>(input.title.c_str());
    const auto column = static_cast<lxw_col_t>(input.column);
    const auto last = static_cast<lxw_row_t>(first + std::max<std::size_t>(data.input_rows, 1) - 1);
    ok(worksheet_data_validation_range(sheet, static_cast<lxw_row_t>(first), column, last, column, &validation), path,
       "input check");
  }
  (void)book;
}

}  // namespace

WorkbookCell WorkbookCell::of(std::string text) {
  WorkbookCell cell;
  cell.kind = WorkbookCellKind::text;
  cell.text = std::move(text);
  return cell;
}

WorkbookCell WorkbookCell::of(double number) {
  WorkbookCell cell;
  cell.kind = WorkbookCellKind::number;
  cell.number = number;
  return cell;
}

WorkbookCell WorkbookCell::of(Date date) {
  WorkbookCell cell;
  cell.kind = WorkbookCellKind::date;
  cell.date = date;
  return cell;
}

WorkbookCell WorkbookCell::boolean(bool value) {
  WorkbookCell cell;
  cell.kind = WorkbookCellKind::boolean;
  cell.number = value ? 1.0 : 0.0;
  return cell;
}

WorkbookCell WorkbookCell::hidden() {
  WorkbookCell cell;
  cell.kind = WorkbookCellKind::hidden;
  return cell;
}

WorkbookCell WorkbookCell::of(const std::optional<double>& number) { return number ? of(*number) : WorkbookCell{}; }

void check_workbook(const Workbook& workbook) {
  if (workbook.sheets.empty()) detail::raise_input_error("", "a workbook has at least one sheet");
  std::vector<std::string> names;
  for (const WorkbookSheet& sheet : workbook.sheets) {
    const std::string where = sheet_where(sheet);
    if (sheet.name.empty() || sheet.name.size() > 31) {
      detail::raise_input_error(where, "a sheet's name has 1 to 31 characters");
    }
    if (sheet.name.find_first_of("[]:*?/\\") != std::string::npos || sheet.name.front() == '\'' ||
        sheet.name.back() == '\'') {
      detail::raise_input_error(where, "a sheet's name holds none of []:*?/\\ and neither starts nor ends with '");
    }
    const std::string key = lower(sheet.name);
    if (std::find(names.begin(), names.end(), key) != names.end()) {
      detail::raise_input_error(where, "two sheets of one name");
    }
    names.push_back(key);
    if (sheet.rows.size() + 1 > max_sheet_rows || sheet.header.size() > max_sheet_columns ||
        sheet.input_rows + 1 > max_sheet_rows) {
      detail::raise_input_error(where, "more rows or columns than a sheet holds");
    }
    for (const std::string& text : sheet.header) {
      if (text.size() > max_cell_text) detail::raise_input_error(where + ", row 1", "a cell holds at most 32,767 characters");
    }
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
      const std::vector<WorkbookCell>& row = sheet.rows[r];
      const std::string at = where + ", row " + std::to_string(r + (sheet.header.empty() ? 1 : 2));
      if (!sheet.header.empty() && row.size() > sheet.header.size()) {
        detail::raise_input_error(at, "a row longer than its header");
      }
      if (row.size() > max_sheet_columns) detail::raise_input_error(at, "more columns than a sheet holds");
      for (const WorkbookCell& cell : row) {
        if (cell.text.size() > max_cell_text) detail::raise_input_error(at, "a cell holds at most 32,767 characters");
        if (cell.kind == WorkbookCellKind::date && !cell.date) detail::raise_input_error(at, "a date cell without a date");
      }
    }
    for (const WorkbookColumnInput& input : sheet.inputs) check_input(sheet, input);
  }
}

void write_workbook(const Workbook& workbook, const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  check_workbook(workbook);
  // Said here rather than by libxlsxwriter, which would also print its own message to stderr.
  std::error_code missing;
  const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
  if (!fs::is_directory(folder, missing)) detail::raise_input_error(path.string(), "no such folder");
  const fs::path partial = path.string() + ".tmp-" + std::to_string(::getpid());
  auto remove_partial = [&] {
    std::error_code ignored;
    fs::remove(partial, ignored);
  };
  try {
    {
      WorkbookHandle handle;
      handle.book = workbook_new(partial.c_str());
      if (!handle.book) detail::raise_input_error(path.string(), "cannot create the workbook");
      lxw_format* bold = workbook_add_format(handle.book);
      format_set_bold(bold);
      lxw_format* date_format = workbook_add_format(handle.book);
      format_set_num_format(date_format, "yyyy-mm-dd");
      // DOMAIN X4: one look for every hidden cell, whatever kept it hidden.
      lxw_format* hidden_format = workbook_add_format(handle.book);
      format_set_pattern(hidden_format, LXW_PATTERN_SOLID);
      format_set_bg_color(hidden_format, 0xD9D9D9);
      lxw_format* text_format = workbook_add_format(handle.book);
      format_set_num_format(text_format, "@");
      lxw_doc_properties properties{};
      properties.title = const_cast<char*>(workbook.title.c_str());
      properties.author = const_cast<char*>("paarorende");
      ok(workbook_set_properties(handle.book, &properties), path, "properties");
      for (const WorkbookSheet& data : workbook.sheets) {
        lxw_worksheet* sheet = workbook_add_worksheet(handle.book, data.name.c_str());
        if (!sheet) detail::raise_input_error(path.string(), "cannot add the sheet \"" + data.name + "\"");
        write_sheet(handle.book, sheet, data, bold, date_format, hidden_format, text_format, path);
      }
      lxw_workbook* book = handle.book;
      handle.book = nullptr;
      ok(workbook_close(book), path, "saving");
    }
    std::error_code error;
    fs::rename(partial, path, error);
    if (error) detail::raise_input_error(path.string(), "cannot write the workbook: " + error.message());
  } catch (...) {
    remove_partial();
    throw;
  }
}

}  // namespace paarorende
