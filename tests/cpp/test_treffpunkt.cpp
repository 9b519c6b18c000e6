// Treffpunkt in operation (DOMAIN V1, V4, X4, X5): enrolments and the counts a season takes from
// them, the children's attendance, the children's own evaluation per age band, and the season's
// public plan.
#include <gtest/gtest.h>

#include <random>

#include "fixtures.hpp"
#include "paarorende/io/meeting_place.hpp"
#include "paarorende/io/treffpunkt.hpp"
#include "paarorende/meeting_place.hpp"
#include "paarorende/treffpunkt.hpp"

namespace paarorende {
namespace {

Enrolment enrolled(std::string id, int age) {
  return Enrolment{std::move(id), age, Consent{AdultRole::mother, Date(2026, 11, 20)}, {AdultRole::mother}, {}};
}

Enrolments some_enrolments(const std::vector<int>& ages) {
  Enrolments enrolments;
  for (std::size_t i = 0; i < ages.size(); ++i) enrolments.children.push_back(enrolled("tp-" + std::to_string(i), ages[i]));
  return enrolments;
}

const char* one_child_with(const char* consent) {
  static std::string text;
  text = std::string(R"({"children": [{"child": "tp-001", "age": 8, "consent": )") + consent +
         R"(, "collected_by": ["mother"]}]})";
  return text.c_str();
}

// --- enrolments ---------------------------------------------------------------------------------

TEST(enrolments, give_the_ages_a_season_counts_in_their_order) {
  EXPECT_EQ(enrolled_ages(some_enrolments({9, 6, 14})), (std::vector<int>{9, 6, 14}));
}

TEST(enrolments, read_back_to_themselves) {
  Enrolments enrolments = some_enrolments({7, 12});
  enrolments.children[1].collected_by = {};
  enrolments.children[1].must_know = {MustKnow::may_walk_home_alone, MustKnow::no_photos};
  EXPECT_EQ(enrolments_from_json(to_json(enrolments)), enrolments);
}

TEST(enrolments, refuse_a_consent_without_its_date) {
  // DOMAIN X4: in the document ...
  const InputError read = test_support::input_error_of([] { enrolments_from_json(parse_json(one_child_with(R"({"role": "mother"})"))); });
  EXPECT_EQ(read.where(), "/children/0/consent");
  EXPECT_EQ(read.rule(), "X4");
  EXPECT_EQ(read.message(), "missing required field \"date\": a guardian's consent has its date");
  // ... and as a value.
  Enrolments enrolments = some_enrolments({8});
  enrolments.children[0].consent.date = Date(boost::date_time::not_a_date_time);
  const InputError checked = test_support::input_error_of([&] { check_enrolments(enrolments); });
  EXPECT_EQ(checked.where(), "/children/0/consent/date");
  EXPECT_EQ(checked.rule(), "X4");
}

TEST(enrolments, refuse_a_code_outside_the_fixed_list_with_its_rule) {
  const InputError health = test_support::input_error_of([] {
    enrolments_from_json(parse_json(R"({"children": [{"child": "a", "age": 8, "consent": {"role": "mother", "date": "2026-11-20"},
      "collected_by": ["mother"], "must_know": ["epilepsy"]}]})"));
  });
  EXPECT_EQ(health.where(), "/children/0/must_know/0");
  EXPECT_EQ(health.rule(), "X4");
  EXPECT_EQ(health.message(),
            "expected no_photos, may_walk_home_alone, arranged_transport, new_this_season, sibling_enrolled, "
            "vegetarian_food, no_pork or interpreter_for_guardian, got \"epilepsy\"");
  const InputError collector = test_support::input_error_of([] {
    enrolments_from_json(parse_json(R"({"children": [{"child": "a", "age": 8, "consent": {"role": "mother", "date": "2026-11-20"},
      "collected_by": ["neighbour"]}]})"));
  });
  EXPECT_EQ(collector.where(), "/children/0/collected_by/0");
  EXPECT_EQ(collector.rule(), "X5");
}

TEST(enrolments, have_no_place_for_free_text_about_a_child) {
  const InputError note = test_support::input_error_of([] {
    enrolments_from_json(parse_json(R"({"children": [{"child": "a", "age": 8, "consent": {"role": "mother", "date": "2026-11-20"},
      "collected_by": ["mother"], "note": "mor er innlagt"}]})"));
  });
  EXPECT_EQ(note.where(), "/children/0/note");
  EXPECT_EQ(note.message(), "unknown field \"note\"");
}

