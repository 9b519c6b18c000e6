// Scores as a specification (DOMAIN E1-E3, X4): every statistic against values worked by hand,
// bulk scoring equal to scoring responses, attendance per session and household (E2), and
// suppression: a figure from fewer than the threshold is never shown, nor derivable from what is
// shown (checked by brute force over every distribution the shown figures allow).
#include <gtest/gtest.h>

#include "fixtures.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <limits>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "paarorende/error.hpp"
#include "paarorende/evaluation.hpp"
#include "paarorende/json.hpp"
#include "paarorende/scores.hpp"

namespace {

using namespace paarorende;
using namespace paarorende::test_support;
namespace fs = std::filesystem;
using Counts = std::vector<std::int64_t>;

Item likert(int min = 1, int max = 5) {
  Item item;
  item.id = "q";
  item.kind = ItemKind::likert;
  item.text = {"Spørsmål", "Question"};
  item.min = min;
  item.max = max;
  return item;
}

Item yes_no() {
  Item item;
  item.id = "yes";
  item.kind = ItemKind::yes_no;
  item.text = {"Ja?", "Yes?"};
  return item;
}

std::vector<std::int64_t> shown_counts(const ItemScores& scores) {
  std::vector<std::int64_t> counts;
  for (const auto& cell : scores.distribution) counts.push_back(cell.count.value_or(-1));
  return counts;
}

// --- statistics by hand ---

TEST(evaluation_scores, likert_statistics_by_hand) {
  // 20 answers: five each of 2, 3, 4 and 5.
  const Counts counts{0, 5, 5, 5, 5};
  const ItemScores s = score_item(likert(), counts, 3);
  EXPECT_FALSE(s.suppressed);
  EXPECT_EQ(s.n, 20);
  EXPECT_EQ(s.missing, 3);
  EXPECT_DOUBLE_EQ(*s.mean, 3.5);                        // (10 + 15 + 20 + 25) / 20
  EXPECT_NEAR(*s.sd, std::sqrt(25.0 / 19.0), 1e-15);     // 5 * (2.25 + .25 + .25 + 2.25) / (20 - 1)
  EXPECT_DOUBLE_EQ(*s.median, 3.5);                      // the 10th and 11th answers are 3 and 4
  EXPECT_DOUBLE_EQ(*s.top_two, 0.5);                     // 4 or 5: 10 of 20
  EXPECT_EQ(shown_counts(s), (Counts{0, 5, 5, 5, 5}));
  EXPECT_DOUBLE_EQ(*s.distribution[1].share, 0.25);
  EXPECT_EQ(s.distribution[4].value, 5);
  EXPECT_TRUE(s.suppressed_figures.empty());
}

TEST(evaluation_scores, median_of_odd_count_and_negative_scale) {
  // A -2..2 scale: 5 x -2, 6 x 1 (11 answers): median the 6th answer, 1.
  const Counts counts{5, 0, 0, 6, 0};
  const ItemScores s = score_item(likert(-2, 2), counts, 0);
  EXPECT_DOUBLE_EQ(*s.median, 1.0);
  EXPECT_NEAR(*s.mean, (-10.0 + 6.0) / 11.0, 1e-15);
  EXPECT_DOUBLE_EQ(*s.top_two, 6.0 / 11.0);
  EXPECT_EQ(s.distribution[0].value, -2);
}

TEST(evaluation_scores, wilson_interval_known_values) {
  // 8 of 10: the textbook Wilson 95% interval is 0.4902 to 0.9433.
  const WilsonInterval a = wilson_interval(8, 10);
  EXPECT_NEAR(a.low, 0.4902, 5e-5);
  EXPECT_NEAR(a.high, 0.9433, 5e-5);
  // 9 of 9: the upper end is 1; the lower z^2 / (n + z^2)-based end is 0.7009.
  const WilsonInterval b = wilson_interval(9, 9);
  EXPECT_DOUBLE_EQ(b.high, 1.0);
  EXPECT_NEAR(b.low, 9.0 / (9.0 + z_95 * z_95), 1e-12);
  const WilsonInterval c = wilson_interval(0, 20);
  EXPECT_DOUBLE_EQ(c.low, 0.0);
  EXPECT_NEAR(c.high, z_95 * z_95 / (20.0 + z_95 * z_95), 1e-12);
}

TEST(evaluation_scores, yes_no_share_and_interval) {
  const ItemScores s = score_item(yes_no(), Counts{5, 15}, 1);
  EXPECT_EQ(s.n, 20);
  EXPECT_DOUBLE_EQ(*s.share, 0.75);
  const WilsonInterval expected = wilson_interval(15, 20);
  EXPECT_DOUBLE_EQ(*s.share_low, expected.low);
  EXPECT_DOUBLE_EQ(*s.share_high, expected.high);
  EXPECT_EQ(shown_counts(s), (Counts{5, 15}));
  EXPECT_FALSE(s.mean.has_value());
}

// --- suppression (DOMAIN X4) ---

TEST(evaluation_suppression, item_answered_by_four_shows_nothing) {
  const ItemScores s = score_item(likert(), Counts{0, 0, 1, 2, 1}, 6);
  EXPECT_TRUE(s.suppressed);
  EXPECT_FALSE(s.n.has_value());
  EXPECT_FALSE(s.missing.has_value());  // with the responses shown, missing would give n away
  EXPECT_FALSE(s.mean.has_value());
  EXPECT_TRUE(s.distribution.empty());
  // Threshold 3: four answers are enough.
  EXPECT_FALSE(score_item(likert(), Counts{0, 0, 1, 2, 1}, 6, 3).suppressed);
}

TEST(evaluation_suppression, threshold_is_never_below_three) {
  const InputError error = input_error([] { score_item(likert(), Counts{0, 0, 1, 2, 1}, 0, 2); });
  EXPECT_EQ(error.rule(), "X4");
  EXPECT_EQ(error.message(), "the suppression threshold is 3 to 1000, got 2");
  EXPECT_EQ(input_error([] { checked_threshold(1001); }).where(), "threshold");
  EXPECT_EQ(checked_threshold(3), 3);
}

TEST(evaluation_suppression, yes_no_with_one_no_hides_the_share_too) {
  // 9 yes and 1 no: "no" is one person; the share 90% of 10 would give it away.
  const ItemScores s = score_item(yes_no(), Counts{1, 9}, 0);
  EXPECT_FALSE(s.suppressed);
  EXPECT_EQ(s.n, 10);
  EXPECT_FALSE(s.share.has_value());
  EXPECT_FALSE(s.share_low.has_value());
  EXPECT_TRUE(s.is_suppressed("share"));
  EXPECT_EQ(shown_counts(s), (Counts{-1, -1}));
  // All yes: nobody is singled out, everything shown.
  const ItemScores all = score_item(yes_no(), Counts{0, 9}, 0);
  EXPECT_DOUBLE_EQ(*all.share, 1.0);
  EXPECT_EQ(shown_counts(all), (Counts{0, 9}));
}

TEST(evaluation_suppression, single_small_cell_gets_a_complement) {
  // 4 answered 1 (primary); alone it would be n minus the rest, so more is hidden.
  const ItemScores s = score_item(likert(), Counts{4, 0, 10, 10, 10}, 0);
  EXPECT_TRUE(s.distribution[0].suppressed());
  int hidden = 0;
  for (const auto& cell : s.distribution) hidden += cell.suppressed() ? 1 : 0;
  EXPECT_GE(hidden, 2);
}

TEST(evaluation_suppression, top_two_share_from_few_is_hidden) {
  // 3 in the top two (a count of 3 people), 17 below.
  const ItemScores s = score_item(likert(), Counts{5, 6, 6, 2, 1}, 0);
  EXPECT_FALSE(s.top_two.has_value());
  EXPECT_TRUE(s.is_suppressed("top_two"));
}

// The figures a count vector gives, computed here independently of the library.
struct Figures {
  double mean, sd, median, top_two, share;
};

Figures figures_of(const Counts& counts, const Item& item) {
  std::vector<double> answers;
  for (std::size_t k = 0; k < counts.size(); ++k) {
    const double v = item.kind == ItemKind::likert ? item.min + static_cast<double>(k) : static_cast<double>(k);
    for (std::int64_t c = 0; c < counts[k]; ++c) answers.push_back(v);
  }
  const double n = static_cast<double>(answers.size());
  double sum = 0;
  for (double a : answers) sum += a;
  const double mean = sum / n;
  double squares = 0;
  for (double a : answers) squares += (a - mean) * (a - mean);
  const std::size_t size = answers.size();
  const double median = (answers[(size - 1) / 2] + answers[size / 2]) / 2;
  const double top = counts.size() >= 2 ? static_cast<double>(counts[counts.size() - 1] + counts[counts.size() - 2]) : 0;
  return {mean, std::sqrt(squares / (n - 1)), median, top / n, static_cast<double>(counts.back()) / n};
}

bool agrees(const Counts& candidate, const ItemScores& shown, const Item& item) {
  for (std::size_t k = 0; k < candidate.size(); ++k) {
    if (shown.distribution[k].count && *shown.distribution[k].count != candidate[k]) return false;
  }
  const Figures f = figures_of(candidate, item);
  const auto near = [](const std::optional<double>& figure, double value) {
    return !figure || std::fabs(*figure - value) < 1e-9;
  };
  return near(shown.mean, f.mean) && near(shown.sd, f.sd) && near(shown.median, f.median) &&
         near(shown.top_two, f.top_two) && near(shown.share, f.share);
}

// Every vector of `cells` counts summing to n.
void each_composition(std::int64_t n, std::size_t cells, const std::function<void(const Counts&)>& visit) {
  Counts counts(cells, 0);
  std::function<void(std::size_t, std::int64_t)> rec = [&](std::size_t i, std::int64_t left) {
    if (i + 1 == cells) {
      counts[i] = left;
      visit(counts);
      return;
    }
    for (std::int64_t c = 0; c <= left; ++c) {
      counts[i] = c;
      rec(i + 1, left - c);
    }
  };
  rec(0, n);
}

// Whether a figure of ItemScores has a value, by its name in `hidden`.
bool has_figure(const ItemScores& s, std::string_view figure) {
  if (figure == "n") return s.n.has_value();
  if (figure == "missing") return s.missing.has_value();
  if (figure == "mean") return s.mean.has_value();
  if (figure == "sd") return s.sd.has_value();
  if (figure == "median") return s.median.has_value();
  if (figure == "top_two") return s.top_two.has_value();
  if (figure == "share") return s.share.has_value();
  if (figure == "share_low") return s.share_low.has_value();
  if (figure == "share_high") return s.share_high.has_value();
  ADD_FAILURE() << "unknown figure " << figure;
  return false;
}

// Every figure of the kind is shown or listed in `hidden` with a reason, never both; each hidden
// cell says why, small_count exactly for the counts of 1 to threshold - 1.
void expect_hidden_with_reasons(const ItemScores& shown, const Counts& truth, int threshold) {
  const std::vector<std::string_view> figures =
      shown.kind == ItemKind::likert ? std::vector<std::string_view>{"n", "missing", "mean", "sd", "median", "top_two"}
                                     : std::vector<std::string_view>{"n", "missing", "share", "share_low", "share_high"};
  for (std::string_view figure : figures) {
    EXPECT_NE(has_figure(shown, figure), shown.hidden_reason(figure).has_value()) << figure;
    if (shown.suppressed) {
      EXPECT_EQ(shown.hidden_reason(figure), HiddenReason::item_too_small) << figure;
    }
  }
  EXPECT_EQ(shown.hidden.size(), static_cast<std::size_t>(std::count_if(
                                     figures.begin(), figures.end(),
                                     [&](std::string_view f) { return !has_figure(shown, f); })));
  for (std::size_t k = 0; k < shown.distribution.size(); ++k) {
    const DistributionCell& cell = shown.distribution[k];
    EXPECT_EQ(cell.suppressed(), cell.hidden_reason.has_value());
    if (!cell.suppressed()) continue;
    const bool small = truth[k] > 0 && truth[k] < threshold;
    EXPECT_EQ(*cell.hidden_reason, small ? HiddenReason::small_count : HiddenReason::would_reveal) << "cell " << k;
  }
}

// For each count of 1..threshold-1 people: some distribution that agrees with every shown figure
// has a different count there. So no such figure is shown, nor derivable.
void expect_no_small_count_derivable(const Item& item, const Counts& truth, int threshold) {
  const std::int64_t n = std::accumulate(truth.begin(), truth.end(), std::int64_t{0});
  const ItemScores shown = score_item(item, truth, 0, threshold);
  expect_hidden_with_reasons(shown, truth, threshold);
  if (shown.suppressed) {
    EXPECT_LT(n, threshold);
    return;
  }
  // Shares shown only from counts that are 0 or at least the threshold, inside and outside.
  const std::int64_t top = truth[truth.size() - 1] + truth[truth.size() - 2];
  if (shown.top_two) {
    EXPECT_TRUE((top == 0 || top >= threshold) && (n - top == 0 || n - top >= threshold));
  }
  std::vector<bool> differs(truth.size(), false);
  each_composition(n, truth.size(), [&](const Counts& candidate) {
    if (!agrees(candidate, shown, item)) return;
    for (std::size_t k = 0; k < truth.size(); ++k) differs[k] = differs[k] || candidate[k] != truth[k];
  });
  for (std::size_t k = 0; k < truth.size(); ++k) {
    if (truth[k] > 0 && truth[k] < threshold) {
      EXPECT_FALSE(shown.distribution[k].count.has_value());
      EXPECT_TRUE(differs[k]) << "cell " << k << " of " << ::testing::PrintToString(truth)
                              << " can be worked out from the shown figures";
    }
  }
}

TEST(evaluation_suppression, a_figure_from_four_is_never_shown_nor_derivable) {
  // The pilot's kind of group: 9 answers, one cell of 4.
  expect_no_small_count_derivable(likert(), Counts{0, 0, 0, 4, 5}, 5);
  expect_no_small_count_derivable(likert(), Counts{0, 0, 1, 5, 3}, 5);
  expect_no_small_count_derivable(likert(), Counts{4, 0, 0, 0, 6}, 5);
  expect_no_small_count_derivable(yes_no(), Counts{4, 6}, 5);
  expect_no_small_count_derivable(yes_no(), Counts{6, 4}, 5);
}

TEST(evaluation_suppression, random_small_groups_never_expose_a_count) {
  std::mt19937 random(20191105);
  for (int trial = 0; trial < 300; ++trial) {
    const int threshold = 3 + static_cast<int>(random() % 3);
    const bool binary = random() % 4 == 0;
    const Item item = binary ? yes_no() : likert();
    Counts counts(binary ? 2 : 5, 0);
    const int n = 3 + static_cast<int>(random() % 11);
    // Skewed answers, as course evaluations are: mostly the top of the scale.
    std::discrete_distribution<int> pick = binary ? std::discrete_distribution<int>{1, 4}
                                                  : std::discrete_distribution<int>{1, 1, 2, 5, 6};
    for (int i = 0; i < n; ++i) ++counts[static_cast<std::size_t>(pick(random))];
    SCOPED_TRACE(::testing::PrintToString(counts) + " threshold " + std::to_string(threshold));
    expect_no_small_count_derivable(item, counts, threshold);
  }
}

TEST(evaluation_suppression, large_cells_are_all_shown) {
  const ItemScores s = score_item(likert(), Counts{5, 7, 9, 20, 30}, 0);
  EXPECT_EQ(shown_counts(s), (Counts{5, 7, 9, 20, 30}));
  EXPECT_TRUE(s.mean && s.sd && s.median && s.top_two);
}

// --- responses to scores ---

EvaluationForm pilot() { return pilot_evaluation_form(); }

Response response(std::string course, std::vector<std::optional<int>> values, std::optional<std::string> comment = {}) {
  Response r;
  r.course = std::move(course);
  for (const auto& v : values) r.answers.push_back(Answer{v, std::nullopt});
  r.answers.resize(6);
  r.answers[5] = Answer{std::nullopt, std::move(comment)};
  return r;
}

TEST(evaluation_scores, courses_side_by_side_and_a_small_course_hidden) {
  std::vector<Response> responses;
  for (int i = 0; i < 6; ++i) responses.push_back(response("2019", {4, 3, 5, 4, 1}));
  for (int i = 0; i < 4; ++i) responses.push_back(response("2021", {2, 2, 2, 2, 0}));
  const EvaluationScores scores = score_evaluation(pilot(), responses);
  ASSERT_EQ(scores.courses.size(), 2u);
  EXPECT_EQ(scores.courses[0].course, "2019");
  EXPECT_EQ(scores.courses[0].responses, 6);
  EXPECT_DOUBLE_EQ(*scores.courses[0].items[0].mean, 4.0);
  EXPECT_DOUBLE_EQ(*scores.courses[0].items[4].share, 1.0);
  const CourseScores& small = scores.courses[1];
  EXPECT_TRUE(small.suppressed);
  EXPECT_FALSE(small.responses.has_value());
  for (const ItemScores& item : small.items) {
    EXPECT_TRUE(item.suppressed);
    // Every figure of the kind, and only those: the mean of a yes/no item is not applicable.
    EXPECT_EQ(item.hidden_reason("n"), HiddenReason::course_too_small);
    EXPECT_EQ(item.hidden_reason("mean").has_value(), item.kind == ItemKind::likert);
    EXPECT_EQ(item.hidden_reason("share").has_value(), item.kind == ItemKind::yes_no);
    EXPECT_FALSE(item.n || item.mean || item.share);
  }
  // Nothing of the small course anywhere in the JSON: no pooled total, no 2.0 mean, no count 4.
  const std::string json = to_json(scores).dump();
  EXPECT_EQ(json.find("\"all\""), std::string::npos);
  EXPECT_EQ(json.find("\"responses\":4"), std::string::npos);
  EXPECT_EQ(json.find("\"responses\":10"), std::string::npos);
  EXPECT_EQ(json.find("\"mean\":2.0"), std::string::npos);
}

TEST(evaluation_scores, missing_answers_are_counted) {
  std::vector<Response> responses;
  for (int i = 0; i < 7; ++i) responses.push_back(response("", {5, std::nullopt, 4, 4, 1}));
  const EvaluationScores scores = score_evaluation(pilot(), responses);
  const ItemScores& q2 = scores.courses[0].items[1];
  EXPECT_TRUE(q2.suppressed);  // nobody answered
  const ItemScores& q1 = scores.courses[0].items[0];
  EXPECT_EQ(q1.n, 7);
  EXPECT_EQ(q1.missing, 0);
  EXPECT_EQ(scores.courses[0].items[5].suppressed, true);  // no comments at all
}

TEST(evaluation_scores, comments_only_when_asked_sorted_and_never_from_few) {
  std::vector<Response> responses;
  const char* comments[] = {"Pizza!", "Bra tid", "Ledet refleksjon", "", "Pappasamling", "Alt var fint"};
  for (const char* comment : comments) {
    responses.push_back(response("", {4, 4, 4, 4, 1}, *comment ? std::optional<std::string>(comment) : std::nullopt));
  }
  const EvaluationScores without = score_evaluation(pilot(), responses);
  EXPECT_TRUE(without.courses[0].items[5].comments.empty());
  EXPECT_EQ(to_json(without).dump().find("Pizza"), std::string::npos);
  ScoreOptions asked;
  asked.comments = true;
  const EvaluationScores with = score_evaluation(pilot(), responses, asked);
  EXPECT_EQ(with.courses[0].items[5].n, 5);
  EXPECT_EQ(with.courses[0].items[5].missing, 1);
  EXPECT_EQ(with.courses[0].items[5].comments,
            (std::vector<std::string>{"Alt var fint", "Bra tid", "Ledet refleksjon", "Pappasamling", "Pizza!"}));
  // Four comments: fewer than the threshold, none shown even when asked.
  responses.pop_back();
  EXPECT_TRUE(score_evaluation(pilot(), responses, asked).courses[0].items[5].comments.empty());
}

TEST(evaluation_scores, answers_that_do_not_fit_the_form) {
  std::vector<Response> responses{response("", {9, 3, 3, 3, 1})};
  EXPECT_EQ(located(input_error([&] { score_evaluation(pilot(), responses); })),
            (Located{"/responses/0/answers/0", "9 is not an answer to item q1"}));
  Response short_one;
  short_one.answers.resize(2);
  EXPECT_EQ(input_error([&] { score_evaluation(pilot(), std::vector<Response>{short_one}); }).message(),
            "expected 6 answers, one per item, got 2");
}

TEST(evaluation_scores, bulk_columns_equal_scoring_responses) {
  std::mt19937 random(7);
  const EvaluationForm form = pilot();
  std::vector<Response> responses;
  std::vector<std::vector<double>> columns(5);
  std::vector<std::int64_t> courses;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (int r = 0; r < 400; ++r) {
    const std::int64_t course = static_cast<std::int64_t>(random() % 3) + 10;
    std::vector<std::optional<int>> values;
    for (int i = 0; i < 5; ++i) {
      const bool missing = random() % 10 == 0;
      const int v = i == 4 ? static_cast<int>(random() % 2) : 1 + static_cast<int>(random() % 5);
      values.push_back(missing ? std::nullopt : std::optional<int>(v));
      columns[static_cast<std::size_t>(i)].push_back(missing ? nan : v);
    }
    responses.push_back(response(std::to_string(course), values));
    courses.push_back(course);
  }
  std::vector<AnswerColumn> answer_columns;
  for (int i = 0; i < 5; ++i) answer_columns.push_back({form.items[static_cast<std::size_t>(i)].id, columns[static_cast<std::size_t>(i)]});
  const EvaluationScores bulk = score_columns(form, answer_columns, courses);
  EvaluationScores rows = score_evaluation(form, responses);
  // The free-text item was not given in bulk: missing throughout. Compare the rest.
  ASSERT_EQ(bulk.courses.size(), rows.courses.size());
  for (std::size_t c = 0; c < rows.courses.size(); ++c) {
    EXPECT_EQ(bulk.courses[c].course, rows.courses[c].course);
    EXPECT_EQ(bulk.courses[c].responses, rows.courses[c].responses);
    for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(bulk.courses[c].items[i], rows.courses[c].items[i]);
  }
}

TEST(evaluation_scores, bulk_errors_say_row_and_column) {
  const EvaluationForm form = pilot();
  const std::vector<double> q1{4, 5, 6};
  InputError error = input_error([&] { score_columns(form, {{"q1", q1}}); });
  EXPECT_EQ(located(error), (Located{"row 3, column 1 (q1)",
                                     "expected a whole number from 1 to 5 or NaN, got 6.000000"}));
  const std::vector<double> q5{1, 0.5};
  EXPECT_EQ(input_error([&] { score_columns(form, {{"q5", q5}}); }).where(), "row 2, column 5 (q5)");
  EXPECT_EQ(input_error([&] { score_columns(form, {{"q9", q5}}); }).message(),
            "unknown item \"q9\" of form sandefjord-pilot");
  EXPECT_EQ(input_error([&] { score_columns(form, {{"q6", q5}}); }).message(),
            "free-text item q6 cannot be given as numbers");
  const std::vector<std::int64_t> courses{1, 2, 3};
  EXPECT_EQ(input_error([&] { score_columns(form, {{"q5", q5}}, courses); }).message(),
            "expected 3 values, as many as the first, got 2");
}

// --- attendance (DOMAIN E2) ---

TEST(evaluation_attendance, pilot_attendance_by_hand) {
  const auto records = load_attendance_records(source_dir / "examples/sandefjord_pilot/attendance.json");
  const AttendanceScores a = score_attendance(records.records);
  EXPECT_FALSE(a.suppressed);
  EXPECT_EQ(a.households, 5);
  ASSERT_EQ(a.sessions.size(), 4u);
  // Households present 4, 3, 3, 3 of 5; participants 6, 5, 5, 4 of 10 (examples/.../attendance.json).
  const int households_present[] = {4, 3, 3, 3};
  const int participants_present[] = {6, 5, 5, 4};
  for (std::size_t s = 0; s < 4; ++s) {
    EXPECT_EQ(a.sessions[s].session, static_cast<int>(s) + 1);
    EXPECT_EQ(a.sessions[s].households, 5);
    EXPECT_EQ(a.sessions[s].households_present, households_present[s]);
    EXPECT_EQ(a.sessions[s].participants_present, participants_present[s]);
    EXPECT_EQ(a.sessions[s].participants_enrolled, 10);
    EXPECT_DOUBLE_EQ(a.sessions[s].rate, households_present[s] / 5.0);
  }
  EXPECT_DOUBLE_EQ(*a.rate, 0.65);  // DOMAIN G5: 13 household-sessions of 20
  EXPECT_DOUBLE_EQ(*a.participant_rate, 0.5);
  EXPECT_DOUBLE_EQ(*a.mean_sessions, 2.6);
  // One household came to 1 session, four to 3: a count of 1 (and of 4) is never shown.
  ASSERT_EQ(a.per_household.size(), 5u);
  EXPECT_TRUE(a.per_household[1].suppressed());
  EXPECT_TRUE(a.per_household[3].suppressed());
}

TEST(evaluation_attendance, per_household_for_the_municipality) {
  const auto records = load_attendance_records(source_dir / "examples/sandefjord_pilot/attendance.json");
  const auto households = household_attendance(records.records);
  ASSERT_EQ(households.size(), 5u);
  EXPECT_EQ(households[0].household, "h01");
  EXPECT_EQ(households[0].attended, 3);
  EXPECT_EQ(households[0].participants_present, 5);
  EXPECT_EQ(households[0].participants_possible, 8);
  EXPECT_DOUBLE_EQ(households[0].rate, 0.75);
  EXPECT_EQ(households[4].attended, 1);
  EXPECT_DOUBLE_EQ(households[4].rate, 0.25);
}

TEST(evaluation_attendance, fewer_households_than_threshold_shows_nothing) {
  std::vector<AttendanceRecord> records;
  for (int h = 0; h < 4; ++h) {
    for (int s = 1; s <= 3; ++s) records.push_back({test_support::numbered("h", h), s, 1, 2});
  }
  const AttendanceScores a = score_attendance(records);
  EXPECT_TRUE(a.suppressed);
  EXPECT_FALSE(a.households.has_value());
  EXPECT_TRUE(a.sessions.empty());
  EXPECT_FALSE(a.rate.has_value());
  ScoreOptions three;
  three.threshold = 3;
  EXPECT_EQ(score_attendance(records, three).households, 4);
}

TEST(evaluation_attendance, distribution_cells_of_many_are_shown) {
  std::vector<AttendanceRecord> records;
  for (int h = 0; h < 12; ++h) {
    for (int s = 1; s <= 2; ++s) records.push_back({test_support::numbered("h", h), s, h < 6 || s == 1 ? 1 : 0, 1});
  }
  const AttendanceScores a = score_attendance(records);
  ASSERT_EQ(a.per_household.size(), 3u);
  EXPECT_EQ(a.per_household[0].count, 0);
  EXPECT_EQ(a.per_household[1].count, 6);
  EXPECT_EQ(a.per_household[2].count, 6);
}

TEST(evaluation_scores, json_marks_suppressed_figures) {
  const auto responses = load_responses(source_dir / "examples/sandefjord_pilot/evaluation.csv", pilot());
  EvaluationScores scores = score_evaluation(pilot(), responses);
  const Json json = to_json(scores);
  EXPECT_EQ(json["form"], "sandefjord-pilot");
  EXPECT_EQ(json["threshold"], 5);
  const Json& q2 = json["courses"][0]["items"][1];
  EXPECT_EQ(q2["n"], 9);
  EXPECT_NEAR(q2["mean"].get<double>(), 29.0 / 9.0, 1e-12);  // 3+4+3+3+4+3+2+3+4
  EXPECT_NEAR(q2["sd"].get<double>(), std::sqrt((97.0 - 29.0 * 29.0 / 9.0) / 8.0), 1e-12);
  EXPECT_EQ(q2["reference"], 3.0);
  EXPECT_TRUE(q2["top_two"].is_null());  // 3 answered 4: a count of 3
  EXPECT_EQ(q2["suppressed_figures"], Json::array({"top_two"}));
  // Why: the top two hold 3 people; one cell is 1 person, the zeros are hidden beside them.
  EXPECT_EQ(q2["hidden"], Json({{"top_two", "small_count"}}));
  EXPECT_EQ(q2["distribution"][1]["hidden_reason"], "small_count");      // one answered 2
  EXPECT_EQ(q2["distribution"][3]["hidden_reason"], "small_count");      // three answered 4
  EXPECT_EQ(q2["distribution"][2]["hidden_reason"], "would_reveal");     // five answered 3
  EXPECT_TRUE(q2["distribution"][2]["count"].is_null());
  const Json& q5 = json["courses"][0]["items"][4];
  EXPECT_EQ(q5["share"], 1.0);
  EXPECT_EQ(q5["distribution"][1]["value"], "yes");
  EXPECT_EQ(q5["distribution"][1]["count"], 9);
}

}  // namespace
