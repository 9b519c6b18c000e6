// A table's rows as the items of a JSON document, read by that document's own reader; the cell
// each JSON pointer came from is remembered, so the reader's errors are moved to the cell.
#include "paarorende/io/table_rows.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "detail/input_error.hpp"
#include "detail/text.hpp"
#include "paarorende/error.hpp"
#include "paarorende/io/attendance.hpp"
#include "io/readers.hpp"

namespace paarorende {
namespace {

// The rows as JSON objects and, per object, which column each pointer inside it came from.
struct RowsAsJson {
  std::vector<std::string> header;                             // the columns' keys (canonical)
  std::vector<std::string> names;                              // the columns as the table names them
  Json items = Json::array();
  std::vector<std::size_t> rows;                               // each item's table row number
  std::vector<std::map<std::string, std::size_t>> columns;     // pointer in the item -> column
};

std::string header_key(const std::string& text) {
  std::string key;
  for (char c : text) {
    if (c == ' ' || c == '-') {
      key += '_';
    } else {
      key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  while (!key.empty() && key.back() == '_') key.pop_back();
  while (!key.empty() && key.front() == '_') key.erase(0, 1);
  return key;
}

bool whole_number(const std::string& text) {
  std::size_t i = text.size() > 1 && text[0] == '-' ? 1 : 0;
  if (i == text.size()) return false;
  for (; i < text.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return text.size() <= 10;
}

// A cell as the JSON reader takes it: a whole number where the field is one, text otherwise.
Json cell_json(const std::string& text, bool number, std::size_t row, std::size_t column, const std::string& header) {
  if (!number) return Json(text);
  if (!whole_number(text)) {
    detail::raise_input_error(csv_location(row, column + 1) + " (" + header + ")",
                              "expected a whole number, got " + detail::quote_input(text));
  }
  return Json(std::stoll(text));
}

// Where an error inside item `index` at `pointer` (relative to the item) came from: the
// column of the longest pointer recorded that starts it, or the row alone.
std::string cell_of(const RowsAsJson& rows, std::size_t index, const std::string& pointer) {
  // The whole row (a household without a pickup place, a record given twice): the row alone.
  if (pointer.empty() || pointer == "/") return "row " + std::to_string(rows.rows.at(index));
  const auto& columns = rows.columns.at(index);
  // The cell whose pointer is the longest that starts `pointer`; else, for a pointer to a whole
  // child (its stage missing, say), the leftmost of the child's cells.
  std::optional<std::size_t> column;
  std::size_t longest = 0;
  std::optional<std::size_t> leftmost_within;
  for (const auto& [recorded, c] : columns) {
    const bool starts = pointer.compare(0, recorded.size(), recorded) == 0 &&
                        (pointer.size() == recorded.size() || pointer[recorded.size()] == '/');
    const bool within = recorded.compare(0, pointer.size(), pointer) == 0 &&
                        (recorded.size() == pointer.size() || recorded[pointer.size()] == '/');
    if (starts && recorded.size() > longest) {
      column = c;
      longest = recorded.size();
    }
    if (within && (!leftmost_within || c < *leftmost_within)) leftmost_within = c;
  }
  if (!column) column = leftmost_within;
  if (!column) return "row " + std::to_string(rows.rows.at(index));
  return csv_location(rows.rows.at(index), *column + 1) + " (" + rows.names.at(*column) + ")";
}

// Runs `read` over the items; an InputError at "<prefix>/N/..." (or "/N/..." within an item read
// alone) is moved to its cell.
template <class Read>
auto at_cells(const RowsAsJson& rows, const std::string& prefix, Read&& read) {
  try {
    return read();
  } catch (const InputError& error) {
    const std::string& where = error.where();
    if (where.compare(0, prefix.size() + 1, prefix + "/") == 0) {
      const std::size_t start = prefix.size() + 1;
      const std::size_t end = where.find('/', start);
      const std::string number = where.substr(start, end - start);
      if (!number.empty() && std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        const std::size_t index = std::stoul(number);
        if (index < rows.rows.size()) {
          std::string inside = end == std::string::npos ? "" : where.substr(end);
          // "missing required field "session"" is raised on the object: name the field's column.
          const std::string missing = "missing required field \"";
          if (error.message().rfind(missing, 0) == 0) {
            if (inside == "/") inside.clear();
            inside += "/" + error.message().substr(missing.size(), error.message().find('"', missing.size()) - missing.size());
          }
          throw InputError(error.rule(), error.message(), cell_of(rows, index, inside));
        }
      }
    }
    throw;
  }
}

// The header, checked: each column once (by its canonical key: "child_01_stage" is
// "child_1_stage"), each one the layout knows (`canonical` gives its key, or nullopt).
void read_header(const CsvTable& table, RowsAsJson& rows,
                 const std::function<std::optional<std::string>(const std::string&)>& canonical,
                 const std::string& expected) {
  if (table.rows.empty()) detail::raise_input_error("row 1", "the table is empty: expected a header row (" + expected + ")");
  const CsvRow& first = table.rows.front();
  for (std::size_t c = 0; c < first.fields.size(); ++c) {
    const std::optional<std::string> key = canonical(header_key(first.fields[c]));
    const std::string where = csv_location(first.row, c + 1);
    if (!key) {
      detail::raise_input_error(where, "unknown column " + detail::quote_input(first.fields[c]) + ": expected " + expected);
    }
    if (std::find(rows.header.begin(), rows.header.end(), *key) != rows.header.end()) {
      detail::raise_input_error(where, "column " + detail::quote_input(first.fields[c]) + " appears twice");
    }
    rows.header.push_back(*key);
    rows.names.push_back(first.fields[c]);
  }
  // A cell beyond the header (an unquoted separator, say) would be lost: refuse it.
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const CsvRow& row = table.rows[r];
    for (std::size_t c = rows.header.size(); c < row.fields.size(); ++c) {
      if (!row.fields[c].empty()) {
        detail::raise_input_error(csv_location(row.row, c + 1), "a cell beyond the header's " +
                                                                    std::to_string(rows.header.size()) + " columns");
      }
    }
  }
}

void require_columns(const CsvTable& table, const RowsAsJson& rows, const std::vector<std::string>& required) {
  for (const std::string& key : required) {
    if (std::find(rows.header.begin(), rows.header.end(), key) == rows.header.end()) {
      detail::raise_input_error(csv_location(table.rows.front().row, rows.header.size() + 1),
                                "missing column " + detail::quote_input(key));
    }
  }
}

// "child_2_grade" -> {"child", 2, "grade"}; nullopt when not of that form.
struct Numbered {
  std::string list;
  std::size_t number = 0;
  std::string field;
};
std::optional<Numbered> numbered(const std::string& key, const std::string& list) {
  if (key.compare(0, list.size() + 1, list + "_") != 0) return std::nullopt;
  const std::size_t start = list.size() + 1;
  std::size_t end = start;
  while (end < key.size() && std::isdigit(static_cast<unsigned char>(key[end]))) ++end;
  if (end == start || end - start > 2) return std::nullopt;
  const std::size_t number = std::stoul(key.substr(start, end - start));
  if (number == 0) return std::nullopt;
  if (end == key.size()) return Numbered{list, number, ""};
  if (key[end] != '_') return std::nullopt;
  return Numbered{list, number, key.substr(end + 1)};
}

const std::vector<std::string> household_fields{"id", "municipality", "school", "care_closes", "waiting_since"};
const std::vector<std::string> child_fields{"stage", "grade", "birth_date", "age", "condition", "rare_diagnosis"};
const std::vector<std::string> sibling_fields{"age", "stage"};

bool contains(const std::vector<std::string>& list, const std::string& key) {
  return std::find(list.begin(), list.end(), key) != list.end();
}

// A household column's canonical key ("caregiver_1_role" -> "caregiver_1", "child_01_stage" ->
// "child_1_stage"), or nullopt for a column the layout does not have.
std::optional<std::string> household_column(const std::string& key) {
  if (contains(household_fields, key)) return key;
  if (auto n = numbered(key, "caregiver")) {
    if (n->field.empty() || n->field == "role") return "caregiver_" + std::to_string(n->number);
  }
  if (auto n = numbered(key, "child"); n && contains(child_fields, n->field)) {
    return "child_" + std::to_string(n->number) + "_" + n->field;
  }
  if (auto n = numbered(key, "sibling"); n && contains(sibling_fields, n->field)) {
    return "sibling_" + std::to_string(n->number) + "_" + n->field;
  }
  return std::nullopt;
}

RowsAsJson household_rows(const CsvTable& table) {
  RowsAsJson rows;
  read_header(table, rows, household_column,
                            "id, municipality, school, care_closes, waiting_since, caregiver_1, caregiver_2, "
                            "child_N_stage, child_N_grade, child_N_birth_date, child_N_age, child_N_condition, "
                            "child_N_rare_diagnosis, sibling_N_age, sibling_N_stage");
  require_columns(table, rows, {"id"});
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const CsvRow& row = table.rows[r];
    Json household = Json::object();
    std::map<std::string, std::size_t> columns;
    // Numbered entries in number order, whatever the column order: (list, number) -> fields.
    std::map<std::pair<std::string, std::size_t>, std::vector<std::pair<std::string, std::size_t>>> entries;
    for (std::size_t c = 0; c < rows.header.size(); ++c) {
      const std::string text = c < row.fields.size() ? row.fields[c] : std::string();
      const std::string& key = rows.header[c];
      if (contains(household_fields, key)) {
        columns["/" + key] = c;
        // A spreadsheet writes a time of day with seconds ("16:30:00"): whole minutes are HH:MM.
        const bool whole_minutes = key == "care_closes" && text.size() == 8 && text.compare(5, 3, ":00") == 0;
        if (!text.empty() || key == "id") household[key] = whole_minutes ? text.substr(0, 5) : text;
        continue;
      }
      for (const char* list : {"caregiver", "child", "sibling"}) {
        if (auto n = numbered(key, list)) entries[{list, n->number}].push_back({n->field, c});
      }
    }
    std::map<std::string, std::size_t> next_index;
    for (const auto& [list_number, fields] : entries) {
      const std::string& list = list_number.first;
      Json item = Json::object();
      std::vector<std::pair<std::string, std::size_t>> used;
      for (const auto& [field, c] : fields) {
        const std::string text = c < row.fields.size() ? row.fields[c] : std::string();
        if (text.empty()) continue;
        const std::string name = field.empty() ? "role" : field;
        item[name] = cell_json(text, name == "grade" || name == "age", row.row, c, rows.names[c]);
        used.push_back({name, c});
      }
      if (used.empty()) continue;  // a numbered child with every cell empty is not there
      const std::string array = list == "caregiver" ? "caregivers" : list == "child" ? "children" : "siblings";
      const std::size_t index = next_index[array]++;
      const std::string at = "/" + array + "/" + std::to_string(index);
      for (const auto& [name, c] : used) columns[at + "/" + name] = c;
      if (!household.contains(array)) household[array] = Json::array();
      household[array].push_back(std::move(item));
    }
    rows.items.push_back(std::move(household));
    rows.rows.push_back(row.row);
    rows.columns.push_back(std::move(columns));
  }
  return rows;
}

}  // namespace

std::vector<Household> households_from_table(const CsvTable& table) {
  const RowsAsJson rows = household_rows(table);
  std::vector<Household> households;
  households.reserve(rows.items.size());
  for (std::size_t i = 0; i < rows.items.size(); ++i) {
    households.push_back(at_cells(rows, "/households", [&] {
      try {
        return detail::read_household(rows.items[i], "", AttendanceProbabilities{});
      } catch (const InputError& error) {
        throw InputError(error.rule(), error.message(), "/households/" + std::to_string(i) + error.where());
      }
    }));
  }
  return households;
}

Waitlist waitlist_from_table(const CsvTable& table, Waitlist base) {
  const RowsAsJson rows = household_rows(table);
  base.households = households_from_table(table);
  at_cells(rows, "/households", [&] {
    check_waitlist(base);
    return 0;
  });
  return base;
}

AttendanceRecords attendance_records_from_table(const CsvTable& table) {
  static const std::vector<std::string> fields{"household", "session", "present", "caregivers"};
  RowsAsJson rows;
  read_header(
      table, rows,
      [](const std::string& key) { return contains(fields, key) ? std::optional<std::string>(key) : std::nullopt; },
      "household, session, present, caregivers");
  require_columns(table, rows, {"household", "session", "present"});
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const CsvRow& row = table.rows[r];
    Json record = Json::object();
    std::map<std::string, std::size_t> columns;
    for (std::size_t c = 0; c < rows.header.size(); ++c) {
      const std::string text = c < row.fields.size() ? row.fields[c] : std::string();
      const std::string& key = rows.header[c];
      columns["/" + key] = c;
      if (!text.empty()) record[key] = cell_json(text, key != "household", row.row, c, rows.names[c]);
    }
    rows.items.push_back(std::move(record));
    rows.rows.push_back(row.row);
    rows.columns.push_back(std::move(columns));
  }
  return at_cells(rows, "/records", [&] { return attendance_records_from_json(Json{{"records", rows.items}}); });
}

}  // namespace paarorende
