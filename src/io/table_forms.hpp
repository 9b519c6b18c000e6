// Private to the I/O layer: the pieces of a table's published HTML (src/io/table.cpp) that the
// region's report (src/io/region_report.cpp) lays out again, table by table.
#pragma once

#include <string>
#include <string_view>

#include "detail/html.hpp"
#include "paarorende/evaluation.hpp"
#include "paarorende/table.hpp"

namespace paarorende::table_io {

using detail::html_escape;
/// A CSV field, quoted when it holds a comma, a quote or a line break.
std::string csv_field(const std::string& text);
/// The cells as HTML tables (a cross-table of the first two dimensions per combination of the
/// others), every hidden cell shown alike.
std::string cross_tables(const SuppressionResult& result, Language language);
/// A table's privacy note and legend, as the published forms print them.
std::string privacy_notes(const SuppressionResult& result, Language language);

}  // namespace paarorende::table_io
