// Regions of municipalities (DOMAIN V1, V3) as JSON.
#pragma once

#include <filesystem>
#include <string>

#include "paarorende/io/json.hpp"
#include "paarorende/region.hpp"

namespace paarorende {

/// A region document. With "based_on" (a built-in region id) the fields it gives replace the
/// built-in's; "contacts" hold "role" and "unit" only: a person's name is refused (X4).
Region region_from_json(const Json& document);
Region load_region(const std::filesystem::path& path);
/// A built-in id or a file name (relative to `base_dir`) or an object.
Region region_from_reference(const Json& value, const std::string& pointer,
                             const std::filesystem::path& base_dir = {});
Json to_json(const Region& region);

}  // namespace paarorende
