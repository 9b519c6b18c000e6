// The JSON documents as a specification: what the writers write the readers read back to an equal
// value, and the readers are strict, every error located by a JSON pointer, by line and column,
// or by file.
#include <gtest/gtest.h>

#include "fixtures.hpp"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

#include "io/json_reader.hpp"
#include "paarorende/error.hpp"
#include "paarorende/json.hpp"
#include "paarorende/schedule.hpp"

namespace {

using namespace paarorende;
using namespace paarorende::test_support;
namespace fs = std::filesystem;

CourseRequest json_pilot_request() {
  return pilot_course_request(two_school_years());
}

InputError calendar_error(const std::string& text) {
  return input_error([&] { school_calendar_from_json(parse_json(text)); });
}

// ---------------------------------------------------------------------------------------------
// Parsing: line and column, BOM, UTF-8, size

TEST(parse_json, reads_a_document) {
  EXPECT_EQ(parse_json(R"({"a": [1, "b"]})"), (Json{{"a", {1, "b"}}}));
}

// The '}' where a value should be is on line 3, column 8.
TEST(parse_json, syntax_error_is_located_by_line_and_column) {
  const InputError error = input_error([] { parse_json("{\n  \"a\": 1,\n  \"b\": }"); });
  EXPECT_EQ(error.where(), "line 3, column 8");
  EXPECT_EQ(
      error.message(),
      "invalid JSON: syntax error while parsing value - unexpected '}'; expected '[', '{', or "
      "a literal");
  EXPECT_EQ(error.rule(), "");
}

// Columns count characters, not bytes: "ø" is two bytes but one column, so the stray x is in
// column 19, not 20.
TEST(parse_json, columns_count_characters_not_bytes) {
  const InputError error = input_error([] { parse_json(R"({"kommune": "Bø", x})"); });
  EXPECT_EQ(error.where(), "line 1, column 19");
}

TEST(parse_json, truncated_document_is_located_at_its_end) {
  const InputError error = input_error([] { parse_json("{\"a\": 1"); });
  EXPECT_EQ(error.where(), "line 1, column 7");
  EXPECT_EQ(
      error.message(),
      "invalid JSON: syntax error while parsing object - unexpected end of input; expected '}'");
}

// Some editors write a UTF-8 byte order mark; it is not an error, and does not shift columns.
TEST(parse_json, utf8_byte_order_mark_is_accepted) {
  EXPECT_EQ(parse_json("\xEF\xBB\xBF{\"kommune\": \"Bø\"}"), (Json{{"kommune", "Bø"}}));
  EXPECT_EQ(input_error([] { parse_json("\xEF\xBB\xBF{x}"); }).where(), "line 1, column 2");
}

// 0xC3 (column 12) starts a two-byte character; the '(' in column 13 cannot continue it, and that
// is where the error is found.
TEST(parse_json, invalid_utf8_is_rejected) {
  const InputError error = input_error([] { parse_json("{\"navn\": \"B\xC3\x28\"}"); });
  EXPECT_EQ(error.where(), "line 1, column 13");
  EXPECT_EQ(
      error.message().rfind("invalid JSON: syntax error while parsing value - invalid string: "
                            "ill-formed UTF-8 byte",
                            0),
      0u)
      << error.message();
}

TEST(parse_json, lone_continuation_byte_is_rejected) {
  EXPECT_THROW(parse_json("{\"navn\": \"\x80\"}"), InputError);
}

TEST(parse_json, documents_beyond_the_size_limit_are_refused) {
  const std::string text(max_document_bytes + 1, ' ');
  const InputError error = input_error([&] { parse_json(text); });
  EXPECT_EQ(error.message(), "document of 16777217 bytes exceeds the limit of 16777216");
}

// ---------------------------------------------------------------------------------------------
// School calendars (DOMAIN X2)

TEST(school_calendar_json, round_trips) {
  const SchoolCalendar calendar = two_school_years();
  EXPECT_EQ(school_calendar_from_json(to_json(calendar)), calendar);
  SchoolCalendar plain = calendar;
  plain.example_data = false;
  plain.note.clear();
  EXPECT_EQ(school_calendar_from_json(to_json(plain)), plain);
}

TEST(school_calendar_json, writes_iso_dates) {
  const Json json = to_json(two_school_years());
  EXPECT_EQ(json["school_years"][0]["first_day"], "2019-08-19");
  EXPECT_EQ(json["school_years"][0]["holidays"][1],
            (Json{{"name", "Juleferie"}, {"first", "2019-12-20"}, {"last", "2020-01-01"}}));
}

TEST(school_calendar_json, reads_the_example_calendar) {
  const SchoolCalendar calendar =
      load_school_calendar(source_dir / "examples/calendars/sandefjord-school-holidays.json");
  EXPECT_EQ(calendar.municipality, "Sandefjord");
  EXPECT_TRUE(calendar.example_data);
  ASSERT_EQ(calendar.years.size(), 3u);
  EXPECT_EQ(calendar.years[0].holidays[2],
            (SchoolHoliday{"Vinterferie", Date(2020, 2, 24), Date(2020, 2, 28)}));
}

TEST(school_calendar_json, wrong_type_is_located_by_pointer) {
  EXPECT_EQ(located(calendar_error(R"({"municipality": 5, "school_years": []})")),
            (Located{"/municipality", "expected a string, got an integer"}));
}

TEST(school_calendar_json, document_that_is_not_an_object_is_located_at_the_root) {
  EXPECT_EQ(located(calendar_error("[]")), (Located{"/", "expected an object, got an array"}));
}

TEST(school_calendar_json, missing_required_field_is_located_at_its_object) {
  EXPECT_EQ(located(calendar_error(R"({"school_years": []})")),
            (Located{"/", "missing required field \"municipality\""}));
  EXPECT_EQ(located(calendar_error(R"({"municipality": "X", "school_years": [
      {"label": "2019-2020", "first_day": "2019-08-19", "last_day": "2020-06-19",
       "holidays": [{"name": "Høstferie", "first": "2019-09-30"}]}]})")),
            (Located{"/school_years/0/holidays/0", "missing required field \"last\""}));
}

