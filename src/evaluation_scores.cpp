#include "paarorende/scores.hpp"
#include "detail/input_error.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "detail/text.hpp"
#include "paarorende/error.hpp"
#include "evaluation/suppression.hpp"

namespace paarorende {
namespace {

using detail::ShownFigures;
using detail::SmallCountProtection;

bool small(std::int64_t count, int threshold) { return count > 0 && count < threshold; }

std::vector<DistributionCell> cells_of(std::span<const std::int64_t> counts, const std::vector<long long>& values,
                                       const SmallCountProtection& protection, std::int64_t n) {
  std::vector<DistributionCell> cells;
  for (std::size_t k = 0; k < counts.size(); ++k) {
    DistributionCell cell;
    cell.value = static_cast<int>(values[k]);
    if (!protection.hidden(k)) {
      cell.count = counts[k];
      cell.share = n > 0 ? static_cast<double>(counts[k]) / static_cast<double>(n) : 0.0;
    } else {
      cell.hidden_reason = protection.primary(k) ? HiddenReason::small_count : HiddenReason::would_reveal;
    }
    cells.push_back(cell);
  }
  return cells;
}

// The figures an item of `kind` has, in ItemScores' order: the ones that can be hidden.
std::vector<std::string_view> figures_of(ItemKind kind) {
  switch (kind) {
    case ItemKind::likert: return {"n", "missing", "mean", "sd", "median", "top_two"};
    case ItemKind::yes_no: return {"n", "missing", "share", "share_low", "share_high"};
    case ItemKind::single_choice:
    case ItemKind::free_text: break;
  }
  return {"n", "missing"};
}

// Every figure of an item hidden for one reason: a course or an item below the threshold (X4).
void hide_all(ItemScores& item, HiddenReason reason) {
  item.hidden.clear();
  for (std::string_view figure : figures_of(item.kind)) item.hidden.push_back({std::string(figure), reason});
}

std::vector<long long> values_of(const Item& item) {
  std::vector<long long> values(item.value_count());
  for (std::size_t k = 0; k < values.size(); ++k) {
    values[k] = item.kind == ItemKind::likert ? item.min + static_cast<long long>(k) : static_cast<long long>(k);
  }
  return values;
}

// Per course: counts per item, missing per item, texts per item.
struct CourseTally {
  std::string course;
  std::int64_t responses = 0;
  std::vector<std::vector<std::int64_t>> counts;
  std::vector<std::int64_t> missing;
  std::vector<std::vector<std::string>> texts;
};

CourseTally empty_tally(const EvaluationForm& form, std::string course) {
  CourseTally tally;
  tally.course = std::move(course);
  for (const Item& item : form.items) {
    tally.counts.emplace_back(item.kind == ItemKind::free_text ? 1 : item.value_count(), 0);
    tally.missing.push_back(0);
    tally.texts.emplace_back();
  }
  return tally;
}

EvaluationScores scores_of(const EvaluationForm& form, std::vector<CourseTally>& tallies,
                           const ScoreOptions& options) {
  EvaluationScores scores;
  scores.form = form;
  scores.threshold = options.threshold;
  for (CourseTally& tally : tallies) {
    CourseScores course;
    course.course = tally.course;
    // DOMAIN X4: a course of fewer respondents than the threshold shows nothing.
    course.suppressed = tally.responses < options.threshold;
    if (!course.suppressed) course.responses = tally.responses;
    for (std::size_t i = 0; i < form.items.size(); ++i) {
      if (course.suppressed) {
        ItemScores item;
        item.item = form.items[i].id;
        item.kind = form.items[i].kind;
        item.suppressed = true;
        hide_all(item, HiddenReason::course_too_small);
        course.items.push_back(std::move(item));
        continue;
      }
      ItemScores item = score_item(form.items[i], tally.counts[i], tally.missing[i], options.threshold);
      if (options.comments && form.items[i].kind == ItemKind::free_text && !item.suppressed) {
        // Sorted: the order of the rows (and so who wrote what) is not kept.
        std::sort(tally.texts[i].begin(), tally.texts[i].end());
        item.comments = tally.texts[i];
      }
      course.items.push_back(std::move(item));
    }
    scores.courses.push_back(std::move(course));
  }
  return scores;
}

}  // namespace

int checked_threshold(int threshold) {
  // DOMAIN X4: configurable, never below 3.
  if (threshold < min_suppression_threshold || threshold > 1000) {
    detail::raise_input_error("threshold", "the suppression threshold is 3 to 1000, got " + std::to_string(threshold), detail::Rule{"X4"});
  }
  return threshold;
}

WilsonInterval wilson_interval(std::int64_t successes, std::int64_t n, double z) {
  if (n <= 0) return {0.0, 1.0};
  // Wilson (1927): the interval of p that the score test does not reject.
  const double nn = static_cast<double>(n);
  const double p = static_cast<double>(successes) / nn;
  const double z2 = z * z;
  const double denominator = 1.0 + z2 / nn;
  const double centre = (p + z2 / (2.0 * nn)) / denominator;
  const double half = z / denominator * std::sqrt(p * (1.0 - p) / nn + z2 / (4.0 * nn * nn));
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

bool ItemScores::is_suppressed(std::string_view figure) const noexcept {
  return std::find(suppressed_figures.begin(), suppressed_figures.end(), figure) != suppressed_figures.end();
}

std::optional<HiddenReason> ItemScores::hidden_reason(std::string_view figure) const noexcept {
  for (const HiddenFigure& entry : hidden) {
    if (entry.figure == figure) return entry.reason;
  }
  return std::nullopt;
}

ItemScores score_item(const Item& item, std::span<const std::int64_t> counts, std::int64_t missing, int threshold) {
  checked_threshold(threshold);
  const std::size_t expected = item.kind == ItemKind::free_text ? 1 : item.value_count();
  if (counts.size() != expected || missing < 0 ||
      std::any_of(counts.begin(), counts.end(), [](std::int64_t c) { return c < 0; })) {
    detail::raise_input_error("counts", "expected " + std::to_string(expected) + " counts of 0 or more for item " + item.id);
  }
  ItemScores scores;
  scores.item = item.id;
  scores.kind = item.kind;
  const std::int64_t n = std::accumulate(counts.begin(), counts.end(), std::int64_t{0});
  // DOMAIN X4: an item answered by fewer than the threshold shows nothing, not even n.
  if (n < threshold) {
    scores.suppressed = true;
    hide_all(scores, HiddenReason::item_too_small);
    return scores;
  }
  scores.n = n;
  scores.missing = missing;
  if (item.kind == ItemKind::free_text) return scores;

  const std::vector<long long> values = values_of(item);
  const double nn = static_cast<double>(n);
  ShownFigures shown;
  std::vector<std::pair<bool ShownFigures::*, const char*>> drop_order;
  if (item.kind == ItemKind::likert) {
    shown = ShownFigures{true, true, true, true, false};
    const std::int64_t top = counts[counts.size() - 1] + counts[counts.size() - 2];
    // The share in the top two is a count too: hidden when inside or outside holds few.
    if (small(top, threshold) || small(n - top, threshold)) shown.top_two = false;
    drop_order = {{&ShownFigures::sd, "sd"},
                  {&ShownFigures::top_two, "top_two"},
                  {&ShownFigures::median, "median"},
                  {&ShownFigures::mean, "mean"}};
  } else if (item.kind == ItemKind::yes_no) {
    shown.share = !(small(counts[0], threshold) || small(counts[1], threshold));
    drop_order = {{&ShownFigures::share, "share"}};
  }
  const bool top_two_primary = item.kind == ItemKind::likert && !shown.top_two;
  const bool share_primary = item.kind == ItemKind::yes_no && !shown.share;
  SmallCountProtection protection(counts, values, shown, threshold);
  std::vector<std::string> dropped = protection.protect(drop_order);
  const ShownFigures& final_shown = protection.shown();
  scores.distribution = cells_of(counts, values, protection, n);

  if (item.kind == ItemKind::likert) {
    long long s1 = 0;
    for (std::size_t k = 0; k < counts.size(); ++k) s1 += values[k] * counts[k];
    const double mean = static_cast<double>(s1) / nn;
    double squares = 0.0;
    for (std::size_t k = 0; k < counts.size(); ++k) {
      const double d = static_cast<double>(values[k]) - mean;
      squares += d * d * static_cast<double>(counts[k]);
    }
    // Positions (n-1)/2 and n/2 of the sorted answers: their mean is the median.
    double median = 0.0;
    std::int64_t seen = 0;
    bool low_found = false;
    for (std::size_t k = 0; k < counts.size(); ++k) {
      seen += counts[k];
      if (!low_found && seen > (n - 1) / 2) {
        median += static_cast<double>(values[k]);
        low_found = true;
      }
      if (seen > n / 2) {
        median += static_cast<double>(values[k]);
        break;
      }
    }
    const std::int64_t top = counts[counts.size() - 1] + counts[counts.size() - 2];
    if (final_shown.mean) scores.mean = mean;
    if (final_shown.sd) scores.sd = std::sqrt(squares / (nn - 1.0));
    if (final_shown.median) scores.median = median / 2.0;
    if (final_shown.top_two) scores.top_two = static_cast<double>(top) / nn;
    if (top_two_primary) scores.suppressed_figures.emplace_back("top_two");
  }
  if (item.kind == ItemKind::yes_no) {
    if (final_shown.share) {
      scores.share = static_cast<double>(counts[1]) / nn;
      const WilsonInterval interval = wilson_interval(counts[1], n);
      scores.share_low = interval.low;
      scores.share_high = interval.high;
    }
    if (share_primary) scores.suppressed_figures.emplace_back("share");
  }
  for (auto& name : dropped) {
    if (!scores.is_suppressed(name)) scores.suppressed_figures.push_back(std::move(name));
  }
  // Why: the top two's or the yes share's own count is small, or the figure was withheld so that
  // a hidden cell cannot be worked out; the interval goes with the share.
  for (std::string_view figure : figures_of(item.kind)) {
    const std::string_view own = figure == "share_low" || figure == "share_high" ? "share" : figure;
    if (!scores.is_suppressed(own)) continue;
    const bool primary = (own == "top_two" && top_two_primary) || (own == "share" && share_primary);
    scores.hidden.push_back({std::string(figure), primary ? HiddenReason::small_count : HiddenReason::would_reveal});
  }
  return scores;
}

EvaluationScores score_evaluation(const EvaluationForm& form, const std::vector<Response>& responses,
                                  const ScoreOptions& options) {
  checked_threshold(options.threshold);
  std::vector<CourseTally> tallies;
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t r = 0; r < responses.size(); ++r) {
    const Response& response = responses[r];
    std::string pointer = "/responses/";
    pointer += std::to_string(r);
    if (response.answers.size() != form.items.size()) {
      detail::raise_input_error(pointer + "/answers", "expected " + std::to_string(form.items.size()) + " answers, one per item, got " +
                                 std::to_string(response.answers.size()), detail::Rule{"E1"});
    }
    auto [it, added] = index.try_emplace(response.course, tallies.size());
    if (added) tallies.push_back(empty_tally(form, response.course));
    CourseTally& tally = tallies[it->second];
    ++tally.responses;
    for (std::size_t i = 0; i < form.items.size(); ++i) {
      const Item& item = form.items[i];
      const Answer& answer = response.answers[i];
      if (answer.missing()) {
        ++tally.missing[i];
        continue;
      }
      std::string where = pointer + "/answers/";
      where += std::to_string(i);
      if (item.kind == ItemKind::free_text) {
        if (!answer.text || answer.value) detail::raise_input_error(where, "a free-text answer is text", detail::Rule{"E1"});
        ++tally.counts[i][0];
        if (options.comments) tally.texts[i].push_back(*answer.text);
        continue;
      }
      if (!answer.value || answer.text) detail::raise_input_error(where, "item " + item.id + " takes a value, not text", detail::Rule{"E1"});
      const long long k = item.kind == ItemKind::likert ? static_cast<long long>(*answer.value) - item.min
                                                        : static_cast<long long>(*answer.value);
      if (k < 0 || k >= static_cast<long long>(item.value_count())) {
        detail::raise_input_error(where, std::to_string(*answer.value) + " is not an answer to item " + item.id, detail::Rule{"E1"});
      }
      ++tally.counts[i][static_cast<std::size_t>(k)];
    }
  }
  return scores_of(form, tallies, options);
}

EvaluationScores score_evaluation(const EvaluationForm& form, const EvaluationResponses& responses,
                                  const ScoreOptions& options) {
  return score_evaluation(form, responses.responses, options);
}

EvaluationScores score_columns(const EvaluationForm& form, const std::vector<AnswerColumn>& columns,
                               std::span<const std::int64_t> courses, const ScoreOptions& options) {
  checked_threshold(options.threshold);
  std::size_t rows = courses.size();
  bool rows_known = !courses.empty();
  std::vector<std::optional<std::size_t>> item_of(columns.size());
  std::set<std::size_t> seen;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const auto index = form.index_of(columns[c].item);
    const std::string where = "columns/" + columns[c].item;
    if (!index) detail::raise_input_error(where, "unknown item \"" + columns[c].item + "\" of form " + form.id, detail::Rule{"E1"});
    if (form.items[*index].kind == ItemKind::free_text) {
      detail::raise_input_error(where, "free-text item " + columns[c].item + " cannot be given as numbers", detail::Rule{"E1"});
    }
    if (!seen.insert(*index).second) detail::raise_input_error(where, "item " + columns[c].item + " is given twice");
    if (rows_known && columns[c].values.size() != rows) {
      detail::raise_input_error(where, "expected " + std::to_string(rows) + " values, as many as the first, got " +
                               std::to_string(columns[c].values.size()));
    }
    rows = columns[c].values.size();
    rows_known = true;
    item_of[c] = index;
  }
  // Course codes to tallies, in order of first appearance.
  std::vector<CourseTally> tallies;
  std::vector<std::uint32_t> course_of;
  if (courses.empty()) {
    tallies.push_back(empty_tally(form, ""));
    tallies[0].responses = static_cast<std::int64_t>(rows);
  } else {
    course_of.resize(rows);
    std::unordered_map<std::int64_t, std::uint32_t> index;
    std::int64_t last_code = 0;
    std::uint32_t last_index = 0;
    bool have_last = false;
    for (std::size_t r = 0; r < rows; ++r) {
      const std::int64_t code = courses[r];
      if (!have_last || code != last_code) {
        auto [it, added] = index.try_emplace(code, static_cast<std::uint32_t>(tallies.size()));
        if (added) tallies.push_back(empty_tally(form, std::to_string(code)));
        last_code = code;
        last_index = it->second;
        have_last = true;
      }
      course_of[r] = last_index;
      ++tallies[last_index].responses;
    }
  }
  for (std::size_t i = 0; i < form.items.size(); ++i) {
    bool given = false;
    for (std::size_t c = 0; c < columns.size(); ++c) given = given || item_of[c] == i;
    if (!given) {
      for (auto& tally : tallies) tally.missing[i] = tally.responses;
    }
  }
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const std::size_t i = *item_of[c];
    const Item& item = form.items[i];
    const double low = item.kind == ItemKind::likert ? item.min : 0;
    const double high = low + static_cast<double>(item.value_count()) - 1;
    const double* values = columns[c].values.data();
    const auto bad = [&](std::size_t r) {
      std::string where = detail::cell_location(r + 1, i + 1);
      where += " (";
      where += item.id;
      where += ")";
      const double v = values[r];
      detail::raise_input_error(where, "expected a whole number from " + std::to_string(static_cast<long long>(low)) + " to " +
                                 std::to_string(static_cast<long long>(high)) + " or NaN, got " +
                                 (std::isfinite(v) ? std::to_string(v) : std::string("infinity")), detail::Rule{"E1"});
    };
    if (courses.empty()) {
      std::vector<std::int64_t>& counts = tallies[0].counts[i];
      std::int64_t missing = 0;
      for (std::size_t r = 0; r < rows; ++r) {
        const double v = values[r];
        if (std::isnan(v)) {
          ++missing;
          continue;
        }
        if (!(v >= low && v <= high) || v != std::floor(v)) bad(r);
        ++counts[static_cast<std::size_t>(v - low)];
      }
      tallies[0].missing[i] = missing;
    } else {
      for (std::size_t r = 0; r < rows; ++r) {
        const double v = values[r];
        CourseTally& tally = tallies[course_of[r]];
        if (std::isnan(v)) {
          ++tally.missing[i];
          continue;
        }
        if (!(v >= low && v <= high) || v != std::floor(v)) bad(r);
        ++tally.counts[i][static_cast<std::size_t>(v - low)];
      }
    }
  }
  return scores_of(form, tallies, options);
}

