// Cell suppression of linked tables (table.hpp; DOMAIN X4, V1; issue #21, docs/suppression.md).
//
// The table is a lattice: per dimension its values, then its groups, then its total. Every cell of
// the lattice is published; the links between them are the equations "an aggregate level is the
// sum of its member values" in each dimension, with the other dimensions' levels fixed.
//
// The audit (the attacker's view): the hidden cells are integer unknowns >= 1 (true zeros are
// never hidden, and the attacker knows the method); each equation that holds one gives a linear
// constraint with the published cells as constants. A hidden cell's interval is its min and max
// over that integer program, solved by CBC on the connected part of the hidden cells that the
// cell is in.
//
// The exact pattern (Fischetti and Salazar's model of cell suppression, solved here by generating
// constraints rather than through its LP duals, so the protection stays the integer one): a
// master integer program chooses the cheapest pattern (fewest cells, then the smallest total)
// that meets the cuts found so far; its pattern is audited; a cell left narrow gives the cut
// "hide at least one cell outside S'", where S' is a largest pattern containing the master's that
// still leaves the cell narrow. Protection only grows with what is hidden, so the cut removes no
// pattern that protects, and the first pattern that passes the audit is a cheapest one.
#include "paarorende/table.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <string>

#include <CbcModel.hpp>
#include <CoinMessageHandler.hpp>
#include <CoinPackedMatrix.hpp>
#include <CoinPackedVector.hpp>
#include <OsiClpSolverInterface.hpp>

#include "detail/input_error.hpp"
#include "detail/text.hpp"
#include "paarorende/limits.hpp"
#include "paarorende/scores.hpp"

namespace paarorende {
namespace detail::table_suppression {

// At most this many cells in the lattice (interior, margins and group totals).
constexpr std::size_t max_lattice_cells = 500000;

struct Lattice {
  std::vector<std::size_t> n_values;  // per dimension
  std::vector<std::size_t> n_levels;  // values + groups + total
  std::vector<std::size_t> stride;    // the last dimension varies fastest
  // Per dimension and level, the value indices it covers.
  std::vector<std::vector<std::vector<std::size_t>>> members;
  std::size_t size = 1;

  std::size_t level(std::size_t cell, std::size_t d) const { return cell / stride[d] % n_levels[d]; }
  bool interior(std::size_t cell) const {
    for (std::size_t d = 0; d < n_levels.size(); ++d) {
      if (level(cell, d) >= n_values[d]) return false;
    }
    return true;
  }
};

// "members - aggregate = 0".
struct Equation {
  std::size_t aggregate = 0;
  std::vector<std::size_t> members;
};

struct Model {
  Lattice lattice;
  std::vector<Equation> equations;
  std::vector<std::vector<std::size_t>> equations_of;  // per cell
  std::vector<std::int64_t> counts;
  std::vector<std::optional<double>> sums;
  std::vector<std::size_t> order;     // output position -> lattice cell
  std::vector<std::size_t> position;  // lattice cell -> output position
  std::int64_t big = 0;               // an upper bound no bounded cell reaches
  int threshold = 5;
};

Lattice make_lattice(const Table& table) {
  Lattice lattice;
  const std::size_t dims = table.dimensions.size();
  lattice.n_values.resize(dims);
  lattice.n_levels.resize(dims);
  lattice.stride.resize(dims);
  lattice.members.resize(dims);
  for (std::size_t d = 0; d < dims; ++d) {
    const TableDimension& dimension = table.dimensions[d];
    std::map<std::string, std::size_t> index;
    for (std::size_t v = 0; v < dimension.values.size(); ++v) index[dimension.values[v]] = v;
    auto& members = lattice.members[d];
    for (std::size_t v = 0; v < dimension.values.size(); ++v) members.push_back({v});
    for (const TableGroup& group : dimension.groups) {
      std::vector<std::size_t> of_group;
      for (const std::string& value : group.values) of_group.push_back(index.at(value));
      std::sort(of_group.begin(), of_group.end());
      members.push_back(of_group);
    }
    std::vector<std::size_t> all(dimension.values.size());
    std::iota(all.begin(), all.end(), std::size_t{0});
    members.push_back(all);
    lattice.n_values[d] = dimension.values.size();
    lattice.n_levels[d] = members.size();
  }
  lattice.size = 1;
  for (std::size_t d = dims; d-- > 0;) {
    lattice.stride[d] = lattice.size;
    lattice.size *= lattice.n_levels[d];
  }
  return lattice;
}

Model make_model(const Table& table) {
  Model model;
  model.threshold = table.threshold;
  model.lattice = make_lattice(table);
  const Lattice& lattice = model.lattice;
  const std::size_t dims = table.dimensions.size();
  model.counts.assign(lattice.size, 0);
  model.sums.assign(lattice.size, std::nullopt);
  const bool with_sums = std::any_of(table.cells.begin(), table.cells.end(),
                                     [](const TableCell& cell) { return cell.sum.has_value(); });
  std::vector<double> sums(lattice.size, 0.0);

  std::vector<std::map<std::string, std::size_t>> index(dims);
  for (std::size_t d = 0; d < dims; ++d) {
    for (std::size_t v = 0; v < table.dimensions[d].values.size(); ++v) index[d][table.dimensions[d].values[v]] = v;
  }
  // Each interior cell adds to every cell covering it: its value, its groups and the total.
  std::vector<std::vector<std::size_t>> covering(dims);
  for (const TableCell& cell : table.cells) {
    for (std::size_t d = 0; d < dims; ++d) {
      const std::size_t v = index[d].at(cell.values[d]);
      covering[d].clear();
      for (std::size_t level = 0; level < lattice.n_levels[d]; ++level) {
        const auto& members = lattice.members[d][level];
        if (std::binary_search(members.begin(), members.end(), v)) covering[d].push_back(level);
      }
    }
    std::function<void(std::size_t, std::size_t)> add = [&](std::size_t d, std::size_t at) {
      if (d == dims) {
        model.counts[at] += cell.count;
        sums[at] += cell.sum.value_or(0.0);
        return;
      }
      for (std::size_t level : covering[d]) add(d + 1, at + level * lattice.stride[d]);
    };
    add(0, 0);
  }
  if (with_sums) {
    for (std::size_t c = 0; c < lattice.size; ++c) model.sums[c] = sums[c];
  }

  // The equations: in each dimension, each aggregate level against its members.
  model.equations_of.assign(lattice.size, {});
  for (std::size_t d = 0; d < dims; ++d) {
    for (std::size_t cell = 0; cell < lattice.size; ++cell) {
      const std::size_t level = lattice.level(cell, d);
      if (level < lattice.n_values[d]) continue;
      Equation equation{cell, {}};
      const std::size_t base = cell - level * lattice.stride[d];
      for (std::size_t v : lattice.members[d][level]) equation.members.push_back(base + v * lattice.stride[d]);
      const std::size_t e = model.equations.size();
      model.equations_of[cell].push_back(e);
      for (std::size_t member : equation.members) model.equations_of[member].push_back(e);
      model.equations.push_back(std::move(equation));
    }
  }

  // Output order: interior cells first, then margins, each in lattice order.
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t cell = 0; cell < lattice.size; ++cell) {
      if (lattice.interior(cell) == (pass == 0)) model.order.push_back(cell);
    }
  }
  model.position.assign(lattice.size, 0);
  for (std::size_t p = 0; p < model.order.size(); ++p) model.position[model.order[p]] = p;
  std::int64_t total = 0;
  for (const TableCell& cell : table.cells) total += cell.count;
  model.big = 2 * total + 1000;
  return model;
}

// --- the audit ---

void quiet(OsiSolverInterface& solver) {
  solver.messageHandler()->setLogLevel(0);
  solver.setHintParam(OsiDoReducePrint, true, OsiHintTry);
}

struct Bound {
  double value = 0;
  bool proven = true;
};