TEST(enrolments, need_someone_to_collect_a_child_unless_it_may_walk_home) {
  Enrolments enrolments = some_enrolments({8});
  enrolments.children[0].collected_by.clear();
  const InputError error = test_support::input_error_of([&] { check_enrolments(enrolments); });
  EXPECT_EQ(error.where(), "/children/0/collected_by");
  EXPECT_EQ(error.rule(), "X5");
  enrolments.children[0].must_know = {MustKnow::may_walk_home_alone};
  EXPECT_NO_THROW(check_enrolments(enrolments));
}

TEST(enrolments, take_consent_from_a_guardian_not_another_adult) {
  Enrolments enrolments = some_enrolments({8});
  enrolments.children[0].consent.role = AdultRole::other_adult;
  const InputError error = test_support::input_error_of([&] { check_enrolments(enrolments); });
  EXPECT_EQ(error.where(), "/children/0/consent/role");
  EXPECT_EQ(error.rule(), "X4");
}

TEST(enrolments, warn_of_children_outside_the_ages_by_count_only) {
  const auto findings = validate(some_enrolments({5, 8, 17, 18}));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "V4");
  EXPECT_EQ(findings[0].message, "3 enrolled child(ren) outside the ages 6-16");
}

TEST(season_request, takes_its_counts_from_enrolments_as_from_ages) {
  const Json enrolments = to_json(some_enrolments({6, 7, 7, 11, 14}));
  const SeasonRequest from_enrolments =
      season_request_from_json(Json{{"first_date", "2027-01-06"}, {"enrolments", enrolments}});
  const SeasonRequest from_ages =
      season_request_from_json(Json{{"first_date", "2027-01-06"}, {"children_ages", {6, 7, 7, 11, 14}}});
  EXPECT_EQ(from_enrolments.children_ages, (std::vector<int>{6, 7, 7, 11, 14}));
  EXPECT_EQ(plan_season(from_enrolments), plan_season(from_ages));
}

TEST(season_request, refuses_enrolments_beside_ages) {
  const InputError error = test_support::input_error_of([] {
    season_request_from_json(Json{{"first_date", "2027-01-06"}, {"children_ages", {7}}, {"enrolments", Json{{"children", Json::array()}}}});
  });
  EXPECT_EQ(error.where(), "/enrolments");
  EXPECT_EQ(error.rule(), "V4");
}

TEST(season_request, locates_an_enrolment_error_inside_the_request) {
  const InputError error = test_support::input_error_of([] {
    season_request_from_json(Json{{"first_date", "2027-01-06"}, {"enrolments", parse_json(one_child_with(R"({"role": "father"})"))}});
  });
  EXPECT_EQ(error.where(), "/enrolments/children/0/consent");
  EXPECT_EQ(error.rule(), "X4");
}

TEST(season_request, reads_the_enrolment_file_beside_it) {
  const auto folder = test_support::source_dir / "examples" / "valdres_treffpunkt";
  const SeasonRequest request = load_season_request(folder / "season_from_enrolments.json");
  EXPECT_EQ(request.children_ages, enrolled_ages(load_enrolments(folder / "enrolments.json")));
  EXPECT_EQ(request.children_ages.size(), 22u);
}

// --- the children's attendance ------------------------------------------------------------------

ChildrenAttendance five_children_two_meetings() {
  ChildrenAttendance attendance;
  attendance.enrolments = some_enrolments({7, 8, 10, 12, 15});
  attendance.meetings = {{1, Date(2027, 1, 6), {"tp-0", "tp-1", "tp-2", "tp-3"}},
                         {2, Date(2027, 1, 20), {"tp-0", "tp-1", "tp-2", "tp-3", "tp-4"}}};
  return attendance;
}

TEST(children_attendance, is_one_record_per_enrolled_child_and_meeting) {
  const auto records = attendance_records(five_children_two_meetings());
  ASSERT_EQ(records.size(), 10u);
  EXPECT_EQ(records[4], (AttendanceRecord{"tp-4", 1, 0, 1}));
  EXPECT_EQ(records[9], (AttendanceRecord{"tp-4", 2, 1, 1}));
}

