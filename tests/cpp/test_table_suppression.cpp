// Linked-table suppression (table.hpp; DOMAIN X4, V1; issue #21): the anchor failures of the
// tools statistics offices use, as regressions; groups, sums and means, zeros; the exact path
// against brute force and the heuristic against the exact path.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <random>

#include "../common/national_table.hpp"
#include "paarorende/error.hpp"
#include "paarorende/io/table.hpp"
#include "paarorende/table.hpp"

namespace paarorende {
namespace {

// A rows x columns table with its margins; counts row by row.
Table crossed_table(std::size_t rows, std::size_t columns, const std::vector<std::int64_t>& counts) {
  Table table;
  TableDimension row{"municipality", {}, "region", {}};
  TableDimension column{"month", {}, "year", {}};
  // Labels by append: GCC 12 warns falsely (-Wrestrict) on "m" + std::to_string(r) when inlined.
  const auto label = [](char prefix, std::size_t n) {
    std::string text(1, prefix);
    text.append(std::to_string(n));
    return text;
  };
  for (std::size_t r = 0; r < rows; ++r) row.values.push_back(label('m', r));
  for (std::size_t c = 0; c < columns; ++c) column.values.push_back(label('t', c));
  table.dimensions = {row, column};
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < columns; ++c) {
      table.cells.push_back({{row.values[r], column.values[c]}, counts[r * columns + c], std::nullopt});
    }
  }
  return table;
}

const PublishedCell& cell_at(const SuppressionResult& result, const std::vector<std::string>& values) {
  const auto found = std::find_if(result.cells.begin(), result.cells.end(),
                                  [&](const PublishedCell& cell) { return cell.values == values; });
  if (found == result.cells.end()) throw std::logic_error("no such cell");
  return *found;
}

// Every sensitive cell's interval is at least the threshold wide (or unbounded).
void expect_protected(const SuppressionResult& result) {
  for (const CellInterval& interval : result.audit) {
    if (!interval.sensitive) continue;
    const auto width = interval.width();
    EXPECT_TRUE(!width || *width >= result.threshold)
        << "cell " << interval.cell << " in [" << interval.min << ", " << interval.max.value_or(-1) << "]";
  }
  std::size_t primary = 0;
  for (const PublishedCell& cell : result.cells) primary += cell.suppression == Suppression::primary;
  EXPECT_EQ(primary, static_cast<std::size_t>(std::count_if(result.audit.begin(), result.audit.end(),
                                                            [](const CellInterval& i) { return i.sensitive; })));
}

std::vector<std::int64_t> seeded_counts(std::size_t n, unsigned seed) {
  std::mt19937 random(seed);
  std::vector<std::int64_t> counts(n);
  std::discrete_distribution<int> kind({2, 5, 6});  // zero, small, large
  for (auto& count : counts) {
    const int k = kind(random);
    count = k == 0 ? 0 : k == 1 ? std::uniform_int_distribution<int>(1, 4)(random)
                                : std::uniform_int_distribution<int>(5, 30)(random);
  }
  return counts;
}

TEST(table_suppression, a_cell_is_never_derivable_from_its_total) {
  // tau-Argus issue 307: hiding the 3 alone leaves it as total - 10 - 12.
  Table table;
  table.dimensions = {{"offer", {"treffpunkt", "kurs", "samtale"}, "total", {}}};
  table.cells = {{{"treffpunkt"}, 3, {}}, {{"kurs"}, 10, {}}, {{"samtale"}, 12, {}}};
  const SuppressionResult result = suppress(table);
  EXPECT_EQ(cell_at(result, {"treffpunkt"}).suppression, Suppression::primary);
  EXPECT_EQ(cell_at(result, {"kurs"}).suppression, Suppression::secondary);
  EXPECT_FALSE(cell_at(result, {"samtale"}).suppressed());
  EXPECT_EQ(result.method, SuppressionMethod::exact);
  expect_protected(result);
}