// Minimises sum(coefficient * column) over the integer program loaded in `solver` (whose linear
// relaxation was solved before); `start` is a feasible point (the true table).
Bound solve_integer_terms(OsiClpSolverInterface& solver, const std::vector<std::pair<int, double>>& terms,
                          const std::vector<double>& start, int node_limit) {
  const int n = solver.getNumCols();
  std::vector<double> objective(static_cast<std::size_t>(n), 0.0);
  double start_value = 0;
  for (const auto& [column, coefficient] : terms) {
    objective[static_cast<std::size_t>(column)] += coefficient;
    start_value += coefficient * start[static_cast<std::size_t>(column)];
  }
  solver.setObjective(objective.data());
  // The linear relaxation first (warm-started from the last solve): where its optimum is whole
  // numbers (as in most tables of two dimensions, whose equations form a network), it is the
  // integer optimum.
  solver.resolve();
  if (solver.isProvenOptimal()) {
    const double* values = solver.getColSolution();
    bool whole = true;
    for (int i = 0; i < n && whole; ++i) whole = std::abs(values[i] - std::round(values[i])) < 1e-9;
    if (whole) return {solver.getObjValue(), true};
  }
  OsiClpSolverInterface integer(solver);
  quiet(integer);
  for (int i = 0; i < n; ++i) integer.setInteger(i);
  CbcModel model(integer);
  model.setLogLevel(0);
  model.messageHandler()->setLogLevel(0);
  quiet(*model.solver());
  model.setMaximumNodes(node_limit);
  model.setBestSolution(start.data(), n, start_value, false);
  model.branchAndBound();
  if (model.isProvenOptimal()) return {model.getObjValue(), true};
  return {model.bestSolution() ? model.getObjValue() : start_value, false};
}

// Minimises `sign` times column `column`.
Bound solve_integer(OsiClpSolverInterface& solver, int column, double sign, const std::vector<double>& start,
                    int node_limit) {
  return solve_integer_terms(solver, {{column, sign}}, start, node_limit);
}

class Auditor {
 public:
  Auditor(const Model& model, int node_limit) : model_(model), node_limit_(node_limit) {}

  // The intervals of `targets` (hidden) under the pattern `hidden` (per lattice cell), from one
  // integer program over the hidden cells connected to them through the equations.
  std::vector<CellInterval> intervals(const std::vector<char>& hidden, const std::vector<std::size_t>& targets) const {
    std::vector<std::size_t> cells;
    std::map<std::size_t, int> column_of;
    for (std::size_t target : targets) {
      if (column_of.emplace(target, static_cast<int>(cells.size())).second) cells.push_back(target);
    }
    std::vector<std::size_t> rows;
    std::set<std::size_t> seen_rows;
    for (std::size_t k = 0; k < cells.size(); ++k) {
      for (std::size_t e : model_.equations_of[cells[k]]) {
        if (!seen_rows.insert(e).second) continue;
        rows.push_back(e);
        const Equation& equation = model_.equations[e];
        auto reach = [&](std::size_t cell) {
          if (hidden[cell] && column_of.emplace(cell, static_cast<int>(cells.size())).second) cells.push_back(cell);
        };
        reach(equation.aggregate);
        for (std::size_t member : equation.members) reach(member);
      }
    }
    const std::size_t n = cells.size();
    CoinPackedMatrix matrix(false, 0, 0);
    matrix.setDimensions(0, static_cast<int>(n));
    std::vector<double> rhs;
    for (std::size_t e : rows) {
      const Equation& equation = model_.equations[e];
      CoinPackedVector row;
      double constant = 0;
      auto term = [&](std::size_t cell, double coefficient) {
        if (hidden[cell]) {
          row.insert(column_of.at(cell), coefficient);
        } else {
          constant += coefficient * static_cast<double>(model_.counts[cell]);
        }
      };
      for (std::size_t member : equation.members) term(member, 1.0);
      term(equation.aggregate, -1.0);
      matrix.appendRow(row);
      rhs.push_back(-constant);
    }
    std::vector<double> lower(n, 1.0), upper(n, static_cast<double>(model_.big)), start(n), objective(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) start[i] = static_cast<double>(model_.counts[cells[i]]);
    OsiClpSolverInterface solver;
    quiet(solver);
    solver.loadProblem(matrix, lower.data(), upper.data(), objective.data(), rhs.data(), rhs.data());
    solver.initialSolve();
    std::vector<CellInterval> result;
    for (std::size_t target : targets) {
      const int column = column_of.at(target);
      const Bound low = solve_integer(solver, column, 1.0, start, node_limit_);
      const Bound high = solve_integer(solver, column, -1.0, start, node_limit_);
      CellInterval interval;
      interval.cell = model_.position[target];
      interval.min = std::llround(low.value);
      const std::int64_t max = std::llround(-high.value);
      if (max < model_.big) interval.max = max;
      interval.proven = low.proven && high.proven;
      result.push_back(interval);
    }
    return result;
  }

  CellInterval interval(const std::vector<char>& hidden, std::size_t target) const {
    return intervals(hidden, {target}).front();
  }

  bool protects(const std::vector<char>& hidden, std::size_t target) const {
    const auto width = interval(hidden, target).width();
    return !width || *width >= model_.threshold;
  }

  bool protects_all(const std::vector<char>& hidden, const std::vector<std::size_t>& targets) const {
    if (targets.empty()) return true;
    for (const CellInterval& found : intervals(hidden, targets)) {
      const auto width = found.width();
      if (width && *width < model_.threshold) return false;
    }
    return true;
  }

 private:
  const Model& model_;
  int node_limit_;
};

std::vector<char> primary_cells(const Model& model) {
  std::vector<char> primary(model.lattice.size, 0);
  for (std::size_t c = 0; c < model.lattice.size; ++c) {
    // DOMAIN X4: a figure for 1 to threshold - 1 people; zeros are shown (and so never hidden).
    primary[c] = model.counts[c] >= 1 && model.counts[c] < model.threshold;
  }
  return primary;
}

// The cost of hiding a cell: one cell first, then its count.
std::int64_t cell_cost(const Model& model, std::size_t cell) { return model.counts[cell]; }

// --- the heuristic ---

// The hidden cells connected to `cell` through equations that hold two of them or more.
std::vector<std::size_t> hidden_component(const Model& model, const std::vector<char>& hidden, std::size_t cell) {
  std::vector<std::size_t> cells{cell};
  std::set<std::size_t> seen{cell};
  std::set<std::size_t> seen_rows;
  for (std::size_t k = 0; k < cells.size(); ++k) {
    for (std::size_t e : model.equations_of[cells[k]]) {
      if (!seen_rows.insert(e).second) continue;
      const Equation& equation = model.equations[e];
      auto reach = [&](std::size_t other) {
        if (hidden[other] && seen.insert(other).second) cells.push_back(other);
      };
      reach(equation.aggregate);
      for (std::size_t member : equation.members) reach(member);
    }
  }
  return cells;
}

// Whether a hidden cell is the only hidden one in one of its equations (and so derived exactly).
bool alone_in_an_equation(const Model& model, const std::vector<char>& hidden, std::size_t c) {
  for (std::size_t e : model.equations_of[c]) {
    const Equation& equation = model.equations[e];
    std::size_t count = hidden[equation.aggregate] ? 1 : 0;
    for (std::size_t member : equation.members) count += hidden[member] ? 1 : 0;
    if (count == 1) return true;
  }
  return false;
}

// Whether a primary cell is left narrow: alone among the hidden in an equation, or audited so.
bool is_narrow(const Model& model, const Auditor& auditor, const std::vector<char>& hidden, std::size_t c) {
  return alone_in_an_equation(model, hidden, c) || !auditor.protects(hidden, c);
}

