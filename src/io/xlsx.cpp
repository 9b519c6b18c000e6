// Excel workbooks (io/xlsx.hpp): the zip container through libzip, the XML parts through expat.
// Only what a table needs is read (ECMA-376 Part 1, SpreadsheetML): the package and workbook
// relationships, the workbook (sheets, date1904), the shared strings, the styles' number formats
// and one worksheet's values. Formulas are not evaluated: a cell's cached value is read.
#include "paarorende/io/xlsx.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <exception>
#include <map>
#include <memory>
#include <type_traits>
#include <utility>

#include <expat.h>
#include <zip.h>

#include "detail/enum_names.hpp"
#include "detail/input_error.hpp"
#include "detail/text.hpp"
#include "paarorende/error.hpp"
#include "io/xlsx_parts.hpp"
#include "paarorende/limits.hpp"

namespace paarorende {
namespace {

constexpr auto xlsx_cell_kind_names =
    detail::enum_names<XlsxCellKind>("empty", "text", "number", "boolean", "date");

// A decompressed part may be larger than the file: XML is verbose and compresses some tenfold.
// Past this a part is refused, so a zip bomb stops early.
constexpr std::size_t max_xlsx_part_bytes = 4 * max_document_bytes;
// Cells of a sheet, counting the empty ones before a row's last value: a bound on memory, since
// one short cell far to the right makes its whole row.
constexpr std::size_t max_xlsx_cells = 4'000'000;
// The widest sheet Excel makes (column XFD).
constexpr std::size_t max_xlsx_column = 16384;

[[noreturn]] void not_a_workbook(const std::string& why) {
  detail::raise_input_error("", "not an Excel workbook (.xlsx): " + why);
}

// --- the zip container (libzip) ---

class Archive {
 public:
  explicit Archive(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source != nullptr) {
      archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
      if (archive_ == nullptr) zip_source_free(source);
    }
    zip_error_fini(&error);
    if (archive_ == nullptr) not_a_workbook("the zip archive cannot be read");
  }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;
  ~Archive() { zip_discard(archive_); }

  bool has(const std::string& name) const { return zip_name_locate(archive_, name.c_str(), ZIP_FL_NOCASE) >= 0; }

  // The part's bytes, or std::nullopt when the archive has no such part.
  std::optional<std::string> part(const std::string& name) const {
    const zip_int64_t index = zip_name_locate(archive_, name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::nullopt;
    zip_file_t* file = zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0);
    if (file == nullptr) not_a_workbook("the part " + detail::quote_input(name) + " cannot be read");
    std::string text;
    char chunk[65536];
    for (;;) {
      const zip_int64_t got = zip_fread(file, chunk, sizeof chunk);
      if (got < 0) {
        zip_fclose(file);
        not_a_workbook("the part " + detail::quote_input(name) + " is damaged");
      }
      if (got == 0) break;
      text.append(chunk, static_cast<std::size_t>(got));
      if (text.size() > max_xlsx_part_bytes) {
        zip_fclose(file);
        detail::raise_input_error("", "the part " + detail::quote_input(name) + " exceeds the limit of " +
                                          std::to_string(max_xlsx_part_bytes) + " bytes uncompressed");
      }
    }
    zip_fclose(file);
    return text;
  }

 private:
  zip_t* archive_ = nullptr;
};

// --- the XML parts (expat) ---

// An element's name without its namespace prefix ("x:row" -> "row").
std::string_view local_name(const char* name) {
  std::string_view text(name);
  const auto colon = text.rfind(':');
  return colon == std::string_view::npos ? text : text.substr(colon + 1);
}

// The attribute of this local name, or nullptr.
const char* attribute(const char** attributes, std::string_view name) {
  for (std::size_t i = 0; attributes[i] != nullptr; i += 2) {
    if (local_name(attributes[i]) == name) return attributes[i + 1];
  }
  return nullptr;
}

// The events of one part; each reader overrides what it needs. A handler may throw: the
// exception is kept, the parser stopped, and the exception rethrown once expat has returned (an
// exception must not cross expat's C frames).
class XmlReader {
 public:
  virtual ~XmlReader() = default;
  virtual void start(std::string_view name, const char** attributes) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view) {}
};

struct ParseState {
  XML_Parser parser;
  XmlReader* reader;
  std::exception_ptr error;
};

