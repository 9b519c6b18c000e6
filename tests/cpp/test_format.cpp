// Course formats (DOMAIN C1-C11, C4, G9, P1, P2, V4, X5), the parallel offer (P1) and regions
// (V1, V3).
#include <gtest/gtest.h>

#include <algorithm>

#include "fixtures.hpp"
#include "paarorende/format.hpp"
#include "paarorende/json.hpp"
#include "paarorende/parallel_offer.hpp"
#include "paarorende/region.hpp"

namespace paarorende {
namespace {

using test_support::input_error;

bool follows(const CourseFormat& format, const char* rule) {
  return std::find(format.rules.begin(), format.rules.end(), rule) != format.rules.end();
}

TEST(builtin_formats, are_the_six_of_the_issue_in_order) {
  std::vector<std::string> ids;
  for (const auto& format : builtin_formats()) ids.push_back(format.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"monthly_parents", "biweekly_parents", "fathers_session",
                                           "family_week", "meeting_place", "parallel_offer"}));
}

TEST(builtin_formats, monthly_course_defaults_are_the_request_defaults) {
  // DOMAIN C1-C4: the monthly course is what a request without a format already is.
  const CourseFormat& monthly = builtin_format("monthly_parents");
  CourseRequest plain;
  CourseRequest from_format = course_request(monthly);
  EXPECT_EQ(from_format.format, std::optional<std::string>("monthly_parents"));
  from_format.format.reset();
  EXPECT_EQ(from_format, plain);
  EXPECT_EQ(monthly.evaluation_form, "sandefjord-pilot");
  EXPECT_EQ(monthly.group_rules, GroupRules{});
  for (const char* rule : {"C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10", "C11"}) {
    EXPECT_TRUE(follows(monthly, rule)) << rule;
  }
  EXPECT_EQ(monthly.sources.at("sessions"), "C1");
  EXPECT_EQ(monthly.sources.at("cadence_weeks"), "C4");
}

TEST(builtin_formats, biweekly_differs_only_in_cadence) {
  // DOMAIN C4: every 2 weeks is the named alternative.
  CourseFormat biweekly = builtin_format("biweekly_parents");
  EXPECT_EQ(biweekly.based_on, "monthly_parents");
  EXPECT_EQ(biweekly.cadence_weeks, 2);
  CourseFormat monthly = builtin_format("monthly_parents");
  biweekly.cadence_weeks = 4;
  EXPECT_EQ(biweekly.schedule_rules, monthly.schedule_rules);
  EXPECT_EQ(biweekly.group_rules, monthly.group_rules);
  EXPECT_EQ(biweekly.agenda, monthly.agenda);
}

TEST(builtin_formats, fathers_session_is_one_session_for_fathers_opening_with_a_topic) {
  // DOMAIN G9.
  const CourseFormat& fathers = builtin_format("fathers_session");
  EXPECT_EQ(fathers.audience, Audience::fathers);
  EXPECT_EQ(fathers.sessions, 1);
  EXPECT_FALSE(fathers.schedule_rules.getting_to_know_first);
  EXPECT_EQ(fathers.group_rules.min_participants, 3);
  EXPECT_EQ(fathers.group_rules.fathers_session, RuleWeight::off);
  EXPECT_TRUE(follows(fathers, "G9"));
}

TEST(builtin_formats, family_week_is_five_days_for_children_0_to_4) {
  // DOMAIN P2.
  const CourseFormat& week = builtin_format("family_week");
  EXPECT_EQ(week.kind, FormatKind::family_week);
  EXPECT_EQ(week.sessions, 5);
  EXPECT_EQ(week.min_age, 0);
  EXPECT_EQ(week.max_age, 4);
  EXPECT_EQ(week.group_rules.rare_peers, RuleWeight::hard);  // DOMAIN G8
  EXPECT_TRUE(follows(week, "P2"));
}

TEST(builtin_formats, meeting_place_is_for_children_6_to_16_in_winter_with_volunteers) {
  // DOMAIN V4, X5.
  const CourseFormat& place = builtin_format("meeting_place");
  EXPECT_EQ(place.kind, FormatKind::meeting_place);
  EXPECT_EQ(place.audience, Audience::children);
  EXPECT_EQ(place.min_age, 6);
  EXPECT_EQ(place.max_age, 16);
  EXPECT_EQ(place.season_first_month, 1);
  EXPECT_EQ(place.season_last_month, 3);
  EXPECT_EQ(place.staffing.min_adults, 2);
  EXPECT_TRUE(place.staffing.police_certificate);
  EXPECT_TRUE(place.staffing.volunteers);
}

