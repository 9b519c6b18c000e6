// The course plan as a specification (DOMAIN C5, C6, C7, C9, C10, T6, G9): plan_course gives
// session 1 to getting to know each other and sessions 2..n the topics the participants wished,
// each with a presenter of its role who is free that day; validate() finds every topic and
// presenter that breaks a rule; check_request() refuses bad presenters and wishes.
#include <gtest/gtest.h>

#include "fixtures.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "paarorende/error.hpp"
#include "paarorende/json.hpp"
#include "paarorende/schedule.hpp"

namespace {

using namespace paarorende;
using namespace paarorende::test_support;
using Ids = std::vector<std::string>;

// The Sandefjord pilot as shipped: dates, children in lower secondary, nine participants' wishes
// and five presenters (the psychologist cannot come on 2020-01-07).
// Its calendar is marked example data; here it stands for the municipality's own, so that the
// findings are the topic rules' alone (the example-data note is tested in test_schedule.cpp).
CourseRequest shipped_pilot_request() {
  CourseRequest request = load_course_request(paarorende::test_support::source_dir / "examples/sandefjord_pilot/course.json");
  request.school_calendar->example_data = false;
  return request;
}

const CourseSchedule& pilot_plan() {
  static const CourseSchedule plan = plan_course(shipped_pilot_request());
  return plan;
}

void set_topic(Session& s, std::optional<std::string> topic, std::optional<std::string> presenter) {
  s.topic = std::move(topic);
  s.presenter = std::move(presenter);
}

// ---------------------------------------------------------------------------------------------
// The pilot's course plan

// DOMAIN C6, T6, C5: session 1 is getting to know each other; the Borda count ranks
// palliative_care_and_rights and self_care first (27 points each, x 150% for lower secondary,
// 6 wishers each: catalogue order), then municipal_services (23) and sexuality_and_identity
// (21). The psychologist cannot come on 2020-01-07 (session 3), so self_care and
// municipal_services change places (C7).
TEST(pilot_course_plan, sessions_get_the_wished_topics) {
  EXPECT_EQ(topics_of(pilot_plan()),
            (Ids{"getting_to_know", "palliative_care_and_rights", "municipal_services", "self_care",
                 "sexuality_and_identity"}));
}

// DOMAIN C7: "a face and a name": each topic's presenter is of its role and free that day.
TEST(pilot_course_plan, sessions_get_presenters_of_their_roles) {
  EXPECT_EQ(presenters_of(pilot_plan()),
            (Ids{"lms_leder", "barnepalliasjon", "koordinator", "psykolog", "helsesykepleier"}));
}

// DOMAIN C2, C7: the introduction block names the day's topic in both languages.
TEST(pilot_course_plan, introductions_are_titled_with_the_topic) {
  const TopicCatalogue& catalogue = builtin_catalogue();
  for (const Session& s : pilot_plan().sessions) {
    if (s.number == 1) continue;
    SCOPED_TRACE(s.number);
    const Topic& topic = *catalogue.find(*s.topic);
    int introductions = 0;
    for (const auto& item : s.agenda) {
      if (item.kind != AgendaKind::introduction) continue;
      ++introductions;
      EXPECT_EQ(item.title_nb, "Innledning: " + topic.title_nb);
      EXPECT_EQ(item.title_en, "Introduction: " + topic.title_en);
    }
    EXPECT_EQ(introductions, 1);
  }
  const auto& second = pilot_plan().sessions[1].agenda;
  EXPECT_EQ(second[1].title_nb, "Innledning: Barnepalliasjon og pårørenderettigheter – hva betyr dette?");
}

// DOMAIN C6, C9: the first session keeps its blocks: getting to know each other, the round of
// wishes, food on arrival.
TEST(pilot_course_plan, first_session_keeps_the_getting_to_know_agenda) {
  EXPECT_EQ(pilot_plan().sessions[0].agenda, standard_agenda(1, 90, 30));
}

// The plan reports the two moves (C11) and the reordering (C7), nothing else.
TEST(pilot_course_plan, findings_are_the_moves_and_the_reordering) {
  std::vector<Violation> expected = pilot_moves();
  expected.push_back({"C7", Severity::info,
                      "topics reordered over the dates so that more sessions have a presenter: "
                      "self_care, municipal_services moved",
                      std::nullopt});
  EXPECT_EQ(pilot_plan().findings, expected);
}

TEST(pilot_course_plan, validates_without_findings) {
  EXPECT_EQ(validate(pilot_plan()), std::vector<Violation>{});
}

// DOMAIN X4: the schedule document leaves out the participants' wishes and their children;
// everything else reads back equal.
CourseSchedule without_participants(CourseSchedule schedule) {
  schedule.request.wishes.clear();
  schedule.request.children.clear();
  return schedule;
}

TEST(pilot_course_plan, json_round_trip_is_equal_less_the_participants) {
  const CourseSchedule& plan = pilot_plan();
  EXPECT_EQ(course_schedule_from_json(to_json(plan)), without_participants(plan));
  const Json written = to_json(plan);
  EXPECT_FALSE(written["request"].contains("wishes"));
  EXPECT_FALSE(written["request"].contains("children"));
}

TEST(pilot_course_plan, writes_topic_and_presenter_of_each_session) {
  const Json written = to_json(pilot_plan());
  EXPECT_EQ(written["sessions"][0]["topic"], "getting_to_know");
  EXPECT_EQ(written["sessions"][0]["presenter"], "lms_leder");
  EXPECT_EQ(written["sessions"][4]["topic"], "sexuality_and_identity");
  EXPECT_EQ(written["sessions"][4]["presenter"], "helsesykepleier");
}

// The same input plans the same course.
TEST(pilot_course_plan, is_deterministic) {
  EXPECT_EQ(plan_course(shipped_pilot_request()), pilot_plan());
}

// ---------------------------------------------------------------------------------------------
// plan_course with other requests

// DOMAIN C6: without the round of wishes, the later topics are chosen in session 1.
TEST(plan_course, without_wishes_only_the_first_session_has_a_topic) {
  CourseRequest request = shipped_pilot_request();
  request.wishes.clear();
  const CourseSchedule plan = plan_course(request);
  EXPECT_EQ(topics_of(plan), (Ids{"getting_to_know", "-", "-", "-", "-"}));
  EXPECT_EQ(presenters_of(plan), (Ids{"lms_leder", "-", "-", "-", "-"}));
  EXPECT_EQ(plan.sessions[1].agenda, standard_agenda(2, 90, 30));
  EXPECT_EQ(validate(plan), std::vector<Violation>{});
}

// DOMAIN T6: session 1 is getting to know each other even without presenters; nobody is named.
TEST(plan_course, without_presenters_the_topics_still_come_with_c7_warnings) {
  CourseRequest request = shipped_pilot_request();
  request.presenters.clear();
  const CourseSchedule plan = plan_course(request);
  EXPECT_EQ(topics_of(plan), (Ids{"getting_to_know", "palliative_care_and_rights", "self_care",
                                  "municipal_services", "sexuality_and_identity"}));
  EXPECT_EQ(presenters_of(plan), (Ids{"-", "-", "-", "-", "-"}));
  const std::vector<Violation> warnings = with_rule(plan.findings, "C7");
  ASSERT_EQ(warnings.size(), 4u);
  EXPECT_EQ(warnings[0], (Violation{"C7", Severity::warning,
                                    "session 2 (palliative_care_and_rights): no presenter has the role "
                                    "palliative_care_nurse",
                                    2}));
}

// DOMAIN C7: a session nobody can present is reported once, by validate's rule, not twice.
TEST(plan_course, unstaffed_session_is_reported_once) {
  CourseRequest request = shipped_pilot_request();
  request.presenters.pop_back();  // helsesykepleier, the only health visitor
  const CourseSchedule plan = plan_course(request);
  EXPECT_EQ(plan.sessions[4].topic, "sexuality_and_identity");
  EXPECT_EQ(plan.sessions[4].presenter, std::nullopt);
  const std::vector<Violation> expected{
      {"C7", Severity::info,
       "topics reordered over the dates so that more sessions have a presenter: self_care, "
       "municipal_services moved",
       std::nullopt},
      {"C7", Severity::warning, "session 5 (sexuality_and_identity): no presenter has the role health_visitor",
       5},
  };
  EXPECT_EQ(with_rule(plan.findings, "C7"), expected);
}

// DOMAIN G9: a fathers' course may take the fathers' session as a topic.
TEST(plan_course, fathers_course_may_choose_the_fathers_session) {
  CourseRequest request = shipped_pilot_request();
  request.audience = Audience::fathers;
  // Five of nine fathers rank it first: 4 x 8 + 6 = 38 points, more than any other topic (27).
  for (std::size_t i = 0; i < 5; ++i) {
    request.wishes[i].topics.insert(request.wishes[i].topics.begin(), "fathers_session");
  }
  const CourseSchedule plan = plan_course(request);
  const Ids topics = topics_of(plan);
  EXPECT_NE(std::find(topics.begin(), topics.end(), "fathers_session"), topics.end());
  EXPECT_EQ(with_rule(plan.findings, "G9"), std::vector<Violation>{});
}

// DOMAIN G9: in a parents' course the fathers' session is left out, with a warning.
TEST(plan_course, parents_course_leaves_the_fathers_session_out_g9) {
  CourseRequest request = shipped_pilot_request();
  request.wishes[0].topics.insert(request.wishes[0].topics.begin(), "fathers_session");
  const CourseSchedule plan = plan_course(request);
  const Ids topics = topics_of(plan);
  EXPECT_EQ(std::find(topics.begin(), topics.end(), "fathers_session"), topics.end());
  ASSERT_EQ(with_rule(plan.findings, "G9").size(), 1u);
  EXPECT_EQ(with_rule(plan.findings, "G9")[0].severity, Severity::warning);
}

// DOMAIN C7: a municipality's catalogue gives a topic to its own role, and its presenter presents.
TEST(plan_course, municipal_catalogue_gives_a_topic_to_its_own_role) {
  CourseRequest request = shipped_pilot_request();
  request.catalogue = catalogue_from_json(parse_json(R"({
    "roles": [{"id": "pastor", "title_nb": "Prest", "title_en": "Pastor"}],
    "topics": [{"id": "palliative_care_and_rights", "override": true, "presenter_role": "pastor"}]})"));
  request.presenters.push_back({"prest", "Sokneprest", "pastor", {}});
  const CourseSchedule plan = plan_course(request);
  EXPECT_EQ(plan.sessions[1].topic, "palliative_care_and_rights");
  EXPECT_EQ(plan.sessions[1].presenter, "prest");
  EXPECT_EQ(course_schedule_from_json(to_json(plan)), without_participants(plan));
}

// ---------------------------------------------------------------------------------------------
// validate(): topics (DOMAIN C5, T6, G9)

// DOMAIN C5: a topic is given once.
TEST(validate, repeated_topic_is_a_c5_error) {
  CourseSchedule plan = pilot_plan();
  set_topic(session(plan, 3), "palliative_care_and_rights", "barnepalliasjon");
  const std::vector<Violation> expected{
      {"C5", Severity::error,
       "session 3 repeats the topic \"palliative_care_and_rights\" of session 2", 3}};
  EXPECT_EQ(validate(plan), expected);
}

TEST(validate, unknown_topic_is_a_c5_error) {
  CourseSchedule plan = pilot_plan();
  set_topic(session(plan, 2), "knitting", std::nullopt);
  const std::vector<Violation> expected{
      {"C5", Severity::error, "session 2: no topic \"knitting\" in the catalogue", 2}};
  EXPECT_EQ(validate(plan), expected);
}

// DOMAIN T6: the first session is always getting to know each other.
TEST(validate, first_session_with_another_topic_is_a_t6_error) {
  CourseSchedule plan = pilot_plan();
  set_topic(session(plan, 1), "family_life", "lms_leder");
  const std::vector<Violation> expected{
      {"T6", Severity::error, "session 1 is for getting to know each other, not \"family_life\"", 1}};
  EXPECT_EQ(with_rule(validate(plan), "T6"), expected);
}

// DOMAIN T6: ... and only the first.
TEST(validate, getting_to_know_on_a_later_session_is_a_t6_error) {
  CourseSchedule plan = pilot_plan();
  set_topic(session(plan, 2), "getting_to_know", "lms_leder");
  const std::vector<Violation> found = validate(plan);
  const std::vector<Violation> expected{
      {"T6", Severity::error, "session 2: getting to know each other is the first session's", 2}};
  EXPECT_EQ(with_rule(found, "T6"), expected);
  EXPECT_EQ(with_rule(found, "C5"),
            (std::vector<Violation>{{"C5", Severity::error,
                                     "session 2 repeats the topic \"getting_to_know\" of session 1", 2}}));
}

// DOMAIN G9: the fathers' session is not a topic of a parents' course.
TEST(validate, fathers_session_in_a_parents_course_is_a_g9_warning) {
  CourseSchedule plan = pilot_plan();
  set_topic(session(plan, 2), "fathers_session", "lms_leder");
  const std::vector<Violation> expected{
      {"G9", Severity::warning, "session 2: \"fathers_session\" is not for parents", 2}};
  EXPECT_EQ(validate(plan), expected);
}

// DOMAIN C6: with the round of wishes held, every later session has a topic.
TEST(validate, later_session_without_a_topic_is_a_c6_warning) {
  CourseSchedule plan = pilot_plan();
  set_topic(session(plan, 4), std::nullopt, std::nullopt);
  const std::vector<Violation> expected{{"C6", Severity::warning, "session 4 has no topic", 4}};
  EXPECT_EQ(validate(plan), expected);
}

// ---------------------------------------------------------------------------------------------
// validate(): presenters (DOMAIN C7)

TEST(validate, presenter_of_the_wrong_role_is_a_c7_error) {
  CourseSchedule plan = pilot_plan();
  session(plan, 2).presenter = "koordinator";
  const std::vector<Violation> expected{
      {"C7", Severity::error,
       "session 2: koordinator is a service_coordinator; \"palliative_care_and_rights\" is "
       "presented by a palliative_care_nurse",
       2}};
  EXPECT_EQ(validate(plan), expected);
}

// The psychologist cannot come on 2020-01-07 (session 3).
TEST(validate, presenter_who_cannot_come_is_a_c7_error) {
  CourseSchedule plan = pilot_plan();
  set_topic(session(plan, 3), "self_care", "psykolog");
  set_topic(session(plan, 4), "municipal_services", "koordinator");
  const std::vector<Violation> expected{
      {"C7", Severity::error, "session 3: psykolog cannot come on 2020-01-07", 3}};
  EXPECT_EQ(validate(plan), expected);
}

TEST(validate, unknown_presenter_is_a_c7_error) {
  CourseSchedule plan = pilot_plan();
  session(plan, 5).presenter = "nobody";
  const std::vector<Violation> expected{{"C7", Severity::error, "session 5: no presenter \"nobody\"", 5}};
  EXPECT_EQ(validate(plan), expected);
}

// Nobody of the role is free that day: the warning says so.
TEST(validate, later_topic_that_nobody_can_present_is_a_c7_warning) {
  CourseSchedule plan = pilot_plan();
  set_topic(session(plan, 3), "self_care", std::nullopt);
  set_topic(session(plan, 4), "municipal_services", "koordinator");
  const std::vector<Violation> expected{
      {"C7", Severity::warning,
       "session 3 (self_care): no presenter with the role psychologist is free on 2020-01-07", 3}};
  EXPECT_EQ(validate(plan), expected);
}

// Someone of the role is free, but nobody is named: the warning must not claim nobody is free.
TEST(validate, later_topic_without_a_presenter_names_who_is_free_c7) {
  CourseSchedule plan = pilot_plan();
  session(plan, 2).presenter.reset();
  const std::vector<Violation> expected{
      {"C7", Severity::warning,
       "session 2 (palliative_care_and_rights): no presenter is named; barnepalliasjon "
       "(palliative_care_nurse) is free on 2019-12-03",
       2}};
  EXPECT_EQ(validate(plan), expected);
}

// The first session's presenter is the course's own leader, named when one is free; its absence
// is no C7 finding (C7 concerns the later sessions' introductions).
TEST(validate, first_session_without_a_presenter_is_no_finding) {
  CourseSchedule plan = pilot_plan();
  session(plan, 1).presenter.reset();
  EXPECT_EQ(validate(plan), std::vector<Violation>{});
}

TEST(validate, returns_every_topic_and_presenter_finding_at_once) {
  CourseSchedule plan = pilot_plan();
  set_topic(session(plan, 1), "self_care", "lms_leder");
  session(plan, 2).presenter = "nobody";
  set_topic(session(plan, 5), "fathers_session", "lms_leder");
  const std::vector<Violation> found = validate(plan);
  EXPECT_EQ(with_rule(found, "T6").size(), 1u);
  EXPECT_EQ(with_rule(found, "C5").size(), 1u);  // session 4 repeats session 1's self_care
  EXPECT_EQ(with_rule(found, "C7").size(), 2u);  // lms_leder's role, and "nobody"
  EXPECT_EQ(with_rule(found, "G9").size(), 1u);
  EXPECT_TRUE(has_errors(found));
}

// ---------------------------------------------------------------------------------------------
// check_request(): presenters and wishes (DOMAIN C6, C7)

TEST(check_request, presenter_id_used_twice_is_rejected) {
  EXPECT_EQ(located(request_error(R"({"first_date": "2019-11-05", "presenters": [
    {"id": "psykolog", "role": "psychologist"}, {"id": "psykolog", "role": "service_coordinator"}]})")),
            (Located{"/presenters/1/id", "presenter id \"psykolog\" is used twice"}));
}