template <class Call>
void guarded(void* data, Call call) {
  auto* state = static_cast<ParseState*>(data);
  if (state->error) return;
  try {
    call(*state->reader);
  } catch (...) {
    state->error = std::current_exception();
    XML_StopParser(state->parser, XML_FALSE);
  }
}

void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attributes) {
  guarded(data, [&](XmlReader& reader) { reader.start(local_name(name), attributes); });
}
void XMLCALL on_end(void* data, const XML_Char* name) {
  guarded(data, [&](XmlReader& reader) { reader.end(local_name(name)); });
}
void XMLCALL on_text(void* data, const XML_Char* text, int length) {
  guarded(data, [&](XmlReader& reader) { reader.text(std::string_view(text, static_cast<std::size_t>(length))); });
}
// A workbook part has no document type declaration; refusing one keeps entity expansion out.
void XMLCALL on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  guarded(data, [](XmlReader&) -> void {
    detail::raise_input_error("", "a document type declaration (<!DOCTYPE>) is not allowed");
  });
}

// Parses `xml`; an error names the part (`where` is where it is reported: the file or the sheet).
void parse_xml(std::string_view xml, const std::string& part, const std::string& where, XmlReader& reader) {
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> parser(XML_ParserCreate("UTF-8"),
                                                                                       &XML_ParserFree);
  if (!parser) throw std::bad_alloc();
  ParseState state{parser.get(), &reader, nullptr};
  XML_SetUserData(parser.get(), &state);
  XML_SetElementHandler(parser.get(), on_start, on_end);
  XML_SetCharacterDataHandler(parser.get(), on_text);
  XML_SetStartDoctypeDeclHandler(parser.get(), on_doctype);
  const auto status = XML_Parse(parser.get(), xml.data(), static_cast<int>(xml.size()), XML_TRUE);
  if (state.error) {
    try {
      std::rethrow_exception(state.error);
    } catch (const detail::FileInputError&) {
      throw;
    } catch (const InputError& error) {
      if (!error.where().empty()) throw;
      throw InputError(error.rule(), detail::quote_input(part) + ": " + error.message(), where);
    }
  }
  if (status != XML_STATUS_OK) {
    detail::raise_input_error(where, detail::quote_input(part) + " is not well-formed XML: " +
                                         XML_ErrorString(XML_GetErrorCode(parser.get())) + " at line " +
                                         std::to_string(XML_GetCurrentLineNumber(parser.get())) + ", column " +
                                         std::to_string(XML_GetCurrentColumnNumber(parser.get()) + 1));
  }
}

// --- relationships: which part a workbook or sheet id names ---

struct Relationship {
  std::string id;
  std::string type;
  std::string target;
};

class RelationshipsReader : public XmlReader {
 public:
  std::vector<Relationship> relationships;
  void start(std::string_view name, const char** attributes) override {
    if (name != "Relationship") return;
    const char* id = attribute(attributes, "Id");
    const char* type = attribute(attributes, "Type");
    const char* target = attribute(attributes, "Target");
    if (id && target) relationships.push_back({id, type ? type : "", target});
  }
  void end(std::string_view) override {}
};

// The part a relationship's target names, from the folder of the part that holds it ("xl/"):
// "worksheets/sheet1.xml" -> "xl/worksheets/sheet1.xml", "/xl/x.xml" -> "xl/x.xml".
std::string resolve_target(const std::string& folder, const std::string& target) {
  if (!target.empty() && target.front() == '/') return target.substr(1);
  std::string path = folder + target;
  // "../" steps out of the folder.
  std::vector<std::string> parts;
  std::size_t begin = 0;
  while (begin <= path.size()) {
    const auto slash = std::min(path.find('/', begin), path.size());
    const std::string piece = path.substr(begin, slash - begin);
    if (piece == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!piece.empty() && piece != ".") {
      parts.push_back(piece);
    }
    begin = slash + 1;
  }
  std::string resolved;
  for (const auto& piece : parts) resolved += (resolved.empty() ? "" : "/") + piece;
  return resolved;
}