std::vector<char> heuristic_pattern(const Model& model, const Auditor& auditor, const std::vector<char>& primary) {
  std::vector<char> hidden = primary;
  const std::size_t size = model.lattice.size;
  auto cheaper = [&](std::size_t a, std::size_t b) {
    return cell_cost(model, a) != cell_cost(model, b) ? cell_cost(model, a) < cell_cost(model, b) : a < b;
  };
  // No primary cell alone among the hidden in an equation: add the cheapest other cell there.
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t c = 0; c < size; ++c) {
      if (!primary[c]) continue;
      for (std::size_t e : model.equations_of[c]) {
        const Equation& equation = model.equations[e];
        std::vector<std::size_t> cells = equation.members;
        cells.push_back(equation.aggregate);
        std::size_t count = 0;
        std::optional<std::size_t> best;
        for (std::size_t cell : cells) {
          if (hidden[cell]) {
            ++count;
          } else if (model.counts[cell] > 0 && (!best || cheaper(cell, *best))) {
            best = cell;
          }
        }
        if (count == 1 && best) {
          hidden[*best] = 1;
          changed = true;
        }
      }
    }
  }
  // Each primary cell in turn: while it is narrow, hide the cheapest cell next to its hidden
  // neighbours that widens it. Hiding more never narrows a cell, so those done stay protected.
  constexpr std::size_t tried_per_step = 8;
  for (std::size_t c = 0; c < size; ++c) {
    if (!primary[c]) continue;
    for (;;) {
      const CellInterval now = auditor.interval(hidden, c);
      const auto width = now.width();
      if (!width || *width >= model.threshold) break;
      std::set<std::size_t, decltype(cheaper)> candidates(cheaper);
      for (std::size_t cell : hidden_component(model, hidden, c)) {
        for (std::size_t e : model.equations_of[cell]) {
          const Equation& equation = model.equations[e];
          auto consider = [&](std::size_t other) {
            if (!hidden[other] && model.counts[other] > 0) candidates.insert(other);
          };
          consider(equation.aggregate);
          for (std::size_t member : equation.members) consider(member);
        }
      }
      if (candidates.empty()) break;  // nothing left to hide beside it
      std::optional<std::size_t> chosen;
      std::size_t tried = 0;
      for (std::size_t cell : candidates) {
        if (++tried > tried_per_step) break;
        hidden[cell] = 1;
        const auto wider = auditor.interval(hidden, c).width();
        hidden[cell] = 0;
        if (!wider || *wider > *width) {
          chosen = cell;
          break;
        }
      }
      hidden[chosen.value_or(*candidates.begin())] = 1;
    }
  }
  // Redundant cells: the dearest secondary cells first, shown again when every primary cell that
  // was connected to it stays protected.
  std::vector<std::size_t> secondary;
  for (std::size_t cell = 0; cell < size; ++cell) {
    if (hidden[cell] && !primary[cell]) secondary.push_back(cell);
  }
  std::sort(secondary.begin(), secondary.end(), [&](std::size_t a, std::size_t b) { return cheaper(b, a); });
  for (std::size_t cell : secondary) {
    const auto affected = hidden_component(model, hidden, cell);
    hidden[cell] = 0;
    std::vector<std::size_t> targets;
    bool alone = false;
    for (std::size_t other : affected) {
      if (!primary[other]) continue;
      targets.push_back(other);
      alone = alone || alone_in_an_equation(model, hidden, other);
    }
    if (alone || !auditor.protects_all(hidden, targets)) hidden[cell] = 1;
  }
  return hidden;
}

// The primary cells that `hidden` leaves narrow, in lattice order.
std::vector<std::size_t> narrow_cells(const Model& model, const Auditor& auditor,
                                      const std::vector<char>& primary, const std::vector<char>& hidden,
                                      bool first_only) {
  std::vector<std::size_t> narrow;
  for (std::size_t c = 0; c < model.lattice.size; ++c) {
    if (!primary[c] || !is_narrow(model, auditor, hidden, c)) continue;
    narrow.push_back(c);
    if (first_only) break;
  }
  return narrow;
}

// --- the hypercube method, for large tables ---
//
// A move that keeps every published figure: in each dimension a vector over its levels that keeps
// every aggregate the sum of its members (two values with opposite signs, each group holding one
// of them following it; or one value with every aggregate holding it), and their product over the
// dimensions (along any one dimension it is that dimension's vector times a constant, so every
// equation still holds). When every cell the move touches is hidden and stays at least 1, the
// tables it leads to agree with everything published: the cell's interval holds
// [count - down, count + up]. One move as wide as the threshold proves a cell protected without an
// integer program: the hypercube method statistics offices use for large tables (Repsilber's, in
// tau-Argus), here with the interval of the integer audit as its test.

struct LevelSign {
  std::size_t level = 0;
  int sign = 1;
};
using DimensionMove = std::vector<LevelSign>;

// Value a up, value b down, and each aggregate that holds exactly one of them with it.
DimensionMove pair_move(const Lattice& lattice, std::size_t d, std::size_t a, std::size_t b) {
  DimensionMove move{{a, +1}, {b, -1}};
  for (std::size_t level = lattice.n_values[d]; level < lattice.n_levels[d]; ++level) {
    const auto& members = lattice.members[d][level];
    const bool has_a = std::binary_search(members.begin(), members.end(), a);
    const bool has_b = std::binary_search(members.begin(), members.end(), b);
    if (has_a != has_b) move.push_back({level, has_a ? +1 : -1});
  }
  return move;
}

// Value a up, and every aggregate that holds it (its groups and the total).
DimensionMove up_move(const Lattice& lattice, std::size_t d, std::size_t a) {
  DimensionMove move{{a, +1}};
  for (std::size_t level = lattice.n_values[d]; level < lattice.n_levels[d]; ++level) {
    const auto& members = lattice.members[d][level];
    if (std::binary_search(members.begin(), members.end(), a)) move.push_back({level, +1});
  }
  return move;
}

struct Move {
  std::vector<std::size_t> cells;
  CellInterval interval;  // of the cell it was found for: an inner interval
  std::size_t new_cells = 0;
  std::int64_t new_total = 0;
};

class Hypercubes {
 public:
  // `shortlist`: per dimension, how many other values are tried (the cheapest first).
  Hypercubes(const Model& model, std::size_t shortlist) : model_(model), shortlist_(shortlist) {}

  // The cheapest move through `cell` (fewest cells not yet hidden, then their smallest total) at
  // least `width` wide; with `free_only`, only moves among the hidden cells.
  std::optional<Move> cheapest(const std::vector<char>& hidden, std::size_t cell, std::int64_t width,
                               bool free_only) const {
    const Lattice& lattice = model_.lattice;
    const std::size_t dims = lattice.n_levels.size();
    std::vector<std::vector<DimensionMove>> options(dims);
    for (std::size_t d = 0; d < dims; ++d) {
      options[d] = dimension_moves(hidden, cell, d);
      if (options[d].empty()) return std::nullopt;  // no value beside it can move
    }
    std::optional<Move> best;
    std::vector<std::size_t> choice(dims, 0);
    for (;;) {
      evaluate(hidden, cell, options, choice, width, free_only, best);
      if (best && best->new_cells == 0) break;  // nothing is cheaper
      std::size_t d = dims;
      while (d > 0 && ++choice[d - 1] == options[d - 1].size()) choice[--d] = 0;
      if (d == 0) break;
    }
    return best;
  }

 private:
  // The cell with dimension d at `level` instead of its own.
  std::size_t moved(std::size_t cell, std::size_t d, std::size_t level) const {
    const Lattice& lattice = model_.lattice;
    return cell - lattice.level(cell, d) * lattice.stride[d] + level * lattice.stride[d];
  }

  // The values of dimension d to try beside `cell`, cheapest first: hidden ones, then the
  // smallest non-zero counts; `inside` says which values qualify.
  template <class Inside>
  std::vector<std::size_t> candidates(const std::vector<char>& hidden, std::size_t cell, std::size_t d,
                                      Inside inside) const {
    std::vector<std::pair<std::int64_t, std::size_t>> ranked;
    for (std::size_t v = 0; v < model_.lattice.n_values[d]; ++v) {
      if (!inside(v)) continue;
      const std::size_t other = moved(cell, d, v);
      if (model_.counts[other] <= 0) continue;  // a zero cannot move
      ranked.push_back({hidden[other] ? 0 : model_.counts[other], v});
    }
    const std::size_t keep = std::min(shortlist_, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end());
    std::vector<std::size_t> values;
    for (std::size_t i = 0; i < keep; ++i) values.push_back(ranked[i].second);
    return values;
  }

