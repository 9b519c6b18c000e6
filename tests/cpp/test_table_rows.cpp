// Households and attendance records from a table (io/table_rows.hpp): the same values as the JSON
// documents they mirror, read by the same readers, and every error at its row and column.
#include <gtest/gtest.h>

#include "fixtures.hpp"

#include <filesystem>
#include <string>

#include "paarorende/error.hpp"
#include "paarorende/io/attendance.hpp"
#include "paarorende/io/csv.hpp"
#include "paarorende/io/formation.hpp"
#include "paarorende/io/table_rows.hpp"

namespace {

using namespace paarorende;

const std::string waitlist_csv =
    "id;municipality;school;care_closes;waiting_since;caregiver_1;caregiver_2;child_1_stage;child_1_grade;"
    "child_1_condition;child_2_stage;child_2_age;child_2_condition;sibling_1_age\n"
    "h01;3451;fagernes_skule;16:30;2026-03-01;mother;father;lower_secondary;9;life_limiting;;;;12\n"
    "h02;3452;slidre_skule;;;father;;primary;3;severe_disability;kindergarten;4;serious_illness;\n";

Household expected_h01() {
  Household h;
  h.id = "h01";
  h.municipality = "3451";
  h.school = "fagernes_skule";
  h.care_closes = boost::posix_time::hours(16) + boost::posix_time::minutes(30);
  h.waiting_since = Date(2026, 3, 1);
  h.caregivers = {Caregiver{CaregiverRole::mother}, Caregiver{CaregiverRole::father}};
  Child child;
  child.stage = ChildStage::lower_secondary;
  child.grade = 9;
  child.condition = ConditionCategory::life_limiting;
  h.children = {child};
  h.siblings = {Sibling{12, std::nullopt}};
  return h;
}

std::string where_of(const std::function<void()>& read) {
  try {
    read();
  } catch (const InputError& error) {
    return error.where() + ": " + error.message();
  }
  return "no error";
}

TEST(table_rows, households_read_as_their_json_twins) {
  const std::vector<Household> households = households_from_table(read_csv(waitlist_csv));
  ASSERT_EQ(households.size(), 2u);
  EXPECT_EQ(households[0], expected_h01());
  // h02: the second child's cells make a second child; the empty sibling is not there.
  EXPECT_EQ(households[1].children.size(), 2u);
  EXPECT_EQ(households[1].children[1].age, 4);
  EXPECT_EQ(households[1].children[1].stage, ChildStage::kindergarten);
  EXPECT_TRUE(households[1].siblings.empty());
  EXPECT_FALSE(households[1].care_closes.has_value());
  const Json twin = Json::parse(R"({"id": "h01", "municipality": "3451", "school": "fagernes_skule",
      "care_closes": "16:30", "waiting_since": "2026-03-01", "caregivers": [{"role": "mother"}, {"role": "father"}],
      "children": [{"stage": "lower_secondary", "grade": 9, "condition": "life_limiting"}], "siblings": [{"age": 12}]})");
  EXPECT_EQ(households[0], household_from_json(twin, "", AttendanceProbabilities{}));
}

TEST(table_rows, errors_name_the_row_and_the_column) {
  // Each case is the header and one row (built by append: GCC 12 warns falsely on string + literal).
  const auto rows = [](const char* row) {
    std::string text = "id,school,caregiver_1,child_1_stage,child_1_grade,child_1_condition\n";
    text.append(row);
    return read_csv(text);
  };
  EXPECT_EQ(where_of([&] { households_from_table(rows("h1,s,mother,primary,9,life_limiting\n")); }),
            "row 2, column 5 (child_1_grade): grade 9 is not in primary");
  EXPECT_EQ(where_of([&] { households_from_table(rows("h1,s,mother,primary,two,life_limiting\n")); }),
            "row 2, column 5 (child_1_grade): expected a whole number, got \"two\"");
  EXPECT_EQ(where_of([&] { households_from_table(rows("h1,s,aunt,primary,2,life_limiting\n")); })
                .substr(0, 27),
            "row 2, column 3 (caregiver_");
  EXPECT_EQ(where_of([&] { households_from_table(rows("Kari Nordmann,s,mother,primary,2,life_limiting\n")); })
                .substr(0, 20),
            "row 2, column 1 (id)");
  EXPECT_EQ(where_of([&] { households_from_table(read_csv("id,name\nh1,Kari\n")); }).substr(0, 38),
            "row 1, column 2: unknown column \"name\"");
  // A pickup place that is not one of the waitlist's: at the school cell (check_waitlist).
  Waitlist base;
  base.id = "w";
  base.places = {Place{"fagernes_skule", "3451", 60.98, 9.23, true}};
  EXPECT_EQ(where_of([&] { waitlist_from_table(rows("h1,nowhere,mother,primary,2,life_limiting\n"), base); })
                .substr(0, 27),
            "row 2, column 2 (school): u");
  const Waitlist read = waitlist_from_table(rows("h1,fagernes_skule,mother,primary,2,life_limiting\n"), base);
  EXPECT_EQ(read.households.size(), 1u);
}