std::string folder_of(const std::string& part) {
  const auto slash = part.rfind('/');
  return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

// "xl/_rels/workbook.xml.rels" for "xl/workbook.xml".
std::string relationships_part(const std::string& part) {
  const auto slash = part.rfind('/');
  const std::string folder = slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
  const std::string name = slash == std::string::npos ? part : part.substr(slash + 1);
  return folder + "_rels/" + name + ".rels";
}

std::vector<Relationship> read_relationships(const Archive& archive, const std::string& part) {
  RelationshipsReader reader;
  if (const auto xml = archive.part(part)) parse_xml(*xml, part, "", reader);
  return reader.relationships;
}

bool type_ends_with(std::string_view text, std::string_view end) {
  return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

// --- the workbook: sheets and the date system ---

struct SheetEntry {
  std::string name;
  std::string relationship;
};

class WorkbookReader : public XmlReader {
 public:
  std::vector<SheetEntry> sheets;
  bool date1904 = false;
  void start(std::string_view name, const char** attributes) override {
    if (name == "workbookPr") {
      const char* flag = attribute(attributes, "date1904");
      date1904 = flag != nullptr && (std::string_view(flag) == "1" || std::string_view(flag) == "true");
    } else if (name == "sheet") {
      const char* sheet_name = attribute(attributes, "name");
      const char* id = attribute(attributes, "id");
      sheets.push_back({sheet_name ? sheet_name : "", id ? id : ""});
      detail::check_limit(sheets.size(), max_list_entries, "sheets", "");
    }
  }
  void end(std::string_view) override {}
};

struct WorkbookPart {
  std::string part;  // "xl/workbook.xml"
  std::vector<SheetEntry> sheets;
  bool date1904 = false;
};

WorkbookPart read_workbook(const Archive& archive) {
  WorkbookPart workbook;
  for (const auto& relationship : read_relationships(archive, "_rels/.rels")) {
    if (type_ends_with(relationship.type, "/officeDocument")) workbook.part = resolve_target("", relationship.target);
  }
  if (workbook.part.empty()) workbook.part = "xl/workbook.xml";
  const auto xml = archive.part(workbook.part);
  if (!xml) {
    if (archive.has("mimetype") && archive.has("content.xml")) {
      not_a_workbook("an OpenDocument spreadsheet (.ods) is not read; save it as .xlsx or .csv");
    }
    not_a_workbook("the archive has no workbook part (" + workbook.part + ")");
  }
  WorkbookReader reader;
  parse_xml(*xml, workbook.part, "", reader);
  if (reader.sheets.empty()) not_a_workbook("the workbook has no sheet");
  workbook.sheets = std::move(reader.sheets);
  workbook.date1904 = reader.date1904;
  return workbook;
}

// --- shared strings ---

// The text of a string item (<si>, or a cell's <is>): its <t>, or the <t> of its rich-text runs
// (<r>) joined; phonetic hints (<rPh>) are not part of the text.
class StringItemText {
 public:
  void start(std::string_view name) {
    if (name == "rPh") ++phonetic_;
    if (name == "t" && phonetic_ == 0) in_text_ = true;
  }
  void end(std::string_view name) {
    if (name == "rPh") --phonetic_;
    if (name == "t") in_text_ = false;
  }
  void text(std::string_view piece) {
    if (in_text_) text_.append(piece);
  }
  std::string take() {
    in_text_ = false;
    phonetic_ = 0;
    return std::exchange(text_, {});
  }

 private:
  std::string text_;
  bool in_text_ = false;
  int phonetic_ = 0;
};

class SharedStringsReader : public XmlReader {
 public:
  std::vector<std::string> strings;
  void start(std::string_view name, const char**) override {
    if (name == "si") {
      in_item_ = true;
      item_.take();
    } else if (in_item_) {
      item_.start(name);
    }
  }
  void end(std::string_view name) override {
    if (name == "si") {
      in_item_ = false;
      strings.push_back(item_.take());
    } else if (in_item_) {
      item_.end(name);
    }
  }
  void text(std::string_view piece) override {
    if (in_item_) item_.text(piece);
  }

 private:
  StringItemText item_;
  bool in_item_ = false;
};

// --- styles: which cell formats are dates ---

// A number format is a date or time when it shows a year, month, day, hour or second: its codes
// outside quoted text ("..."), escaped characters (\x, _x, *x) and bracketed parts ([Red],
// [$-414]) name one. Elapsed times ([h], [mm], [ss]) count too.
bool is_date_code(std::string_view code) {
  if (code == "General" || code == "@") return false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      const auto close = code.find('"', i + 1);
      if (close == std::string_view::npos) return false;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == '[') {
      const auto close = code.find(']', i + 1);
      if (close == std::string_view::npos) return false;
      const std::string_view inside = code.substr(i + 1, close - i - 1);
      if (!inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos) return true;
      i = close;
    } else {
      switch (c) {
        case 'y': case 'Y': case 'm': case 'M': case 'd': case 'D':
        case 'h': case 'H': case 's': case 'S':
          return true;
        default:
          break;
      }
    }
  }
  return false;
}