TEST(children_attendance, scores_per_meeting_with_small_counts_suppressed) {
  const AttendanceScores scores = score_children_attendance(five_children_two_meetings());
  ASSERT_FALSE(scores.suppressed);
  ASSERT_EQ(scores.sessions.size(), 2u);
  EXPECT_EQ(scores.sessions[0].households_present, 4);
  EXPECT_DOUBLE_EQ(*scores.rate, 0.9);
  // DOMAIN X4: one child came once (a count of 1), so the distribution hides it and its complement.
  ASSERT_EQ(scores.per_household.size(), 3u);
  EXPECT_FALSE(scores.per_household[1].count.has_value());
}

TEST(children_attendance, shows_nothing_for_fewer_children_than_the_threshold) {
  ChildrenAttendance attendance = five_children_two_meetings();
  attendance.enrolments.children.pop_back();
  attendance.meetings[1].present.pop_back();
  EXPECT_TRUE(score_children_attendance(attendance).suppressed);
}

TEST(children_attendance, refuses_a_child_not_enrolled) {
  ChildrenAttendance attendance = five_children_two_meetings();
  attendance.meetings[1].present.push_back("tp-9");
  const InputError error = test_support::input_error_of([&] { check_children_attendance(attendance); });
  EXPECT_EQ(error.where(), "/meetings/1/present/5");
  EXPECT_EQ(error.rule(), "V4");
  EXPECT_EQ(error.message(), "child \"tp-9\" is not enrolled");
}

// --- the children's own evaluation ----------------------------------------------------------------

TEST(children_forms, are_a_face_scale_for_6_9_and_one_to_five_for_10_16) {
  const auto bands = children_evaluation_forms();
  ASSERT_EQ(bands.size(), 2u);
  EXPECT_EQ(bands[0].ages, (AgeBand{6, 9}));
  EXPECT_EQ(bands[0].form.id, children_form_6_9_id);
  EXPECT_EQ(bands[0].form.items[0].max, 3);
  EXPECT_EQ(bands[0].form.items[0].labels.size(), 3u);  // a face for each value
  EXPECT_EQ(bands[1].ages, (AgeBand{10, 16}));
  EXPECT_EQ(bands[1].form.items[0].max, 5);
  for (const auto& band : bands) {
    EXPECT_NO_THROW(validate(band.form));
    const Item& again = band.form.items.at(*band.form.index_of("come_again"));
    EXPECT_EQ(again.kind, ItemKind::yes_no);
    EXPECT_EQ(band.form.items.back().kind, ItemKind::free_text);
    for (const auto& item : band.form.items) {
      EXPECT_TRUE(item.text.has(Language::nb) && item.text.has(Language::nn) && !item.text.en.empty()) << item.id;
    }
  }
}

Response answer(int how, int activities, int adults, bool again, std::string other = {}) {
  Response response;
  response.answers = {Answer{how, {}}, Answer{activities, {}}, Answer{adults, {}}, Answer{again ? 1 : 0, {}},
                      other.empty() ? Answer{} : Answer{std::nullopt, other}};
  return response;
}

std::vector<BandResponses> both_bands() {
  const auto forms = children_evaluation_forms();
  BandResponses young{forms[0].ages, {forms[0].form.id, 1, {}}};
  for (int how : {3, 3, 3, 2, 3, 1}) young.responses.responses.push_back(answer(how, 3, 3, true, "mer tegning"));
  BandResponses older{forms[1].ages, {forms[1].form.id, 1, {}}};
  for (int how : {5, 4, 4, 3, 4}) older.responses.responses.push_back(answer(how, 4, 5, how > 3));
  return {older, young};
}

TEST(children_evaluation, scores_each_band_on_its_own_scale_never_combined) {
  const auto scores = score_children_evaluation(both_bands());
  ASSERT_EQ(scores.size(), 2u);
  EXPECT_EQ(scores[0].ages, (AgeBand{6, 9}));  // in age order
  EXPECT_EQ(scores[0].scores.form.id, children_form_6_9_id);
  const ItemScores& young = scores[0].scores.courses.at(0).items.at(0);
  EXPECT_EQ(young.distribution.size(), 3u);
  EXPECT_DOUBLE_EQ(*young.mean, 15.0 / 6.0);
  const ItemScores& older = scores[1].scores.courses.at(0).items.at(0);
  EXPECT_EQ(older.distribution.size(), 5u);
  EXPECT_DOUBLE_EQ(*older.mean, 4.0);
}