  std::vector<DimensionMove> dimension_moves(const std::vector<char>& hidden, std::size_t cell, std::size_t d) const {
    const Lattice& lattice = model_.lattice;
    const std::size_t level = lattice.level(cell, d);
    std::vector<DimensionMove> moves;
    if (level < lattice.n_values[d]) {
      for (std::size_t b : candidates(hidden, cell, d, [level](std::size_t v) { return v != level; })) {
        moves.push_back(pair_move(lattice, d, level, b));
      }
      moves.push_back(up_move(lattice, d, level));
      return moves;
    }
    // An aggregate: a value inside it moves it, with a value outside it or with the total.
    const auto& members = lattice.members[d][level];
    auto inside = [&members](std::size_t v) { return std::binary_search(members.begin(), members.end(), v); };
    const auto from = candidates(hidden, cell, d, inside);
    const auto to = candidates(hidden, cell, d, [&inside](std::size_t v) { return !inside(v); });
    for (std::size_t a : from) {
      for (std::size_t b : to) moves.push_back(pair_move(lattice, d, a, b));
      moves.push_back(up_move(lattice, d, a));
    }
    return moves;
  }

  void evaluate(const std::vector<char>& hidden, std::size_t cell, const std::vector<std::vector<DimensionMove>>& options,
                const std::vector<std::size_t>& choice, std::int64_t width, bool free_only,
                std::optional<Move>& best) const {
    const Lattice& lattice = model_.lattice;
    const std::size_t dims = lattice.n_levels.size();
    for (std::size_t d = 0; d < dims; ++d) {
      if (options[d].empty()) return;
    }
    // The product of the dimensions' moves: every cell it touches, with its sign.
    std::vector<std::pair<std::size_t, int>> touched{{0, 1}};
    for (std::size_t d = 0; d < dims; ++d) {
      std::vector<std::pair<std::size_t, int>> next;
      for (const auto& [at, sign] : touched) {
        for (const LevelSign& entry : options[d][choice[d]]) {
          next.push_back({at + entry.level * lattice.stride[d], sign * entry.sign});
        }
      }
      touched = std::move(next);
    }
    int own = 0;
    for (const auto& [at, sign] : touched) {
      if (at == cell) own = sign;
    }
    if (own == 0) return;
    std::int64_t up = model_.big, down = model_.big;
    std::size_t new_cells = 0;
    std::int64_t new_total = 0;
    for (const auto& [at, sign] : touched) {
      const std::int64_t count = model_.counts[at];
      if (count <= 0) return;  // a zero is published as it is
      if (!hidden[at]) {
        if (free_only) return;
        ++new_cells;
        new_total += count;
      }
      // Moving the cell up lowers the cells of the other sign; down, those of its own.
      if (sign == own) {
        down = std::min(down, count - 1);
      } else {
        up = std::min(up, count - 1);
      }
    }
    if (up + down < width) return;
    if (best && std::make_pair(new_cells, new_total) >= std::make_pair(best->new_cells, best->new_total)) return;
    Move move;
    for (const auto& entry : touched) move.cells.push_back(entry.first);
    move.interval.cell = model_.position[cell];
    move.interval.min = model_.counts[cell] - down;
    if (up < model_.big) move.interval.max = model_.counts[cell] + up;
    move.interval.proven = false;  // an inner interval: the attacker's may be wider
    move.new_cells = new_cells;
    move.new_total = new_total;
    best = std::move(move);
  }

  const Model& model_;
  std::size_t shortlist_;
};

// The hypercube pattern and, per primary cell, the move that proves it protected; cells no move
// protects (none of their neighbours can move) go through the heuristic's audited loop.
struct HypercubePattern {
  std::vector<char> hidden;
  std::map<std::size_t, CellInterval> proofs;  // lattice cell -> its inner interval
  std::size_t audited = 0;                      // primary cells left to the audited step
  std::size_t unprotected = 0;                  // of those, cells even it could not protect
};

HypercubePattern hypercube_pattern(const Model& model, const Auditor& auditor, const std::vector<char>& primary,
                                   std::size_t shortlist) {
  HypercubePattern pattern;
  pattern.hidden = primary;
  const Hypercubes cubes(model, std::max<std::size_t>(shortlist, 1));
  // A cell whose shortlist holds no move tries every value of every dimension.
  std::size_t most_values = 1;
  for (std::size_t values : model.lattice.n_values) most_values = std::max(most_values, values);
  const Hypercubes every(model, most_values);
  std::vector<std::size_t> left;
  std::map<std::size_t, std::vector<std::size_t>> support;  // primary cell -> its move's cells
  for (std::size_t c = 0; c < model.lattice.size; ++c) {
    if (!primary[c]) continue;
    auto move = cubes.cheapest(pattern.hidden, c, model.threshold, false);
    if (!move) move = every.cheapest(pattern.hidden, c, model.threshold, false);
    if (!move) {
      left.push_back(c);
      continue;
    }
    for (std::size_t cell : move->cells) pattern.hidden[cell] = 1;
    pattern.proofs[c] = move->interval;
    std::sort(move->cells.begin(), move->cells.end());
    support[c] = std::move(move->cells);
  }
  // None is left when every small cell's values and aggregates are non-zero (the cell moved up with
  // all its aggregates is a move); any that is goes through the audited heuristic's step, over the
  // hidden cells linked to it, until the integer audit finds it wide.
  for (std::size_t c : left) {
    ++pattern.audited;
    for (;;) {
      const auto width = auditor.interval(pattern.hidden, c).width();
      if (!width || *width >= model.threshold) break;
      std::optional<std::size_t> cheapest;
      for (std::size_t linked : hidden_component(model, pattern.hidden, c)) {
        for (std::size_t e : model.equations_of[linked]) {
          const Equation& equation = model.equations[e];
          auto consider = [&](std::size_t other) {
            if (!pattern.hidden[other] && model.counts[other] > 0 &&
                (!cheapest || model.counts[other] < model.counts[*cheapest])) {
              cheapest = other;
            }
          };
          consider(equation.aggregate);
          for (std::size_t member : equation.members) consider(member);
        }
      }
      if (!cheapest) {
        ++pattern.unprotected;  // nothing left to hide beside it
        break;
      }
      pattern.hidden[*cheapest] = 1;
    }
  }
  // Shown again: the secondary cells, the largest first, wherever every small cell whose move
  // used it finds another move among the cells still hidden. (Not when the audited step protects
  // some cell: its protection is no move to check.)
  if (!left.empty()) return pattern;
  std::map<std::size_t, std::vector<std::size_t>> used_by;
  for (const auto& [c, cells] : support) {
    for (std::size_t cell : cells) used_by[cell].push_back(c);
  }
  std::vector<std::size_t> secondary;
  for (std::size_t cell = 0; cell < model.lattice.size; ++cell) {
    if (pattern.hidden[cell] && !primary[cell]) secondary.push_back(cell);
  }
  std::stable_sort(secondary.begin(), secondary.end(),
                   [&model](std::size_t a, std::size_t b) { return model.counts[a] > model.counts[b]; });
  for (std::size_t cell : secondary) {
    pattern.hidden[cell] = 0;
    std::vector<std::pair<std::size_t, Move>> replaced;
    bool kept = true;
    for (std::size_t c : used_by[cell]) {
      const auto& cells = support[c];
      if (!std::binary_search(cells.begin(), cells.end(), cell)) continue;  // it moved on
      auto move = cubes.cheapest(pattern.hidden, c, model.threshold, true);
      if (!move) {
        kept = false;
        break;
      }
      replaced.emplace_back(c, std::move(*move));
    }
    if (!kept) {
      pattern.hidden[cell] = 1;
      continue;
    }
    for (auto& [c, move] : replaced) {
      pattern.proofs[c] = move.interval;
      std::sort(move.cells.begin(), move.cells.end());
      for (std::size_t other : move.cells) used_by[other].push_back(c);
      support[c] = std::move(move.cells);
    }
  }
  return pattern;
}

