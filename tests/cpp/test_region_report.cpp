// The region's report (region_report.hpp; DOMAIN V1, X4; issue #21, item 4): its figures worked
// out by hand from a few courses, and tables suppressed together sharing one pattern.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fixtures.hpp"
#include "paarorende/error.hpp"
#include "paarorende/region.hpp"
#include "paarorende/region_report.hpp"

namespace paarorende {
namespace {

using namespace test_support;

Table two_by_three(const std::vector<std::int64_t>& counts) {
  Table table;
  table.dimensions = {{"municipality", {"a", "b"}, "region", {}}, {"period", {"h1", "h2", "h3"}, "total", {}}};
  std::size_t i = 0;
  for (const std::string m : {"a", "b"}) {
    for (const std::string p : {"h1", "h2", "h3"}) table.cells.push_back({{m, p}, counts[i++], std::nullopt});
  }
  return table;
}

std::vector<bool> hidden_of(const SuppressionResult& result) {
  std::vector<bool> hidden;
  for (const PublishedCell& cell : result.cells) hidden.push_back(cell.suppressed());
  return hidden;
}

TEST(suppress_together, tables_share_one_pattern_and_each_stays_protected) {
  const Table first = two_by_three({3, 9, 8, 7, 12, 10});
  const Table second = two_by_three({8, 9, 8, 7, 2, 10});  // its small cell is elsewhere
  const SuppressionResult alone = suppress(first);
  const std::vector<SuppressionResult> together = suppress_together({first, second});
  ASSERT_EQ(together.size(), 2u);
  EXPECT_EQ(hidden_of(together[0]), hidden_of(together[1]));
  // The joint pattern holds each table's own.
  for (std::size_t c = 0; c < alone.cells.size(); ++c) {
    if (alone.cells[c].suppressed()) {
      EXPECT_TRUE(together[0].cells[c].suppressed()) << c;
    }
  }
  EXPECT_GT(together[0].suppressed_count(), alone.suppressed_count());
  for (std::size_t t = 0; t < 2; ++t) {
    // Audited apart from suppress_together's own audit: every small cell at least 5 wide.
    const Table& table = t == 0 ? first : second;
    for (const CellInterval& interval : audit_suppression(table, hidden_of(together[t]))) {
      if (!interval.sensitive) continue;
      ASSERT_TRUE(interval.width().has_value() == false || *interval.width() >= 5) << t << " " << interval.cell;
    }
    EXPECT_EQ(together[t].cells[0].suppression, t == 0 ? Suppression::primary : Suppression::secondary);
  }
}

TEST(suppress_together, a_true_zero_stays_shown_and_other_dimensions_are_refused) {
  const Table first = two_by_three({3, 9, 8, 7, 12, 10});
  const Table second = two_by_three({0, 9, 8, 7, 12, 10});
  const std::vector<SuppressionResult> together = suppress_together({first, second});
  EXPECT_TRUE(together[0].cells[0].suppressed());
  EXPECT_FALSE(together[1].cells[0].suppressed());
  EXPECT_EQ(together[1].cells[0].count, 0);
  Table other = first;
  other.dimensions[1].total = "all";
  const InputError error = input_error([&] { suppress_together({first, other}); });
  EXPECT_EQ(located(error), (Located{"/tables/1/dimensions", "tables suppressed together have the same dimensions as the first"}));
  EXPECT_EQ(error.rule(), "X4");
  Table negative = first;
  negative.cells[1].count = -1;
  EXPECT_EQ(input_error([&] { suppress_together({first, negative}); }).where(), "/tables/1/cells/1/count");
}

// A course of `households` households (two caregivers each) and 4 sessions, each household at
// sessions 1..came, and `answers` respondents answering q1 with 4 and q5 with yes.
RegionCourse course(const std::string& municipality, Date first, int households, int came, int answers) {
  RegionCourse course;
  course.municipality = municipality;
  course.first_session = first;
  course.sessions = 4;
  course.form = pilot_evaluation_form();
  course.source = municipality;
  for (int h = 0; h < households; ++h) {
    for (int s = 1; s <= 4; ++s) {
      course.attendance.records.push_back({municipality + std::to_string(h), s, s <= came ? 2 : 0, 2});
    }
  }
  for (int r = 0; r < answers; ++r) {
    Response response;
    response.answers.resize(course.form.items.size());
    response.answers[0].value = 4;
    response.answers[4].value = 1;  // q5: yes
    course.responses.responses.push_back(response);
  }
  return course;
}

const PublishedCell& cell_at(const SuppressionResult& result, const std::string& municipality, const std::string& period) {
  for (const PublishedCell& cell : result.cells) {
    if (cell.values == std::vector<std::string>{municipality, period}) return cell;
  }
  throw std::logic_error("no cell " + municipality + " " + period);
}

// Issue #23: a region writes in the written standard its municipalities share, if they share one.
TEST(region_report, the_written_standard_the_municipalities_share) {
  const Region* valdres = find_builtin_region("valdres");
  ASSERT_NE(valdres, nullptr);
  EXPECT_EQ(shared_written_standard(*valdres), Language::nn);
  Region mixed = *valdres;
  mixed.municipalities[2].language = Language::nb;
  EXPECT_EQ(shared_written_standard(mixed), std::nullopt);
  EXPECT_EQ(shared_written_standard(Region{}), std::nullopt);
}

TEST(region_report, figures_per_municipality_and_half_year_as_worked_out_by_hand) {
  const std::vector<RegionCourse> courses{course("3451", Date(2019, 9, 3), 6, 3, 7),
                                          course("3451", Date(2019, 11, 5), 4, 4, 5),
                                          course("Vang", Date(2020, 2, 4), 7, 2, 6)};
  RegionReportOptions options;
  options.region = builtin_regions().front();  // Valdres: Vang is 3454
  const RegionReport report = region_report(courses, options);
  EXPECT_EQ(report.region, "valdres");
  EXPECT_EQ(report.municipalities.size(), 6u);
  EXPECT_EQ(report.periods, (std::vector<std::string>{"2019-H2", "2020-H1"}));
  EXPECT_EQ(report.courses, (std::vector<CoursesHeld>{{"3451", "2019-H2", 2}, {"3454", "2020-H1", 1}}));
  ASSERT_EQ(report.figures.size(), 8u);  // households, attendance, q1-q4, q5 yes and no
  EXPECT_EQ(report.figures[0].id, "households");
  // 3451 in 2019-H2: 6 + 4 households, 20 participants; came to 3/4 and 4/4 of the sessions.
  const PublishedCell& households = cell_at(report.figures[0].result, "3451", "2019-H2");
  ASSERT_FALSE(households.suppressed());
  EXPECT_EQ(households.count, 10);
  EXPECT_DOUBLE_EQ(*households.sum, 20.0);
  const PublishedCell& attendance = cell_at(report.figures[1].result, "3451", "2019-H2");
  EXPECT_DOUBLE_EQ(*attendance.sum, 6 * 0.75 + 4 * 1.0);
  EXPECT_EQ(cell_at(report.figures[1].result, "3454", "2020-H1").count, 7);
  // q1: 12 respondents answering 4 in 3451, 6 in Vang; q5: all yes, so "no" is 0 everywhere.
  EXPECT_EQ(report.figures[2].id, "q1");
  EXPECT_EQ(cell_at(report.figures[2].result, "3451", "2019-H2").count, 12);
  EXPECT_DOUBLE_EQ(*cell_at(report.figures[2].result, "3451", "2019-H2").mean, 4.0);
  EXPECT_EQ(report.figures[7].id, "q5_no");
  EXPECT_EQ(cell_at(report.figures[7].result, "valdres", "total").count, 0);
  EXPECT_EQ(cell_at(report.figures[6].result, "valdres", "total").count, 18);
}

TEST(region_report, small_counts_are_hidden_and_the_patterns_shared) {
  const std::vector<RegionCourse> courses{course("a", Date(2019, 9, 3), 3, 3, 2), course("a", Date(2020, 3, 3), 8, 3, 8),
                                          course("b", Date(2019, 9, 3), 9, 3, 9), course("b", Date(2020, 3, 3), 6, 3, 4)};
  const RegionReport report = region_report(courses);
  EXPECT_EQ(report.region, "region");
  for (const RegionFigure& figure : report.figures) {
    for (const PublishedCell& cell : figure.result.cells) {
      if (!cell.suppressed()) {
        EXPECT_TRUE(*cell.count == 0 || *cell.count >= 5) << figure.id;
      }
    }
    for (const CellInterval& interval : figure.result.audit) {
      if (interval.sensitive && interval.width()) {
        EXPECT_GE(*interval.width(), 5) << figure.id;
      }
    }
  }
  // Households and attendance hide the same cells; so do every item's tables.
  EXPECT_EQ(hidden_of(report.figures[0].result), hidden_of(report.figures[1].result));
  EXPECT_EQ(hidden_of(report.figures[2].result), hidden_of(report.figures[6].result));  // q1, q5 yes
}

TEST(region_report, refuses_a_municipality_outside_the_region_and_mixed_forms) {
  RegionReportOptions options;
  options.region = builtin_regions().front();
  const InputError outside = input_error([&] { region_report({course("Oslo", Date(2019, 9, 3), 5, 3, 5)}, options); });
  EXPECT_EQ(located(outside), (Located{"Oslo:/municipality", "municipality \"Oslo\" is not in region \"valdres\""}));
  EXPECT_EQ(outside.rule(), "V1");
  std::vector<RegionCourse> courses{course("a", Date(2019, 9, 3), 5, 3, 5), course("b", Date(2019, 9, 3), 5, 3, 5)};
  courses[1].form.id = "another";
  EXPECT_EQ(input_error([&] { region_report(courses); }).where(), "b:/form");
  EXPECT_EQ(half_year(Date(2020, 6, 30)), "2020-H1");
  EXPECT_EQ(half_year(Date(2020, 7, 1)), "2020-H2");
}

}  // namespace
}  // namespace paarorende
