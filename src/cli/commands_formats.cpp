// Commands for the course formats and the offers beside the parents' course: formats, format,
// season, roster, family-week, parallel, regions, region (DOMAIN C1-C11, G9, P1, P2, V1-V4, X5).
#include <filesystem>
#include <fstream>
#include <optional>

#include "cli.hpp"
#include "detail/input_error.hpp"
#include "paarorende/paarorende.hpp"
#include "detail/text.hpp"
#include "paarorende/family_week.hpp"
#include "paarorende/format.hpp"
#include "paarorende/meeting_place.hpp"
#include "paarorende/parallel_offer.hpp"
#include "paarorende/region.hpp"
#include "paarorende/roster.hpp"
#include "paarorende/scores.hpp"
#include "paarorende/treffpunkt.hpp"
#include "paarorende/io/treffpunkt.hpp"

namespace paarorende::cli {
namespace {

// Runs a planner; an impossible request is located in its file like any other input error.
template <class Plan>
auto located(const std::string& file, Plan&& plan) -> decltype(plan()) {
  try {
    return plan();
  } catch (const ImpossibleRequest& error) {
    throw ImpossibleRequest(error.rule(), error.message(), located_in_file(file, error.where()));
  } catch (const InputError& error) {
    if (error.where().rfind(file + ":", 0) == 0) throw;
    throw InputError(error.rule(), error.message(), located_in_file(file, error.where()));
  }
}

int command_formats(const std::vector<std::string>& args) {
  if (!args.empty()) throw UsageError{"formats takes no arguments"};
  print(to_json(builtin_formats()));
  return exit_ok;
}

int command_format(const std::vector<std::string>& args) {
  print(to_json(load_format(single_file(args, "format"))));
  return exit_ok;
}

// Loads a request, plans it, writes the plan's calendar when --ics asks and prints the plan; exit
// status 1 when a finding is an error.
template <class Load, class Plan>
int plan_and_print(const std::vector<std::string>& args, const char* command, Load load, Plan plan) {
  const auto [file, ics, language] = file_and_calendar(args, command);
  const auto request = load(file, language);
  const auto planned = located(file, [&] { return plan(request); });
  if (!ics.empty()) write_calendar(ics, to_ical(planned));
  print(to_json(planned));
  return has_errors(planned.findings) ? exit_findings : exit_ok;
}

// The volunteers' working plan, or with --public the plan to publish (DOMAIN X4): no band with a
// count of 1 to N - 1. Either is in the request's "language", or --lang's.
int command_season(const std::vector<std::string>& args) {
  bool public_plan_asked = false;
  std::optional<int> threshold;
  std::vector<std::string> rest;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--public") {
      public_plan_asked = true;
    } else if (args[i] == "--threshold") {
      if (i + 1 == args.size()) throw UsageError{args[i] + " needs a value"};
      const std::string& value = args[++i];
      const double number = parse_number(value, "--threshold");
      if (number != static_cast<int>(number)) {
        detail::raise_input_error("--threshold", "expected a whole number of children, got " + detail::quote_input(value), detail::Rule{"X4"});
      }
      try {
        threshold = checked_threshold(static_cast<int>(number));
      } catch (const InputError& error) {
        throw InputError(error.rule(), error.message(), "--threshold");
      }
    } else {
      rest.push_back(args[i]);
    }
  }
  if (!public_plan_asked) {
    if (threshold) throw UsageError{"--threshold goes with --public"};
    return plan_and_print(rest, "season", load_season_request, plan_season);
  }
  const auto [file, ics, language] = file_and_calendar(rest, "season");
  if (!ics.empty()) check_output_file(ics);
  const SeasonRequest request = load_season_request(file, language);
  const Season season = located(file, [&] { return plan_season(request); });
  const PublicSeason plan = public_plan(season, threshold.value_or(default_suppression_threshold));
  if (!ics.empty()) write_calendar(ics, to_ical(plan, request.language));
  print(to_json(plan, request.language));
  return exit_ok;
}