// --- the exact pattern ---

struct Exact {
  std::optional<std::vector<char>> hidden;
  std::string reason;
};

Exact exact_pattern(const Model& model, const Auditor& auditor, const std::vector<char>& primary,
                    const SuppressionOptions& options, const std::vector<char>& heuristic) {
  const std::size_t size = model.lattice.size;
  std::vector<std::size_t> candidates;  // the non-zero cells, the only ones that may be hidden
  for (std::size_t c = 0; c < size; ++c) {
    if (model.counts[c] > 0) candidates.push_back(c);
  }
  if (candidates.size() > options.exact_max_cells) {
    return {std::nullopt, "the table has " + std::to_string(candidates.size()) + " non-zero cells, more than " +
                              std::to_string(options.exact_max_cells) + " for the exact path"};
  }
  const int n = static_cast<int>(candidates.size());
  std::map<std::size_t, int> column_of;
  for (int i = 0; i < n; ++i) column_of[candidates[i]] = i;
  // Fewest cells first, then the smallest total: one cell outweighs every count together.
  double weight = 1.0;
  for (std::size_t c : candidates) weight += static_cast<double>(model.counts[c]);
  std::vector<double> objective(n), lower(n, 0.0), upper(n, 1.0);
  for (int i = 0; i < n; ++i) {
    objective[i] = weight + static_cast<double>(model.counts[candidates[i]]);
    if (primary[candidates[i]]) lower[i] = 1.0;
  }
  CoinPackedMatrix cuts(false, 0, 0);
  cuts.setDimensions(0, n);
  std::vector<double> cut_lower;
  auto add_cut = [&](const std::vector<std::size_t>& cells) {
    CoinPackedVector row;
    for (std::size_t cell : cells) row.insert(column_of.at(cell), 1.0);
    cuts.appendRow(row);
    cut_lower.push_back(1.0);
  };
  // A primary cell needs another hidden cell in each of its equations.
  for (std::size_t c = 0; c < size; ++c) {
    if (!primary[c]) continue;
    for (std::size_t e : model.equations_of[c]) {
      const Equation& equation = model.equations[e];
      std::vector<std::size_t> others;
      for (std::size_t cell : equation.members) {
        if (cell != c && model.counts[cell] > 0) others.push_back(cell);
      }
      if (equation.aggregate != c && model.counts[equation.aggregate] > 0) others.push_back(equation.aggregate);
      if (!others.empty()) add_cut(others);
    }
  }
  // The heuristic's pattern protects: once the master's lower bound reaches its cost, it is minimal.
  double heuristic_cost = 0;
  for (int i = 0; i < n; ++i) heuristic_cost += heuristic[candidates[i]] ? objective[i] : 0.0;
  constexpr std::size_t cuts_per_round = 4;
  for (int round = 0; round < options.max_rounds; ++round) {
    OsiClpSolverInterface solver;
    quiet(solver);
    std::vector<double> cut_upper(cut_lower.size(), static_cast<double>(n));
    solver.loadProblem(cuts, lower.data(), upper.data(), objective.data(), cut_lower.data(), cut_upper.data());
    for (int i = 0; i < n; ++i) solver.setInteger(i);
    CbcModel master(solver);
    master.setLogLevel(0);
    master.messageHandler()->setLogLevel(0);
    quiet(*master.solver());
    master.setMaximumNodes(options.node_limit);
    master.branchAndBound();
    if (!master.isProvenOptimal()) {
      return {std::nullopt, "CBC did not prove a pattern minimal within " + std::to_string(options.node_limit) + " nodes"};
    }
    const std::string rounds = std::to_string(round + 1) + (round == 0 ? " round" : " rounds");
    if (master.getObjValue() >= heuristic_cost - 0.5) {
      return {heuristic, "proved minimal by CBC in " + rounds + " (the heuristic's pattern meets the lower bound)"};
    }
    const double* solution = master.bestSolution();
    std::vector<char> pattern(size, 0);
    for (int i = 0; i < n; ++i) pattern[candidates[i]] = solution[i] > 0.5;
    const auto narrow = narrow_cells(model, auditor, primary, pattern, false);
    if (narrow.empty()) return {pattern, "proved minimal by CBC in " + rounds};
    // For the first few narrow cells: grow the pattern as far as the cell stays narrow (halving the
    // candidates), then cut the grown pattern off.
    for (std::size_t k = 0; k < narrow.size() && k < cuts_per_round; ++k) {
      const std::size_t target = narrow[k];
      std::vector<char> hidden = pattern;
      std::vector<std::size_t> rest;
      for (std::size_t c : candidates) {
        if (!hidden[c]) rest.push_back(c);
      }
      std::function<void(std::size_t, std::size_t)> grow = [&](std::size_t from, std::size_t to) {
        if (from == to) return;
        for (std::size_t i = from; i < to; ++i) hidden[rest[i]] = 1;
        if (!auditor.protects(hidden, target)) return;
        for (std::size_t i = from; i < to; ++i) hidden[rest[i]] = 0;
        if (to - from == 1) return;
        const std::size_t middle = from + (to - from) / 2;
        grow(from, middle);
        grow(middle, to);
      };
      grow(0, rest.size());
      std::vector<std::size_t> outside;
      for (std::size_t c : candidates) {
        if (!hidden[c]) outside.push_back(c);
      }
      if (outside.empty()) return {heuristic, "even hiding every non-zero cell leaves a cell narrow"};
      add_cut(outside);
    }
  }
  return {std::nullopt, "CBC did not prove a pattern minimal within " + std::to_string(options.max_rounds) + " rounds"};
}

}  // namespace detail::table_suppression

namespace {

using detail::raise_input_error;
using detail::Rule;

std::string cell_pointer(std::size_t i) { return "/cells/" + std::to_string(i); }

}  // namespace

