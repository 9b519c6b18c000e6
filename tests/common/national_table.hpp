// The counts of a national-like table, shared by the suppression tests (tests/cpp) and the
// benchmark (tests/benchmark), so that both draw the same kind of table.
#pragma once

#include <cstdint>
#include <random>

#include "paarorende/table.hpp"

namespace paarorende::test_tables {

/// The interior cells of a 3-dimensional table (municipality, offer, month) whose dimensions are
/// set: half 0, a third 1 to 4, the rest 5 to 40, drawn from `random` cell by cell. Most
/// municipalities are small: many zeros and small counts, a few large ones.
inline void add_counts_as_in_a_national_table(Table& table, std::mt19937& random) {
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
}

}  // namespace paarorende::test_tables
