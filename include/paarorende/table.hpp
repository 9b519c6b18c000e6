// Linked tables of counts (and sums, for means and shares) across municipalities, offers and
// periods, with their margins and group totals, protected by cell suppression (DOMAIN X4, V1;
// issue #21, docs/suppression.md).
//
// A table names its dimensions (each with its values, the label of its margin and optional groups
// of values: municipalities within a region, months within a half-year) and gives the interior
// cells; every margin and group total is computed. suppress() then hides:
// - primary: every published count of 1 to threshold - 1 (and the sum and mean beside it);
// - secondary: more cells, so that for every primary cell the interval an attacker can compute
//   (the least and greatest value of the cell over all non-negative integer tables that agree with
//   everything published; suppressed cells are at least 1, since true zeros are never suppressed)
//   is at least `threshold` wide. That interval is an integer program, solved with COIN-OR CBC.
// Among the patterns that protect, the fewest cells, then the smallest total, are hidden: exactly
// (CBC, with constraint generation) when the table is small enough for a deterministic node limit,
// by a heuristic with the same integer audit above it otherwise, and in large tables by the
// hypercube method, which proves each small cell protected by a move of hidden cells.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace paarorende {

/// A named set of a dimension's values with its own total: "valdres": the six municipalities.
struct TableGroup {
  std::string label;
  std::vector<std::string> values;

  friend bool operator==(const TableGroup&, const TableGroup&) = default;
};

/// One dimension of a table: "municipality", its values, the label its margin carries ("total",
/// "region") and its groups, whose totals are published too.
struct TableDimension {
  std::string name;
  std::vector<std::string> values;
  std::string total = "total";
  std::vector<TableGroup> groups;

  friend bool operator==(const TableDimension&, const TableDimension&) = default;
};

/// An interior cell: a value of every dimension (in the dimensions' order), its count and
/// optionally the sum of what was measured over those counted (a mean is sum / count).
struct TableCell {
  std::vector<std::string> values;
  std::int64_t count = 0;
  std::optional<double> sum;

  friend bool operator==(const TableCell&, const TableCell&) = default;
};

/// A table document: cells not given are 0.
struct Table {
  int threshold = 5;  ///< DOMAIN X4: 5 by default, never below 3.
  std::vector<TableDimension> dimensions;
  std::vector<TableCell> cells;

  friend bool operator==(const Table&, const Table&) = default;
};

/// Throws InputError at a JSON pointer into the table document (rule X4 for the threshold):
/// 1 to 4 dimensions, unique names and values, groups of known values, labels that are no value,
/// cells naming a value of every dimension once, counts >= 0, sums >= 0 and only beside a count.
void check_table(const Table& table);

/// Why a cell is hidden.
enum class Suppression { none, primary, secondary };
/// "none", "primary", "secondary".
std::string_view to_string(Suppression suppression) noexcept;

/// A published cell: interior, margin or group total. `values` holds per dimension a value, the
/// dimension's total label or a group's label. `count`, `sum` and `mean` are empty when hidden.
struct PublishedCell {
  std::vector<std::string> values;
  std::optional<std::int64_t> count;
  std::optional<double> sum;
  std::optional<double> mean;
  Suppression suppression = Suppression::none;
  bool margin = false;  ///< a margin or group total in some dimension

  bool suppressed() const noexcept { return suppression != Suppression::none; }
  friend bool operator==(const PublishedCell&, const PublishedCell&) = default;
};

/// What an attacker can compute of one hidden cell: its least and greatest value over all
/// non-negative integer tables that agree with the published ones (max empty: unbounded).
/// `proven` is false when CBC hit its node limit: then [min, max] is an inner interval (values
/// some consistent table has), so the width is never overstated.
struct CellInterval {
  std::size_t cell = 0;  ///< index into SuppressionResult::cells
  std::int64_t min = 0;
  std::optional<std::int64_t> max;
  bool sensitive = false;  ///< a primary cell, which must be protected
  bool proven = true;

  /// max - min, or empty when unbounded.
  std::optional<std::int64_t> width() const noexcept {
    if (!max) return std::nullopt;
    return *max - min;
  }
  friend bool operator==(const CellInterval&, const CellInterval&) = default;
};

/// exact: CBC proved the pattern minimal; heuristic: the audited heuristic; hypercube: the
/// hypercube method of large tables, each small cell proved protected by a move of hidden cells
/// that keeps every published figure (its audit interval is that move's, an inner interval).
enum class SuppressionMethod { exact, heuristic, hypercube };
/// "exact", "heuristic", "hypercube".
std::string_view to_string(SuppressionMethod method) noexcept;

struct SuppressionOptions {
  /// Tables with at most this many non-zero cells (interior, margins and group totals) are
  /// solved exactly; 0 always uses the heuristic.
  std::size_t exact_max_cells = 120;
  /// Tables of at least this many cells (interior, margins and group totals) use the hypercube
  /// method: the audited heuristic solves an integer program per small cell over the hidden cells
  /// linked to it, which in a large table is most of them (a national table would take days).
  std::size_t hypercube_min_cells = 300;
  /// The hypercube method tries, per dimension, this many other values beside a cell (the
  /// cheapest first).
  std::size_t hypercube_shortlist = 8;
  /// Deterministic limits of the exact path (branch-and-bound nodes per solve, rounds of
  /// constraint generation); when reached, the heuristic's pattern is used.
  int node_limit = 20000;
  int max_rounds = 200;
  /// Node limit of each audit integer program; an unproven audit gives an inner interval. The
  /// hypercube method's audit is its moves' inner intervals (`proven` false), no integer program.
  int audit_node_limit = 5000;
  /// Compute the audit interval of every hidden cell in the result (false: none are returned).
  bool audit = true;
};

