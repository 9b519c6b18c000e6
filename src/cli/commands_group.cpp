// Commands for a group of households: check, attendance, fit, enrol (DOMAIN G1-G9, X4).
#include <optional>
#include <set>

#include "cli.hpp"
#include "detail/input_error.hpp"
#include "detail/text.hpp"
#include "paarorende/paarorende.hpp"

namespace paarorende::cli {
namespace {

int command_check(const std::vector<std::string>& args) {
  return run_document("group", single_file(args, "check"));
}

int command_attendance(const std::vector<std::string>& args) {
  const auto document = load_group(single_file(args, "attendance"));
  const auto distribution = attendance_distribution(
      attendance_units(document.group, document.rules));
  Json answer{{"group", document.group.id},
                          {"households", document.group.households.size()},
                          {"participants", document.group.participants()}};
  answer.update(to_json(distribution));
  print(answer);
  return exit_ok;
}

int command_fit(const std::vector<std::string>& args) {
  return run_document("attendance-records", single_file(args, "fit"));
}

int command_enrol(const std::vector<std::string>& args) {
  std::optional<double> present, probability;
  AttendanceUnit household;
  household.probabilities = pilot_attendance();
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
        detail::raise_input_error("--caregivers", "a household enrols 1 or 2 caregivers");
      }
      household.caregivers = static_cast<int>(caregivers);
    }
    else throw UsageError{"unexpected argument " + detail::quote_input(option)};
  }
  if (!present || !probability) throw UsageError{"enrol needs --present K and --probability P"};
  auto require = [](bool ok, const char* option, const char* message) {
    if (!ok) detail::raise_input_error(option, message);
  };
  require(*present >= 0 && *present <= 10000 && *present == static_cast<int>(*present), "--present",
          "expected a whole number of participants, 0 to 10000");
  require(*probability >= 0.0 && *probability <= 1.0, "--probability", "expected a probability, 0 to 1");
  require(household.probabilities.attend >= 0.0 && household.probabilities.attend <= 1.0, "--attend",
          "expected a probability, 0 to 1");
  require(household.probabilities.both >= 0.0 && household.probabilities.both <= 1.0, "--both",
          "expected a probability, 0 to 1");
  const auto needed = households_needed(static_cast<int>(*present), *probability, household);
  Json answer{{"present", static_cast<int>(*present)},
                          {"probability", *probability},
                          {"household", {{"caregivers", household.caregivers},
                                         {"attend", household.probabilities.attend},
                                         {"both", household.probabilities.both}}},
                          {"households", needed ? Json(*needed) : Json(nullptr)}};
  print(answer);
  return exit_ok;
}

}  // namespace

std::vector<Command> group_commands() {
  return {
      {"check", "check GROUP.json|.xlsx|.csv",
       "every group-rule violation (DOMAIN G1-G9) and the\nattendance figures; exit status 1 when "
       "any is an error",
       command_check},
      {"attendance", "attendance GROUP.json|.xlsx|.csv",
       "the distribution of the number present at a session,\nits mean and P(at least k) for k = "
       "1..max (DOMAIN G4)",
       command_attendance},
      {"fit", "fit RECORDS.json|.csv|.xlsx", "attendance probabilities fitted to records (DOMAIN G5)",
       command_fit},
      {"enrol", "enrol --present K --probability P [--attend A] [--both B] [--caregivers 1|2]",
       "households to enrol so that P(at least K present) >= P", command_enrol},
  };
}

}  // namespace paarorende::cli
