// Pandas DataFrames in: a frame as the table of text cells the C++ readers take (the same rules as
// the CSV or sheet it came from), and their errors at the frame's index label and column.
// Included after binding.hpp.
#pragma once

#include <cmath>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "binding.hpp"
#include "paarorende/io/csv.hpp"

namespace paarorende::python {

/// A DataFrame as the table of text cells a CSV export or a sheet is read as (io/csv.hpp's
/// CsvTable), so that a frame is read by the same rules, by the one reader in C++.
struct FrameTable {
  CsvTable table;
  std::vector<py::object> index;           // the label of each data row
  std::vector<std::string> column_names;   // as the frame names them
};

// The Python types and functions a cell is told apart by, looked up once per frame, not per cell.
struct CellKinds {
  py::object isna, is_scalar, numpy_bool, numpy_floating, datetime, date, time, midnight;

  explicit CellKinds(const py::module_& pandas) {
    const py::module_ numpy = py::module_::import("numpy");
    const py::module_ dates = py::module_::import("datetime");
    isna = pandas.attr("isna");
    is_scalar = pandas.attr("api").attr("types").attr("is_scalar");
    numpy_bool = numpy.attr("bool_");
    numpy_floating = numpy.attr("floating");
    datetime = dates.attr("datetime");
    date = dates.attr("date");
    time = dates.attr("time");
    midnight = time();
  }
};

// One cell as the CSV would hold it: empty for NaN, None and pd.NA; a whole float as an integer
// ("4", not "4.0"); dates and times as the documents write them ("2026-03-01", a datetime or
// Timestamp at midnight too; "16:30"); text as it is.
inline std::string cell_text(const py::handle& cell, const CellKinds& kinds) {
  if (cell.is_none() || kinds.isna(cell).cast<bool>()) return {};
  if (py::isinstance<py::str>(cell)) return cell.cast<std::string>();
  if (py::isinstance(cell, kinds.numpy_bool) || py::isinstance<py::bool_>(cell)) {
    return cell.cast<bool>() ? "true" : "false";
  }
  if (py::isinstance(cell, kinds.datetime)) {
    if (cell.attr("time")().equal(kinds.midnight)) return cell.attr("date")().attr("isoformat")().cast<std::string>();
    return py::str(cell).cast<std::string>();
  }
  if (py::isinstance(cell, kinds.date)) return cell.attr("isoformat")().cast<std::string>();
  if (py::isinstance(cell, kinds.time)) {
    return cell.attr("strftime")(cell.attr("second").cast<int>() == 0 ? "%H:%M" : "%H:%M:%S").cast<std::string>();
  }
  if (py::isinstance<py::float_>(cell) || py::isinstance(cell, kinds.numpy_floating)) {
    const double value = cell.cast<double>();
    if (std::isfinite(value) && value == std::trunc(value) && std::abs(value) < 1e15) {
      return std::to_string(static_cast<long long>(value));
    }
  }
  return py::str(cell).cast<std::string>();
}

/// The frame's cells as text; `renames` maps a column name of the frame to the one the reader
/// knows (score_dataframe's course="kurs").
inline FrameTable frame_table(const py::object& frame, const char* function,
                              const std::map<std::string, std::string>& renames = {}) {
  const py::module_ pandas = import_optional("pandas", function, "python3-pandas");
  if (!py::isinstance(frame, pandas.attr("DataFrame"))) {
    throw py::type_error(std::string(function) + ": frame: expected a pandas.DataFrame, got " +
                         py::str(frame.get_type().attr("__name__")).cast<std::string>());
  }
  FrameTable out;
  CsvRow header{1, {}};
  for (const py::handle column : frame.attr("columns")) {
    std::string name = py::str(column).cast<std::string>();
    out.column_names.push_back(name);
    // A byte order mark read into the first header (pandas' python engine keeps it).
    if (header.fields.empty() && name.rfind("\xEF\xBB\xBF", 0) == 0) name.erase(0, 3);
    if (const auto renamed = renames.find(name); renamed != renames.end()) name = renamed->second;
    header.fields.push_back(std::move(name));
  }
  out.table.rows.push_back(std::move(header));
  for (const py::handle label : frame.attr("index")) out.index.push_back(py::reinterpret_borrow<py::object>(label));
  const py::object values = frame.attr("to_numpy")("dtype"_a = "object");
  const CellKinds kinds(pandas);
  const std::size_t rows = out.index.size();
  for (std::size_t r = 0; r < rows; ++r) {
    CsvRow row{r + 2, {}};
    const py::object cells = values[py::int_(r)];
    for (std::size_t c = 0; c < out.column_names.size(); ++c) {
      const py::object cell = cells[py::int_(c)];
      // One value per cell: a list or an array in a cell is no answer.
      if (!kinds.is_scalar(cell).cast<bool>()) {
        throw InputError("", "expected one value in the cell, got a " + py::str(cell.get_type().attr("__name__")).cast<std::string>(),
                         "index " + py::repr(out.index[r]).cast<std::string>() + ", column " +
                             py_repr(out.column_names[c]));
      }
      row.fields.push_back(cell_text(cell, kinds));
    }
    out.table.rows.push_back(std::move(row));
  }
  return out;
}

/// "row 7, column 3 (q2)" of the table read from a frame, as the frame says it:
/// "index 'b-17', column 'q2'". Other locations are left as they are.
inline std::string frame_location(const std::string& where, const FrameTable& frame) {
  static const std::regex location(R"(^row (\d+)(?:, column (\d+)(?: \([^)]*\))?)?)");
  std::smatch match;
  if (!std::regex_search(where, match, location)) return where;
  const std::size_t row = std::stoul(match[1]);
  if (row < 1 || row > frame.index.size() + 1) return where;
  std::string out = row == 1 ? std::string("the header") : "index " + py::repr(frame.index.at(row - 2)).cast<std::string>();
  if (match[2].matched) {
    const std::size_t column = std::stoul(match[2]);
    if (column >= 1 && column <= frame.column_names.size()) {
      out += ", column " + py_repr(frame.column_names[column - 1]);
    } else {
      out += ", column " + std::to_string(column);
    }
  }
  return out + match.suffix().str();
}

/// `read(table)`, its InputError moved to the frame's index label and column.
template <class Read>
auto read_frame(const FrameTable& table, Read&& read) {
  try {
    return read(table.table);
  } catch (const InputError& error) {
    throw InputError(error.rule(), error.message(), frame_location(error.where(), table));
  }
}

}  // namespace paarorende::python
