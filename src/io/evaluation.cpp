// Evaluation forms and responses as JSON and CSV (io/evaluation.hpp; DOMAIN E1-E3, X4).
#include "paarorende/io/evaluation.hpp"
#include "detail/input_error.hpp"

#include <algorithm>

#include "io/readers.hpp"
#include "paarorende/io/csv.hpp"
#include "paarorende/io/xlsx.hpp"

namespace paarorende {
using namespace detail;

namespace {

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

// A survey tool's columns for who answered and when (DOMAIN X4: dropped unread), as
// survey_header_key writes them. docs/evaluation.md lists them by tool.
const std::vector<std::string> survey_metadata_list{
    // Microsoft Forms, English and Norwegian
    "id", "start time", "completion time", "email", "name", "last modified time", "total points",
    "quiz feedback", "starttidspunkt", "fullføringstidspunkt", "e post", "navn", "tidspunkt for siste endring",
    "sist endret", "totalt antall poeng",
    // Nettskjema
    "submission id", "created", "answer time ms", "innsendings id", "svar id", "innsendt", "levert", "opprettet",
    // REDCap (with *_timestamp, *_complete and redcap_* by pattern)
    "record id", "redcap survey identifier",
    // Questback
    "respondent id", "respondentid", "respondent", "status", "completed", "last modified", "e mail", "mobile",
    "mobil", "telefon", "phone",
    // any tool
    "ip", "ip address", "ip adresse", "timestamp", "tidsstempel", "user agent"};

// Lower case for ASCII and for Æ, Ø, Å (two bytes each in UTF-8).
std::string lower_nordic(std::string_view text) {
  std::string out = lower_ascii(text);
  for (std::size_t i = 0; i + 1 < out.size(); ++i) {
    if (out[i] == '\xC3' && (out[i + 1] == '\x86' || out[i + 1] == '\x98' || out[i + 1] == '\x85')) {
      out[i + 1] = static_cast<char>(out[i + 1] + 0x20);
    }
  }
  return out;
}

// Levenshtein distance on bytes, both cut to 200: the closest item for a message.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  a = a.substr(0, 200);
  b = b.substr(0, 200);
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The share of the words of `header` (4 letters or more) whose first 5 letters begin a word of
// `item`: "bevertningen" shares its stem with "bevertning".
double shared_stems(std::string_view header, std::string_view item) {
  const auto words = [](std::string_view text) {
    std::vector<std::string_view> out;
    for (std::size_t at = 0; at < text.size();) {
      const auto end = std::min(text.find(' ', at), text.size());
      if (end - at >= 4) out.push_back(text.substr(at, end - at));
      at = end + 1;
    }
    return out;
  };
  const auto header_words = words(header);
  const auto item_words = words(item);
  if (header_words.empty()) return 0.0;
  std::size_t shared = 0;
  for (const auto word : header_words) {
    const std::string_view stem = word.substr(0, 5);
    for (const auto other : item_words) {
      if (other.substr(0, stem.size()) == stem) {
        ++shared;
        break;
      }
    }
  }
  return static_cast<double>(shared) / static_cast<double>(header_words.size());
}

// The headers that mean an item, as survey_header_key writes them: its id, texts and aliases.
std::vector<std::string> item_keys(const Item& item) {
  std::vector<std::string> keys{survey_header_key(item.id), survey_header_key(item.text.nb)};
  if (!item.text.en.empty()) keys.push_back(survey_header_key(item.text.en));
  for (const auto& alias : item.aliases) keys.push_back(survey_header_key(alias));
  return keys;
}

LocalText read_text(const Json& value, const std::string& pointer) {
  if (value.is_string()) return LocalText{value.get<std::string>(), ""};
  ObjectReader in(value, pointer);
  LocalText text;
  text.nb = in.string("nb");
  text.en = in.string_or("en", "");
  text.nn = in.string_or("nn", "");
  in.finish();
  return text;
}

Json write_text(const LocalText& text) {
  Json out = Json::object();
  out["nb"] = text.nb;
  if (!text.en.empty()) out["en"] = text.en;
  if (!text.nn.empty()) out["nn"] = text.nn;
  return out;
}

std::string item_list(const EvaluationForm& form) {
  std::string text;
  for (const auto& item : form.items) {
    if (!text.empty()) text += ", ";
    text += item.id;
  }
  return text;
}

std::string form_name(const EvaluationForm& form) {
  std::string text = "form ";
  text += quote_input(form.id);
  text += " version ";
  text += std::to_string(form.version);
  return text;
}

// The expected answers of an item, for messages.
std::string expected_answer(const Item& item) {
  switch (item.kind) {
    case ItemKind::likert: {
      std::string text = "a whole number from ";
      text += std::to_string(item.min);
      text += " to ";
      text += std::to_string(item.max);
      return text;
    }
    case ItemKind::yes_no:
      return "yes or no (ja/nei, yes/no, 1/0)";
    case ItemKind::single_choice: {
      std::string text = "one of ";
      for (std::size_t i = 0; i < item.choices.size(); ++i) {
        if (i) text += ", ";
        text += item.choices[i].id;
      }
      return text;
    }
    case ItemKind::free_text:
      return "text";
  }
  return "an answer";
}

[[noreturn]] void bad_answer(const Item& item, const std::string& got, const std::string& where) {
  detail::raise_input_error(where, "expected " + expected_answer(item) + ", got " + got, detail::Rule{"E1"});
}

// A Likert value from text: a whole number, "4.0" or (with a decimal comma) "4,0" too.
std::optional<long long> whole_number(std::string_view text, bool decimal_comma) {
  std::string_view digits = text;
  bool negative = false;
  if (!digits.empty() && (digits.front() == '-' || digits.front() == '+')) {
    negative = digits.front() == '-';
    digits.remove_prefix(1);
  }
  const auto point = digits.find_first_of(decimal_comma ? ".," : ".");
  std::string_view whole = digits.substr(0, point);
  if (point != std::string_view::npos) {
    const std::string_view fraction = digits.substr(point + 1);
    if (fraction.empty() || !detail::all_digits(fraction) ||
        fraction.find_first_not_of('0') != std::string_view::npos) {
      return std::nullopt;
    }
  }
  if (!detail::all_digits(whole) || whole.size() > 9) return std::nullopt;
  const long long number = std::stoll(std::string(whole));
  return negative ? -number : number;
}

Answer answer_from_text(const Item& item, const std::string& cell, bool decimal_comma,
                        const std::string& where) {
  const std::string value = trimmed(cell);
  if (item.kind == ItemKind::free_text) {
    if (value.empty()) return {};
    return Answer{std::nullopt, cell};
  }
  if (value.empty()) return {};
  switch (item.kind) {
    case ItemKind::likert: {
      const auto number = whole_number(value, decimal_comma);
      if (number && *number >= item.min && *number <= item.max) return Answer{static_cast<int>(*number), std::nullopt};
      // A survey tool writes the label ("Svært bra") where paarorende writes its value.
      const std::string key = survey_header_key(value);
      for (const ScaleLabel& label : item.labels) {
        if (!key.empty() && (key == survey_header_key(label.label.nb) ||
                             (!label.label.en.empty() && key == survey_header_key(label.label.en)))) {
          return Answer{label.value, std::nullopt};
        }
      }
      bad_answer(item, quote_input(value), where);
    }
    case ItemKind::yes_no: {
      const std::string word = lower_ascii(value);
      if (word == "ja" || word == "yes" || word == "1" || word == "j" || word == "y" || word == "true") {
        return Answer{1, std::nullopt};
      }
      if (word == "nei" || word == "no" || word == "0" || word == "n" || word == "false") {
        return Answer{0, std::nullopt};
      }
      bad_answer(item, quote_input(value), where);
    }
    case ItemKind::single_choice: {
      for (std::size_t i = 0; i < item.choices.size(); ++i) {
        if (item.choices[i].id == value) return Answer{static_cast<int>(i), std::nullopt};
      }
      const std::string key = survey_header_key(value);
      for (std::size_t i = 0; i < item.choices.size(); ++i) {
        const LocalText& label = item.choices[i].label;
        if (!key.empty() && (key == survey_header_key(label.nb) || (!label.en.empty() && key == survey_header_key(label.en)))) {
          return Answer{static_cast<int>(i), std::nullopt};
        }
      }
      bad_answer(item, quote_input(value), where);
    }
    case ItemKind::free_text:
      break;
  }
  return {};
}

Answer answer_from_json(const Item& item, const Json& value, const std::string& where) {
  if (value.is_null()) return {};
  switch (item.kind) {
    case ItemKind::likert: {
      if (!value.is_number_integer()) bad_answer(item, detail::type_name(value), where);
      if (value.is_number_unsigned() && value.get<unsigned long long>() > 1'000'000'000ULL) {
        bad_answer(item, std::to_string(value.get<unsigned long long>()), where);
      }
      const auto number = value.get<long long>();
      if (number < item.min || number > item.max) bad_answer(item, std::to_string(number), where);
      return Answer{static_cast<int>(number), std::nullopt};
    }
    case ItemKind::yes_no:
      if (value.is_boolean()) return Answer{value.get<bool>() ? 1 : 0, std::nullopt};
      if (value.is_string()) return answer_from_text(item, value.get<std::string>(), false, where);
      bad_answer(item, detail::type_name(value), where);
    case ItemKind::single_choice:
      if (!value.is_string()) bad_answer(item, detail::type_name(value), where);
      return answer_from_text(item, value.get<std::string>(), false, where);
    case ItemKind::free_text:
      if (!value.is_string()) bad_answer(item, detail::type_name(value), where);
      return answer_from_text(item, value.get<std::string>(), false, where);
  }
  return {};
}

Json answer_to_json(const Item& item, const Answer& answer) {
  if (answer.missing()) return nullptr;
  switch (item.kind) {
    case ItemKind::likert:
      return *answer.value;
    case ItemKind::yes_no:
      return *answer.value == 1;
    case ItemKind::single_choice:
      return item.choices.at(static_cast<std::size_t>(*answer.value)).id;
    case ItemKind::free_text:
      return *answer.text;
  }
  return nullptr;
}

Item read_item(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  Item item;
  item.id = in.string("id");
  const std::string kind = in.string("kind");
  const auto parsed = item_kind_from_string(kind);
  if (!parsed) {
    detail::raise_input_error(in.pointer("kind"), "expected likert, yes_no, single_choice or free_text, got " + quote_input(kind));
  }
  item.kind = *parsed;
  item.text = read_text(in.required("text"), in.pointer("text"));
  const auto only = [&](const char* field, ItemKind kind_needed) {
    if (item.kind != kind_needed && in.find(field)) {
      detail::raise_input_error(in.pointer(field), std::string("only a ") + std::string(to_string(kind_needed)) +
                               " item has " + field);
    }
  };
  only("min", ItemKind::likert);
  only("max", ItemKind::likert);
  only("labels", ItemKind::likert);
  only("choices", ItemKind::single_choice);
  if (item.kind == ItemKind::likert) {
    item.min = in.integer("min", -1000, 1000);
    item.max = in.integer("max", -1000, 1000);
    if (const Json* labels = in.find("labels")) {
      if (!labels->is_array()) detail::wrong_type(*labels, in.pointer("labels"), "an array");
      for (std::size_t i = 0; i < labels->size(); ++i) {
        ObjectReader label_in((*labels)[i], detail::index_pointer(in.pointer("labels"), i));
        ScaleLabel label;
        label.value = label_in.integer("value", -1000, 1000);
        label.label = read_text(label_in.required("label"), label_in.pointer("label"));
        label_in.finish();
        item.labels.push_back(std::move(label));
      }
    }
  }
  if (item.kind == ItemKind::single_choice) {
    const Json& choices = in.array("choices");
    for (std::size_t i = 0; i < choices.size(); ++i) {
      ObjectReader choice_in(choices[i], detail::index_pointer(in.pointer("choices"), i));
      Choice choice;
      choice.id = choice_in.string("id");
      choice.label = read_text(choice_in.required("label"), choice_in.pointer("label"));
      choice_in.finish();
      item.choices.push_back(std::move(choice));
    }
  }
  item.aliases = read_array<std::string>(in, "aliases", [](const Json& alias, const std::string& at) {
    return detail::read_string(alias, at);
  });
  if (const Json* reference = in.find("reference")) {
    ObjectReader reference_in(*reference, in.pointer("reference"));
    const Json& number = reference_in.required("value");
    if (!number.is_number()) detail::wrong_type(number, reference_in.pointer("value"), "a number");
    Reference result;
    result.value = number.get<double>();
    if (const Json* note = reference_in.find("note")) {
      result.note = read_text(*note, reference_in.pointer("note"));
    }
    reference_in.finish();
    item.reference = std::move(result);
  }
  in.finish();
  return item;
}

}  // namespace

EvaluationForm evaluation_form_from_json(const Json& document) {
  ObjectReader in(document, "");
  EvaluationForm form;
  form.id = in.string("id");
  form.version = in.integer("version", 1, 1'000'000);
  if (const Json* title = in.find("title")) form.title = read_text(*title, "/title");
  const Json& items = in.array("items");
  for (std::size_t i = 0; i < items.size(); ++i) form.items.push_back(read_item(items[i], detail::index_pointer("/items", i)));
  in.finish();
  validate(form);
  return form;
}

EvaluationForm load_evaluation_form(const std::filesystem::path& path) {
  const Json document = load_json_file(path);
  return in_file(path, [&] { return evaluation_form_from_json(document); });
}

Json to_json(const EvaluationForm& form) {
  Json out = Json::object();
  out["id"] = form.id;
  out["version"] = form.version;
  if (!form.title.nb.empty()) out["title"] = write_text(form.title);
  Json items = Json::array();
  for (const Item& item : form.items) {
    Json entry = Json::object();
    entry["id"] = item.id;
    entry["kind"] = std::string(to_string(item.kind));
    entry["text"] = write_text(item.text);
    if (item.kind == ItemKind::likert) {
      entry["min"] = item.min;
      entry["max"] = item.max;
      if (!item.labels.empty()) {
        Json labels = Json::array();
        for (const auto& label : item.labels) labels.push_back({{"value", label.value}, {"label", write_text(label.label)}});
        entry["labels"] = std::move(labels);
      }
    }
    if (item.kind == ItemKind::single_choice) {
      Json choices = Json::array();
      for (const auto& choice : item.choices) choices.push_back({{"id", choice.id}, {"label", write_text(choice.label)}});
      entry["choices"] = std::move(choices);
    }
    if (!item.aliases.empty()) entry["aliases"] = item.aliases;
    if (item.reference) {
      Json reference = {{"value", item.reference->value}};
      if (!item.reference->note.nb.empty()) reference["note"] = write_text(item.reference->note);
      entry["reference"] = std::move(reference);
    }
    items.push_back(std::move(entry));
  }
  out["items"] = std::move(items);
  return out;
}

EvaluationResponses responses_from_json(const Json& document, const EvaluationForm& form) {
  ObjectReader in(document, "");
  EvaluationResponses result;
  result.form_id = form.id;
  result.form_version = form.version;
  if (const Json* id = in.find("form")) {
    const std::string named = detail::read_string(*id, "/form");
    if (named != form.id) {
      detail::raise_input_error("/form", "the responses are to form " + quote_input(named) + ", not to " + form_name(form), detail::Rule{"E1"});
    }
  }
  if (const Json* version = in.find("version")) {
    const auto named = detail::read_integer(*version, "/version", 1, 1'000'000);
    if (named != form.version) {
      detail::raise_input_error("/version", "the responses are to version " + std::to_string(named) + ", not to " + form_name(form), detail::Rule{"E1"});
    }
  }
  in.string_or("note", "");
  const Json& responses = in.array("responses");
  result.responses.reserve(responses.size());
  for (std::size_t r = 0; r < responses.size(); ++r) {
    const std::string pointer = detail::index_pointer("/responses", r);
    ObjectReader response_in(responses[r], pointer);
    Response response;
    response.course = response_in.string_or("course", "");
    if (const Json* respondent = response_in.find("respondent")) {
      // DOMAIN X4: accepted as survey tools write it, and dropped unread.
      if (!respondent->is_string() && !respondent->is_number_integer()) {
        detail::wrong_type(*respondent, response_in.pointer("respondent"), "a string or an integer");
      }
    }
    response.answers.resize(form.items.size());
    const Json& answers = response_in.required("answers");
    if (!answers.is_object()) detail::wrong_type(answers, response_in.pointer("answers"), "an object");
    for (auto it = answers.begin(); it != answers.end(); ++it) {
      const std::string where = response_in.pointer("answers") + "/" + detail::pointer_token(it.key());
      const auto index = form.index_of(it.key());
      if (!index) {
        detail::raise_input_error(where, "unknown item " + quote_input(it.key()) + ": " + form_name(form) + " has " +
                                   item_list(form), detail::Rule{"E1"});
      }
      response.answers[*index] = answer_from_json(form.items[*index], it.value(), where);
    }
    response_in.finish();
    result.responses.push_back(std::move(response));
  }
  in.finish();
  return result;
}

std::string survey_header_key(std::string_view header) {
  std::string text = lower_nordic(header);
  // Punctuation, including the typographic dashes, quotes and ellipsis (U+2010-U+2027) and
  // guillemets, is a space.
  std::string spaced;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      spaced += ' ';
      i += 2;
    } else if (c == 0xC2 && i + 1 < text.size() &&
               (static_cast<unsigned char>(text[i + 1]) == 0xAB || static_cast<unsigned char>(text[i + 1]) == 0xBB ||
                static_cast<unsigned char>(text[i + 1]) == 0xA0)) {
      spaced += ' ';
      i += 1;
    } else if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
      spaced += ' ';
    } else {
      spaced += static_cast<char>(c);
    }
  }
  // One space between words, none at the ends.
  std::string key;
  for (std::size_t i = 0; i < spaced.size(); ++i) {
    if (spaced[i] == ' ' && (key.empty() || key.back() == ' ')) continue;
    key += spaced[i];
  }
  if (!key.empty() && key.back() == ' ') key.pop_back();
  // A leading question number ("1. ", "2) ", "3 - "): digits and then a space, where the header
  // has more after it.
  std::size_t digits = 0;
  while (digits < key.size() && digits < 3 && key[digits] >= '0' && key[digits] <= '9') ++digits;
  if (digits > 0 && digits < key.size() && key[digits] == ' ') key.erase(0, digits + 1);
  return key;
}

