// A table's rows as the items of a JSON document, read by that document's own reader; the cell
// each JSON pointer came from is remembered, so the reader's errors are moved to the cell.
#include "paarorende/io/table_rows.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "detail/input_error.hpp"
#include "detail/text.hpp"
#include "paarorende/error.hpp"
#include "paarorende/io/attendance.hpp"
#include "paarorende/io/formation.hpp"
#include "paarorende/io/group.hpp"
#include "paarorende/io/spreadsheet_template.hpp"
#include "paarorende/io/xlsx.hpp"
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

// The cell an InputError at "<prefix>/N/..." came from, or none when its pointer is not inside
// one of the rows' items.
std::optional<std::string> cell_of_error(const RowsAsJson& rows, const std::string& prefix, const InputError& error) {
  const std::string& where = error.where();
  if (where.compare(0, prefix.size() + 1, prefix + "/") != 0) return std::nullopt;
  const std::size_t start = prefix.size() + 1;
  const std::size_t end = where.find('/', start);
  const std::string number = where.substr(start, end - start);
  if (number.empty() || !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  const std::size_t index = std::stoul(number);
  if (index >= rows.rows.size()) return std::nullopt;
  std::string inside = end == std::string::npos ? "" : where.substr(end);
  // "missing required field "session"" is raised on the object: name the field's column.
  const std::string missing = "missing required field \"";
  if (error.message().rfind(missing, 0) == 0) {
    if (inside == "/") inside.clear();
    inside += "/" + error.message().substr(missing.size(), error.message().find('"', missing.size()) - missing.size());
  }
  return cell_of(rows, index, inside);
}

// Runs `read` over the items; an InputError at "<prefix>/N/..." (or "/N/..." within an item read
// alone) is moved to its cell.
template <class Read>
auto at_cells(const RowsAsJson& rows, const std::string& prefix, Read&& read) {
  try {
    return read();
  } catch (const InputError& error) {
    if (const auto cell = cell_of_error(rows, prefix, error)) throw InputError(error.rule(), error.message(), *cell);
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
  // The header ends at its last name: a workbook's rows are padded to the widest, so a stray cell
  // further right is a cell beyond the header (below), not a column without a name.
  std::size_t width = first.fields.size();
  while (width > 0 && first.fields[width - 1].empty()) --width;
  for (std::size_t c = 0; c < width; ++c) {
    const std::optional<std::string> key = canonical(header_key(first.fields[c]));
    const std::string where = csv_location(first.row, c + 1);
    if (first.fields[c].empty()) detail::raise_input_error(where, "a column without a name in the header");
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

// --- documents of several tables: a workbook's sheets, or a CSV's households over a base ---

// How a cell of a plain sheet (places, travel times, settings) becomes JSON.
enum class CellType { text, whole, decimal, boolean };

Json typed_cell(const std::string& text, CellType type, const std::string& where) {
  switch (type) {
    case CellType::text: return Json(text);
    case CellType::whole:
      if (!whole_number(text)) detail::raise_input_error(where, "expected a whole number, got " + detail::quote_input(text));
      return Json(std::stoll(text));
    case CellType::decimal: {
      // A spreadsheet's number, or text with a decimal comma as Norwegian spreadsheets write it.
      std::string number = text;
      std::replace(number.begin(), number.end(), ',', '.');
      std::size_t used = 0;
      double value = 0.0;
      try {
        value = std::stod(number, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used == 0 || used != number.size() || !std::isfinite(value)) {
        detail::raise_input_error(where, "expected a number, got " + detail::quote_input(text));
      }
      return Json(value);
    }
    case CellType::boolean: {
      std::string key = header_key(text);
      if (key == "true" || key == "yes" || key == "ja" || key == "1") return Json(true);
      if (key == "false" || key == "no" || key == "nei" || key == "0") return Json(false);
      detail::raise_input_error(where, "expected TRUE or FALSE (yes/no, ja/nei), got " + detail::quote_input(text));
    }
  }
  return Json(text);
}

struct PlainColumn {
  std::string key;
  CellType type = CellType::text;
};

// A plain sheet: one item per row, a field per column.
RowsAsJson plain_rows(const CsvTable& table, const std::vector<PlainColumn>& layout, const std::vector<std::string>& required) {
  RowsAsJson rows;
  std::string expected;
  for (const PlainColumn& column : layout) expected += (expected.empty() ? "" : ", ") + column.key;
  read_header(
      table, rows,
      [&](const std::string& key) -> std::optional<std::string> {
        for (const PlainColumn& column : layout) {
          if (column.key == key) return key;
        }
        return std::nullopt;
      },
      expected);
  require_columns(table, rows, required);
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const CsvRow& row = table.rows[r];
    Json item = Json::object();
    std::map<std::string, std::size_t> columns;
    for (std::size_t c = 0; c < rows.header.size(); ++c) {
      const std::string text = c < row.fields.size() ? row.fields[c] : std::string();
      const std::string& key = rows.header[c];
      columns["/" + key] = c;
      if (text.empty()) continue;
      const auto column = std::find_if(layout.begin(), layout.end(), [&](const PlainColumn& entry) { return entry.key == key; });
      item[key] = typed_cell(text, column->type, csv_location(row.row, c + 1) + " (" + rows.names[c] + ")");
    }
    rows.items.push_back(std::move(item));
    rows.rows.push_back(row.row);
    rows.columns.push_back(std::move(columns));
  }
  return rows;
}

// A setting of a settings sheet: its name, where it goes in the document, and its type.
struct Setting {
  std::string name;
  std::string pointer;
  CellType type = CellType::text;
};

const std::vector<Setting> waitlist_settings{
    {"id", "/id", CellType::text},
    {"region", "/region", CellType::text},
    {"target_participants", "/formation/target_participants", CellType::whole},
    {"seed", "/formation/seed", CellType::whole},
    {"waiting_as_of", "/formation/waiting_as_of", CellType::text},
    {"warn_minutes", "/travel/warn_minutes", CellType::decimal},
    {"max_minutes", "/travel/max_minutes", CellType::decimal},
};
const std::vector<Setting> group_settings{
    {"id", "/id", CellType::text},
    {"format", "/format", CellType::text},
    {"venue", "/venue", CellType::text},
    {"warn_minutes", "/travel/warn_minutes", CellType::decimal},
    {"max_minutes", "/travel/max_minutes", CellType::decimal},
};

// A document's parts, each from a table, and where each of its pointers came from.
class SheetDocument {
 public:
  explicit SheetDocument(Json document) : document_(std::move(document)) {}

  // `rows` as the array at `pointer` ("/households"), read from `sheet` (empty for a CSV file).
  // A table with no rows leaves a base document's part as it is (a template's empty places sheet
  // over a base that lists them).
  void add_rows(const std::string& pointer, std::string sheet, RowsAsJson rows) {
    if (rows.items.empty() && document_.contains(Json::json_pointer(pointer))) return;
    document_[Json::json_pointer(pointer)] = rows.items;
    parts_.push_back({pointer, std::move(sheet), std::move(rows)});
  }

  // A settings sheet: two columns, "setting" and "value", a row per setting.
  void add_settings(const CsvTable& table, const std::string& sheet, const std::vector<Setting>& known) {
    static const std::vector<PlainColumn> layout{{"setting", CellType::text}, {"value", CellType::text}};
    const RowsAsJson rows = [&] {
      try {
        return plain_rows(table, layout, {"setting", "value"});
      } catch (const InputError& error) {
        throw InputError(error.rule(), error.message(), "sheet \"" + sheet + "\", " + error.where());
      }
    }();
    std::vector<std::string> seen;
    for (std::size_t i = 0; i < rows.items.size(); ++i) {
      const Json& item = rows.items[i];
      const std::string row = "sheet \"" + sheet + "\", " + csv_location(rows.rows[i], 1);
      if (!item.contains("setting")) {
        if (item.contains("value")) detail::raise_input_error(row, "a value without its setting's name");
        continue;
      }
      const std::string name = header_key(item["setting"].get<std::string>());
      const auto setting = std::find_if(known.begin(), known.end(), [&](const Setting& s) { return s.name == name; });
      if (setting == known.end()) {
        std::string names;
        for (const Setting& s : known) names += (names.empty() ? "" : ", ") + s.name;
        detail::raise_input_error(row, "unknown setting " + detail::quote_input(item["setting"].get<std::string>()) +
                                           ": expected " + names);
      }
      if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
        detail::raise_input_error(row, "the setting " + detail::quote_input(name) + " appears twice");
      }
      seen.push_back(name);
      if (!item.contains("value")) continue;  // left empty: the default
      const std::string value_cell = "sheet \"" + sheet + "\", " + csv_location(rows.rows[i], 2) + " (" + name + ")";
      document_[Json::json_pointer(setting->pointer)] = typed_cell(item["value"].get<std::string>(), setting->type, value_cell);
      settings_.push_back({setting->pointer, value_cell});
    }
  }

  const Json& document() const { return document_; }

  // Runs `read` over the document; an InputError at a pointer from a table is moved to its
  // cell, one elsewhere into `base_file` (the document the tables were put over) when given.
  template <class Read>
  auto read(Read&& read, const std::string& base_file) const {
    try {
      return read(document_);
    } catch (const InputError& error) {
      const std::string where = locate(error);
      if (where == error.where() && !base_file.empty()) {
        // Not from a table: from the base document, and located in its file for good.
        throw detail::FileInputError(error.rule(), error.message(), located_in_file(base_file, where));
      }
      throw InputError(error.rule(), error.message(), where);
    }
  }

 private:
  struct Part {
    std::string pointer;
    std::string sheet;
    RowsAsJson rows;
  };

  static bool starts_with(const std::string& where, const std::string& pointer) {
    return where.compare(0, pointer.size(), pointer) == 0 && (where.size() == pointer.size() || where[pointer.size()] == '/');
  }

  // The cell (or sheet) an error's pointer came from; the pointer itself when none.
  std::string locate(const InputError& error) const {
    const std::string& where = error.where();
    for (const Part& part : parts_) {
      if (!starts_with(where, part.pointer)) continue;
      const std::string sheet = part.sheet.empty() ? "" : "sheet \"" + part.sheet + "\"";
      if (const auto cell = cell_of_error(part.rows, part.pointer, error)) {
        return sheet.empty() ? *cell : sheet + ", " + *cell;
      }
      return sheet.empty() ? where : sheet;
    }
    for (const auto& [pointer, cell] : settings_) {
      if (starts_with(where, pointer)) return cell;
    }
    // An error in an object a setting wrote into ("/travel/max_minutes" below a warn_minutes set
    // too high): the setting's cell, not a pointer into a workbook.
    for (const auto& [pointer, cell] : settings_) {
      const std::string object = pointer.substr(0, pointer.rfind('/'));
      if (!object.empty() && starts_with(where, object)) return cell;
    }
    return where;
  }

  Json document_;
  std::vector<Part> parts_;
  std::vector<std::pair<std::string, std::string>> settings_;
};

const std::vector<PlainColumn> place_columns{{"id", CellType::text},
                                             {"municipality", CellType::text},
                                             {"latitude", CellType::decimal},
                                             {"longitude", CellType::decimal},
                                             {"venue", CellType::boolean}};
const std::vector<PlainColumn> travel_columns{{"from", CellType::text}, {"to", CellType::text}, {"minutes", CellType::decimal}};

// The sheets of a workbook a document is made of, by name (compared as headers are); the others
// (instructions) are not read.
struct WorkbookSheets {
  std::map<std::string, XlsxSheet> sheets;

  explicit WorkbookSheets(std::string_view bytes, const std::vector<std::string>& wanted) {
    for (const std::string& name : xlsx_sheet_names(bytes)) {
      const std::string key = header_key(name);
      if (std::find(wanted.begin(), wanted.end(), key) == wanted.end()) {
        // A sheet of a name not read would be data dropped unseen: only the instructions are
        // passed over, in the names the templates give them.
        const auto guides = instruction_sheet_names();
        if (std::find(guides.begin(), guides.end(), name) != guides.end()) continue;
        std::string expected;
        for (const std::string& known : wanted) expected += known + ", ";
        std::string instructions;
        for (const std::string& guide : guides) instructions += (instructions.empty() ? "" : ", ") + guide;
        detail::raise_input_error("sheet \"" + name + "\"",
                                  "unknown sheet: expected " + expected + "or the instructions (" + instructions + ")");
      }
      if (sheets.count(key)) detail::raise_input_error("sheet \"" + name + "\"", "two sheets named " + key);
      sheets.emplace(key, read_xlsx(bytes, name));
    }
  }
  const XlsxSheet* find(const std::string& key) const {
    const auto found = sheets.find(key);
    return found == sheets.end() ? nullptr : &found->second;
  }
};

// Errors while a sheet's rows are made JSON ("row 3, column 2") are moved into the sheet.
template <class Read>
auto in_sheet(const XlsxSheet& sheet, Read&& read) {
  return read_sheet_as_table(sheet, [&](const CsvTable& table) { return read(table); });
}

// The document's households, places, travel times and settings from the workbook's sheets.
void add_sheets(SheetDocument& document, const WorkbookSheets& book, const std::vector<Setting>& settings) {
  const XlsxSheet* households = book.find("households");
  if (!households) detail::raise_input_error("", "a workbook without a sheet named \"households\"");
  document.add_rows("/households", households->name, in_sheet(*households, household_rows));
  if (const XlsxSheet* places = book.find("places")) {
    document.add_rows("/places", places->name,
                      in_sheet(*places, [](const CsvTable& t) { return plain_rows(t, place_columns, {"id"}); }));
  }
  if (const XlsxSheet* travel = book.find("travel_times")) {
    document.add_rows("/travel_times", travel->name, in_sheet(*travel, [](const CsvTable& t) {
                        return plain_rows(t, travel_columns, {"from", "to", "minutes"});
                      }));
  }
  if (const XlsxSheet* sheet = book.find("settings")) {
    document.add_settings(to_csv_table(*sheet), sheet->name, settings);
  }
}

Json base_or_empty(const Json* base) { return base ? *base : Json::object(); }

}  // namespace

FormationRequest waitlist_from_workbook(std::string_view bytes, const std::filesystem::path& base_dir,
                                        const Json* base, const std::string& base_file) {
  const WorkbookSheets book(bytes, {"households", "places", "travel_times", "settings"});
  SheetDocument document(base_or_empty(base));
  add_sheets(document, book, waitlist_settings);
  if (!document.document().contains("places")) {
    detail::raise_input_error("", "a waitlist workbook needs a sheet named \"places\" (the pickup places and venues), "
                                  "or a base waitlist document that lists them", detail::Rule{"C8"});
  }
  return document.read([&](const Json& json) { return formation_request_from_json(json, base_dir); }, base_file);
}

FormationRequest waitlist_from_csv(std::string_view text, const std::filesystem::path& base_dir, const Json* base,
                                   const std::string& base_file) {
  SheetDocument document(base_or_empty(base));
  document.add_rows("/households", "", household_rows(read_csv(text)));
  if (!document.document().contains("places")) {
    detail::raise_input_error("", "a waitlist in CSV holds only its households: give a base waitlist document with "
                                  "the places (--base WAITLIST.json), or use a workbook with a \"places\" sheet "
                                  "(paarorende template waitlist)", detail::Rule{"C8"});
  }
  return document.read([&](const Json& json) { return formation_request_from_json(json, base_dir); }, base_file);
}

GroupDocument group_from_workbook(std::string_view bytes, const std::string& default_id) {
  const WorkbookSheets book(bytes, {"households", "places", "travel_times", "settings"});
  SheetDocument document(Json{{"id", default_id}});
  add_sheets(document, book, group_settings);
  return document.read([](const Json& json) { return group_from_json(json); }, "");
}

GroupDocument group_from_csv(std::string_view text, const std::string& default_id) {
  SheetDocument document(Json{{"id", default_id}});
  document.add_rows("/households", "", household_rows(read_csv(text)));
  return document.read([](const Json& json) { return group_from_json(json); }, "");
}

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
  static const std::vector<PlainColumn> layout{{"household", CellType::text},
                                               {"session", CellType::whole},
                                               {"present", CellType::whole},
                                               {"caregivers", CellType::whole}};
  const RowsAsJson rows = plain_rows(table, layout, {"household", "session", "present"});
  return at_cells(rows, "/records", [&] { return attendance_records_from_json(Json{{"records", rows.items}}); });
}

}  // namespace paarorende
