// Test data shared by the C++ test files.
#pragma once

#include "paarorende/calendar.hpp"

namespace paarorende::testing {

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

}  // namespace paarorende::testing
