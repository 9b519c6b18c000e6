// Documents whose items are a table's rows, as coordinators keep them in a spreadsheet: a
// waitlist's households (one row per household, lists in numbered columns) and attendance records
// (one row per household and session). The table is a CSV text read (io/csv.hpp), a sheet
// (io/xlsx.hpp) or, from Python, a pandas DataFrame. Each row is read by the JSON document's own
// reader, so the rules are the same; an error names the row and column of the cell it came from
// ("row 7, column 5 (child_1_grade)"). The layouts are in docs/formation.md ("A waitlist as a
// table") and docs/attendance.md ("Records as a table").
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "paarorende/attendance.hpp"
#include "paarorende/formation.hpp"
#include "paarorende/group.hpp"
#include "paarorende/io/json.hpp"
#include "paarorende/household.hpp"
#include "paarorende/io/csv.hpp"
#include "paarorende/waitlist.hpp"

namespace paarorende {

/// One household per row. Columns: `id` (required), `municipality`, `school`, `care_closes`
/// (HH:MM), `waiting_since` (a date); `caregiver_1`, `caregiver_2` (mother, father,
/// other_guardian); per child N = 1, 2, ...: `child_N_stage`, `child_N_grade`,
/// `child_N_birth_date`, `child_N_age`, `child_N_condition`, `child_N_rare_diagnosis`; per sibling:
/// `sibling_N_age`, `sibling_N_stage`. Headers are compared in lower case, spaces as `_`; an
/// empty cell is a field left out, and a numbered child or sibling whose cells are all empty is
/// not there. An unknown column is an error at the header naming the columns it takes.
std::vector<Household> households_from_table(const CsvTable& table);

/// `base` (its id, places, travel times and limits) with the households of `table`, checked as a
/// waitlist document is (check_waitlist): a household's unknown pickup place is an error at its
/// `school` cell.
Waitlist waitlist_from_table(const CsvTable& table, Waitlist base);

/// One record per row: `household`, `session`, `present` and optionally `caregivers` (2 when
/// left out), checked as an attendance document is (DOMAIN E2, G5).
AttendanceRecords attendance_records_from_table(const CsvTable& table);

// Whole documents from spreadsheets (docs/formation.md, "A waitlist as a workbook"; docs/groups.md):
// a workbook's sheets "households" (the layout above), "places" (id, municipality, latitude,
// longitude, venue), "travel_times" (from, to, minutes) and "settings" (two columns, setting and
// value), found by name in any order; other sheets (instructions) are not read. The sheets make a
// JSON document that the document's own reader reads, so every rule is the same; an error names
// the sheet, row and column of its cell ("sheet "households", row 7, column 5 (child_1_grade)").

/// A waitlist document from a workbook. `base`, when given, is a waitlist document (JSON) whose
/// parts the workbook's sheets replace (its households always; places, travel times and settings
/// when the workbook has those sheets); an error in what comes from it is located in `base_file`.
/// Settings: id, region, target_participants, seed, waiting_as_of, warn_minutes, max_minutes.
/// Without a base, the workbook needs a "places" sheet (DOMAIN C8).
FormationRequest waitlist_from_workbook(std::string_view bytes, const std::filesystem::path& base_dir = {},
                                        const Json* base = nullptr, const std::string& base_file = {});
/// A waitlist's households from CSV over `base`, which gives the rest (places at the least).
FormationRequest waitlist_from_csv(std::string_view text, const std::filesystem::path& base_dir = {},
                                   const Json* base = nullptr, const std::string& base_file = {});
/// A group document from a workbook: its households, and optionally places, travel times and
/// settings (id, format, venue, warn_minutes, max_minutes); its id is `default_id` unless a
/// setting gives one.
GroupDocument group_from_workbook(std::string_view bytes, const std::string& default_id);
/// A group document of the households in CSV, with the default rules, named `default_id`.
GroupDocument group_from_csv(std::string_view text, const std::string& default_id);

}  // namespace paarorende