TEST(table_suppression, the_audit_counts_non_negativity_and_that_hidden_cells_are_not_zero) {
  // sdcTools issue 194: with every inner cell of [[2, 1], [1, 30]] hidden and the margins shown,
  // the 2 can only be 1 or 2: hidden cells are at least 1, so the 1s pin it.
  const Table table = crossed_table(2, 2, {2, 1, 1, 30});
  std::vector<bool> hidden(9, false);
  for (std::size_t i = 0; i < 4; ++i) hidden[i] = true;  // interior cells come first
  const auto audit = audit_suppression(table, hidden);
  ASSERT_EQ(audit.size(), 4u);
  EXPECT_EQ(audit[0].min, 1);
  EXPECT_EQ(audit[0].max, 2);
  EXPECT_TRUE(audit[0].sensitive);
  EXPECT_EQ(audit[3].min, 29);
  EXPECT_EQ(audit[3].max, 30);
  // suppress() does not stop there: the margins go too, until every small cell is wide.
  const SuppressionResult result = suppress(table);
  expect_protected(result);
}

TEST(table_suppression, the_same_table_in_any_order_gives_the_same_bytes) {
  // tau-Argus issue 315: one table, one pattern.
  Table table = crossed_table(4, 5, seeded_counts(20, 7));
  const std::string first = to_json(suppress(table)).dump();
  std::mt19937 random(11);
  for (int i = 0; i < 3; ++i) {
    std::shuffle(table.cells.begin(), table.cells.end(), random);
    EXPECT_EQ(to_json(suppress(table)).dump(), first);
  }
  SuppressionOptions heuristic;
  heuristic.exact_max_cells = 0;
  const std::string by_heuristic = to_json(suppress(table, heuristic)).dump();
  std::shuffle(table.cells.begin(), table.cells.end(), random);
  EXPECT_EQ(to_json(suppress(table, heuristic)).dump(), by_heuristic);
}

TEST(table_suppression, group_totals_are_computed_and_protected) {
  Table table;
  table.dimensions = {{"municipality", {"3449", "3450", "3451", "3452"}, "valdres",
                       {{"nord", {"3449", "3450"}}, {"sor", {"3451", "3452"}}}},
                      {"offer", {"treffpunkt", "kurs"}, "total", {}}};
  const std::vector<std::int64_t> counts{2, 9, 8, 7, 11, 6, 9, 12};
  for (std::size_t m = 0; m < 4; ++m) {
    for (std::size_t o = 0; o < 2; ++o) {
      table.cells.push_back({{table.dimensions[0].values[m], table.dimensions[1].values[o]}, counts[m * 2 + o], {}});
    }
  }
  const SuppressionResult result = suppress(table);
  EXPECT_EQ(result.cells.size(), 7u * 3u);
  // The group total of a shown margin: nord x kurs = 9 + 7.
  const PublishedCell& nord_kurs = cell_at(result, {"nord", "kurs"});
  if (!nord_kurs.suppressed()) {
    EXPECT_EQ(nord_kurs.count, 16);
  }
  EXPECT_EQ(cell_at(result, {"3449", "treffpunkt"}).suppression, Suppression::primary);
  expect_protected(result);
}

TEST(table_suppression, a_hidden_count_hides_its_sum_and_mean) {
  Table table;
  table.dimensions = {{"offer", {"a", "b", "c"}, "total", {}}};
  table.cells = {{{"a"}, 2, 7.0}, {{"b"}, 10, 30.0}, {{"c"}, 20, 80.0}};
  const SuppressionResult result = suppress(table);
  const PublishedCell& a = cell_at(result, {"a"});
  EXPECT_TRUE(a.suppressed());
  EXPECT_FALSE(a.sum);
  EXPECT_FALSE(a.mean);
  const PublishedCell& total = cell_at(result, {"total"});
  ASSERT_FALSE(total.suppressed());
  EXPECT_EQ(total.count, 32);
  EXPECT_DOUBLE_EQ(*total.mean, 117.0 / 32.0);
  // The cell whose count is shown beside the hidden ones in the total keeps nothing derivable:
  // its count is hidden too, so its sum is.
  EXPECT_TRUE(cell_at(result, {"b"}).suppressed());
  EXPECT_FALSE(cell_at(result, {"b"}).mean);
}

