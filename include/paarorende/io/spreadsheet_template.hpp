// Empty workbooks to fill in (`paarorende template waitlist|attendance|group FILE.xlsx`): the
// sheets and columns the spreadsheet readers take (io/table_rows.hpp, io/attendance.hpp), the
// allowed values as drop-down lists and range checks, a prompt on every column, and a sheet of
// instructions in bokmål, nynorsk or English. Filled in, a template reads back as the document
// of its kind: `groups`, `check` and `fit` read it as they read JSON.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "paarorende/evaluation.hpp"
#include "paarorende/io/workbook.hpp"

namespace paarorende {

enum class TemplateKind {
  waitlist,    ///< households, places, travel_times, settings (a waitlist document).
  attendance,  ///< records (attendance records, DOMAIN G5).
  group,       ///< households, places, travel_times, settings (a group document).
};

std::string_view to_string(TemplateKind kind) noexcept;
/// "waitlist", "attendance" or "group"; std::nullopt otherwise.
std::optional<TemplateKind> template_kind_from_string(std::string_view text) noexcept;

/// Rows a template's checks and drop-down lists cover below the header.
inline constexpr std::size_t template_rows = 500;

/// The template of `kind` with its instructions in `language`: the data sheets first (the sheet
/// a reader takes when it reads the first one), the instructions last. Every column and setting
/// is explained in every language; a text missing from a language's table is a logic_error, never
/// a text in another language.
Workbook spreadsheet_template(TemplateKind kind, Language language);

/// The instructions sheet's name in each language ("Veiledning", "Rettleiing", "Instructions"):
/// the one sheet besides the data sheets the readers pass over.
std::vector<std::string> instruction_sheet_names();

}  // namespace paarorende