void check_table(const Table& table) {
  // DOMAIN X4: the threshold is 3 or more.
  try {
    checked_threshold(table.threshold);
  } catch (const InputError& error) {
    throw InputError(error.rule(), error.message(), "/threshold");
  }
  if (table.dimensions.empty() || table.dimensions.size() > 4) {
    raise_input_error("/dimensions", "a table has 1 to 4 dimensions, got " + std::to_string(table.dimensions.size()));
  }
  std::set<std::string> names;
  std::size_t lattice = 1;
  std::vector<std::map<std::string, std::size_t>> index(table.dimensions.size());
  for (std::size_t d = 0; d < table.dimensions.size(); ++d) {
    const TableDimension& dimension = table.dimensions[d];
    const std::string at = "/dimensions/" + std::to_string(d);
    if (dimension.name.empty()) raise_input_error(at + "/name", "a dimension needs a name");
    if (!names.insert(dimension.name).second) {
      raise_input_error(at + "/name", "dimension " + detail::quote_input(dimension.name) + " is named twice");
    }
    if (dimension.name == "count" || dimension.name == "sum" || dimension.name == "mean" ||
        dimension.name == "suppressed") {
      raise_input_error(at + "/name", "a dimension cannot be named " + detail::quote_input(dimension.name) +
                                          ", a field of every cell");
    }
    if (dimension.values.empty()) raise_input_error(at + "/values", "a dimension needs at least one value");
    for (std::size_t v = 0; v < dimension.values.size(); ++v) {
      if (dimension.values[v].empty()) raise_input_error(at + "/values/" + std::to_string(v), "a value is not empty");
      if (!index[d].emplace(dimension.values[v], v).second) {
        raise_input_error(at + "/values/" + std::to_string(v),
                          "value " + detail::quote_input(dimension.values[v]) + " is given twice");
      }
    }
    std::set<std::string> labels;
    auto label = [&](const std::string& text, const std::string& where) {
      if (text.empty()) raise_input_error(where, "a label is not empty");
      if (index[d].count(text) || !labels.insert(text).second) {
        raise_input_error(where, "label " + detail::quote_input(text) + " is already a value or label of " +
                                     detail::quote_input(dimension.name));
      }
    };
    label(dimension.total, at + "/total");
    for (std::size_t g = 0; g < dimension.groups.size(); ++g) {
      const TableGroup& group = dimension.groups[g];
      const std::string group_at = at + "/groups/" + detail::pointer_token(group.label);
      label(group.label, group_at);
      if (group.values.empty()) raise_input_error(group_at, "a group has at least one value");
      std::set<std::string> seen;
      for (std::size_t v = 0; v < group.values.size(); ++v) {
        const std::string where = group_at + "/" + std::to_string(v);
        if (!index[d].count(group.values[v])) {
          raise_input_error(where, "no value " + detail::quote_input(group.values[v]) + " in " +
                                       detail::quote_input(dimension.name));
        }
        if (!seen.insert(group.values[v]).second) {
          raise_input_error(where, "value " + detail::quote_input(group.values[v]) + " is in the group twice");
        }
      }
    }
    lattice *= dimension.values.size() + dimension.groups.size() + 1;
    detail::check_limit(lattice, detail::table_suppression::max_lattice_cells, "cells with margins", "/dimensions");
  }
  std::set<std::vector<std::string>> keys;
  for (std::size_t i = 0; i < table.cells.size(); ++i) {
    const TableCell& cell = table.cells[i];
    const std::string at = cell_pointer(i);
    if (cell.values.size() != table.dimensions.size()) {
      raise_input_error(at, "a cell names a value of each of the " + std::to_string(table.dimensions.size()) +
                                " dimensions");
    }
    for (std::size_t d = 0; d < table.dimensions.size(); ++d) {
      if (!index[d].count(cell.values[d])) {
        raise_input_error(at + "/" + detail::pointer_token(table.dimensions[d].name),
                          "no value " + detail::quote_input(cell.values[d]) + " in " +
                              detail::quote_input(table.dimensions[d].name));
      }
    }
    if (!keys.insert(cell.values).second) raise_input_error(at, "the cell is given twice");
    if (cell.count < 0) raise_input_error(at + "/count", "a count is 0 or more, got " + std::to_string(cell.count));
    if (cell.sum && !(*cell.sum >= 0 && std::isfinite(*cell.sum))) {
      raise_input_error(at + "/sum", "a sum is 0 or more");
    }
    if (cell.sum && cell.count == 0 && *cell.sum != 0) raise_input_error(at + "/sum", "a sum over no one is 0");
  }
}

std::string_view to_string(Suppression suppression) noexcept {
  switch (suppression) {
    case Suppression::none: return "none";
    case Suppression::primary: return "primary";
    case Suppression::secondary: return "secondary";
  }
  return "none";
}

std::string_view to_string(SuppressionMethod method) noexcept {
  switch (method) {
    case SuppressionMethod::exact: return "exact";
    case SuppressionMethod::heuristic: return "heuristic";
    case SuppressionMethod::hypercube: return "hypercube";
  }
  return "heuristic";
}

std::size_t SuppressionResult::suppressed_count() const noexcept {
  return static_cast<std::size_t>(std::count_if(cells.begin(), cells.end(),
                                                [](const PublishedCell& cell) { return cell.suppressed(); }));
}

std::int64_t SuppressionResult::suppressed_total() const noexcept { return hidden_total; }

std::vector<CellInterval> audit_suppression(const Table& table, const std::vector<bool>& hidden,
                                            const SuppressionOptions& options) {
  using namespace detail::table_suppression;
  check_table(table);
  const Model model = make_model(table);
  if (hidden.size() != model.lattice.size) {
    raise_input_error("hidden", "expected " + std::to_string(model.lattice.size) + " cells, got " +
                                    std::to_string(hidden.size()));
  }
  std::vector<char> pattern(model.lattice.size, 0);
  for (std::size_t p = 0; p < hidden.size(); ++p) pattern[model.order[p]] = hidden[p];
  const Auditor auditor(model, options.audit_node_limit);
  const auto primary = primary_cells(model);
  std::vector<std::size_t> targets;
  for (std::size_t cell : model.order) {
    if (pattern[cell]) targets.push_back(cell);
  }
  if (targets.empty()) return {};
  std::vector<CellInterval> audit = auditor.intervals(pattern, targets);
  for (CellInterval& interval : audit) interval.sensitive = primary[model.order[interval.cell]];
  return audit;
}

