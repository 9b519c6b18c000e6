// The region's figures (DOMAIN V1, X4; issue #21, item 4): courses held, households and
// participants, attendance and evaluation results, per municipality and half-year, built from each
// municipality's own course folders and protected together by cell suppression (table.hpp).
//
// A course counts in the half-year of its first session. The figures are tables of counts with a
// sum beside them (table.hpp), so that every mean is published only where its count is:
// - households: households in the attendance records, with their participants (caregivers) as the
//   sum: the mean is participants per household;
// - attendance: the same households, with each household's share of its course's sessions it
//   came to as the sum: the mean is the attendance rate;
// - one table per Likert item: the respondents who answered, with the sum of their answers;
// - two per yes/no item: the yes answers and the no answers, suppressed together, so that a share
//   is published only where both counts are.
// Tables that show the same count (households, attendance), or that are read together (every
// item's: a respondent usually answers them all, and yes + no are the respondents to an item),
// are suppressed together (suppress_together): no table shows a cell another hides, but a true
// zero (every answer yes, so no "no") is shown, as zeros always are. Each table is audited alone
// under the joint pattern; the links between tables (one item's respondents and another's) are
// not in its audit, which is why those tables share one pattern. Free
// text and single-choice items are not reported across the region. Courses held are published as
// they are: a course is a public offer, not a person.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "paarorende/attendance.hpp"
#include "paarorende/calendar.hpp"
#include "paarorende/evaluation.hpp"
#include "paarorende/region.hpp"
#include "paarorende/table.hpp"

namespace paarorende {

/// One course held in a municipality: what its folder holds (io/region_report.hpp reads it).
struct RegionCourse {
  std::string municipality;  ///< Its number or name, as the course request gives it.
  Date first_session;        ///< The course counts in this date's half-year.
  int sessions = 0;          ///< Sessions planned: the attendance rate's denominator.
  AttendanceRecords attendance;  ///< Empty: none recorded.
  EvaluationForm form;
  EvaluationResponses responses;  ///< Empty: no evaluation.
  std::string source;        ///< Where it came from (its course.json), for errors.

  friend bool operator==(const RegionCourse&, const RegionCourse&) = default;
};

struct RegionReportOptions {
  int threshold = 5;  ///< DOMAIN X4: 5 by default, never below 3.
  /// DOMAIN V1: the region; every course's municipality must be one of its (by number or name),
  /// the tables list all its municipalities by number and their total carries its id. None: the
  /// municipalities found, in order, and the total "region".
  std::optional<Region> region;
  SuppressionOptions suppression;
};

/// Courses held in one municipality in one half-year.
struct CoursesHeld {
  std::string municipality;
  std::string period;  ///< "2019-H2".
  int courses = 0;

  friend bool operator==(const CoursesHeld&, const CoursesHeld&) = default;
};

/// One protected table of the report.
struct RegionFigure {
  std::string id;        ///< "households", "attendance", "q1", "q5_yes", "q5_no".
  std::string item;      ///< The evaluation item, or empty.
  std::string count_of;  ///< What is counted: "households", "respondents", "yes", "no".
  std::string sum_of;    ///< What the sum beside it adds up: "participants", "attendance_rate", "answers"; empty: none.
  Table table;           ///< The counts before suppression (kept for the audit; never published).
  SuppressionResult result;

  friend bool operator==(const RegionFigure&, const RegionFigure&) = default;
};

struct RegionReport {
  std::string region;  ///< The region's id, or "region".
  int threshold = 5;
  std::vector<std::string> municipalities;
  std::vector<std::string> periods;
  std::vector<CoursesHeld> courses;  ///< Every municipality and half-year with a course.
  std::vector<RegionFigure> figures;
  std::optional<EvaluationForm> form;  ///< The form the item tables are of; none: no evaluations.

  friend bool operator==(const RegionReport&, const RegionReport&) = default;
};

/// "2019-H1" for January to June, "2019-H2" for July to December.
std::string half_year(Date date);

/// The region's report of `courses`. Throws InputError naming a course's `source`: a municipality
/// outside the region (V1), a course without its municipality, or evaluations by different forms
/// (the item tables add up answers to the same questions only).
RegionReport region_report(const std::vector<RegionCourse>& courses, const RegionReportOptions& options = {});

}  // namespace paarorende
