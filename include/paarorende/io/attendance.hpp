// Attendance records and the attendance model as JSON (docs/attendance.md).
#pragma once

#include <filesystem>

#include "paarorende/attendance.hpp"
#include "paarorende/io/json.hpp"

namespace paarorende {

AttendanceRecords attendance_records_from_json(const Json& document);
AttendanceRecords load_attendance_records(const std::filesystem::path& path);

/// The records with their prior, as attendance_records_from_json reads them back.
Json to_json(const AttendanceRecords& records);
Json to_json(const AttendanceProbabilities& probabilities);
/// The distribution, mean, variance and P(at least k) for k = 1..max.
Json to_json(const AttendanceDistribution& distribution);

}  // namespace paarorende