// Unknown fields are errors, never dropped: a misspelt field would otherwise go unnoticed.
TEST(school_calendar_json, unknown_field_is_located_at_the_field) {
  EXPECT_EQ(located(calendar_error(R"({"municipality": "X", "school_years": [], "kommune": "Y"})")),
            (Located{"/kommune", "unknown field \"kommune\""}));
  EXPECT_EQ(located(calendar_error(R"({"municipality": "X", "school_years": [
      {"label": "2019-2020", "first_day": "2019-08-19", "last_day": "2020-06-19",
       "holidays": [{"name": "Høstferie", "first": "2019-09-30", "last": "2019-10-04",
                     "type": "autumn"}]}]})")),
            (Located{"/school_years/0/holidays/0/type", "unknown field \"type\""}));
}

// RFC 6901: "/" in a key is written "~1" and "~" is written "~0".
TEST(school_calendar_json, unknown_field_pointer_escapes_slash_and_tilde) {
  EXPECT_EQ(calendar_error(R"({"municipality": "X", "school_years": [], "a/b": 1})").where(),
            "/a~1b");
  EXPECT_EQ(calendar_error(R"({"municipality": "X", "school_years": [], "a~b": 1})").where(),
            "/a~0b");
}

TEST(school_calendar_json, schema_reference_is_allowed_at_the_top) {
  EXPECT_NO_THROW(school_calendar_from_json(
      parse_json(R"({"$schema": "x.json", "municipality": "X", "school_years": []})")));
}

TEST(school_calendar_json, impossible_date_is_rejected) {
  EXPECT_EQ(located(calendar_error(R"({"municipality": "X", "school_years": [
      {"label": "2018-2019", "first_day": "2019-02-30", "last_day": "2019-06-19", "holidays": []}]})")),
            (Located{"/school_years/0/first_day", "\"2019-02-30\" is not a calendar date"}));
}

