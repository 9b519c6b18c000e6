// A program outside the project that links the installed paarorende.
#include <iostream>

#include <paarorende/paarorende.hpp>

int main() {
  paarorende::CourseRequest request;
  request.first_date = paarorende::Date(2019, 11, 5);
  const auto schedule = paarorende::plan_course(request);
  std::cout << schedule.sessions.front() << '\n';
  return schedule.sessions.size() == 5 ? 0 : 1;
}