// The built-in formats (ECMA-376 Part 1, 18.8.30) that are dates or times: 14-22 and 45-47, and
// the East Asian date formats 27-36 and 50-58.
bool is_builtin_date_format(long id) {
  return (id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

long to_long(const char* text, long fallback) {
  if (text == nullptr) return fallback;
  long value = 0;
  const std::string_view view(text);
  const auto [end, error] = std::from_chars(view.data(), view.data() + view.size(), value);
  if (error != std::errc() || end != view.data() + view.size()) return fallback;
  return value;
}

class StylesReader : public XmlReader {
 public:
  std::map<long, std::string> codes;    // numFmtId -> formatCode, the workbook's own
  std::vector<long> cell_formats;       // cellXfs: the number format of each cell style
  void start(std::string_view name, const char** attributes) override {
    if (name == "numFmt") {
      codes[to_long(attribute(attributes, "numFmtId"), -1)] = attribute(attributes, "formatCode") ? attribute(attributes, "formatCode") : "";
    } else if (name == "cellXfs") {
      in_cell_formats_ = true;
    } else if (name == "xf" && in_cell_formats_) {
      cell_formats.push_back(to_long(attribute(attributes, "numFmtId"), 0));
      detail::check_limit(cell_formats.size(), max_list_entries * 10, "cell formats", "");
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") in_cell_formats_ = false;
  }

  // Is the cell style of this index a date format?
  bool is_date_style(long style) const {
    if (style < 0 || static_cast<std::size_t>(style) >= cell_formats.size()) return false;
    const long format = cell_formats[static_cast<std::size_t>(style)];
    if (const auto code = codes.find(format); code != codes.end()) return is_date_code(code->second);
    return is_builtin_date_format(format);
  }

 private:
  bool in_cell_formats_ = false;
};

// --- values ---

std::string number_text(double number) {
  char buffer[64];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, number);
  if (error != std::errc()) return std::to_string(number);
  return std::string(buffer, end);
}

std::string clock_digits(long value) {
  std::string text = std::to_string(value);
  return text.size() < 2 ? "0" + text : text;
}

// The cell of a number in a date format. Serial day numbers count from 1900-01-01 = 1, with
// Lotus 1-2-3's 1900-02-29 (serial 60) kept for compatibility, or from 1904-01-01 = 0
// (ECMA-376 Part 1, 18.17.4.1). The fraction is the time of day.
XlsxCell date_cell(double serial, bool date1904, const std::string& where) {
  // 9999-12-31, the last date either system has, is serial 2958465 (1900) or 2957003 (1904).
  const double past_last = date1904 ? 2957004.0 : 2958466.0;
  if (!(serial >= 0.0 && serial < past_last)) {
    detail::raise_input_error(where, "a date serial number out of range: " + number_text(serial));
  }
  XlsxCell cell;
  cell.kind = XlsxCellKind::date;
  cell.number = serial;
  const double whole = std::floor(serial);
  const auto days = static_cast<long>(whole);
  long minutes = std::lround((serial - whole) * 1440.0);
  if (minutes >= 1440) minutes = 1439;
  const std::string time = minutes > 0 || days == 0 ? clock_digits(minutes / 60) + ":" + clock_digits(minutes % 60) : "";
  if (date1904) {
    cell.date = Date(1904, 1, 1) + boost::gregorian::date_duration(days);
  } else if (days == 60) {
    detail::raise_input_error(where, "1900-02-29 (date serial number 60) is not a date");
  } else if (days >= 1) {
    cell.date = (days < 60 ? Date(1899, 12, 31) : Date(1899, 12, 30)) + boost::gregorian::date_duration(days);
  }
  if (cell.date) {
    cell.text = iso_date(*cell.date);
    if (!time.empty()) cell.text += " " + time;
  } else {
    cell.text = time;
  }
  return cell;
}

// "B3" -> column 2 (row checked apart); 0 when the reference is not one.
std::size_t column_of_reference(std::string_view reference) {
  std::size_t column = 0;
  std::size_t i = 0;
  while (i < reference.size() && reference[i] >= 'A' && reference[i] <= 'Z' && i < 3) {
    column = column * 26 + static_cast<std::size_t>(reference[i] - 'A' + 1);
    ++i;
  }
  if (i == 0 || !detail::all_digits(reference.substr(i))) return 0;
  return column;
}

// --- the worksheet ---

class SheetReader : public XmlReader {
 public:
  SheetReader(std::string sheet, const std::vector<std::string>& strings, const StylesReader& styles,
              bool date1904)
      : sheet_(std::move(sheet)), strings_(strings), styles_(styles), date1904_(date1904) {}

  std::vector<XlsxRow> rows;

  void start(std::string_view name, const char** attributes) override {
    if (name == "sheetData") {
      in_data_ = true;
    } else if (!in_data_) {
      return;
    } else if (name == "row") {
      const char* number = attribute(attributes, "r");
      const long row = number ? to_long(number, 0) : static_cast<long>(row_ + 1);
      if (row < 1 || row > 1048576) {
        detail::raise_input_error(row_where(row_ + 1), "a row number that is not one: " + detail::quote_input(number ? number : ""));
      }
      if (static_cast<std::size_t>(row) <= row_) {
        detail::raise_input_error(row_where(static_cast<std::size_t>(row)), "the row comes after row " + std::to_string(row_) + ": rows must be in order");
      }
      row_ = static_cast<std::size_t>(row);
      column_ = 0;
      current_ = XlsxRow{row_, {}};
    } else if (name == "c") {
      const char* reference = attribute(attributes, "r");
      std::size_t column = column_ + 1;
      if (reference) {
        column = column_of_reference(reference);
        if (column == 0) detail::raise_input_error(row_where(row_), "a cell reference that is not one: " + detail::quote_input(reference));
      }
      if (column > max_xlsx_column) detail::raise_input_error(row_where(row_), "a cell beyond column XFD: " + detail::quote_input(reference ? reference : ""));
      if (column <= column_) detail::raise_input_error(xlsx_location(sheet_, row_, column), "the cell comes after column " + std::to_string(column_) + ": cells must be in order");
      column_ = column;
      const char* type = attribute(attributes, "t");
      type_ = type ? type : "n";
      style_ = to_long(attribute(attributes, "s"), 0);
      value_.clear();
      inline_.take();
      in_cell_ = true;
    } else if (in_cell_ && name == "v") {
      in_value_ = true;
    } else if (in_cell_ && name == "is") {
      in_inline_ = true;
    } else if (in_inline_) {
      inline_.start(name);
    }
  }

  void end(std::string_view name) override {
    if (name == "sheetData") {
      in_data_ = false;
    } else if (!in_data_) {
      return;
    } else if (name == "row") {
      if (!current_.cells.empty()) {
        detail::check_limit(rows.size() + 1, max_responses + 1, "rows", row_where(row_));
        rows.push_back(std::move(current_));
      }
      current_ = XlsxRow{};
    } else if (name == "c") {
      in_cell_ = false;
      store(read_cell());
    } else if (name == "v") {
      in_value_ = false;
    } else if (name == "is") {
      in_inline_ = false;
    } else if (in_inline_) {
      inline_.end(name);
    }
  }

  void text(std::string_view piece) override {
    if (in_value_) {
      value_.append(piece);
    } else if (in_inline_) {
      inline_.text(piece);
    }
  }

 private:
  std::string row_where(std::size_t row) const {
    std::string where = "sheet ";
    where += detail::quote_input(sheet_);
    where += ", row ";
    where += std::to_string(row);
    return where;
  }

  XlsxCell read_cell() {
    const std::string where = xlsx_location(sheet_, row_, column_);
    XlsxCell cell;
    if (type_ == "inlineStr") {
      cell.text = inline_.take();
      cell.kind = cell.text.empty() ? XlsxCellKind::empty : XlsxCellKind::text;
      return cell;
    }
    if (value_.empty()) return cell;
    if (type_ == "s") {
      const long index = to_long(value_.c_str(), -1);
      if (index < 0 || static_cast<std::size_t>(index) >= strings_.size()) {
        detail::raise_input_error(where, "a shared string that the workbook does not have: " + detail::quote_input(value_));
      }
      cell.text = strings_[static_cast<std::size_t>(index)];
      cell.kind = cell.text.empty() ? XlsxCellKind::empty : XlsxCellKind::text;
    } else if (type_ == "str" || type_ == "e") {
      cell.kind = XlsxCellKind::text;
      cell.text = value_;
    } else if (type_ == "b") {
      if (value_ != "0" && value_ != "1") detail::raise_input_error(where, "a boolean cell holds " + detail::quote_input(value_) + ", not 0 or 1");
      cell.kind = XlsxCellKind::boolean;
      cell.number = value_ == "1" ? 1.0 : 0.0;
      cell.text = value_ == "1" ? "TRUE" : "FALSE";
    } else if (type_ == "d") {
      // An ISO 8601 date, with or without a time (ECMA-376 Part 1, 18.18.11).
      cell.kind = XlsxCellKind::date;
      try {
        cell.date = parse_iso_date(std::string_view(value_).substr(0, 10));
      } catch (const InputError&) {
        detail::raise_input_error(where, "a date cell holds " + detail::quote_input(value_) + ", not an ISO 8601 date");
      }
      cell.number = static_cast<double>((*cell.date - (date1904_ ? Date(1904, 1, 1) : Date(1899, 12, 30))).days());
      cell.text = iso_date(*cell.date);
    } else if (type_ == "n") {
      double number = 0.0;
      const auto [end, error] = std::from_chars(value_.data(), value_.data() + value_.size(), number);
      if (error != std::errc() || end != value_.data() + value_.size() || !std::isfinite(number)) {
        detail::raise_input_error(where, "a number cell holds " + detail::quote_input(value_) + ", not a number");
      }
      if (styles_.is_date_style(style_)) return date_cell(number, date1904_, where);
      cell.kind = XlsxCellKind::number;
      cell.number = number;
      cell.text = number_text(number);
    } else {
      detail::raise_input_error(where, "a cell of unknown type " + detail::quote_input(type_));
    }
    return cell;
  }

  void store(XlsxCell cell) {
    if (cell.kind == XlsxCellKind::empty) return;
    if (current_.row == 0) detail::raise_input_error(xlsx_location(sheet_, row_, column_), "a cell outside a row");
    detail::check_limit(column_, max_csv_columns, "columns", xlsx_location(sheet_, row_, column_));
    cells_ += column_ - current_.cells.size();
    detail::check_limit(cells_, max_xlsx_cells, "cells", xlsx_location(sheet_, row_, column_));
    current_.cells.resize(column_);
    current_.cells.back() = std::move(cell);
  }

  std::string sheet_;
  const std::vector<std::string>& strings_;
  const StylesReader& styles_;
  bool date1904_;
  bool in_data_ = false, in_cell_ = false, in_value_ = false, in_inline_ = false;
  std::size_t row_ = 0, column_ = 0, cells_ = 0;
  std::string type_, value_;
  long style_ = 0;
  StringItemText inline_;
  XlsxRow current_;
};

std::string sheet_where(std::string_view sheet) { return "sheet " + detail::quote_input(sheet); }

// A part's name and text; an empty text is a part the workbook does not have.
struct NamedPart {
  std::string name;
  std::string_view text;
};

// The sheet from its part, the shared strings and the styles: the XML layer of read_xlsx.
XlsxSheet read_sheet_parts(const std::string& sheet_name, bool date1904, const NamedPart& sheet_part,
                           const NamedPart& strings_part, const NamedPart& styles_part) {
  SharedStringsReader strings;
  StylesReader styles;
  if (!strings_part.text.empty()) parse_xml(strings_part.text, strings_part.name, "", strings);
  if (!styles_part.text.empty()) parse_xml(styles_part.text, styles_part.name, "", styles);
  SheetReader reader(sheet_name, strings.strings, styles, date1904);
  parse_xml(sheet_part.text, sheet_part.name, sheet_where(sheet_name), reader);
  XlsxSheet sheet;
  sheet.name = sheet_name;
  sheet.date1904 = date1904;
  sheet.rows = std::move(reader.rows);
  return sheet;
}

}  // namespace

std::string_view to_string(XlsxCellKind kind) noexcept { return xlsx_cell_kind_names.name(kind); }

std::string xlsx_location(std::string_view sheet, std::size_t row, std::size_t column) {
  return sheet_where(sheet) + ", " + detail::cell_location(row, column);
}

bool looks_like_xlsx(std::string_view bytes) noexcept { return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4); }

