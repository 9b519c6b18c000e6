// The season's programme planner (issue #19). Target: a regional season of 100 offers, 30 presenters
// and 40 volunteers plans in under 1 s.
#include <benchmark/benchmark.h>

#include "../common/regional_season.hpp"
#include "paarorende/programme.hpp"

namespace {

void plan_regional_season(benchmark::State& state) {
  const auto programme = paarorende::testing::regional_season(static_cast<int>(state.range(0)), 30, 40);
  for (auto _ : state) {
    auto plan = paarorende::plan_programme(programme);
    benchmark::DoNotOptimize(plan.total_cost);
    state.counters["moved"] = plan.objective.moved_sessions;
    state.counters["dropped"] = plan.objective.dropped_sessions;
  }
}
BENCHMARK(plan_regional_season)->Arg(10)->Arg(50)->Arg(100)->Unit(benchmark::kMillisecond);

}  // namespace
