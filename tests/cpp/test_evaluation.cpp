// Evaluation forms and responses as a specification (DOMAIN E1, E3, X4): the pilot's form built
// in, custom forms from JSON, and responses from JSON and from every CSV dialect a spreadsheet or
// survey tool writes, with an exact error (row and column, or JSON pointer) for each kind of bad
// input.
#include <gtest/gtest.h>

#include "fixtures.hpp"

#include <filesystem>
#include <string>
#include <vector>

#include "paarorende/csv.hpp"
#include "paarorende/error.hpp"
#include "paarorende/evaluation.hpp"
#include "paarorende/json.hpp"

namespace {

using namespace paarorende;
using namespace paarorende::test_support;
namespace fs = std::filesystem;

Answer value(int v) { return Answer{v, std::nullopt}; }
Answer text(std::string t) { return Answer{std::nullopt, std::move(t)}; }

EvaluationForm custom_form() {
  return evaluation_form_from_json(parse_json(R"({
    "id": "frambu-week", "version": 3, "title": {"nb": "Familiekurs", "en": "Family course"},
    "items": [
      {"id": "useful", "kind": "likert", "text": {"nb": "Nyttig?", "en": "Useful?"}, "min": 0, "max": 10,
       "labels": [{"value": 0, "label": {"nb": "ikke", "en": "not"}}, {"value": 10, "label": "svært"}]},
      {"id": "again", "kind": "yes_no", "text": "Igjen?", "reference": {"value": 0.9}},
      {"id": "format", "kind": "single_choice", "text": "Best form",
       "choices": [{"id": "day", "label": "Dag"}, {"id": "evening", "label": {"nb": "Kveld", "en": "Evening"}}]},
      {"id": "other", "kind": "free_text", "text": "Annet"}
    ]})"));
}

// --- the pilot's form (DOMAIN E1, E3) ---

TEST(evaluation_form, pilot_form_has_the_six_items_of_E1) {
  const EvaluationForm form = pilot_evaluation_form();
  EXPECT_EQ(form.id, "sandefjord-pilot");
  EXPECT_EQ(form.version, 1);
  ASSERT_EQ(form.items.size(), 6u);
  for (int i = 0; i < 4; ++i) {
    const Item& item = form.items[static_cast<std::size_t>(i)];
    EXPECT_EQ(item.kind, ItemKind::likert);
    EXPECT_EQ(item.min, 1);
    EXPECT_EQ(item.max, 5);
    ASSERT_EQ(item.labels.size(), 2u);
    EXPECT_EQ(item.labels[0].value, 1);
    EXPECT_EQ(item.labels[0].label.nb, "lite bra");
    EXPECT_EQ(item.labels[0].label.en, "not good");
    EXPECT_EQ(item.labels[1].value, 5);
    EXPECT_EQ(item.labels[1].label.en, "best possible");
    ASSERT_TRUE(item.reference.has_value());
  }
  EXPECT_EQ(form.items[0].text.nb, "Tidspunkt for samlingen, dvs. klokkeslett");
  EXPECT_EQ(form.items[3].text.nb, "Bevertning (pizza og mineralvann)");
  EXPECT_EQ(form.items[4].kind, ItemKind::yes_no);
  EXPECT_EQ(form.items[5].kind, ItemKind::free_text);
  EXPECT_EQ(form.items[5].text.en, "Other comments");
}

TEST(evaluation_form, pilot_feedback_is_the_reference_E3) {
  const EvaluationForm form = pilot_evaluation_form();
  EXPECT_DOUBLE_EQ(form.items[0].reference->value, 4.0);  // time of day good
  EXPECT_DOUBLE_EQ(form.items[1].reference->value, 3.0);  // length acceptable
  EXPECT_DOUBLE_EQ(form.items[2].reference->value, 4.0);  // the introduction valued
  EXPECT_DOUBLE_EQ(form.items[3].reference->value, 4.0);  // the food good
  EXPECT_DOUBLE_EQ(form.items[4].reference->value, 1.0);  // all would recommend
  EXPECT_FALSE(form.items[5].reference.has_value());
}

TEST(evaluation_form, a_format_names_its_built_in_form_by_id) {
  EXPECT_EQ(builtin_evaluation_form("sandefjord-pilot"), pilot_evaluation_form());
  const InputError unknown = input_error([] { builtin_evaluation_form("skjema-x", "/evaluation_form"); });
  EXPECT_EQ(unknown.rule(), "E1");
  EXPECT_EQ(
      located(unknown),
      (Located{
          "/evaluation_form",
          "no built-in evaluation form \"skjema-x\"; the built-in one is \"sandefjord-pilot\""}));
  const InputError none = input_error([] { builtin_evaluation_form("", "--format"); });
  EXPECT_EQ(none.message(), "the format names no evaluation form; give one with a form file");
}

TEST(evaluation_form, json_round_trip_of_pilot_and_custom_forms) {
  for (const EvaluationForm& form : {pilot_evaluation_form(), custom_form()}) {
    EXPECT_EQ(evaluation_form_from_json(to_json(form)), form) << form.id;
  }
  const EvaluationForm form = custom_form();
  EXPECT_EQ(form.items[0].value_count(), 11u);
  EXPECT_EQ(form.items[0].labels[1].label.nb, "svært");
  EXPECT_EQ(form.items[0].labels[1].label.in(Language::en), "svært");  // falls back to bokmål
  EXPECT_EQ(form.items[2].choices[1].label.in(Language::en), "Evening");
  EXPECT_EQ(form.index_of("format"), 2u);
  EXPECT_FALSE(form.index_of("nothing").has_value());
}

struct FormCase {
  const char* json;
  const char* where;
  const char* message;
};

TEST(evaluation_form, malformed_forms_say_where_and_what) {
  const FormCase cases[] = {
      {R"({"id": "Bad Id", "version": 1, "items": [{"id": "a", "kind": "yes_no", "text": "A"}]})", "/id",
       "a form id is a slug of a-z, 0-9, _ and - (at most 64), got \"Bad Id\""},
      {R"({"id": "f", "version": 0, "items": []})", "/version", "must be between 1 and 1000000, got 0"},
      {R"({"id": "f", "version": 1, "items": []})", "/items", "a form has at least one item"},
      {R"({"id": "f", "version": 1, "items": [{"id": "a", "kind": "yes_no", "text": "A"}, {"id": "a", "kind": "yes_no", "text": "B"}]})",
       "/items/1/id", "item id \"a\" is used twice"},
      {R"({"id": "f", "version": 1, "items": [{"id": "a", "kind": "likert", "text": "A", "min": 5, "max": 5}]})",
       "/items/0/max", "max must be greater than min (5)"},
      {R"({"id": "f", "version": 1, "items": [{"id": "a", "kind": "likert", "text": "A", "min": 0, "max": 100}]})",
       "/items/0/max", "a scale has at most 100 values"},
      {R"({"id": "f", "version": 1, "items": [{"id": "a", "kind": "likert", "text": "A", "min": 1, "max": 5, "labels": [{"value": 6, "label": "x"}]}]})",
       "/items/0/labels/0/value", "a label's value is on the scale 1-5, got 6"},
      {R"({"id": "f", "version": 1, "items": [{"id": "a", "kind": "likert", "text": "A", "min": 1, "max": 5, "labels": [{"value": 2, "label": "x"}, {"value": 2, "label": "y"}]}]})",
       "/items/0/labels/1/value", "value 2 is labelled twice"},
      {R"({"id": "f", "version": 1, "items": [{"id": "a", "kind": "yes_no", "text": "A", "min": 1}]})",
       "/items/0/min", "only a likert item has min"},
      {R"({"id": "f", "version": 1, "items": [{"id": "a", "kind": "likert", "text": "A", "max": 5}]})",
       "/items/0", "missing required field \"min\""},
      {R"({"id": "f", "version": 1, "items": [{"id": "a", "kind": "scale", "text": "A"}]})", "/items/0/kind",
       "expected likert, yes_no, single_choice or free_text, got \"scale\""},
      {R"({"id": "f", "version": 1, "items": [{"id": "a", "kind": "single_choice", "text": "A", "choices": [{"id": "x", "label": "X"}]}]})",
       "/items/0/choices", "a single-choice item has at least two choices"},
      {R"({"id": "f", "version": 1, "items": [{"id": "a", "kind": "single_choice", "text": "A", "choices": [{"id": "x", "label": "X"}, {"id": "x", "label": "Y"}]}]})",
       "/items/0/choices/1/id", "choice id \"x\" is used twice"},
      {R"({"id": "f", "version": 1, "items": [{"id": "course", "kind": "yes_no", "text": "A"}]})", "/items/0/id",
       "\"course\" and \"respondent\" are reserved column names, not item ids"},
      {R"({"id": "f", "version": 1, "items": [{"id": "a", "kind": "yes_no", "text": "A", "colour": "red"}]})",
       "/items/0/colour", "unknown field \"colour\""},
      {R"({"id": "f", "version": 1, "items": [{"id": "a", "kind": "free_text", "text": "A", "reference": {"value": 1}}]})",
       "/items/0/reference", "only likert and yes/no items have a reference"},
  };
  for (const auto& c : cases) {
    const InputError error = input_error([&] { evaluation_form_from_json(parse_json(c.json)); });
    EXPECT_EQ(error.where(), c.where) << c.json;
    EXPECT_EQ(error.message(), c.message) << c.json;
  }
}

TEST(evaluation_form, reference_outside_the_scale_names_E3) {
  const InputError error = input_error([] {
    evaluation_form_from_json(parse_json(
        R"({"id": "f", "version": 1, "items": [{"id": "a", "kind": "likert", "text": "A", "min": 1, "max": 5, "reference": {"value": 7}}]})"));
  });
  EXPECT_EQ(error.rule(), "E3");
  EXPECT_EQ(error.where(), "/items/0/reference/value");
}

// --- responses from JSON ---

TEST(evaluation_responses, json_answers_by_item_id_and_missing_ones) {
  const EvaluationForm form = pilot_evaluation_form();
  const auto responses = responses_from_json(parse_json(R"({
    "form": "sandefjord-pilot", "version": 1,
    "responses": [
      {"course": "a", "respondent": "r17", "answers": {"q1": 4, "q2": 3, "q5": "ja", "q6": "Godt"}},
      {"course": "a", "answers": {"q1": null, "q5": false, "q3": 5}}
    ]})"),
                                             form);
  ASSERT_EQ(responses.responses.size(), 2u);
  const Response& first = responses.responses[0];
  EXPECT_EQ(first.course, "a");
  EXPECT_EQ(first.answers[0], value(4));
  EXPECT_EQ(first.answers[1], value(3));
  EXPECT_TRUE(first.answers[2].missing());
  EXPECT_EQ(first.answers[4], value(1));
  EXPECT_EQ(first.answers[5], text("Godt"));
  const Response& second = responses.responses[1];
  EXPECT_TRUE(second.answers[0].missing());
  EXPECT_EQ(second.answers[4], value(0));
  EXPECT_EQ(second.answers[2], value(5));
  // Written back and read again: equal (the respondent id is gone: X4).
  const Json written = to_json(responses, form);
  EXPECT_EQ(written.dump().find("r17"), std::string::npos);
  EXPECT_EQ(responses_from_json(written, form), responses);
}

