// Meeting-place seasons (Treffpunkt, DOMAIN V4) as JSON and iCalendar (docs/formats/meeting_place.md).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "paarorende/io/ical.hpp"
#include "paarorende/io/json.hpp"
#include "paarorende/io/roster.hpp"
#include "paarorende/meeting_place.hpp"

namespace paarorende {

/// The whole season as iCalendar (Europe/Oslo), one event per meeting with its bands and adults.
std::string to_ical(const Season& season, const IcalOptions& options = {});

SeasonRequest season_request_from_json(const Json& document,
                                       const std::filesystem::path& base_dir = {});
/// `language`, when given, stands for the document's "language" (the command line's --lang): the
/// language of the calendar's texts, and of the title when the document gives none (issue #23).
SeasonRequest load_season_request(const std::filesystem::path& path,
                                   std::optional<Language> language = std::nullopt);
Json to_json(const SeasonRequest& request);
Json to_json(const Season& season);

}  // namespace paarorende
