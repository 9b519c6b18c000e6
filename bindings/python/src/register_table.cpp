// Linked tables across municipalities and their suppression (DOMAIN X4, V1; issue #21): a Table
// read from its document, a dict or a pandas DataFrame, and suppress() with its result, which
// gives the analyst's JSON and records and the published HTML and CSV. Suppression runs without
// the GIL.
#include "binding.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "paarorende/io/table.hpp"
#include "paarorende/table.hpp"

namespace {

using namespace paarorende;
using namespace paarorende::python;
using Path = std::filesystem::path;

// A document given as Python dicts and lists, read by the same reader as a file.
Table table_from_object(const py::object& document) {
  const std::string text = py::str(py::module_::import("json").attr("dumps")(document));
  return table_from_json(parse_json(text));
}

// A DataFrame with a column per dimension, a count column and optionally a sum column: each
// dimension's values are its distinct values as text, sorted, so the rows' order does not matter.
Table table_from_frame(const py::object& frame, const std::string& count, const std::optional<std::string>& sum,
                       int threshold, const std::map<std::string, std::string>& totals) {
  std::vector<std::string> columns;
  for (const py::handle column : frame.attr("columns")) columns.push_back(py::str(column));
  if (std::find(columns.begin(), columns.end(), count) == columns.end()) {
    throw InputError("", "the frame has no column " + count, "count");
  }
  Table table;
  table.threshold = threshold;
  std::vector<std::string> names;
  for (const std::string& column : columns) {
    if (column != count && (!sum || column != *sum)) names.push_back(column);
  }
  const py::list records = frame.attr("to_dict")("records");
  std::vector<std::set<std::string>> values(names.size());
  for (const py::handle record : records) {
    const py::dict row = py::reinterpret_borrow<py::dict>(record);
    TableCell cell;
    for (std::size_t d = 0; d < names.size(); ++d) {
      cell.values.push_back(py::str(row[py::str(names[d])]));
      values[d].insert(cell.values.back());
    }
    cell.count = py::int_(row[py::str(count)]).cast<std::int64_t>();
    if (sum) cell.sum = py::float_(row[py::str(*sum)]).cast<double>();
    table.cells.push_back(std::move(cell));
  }
  for (std::size_t d = 0; d < names.size(); ++d) {
    TableDimension dimension{names[d], {values[d].begin(), values[d].end()}, "total", {}};
    if (const auto total = totals.find(names[d]); total != totals.end()) dimension.total = total->second;
    table.dimensions.push_back(std::move(dimension));
  }
  check_table(table);
  return table;
}

Table as_table(const py::object& table) {
  if (py::isinstance<Table>(table)) return table.cast<Table>();
  if (py::isinstance<py::dict>(table)) return table_from_object(table);
  if (py::hasattr(table, "columns") && py::hasattr(table, "to_dict")) {
    return table_from_frame(table, "count", std::nullopt, 5, {});
  }
  throw py::type_error("suppress() takes a Table, a table document (dict) or a pandas DataFrame");
}

std::string repr(const Table& table) {
  std::string names = "[";
  for (const TableDimension& dimension : table.dimensions) {
    names += (names.size() > 1 ? ", " : "") + py_repr(dimension.name);
  }
  return "Table(threshold=" + std::to_string(table.threshold) + ", dimensions=" + names +
         "], cells=" + std::to_string(table.cells.size()) + ")";
}

std::string repr(const SuppressionResult& result) {
  return "SuppressionResult(method=" + py_repr(std::string(to_string(result.method))) +
         ", cells=" + std::to_string(result.cells.size()) +
         ", suppressed=" + std::to_string(result.suppressed_count()) + ")";
}

py::list result_records(const SuppressionResult& result) {
  return json_object(to_json(result)["cells"]);
}

}  // namespace

