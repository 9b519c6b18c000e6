// Forming groups from a waitlist: groups (DOMAIN G1-G9, C8, V1).
#include <filesystem>
#include <fstream>
#include <optional>
#include <unistd.h>

#include "cli.hpp"
#include "detail/input_error.hpp"
#include "paarorende/paarorende.hpp"
#include "paarorende/io/formation.hpp"
#include "paarorende/io/group.hpp"
#include "paarorende/io/ical.hpp"
#include "paarorende/io/schedule.hpp"
#include "paarorende/io/workbook.hpp"

namespace paarorende::cli {
namespace {

// One file of --out-dir: its name and its text.
struct OutFile {
  std::string name;
  std::string text;
};

// DOMAIN C3, C8: each formed group as a group document with its places, and its course planned
// from the template `course` (first date, cadence, presenters, school calendar), as JSON and
// iCalendar. All in memory first: a plan that cannot be made stops the command before a file is
// written.
std::vector<OutFile> plans_of(const FormationRequest& request, const FormationResult& result,
                              const std::string& course_file) {
  const CourseRequest course = load_course_request(course_file);
  std::vector<OutFile> files;
  for (const GroupDocument& group : group_documents(request, result)) {
    CourseRequest planned = course;
    planned.title = course.title + " (" + group.group.id + ")";
    planned.venue = {};  // the group's venue, not the template's
    CourseSchedule schedule;
    try {
      schedule = plan_course(course_for_group(planned, group));
    } catch (const ImpossibleRequest& error) {
      throw ImpossibleRequest(error.rule(), "group " + group.group.id + ": " + error.message(), error.where());
    } catch (const InputError& error) {
      throw InputError(error.rule(), "group " + group.group.id + ": " + error.message(), error.where());
    }
    files.push_back({group.group.id + ".group.json", to_json(group).dump(2) + "\n"});
    files.push_back({group.group.id + ".plan.json", to_json(schedule).dump(2) + "\n"});
    files.push_back({group.group.id + ".ics", to_ical(schedule)});
  }
  return files;
}

// Writes every file into `dir` or none: first into a fresh folder beside it, then renamed into
// place (the folder itself when `dir` does not exist yet).
void write_all(const std::filesystem::path& dir, const std::vector<OutFile>& files) {
  namespace fs = std::filesystem;
  const fs::path staging = dir.string() + ".tmp-" + std::to_string(::getpid());
  std::error_code error;
  auto fail = [&](const std::string& what) {
    std::error_code ignored;
    fs::remove_all(staging, ignored);
    detail::raise_input_error(dir.string(), what);
  };
  if (fs::exists(dir, error) && !fs::is_directory(dir, error)) fail("--out-dir is not a folder");
  fs::create_directories(staging, error);
  if (error) fail("cannot create the folder");
  for (const OutFile& file : files) {
    std::ofstream out(staging / file.name, std::ios::binary);
    if (!out || !(out << file.text) || !out.flush()) fail("cannot write " + file.name);
  }
  if (!fs::exists(dir, error)) {
    fs::rename(staging, dir, error);
    if (error) fail("cannot create the folder");
    return;
  }
  for (const OutFile& file : files) {
    fs::rename(staging / file.name, dir / file.name, error);
    if (error) fail("cannot write " + file.name);
  }
  fs::remove_all(staging, error);
}

int command_groups(const std::vector<std::string>& args) {
  std::optional<std::string> file, plans, out_dir, xlsx, base;
  std::optional<double> seed;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--plans" || args[i] == "--out-dir" || args[i] == "--xlsx" || args[i] == "--base") {
      if (i + 1 == args.size()) throw UsageError{args[i] + " needs a value"};
      (args[i] == "--plans" ? plans : args[i] == "--xlsx" ? xlsx : args[i] == "--base" ? base : out_dir) = args[i + 1];
      ++i;
    } else if (args[i] == "--seed") {
      if (i + 1 == args.size()) throw UsageError{"--seed needs a value"};
      seed = parse_number(args[++i], "--seed");
      if (*seed < 0 || *seed > 9007199254740991.0) {
        detail::raise_input_error("--seed", "expected a whole number from 0 to 2^53 - 1");
      }
    } else if (!file && (args[i].empty() || args[i][0] != '-')) {
      file = args[i];
    } else {
      throw UsageError{"groups takes one WAITLIST (.json, .xlsx, .csv) and optionally --base WAITLIST.json, --seed N, "
                       "--xlsx FILE, --plans COURSE.json --out-dir DIR, got " + args[i]};
    }
  }
  if (!file) throw UsageError{"groups needs a WAITLIST (.json, .xlsx or .csv)"};
  if (plans.has_value() != out_dir.has_value()) throw UsageError{"--plans and --out-dir go together"};
  // Every output checked before anything is written: one that cannot be stops the command whole.
  if (xlsx) check_output_file(*xlsx);
  if (out_dir) check_output_folder(*out_dir);
  FormationRequest request = load_waitlist(*file, base.value_or(""));
  if (seed) request.formation.seed = static_cast<std::uint64_t>(*seed);
  const FormationResult result = form_groups(request);
  // The plans are made (and can fail) before anything is written; then the files, then stdout.
  std::vector<OutFile> plan_files;
  if (plans) plan_files = plans_of(request, result, *plans);
  if (xlsx) write_workbook(to_workbook(result, request.waitlist.id), *xlsx);
  if (plans) write_all(*out_dir, plan_files);
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
  return {{"groups",
           "groups WAITLIST.json|.xlsx|.csv [--base WAITLIST.json] [--seed N] [--xlsx FILE] "
           "[--plans COURSE.json --out-dir DIR]",
           "forms groups and venues from a waitlist (G1-G9, C8): the groups with the rules\n"
           "they satisfy and their scores, the households left out with reasons, the objective;\n"
           "a workbook (paarorende template waitlist) or a CSV of households, over the\n"
           "places and settings of --base (a CSV needs one); --xlsx writes the tables as a\n"
           "workbook; with --plans, each group's document and course plan (JSON, iCalendar)\n"
           "in DIR, planned from COURSE.json with every household's pickup (C3)",
           command_groups}};
}

}  // namespace paarorende::cli