TEST(evaluation_responses, json_errors_have_pointers) {
  const EvaluationForm form = pilot_evaluation_form();
  const FormCase cases[] = {
      {R"({"responses": [{"answers": {"q1": 6}}]})", "/responses/0/answers/q1",
       "expected a whole number from 1 to 5, got 6"},
      {R"({"responses": [{"answers": {"q1": "4"}}]})", "/responses/0/answers/q1",
       "expected a whole number from 1 to 5, got a string"},
      {R"({"responses": [{"answers": {}}, {"answers": {"q9": 1}}]})", "/responses/1/answers/q9",
       "unknown item \"q9\": form \"sandefjord-pilot\" version 1 has q1, q2, q3, q4, q5, q6"},
      {R"({"responses": [{"answers": {"q5": "kanskje"}}]})", "/responses/0/answers/q5",
       "expected yes or no (ja/nei, yes/no, 1/0), got \"kanskje\""},
      {R"({"responses": [{"answers": {"q6": 3}}]})", "/responses/0/answers/q6", "expected text, got an integer"},
      {R"({"form": "other", "responses": []})", "/form",
       "the responses are to form \"other\", not to form \"sandefjord-pilot\" version 1"},
      {R"({"version": 2, "responses": []})", "/version",
       "the responses are to version 2, not to form \"sandefjord-pilot\" version 1"},
      {R"({"responses": [{"answers": {}, "name": "Kari"}]})", "/responses/0/name", "unknown field \"name\""},
  };
  for (const auto& c : cases) {
    const InputError error = input_error([&] { responses_from_json(parse_json(c.json), form); });
    EXPECT_EQ(error.where(), c.where) << c.json;
    EXPECT_EQ(error.message(), c.message) << c.json;
  }
}

