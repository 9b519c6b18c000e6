// From a formed group to a course plan (DOMAIN C3, C8; issue 17): each household's own care_closes
// minus its own travel from the venue bounds the sessions' end, the household that sets it is
// named, and a group document carries its venue and places as a waitlist does.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "paarorende/error.hpp"
#include "paarorende/formation.hpp"
#include "paarorende/json.hpp"
#include "paarorende/schedule.hpp"

namespace paarorende {
namespace {

using namespace test_support;

Household pickup_couple(const std::string& id, const std::string& school, std::optional<ClockTime> closes) {
  Household household;
  household.id = id;
  household.municipality = "3451";
  household.school = school;
  household.care_closes = closes;
  household.caregivers = {{CaregiverRole::mother}, {CaregiverRole::father}};
  household.children = {Child{}};
  return household;
}

// A venue at Fagernes and three pickup places: Fagernes itself (0 minutes), Aurdal by a known
// time of 22 minutes, Leira by the estimate from coordinates.
GroupDocument fagernes_group() {
  GroupDocument document;
  document.group.id = "g1";
  document.venue = "fagernes";
  document.places = {{"fagernes", "3451", 60.986, 9.233, true},
                     {"aurdal", "3451", 60.930, 9.400, true},
                     {"leira", "3451", 60.968, 9.290, false}};
  document.travel_times = {{"aurdal", "fagernes", 22.0}};
  document.group.households = {pickup_couple("h1", "fagernes", ClockTime(16, 0, 0)),
                               pickup_couple("h2", "aurdal", ClockTime(16, 30, 0)),
                               pickup_couple("h3", "leira", std::nullopt),
                               pickup_couple("h4", "aurdal", ClockTime(17, 0, 0))};
  return document;
}

CourseRequest template_course() {
  CourseRequest course;
  course.municipality = "Nord-Aurdal";
  course.first_date = Date(2019, 8, 27);
  course.school_calendar = two_school_years();
  course.care_closes = ClockTime(16, 45, 0);  // the default of a household without its own
  return course;
}

int minute_of(ClockTime time) { return static_cast<int>(time.total_seconds() / 60); }

TEST(group_plans, each_household_bounds_the_end_by_its_own_care_and_travel) {
  const GroupDocument group = fagernes_group();
  const CourseRequest course = course_for_group(template_course(), group);
  ASSERT_EQ(course.pickups.size(), 4u);
  // Worked out apart from the planner: Leira is 3.56 km from Fagernes by the haversine on a sphere
  // of 6371 km, times 1.3 at 60 km/h = 4.6 minutes, rounded up to 5.
  const double leira_km = 2 * 6371.0 *
                          std::asin(std::sqrt(std::pow(std::sin((60.968 - 60.986) * M_PI / 360), 2) +
                                              std::cos(60.986 * M_PI / 180) * std::cos(60.968 * M_PI / 180) *
                                                  std::pow(std::sin((9.290 - 9.233) * M_PI / 360), 2)));
  const int leira = static_cast<int>(std::ceil(leira_km * 1.3 / 60.0 * 60.0));
  EXPECT_EQ(leira, 5);
  EXPECT_EQ(course.pickups[0], (Pickup{"h1", "fagernes", ClockTime(16, 0, 0), 0}));
  EXPECT_EQ(course.pickups[1], (Pickup{"h2", "aurdal", ClockTime(16, 30, 0), 22}));
  EXPECT_EQ(course.pickups[2], (Pickup{"h3", "leira", std::nullopt, leira}));
  EXPECT_EQ(course.venue.name, "fagernes");
  // The latest end: h1 16:00 - 0, h2 16:30 - 22 = 16:08, h3 16:45 - 5 = 16:40, h4 17:00 - 22.
  const std::vector<int> limits = {16 * 60, 16 * 60 + 8, 16 * 60 + 45 - leira, 17 * 60 - 22};
  const CourseSchedule schedule = plan_course(course);
  ASSERT_EQ(schedule.sessions.size(), 5u);
  for (const Session& session : schedule.sessions) {
    for (int limit : limits) EXPECT_LE(minute_of(session.end_time()), limit) << session;
    EXPECT_EQ(minute_of(session.end_time()), 16 * 60) << session;  // h1's, and no earlier
  }
  const auto named = [&](const std::string& text) {
    for (const Violation& finding : schedule.findings) {
      if (finding.message == text) return finding.severity;
    }
    ADD_FAILURE() << "no finding " << text;
    return Severity::error;
  };
  EXPECT_EQ(named("sessions end by 16:00: care closes 16:00 for household h1, minus 0 minutes' travel from the "
                  "venue to its pickup place"),
            Severity::info);
  EXPECT_EQ(named("household h3 gives no care_closes: the course's 16:45 is assumed"), Severity::info);
  EXPECT_EQ(named("household h2: 22 minutes' travel from the venue to its pickup place: more than 15 minutes, "
                  "longer than a short drive"),
            Severity::warning);
}

TEST(group_plans, the_household_that_sets_the_end_is_named_when_a_session_ends_too_late) {
  GroupDocument group = fagernes_group();
  group.group.households[0].care_closes = ClockTime(17, 0, 0);  // now h2 binds: 16:30 - 22 = 16:08
  CourseSchedule schedule = plan_course(course_for_group(template_course(), group));
  EXPECT_EQ(minute_of(schedule.sessions[0].end_time()), 16 * 60 + 5);  // on the 5-minute grid
  schedule.sessions[2].start += boost::posix_time::minutes(10);
  schedule.sessions[2].end += boost::posix_time::minutes(10);
  bool found = false;
  for (const Violation& finding : validate(schedule)) {
    if (finding.rule == "C3" && finding.severity == Severity::error) {
      EXPECT_EQ(finding.message, "session 3 ends 16:15, after 16:08 (care closes 16:30 for household h2, minus 22 "
                                 "minutes' travel from the venue to its pickup place)");
      found = true;
    }
  }
  EXPECT_TRUE(found);
  // A window too short for any household is impossible, and says whose.
  group.group.households[1].care_closes = ClockTime(15, 0, 0);
  const ImpossibleRequest error = thrown<ImpossibleRequest>([&] { plan_course(course_for_group(template_course(), group)); });
  EXPECT_EQ(error.rule(), "C3");
  EXPECT_NE(error.message().find("care closes 15:00 for household h2, minus 22 minutes' travel"), std::string::npos)
      << error.message();
}

TEST(group_plans, a_group_without_a_venue_or_with_unknown_places_is_refused) {
  GroupDocument group = fagernes_group();
  group.venue.clear();
  InputError error = input_error([&] { course_for_group(template_course(), group); });
  EXPECT_EQ(located(error), (Located{"/venue", "a course is planned from a group with a venue"}));
  EXPECT_EQ(error.rule(), "C8");
  group.venue = "leira";  // a pickup place, not a venue
  EXPECT_EQ(located(input_error([&] { course_for_group(template_course(), group); })),
            (Located{"/venue", "place \"leira\" is not a venue"}));
  group = fagernes_group();
  group.group.households[2].school = "nowhere";
  EXPECT_EQ(located(input_error([&] { course_for_group(template_course(), group); })),
            (Located{"/households/2/school", "unknown place \"nowhere\""}));
  group = fagernes_group();
  group.travel_times[0].minutes = 300;  // a known time, over what a course can hold
  EXPECT_EQ(located(input_error([&] { course_for_group(template_course(), group); })),
            (Located{"/households/1/school", "pickup place \"aurdal\" is more than 240 minutes from venue \"fagernes\""}));
  group = fagernes_group();
  group.places[2].latitude = std::numeric_limits<double>::quiet_NaN();  // built in code, not read
  EXPECT_EQ(located(input_error([&] { course_for_group(template_course(), group); })),
            (Located{"/places/2/latitude", "must be between -90 and 90"}));
}

TEST(group_plans, a_request_reads_a_group_in_place_of_one_travel_time_and_writes_its_pickups) {
  Json document = to_json(template_course());
  document["group"] = to_json(fagernes_group());
  const CourseRequest request = course_request_from_json(document);
  EXPECT_EQ(request, course_for_group(template_course(), fagernes_group()));
  // What is written names the pickups, and reads back to the same request.
  const Json written = to_json(request);
  EXPECT_FALSE(written.contains("group"));
  EXPECT_EQ(written.at("pickups").size(), 4u);
  EXPECT_EQ(course_request_from_json(written), request);
  document["pickups"] = written.at("pickups");
  EXPECT_EQ(located(input_error([&] { course_request_from_json(document); })),
            (Located{"/group", "a request gives a group or pickups, not both"}));
  document.erase("pickups");
  document["group"]["places"][0]["id"] = "elsewhere";
  EXPECT_EQ(located(input_error([&] { course_request_from_json(document); })),
            (Located{"/group/travel_times/0/to", "unknown place \"fagernes\""}));
}

TEST(group_plans, formed_groups_become_group_documents_with_their_places) {
  FormationRequest request;
  request.waitlist = synthetic_waitlist({60, 4, 9});
  const FormationResult result = form_groups(request);
  const std::vector<GroupDocument> documents = group_documents(request, result);
  ASSERT_EQ(documents.size(), result.groups.size());
  ASSERT_FALSE(documents.empty());
  for (std::size_t g = 0; g < documents.size(); ++g) {
    const GroupDocument& document = documents[g];
    EXPECT_EQ(document.group, result.groups[g].group);
    EXPECT_EQ(document.venue, result.groups[g].venue);
    check_group_places(document);  // the venue and every pickup place are among its places
    EXPECT_EQ(group_from_json(to_json(document)), document);
    // Each household's travel as formation measured it: within the formation's limit (C8).
    const CourseRequest course = course_for_group(template_course(), document);
    for (const Pickup& pickup : course.pickups) EXPECT_LE(pickup.travel_minutes, 61) << pickup.household;
  }
}

// --- DOMAIN C8, the one travel rule (travel.hpp): warn_minutes and max_minutes in every command ---

TEST(travel_rule, a_drive_is_a_warning_beyond_a_short_drive_and_an_error_beyond_the_most_allowed) {
  const TravelLimits limits;  // 15 and 60: "en kort kjøretur" (C8), and never further
  EXPECT_EQ(travel_severity(limits, 15.0), std::nullopt);
  EXPECT_EQ(travel_severity(limits, 15.5), Severity::warning);
  EXPECT_EQ(travel_severity(limits, 60.0), Severity::warning);
  EXPECT_EQ(travel_severity(limits, 60.01), Severity::error);
  const InputError error = input_error([] { check_travel_limits({30, 20}); });
  EXPECT_EQ(located(error), (Located{"/travel/max_minutes", "max_minutes (20) must be between warn_minutes (30) and 600"}));
  EXPECT_EQ(error.rule(), "C8");
}

TEST(travel_rule, a_plan_from_a_group_is_checked_by_the_groups_limits) {
  GroupDocument group = fagernes_group();
  group.travel = {10, 20};  // h2 and h4 are 22 minutes away, h3 5 and h1 0
  const CourseRequest course = course_for_group(template_course(), group);
  EXPECT_EQ(course.travel, group.travel);
  const auto found = with_rule(plan_course(course).findings, "C8");
  ASSERT_EQ(found.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(found[i].severity, Severity::error);
    EXPECT_EQ(found[i].message, "household " + std::string(i == 0 ? "h2" : "h4") +
                                    ": 22 minutes' travel from the venue to its pickup place: more than 20 minutes, "
                                    "the most allowed");
  }
  // One travel time for the whole course: the same rule.
  CourseRequest single = template_course();
  single.travel_minutes = 70;
  single.venue.name = "Grendehuset";
  EXPECT_EQ(with_rule(plan_course(single).findings, "C8"),
            (std::vector<Violation>{{"C8", Severity::error,
                                     "70 minutes' travel from the venue to the pickup place: more than 60 minutes, "
                                     "the most allowed",
                                     std::nullopt}}));
}

TEST(travel_rule, check_of_a_group_document_names_the_households_beyond_each_limit) {
  GroupDocument group = fagernes_group();
  group.group.households[2].school = "aurdal";  // three households 22 minutes away
  group.travel = {20, 60};
  std::vector<GroupViolation> found = with_rule(validate(group), "C8");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0], (GroupViolation{"C8", Severity::warning,
                                      "the drive from the venue to their pickup places: more than 20 minutes, longer "
                                      "than a short drive",
                                      {"h2", "h3", "h4"}}));
  group.travel = {10, 21.5};
  group.places[0].venue = true;
  found = with_rule(validate(group), "C8");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::error);
  EXPECT_EQ(found[0].households, (std::vector<std::string>{"h2", "h3", "h4"}));
  // Without a venue there is no drive to check.
  group.venue.clear();
  EXPECT_TRUE(with_rule(validate(group), "C8").empty());
}

