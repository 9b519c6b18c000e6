// Commands for the course formats and the offers beside the parents' course: formats, format,
// season, roster, family-week, parallel, regions, region (DOMAIN C1-C11, G9, P1, P2, V1-V4, X5).
#include <filesystem>
#include <fstream>

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

namespace paarorende::cli {
namespace {

// "FILE [--ics OUT]": the input file and the optional calendar file.
struct FileAndCalendar {
  std::string file;
  std::string ics;
};

FileAndCalendar file_and_calendar(const std::vector<std::string>& args, const char* command) {
  FileAndCalendar result;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--ics") {
      if (i + 1 == args.size()) throw UsageError{"--ics needs a file name"};
      result.ics = args[++i];
    } else if (result.file.empty() && !args[i].starts_with("--")) {
      result.file = args[i];
    } else {
      throw UsageError{"unexpected argument " + detail::quote_input(args[i])};
    }
  }
  if (result.file.empty()) throw UsageError{std::string(command) + " needs a request file"};
  return result;
}

// Written whole or not at all: a temporary file renamed into place (as `plan --ics`).
void write_calendar(const std::string& file, const std::string& ical) {
  const std::string temporary = file + ".tmp";
  std::ofstream out(temporary, std::ios::binary);
  std::error_code renamed;
  if (!out || !(out << ical) || !out.flush() ||
      (out.close(), std::filesystem::rename(temporary, file, renamed), renamed)) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    detail::raise_input_error(file, "cannot write the iCalendar file");
  }
}

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

int command_season(const std::vector<std::string>& args) {
  const auto [file, ics] = file_and_calendar(args, "season");
  const SeasonRequest request = load_season_request(file);
  const Season season = located(file, [&] { return plan_season(request); });
  if (!ics.empty()) write_calendar(ics, to_ical(season));
  print(to_json(season));
  return has_errors(season.findings) ? exit_findings : exit_ok;
}

int command_roster(const std::vector<std::string>& args) {
  return run_document("roster", single_file(args, "roster"));
}

int command_family_week(const std::vector<std::string>& args) {
  const auto [file, ics] = file_and_calendar(args, "family-week");
  const FamilyWeekRequest request = load_family_week_request(file);
  const FamilyWeekPlan plan = located(file, [&] { return plan_family_week(request); });
  if (!ics.empty()) write_calendar(ics, to_ical(plan));
  print(to_json(plan));
  return has_errors(plan.findings) ? exit_findings : exit_ok;
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
      {"season", "season REQUEST.json [--ics FILE]",
       "plan a meeting-place season with its volunteer roster\n(DOMAIN V4, X5); exit 1 on a shortfall",
       command_season},
      {"roster", "roster ROSTER.json",
       "check a volunteer roster: shortfalls per meeting and\nlapsed police certificates (DOMAIN X5)",
       command_roster},
      {"family-week", "family-week REQUEST.json [--ics FILE]",
       "plan a 5-day family course day by day (DOMAIN P2)", command_family_week},
      {"parallel", "parallel OFFER.json",
       "check the children's and siblings' offer beside a course\n(DOMAIN P1, X5)", command_parallel},
      {"regions", "regions", "the built-in regions (Valdres) as JSON (DOMAIN V1, V3)", command_regions},
      {"region", "region REGION.json", "check a region: contacts per unit (DOMAIN V3)", command_region},
  };
}

}  // namespace paarorende::cli
