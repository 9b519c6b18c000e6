// Family-week requests and plans as JSON and iCalendar (docs/formats/family_week.md).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "paarorende/family_week.hpp"
#include "paarorende/io/ical.hpp"
#include "paarorende/io/json.hpp"

namespace paarorende {

std::string to_ical(const FamilyWeekPlan& plan, const IcalOptions& options = {});

FamilyWeekRequest family_week_request_from_json(const Json& document);
/// `language`, when given, stands for the document's "language" (the command line's --lang): the
/// language of the calendar's texts, and of the title when the document gives none (issue #23).
FamilyWeekRequest load_family_week_request(const std::filesystem::path& path,
                                           std::optional<Language> language = std::nullopt);
Json to_json(const FamilyWeekRequest& request);
Json to_json(const FamilyWeekPlan& plan);

}  // namespace paarorende