TEST(travel_rule, formation_warns_of_every_drive_beyond_warn_minutes_and_forms_none_beyond_max) {
  FormationRequest request = load_waitlist(paarorende::test_support::source_dir / "examples/valdres_groups/waitlist.json");
  request.waitlist.travel = {20, 45};
  const FormationResult result = form_groups(request);
  const std::vector<GroupDocument> documents = group_documents(request, result);
  ASSERT_FALSE(documents.empty());
  int warned = 0;
  for (std::size_t g = 0; g < documents.size(); ++g) {
    EXPECT_EQ(documents[g].travel, request.waitlist.travel);
    // Independently of formation: each household's drive by the document's own places.
    std::vector<std::string> beyond_warn;
    for (const Household& household : documents[g].group.households) {
      const double minutes = travel_minutes_between(documents[g].places, documents[g].travel_times,
                                                    documents[g].travel_model, documents[g].venue, household.school);
      EXPECT_LE(minutes, 45.0) << household.id;
      if (minutes > 20.0) beyond_warn.push_back(household.id);
    }
    const auto reported = with_rule(result.groups[g].violations, "C8");
    if (beyond_warn.empty()) {
      EXPECT_TRUE(reported.empty());
      continue;
    }
    ++warned;
    ASSERT_EQ(reported.size(), 1u);
    EXPECT_EQ(reported[0].severity, Severity::warning);
    EXPECT_EQ(reported[0].households, beyond_warn);
    // check gives the same finding from the group document alone.
    EXPECT_EQ(with_rule(validate(documents[g]), "C8"), reported);
  }
  EXPECT_GT(warned, 0);  // Valdres is wide: some drives are longer than 20 minutes
}

