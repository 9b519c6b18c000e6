// The table commands: suppress a table of counts across municipalities (DOMAIN X4, V1) and write
// its published forms.
#include <filesystem>
#include <optional>

#include "cli.hpp"
#include "detail/input_error.hpp"
#include "detail/text.hpp"
#include "paarorende/evaluation.hpp"
#include "paarorende/io/table.hpp"
#include "paarorende/table.hpp"

namespace paarorende::cli {
namespace {

int command_suppress(const std::vector<std::string>& args) {
  std::optional<std::string> table_file, html_file, csv_dir;
  Language language = Language::nb;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.rfind("--", 0) == 0) {
      if (i + 1 == args.size()) throw UsageError{arg + " needs a value"};
      const std::string& value = args[++i];
      if (arg == "--html") {
        html_file = value;
      } else if (arg == "--csv") {
        csv_dir = value;
      } else if (arg == "--lang") {
        const auto parsed = language_from_string(value);
        if (!parsed) detail::raise_input_error("--lang", "expected nb or en, got " + detail::quote_input(value));
        language = *parsed;
      } else {
        throw UsageError{"unexpected option " + detail::quote_input(arg)};
      }
      continue;
    }
    if (table_file) throw UsageError{"unexpected argument " + detail::quote_input(arg)};
    table_file = arg;
  }
  if (!table_file) throw UsageError{"suppress needs a table file"};
  const Table table = load_table(*table_file);
  const SuppressionResult result = suppress(table);
  // The published forms first: a failure to write them leaves stdout empty.
  if (html_file) write_text_file(*html_file, table_html(result, language));
  if (csv_dir) {
    std::error_code ignored;
    std::filesystem::create_directories(*csv_dir, ignored);
    write_text_file(std::filesystem::path(*csv_dir) / "table.csv", table_csv(result));
  }
  print(to_json(result));
  return exit_ok;
}

}  // namespace

std::vector<Command> table_commands() {
  return {
      {"suppress", "suppress TABLE.json [--html FILE] [--csv DIR] [--lang nb|en]",
       "the table with its margins and group totals, counts of 1 to\nthreshold - 1 hidden and "
       "enough others that none can be narrowed\nto fewer than threshold values (DOMAIN X4), with "
       "the audit;\n--html and --csv write the published forms (DIR/table.csv)",
       command_suppress},
  };
}

}  // namespace paarorende::cli