const std::vector<std::string>& survey_metadata_columns() { return survey_metadata_list; }

bool is_survey_metadata_column(std::string_view header) {
  const std::string key = survey_header_key(header);
  if (std::find(survey_metadata_list.begin(), survey_metadata_list.end(), key) != survey_metadata_list.end()) {
    return true;
  }
  // REDCap: <instrument>_timestamp, <instrument>_complete, redcap_event_name ...
  const std::string raw = lower_ascii(trimmed(header));
  const auto ends = [&](std::string_view end) {
    return raw.size() > end.size() && raw.compare(raw.size() - end.size(), end.size(), end) == 0;
  };
  return ends("_timestamp") || ends("_complete") || raw.rfind("redcap_", 0) == 0;
}

EvaluationResponses responses_from_table(const CsvTable& table, const EvaluationForm& form,
                                         const ResponseReadOptions& options) {
  EvaluationResponses result;
  result.form_id = form.id;
  result.form_version = form.version;
  if (table.rows.empty()) detail::raise_input_error("row 1", "the file is empty: expected a header row of item ids");
  const CsvRow& header = table.rows.front();
  // What each column holds: an item index, the course, or a column to drop (DOMAIN X4).
  constexpr std::size_t course_column = static_cast<std::size_t>(-1);
  constexpr std::size_t dropped_column = static_cast<std::size_t>(-2);
  std::vector<std::size_t> columns;
  std::set<std::string> seen;
  std::vector<std::size_t> column_of_item(form.items.size(), 0);  // 1-based; 0: none yet
  std::vector<std::vector<std::string>> keys;
  for (const Item& item : form.items) keys.push_back(item_keys(item));
  std::vector<std::string> ignored;
  for (const auto& name : options.ignore_columns) ignored.push_back(survey_header_key(name));
  for (std::size_t c = 0; c < header.fields.size(); ++c) {
    const std::string name = trimmed(header.fields[c]);
    const std::string key = survey_header_key(name);
    const std::string where = csv_location(header.row, c + 1);
    if (!seen.insert(name).second) {
      detail::raise_input_error(where, "column " + quote_input(name) + " appears twice");
    }
    std::optional<std::size_t> item = form.index_of(name);
    if (name == "course") {
      columns.push_back(course_column);
      continue;
    }
    if (!item && (name == "respondent" || std::find(ignored.begin(), ignored.end(), key) != ignored.end() ||
                  is_survey_metadata_column(name))) {
      columns.push_back(dropped_column);  // DOMAIN X4: never read, never kept
      continue;
    }
    for (std::size_t i = 0; i < form.items.size() && !item && !key.empty(); ++i) {
      if (std::find(keys[i].begin(), keys[i].end(), key) != keys[i].end()) item = i;
    }
    if (!item) {
      // The closest item, by its id, texts and aliases, for the message: the least edit distance
      // relative to the longer text (so that a short id is not closest to everything), less half
      // the share of words whose stems the two share.
      std::size_t best = 0;
      double best_distance = 2.0;
      for (std::size_t i = 0; i < form.items.size(); ++i) {
        for (const auto& item_key : keys[i]) {
          const double longer = static_cast<double>(std::max({key.size(), item_key.size(), std::size_t{1}}));
          const double distance =
              static_cast<double>(edit_distance(key, item_key)) / longer - 0.5 * shared_stems(key, item_key);
          if (distance < best_distance) {
            best = i;
            best_distance = distance;
          }
        }
      }
      detail::raise_input_error(where, "unknown item " + quote_input(name) + ": " + form_name(form) + " has " + item_list(form) +
                                 " (and the columns course, respondent); the closest is " + form.items[best].id + " (" +
                                 quote_input(form.items[best].text.nb) +
                                 "): name the header in its aliases, or drop it with --ignore-column",
                                 detail::Rule{"E1"});
    }
    if (column_of_item[*item] != 0) {
      detail::raise_input_error(where, "column " + quote_input(name) + " answers " + form.items[*item].id +
                                           ", as column " + std::to_string(column_of_item[*item]) + " does",
                                detail::Rule{"E1"});
    }
    column_of_item[*item] = c + 1;
    columns.push_back(*item);
  }
  result.responses.reserve(table.rows.size() - 1);
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const CsvRow& row = table.rows[r];
    if (row.fields.size() != columns.size()) {
      std::string message = "expected ";
      message += std::to_string(columns.size());
      message += " fields as in the header, got ";
      message += std::to_string(row.fields.size());
      // The first missing field, or the first extra one.
      const std::size_t column = std::min(row.fields.size(), columns.size()) + 1;
      detail::raise_input_error(csv_location(row.row, column), message);
    }
    Response response;
    response.answers.resize(form.items.size());
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (columns[c] == dropped_column) continue;  // DOMAIN X4: never kept
      if (columns[c] == course_column) {
        response.course = trimmed(row.fields[c]);
        continue;
      }
      const Item& item = form.items[columns[c]];
      std::string where = csv_location(row.row, c + 1);
      where += " (";
      where += item.id;
      where += ")";
      response.answers[columns[c]] = answer_from_text(item, row.fields[c], table.dialect.decimal_comma, where);
    }
    result.responses.push_back(std::move(response));
  }
  return result;
}

