// Attendance model speed. Target (issue 4): the distribution for 5,000 households in under 10 ms.
#include <benchmark/benchmark.h>

#include <vector>

#include "paarorende/attendance.hpp"

namespace {

void attendance_distribution_of(benchmark::State& state) {
  std::vector<paarorende::AttendanceUnit> households;
  for (int i = 0; i < state.range(0); ++i) {
    // Varied probabilities and 1- or 2-caregiver households, as a national waitlist would have.
    households.push_back({1 + i % 2, {0.4 + 0.5 * ((i * 37) % 100) / 100.0, 0.3 + 0.4 * ((i * 11) % 10) / 10.0}});
  }
  for (auto _ : state) {
    auto distribution = paarorende::attendance_distribution(households);
    benchmark::DoNotOptimize(distribution.probability.data());
  }
}
BENCHMARK(attendance_distribution_of)->Arg(10)->Arg(500)->Arg(5000)->Unit(benchmark::kMillisecond);

void households_needed_for_five_at_ninety_percent(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(paarorende::households_needed(5, 0.9));
}
BENCHMARK(households_needed_for_five_at_ninety_percent);

}  // namespace
BENCHMARK_MAIN();
