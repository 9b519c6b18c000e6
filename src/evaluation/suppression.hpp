// Private to the evaluation units: the small-count protection of one distribution (DOMAIN X4),
// which the item and attendance scores (evaluation_scores.cpp) apply. Not installed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace paarorende::detail {

/// Which statistics are shown beside a distribution; each pins the hidden counts down further.
struct ShownFigures {
  bool mean = false;     ///< gives sum(value * count)
  bool sd = false;       ///< with the mean, gives sum(value^2 * count)
  bool median = false;   ///< gives the two middle answers
  bool top_two = false;  ///< gives the count in the top two values
  bool share = false;    ///< yes/no: gives the count of yes
};

/// A distribution (a count per answer value, its total n shown) and the figures shown with it;
/// decides which cells to hide and which figures to withhold so that no count of 1 to
/// threshold - 1 is shown or can be worked out (DOMAIN X4). The method and its source are in
/// suppression.cpp.
class SmallCountProtection {
 public:
  SmallCountProtection(std::span<const std::int64_t> counts, std::vector<long long> values,
                       ShownFigures shown, int threshold);

  const ShownFigures& shown() const { return shown_; }
  bool hidden(std::size_t k) const { return hidden_[k]; }
  /// A count of 1 to threshold - 1 (hidden for itself, not beside another).
  bool primary(std::size_t k) const { return counts_[k] > 0 && counts_[k] < threshold_; }

  /// Hides the primary cells and their complements; withholds the figures in `drop_order`, in
  /// that order, when hiding every cell is not enough. Returns the names of those withheld.
  std::vector<std::string> protect(
      const std::vector<std::pair<bool ShownFigures::*, const char*>>& drop_order);

 private:
  // What the shown figures fix of a count vector, compared between candidates.
  struct Key {
    long long s1 = 0, s2 = 0, median2 = 0;
    std::int64_t top = 0, yes = 0;
  };

  std::size_t hidden_count() const;
  std::int64_t hidden_sum() const;
  void hide_smallest_shown();
  Key key_of(const std::vector<std::int64_t>& counts) const;
  long long median_sum(const std::vector<std::int64_t>& counts) const;
  bool same(const Key& a, const Key& b) const;
  bool derivable() const;

  std::vector<std::int64_t> counts_;
  std::vector<long long> values_;
  ShownFigures shown_;
  std::int64_t threshold_;
  std::vector<bool> hidden_;
  std::vector<std::size_t> primary_;
  std::int64_t n_ = 0;
};

}  // namespace paarorende::detail