TEST(builtin_formats, parallel_offer_has_its_own_staff) {
  // DOMAIN P1, X5.
  const CourseFormat& offer = builtin_format("parallel_offer");
  EXPECT_EQ(offer.kind, FormatKind::parallel_offer);
  EXPECT_EQ(offer.staffing.min_adults, 2);
  EXPECT_EQ(parallel_offer_rules(offer).min_staff, 2);
  EXPECT_EQ(parallel_offer_rules(offer).children_per_staff, 4);
}

TEST(builtin_formats, every_one_passes_its_own_checks_and_names_its_rules) {
  for (const auto& format : builtin_formats()) {
    EXPECT_NO_THROW(check_format(format)) << format.id;
    EXPECT_FALSE(format.rules.empty()) << format.id;
    EXPECT_FALSE(format.sources.empty()) << format.id;
  }
}

TEST(builtin_formats, unknown_id_names_the_known_ones) {
  const InputError error = input_error([] { builtin_format("weekly", "/format"); });
  EXPECT_EQ(std::string(error.message()),
            "no built-in format \"weekly\" (known: monthly_parents, biweekly_parents, "
            "fathers_session, family_week, meeting_place, parallel_offer)");
  EXPECT_EQ(error.where(), "/format");
}

TEST(custom_format, is_based_on_a_builtin_and_changes_only_what_it_gives) {
  const CourseFormat format = format_from_json(parse_json(R"json({
    "id": "skien_six",
    "based_on": "biweekly_parents",
    "name_nb": "Foreldrekurs i Skien",
    "sessions": 6,
    "schedule_rules": {"max_move_weeks": 3},
    "group_rules": {"min_participants": 7},
    "sources": {"sessions": "C1 (the upper end)"}
  })json"));
  EXPECT_EQ(format.based_on, "biweekly_parents");
  EXPECT_EQ(format.sessions, 6);
  EXPECT_EQ(format.cadence_weeks, 2);  // from the base
  EXPECT_EQ(format.name_en, builtin_format("biweekly_parents").name_en);
  EXPECT_EQ(format.schedule_rules.max_move_weeks, 3);
  EXPECT_EQ(format.schedule_rules.max_sessions, 6);  // the others kept
  EXPECT_EQ(format.group_rules.min_participants, 7);
  EXPECT_EQ(format.group_rules.max_participants, 16);
  EXPECT_EQ(format.sources.at("sessions"), "C1 (the upper end)");
  EXPECT_EQ(format.sources.at("cadence_weeks"), "C4");
  // Read back from its JSON, it is equal.
  EXPECT_EQ(format_from_json(to_json(format)), format);
}

TEST(custom_format, a_longer_session_is_the_model_length_of_its_plans) {
  // DOMAIN C2: a format's own session length is what its plans are checked against.
  const CourseFormat format = format_from_json(parse_json(
      R"({"id": "long", "based_on": "monthly_parents", "session_minutes": 120, "earliest_start": "14:00"})"));
  EXPECT_EQ(format.schedule_rules.session_minutes, 120);
  CourseRequest request = course_request(format);
  request.first_date = Date(2019, 11, 5);
  const CourseSchedule schedule = plan_course(request);
  EXPECT_EQ(schedule.sessions[0].start_time(), ClockTime(14, 30, 0));
  for (const auto& finding : validate(schedule)) EXPECT_NE(finding.rule, "C2") << finding;
}

