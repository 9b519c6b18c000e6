// Private to the I/O layer and its fuzz target: the .xlsx reader's XML layer without the zip
// container (io/xlsx.hpp). Random bytes rarely get past the container, so tests/fuzz feeds the
// parts to this directly (target "xlsx-parts", docs/reliability.md).
#pragma once

#include <string>
#include <string_view>

#include "paarorende/io/xlsx.hpp"

namespace paarorende::detail {

/// Reads a worksheet part with the workbook's shared strings and styles parts (either may be
/// empty: none), as read_xlsx does once it has them from the archive. Errors as read_xlsx's.
XlsxSheet read_xlsx_parts(std::string_view sheet_xml, std::string_view shared_strings_xml,
                          std::string_view styles_xml, bool date1904, const std::string& sheet_name);

}  // namespace paarorende::detail