TEST(check_request, presenter_without_an_id_is_rejected) {
  CourseRequest request = shipped_pilot_request();
  request.presenters[2].id.clear();
  EXPECT_EQ(located(input_error([&] { check_request(request); })),
            (Located{"/presenters/2/id", "a presenter needs an id"}));
}

// DOMAIN C7: a presenter's role is one the catalogue knows.
TEST(check_request, presenter_of_an_unknown_role_is_a_c7_error) {
  const InputError error = request_error(
      R"({"first_date": "2019-11-05", "presenters": [{"id": "prest", "role": "pastor"}]})");
  EXPECT_EQ(error.rule(), "C7");
  EXPECT_EQ(located(error),
            (Located{"/presenters/0/role", "no presenter role \"pastor\" in the catalogue"}));
}

// The request's own catalogue is the one its presenters' roles are checked against.
TEST(check_request, presenter_of_a_role_the_requests_catalogue_adds_is_accepted) {
  const CourseRequest request = course_request_from_json(parse_json(R"({
    "first_date": "2019-11-05",
    "catalogue": {"roles": [{"id": "pastor", "title_nb": "Prest", "title_en": "Pastor"}]},
    "presenters": [{"id": "prest", "role": "pastor"}]})"));
  EXPECT_EQ(request.presenters[0].role, "pastor");
  EXPECT_NE(request.topics().find_role("pastor"), nullptr);
}

