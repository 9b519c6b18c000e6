// Workbooks written (io/workbook.hpp) and read back by paarorende's own reader (io/xlsx.hpp); the
// templates (io/spreadsheet_template.hpp) in every language; the result workbooks against their
// JSON; and whole documents from workbooks and CSV (io/table_rows.hpp) against their JSON twins,
// with every error at its sheet, row and column.
#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "../common/bokmal_only_words.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "detail/file.hpp"
#include "paarorende/error.hpp"
#include "paarorende/formation.hpp"
#include "paarorende/io/evaluation.hpp"
#include "paarorende/io/formation.hpp"
#include "paarorende/io/group.hpp"
#include "paarorende/io/scores.hpp"
#include "paarorende/io/spreadsheet_template.hpp"
#include "paarorende/io/table_rows.hpp"
#include "paarorende/io/workbook.hpp"
#include "paarorende/io/xlsx.hpp"
#include "paarorende/scores.hpp"

namespace {

using namespace paarorende;
using paarorende::test_support::TempDir;
namespace support = paarorende::test_support;

std::string bytes_of(const std::filesystem::path& path) { return detail::read_file(path); }

XlsxSheet written_and_read(const Workbook& workbook, const std::string& sheet) {
  TempDir dir;
  const auto path = dir.path() / "book.xlsx";
  write_workbook(workbook, path);
  return read_xlsx(bytes_of(path), sheet);
}

TEST(WorkbookWriter, EveryKindOfCellReadsBackAsWritten) {
  WorkbookSheet sheet{"figures", {"text", "number", "boolean", "date", "hidden", "empty"}, {}, {}, 0, {}};
  sheet.rows.push_back({WorkbookCell::of("Fagernes skule"), WorkbookCell::of(4.5), WorkbookCell::boolean(true),
                        WorkbookCell::of(Date(2019, 11, 5)), WorkbookCell::hidden(), WorkbookCell{}});
  sheet.rows.push_back({WorkbookCell::of("æøå «»"), WorkbookCell::of(std::optional<double>()),
                        WorkbookCell::boolean(false), WorkbookCell::of(Date(2026, 2, 28)), WorkbookCell::hidden(),
                        WorkbookCell::of(12.0)});
  const XlsxSheet read = written_and_read(Workbook{{sheet}, "test"}, "figures");
  ASSERT_EQ(read.rows.size(), 3u);
  EXPECT_EQ(read.rows[0].cells.size(), 6u);
  EXPECT_EQ(read.rows[0].cells[0].text, "text");
  const auto& first = read.rows[1].cells;
  EXPECT_EQ(first[0].kind, XlsxCellKind::text);
  EXPECT_EQ(first[0].text, "Fagernes skule");
  EXPECT_EQ(first[1].kind, XlsxCellKind::number);
  EXPECT_EQ(first[1].number, 4.5);
  EXPECT_EQ(first[2].kind, XlsxCellKind::boolean);
  EXPECT_EQ(first[2].text, "TRUE");
  EXPECT_EQ(first[3].kind, XlsxCellKind::date);
  EXPECT_EQ(first[3].date, Date(2019, 11, 5));
  // A hidden cell holds nothing: no value, no text that could say why.
  ASSERT_EQ(first.size(), 4u);  // the row ends at its last value
  const auto& second = read.rows[2].cells;
  EXPECT_EQ(second[0].text, "æøå «»");
  EXPECT_EQ(second[1].kind, XlsxCellKind::empty);
  EXPECT_EQ(second[2].text, "FALSE");
  EXPECT_EQ(second[3].text, "2026-02-28");
  EXPECT_EQ(second[4].kind, XlsxCellKind::empty);
  EXPECT_EQ(second[5].number, 12.0);
}

TEST(WorkbookWriter, RefusesWhatASpreadsheetCannotHold) {
  auto refused = [](Workbook workbook, const std::string& where, const std::string& message) {
    try {
      check_workbook(workbook);
      ADD_FAILURE() << "accepted: " << message;
    } catch (const InputError& error) {
      EXPECT_EQ(error.where(), where);
      EXPECT_NE(error.message().find(message), std::string::npos) << error.message();
    }
  };
  refused(Workbook{}, "", "at least one sheet");
  refused(Workbook{{WorkbookSheet{"a/b", {}, {}, {}, 0, {}}}, ""}, "sheet \"a/b\"", "none of");
  refused(Workbook{{WorkbookSheet{std::string(32, 'x'), {}, {}, {}, 0, {}}}, ""}, "sheet \"" + std::string(32, 'x') + "\"",
          "1 to 31 characters");
  refused(Workbook{{WorkbookSheet{"Ark", {}, {}, {}, 0, {}}, WorkbookSheet{"ark", {}, {}, {}, 0, {}}}, ""}, "sheet \"ark\"",
          "two sheets of one name");
  refused(Workbook{{WorkbookSheet{"s", {"a"}, {{WorkbookCell::of("1"), WorkbookCell::of("2")}}, {}, 0, {}}}, ""},
          "sheet \"s\", row 2", "longer than its header");
  WorkbookSheet long_list{"s", {"a"}, {}, {}, 10, {}};
  long_list.inputs.push_back(WorkbookColumnInput{0, WorkbookInputKind::list, {std::string(300, 'v')}, 0, 0, "", ""});
  refused(Workbook{{long_list}, ""}, "sheet \"s\", column 1", "1 to 255 characters");
}

TEST(WorkbookWriter, AFailedWriteLeavesNothingAndKeepsTheOldFile) {
  TempDir dir;
  EXPECT_THROW(write_workbook(Workbook{{WorkbookSheet{"s", {}, {}, {}, 0, {}}}, ""}, dir.path() / "missing" / "b.xlsx"),
               InputError);
  const auto old = dir.write("b.xlsx", "old");
  EXPECT_THROW(write_workbook(Workbook{}, old), InputError);  // refused before writing
  EXPECT_EQ(bytes_of(old), "old");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);
}