// DOMAIN X2: the years are in order and do not overlap.
TEST(school_calendar_json, overlapping_school_years_are_an_x2_error) {
  const InputError error = calendar_error(R"({"municipality": "X", "school_years": [
      {"label": "2019-2020", "first_day": "2019-08-19", "last_day": "2020-06-19", "holidays": []},
      {"label": "2020-2021", "first_day": "2020-06-19", "last_day": "2021-06-18", "holidays": []}]})");
  EXPECT_EQ(error.rule(), "X2");
  EXPECT_EQ(located(error), (Located{"/school_years/1/first_day",
                                     "school years must be in order and must not overlap"}));
}

TEST(school_calendar_json, school_year_ending_before_it_begins_is_an_x2_error) {
  const InputError error = calendar_error(R"({"municipality": "X", "school_years": [
      {"label": "2019-2020", "first_day": "2020-08-19", "last_day": "2020-06-19", "holidays": []}]})");
  EXPECT_EQ(error.rule(), "X2");
  EXPECT_EQ(located(error),
            (Located{"/school_years/0/last_day", "the school year ends before it begins"}));
}

TEST(school_calendar_json, holiday_ending_before_it_begins_is_an_x2_error) {
  const InputError error = calendar_error(R"({"municipality": "X", "school_years": [
      {"label": "2019-2020", "first_day": "2019-08-19", "last_day": "2020-06-19",
       "holidays": [{"name": "Høstferie", "first": "2019-10-04", "last": "2019-09-30"}]}]})");
  EXPECT_EQ(error.rule(), "X2");
  EXPECT_EQ(located(error),
            (Located{"/school_years/0/holidays/0/last", "the holiday ends before it begins"}));
}

// ---------------------------------------------------------------------------------------------
// Course requests

TEST(course_request_json, round_trips) {
  const CourseRequest request = json_pilot_request();
  EXPECT_EQ(course_request_from_json(to_json(request)), request);
}

TEST(course_request_json, round_trips_every_field) {
  CourseRequest request;
  request.title = "Kurs, høst; \"pilot\"";
  request.municipality = "Vestre Slidre";
  request.earliest_date = Date(2020, 1, 2);
  request.weekday = boost::date_time::Wednesday;
  request.sessions = 6;
  request.cadence_weeks = 2;
  request.session_minutes = 120;
  request.introduction_minutes = 45;
  request.care_closes = ClockTime(17, 0, 0);
  request.travel_minutes = 12;
  request.earliest_start = ClockTime(13, 30, 0);
  request.venue = {"Grendehuset", "Bygdevegen 2"};
  request.move_policy = MovePolicy::shift_following;
  request.school_calendar = two_school_years();
  request.rules.min_sessions = 4;
  request.rules.max_sessions = 8;
  request.rules.cadences_weeks = {1, 2, 3};
  request.rules.session_minutes = 120;
  request.rules.introduction_minutes = 40;
  request.travel = {20, 45};
  request.rules.start_step_minutes = 15;
  request.rules.max_move_weeks = 4;
  EXPECT_EQ(course_request_from_json(to_json(request)), request);
}

// Fields left out take the model's defaults (DOMAIN C1-C4).
TEST(course_request_json, absent_fields_take_the_defaults) {
  CourseRequest expected;
  expected.first_date = Date(2019, 11, 5);
  EXPECT_EQ(course_request_from_json(parse_json(R"({"first_date": "2019-11-05"})")), expected);
}

TEST(course_request_json, wrong_type_is_located_by_pointer) {
  EXPECT_EQ(located(request_error(R"({"first_date": "2019-11-05", "sessions": "5"})")),
            (Located{"/sessions", "expected an integer, got a string"}));
}

TEST(course_request_json, number_out_of_range_is_located_by_pointer) {
  EXPECT_EQ(located(request_error(R"({"first_date": "2019-11-05", "cadence_weeks": 13})")),
            (Located{"/cadence_weeks", "must be between 1 and 12, got 13"}));
}

