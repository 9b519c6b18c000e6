// A libFuzzer target for one paarorende document type, chosen at compile time by
// PAARORENDE_FUZZ_DOCUMENT (tests/fuzz/CMakeLists.txt builds one program per type; docs/reliability.md).
//
// Each input is read with the entry point the loaders use (parse_json, then the document's
// *_from_json) and, when it is a valid document, the operation the command line runs on it
// (plan, validate, check, fit ...) runs too, so that the fuzzer reaches past the readers. What
// counts as a finding:
// - any exception other than paarorende::Error (std::out_of_range, nlohmann's, boost's ...)
//   escaping: the program aborts with an uncaught exception;
// - a crash, undefined behaviour, a leak (AddressSanitizer, UndefinedBehaviorSanitizer,
//   LeakSanitizer), a hang (-timeout) or unbounded memory (-rss_limit_mb);
// - a document whose written form (to_json) does not read back, or reads back to a different
//   value where docs/json.md promises an equal one: the program traps.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "paarorende/paarorende.hpp"

#define PAARORENDE_FUZZ_SCHOOL_CALENDAR 1
#define PAARORENDE_FUZZ_COURSE_REQUEST 2
#define PAARORENDE_FUZZ_COURSE_SCHEDULE 3
#define PAARORENDE_FUZZ_TOPIC_CATALOGUE 4
#define PAARORENDE_FUZZ_GROUP 5
#define PAARORENDE_FUZZ_ATTENDANCE_RECORDS 6

#ifndef PAARORENDE_FUZZ_DOCUMENT
#error "define PAARORENDE_FUZZ_DOCUMENT as one of the PAARORENDE_FUZZ_* document types"
#endif

namespace {

using namespace paarorende;

[[noreturn]] void finding(const char* what) {
  std::fprintf(stderr, "paarorende fuzz finding: %s\n", what);
  std::fflush(stderr);
  __builtin_trap();
}

// Writes the value, reads it back with `read` and checks it equals the value.
template <class T, class Read>
void round_trip(const T& value, Read read) {
  const std::string text = to_json(value).dump();
  T again;
  try {
    again = read(parse_json(text));
  } catch (const Error& error) {
    std::fprintf(stderr, "%s\n%s\n", error.what(), text.c_str());
    finding("a written document does not read back");
  }
  if (!(again == value)) {
    std::fprintf(stderr, "%s\n", text.c_str());
    finding("a written document reads back to a different value");
  }
}

void run(std::string_view text) {
  const Json document = parse_json(text);
#if PAARORENDE_FUZZ_DOCUMENT == PAARORENDE_FUZZ_SCHOOL_CALENDAR
  const SchoolCalendar calendar = school_calendar_from_json(document);
  round_trip(calendar, [](const Json& json) { return school_calendar_from_json(json); });
  for (const SchoolYear& year : calendar.years) {
    (void)course_closure(year.first_day, &calendar);
    (void)course_closure(year.last_day, &calendar);
    for (const SchoolHoliday& holiday : year.holidays) (void)course_closure(holiday.first, &calendar);
  }
#elif PAARORENDE_FUZZ_DOCUMENT == PAARORENDE_FUZZ_COURSE_REQUEST
  // No base folder: a school_calendar naming a file is looked up from the working directory
  // (the fuzzer's), where there is none to find.
  const CourseRequest request = course_request_from_json(document);
  round_trip(request, [](const Json& json) { return course_request_from_json(json); });
  const CourseSchedule schedule = plan_course(request);
  (void)validate(schedule);
  (void)course_schedule_from_json(to_json(schedule));
  (void)to_ical(schedule);
#elif PAARORENDE_FUZZ_DOCUMENT == PAARORENDE_FUZZ_COURSE_SCHEDULE
  const CourseSchedule schedule = course_schedule_from_json(document);
  (void)validate(schedule);
  const std::string written = to_json(schedule).dump();
  try {
    (void)course_schedule_from_json(parse_json(written));
  } catch (const Error& error) {
    std::fprintf(stderr, "%s\n%s\n", error.what(), written.c_str());
    finding("a written schedule does not read back");
  }
  (void)to_ical(schedule);
#elif PAARORENDE_FUZZ_DOCUMENT == PAARORENDE_FUZZ_TOPIC_CATALOGUE
  const TopicCatalogue& base = builtin_catalogue();
  const TopicCatalogue before = base;
  const TopicCatalogue extended = catalogue_from_json(document, base);
  if (!(base == before)) finding("reading a catalogue changed its base");
  round_trip(extended, [](const Json& json) { return catalogue_from_json(json, TopicCatalogue{}); });
  (void)catalogue_from_json(document, TopicCatalogue{});
#elif PAARORENDE_FUZZ_DOCUMENT == PAARORENDE_FUZZ_GROUP
  const GroupDocument group = group_from_json(document);
  (void)validate(group.group, group.rules);
  const AttendanceDistribution distribution =
      attendance_distribution(attendance_units(group.group, group.rules));
  (void)distribution.at_least(group.rules.min_present);
  (void)to_json(distribution);
  const std::string written = to_json(group).dump();
  GroupDocument again;
  try {
    again = group_from_json(parse_json(written));
  } catch (const Error& error) {
    std::fprintf(stderr, "%s\n%s\n", error.what(), written.c_str());
    finding("a written group does not read back");
  }
  if (!(again.group == group.group) || !(again.rules == group.rules)) {
    std::fprintf(stderr, "%s\n", written.c_str());
    finding("a written group reads back to a different value");
  }
#elif PAARORENDE_FUZZ_DOCUMENT == PAARORENDE_FUZZ_ATTENDANCE_RECORDS
  const AttendanceRecords records = attendance_records_from_json(document);
  const AttendanceProbabilities fitted =
      fit_attendance(records.records, records.prior, records.prior_weight);
  (void)to_json(fitted);
#else
#error "unknown PAARORENDE_FUZZ_DOCUMENT"
#endif
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    run(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const paarorende::Error&) {
    // The one documented way to refuse input: every other exception escapes and is a finding.
  }
  return 0;
}
