// Test data shared by the C++ test files.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

#include "paarorende/calendar.hpp"
#include "paarorende/error.hpp"

namespace paarorende::test_support {

// Two school years of a Vestfold-like municipality with a summer between them (DOMAIN X2: data
// the municipality supplies; these dates are made up for the tests).
inline SchoolCalendar two_school_years() {
  SchoolCalendar calendar;
  calendar.municipality = "Testkommune";
  calendar.example_data = true;
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

/// "h7" from ("h", 7), built in steps: GCC 12 warns falsely (-Wrestrict) on "h" + to_string(7).
inline std::string numbered(const char* prefix, int number) {
  std::string id = prefix;
  id += std::to_string(number);
  return id;
}

/// The InputError `call` throws; a test failure when it throws none.
template <class Call>
InputError input_error(Call&& call) {
  try {
    call();
  } catch (const InputError& error) {
    return error;
  }
  ADD_FAILURE() << "no InputError";
  return InputError("", "none");
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
