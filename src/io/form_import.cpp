// Evaluation forms imported from a REDCap data dictionary or an XLSForm (io/form_import.hpp;
// docs/evaluation.md, "Importing a form from REDCap or XLSForm"; DOMAIN E1, X4).
#include "paarorende/io/form_import.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "detail/file.hpp"
#include "detail/input_error.hpp"
#include "detail/text.hpp"
#include "paarorende/io/csv.hpp"
#include "paarorende/io/evaluation.hpp"
#include "paarorende/io/xlsx.hpp"
#include "paarorende/limits.hpp"

namespace paarorende {
namespace {
// Its own namespace: the unity build compiles several sources' anonymous namespaces together.
namespace form_importing {

using detail::quote_input;

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string trimmed(std::string_view text) {
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return std::string(text);
}

// Trimmed, runs of blanks one space.
std::string spaced_out(std::string_view text) {
  std::string out;
  for (char c : trimmed(text)) {
    if (blank(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

// A header or a type as compared: trimmed, lower case, runs of blanks one space.
std::string key_of(std::string_view text) { return lower_ascii(spaced_out(text)); }

// The UTF-8 of a code point; empty for one that is no character (0, a surrogate, above U+10FFFF).
std::string utf8_of(unsigned long code) {
  std::string out;
  if (code == 0 || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return out;
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
  return out;
}

// The HTML entity at the start of `text` ("&oslash;", "&#248;", "&#xE6;") as UTF-8, and its
// length; nullopt for one this does not know, which is then left as written. The named ones are
// those REDCap's rich-text editor writes for Norwegian letters and common punctuation.
std::optional<std::pair<std::string, std::size_t>> html_entity(std::string_view text) {
  const auto end = text.find(';');
  if (text.size() < 3 || text.front() != '&' || end == std::string_view::npos || end > 12) return std::nullopt;
  const std::string_view name = text.substr(1, end - 1);
  if (name.size() >= 2 && name.front() == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8) return std::nullopt;
    unsigned long code = 0;
    for (char c : digits) {
      int digit = -1;
      if (c >= '0' && c <= '9') digit = c - '0';
      if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
      if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
      if (digit < 0) return std::nullopt;
      code = code * (hex ? 16 : 10) + static_cast<unsigned long>(digit);
    }
    std::string decoded = utf8_of(code);
    if (decoded.empty()) return std::nullopt;
    return std::pair{std::move(decoded), end + 1};
  }
  static const std::map<std::string_view, std::string_view> named{
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}, {"aring", "å"},
      {"Aring", "Å"}, {"oslash", "ø"}, {"Oslash", "Ø"}, {"aelig", "æ"}, {"AElig", "Æ"}, {"eacute", "é"},
      {"Eacute", "É"}, {"egrave", "è"}, {"aacute", "á"}, {"oacute", "ó"}, {"ouml", "ö"}, {"Ouml", "Ö"},
      {"auml", "ä"}, {"Auml", "Ä"}, {"uuml", "ü"}, {"Uuml", "Ü"}, {"ndash", "–"}, {"mdash", "—"},
      {"laquo", "«"}, {"raquo", "»"}, {"hellip", "…"}, {"lsquo", "‘"}, {"rsquo", "’"}, {"ldquo", "“"},
      {"rdquo", "”"}, {"bdquo", "„"}, {"bull", "•"}, {"middot", "·"}, {"shy", ""}};
  const auto found = named.find(name);
  if (found == named.end()) return std::nullopt;
  return std::pair{std::string(found->second), end + 1};
}

// A REDCap label as text: rich-text labels are HTML ("<p>Lengde p&aring; samlingen</p>"), so tags
// are left out, entities read (an unknown one left as written) and blanks made one space.
std::string plain_text(std::string_view label) {
  std::string text;
  for (std::size_t i = 0; i < label.size(); ++i) {
    const char c = label[i];
    const bool tag = c == '<' && i + 1 < label.size() &&
                     ((label[i + 1] >= 'a' && label[i + 1] <= 'z') || (label[i + 1] >= 'A' && label[i + 1] <= 'Z') ||
                      label[i + 1] == '/' || label[i + 1] == '!');
    if (tag) {
      const auto end = label.find('>', i);
      if (end == std::string_view::npos) break;
      text += ' ';
      i = end;
      continue;
    }
    if (c == '&') {
      if (auto entity = html_entity(label.substr(i))) {
        text += entity->first;
        i += entity->second - 1;
        continue;
      }
    }
    text += c;
  }
  std::string spaced;
  for (char c : text) {
    if (blank(c)) {
      if (!spaced.empty() && spaced.back() != ' ') spaced += ' ';
    } else {
      spaced += c;
    }
  }
  return trimmed(spaced);
}

// A form id made of a tool's name for the form: lower case, other characters '-', at most 64.
std::string form_id_of(std::string_view name, std::string_view fallback) {
  std::string id;
  for (char c : lower_ascii(trimmed(name))) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    id += ok ? c : '-';
    if (id.size() == 64) break;
  }
  if (id.find_first_not_of('-') == std::string::npos) return std::string(fallback);
  return id;
}

// One choice of a choice list: its code (what a raw export writes) and its text.
struct ListedChoice {
  std::string code;
  LocalText label;
  std::size_t row = 0;
};

// A whole-number code within the scale limits of the form reader (-1000..1000).
std::optional<int> whole_code(std::string_view code) {
  std::string_view digits = code;
  const bool negative = !digits.empty() && digits.front() == '-';
  if (negative) digits.remove_prefix(1);
  if (!detail::all_digits(digits) || digits.size() > 4) return std::nullopt;
  const int value = std::stoi(std::string(digits)) * (negative ? -1 : 1);
  if (value < -1000 || value > 1000) return std::nullopt;
  return value;
}

// The words the yes/no answer reader takes (io/evaluation.cpp), as codes and as texts.
std::optional<bool> yes_no_word(std::string_view text) {
  const std::string word = lower_ascii(trimmed(text));
  if (word == "ja" || word == "yes" || word == "1" || word == "j" || word == "y" || word == "true") return true;
  if (word == "nei" || word == "no" || word == "0" || word == "n" || word == "false") return false;
  return std::nullopt;
}

// Two choices whose codes are a yes and a no of the yes/no reader, and whose texts, where given,
// say the same: a raw export (the codes) and a labelled one (the texts) both read as yes/no.
bool is_yes_no_list(const std::vector<ListedChoice>& choices) {
  if (choices.size() != 2) return false;
  const auto first = yes_no_word(choices[0].code);
  const auto second = yes_no_word(choices[1].code);
  if (!first || !second || *first == *second) return false;
  for (const ListedChoice& choice : choices) {
    const bool yes = *yes_no_word(choice.code);
    for (const std::string* text : {&choice.label.nb, &choice.label.en}) {
      if (text->empty() || *text == choice.code) continue;
      const auto said = yes_no_word(*text);
      if (!said || *said != yes) return false;
    }
  }
  return true;
}

// The Likert rule (docs/evaluation.md): at least 3 choices whose codes are whole numbers, each one
// more than the one before or each one less, at most max_scale_values of them.
std::optional<std::pair<int, int>> likert_range(const std::vector<ListedChoice>& choices) {
  if (choices.size() < 3 || choices.size() > static_cast<std::size_t>(max_scale_values)) return std::nullopt;
  std::vector<int> values;
  for (const ListedChoice& choice : choices) {
    const auto value = whole_code(choice.code);
    if (!value) return std::nullopt;
    values.push_back(*value);
  }
  const int step = values[1] - values[0];
  if (step != 1 && step != -1) return std::nullopt;
  for (std::size_t i = 1; i < values.size(); ++i) {
    if (values[i] - values[i - 1] != step) return std::nullopt;
  }
  return std::pair{std::min(values.front(), values.back()), std::max(values.front(), values.back())};
}

// An item of a choice question, or why there is none.
struct Mapped {
  std::optional<Item> item;
  std::string reason;
};

Mapped choice_item(std::string id, LocalText text, const std::vector<ListedChoice>& choices) {
  Item item;
  item.id = std::move(id);
  item.text = std::move(text);
  if (is_yes_no_list(choices)) {
    item.kind = ItemKind::yes_no;
    return {std::move(item), {}};
  }
  if (const auto range = likert_range(choices)) {
    item.kind = ItemKind::likert;
    item.min = range->first;
    item.max = range->second;
    for (const ListedChoice& choice : choices) {
      // A text that is its code alone ("2") says nothing a value does not.
      if (choice.label.nb.empty() || choice.label.nb == choice.code) continue;
      item.labels.push_back(ScaleLabel{*whole_code(choice.code), choice.label});
    }
    std::sort(item.labels.begin(), item.labels.end(),
              [](const ScaleLabel& a, const ScaleLabel& b) { return a.value < b.value; });
    return {std::move(item), {}};
  }
  if (choices.size() < 2) return {std::nullopt, "a choice of fewer than two: a single-choice item has at least two"};
  if (choices.size() > static_cast<std::size_t>(max_scale_values)) {
    return {std::nullopt, "more than " + std::to_string(max_scale_values) + " choices: a single-choice item has at most " +
                              std::to_string(max_scale_values)};
  }
  item.kind = ItemKind::single_choice;
  for (const ListedChoice& choice : choices) {
    if (!detail::is_slug(choice.code)) {
      return {std::nullopt, "choice code " + quote_input(choice.code) +
                                " is not a choice id (a slug of a-z, 0-9 and _, at most 64 characters)"};
    }
    LocalText label = choice.label;
    if (label.nb.empty()) label.nb = choice.code;
    item.choices.push_back(Choice{choice.code, std::move(label)});
  }
  return {std::move(item), {}};
}

// What an import builds: the form and the unmapped fields, and the names already seen.
class Importer {
 public:
  Importer(std::string form_id, LocalText title) {
    result_.form.id = std::move(form_id);
    result_.form.version = 1;
    result_.form.title = std::move(title);
  }

  // The columns the export has for the field of the row at hand, should it be unmapped.
  void export_columns(std::vector<std::string> columns) { columns_ = std::move(columns); }

  // `telling`: whether the field says why nothing maps (not the record id, not a language, not a
  // field of another instrument).
  void unmapped(std::string field, std::string kind, std::string reason, std::size_t row, bool telling = true) {
    if (telling && !first_telling_) first_telling_ = result_.unmapped.size();
    result_.unmapped.push_back(UnmappedField{std::move(field), std::move(kind), std::move(reason), row});
    for (std::string& column : columns_) {
      // A field named course: the response reader takes its column as the course, never ignored.
      if (column != "course" && ignored_.insert(column).second) result_.ignore_columns.push_back(std::move(column));
    }
    columns_.clear();
  }

  // Adds the item, or lists it as unmapped when its name is not an item id or it has no text.
  void add(Item item, const std::string& kind, std::size_t row) {
    if (!detail::is_slug(item.id) || item.id == "course" || item.id == "respondent") {
      unmapped(item.id, kind,
               "its name is not an item id: a slug of a-z, 0-9 and _ (at most 64 characters), not course or "
               "respondent",
               row);
      return;
    }
    if (item.text.nb.empty()) item.text.nb = item.text.en;
    if (item.text.nb.empty()) {
      unmapped(item.id, kind, "it has no text: an item has a question to show", row);
      return;
    }
    columns_.clear();
    result_.form.items.push_back(std::move(item));
  }

  void add(Mapped mapped, const std::string& name, const std::string& kind, std::size_t row) {
    if (mapped.item) {
      add(std::move(*mapped.item), kind, row);
    } else {
      unmapped(name, kind, std::move(mapped.reason), row);
    }
  }

  // The result: refused when nothing maps, as a form has at least one item (DOMAIN E1).
  FormImport finish(const std::string& where) {
    if (result_.form.items.empty()) {
      std::string message = "no field maps to an evaluation form item (Likert, yes/no, single choice or free text)";
      if (first_telling_) {
        const UnmappedField& field = result_.unmapped[*first_telling_];
        message += "; the first field, " + quote_input(field.field) + " (row " + std::to_string(field.row) +
                   "): " + field.reason;
      }
      detail::raise_input_error(where, std::move(message), detail::Rule{"E1"});
    }
    validate(result_.form);
    return std::move(result_);
  }

  void set_form(std::string id, LocalText title) {
    result_.form.id = std::move(id);
    result_.form.title = std::move(title);
  }

 private:
  FormImport result_;
  std::optional<std::size_t> first_telling_;
  std::vector<std::string> columns_;
  std::set<std::string> ignored_;
};

// Reasons shared by both tools.
const char* const reason_calculated = "a calculated value: the survey tool computes it, no respondent answers it";
const char* const reason_file = "a file upload: no form item holds a file";
const char* const reason_shown = "text shown to the respondent, not a question";
const char* const reason_several = "several choices may be ticked: a form item holds one answer";
const char* const reason_ranking = "a ranking: each answer depends on the others, so none is a score of its own";
const char* const reason_identifies = "it identifies the respondent: a form keeps no identifier (DOMAIN X4)";

std::string reason_condition(std::string_view condition) {
  return "shown only if " + quote_input(trimmed(condition)) +
         ": some respondents never see it, so its figures would be over a subgroup the report does not name";
}

std::string reason_value(std::string_view what) {
  return std::string(what) + ": no form item holds it (a form has Likert, yes/no, single-choice and free-text items)";
}

// The first data row beyond the limit of fields, refused (limits.hpp).
void check_field_count(const CsvTable& table) {
  if (table.rows.size() > max_list_entries + 1) {
    detail::raise_input_error("row " + std::to_string(table.rows[max_list_entries + 1].row),
                              "at most " + std::to_string(max_list_entries) + " fields, got " +
                                  std::to_string(table.rows.size() - 1));
  }
}

// The columns of a header, by key_of; a known column given twice is an error.
std::map<std::string, std::size_t> header_columns(const CsvRow& header, const std::set<std::string>& known) {
  std::map<std::string, std::size_t> columns;
  for (std::size_t c = 0; c < header.fields.size(); ++c) {
    const std::string key = key_of(header.fields[c]);
    if (!known.count(key)) continue;
    if (!columns.emplace(key, c).second) {
      detail::raise_input_error(csv_location(header.row, c + 1),
                                "column " + quote_input(trimmed(header.fields[c])) + " appears twice");
    }
  }
  return columns;
}

void require_row_width(const CsvRow& row, std::size_t width) {
  if (row.fields.size() == width) return;
  detail::raise_input_error(csv_location(row.row, std::min(row.fields.size(), width) + 1),
                            "expected " + std::to_string(width) + " fields as in the header, got " +
                                std::to_string(row.fields.size()));
}

// --- REDCap data dictionary ---

namespace redcap {

const std::string name_column = "variable / field name";
const std::string form_column = "form name";
const std::string type_column = "field type";
const std::string label_column = "field label";
const std::string choices_column = "choices, calculations, or slider labels";
const std::string validation_column = "text validation type or show slider number";
const std::string branching_column = "branching logic (show field only if...)";
const std::string identifier_column = "identifier?";
const std::string matrix_column = "matrix group name";
const std::string ranking_column = "matrix ranking?";

const char* const header_text =
    "\"Variable / Field Name\", \"Form Name\", \"Section Header\", \"Field Type\", \"Field Label\", "
    "\"Choices, Calculations, OR Slider Labels\" ...";

// REDCap's validations that say a text field holds who the respondent is (DOMAIN X4).
bool identifying_validation(std::string_view validation) {
  return validation == "email" || validation.rfind("phone", 0) == 0 || validation.rfind("postalcode", 0) == 0 ||
         validation == "zipcode" || validation == "ssn" || validation.rfind("mrn", 0) == 0 ||
         validation == "vmrn";
}

// "1, Lite bra | 2, 2 | ... | 5, Best mulig": a choice per '|', its code before the first comma.
// The choices of "1, text | 2, text"; `all_codes`, when given, gets every code, also those past
// the number a form maps.
std::vector<ListedChoice> choices_of(const std::string& text, const std::string& where, std::size_t row,
                                     std::vector<std::string>* all_codes = nullptr) {
  std::vector<ListedChoice> choices;
  std::set<std::string> codes;
  std::size_t at = 0;
  while (at <= text.size()) {
    const auto bar = std::min(text.find('|', at), text.size());
    const std::string entry = trimmed(std::string_view(text).substr(at, bar - at));
    at = bar + 1;
    const auto comma = entry.find(',');
    const std::string code = trimmed(std::string_view(entry).substr(0, comma));
    if (comma == std::string::npos || code.empty()) {
      detail::raise_input_error(where, "a choice is written \"code, text\" and choices are separated by \"|\", got " +
                                           quote_input(entry));
    }
    if (!codes.insert(code).second) {
      detail::raise_input_error(where, "choice code " + quote_input(code) + " is listed twice");
    }
    if (all_codes) all_codes->push_back(code);
    if (choices.size() == static_cast<std::size_t>(max_scale_values) + 1) continue;  // too many to map anyway
    choices.push_back(ListedChoice{code, LocalText{plain_text(std::string_view(entry).substr(comma + 1)), ""}, row});
  }
  return choices;
}

}  // namespace redcap

// --- XLSForm ---

namespace xlsform {

// A language of a label column: nb or en, which a form holds, or another one it does not.
struct LabelColumn {
  std::size_t column = 0;
  std::optional<Language> language;  // nb or en; empty for a language a form does not hold
  bool explicit_language = false;    // "label::English (en)" rather than the plain "label"
};

// The language of "English (en)", "Norsk bokmål (nb)", "nb", "English": the code in parentheses,
// or the whole text as a code or a language's name.
std::string language_code(std::string_view language) {
  std::string text = key_of(language);
  const auto open = text.rfind('(');
  if (open != std::string::npos && !text.empty() && text.back() == ')') {
    return trimmed(std::string_view(text).substr(open + 1, text.size() - open - 2));
  }
  if (text == "english") return "en";
  if (text == "norsk" || text == "norwegian" || text == "bokmål" || text == "norsk bokmål" ||
      text == "norwegian bokmål" || text == "bokmal" || text == "norsk bokmal") {
    return "nb";
  }
  if (text == "nynorsk" || text == "norsk nynorsk" || text == "norwegian nynorsk") return "nn";
  return text;
}

// The texts a form holds: bokmål, nynorsk and English (LocalText); any other language is reported.
std::optional<Language> held_language(std::string_view code) { return language_from_string(code); }

// The label columns of a header: "label" (in the form's default language) and "label::<language>".
// A language a form does not hold is noted once, with the first column that has it.
std::vector<LabelColumn> label_columns(const CsvRow& header, const std::string& default_language,
                                       std::map<std::string, std::pair<std::string, std::size_t>>& other_languages) {
  std::vector<LabelColumn> columns;
  for (std::size_t c = 0; c < header.fields.size(); ++c) {
    const std::string key = key_of(header.fields[c]);
    std::string code;
    bool explicit_language = false;
    if (key == "label") {
      code = default_language;
    } else if (key.rfind("label::", 0) == 0) {
      code = language_code(std::string_view(key).substr(7));
      explicit_language = true;
    } else {
      continue;
    }
    LabelColumn column{c, held_language(code), explicit_language};
    if (!column.language) other_languages.emplace(code, std::pair{trimmed(header.fields[c]), header.row});
    columns.push_back(column);
  }
  // An explicit language before the plain label: it is the first looked at.
  std::stable_sort(columns.begin(), columns.end(),
                   [](const LabelColumn& a, const LabelColumn& b) { return a.explicit_language && !b.explicit_language; });
  return columns;
}

LocalText text_of(const CsvRow& row, const std::vector<LabelColumn>& columns) {
  LocalText text;
  for (const LabelColumn& column : columns) {
    if (!column.language || column.column >= row.fields.size()) continue;
    std::string& target = *column.language == Language::en   ? text.en
                          : *column.language == Language::nn ? text.nn
                                                             : text.nb;
    if (target.empty()) target = trimmed(row.fields[column.column]);
  }
  // A form's texts are bokmål first: a form without bokmål gives its nynorsk (or English) for them.
  if (text.nb.empty()) text.nb = text.nn.empty() ? text.en : text.nn;
  if (text.en == text.nb) text.en.clear();
  return text;
}

std::optional<std::size_t> sheet_named(const std::vector<std::string>& names, std::string_view wanted) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (key_of(names[i]) == wanted) return i;
  }
  return std::nullopt;
}

std::string cell(const CsvRow& row, const std::map<std::string, std::size_t>& columns, const std::string& key) {
  const auto found = columns.find(key);
  if (found == columns.end() || found->second >= row.fields.size()) return {};
  return trimmed(row.fields[found->second]);
}

struct Settings {
  std::string form_id;
  std::string form_title;
  std::string default_language;
};

Settings settings_of(const CsvTable& table) {
  Settings settings;
  if (table.rows.size() < 2) return settings;
  const auto columns = header_columns(table.rows[0], {"form_id", "form_title", "default_language"});
  settings.form_id = cell(table.rows[1], columns, "form_id");
  settings.form_title = cell(table.rows[1], columns, "form_title");
  settings.default_language = cell(table.rows[1], columns, "default_language");
  return settings;
}

using ChoiceLists = std::map<std::string, std::vector<ListedChoice>>;

ChoiceLists choice_lists(const CsvTable& table, const std::string& default_language,
                         std::map<std::string, std::pair<std::string, std::size_t>>& other_languages) {
  ChoiceLists lists;
  if (table.rows.empty()) return lists;
  const CsvRow& header = table.rows.front();
  const auto columns = header_columns(header, {"list_name", "name"});
  for (const char* required : {"list_name", "name"}) {
    if (!columns.count(required)) {
      detail::raise_input_error("row " + std::to_string(header.row),
                                std::string("missing column \"") + required +
                                    "\": an XLSForm's choices sheet has list_name, name and label columns");
    }
  }
  const auto labels = label_columns(header, default_language, other_languages);
  if (table.rows.size() > max_list_entries + 1) {
    detail::raise_input_error("row " + std::to_string(table.rows[max_list_entries + 1].row),
                              "at most " + std::to_string(max_list_entries) + " choices, got " +
                                  std::to_string(table.rows.size() - 1));
  }
  std::map<std::pair<std::string, std::string>, std::size_t> seen;
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const CsvRow& row = table.rows[r];
    const std::string list = cell(row, columns, "list_name");
    const std::string name = cell(row, columns, "name");
    if (list.empty() && name.empty()) continue;  // a row of notes beside the lists
    if (list.empty()) {
      detail::raise_input_error(csv_location(row.row, columns.at("list_name") + 1),
                                "choice " + quote_input(name) + " names no list (list_name)");
    }
    if (name.empty()) {
      detail::raise_input_error(csv_location(row.row, columns.at("name") + 1),
                                "a choice of list " + quote_input(list) + " has a name");
    }
    const auto [previous, added] = seen.emplace(std::pair{list, name}, row.row);
    if (!added) {
      detail::raise_input_error(csv_location(row.row, columns.at("name") + 1),
                                "choice " + quote_input(name) + " is in list " + quote_input(list) +
                                    " twice (also row " + std::to_string(previous->second) + ")");
    }
    // Every choice, also past the number a form maps: a select_multiple's export has a column for each.
    lists[list].push_back(ListedChoice{name, text_of(row, labels), row.row});
  }
  return lists;
}

// A group or a repeat the question is inside.
struct Enclosing {
  std::string name;
  bool repeat = false;
  std::string relevant;
  std::size_t row = 0;
};

// The XLSForm question types with no counterpart, and why.
std::optional<std::string> reason_of_type(const std::string& base) {
  static const std::set<std::string> metadata{"start", "end", "today", "audit", "start-geopoint", "xml-external", "csv-external"};
  static const std::set<std::string> identifying{"deviceid", "username", "email", "phonenumber", "simserial",
                                                 "subscriberid"};
  static const std::set<std::string> values{"integer", "int", "decimal", "date", "time", "datetime", "geopoint",
                                            "geotrace", "geoshape", "barcode", "range", "acknowledge", "trigger"};
  if (base == "calculate" || base == "hidden") return std::string(reason_calculated);
  if (base == "image" || base == "audio" || base == "video" || base == "file" || base == "background-audio") {
    return std::string(reason_file);
  }
  if (base == "note") return std::string(reason_shown);
  if (base == "select_multiple" || base == "select_multiple_from_file") return std::string(reason_several);
  if (base == "rank") return std::string(reason_ranking);
  if (base == "select_one_from_file") {
    return std::string("its choices are in an external file, not in the workbook");
  }
  if (identifying.count(base)) return std::string(reason_identifies);
  if (metadata.count(base)) return std::string("metadata the survey tool records, not a question");
  if (values.count(base)) return reason_value("a " + base + " value");
  return std::nullopt;
}

}  // namespace xlsform

// The column of a checkbox's choice in a REDCap export: `name___code`, the code in lower case and
// any character other than a-z, 0-9 and _ as _ ("-1" is "name____1").
std::string checkbox_column(const std::string& name, const std::string& code) {
  std::string column = name + "___";
  for (char c : lower_ascii(code)) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    column += ok ? c : '_';
  }
  return column;
}

FormImport redcap_import(std::string_view csv_text, const FormImportOptions& options) {
  using namespace redcap;
  const CsvTable table = read_csv(csv_text);
  if (table.rows.empty()) {
    detail::raise_input_error("row 1", std::string("the file is empty: expected a REDCap data dictionary, its header ") +
                                           header_text);
  }
  const CsvRow& header = table.rows.front();
  const auto columns = header_columns(
      header, {name_column, form_column, type_column, label_column, choices_column, validation_column,
               branching_column, identifier_column, matrix_column, ranking_column});
  if (!columns.count(name_column) && !columns.count(type_column)) {
    detail::raise_input_error(csv_location(header.row, 1),
                              std::string("not a REDCap data dictionary: expected its header ") + header_text + ", got " +
                                  quote_input(header.fields.empty() ? std::string() : trimmed(header.fields[0])));
  }
  for (const auto& [column, shown] :
       {std::pair{&name_column, "Variable / Field Name"}, std::pair{&form_column, "Form Name"},
        std::pair{&type_column, "Field Type"}, std::pair{&label_column, "Field Label"},
        std::pair{&choices_column, "Choices, Calculations, OR Slider Labels"}}) {
    if (!columns.count(*column)) {
      detail::raise_input_error("row " + std::to_string(header.row),
                                std::string("missing column \"") + shown + "\": a REDCap data dictionary has " +
                                    header_text);
    }
  }
  check_field_count(table);
  const auto cell = [&](const CsvRow& row, const std::string& key) -> std::string {
    const auto found = columns.find(key);
    return found == columns.end() ? std::string() : trimmed(row.fields[found->second]);
  };
  const auto where = [&](const CsvRow& row, const std::string& key) {
    return csv_location(row.row, columns.at(key) + 1);
  };

  // The instruments, in the order of their first fields; the form is one of them.
  std::vector<std::string> instruments;
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const CsvRow& row = table.rows[r];
    const std::size_t column = columns.at(form_column);
    const std::string instrument = column < row.fields.size() ? trimmed(row.fields[column]) : std::string();
    if (std::find(instruments.begin(), instruments.end(), instrument) == instruments.end()) {
      instruments.push_back(instrument);
    }
  }
  std::string imported = instruments.empty() ? std::string() : instruments.front();
  if (!options.instrument.empty()) {
    const auto chosen = std::find_if(instruments.begin(), instruments.end(), [&](const std::string& instrument) {
      return key_of(instrument) == key_of(options.instrument);
    });
    if (chosen == instruments.end()) {
      std::string listed;
      for (const std::string& instrument : instruments) listed += (listed.empty() ? "" : ", ") + quote_input(instrument);
      detail::raise_input_error("", "no instrument " + quote_input(options.instrument) + ": the dictionary has " +
                                        (listed.empty() ? std::string("no fields") : "the instruments " + listed) +
                                        " (its Form Name column)");
    }
    imported = *chosen;
  }
  std::string title = imported;
  std::replace(title.begin(), title.end(), '_', ' ');
  Importer importer(form_id_of(imported, "redcap"), LocalText{title, ""});
  std::map<std::string, std::size_t> names;
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const CsvRow& row = table.rows[r];
    require_row_width(row, header.fields.size());
    const std::string name = cell(row, name_column);
    const std::string type = key_of(cell(row, type_column));
    if (name.empty()) detail::raise_input_error(where(row, name_column), "a field has a name (Variable / Field Name)");
    if (const auto [previous, added] = names.emplace(name, row.row); !added) {
      detail::raise_input_error(where(row, name_column), "field " + quote_input(name) + " is named twice (also row " +
                                                             std::to_string(previous->second) + ")");
    }
    if (type.empty()) detail::raise_input_error(where(row, type_column), "field " + quote_input(name) + " has no type");
    std::vector<ListedChoice> choices;
    std::vector<std::string> codes;
    if (type == "radio" || type == "dropdown" || type == "checkbox") {
      const std::string listed = cell(row, choices_column);
      if (listed.empty()) {
        detail::raise_input_error(where(row, choices_column),
                                  "a " + type + " field lists its choices, as \"1, text | 2, text\"");
      }
      choices = choices_of(listed, where(row, choices_column), row.row, &codes);
    }
    // The export's columns for the field: a checkbox has one per choice, descriptive text none.
    std::vector<std::string> export_columns;
    if (type == "checkbox") {
      for (const std::string& code : codes) export_columns.push_back(checkbox_column(name, code));
    } else if (type != "descriptive") {
      export_columns.push_back(name);
    }
    importer.export_columns(std::move(export_columns));
    if (r == 1 && type == "text") {
      // REDCap's first field is the record's id, always a text field.
      importer.unmapped(name, type, "the record id (REDCap's first field): a form keeps no identifier (DOMAIN X4)",
                        row.row, false);
      continue;
    }
    if (const std::string instrument = cell(row, form_column); instrument != imported) {
      importer.unmapped(name, type, "in instrument " + quote_input(instrument) + ", not the one imported", row.row,
                        false);
      continue;
    }
    const std::string validation = key_of(cell(row, validation_column));
    std::optional<std::string> reason;
    if (type == "descriptive") {
      reason = reason_shown;
    } else if (type == "calc") {
      reason = reason_calculated;
    } else if (type == "file") {
      reason = reason_file;
    } else if (type == "checkbox") {
      reason = reason_several;
    } else if (type == "slider") {
      reason = "a slider of 0-100: 101 values, and a Likert scale has at most " + std::to_string(max_scale_values);
    } else if (type == "sql") {
      reason = "its choices come from a database query, not from the dictionary";
    } else if (type == "text" && identifying_validation(validation)) {
      reason = reason_identifies;
    } else if (type == "text" && !validation.empty()) {
      reason = reason_value("a text validated as " + validation);
    } else if (type != "text" && type != "notes" && type != "yesno" && type != "truefalse" && type != "radio" &&
               type != "dropdown") {
      reason = "not a REDCap field type paarorende knows";
    } else if (key_of(cell(row, identifier_column)) == "y") {
      reason = "marked as an identifier: a form keeps no identifier (DOMAIN X4)";
    } else if (const std::string logic = cell(row, branching_column); !logic.empty()) {
      reason = reason_condition(logic);
    } else if (const std::string matrix = cell(row, matrix_column); !matrix.empty() && key_of(cell(row, ranking_column)) == "y") {
      reason = "a row of the ranked matrix " + quote_input(matrix) +
               ": each row takes a rank no other row has, so no answer is a score of its own";
    }
    if (reason) {
      importer.unmapped(name, type, std::move(*reason), row.row);
      continue;
    }
    const LocalText text{plain_text(cell(row, label_column)), ""};
    if (type == "radio" || type == "dropdown") {
      importer.add(choice_item(name, text, choices), name, type, row.row);
      continue;
    }
    Item item;
    item.id = name;
    item.text = text;
    item.kind = type == "text" || type == "notes" ? ItemKind::free_text : ItemKind::yes_no;
    importer.add(std::move(item), type, row.row);
  }
  return importer.finish("");
}

FormImport xlsform_import(std::string_view xlsx_bytes) {
  using namespace xlsform;
  const std::vector<std::string> sheets = xlsx_sheet_names(xlsx_bytes);
  const auto survey_index = sheet_named(sheets, "survey");
  if (!survey_index) {
    std::string listed;
    for (const std::string& sheet : sheets) listed += (listed.empty() ? "" : ", ") + quote_input(sheet);
    detail::raise_input_error("", "not an XLSForm: it has no sheet \"survey\" (its sheets: " + listed + ")");
  }
  Settings settings;
  if (const auto index = sheet_named(sheets, "settings")) {
    settings = read_sheet_as_table(read_xlsx(xlsx_bytes, sheets[*index]), settings_of);
  }
  const std::string default_language = settings.default_language.empty() ? "nb" : language_code(settings.default_language);
  // The languages a form does not hold, by code: the first column that has it, and its header row.
  std::map<std::string, std::pair<std::string, std::size_t>> other_languages;
  const auto choices_index = sheet_named(sheets, "choices");
  ChoiceLists lists;
  if (choices_index) {
    lists = read_sheet_as_table(read_xlsx(xlsx_bytes, sheets[*choices_index]), [&](const CsvTable& table) {
      return choice_lists(table, default_language, other_languages);
    });
  }
  const XlsxSheet survey = read_xlsx(xlsx_bytes, sheets[*survey_index]);
  return read_sheet_as_table(survey, [&](const CsvTable& table) {
    if (table.rows.empty()) {
      detail::raise_input_error("row 1", "the survey sheet is empty: expected a header of type, name and label");
    }
    const CsvRow& header = table.rows.front();
    const auto columns = header_columns(header, {"type", "name", "relevant"});
    for (const char* required : {"type", "name"}) {
      if (!columns.count(required)) {
        detail::raise_input_error("row " + std::to_string(header.row),
                                  std::string("missing column \"") + required +
                                      "\": an XLSForm's survey sheet has type, name and label columns");
      }
    }
    std::map<std::string, std::pair<std::string, std::size_t>> survey_languages;
    const auto labels = label_columns(header, default_language, survey_languages);
    if (labels.empty()) {
      detail::raise_input_error("row " + std::to_string(header.row),
                                "missing column \"label\": an XLSForm's survey sheet has type, name and label "
                                "(or label::<language> (<code>)) columns");
    }
    check_field_count(table);
    for (auto& [code, column] : survey_languages) other_languages.emplace(code, column);
    LocalText title{settings.form_title, ""};
    Importer importer(form_id_of(settings.form_id.empty() ? settings.form_title : settings.form_id, "xlsform"),
                      std::move(title));
    for (const auto& [code, column] : other_languages) {
      importer.unmapped(column.first, "language",
                        "its texts in " + quote_input(code) +
                            " are left out: a form holds texts in bokmål (nb) and English (en)",
                        column.second, false);
    }
    std::vector<Enclosing> enclosing;
    std::map<std::string, std::size_t> names;
    for (std::size_t r = 1; r < table.rows.size(); ++r) {
      const CsvRow& row = table.rows[r];
      // The type keyword in any case; a list name as written, for list names are case-sensitive.
      const std::string type_written = spaced_out(cell(row, columns, "type"));
      const std::string name = cell(row, columns, "name");
      const std::string relevant = cell(row, columns, "relevant");
      const std::string type_where = csv_location(row.row, columns.at("type") + 1);
      const std::string name_where = csv_location(row.row, columns.at("name") + 1);
      if (type_written.empty()) {
        if (!name.empty()) detail::raise_input_error(type_where, "question " + quote_input(name) + " has no type");
        continue;  // a row of notes beside the questions
      }
      // "select_one likert", "select one likert", "select all that apply x", "begin group" ...
      std::vector<std::string> written;  // the words as written
      std::vector<std::string> words;    // in lower case
      for (std::size_t at = 0; at < type_written.size();) {
        const auto end = std::min(type_written.find(' ', at), type_written.size());
        written.push_back(type_written.substr(at, end - at));
        words.push_back(lower_ascii(written.back()));
        at = end + 1;
      }
      std::string base = words[0];
      std::size_t next = 1;
      const auto joined = [&](std::initializer_list<const char*> tail, const char* as) {
        if (words.size() < tail.size() + 1) return false;
        std::size_t k = 1;
        for (const char* word : tail) {
          if (words[k++] != word) return false;
        }
        base = as;
        next = k;
        return true;
      };
      if (base == "select") {
        if (!joined({"one"}, "select_one") && !joined({"all", "that", "apply"}, "select_multiple")) {
          joined({"multiple"}, "select_multiple");
        }
      } else if (base == "begin" || base == "end") {
        const bool begin = base == "begin";
        if (!joined({"group"}, begin ? "begin_group" : "end_group")) joined({"repeat"}, begin ? "begin_repeat" : "end_repeat");
      }
      if (base == "begin_group" || base == "begin_repeat") {
        enclosing.push_back(Enclosing{name, base == "begin_repeat", relevant, row.row});
        continue;
      }
      if (base == "end_group" || base == "end_repeat") {
        if (enclosing.empty() || enclosing.back().repeat != (base == "end_repeat")) {
          detail::raise_input_error(type_where, "an " + base + " with no " +
                                                    (base == "end_repeat" ? "begin_repeat" : "begin_group") + " open");
        }
        enclosing.pop_back();
        continue;
      }
      if (name.empty()) detail::raise_input_error(name_where, "a " + base + " question has a name");
      if (const auto [previous, added] = names.emplace(name, row.row); !added) {
        detail::raise_input_error(name_where, "question " + quote_input(name) + " is named twice (also row " +
                                                  std::to_string(previous->second) + ")");
      }
      // Its type as listed: the keyword in lower case, the rest (a list name) as written.
      std::string type_text;
      for (std::size_t k = 0; k < words.size(); ++k) {
        type_text += (k == 0 ? "" : " ") + (k < next ? words[k] : written[k]);
      }
      const bool lists_choices = base == "select_one" || base == "select_multiple" || base == "rank";
      const ChoiceLists::const_iterator list = lists_choices && next < words.size() ? lists.find(written[next]) : lists.end();
      if (lists_choices) {
        if (next >= words.size()) {
          detail::raise_input_error(type_where, "a " + base + " question names its choice list (\"" + base + " likert\")");
        }
        if (list == lists.end()) {
          std::string message = "choice list " + quote_input(written[next]) + " is not on the " +
                                (choices_index ? "choices sheet" : "workbook: it has no choices sheet");
          for (const auto& entry : lists) {
            if (lower_ascii(entry.first) == words[next]) {
              message += " (it has " + quote_input(entry.first) + ": list names are case-sensitive)";
              break;
            }
          }
          detail::raise_input_error(type_where, message);
        }
      }
      // The export's columns for the question: a select_multiple's own, and one per choice as
      // KoboToolbox splits it ("kanal/skolen"); a note none.
      std::vector<std::string> export_columns;
      if (base != "note") export_columns.push_back(name);
      if (base == "select_multiple" && list != lists.end()) {
        for (const ListedChoice& choice : list->second) export_columns.push_back(name + "/" + choice.code);
      }
      importer.export_columns(std::move(export_columns));
      std::optional<std::string> reason = reason_of_type(base);
      if (!reason && base != "text" && base != "select_one") {
        reason = "not an XLSForm question type paarorende knows";
      }
      if (!reason && base == "select_one" && next + 1 < words.size()) {
        reason = words[next + 1] == "or_other"
                     ? "with or_other a respondent may write an answer of their own, which no choice holds"
                     : "not an XLSForm question type paarorende knows";
      }
      if (!reason && !relevant.empty()) reason = reason_condition(relevant);
      for (auto group = enclosing.rbegin(); !reason && group != enclosing.rend(); ++group) {
        if (group->repeat) {
          reason = "inside repeat " + quote_input(group->name) + ": answered any number of times by one respondent";
        } else if (!group->relevant.empty()) {
          reason = "inside group " + quote_input(group->name) + ", " + reason_condition(group->relevant);
        }
      }
      if (reason) {
        importer.unmapped(name, type_text, std::move(*reason), row.row);
        continue;
      }
      LocalText text = text_of(row, labels);
      if (base == "select_one") {
        importer.add(choice_item(name, std::move(text), list->second), name, type_text, row.row);
        continue;
      }
      Item item;
      item.id = name;
      item.kind = ItemKind::free_text;
      item.text = std::move(text);
      importer.add(std::move(item), type_text, row.row);
    }
    if (!enclosing.empty()) {
      const Enclosing& open = enclosing.back();
      detail::raise_input_error(csv_location(open.row, columns.at("type") + 1),
                                std::string(open.repeat ? "repeat " : "group ") + quote_input(open.name) +
                                    " is never closed (no " + (open.repeat ? "end_repeat" : "end_group") + ")");
    }
    return importer.finish("");
  });
}

}  // namespace form_importing
}  // namespace

