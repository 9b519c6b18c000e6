// The .xlsx reader (paarorende/io/xlsx.hpp): workbooks made by openpyxl and written part by part
// (tests/data/make_workbooks.py).
#include <gtest/gtest.h>

#include <string>

#include "detail/file.hpp"
#include "fixtures.hpp"
#include "paarorende/io/xlsx.hpp"

namespace paarorende {
namespace {

using test_support::expect_located_input_error;

std::string xlsx_fixture(const std::string& name) {
  return detail::read_file(test_support::source_dir / "tests" / "data" / "xlsx" / name);
}

std::vector<std::string> cell_texts(const XlsxRow& row) {
  std::vector<std::string> out;
  for (const auto& cell : row.cells) out.push_back(cell.text);
  return out;
}

TEST(xlsx, reads_text_numbers_booleans_and_dates_as_openpyxl_writes_them) {
  const XlsxSheet sheet = read_xlsx(xlsx_fixture("openpyxl-types.xlsx"));
  EXPECT_EQ(sheet.name, "Ark1");
  EXPECT_FALSE(sheet.date1904);
  ASSERT_EQ(sheet.rows.size(), 2U);
  EXPECT_EQ(sheet.rows[0].row, 1U);
  EXPECT_EQ(cell_texts(sheet.rows[0]), (std::vector<std::string>{"tekst", "4", "4.5", "TRUE", "2019-11-05",
                                                             "2019-11-05 14:30", "2019-11-05"}));
  const auto& cells = sheet.rows[0].cells;
  EXPECT_EQ(cells[0].kind, XlsxCellKind::text);
  EXPECT_EQ(cells[1].kind, XlsxCellKind::number);
  EXPECT_EQ(cells[1].number, 4.0);
  EXPECT_EQ(cells[3].kind, XlsxCellKind::boolean);
  EXPECT_EQ(cells[4].kind, XlsxCellKind::date);
  EXPECT_EQ(cells[4].date, Date(2019, 11, 5));
  EXPECT_EQ(cells[6].date, Date(2019, 11, 5));  // a custom format, dd.mm.yyyy
  // Row 2 is empty and left out; row 3's missing B3 is an empty cell.
  EXPECT_EQ(sheet.rows[1].row, 3U);
  EXPECT_EQ(cell_texts(sheet.rows[1]), (std::vector<std::string>{"etter en tom rad", "", "FALSE"}));
  EXPECT_EQ(sheet.rows[1].cells[1].kind, XlsxCellKind::empty);
}

TEST(xlsx, reads_a_sheet_by_name_and_lists_the_sheets) {
  const std::string bytes = xlsx_fixture("openpyxl-types.xlsx");
  EXPECT_EQ(xlsx_sheet_names(bytes), (std::vector<std::string>{"Ark1", "Svar"}));
  const XlsxSheet sheet = read_xlsx(bytes, "Svar");
  ASSERT_EQ(sheet.rows.size(), 1U);
  EXPECT_EQ(cell_texts(sheet.rows[0]), (std::vector<std::string>{"andre ark"}));
}

TEST(xlsx, reads_shared_rich_and_inline_strings_builtin_and_custom_formats) {
  const XlsxSheet sheet = read_xlsx(xlsx_fixture("handmade-1900.xlsx"));
  ASSERT_EQ(sheet.rows.size(), 3U);
  // The phonetic hint of a rich-text string is not its text.
  EXPECT_EQ(cell_texts(sheet.rows[0]), (std::vector<std::string>{"Svært bra", "rik tekst", "inline"}));
  // Cells without a reference follow each other; format 14 is a date, 164 "d. mmmm yyyy" too,
  // 165 `0" dager"` a number (the d is quoted text).
  EXPECT_EQ(cell_texts(sheet.rows[1]), (std::vector<std::string>{"1900-01-01", "2014-12-27", "7", "TRUE", "formel"}));
  EXPECT_EQ(sheet.rows[2].row, 4U);
  EXPECT_EQ(cell_texts(sheet.rows[2]), (std::vector<std::string>{"", "", "#N/A"}));
}

TEST(xlsx, counts_days_from_1904_when_the_workbook_says_so) {
  const XlsxSheet sheet = read_xlsx(xlsx_fixture("handmade-1904.xlsx"));
  EXPECT_TRUE(sheet.date1904);
  EXPECT_EQ(sheet.rows[1].cells[0].date, Date(1904, 1, 2));
  EXPECT_EQ(sheet.rows[1].cells[1].date, Date(2018, 12, 28));
}

TEST(xlsx, a_table_of_the_sheet_pads_rows_and_keeps_row_numbers) {
  const CsvTable table = to_csv_table(read_xlsx(xlsx_fixture("openpyxl-types.xlsx")));
  ASSERT_EQ(table.rows.size(), 2U);
  EXPECT_EQ(table.rows[1].row, 3U);
  EXPECT_EQ(table.rows[1].fields.size(), 7U);
}

TEST(xlsx, refuses_what_is_not_a_workbook) {
  expect_located_input_error([] { read_xlsx("dato,skole\n"); }, "", "not an Excel workbook (.xlsx): the file is not a zip archive");
  expect_located_input_error([] { read_xlsx(std::string("PK\x03\x04 broken", 11)); }, "",
                     "not an Excel workbook (.xlsx): the zip archive cannot be read");
}

TEST(xlsx, refuses_a_sheet_that_is_not_there) {
  const std::string bytes = xlsx_fixture("openpyxl-types.xlsx");
  expect_located_input_error([&] { read_xlsx(bytes, "Ark9"); }, "sheet \"Ark9\"",
                     "the workbook has no such sheet (it has \"Ark1\", \"Svar\")");
}

TEST(xlsx, relocates_a_table_readers_errors_into_the_sheet) {
  const XlsxSheet sheet = read_xlsx(xlsx_fixture("openpyxl-types.xlsx"));
  expect_located_input_error(
      [&] {
        read_sheet_as_table(sheet, [](const CsvTable&) -> int {
          throw InputError("E1", "bad", "row 3, column 2");
        });
      },
      "sheet \"Ark1\", row 3, column 2", "bad");
}

}  // namespace
}  // namespace paarorende