TEST(children_evaluation, suppresses_a_band_with_fewer_answers_than_the_threshold) {
  auto responses = both_bands();
  responses[0].responses.responses.resize(4);  // the 10-16 band: 4 children answered
  const auto scores = score_children_evaluation(responses);
  EXPECT_TRUE(scores[1].scores.courses.at(0).suppressed);
  EXPECT_FALSE(scores[0].scores.courses.at(0).suppressed);
}

TEST(children_evaluation, keeps_free_text_only_when_asked) {
  const auto quiet = score_children_evaluation(both_bands());
  EXPECT_TRUE(quiet[0].scores.courses.at(0).items.back().comments.empty());
  ScoreOptions options;
  options.comments = true;
  const auto asked = score_children_evaluation(both_bands(), options);
  EXPECT_EQ(asked[0].scores.courses.at(0).items.back().comments.size(), 6u);
}

TEST(children_evaluation, refuses_a_band_without_its_own_form) {
  auto responses = both_bands();
  responses[0].ages = AgeBand{6, 16};
  const InputError error = test_support::input_error_of([&] { score_children_evaluation(responses); });
  EXPECT_EQ(error.where(), "/bands/0/age_band");
  EXPECT_EQ(error.rule(), "V4");
  EXPECT_EQ(error.message(), "no children's form for ages 6-16; the bands are 6-9 and 10-16");
}

TEST(children_responses, read_from_csv_each_row_against_its_bands_form) {
  const auto bands = children_responses_from_csv(
      "age_band,how_it_was,activities,adults,come_again,other\n6-9,glad fjes,2,3,ja,\n10-16,5,4,,nei,\n6-9,1,1,1,nei,\n");
  ASSERT_EQ(bands.size(), 2u);
  EXPECT_EQ(bands[0].responses.form_id, children_form_6_9_id);
  ASSERT_EQ(bands[0].responses.responses.size(), 2u);
  EXPECT_EQ(bands[0].responses.responses[0].answers[0].value, 3);  // the happy face
  EXPECT_EQ(bands[1].responses.responses[0].answers[0].value, 5);
}

TEST(children_responses, refuse_a_four_on_the_face_scale_where_it_stands) {
  const InputError error = test_support::input_error_of([] {
    children_responses_from_csv("age_band,how_it_was\n10-16,4\n6-9,4\n");
  });
  EXPECT_EQ(error.where().rfind("row 3, column 2", 0), 0u) << error.where();
}

TEST(children_responses, refuse_an_unknown_age_band_where_it_stands) {
  const InputError error = test_support::input_error_of([] { children_responses_from_csv("how_it_was,age_band\n3,6-9\n3,11-13\n"); });
  EXPECT_EQ(error.where(), "row 3, column 2 (age_band)");
  EXPECT_EQ(error.rule(), "V4");
}

TEST(children_responses, read_back_from_their_json_to_themselves) {
  const auto bands = children_responses_from_csv("age_band,how_it_was,come_again,other\n6-9,3,ja,Fint\n10-16,4,nei,\n");
  EXPECT_EQ(children_responses_from_json(to_json(bands)), bands);
}

// --- the public season plan -------------------------------------------------------------------------

Season planned(const std::vector<int>& ages, int max_band_size = 4) {
  SeasonRequest request;
  request.first_date = Date(2027, 1, 6);
  request.last_date = Date(2027, 1, 20);
  request.children_ages = ages;
  request.max_band_size = max_band_size;
  return plan_season(request);
}

TEST(public_plan, merges_a_band_of_1_to_4_with_its_smaller_neighbour) {
  // 6-9: 7, 10-12: 3, 13-16: 6 -> 10-12 joins 13-16 (6 < 7).
  const Season season = planned({6, 6, 7, 7, 8, 9, 9, 10, 11, 12, 13, 13, 14, 15, 16, 16});
  ASSERT_EQ(season.meetings[0].groups.size(), 3u);
  const PublicSeason plan = public_plan(season);
  const auto& groups = plan.meetings[0].groups;
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0], (PublicBand{{6, 9}, 7}));
  EXPECT_EQ(groups[1], (PublicBand{{10, 16}, 9}));
  EXPECT_EQ(plan.meetings[0].children, 16);
}