FormImport form_from_redcap(std::string_view csv_text, const FormImportOptions& options) {
  return form_importing::redcap_import(csv_text, options);
}

FormImport form_from_xlsform(std::string_view xlsx_bytes) { return form_importing::xlsform_import(xlsx_bytes); }

FormImport import_form(const std::filesystem::path& path, const FormImportOptions& options) {
  const std::string extension = form_importing::lower_ascii(path.extension().string());
  if (extension != ".csv" && extension != ".xlsx") {
    detail::raise_file_error(path, "a form to import is a REDCap data dictionary (.csv) or an XLSForm (.xlsx)");
  }
  const std::string bytes = detail::read_file(path);
  return detail::in_file(path, [&] {
    if (extension == ".csv") return form_from_redcap(bytes, options);
    if (!options.instrument.empty()) {
      detail::raise_input_error("", "an XLSForm holds one form: an instrument (" + detail::quote_input(options.instrument) +
                                        ") is chosen only in a REDCap data dictionary");
    }
    return form_from_xlsform(bytes);
  });
}

Json to_json(const UnmappedField& field) {
  return Json{{"field", field.field}, {"kind", field.kind}, {"reason", field.reason}, {"row", field.row}};
}

Json to_json(const FormImport& imported) {
  Json unmapped = Json::array();
  for (const UnmappedField& field : imported.unmapped) unmapped.push_back(to_json(field));
  return Json{{"form", to_json(imported.form)}, {"unmapped", std::move(unmapped)},
              {"ignore_columns", imported.ignore_columns}};
}

}  // namespace paarorende
