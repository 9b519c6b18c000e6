// What the libFuzzer targets run: one paarorende document type per target. This file is compiled
// once; each target (fuzz_target.cpp, built once per type by tests/fuzz/CMakeLists.txt) calls
// test_one_input with its type. docs/reliability.md.
//
// Each input is read with the entry point the loaders use (parse_json, then the document's
// *_from_json) and, when it is a valid document, the operation the command line runs on it
// (plan, validate, check, fit ...) runs too, so that the fuzzer reaches past the readers. What
// counts as a finding:
// - any exception other than paarorende::Error (std::out_of_range, nlohmann's, boost's ...)
//   escaping: the program aborts with an uncaught exception;
// - a crash, undefined behaviour, a leak (AddressSanitizer, UndefinedBehaviorSanitizer,
//   LeakSanitizer), a hang (-timeout) or unbounded memory (-rss_limit_mb);
// - a document whose written form (to_json) does not read back, or reads back to a different
//   value where docs/json.md promises an equal one: the program traps.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz_document.hpp"
#include "paarorende/paarorende.hpp"
// The loaders that the umbrella header may not list yet.
#include "paarorende/csv.hpp"
#include "paarorende/evaluation.hpp"
#include "paarorende/family_week.hpp"
#include "paarorende/format.hpp"
#include "paarorende/formation.hpp"
#include "paarorende/meeting_place.hpp"
#include "paarorende/parallel_offer.hpp"
#include "paarorende/region.hpp"
#include "paarorende/report.hpp"
#include "paarorende/roster.hpp"
#include "paarorende/scores.hpp"

