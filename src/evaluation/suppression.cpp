// Small-count protection of one distribution (DOMAIN X4): primary and complementary (secondary)
// cell suppression of a one-dimensional frequency table whose total n is shown, in the terms of
// Hundepool et al., "Statistical Disclosure Control", Wiley 2012 (doi:10.1002/9781118348239),
// ch. 4 "Magnitude tabular data" (primary and secondary cell suppression; auditing the hidden
// cells' feasible values) and ch. 5 "Frequency tables" (small counts as the unsafe cells).
//
// - Primary: a count of 1 to threshold - 1 is hidden (a count of 0 concerns nobody).
// - Secondary: with n shown, a lone hidden cell is n minus the shown ones, so more cells are
//   hidden, the smallest count first (a greedy choice, not an optimisation of the information
//   lost), until at least two are hidden, together holding at least threshold people, and the
//   audit finds no primary count derivable.
// - Audit: the shown statistics (mean, sd, median, top-two count, yes count) are not linear in
//   the counts, so instead of the linear-programming bounds the book describes, every integer
//   count vector on the hidden cells that adds up to their total and agrees with the shown
//   figures is enumerated; a primary count is safe once it takes another value in one of them.
//   This protects against exact disclosure only, not against a narrow interval.
// - When every cell is hidden and a count is still derivable, the statistics are withheld one by
//   one in the caller's order (sd, top-two, median, mean for a Likert item).
#include "suppression.hpp"

#include <algorithm>
#include <numeric>

