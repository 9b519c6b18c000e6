// Spreadsheets for coordinators: template (an empty workbook to fill in, read back by groups,
// check and fit).
#include "cli.hpp"
#include "detail/input_error.hpp"
#include "detail/text.hpp"
#include "paarorende/io/registry.hpp"
#include "paarorende/io/spreadsheet_template.hpp"
#include "paarorende/io/workbook.hpp"

namespace paarorende::cli {
namespace {

int command_template(const std::vector<std::string>& args) {
  std::optional<TemplateKind> kind;
  std::optional<std::string> file;
  Language language = Language::nb;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--lang") {
      if (i + 1 == args.size()) throw UsageError{"--lang needs a value"};
      const auto parsed = language_from_string(args[++i]);
      if (!parsed) detail::raise_input_error("--lang", "expected nb, nn or en, got " + detail::quote_input(args[i]));
      language = *parsed;
    } else if (!kind && !args[i].empty() && args[i][0] != '-') {
      kind = template_kind_from_string(args[i]);
      if (!kind) {
        detail::raise_input_error("template", "expected waitlist, attendance or group, got " + detail::quote_input(args[i]));
      }
    } else if (!file && !args[i].empty() && args[i][0] != '-') {
      file = args[i];
    } else {
      throw UsageError{"template takes waitlist|attendance|group, FILE.xlsx and optionally --lang nb|nn|en, got " + args[i]};
    }
  }
  if (!kind || !file) throw UsageError{"template needs waitlist|attendance|group and FILE.xlsx"};
  if (document_format_of(*file) != DocumentFormat::xlsx) {
    detail::raise_input_error(*file, "a template is a workbook: name the file FILE.xlsx");
  }
  write_workbook(spreadsheet_template(*kind, language), *file);
  print(Json{{"template", std::string(to_string(*kind))}, {"language", std::string(to_string(language))}, {"file", *file}});
  return exit_ok;
}

}  // namespace

std::vector<Command> spreadsheet_commands() {
  return {{"template", "template waitlist|attendance|group FILE.xlsx [--lang nb|nn|en]",
           "an empty workbook to fill in: the columns groups, check and fit read,\n"
           "the allowed values as drop-down lists, and a sheet of instructions",
           command_template}};
}

}  // namespace paarorende::cli