std::vector<std::string> xlsx_sheet_names(std::string_view bytes) {
  if (!looks_like_xlsx(bytes)) not_a_workbook("the file is not a zip archive");
  const Archive archive(bytes);
  std::vector<std::string> names;
  for (const auto& sheet : read_workbook(archive).sheets) names.push_back(sheet.name);
  return names;
}

XlsxSheet read_xlsx(std::string_view bytes, std::string_view sheet_name) {
  if (!looks_like_xlsx(bytes)) not_a_workbook("the file is not a zip archive");
  const Archive archive(bytes);
  const WorkbookPart workbook = read_workbook(archive);
  const SheetEntry* chosen = &workbook.sheets.front();
  if (!sheet_name.empty()) {
    const auto found = std::find_if(workbook.sheets.begin(), workbook.sheets.end(),
                                    [&](const SheetEntry& entry) { return entry.name == sheet_name; });
    if (found == workbook.sheets.end()) {
      std::string names;
      for (const auto& entry : workbook.sheets) names += (names.empty() ? "" : ", ") + detail::quote_input(entry.name);
      detail::raise_input_error(sheet_where(sheet_name), "the workbook has no such sheet (it has " + names + ")");
    }
    chosen = &*found;
  }
  // The sheet's part through the workbook's relationships; the usual name when they are missing.
  const std::string folder = folder_of(workbook.part);
  std::string part;
  for (const auto& relationship : read_relationships(archive, relationships_part(workbook.part))) {
    if (relationship.id == chosen->relationship) part = resolve_target(folder, relationship.target);
  }
  if (part.empty()) {
    part = folder + "worksheets/sheet" + std::to_string(chosen - workbook.sheets.data() + 1) + ".xml";
  }
  const std::string where = sheet_where(chosen->name);
  const auto xml = archive.part(part);
  if (!xml) detail::raise_input_error(where, "the sheet's part " + detail::quote_input(part) + " is not in the archive");

  std::string strings_part, strings_xml, styles_part, styles_xml;
  for (const auto& relationship : read_relationships(archive, relationships_part(workbook.part))) {
    const std::string target = resolve_target(folder, relationship.target);
    if (type_ends_with(relationship.type, "/sharedStrings")) {
      if (auto text = archive.part(target)) strings_xml = std::move(*text), strings_part = target;
    } else if (type_ends_with(relationship.type, "/styles")) {
      if (auto text = archive.part(target)) styles_xml = std::move(*text), styles_part = target;
    }
  }
  return read_sheet_parts(chosen->name, workbook.date1904, {part, *xml}, {strings_part, strings_xml},
                          {styles_part, styles_xml});
}