TEST(evaluation_responses, single_choice_answers_by_choice_id) {
  const EvaluationForm form = custom_form();
  const auto responses =
      responses_from_json(parse_json(R"({"responses": [{"answers": {"useful": 0, "format": "evening"}}]})"), form);
  EXPECT_EQ(responses.responses[0].answers[0], value(0));
  EXPECT_EQ(responses.responses[0].answers[2], value(1));
  const InputError error = input_error(
      [&] { responses_from_json(parse_json(R"({"responses": [{"answers": {"format": "night"}}]})"), form); });
  EXPECT_EQ(error.message(), "expected one of day, evening, got \"night\"");
  EXPECT_EQ(error.rule(), "E1");
}

// --- CSV ---

TEST(csv, comma_and_semicolon_are_detected) {
  EXPECT_EQ(detect_csv_separator("a,b,c\n1,2,3"), ',');
  EXPECT_EQ(detect_csv_separator("a;b;c\n1,5;2;3"), ';');
  EXPECT_EQ(detect_csv_separator("\"a;b\",c\n"), ',');  // the quoted ; does not count
  EXPECT_EQ(detect_csv_separator("single\n"), ',');
  EXPECT_EQ(detect_csv_separator("\xEF\xBB\xBF" "a;b"), ';');
}

TEST(csv, quoted_fields_hold_separators_quotes_and_line_breaks) {
  const CsvTable table = read_csv("a,b,c\r\n\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast,,\"\"\r\n");
  EXPECT_EQ(table.dialect.separator, ',');
  EXPECT_FALSE(table.dialect.decimal_comma);
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[1].fields, (std::vector<std::string>{"x,y", "say \"hi\"", "two\nlines"}));
  EXPECT_EQ(table.rows[2].row, 3u);  // the quoted line break does not start a row
  EXPECT_EQ(table.rows[2].fields, (std::vector<std::string>{"last", "", ""}));
}