namespace paarorende::detail {
namespace {

// The most steps (calls, inner and leaf) one audit's depth-first enumeration may take. It bounds
// the time of one protect(), which audits once per cell hidden or figure withheld: an exhausted
// audit took 0.1-0.4 s on a shared development machine. It is large enough to enumerate every
// split of up to 95 hidden people over 5 cells (sum over d < 5 of C(95 + d, d) steps) or of 285
// over 4, before the pruning by the mean: a 1-5 item of a course (G3: groups of at most 16 by
// default) is always decided exactly; large pooled distributions may run out.
// Exhausted, the audit answers "derivable": undecided counts as unsafe, so one more cell is
// hidden or, with all hidden, the next figure is withheld; with none left to withhold, protect()
// stops with every cell hidden.
constexpr long long audit_step_budget = 4'000'000;

}  // namespace

SmallCountProtection::SmallCountProtection(std::span<const std::int64_t> counts,
                                           std::vector<long long> values, ShownFigures shown,
                                           int threshold)
    : counts_(counts.begin(), counts.end()),
      values_(std::move(values)),
      shown_(shown),
      threshold_(threshold),
      hidden_(counts_.size(), false) {
  n_ = std::accumulate(counts_.begin(), counts_.end(), std::int64_t{0});
  for (std::size_t k = 0; k < counts_.size(); ++k) {
    if (counts_[k] > 0 && counts_[k] < threshold_) primary_.push_back(k);
  }
}

std::vector<std::string> SmallCountProtection::protect(
    const std::vector<std::pair<bool ShownFigures::*, const char*>>& drop_order) {
  std::vector<std::string> dropped;
  if (primary_.empty()) return dropped;
  for (std::size_t k : primary_) hidden_[k] = true;
  std::size_t next_drop = 0;
  for (;;) {
    const bool all = hidden_count() == counts_.size();
    const bool thin = hidden_count() < 2 || hidden_sum() < threshold_;
    if (!all && (thin || derivable())) {
      hide_smallest_shown();
      continue;
    }
    if (all && next_drop < drop_order.size() && derivable()) {
      auto [member, name] = drop_order[next_drop++];
      if (shown_.*member) {
        shown_.*member = false;
        dropped.emplace_back(name);
      }
      continue;
    }
    break;
  }
  return dropped;
}

std::size_t SmallCountProtection::hidden_count() const {
  return static_cast<std::size_t>(std::count(hidden_.begin(), hidden_.end(), true));
}

std::int64_t SmallCountProtection::hidden_sum() const {
  std::int64_t sum = 0;
  for (std::size_t k = 0; k < counts_.size(); ++k) {
    if (hidden_[k]) sum += counts_[k];
  }
  return sum;
}

void SmallCountProtection::hide_smallest_shown() {
  std::size_t best = counts_.size();
  for (std::size_t k = 0; k < counts_.size(); ++k) {
    if (!hidden_[k] && (best == counts_.size() || counts_[k] < counts_[best])) best = k;
  }
  hidden_[best] = true;
}

SmallCountProtection::Key SmallCountProtection::key_of(
    const std::vector<std::int64_t>& counts) const {
  Key key;
  for (std::size_t k = 0; k < counts.size(); ++k) {
    key.s1 += values_[k] * counts[k];
    key.s2 += values_[k] * values_[k] * counts[k];
  }
  if (shown_.median) key.median2 = median_sum(counts);
  if (counts.size() >= 2) key.top = counts[counts.size() - 1] + counts[counts.size() - 2];
  if (counts.size() == 2) key.yes = counts[1];
  return key;
}

long long SmallCountProtection::median_sum(const std::vector<std::int64_t>& counts) const {
  const std::int64_t low = (n_ - 1) / 2, high = n_ / 2;
  long long sum = 0;
  std::int64_t seen = 0;
  bool low_done = false;
  for (std::size_t k = 0; k < counts.size(); ++k) {
    seen += counts[k];
    if (!low_done && seen > low) {
      sum += values_[k];
      low_done = true;
    }
    if (seen > high) return sum + values_[k];
  }
  return sum;
}

bool SmallCountProtection::same(const Key& a, const Key& b) const {
  return (!shown_.mean || a.s1 == b.s1) && (!shown_.sd || (a.s2 == b.s2 && a.s1 == b.s1)) &&
         (!shown_.median || a.median2 == b.median2) && (!shown_.top_two || a.top == b.top) &&
         (!shown_.share || a.yes == b.yes);
}

// True when some hidden primary count is the same in every count-vector that agrees with the
// shown figures (or when there are too many vectors to be sure: hide more).
bool SmallCountProtection::derivable() const {
  std::vector<std::size_t> cells;
  for (std::size_t k = 0; k < counts_.size(); ++k) {
    if (hidden_[k]) cells.push_back(k);
  }
  const Key target = key_of(counts_);
  std::vector<long long> suffix_min(cells.size() + 1, 0), suffix_max(cells.size() + 1, 0);
  for (std::size_t i = cells.size(); i-- > 0;) {
    const long long v = values_[cells[i]];
    suffix_min[i] = i + 1 == cells.size() ? v : std::min(v, suffix_min[i + 1]);
    suffix_max[i] = i + 1 == cells.size() ? v : std::max(v, suffix_max[i + 1]);
  }
  std::vector<bool> differs(counts_.size(), false);
  std::size_t differing = 0;
  std::vector<std::int64_t> candidate = counts_;
  long long budget = audit_step_budget;
  const std::int64_t total = hidden_sum();

  // Depth-first over the hidden cells; the last takes what is left. Prunes on sum(v * c) when
  // the mean is shown.
  const auto search = [&](auto&& self, std::size_t i, std::int64_t left, long long s1) -> bool {
    if (--budget < 0) return true;  // stop: undecided
    if (i + 1 == cells.size()) {
      candidate[cells[i]] = left;
      if (same(key_of(candidate), target)) {
        for (std::size_t k : primary_) {
          if (!differs[k] && candidate[k] != counts_[k]) {
            differs[k] = true;
            ++differing;
          }
        }
        if (differing == primary_.size()) return true;
      }
      return false;
    }
    for (std::int64_t c = 0; c <= left; ++c) {
      const long long s = s1 + values_[cells[i]] * c;
      const std::int64_t rest = left - c;
      if (shown_.mean &&
          (target.s1 - s < rest * suffix_min[i + 1] || target.s1 - s > rest * suffix_max[i + 1])) {
        continue;
      }
      candidate[cells[i]] = c;
      if (self(self, i + 1, rest, s)) return true;
    }
    return false;
  };
  long long s1_shown = 0;
  for (std::size_t k = 0; k < counts_.size(); ++k) {
    if (!hidden_[k]) s1_shown += values_[k] * counts_[k];
  }
  search(search, 0, total, s1_shown);
  return budget < 0 || differing < primary_.size();
}

}  // namespace paarorende::detail