// --- templates ---

TEST(SpreadsheetTemplate, EveryKindInEveryLanguageHasEveryText) {
  for (TemplateKind kind : {TemplateKind::waitlist, TemplateKind::attendance, TemplateKind::group}) {
    for (Language language : {Language::nb, Language::nn, Language::en}) {
      SCOPED_TRACE(std::string(to_string(kind)) + " " + std::string(to_string(language)));
      const Workbook workbook = spreadsheet_template(kind, language);  // a missing text throws
      EXPECT_NO_THROW(check_workbook(workbook));
      const WorkbookSheet& guide = workbook.sheets.back();
      // Every data column has a prompt, and a row in the instructions.
      for (std::size_t s = 0; s + 1 < workbook.sheets.size(); ++s) {
        const WorkbookSheet& sheet = workbook.sheets[s];
        if (sheet.name != "settings") {
          EXPECT_EQ(sheet.inputs.size(), sheet.header.size()) << sheet.name;
        }
        for (const std::string& column : sheet.header) {
          const bool explained = std::any_of(guide.rows.begin(), guide.rows.end(), [&](const auto& row) {
            return row.size() == 3 && row[0].text == sheet.name && row[1].text == column;
          });
          EXPECT_TRUE(explained) << sheet.name << " " << column;
        }
      }
    }
  }
}

TEST(SpreadsheetTemplate, IdsAndMunicipalityNumbersAreTextColumns) {
  const Workbook workbook = spreadsheet_template(TemplateKind::waitlist, Language::nb);
  const WorkbookSheet& households = workbook.sheets.front();
  for (const char* column : {"id", "municipality", "school"}) {
    const auto at = static_cast<std::size_t>(std::find(households.header.begin(), households.header.end(), column) -
                                             households.header.begin());
    EXPECT_NE(std::find(households.text_columns.begin(), households.text_columns.end(), at), households.text_columns.end())
        << column;
  }
}