TEST(custom_format, errors_say_where_and_which_rule) {
  auto error = input_error([] {
    format_from_json(parse_json(R"({"id": "x", "based_on": "monthly_parents", "session_minutes": 20})"));
  });
  EXPECT_EQ(std::string(error.message()), "the introduction must be shorter than the session (20 minutes)");
  EXPECT_EQ(error.where(), "/introduction_minutes");
  EXPECT_EQ(error.rule(), "C2");

  error = input_error([] {
    format_from_json(parse_json(R"({"id": "x", "based_on": "meeting_place", "staffing": {"min_adults": 1}})"));
  });
  EXPECT_EQ(std::string(error.message()), "a session for children has at least two adults present, got 1");
  EXPECT_EQ(error.where(), "/staffing/min_adults");
  EXPECT_EQ(error.rule(), "X5");

  error = input_error([] {
    format_from_json(parse_json(R"({"id": "x", "based_on": "monthly", "sessions": 4})"));
  });
  EXPECT_EQ(std::string(error.message()),
            "no format \"monthly\" to base on (known: monthly_parents, biweekly_parents, "
            "fathers_session, family_week, meeting_place, parallel_offer)");
  EXPECT_EQ(error.where(), "/based_on");

  error = input_error([] {
    format_from_json(parse_json(R"({"id": "monthly_parents", "based_on": "monthly_parents"})"));
  });
  EXPECT_EQ(std::string(error.message()), "format id \"monthly_parents\" is taken by a built-in format; choose another");

  error = input_error([] {
    format_from_json(parse_json(R"({"id": "x", "based_on": "monthly_parents", "cadense_weeks": 3})"));
  });
  EXPECT_EQ(std::string(error.message()), "unknown field \"cadense_weeks\"");
  EXPECT_EQ(error.where(), "/cadense_weeks");

  error = input_error([] {
    format_from_json(parse_json(R"({"id": "x", "based_on": "monthly_parents", "earliest_start": "16:00"})"));
  });
  EXPECT_EQ(std::string(error.message()), "the window 16:00-16:30 does not hold a 90-minute session");
  EXPECT_EQ(error.rule(), "C3");

  error = input_error([] {
    format_from_json(parse_json(R"({"id": "x", "based_on": "monthly_parents", "group_rules": {"min_participants": 20}})"));
  });
  EXPECT_EQ(error.where(), "/group_rules/max_participants");

  error = input_error([] { format_from_json(parse_json(R"({"id": "x", "sessions": 3})")); });
  EXPECT_EQ(std::string(error.message()), "missing required field \"kind\"");
}

TEST(format_in_request, a_request_without_format_is_unchanged) {
  const Json document = parse_json(R"({"first_date": "2019-11-05", "venue": {"name": "Skolen"}})");
  const CourseRequest request = course_request_from_json(document);
  EXPECT_FALSE(request.format.has_value());
  EXPECT_FALSE(to_json(request).contains("format"));
  EXPECT_FALSE(to_json(request)["rules"].contains("getting_to_know_first"));
}

TEST(format_in_request, the_format_fills_defaults_and_the_request_overrides_them) {
  const CourseRequest request = course_request_from_json(parse_json(
      R"({"format": "biweekly_parents", "first_date": "2019-11-05", "sessions": 6})"));
  EXPECT_EQ(request.format, std::optional<std::string>("biweekly_parents"));
  EXPECT_EQ(request.cadence_weeks, 2);
  EXPECT_EQ(request.sessions, 6);
  EXPECT_EQ(request.title, "Mestringskurs for foreldre, annenhver uke");
  EXPECT_EQ(to_json(request)["format"], "biweekly_parents");
  EXPECT_EQ(course_request_from_json(to_json(request)), request);  // read back equal
}

TEST(format_in_request, fathers_session_plans_one_session_that_opens_with_a_topic) {
  // DOMAIN G9, C6: the fathers' session is no getting-to-know session.
  CourseRequest request = course_request(builtin_format("fathers_session"));
  request.first_date = Date(2019, 11, 12);
  request.wishes = {{"f1", {"fathers_session"}, false}, {"f2", {"fathers_session", "self_care"}, false}};
  request.presenters = {{"leader", "Kursleder", "course_leader", {}}};
  const CourseSchedule schedule = plan_course(request);
  ASSERT_EQ(schedule.sessions.size(), 1u);
  const Session& session = schedule.sessions.front();
  EXPECT_EQ(session.topic, std::optional<std::string>("fathers_session"));
  EXPECT_EQ(session.presenter, std::optional<std::string>("leader"));
  ASSERT_EQ(session.agenda.size(), 3u);
  EXPECT_EQ(session.agenda[1].kind, AgendaKind::introduction);
  EXPECT_EQ(session.agenda[2].kind, AgendaKind::reflection);
  EXPECT_FALSE(has_errors(validate(schedule)));
  for (const auto& finding : validate(schedule)) {
    EXPECT_NE(finding.rule, "C1") << finding;  // one session is within the format's 1-2
    EXPECT_NE(finding.rule, "T6") << finding;
  }
  // The monthly course's rules would call the same session wrong.
  CourseSchedule as_monthly = schedule;
  as_monthly.request.rules.getting_to_know_first = true;
  bool t6 = false;
  for (const auto& finding : validate(as_monthly)) t6 = t6 || finding.rule == "T6";
  EXPECT_TRUE(t6);
}

