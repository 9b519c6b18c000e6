// The paarorende command line. Output is JSON on stdout. Bad input: exit status 2, one line on
// stderr saying where and what, nothing on stdout. Usage: `paarorende --help`.
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "paarorende/detail/json_reader.hpp"
#include "paarorende/paarorende.hpp"

namespace {

constexpr int exit_ok = 0;
constexpr int exit_findings = 1;  // validate: the schedule breaks a rule
constexpr int exit_bad_input = 2;

constexpr const char* usage =
    "usage: paarorende <command> [arguments]\n"
    "\n"
    "commands:\n"
    "  holidays YEAR                  Norwegian public holidays of YEAR as JSON (DOMAIN X1)\n"
    "  plan REQUEST.json [--ics FILE] plan a course; the schedule as JSON, and as iCalendar\n"
    "                                 in FILE when --ics is given\n"
    "  validate SCHEDULE.json         check a (hand-made) schedule; findings as JSON,\n"
    "                                 exit status 1 when any is an error\n"
    "  closed DATE [--calendar FILE]  is DATE (YYYY-MM-DD) closed for a course, and why\n"
    "  topics [--catalogue FILE]      the topic catalogue as JSON: the built-in one, with a\n"
    "                                 municipality's FILE merged onto it when given\n"
    "  check GROUP.json               every group-rule violation (DOMAIN G1-G9) and the\n"
    "                                 attendance figures; exit status 1 when any is an error\n"
    "  attendance GROUP.json          the distribution of the number present at a session,\n"
    "                                 its mean and P(at least k) for k = 1..max (DOMAIN G4)\n"
    "  fit RECORDS.json               attendance probabilities fitted to records (DOMAIN G5)\n"
    "  enrol --present K --probability P [--attend A] [--both B] [--caregivers 1|2]\n"
    "                                 households to enrol so that P(at least K present) >= P\n"
    "  version                        the library version\n"
    "\n"
    "Bad input gives exit status 2 and one line on stderr.\n";

// The error line, kept to one line whatever the input held: control characters (a newline in a
// field name reaches the JSON pointer) are written as JSON escapes.
std::string one_line(std::string_view text) {
  std::string line;
  for (char c : text) paarorende::detail::append_escaping_controls(line, c);
  return line;
}

struct UsageError {
  std::string message;
};

void print(const paarorende::Json& document) {
  std::cout << document.dump(2) << '\n';
  std::cout.flush();
  if (!std::cout) throw paarorende::InputError("", "cannot write the output", "stdout");
}

int command_holidays(const std::vector<std::string>& args) {
  if (args.size() != 1) throw UsageError{"holidays takes one argument, the year"};
  int year = 0;
  const std::string& text = args[0];
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (error != std::errc() || end != text.data() + text.size()) {
    throw paarorende::InputError("", "expected a year, got " + paarorende::detail::quote_input(text), "YEAR");
  }
  if (year < paarorende::first_supported_year || year > paarorende::last_supported_year) {
    throw paarorende::InputError("X1",
                                 text + " is outside the supported years " +
                                     std::to_string(paarorende::first_supported_year) + "-" +
                                     std::to_string(paarorende::last_supported_year),
                                 "YEAR");
  }
  print(paarorende::to_json(paarorende::public_holidays(year)));
  return exit_ok;
}

int command_plan(const std::vector<std::string>& args) {
  std::string request_file;
  std::string ics_file;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--ics") {
      if (i + 1 == args.size()) throw UsageError{"--ics needs a file name"};
      ics_file = args[++i];
    } else if (request_file.empty() && !args[i].starts_with("--")) {
      request_file = args[i];
    } else {
      throw UsageError{"unexpected argument " + paarorende::detail::quote_input(args[i])};
    }
  }
  if (request_file.empty()) throw UsageError{"plan needs a request file"};
  const auto request = paarorende::load_course_request(request_file);
  paarorende::CourseSchedule schedule;
  try {
    schedule = paarorende::plan_course(request);
  } catch (const paarorende::Error& error) {
    // Locate the impossible request in its file, like any other input error.
    throw paarorende::ImpossibleRequest(error.rule(), error.message(),
                                        paarorende::located_in_file(request_file, error.where()));
  }
  if (!ics_file.empty()) {
    // Write the calendar first: if that fails, nothing has been printed. It goes to a temporary
    // file renamed into place, so a failed write never leaves a truncated calendar behind.
    const std::string ical = paarorende::to_ical(schedule);
    const std::string temporary = ics_file + ".tmp";
    std::ofstream out(temporary, std::ios::binary);
    std::error_code renamed;
    if (!out || !(out << ical) || !out.flush() ||
        (out.close(), std::filesystem::rename(temporary, ics_file, renamed), renamed)) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      throw paarorende::InputError("", "cannot write the iCalendar file", ics_file);
    }
  }
  print(paarorende::to_json(schedule));
  return exit_ok;
}

