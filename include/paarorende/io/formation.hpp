// Waitlists and formed groups as JSON (docs/formation.md).
#pragma once

#include <filesystem>
#include <string>

#include "paarorende/formation.hpp"
#include "paarorende/io/group.hpp"
#include "paarorende/io/json.hpp"
#include "paarorende/io/workbook.hpp"

namespace paarorende {

// JSON (docs/formation.md; schemas docs/schemas/waitlist.schema.json, groups.schema.json).

/// A waitlist document: the waitlist with its rules, formation settings, pins and locked groups.
/// Strict as every reader (unknown fields, types, ranges), and checked as form_groups checks it
/// (check_waitlist, check_formation_rules, check_waitlist_region); InputErrors carry the JSON
/// pointer. Its "region" is a built-in region's id, a region file (relative to `base_dir`) or a
/// region object.
FormationRequest formation_request_from_json(const Json& document, const std::filesystem::path& base_dir = {});
/// As formation_request_from_json, from a file; errors are located in it. A workbook (.xlsx) or
/// CSV file is read by waitlist_from_workbook or waitlist_from_csv (io/table_rows.hpp) over the
/// waitlist document `base` when one is named (a CSV waitlist needs one for its places).
FormationRequest load_waitlist(const std::filesystem::path& path, const std::filesystem::path& base = {});
/// The document formation_request_from_json reads back to an equal request (a built-in region by
/// its id, any other region as an object).
Json to_json(const FormationRequest& request);
/// What `paarorende groups` prints: the groups with their rules and scores, the households left
/// out with reasons, the objective and its terms.
Json to_json(const FormationResult& result, const std::string& waitlist_id);
/// What `paarorende groups --xlsx` writes, the same figures as the JSON, one sheet per table:
/// "groups" (a row per group: venue, counts, municipalities, rules satisfied, errors and warnings,
/// scores, cost), "households" (group and household), "findings" (a row per rule finding of a
/// group), "unassigned" (a row per household left out, with the reason) and "summary" (the
/// objective, its terms and how close to optimal it is).
Workbook to_workbook(const FormationResult& result, const std::string& waitlist_id);

}  // namespace paarorende
