// The follow-up register (issue #22). Targets: a national-scale register of 100 000 children gives
// its follow-up lists in under 1 s; the region's summary (five nested tables, the joint audit) of a
// register of any size in under 2 s, since its tables are as large as the region, not the register.
#include <benchmark/benchmark.h>

#include <random>

#include "paarorende/followup.hpp"

namespace {

using namespace paarorende;

FollowupRegister register_of(int children) {
  std::mt19937 random(2027);
  FollowupRegister reg;
  reg.region = *find_builtin_region("valdres");
  for (const Municipality& municipality : reg.region.municipalities) {
    for (const char* kind : {"helsestasjon", "skole", "barnehage"}) {
      reg.units.push_back({municipality.number + "-" + kind, municipality.number, kind, std::string("barneansvarlig")});
    }
  }
  std::uniform_int_distribution<std::size_t> unit(0, reg.units.size() - 1);
  std::uniform_int_distribution<int> age(0, 17), day(0, 700), chance(0, 99);
  for (int i = 0; i < children; ++i) {
    const FollowupUnit& by = reg.units[unit(random)];
    FollowupChild child;
    child.id = "c-" + std::to_string(i);
    child.identified_on = Date(2025, 3, 1) + boost::gregorian::days(day(random));
    child.birth_year = child.identified_on.year() - age(random);
    child.municipality = by.municipality;
    child.identified_by = by.id;
    child.responsible_unit = by.id;
    child.next_follow_up = child.identified_on + boost::gregorian::days(day(random) / 2);
    for (FollowupOfferKind kind : followup_offer_kinds()) {
      if (chance(random) < 40) child.offers.push_back({kind, child.identified_on, by.id});
    }
    if (chance(random) < 90) child.consent = Consent{AdultRole::mother, child.identified_on};
    reg.children.push_back(std::move(child));
  }
  return reg;
}

void followup_lists_of_register(benchmark::State& state) {
  const FollowupRegister reg = register_of(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    const FollowupLists lists = followup_lists(reg, Date(2027, 3, 1));
    benchmark::DoNotOptimize(lists.units.size());
  }
}
BENCHMARK(followup_lists_of_register)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

void followup_summary_of_register(benchmark::State& state) {
  const FollowupRegister reg = register_of(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    const FollowupSummary summary = followup_summary(reg, Date(2027, 3, 1));
    benchmark::DoNotOptimize(summary.tables.size());
  }
}
BENCHMARK(followup_summary_of_register)->Arg(200)->Arg(2000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