int command_validate(const std::vector<std::string>& args) {
  if (args.size() != 1) throw UsageError{"validate takes one argument, the schedule file"};
  const auto schedule = paarorende::load_course_schedule(args[0]);
  const auto findings = paarorende::validate(schedule);
  print(paarorende::Json{{"valid", !paarorende::has_errors(findings)},
                         {"findings", paarorende::to_json(findings)}});
  return paarorende::has_errors(findings) ? exit_findings : exit_ok;
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
  const auto catalogue = catalogue_file.empty() ? paarorende::builtin_catalogue()
                                                : paarorende::load_catalogue(catalogue_file);
  paarorende::Json topics = paarorende::Json::array();
  for (const auto& topic : catalogue.topics) topics.push_back(paarorende::to_json(topic));
  print(topics);
  return exit_ok;
}

std::string single_file(const std::vector<std::string>& args, const char* command) {
  if (args.size() != 1) throw UsageError{std::string(command) + " takes one argument, a file"};
  return args[0];
}

int command_check(const std::vector<std::string>& args) {
  const auto document = paarorende::load_group(single_file(args, "check"));
  const auto violations = paarorende::validate(document.group, document.rules);
  const auto distribution = paarorende::attendance_distribution(
      paarorende::attendance_units(document.group, document.rules));
  bool errors = false;
  paarorende::Json list = paarorende::Json::array();
  for (const auto& violation : violations) {
    errors = errors || violation.severity == paarorende::Severity::error;
    list.push_back(paarorende::to_json(violation));
  }
  const int k = document.rules.min_present;
  print(paarorende::Json{
      {"group", document.group.id},
      {"valid", !errors},
      {"households", document.group.households.size()},
      {"participants", document.group.participants()},
      {"violations", list},
      {"attendance",
       {{"mean", distribution.mean()},
        {"min_present", k},
        {"p_at_least_min_present", distribution.at_least(k)},
        {"required_probability", document.rules.min_present_probability}}}});
  return errors ? exit_findings : exit_ok;
}

int command_attendance(const std::vector<std::string>& args) {
  const auto document = paarorende::load_group(single_file(args, "attendance"));
  const auto distribution = paarorende::attendance_distribution(
      paarorende::attendance_units(document.group, document.rules));
  paarorende::Json answer{{"group", document.group.id},
                          {"households", document.group.households.size()},
                          {"participants", document.group.participants()}};
  answer.update(paarorende::to_json(distribution));
  print(answer);
  return exit_ok;
}

int command_fit(const std::vector<std::string>& args) {
  const std::string file = single_file(args, "fit");
  const auto records = paarorende::load_attendance_records(file);
  // DOMAIN X4: a figure from fewer than 5 households would expose them.
  std::set<std::string> households;
  for (const auto& record : records.records) households.insert(record.household);
  if (households.size() < paarorende::min_households_to_report) {
    throw paarorende::InputError("X4",
                                 "records of at least " +
                                     std::to_string(paarorende::min_households_to_report) +
                                     " households are needed; a fit from fewer would expose them",
                                 paarorende::located_in_file(file, "/records"));
  }
  const auto fitted = paarorende::fit_attendance(records.records, records.prior, records.prior_weight);
  paarorende::Json answer = paarorende::to_json(fitted);
  answer["records"] = records.records.size();
  print(answer);
  return exit_ok;
}

double parse_number(const std::string& text, const char* option) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    throw paarorende::InputError("", "expected a number, got " + paarorende::detail::quote_input(text),
                                 option);
  }
  return value;
}

