// Tables (table.hpp; DOMAIN X4, V1) as JSON, and their suppressed forms: the analyst's JSON (with
// why each cell is hidden and the audit) and the published forms, HTML and CSV, in which every
// hidden cell looks alike (docs/suppression.md, docs/schemas/table.schema.json).
#pragma once

#include <filesystem>
#include <string>

#include "paarorende/evaluation.hpp"
#include "paarorende/io/json.hpp"
#include "paarorende/table.hpp"

namespace paarorende {

/// A table document (docs/schemas/table.schema.json); InputError with a JSON pointer otherwise.
Table table_from_json(const Json& document);
Table load_table(const std::filesystem::path& path);
/// The table as a document, its cells in the canonical order (the dimensions' values, the last
/// dimension fastest): the same table with its cells in any order gives the same document.
Json to_json(const Table& table);

/// The analyst's result: threshold, dimensions, method, cells (count null when hidden,
/// suppressed false, "primary" or "secondary") and the audit of every hidden cell.
Json to_json(const SuppressionResult& result);

/// The published table as one HTML page (bokmål or English); a hidden cell shows the same mark
/// whatever the reason, and there is no audit.
std::string table_html(const SuppressionResult& result, Language language = Language::nb);
/// The published table as CSV: a column per dimension, then count (and sum and mean when the table
/// has sums); a hidden cell is ":" in each, whatever the reason.
std::string table_csv(const SuppressionResult& result);

/// Writes `text` to `path` whole or not at all; InputError naming the file otherwise.
void write_text_file(const std::filesystem::path& path, const std::string& text);

}  // namespace paarorende
