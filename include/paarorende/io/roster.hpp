// Volunteer rosters (DOMAIN X5) as JSON (docs/formats/meeting_place.md, docs/schemas/roster.schema.json).
#pragma once

#include <filesystem>
#include <string>

#include "paarorende/io/json.hpp"
#include "paarorende/io/violation.hpp"
#include "paarorende/roster.hpp"

namespace paarorende {

// JSON (docs/formats/meeting_place.md, docs/schemas/roster.schema.json).
Volunteer volunteer_from_json(const Json& value, const std::string& pointer = {});
RosterRules roster_rules_from_json(const Json& value, const std::string& pointer = {},
                                   const RosterRules& base = {});
/// A roster document: rules, volunteers and shifts (with who is rostered). Checked by check_roster.
Roster roster_from_json(const Json& document);
Roster load_roster(const std::filesystem::path& path);
Json to_json(const Volunteer& volunteer);
Json to_json(const RosterRules& rules);
Json to_json(const Shortfall& shortfall);
Json to_json(const Roster& roster);

}  // namespace paarorende
