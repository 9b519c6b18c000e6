// The evaluation command: scores a course's written evaluation and its attendance (DOMAIN E1-E3),
// with the figures that would expose individuals suppressed (X4), and optionally writes the HTML
// report; and form-import, which imports an evaluation form from REDCap or XLSForm.
#include <optional>

#include "cli.hpp"
#include "detail/input_error.hpp"
#include "paarorende/paarorende.hpp"
#include "detail/text.hpp"
#include "paarorende/evaluation.hpp"
#include "paarorende/format.hpp"
#include "paarorende/io/evaluation.hpp"
#include "paarorende/io/scores.hpp"
#include "paarorende/io/workbook.hpp"
#include "paarorende/json.hpp"
#include "paarorende/report.hpp"
#include "paarorende/scores.hpp"
#include "paarorende/treffpunkt.hpp"
#include "paarorende/io/treffpunkt.hpp"

namespace paarorende::cli {
namespace {

int command_evaluate(const std::vector<std::string>& args) {
  std::optional<std::string> responses_file, form_file, format_name, html_file, attendance_file, xlsx_file;
  ScoreOptions options;
  ReportOptions report;
  ResponseReadOptions reading;
  bool children = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--children") {
      children = true;  // the children's own evaluation of a meeting place, per age band
      continue;
    }
    if (arg == "--comments") {
      // Free text only when asked for explicitly (DOMAIN X4).
      options.comments = true;
      report.comments = true;
      continue;
    }
    if (arg.rfind("--", 0) == 0) {
      if (i + 1 == args.size()) throw UsageError{arg + " needs a value"};
      const std::string& value = args[++i];
      if (arg == "--form") {
        form_file = value;
      } else if (arg == "--format") {
        format_name = value;
      } else if (arg == "--html") {
        html_file = value;
      } else if (arg == "--xlsx") {
        xlsx_file = value;
      } else if (arg == "--sheet") {
        reading.sheet = value;  // a workbook's sheet by its tab's name; the first without it
      } else if (arg == "--ignore-column") {
        // A column of the survey tool's own to drop unread (DOMAIN X4).
        reading.ignore_columns.push_back(value);
      } else if (arg == "--attendance") {
        attendance_file = value;
      } else if (arg == "--threshold") {
        const double threshold = parse_number(value, "--threshold");
        if (threshold != static_cast<int>(threshold)) {
          detail::raise_input_error("--threshold", "expected a whole number of respondents, got " + detail::quote_input(value), detail::Rule{"X4"});
        }
        try {
          options.threshold = checked_threshold(static_cast<int>(threshold));
        } catch (const InputError& error) {
          throw InputError(error.rule(), error.message(), "--threshold");
        }
      } else if (arg == "--lang") {
        const auto language = language_from_string(value);
        if (!language) detail::raise_input_error("--lang", "expected nb, nn or en, got " + detail::quote_input(value));
        report.language = *language;
      } else {
        throw UsageError{"unexpected option " + detail::quote_input(arg)};
      }
      continue;
    }
    if (responses_file) throw UsageError{"unexpected argument " + detail::quote_input(arg)};
    responses_file = arg;
  }
  if (!responses_file) throw UsageError{"evaluate needs a responses file (.json, .csv or .xlsx)"};
  if (form_file && format_name) throw UsageError{"give --form or --format, not both"};
  if (children) {
    // DOMAIN V1, X4: the built-in children's forms, each age band scored on its own scale.
    if (form_file || format_name || html_file || xlsx_file || attendance_file || !reading.sheet.empty() ||
        !reading.ignore_columns.empty()) {
      throw UsageError{"--children takes --threshold and --comments only"};
    }
    const std::vector<BandResponses> answered = load_children_responses(*responses_file);
    std::vector<BandScores> scored;
    try {
      scored = score_children_evaluation(answered, options);
    } catch (const InputError& error) {
      // A band given twice is found while scoring: located in the file like a reader's error.
      throw InputError(error.rule(), error.message(), located_in_file(*responses_file, error.where()));
    }
    print(to_json(scored));
    return exit_ok;
  }
  // Both outputs checked before anything is written: one that cannot be stops the command whole.
  if (html_file) check_output_file(*html_file);
  if (xlsx_file) check_output_file(*xlsx_file);
  EvaluationForm form = pilot_evaluation_form();
  if (form_file) {
    form = load_evaluation_form(*form_file);
  } else if (format_name) {
    // The format's own evaluation form: a built-in format's id, or a municipality's format file.
    if (const CourseFormat* builtin = find_builtin_format(*format_name)) {
      form = builtin_evaluation_form(builtin->evaluation_form, "--format");
    } else {
      const CourseFormat format = load_format(*format_name);
      form = builtin_evaluation_form(format.evaluation_form, located_in_file(*format_name, "/evaluation_form"));
    }
  }
  const EvaluationResponses responses = load_responses(*responses_file, form, reading);
  EvaluationScores scores = score_evaluation(form, responses, options);
  if (attendance_file) {
    const AttendanceRecords records = load_attendance_records(*attendance_file);
    scores.attendance = score_attendance(records.records, options);
  }
  // Both outputs made (and checked) in memory first, then written, then stdout: a failure leaves
  // stdout empty.
  std::optional<Workbook> workbook;
  if (xlsx_file) {
    workbook = to_workbook(scores, report.language);
    check_workbook(*workbook);
  }
  if (html_file) write_evaluation_report(*html_file, scores, report);  // refused before writing, e.g. a text not in nynorsk
  if (workbook) write_workbook(*workbook, *xlsx_file);
  print(to_json(scores));
  return exit_ok;
}

