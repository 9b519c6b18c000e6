// The follow-up register as files (docs/children-next-of-kin.md; DOMAIN V2, V3, X4): the register
// (docs/schemas/followup.schema.json), the follow-up lists on a day as JSON and as iCalendar
// reminders per unit, and the region's summary: its table documents for `paarorende suppress`
// and their published forms, in nb, nn or en.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "paarorende/followup.hpp"
#include "paarorende/io/ical.hpp"
#include "paarorende/io/json.hpp"

namespace paarorende {

/// Reads a follow-up register and checks it (check_followup_register). Its "region" (a built-in
/// id, a file relative to `base_dir`, or the document; "valdres" when absent) is read with it.
/// Any field not in the schema is refused: there is no place for free text about a child (X4).
/// Errors carry JSON pointers and the rule.
FollowupRegister followup_register_from_json(const Json& document, const std::filesystem::path& base_dir = {});
FollowupRegister load_followup_register(const std::filesystem::path& path);
/// The register as a document the reader takes back (the region by id when it is a built-in one).
Json to_json(const FollowupRegister& reg);

/// What `paarorende followup` prints: the day, the counts, per unit its lists, the units without a
/// contact and the findings.
Json to_json(const FollowupLists& lists);

/// The reminders of each unit with a child overdue or due, as (unit id, iCalendar text): one
/// event per child, 09:00-09:15 on the day of the follow-up (on the list's day when overdue), in
/// the unit's municipality's written standard unless `language` is given (issue #23). UIDs are
/// stable per unit, child and date.
std::vector<std::pair<std::string, std::string>> followup_reminders(const FollowupRegister& reg, const FollowupLists& lists,
                                                                    std::optional<Language> language = std::nullopt,
                                                                    const IcalOptions& options = {});

/// The summary's table documents, as (file name, document): "children.table.json" and
/// "offer-<kind>.table.json", each a table document `paarorende suppress` reads.
std::vector<std::pair<std::string, Json>> followup_summary_documents(const std::vector<NamedTable>& tables);
/// The published summary: {"today", "region", "threshold", "tables": [{"name", "published"}]}.
/// Both published forms throw InputError (X4, at "summary") when the summary's `narrow` is not 0.
Json to_json(const FollowupSummary& summary, const Region& region);
/// The published summary as one HTML page, its texts in `language`.
std::string followup_summary_html(const FollowupSummary& summary, const Region& region, Language language = Language::nb);

}  // namespace paarorende
