// Linked-table suppression speed (issue #21): a national table, municipalities x 8 offer kinds x 12
// months with every margin, protected (the heuristic: far beyond the exact path's size) and then
// audited, timed apart. Arg: the number of municipalities (356 is the whole country, which today's
// heuristic does not finish: docs/suppression.md has the figures; 6 already takes over 15 minutes).
#include <benchmark/benchmark.h>

#include <random>
#include <string>

#include "paarorende/table.hpp"

namespace {

paarorende::Table national_table(int municipalities) {
  paarorende::Table table;
  table.dimensions = {{"municipality", {}, "norge", {}}, {"offer", {}, "alle", {}}, {"month", {}, "year", {}}};
  // Numbers as labels (GCC 12 warns falsely about a prefix added to std::to_string).
  for (int m = 0; m < municipalities; ++m) table.dimensions[0].values.push_back(std::to_string(1000 + m));
  for (int o = 0; o < 8; ++o) table.dimensions[1].values.push_back(std::to_string(o + 1));
  for (int t = 1; t <= 12; ++t) table.dimensions[2].values.push_back(std::to_string(t));
  std::mt19937 random(21);
  // Most municipalities are small: many zeros and small counts, a few large ones.
  std::discrete_distribution<int> kind({5, 3, 2});
  for (const auto& m : table.dimensions[0].values) {
    for (const auto& o : table.dimensions[1].values) {
      for (const auto& t : table.dimensions[2].values) {
        const int k = kind(random);
        const std::int64_t count = k == 0 ? 0 : k == 1 ? std::uniform_int_distribution<int>(1, 4)(random)
                                                       : std::uniform_int_distribution<int>(5, 40)(random);
        if (count > 0) table.cells.push_back({{m, o, t}, count, std::nullopt});
      }
    }
  }
  return table;
}

void table_protection(benchmark::State& state) {
  const paarorende::Table table = national_table(static_cast<int>(state.range(0)));
  paarorende::SuppressionOptions options;
  options.audit = false;
  std::size_t hidden = 0;
  for (auto _ : state) hidden = paarorende::suppress(table, options).suppressed_count();
  state.counters["hidden"] = static_cast<double>(hidden);
}
BENCHMARK(table_protection)->Arg(2)->Arg(6)->Unit(benchmark::kSecond)->Iterations(1);

void table_audit(benchmark::State& state) {
  const paarorende::Table table = national_table(static_cast<int>(state.range(0)));
  paarorende::SuppressionOptions options;
  options.audit = false;
  const auto result = paarorende::suppress(table, options);
  std::vector<bool> hidden;
  for (const auto& cell : result.cells) hidden.push_back(cell.suppressed());
  std::size_t audited = 0;
  for (auto _ : state) audited = paarorende::audit_suppression(table, hidden, options).size();
  state.counters["audited"] = static_cast<double>(audited);
}
BENCHMARK(table_audit)->Arg(2)->Arg(6)->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace
