// Scheduling speed. Target (issue 2): planning 10,000 courses in well under a second.
#include <benchmark/benchmark.h>

#include <vector>

#include "paarorende/paarorende.hpp"

namespace {

// 10,000 distinct requests: first dates spread over two school years with the Sandefjord example
// calendar, cadences of 2 and 4 weeks, 5 or 6 sessions, travel 0-20 minutes.
std::vector<paarorende::CourseRequest> requests(int count) {
  const auto calendar = paarorende::load_school_calendar(
      PAARORENDE_SOURCE_DIR "/examples/calendars/sandefjord-school-holidays.json");
  std::vector<paarorende::CourseRequest> result;
  result.reserve(static_cast<std::size_t>(count));
  const paarorende::Date starts[] = {paarorende::Date(2019, 8, 26), paarorende::Date(2020, 8, 24),
                                     paarorende::Date(2026, 8, 24)};
  for (int i = 0; i < count; ++i) {
    paarorende::CourseRequest request;
    request.municipality = "Sandefjord";
    request.earliest_date = starts[i % 3] + boost::gregorian::days(i % 70);
    request.weekday = static_cast<paarorende::Weekday>(1 + i % 5);
    request.cadence_weeks = i % 2 == 0 ? 4 : 2;
    request.sessions = 5 + i % 2;
    request.travel_minutes = i % 21;
    request.venue = {"Grendehus", ""};
    request.school_calendar = calendar;
    result.push_back(std::move(request));
  }
  return result;
}

void plan_courses(benchmark::State& state) {
  const auto batch = requests(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    std::size_t sessions = 0;
    for (const auto& request : batch) sessions += paarorende::plan_course(request).sessions.size();
    benchmark::DoNotOptimize(sessions);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(plan_courses)->Arg(10000)->Unit(benchmark::kMillisecond);

void public_holidays_of_a_year(benchmark::State& state) {
  int year = 1900;
  for (auto _ : state) {
    benchmark::DoNotOptimize(paarorende::public_holidays(year));
    year = year == 2200 ? 1900 : year + 1;
  }
}
BENCHMARK(public_holidays_of_a_year);

void ical_export(benchmark::State& state) {
  const auto schedule = paarorende::plan_course(requests(1).front());
  paarorende::IcalOptions options;
  options.dtstamp_utc = boost::posix_time::ptime(paarorende::Date(2026, 1, 1));
  for (auto _ : state) benchmark::DoNotOptimize(paarorende::to_ical(schedule, options));
}
BENCHMARK(ical_export);

}  // namespace


