// Survey tools' exports read by evaluate (io/evaluation.hpp; issue #18): question texts as headers,
// identity and metadata columns dropped unread (DOMAIN X4), answers as labels. The exports are in
// tests/data/surveys/ (tests/data/make_workbooks.py): the pilot's own answers as Microsoft Forms
// (Norwegian headers), Nettskjema and REDCap write them, as CSV and .xlsx.
#include <gtest/gtest.h>

#include <string>

#include "fixtures.hpp"
#include "paarorende/io/evaluation.hpp"

namespace paarorende {
namespace {

const std::filesystem::path survey_folder = test_support::source_dir / "tests" / "data" / "surveys";

EvaluationResponses pilot_answers() {
  return load_responses(test_support::source_dir / "examples" / "sandefjord_pilot" / "evaluation.csv",
                        pilot_evaluation_form());
}

class survey_export : public ::testing::TestWithParam<const char*> {};

TEST_P(survey_export, reads_to_the_same_answers_as_paarorendes_csv) {
  EXPECT_EQ(load_responses(survey_folder / GetParam(), pilot_evaluation_form()), pilot_answers());
}

INSTANTIATE_TEST_SUITE_P(tools, survey_export,
                         ::testing::Values("ms-forms-nb.csv", "ms-forms-nb.xlsx", "nettskjema.csv", "nettskjema.xlsx",
                                           "redcap.csv", "redcap.xlsx"));

TEST(survey_headers, compare_without_case_punctuation_spacing_or_a_leading_number) {
  EXPECT_EQ(survey_header_key("1. Tidspunkt for samlingen, dvs klokkeslett"), "tidspunkt for samlingen dvs klokkeslett");
  EXPECT_EQ(survey_header_key("  Innledning – ansatte som fortalte om et gitt tema "),
            "innledning ansatte som fortalte om et gitt tema");
  EXPECT_EQ(survey_header_key("LÆRERDAG"), "lærerdag");
  EXPECT_EQ(survey_header_key("E-post"), "e post");
  EXPECT_EQ(survey_header_key("2020"), "2020");
}

TEST(survey_headers, the_tools_identity_columns_are_known_in_norwegian_and_english) {
  for (const char* header : {"ID", "Starttidspunkt", "Fullføringstidspunkt", "E-post", "Navn", "Start time",
                             "Completion time", "Email", "Name", "Last modified time", "$submission_id", "record_id",
                             "redcap_survey_identifier", "evaluering_timestamp", "evaluering_complete", "IP"}) {
    EXPECT_TRUE(is_survey_metadata_column(header)) << header;
  }
  EXPECT_FALSE(is_survey_metadata_column("Lengde på samlingen"));
  EXPECT_FALSE(is_survey_metadata_column("Was the course complete"));
}

TEST(survey_export_columns, an_ignored_column_is_dropped_and_an_unknown_one_names_the_closest_item) {
  const EvaluationForm form = pilot_evaluation_form();
  const std::string text = "Avdeling;Lengde på samlingen\nBarn;3\n";
  try {
    responses_from_csv(text, form);
    ADD_FAILURE() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(error.where(), "row 1, column 1");
    EXPECT_NE(error.message().find("unknown item \"Avdeling\""), std::string::npos) << error.message();
    EXPECT_NE(error.message().find("the closest is "), std::string::npos);
  }
  const EvaluationResponses read = responses_from_csv(text, form, ResponseReadOptions{{"avdeling"}, {}});
  ASSERT_EQ(read.responses.size(), 1U);
  EXPECT_EQ(read.responses[0].answers[1].value, 3);
}

TEST(survey_export_columns, two_columns_for_one_item_are_refused) {
  try {
    responses_from_csv("q2;Lengde på samlingen\n3;3\n", pilot_evaluation_form());
    ADD_FAILURE() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(error.where(), "row 1, column 2");
    EXPECT_EQ(error.message(), "column \"Lengde på samlingen\" answers q2, as column 1 does");
  }
}

TEST(survey_export_answers, a_label_reads_as_its_value) {
  EvaluationForm form;
  form.id = "kommune";
  Item food;
  food.id = "mat";
  food.text = {"Maten", ""};
  food.labels = {{1, {"Dårlig", "Poor"}}, {5, {"Svært bra", "Very good"}}};
  food.aliases = {"Hva syntes du om maten?"};
  form.items.push_back(food);
  const EvaluationResponses read =
      responses_from_csv("Navn,HVA SYNTES DU OM MATEN\nKari,svært bra\nOla,Poor\nPer,4\n", form);
  ASSERT_EQ(read.responses.size(), 3U);
  EXPECT_EQ(read.responses[0].answers[0].value, 5);
  EXPECT_EQ(read.responses[1].answers[0].value, 1);
  EXPECT_EQ(read.responses[2].answers[0].value, 4);
}

}  // namespace
}  // namespace paarorende
