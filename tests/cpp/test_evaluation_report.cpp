// The evaluation report as a specification (DOMAIN E1-E3, X4): self-contained HTML with an SVG
// chart per item and for attendance, bokmål by default and English on request, text from the
// input escaped, suppressed figures marked and never printed, free text only when asked for, and
// a file written whole or not at all.
#include <gtest/gtest.h>

#include "fixtures.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "paarorende/error.hpp"
#include "paarorende/evaluation.hpp"
#include "paarorende/json.hpp"
#include "paarorende/report.hpp"
#include "paarorende/scores.hpp"

namespace {

using namespace paarorende;
using namespace paarorende::test_support;
namespace fs = std::filesystem;

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

EvaluationScores pilot_scores(bool comments = false) {
  const EvaluationForm form = pilot_evaluation_form();
  ScoreOptions options;
  options.comments = comments;
  EvaluationScores scores =
      score_evaluation(form, load_responses(source_dir / "examples/sandefjord_pilot/evaluation.csv", form), options);
  scores.attendance = score_attendance(
      load_attendance_records(source_dir / "examples/sandefjord_pilot/attendance.json").records, options);
  return scores;
}

TEST(evaluation_report, bokmal_by_default_with_a_chart_per_item_and_attendance) {
  const std::string html = evaluation_report_html(pilot_scores());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<html lang=\"nb\">"), std::string::npos);
  // Distribution charts for q1-q5, mean charts for q1-q4, the yes share, attendance.
  EXPECT_EQ(count(html, "<svg"), 11u);
  EXPECT_NE(html.find("Tidspunkt for samlingen"), std::string::npos);
  EXPECT_NE(html.find("4,22"), std::string::npos);         // q1's mean with a decimal comma
  EXPECT_NE(html.find("65\u00a0%"), std::string::npos);    // the pilot's attendance rate (G5)
  EXPECT_NE(html.find("piloten 4,0"), std::string::npos);  // the reference line
  EXPECT_NE(html.find("mål: minst 5"), std::string::npos);
  // Lay text only (issue #23): the rule ids stay in the JSON and the docs.
  EXPECT_EQ(html.find("DOMAIN"), std::string::npos);
  EXPECT_EQ(html.find("(E3)"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
}

TEST(evaluation_report, english_on_request) {
  ReportOptions options;
  options.language = Language::en;
  const std::string html = evaluation_report_html(pilot_scores(), options);
  EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(html.find("Time of the session"), std::string::npos);
  EXPECT_NE(html.find("4.22"), std::string::npos);
  EXPECT_NE(html.find("suppressed"), std::string::npos);
  EXPECT_EQ(html.find("skjult"), std::string::npos);
}

TEST(evaluation_report, nynorsk_on_request_and_never_bokmal_in_its_place) {
  ReportOptions options;
  options.language = Language::nn;
  const std::string html = evaluation_report_html(pilot_scores(), options);
  EXPECT_NE(html.find("<html lang=\"nn\">"), std::string::npos);
  EXPECT_NE(html.find("Tidspunkt for samlinga"), std::string::npos);  // the form's own nynorsk
  EXPECT_NE(html.find("Personvern: tal som byggjer på færre enn 5 personar"), std::string::npos);
  EXPECT_NE(html.find("4,22"), std::string::npos);
  EXPECT_EQ(html.find("Tidspunkt for samlingen"), std::string::npos);
  // A form text without its nynorsk: refused, at the form's pointer.
  EvaluationScores scores = pilot_scores();
  scores.form.items[3].reference->note.nn.clear();
  try {
    evaluation_report_html(scores, options);
    ADD_FAILURE() << "a report in nynorsk with a bokmål text";
  } catch (const InputError& error) {
    EXPECT_EQ(error.where(), "/items/3/reference/note");
  }
}

TEST(evaluation_report, self_contained) {
  const std::string html = evaluation_report_html(pilot_scores());
  for (const char* fetch : {"<script", "<link", "<img", "@import", "@font-face", "src=", "https://"}) {
    EXPECT_EQ(html.find(fetch), std::string::npos) << fetch;
  }
  EXPECT_EQ(count(html, "http://"), count(html, "http://www.w3.org/2000/svg"));
}

TEST(evaluation_report, suppressed_figures_are_marked_never_printed) {
  const EvaluationScores scores = pilot_scores();
  const std::string html = evaluation_report_html(scores);
  // q3's and q4's standard deviations (0.50, 0.53) are withheld (X4): the values are nowhere;
  // q2's (0.67) is shown.
  ASSERT_TRUE(scores.courses[0].items[2].is_suppressed("sd"));
  ASSERT_TRUE(scores.courses[0].items[3].is_suppressed("sd"));
  EXPECT_NE(html.find("0,67"), std::string::npos);
  EXPECT_EQ(html.find("0,50"), std::string::npos);
  EXPECT_EQ(html.find("0,53"), std::string::npos);
  EXPECT_GE(count(html, "skjult"), 10u);
}

TEST(evaluation_report, free_text_only_when_asked_and_input_escaped) {
  const std::string plain = evaluation_report_html(pilot_scores(false));
  EXPECT_EQ(plain.find("pizza."), std::string::npos);
  ReportOptions options;
  options.comments = true;
  // Asked for in the report but not kept by the scores: still none.
  EXPECT_EQ(evaluation_report_html(pilot_scores(false), options).find("pizza."), std::string::npos);
  const std::string with = evaluation_report_html(pilot_scores(true), options);
  EXPECT_NE(with.find("Godt og enkelt med pizza."), std::string::npos);
  // A course name from the input cannot inject markup.
  const EvaluationForm form = pilot_evaluation_form();
  std::vector<Response> responses(5);
  for (Response& response : responses) {
    response.course = "<script>alert(1)</script>";
    response.answers.resize(form.items.size());
    response.answers[0].value = 4;
  }
  const std::string escaped = evaluation_report_html(score_evaluation(form, responses));
  EXPECT_EQ(escaped.find("<script>"), std::string::npos);
  EXPECT_NE(escaped.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
}

TEST(evaluation_report, written_whole_or_not_at_all) {
  TempDir dir;
  const fs::path file = dir.path() / "report.html";
  write_evaluation_report(file, pilot_scores());
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), evaluation_report_html(pilot_scores()));
  EXPECT_FALSE(fs::exists(dir.path() / "report.html.partial"));
  const fs::path nowhere = dir.path() / "missing-folder" / "report.html";
  const InputError error = input_error([&] { write_evaluation_report(nowhere, pilot_scores()); });
  EXPECT_EQ(error.where(), nowhere.string());
  EXPECT_FALSE(fs::exists(nowhere));
}

}  // namespace