int command_enrolments(const std::vector<std::string>& args) {
  return run_document("enrolments", single_file(args, "enrolments"));
}

// The children's attendance per meeting (DOMAIN E2 for the children, X4), --threshold N as evaluate's.
int command_children_attendance(const std::vector<std::string>& args) {
  std::optional<std::string> file;
  ScoreOptions options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--threshold") {
      if (i + 1 == args.size()) throw UsageError{"--threshold needs a value"};
      const double number = parse_number(args[++i], "--threshold");
      if (number != static_cast<int>(number)) {
        detail::raise_input_error("--threshold", "expected a whole number of children, got " + detail::quote_input(args[i]), detail::Rule{"X4"});
      }
      try {
        options.threshold = checked_threshold(static_cast<int>(number));
      } catch (const InputError& error) {
        throw InputError(error.rule(), error.message(), "--threshold");
      }
    } else if (!file && !args[i].starts_with("--")) {
      file = args[i];
    } else {
      throw UsageError{"unexpected argument " + detail::quote_input(args[i])};
    }
  }
  if (!file) throw UsageError{"children-attendance needs an attendance file"};
  const ChildrenAttendance attendance = load_children_attendance(*file);
  print(children_attendance_scores_json(located(*file, [&] { return score_children_attendance(attendance, options); })));
  return exit_ok;
}

int command_roster(const std::vector<std::string>& args) {
  return run_document("roster", single_file(args, "roster"));
}

int command_family_week(const std::vector<std::string>& args) {
  return plan_and_print(args, "family-week", load_family_week_request, plan_family_week);
}

int command_parallel(const std::vector<std::string>& args) {
  return run_document("parallel-offer", single_file(args, "parallel"));
}

int command_regions(const std::vector<std::string>& args) {
  if (!args.empty()) throw UsageError{"regions takes no arguments"};
  Json regions = Json::array();
  for (const auto& region : builtin_regions()) regions.push_back(to_json(region));
  print(Json{{"regions", regions}});
  return exit_ok;
}

int command_region(const std::vector<std::string>& args) {
  return run_document("region", single_file(args, "region"));
}

}  // namespace

std::vector<Command> formats_commands() {
  return {
      {"formats", "formats", "the built-in course formats, defaults and rules, as JSON",
       command_formats},
      {"format", "format FORMAT.json",
       "a municipality's format based on a built-in one, resolved", command_format},
      {"season", "season REQUEST.json [--ics FILE] [--lang nb|nn|en] [--public [--threshold N]]",
       "plan a meeting-place season with its volunteer roster\n(DOMAIN V4, X5); exit 1 on a shortfall; --public: the plan to\npublish, no band with 1 to N - 1 (4) children (X4)",
       command_season},
      {"enrolments", "enrolments ENROLMENTS.json",
       "check a meeting place's enrolments: pseudonymous ids, a\nguardian's dated consent, who collects each child, codes\nfrom fixed lists (DOMAIN V4, X4, X5); the ages for a season",
       command_enrolments},
      {"children-attendance", "children-attendance ATTENDANCE.json [--threshold N]",
       "the children's attendance per meeting and by meetings\nattended, figures from fewer than N (5) children\nsuppressed (DOMAIN X4)",
       command_children_attendance},
      {"roster", "roster ROSTER.json",
       "check a volunteer roster: shortfalls per meeting and\nlapsed police certificates (DOMAIN X5)",
       command_roster},
      {"family-week", "family-week REQUEST.json [--ics FILE] [--lang nb|nn|en]",
       "plan a 5-day family course day by day (DOMAIN P2)", command_family_week},
      {"parallel", "parallel OFFER.json",
       "check the children's and siblings' offer beside a course\n(DOMAIN P1, X5)", command_parallel},
      {"regions", "regions", "the built-in regions (Valdres) as JSON (DOMAIN V1, V3)", command_regions},
      {"region", "region REGION.json", "check a region: contacts per unit (DOMAIN V3)", command_region},
  };
}

}  // namespace paarorende::cli
