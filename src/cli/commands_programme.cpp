// The season's programme: every offer planned together (DOMAIN C1-C12, G9, P1-P3, V4, V5, X5).
#include <filesystem>
#include <fstream>
#include <optional>

#include "cli.hpp"
#include "detail/input_error.hpp"
#include "detail/text.hpp"
#include "paarorende/io/programme.hpp"
#include "paarorende/paarorende.hpp"

namespace paarorende::cli {
namespace {

// Writes a text file whole or not at all (a temporary file renamed into place).
void write_programme_file(const std::string& file, const std::string& text, const char* what) {
  const std::string temporary = file + ".tmp";
  std::ofstream out(temporary, std::ios::binary);
  std::error_code renamed;
  if (!out || !(out << text) || !out.flush() ||
      (out.close(), std::filesystem::rename(temporary, file, renamed), renamed)) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    detail::raise_input_error(file, std::string("cannot write the ") + what);
  }
}

int command_programme(const std::vector<std::string>& args) {
  std::optional<std::string> file, ics_dir, html, xlsx;
  std::optional<Language> language;  // stands for the document's "language"
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--ics-dir" || arg == "--html" || arg == "--xlsx" || arg == "--lang") {
      if (i + 1 == args.size()) throw UsageError{arg + " needs a value"};
      const std::string& value = args[++i];
      if (arg == "--lang") {
        const auto parsed = language_from_string(value);
        if (!parsed) detail::raise_input_error("--lang", "expected nb, nn or en, got " + detail::quote_input(value));
        language = *parsed;
      } else {
        (arg == "--ics-dir" ? ics_dir : arg == "--html" ? html : xlsx) = value;
      }
    } else if (!file && (arg.empty() || arg[0] != '-')) {
      file = arg;
    } else {
      throw UsageError{"unexpected argument " + detail::quote_input(arg)};
    }
  }
  if (!file) throw UsageError{"programme needs a PROGRAMME.json"};
  // Every output checked first: one that cannot be written stops the command with nothing written.
  if (ics_dir) check_output_folder(*ics_dir);
  if (html) check_output_file(*html);
  if (xlsx) check_output_file(*xlsx);
  const Programme programme = load_programme(*file, language);
  const ProgrammePlan plan = plan_programme(programme);
  if (ics_dir) {
    std::error_code error;
    std::filesystem::create_directories(*ics_dir, error);
    if (error) detail::raise_input_error(*ics_dir, "cannot create the folder");
    for (const auto& [name, text] : programme_calendars(plan, {}, programme.language)) {
      write_calendar((std::filesystem::path(*ics_dir) / name).string(), text);
    }
  }
  if (html) write_programme_file(*html, programme_html(plan, programme.language), "HTML file");
  if (xlsx) write_workbook(programme_workbook(plan, programme.language), *xlsx);
  print(to_json(plan));
  // DOMAIN C1-C12, V4, X5: a season that cannot be held whole is a finding.
  return plan.feasible() ? exit_ok : exit_findings;
}

}  // namespace

std::vector<Command> programme_commands() {
  return {{"programme",
           "programme PROGRAMME.json [--ics-dir DIR] [--html FILE] [--xlsx FILE] [--lang nb|nn|en]",
           "plans a season's offers together: no presenter, volunteer or venue booked\n"
           "twice, each offer's rules and each person's weekly limit kept; the fewest\n"
           "sessions moved, then the latest starts. The sessions, unused dates with\n"
           "their reasons, the load and the costs (C12) as JSON; exit status 1 with the\n"
           "fewest sessions dropped when the season cannot be held whole; --ics-dir one\n"
           "calendar per offer, presenter and venue, --html an overview, --xlsx a workbook",
           command_programme}};
}

}  // namespace paarorende::cli
