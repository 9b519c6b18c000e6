// Evaluation forms imported from a REDCap data dictionary or an XLSForm (io/form_import.hpp;
// issue #20, item 1; docs/evaluation.md). The pilot's form made in each tool
// (tests/data/forms/; the .xlsx by tests/data/forms/make_xlsforms.py) imports to a form that
// scores the pilot's answers exactly as the built-in form does, and lists the fields it could not
// map with the reasons.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <tuple>
#include <vector>

#include "fixtures.hpp"
#include "paarorende/io/evaluation.hpp"
#include "paarorende/io/form_import.hpp"
#include "paarorende/io/workbook.hpp"
#include "paarorende/scores.hpp"

namespace paarorende {
namespace {

const std::filesystem::path forms_folder = test_support::source_dir / "tests" / "data" / "forms";
const std::filesystem::path pilot_answers = test_support::source_dir / "examples" / "sandefjord_pilot" / "evaluation.csv";
// The pilot's answers as REDCap exports them from the project of sandefjord-pilot-redcap.csv: a
// column for every field, a checkbox's one per choice.
const std::filesystem::path redcap_export = forms_folder / "sandefjord-pilot-redcap-export.csv";

// A REDCap dictionary of the five required columns: the record id, then `rows`.
std::string dictionary(const std::string& rows) {
  return "Variable / Field Name,Form Name,Field Type,Field Label,\"Choices, Calculations, OR Slider Labels\"\n"
         "record_id,kurs,text,Record ID,\n" +
         rows;
}

// The item the one field of `rows` imports to.
Item imported_item(const std::string& rows) {
  const FormImport imported = form_from_redcap(dictionary(rows));
  EXPECT_EQ(imported.form.items.size(), 1U);
  return imported.form.items.at(0);
}

std::string error_of(const std::function<void()>& read) {
  try {
    read();
  } catch (const InputError& error) {
    return error.where() + ": " + error.message();
  }
  return "no error";
}

class pilot_form_import : public ::testing::TestWithParam<const char*> {};

TEST_P(pilot_form_import, scores_the_pilots_answers_as_the_built_in_form_does) {
  const FormImport imported = import_form(forms_folder / GetParam());
  const EvaluationForm builtin = pilot_evaluation_form();
  for (const int threshold : {5, 3}) {
    ScoreOptions options;
    options.threshold = threshold;
    const EvaluationScores mine = score_evaluation(imported.form, load_responses(pilot_answers, imported.form), options);
    const EvaluationScores theirs = score_evaluation(builtin, load_responses(pilot_answers, builtin), options);
    ASSERT_EQ(mine.courses.size(), theirs.courses.size());
    for (std::size_t c = 0; c < mine.courses.size(); ++c) {
      const CourseScores& a = mine.courses[c];
      const CourseScores& b = theirs.courses[c];
      EXPECT_EQ(a.course, b.course);
      EXPECT_EQ(a.responses, b.responses);
      ASSERT_EQ(a.items.size(), b.items.size());
      for (std::size_t i = 0; i < a.items.size(); ++i) {
        const ItemScores& x = a.items[i];
        const ItemScores& y = b.items[i];
        SCOPED_TRACE(y.item + ", threshold " + std::to_string(threshold));
        EXPECT_EQ(x.item, y.item);
        EXPECT_EQ(x.kind, y.kind);
        EXPECT_EQ(x.n, y.n);
        EXPECT_EQ(x.mean, y.mean);
        EXPECT_EQ(x.sd, y.sd);
        EXPECT_EQ(x.median, y.median);
        EXPECT_EQ(x.top_two, y.top_two);
        EXPECT_EQ(x.share, y.share);
        EXPECT_EQ(x.distribution, y.distribution);
        EXPECT_EQ(x.hidden, y.hidden);
        EXPECT_EQ(x, y);
      }
    }
  }
}

TEST_P(pilot_form_import, gives_q1_to_q4_the_pilots_scale_and_anchors) {
  const EvaluationForm form = import_form(forms_folder / GetParam()).form;
  const EvaluationForm builtin = pilot_evaluation_form();
  ASSERT_EQ(form.items.size(), 6U);
  for (std::size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(form.items[i].id, builtin.items[i].id);
    EXPECT_EQ(form.items[i].kind, builtin.items[i].kind);
    EXPECT_EQ(form.items[i].text.nb, builtin.items[i].text.nb);
  }
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(form.items[i].min, 1);
    EXPECT_EQ(form.items[i].max, 5);
    ASSERT_EQ(form.items[i].labels.size(), 2U);  // "2", "3", "4" say no more than their values
    EXPECT_EQ(form.items[i].labels[0].value, 1);
    EXPECT_EQ(form.items[i].labels[0].label.nb, "Lite bra");
    EXPECT_EQ(form.items[i].labels[1].value, 5);
    EXPECT_EQ(form.items[i].labels[1].label.nb, "Best mulig");
  }
}

TEST_P(pilot_form_import, writes_a_form_document_that_reads_back_to_the_same_form) {
  const FormImport imported = import_form(forms_folder / GetParam());
  const Json document = to_json(imported);
  EXPECT_EQ(evaluation_form_from_json(document.at("form")), imported.form);
  EXPECT_EQ(document.at("unmapped").size(), imported.unmapped.size());
}

INSTANTIATE_TEST_SUITE_P(tools, pilot_form_import,
                         ::testing::Values("sandefjord-pilot-redcap.csv", "sandefjord-pilot-xlsform.xlsx"));

using Unmapped = std::tuple<std::string, std::string, std::size_t>;  // field, kind, row

std::vector<Unmapped> listed(const FormImport& imported) {
  std::vector<Unmapped> out;
  for (const UnmappedField& field : imported.unmapped) out.emplace_back(field.field, field.kind, field.row);
  return out;
}

std::string reason_of(const FormImport& imported, const std::string& field) {
  for (const UnmappedField& unmapped : imported.unmapped) {
    if (unmapped.field == field) return unmapped.reason;
  }
  return "not listed";
}

TEST(redcap_import, lists_each_field_it_cannot_map_with_the_reason) {
  const FormImport imported = import_form(forms_folder / "sandefjord-pilot-redcap.csv");
  EXPECT_EQ(listed(imported), (std::vector<Unmapped>{{"record_id", "text", 2},
                                                     {"snitt", "calc", 9},
                                                     {"bilde", "file", 10},
                                                     {"q5_hvorfor", "notes", 11},
                                                     {"rangering_tema", "radio", 12},
                                                     {"rangering_mat", "radio", 13},
                                                     {"kanal", "checkbox", 14},
                                                     {"epost", "text", 15}}));
  EXPECT_EQ(reason_of(imported, "record_id"),
            "the record id (REDCap's first field): a form keeps no identifier (DOMAIN X4)");
  EXPECT_EQ(reason_of(imported, "snitt"), "a calculated value: the survey tool computes it, no respondent answers it");
  EXPECT_EQ(reason_of(imported, "bilde"), "a file upload: no form item holds a file");
  EXPECT_EQ(reason_of(imported, "q5_hvorfor"),
            "shown only if \"[q5] = '0'\": some respondents never see it, so its figures would be over a subgroup "
            "the report does not name");
  EXPECT_EQ(reason_of(imported, "rangering_tema"),
            "a row of the ranked matrix \"rangering\": each row takes a rank no other row has, so no answer is a "
            "score of its own");
  EXPECT_EQ(reason_of(imported, "kanal"), "several choices may be ticked: a form item holds one answer");
  EXPECT_EQ(reason_of(imported, "epost"), "it identifies the respondent: a form keeps no identifier (DOMAIN X4)");
}

TEST(redcap_import, lists_the_exports_columns_of_the_unmapped_fields_so_that_the_export_reads) {
  const FormImport imported = import_form(forms_folder / "sandefjord-pilot-redcap.csv");
  EXPECT_EQ(imported.ignore_columns,
            (std::vector<std::string>{"record_id", "snitt", "bilde", "q5_hvorfor", "rangering_tema", "rangering_mat",
                                      "kanal___1", "kanal___2", "kanal___3", "epost"}));
  EXPECT_EQ(to_json(imported).at("ignore_columns"), Json(imported.ignore_columns));
  // Without them the export is refused at its first column for a field not imported.
  EXPECT_EQ(error_of([&] { load_responses(redcap_export, imported.form); }).substr(0, redcap_export.string().size() + 40),
            redcap_export.string() + ": row 1, column 10: unknown item \"snitt\"");
  const EvaluationResponses responses =
      load_responses(redcap_export, imported.form, ResponseReadOptions{imported.ignore_columns, ""});
  ASSERT_EQ(responses.responses.size(), 5U);
  EXPECT_EQ(responses.responses[2].answers.at(4).value, 0);  // q5, "0": no
  EXPECT_EQ(responses.responses[3].answers.at(5).text, "Godt med pizza");
  // A checkbox's columns are its name, three underscores and its code in lower case, "-" as "_";
  // descriptive text has no column, and a field named course is the course column, read.
  const FormImport other = form_from_redcap(dictionary(
      "kanal,kurs,checkbox,Kanal,\"1, Skolen | -1, Annet | AB, Ab\"\nintro,kurs,descriptive,Velkommen,\n"
      "course,kurs,text,Kurs,\nq1,kurs,notes,Annet,\n"));
  EXPECT_EQ(other.ignore_columns, (std::vector<std::string>{"record_id", "kanal___1", "kanal____1", "kanal___ab"}));
}

TEST(redcap_import, imports_the_first_instrument_and_lists_the_others_fields) {
  const std::string text =
      "Variable / Field Name,Form Name,Field Type,Field Label,\"Choices, Calculations, OR Slider Labels\"\n"
      "record_id,pamelding,text,Record ID,\nnavn,pamelding,notes,Hvorfor meldte du deg på?,\n"
      "q1,evaluering_host,radio,Tidspunkt,\"1, Lite bra | 2, 2 | 3, Best\"\n"
      "kanal,evaluering_host,checkbox,Kanal,\"1, Skolen | 2, Annet\"\n"
      "q9,oppfolging,notes,Noe mer?,\n";
  const FormImport first = form_from_redcap(text);
  EXPECT_EQ(first.form.id, "pamelding");
  ASSERT_EQ(first.form.items.size(), 1U);
  EXPECT_EQ(first.form.items[0].id, "navn");
  EXPECT_EQ(listed(first), (std::vector<Unmapped>{{"record_id", "text", 2}, {"q1", "radio", 4}, {"kanal", "checkbox", 5},
                                                  {"q9", "notes", 6}}));
  EXPECT_EQ(reason_of(first, "q1"), "in instrument \"evaluering_host\", not the one imported");
  EXPECT_EQ(first.ignore_columns,
            (std::vector<std::string>{"record_id", "q1", "kanal___1", "kanal___2", "q9"}));

  const FormImport chosen = form_from_redcap(text, FormImportOptions{"evaluering_host"});
  EXPECT_EQ(chosen.form.id, "evaluering_host");
  EXPECT_EQ(chosen.form.title.nb, "evaluering host");
  ASSERT_EQ(chosen.form.items.size(), 1U);
  EXPECT_EQ(chosen.form.items[0].kind, ItemKind::likert);
  EXPECT_EQ(listed(chosen), (std::vector<Unmapped>{{"record_id", "text", 2}, {"navn", "notes", 3}, {"kanal", "checkbox", 5},
                                                   {"q9", "notes", 6}}));
  EXPECT_EQ(reason_of(chosen, "record_id"), "the record id (REDCap's first field): a form keeps no identifier (DOMAIN X4)");
  EXPECT_EQ(reason_of(chosen, "navn"), "in instrument \"pamelding\", not the one imported");
  EXPECT_EQ(reason_of(chosen, "kanal"), "several choices may be ticked: a form item holds one answer");
  EXPECT_EQ(form_from_redcap(text, FormImportOptions{"Oppfolging"}).form.id, "oppfolging");

  EXPECT_EQ(error_of([&] { form_from_redcap(text, FormImportOptions{"evaluering"}); }),
            ": no instrument \"evaluering\": the dictionary has the instruments \"pamelding\", \"evaluering_host\", "
            "\"oppfolging\" (its Form Name column)");
  const std::filesystem::path xlsform = forms_folder / "sandefjord-pilot-xlsform.xlsx";
  EXPECT_EQ(error_of([&] { import_form(xlsform, FormImportOptions{"evaluering"}); }),
            xlsform.string() + ": an XLSForm holds one form: an instrument (\"evaluering\") is chosen only in a REDCap "
                               "data dictionary");
}

TEST(redcap_import, takes_the_first_field_as_the_record_id_only_when_it_is_text) {
  const std::string head =
      "Variable / Field Name,Form Name,Field Type,Field Label,\"Choices, Calculations, OR Slider Labels\"\n";
  const FormImport imported =
      form_from_redcap(head + "q1,kurs,radio,Tidspunkt,\"1, Lite bra | 2, 2 | 3, Best\"\nq2,kurs,yesno,Anbefale?,\n");
  ASSERT_EQ(imported.form.items.size(), 2U);
  EXPECT_EQ(imported.form.items[0].id, "q1");
  EXPECT_EQ(imported.form.items[0].kind, ItemKind::likert);
  EXPECT_TRUE(imported.unmapped.empty());
  EXPECT_EQ(form_from_redcap(head + "q6,kurs,notes,Annet,\n").form.items.at(0).id, "q6");
  // A text first field is the record id, whatever its name.
  EXPECT_EQ(listed(form_from_redcap(head + "deltaker,kurs,text,Deltaker,\nq6,kurs,notes,Annet,\n")),
            (std::vector<Unmapped>{{"deltaker", "text", 2}}));
}

TEST(redcap_import, reads_numeric_and_the_named_html_entities_of_its_rich_text_editor) {
  const auto text_of = [](const std::string& label) {
    return imported_item("q1,kurs,notes,\"" + label + "\",\n").text.nb;
  };
  EXPECT_EQ(text_of("Lengde p&aring; samlingen"), "Lengde på samlingen");
  EXPECT_EQ(text_of("&Aring;pent m&oslash;te, &Oslash;st, &aelig;re og &AElig;"), "Åpent møte, Øst, ære og Æ");
  EXPECT_EQ(text_of("f&#248;r &#xE6;&#Xc5; &#8211; &#128512;"), "før æÅ – 😀");
  EXPECT_EQ(text_of("a&nbsp;b &ndash; c &mdash; &laquo;d&raquo; e&hellip; caf&eacute;"), "a b – c — «d» e… café");
  EXPECT_EQ(text_of("&amp;lt; &lt;b&gt; &quot;x&quot; &apos;y&apos; &#39;z&#39;"), "&lt; <b> \"x\" 'y' 'z'");
  // Unknown, unterminated or no-character entities are left as written.
  EXPECT_EQ(text_of("&foo; &aring &#0; &#xD800; &#x110000; AT&T"), "&foo; &aring &#0; &#xD800; &#x110000; AT&T");
}

TEST(redcap_import, takes_the_form_id_and_title_from_the_instrument) {
  const EvaluationForm form = import_form(forms_folder / "sandefjord-pilot-redcap.csv").form;
  EXPECT_EQ(form.id, "evaluering");
  EXPECT_EQ(form.version, 1);
  EXPECT_EQ(form.title.nb, "evaluering");
}

TEST(xlsform_import, lists_each_question_it_cannot_map_and_keeps_the_nynorsk) {
  const FormImport imported = import_form(forms_folder / "sandefjord-pilot-xlsform.xlsx");
  // Bokmål, nynorsk and English are a form's own languages: the nynorsk labels are kept, as the
  // pilot form has them.
  EXPECT_EQ(imported.form.items[2].text.nn, pilot_evaluation_form().items[2].text.nn);
  EXPECT_EQ(listed(imported), (std::vector<Unmapped>{{"start", "start", 2},
                                                     {"snitt", "calculate", 11},
                                                     {"bilde", "image", 12},
                                                     {"q5_hvorfor", "text", 13},
                                                     {"kanal", "select_multiple kanal", 14},
                                                     {"rangering", "rank temaer", 15}}));
  EXPECT_EQ(reason_of(imported, "q5_hvorfor"),
            "shown only if \"${q5} = '0'\": some respondents never see it, so its figures would be over a "
            "subgroup the report does not name");
  EXPECT_EQ(reason_of(imported, "rangering"), "a ranking: each answer depends on the others, so none is a score of its own");
}

// An XLSForm of `survey` rows (type, name, label) and `choices` rows (list_name, name, label),
// written by the library's workbook writer.
FormImport xlsform_of(const std::vector<std::vector<std::string>>& survey,
                      const std::vector<std::vector<std::string>>& choices) {
  const auto sheet = [](std::string name, std::vector<std::string> header, const std::vector<std::vector<std::string>>& rows) {
    WorkbookSheet out;
    out.name = std::move(name);
    out.header = std::move(header);
    for (const auto& row : rows) {
      std::vector<WorkbookCell> cells;
      for (const std::string& text : row) cells.push_back(WorkbookCell::of(text));
      out.rows.push_back(std::move(cells));
    }
    return out;
  };
  Workbook workbook;
  workbook.sheets.push_back(sheet("survey", {"type", "name", "label"}, survey));
  workbook.sheets.push_back(sheet("choices", {"list_name", "name", "label"}, choices));
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("paarorende-xlsform-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
       ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".xlsx");
  write_workbook(workbook, path);
  struct Removed {
    std::filesystem::path path;
    ~Removed() { std::filesystem::remove(path); }
  } removed{path};
  return import_form(path);
}

TEST(xlsform_import, takes_list_names_as_written_and_the_type_keyword_in_any_case) {
  const std::vector<std::vector<std::string>> choices{
      {"Likert5", "1", "Lite bra"}, {"Likert5", "2", "2"},  {"Likert5", "3", "3"}, {"Likert5", "4", "4"},
      {"Likert5", "5", "Best"},     {"JaNei", "1", "Ja"},   {"JaNei", "0", "Nei"}, {"janei", "tir", "Tirsdag"},
      {"janei", "tor", "Torsdag"},  {"Kanal", "Skolen", "Skolen"}, {"Kanal", "annet", "Annet"}};
  const FormImport imported = xlsform_of({{"select_one Likert5", "q1", "Tidspunkt"},
                                          {"Select_One  Likert5", "q2", "Lengde"},
                                          {"SELECT ONE JaNei", "q5", "Anbefale?"},
                                          {"select_one janei", "dag", "Dag"},
                                          {"select_multiple Kanal", "kanal", "Kanal"},
                                          {"Note", "intro", "Velkommen"}},
                                         choices);
  ASSERT_EQ(imported.form.items.size(), 4U);
  EXPECT_EQ(imported.form.items[0].kind, ItemKind::likert);
  EXPECT_EQ(std::make_pair(imported.form.items[1].min, imported.form.items[1].max), std::make_pair(1, 5));
  EXPECT_EQ(imported.form.items[2].kind, ItemKind::yes_no);
  EXPECT_EQ(imported.form.items[3].kind, ItemKind::single_choice);
  EXPECT_EQ(listed(imported), (std::vector<Unmapped>{{"kanal", "select_multiple Kanal", 6}, {"intro", "note", 7}}));
  EXPECT_EQ(imported.ignore_columns, (std::vector<std::string>{"kanal", "kanal/Skolen", "kanal/annet"}));
  // A list named in another case than on the choices sheet is not that list.
  const std::string error = error_of([&] { xlsform_of({{"select_one likert5", "q1", "Tidspunkt"}}, choices); });
  EXPECT_NE(error.find(".xlsx: sheet \"survey\", row 2, column 1: choice list \"likert5\" is not on the choices sheet (it "
                       "has \"Likert5\": list names are case-sensitive)"),
            std::string::npos)
      << error;
}

TEST(xlsform_import, keeps_bokmal_and_english_texts_and_the_settings_id_and_title) {
  const EvaluationForm form = import_form(forms_folder / "sandefjord-pilot-xlsform.xlsx").form;
  const EvaluationForm builtin = pilot_evaluation_form();
  EXPECT_EQ(form.id, "sandefjord-pilot");
  EXPECT_EQ(form.title.nb, builtin.title.nb);
  // Bokmål and English (the nynorsk column is listed as left out; compared text by text, as the
  // built-in form holds nynorsk too).
  EXPECT_EQ(form.items[0].text.nb, builtin.items[0].text.nb);
  EXPECT_EQ(form.items[0].text.en, builtin.items[0].text.en);
  EXPECT_EQ(form.items[0].labels[1].label.nb, "Best mulig");
  EXPECT_EQ(form.items[0].labels[1].label.en, "Best possible");
  EXPECT_EQ(form.items[4].text.en, builtin.items[4].text.en);
}

TEST(form_import_likert_rule, consecutive_whole_number_codes_at_least_three_are_a_scale) {
  Item item = imported_item("tid,kurs,radio,Tidspunkt,\"1, Lite bra | 2, 2 | 3, 3 | 4, 4 | 5, Best mulig\"\n");
  EXPECT_EQ(item.kind, ItemKind::likert);
  EXPECT_EQ(std::make_pair(item.min, item.max), std::make_pair(1, 5));
  item = imported_item("tid,kurs,dropdown,Tidspunkt,\"0, Dårlig | 1, Greit | 2, Bra\"\n");
  EXPECT_EQ(item.kind, ItemKind::likert);
  EXPECT_EQ(std::make_pair(item.min, item.max), std::make_pair(0, 2));
  EXPECT_EQ(item.labels.size(), 3U);
  // Best first, as many Norwegian forms list it.
  item = imported_item("tid,kurs,radio,Tidspunkt,\"7, Svært bra | 6, 6 | 5, 5 | 4, 4 | 3, 3 | 2, 2 | 1, Svært dårlig\"\n");
  EXPECT_EQ(item.kind, ItemKind::likert);
  EXPECT_EQ(std::make_pair(item.min, item.max), std::make_pair(1, 7));
  EXPECT_EQ(item.labels.front().label.nb, "Svært dårlig");
  item = imported_item("tid,kurs,radio,Tidspunkt,\"-2, Mye verre | -1, Verre | 0, Likt | 1, Bedre | 2, Mye bedre\"\n");
  EXPECT_EQ(std::make_pair(item.min, item.max), std::make_pair(-2, 2));
}

TEST(form_import_likert_rule, a_gap_a_shuffle_two_codes_or_text_codes_are_a_single_choice) {
  for (const char* choices : {"1, Lite | 2, Middels | 3, Mye | 9, Vet ikke", "1, A | 3, B | 2, C", "1, Tirsdag | 2, Torsdag",
                              "a, Lite | b, Middels | c, Mye"}) {
    SCOPED_TRACE(choices);
    const Item item = imported_item(std::string("tid,kurs,radio,Tidspunkt,\"") + choices + "\"\n");
    EXPECT_EQ(item.kind, ItemKind::single_choice);
  }
  const Item item = imported_item("dag,kurs,radio,Dag,\"tir, Tirsdag | tor, Torsdag\"\n");
  EXPECT_EQ(item.choices, (std::vector<Choice>{{"tir", {"Tirsdag", ""}}, {"tor", {"Torsdag", ""}}}));
}

TEST(form_import_yes_no, yes_and_no_codes_with_texts_that_agree_are_yes_no) {
  EXPECT_EQ(imported_item("anbefale,kurs,yesno,Anbefale?,\n").kind, ItemKind::yes_no);
  EXPECT_EQ(imported_item("anbefale,kurs,truefalse,Anbefale?,\n").kind, ItemKind::yes_no);
  EXPECT_EQ(imported_item("anbefale,kurs,radio,Anbefale?,\"1, Ja | 0, Nei\"\n").kind, ItemKind::yes_no);
  EXPECT_EQ(imported_item("anbefale,kurs,radio,Anbefale?,\"no, Nei | yes, Ja\"\n").kind, ItemKind::yes_no);
  // Codes a raw export writes as 1 and 0, but texts that are no yes and no.
  EXPECT_EQ(imported_item("kjonn,kurs,radio,Kjønn,\"1, Mann | 0, Kvinne\"\n").kind, ItemKind::single_choice);
  // Texts that say yes and no, but a code (2) the yes/no reader does not take.
  EXPECT_EQ(imported_item("anbefale,kurs,radio,Anbefale?,\"1, Ja | 2, Nei\"\n").kind, ItemKind::single_choice);
}

TEST(form_import_text, notes_and_plain_text_are_free_text_and_rich_text_labels_lose_their_tags) {
  const Item item = imported_item("annet,kurs,notes,\"<div class=\"\"rich-text-field-label\"\"><p>Annet &amp; mer</p></div>\",\n");
  EXPECT_EQ(item.kind, ItemKind::free_text);
  EXPECT_EQ(item.text.nb, "Annet & mer");
  const FormImport imported = form_from_redcap(dictionary("alder,kurs,text,Alder,\nannet,kurs,text,Annet,\n"));
  EXPECT_EQ(imported.form.items.size(), 2U);  // without a validation column, "alder" is free text too
  const FormImport validated = form_from_redcap(
      "Variable / Field Name,Form Name,Field Type,Field Label,\"Choices, Calculations, OR Slider Labels\","
      "Text Validation Type OR Show Slider Number\n"
      "record_id,kurs,text,Record ID,,\nalder,kurs,text,Alder,,integer\nannet,kurs,text,Annet,,\n");
  EXPECT_EQ(listed(validated), (std::vector<Unmapped>{{"record_id", "text", 2}, {"alder", "text", 3}}));
  EXPECT_EQ(reason_of(validated, "alder"), "a text validated as integer: no form item holds it (a form has Likert, "
                                           "yes/no, single-choice and free-text items)");
}

TEST(form_import_names, a_name_the_form_reader_refuses_is_listed_not_changed) {
  const FormImport imported = form_from_redcap(dictionary("Q1,kurs,notes,Annet,\ncourse,kurs,notes,Kurs,\nq2,kurs,notes,Annet,\n"));
  EXPECT_EQ(listed(imported), (std::vector<Unmapped>{{"record_id", "text", 2}, {"Q1", "notes", 3}, {"course", "notes", 4}}));
  EXPECT_EQ(reason_of(imported, "Q1"),
            "its name is not an item id: a slug of a-z, 0-9 and _ (at most 64 characters), not course or respondent");
}

TEST(form_import_errors, say_the_row_and_column) {
  EXPECT_EQ(error_of([] { form_from_redcap(dictionary("q1,kurs,notes,Annet,\nq1,kurs,notes,Mer,\n")); }),
            "row 4, column 1: field \"q1\" is named twice (also row 3)");
  EXPECT_EQ(error_of([] { form_from_redcap(dictionary("q1,kurs,radio,Tid,\"1, A | 1, B | 2, C\"\n")); }),
            "row 3, column 5: choice code \"1\" is listed twice");
  EXPECT_EQ(error_of([] { form_from_redcap("Variable / Field Name,Form Name,Field Type,Field Label\nrecord_id,k,text,ID\n"); }),
            "row 1: missing column \"Choices, Calculations, OR Slider Labels\": a REDCap data dictionary has \"Variable / "
            "Field Name\", \"Form Name\", \"Section Header\", \"Field Type\", \"Field Label\", \"Choices, Calculations, OR "
            "Slider Labels\" ...");
  EXPECT_EQ(error_of([] { form_from_redcap("q1;q2\n4;5\n"); }).substr(0, 53),
            "row 1, column 1: not a REDCap data dictionary: expect");
  EXPECT_EQ(error_of([] { form_from_redcap(""); }).substr(0, 24), "row 1: the file is empty");
}

TEST(form_import_errors, in_a_workbook_say_the_sheet_too_and_in_a_file_its_name) {
  const std::filesystem::path bad = test_support::source_dir / "tests" / "bad_inputs" / "xlsform";
  EXPECT_EQ(error_of([&] { import_form(bad / "missing-choice-list.xlsx"); }),
            (bad / "missing-choice-list.xlsx").string() +
                ": sheet \"survey\", row 9, column 1: choice list \"ja_nei\" is not on the choices sheet");
  EXPECT_EQ(error_of([&] { import_form(bad / "duplicate-choice.xlsx"); }),
            (bad / "duplicate-choice.xlsx").string() +
                ": sheet \"choices\", row 15, column 2: choice \"1\" is in list \"janei\" twice (also row 7)");
  EXPECT_EQ(error_of([] { import_form("form.json"); }),
            "form.json: a form to import is a REDCap data dictionary (.csv) or an XLSForm (.xlsx)");
}

TEST(form_import_errors, nothing_to_import_is_refused_naming_the_first_field_and_why) {
  try {
    form_from_redcap(dictionary("snitt,kurs,calc,Snitt,\"mean([a],[b])\"\n"));
    ADD_FAILURE() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(error.rule(), "E1");
    EXPECT_EQ(error.message(),
              "no field maps to an evaluation form item (Likert, yes/no, single choice or free text); the first field, "
              "\"snitt\" (row 3): a calculated value: the survey tool computes it, no respondent answers it");
  }
}

}  // namespace
}  // namespace paarorende