TEST(SpreadsheetTemplate, NynorskHasNoBokmalOnlyWords) {
  for (TemplateKind kind : {TemplateKind::waitlist, TemplateKind::attendance, TemplateKind::group}) {
    const Workbook workbook = spreadsheet_template(kind, Language::nn);
    for (const WorkbookSheet& sheet : workbook.sheets) {
      std::vector<std::string> texts{sheet.name};
      for (const auto& row : sheet.rows) {
        for (const auto& cell : row) texts.push_back(cell.text);
      }
      for (const auto& input : sheet.inputs) texts.push_back(input.message);
      for (const std::string& text : texts) {
        EXPECT_EQ(paarorende::test::bokmal_words_in(text), std::vector<std::string>{}) << text;
      }
    }
  }
  // The evaluation workbook's nynorsk texts too.
  const EvaluationForm form = pilot_evaluation_form();
  const Workbook scores = to_workbook(
      score_evaluation(form, load_responses(support::source_dir / "examples/sandefjord_pilot/evaluation.csv", form)),
      Language::nn);
  for (const auto& row : scores.sheets.back().rows) {
    for (const auto& cell : row) EXPECT_EQ(paarorende::test::bokmal_words_in(cell.text), std::vector<std::string>{});
  }
  // The list finds what it is for.
  EXPECT_EQ(paarorende::test::bokmal_words_in(spreadsheet_template(TemplateKind::group, Language::nb).sheets.back().rows[0][0].text)
                .empty(),
            false);
}

TEST(SpreadsheetTemplate, EmptyTemplatesReadBackAsEmptyDocuments) {
  // Their headers are what the readers take: an unknown column would be an error here.
  TempDir dir;
  const auto waitlist = dir.path() / "waitlist.xlsx";
  write_workbook(spreadsheet_template(TemplateKind::waitlist, Language::nn), waitlist);
  const FormationRequest request = load_waitlist(waitlist);
  EXPECT_TRUE(request.waitlist.households.empty());
  EXPECT_TRUE(request.waitlist.places.empty());
  const auto group = dir.path() / "group.xlsx";
  write_workbook(spreadsheet_template(TemplateKind::group, Language::en), group);
  EXPECT_EQ(load_group(group).group.id, "group");
  const auto records = dir.path() / "records.xlsx";
  write_workbook(spreadsheet_template(TemplateKind::attendance, Language::nb), records);
  // No records at all is refused by the records' own rule, located in the sheet.
  try {
    load_attendance_records(records);
    ADD_FAILURE() << "no records were fitted";
  } catch (const InputError& error) {
    EXPECT_NE(error.where().find("sheet \"records\""), std::string::npos) << error.where();
    EXPECT_EQ(error.rule(), "G5");
  }
}

// --- whole documents from sheets, against their JSON twins ---

