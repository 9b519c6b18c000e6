// Tables as JSON, and the suppressed table as the analyst's JSON and the published HTML and CSV
// (io/table.hpp; DOMAIN X4, V1).
#include "paarorende/io/table.hpp"
#include "detail/language.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>

#include "detail/input_error.hpp"
#include "io/json_reader.hpp"
#include "io/table_forms.hpp"

namespace paarorende {
namespace table_io {

using detail::ObjectReader;

TableDimension read_dimension(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  TableDimension dimension;
  dimension.name = in.string("name");
  const Json& values = in.array("values");
  for (std::size_t i = 0; i < values.size(); ++i) {
    dimension.values.push_back(detail::read_string(values[i], detail::index_pointer(in.pointer("values"), i)));
  }
  dimension.total = in.string_or("total", "total");
  if (const Json* groups = in.find("groups")) {
    if (!groups->is_object()) detail::wrong_type(*groups, in.pointer("groups"), "an object");
    detail::check_limit(groups->size(), max_list_entries, "entries", in.pointer("groups"));
    for (auto it = groups->begin(); it != groups->end(); ++it) {
      const std::string at = in.pointer("groups") + "/" + detail::pointer_token(it.key());
      if (!it.value().is_array()) detail::wrong_type(it.value(), at, "an array");
      detail::check_limit(it.value().size(), max_list_entries, "entries", at);
      TableGroup group{it.key(), {}};
      for (std::size_t i = 0; i < it.value().size(); ++i) {
        group.values.push_back(detail::read_string(it.value()[i], detail::index_pointer(at, i)));
      }
      dimension.groups.push_back(std::move(group));
    }
  }
  in.finish();
  return dimension;
}

TableCell read_cell(const Json& value, const std::string& pointer, const std::vector<TableDimension>& dimensions) {
  ObjectReader in(value, pointer);
  TableCell cell;
  for (const TableDimension& dimension : dimensions) cell.values.push_back(in.string(dimension.name));
  cell.count = detail::read_integer(in.required("count"), in.pointer("count"), 0, 1000000000);
  if (const Json* sum = in.find("sum")) cell.sum = detail::read_number(*sum, in.pointer("sum"), 0.0, 1e12);
  in.finish();
  return cell;
}

// The canonical order of the cells: the dimensions' values, the last dimension fastest.
std::vector<TableCell> canonical_cells(const Table& table) {
  std::vector<std::map<std::string, std::size_t>> index(table.dimensions.size());
  for (std::size_t d = 0; d < table.dimensions.size(); ++d) {
    for (std::size_t v = 0; v < table.dimensions[d].values.size(); ++v) index[d][table.dimensions[d].values[v]] = v;
  }
  auto key = [&](const TableCell& cell) {
    std::vector<std::size_t> positions;
    for (std::size_t d = 0; d < cell.values.size() && d < index.size(); ++d) positions.push_back(index[d][cell.values[d]]);
    return positions;
  };
  std::vector<TableCell> cells = table.cells;
  std::stable_sort(cells.begin(), cells.end(), [&](const TableCell& a, const TableCell& b) { return key(a) < key(b); });
  return cells;
}

Json dimension_json(const TableDimension& dimension) {
  Json entry{{"name", dimension.name}, {"values", dimension.values}, {"total", dimension.total}};
  if (!dimension.groups.empty()) {
    Json groups = Json::object();
    for (const TableGroup& group : dimension.groups) groups[group.label] = group.values;
    entry["groups"] = groups;
  }
  return entry;
}

Json dimensions_json(const std::vector<TableDimension>& dimensions) {
  Json list = Json::array();
  for (const TableDimension& dimension : dimensions) list.push_back(dimension_json(dimension));
  return list;
}

Json cell_key(const std::vector<TableDimension>& dimensions, const std::vector<std::string>& values) {
  Json key = Json::object();
  for (std::size_t d = 0; d < dimensions.size(); ++d) key[dimensions[d].name] = values[d];
  return key;
}

bool has_sums(const SuppressionResult& result) { return result.sums; }

// Every word the published forms print, one table per language; lay text only, the rule ids stay
// in the JSON and the docs (issue #23).
struct TableWords {
  const char* lang;
  const char* title;
  const char* privacy;      // followed by the threshold
  const char* privacy_end;  // after the threshold
  const char* legend;       // what ":" means
  const char* count;
  const char* sum;
  const char* mean;
  const char* table_of;     // "Table of" before the dimension names
  const char* by;           // between them
};

constexpr TableWords table_bokmal{
    "nb", "Tabell", "Personvern: tall for færre enn ",
    " personer er skjult, og så mange andre tall at de skjulte ikke kan regnes ut av summene.",
    ": skjult av personvernhensyn", "Antall", "Sum", "Gjennomsnitt", "Antall etter", " og "};

constexpr TableWords table_nynorsk{
    "nn", "Tabell", "Personvern: tal for færre enn ",
    " personar er skjulte, og så mange andre tal at dei skjulte ikkje kan reknast ut av summane.",
    ": skjult av omsyn til personvernet", "Tal", "Sum", "Gjennomsnitt", "Tal etter", " og "};

constexpr TableWords table_english{
    "en", "Table", "Privacy: figures for fewer than ",
    " people are hidden, and enough other figures that the hidden ones cannot be worked out from the totals.",
    ": hidden for privacy", "Count", "Sum", "Mean", "Count by", " and "};

const TableWords& table_words_of(Language language) {
  return detail::in_language(language, table_bokmal, table_nynorsk, table_english);
}


constexpr const char* hidden_mark = ":";

std::string number_text(double value, Language language) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  std::string text = buffer;
  if (language != Language::en) std::replace(text.begin(), text.end(), '.', ',');  // 4,2 in Norwegian
  return text;
}

std::string cell_text(const PublishedCell& cell, bool means, Language language) {
  if (cell.suppressed()) return hidden_mark;
  std::string text = std::to_string(*cell.count);
  if (means && cell.mean) text += " (" + number_text(*cell.mean, language) + ")";
  return text;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string privacy_notes(const SuppressionResult& result, Language language) {
  const TableWords& w = table_words_of(language);
  std::string out = "<p>" + std::string(w.privacy) + std::to_string(result.threshold) + w.privacy_end + "</p>\n";
  out += "<p>" + std::string(hidden_mark) + html_escape(w.legend) + "</p>\n";
  if (has_sums(result)) out += "<p>" + std::string(w.count) + " (" + w.mean + ")</p>\n";
  return out;
}

// The table's cells as HTML tables: a cross-table of the first two dimensions for each
// combination of the others' labels (one table for one dimension). Also the region's report's.
std::string cross_tables(const SuppressionResult& result, Language language) {
  const TableWords& w = table_words_of(language);
  const bool means = has_sums(result);
  const auto& dims = result.dimensions;
  std::string out;
  // Per dimension, its labels in the order of the result: values, groups, total.
  std::vector<std::vector<std::string>> labels(dims.size());
  for (std::size_t d = 0; d < dims.size(); ++d) {
    labels[d] = dims[d].values;
    for (const TableGroup& group : dims[d].groups) labels[d].push_back(group.label);
    labels[d].push_back(dims[d].total);
  }
  std::map<std::vector<std::string>, const PublishedCell*> by_key;
  for (const PublishedCell& cell : result.cells) by_key[cell.values] = &cell;
  if (dims.size() == 1) {
    out += "<table>\n<tr><th>" + html_escape(dims[0].name) + "</th><th>" + w.count + "</th></tr>\n";
    for (const std::string& label : labels[0]) {
      out += "<tr><th>" + html_escape(label) + "</th><td>" + cell_text(*by_key.at({label}), means, language) +
             "</td></tr>\n";
    }
    out += "</table>\n";
  } else {
    // A cross-table of the first two dimensions for each combination of the others' labels.
    std::vector<std::size_t> at(dims.size(), 0);
    for (;;) {
      std::string caption;
      for (std::size_t d = 2; d < dims.size(); ++d) {
        caption += (d == 2 ? "" : ", ") + html_escape(dims[d].name) + ": " + html_escape(labels[d][at[d]]);
      }
      out += "<table>\n";
      if (!caption.empty()) out += "<caption>" + caption + "</caption>\n";
      out += "<tr><th>" + html_escape(dims[0].name) + " \\ " + html_escape(dims[1].name) + "</th>";
      for (const std::string& column : labels[1]) out += "<th>" + html_escape(column) + "</th>";
      out += "</tr>\n";
      for (const std::string& row : labels[0]) {
        out += "<tr><th>" + html_escape(row) + "</th>";
        for (const std::string& column : labels[1]) {
          std::vector<std::string> key{row, column};
          for (std::size_t d = 2; d < dims.size(); ++d) key.push_back(labels[d][at[d]]);
          out += "<td>" + cell_text(*by_key.at(key), means, language) + "</td>";
        }
        out += "</tr>\n";
      }
      out += "</table>\n";
      std::size_t d = dims.size();
      while (d > 2 && ++at[d - 1] == labels[d - 1].size()) at[--d] = 0;
      if (d <= 2) break;
    }
  }
  return out;
}

}  // namespace table_io

Table table_from_json(const Json& document) {
  using namespace table_io;
  ObjectReader in(document, "");
  Table table;
  if (const Json* threshold = in.find("threshold")) {
    // Any integer is read; check_table refuses one below 3 under DOMAIN X4.
    table.threshold = static_cast<int>(detail::read_integer(*threshold, "/threshold", -1000000, 1000000));
  }
  const Json& dimensions = in.array("dimensions");
  for (std::size_t d = 0; d < dimensions.size(); ++d) {
    table.dimensions.push_back(read_dimension(dimensions[d], detail::index_pointer("/dimensions", d)));
  }
  check_table(table);  // the dimensions, before their names are read as cells' fields
  const Json& cells = in.array("cells");
  for (std::size_t i = 0; i < cells.size(); ++i) {
    table.cells.push_back(read_cell(cells[i], detail::index_pointer("/cells", i), table.dimensions));
  }
  in.finish();
  check_table(table);
  return table;
}

Table load_table(const std::filesystem::path& path) {
  return detail::read_document_file(path, [](const Json& document) { return table_from_json(document); });
}

Json to_json(const Table& table) {
  using namespace table_io;
  Json cells = Json::array();
  for (const TableCell& cell : canonical_cells(table)) {
    Json entry = cell_key(table.dimensions, cell.values);
    entry["count"] = cell.count;
    if (cell.sum) entry["sum"] = *cell.sum;
    cells.push_back(entry);
  }
  return Json{{"threshold", table.threshold}, {"dimensions", dimensions_json(table.dimensions)}, {"cells", cells}};
}

Json to_json(const SuppressionResult& result) {
  using namespace table_io;
  const bool sums = has_sums(result);
  Json cells = Json::array();
  std::size_t primary = 0, secondary = 0;
  for (const PublishedCell& cell : result.cells) {
    Json entry = cell_key(result.dimensions, cell.values);
    entry["count"] = cell.count ? Json(*cell.count) : Json(nullptr);
    if (sums) {
      entry["sum"] = cell.sum ? Json(*cell.sum) : Json(nullptr);
      entry["mean"] = cell.mean ? Json(*cell.mean) : Json(nullptr);
    }
    if (cell.suppression == Suppression::none) {
      entry["suppressed"] = false;
    } else {
      entry["suppressed"] = std::string(to_string(cell.suppression));
      (cell.suppression == Suppression::primary ? primary : secondary) += 1;
    }
    cells.push_back(entry);
  }
  Json audit = Json::array();
  for (const CellInterval& interval : result.audit) {
    const auto width = interval.width();
    audit.push_back({{"cell", cell_key(result.dimensions, result.cells[interval.cell].values)},
                     {"min", interval.min},
                     {"max", interval.max ? Json(*interval.max) : Json(nullptr)},
                     {"width", width ? Json(*width) : Json(nullptr)},
                     {"sensitive", interval.sensitive},
                     {"protected", !interval.sensitive || !width || *width >= result.threshold},
                     {"proven", interval.proven}});
  }
  return Json{{"threshold", result.threshold},
              {"dimensions", dimensions_json(result.dimensions)},
              {"method", std::string(to_string(result.method))},
              {"method_reason", result.method_reason},
              {"suppressed", {{"cells", primary + secondary}, {"primary", primary}, {"secondary", secondary}}},
              {"cells", cells},
              {"audit", audit}};
}

std::string table_html(const SuppressionResult& result, Language language) {
  using namespace table_io;
  const TableWords& w = table_words_of(language);
  const auto& dims = result.dimensions;
  std::string title = w.table_of;
  for (std::size_t d = 0; d < dims.size(); ++d) {
    title += (d == 0 ? " " : (d + 1 == dims.size() ? w.by : ", ")) + dims[d].name;
  }
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"";
  out += w.lang;
  out += "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html_escape(title) + "</title>\n";
  out += "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}"
         "th,td{border:1px solid #999;padding:.2em .6em;text-align:right}th{background:#eee}"
         "@page{size:A4}</style>\n</head>\n<body>\n";
  out += "<h1>" + html_escape(title) + "</h1>\n";
  out += privacy_notes(result, language);
  out += cross_tables(result, language);
  out += "</body>\n</html>\n";
  return out;
}

std::string table_csv(const SuppressionResult& result) {
  using namespace table_io;
  const bool sums = has_sums(result);
  std::string out;
  for (const TableDimension& dimension : result.dimensions) out += csv_field(dimension.name) + ",";
  out += sums ? "count,sum,mean\n" : "count\n";
  auto number = [](double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return std::string(buffer);
  };
  for (const PublishedCell& cell : result.cells) {
    for (const std::string& value : cell.values) out += csv_field(value) + ",";
    if (cell.suppressed()) {
      out += sums ? ":,:,:\n" : ":\n";
      continue;
    }
    out += std::to_string(*cell.count);
    if (sums) out += "," + (cell.sum ? number(*cell.sum) : "") + "," + (cell.mean ? number(*cell.mean) : "");
    out += "\n";
  }
  return out;
}

void write_text_file(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::path temporary = path;
  temporary += ".partial";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      detail::raise_input_error(path.string(), "cannot write the file");
    }
  }
  std::error_code code;
  std::filesystem::rename(temporary, path, code);
  if (code) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    detail::raise_input_error(path.string(), "cannot write the file: " + code.message());
  }
}

}  // namespace paarorende