namespace paarorende::fuzz {
namespace {

[[noreturn]] void finding(const char* what) {
  std::fprintf(stderr, "paarorende fuzz finding: %s\n", what);
  std::fflush(stderr);
  __builtin_trap();
}

// Writes the value, reads it back with `read` and checks it equals the value.
template <class T, class Read>
[[maybe_unused]] void round_trip(const T& value, Read read) {
  const std::string text = to_json(value).dump();
  T again;
  try {
    again = read(parse_json(text));
  } catch (const Error& error) {
    std::fprintf(stderr, "%s\n%s\n", error.what(), text.c_str());
    finding("a written document does not read back");
  }
  if (!(again == value)) {
    std::fprintf(stderr, "%s\n", text.c_str());
    finding("a written document reads back to a different value");
  }
}

[[maybe_unused]] void round_trip_responses(const EvaluationResponses& responses,
                                           const EvaluationForm& form) {
  const std::string text = to_json(responses, form).dump();
  EvaluationResponses again;
  try {
    again = responses_from_json(parse_json(text), form);
  } catch (const Error& error) {
    std::fprintf(stderr, "%s\n%s\n", error.what(), text.c_str());
    finding("written responses do not read back");
  }
  if (!(again == responses)) finding("written responses read back to different ones");
}

void run(Document type, std::string_view text) {
  switch (type) {
    // CSV: the text itself, not JSON.
    case Document::csv: {
      const CsvTable table = read_csv(text);
      (void)table;
      return;
    }
    case Document::evaluation_csv: {
      const EvaluationForm form = pilot_evaluation_form();
      const EvaluationResponses responses = responses_from_csv(text, form);
      const EvaluationScores scores = score_evaluation(form, responses);
      (void)to_json(scores);
      (void)evaluation_report_html(scores);
      round_trip_responses(responses, form);
      return;
    }
    default:
      break;
  }
  const Json document = parse_json(text);
  switch (type) {
    case Document::school_calendar: {
      const SchoolCalendar calendar = school_calendar_from_json(document);
      round_trip(calendar, [](const Json& json) { return school_calendar_from_json(json); });
      for (const SchoolYear& year : calendar.years) {
        (void)course_closure(year.first_day, &calendar);
        (void)course_closure(year.last_day, &calendar);
        for (const SchoolHoliday& holiday : year.holidays) (void)course_closure(holiday.first, &calendar);
      }
      return;
    }
    case Document::course_request: {
      // No base folder: a school_calendar naming a file is looked up from the working directory
      // (the fuzzer's), where there is none to find.
      const CourseRequest request = course_request_from_json(document);
      round_trip(request, [](const Json& json) { return course_request_from_json(json); });
      const CourseSchedule schedule = plan_course(request);
      (void)validate(schedule);
      (void)course_schedule_from_json(to_json(schedule));
      (void)to_ical(schedule);
      return;
    }
    case Document::course_schedule: {
      const CourseSchedule schedule = course_schedule_from_json(document);
      (void)validate(schedule);
      const std::string written = to_json(schedule).dump();
      try {
        (void)course_schedule_from_json(parse_json(written));
      } catch (const Error& error) {
        std::fprintf(stderr, "%s\n%s\n", error.what(), written.c_str());
        finding("a written schedule does not read back");
      }
      (void)to_ical(schedule);
      return;
    }
    case Document::topic_catalogue: {
      const TopicCatalogue& base = builtin_catalogue();
      const TopicCatalogue before = base;
      const TopicCatalogue extended = catalogue_from_json(document, base);
      if (!(base == before)) finding("reading a catalogue changed its base");
      round_trip(extended, [](const Json& json) { return catalogue_from_json(json, TopicCatalogue{}); });
      (void)catalogue_from_json(document, TopicCatalogue{});
      return;
    }
    case Document::group: {
      const GroupDocument group = group_from_json(document);
      (void)validate(group.group, group.rules);
      const AttendanceDistribution distribution =
          attendance_distribution(attendance_units(group.group, group.rules));
      (void)distribution.at_least(group.rules.min_present);
      (void)to_json(distribution);
      const std::string written = to_json(group).dump();
      GroupDocument again;
      try {
        again = group_from_json(parse_json(written));
      } catch (const Error& error) {
        std::fprintf(stderr, "%s\n%s\n", error.what(), written.c_str());
        finding("a written group does not read back");
      }
      if (!(again.group == group.group) || !(again.rules == group.rules)) {
        std::fprintf(stderr, "%s\n", written.c_str());
        finding("a written group reads back to a different value");
      }
      return;
    }
    case Document::attendance_records: {
      const AttendanceRecords records = attendance_records_from_json(document);
      const AttendanceProbabilities fitted =
          fit_attendance(records.records, records.prior, records.prior_weight);
      for (double p : {fitted.attend, fitted.both}) {
        if (!(p >= 0.0 && p <= 1.0)) finding("a fitted probability outside 0..1");
      }
      (void)to_json(fitted);
      return;
    }
    case Document::evaluation_form: {
      const EvaluationForm form = evaluation_form_from_json(document);
      validate(form);
      round_trip(form, [](const Json& json) { return evaluation_form_from_json(json); });
      return;
    }
    case Document::evaluation_responses: {
      const EvaluationForm form = pilot_evaluation_form();
      const EvaluationResponses responses = responses_from_json(document, form);
      const EvaluationScores scores = score_evaluation(form, responses);
      (void)to_json(scores);
      (void)evaluation_report_html(scores);
      round_trip_responses(responses, form);
      return;
    }
    case Document::waitlist: {
      const FormationRequest request = formation_request_from_json(document);
      round_trip(request, [](const Json& json) { return formation_request_from_json(json); });
      (void)to_json(form_groups(request), "fuzz");
      return;
    }
    case Document::roster: {
      const Roster roster = roster_from_json(document);
      round_trip(roster, [](const Json& json) { return roster_from_json(json); });
      (void)validate(roster);
      (void)shortfalls(roster);
      // Strong guarantee: a refused change leaves the roster as it was.
      if (!roster.volunteers.empty() && !roster.shifts.empty()) {
        Roster changed = roster;
        try {
          assign(changed, roster.shifts.front().meeting, roster.volunteers.back().id);
        } catch (const Error&) {
          if (!(changed == roster)) finding("a refused assign changed the roster");
        }
        changed = roster;
        try {
          add_volunteer(changed, roster.volunteers.front());  // the id is taken
        } catch (const Error&) {
          if (!(changed == roster)) finding("a refused add_volunteer changed the roster");
        }
      }
      return;
    }
    case Document::format: {
      const CourseFormat format = format_from_json(document);
      round_trip(format, [](const Json& json) { return format_from_json(json); });
      (void)validate(plan_course(course_request(format)));
      return;
    }
    case Document::family_week_request: {
      const FamilyWeekRequest request = family_week_request_from_json(document);
      round_trip(request, [](const Json& json) { return family_week_request_from_json(json); });
      const FamilyWeekPlan plan = plan_family_week(request);
      (void)validate(plan);
      (void)to_json(plan);
      (void)to_ical(plan);
      return;
    }
    case Document::season_request: {
      const SeasonRequest request = season_request_from_json(document);
      const Season season = plan_season(request);
      (void)to_json(season);
      (void)to_ical(season);
      return;
    }
    case Document::parallel_offer: {
      const ParallelOfferPlan plan = parallel_offer_from_json(document);
      (void)validate(plan);
      (void)to_json(plan);
      return;
    }
    case Document::region: {
      const Region region = region_from_json(document);
      round_trip(region, [](const Json& json) { return region_from_json(json); });
      (void)validate(region);
      return;
    }
    case Document::csv:
    case Document::evaluation_csv:
      return;
  }
}

}  // namespace

int test_one_input(Document type, const std::uint8_t* data, std::size_t size) {
  try {
    run(type, std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const paarorende::Error&) {
    // The one documented way to refuse input: every other exception escapes and is a finding.
  }
  return 0;
}

}  // namespace paarorende::fuzz