TEST(table_suppression, zeros_are_shown_and_never_hidden) {
  const Table table = crossed_table(3, 3, {0, 3, 12, 0, 15, 9, 8, 0, 10});
  const SuppressionResult result = suppress(table);
  for (const PublishedCell& cell : result.cells) {
    if (cell.count && *cell.count == 0) {
      EXPECT_FALSE(cell.suppressed());
    }
  }
  EXPECT_EQ(cell_at(result, {"m0", "t0"}).count, 0);
  expect_protected(result);
}

TEST(table_suppression, a_threshold_below_three_is_refused) {
  Table table = crossed_table(2, 2, {5, 6, 7, 8});
  table.threshold = 2;
  try {
    suppress(table);
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(error.where(), "/threshold");
    EXPECT_EQ(error.rule(), "X4");
    EXPECT_EQ(error.message(), "the suppression threshold is 3 to 1000, got 2");
  }
}

TEST(table_suppression, a_table_document_names_where_it_is_wrong) {
  const auto error_of = [](const char* text) {
    try {
      table_from_json(parse_json(text));
    } catch (const InputError& error) {
      return error.where() + ": " + error.message();
    }
    return std::string("no error");
  };
  EXPECT_EQ(error_of(R"({"dimensions": [{"name": "m", "values": ["a"]}], "cells": [{"m": "b", "count": 1}]})"),
            "/cells/0/m: no value \"b\" in \"m\"");
  EXPECT_EQ(error_of(R"({"dimensions": [{"name": "m", "values": ["a"]}], "cells": [{"m": "a", "count": -1}]})"),
            "/cells/0/count: must be between 0 and 1000000000, got -1");
  EXPECT_EQ(error_of(R"({"dimensions": [{"name": "m", "values": ["a", "a"]}], "cells": []})"),
            "/dimensions/0/values/1: value \"a\" is given twice");
  EXPECT_EQ(error_of(R"({"dimensions": [{"name": "m", "values": ["a"], "groups": {"g": ["x"]}}], "cells": []})"),
            "/dimensions/0/groups/g/0: no value \"x\" in \"m\"");
  EXPECT_EQ(error_of(R"({"dimensions": [{"name": "m", "values": ["a"]}], "cells": [{"m": "a", "count": 1}, )"
                     R"({"m": "a", "count": 2}]})"),
            "/cells/1: the cell is given twice");
}

// --- the exact path against brute force, the heuristic against the exact path ---

// The hidden patterns of a rows x columns table with margins in order of size, then total; the
// first that protects every primary cell. Positions as in SuppressionResult::cells.
std::size_t brute_force_best(const Table& table, std::size_t rows, std::size_t columns) {
  // Counts in result order: interior row by row, then the margins in lattice order.
  std::vector<std::vector<std::int64_t>> grid(rows + 1, std::vector<std::int64_t>(columns + 1, 0));
  for (std::size_t i = 0; i < table.cells.size(); ++i) {
    const std::size_t r = i / columns, c = i % columns;
    grid[r][c] = table.cells[i].count;
    grid[r][columns] += table.cells[i].count;
    grid[rows][c] += table.cells[i].count;
    grid[rows][columns] += table.cells[i].count;
  }
  std::vector<std::pair<std::size_t, std::size_t>> order;
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < columns; ++c) order.emplace_back(r, c);
  }
  for (std::size_t r = 0; r <= rows; ++r) {
    for (std::size_t c = 0; c <= columns; ++c) {
      if (r == rows || c == columns) order.emplace_back(r, c);
    }
  }
  std::vector<bool> hidden(order.size(), false);
  std::vector<std::size_t> optional;
  std::size_t primary = 0;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const auto count = grid[order[i].first][order[i].second];
    if (count >= 1 && count < table.threshold) {
      hidden[i] = true;
      ++primary;
    } else if (count > 0) {
      optional.push_back(i);
    }
  }
  // A primary cell alone among the hidden in its row or column is derived at once.
  auto quick_fail = [&](const std::vector<bool>& pattern) {
    std::vector<std::size_t> in_row(rows + 1, 0), in_column(columns + 1, 0);
    for (std::size_t i = 0; i < order.size(); ++i) {
      if (!pattern[i]) continue;
      ++in_row[order[i].first];
      ++in_column[order[i].second];
    }
    for (std::size_t i = 0; i < order.size(); ++i) {
      const auto count = grid[order[i].first][order[i].second];
      if (pattern[i] && count < table.threshold && (in_row[order[i].first] == 1 || in_column[order[i].second] == 1)) {
        return true;
      }
    }
    return false;
  };
  for (std::size_t k = 0; k <= optional.size(); ++k) {
    std::vector<bool> choose(optional.size(), false);
    std::fill(choose.begin(), choose.begin() + static_cast<std::ptrdiff_t>(k), true);
    do {
      std::vector<bool> pattern = hidden;
      for (std::size_t j = 0; j < optional.size(); ++j) {
        if (choose[j]) pattern[optional[j]] = true;
      }
      if (quick_fail(pattern)) continue;
      bool ok = true;
      for (const CellInterval& interval : audit_suppression(table, pattern)) {
        const auto width = interval.width();
        if (interval.sensitive && width && *width < table.threshold) ok = false;
      }
      if (ok) return primary + k;
    } while (std::prev_permutation(choose.begin(), choose.end()));
  }
  return order.size();
}

TEST(table_suppression, the_exact_path_hides_no_more_than_brute_force) {
  const std::vector<std::pair<std::size_t, std::size_t>> shapes{{2, 3}, {3, 3}, {2, 5}, {3, 4}};
  unsigned seed = 100;
  for (const auto& [rows, columns] : shapes) {
    for (int instance = 0; instance < 2; ++instance) {
      const Table table = crossed_table(rows, columns, seeded_counts(rows * columns, ++seed));
      const SuppressionResult result = suppress(table);
      EXPECT_EQ(result.method, SuppressionMethod::exact) << result.method_reason;
      expect_protected(result);
      const std::size_t best = brute_force_best(table, rows, columns);
      EXPECT_LE(result.suppressed_count(), best) << rows << "x" << columns << " seed " << seed;
      std::printf("[ figures  ] %zux%zu seed %u: exact hides %zu cells, brute force's best %zu\n", rows, columns,
                  seed, result.suppressed_count(), best);
    }
  }
}

TEST(table_suppression, the_heuristic_stays_within_ten_percent_of_exact_on_6x8) {
  std::size_t exact_cells = 0, heuristic_cells = 0;
  SuppressionOptions heuristic;
  heuristic.exact_max_cells = 0;
  for (unsigned seed = 1; seed <= 3; ++seed) {
    const Table table = crossed_table(6, 8, seeded_counts(48, 1000 + seed));
    const SuppressionResult exact = suppress(table);
    ASSERT_EQ(exact.method, SuppressionMethod::exact) << exact.method_reason;
    const SuppressionResult by_heuristic = suppress(table, heuristic);
    expect_protected(exact);
    expect_protected(by_heuristic);
    EXPECT_LE(exact.suppressed_count(), by_heuristic.suppressed_count());
    exact_cells += exact.suppressed_count();
    heuristic_cells += by_heuristic.suppressed_count();
  }
  std::printf("[ figures  ] 6x8 with margins, 3 tables: exact hides %zu cells, the heuristic %zu\n", exact_cells,
              heuristic_cells);
  EXPECT_LE(static_cast<double>(heuristic_cells), 1.10 * static_cast<double>(exact_cells));
}

using test_tables::add_counts_as_in_a_national_table;  // as tests/benchmark/bench_table.cpp draws them

