// Commands for planning a course: holidays, plan, validate, closed, topics (DOMAIN C1-C11, T, X1-X3).
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <optional>

#include "cli.hpp"
#include "detail/input_error.hpp"
#include "detail/text.hpp"
#include "paarorende/paarorende.hpp"

namespace paarorende::cli {
namespace {

int command_holidays(const std::vector<std::string>& args) {
  if (args.size() != 1) throw UsageError{"holidays takes one argument, the year"};
  int year = 0;
  const std::string& text = args[0];
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (error != std::errc() || end != text.data() + text.size()) {
    detail::raise_input_error("YEAR", "expected a year, got " + detail::quote_input(text));
  }
  if (year < first_supported_year || year > last_supported_year) {
    detail::raise_input_error("YEAR", text + " is outside the supported years " +
                                     std::to_string(first_supported_year) + "-" +
                                     std::to_string(last_supported_year), detail::Rule{"X1"});
  }
  print(to_json(public_holidays(year)));
  return exit_ok;
}

int command_plan(const std::vector<std::string>& args) {
  const auto [request_file, ics_file, language] = file_and_calendar(args, "plan");
  const auto request = load_course_request(request_file, language);
  CourseSchedule schedule;
  try {
    schedule = plan_course(request);
  } catch (const Error& error) {
    // Locate the impossible request in its file, like any other input error.
    throw ImpossibleRequest(error.rule(), error.message(), located_in_file(request_file, error.where()));
  }
  // The calendar first: if writing it fails, nothing has been printed.
  if (!ics_file.empty()) write_calendar(ics_file, to_ical(schedule));
  print(to_json(schedule));
  return exit_ok;
}

int command_validate(const std::vector<std::string>& args) {
  if (args.size() != 1) throw UsageError{"validate takes one argument, the schedule file"};
  return run_document("course-schedule", args[0]);
}

int command_topics(const std::vector<std::string>& args) {
  std::string catalogue_file;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--catalogue" && i + 1 < args.size() && catalogue_file.empty()) {
      catalogue_file = args[++i];
    } else {
      throw UsageError{"usage: paarorende topics [--catalogue FILE]"};
    }
  }
  const auto catalogue = catalogue_file.empty() ? builtin_catalogue()
                                                : load_catalogue(catalogue_file);
  Json topics = Json::array();
  for (const auto& topic : catalogue.topics) topics.push_back(to_json(topic));
  print(topics);
  return exit_ok;
}

// A per-school calendar (io/school_days.hpp) rather than a municipality's: open data (CSV, .xlsx,
// or a JSON array or {"days": ...}) or an iCalendar feed.
bool is_school_days_file(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  for (char& c : extension) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (extension == ".csv" || extension == ".xlsx" || extension == ".ics") return true;
  const Json document = load_json_file(path);
  // An empty array is neither: the municipality's calendar reader says what it expected.
  return (document.is_array() && !document.empty()) || (document.is_object() && document.contains("days"));
}

int command_closed(const std::vector<std::string>& args) {
  std::string date_text;
  std::string calendar_file;
  std::optional<std::string> school, sheet;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--sheet") {
      if (i + 1 == args.size()) throw UsageError{"--sheet needs a sheet's name"};
      sheet = args[++i];
    } else if (args[i] == "--calendar") {
      if (i + 1 == args.size()) throw UsageError{"--calendar needs a file name"};
      calendar_file = args[++i];
    } else if (args[i] == "--school") {
      if (i + 1 == args.size()) throw UsageError{"--school needs a school's name"};
      school = args[++i];
    } else if (date_text.empty()) {
      date_text = args[i];
    } else {
      throw UsageError{"unexpected argument " + detail::quote_input(args[i])};
    }
  }
  if (date_text.empty()) throw UsageError{"closed needs a date"};
  Date date;
  try {
    date = parse_iso_date(date_text);
  } catch (const InputError& error) {
    throw InputError(error.rule(), error.message(), "DATE");
  }
  std::optional<SchoolCalendar> calendar;
  std::optional<SchoolDays> school_days;
  if (!calendar_file.empty() && is_school_days_file(calendar_file)) {
    school_days = load_school_days(calendar_file, school.value_or(""), sheet.value_or(""));
  } else if (!calendar_file.empty()) {
    calendar = load_school_calendar(calendar_file);
  }
  if (sheet && (!school_days || !calendar_file.ends_with(".xlsx"))) {
    detail::raise_input_error("--sheet", "a sheet is named in a workbook (.xlsx)");
  }
  if (school && !school_days) {
    detail::raise_input_error("--school", "a school is named in a per-school calendar (open data or an iCalendar "
                                          "feed), not in a municipality's");
  }
  const auto closure = course_closure(date, calendar ? &*calendar : nullptr);
  Json answer{{"date", date_text}, {"closed", closure.has_value()}};
  if (closure) {
    answer["kind"] = to_string(closure->kind);
    answer["rule"] = closure->rule;
    answer["name"] = closure->name;
  }
  if (school_days) {
    // DOMAIN C3, C11: every school named, or every school of the file.
    const std::vector<std::string> schools = school ? std::vector<std::string>{*school} : school_names(*school_days);
    const SchoolDayCheck check = check_school_days(date, *school_days, schools);
    if (!closure && !check.usable) {
      const auto error = std::find_if(check.findings.begin(), check.findings.end(),
                                      [](const Violation& finding) { return finding.severity == Severity::error; });
      answer["closed"] = true;
      answer["kind"] = "school_day";
      answer["rule"] = error->rule;
      answer["name"] = error->message;
    }
    answer["schools"] = schools;
    answer["findings"] = to_json(check.findings);
  }
  print(answer);
  return exit_ok;
}

}  // namespace

std::vector<Command> course_commands() {
  return {
      {"holidays", "holidays YEAR", "Norwegian public holidays of YEAR as JSON (DOMAIN X1)",
       command_holidays},
      {"plan", "plan REQUEST.json [--ics FILE] [--lang nb|nn|en]",
       "plan a course; the schedule as JSON, and as iCalendar\nin FILE when --ics is given, its texts in the request's\n\"language\" or --lang's",
       command_plan},
      {"validate", "validate SCHEDULE.json",
       "check a (hand-made) schedule; findings as JSON,\nexit status 1 when any is an error",
       command_validate},
      {"closed", "closed DATE [--calendar FILE] [--school NAME] [--sheet NAME]",
       "is DATE (YYYY-MM-DD) closed for a course, and why; FILE is a\nmunicipality's calendar or per-school open data (.csv,\n.xlsx, .json, .ics), checked for NAME or every school",
       command_closed},
      {"topics", "topics [--catalogue FILE]",
       "the topic catalogue as JSON: the built-in one, with a\nmunicipality's FILE merged onto it "
       "when given",
       command_topics},
  };
}

}  // namespace paarorende::cli