XlsxSheet detail::read_xlsx_parts(std::string_view sheet_xml, std::string_view shared_strings_xml,
                                  std::string_view styles_xml, bool date1904, const std::string& sheet_name) {
  return read_sheet_parts(sheet_name, date1904, {"xl/worksheets/sheet1.xml", sheet_xml},
                          {"xl/sharedStrings.xml", shared_strings_xml}, {"xl/styles.xml", styles_xml});
}

CsvTable to_csv_table(const XlsxSheet& sheet) {
  CsvTable table;
  table.rows.reserve(sheet.rows.size());
  // A sheet leaves out a row's empty cells at its end; CSV writes them, so every row is padded to
  // the widest.
  std::size_t width = 0;
  for (const XlsxRow& row : sheet.rows) width = std::max(width, row.cells.size());
  for (const XlsxRow& row : sheet.rows) {
    CsvRow record{row.row, {}};
    record.fields.reserve(width);
    for (const XlsxCell& cell : row.cells) record.fields.push_back(cell.text);
    record.fields.resize(width);
    table.rows.push_back(std::move(record));
  }
  return table;
}

void rethrow_in_sheet(std::string_view sheet) {
  try {
    throw;
  } catch (const detail::FileInputError&) {
    throw;
  } catch (const InputError& error) {
    const std::string where = error.where().empty() ? sheet_where(sheet) : sheet_where(sheet) + ", " + error.where();
    throw InputError(error.rule(), error.message(), where);
  }
}

}  // namespace paarorende