TEST(check_request, catalogue_errors_are_located_inside_the_request) {
  const InputError error = request_error(R"({"first_date": "2019-11-05", "catalogue": {"topics": [
    {"id": "self_care", "override": true, "presenter_role": "pastor"}]}})");
  EXPECT_EQ(error.rule(), "C7");
  EXPECT_EQ(error.where(), "/catalogue/topics/0/presenter_role");
}

// DOMAIN C6: wishes name topics of the catalogue.
TEST(check_request, unknown_wished_topic_is_rejected) {
  const InputError error = request_error(R"({"first_date": "2019-11-05", "wishes": [
    {"participant": "p01", "topics": ["self_care"]}, {"participant": "p02", "topics": ["knitting"]}]})");
  EXPECT_EQ(error.rule(), "C6");
  EXPECT_EQ(located(error),
            (Located{"/wishes/1/topics/0", "no topic \"knitting\" in the catalogue"}));
}

TEST(check_request, childs_grade_outside_its_stage_is_rejected) {
  EXPECT_EQ(located(request_error(
                R"({"first_date": "2019-11-05", "children": [{"stage": "primary", "grade": 9}]})")),
            (Located{"/children/0/grade", "grade 9 is not in primary"}));
}

TEST(check_request, plan_course_refuses_a_bad_presenter_too) {
  CourseRequest request = shipped_pilot_request();
  request.presenters.push_back(request.presenters[0]);
  const InputError error = input_error([&] { plan_course(request); });
  EXPECT_EQ(error.where(), "/presenters/5/id");
}

}  // namespace