struct SuppressionResult {
  int threshold = 5;
  std::vector<TableDimension> dimensions;
  /// Interior cells first, then margins, each in the order of the dimensions' labels (values,
  /// then groups, then the total), the last dimension varying fastest.
  std::vector<PublishedCell> cells;
  /// The interval of every hidden cell, in the order of `cells`.
  std::vector<CellInterval> audit;
  SuppressionMethod method = SuppressionMethod::exact;
  /// Whether the table has sums (and so every cell a sum and a mean, unless hidden).
  bool sums = false;
  /// Why the method was chosen ("proved minimal by CBC", "the table has 320 cells, more than 120
  /// for the exact path").
  std::string method_reason;

  std::size_t suppressed_count() const noexcept;
  std::int64_t suppressed_total() const noexcept;  ///< sum of the hidden counts (from the input)
  friend bool operator==(const SuppressionResult&, const SuppressionResult&) = default;

  /// The hidden counts' sum, kept from the input for suppressed_total(); not published.
  std::int64_t hidden_total = 0;
};

/// Protects the table (DOMAIN X4). Throws InputError as check_table does.
SuppressionResult suppress(const Table& table, const SuppressionOptions& options = {});

/// Protects tables of the same dimensions whose counts are one figure or figures read together
/// (a region's households, and their attendance; the yes and the no answers of one item): each is
/// protected alone, then every cell hidden in one is hidden in all (secondary where it is not
/// primary; a true zero stays shown, as zeros always are), so that no table shows a count
/// another hides, and each is audited under
/// the joint pattern. Hiding more never narrows a cell, so each stays protected. Throws InputError
/// as check_table does (where: "/tables/1/cells/0/count"), or at "/tables/1/dimensions" when a
/// table's dimensions differ from the first's.
std::vector<SuppressionResult> suppress_together(const std::vector<Table>& tables,
                                                 const SuppressionOptions& options = {});

/// The interval an attacker can compute of "whole - part" in one cell (the children of a cell not
/// offered something): `cell` indexes the whole's result cells, `table` the part (1-based).
struct DifferenceInterval {
  std::size_t table = 1;
  std::size_t cell = 0;
  std::int64_t min = 0;
  std::optional<std::int64_t> max;
  bool proven = true;

  std::optional<std::int64_t> width() const noexcept {
    if (!max) return std::nullopt;
    return *max - min;
  }
  friend bool operator==(const DifferenceInterval&, const DifferenceInterval&) = default;
};

/// A whole table and its parts, protected together (suppress_nested).
struct NestedSuppression {
  /// The whole's result, then the parts' in order, each with the joint audit of its hidden cells
  /// (`sensitive`: a small cell, or one hidden so that a link cannot narrow another).
  std::vector<SuppressionResult> tables;
  /// Every difference whole - part of 1 to threshold - 1, with its joint interval.
  std::vector<DifferenceInterval> differences;
  /// Small cells and differences still narrower than the threshold when the rounds end: 0 when
  /// everything is protected. Anything else is not fit to publish (X4).
  std::size_t narrow = 0;

  friend bool operator==(const NestedSuppression&, const NestedSuppression&) = default;
};

/// Protects a whole table and tables of parts of what it counts (the children identified, and
/// among them those offered a referral: per cell, a part counts at most what the whole does), so
/// that no table narrows another (DOMAIN X4): each is protected alone, with a part's cell whose
/// difference from the whole is 1 to threshold - 1 protected as a small cell (the rest of a cell
/// is a figure too); a cell the whole hides is hidden in every part where it is not a true zero;
/// and every hidden cell and every small difference is audited together, in one integer program
/// over all the tables' equations and the links "part <= whole" cell by cell. Where a small figure
/// comes out narrower than the threshold, the whole hides more beside it (each such cell protected
/// as a small one) and the rounds start again; at last, every cell a part hides, the whole hides.
/// `narrow` says what is left narrow when even that is not enough. Throws InputError as
/// check_table does ("/tables/1/cells/0/count"), at "/tables/1/dimensions" or "/threshold" when a
/// part's differ from the whole's, or at "/tables/1/cells" when a part counts more than the whole
/// in a cell.
NestedSuppression suppress_nested(const Table& whole, const std::vector<Table>& parts,
                                  const SuppressionOptions& options = {});

/// The audit of a pattern, for tests and benchmarks: `hidden[i]` says whether cell i of the
/// result's order (see SuppressionResult::cells) is hidden; returns the interval of every hidden
/// cell. Primary cells are marked sensitive.
std::vector<CellInterval> audit_suppression(const Table& table, const std::vector<bool>& hidden,
                                            const SuppressionOptions& options = {});

}  // namespace paarorende