namespace {

using namespace detail::table_suppression;

// A table's pattern (per lattice cell) and how it was found.
struct Pattern {
  std::vector<char> hidden;
  SuppressionMethod method = SuppressionMethod::heuristic;
  std::string reason;
  std::map<std::size_t, CellInterval> proofs;  // the hypercube method's, per primary cell
};

Pattern protect(const Model& model, const Auditor& auditor, const std::vector<char>& primary,
                const SuppressionOptions& options) {
  if (model.lattice.size >= options.hypercube_min_cells) {
    HypercubePattern cubes = hypercube_pattern(model, auditor, primary, options.hypercube_shortlist);
    std::string reason = "the table has " + std::to_string(model.lattice.size) + " cells, at least " +
                         std::to_string(options.hypercube_min_cells) +
                         " for the hypercube method: every small cell is proved protected by a move of hidden cells";
    if (cubes.audited > 0) reason += " (" + std::to_string(cubes.audited) + " by the audited heuristic)";
    if (cubes.unprotected > 0) {
      reason += "; " + std::to_string(cubes.unprotected) + " small cells could not be protected (the audit shows them narrow)";
    }
    return {std::move(cubes.hidden), SuppressionMethod::hypercube, std::move(reason), std::move(cubes.proofs)};
  }
  Pattern pattern{heuristic_pattern(model, auditor, primary), SuppressionMethod::heuristic, {}, {}};
  const Exact exact = exact_pattern(model, auditor, primary, options, pattern.hidden);
  if (exact.hidden) {
    pattern.hidden = *exact.hidden;
    pattern.method = SuppressionMethod::exact;
  }
  pattern.reason = exact.reason;
  return pattern;
}

// The published table under `hidden`, with its audit when asked for.
SuppressionResult publish(const Table& table, const Model& model, const Auditor& auditor,
                          const std::vector<char>& primary, const Pattern& pattern, const SuppressionOptions& options) {
  const std::vector<char>& hidden = pattern.hidden;
  SuppressionResult result;
  result.threshold = table.threshold;
  result.dimensions = table.dimensions;
  result.sums = std::any_of(table.cells.begin(), table.cells.end(), [](const TableCell& cell) { return cell.sum.has_value(); });
  result.method = pattern.method;
  result.method_reason = pattern.reason;
  const Lattice& lattice = model.lattice;
  for (std::size_t cell : model.order) {
    PublishedCell published;
    for (std::size_t d = 0; d < table.dimensions.size(); ++d) {
      const TableDimension& dimension = table.dimensions[d];
      const std::size_t level = lattice.level(cell, d);
      if (level < dimension.values.size()) {
        published.values.push_back(dimension.values[level]);
      } else if (level < dimension.values.size() + dimension.groups.size()) {
        published.values.push_back(dimension.groups[level - dimension.values.size()].label);
        published.margin = true;
      } else {
        published.values.push_back(dimension.total);
        published.margin = true;
      }
    }
    if (hidden[cell]) {
      // DOMAIN X4: the sum and mean beside a hidden count are hidden with it.
      published.suppression = primary[cell] ? Suppression::primary : Suppression::secondary;
      result.hidden_total += model.counts[cell];
    } else {
      published.count = model.counts[cell];
      published.sum = model.sums[cell];
      if (published.sum && model.counts[cell] > 0) {
        published.mean = *published.sum / static_cast<double>(model.counts[cell]);
      }
    }
    result.cells.push_back(std::move(published));
  }
  if (options.audit && pattern.method == SuppressionMethod::hypercube) {
    // Each hidden cell's inner interval from a move among the hidden cells: the proof of a small
    // cell, else a move found among the hidden, else the cell's own value (a point, still inner).
    const Hypercubes cubes(model, options.hypercube_shortlist);
    for (std::size_t cell : model.order) {
      if (!hidden[cell]) continue;
      CellInterval interval;
      if (const auto proof = pattern.proofs.find(cell); proof != pattern.proofs.end()) {
        interval = proof->second;
      } else if (primary[cell]) {
        interval = auditor.interval(hidden, cell);  // the few the audited heuristic protected
      } else if (const auto move = cubes.cheapest(hidden, cell, 1, true)) {
        interval = move->interval;
      } else {
        interval.cell = model.position[cell];
        interval.min = model.counts[cell];
        interval.max = model.counts[cell];
        interval.proven = false;
      }
      interval.sensitive = primary[cell];
      result.audit.push_back(interval);
    }
  } else if (options.audit) {
    std::vector<std::size_t> targets;
    for (std::size_t cell : model.order) {
      if (hidden[cell]) targets.push_back(cell);
    }
    if (!targets.empty()) result.audit = auditor.intervals(hidden, targets);
    for (CellInterval& interval : result.audit) interval.sensitive = primary[model.order[interval.cell]];
  }
  return result;
}

// --- nested tables: a whole and parts of it, audited together ---

// One hidden cell of one of several tables audited together.
struct TableCellRef {
  std::size_t table = 0;
  std::size_t cell = 0;  // lattice cell
  friend auto operator<=>(const TableCellRef&, const TableCellRef&) = default;
};

// The intervals of `targets` over one integer program of all the tables' hidden cells: every
// table's equations, and for each part (tables 1...) and each cell of the lattice "the part's
// count is at most the whole's (table 0)". The tables share one lattice.
std::vector<CellInterval> joint_intervals(const std::vector<Model>& models, const std::vector<std::vector<char>>& hidden,
                                          const std::vector<TableCellRef>& targets, int node_limit,
                                          const std::vector<TableCellRef>& differences = {},
                                          std::vector<CellInterval>* difference_intervals = nullptr) {
  std::map<TableCellRef, int> column_of;
  std::vector<TableCellRef> columns;
  for (std::size_t t = 0; t < models.size(); ++t) {
    for (std::size_t c = 0; c < hidden[t].size(); ++c) {
      if (!hidden[t][c]) continue;
      column_of.emplace(TableCellRef{t, c}, static_cast<int>(columns.size()));
      columns.push_back({t, c});
    }
  }
  const std::size_t n = columns.size();
  CoinPackedMatrix matrix(false, 0, 0);
  matrix.setDimensions(0, static_cast<int>(n));
  std::vector<double> row_lower, row_upper;
  const double infinity = std::numeric_limits<double>::infinity();
  // `coefficient` times the cell: a column when hidden, else a constant moved to the bounds.
  auto term = [&](CoinPackedVector& row, double& constant, std::size_t t, std::size_t cell, double coefficient) {
    if (hidden[t][cell]) {
      row.insert(column_of.at({t, cell}), coefficient);
    } else {
      constant += coefficient * static_cast<double>(models[t].counts[cell]);
    }
  };
  for (std::size_t t = 0; t < models.size(); ++t) {
    for (const Equation& equation : models[t].equations) {
      CoinPackedVector row;
      double constant = 0;
      for (std::size_t member : equation.members) term(row, constant, t, member, 1.0);
      term(row, constant, t, equation.aggregate, -1.0);
      if (row.getNumElements() == 0) continue;
      matrix.appendRow(row);
      row_lower.push_back(-constant);
      row_upper.push_back(-constant);
    }
  }
  for (std::size_t t = 1; t < models.size(); ++t) {
    for (std::size_t c = 0; c < hidden[t].size(); ++c) {
      if (!hidden[t][c] && !hidden[0][c]) continue;
      CoinPackedVector row;
      double constant = 0;
      term(row, constant, t, c, 1.0);
      term(row, constant, 0, c, -1.0);
      matrix.appendRow(row);
      row_lower.push_back(-infinity);
      row_upper.push_back(-constant);
    }
  }
  std::int64_t big = 0;
  for (const Model& model : models) big = std::max(big, model.big);
  std::vector<double> lower(n, 1.0), upper(n, static_cast<double>(big)), start(n), objective(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) start[i] = static_cast<double>(models[columns[i].table].counts[columns[i].cell]);
  OsiClpSolverInterface solver;
  quiet(solver);
  solver.loadProblem(matrix, lower.data(), upper.data(), objective.data(), row_lower.data(), row_upper.data());
  solver.initialSolve();
  std::vector<CellInterval> result;
  for (const TableCellRef& target : targets) {
    const int column = column_of.at(target);
    const Bound low = solve_integer(solver, column, 1.0, start, node_limit);
    const Bound high = solve_integer(solver, column, -1.0, start, node_limit);
    CellInterval interval;
    interval.cell = models[target.table].position[target.cell];
    interval.min = std::llround(low.value);
    const std::int64_t max = std::llround(-high.value);
    if (max < big) interval.max = max;
    interval.proven = low.proven && high.proven;
    result.push_back(interval);
  }
  // Differences "whole - part" of one cell: the children of a cell not offered something.
  for (const TableCellRef& difference : differences) {
    std::vector<std::pair<int, double>> terms;
    double constant = 0;
    auto add = [&](std::size_t t, double coefficient) {
      if (hidden[t][difference.cell]) {
        terms.emplace_back(column_of.at({t, difference.cell}), coefficient);
      } else {
        constant += coefficient * static_cast<double>(models[t].counts[difference.cell]);
      }
    };
    add(0, 1.0);
    add(difference.table, -1.0);
    CellInterval interval;
    interval.cell = models[0].position[difference.cell];
    interval.sensitive = true;
    if (terms.empty()) {  // both published: the difference is known
      interval.min = std::llround(constant);
      interval.max = interval.min;
    } else {
      std::vector<std::pair<int, double>> negated;
      for (const auto& [column, coefficient] : terms) negated.emplace_back(column, -coefficient);
      const Bound low = solve_integer_terms(solver, terms, start, node_limit);
      const Bound high = solve_integer_terms(solver, negated, start, node_limit);
      interval.min = std::llround(low.value + constant);
      const std::int64_t max = std::llround(-high.value + constant);
      if (max < big) interval.max = max;
      interval.proven = low.proven && high.proven;
    }
    if (difference_intervals != nullptr) difference_intervals->push_back(interval);
  }
  return result;
}

}  // namespace

SuppressionResult suppress(const Table& table, const SuppressionOptions& options) {
  check_table(table);
  const Model model = make_model(table);
  const Auditor auditor(model, options.audit_node_limit);
  const auto primary = primary_cells(model);
  return publish(table, model, auditor, primary, protect(model, auditor, primary, options), options);
}

std::vector<SuppressionResult> suppress_together(const std::vector<Table>& tables, const SuppressionOptions& options) {
  std::vector<Model> models;
  models.reserve(tables.size());
  for (std::size_t t = 0; t < tables.size(); ++t) {
    const std::string at = "/tables/" + std::to_string(t);
    detail::under_pointer(at, [&] { check_table(tables[t]); });
    if (t > 0 && tables[t].dimensions != tables[0].dimensions) {
      raise_input_error(at + "/dimensions", "tables suppressed together have the same dimensions as the first", Rule{"X4"});
    }
    models.push_back(make_model(tables[t]));
  }
  std::vector<Pattern> patterns;
  std::vector<char> joint;
  for (std::size_t t = 0; t < tables.size(); ++t) {
    const Auditor auditor(models[t], options.audit_node_limit);
    patterns.push_back(protect(models[t], auditor, primary_cells(models[t]), options));
    // Every table's lattice is the same (same dimensions), so one index names one cell in all.
    if (joint.empty()) joint.assign(patterns.back().hidden.size(), 0);
    for (std::size_t c = 0; c < joint.size(); ++c) joint[c] = joint[c] || patterns.back().hidden[c];
  }
  std::vector<SuppressionResult> results;
  for (std::size_t t = 0; t < tables.size(); ++t) {
    const Auditor auditor(models[t], options.audit_node_limit);
    Pattern pattern = patterns[t];
    // A true zero is never hidden (the attacker knows it: a hidden cell is at least 1), so a cell
    // another table hides stays shown here when it is 0.
    bool widened = false;
    for (std::size_t c = 0; c < joint.size(); ++c) {
      if (joint[c] && !pattern.hidden[c] && models[t].counts[c] > 0) {
        pattern.hidden[c] = 1;
        widened = true;
      }
    }
    if (widened) pattern.reason += "; and the cells the tables suppressed with it hide";
    results.push_back(publish(tables[t], models[t], auditor, primary_cells(models[t]), pattern, options));
  }
  return results;
}

