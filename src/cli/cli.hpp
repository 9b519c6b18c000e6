// The paarorende command line, as a library: the `paarorende` program (main.cpp) and
// `python -m paarorende` (bindings/python/src/register_cli.cpp) run the same commands.
//
// Each area keeps its commands in its own commands_<area>.cpp, returns them from
// <area>_commands(), and all_commands() in cli.cpp lists the areas. The help text is made
// from that table. Output is JSON on stdout; bad input gives exit status 2 and one line on
// stderr saying where and what (and which DOMAIN rule), with nothing on stdout.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "paarorende/io/json.hpp"
#include "paarorende/language.hpp"

namespace paarorende::cli {

constexpr int exit_ok = 0;
constexpr int exit_findings = 1;  // the input breaks a rule (validate, check, ...)
constexpr int exit_bad_input = 2;
constexpr int exit_internal_error = 3;

// A command used wrongly (missing or unexpected arguments): exit status 2, like bad input.
struct UsageError {
  std::string message;
};

struct Command {
  std::string_view name;
  std::string_view synopsis;  // "plan REQUEST.json [--ics FILE]"
  std::string_view summary;   // what it prints; lines separated by '\n'
  int (*run)(const std::vector<std::string>& args);
};

// Writes the document to stdout, indented; throws InputError when stdout cannot be written.
void print(const Json& document);
// The one file argument of a command that takes exactly one.
std::string single_file(const std::vector<std::string>& args, const char* command);
// "FILE [--ics OUT] [--lang nb|nn|en]": a plan command's input file, the optional iCalendar file
// it writes, and the language that stands for the document's "language" (issue #23).
struct FileAndCalendar {
  std::string file;
  std::string ics;
  std::optional<Language> language = {};
};
FileAndCalendar file_and_calendar(const std::vector<std::string>& args, const char* command);
// Writes an iCalendar file whole or not at all: a temporary file renamed into place, so a failed
// write never leaves a truncated calendar behind.
void write_calendar(const std::string& file, const std::string& ical);
// A whole decimal number from a command-line option; InputError naming the option otherwise.
double parse_number(const std::string& text, const char* option);

/// Checks, before anything is computed or written, that `path` can be an output file: its folder
/// exists and it is not a folder itself. A command with several outputs checks them all first,
/// so that one that cannot be written stops the command with nothing written (exit 2).
void check_output_file(const std::string& path);
/// As check_output_file for an output folder: it is a folder, or does not exist yet.
void check_output_folder(const std::string& path);

// The commands of each area.
std::vector<Command> course_commands();  // commands_course.cpp: holidays, plan, validate, closed, topics
std::vector<Command> group_commands();   // commands_group.cpp: check, attendance, fit, enrol
std::vector<Command> evaluation_commands();  // commands_evaluation.cpp: evaluate
std::vector<Command> formats_commands();  // commands_formats.cpp: formats, season, family-week, ...
std::vector<Command> formation_commands();  // commands_formation.cpp: groups
std::vector<Command> programme_commands();  // commands_programme.cpp: programme
std::vector<Command> followup_commands();  // commands_followup.cpp: followup
std::vector<Command> table_commands();  // commands_table.cpp: suppress
std::vector<Command> spreadsheet_commands();  // commands_spreadsheets.cpp: template
std::vector<Command> document_commands();  // commands_documents.cpp: documents, read

// Reads `file` as a document of `type` (io/registry.hpp), prints what the registry's operation
// on it computes and returns exit_findings when that holds an error finding.
int run_document(std::string_view type, const std::string& file);

// Every command, in the order the help lists them.
std::vector<Command> all_commands();
std::string usage();

// Runs one command line (without the program name) and returns the exit status. Never throws.
int run(const std::vector<std::string>& args);

}  // namespace paarorende::cli