TEST(course_request_json, every_out_of_range_number_is_reported_with_its_value) {
  EXPECT_EQ(request_error(R"({"first_date": "2019-11-05", "cadence_weeks": 0})").message(),
            "must be between 1 and 12, got 0");
  EXPECT_EQ(request_error(R"({"first_date": "2019-11-05", "cadence_weeks": -1})").message(),
            "must be between 1 and 12, got -1");
  EXPECT_EQ(request_error(R"({"first_date": "2019-11-05", "cadence_weeks": 18446744073709551615})")
                .message(),
            "must be between 1 and 12, got 18446744073709551615");
}

TEST(course_request_json, fraction_where_an_integer_is_due_is_rejected) {
  EXPECT_EQ(located(request_error(R"({"first_date": "2019-11-05", "sessions": 5.0})")),
            (Located{"/sessions", "expected an integer, got a number"}));
}

TEST(course_request_json, unknown_field_is_located_at_the_field) {
  EXPECT_EQ(located(request_error(R"({"first_date": "2019-11-05", "sesions": 5})")),
            (Located{"/sesions", "unknown field \"sesions\""}));
}

TEST(course_request_json, unknown_nested_field_is_located_at_the_field) {
  EXPECT_EQ(request_error(R"({"first_date": "2019-11-05", "venue": {"name": "A", "adresse": "B"}})")
                .where(),
            "/venue/adresse");
  EXPECT_EQ(request_error(R"({"first_date": "2019-11-05", "rules": {"max_session": 6}})").where(),
            "/rules/max_session");
}

TEST(course_request_json, impossible_date_is_rejected) {
  EXPECT_EQ(located(request_error(R"({"first_date": "2019-02-30"})")),
            (Located{"/first_date", "\"2019-02-30\" is not a calendar date"}));
}

TEST(course_request_json, leap_day_is_a_date) {
  EXPECT_EQ(course_request_from_json(parse_json(R"({"first_date": "2024-02-29"})")).first_date,
            Date(2024, 2, 29));
  EXPECT_EQ(request_error(R"({"first_date": "2023-02-29"})").message(),
            "\"2023-02-29\" is not a calendar date");
}

TEST(course_request_json, date_not_written_yyyy_mm_dd_is_rejected) {
  EXPECT_EQ(located(request_error(R"({"first_date": "5.11.2019"})")),
            (Located{"/first_date", "expected a date as YYYY-MM-DD, got \"5.11.2019\""}));
}

TEST(course_request_json, impossible_clock_time_is_rejected) {
  EXPECT_EQ(
      located(request_error(R"({"first_date": "2019-11-05", "care_closes": "25:00"})")),
      (Located{"/care_closes", "expected a time of day as HH:MM (00:00-23:59), got \"25:00\""}));
  EXPECT_EQ(request_error(R"({"first_date": "2019-11-05", "earliest_start": "14.00"})").where(),
            "/earliest_start");
}

TEST(course_request_json, both_first_date_and_earliest_date_are_rejected) {
  EXPECT_EQ(
      located(request_error(R"({"first_date": "2019-11-05", "earliest_date": "2019-11-01"})")),
      (Located{"/earliest_date", "give exactly one of first_date and earliest_date"}));
}

TEST(course_request_json, neither_first_date_nor_earliest_date_is_rejected) {
  EXPECT_EQ(located(request_error(R"({"sessions": 5})")),
            (Located{"/first_date", "give exactly one of first_date and earliest_date"}));
}

TEST(course_request_json, weekday_must_be_an_english_weekday_name) {
  EXPECT_EQ(
      located(request_error(R"({"earliest_date": "2019-11-01", "weekday": "tirsdag"})")),
      (Located{"/weekday", "expected a weekday (monday, tuesday, ..., sunday), got \"tirsdag\""}));
}

TEST(course_request_json, weekday_must_match_first_date) {
  EXPECT_EQ(located(request_error(R"({"first_date": "2019-11-05", "weekday": "monday"})")),
            (Located{"/weekday", "first_date is a Tuesday, not a Monday"}));
}

TEST(course_request_json, unknown_move_policy_is_rejected) {
  EXPECT_EQ(located(request_error(R"({"first_date": "2019-11-05", "move_policy": "skip"})")),
            (Located{"/move_policy",
                     "expected \"next_open_week\" or \"shift_following\", got \"skip\""}));
}