TEST(public_plan, shows_under_5_and_no_total_when_even_all_bands_are_few) {
  const PublicSeason plan = public_plan(planned({7, 12, 15}, 12));
  ASSERT_EQ(plan.meetings[0].groups.size(), 1u);
  EXPECT_TRUE(plan.meetings[0].groups[0].under_threshold());
  EXPECT_FALSE(plan.meetings[0].children.has_value());
  const Json json = to_json(plan, Language::nn);
  EXPECT_EQ(json["meetings"][0]["groups"][0]["label"], "6-16 år: under 5 barn");
  EXPECT_TRUE(json["meetings"][0]["groups"][0]["children"].is_null());
  EXPECT_EQ(to_json(plan, Language::en)["meetings"][0]["groups"][0]["label"], "ages 6-16: under 5 children");
}

TEST(public_plan, has_no_roster_or_findings_and_refuses_a_threshold_below_3) {
  const Json json = to_json(public_plan(planned({7, 8, 9, 10, 11, 12})));
  EXPECT_FALSE(json.contains("roster"));
  EXPECT_FALSE(json.contains("findings"));
  EXPECT_FALSE(json["meetings"][0].contains("adults_needed"));
  const InputError error = test_support::input_error_of([] { public_plan(planned({7}), 2); });
  EXPECT_EQ(error.rule(), "X4");
}

// The property of the public plan, over seeded random enrolments: no band shows a count of 1-4,
// and none can be worked out from the plan's own totals (a total is shown only beside bands that
// are all shown, and is itself never 1-4); the bands stay in age order without overlap.
TEST(public_plan, never_shows_or_lets_one_derive_a_count_of_1_to_4) {
  std::mt19937 random(20270106);
  int merged = 0, under = 0;  // the cases the property is about, so that it is not checked vacuously
  for (int trial = 0; trial < 300; ++trial) {
    std::vector<int> ages(std::uniform_int_distribution<int>(0, 40)(random));
    for (int& age : ages) age = std::uniform_int_distribution<int>(5, 17)(random);
    SeasonRequest request;
    request.first_date = Date(2027, 1, 6);
    request.last_date = Date(2027, 1, 6);
    request.children_ages = enrolled_ages(some_enrolments(ages));
    request.attendance_percent = std::uniform_int_distribution<int>(30, 100)(random);
    request.max_band_size = std::uniform_int_distribution<int>(1, 15)(random);
    const int threshold = std::uniform_int_distribution<int>(3, 6)(random);
    const Season season = plan_season(request);
    const PublicSeason plan = public_plan(season, threshold);
    merged += plan.meetings[0].groups.size() < season.meetings[0].groups.size();
    under += !plan.meetings[0].children.has_value();
    for (const auto& meeting : plan.meetings) {
      int next = 6;
      int shown = 0;
      bool hidden = false;
      for (const auto& band : meeting.groups) {
        EXPECT_GE(band.band.min_age, next) << "trial " << trial;  // a band of none is left out
        EXPECT_GE(band.band.max_age, band.band.min_age);
        next = band.band.max_age + 1;
        if (band.children) {
          EXPECT_FALSE(*band.children > 0 && *band.children < threshold) << "trial " << trial;
          shown += *band.children;
        } else {
          hidden = true;
        }
      }
      EXPECT_LE(next, 17) << "trial " << trial;
      EXPECT_EQ(meeting.children.has_value(), !hidden) << "trial " << trial;
      if (meeting.children) {
        EXPECT_EQ(*meeting.children, shown);
        EXPECT_FALSE(*meeting.children > 0 && *meeting.children < threshold) << "trial " << trial;
      }
      if (hidden) {
        EXPECT_EQ(meeting.groups.size(), 1u) << "a hidden band beside a shown one, trial " << trial;
      }
    }
  }
  EXPECT_GT(merged, 20);
  EXPECT_GT(under, 20);
}

}  // namespace
}  // namespace paarorende