TEST(csv, bom_semicolon_blank_rows_and_line_ends) {
  const CsvTable table = read_csv("\xEF\xBB\xBF" "a;b\r1;2\n\n;\r\n3;4");
  EXPECT_TRUE(table.dialect.byte_order_mark);
  EXPECT_EQ(table.dialect.separator, ';');
  EXPECT_TRUE(table.dialect.decimal_comma);
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[0].fields[0], "a");  // no BOM left in the first header
  EXPECT_EQ(table.rows[1].row, 2u);
  EXPECT_EQ(table.rows[2].row, 5u);  // rows 3 (empty) and 4 (";") are blank, yet counted
  EXPECT_EQ(table.rows[2].fields, (std::vector<std::string>{"3", "4"}));
}

TEST(csv, malformed_csv_says_row_and_column) {
  const FormCase cases[] = {
      {"a,b\n1,\"open\n", "row 2, column 2", "a quoted field is not closed (a missing \")"},
      {"a,b\n1,\"x\"y\n", "row 2, column 2", "text after the closing quote of a quoted field"},
      {"a,b\n1,2\n3,x\"y\n", "row 3, column 2", "a quote inside an unquoted field: quote the whole field and double the quote"},
      {"a,b\n1,\xC3\x28\n", "row 2, column 2", "the text is not valid UTF-8"},
  };
  for (const auto& c : cases) {
    const InputError error = input_error([&] { read_csv(c.json); });
    EXPECT_EQ(error.where(), c.where) << c.json;
    EXPECT_EQ(error.message(), c.message) << c.json;
  }
}

TEST(evaluation_csv, comma_file_with_point_decimals_and_words) {
  const EvaluationForm form = pilot_evaluation_form();
  const auto responses = responses_from_csv(
      "respondent,course,q1,q2,q3,q4,q5,q6\n"
      "r1,høst,4,3.0,5,4,Ja,\"Godt, og enkelt\"\n"
      "r2,høst,,2,,1,NEI,\n",
      form);
  ASSERT_EQ(responses.responses.size(), 2u);
  EXPECT_EQ(responses.responses[0].course, "høst");
  EXPECT_EQ(responses.responses[0].answers[1], value(3));
  EXPECT_EQ(responses.responses[0].answers[4], value(1));
  EXPECT_EQ(responses.responses[0].answers[5], text("Godt, og enkelt"));
  EXPECT_TRUE(responses.responses[1].answers[0].missing());
  EXPECT_EQ(responses.responses[1].answers[4], value(0));
  EXPECT_TRUE(responses.responses[1].answers[5].missing());
}

TEST(evaluation_csv, semicolon_file_allows_decimal_comma) {
  const EvaluationForm form = pilot_evaluation_form();
  const auto responses = responses_from_csv("\xEF\xBB\xBF" "q1;q2;q5\r\n4,0;5;1\r\n;\"3\";0\r\n", form);
  ASSERT_EQ(responses.responses.size(), 2u);
  EXPECT_EQ(responses.responses[0].answers[0], value(4));
  EXPECT_EQ(responses.responses[0].answers[1], value(5));
  EXPECT_TRUE(responses.responses[0].answers[2].missing());  // no column: missing
  EXPECT_EQ(responses.responses[0].answers[4], value(1));
  EXPECT_TRUE(responses.responses[1].answers[0].missing());
  EXPECT_EQ(responses.responses[1].answers[1], value(3));
  EXPECT_EQ(responses.responses[1].answers[4], value(0));
}