// The Valdres waitlist's sheets, as a coordinator's workbook holds them.
Workbook valdres_workbook(const FormationRequest& request) {
  const Json json = to_json(request);
  WorkbookSheet households{"households", {"id", "municipality", "school", "care_closes", "caregiver_1", "caregiver_2"},
                           {}, {}, 0, {}};
  std::size_t most_children = 0;
  for (const Json& h : json["households"]) most_children = std::max(most_children, h["children"].size());
  for (std::size_t n = 1; n <= most_children; ++n) {
    for (const char* field : {"stage", "grade", "condition", "rare_diagnosis"}) {
      households.header.push_back("child_" + std::to_string(n) + "_" + field);
    }
  }
  for (const Json& h : json["households"]) {
    std::vector<WorkbookCell> row{WorkbookCell::of(h["id"].get<std::string>()),
                                  WorkbookCell::of(h["municipality"].get<std::string>()),
                                  WorkbookCell::of(h["school"].get<std::string>()),
                                  WorkbookCell::of(h["care_closes"].get<std::string>())};
    for (std::size_t c = 0; c < 2; ++c) {
      row.push_back(c < h["caregivers"].size() ? WorkbookCell::of(h["caregivers"][c]["role"].get<std::string>())
                                               : WorkbookCell{});
    }
    for (const Json& child : h["children"]) {
      row.push_back(WorkbookCell::of(child["stage"].get<std::string>()));
      row.push_back(child.contains("grade") ? WorkbookCell::of(child["grade"].get<double>()) : WorkbookCell{});
      row.push_back(WorkbookCell::of(child["condition"].get<std::string>()));
      row.push_back(child.contains("rare_diagnosis") ? WorkbookCell::of(child["rare_diagnosis"].get<std::string>())
                                                     : WorkbookCell{});
    }
    households.rows.push_back(std::move(row));
  }
  WorkbookSheet places{"Places", {"id", "municipality", "latitude", "longitude", "venue"}, {}, {}, 0, {}};
  for (const Place& place : request.waitlist.places) {
    places.rows.push_back({WorkbookCell::of(place.id), WorkbookCell::of(place.municipality),
                           WorkbookCell::of(place.latitude), WorkbookCell::of(place.longitude),
                           WorkbookCell::boolean(place.venue)});
  }
  WorkbookSheet settings{"settings", {"setting", "value"}, {}, {}, 0, {}};
  settings.rows = {{WorkbookCell::of("id"), WorkbookCell::of(request.waitlist.id)},
                   {WorkbookCell::of("region"), WorkbookCell::of(std::string("valdres"))},
                   {WorkbookCell::of("target_participants"),
                    WorkbookCell::of(static_cast<double>(request.formation.target_participants))},
                   {WorkbookCell::of("seed"), WorkbookCell::of(static_cast<double>(request.formation.seed))},
                   {WorkbookCell::of("warn_minutes"), WorkbookCell::of(request.waitlist.travel.warn_minutes)},
                   {WorkbookCell::of("max_minutes"), WorkbookCell::of(request.waitlist.travel.max_minutes)}};
  // An instructions sheet in any language is not read.
  WorkbookSheet guide{"Rettleiing", {}, {{WorkbookCell::of("Fyll inn éi rad per hushald.")}}, {}, 0, {}};
  return Workbook{{guide, settings, households, places}, ""};
}

TEST(WorkbookDocuments, AWaitlistWorkbookIsItsJsonTwin) {
  const auto json_file = support::source_dir / "examples/valdres_groups/waitlist.json";
  const FormationRequest twin = load_waitlist(json_file);
  TempDir dir;
  const auto book = dir.path() / "waitlist.xlsx";
  write_workbook(valdres_workbook(twin), book);
  EXPECT_EQ(load_waitlist(book), twin);
  EXPECT_EQ(form_groups(load_waitlist(book)).groups.size(), form_groups(twin).groups.size());
}