// Imports a REDCap data dictionary or an XLSForm as an evaluation form (DOMAIN E1;
// io/form_import.hpp): the form and what could not be mapped, and why, on stdout; with --out the
// form document alone in FILE, written whole or not at all. --instrument NAME: the REDCap
// instrument to import, not the first.
int command_form_import(const std::vector<std::string>& args) {
  std::optional<std::string> file, out_file;
  FormImportOptions options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--out") {
      if (i + 1 == args.size()) throw UsageError{"--out needs a file name"};
      out_file = args[++i];
    } else if (args[i] == "--instrument") {
      if (i + 1 == args.size() || args[i + 1].empty()) throw UsageError{"--instrument needs an instrument's name"};
      options.instrument = args[++i];
    } else if (!file && args[i].rfind("--", 0) != 0) {
      file = args[i];
    } else {
      throw UsageError{"unexpected argument " + detail::quote_input(args[i])};
    }
  }
  if (!file) throw UsageError{"form-import needs a REDCap data dictionary (.csv) or an XLSForm (.xlsx)"};
  const FormImport imported = import_form(*file, options);
  // The form file first: a failure to write it leaves stdout empty.
  if (out_file) write_text_file(*out_file, to_json(imported.form).dump(2) + "\n");
  print(to_json(imported));
  return exit_ok;
}

}  // namespace

std::vector<Command> evaluation_commands() {
  return {
      {"evaluate",
       "evaluate RESPONSES.(json|csv|xlsx) [--form FORM.json] [--html FILE] [--xlsx FILE] [--format FORMAT] "
       "[--attendance RECORDS.json] [--ignore-column NAME] [--sheet NAME] "
       "[--threshold N] [--lang nb|nn|en] [--comments] [--children]",
       "the scores of an evaluation per item and course (DOMAIN E1-E3)\nand of attendance (E2), "
       "figures from fewer than N (5) people\nsuppressed (X4); --html writes the report, --xlsx a workbook\nof the tables (hidden cells empty and shaded); the form "
       "is the\npilot's (sandefjord-pilot) unless --form names one or\n"
       "--format a course format (built-in id or file) whose form to use;\n"
       "RESPONSES may be a survey tool's .csv or .xlsx export, its\nidentity columns dropped unread, "
       "--ignore-column NAME another;\n--sheet NAME reads that sheet of a workbook, not its first;\n--children: the children's own evaluation of a meeting place\n(.json or .csv with an age_band column), per age band, never\ncombined (DOMAIN V1, X4)",
       command_evaluate},
      {"form-import", "form-import FILE.(csv|xlsx) [--instrument NAME] [--out FORM.json]",
       "an evaluation form from a REDCap data dictionary (.csv) or an\nXLSForm (.xlsx) (DOMAIN E1), "
       "with the fields it could not map\nand why, and the export's columns to --ignore-column;\n"
       "--instrument NAME imports that REDCap instrument, not the\nfirst; --out writes the form document "
       "alone to FORM.json",
       command_form_import},
  };
}

}  // namespace paarorende::cli
