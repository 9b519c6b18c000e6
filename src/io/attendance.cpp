// Attendance records and the attendance model as JSON (io/attendance.hpp).
#include "paarorende/io/attendance.hpp"
#include "detail/input_error.hpp"

#include <cctype>
#include <string>

#include "detail/file.hpp"
#include "io/fields.hpp"
#include "io/readers.hpp"
#include "paarorende/io/csv.hpp"
#include "paarorende/io/table_rows.hpp"
#include "paarorende/io/xlsx.hpp"

namespace paarorende {
using namespace detail;

namespace detail {

AttendanceProbabilities read_attendance(const Json& value, const std::string& pointer,
                                        AttendanceProbabilities defaults) {
  return read_fields(value, pointer, defaults);  // attendance.hpp's table
}

}  // namespace detail

AttendanceRecords attendance_records_from_json(const Json& document) {
  ObjectReader in(document, "");
  AttendanceRecords result;
  in.string_or("note", "");
  result.records = read_array<AttendanceRecord>(in, "records", [](const Json& value, const std::string& at) {
    ObjectReader record_in(value, at);
    AttendanceRecord record;
    // DOMAIN X4: a pseudonym (a slug, as in a group document), never a name.
    record.household = record_in.slug("household");
    record.session = record_in.integer("session", 1, 1000);
    record.caregivers = record_in.integer_or("caregivers", 2, 1, 2);
    record.present = record_in.integer("present", 0, 2);
    record_in.finish();
    return record;
  });
  if (const Json* prior = in.find("prior")) result.prior = read_attendance(*prior, "/prior", result.prior);
  if (const Json* weight = in.find("prior_weight")) {
    if (!weight->is_number() || weight->get<double>() < 0 || weight->get<double>() > 1e6) {
      detail::raise_input_error("/prior_weight", "a number of pseudo-sessions, 0 to 1000000");
    }
    result.prior_weight = weight->get<double>();
  }
  in.finish();
  fit_attendance(result.records, result.prior, result.prior_weight);  // the record checks
  return result;
}

AttendanceRecords attendance_records_from_csv(std::string_view text) {
  return attendance_records_from_table(read_csv(text));
}

AttendanceRecords attendance_records_from_xlsx(std::string_view bytes) {
  return read_sheet_as_table(read_xlsx(bytes), [](const CsvTable& table) { return attendance_records_from_table(table); });
}

AttendanceRecords load_attendance_records(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (extension == ".csv" || extension == ".xlsx") {
    // A coordinator's spreadsheet: one record per row (io/table_rows.hpp).
    const std::string text = detail::read_file(path);
    return in_file(path, [&] {
      return extension == ".csv" ? attendance_records_from_csv(text) : attendance_records_from_xlsx(text);
    });
  }
  const Json document = load_json_file(path);
  return in_file(path, [&] { return attendance_records_from_json(document); });
}

Json to_json(const AttendanceProbabilities& probabilities) {
  return write_fields(probabilities);
}

Json to_json(const AttendanceDistribution& distribution) {
  Json probabilities = Json::array();
  Json at_least = Json::array();
  for (int k = 0; k <= distribution.max_present(); ++k) {
    probabilities.push_back({{"present", k}, {"probability", distribution.probability[static_cast<std::size_t>(k)]}});
    if (k >= 1) at_least.push_back({{"present", k}, {"probability", distribution.at_least(k)}});
  }
  return Json{{"max_present", distribution.max_present()},
              {"mean", distribution.mean()},
              {"variance", distribution.variance()},
              {"distribution", probabilities},
              {"at_least", at_least}};
}

Json to_json(const AttendanceRecords& records) {
  Json list = Json::array();
  for (const AttendanceRecord& record : records.records) {
    list.push_back({{"household", record.household},
                    {"session", record.session},
                    {"caregivers", record.caregivers},
                    {"present", record.present}});
  }
  return Json{{"records", list}, {"prior", to_json(records.prior)}, {"prior_weight", records.prior_weight}};
}

}  // namespace paarorende