TEST(travel_rule, old_fields_map_onto_it) {
  // A course request's rules.max_travel_minutes is warn_minutes; it only warned, so it lifts max.
  const auto request = [](const char* text) { return course_request_from_json(parse_json(text)); };
  EXPECT_EQ(request(R"({"first_date": "2019-11-05", "rules": {"max_travel_minutes": 20}})").travel,
            (TravelLimits{20, 60}));
  EXPECT_EQ(request(R"({"first_date": "2019-11-05", "rules": {"max_travel_minutes": 90}})").travel,
            (TravelLimits{90, 90}));
  EXPECT_EQ(request(R"({"first_date": "2019-11-05", "rules": {"max_travel_minutes": 20},
                        "travel": {"max_minutes": 30}})")
                .travel,
            (TravelLimits{20, 30}));
  const InputError both = input_error([&] {
    request(R"({"first_date": "2019-11-05", "rules": {"max_travel_minutes": 20}, "travel": {"warn_minutes": 10}})");
  });
  EXPECT_EQ(located(both), (Located{"/rules/max_travel_minutes",
                                    "the old name of travel.warn_minutes, which is given too: keep travel.warn_minutes"}));
  EXPECT_EQ(both.rule(), "C8");
  expect_located_input_error([&] { request(R"({"first_date": "2019-11-05", "travel": {"warn_minutes": 30, "max_minutes": 20}})"); },
                             "/travel/max_minutes", "max_minutes (20) must be between warn_minutes (30) and 600");
  // A format's schedule_rules.max_travel_minutes likewise, and its plans take it.
  const CourseFormat format = format_from_json(parse_json(
      R"({"id": "near", "based_on": "monthly_parents", "schedule_rules": {"max_travel_minutes": 10}})"));
  EXPECT_EQ(format.travel, (TravelLimits{10, 60}));
  EXPECT_EQ(course_request(format).travel, format.travel);
  EXPECT_EQ(format_from_json(to_json(format)), format);
  // A waitlist's formation.max_travel_minutes is max_minutes; a short one lowers warn_minutes.
  Json waitlist = to_json(load_waitlist(paarorende::test_support::source_dir / "examples/valdres_groups/waitlist.json"));
  waitlist.erase("travel");
  waitlist["formation"]["max_travel_minutes"] = 45;
  EXPECT_EQ(formation_request_from_json(waitlist).waitlist.travel, (TravelLimits{15, 45}));
  waitlist["formation"]["max_travel_minutes"] = 10;
  EXPECT_EQ(formation_request_from_json(waitlist).waitlist.travel, (TravelLimits{10, 10}));
  waitlist["travel"] = {{"max_minutes", 50}};
  expect_located_input_error([&] { formation_request_from_json(waitlist); }, "/formation/max_travel_minutes",
                             "the old name of travel.max_minutes, which is given too: keep travel.max_minutes");
}

TEST(travel_rule, a_request_with_a_group_takes_the_groups_limits_unless_it_gives_its_own) {
  GroupDocument group = fagernes_group();
  group.travel = {25, 50};
  Json document = to_json(template_course());
  document.erase("travel");
  document["group"] = to_json(group);
  EXPECT_EQ(course_request_from_json(document).travel, (TravelLimits{25, 50}));
  document["travel"] = {{"warn_minutes", 5}};
  EXPECT_EQ(course_request_from_json(document).travel, (TravelLimits{5, 60}));
  // The group document reads and writes its own.
  EXPECT_EQ(group_from_json(to_json(group)).travel, group.travel);
}

}  // namespace
}  // namespace paarorende
