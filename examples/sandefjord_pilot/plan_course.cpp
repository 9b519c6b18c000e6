// Plans the Sandefjord pilot course (DOMAIN S-4.5, S-5.0): 5 sessions every 4 weeks from
// November 2019, 15:00-16:30, the after-school programme closing 16:30 at the school itself.
// The participants' topic wishes choose the topics of sessions 2-5 and presenters are found for
// them (DOMAIN C6, C7). Prints the plan readably and writes it as iCalendar.
//
// usage: plan_sandefjord_pilot [course.json] [calendar.ics]
#include <cstdio>
#include <fstream>
#include <iostream>

#include <paarorende/paarorende.hpp>

namespace {

const char* weekday_nb(const paarorende::Date& date) {
  static constexpr const char* names[] = {"søndag", "mandag", "tirsdag", "onsdag",
                                          "torsdag", "fredag", "lørdag"};
  return names[date.day_of_week().as_number()];
}

std::string norwegian_date(const paarorende::Date& date) {
  char text[32];
  std::snprintf(text, sizeof text, "%02d.%02d.%04d", static_cast<int>(date.day()),
                static_cast<int>(date.month()), static_cast<int>(date.year()));
  return text;
}

std::string clock(paarorende::ClockTime time) {
  char text[32];
  std::snprintf(text, sizeof text, "%02d:%02d", static_cast<int>(time.hours()),
                static_cast<int>(time.minutes()));
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string request_file = argc > 1 ? argv[1] : "examples/sandefjord_pilot/course.json";
  const std::string ics_file = argc > 2 ? argv[2] : "sandefjord_pilot.ics";
  try {
    const auto request = paarorende::load_course_request(request_file);
    const auto schedule = paarorende::plan_course(request);

    std::cout << request.title << " (" << request.municipality << ")\n"
              << request.sessions << " samlinger hver " << request.cadence_weeks << ". uke, "
              << request.session_minutes << " minutter, " << request.venue.name << "\n"
              << "SFO stenger " << clock(request.care_closes) << ", reisetid "
              << request.travel_minutes << " min: seneste start "
              << clock(paarorende::latest_start(request)) << " (DOMAIN C3)\n\n";

    std::cout << " #  dato                  tid          merknad\n";
    for (const auto& session : schedule.sessions) {
      char line[160];
      std::snprintf(line, sizeof line, "%2d  %-8s %s   %s-%s", session.number,
                    weekday_nb(session.date()), norwegian_date(session.date()).c_str(),
                    clock(session.start_time()).c_str(), clock(session.end_time()).c_str());
      std::cout << line;
      if (session.moved_from) {
        std::cout << "  flyttet fra " << norwegian_date(*session.moved_from);
        if (session.move_reason) std::cout << " (" << session.move_reason->name << ")";
      }
      std::cout << '\n';
      if (session.topic) {
        const auto* topic = request.topics().find(*session.topic);
        std::cout << "    tema: " << (topic ? topic->title_nb : *session.topic);
        std::string presenter = "ikke avklart";
        for (const auto& candidate : request.presenters) {
          if (session.presenter && candidate.id == *session.presenter) presenter = candidate.name;
        }
        std::cout << "\n    innleder: " << presenter << '\n';
      }
    }

    for (int number : {1, 2}) {
      const auto& session = schedule.sessions.at(static_cast<std::size_t>(number - 1));
      std::cout << "\nAgenda, samling " << number << ":\n";
      for (const auto& item : session.agenda) {
        const auto start = session.start_time() + boost::posix_time::minutes(item.offset_minutes);
        std::cout << "  " << clock(start) << "-"
                  << clock(start + boost::posix_time::minutes(item.minutes)) << "  " << item.title_nb
                  << '\n';
      }
    }

    std::cout << "\nFunn (findings):\n";
    for (const auto& finding : schedule.findings) std::cout << "  " << finding << '\n';
    if (schedule.findings.empty()) std::cout << "  ingen\n";

    std::ofstream(ics_file, std::ios::binary) << paarorende::to_ical(schedule);
    std::cout << "\niCalendar: " << ics_file << '\n';
  } catch (const paarorende::Error& error) {
    std::cerr << "plan_sandefjord_pilot: " << error.what() << '\n';
    return 2;
  }
  return 0;
}