TEST(table_rows, attendance_records_as_their_json_twins_and_errors_at_cells) {
  const AttendanceRecords records =
      attendance_records_from_table(read_csv("household;session;present\nh01;1;2\nh01;2;1\nh02;1;0\n"));
  const AttendanceRecords twin = attendance_records_from_json(Json::parse(
      R"({"records": [{"household": "h01", "session": 1, "present": 2}, {"household": "h01", "session": 2, "present": 1},
                      {"household": "h02", "session": 1, "present": 0}]})"));
  EXPECT_EQ(records.records, twin.records);
  EXPECT_EQ(where_of([] { attendance_records_from_table(read_csv("household,session,present\nh01,1,3\n")); }),
            "row 2, column 3 (present): must be between 0 and 2, got 3");
  // A record given twice concerns the whole row: the row alone, no column.
  EXPECT_EQ(where_of([] { attendance_records_from_table(read_csv("household,session,present\nh01,1,1\nh01,1,2\n")); })
                .substr(0, 7),
            "row 3: ");
  // An empty required cell: at that cell, not at another of the row.
  EXPECT_EQ(where_of([] { attendance_records_from_table(read_csv("household,session,present,caregivers\nh01,1,,2\n")); }),
            "row 2, column 3 (present): missing required field \"present\"");
  EXPECT_EQ(where_of([] { attendance_records_from_table(read_csv("household,session\nh01,1\n")); }),
            "row 1, column 3: missing column \"present\"");
  EXPECT_EQ(where_of([] { attendance_records_from_table(read_csv("household,session,present\nh01,1,1,2\n")); }),
            "row 2, column 4: a cell beyond the header's 3 columns");
}

// A coordinator's spreadsheet of the pilot's records, as CSV and as a workbook, reads as the JSON.
TEST(table_rows, attendance_files_in_every_format_read_alike) {
  const std::filesystem::path corpus = paarorende::test_support::source_dir / "tests/fuzz/corpus/attendance-records";
  const AttendanceRecords json = load_attendance_records(corpus / "sandefjord-pilot.json");
  EXPECT_EQ(load_attendance_records(corpus / "sandefjord-pilot.csv").records, json.records);
  EXPECT_EQ(load_attendance_records(corpus / "sandefjord-pilot.xlsx").records, json.records);
  const std::string bad = where_of([] {
    load_attendance_records(paarorende::test_support::source_dir /
                            "tests/bad_inputs/attendance-records/present-three-in-a-spreadsheet.csv");
  });
  const std::string tail = "present-three-in-a-spreadsheet.csv: row 5, column 3 (present): must be between 0 and 2, got 3";
  ASSERT_GE(bad.size(), tail.size());
  EXPECT_EQ(bad.substr(bad.size() - tail.size()), tail);  // after the file's path
}

TEST(table_rows, a_whole_row_error_names_the_row_and_two_spellings_of_a_column_are_refused) {
  Waitlist base;
  base.places = {Place{"fagernes_skule", "3451", 60.98, 9.23, true}};
  const std::string no_school = where_of([&] {
    waitlist_from_table(read_csv("id,school,caregiver_1,child_1_stage,child_1_condition\nh1,,mother,primary,life_limiting\n"),
                        base);
  });
  EXPECT_EQ(no_school.substr(0, 7), "row 2: ") << no_school;
  EXPECT_EQ(where_of([] { households_from_table(read_csv("id,child_01_stage,child_1_stage\nh1,primary,primary\n")); }),
            "row 1, column 3: column \"child_1_stage\" appears twice");
  EXPECT_EQ(where_of([] { households_from_table(read_csv("id,caregiver_1,caregiver_1_role\nh1,mother,father\n")); }),
            "row 1, column 3: column \"caregiver_1_role\" appears twice");
  const std::vector<Household> households = households_from_table(
      read_csv("ID,Caregiver 1 role,Child 1 stage,Child 1 condition\nh1,father,primary,life_limiting\n"));
  ASSERT_EQ(households.size(), 1u);
  EXPECT_EQ(households[0].fathers(), 1);
}

}  // namespace
