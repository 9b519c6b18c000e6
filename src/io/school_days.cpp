// Per-school calendars from open data and iCalendar feeds (io/school_days.hpp; DOMAIN C3, C11, X2).
#include "paarorende/io/school_days.hpp"

#include <algorithm>
#include <map>

#include "detail/file.hpp"
#include "detail/input_error.hpp"
#include "detail/text.hpp"
#include "io/json_reader.hpp"
#include "paarorende/io/violation.hpp"
#include "paarorende/io/xlsx.hpp"
#include "paarorende/limits.hpp"

namespace paarorende {
namespace {

// A day-off event in a feed spans at most this many days (a summer holiday is some 60).
constexpr long max_feed_event_days = 366;

std::string trim_blanks(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

// A header or key as compared: blanks trimmed, lower case (ASCII and Æ Ø Å), "ae" for "æ", so
// "Lærerdag", "LÆRERDAG" and "laererdag" are one name.
std::string column_key(std::string_view text) {
  std::string key = trim_blanks(text);
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  const std::pair<std::string_view, std::string_view> letters[] = {
      {"\xC3\x86", "ae"}, {"\xC3\xA6", "ae"}, {"\xC3\x98", "o"}, {"\xC3\xB8", "o"}, {"\xC3\x85", "aa"}, {"\xC3\xA5", "aa"}};
  for (const auto& [from, to] : letters) {
    for (auto at = key.find(from); at != std::string::npos; at = key.find(from, at + to.size())) {
      key.replace(at, from.size(), to);
    }
  }
  return key;
}

enum class DayField { date, school, pupils, teachers, care, comment };
constexpr std::size_t day_field_count = 6;

// The column names (as column_key writes them) and the name each field is written with.
std::optional<DayField> day_field_of(std::string_view key) {
  if (key == "dato") return DayField::date;
  if (key == "skole") return DayField::school;
  if (key == "elevdag") return DayField::pupils;
  if (key == "laererdag") return DayField::teachers;
  if (key == "sfodag") return DayField::care;
  if (key == "kommentar") return DayField::comment;
  return std::nullopt;
}

constexpr std::string_view day_field_names[day_field_count] = {"dato", "skole", "elevdag", "laererdag", "sfodag",
                                                                "kommentar"};
constexpr bool day_field_required[day_field_count] = {true, true, true, false, true, false};

// Ja/Nei as open data writes it, and the words and numbers spreadsheets and JSON use.
bool ja_nei(std::string_view text, const std::string& where) {
  const std::string word = column_key(text);
  if (word == "ja" || word == "j" || word == "yes" || word == "y" || word == "true" || word == "1") return true;
  if (word == "nei" || word == "n" || word == "no" || word == "false" || word == "0") return false;
  detail::raise_input_error(where, "expected Ja or Nei, got " + detail::quote_input(trim_blanks(text)));
}

// "2019-11-05" (a time after it, "T00:00:00" or " 00:00", is allowed and ignored) or "5.11.2019".
Date day_date(std::string_view raw, const std::string& where) {
  const std::string text = trim_blanks(raw);
  const auto refuse = [&]() -> Date {
    detail::raise_input_error(where, "expected a date as YYYY-MM-DD or DD.MM.YYYY, got " + detail::quote_input(text));
  };
  std::string iso;
  if (text.size() >= 10 && text[4] == '-' && (text.size() == 10 || text[10] == 'T' || text[10] == ' ')) {
    iso = text.substr(0, 10);
  } else {
    const auto first = text.find('.');
    const auto second = first == std::string::npos ? std::string::npos : text.find('.', first + 1);
    if (second == std::string::npos) return refuse();
    const std::string day = text.substr(0, first);
    const std::string month = text.substr(first + 1, second - first - 1);
    const std::string year = text.substr(second + 1);
    if (day.empty() || day.size() > 2 || month.empty() || month.size() > 2 || year.size() != 4 ||
        !detail::all_digits(day) || !detail::all_digits(month) || !detail::all_digits(year)) {
      return refuse();
    }
    iso = year + "-" + (month.size() == 1 ? "0" : "") + month + "-" + (day.size() == 1 ? "0" : "") + day;
  }
  try {
    return parse_iso_date(iso);
  } catch (const InputError& error) {
    // The message quotes the date as the file writes it ("31.11.2019" is not a calendar date).
    std::string message = error.message();
    const std::string quoted = detail::quote_input(iso);
    if (const auto at = message.find(quoted); at != std::string::npos) message.replace(at, quoted.size(), detail::quote_input(text));
    throw InputError(error.rule(), message, where);
  }
}

// The calendars as rows arrive: a school given twice for one day must say the same both times.
class DayCollector {
 public:
  // `where_of(field)` locates a field of this row, for the message about a second row.
  template <class WhereOf>
  void add(const std::string& school, const SchoolDay& day, WhereOf where_of, const std::string& row_name) {
    auto& days = schools_[school];
    const auto [found, inserted] = days.try_emplace(day.date, Entry{day, row_name});
    if (inserted) return;
    const SchoolDay& first = found->second.day;
    std::optional<DayField> differs;
    if (first.pupils != day.pupils) differs = DayField::pupils;
    else if (first.teachers != day.teachers) differs = DayField::teachers;
    else if (first.care != day.care) differs = DayField::care;
    else if (first.comment != day.comment) differs = DayField::comment;
    if (!differs) return;
    detail::raise_input_error(where_of(*differs), detail::quote_input(school) + " is given twice for " +
                                                      iso_date(day.date) + " with different values (first at " +
                                                      found->second.row + ")", detail::Rule{"X2"});
  }
  void days_off_only(const std::string& school) {
    listings_[school] = SchoolDayListing::days_off;
    schools_[school];
  }

  SchoolDays finish() {
    SchoolDays result;
    for (auto& [school, days] : schools_) {
      SchoolDayCalendar calendar;
      calendar.school = school;
      if (const auto listing = listings_.find(school); listing != listings_.end()) calendar.listing = listing->second;
      for (auto& [date, entry] : days) calendar.days.push_back(std::move(entry.day));
      result.schools.push_back(std::move(calendar));
    }
    return result;
  }

 private:
  struct Entry {
    SchoolDay day;
    std::string row;
  };
  std::map<std::string, std::map<Date, Entry>> schools_;
  std::map<std::string, SchoolDayListing> listings_;
};

std::string school_name(std::string_view raw, const std::string& where) {
  std::string name = trim_blanks(raw);
  if (name.empty()) detail::raise_input_error(where, "the school's name is empty");
  return name;
}

// --- iCalendar feeds ---

// True when `text` is UTF-8 (RFC 3629), as every text that may reach a message or a document must be.
bool is_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (length == 0 || i + length > text.size()) return false;
    unsigned low = 0x80, high = 0xBF;
    if (c == 0xE0) low = 0xA0;
    if (c == 0xED) high = 0x9F;
    if (c == 0xF0) low = 0x90;
    if (c == 0xF4) high = 0x8F;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF)) return false;
    }
    i += length;
  }
  return true;
}

std::string line_where(std::size_t line) { return "line " + std::to_string(line); }

// RFC 5545 3.3.11: "\," "\;" "\\" and "\n" in a TEXT value.
std::string ical_text(std::string_view value) {
  std::string text;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size()) {
      const char next = value[++i];
      text += next == 'n' || next == 'N' ? ' ' : next;
    } else {
      text += value[i];
    }
  }
  return trim_blanks(text);
}

struct FeedLine {
  std::size_t line;
  std::string name;    // upper case, without parameters
  std::string params;  // ";VALUE=DATE" ...
  std::string value;
};

// Unfolds the lines (RFC 5545 3.1: a line that begins with a blank continues the one before).
std::vector<FeedLine> feed_lines(std::string_view text) {
  std::vector<std::pair<std::size_t, std::string>> logical;
  std::size_t number = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto end = text.find('\n', i);
    std::string_view line = text.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
    i = end == std::string_view::npos ? text.size() : end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && (line.front() == ' ' || line.front() == '\t') && !logical.empty()) {
      logical.back().second.append(line.substr(1));
    } else if (!line.empty()) {
      logical.emplace_back(number, std::string(line));
    }
  }
  std::vector<FeedLine> lines;
  for (auto& [line, content] : logical) {
    const auto colon = content.find(':');
    if (colon == std::string::npos) detail::raise_input_error(line_where(line), "a content line without \":\"");
    std::string head = content.substr(0, colon);
    const auto semicolon = head.find(';');
    std::string name = head.substr(0, semicolon);
    for (char& c : name) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    lines.push_back({line, name, semicolon == std::string::npos ? "" : head.substr(semicolon), content.substr(colon + 1)});
  }
  return lines;
}

// DTSTART/DTEND of an all-day event: "20191224" (VALUE=DATE); std::nullopt for a date-time.
std::optional<Date> feed_date(const FeedLine& line) {
  const std::string value = trim_blanks(line.value);
  if (value.size() != 8) return std::nullopt;
  if (!detail::all_digits(value)) detail::raise_input_error(line_where(line.line), "expected a date as YYYYMMDD, got " + detail::quote_input(value));
  try {
    return parse_iso_date(value.substr(0, 4) + "-" + value.substr(4, 2) + "-" + value.substr(6, 2));
  } catch (const InputError& error) {
    throw InputError(error.rule(), error.message(), line_where(line.line));
  }
}

}  // namespace

SchoolDays school_days_from_table(const CsvTable& table) {
  if (table.rows.empty()) detail::raise_input_error("row 1", "the file is empty: expected a header row (dato, skole, elevdag, laererdag, sfodag, kommentar)");
  const CsvRow& header = table.rows.front();
  std::optional<std::size_t> column_of[day_field_count];
  for (std::size_t c = 0; c < header.fields.size(); ++c) {
    const auto field = day_field_of(column_key(header.fields[c]));
    if (!field) continue;  // another column of the publisher's (skolenr, kommune ...)
    auto& column = column_of[static_cast<std::size_t>(*field)];
    if (column) {
      detail::raise_input_error(csv_location(header.row, c + 1),
                                "column " + detail::quote_input(day_field_names[static_cast<std::size_t>(*field)]) + " appears twice");
    }
    column = c;
  }
  for (std::size_t f = 0; f < day_field_count; ++f) {
    if (day_field_required[f] && !column_of[f]) {
      detail::raise_input_error("row " + std::to_string(header.row),
                                "missing column " + detail::quote_input(day_field_names[f]) +
                                    ": the header needs dato, skole, elevdag and sfodag (laererdag and kommentar may follow)");
    }
  }
  DayCollector collector;
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const CsvRow& row = table.rows[r];
    const auto where_of = [&](DayField field) {
      return csv_location(row.row, *column_of[static_cast<std::size_t>(field)] + 1);
    };
    const auto cell = [&](DayField field) -> std::string_view {
      const auto& column = column_of[static_cast<std::size_t>(field)];
      if (!column) return {};
      if (*column >= row.fields.size()) {
        detail::raise_input_error(csv_location(row.row, row.fields.size() + 1),
                                  "expected " + std::to_string(header.fields.size()) + " fields as in the header, got " +
                                      std::to_string(row.fields.size()));
      }
      return row.fields[*column];
    };
    SchoolDay day;
    day.date = day_date(cell(DayField::date), where_of(DayField::date));
    const std::string school = school_name(cell(DayField::school), where_of(DayField::school));
    day.pupils = ja_nei(cell(DayField::pupils), where_of(DayField::pupils));
    day.care = ja_nei(cell(DayField::care), where_of(DayField::care));
    // Without a laererdag column, the staff work when the pupils are at school.
    day.teachers = column_of[static_cast<std::size_t>(DayField::teachers)]
                       ? ja_nei(cell(DayField::teachers), where_of(DayField::teachers))
                       : day.pupils;
    day.comment = trim_blanks(cell(DayField::comment));
    collector.add(school, day, where_of, "row " + std::to_string(row.row));
  }
  if (table.rows.size() == 1) {
    // DOMAIN X2: an empty calendar would leave every school silently open.
    detail::raise_input_error("row " + std::to_string(header.row + 1), "no days: expected a row per school and day");
  }
  return collector.finish();
}

SchoolDays school_days_from_csv(std::string_view text) { return school_days_from_table(read_csv(text)); }

SchoolDays school_days_from_xlsx(std::string_view bytes, std::string_view sheet) {
  return read_sheet_as_table(read_xlsx(bytes, sheet), [](const CsvTable& table) { return school_days_from_table(table); });
}

