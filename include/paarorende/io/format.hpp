// Course formats as JSON (docs/formats.md, docs/schemas/format.schema.json).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "paarorende/format.hpp"
#include "paarorende/io/group.hpp"
#include "paarorende/io/json.hpp"
#include "paarorende/io/schedule.hpp"

namespace paarorende {

/// A format document: "id", "based_on" (a built-in id, required unless the document defines
/// every field) and only the fields that differ; "schedule_rules" and "group_rules" override
/// field by field. Unknown fields are errors. `base` holds the formats it may be based on.
CourseFormat format_from_json(const Json& document,
                              const std::vector<CourseFormat>& base = builtin_formats());
CourseFormat load_format(const std::filesystem::path& path,
                         const std::vector<CourseFormat>& base = builtin_formats());
/// A request's "format": a built-in id, a file name (relative to `base_dir`) or an object.
CourseFormat format_from_reference(const Json& value, const std::string& pointer,
                                   const std::filesystem::path& base_dir = {});

/// The whole format, "based_on" included; read back it is equal.
Json to_json(const CourseFormat& format);
Json to_json(const StaffingRules& staffing);
/// Every built-in format, as `paarorende formats` prints them.
Json to_json(const std::vector<CourseFormat>& formats);

}  // namespace paarorende