int command_enrol(const std::vector<std::string>& args) {
  std::optional<double> present, probability;
  paarorende::AttendanceUnit household;
  household.probabilities = paarorende::pilot_attendance();
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i + 1 == args.size()) throw UsageError{args[i] + " needs a value"};
    const std::string& option = args[i];
    const std::string& value = args[++i];
    if (option == "--present") present = parse_number(value, "--present");
    else if (option == "--probability") probability = parse_number(value, "--probability");
    else if (option == "--attend") household.probabilities.attend = parse_number(value, "--attend");
    else if (option == "--both") household.probabilities.both = parse_number(value, "--both");
    else if (option == "--caregivers") {
      const double caregivers = parse_number(value, "--caregivers");
      if (caregivers != 1.0 && caregivers != 2.0) {
        throw paarorende::InputError("", "a household enrols 1 or 2 caregivers", "--caregivers");
      }
      household.caregivers = static_cast<int>(caregivers);
    }
    else throw UsageError{"unexpected argument " + paarorende::detail::quote_input(option)};
  }
  if (!present || !probability) throw UsageError{"enrol needs --present K and --probability P"};
  auto require = [](bool ok, const char* option, const char* message) {
    if (!ok) throw paarorende::InputError("", message, option);
  };
  require(*present >= 0 && *present <= 10000 && *present == static_cast<int>(*present), "--present",
          "expected a whole number of participants, 0 to 10000");
  require(*probability >= 0.0 && *probability <= 1.0, "--probability", "expected a probability, 0 to 1");
  require(household.probabilities.attend >= 0.0 && household.probabilities.attend <= 1.0, "--attend",
          "expected a probability, 0 to 1");
  require(household.probabilities.both >= 0.0 && household.probabilities.both <= 1.0, "--both",
          "expected a probability, 0 to 1");
  const auto needed = paarorende::households_needed(static_cast<int>(*present), *probability, household);
  paarorende::Json answer{{"present", static_cast<int>(*present)},
                          {"probability", *probability},
                          {"household", {{"caregivers", household.caregivers},
                                         {"attend", household.probabilities.attend},
                                         {"both", household.probabilities.both}}},
                          {"households", needed ? paarorende::Json(*needed) : paarorende::Json(nullptr)}};
  print(answer);
  return exit_ok;
}

int command_closed(const std::vector<std::string>& args) {
  std::string date_text;
  std::string calendar_file;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--calendar") {
      if (i + 1 == args.size()) throw UsageError{"--calendar needs a file name"};
      calendar_file = args[++i];
    } else if (date_text.empty()) {
      date_text = args[i];
    } else {
      throw UsageError{"unexpected argument " + paarorende::detail::quote_input(args[i])};
    }
  }
  if (date_text.empty()) throw UsageError{"closed needs a date"};
  const auto date = paarorende::detail::read_date(paarorende::Json(date_text), "DATE");
  std::optional<paarorende::SchoolCalendar> calendar;
  if (!calendar_file.empty()) calendar = paarorende::load_school_calendar(calendar_file);
  const auto closure = paarorende::course_closure(date, calendar ? &*calendar : nullptr);
  paarorende::Json answer{{"date", date_text}, {"closed", closure.has_value()}};
  if (closure) {
    answer["kind"] = paarorende::to_string(closure->kind);
    answer["rule"] = closure->rule;
    answer["name"] = closure->name;
  }
  print(answer);
  return exit_ok;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << "paarorende: missing command (try paarorende --help)\n";
    return exit_bad_input;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << usage;
    return exit_ok;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  try {
    if (command == "holidays") return command_holidays(args);
    if (command == "plan") return command_plan(args);
    if (command == "validate") return command_validate(args);
    if (command == "closed") return command_closed(args);
    if (command == "topics") return command_topics(args);
    if (command == "check") return command_check(args);
    if (command == "attendance") return command_attendance(args);
    if (command == "fit") return command_fit(args);
    if (command == "enrol") return command_enrol(args);
    if (command == "version") {
      if (!args.empty()) throw UsageError{"version takes no arguments"};
      std::cout << paarorende::version_string << '\n';
      return exit_ok;
    }
    throw UsageError{"unknown command " + paarorende::detail::quote_input(command) + " (try paarorende --help)"};
  } catch (const UsageError& error) {
    std::cerr << "paarorende: " << one_line(error.message) << '\n';
  } catch (const paarorende::Error& error) {
    std::cerr << "paarorende: " << one_line(error.what()) << '\n';
  } catch (const std::exception& error) {
    std::cerr << "paarorende: internal error: " << one_line(error.what()) << '\n';
    return 3;
  }
  return exit_bad_input;
}
