// Findings (violations with their DOMAIN rule) as JSON.
#pragma once

#include <vector>

#include "paarorende/io/json.hpp"
#include "paarorende/violation.hpp"

namespace paarorende {

Json to_json(const Violation& violation);
Json to_json(const std::vector<Violation>& findings);

}  // namespace paarorende
