// A season's programme as JSON (docs/schemas/programme.schema.json), its plan as JSON, iCalendar
// files per offer, presenter and venue, a printable HTML overview and a workbook (docs/programme.md).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "paarorende/io/ical.hpp"
#include "paarorende/io/json.hpp"
#include "paarorende/io/workbook.hpp"
#include "paarorende/programme.hpp"
#include "paarorende/evaluation.hpp"

namespace paarorende {

/// Reads a programme document; file references (a school calendar, a group document) resolve from
/// `base_dir`. Throws InputError at the JSON pointer, with the rule.
Programme programme_from_json(const Json& document, const std::filesystem::path& base_dir = {});
/// `language`, when given, stands for the document's "language" (the command line's --lang).
Programme load_programme(const std::filesystem::path& path, std::optional<Language> language = std::nullopt);
Json to_json(const Programme& programme);
Json to_json(const ProgrammePlan& plan);

/// One iCalendar file per offer ("offer-<id>.ics"), presenter ("presenter-<id>.ics") and venue
/// ("venue-<id>.ics"), keyed by file name. Each event's UID is stable across re-planning: it comes
/// from the offer and the session's number, so a moved session updates its event.
std::map<std::string, std::string> programme_calendars(const ProgrammePlan& plan, const IcalOptions& options = {},
                                                       Language language = Language::nb);

/// The printable overview: the season as a calendar grid, each offer's sessions, each person's
/// load and the costs, in `language`.
std::string programme_html(const ProgrammePlan& plan, Language language = Language::nb);

/// The plan's tables as a workbook: sessions, unused dates, load and costs, one sheet each.
Workbook programme_workbook(const ProgrammePlan& plan, Language language = Language::nb);

}  // namespace paarorende