SchoolDays school_days_from_json(const Json& document) {
  DayCollector collector;
  const Json* rows = &document;
  std::string rows_pointer;
  if (document.is_object()) {
    detail::ObjectReader in(document, "");
    rows = &in.required("days");
    rows_pointer = "/days";
    if (const Json* feeds = in.find("days_off_only")) {
      if (!feeds->is_array()) detail::wrong_type(*feeds, "/days_off_only", "an array");
      detail::check_limit(feeds->size(), max_list_entries, "entries", "/days_off_only");
      for (std::size_t i = 0; i < feeds->size(); ++i) {
        const std::string pointer = detail::index_pointer("/days_off_only", i);
        collector.days_off_only(school_name(detail::read_string((*feeds)[i], pointer), pointer));
      }
    }
    in.finish();
  }
  if (!rows->is_array()) detail::wrong_type(*rows, rows_pointer.empty() ? "/" : rows_pointer, "an array of days");
  detail::check_limit(rows->size(), max_responses, "days", rows_pointer.empty() ? "/" : rows_pointer);

  for (std::size_t r = 0; r < rows->size(); ++r) {
    const std::string pointer = detail::index_pointer(rows_pointer, r);
    const Json& row = (*rows)[r];
    if (!row.is_object()) detail::wrong_type(row, pointer, "an object");
    // The fields by name in any case; others (skolenr, kommune ...) are the publisher's.
    const Json* fields[day_field_count] = {};
    std::string keys[day_field_count];
    for (auto it = row.begin(); it != row.end(); ++it) {
      const auto field = day_field_of(column_key(it.key()));
      if (!field) continue;
      const auto f = static_cast<std::size_t>(*field);
      if (fields[f]) detail::raise_input_error(pointer + "/" + detail::pointer_token(it.key()), "field " + detail::quote_input(day_field_names[f]) + " appears twice");
      fields[f] = &it.value();
      keys[f] = it.key();
    }
    const auto where_of = [&](DayField field) {
      const auto f = static_cast<std::size_t>(field);
      return pointer + "/" + detail::pointer_token(keys[f].empty() ? std::string(day_field_names[f]) : keys[f]);
    };
    for (std::size_t f = 0; f < day_field_count; ++f) {
      if (day_field_required[f] && !fields[f]) {
        detail::raise_input_error(pointer, "missing required field " + detail::quote_input(day_field_names[f]));
      }
    }
    const auto flag = [&](DayField field) {
      const Json& value = *fields[static_cast<std::size_t>(field)];
      if (value.is_boolean()) return value.get<bool>();
      if (!value.is_string()) detail::wrong_type(value, where_of(field), "\"Ja\", \"Nei\" or a boolean");
      return ja_nei(value.get<std::string>(), where_of(field));
    };
    SchoolDay day;
    day.date = day_date(detail::read_string(*fields[0], where_of(DayField::date)), where_of(DayField::date));
    const std::string school =
        school_name(detail::read_string(*fields[1], where_of(DayField::school)), where_of(DayField::school));
    day.pupils = flag(DayField::pupils);
    day.care = flag(DayField::care);
    day.teachers = fields[static_cast<std::size_t>(DayField::teachers)] ? flag(DayField::teachers) : day.pupils;
    if (const Json* comment = fields[static_cast<std::size_t>(DayField::comment)]; comment && !comment->is_null()) {
      day.comment = trim_blanks(detail::read_string(*comment, where_of(DayField::comment)));
    }
    collector.add(school, day, where_of, pointer);
  }
  SchoolDays result = collector.finish();
  if (result.schools.empty()) {
    // DOMAIN X2: an empty calendar would leave every school silently open.
    detail::raise_input_error(rows_pointer.empty() ? "/" : rows_pointer, "no days: expected a row per school and day");
  }
  return result;
}