EvaluationResponses responses_from_csv(std::string_view text, const EvaluationForm& form,
                                       const ResponseReadOptions& options) {
  return responses_from_table(read_csv(text), form, options);
}

EvaluationResponses responses_from_xlsx(std::string_view bytes, const EvaluationForm& form,
                                        const ResponseReadOptions& options) {
  return read_sheet_as_table(read_xlsx(bytes, options.sheet),
                             [&](const CsvTable& table) { return responses_from_table(table, form, options); });
}

EvaluationResponses load_responses(const std::filesystem::path& path, const EvaluationForm& form,
                                   const ResponseReadOptions& options) {
  std::string extension = path.extension().string();
  extension = lower_ascii(extension);
  if (extension == ".csv" || extension == ".xlsx") {
    const std::string text = detail::read_file(path);
    return in_file(path, [&] {
      return extension == ".csv" ? responses_from_csv(text, form, options) : responses_from_xlsx(text, form, options);
    });
  }
  const Json document = load_json_file(path);
  return in_file(path, [&] { return responses_from_json(document, form); });
}

Json to_json(const EvaluationResponses& responses, const EvaluationForm& form) {
  Json out = Json::object();
  out["form"] = responses.form_id;
  out["version"] = responses.form_version;
  Json list = Json::array();
  for (const Response& response : responses.responses) {
    Json entry = Json::object();
    if (!response.course.empty()) entry["course"] = response.course;
    Json answers = Json::object();
    for (std::size_t i = 0; i < form.items.size() && i < response.answers.size(); ++i) {
      if (!response.answers[i].missing()) answers[form.items[i].id] = answer_to_json(form.items[i], response.answers[i]);
    }
    entry["answers"] = std::move(answers);
    list.push_back(std::move(entry));
  }
  out["responses"] = std::move(list);
  return out;
}

}  // namespace paarorende