TEST(WorkbookDocuments, ErrorsAtTheirSheetRowAndColumn) {
  const FormationRequest twin = load_waitlist(support::source_dir / "examples/valdres_groups/waitlist.json");
  TempDir dir;
  auto error_of = [&](auto change) {
    Workbook workbook = valdres_workbook(twin);
    change(workbook);
    const auto book = dir.path() / "w.xlsx";
    write_workbook(workbook, book);
    try {
      load_waitlist(book);
    } catch (const InputError& error) {
      return std::pair(error.where().substr(error.where().find("w.xlsx")), error.message());
    }
    return std::pair(std::string("accepted"), std::string());
  };
  // sheets: 0 guide, 1 settings, 2 households, 3 places
  auto [where, message] = error_of([](Workbook& w) { w.sheets[2].rows[4][6] = WorkbookCell::of("nursery"); });
  EXPECT_EQ(where, "w.xlsx: sheet \"households\", row 6, column 7 (child_1_stage)");
  EXPECT_NE(message.find("nursery"), std::string::npos);
  std::tie(where, message) = error_of([](Workbook& w) { w.sheets[3].rows[1][2] = WorkbookCell::of(95.0); });
  EXPECT_EQ(where, "w.xlsx: sheet \"Places\", row 3, column 3 (latitude)");
  std::tie(where, message) = error_of([](Workbook& w) { w.sheets[1].rows[5][1] = WorkbookCell::of(-1.0); });
  EXPECT_EQ(where, "w.xlsx: sheet \"settings\", row 7, column 2 (max_minutes)");
  std::tie(where, message) = error_of([](Workbook& w) { w.sheets[1].rows[0][0] = WorkbookCell::of("name"); });
  EXPECT_EQ(where, "w.xlsx: sheet \"settings\", row 2, column 1");
  EXPECT_NE(message.find("unknown setting \"name\""), std::string::npos);
  std::tie(where, message) = error_of([](Workbook& w) { w.sheets[2].header[5] = "caregiver_3_name"; });
  EXPECT_EQ(where, "w.xlsx: sheet \"households\", row 1, column 6");
  std::tie(where, message) = error_of([](Workbook& w) { w.sheets[2].rows[0][0] = WorkbookCell::of("v002"); });
  EXPECT_EQ(where, "w.xlsx: sheet \"households\", row 3, column 1 (id)");  // v002 again, below
  std::tie(where, message) = error_of([](Workbook& w) { w.sheets[2].name = "families"; });
  EXPECT_EQ(where, "w.xlsx: sheet \"families\"");  // a sheet not read is not dropped unseen
  EXPECT_NE(message.find("unknown sheet"), std::string::npos);
  std::tie(where, message) = error_of([](Workbook& w) { w.sheets.erase(w.sheets.begin() + 2); });
  EXPECT_EQ(where, "w.xlsx");
  EXPECT_NE(message.find("sheet named \"households\""), std::string::npos);
}

TEST(WorkbookDocuments, HouseholdsInCsvOverABaseDocument) {
  TempDir dir;
  const auto base = support::source_dir / "examples/valdres_groups/waitlist.json";
  const FormationRequest twin = load_waitlist(base);
  const auto csv = dir.write("households.csv",
                             "id;municipality;school;caregiver_1;child_1_stage;child_1_grade;child_1_condition\n"
                             "a1;3451;fagernes_skule;mother;primary;4;serious_illness\n"
                             "a2;3454;vang_skule;father;lower_secondary;9;severe_disability\n");
  const FormationRequest request = load_waitlist(csv, base);
  EXPECT_EQ(request.waitlist.places, twin.waitlist.places);
  EXPECT_EQ(request.waitlist.id, twin.waitlist.id);
  ASSERT_EQ(request.waitlist.households.size(), 2u);
  EXPECT_EQ(request.waitlist.households[1].school, "vang_skule");
  try {
    load_waitlist(csv);
    ADD_FAILURE() << "a CSV without its places was read";
  } catch (const InputError& error) {
    EXPECT_EQ(error.rule(), "C8");
    EXPECT_NE(error.message().find("--base WAITLIST.json"), std::string::npos);
  }
  const auto unknown =
      dir.write("h.csv", "id;school;caregiver_1;child_1_stage;child_1_condition\na1;nowhere;mother;primary;serious_illness\n");
  try {
    load_waitlist(unknown, base);
    ADD_FAILURE();
  } catch (const InputError& error) {
    EXPECT_EQ(error.where().substr(error.where().find("h.csv")), "h.csv: row 2, column 2 (school)");
  }
  // An error in the base is located in the base file, not in the table.
  const auto bad_base = dir.write("base.json", R"({"places": [{"id": "x", "latitude": 99, "longitude": 9}]})");
  try {
    load_waitlist(unknown, bad_base);
    ADD_FAILURE();
  } catch (const InputError& error) {
    EXPECT_EQ(error.where().substr(error.where().find("base.json")), "base.json:/places/0/latitude");
  }
  EXPECT_THROW(load_waitlist(base, base), InputError);  // a base is for a table
}