// DOMAIN X2: an inline school calendar is checked like a stand-alone one, located inside the
// request.
TEST(course_request_json, inline_school_calendar_errors_are_located_inside_the_request) {
  const InputError error = request_error(R"({"first_date": "2019-11-05", "school_calendar": {
      "municipality": "X", "school_years": [
        {"label": "2019-2020", "first_day": "2019-08-19", "last_day": "2020-06-19", "holidays": []},
        {"label": "2020-2021", "first_day": "2020-01-01", "last_day": "2021-06-18", "holidays": []}]}})");
  EXPECT_EQ(error.rule(), "X2");
  EXPECT_EQ(error.where(), "/school_calendar/school_years/1/first_day");
}

// ---------------------------------------------------------------------------------------------
// Course schedules

TEST(course_schedule_json, round_trips_a_planned_schedule_with_moves) {
  const CourseSchedule schedule = plan_course(json_pilot_request());
  ASSERT_TRUE(schedule.sessions[2].moved_from.has_value());
  EXPECT_EQ(course_schedule_from_json(to_json(schedule)), schedule);
}

TEST(course_schedule_json, round_trips_findings_of_every_severity) {
  CourseRequest request = json_pilot_request();
  request.school_calendar.reset();  // an X2 warning
  request.sessions = 4;             // a C1 warning
  const CourseSchedule schedule = plan_course(request);
  ASSERT_GE(schedule.findings.size(), 2u);
  EXPECT_EQ(course_schedule_from_json(to_json(schedule)), schedule);
}

// DOMAIN X3: sessions are written as Oslo wall-clock dates and times.
TEST(course_schedule_json, writes_sessions_in_oslo_wall_clock_time) {
  const Json json = to_json(plan_course(json_pilot_request()));
  EXPECT_EQ(json["timezone"], "Europe/Oslo");
  const Json& third = json["sessions"][2];
  EXPECT_EQ(third["number"], 3);
  EXPECT_EQ(third["date"], "2020-01-07");
  EXPECT_EQ(third["weekday"], "tuesday");
  EXPECT_EQ(third["start"], "15:00");
  EXPECT_EQ(third["end"], "16:30");
  EXPECT_EQ(third["moved_from"], "2019-12-31");
  EXPECT_EQ(third["move_reason"],
            (Json{{"kind", "school_holiday"}, {"rule", "X2"}, {"name", "Juleferie"}}));
  EXPECT_EQ(third["agenda"][2]["start"], "15:30");
  EXPECT_EQ(third["agenda"][2]["end"], "16:30");
}

// DOMAIN X3: times are Europe/Oslo local time and nothing else.
TEST(course_schedule_json, other_time_zone_is_an_x3_error) {
  Json json = to_json(plan_course(json_pilot_request()));
  json["timezone"] = "Europe/Stockholm";
  const InputError error = input_error([&] { course_schedule_from_json(json); });
  EXPECT_EQ(error.rule(), "X3");
  EXPECT_EQ(located(error), (Located{"/timezone", "times are Europe/Oslo local time"}));
}

TEST(course_schedule_json, session_errors_are_located_in_their_session) {
  Json json = to_json(plan_course(json_pilot_request()));
  json["sessions"][2]["weekday"] = "monday";
  EXPECT_EQ(input_error([&] { course_schedule_from_json(json); }).where(), "/sessions/2/weekday");
  json = to_json(plan_course(json_pilot_request()));
  json["sessions"][1]["room"] = "B12";
  EXPECT_EQ(located(input_error([&] { course_schedule_from_json(json); })),
            (Located{"/sessions/1/room", "unknown field \"room\""}));
}

TEST(course_schedule_json, request_errors_are_located_inside_the_request) {
  Json json = to_json(plan_course(json_pilot_request()));
  json["request"]["care_closes"] = "25:00";
  EXPECT_EQ(input_error([&] { course_schedule_from_json(json); }).where(), "/request/care_closes");
  json = to_json(plan_course(json_pilot_request()));
  json["request"]["earliest_date"] = "2019-11-01";
  EXPECT_EQ(input_error([&] { course_schedule_from_json(json); }).where(),
            "/request/earliest_date");
}

