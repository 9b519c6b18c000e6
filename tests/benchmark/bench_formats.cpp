// Rostering (DOMAIN X5) and the other formats' planners: a region's volunteers over a season,
// a whole season with age bands, and a family week. Run by hand; figures go in the issue notes.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "paarorende/family_week.hpp"
#include "paarorende/meeting_place.hpp"
#include "paarorende/roster.hpp"

namespace {

using namespace paarorende;

// `count` volunteers: every fifth without a certificate, every seventh lapsing mid-season, and
// each unavailable on a few dates.
std::vector<Volunteer> volunteers(int count, Date first) {
  std::vector<Volunteer> result;
  for (int i = 0; i < count; ++i) {
    Volunteer v;
    v.id = "v";
    v.id += std::to_string(i);
    if (i % 5 != 0) v.certificate_valid_until = i % 7 == 0 ? first + boost::gregorian::days(60) : Date(2030, 1, 1);
    for (int k = 0; k < 3; ++k) v.unavailable.push_back(first + boost::gregorian::days(7 * ((i + k) % 40)));
    result.push_back(std::move(v));
  }
  return result;
}

// A weekly meeting place for a year, 30 children a meeting (6 adults), with `range(0)` volunteers.
void BM_make_roster(benchmark::State& state) {
  const Date first(2027, 1, 6);
  const RosterRules rules;
  std::vector<Shift> shifts;
  for (int m = 0; m < 52; ++m) {
    shifts.push_back({m + 1, first + boost::gregorian::days(7 * m), 30, adults_needed(30, rules), {}});
  }
  const auto people = volunteers(static_cast<int>(state.range(0)), first);
  for (auto _ : state) {
    Roster roster = make_roster(shifts, people, rules);
    benchmark::DoNotOptimize(roster);
  }
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_make_roster)->RangeMultiplier(4)->Range(16, 1024)->Complexity();

void BM_validate_roster(benchmark::State& state) {
  const Date first(2027, 1, 6);
  std::vector<Shift> shifts;
  for (int m = 0; m < 52; ++m) shifts.push_back({m + 1, first + boost::gregorian::days(7 * m), 30, 6, {}});
  const Roster roster = make_roster(shifts, volunteers(static_cast<int>(state.range(0)), first));
  for (auto _ : state) benchmark::DoNotOptimize(validate(roster));
}
BENCHMARK(BM_validate_roster)->RangeMultiplier(4)->Range(16, 1024);

// A winter season with 60 children in three bands and 40 volunteers.
void BM_plan_season(benchmark::State& state) {
  SeasonRequest request = season_request(builtin_format("meeting_place"), 2027);
  request.first_date = Date(2027, 1, 6);
  request.cadence_weeks = 1;
  for (int i = 0; i < 60; ++i) request.children_ages.push_back(6 + i % 11);
  request.volunteers = volunteers(40, request.first_date);
  for (auto _ : state) benchmark::DoNotOptimize(plan_season(request));
}
BENCHMARK(BM_plan_season);

void BM_plan_family_week(benchmark::State& state) {
  const FamilyWeekRequest request = family_week_request(builtin_format("family_week"), Date(2027, 1, 18));
  for (auto _ : state) benchmark::DoNotOptimize(plan_family_week(request));
}
BENCHMARK(BM_plan_family_week);

}  // namespace