TEST(evaluation_csv, every_error_has_row_and_column) {
  const EvaluationForm form = pilot_evaluation_form();
  const FormCase cases[] = {
      {"q1,q2,q3\n4,3,5\n4,3,5\n4,3,5\n4,3,5\n4,3,5\n4,6,5\n", "row 7, column 2 (q2)",
       "expected a whole number from 1 to 5, got \"6\""},
      {"q1;q2;q3\n4;3;3,5\n", "row 2, column 3 (q3)", "expected a whole number from 1 to 5, got \"3,5\""},
      {"q1,q2\n4,3.5\n", "row 2, column 2 (q2)", "expected a whole number from 1 to 5, got \"3.5\""},
      {"q1,q2\n4,fire\n", "row 2, column 2 (q2)", "expected a whole number from 1 to 5, got \"fire\""},
      {"q1,q5\n4,kanskje\n", "row 2, column 2 (q5)", "expected yes or no (ja/nei, yes/no, 1/0), got \"kanskje\""},
      {"q1,q9\n", "row 1, column 2",
       "unknown item \"q9\": form \"sandefjord-pilot\" version 1 has q1, q2, q3, q4, q5, q6 (and the columns course, "
       "respondent); the closest is q1 (\"Tidspunkt for samlingen, dvs. klokkeslet...\"): name the header in its "
       "aliases, or drop it with --ignore-column"},
      {"q1,q1\n", "row 1, column 2", "column \"q1\" appears twice"},
      {"q1,q2\n4,3\n4\n", "row 3, column 2", "expected 2 fields as in the header, got 1"},
      {"q1,q2\n4,3,5\n", "row 2, column 3", "expected 2 fields as in the header, got 3"},
      {"", "row 1", "the file is empty: expected a header row of item ids"},
      {"q1,q6\n4,\"multi\nline\"\n5,\"open\n", "row 3, column 2", "a quoted field is not closed (a missing \")"},
  };
  for (const auto& c : cases) {
    const InputError error = input_error([&] { responses_from_csv(c.json, form); });
    EXPECT_EQ(error.where(), c.where) << c.json;
    EXPECT_EQ(error.message(), c.message) << c.json;
  }
  const InputError out_of_scale = input_error([&] { responses_from_csv("q1\n0\n", form); });
  EXPECT_EQ(out_of_scale.rule(), "E1");
  EXPECT_EQ(out_of_scale.what(),
            std::string("row 2, column 1 (q1): expected a whole number from 1 to 5, got \"0\" [DOMAIN E1]"));
}

TEST(evaluation_csv, pilot_example_file_reads) {
  const EvaluationForm form = pilot_evaluation_form();
  const auto responses = load_responses(source_dir / "examples/sandefjord_pilot/evaluation.csv", form);
  ASSERT_EQ(responses.responses.size(), 9u);
  for (const Response& response : responses.responses) {
    EXPECT_EQ(response.answers[4], value(1));  // DOMAIN E3: all would recommend
  }
  int comments = 0;
  for (const Response& response : responses.responses) comments += response.answers[5].text ? 1 : 0;
  EXPECT_EQ(comments, 7);
}

TEST(evaluation_csv, load_names_the_file_in_errors) {
  TempDir dir;
  const fs::path file = dir.write("bad.csv", "q1\n9\n");
  const InputError error = input_error([&] { load_responses(file, pilot_evaluation_form()); });
  EXPECT_EQ(error.where(), file.string() + ": row 2, column 1 (q1)");
  const fs::path json = dir.write("bad.json", R"({"responses": [{"answers": {"q1": 9}}]})");
  EXPECT_EQ(input_error([&] { load_responses(json, pilot_evaluation_form()); }).where(),
            json.string() + ":/responses/0/answers/q1");
}

TEST(evaluation_csv, custom_form_csv) {
  const EvaluationForm form = custom_form();
  const auto responses = responses_from_csv("useful;again;format;other\n10;yes;day;\n0;n;evening;ok\n", form);
  EXPECT_EQ(responses.form_id, "frambu-week");
  EXPECT_EQ(responses.form_version, 3);
  EXPECT_EQ(responses.responses[0].answers[0], value(10));
  EXPECT_EQ(responses.responses[1].answers[2], value(1));
  EXPECT_EQ(responses.responses[1].answers[3], text("ok"));
  const InputError error = input_error([&] { responses_from_csv("useful;format\n11;day\n", form); });
  EXPECT_EQ(error.message(), "expected a whole number from 0 to 10, got \"11\"");
}

}  // namespace
