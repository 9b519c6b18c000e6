// Test data shared by the C++ test files.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "paarorende/calendar.hpp"
#include "paarorende/error.hpp"
#include "paarorende/schedule.hpp"
#include "paarorende/violation.hpp"
#include "paarorende/io/json.hpp"
#include "paarorende/io/schedule.hpp"

namespace paarorende::test_support {

/// The InputError `call` throws, for its where, rule and message (a test failure when it throws
/// none).
template <class Call>
InputError input_error_of(Call&& call) {
  try {
    call();
  } catch (const InputError& error) {
    return error;
  }
  ADD_FAILURE() << "no InputError";
  return InputError("", "", "");
}

/// The top of the source tree (tests/cpp/source_dir.cpp, the one file compiled with the path):
/// every other test file compiles the same whatever folder the tree is in, so a fresh clone's
/// build reuses the compiler cache (scripts/setup).
std::filesystem::path paarorende_source_dir();
/// The top of the source tree, where examples/ and the data files are.
inline const std::filesystem::path source_dir = paarorende_source_dir();

// Two school years of a Vestfold-like municipality with a summer between them (DOMAIN X2: data
// the municipality supplies; these dates are made up for the tests).
inline SchoolCalendar two_school_years() {
  SchoolCalendar calendar;
  calendar.municipality = "Testkommune";
  calendar.example_data = false;  // made up, but standing for a municipality's own: no X2 note
  calendar.note = "Oppdiktet, for testene";
  calendar.years.push_back(SchoolYear{"2019-2020",
                                      Date(2019, 8, 19),
                                      Date(2020, 6, 19),
                                      {
                                          {"Høstferie", Date(2019, 9, 30), Date(2019, 10, 4)},
                                          {"Juleferie", Date(2019, 12, 20), Date(2020, 1, 1)},
                                          {"Vinterferie", Date(2020, 2, 24), Date(2020, 2, 28)},
                                      }});
  calendar.years.push_back(SchoolYear{"2020-2021",
                                      Date(2020, 8, 17),
                                      Date(2021, 6, 18),
                                      {
                                          {"Høstferie", Date(2020, 9, 28), Date(2020, 10, 2)},
                                      }});
  return calendar;
}

/// The Sandefjord pilot's course (S-5.0): its title, venue and first Tuesday, 2019-11-05, with
/// `calendar` for the school year; every other field takes the model's default.
inline CourseRequest pilot_course_request(SchoolCalendar calendar) {
  CourseRequest request;
  request.title = "Mestringskurs for foreldre – pilot";
  request.municipality = "Sandefjord";
  request.first_date = Date(2019, 11, 5);
  request.venue = {"Klasserom på barnas skole", "Sandefjord"};
  request.school_calendar = std::move(calendar);
  return request;
}

/// The Sandefjord pilot's two moves (DOMAIN C11, X2): its 3rd and 5th Tuesdays fall in the
/// Christmas and winter holidays and move a week on.
/// DOMAIN X2: the note of a plan on the Sandefjord example calendar, which is example data.
inline Violation example_calendar_note() {
  return {"X2", Severity::warning,
          "the school calendar of Sandefjord is example data, not the municipality's published calendar: check the "
          "dates against it",
          std::nullopt};
}

inline std::vector<Violation> pilot_moves() {
  return {
      {"C11", Severity::info,
       "session 3 moved from 2019-12-31 to 2020-01-07: 2019-12-31 is in the school holiday "
       "Juleferie [X2]",
       3},
      {"C11", Severity::info,
       "session 5 moved from 2020-02-25 to 2020-03-03: 2020-02-25 is in the school holiday "
       "Vinterferie [X2]",
       5},
  };
}

/// "h7" from ("h", 7), built in steps: GCC 12 warns falsely (-Wrestrict) on "h" + to_string(7).
inline std::string numbered(const char* prefix, int number) {
  std::string id = prefix;
  id += std::to_string(number);
  return id;
}

/// The `Thrown` error `call` throws; a test failure when it throws none (an error of another
/// type is not caught and fails the test).
template <class Thrown, class Call>
Thrown thrown(Call&& call) {
  try {
    call();
  } catch (const Thrown& error) {
    return error;
  }
  ADD_FAILURE() << "no exception of the expected type";
  return Thrown("", "none");
}

/// The InputError `call` throws; a test failure when it throws none.
template <class Call>
InputError input_error(Call&& call) {
  return thrown<InputError>(std::forward<Call>(call));
}

/// Where an error points and what it says, as one value: a test states both in one comparison,
/// and a failure shows both.
struct Located {
  std::string where;
  std::string message;
  bool operator==(const Located&) const = default;
};

inline Located located(const Error& error) {
  return {error.where(), error.message()};
}

inline void PrintTo(const Located& located, std::ostream* out) {
  *out << "{where \"" << located.where << "\", message \"" << located.message << "\"}";
}

/// That `call` throws an InputError at `where` saying `message`.
template <class Call>
void expect_located_input_error(Call&& call, const std::string& where, const std::string& message) {
  EXPECT_EQ(located(input_error(std::forward<Call>(call))), (Located{where, message}));
}

/// The findings (Violation, GroupViolation, ...) of one DOMAIN rule, in their order.
template <class Finding>
std::vector<Finding> with_rule(const std::vector<Finding>& findings, const std::string& rule) {
  std::vector<Finding> found;
  for (const auto& finding : findings) {
    if (finding.rule == rule) found.push_back(finding);
  }
  return found;
}

/// The sessions' topics of a schedule or a staffing, "-" for a session without one.
template <class Sessions>
std::vector<std::string> topics_of(const Sessions& sessions) {
  std::vector<std::string> topics;
  for (const auto& session : sessions.sessions) topics.push_back(session.topic.value_or("-"));
  return topics;
}

/// The sessions' presenters of a schedule or a staffing, "-" for a session without one.
template <class Sessions>
std::vector<std::string> presenters_of(const Sessions& sessions) {
  std::vector<std::string> presenters;
  for (const auto& session : sessions.sessions)
    presenters.push_back(session.presenter.value_or("-"));
  return presenters;
}

/// Session `number` (1-based) of a plan.
inline Session& session(CourseSchedule& schedule, int number) {
  return schedule.sessions.at(static_cast<std::size_t>(number - 1));
}
inline const Session& session(const CourseSchedule& schedule, int number) {
  return schedule.sessions.at(static_cast<std::size_t>(number - 1));
}

/// The error of reading `text` as a course request.
inline InputError request_error(const std::string& text) {
  return input_error([&] { course_request_from_json(parse_json(text)); });
}

/// A temporary folder of its own for each test that writes files, removed afterwards.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            ("paarorende-test-" + std::string(test->test_suite_name()) + "-" + test->name() + "-" +
             std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  std::filesystem::path write(const std::string& name, const std::string& text) const {
    const std::filesystem::path file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace paarorende::test_support
