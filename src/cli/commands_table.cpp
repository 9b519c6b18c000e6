// The table commands: suppress a table of counts across municipalities (DOMAIN X4, V1) and write
// its published forms.
#include <filesystem>
#include <optional>

#include "cli.hpp"
#include "detail/input_error.hpp"
#include "detail/text.hpp"
#include "paarorende/evaluation.hpp"
#include "paarorende/io/region.hpp"
#include "paarorende/io/region_report.hpp"
#include "paarorende/io/table.hpp"
#include "paarorende/table.hpp"

namespace paarorende::cli {
namespace {

// The published forms both table commands write: --html FILE, --csv DIR, --lang nb|nn|en.
struct PublishedForms {
  std::optional<std::string> html_file, csv_dir;
  Language language = Language::nb;
  bool language_given = false;

  // Whether `option` is one of them (its value read).
  bool read(const std::string& option, const std::string& value) {
    if (option == "--html") {
      html_file = value;
    } else if (option == "--csv") {
      csv_dir = value;
    } else if (option == "--lang") {
      const auto parsed = language_from_string(value);
      if (!parsed) detail::raise_input_error("--lang", "expected nb, nn or en, got " + detail::quote_input(value));
      language = *parsed;
      language_given = true;
    } else {
      return false;
    }
    return true;
  }
};

int command_suppress(const std::vector<std::string>& args) {
  std::optional<std::string> table_file;
  PublishedForms forms;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.rfind("--", 0) == 0) {
      if (i + 1 == args.size()) throw UsageError{arg + " needs a value"};
      if (!forms.read(arg, args[++i])) throw UsageError{"unexpected option " + detail::quote_input(arg)};
      continue;
    }
    if (table_file) throw UsageError{"unexpected argument " + detail::quote_input(arg)};
    table_file = arg;
  }
  if (!table_file) throw UsageError{"suppress needs a table file"};
  const Table table = load_table(*table_file);
  const SuppressionResult result = suppress(table);
  // The published forms first: a failure to write them leaves stdout empty.
  if (forms.html_file) write_text_file(*forms.html_file, table_html(result, forms.language));
  if (forms.csv_dir) {
    std::error_code ignored;
    std::filesystem::create_directories(*forms.csv_dir, ignored);
    write_text_file(std::filesystem::path(*forms.csv_dir) / "table.csv", table_csv(result));
  }
  print(to_json(result));
  return exit_ok;
}

// DOMAIN V1, X4: the region's tables from its municipalities' course folders, suppressed together.
int command_region_report(const std::vector<std::string>& args) {
  std::optional<std::string> dir, region;
  PublishedForms forms;
  RegionReportOptions options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.rfind("--", 0) == 0) {
      if (i + 1 == args.size()) throw UsageError{arg + " needs a value"};
      const std::string& value = args[++i];
      if (forms.read(arg, value)) {
        continue;
      } else if (arg == "--region") {
        region = value;
      } else if (arg == "--threshold") {
        const double number = parse_number(value, "--threshold");
        if (number < 3 || number > 1000 || number != static_cast<int>(number)) {
          detail::raise_input_error("--threshold", "expected a whole number from 3 to 1000, got " + detail::quote_input(value),
                                    detail::Rule{"X4"});
        }
        options.threshold = static_cast<int>(number);
      } else {
        throw UsageError{"unexpected option " + detail::quote_input(arg)};
      }
      continue;
    }
    if (dir) throw UsageError{"unexpected argument " + detail::quote_input(arg)};
    dir = arg;
  }
  if (!dir) throw UsageError{"region-report needs a folder of municipalities' course folders"};
  if (region) options.region = region_from_reference(Json(*region), "--region", std::filesystem::current_path());
  // Everything is read and protected before anything is written.
  const RegionReport report = region_report(load_region_courses(*dir), options);
  const Json document = to_json(report);
  // Without --lang, the region's own written standard when its municipalities share one (issue #23).
  Language language = forms.language;
  if (!forms.language_given && options.region) language = shared_written_standard(*options.region).value_or(language);
  if (forms.html_file) write_text_file(*forms.html_file, region_report_html(report, language));
  if (forms.csv_dir) {
    std::error_code ignored;
    std::filesystem::create_directories(*forms.csv_dir, ignored);
    for (const auto& [name, text] : region_report_csv(report)) {
      write_text_file(std::filesystem::path(*forms.csv_dir) / name, text);
    }
  }
  print(document);
  return exit_ok;
}

}  // namespace

std::vector<Command> table_commands() {
  return {
      {"suppress", "suppress TABLE.json [--html FILE] [--csv DIR] [--lang nb|nn|en]",
       "the table with its margins and group totals, counts of 1 to\nthreshold - 1 hidden and "
       "enough others that none can be narrowed\nto fewer than threshold values (DOMAIN X4), with "
       "the audit;\n--html and --csv write the published forms (DIR/table.csv)",
       command_suppress},
      {"region-report",
       "region-report DIR [--region ID|FILE] [--threshold N] [--html FILE] [--csv DIR] [--lang nb|nn|en]",
       "the region's figures per municipality and half-year from DIR/<municipality>/\n[<course>/]course.json "
       "(with attendance.json, evaluation.csv): courses\nheld, households, attendance and evaluation, protected "
       "together\n(DOMAIN V1, X4); --html and --csv write the published forms",
       command_region_report},
  };
}

}  // namespace paarorende::cli
