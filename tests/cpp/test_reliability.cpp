// Reliability (issue #9, docs/reliability.md): the limits of include/paarorende/limits.hpp with
// their exact errors; every loader refuses damaged documents with a paarorende::Error and nothing
// else; reading a catalogue over a base never changes the base (strong guarantee).
#include <gtest/gtest.h>

#include "detail/input_error.hpp"
#include "fixtures.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "paarorende/paarorende.hpp"

namespace {

using namespace paarorende;
using namespace paarorende::test_support;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string repeated(const std::string& text, std::size_t times) {
  std::string out;
  out.reserve(text.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += text;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Limits

TEST(limits, nesting_at_the_limit_is_read_and_one_deeper_is_refused_at_its_pointer) {
  const auto depth = static_cast<std::size_t>(max_nesting_depth);
  EXPECT_NO_THROW(parse_json(repeated("[", depth) + repeated("]", depth)));
  const InputError error =
      input_error([&] { parse_json(repeated("[", depth + 1) + repeated("]", depth + 1)); });
  EXPECT_EQ(located(error),
            (Located{repeated("/0", depth), "arrays and objects nested more than 64 deep"}));
  EXPECT_EQ(error.rule(), "");
}

TEST(limits, a_million_open_brackets_are_refused_quickly_without_exhausting_the_stack) {
  const InputError error = input_error([] { parse_json(std::string(1'000'000, '[')); });
  EXPECT_EQ(error.message(), "arrays and objects nested more than 64 deep");
  const InputError objects = input_error([] {
    parse_json("{\"a~b/c\": " + repeated("{\"k\": ", 200) + "1" + repeated("}", 201));
  });
  EXPECT_EQ(objects.where(), "/a~0b~1c" + repeated("/k", 63));
}

TEST(limits, a_document_over_the_byte_limit_is_refused_before_parsing) {
  const std::string huge(max_document_bytes + 1, ' ');
  EXPECT_EQ(located(input_error([&] { parse_json(huge); })),
            (Located{"", "document of 16777217 bytes exceeds the limit of 16777216"}));
}

TEST(limits, a_file_over_the_byte_limit_is_refused_by_its_name) {
  TempDir dir;
  const auto path = dir.write("big.json", std::string(max_document_bytes + 1, ' '));
  EXPECT_EQ(located(input_error([&] { load_group(path); })),
            (Located{path.string(), "file exceeds the limit of 16777216 bytes"}));
}

TEST(limits, a_list_over_the_entry_limit_is_refused_at_the_list) {
  Json households = Json::array();
  for (std::size_t i = 0; i <= max_list_entries; ++i) {
    households.push_back(Json{{"id", test_support::numbered("h", static_cast<int>(i))},
                              {"caregivers", Json::array({Json{{"role", "mother"}}})},
                              {"children", Json::array({Json{{"stage", "primary"}}})}});
  }
  EXPECT_EQ(located(input_error([&] {
              group_from_json(Json{{"id", "g"}, {"households", households}});
            })),
            (Located{"/households", "at most 10000 entries, got 10001"}));
}

TEST(limits, every_required_list_is_bounded_too) {
  Json holidays = Json::array();
  for (std::size_t i = 0; i <= max_list_entries; ++i) {
    holidays.push_back(Json{{"name", "Fri"}, {"first", "2019-09-30"}, {"last", "2019-09-30"}});
  }
  const Json calendar{{"municipality", "Sandefjord"},
                      {"school_years", Json::array({Json{{"label", "2019-2020"},
                                                         {"first_day", "2019-08-19"},
                                                         {"last_day", "2020-06-19"},
                                                         {"holidays", holidays}}})}};
  EXPECT_EQ(located(input_error([&] { school_calendar_from_json(calendar); })),
            (Located{"/school_years/0/holidays", "at most 10000 entries, got 10001"}));
}

TEST(limits, check_limit_names_the_limit_and_the_count) {
  EXPECT_NO_THROW(detail::check_limit(3, 3, "volunteers", "/volunteers"));
  EXPECT_EQ(located(input_error([] { detail::check_limit(4, 3, "volunteers", "/volunteers"); })),
            (Located{"/volunteers", "at most 3 volunteers, got 4"}));
}

TEST(limits, a_csv_file_is_bounded_in_responses_and_columns) {
  std::string rows = "q1\n";
  for (std::size_t i = 0; i < max_responses; ++i) rows += "4\n";
  EXPECT_EQ(read_csv(rows).rows.size(), max_responses + 1);
  // The blank row is counted, as the spreadsheet does.
  EXPECT_EQ(located(input_error([&] { read_csv(rows + "\n5\n"); })),
            (Located{"row 100003",
                     "at most 100001 records (a header and the responses), got 100002"}));
  std::string columns(max_csv_columns - 1, ';');
  EXPECT_EQ(read_csv(columns + "\n").rows.size(), 0u);  // a record of separators only is blank
  EXPECT_EQ(located(input_error([&] { read_csv("a" + columns + ";b\n"); })),
            (Located{"row 1, column 1001", "at most 1000 columns, got 1001"}));
}

// Found by the bad-input catalogue: nlohmann threw out_of_range (no position) for 1e400.
TEST(limits, a_number_beyond_a_double_is_an_input_error_at_its_line_and_column) {
  // The position is the number's last character.
  EXPECT_EQ(located(input_error([] { parse_json("{\n  \"grade\": 1e400\n}"); })),
            (Located{"line 2, column 16", "invalid JSON: the number \"1e400\" is out of range"}));
  const InputError negative = input_error([] { parse_json("[-1e999]"); });
  EXPECT_EQ(negative.message(), "invalid JSON: the number \"-1e999\" is out of range");
}

// Found by the bad-input catalogue: nlohmann took a NUL byte for the end of the document.
TEST(limits, a_nul_byte_is_an_error_at_its_place_not_the_end_of_the_document) {
  using namespace std::string_literals;
  EXPECT_EQ(located(input_error([] { parse_json("{\"a\": 1}\n  \0{{{"s); })),
            (Located{"line 2, column 3", "invalid JSON: a NUL byte (U+0000)"}));
  const InputError inside = input_error([] { parse_json("{\"a\": \"x\0y\"}"s); });
  EXPECT_EQ(inside.where(), "line 1, column 9");
}

// ---------------------------------------------------------------------------------------------
// Only paarorende::Error escapes from a loader, whatever the damage.

struct Loader {
  const char* name;
  std::filesystem::path example;
  std::function<void(std::string_view)> read_and_use;
};

std::vector<Loader> loaders() {
  const auto examples = source_dir / "examples";
  const auto base = examples / "sandefjord_pilot";
  return {
      {"school calendar", examples / "calendars" / "sandefjord-school-holidays.json",
       [](std::string_view text) {
         const SchoolCalendar calendar = school_calendar_from_json(parse_json(text));
         for (const SchoolYear& year : calendar.years) (void)course_closure(year.first_day, &calendar);
       }},
      {"course request", base / "course.json",
       [base](std::string_view text) {
         const CourseSchedule schedule = plan_course(course_request_from_json(parse_json(text), base));
         (void)validate(schedule);
         (void)course_schedule_from_json(to_json(schedule), base);
         (void)to_ical(schedule);
       }},
      {"topic catalogue", examples / "catalogues" / "sandefjord-topics.json",
       [](std::string_view text) { (void)catalogue_from_json(parse_json(text)); }},
      {"group", base / "group.json",
       [](std::string_view text) {
         const GroupDocument document = group_from_json(parse_json(text));
         (void)validate(document.group, document.rules);
         (void)attendance_distribution(attendance_units(document.group, document.rules));
       }},
      {"attendance records", base / "attendance.json",
       [](std::string_view text) {
         const AttendanceRecords records = attendance_records_from_json(parse_json(text));
         (void)fit_attendance(records.records, records.prior, records.prior_weight);
       }},
  };
}

// Runs `read_and_use` on `text`; a failure unless it returns or throws a paarorende::Error.
void expect_only_paarorende_errors(const Loader& loader, const std::string& text,
                                   const std::string& what) {
  try {
    loader.read_and_use(text);
  } catch (const Error&) {
    // refused properly
  } catch (const std::exception& error) {
    ADD_FAILURE() << loader.name << ", " << what << ": " << error.what();
  }
}

TEST(reliability, every_prefix_of_every_example_is_read_or_refused_with_a_paarorende_error) {
  for (const Loader& loader : loaders()) {
    const std::string text = read_file(loader.example);
    ASSERT_FALSE(text.empty()) << loader.example;
    EXPECT_NO_THROW(loader.read_and_use(text)) << loader.name;
    const std::size_t step = std::max<std::size_t>(1, text.size() / 400);
    for (std::size_t length = 0; length < text.size(); length += step) {
      std::string what = "prefix of ";
      what += std::to_string(length);
      expect_only_paarorende_errors(loader, text.substr(0, length), what);
    }
  }
}

TEST(reliability, every_example_with_one_byte_changed_is_read_or_refused_with_a_paarorende_error) {
  // Bytes that turn values into other types, out of range, invalid UTF-8 or broken syntax.
  const std::string replacements("\"0-9{[]}:,\xff\x80 e.", 16);
  for (const Loader& loader : loaders()) {
    const std::string text = read_file(loader.example);
    const std::size_t step = std::max<std::size_t>(1, text.size() / 150);
    for (std::size_t at = 0; at < text.size(); at += step) {
      for (char replacement : replacements) {
        std::string changed = text;
        changed[at] = replacement;
        std::string what = "byte ";
        what += std::to_string(at);
        expect_only_paarorende_errors(loader, changed, what);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Strong guarantee: reading over a base never changes the base, whether the read fails or not.

TEST(strong_guarantee, a_failed_catalogue_read_leaves_its_base_unchanged) {
  TopicCatalogue base = builtin_catalogue();
  const TopicCatalogue copy = base;
  // The first topic is read and added before the second one fails.
  const Json document = Json::parse(R"({"topics": [
      {"id": "new_topic", "title_nb": "Ny", "title_en": "New", "description_nb": "d",
       "description_en": "d", "presenter_role": "psychologist",
       "stages": ["primary"], "audiences": ["parents"]},
      {"id": "self_care", "override": true, "presenter_role": "astrologer"}]})");
  const InputError error = input_error([&] { catalogue_from_json(document, base); });
  EXPECT_EQ(error.where(), "/topics/1/presenter_role");
  EXPECT_EQ(base, copy);
  EXPECT_EQ(builtin_catalogue(), copy);
  EXPECT_EQ(base.find("new_topic"), nullptr);
}

TEST(strong_guarantee, a_successful_catalogue_read_returns_a_new_catalogue_and_leaves_its_base) {
  const TopicCatalogue before = builtin_catalogue();
  const TopicCatalogue extended =
      load_catalogue(source_dir / "examples" / "catalogues" / "sandefjord-topics.json");
  EXPECT_NE(extended, before);
  EXPECT_EQ(builtin_catalogue(), before);
}

TEST(strong_guarantee, a_failed_file_load_leaves_the_output_variable_unchanged) {
  TempDir dir;
  const auto good = source_dir / "examples" / "sandefjord_pilot" / "group.json";
  GroupDocument document = load_group(good);
  const GroupDocument copy = document;
  const auto bad = dir.write("bad.json", read_file(good).substr(0, 500));
  EXPECT_THROW(document = load_group(bad), InputError);
  EXPECT_EQ(document.group, copy.group);
  EXPECT_EQ(document.rules, copy.rules);
}

// DOMAIN X5: every roster change that is refused leaves the roster as it was.
Roster three_meetings() {
  std::vector<Shift> shifts;
  for (int meeting = 1; meeting <= 3; ++meeting) {
    shifts.push_back(Shift{meeting, Date(2025, 1, 7) + boost::gregorian::days(7 * (meeting - 1)),
                           8, 2, {}});
  }
  std::vector<Volunteer> volunteers{
      {"v01", "Nord-Aurdal", Date(2026, 1, 1), {}, std::nullopt},
      {"v02", "Nord-Aurdal", Date(2026, 1, 1), {Date(2025, 1, 14)}, std::nullopt},
      {"v03", "Vang", Date(2026, 1, 1), {}, 1},
      {"v04", "Vang", std::nullopt, {}, std::nullopt},          // no police certificate
      {"v05", "Vang", Date(2025, 1, 10), {}, std::nullopt},     // lapses after meeting 1
  };
  return make_roster(shifts, volunteers, RosterRules{});
}

template <class Change>
void expect_refused_and_unchanged(const char* what, Change change) {
  Roster roster = three_meetings();
  const Roster copy = roster;
  try {
    change(roster);
    ADD_FAILURE() << what << ": not refused";
  } catch (const Error&) {
    EXPECT_EQ(roster, copy) << what << ": the refused change changed the roster";
  }
}

TEST(strong_guarantee, every_refused_roster_change_leaves_the_roster_unchanged) {
  const Roster roster = three_meetings();
  ASSERT_EQ(roster.shifts.size(), 3u);
  // Who is free to add to meeting 1: a volunteer the roster left off it.
  expect_refused_and_unchanged("assign to an unknown meeting",
                               [](Roster& r) { assign(r, 9, "v01"); });
  expect_refused_and_unchanged("assign an unknown volunteer",
                               [](Roster& r) { assign(r, 1, "v99"); });
  expect_refused_and_unchanged("assign without a certificate",
                               [](Roster& r) { assign(r, 1, "v04"); });
  expect_refused_and_unchanged("assign after the certificate lapsed",
                               [](Roster& r) { assign(r, 3, "v05"); });
  expect_refused_and_unchanged("assign on a date the volunteer cannot come",
                               [](Roster& r) { assign(r, 2, "v02"); });
  expect_refused_and_unchanged("assign twice to one meeting", [](Roster& r) {
    assign(r, 1, r.shifts[0].volunteers.at(0));
  });
  expect_refused_and_unchanged("assign past the volunteer's maximum", [](Roster& r) {
    for (const Shift& shift : r.shifts) {
      if (std::find(shift.volunteers.begin(), shift.volunteers.end(), "v03") ==
          shift.volunteers.end()) {
        assign(r, shift.meeting, "v03");
      }
    }
  });
  expect_refused_and_unchanged("unassign someone not rostered there",
                               [](Roster& r) { unassign(r, 1, "v04"); });
  expect_refused_and_unchanged("add a volunteer whose id is taken", [](Roster& r) {
    add_volunteer(r, Volunteer{"v01", "Vang", Date(2026, 1, 1), {}, std::nullopt});
  });
  expect_refused_and_unchanged("add a volunteer named, not pseudonymous", [](Roster& r) {
    add_volunteer(r, Volunteer{"Kari Nordmann", "Vang", Date(2026, 1, 1), {}, std::nullopt});
  });
  expect_refused_and_unchanged("remove an unknown volunteer",
                               [](Roster& r) { remove_volunteer(r, "v99"); });
  expect_refused_and_unchanged("update a rostered volunteer to a lapsed certificate", [](Roster& r) {
    const std::string rostered = r.shifts[2].volunteers.at(0);
    Volunteer changed = *r.find_volunteer(rostered);
    changed.certificate_valid_until = Date(2025, 1, 1);
    update_volunteer(r, changed);
  });
  expect_refused_and_unchanged("update an unknown volunteer", [](Roster& r) {
    update_volunteer(r, Volunteer{"v99", "Vang", Date(2026, 1, 1), {}, std::nullopt});
  });
}

TEST(strong_guarantee, an_accepted_roster_change_completes) {
  Roster roster = three_meetings();
  add_volunteer(roster, Volunteer{"v06", "Vang", Date(2026, 1, 1), {}, std::nullopt});
  assign(roster, 1, "v06");
  EXPECT_EQ(roster.meetings_of("v06"), 1);
  remove_volunteer(roster, "v06");
  EXPECT_EQ(roster.find_volunteer("v06"), nullptr);
  EXPECT_EQ(roster, three_meetings());
}

}  // namespace
