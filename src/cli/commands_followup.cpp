// Children and young people as next of kin: the follow-up lists and the region's summary from the
// follow-up register (DOMAIN V2, V3, X4; docs/children-next-of-kin.md).
#include <filesystem>
#include <optional>

#include "cli.hpp"
#include "detail/input_error.hpp"
#include "detail/text.hpp"
#include "paarorende/io/followup.hpp"
#include "paarorende/io/table.hpp"

namespace paarorende::cli {
namespace {

void create_folder(const std::string& folder) {
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) detail::raise_input_error(folder, "cannot create the folder");
}

int command_followup(const std::vector<std::string>& args) {
  std::optional<std::string> file, today_text, ics_dir, summary_dir;
  std::optional<Language> language;
  FollowupOptions options;
  int threshold = 5;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--today" || arg == "--within" || arg == "--ics-dir" || arg == "--summary" || arg == "--lang" ||
        arg == "--threshold") {
      if (i + 1 == args.size()) throw UsageError{arg + " needs a value"};
      const std::string& value = args[++i];
      if (arg == "--today") {
        today_text = value;
      } else if (arg == "--within") {
        const double days = parse_number(value, "--within");
        if (days < 0 || days > 366 || days != static_cast<int>(days)) {
          detail::raise_input_error("--within", "expected a whole number of days from 0 to 366, got " + detail::quote_input(value));
        }
        options.within_days = static_cast<int>(days);
      } else if (arg == "--threshold") {
        const double number = parse_number(value, "--threshold");
        if (number < 3 || number > 1000 || number != static_cast<int>(number)) {
          detail::raise_input_error("--threshold", "expected a whole number from 3 to 1000, got " + detail::quote_input(value),
                                    detail::Rule{"X4"});
        }
        threshold = static_cast<int>(number);
      } else if (arg == "--lang") {
        const auto parsed = language_from_string(value);
        if (!parsed) detail::raise_input_error("--lang", "expected nb, nn or en, got " + detail::quote_input(value));
        language = *parsed;
      } else {
        (arg == "--ics-dir" ? ics_dir : summary_dir) = value;
      }
    } else if (!file && (arg.empty() || arg[0] != '-')) {
      file = arg;
    } else {
      throw UsageError{"unexpected argument " + detail::quote_input(arg)};
    }
  }
  if (!file) throw UsageError{"followup needs a REGISTER.json"};
  if (!today_text) throw UsageError{"followup needs --today YYYY-MM-DD: the day to follow up on"};
  const Date today = detail::under_pointer("--today", [&] { return parse_iso_date(*today_text); });
  // Every output checked first: one that cannot be written stops the command with nothing written.
  if (ics_dir) check_output_folder(*ics_dir);
  if (summary_dir) check_output_folder(*summary_dir);
  const FollowupRegister reg = load_followup_register(*file);
  FollowupLists lists = followup_lists(reg, today, options);
  // Everything is computed before anything is written.
  std::optional<FollowupSummary> summary;
  std::vector<NamedTable> tables;
  if (summary_dir) {
    tables = followup_summary_tables(reg, today, threshold);
    summary = followup_summary(reg, today, threshold);
    if (summary->narrow > 0) {
      // DOMAIN X4: a summary the links leave narrow is not published, nor its tables written.
      lists.findings.push_back({"X4", Severity::error,
                                "the region's summary could not be protected: " + std::to_string(summary->narrow) +
                                    " small figures stay narrower than " + std::to_string(threshold) +
                                    " through the links between its tables; nothing of it was written",
                                std::nullopt});
    }
  }
  const auto reminders = ics_dir ? followup_reminders(reg, lists, language) : decltype(followup_reminders(reg, lists)){};
  if (ics_dir) {
    create_folder(*ics_dir);
    for (const auto& [unit, text] : reminders) write_calendar((std::filesystem::path(*ics_dir) / (unit + ".ics")).string(), text);
  }
  if (summary && summary->narrow == 0) {
    const std::filesystem::path dir(*summary_dir);
    // The table documents hold every count: the input of `suppress`, not for publication. They
    // are kept apart from the published form, in DIR/tables/.
    create_folder((dir / "tables").string());
    for (const auto& [name, document] : followup_summary_documents(tables)) {
      write_text_file(dir / "tables" / name, document.dump(2) + "\n");
    }
    write_text_file(dir / "summary.json", to_json(*summary, reg.region).dump(2) + "\n");
    // Without --lang, the region's own written standard when its municipalities share one.
    const Language summary_language = language.value_or(shared_written_standard(reg.region).value_or(Language::nb));
    write_text_file(dir / "summary.html", followup_summary_html(*summary, reg.region, summary_language));
  }
  print(to_json(lists));
  return summary && summary->narrow > 0 ? exit_findings : exit_ok;
}

}  // namespace

std::vector<Command> followup_commands() {
  return {{"followup",
           "followup REGISTER.json --today DATE [--within DAYS] [--ics-dir DIR] [--summary DIR] [--threshold N] "
           "[--lang nb|nn|en]",
           "children and young people as next of kin (V2, V3, X4): per unit the children\n"
           "whose follow-up is overdue or due within DAYS (14), those without a responsible\n"
           "role, those offered nothing, offers made without a consent, and the units\n"
           "without a contact in the region, as JSON; --ics-dir reminders per unit\n"
           "(DIR/<unit>.ics), --summary the region's published tables, protected with\n"
           "their links (DIR/summary.json, DIR/summary.html; exit status 1 and nothing\n"
           "written if they cannot be) and their unpublished table documents (DIR/tables/)",
           command_followup}};
}

}  // namespace paarorende::cli