TEST(format_in_request, a_non_course_format_is_refused) {
  const InputError error = input_error([] {
    course_request_from_json(parse_json(R"({"format": "meeting_place", "first_date": "2019-11-05"})"));
  });
  EXPECT_EQ(std::string(error.message()),
            "format \"meeting_place\" is a meeting_place, not a course; plan it with its own planner");
  EXPECT_EQ(error.where(), "/format");
}

TEST(format_in_request, an_inline_municipality_format) {
  const CourseRequest request = course_request_from_json(parse_json(R"({
    "format": {"id": "larvik", "based_on": "monthly_parents", "name_nb": "Larvikkurset", "latest_end": "17:00"},
    "first_date": "2019-11-05"})"));
  EXPECT_EQ(request.care_closes, ClockTime(17, 0, 0));
  EXPECT_EQ(request.title, "Larvikkurset");
  EXPECT_FALSE(to_json(request).contains("format"));  // its defaults are written out instead
}

TEST(format_in_group, the_group_rules_come_from_the_format) {
  const GroupDocument document = group_from_json(parse_json(R"({
    "format": "fathers_session", "rules": {"max_participants": 10}, "households": []})"));
  EXPECT_EQ(document.rules.min_participants, 3);
  EXPECT_EQ(document.rules.max_participants, 10);
  EXPECT_EQ(document.rules.fathers_session, RuleWeight::off);
}

// --- P1: the parallel offer ---------------------------------------------------------------

CourseSchedule school_course() {
  CourseRequest request;
  request.first_date = Date(2019, 11, 5);
  request.sessions = 3;
  request.venue = {"Enggrav skole", ""};
  return plan_course(request);
}

ParallelOfferPlan offer_plan(std::vector<int> ages, int staff) {
  ParallelOfferPlan plan;
  plan.schedule = school_course();
  plan.venue_kind = VenueKind::school;
  plan.rules = parallel_offer_rules(builtin_format("parallel_offer"));
  plan.activities = parallel_activities(plan.schedule, ages, staff);
  return plan;
}

TEST(parallel_offer, one_activity_per_session_at_the_same_time_and_place_passes) {
  const ParallelOfferPlan plan = offer_plan({3, 7, 9, 12}, 2);
  ASSERT_EQ(plan.activities.size(), 3u);
  EXPECT_EQ(plan.activities[0].place, "Enggrav skole");
  EXPECT_EQ(plan.activities[0].start, plan.schedule.sessions[0].start);
  EXPECT_TRUE(validate(plan).empty());
}

TEST(parallel_offer, a_session_at_a_school_without_one_is_reported_unless_switched_off) {
  ParallelOfferPlan plan = offer_plan({3, 7}, 2);
  plan.activities.erase(plan.activities.begin() + 1);
  auto findings = validate(plan);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "P1");
  EXPECT_EQ(findings[0].severity, Severity::error);
  EXPECT_EQ(findings[0].message,
            "session 2 (2019-12-03 15:00-16:30) at the school Enggrav skole has no parallel offer "
            "for the children and siblings");
  plan.rules.required = RuleWeight::soft;
  EXPECT_EQ(validate(plan)[0].severity, Severity::warning);
  plan.rules.required = RuleWeight::off;
  EXPECT_TRUE(validate(plan).empty());
  plan.rules.required = RuleWeight::hard;
  plan.venue_kind = VenueKind::community_hall;  // P1 concerns schools and kindergartens
  EXPECT_TRUE(validate(plan).empty());
}

TEST(parallel_offer, staffing_shortfall_and_partial_cover) {
  ParallelOfferPlan plan = offer_plan({2, 3, 4, 5, 6, 7, 8, 9, 10}, 2);  // 9 children: 3 staff
  plan.activities[0].end = oslo_time(Date(2019, 11, 5), ClockTime(16, 0, 0));
  plan.activities[2].place = "Gymsalen";
  const auto findings = validate(plan);
  std::vector<std::string> messages;
  for (const auto& f : findings) messages.push_back(f.rule + ": " + f.message);
  EXPECT_EQ(messages, (std::vector<std::string>{
                          "P1: session 1 (2019-11-05 15:00-16:30): the children's activity covers "
                          "15:00-16:00, not the whole session",
                          "X5: session 1 (2019-11-05 15:00-16:30): the children's activity has 2 of 3 "
                          "staff for 9 children",
                          "X5: session 2 (2019-12-03 15:00-16:30): the children's activity has 2 of 3 "
                          "staff for 9 children",
                          "P1: session 3 (2019-12-31 15:00-16:30): the children's activity is at "
                          "Gymsalen, not where the parents meet (Enggrav skole)",
                          "X5: session 3 (2019-12-31 15:00-16:30): the children's activity has 2 of 3 "
                          "staff for 9 children"}));
}