TEST(course_schedule_json, unknown_severity_is_rejected) {
  Json json = to_json(plan_course(json_pilot_request()));
  json["findings"][0]["severity"] = "fatal";
  EXPECT_EQ(located(input_error([&] { course_schedule_from_json(json); })),
            (Located{"/findings/0/severity",
                     "expected \"info\", \"warning\" or \"error\", got \"fatal\""}));
}

// A read schedule validates like the planned one it was written from.
TEST(course_schedule_json, read_schedule_validates_like_the_original) {
  const CourseSchedule schedule = plan_course(json_pilot_request());
  EXPECT_EQ(validate(course_schedule_from_json(to_json(schedule))), validate(schedule));
}

// ---------------------------------------------------------------------------------------------
// Files: references resolved relative to the file, errors located in the file

// DOMAIN X2: the pilot's request names its school calendar by a path relative to itself.
TEST(load_course_request, resolves_a_relative_school_calendar_file) {
  const CourseRequest request =
      load_course_request(source_dir / "examples/sandefjord_pilot/course.json");
  ASSERT_TRUE(request.school_calendar.has_value());
  EXPECT_EQ(
      *request.school_calendar,
      load_school_calendar(source_dir / "examples/calendars/sandefjord-school-holidays.json"));
  EXPECT_EQ(request.first_date, Date(2019, 11, 5));
}

TEST(load_course_request, resolves_the_calendar_whatever_the_working_directory) {
  TempDir dir;
  dir.write("calendars/kalender.json", to_json(two_school_years()).dump());
  const fs::path file =
      dir.write("kurs/request.json",
                R"({"first_date": "2019-11-05", "school_calendar": "../calendars/kalender.json"})");
  EXPECT_EQ(load_course_request(file).school_calendar, two_school_years());
}

TEST(load_course_request, errors_are_located_in_the_file_by_pointer) {
  TempDir dir;
  const fs::path file =
      dir.write("request.json", R"({"first_date": "2019-11-05", "sessions": "5"})");
  const InputError error = input_error([&] { load_course_request(file); });
  EXPECT_EQ(located(error),
            (Located{file.string() + ":/sessions", "expected an integer, got a string"}));
  EXPECT_EQ(std::string(error.what()),
            file.string() + ":/sessions: expected an integer, got a string");
}

TEST(load_course_request, cross_field_errors_are_located_in_the_file) {
  TempDir dir;
  const fs::path file = dir.write("request.json", R"({"sessions": 5})");
  EXPECT_EQ(input_error([&] { load_course_request(file); }).where(),
            file.string() + ":/first_date");
}

// An unquoted date reads as the number 2019 followed by the number -11, which ends in column 23 of
// line 2, where a ',' or '}' was due.
TEST(load_course_request, syntax_errors_are_located_in_the_file_by_line_and_column) {
  TempDir dir;
  const fs::path file = dir.write("request.json", "{\n  \"first_date\": 2019-11-05\n}");
  EXPECT_EQ(
      located(input_error([&] { load_course_request(file); })),
      (Located{
          file.string() + ": line 2, column 23",
          "invalid JSON: syntax error while parsing object - unexpected number literal; expected "
          "'}'"}));
}

TEST(load_course_request, missing_file_is_named) {
  TempDir dir;
  const fs::path file = dir.path() / "nowhere.json";
  EXPECT_EQ(located(input_error([&] { load_course_request(file); })),
            (Located{file.string(), "cannot open the file"}));
}

// DOMAIN X2: an error in the referenced calendar is located in the calendar's file.
TEST(load_course_request, errors_in_the_referenced_calendar_are_located_in_its_file) {
  TempDir dir;
  const fs::path calendar = dir.write("kalender.json", R"({"municipality": "X", "school_years": [
      {"label": "2019-2020", "first_day": "2019-02-30", "last_day": "2020-06-19", "holidays": []}]})");
  const fs::path request = dir.write(
      "request.json", R"({"first_date": "2019-11-05", "school_calendar": "kalender.json"})");
  EXPECT_EQ(located(input_error([&] { load_course_request(request); })),
            (Located{calendar.string() + ":/school_years/0/first_day",
                     "\"2019-02-30\" is not a calendar date"}));
}