// The hypercube method (large tables): every small cell is proved protected by a move among the
// hidden cells, and the integer audit, run apart, agrees: its interval holds the move's, and is at
// least the threshold wide. Seeded 3-dimensional tables with groups (months within half-years),
// the method forced on tables small enough for the integer audit.
TEST(table_suppression, the_hypercube_method_proves_every_small_cell_and_the_integer_audit_agrees) {
  for (unsigned seed = 1; seed <= 6; ++seed) {
    std::mt19937 random(seed);
    Table table;
    table.dimensions = {{"municipality", {"m1", "m2", "m3"}, "region", {}},
                        {"offer", {"o1", "o2", "o3", "o4"}, "all", {}},
                        {"month", {"t1", "t2", "t3", "t4", "t5", "t6"}, "year", {{"h1", {"t1", "t2", "t3"}}, {"h2", {"t4", "t5", "t6"}}}}};
    add_counts_as_in_a_national_table(table, random);
    SuppressionOptions options;
    options.hypercube_min_cells = 0;
    const SuppressionResult result = suppress(table, options);
    ASSERT_EQ(result.method, SuppressionMethod::hypercube) << result.method_reason;
    expect_protected(result);
    std::vector<bool> hidden;
    for (const PublishedCell& cell : result.cells) hidden.push_back(cell.suppressed());
    const std::vector<CellInterval> audited = audit_suppression(table, hidden);
    ASSERT_EQ(audited.size(), result.audit.size());
    std::size_t small = 0;
    for (std::size_t i = 0; i < audited.size(); ++i) {
      const CellInterval& proof = result.audit[i];
      const CellInterval& exact = audited[i];
      ASSERT_EQ(proof.cell, exact.cell);
      EXPECT_FALSE(proof.proven);
      // The move's tables are consistent with everything published: the audit's interval holds them.
      EXPECT_LE(exact.min, proof.min) << seed << " cell " << proof.cell;
      // (A move without bound up meets only the integer program's own cap on a hidden cell.)
      if (exact.max && proof.max) {
        EXPECT_GE(*exact.max, *proof.max) << seed << " cell " << proof.cell;
      }
      if (!exact.max) {
        EXPECT_FALSE(proof.max.has_value()) << seed << " cell " << proof.cell;
      }
      if (!exact.sensitive) continue;
      ++small;
      EXPECT_TRUE(!exact.width() || *exact.width() >= table.threshold) << seed << " cell " << exact.cell;
    }
    EXPECT_GT(small, 0u);
    // The same table with its cells in another order gives the same bytes.
    Table shuffled = table;
    std::shuffle(shuffled.cells.begin(), shuffled.cells.end(), random);
    EXPECT_EQ(to_json(suppress(shuffled, options)).dump(), to_json(result).dump());
    std::printf("[ figures  ] 3x4x6 with groups, seed %u: the hypercube method hides %zu of %zu cells\n", seed,
                result.suppressed_count(), result.cells.size());
  }
}

TEST(table_suppression, the_hypercube_method_against_exact_on_6x8) {
  std::size_t exact_cells = 0, cube_cells = 0;
  for (unsigned seed = 1; seed <= 3; ++seed) {  // the tables of the heuristic's test above
    const Table table = crossed_table(6, 8, seeded_counts(48, 1000 + seed));
    exact_cells += suppress(table).suppressed_count();
    SuppressionOptions options;
    options.hypercube_min_cells = 0;
    const SuppressionResult cubes = suppress(table, options);
    expect_protected(cubes);
    cube_cells += cubes.suppressed_count();
  }
  std::printf("[ figures  ] 6x8 with margins, 3 tables: exact hides %zu cells, the hypercube method %zu\n", exact_cells,
              cube_cells);
  EXPECT_GE(cube_cells, exact_cells);  // exact is the fewest
}

// A table of 300 cells and more takes the hypercube method by itself: 3 municipalities x 8 offers x
// 12 months, with every margin (no integer audit here: this one also runs under the sanitizers).
TEST(table_suppression, a_large_table_takes_the_hypercube_method_and_every_small_cell_has_its_proof) {
  std::mt19937 random(21);
  Table table;
  table.dimensions = {{"municipality", {"m1", "m2", "m3"}, "norge", {}}, {"offer", {}, "alle", {}}, {"month", {}, "year", {}}};
  // Numbers as labels (GCC 12 warns falsely about a prefix added to std::to_string).
  for (int o = 1; o <= 8; ++o) table.dimensions[1].values.push_back(std::to_string(o));
  for (int t = 1; t <= 12; ++t) table.dimensions[2].values.push_back(std::to_string(100 + t));
  add_counts_as_in_a_national_table(table, random);
  const SuppressionResult result = suppress(table);
  EXPECT_EQ(result.method, SuppressionMethod::hypercube) << result.method_reason;
  EXPECT_EQ(result.cells.size(), 4u * 9u * 13u);
  expect_protected(result);
  ASSERT_EQ(result.audit.size(), result.suppressed_count());
  for (const PublishedCell& cell : result.cells) {
    if (!cell.suppressed()) {
      EXPECT_TRUE(*cell.count == 0 || *cell.count >= table.threshold);
    }
  }
}

}  // namespace
}  // namespace paarorende
