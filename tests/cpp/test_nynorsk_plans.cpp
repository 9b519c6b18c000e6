// Plans and their calendars in nynorsk (issue #23): a request's "language" (or --lang) chooses the
// language of every text a plan writes for people: its calendar's summaries and descriptions, the
// agenda, the topics and presenter roles, the title when none is given, and why a session moved.
// Every built-in text has a nynorsk version; a municipality's topic or format without one is
// refused in a nynorsk calendar, never shown in bokmål.
#include <gtest/gtest.h>

#include "../common/bokmal_only_words.hpp"
#include "fixtures.hpp"

#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/posix_time/posix_time.hpp>

#include "paarorende/family_week.hpp"
#include "paarorende/format.hpp"
#include "paarorende/ical.hpp"
#include "paarorende/io/family_week.hpp"
#include "paarorende/io/meeting_place.hpp"
#include "paarorende/json.hpp"
#include "paarorende/meeting_place.hpp"
#include "paarorende/schedule.hpp"

namespace {

using namespace paarorende;
using namespace paarorende::test_support;
using paarorende::test::bokmal_words_in;

const IcalOptions stamp{boost::posix_time::ptime(Date(2024, 1, 2), ClockTime(3, 4, 5)), "paarorende.invalid"};

// RFC 5545 3.1: the logical lines' text, folds removed and TEXT escapes read back, so that words
// can be checked.
std::string readable(std::string text) {
  for (std::size_t at; (at = text.find("\r\n ")) != std::string::npos;) text.erase(at, 3);
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      out += text[i + 1] == 'n' ? '\n' : text[i + 1];
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

// The texts of SUMMARY, DESCRIPTION and X-WR-CALNAME: what a person reads in a calendar.
std::string calendar_texts(const std::string& ical) {
  std::string texts;
  const std::string lines = readable(ical);
  std::size_t begin = 0;
  for (std::size_t end; (end = lines.find("\r\n", begin)) != std::string::npos; begin = end + 2) {
    const std::string_view line(lines.data() + begin, end - begin);
    for (std::string_view property : {"SUMMARY:", "DESCRIPTION:", "X-WR-CALNAME:"}) {
      if (line.starts_with(property)) texts += std::string(line.substr(property.size())) + "\n";
    }
  }
  return texts;
}

CourseRequest pilot_request_in(Language language) {
  Json document = load_json_file(source_dir / "examples/sandefjord_pilot/course.json");
  document["language"] = std::string(to_string(language));
  document.erase("title");  // the format's name in the language
  return course_request_from_json(document, source_dir / "examples/sandefjord_pilot");
}

TEST(builtin_texts, every_topic_role_and_format_has_nynorsk) {
  for (const PresenterRole& role : builtin_catalogue().roles) {
    EXPECT_FALSE(role.title_nn.empty()) << role.id;
    EXPECT_EQ(bokmal_words_in(role.title_nn), std::vector<std::string>{}) << role.id;
  }
  for (const Topic& topic : builtin_catalogue().topics) {
    EXPECT_FALSE(topic.title_nn.empty()) << topic.id;
    EXPECT_FALSE(topic.description_nn.empty()) << topic.id;
    EXPECT_EQ(bokmal_words_in(topic.title_nn + " " + topic.description_nn), std::vector<std::string>{}) << topic.id;
  }
  for (const CourseFormat& format : builtin_formats()) {
    EXPECT_FALSE(format.name_nn.empty()) << format.id;
    EXPECT_FALSE(format.description_nn.empty()) << format.id;
    std::string texts = format.name_nn + " " + format.description_nn;
    for (const FormatBlock& block : format.agenda) {
      EXPECT_FALSE(block.title_nn.empty()) << format.id << " " << block.kind;
      texts += " " + block.title_nn;
    }
    EXPECT_EQ(bokmal_words_in(texts), std::vector<std::string>{}) << format.id;
  }
  for (const PublicHoliday& holiday : public_holidays(2025)) EXPECT_FALSE(holiday.name_nn.empty()) << holiday.name_nb;
  EXPECT_EQ(public_holiday_on(Date(2025, 5, 17))->name(Language::nn), "Grunnlovsdagen");
}

TEST(plan_language, a_request_without_one_is_bokmal_and_keeps_its_title) {
  const CourseRequest request = load_course_request(source_dir / "examples/sandefjord_pilot/course.json");
  EXPECT_EQ(request.language, Language::nb);
  EXPECT_EQ(request.title, "Mestringskurs for foreldre – pilot");
  EXPECT_FALSE(to_json(request).contains("language"));
}

TEST(plan_language, the_title_defaults_to_the_formats_name_in_the_language) {
  EXPECT_EQ(pilot_request_in(Language::nn).title, "Meistringskurs for foreldre");
  EXPECT_EQ(pilot_request_in(Language::en).title, "Coping course for parents");
  EXPECT_EQ(pilot_request_in(Language::nb).title, "Mestringskurs for foreldre");
  EXPECT_EQ(to_json(pilot_request_in(Language::nn))["language"], "nn");
}

TEST(plan_language, the_command_lines_language_stands_for_the_documents) {
  const CourseRequest request =
      load_course_request(source_dir / "examples/valdres_groups/course.json", Language::en);
  EXPECT_EQ(request.language, Language::en);
}

TEST(plan_language, an_unknown_language_is_refused_at_its_pointer) {
  Json document = load_json_file(source_dir / "examples/sandefjord_pilot/course.json");
  document["language"] = "se";
  EXPECT_EQ(located(input_error([&] { (void)course_request_from_json(document, source_dir / "examples/sandefjord_pilot"); })),
            (Located{"/language", "a plan's language is nb, nn or en, got \"se\""}));
}

TEST(plan_language, a_format_without_a_nynorsk_name_needs_a_title) {
  Json document = load_json_file(source_dir / "examples/sandefjord_pilot/course.json");
  document.erase("title");
  document["language"] = "nn";
  document["format"] = Json{{"id", "kommunens_kurs"}, {"based_on", "monthly_parents"}, {"name_nb", "Kommunens kurs"}};
  EXPECT_EQ(located(input_error([&] { (void)course_request_from_json(document, source_dir / "examples/sandefjord_pilot"); })),
            (Located{"/language", "format \"kommunens_kurs\" has no name in nn (name_nn): give the plan a \"title\" in it"}));
  document["title"] = "Kurs for foreldre i Vang";
  EXPECT_EQ(course_request_from_json(document, source_dir / "examples/sandefjord_pilot").title, "Kurs for foreldre i Vang");
}

TEST(course_calendar, nynorsk_has_every_text_in_nynorsk) {
  const std::string ical = to_ical(plan_course(pilot_request_in(Language::nn)), stamp);
  const std::string texts = calendar_texts(ical);
  EXPECT_EQ(bokmal_words_in(texts), std::vector<std::string>{}) << texts;
  EXPECT_NE(texts.find("Meistringskurs for foreldre: samling 4 av 5 – Eigenomsorg\n"), std::string::npos) << texts;
  EXPECT_NE(texts.find("Tema: Eigenomsorg\nInnleiar: Psykolog (Psykolog, familietjenesten)\n"), std::string::npos)
      << texts;
  EXPECT_NE(texts.find("Leidd refleksjon og erfaringsutveksling"), std::string::npos);
  EXPECT_NE(ical.find("PRODID:-//paarorende//paarorende "), std::string::npos);
  EXPECT_NE(ical.find("//NN\r\n"), std::string::npos);
}

TEST(course_calendar, english_has_every_text_in_english) {
  const std::string texts = calendar_texts(to_ical(plan_course(pilot_request_in(Language::en)), stamp));
  EXPECT_NE(texts.find("Coping course for parents: session 4 of 5 – Self-care\n"), std::string::npos) << texts;
  EXPECT_NE(texts.find("Topic: Self-care\nPresenter: Psychologist"), std::string::npos) << texts;
  EXPECT_EQ(texts.find("samling"), std::string::npos);
}

// DOMAIN C11, X1: why a session moved, in the calendar's language: a public holiday by its name
// in nynorsk.
TEST(course_calendar, a_public_holiday_move_names_the_holiday_in_nynorsk) {
  CourseRequest request = pilot_request_in(Language::nn);
  request.school_calendar.reset();
  request.school_days.reset();
  request.weekday.reset();
  request.wishes.clear();
  request.presenters.clear();
  request.sessions = 1;
  request.first_date = Date(2025, 5, 1);  // Thursday, 1 May
  const CourseSchedule schedule = plan_course(request);
  ASSERT_TRUE(schedule.sessions.front().moved_from.has_value());
  const std::string texts = calendar_texts(to_ical(schedule, stamp));
  EXPECT_NE(texts.find("Flytta frå 2025-05-01 (Arbeidarane sin dag)"), std::string::npos) << texts;
}

TEST(course_calendar, a_topic_without_nynorsk_is_refused_not_shown_in_bokmal) {
  CourseRequest request = pilot_request_in(Language::nn);
  TopicCatalogue catalogue = builtin_catalogue();
  for (Topic& topic : catalogue.topics) {
    if (topic.id == "self_care") topic.title_nn.clear();
  }
  request.catalogue = catalogue;
  const CourseSchedule schedule = plan_course(request);
  EXPECT_EQ(located(input_error([&] { (void)to_ical(schedule, stamp); })),
            (Located{"/language", "the title of topic \"self_care\" has no text in nynorsk, and a calendar in it "
                                  "shows no other language's"}));
  request.language = Language::nb;  // the same plan in bokmål has every text it needs
  EXPECT_NE(to_ical(plan_course(request), stamp).find("Egenomsorg"), std::string::npos);
}

TEST(season_calendar, nynorsk_has_every_text_in_nynorsk) {
  SeasonRequest request = load_season_request(source_dir / "examples/valdres_treffpunkt/season.json", Language::nn);
  EXPECT_EQ(request.title, "Treffpunkt Valdres, vinteren 2027");  // the document's own title is kept
  const Season season = plan_season(request);
  const std::string texts = calendar_texts(to_ical(season, stamp));
  EXPECT_EQ(bokmal_words_in(texts), std::vector<std::string>{}) << texts;
  EXPECT_NE(texts.find(": treff 1 av "), std::string::npos) << texts;
  EXPECT_NE(texts.find(" vaksne\n"), std::string::npos) << texts;
  EXPECT_NE(texts.find("Mat og prat"), std::string::npos) << texts;
}

TEST(family_week_calendar, nynorsk_has_every_text_in_nynorsk) {
  Json document = load_json_file(source_dir / "examples/family_week/request.json");
  document["language"] = "nn";
  document.erase("title");
  const FamilyWeekPlan plan = plan_family_week(family_week_request_from_json(document));
  EXPECT_EQ(plan.request.title, "Familiekurs, fem dagar");
  const std::string texts = calendar_texts(to_ical(plan, stamp));
  EXPECT_EQ(bokmal_words_in(texts), std::vector<std::string>{}) << texts;
  EXPECT_NE(texts.find("Familiekurs, fem dagar, dag 1: Undervisning: "), std::string::npos) << texts;
  EXPECT_NE(texts.find("For foreldra"), std::string::npos) << texts;
  EXPECT_NE(texts.find("Foreldrekveld: eige fellesskap"), std::string::npos) << texts;
}

// The plan's JSON carries every language's title of each agenda block.
TEST(plan_json, agenda_blocks_have_a_nynorsk_title) {
  const Json plan = to_json(plan_course(pilot_request_in(Language::nb)));
  const Json& item = plan["sessions"][3]["agenda"][1];
  EXPECT_EQ(item["title_nb"], "Innledning: Egenomsorg");
  EXPECT_EQ(item["title_nn"], "Innleiing: Eigenomsorg");
  EXPECT_EQ(item["title_en"], "Introduction: Self-care");
}

}  // namespace