TEST(WorkbookDocuments, AGroupFromCsvHasTheDefaultRules) {
  TempDir dir;
  const auto csv = dir.write("g.csv", "id,caregiver_1,caregiver_2,child_1_stage,child_1_grade,child_1_condition\n"
                                      "h1,mother,father,primary,3,serious_illness\nh2,mother,,primary,4,life_limiting\n");
  const GroupDocument group = load_group(csv);
  EXPECT_EQ(group.group.id, "group");
  EXPECT_EQ(group.rules, GroupRules{});
  ASSERT_EQ(group.group.households.size(), 2u);
  EXPECT_EQ(group.group.households[0].caregivers.size(), 2u);
}

// --- result workbooks ---

TEST(ResultWorkbooks, EvaluationHiddenFiguresAreShadedEmptyCells) {
  const EvaluationForm form = pilot_evaluation_form();
  const auto responses = load_responses(support::source_dir / "examples/sandefjord_pilot/evaluation.csv", form);
  const EvaluationScores scores = score_evaluation(form, responses);
  const Workbook workbook = to_workbook(scores, Language::en);
  const WorkbookSheet& items = workbook.sheets.at(0);
  ASSERT_EQ(items.name, "scores");
  const auto column = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(items.header.begin(), items.header.end(), name) - items.header.begin());
  };
  std::size_t hidden = 0;
  for (std::size_t i = 0; i < scores.courses[0].items.size(); ++i) {
    const ItemScores& item = scores.courses[0].items[i];
    for (const char* figure : {"n", "mean", "sd", "median", "top_two", "share"}) {
      const WorkbookCell& cell = items.rows[i].at(column(figure));
      if (item.hidden_reason(figure)) {
        EXPECT_EQ(cell.kind, WorkbookCellKind::hidden) << item.item << " " << figure;
        ++hidden;
      } else {
        EXPECT_NE(cell.kind, WorkbookCellKind::hidden) << item.item << " " << figure;
      }
    }
    // The mean of a yes/no item does not apply: empty, not hidden.
    if (item.kind == ItemKind::yes_no) {
      EXPECT_EQ(items.rows[i].at(column("mean")).kind, WorkbookCellKind::empty);
    }
  }
  EXPECT_GT(hidden, 0u);
  // Read back, a hidden cell holds no value at all, and a shown one its figure.
  const XlsxSheet read = written_and_read(workbook, "scores");
  ASSERT_EQ(read.rows.size(), items.rows.size() + 1);
  std::size_t empty_read = 0;
  for (std::size_t r = 0; r < items.rows.size(); ++r) {
    const auto& cells = read.rows[r + 1].cells;
    for (std::size_t c = 0; c < items.rows[r].size(); ++c) {
      const bool holds = c < cells.size() && cells[c].kind != XlsxCellKind::empty;
      const WorkbookCellKind written = items.rows[r][c].kind;
      const bool has_value = written != WorkbookCellKind::hidden && written != WorkbookCellKind::empty &&
                             !(written == WorkbookCellKind::text && items.rows[r][c].text.empty());
      EXPECT_EQ(holds, has_value) << "row " << r + 2 << ", column " << c + 1;
      if (written == WorkbookCellKind::hidden && !holds) ++empty_read;
    }
  }
  EXPECT_EQ(empty_read, hidden);
}

TEST(ResultWorkbooks, GroupsWorkbookHasARowPerGroupAndHousehold) {
  const FormationRequest request = load_waitlist(support::source_dir / "examples/valdres_groups/waitlist.json");
  const FormationResult result = form_groups(request);
  const Workbook workbook = to_workbook(result, request.waitlist.id);
  ASSERT_EQ(workbook.sheets.size(), 5u);
  EXPECT_EQ(workbook.sheets[0].rows.size(), result.groups.size());
  std::size_t households = 0;
  for (const FormedGroup& group : result.groups) households += group.group.households.size();
  EXPECT_EQ(workbook.sheets[1].rows.size(), households);
  EXPECT_EQ(workbook.sheets[3].rows.size(), result.unassigned.size());
  EXPECT_NO_THROW(check_workbook(workbook));
}

}  // namespace