void register_table(py::module_& m) {
  py::class_<Table> table(m, "Table",
                          "A table of counts (and sums, for means and shares) by municipality, offer and "
                          "period (DOMAIN V1): dimensions with their values, margin label and groups, and "
                          "the interior cells; margins and group totals are computed (docs/suppression.md).");
  table
      .def(py::init([](const py::object& dimensions, const py::object& cells, int threshold) {
             py::dict document("threshold"_a = threshold, "dimensions"_a = dimensions, "cells"_a = cells);
             return table_from_object(document);
           }),
           py::kw_only(), "dimensions"_a, "cells"_a, "threshold"_a = default_suppression_threshold,
           "A table from its document's parts: `dimensions` a list of {'name', 'values', 'total', "
           "'groups'}, `cells` a list of {<dimension>: value, 'count': n, 'sum': s}; `threshold` "
           "5 by default, never below 3 (DOMAIN X4). InputError with a JSON pointer otherwise.")
      .def_static("load", &load_table, "path"_a, "Reads a table document (docs/schemas/table.schema.json).")
      .def_static(
          "from_dataframe",
          [](const py::object& frame, const std::string& count, std::optional<std::string> sum, int threshold,
             std::map<std::string, std::string> totals) {
            return table_from_frame(frame, count, sum, threshold, totals);
          },
          "frame"_a, py::kw_only(), "count"_a = "count", "sum"_a = py::none(),
          "threshold"_a = default_suppression_threshold, "totals"_a = std::map<std::string, std::string>(),
          "A table from a pandas DataFrame: a column per dimension (its distinct values, sorted, are the "
          "dimension's values), the `count` column and optionally a `sum` column; `totals` maps a "
          "dimension to the label of its margin ('total' otherwise).")
      .def_property_readonly("threshold", [](const Table& self) { return self.threshold; },
                             "DOMAIN X4: counts of 1 to threshold - 1 are hidden.")
      .def_property_readonly(
          "dimensions", [](const Table& self) { return json_object(to_json(self)["dimensions"]); },
          "The dimensions as dicts: name, values, total and groups.")
      .def_property_readonly(
          "cells", [](const Table& self) { return json_object(to_json(self)["cells"]); },
          "The interior cells as dicts, in the canonical order.");
  def_to_json(table, "The table document as JSON text, its cells in the canonical order.");
  def_from_json(table, &table_from_json, "Reads a table document from JSON text.");
  def_value(table, [](const Table& self) { return repr(self); },
            "The table's threshold, dimension names and number of cells.");

  py::class_<SuppressionResult> result(
      m, "SuppressionResult",
      "A table with its margins and group totals, and which cells are hidden and why (DOMAIN X4); "
      "the audit says what an attacker can work out of each hidden cell.");
  result
      .def_property_readonly("threshold", [](const SuppressionResult& self) { return self.threshold; },
                             "The threshold the table was protected for.")
      .def_property_readonly(
          "method", [](const SuppressionResult& self) { return std::string(to_string(self.method)); },
          "'exact' (proved minimal by CBC) or 'heuristic'.")
      .def_property_readonly("method_reason", [](const SuppressionResult& self) { return self.method_reason; },
                             "Why the method was used.")
      .def_property_readonly("suppressed_count", &SuppressionResult::suppressed_count,
                             "How many cells are hidden.")
      .def_property_readonly("cells", &result_records,
                             "Every cell as a dict: the dimensions' labels, count (None when hidden), sum and "
                             "mean when the table has sums, and suppressed (False, 'primary' or 'secondary').")
      .def_property_readonly(
          "audit", [](const SuppressionResult& self) { return json_object(to_json(self)["audit"]); },
          "Per hidden cell: the cell, min, max (None: unbounded), width, sensitive, protected, proven.")
      .def("to_records", &result_records, "The cells as a list of dicts (one per cell).")
      .def(
          "to_html",
          [](const SuppressionResult& self, Language language) { return table_html(self, language); },
          py::kw_only(), "language"_a = Language::nb,
          "The published table as one HTML page; every hidden cell looks alike, and there is no audit.")
      .def("to_csv", &table_csv, "The published table as CSV; every hidden cell is ':'.");
  def_to_json(result, "The analyst's result as JSON text: cells, why each is hidden, and the audit.");
  def_to_dataframe(result, "to_records() as a pandas.DataFrame (pandas imported only when called).");
  def_value(result, [](const SuppressionResult& self) { return repr(self); },
            "The method, the number of cells and of hidden cells.");

  m.def(
      "suppress",
      [](const py::object& table, std::size_t exact_max_cells, std::size_t hypercube_min_cells) {
        const Table value = as_table(table);
        SuppressionOptions options;
        options.exact_max_cells = exact_max_cells;
        options.hypercube_min_cells = hypercube_min_cells;
        py::gil_scoped_release release;
        return suppress(value, options);
      },
      "table"_a, py::kw_only(), "exact_max_cells"_a = SuppressionOptions{}.exact_max_cells,
      "hypercube_min_cells"_a = SuppressionOptions{}.hypercube_min_cells,
      "Protects a table (DOMAIN X4): counts of 1 to threshold - 1 are hidden, and enough other cells "
      "that none of them can be narrowed to fewer than threshold values from what is shown. `table` "
      "is a Table, a table document as a dict, or a pandas DataFrame (a column per dimension and a "
      "'count' column). Tables of at most `exact_max_cells` non-zero cells get the fewest hidden cells "
      "(CBC); larger ones a heuristic with the same audit; tables of at least `hypercube_min_cells` "
      "cells (margins included) the hypercube method, which proves each small cell protected by a move "
      "of hidden cells and reports those moves' intervals as its audit (proven False).");

  m.def(
      "suppress_together",
      [](const std::vector<py::object>& tables) {
        std::vector<Table> values;
        for (const py::object& table : tables) values.push_back(as_table(table));
        py::gil_scoped_release release;
        return suppress_together(values);
      },
      "tables"_a,
      "Protects tables of the same dimensions whose counts are one figure or are read together (a "
      "region's households and their attendance; the yes and the no answers of one item): each is "
      "protected alone, then every cell hidden in one is hidden in all (a true zero stays shown), so "
      "that no table shows a count another hides. Returns one SuppressionResult per table, in order. "
      "Raises InputError at \"/tables/1/dimensions\" when a table's dimensions differ from the first's.");

  py::class_<NestedSuppression> nested(m, "NestedSuppression",
                                       "A whole table and its parts, protected together (suppress_nested).");
  nested.def_readonly("tables", &NestedSuppression::tables, "The whole's SuppressionResult, then the parts'.")
      .def_property_readonly(
          "differences",
          [](const NestedSuppression& self) {
            py::list records;
            for (const DifferenceInterval& difference : self.differences) {
              const Json cell = to_json(self.tables.front())["cells"][difference.cell];
              py::dict record;
              for (const TableDimension& dimension : self.tables.front().dimensions) {
                record[py::str(dimension.name)] = cell[dimension.name].get<std::string>();
              }
              record["part"] = difference.table;
              record["min"] = difference.min;
              record["max"] = difference.max ? py::cast(*difference.max) : py::none();
              record["proven"] = difference.proven;
              records.append(record);
            }
            return records;
          },
          "Every difference whole - part of 1 to threshold - 1 (dicts: the cell's values, part, min, max, proven).")
      .def_readonly("narrow", &NestedSuppression::narrow,
                    "Small figures left narrower than the threshold: 0, or not fit to publish (X4).");
  def_value(nested, [](const NestedSuppression& self) {
    return "NestedSuppression(" + counted(self.tables.size(), "table", "tables") + ", narrow=" +
           std::to_string(self.narrow) + ")";
  });

  m.def(
      "suppress_nested",
      [](const py::object& whole, const std::vector<py::object>& parts) {
        const Table whole_table = as_table(whole);
        std::vector<Table> values;
        for (const py::object& table : parts) values.push_back(as_table(table));
        py::gil_scoped_release release;
        return suppress_nested(whole_table, values);
      },
      "whole"_a, "parts"_a,
      "Protects a table and tables of parts of what it counts (children identified; among them those offered "
      "a referral: per cell a part counts at most the whole), so that no table narrows another (X4): a cell the "
      "whole hides is hidden in every part, a small difference whole - part is protected as a small cell, and "
      "every hidden cell and small difference is audited in one integer program over all the tables with the "
      "links part <= whole. Raises InputError at \"/tables/1/cells\" when a part counts more than the whole.");
}
