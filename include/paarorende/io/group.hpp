// Group documents, households and group rules as JSON (docs/groups.md, docs/schemas/group.schema.json).
#pragma once

#include <filesystem>
#include <string>

#include "paarorende/group.hpp"
#include "paarorende/io/attendance.hpp"
#include "paarorende/io/json.hpp"

namespace paarorende {

GroupDocument group_from_json(const Json& document);
/// A group document from a file: JSON, or a workbook (.xlsx) or CSV file of its households
/// (group_from_workbook, group_from_csv in io/table_rows.hpp; its id "group" unless a setting
/// gives one). Errors are located in the file.
GroupDocument load_group(const std::filesystem::path& path);
/// One household as a group document holds it, read at `pointer` (errors located there); what its
/// own "attendance" leaves out comes from `default_attendance`. For other documents with households.
Household household_from_json(const Json& value, const std::string& pointer,
                              const AttendanceProbabilities& default_attendance = pilot_attendance());
/// A group document's or format's "rules" over `base`, checked with check_rules.
GroupRules group_rules_from_json(const Json& value, const std::string& pointer = {},
                                 const GroupRules& base = {});

Json to_json(const GroupViolation& violation);
Json to_json(const GroupRules& rules);
Json to_json(const Household& household);
Json to_json(const GroupDocument& document);

}  // namespace paarorende
