// Scores of an evaluation (DOMAIN E1-E3) and of attendance (E2), with the figures that would
// expose individuals suppressed (X4).
//
// Per item: n (answered), missing, mean, sample standard deviation (ddof = 1, as pandas'
// Series.std()), median (the mean of the two middle answers when n is even, as pandas), the full
// distribution and the top-two-box share (the share answering one of the two highest values);
// for yes/no the share answering yes with its Wilson 95% interval. Every statistic is computed
// from the item's counts, exactly, so scoring a million responses is one pass of counting.
//
// DOMAIN X4 (docs/evaluation.md, "What is suppressed"): with a threshold t (default 5, never
// below 3):
// - a course with fewer than t responses shows no figure; an item fewer than t answered shows no
//   figure (not even n or missing, which would give n away);
// - a count of fewer than t respondents (a distribution cell, or the people inside or outside the
//   top two, or answering yes or no) is suppressed, and so is the share made from it;
// - complementary suppression: more cells are suppressed, smallest first, until the suppressed
//   cells hold at least t respondents between at least two cells and no suppressed count can be
//   worked out from the figures still shown (n, the other cells, mean, sd, median, shares): every
//   count-vector that agrees with the shown figures is enumerated, and a suppressed count must take
//   two different values among them. When even all cells hidden is not enough, the statistics go
//   too (sd, then top-two, median, mean).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "paarorende/attendance.hpp"
#include "paarorende/evaluation.hpp"

namespace paarorende {

/// DOMAIN X4: figures from fewer than this many respondents (or households) are suppressed.
inline constexpr int default_suppression_threshold = 5;
/// DOMAIN X4: the threshold a municipality may lower it to, and no further.
inline constexpr int min_suppression_threshold = 3;

struct ScoreOptions {
  int threshold = default_suppression_threshold;  ///< DOMAIN X4; 3 to 1000.
  /// Keep the free-text answers (sorted, so their order says nothing about who wrote them) of
  /// items at least `threshold` answered. Off by default: free text only when asked (X4).
  bool comments = false;

  friend bool operator==(const ScoreOptions&, const ScoreOptions&) = default;
};

/// The threshold, checked: InputError (rule X4, where "threshold") below 3 or above 1000.
int checked_threshold(int threshold);

/// Why a figure is hidden (DOMAIN X4). The codes to_string() gives are stable: the scores' JSON
/// ("hidden", "hidden_reason") and the Python tables carry them, and docs/evaluation.md lists them.
enum class HiddenReason {
  course_too_small,  ///< "course_too_small": fewer responses to the course than the threshold.
  item_too_small,    ///< "item_too_small": fewer answered the item than the threshold.
  small_count,       ///< "small_count": the figure is, or is made from, a count of 1 to threshold - 1.
  would_reveal,      ///< "would_reveal": hidden so that a small count cannot be worked out.
};
std::string_view to_string(HiddenReason reason) noexcept;

/// One figure withheld and why: "n", "missing", "mean", "sd", "median", "top_two", "share",
/// "share_low", "share_high".
struct HiddenFigure {
  std::string figure;
  HiddenReason reason = HiddenReason::small_count;

  friend bool operator==(const HiddenFigure&, const HiddenFigure&) = default;
};

/// One answer value and how many gave it. `count` is empty when suppressed (X4).
struct DistributionCell {
  int value = 0;  ///< The Likert value, 1 (yes) / 0 (no), the choice's index, or sessions attended.
  std::optional<std::int64_t> count;
  std::optional<double> share;  ///< count / n, empty with the count.
  /// Why the count is hidden: small_count (1 to threshold - 1 people) or would_reveal (hidden
  /// beside one, so that it cannot be worked out); empty when shown.
  std::optional<HiddenReason> hidden_reason;

  bool suppressed() const noexcept { return !count; }
  friend bool operator==(const DistributionCell&, const DistributionCell&) = default;
};

/// The Wilson score interval for k successes of n (z = 1.96 for 95%).
struct WilsonInterval {
  double low = 0.0;
  double high = 1.0;
};
inline constexpr double z_95 = 1.959963984540054;
WilsonInterval wilson_interval(std::int64_t successes, std::int64_t n, double z = z_95);

struct ItemScores {
  std::string item;
  ItemKind kind = ItemKind::likert;
  bool suppressed = false;  ///< Fewer than the threshold answered: no figure at all.
  std::optional<std::int64_t> n;
  std::optional<std::int64_t> missing;
  std::optional<double> mean;      ///< Likert.
  std::optional<double> sd;        ///< Likert: sample standard deviation (ddof = 1).
  std::optional<double> median;    ///< Likert.
  std::optional<double> top_two;   ///< Likert: share answering max or max - 1.
  std::optional<double> share;     ///< Yes/no: share answering yes.
  std::optional<double> share_low;   ///< Yes/no: Wilson 95% interval.
  std::optional<double> share_high;
  std::vector<DistributionCell> distribution;  ///< Every value of the item (not for free text).
  /// The figures withheld (X4): "mean", "sd", "median", "top_two", "share"; the cells say so
  /// themselves.
  std::vector<std::string> suppressed_figures;
  /// Every figure of the item's kind that is not shown, and why, in the order of the fields above
  /// (n, missing, mean, sd, median, top_two, share, share_low, share_high). A figure the kind
  /// does not have (the mean of a yes/no item) is not applicable, never listed here.
  std::vector<HiddenFigure> hidden;
  std::vector<std::string> comments;  ///< Free text, only with ScoreOptions::comments.

