// Plans a 5-day family course (DOMAIN P2) from examples/family_week/request.json: prints the
// programme day by day and writes family_week.ics.
//
//   build/examples/plan_family_week examples/family_week/request.json family_week.ics
#include <fstream>
#include <iostream>

#include "paarorende/error.hpp"
#include "paarorende/family_week.hpp"
#include "paarorende/io/family_week.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: plan_family_week REQUEST.json OUT.ics\n";
    return 2;
  }
  try {
    const auto request = paarorende::load_family_week_request(argv[1]);
    const auto plan = paarorende::plan_family_week(request);
    for (const auto& day : plan.days) {
      std::cout << "Dag " << day.number << " (" << paarorende::iso_date(day.date) << ")\n";
      for (const auto& block : day.blocks) {
        std::cout << "  " << paarorende::clock_time(block.start.local_time().time_of_day()) << "-"
                  << paarorende::clock_time(block.end.local_time().time_of_day()) << "  "
                  << block.title_nb << '\n';
      }
    }
    for (const auto& finding : plan.findings) std::cout << finding << '\n';
    std::ofstream(argv[2], std::ios::binary) << paarorende::to_ical(plan);
    return paarorende::has_errors(plan.findings) ? 1 : 0;
  } catch (const paarorende::Error& error) {
    std::cerr << "plan_family_week: " << error.where() << ": " << error.what() << '\n';
    return 2;
  }
}