TEST(load_course_request, missing_calendar_file_is_named) {
  TempDir dir;
  const fs::path request = dir.write(
      "request.json", R"({"first_date": "2019-11-05", "school_calendar": "nowhere.json"})");
  EXPECT_EQ(located(input_error([&] { load_course_request(request); })),
            (Located{(dir.path() / "nowhere.json").string(), "cannot open the file"}));
}

TEST(load_school_calendar, errors_are_located_in_the_file) {
  TempDir dir;
  const fs::path file = dir.write("kalender.json", R"({"municipality": "X", "school_years": 1})");
  EXPECT_EQ(located(input_error([&] { load_school_calendar(file); })),
            (Located{file.string() + ":/school_years", "expected an array, got an integer"}));
}

TEST(load_course_schedule, reads_back_a_written_schedule) {
  TempDir dir;
  const CourseSchedule schedule = plan_course(json_pilot_request());
  const fs::path file = dir.write("plan.json", to_json(schedule).dump(2));
  EXPECT_EQ(load_course_schedule(file), schedule);
}

// ---------------------------------------------------------------------------------------------
// Other writers

TEST(public_holiday_json, writes_date_and_every_languages_name) {
  EXPECT_EQ(to_json(PublicHoliday{Date(2020, 5, 17), "Grunnlovsdag", "Constitution Day", "Grunnlovsdagen"}),
            (Json{{"date", "2020-05-17"},
                  {"name", "Grunnlovsdag"},
                  {"name_en", "Constitution Day"},
                  {"name_nn", "Grunnlovsdagen"}}));
  EXPECT_EQ(to_json(public_holidays(2020)).size(), 12u);
}

TEST(violation_json, writes_rule_severity_message_and_session) {
  EXPECT_EQ(to_json(Violation{"C9", Severity::warning, "session 5 serves no food on arrival", 5}),
            (Json{{"rule", "C9"},
                  {"severity", "warning"},
                  {"message", "session 5 serves no food on arrival"},
                  {"session", 5}}));
  EXPECT_FALSE(
      to_json(Violation{"C1", Severity::warning, "4 sessions", std::nullopt}).contains("session"));
}

}  // namespace

namespace {

// Quoted input is escaped and cut, so an error message stays one short line.
TEST(course_request_json, quoted_input_is_escaped_and_cut) {
  EXPECT_EQ(detail::quote_input("a\"b\\c\nd\te"), R"("a\"b\\c\nd\u0009e")");
  EXPECT_EQ(detail::quote_input(std::string(50, 'x')), "\"" + std::string(40, 'x') + "...\"");
  EXPECT_EQ(detail::quote_input("æøå"), "\"æøå\"");
  const InputError error = request_error(R"({"first_date": "2019-11-05\n"})");
  EXPECT_EQ(error.message(), R"(expected a date as YYYY-MM-DD, got "2019-11-05\n")");
}

// Dates outside the supported years are refused wherever they appear.
TEST(course_schedule_json, session_date_outside_supported_years_is_located) {
  Json document = to_json(plan_course(json_pilot_request()));
  document["sessions"][1]["date"] = "1500-01-06";
  document["sessions"][1].erase("weekday");
  EXPECT_EQ(
      located(input_error([&] { course_schedule_from_json(document); })),
      (Located{"/sessions/1/date", "\"1500-01-06\" is outside the supported years 1900-2200"}));
}

// The schedule's title echoes the request's; a disagreement is an error, not silently dropped.
TEST(course_schedule_json, title_must_agree_with_the_request) {
  Json document = to_json(plan_course(json_pilot_request()));
  document["title"] = "Et annet kurs";
  EXPECT_EQ(located(input_error([&] { course_schedule_from_json(document); })),
            (Located{"/title", "differs from /request/title"}));
}

TEST(course_request_json, schema_reference_must_be_a_string) {
  const InputError error = request_error(R"({"$schema": 5, "first_date": "2019-11-05"})");
  EXPECT_EQ(error.where(), "/$schema");
}

}  // namespace