  bool is_suppressed(std::string_view figure) const noexcept;
  /// The reason `figure` is hidden, or empty when it is shown or not applicable.
  std::optional<HiddenReason> hidden_reason(std::string_view figure) const noexcept;
  friend bool operator==(const ItemScores&, const ItemScores&) = default;
};

struct CourseScores {
  std::string course;  ///< Empty when the responses are from one course.
  bool suppressed = false;  ///< Fewer responses than the threshold: no figure at all.
  std::optional<std::int64_t> responses;
  std::vector<ItemScores> items;  ///< One per form item, in the form's order.

  friend bool operator==(const CourseScores&, const CourseScores&) = default;
};

/// One session's attendance (DOMAIN E2): households recorded and present, and participants.
struct SessionAttendance {
  int session = 1;
  int households = 0;             ///< Households recorded for the session.
  int households_present = 0;     ///< With at least one caregiver present.
  int participants_enrolled = 0;  ///< Caregivers of the recorded households.
  int participants_present = 0;
  double rate = 0.0;  ///< households_present / households.

  friend bool operator==(const SessionAttendance&, const SessionAttendance&) = default;
};

/// One household's own attendance (DOMAIN E2). For the municipality's own follow-up only: a
/// report shows households only as the distribution of sessions attended (X4).
struct HouseholdAttendance {
  std::string household;
  int sessions = 0;  ///< Sessions recorded.
  int attended = 0;  ///< Sessions with at least one caregiver present.
  int participants_present = 0;
  int participants_possible = 0;
  double rate = 0.0;  ///< attended / sessions.

  friend bool operator==(const HouseholdAttendance&, const HouseholdAttendance&) = default;
};

/// Attendance scores of one group (DOMAIN E2). Per-session figures are over all the group's
/// households and are shown when the group has at least `threshold` households (X4); a
/// household's own attendance only inside the distribution of sessions attended, suppressed as
/// an item's distribution is.
struct AttendanceScores {
  bool suppressed = false;  ///< Fewer households than the threshold: no figure at all.
  std::optional<int> households;
  std::vector<SessionAttendance> sessions;  ///< In session order.
  std::optional<double> rate;              ///< Household-sessions attended / recorded.
  std::optional<double> participant_rate;  ///< Participants present / enrolled, over sessions.
  std::optional<double> mean_sessions;     ///< Sessions attended per household.
  std::vector<DistributionCell> per_household;  ///< Households by sessions attended, 0..max.

  friend bool operator==(const AttendanceScores&, const AttendanceScores&) = default;
};

/// The scores of an evaluation: each course side by side (no pooled total, which would give a
/// suppressed course away), the form they answered (its texts and references, E3), and
/// optionally the attendance.
struct EvaluationScores {
  EvaluationForm form;
  int threshold = default_suppression_threshold;
  std::vector<CourseScores> courses;  ///< In order of first appearance.
  std::optional<AttendanceScores> attendance;

  friend bool operator==(const EvaluationScores&, const EvaluationScores&) = default;
};

/// The scores of one item from its counts: counts[k] answered the k-th value (Likert min + k; no,
/// yes; the k-th choice), `missing` did not answer. Applies X4 with `threshold`.
ItemScores score_item(const Item& item, std::span<const std::int64_t> counts, std::int64_t missing,
                      int threshold = default_suppression_threshold);

/// Scores responses to `form`, one CourseScores per course. Throws InputError for a response
/// whose answers do not fit the form ("/responses/3/answers/1").
EvaluationScores score_evaluation(const EvaluationForm& form, const std::vector<Response>& responses,
                                  const ScoreOptions& options = {});
EvaluationScores score_evaluation(const EvaluationForm& form, const EvaluationResponses& responses,
                                  const ScoreOptions& options = {});

/// One item's answers as numbers, one per response: Likert values, 1/0 for yes/no, the choice's
/// 0-based index; NaN is a missing answer.
struct AnswerColumn {
  std::string item;
  std::span<const double> values;
};

/// Bulk scoring (Python's numpy arrays): every column as long as `courses` (when given: course
/// codes per response, each code a course named by its number). Free-text items cannot be given
/// as numbers; an item without a column is missing throughout. Throws InputError ("row 8,
/// column 2 (q2)", rows 1-based) for a value that is not an answer, and for an unknown item or a
/// length that differs.
EvaluationScores score_columns(const EvaluationForm& form, const std::vector<AnswerColumn>& columns,
                               std::span<const std::int64_t> courses = {},
                               const ScoreOptions& options = {});

/// Attendance scores from records (DOMAIN E2; the records of attendance.hpp, as
/// load_attendance_records reads them). Throws InputError as fit_attendance does for bad records.
AttendanceScores score_attendance(const std::vector<AttendanceRecord>& records,
                                  const ScoreOptions& options = {});

/// Each household's own attendance, in order of first appearance (not for reports: X4).
std::vector<HouseholdAttendance> household_attendance(const std::vector<AttendanceRecord>& records);

}  // namespace paarorende
