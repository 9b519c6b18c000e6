// Forming groups from a waitlist: groups (DOMAIN G1-G9, C8, V1).
#include <optional>

#include "cli.hpp"
#include "detail/input_error.hpp"
#include "paarorende/paarorende.hpp"
#include "paarorende/io/formation.hpp"

namespace paarorende::cli {
namespace {

int command_groups(const std::vector<std::string>& args) {
  std::optional<std::string> file;
  std::optional<double> seed;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--seed") {
      if (i + 1 == args.size()) throw UsageError{"--seed needs a value"};
      seed = parse_number(args[++i], "--seed");
      if (*seed < 0 || *seed > 9007199254740991.0) {
        detail::raise_input_error("--seed", "expected a whole number from 0 to 2^53 - 1");
      }
    } else if (!file && (args[i].empty() || args[i][0] != '-')) {
      file = args[i];
    } else {
      throw UsageError{"groups takes one WAITLIST.json and optionally --seed N, got " + args[i]};
    }
  }
  if (!file) throw UsageError{"groups needs a WAITLIST.json"};
  FormationRequest request = load_waitlist(*file);
  if (seed) request.formation.seed = static_cast<std::uint64_t>(*seed);
  const FormationResult result = form_groups(request);
  print(to_json(result, request.waitlist.id));
  // A locked group is kept as it is; one that breaks a hard rule is a finding.
  for (const FormedGroup& group : result.groups) {
    for (const GroupViolation& violation : group.violations) {
      if (violation.severity == Severity::error) return exit_findings;
    }
  }
  return exit_ok;
}

}  // namespace

std::vector<Command> formation_commands() {
  return {{"groups", "groups WAITLIST.json [--seed N]",
           "forms groups and venues from a waitlist (G1-G9, C8): the groups with the rules\n"
           "they satisfy and their scores, the households left out with reasons, the objective",
           command_groups}};
}

}  // namespace paarorende::cli
