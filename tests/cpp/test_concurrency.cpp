// The core used from several threads at once (issue #9, docs/reliability.md): every function is
// safe to call concurrently on separate or shared const data, and gives the same answer as when
// called alone. scripts/sanitize runs this under AddressSanitizer, and with
// PAARORENDE_SANITIZE=thread under ThreadSanitizer.
#include <gtest/gtest.h>

#include "fixtures.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "paarorende/paarorende.hpp"

namespace {

using namespace paarorende;

const std::filesystem::path pilot_folder = paarorende::test_support::source_dir / "examples" /
                                    "sandefjord_pilot";

// Everything one thread does, as text: equal texts mean equal results.
std::string work() {
  std::string out;
  const CourseRequest request = load_course_request(pilot_folder / "course.json");
  const CourseSchedule schedule = plan_course(request);
  out += to_json(schedule).dump();
  out += to_json(validate(schedule)).dump();
  // A fixed DTSTAMP: with the time of the call, a thread that ends in a later second than the
  // sequential run would differ (seen under AddressSanitizer on a loaded machine).
  IcalOptions options;
  options.dtstamp_utc = boost::posix_time::ptime(Date(2026, 1, 1));
  out += to_ical(schedule, options);
  const TopicChoice choice = choose_topics(request.wishes, request.topics(), request.children, 4);
  for (const auto& topic : choice.topics) out += topic + ",";
  const GroupDocument group = load_group(pilot_folder / "group.json");
  for (const auto& violation : validate(group.group, group.rules)) out += violation.message;
  out += to_json(attendance_distribution(attendance_units(group.group, group.rules))).dump();
  const AttendanceRecords records = load_attendance_records(pilot_folder / "attendance.json");
  out += to_json(fit_attendance(records.records, records.prior, records.prior_weight)).dump();
  out += to_json(builtin_catalogue()).dump();
  out += std::to_string(households_needed(4, 0.9).value_or(-1));
  try {
    (void)parse_json("{\"a\": [1, 2,, 3]}");
  } catch (const InputError& error) {
    out += error.what();
  }
  return out;
}

TEST(concurrency, the_core_from_several_threads_gives_the_sequential_answers) {
  const std::string expected = work();
  ASSERT_GT(expected.size(), 1000u);
  constexpr int threads = 4;
  constexpr int rounds = 3;
  std::vector<std::string> results(threads * rounds);
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&results, t] {
      for (int r = 0; r < rounds; ++r) results[static_cast<std::size_t>(t * rounds + r)] = work();
    });
  }
  for (auto& thread : pool) thread.join();
  for (const auto& result : results) EXPECT_EQ(result, expected);
}

TEST(concurrency, threads_that_share_one_request_and_catalogue_read_them_only) {
  const CourseRequest request = load_course_request(pilot_folder / "course.json");
  const CourseRequest copy = request;
  const std::string expected = to_json(plan_course(request)).dump();
  std::vector<std::string> results(4);
  std::vector<std::thread> pool;
  for (std::size_t t = 0; t < results.size(); ++t) {
    pool.emplace_back([&, t] { results[t] = to_json(plan_course(request)).dump(); });
  }
  for (auto& thread : pool) thread.join();
  for (const auto& result : results) EXPECT_EQ(result, expected);
  EXPECT_EQ(request, copy);
}

}  // namespace