NestedSuppression suppress_nested(const Table& whole, const std::vector<Table>& parts, const SuppressionOptions& options) {
  std::vector<const Table*> tables{&whole};
  for (const Table& part : parts) tables.push_back(&part);
  std::vector<Model> models;
  for (std::size_t t = 0; t < tables.size(); ++t) {
    const std::string at = "/tables/" + std::to_string(t);
    detail::under_pointer(at, [&] { check_table(*tables[t]); });
    if (t > 0 && tables[t]->dimensions != whole.dimensions) {
      raise_input_error(at + "/dimensions", "a part has the same dimensions as the whole", Rule{"X4"});
    }
    if (t > 0 && tables[t]->threshold != whole.threshold) {
      raise_input_error(at + "/threshold", "a part has the same threshold as the whole", Rule{"X4"});
    }
    models.push_back(make_model(*tables[t]));
  }
  const std::size_t size = models[0].lattice.size;
  const int threshold = models[0].threshold;
  for (std::size_t t = 1; t < tables.size(); ++t) {
    for (std::size_t c = 0; c < size; ++c) {
      if (models[t].counts[c] > models[0].counts[c]) {
        raise_input_error("/tables/" + std::to_string(t) + "/cells",
                          "a part counts more than the whole in a cell (" + std::to_string(models[t].counts[c]) + " > " +
                              std::to_string(models[0].counts[c]) + ")",
                          Rule{"X4"});
      }
    }
  }
  std::vector<std::vector<char>> primary;
  for (const Model& model : models) primary.push_back(primary_cells(model));
  // DOMAIN X4 for the rest of a cell too: the children of a cell not offered something are a
  // figure, whole - part, and one of 1 to threshold - 1 is as small as any. Its part's cell is
  // protected as a small one, and the difference is audited with the rest.
  std::vector<TableCellRef> differences;
  std::vector<std::vector<char>> base_sensitive = primary;
  for (std::size_t t = 1; t < models.size(); ++t) {
    for (std::size_t c = 0; c < size; ++c) {
      const std::int64_t rest = models[0].counts[c] - models[t].counts[c];
      if (rest >= 1 && rest < threshold) {
        differences.push_back({t, c});
        if (models[t].counts[c] > 0) base_sensitive[t][c] = 1;
      }
    }
  }
  // Cells of the whole hidden whatever their count: where a part's hidden cell would otherwise be
  // bounded by the whole's published count. Each is protected as a small cell is, so it bounds
  // nothing; the set only grows, so the rounds end.
  std::vector<char> forced(size, 0);
  std::vector<Pattern> patterns;
  std::vector<std::vector<char>> hidden, sensitive;
  std::vector<CellInterval> intervals, difference_intervals;
  std::vector<TableCellRef> targets;
  std::size_t narrow = 0;
  for (std::size_t round = 0;; ++round) {
    patterns.clear();
    sensitive = base_sensitive;
    for (std::size_t c = 0; c < size; ++c) sensitive[0][c] = sensitive[0][c] || forced[c];
    for (std::size_t t = 0; t < models.size(); ++t) {
      const Auditor auditor(models[t], options.audit_node_limit);
      patterns.push_back(protect(models[t], auditor, sensitive[t], options));
    }
    // A cell hidden in the whole is hidden in every part where it is not a true zero: a part's
    // published count would bound it from below.
    for (std::size_t t = 1; t < models.size(); ++t) {
      for (std::size_t c = 0; c < size; ++c) {
        if (patterns[0].hidden[c] && !patterns[t].hidden[c] && models[t].counts[c] > 0) patterns[t].hidden[c] = 1;
      }
    }
    hidden.clear();
    targets.clear();
    difference_intervals.clear();
    for (std::size_t t = 0; t < models.size(); ++t) {
      hidden.push_back(patterns[t].hidden);
      for (std::size_t cell : models[t].order) {
        if (hidden[t][cell]) targets.push_back({t, cell});
      }
    }
    intervals = targets.empty() && differences.empty()
                    ? std::vector<CellInterval>{}
                    : joint_intervals(models, hidden, targets, options.audit_node_limit, differences, &difference_intervals);
    // Small cells and differences the links narrow: hide the whole's published cells in their
    // equations (and at their place) where a part is hidden, so no part's hidden cell there is
    // capped, and the whole's cell of a narrow difference.
    narrow = 0;
    bool grew = false;
    auto widen = [&](std::size_t cell, bool its_own_place) {
      if (its_own_place && !forced[cell] && !patterns[0].hidden[cell] && models[0].counts[cell] > 0) {
        forced[cell] = 1;
        grew = true;
      }
      std::vector<std::size_t> near{cell};
      for (std::size_t e : models[0].equations_of[cell]) {
        near.push_back(models[0].equations[e].aggregate);
        for (std::size_t member : models[0].equations[e].members) near.push_back(member);
      }
      for (std::size_t c : near) {
        if (forced[c] || patterns[0].hidden[c] || models[0].counts[c] == 0) continue;
        for (std::size_t t = 1; t < models.size(); ++t) {
          if (hidden[t][c]) {
            forced[c] = 1;
            grew = true;
            break;
          }
        }
      }
    };
    for (std::size_t i = 0; i < targets.size(); ++i) {
      const auto width = intervals[i].width();
      if (!sensitive[targets[i].table][targets[i].cell] || !width || *width >= threshold) continue;
      ++narrow;
      widen(targets[i].cell, false);
    }
    for (std::size_t i = 0; i < differences.size(); ++i) {
      const auto width = difference_intervals[i].width();
      if (!width || *width >= threshold) continue;
      ++narrow;
      widen(differences[i].cell, true);
    }
    if (narrow == 0) break;
    if (!grew) {
      // Last: every cell a part hides, the whole hides too (the pattern of suppress_together).
      for (std::size_t c = 0; c < size; ++c) {
        for (std::size_t t = 1; t < models.size() && !forced[c]; ++t) {
          if (hidden[t][c] && !patterns[0].hidden[c] && models[0].counts[c] > 0) {
            forced[c] = 1;
            grew = true;
          }
        }
      }
    }
    if (!grew || round + 1 >= size) break;
  }
  NestedSuppression nested;
  nested.narrow = narrow;
  SuppressionOptions publish_options = options;
  publish_options.audit = false;  // the joint audit below stands for each table's own
  std::size_t next = 0;
  for (std::size_t t = 0; t < models.size(); ++t) {
    const Auditor auditor(models[t], options.audit_node_limit);
    Pattern pattern = patterns[t];
    pattern.reason += t == 0 ? "; audited with the " + std::to_string(parts.size()) + " tables of its parts"
                             : "; with the cells the whole hides, audited with the whole and the other parts";
    if (narrow > 0) {
      pattern.reason += "; " + std::to_string(narrow) + " small figures left narrower than " + std::to_string(threshold) +
                        " by the links: not fit to publish";
    }
    SuppressionResult result = publish(*tables[t], models[t], auditor, primary[t], pattern, publish_options);
    if (options.audit) {
      for (; next < targets.size() && targets[next].table == t; ++next) {
        CellInterval interval = intervals[next];
        interval.sensitive = sensitive[t][targets[next].cell];
        result.audit.push_back(interval);
      }
    }
    nested.tables.push_back(std::move(result));
  }
  for (std::size_t i = 0; i < differences.size(); ++i) {
    const CellInterval& found = difference_intervals[i];
    nested.differences.push_back({differences[i].table, found.cell, found.min, found.max, found.proven});
  }
  return nested;
}

}  // namespace paarorende
