// Linked-table suppression speed (issue #21): a national table, municipalities x 8 offer kinds x 12
// months with every margin, protected (the hypercube method: far beyond the exact path's size),
// then audited, timed apart: the method's own proofs (a move per small cell), and the integer
// audit (an integer program per hidden cell) on the sizes it finishes. Arg: the number of
// municipalities (356 is the whole country; docs/suppression.md has the figures).
#include <benchmark/benchmark.h>

#include <random>
#include <string>

#include "../common/national_table.hpp"
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
  paarorende::test_tables::add_counts_as_in_a_national_table(table, random);
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
BENCHMARK(table_protection)->Arg(2)->Arg(6)->Arg(36)->Arg(356)->Unit(benchmark::kSecond)->Iterations(1);

// Protection and the proofs of every hidden cell (SuppressionResult::audit), as `suppress` prints them.
void table_protection_with_proofs(benchmark::State& state) {
  const paarorende::Table table = national_table(static_cast<int>(state.range(0)));
  std::size_t proofs = 0;
  for (auto _ : state) proofs = paarorende::suppress(table).audit.size();
  state.counters["proofs"] = static_cast<double>(proofs);
}
BENCHMARK(table_protection_with_proofs)->Arg(356)->Unit(benchmark::kSecond)->Iterations(1);

void table_audit(benchmark::State& state) {
  const paarorende::Table table = national_table(static_cast<int>(state.range(0)));
  paarorende::SuppressionOptions options;
  options.audit = false;
  const auto result = paarorende::suppress(table, options);
  std::vector<bool> hidden;
  for (const auto& cell : result.cells) hidden.push_back(cell.suppressed());
  std::vector<paarorende::CellInterval> audit;
  for (auto _ : state) audit = paarorende::audit_suppression(table, hidden, options);
  // The integer audit, apart from the method's own proofs: small cells narrower than the threshold
  // (0 when the pattern protects) and intervals CBC did not prove within its node limit.
  std::size_t narrow = 0, unproven = 0;
  for (const auto& interval : audit) {
    if (interval.sensitive && interval.width() && *interval.width() < table.threshold) ++narrow;
    if (!interval.proven) ++unproven;
  }
  state.counters["audited"] = static_cast<double>(audit.size());
  state.counters["narrow"] = static_cast<double>(narrow);
  state.counters["unproven"] = static_cast<double>(unproven);
}
BENCHMARK(table_audit)->Arg(2)->Arg(6)->Arg(36)->Arg(356)->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace
