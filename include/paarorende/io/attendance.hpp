// Attendance records and the attendance model as JSON (docs/attendance.md).
#pragma once

#include <filesystem>
#include <string_view>

#include "paarorende/attendance.hpp"
#include "paarorende/io/json.hpp"

namespace paarorende {

AttendanceRecords attendance_records_from_json(const Json& document);
/// Records from CSV (io/csv.hpp: BOM, ',' or ';', quotes) or a workbook's first sheet, one record
/// per row with the columns household, session, present and optionally caregivers (DOMAIN E2,
/// G5; io/table_rows.hpp); errors at the row and column (and sheet).
AttendanceRecords attendance_records_from_csv(std::string_view text);
AttendanceRecords attendance_records_from_xlsx(std::string_view bytes);
/// Reads a records file: CSV when its name ends in .csv, a workbook for .xlsx, JSON otherwise;
/// errors name the file.
AttendanceRecords load_attendance_records(const std::filesystem::path& path);

/// The records with their prior, as attendance_records_from_json reads them back.
Json to_json(const AttendanceRecords& records);
Json to_json(const AttendanceProbabilities& probabilities);
/// The distribution, mean, variance and P(at least k) for k = 1..max.
Json to_json(const AttendanceDistribution& distribution);

}  // namespace paarorende
