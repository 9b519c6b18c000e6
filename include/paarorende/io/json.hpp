// The JSON side of the I/O layer: the document type, the strict parser and the file reader that
// every JSON reader of paarorende (io/<concept>.hpp) starts from. Readers are strict: wrong
// types, missing required fields and unknown fields are InputErrors whose where() is the JSON
// pointer of the offending value. Nothing is partly read: a reader returns a whole value or
// throws. Writers write what the readers read back to an equal value (docs/json.md).
#pragma once

#include <filesystem>
#include <string_view>

#include <nlohmann/json.hpp>

namespace paarorende {

/// A JSON document; objects keep their fields in the order written.
using Json = nlohmann::ordered_json;

// max_document_bytes, max_nesting_depth, max_list_entries: include/paarorende/limits.hpp.

/// Parses JSON text. Syntax errors (including invalid UTF-8) are InputErrors located by line and
/// column; a key given twice, nesting deeper than max_nesting_depth and a NUL byte are refused.
Json parse_json(std::string_view text);
/// Reads and parses a file (a pipe too); errors are located in it ("course.json: line 3, column 7").
Json load_json_file(const std::filesystem::path& path);

}  // namespace paarorende
