// Group formation speed and memory. Target (issue 5): a national waitlist of 20,000 households
// over 356 municipalities forms in under 2 seconds on one core, in under 500 MB. The waitlist is
// the library's seeded synthetic one (docs/formation.md); the counters report the groups, the
// households left out, the objective and the process's peak resident memory (ru_maxrss).
#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include "paarorende/formation.hpp"

namespace {

double peak_megabytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // kilobytes on Linux
}

void form_national_waitlist(benchmark::State& state) {
  paarorende::FormationRequest request;
  request.waitlist = paarorende::synthetic_waitlist({static_cast<std::size_t>(state.range(0)), 356, 2026});
  paarorende::FormationResult result;
  for (auto _ : state) {
    result = paarorende::form_groups(request);
    benchmark::DoNotOptimize(result.groups.data());
  }
  state.counters["groups"] = static_cast<double>(result.groups.size());
  state.counters["unassigned"] = static_cast<double>(result.unassigned.size());
  state.counters["objective"] = result.objective;
  state.counters["lower_bound"] = result.optimality.lower_bound;
  state.counters["gap"] = result.optimality.gap;
  state.counters["optimal_components"] = result.optimality.optimal_components;
  state.counters["components"] = result.optimality.components;
  state.counters["largest_exact"] = result.optimality.largest_exact;
  state.counters["peak_MB"] = peak_megabytes();
}
BENCHMARK(form_national_waitlist)
    ->Arg(1000)
    ->Arg(5000)
    ->Arg(10000)
    ->Arg(20000)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime();

}  // namespace