SchoolDays school_days_from_ical(std::string_view text, const std::string& school) {
  if (!is_utf8(text)) detail::raise_input_error("", "the feed is not valid UTF-8");
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const std::vector<FeedLine> lines = feed_lines(text);
  if (lines.empty() || lines.front().name != "BEGIN" || column_key(lines.front().value) != "vcalendar") {
    detail::raise_input_error(line_where(lines.empty() ? 1 : lines.front().line),
                              "not an iCalendar feed: expected BEGIN:VCALENDAR");
  }
  std::string name = trim_blanks(school);
  struct Event {
    std::size_t line = 0;
    std::optional<Date> start, end;
    bool timed = false;
    std::string summary;
  };
  std::vector<Event> events;
  std::optional<Event> event;
  for (const FeedLine& line : lines) {
    if (line.name == "BEGIN" && column_key(line.value) == "vevent") {
      if (event) detail::raise_input_error(line_where(line.line), "a VEVENT inside a VEVENT");
      event = Event{line.line, {}, {}, false, {}};
      detail::check_limit(events.size() + 1, max_list_entries, "events", line_where(line.line));
    } else if (line.name == "END" && column_key(line.value) == "vevent") {
      if (!event) detail::raise_input_error(line_where(line.line), "END:VEVENT without BEGIN:VEVENT");
      events.push_back(std::move(*event));
      event.reset();
    } else if (event && line.name == "DTSTART") {
      event->start = feed_date(line);
      event->timed = !event->start;
    } else if (event && line.name == "DTEND") {
      event->end = feed_date(line);
    } else if (event && line.name == "SUMMARY") {
      event->summary = ical_text(line.value);
    } else if (!event && line.name == "X-WR-CALNAME" && name.empty()) {
      name = ical_text(line.value);
    }
  }
  if (event) detail::raise_input_error(line_where(event->line), "a VEVENT that is not closed (no END:VEVENT)");
  if (name.empty()) {
    detail::raise_input_error("", "the feed does not name its school (no X-WR-CALNAME): name it (--school NAME)");
  }
  DayCollector collector;
  collector.days_off_only(name);
  std::map<Date, std::string> comments;
  for (const Event& day_off : events) {
    if (day_off.timed || !day_off.start) continue;  // an event with a time is not a day off
    // DTEND of an all-day event is the day after its last (RFC 5545 3.6.1); without it, one day.
    Date last = *day_off.start;
    if (day_off.end) {
      if (*day_off.end <= *day_off.start) {
        detail::raise_input_error(line_where(day_off.line), "the event ends (DTEND) before or as it begins (DTSTART)");
      }
      last = *day_off.end - boost::gregorian::days(1);
    }
    if ((last - *day_off.start).days() >= max_feed_event_days) {
      detail::raise_input_error(line_where(day_off.line), "a day off of more than " + std::to_string(max_feed_event_days) + " days");
    }
    for (Date date = *day_off.start; date <= last; date += boost::gregorian::days(1)) {
      std::string& comment = comments[date];
      if (comment.find(day_off.summary) == std::string::npos) comment += (comment.empty() ? "" : "; ") + day_off.summary;
      detail::check_limit(comments.size(), max_responses, "days", line_where(day_off.line));
    }
  }
  for (const auto& [date, comment] : comments) {
    collector.add(name, SchoolDay{date, false, false, false, comment}, [](DayField) { return std::string(); }, "");
  }
  return collector.finish();
}

SchoolDays load_school_days(const std::filesystem::path& path, const std::string& school, std::string_view sheet) {
  const std::string text = detail::read_file(path);
  std::string extension = path.extension().string();
  for (char& c : extension) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return detail::in_file(path, [&] {
    if (extension == ".csv") return school_days_from_csv(text);
    if (extension == ".xlsx") return school_days_from_xlsx(text, sheet);
    if (extension == ".ics") return school_days_from_ical(text, school);
    return school_days_from_json(parse_json(text));
  });
}

Json to_json(const SchoolDays& calendars) {
  Json days = Json::array();
  Json feeds = Json::array();
  for (const auto& calendar : calendars.schools) {
    if (calendar.listing == SchoolDayListing::days_off) feeds.push_back(calendar.school);
    for (const auto& day : calendar.days) {
      days.push_back({{"dato", iso_date(day.date)},
                      {"skole", calendar.school},
                      {"elevdag", day.pupils ? "Ja" : "Nei"},
                      {"laererdag", day.teachers ? "Ja" : "Nei"},
                      {"sfodag", day.care ? "Ja" : "Nei"},
                      {"kommentar", day.comment}});
    }
  }
  Json document{{"days", days}};
  if (!feeds.empty()) document["days_off_only"] = feeds;
  return document;
}

Json to_json(const SchoolDayCheck& check) {
  return Json{{"date", iso_date(check.date)}, {"usable", check.usable}, {"findings", to_json(check.findings)}};
}

}  // namespace paarorende