TEST(parallel_offer, staff_needed_follows_the_ratio_never_below_two) {
  ParallelOfferRules rules;
  EXPECT_EQ(staff_needed(0, rules), 2);
  EXPECT_EQ(staff_needed(8, rules), 2);
  EXPECT_EQ(staff_needed(9, rules), 3);
  rules.children_per_staff = 0;
  EXPECT_EQ(staff_needed(40, rules), 2);
}

TEST(parallel_offer, document_with_a_request_and_children) {
  const ParallelOfferPlan plan = parallel_offer_from_json(parse_json(R"({
    "request": {"first_date": "2019-11-05", "sessions": 2, "venue": {"name": "Enggrav skole"}},
    "venue_kind": "kindergarten",
    "rules": {"children_per_staff": 3},
    "children": {"ages": [1, 4, 6, 8], "staff": 2}})"));
  EXPECT_EQ(plan.activities.size(), 2u);
  EXPECT_EQ(plan.rules.children_per_staff, 3);
  const auto findings = validate(plan);
  ASSERT_EQ(findings.size(), 0u);
  const InputError error = input_error([] {
    parallel_offer_from_json(parse_json(R"({
      "request": {"first_date": "2019-11-05"}, "venue_kind": "school", "rules": {"min_staff": 1}})"));
  });
  EXPECT_EQ(error.rule(), "X5");
  EXPECT_EQ(error.where(), "/rules/min_staff");
}

// --- V1, V3: regions ----------------------------------------------------------------------

TEST(regions, valdres_has_its_six_municipalities_with_numbers) {
  const Region* valdres = find_builtin_region("valdres");
  ASSERT_NE(valdres, nullptr);
  std::vector<std::string> names;
  for (const auto& m : valdres->municipalities) names.push_back(m.number + " " + m.name);
  EXPECT_EQ(names, (std::vector<std::string>{"3449 Sør-Aurdal", "3450 Etnedal", "3451 Nord-Aurdal",
                                             "3452 Vestre Slidre", "3453 Øystre Slidre", "3454 Vang"}));
  for (const auto& m : valdres->municipalities) EXPECT_EQ(m.county, "Innlandet");
  EXPECT_EQ(valdres->find("Vang")->number, "3454");
  EXPECT_TRUE(validate(*valdres).empty());
}

TEST(regions, a_missing_unit_contact_is_a_v3_warning) {
  Region region = *find_builtin_region("valdres");
  region.municipalities[5].contacts.erase(region.municipalities[5].contacts.begin());
  const auto findings = validate(region);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "V3");
  EXPECT_EQ(findings[0].message, "Vang (3454) names no child-responsible contact in the unit helsestasjon");
}

TEST(regions, contacts_hold_no_personal_data) {
  const InputError error = input_error([] {
    region_from_json(parse_json(R"({"id": "r", "name": "R", "municipalities": [
      {"number": "3449", "name": "Sør-Aurdal", "contacts": [{"role": "barneansvarlig", "unit": "skole", "name": "Kari"}]}]})"));
  });
  EXPECT_EQ(std::string(error.message()), "a contact is a role and a unit, never a person's details");
  EXPECT_EQ(error.where(), "/municipalities/0/contacts/0/name");
  EXPECT_EQ(error.rule(), "X4");
}

TEST(regions, based_on_valdres_shares_venues_and_volunteers) {
  const Region region = region_from_json(parse_json(R"({
    "id": "valdres_2027", "based_on": "valdres",
    "venues": [{"name": "Fagernes kulturhus"}],
    "volunteers": [{"id": "v1", "certificate_valid_until": "2028-01-01"}, {"id": "v2"}]})"));
  EXPECT_EQ(region.municipalities.size(), 6u);
  EXPECT_EQ(region.venues.size(), 1u);
  const auto findings = validate(region);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message, "v2 has no police certificate and cannot be rostered");
  EXPECT_EQ(region_from_json(to_json(region)), region);
  const InputError error = input_error([] {
    region_from_json(parse_json(R"({"id": "r", "based_on": "valdres", "municipalities": [{"number": "345", "name": "X"}]})"));
  });
  EXPECT_EQ(std::string(error.message()), "a municipality number has four digits, got \"345\"");
  EXPECT_EQ(error.where(), "/municipalities/0/number");
}

}  // namespace
}  // namespace paarorende
