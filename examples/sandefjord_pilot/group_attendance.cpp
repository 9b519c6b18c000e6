// The Sandefjord pilot group (DOMAIN S-4.5, G3-G5, G9): 5 couples with children in lower
// secondary school. Checks the group rules and sets the attendance model's figures beside what
// the pilot saw.
//
// usage: group_attendance [group.json] [attendance.json]
#include <cstdio>
#include <iostream>
#include <map>
#include <set>

#include <paarorende/paarorende.hpp>

int main(int argc, char** argv) {
  const std::string group_file = argc > 1 ? argv[1] : "examples/sandefjord_pilot/group.json";
  const std::string records_file = argc > 2 ? argv[2] : "examples/sandefjord_pilot/attendance.json";
  try {
    const auto document = paarorende::load_group(group_file);
    const auto& group = document.group;
    const auto& rules = document.rules;
    const auto distribution =
        paarorende::attendance_distribution(paarorende::attendance_units(group, rules));

    std::cout << "Gruppe " << group.id << ": " << group.households.size() << " husstander, "
              << group.participants() << " påmeldte deltakere\n\n";
    std::cout << "Regler (DOMAIN G1-G9):\n";
    for (const auto& violation : paarorende::validate(group, rules)) {
      std::cout << "  " << violation << '\n';
    }

    std::cout << "\nOppmøte per samling, modell (attend " << rules.default_attendance.attend
              << ", both " << rules.default_attendance.both << "; DOMAIN G4, G5):\n";
    std::cout << "  til stede  P(akkurat)  P(minst)\n";
    for (int k = 0; k <= distribution.max_present(); ++k) {
      char line[80];
      std::snprintf(line, sizeof line, "  %9d  %9.1f%%  %7.1f%%", k,
                    100.0 * distribution.probability[static_cast<std::size_t>(k)],
                    100.0 * distribution.at_least(k));
      std::cout << line << '\n';
    }

    // What the pilot saw (DOMAIN G5), from the records.
    const auto records = paarorende::load_attendance_records(records_file);
    std::set<int> sessions;
    int household_sessions = 0, participants = 0;
    for (const auto& record : records.records) {
      sessions.insert(record.session);
      household_sessions += record.present > 0 ? 1 : 0;
      participants += record.present;
    }
    const double per_session = static_cast<double>(sessions.size());
    const double expected_households = [&] {
      double sum = 0;
      for (const auto& unit : paarorende::attendance_units(group, rules)) sum += unit.probabilities.attend;
      return sum;
    }();
    char line[160];
    std::cout << "\nModell mot piloten, per samling:\n";
    std::snprintf(line, sizeof line, "  husstander til stede:  modell %.2f   piloten %.2f  (%d av %zu)\n",
                  expected_households, household_sessions / per_session, household_sessions,
                  records.records.size());
    std::cout << line;
    std::snprintf(line, sizeof line,
                  "  deltakere til stede:   modell %.2f   piloten %.2f  (fordelingen en/begge er "
                  "illustrerende)\n",
                  distribution.mean(), participants / per_session);
    std::cout << line;
    const auto fitted = paarorende::fit_attendance(records.records);
    std::snprintf(line, sizeof line, "  tilpasset fra registreringene: attend %.2f, both %.2f\n",
                  fitted.attend, fitted.both);
    std::cout << line;

    const auto needed = paarorende::households_needed(rules.min_present, 0.9, {2, rules.default_attendance});
    std::cout << "\nFor P(minst " << rules.min_present << " til stede) >= 90 % trengs "
              << (needed ? std::to_string(*needed) : std::string("(uoppnåelig)"))
              << " par (DOMAIN G3, G4).\n";
  } catch (const paarorende::Error& error) {
    std::cerr << "group_attendance: " << error.what() << '\n';
    return 2;
  }
  return 0;
}