std::vector<HouseholdAttendance> household_attendance(const std::vector<AttendanceRecord>& records) {
  std::vector<HouseholdAttendance> result;
  std::unordered_map<std::string, std::size_t> index;
  for (const auto& record : records) {
    auto [it, added] = index.try_emplace(record.household, result.size());
    if (added) result.push_back(HouseholdAttendance{record.household, 0, 0, 0, 0, 0.0});
    HouseholdAttendance& household = result[it->second];
    ++household.sessions;
    if (record.present > 0) ++household.attended;
    household.participants_present += record.present;
    household.participants_possible += record.caregivers;
  }
  for (auto& household : result) {
    household.rate = household.sessions > 0 ? static_cast<double>(household.attended) / household.sessions : 0.0;
  }
  return result;
}

AttendanceScores score_attendance(const std::vector<AttendanceRecord>& records, const ScoreOptions& options) {
  checked_threshold(options.threshold);
  fit_attendance(records);  // the record checks: present within caregivers, no duplicates
  const std::vector<HouseholdAttendance> households = household_attendance(records);
  AttendanceScores scores;
  // DOMAIN X4: a group of fewer households than the threshold shows nothing.
  if (static_cast<int>(households.size()) < options.threshold) {
    scores.suppressed = true;
    return scores;
  }
  scores.households = static_cast<int>(households.size());
  // DOMAIN E2: per session, over all the group's households.
  std::map<int, SessionAttendance> sessions;
  for (const auto& record : records) {
    SessionAttendance& session = sessions[record.session];
    session.session = record.session;
    ++session.households;
    if (record.present > 0) ++session.households_present;
    session.participants_enrolled += record.caregivers;
    session.participants_present += record.present;
  }
  int recorded = 0, attended = 0, enrolled = 0, present = 0;
  for (auto& [number, session] : sessions) {
    session.rate = static_cast<double>(session.households_present) / session.households;
    recorded += session.households;
    attended += session.households_present;
    enrolled += session.participants_enrolled;
    present += session.participants_present;
    scores.sessions.push_back(session);
  }
  scores.rate = static_cast<double>(attended) / recorded;
  scores.participant_rate = enrolled > 0 ? static_cast<double>(present) / enrolled : 0.0;
  scores.mean_sessions = static_cast<double>(attended) / static_cast<double>(households.size());
  // Households by sessions attended, protected like an item's distribution; its mean is given by
  // the per-session figures, so it is shown and cannot be dropped.
  int most = 0;
  for (const auto& household : households) most = std::max(most, household.sessions);
  std::vector<std::int64_t> counts(static_cast<std::size_t>(most) + 1, 0);
  for (const auto& household : households) ++counts[static_cast<std::size_t>(household.attended)];
  std::vector<long long> values(counts.size());
  std::iota(values.begin(), values.end(), 0LL);
  ShownFigures shown;
  shown.mean = true;
  SmallCountProtection protection(counts, values, shown, options.threshold);
  protection.protect({});
  scores.per_household = cells_of(counts, values, protection, static_cast<std::int64_t>(households.size()));
  return scores;
}

}  // namespace paarorende
