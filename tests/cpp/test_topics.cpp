// The topic catalogue as a specification: the built-in topics every DOMAIN rule names (T1-T6,
// G9), written as support for living well (G10), and a municipality's own catalogue merged onto
// it by id (add, override, stand alone), every error located by a JSON pointer.
#include <gtest/gtest.h>

#include "fixtures.hpp"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "paarorende/error.hpp"
#include "paarorende/json.hpp"
#include "paarorende/topic.hpp"

namespace {

using namespace paarorende;
using namespace paarorende::test_support;
namespace fs = std::filesystem;

InputError catalogue_error(const std::string& text, const TopicCatalogue& base = builtin_catalogue()) {
  return input_error([&] { catalogue_from_json(parse_json(text), base); });
}

const Topic& topic_of(const TopicCatalogue& catalogue, const std::string& id) {
  const Topic* topic = catalogue.find(id);
  if (topic == nullptr) throw std::logic_error("no topic " + id + " in the test's catalogue");
  return *topic;
}

// A small stand-alone catalogue for merges onto a base other than the built-in one.
TopicCatalogue two_topic_catalogue() {
  TopicCatalogue catalogue;
  catalogue.roles = {{"course_leader", "Kursleder", "Course leader"},
                     {"psychologist", "Psykolog", "Psychologist"}};
  catalogue.topics = {
      {"getting_to_know", "T6", "Bli kjent", "Getting to know each other", "Hvordan vil vi ha møtene?",
       "How do we want our meetings?", "course_leader",
       {ChildStage::primary}, {Audience::parents}},
      {"self_care", "T1", "Egenomsorg", "Self-care", "Ta vare på seg selv.", "Looking after yourself.",
       "psychologist", {ChildStage::primary}, {Audience::parents}},
  };
  return catalogue;
}

// A municipality's own topic, complete, in the form its file gives it.
const char* const own_topic = R"({
  "id": "respite_care", "title_nb": "Avlastning", "title_en": "Respite care",
  "description_nb": "Avlastning i og utenfor hjemmet.", "description_en": "Respite at home and away.",
  "presenter_role": "service_coordinator", "stages": ["primary"], "audiences": ["parents"]})";

// ---------------------------------------------------------------------------------------------
// The built-in catalogue (DOMAIN T1-T6, G9, G10)

struct NamedTopic {
  const char* id;
  const char* source;
};

// Every topic the seeds name, with the DOMAIN rule that names it.
const std::vector<NamedTopic> named_topics{
    {"palliative_care_and_rights", "T1"},    {"self_care", "T1"},
    {"municipal_services", "T1"},            {"sexuality_and_identity", "T1"},
    {"medical_challenges", "T2"},            {"communication_and_interaction", "T2"},
    {"eating_and_nutrition", "T2"},          {"rights_benefits_services", "T2"},
    {"family_life", "T2"},                   {"transition_to_lower_secondary", "T3"},
    {"planning_adult_life", "T3"},           {"grief_and_grief_reactions", "T4"},
    {"meeting_others_rare_diagnosis", "T5"}, {"fathers_session", "G9"},
    {"getting_to_know", "T6"},
};

// DOMAIN T1-T6, G9: each named topic is there, with its DOMAIN id as its source.
TEST(builtin_catalogue, holds_every_topic_the_domain_names_with_its_source) {
  const TopicCatalogue& catalogue = builtin_catalogue();
  for (const auto& named : named_topics) {
    SCOPED_TRACE(named.id);
    const Topic* topic = catalogue.find(named.id);
    ASSERT_NE(topic, nullptr);
    EXPECT_EQ(topic->source, named.source);
  }
}

// Both languages, a title and a description each, for every topic.
TEST(builtin_catalogue, every_topic_has_titles_and_descriptions_in_nb_and_en) {
  for (const Topic& topic : builtin_catalogue().topics) {
    SCOPED_TRACE(topic.id);
    EXPECT_FALSE(topic.title_nb.empty());
    EXPECT_FALSE(topic.title_en.empty());
    EXPECT_FALSE(topic.description_nb.empty());
    EXPECT_FALSE(topic.description_en.empty());
    EXPECT_FALSE(topic.stages.empty());
    EXPECT_FALSE(topic.audiences.empty());
  }
}

// DOMAIN C7: every topic names a presenter role that the catalogue holds, with its titles.
TEST(builtin_catalogue, every_presenter_role_is_one_of_the_catalogues_roles) {
  const TopicCatalogue& catalogue = builtin_catalogue();
  for (const Topic& topic : catalogue.topics) {
    SCOPED_TRACE(topic.id);
    const PresenterRole* role = catalogue.find_role(topic.presenter_role);
    ASSERT_NE(role, nullptr) << topic.presenter_role;
    EXPECT_FALSE(role->title_nb.empty());
    EXPECT_FALSE(role->title_en.empty());
  }
}

TEST(builtin_catalogue, ids_of_topics_and_of_roles_are_unique) {
  const TopicCatalogue& catalogue = builtin_catalogue();
  std::set<std::string> topics;
  for (const Topic& topic : catalogue.topics) EXPECT_TRUE(topics.insert(topic.id).second) << topic.id;
  std::set<std::string> roles;
  for (const auto& role : catalogue.roles) EXPECT_TRUE(roles.insert(role.id).second) << role.id;
}

// DOMAIN T6: getting to know each other is the first topic, presented by the course leader.
TEST(builtin_catalogue, getting_to_know_is_the_first_topic) {
  const TopicCatalogue& catalogue = builtin_catalogue();
  ASSERT_FALSE(catalogue.topics.empty());
  EXPECT_EQ(catalogue.topics.front().id, first_session_topic);
  EXPECT_EQ(catalogue.index_of(first_session_topic), 0);
  EXPECT_EQ(catalogue.topics.front().presenter_role, "course_leader");
}

// DOMAIN G9: the fathers' session is for fathers only.
TEST(builtin_catalogue, fathers_session_is_for_fathers_only) {
  const Topic& topic = topic_of(builtin_catalogue(), "fathers_session");
  EXPECT_EQ(topic.audiences, std::vector<Audience>{Audience::fathers});
  EXPECT_TRUE(topic.is_for(Audience::fathers));
  EXPECT_FALSE(topic.is_for(Audience::parents));
}

// DOMAIN T3: each transition topic suits the stage the children leave.
TEST(builtin_catalogue, transition_topics_suit_the_stage_before_the_transition) {
  const TopicCatalogue& catalogue = builtin_catalogue();
  EXPECT_EQ(topic_of(catalogue, "transition_to_lower_secondary").stages,
            std::vector<ChildStage>{ChildStage::primary});
  EXPECT_TRUE(topic_of(catalogue, "planning_adult_life").suits(ChildStage::lower_secondary));
  EXPECT_TRUE(topic_of(catalogue, "planning_adult_life").suits(ChildStage::upper_secondary));
  EXPECT_FALSE(topic_of(catalogue, "planning_adult_life").suits(ChildStage::kindergarten));
}

// DOMAIN G10: the offer is support for living as well and as long as possible, not end-of-life
// care; no built-in text speaks of dying.
TEST(builtin_catalogue, no_text_speaks_of_dying_or_the_end_of_life) {
  const std::vector<std::string> words{"død", "Død", "dø ", "livets slutt", "end of life",
                                       "End of life", "dying", "Dying"};
  for (const Topic& topic : builtin_catalogue().topics) {
    SCOPED_TRACE(topic.id);
    for (const std::string& text : {topic.title_nb, topic.title_en, topic.description_nb,
                                    topic.description_en}) {
      for (const auto& word : words) {
        EXPECT_EQ(text.find(word), std::string::npos) << '"' << word << "\" in: " << text;
      }
    }
  }
}

// The built-in data goes through the municipal reader: written out and read back, it is equal.
TEST(builtin_catalogue, written_as_json_reads_back_equal) {
  const TopicCatalogue& catalogue = builtin_catalogue();
  EXPECT_EQ(catalogue_from_json(to_json(catalogue)), catalogue);
}

TEST(builtin_catalogue, find_and_index_of_an_unknown_id) {
  EXPECT_EQ(builtin_catalogue().find("knitting"), nullptr);
  EXPECT_EQ(builtin_catalogue().find_role("priest"), nullptr);
  EXPECT_EQ(builtin_catalogue().index_of("knitting"), -1);
}

// ---------------------------------------------------------------------------------------------
// Stages and audiences

// Glossary: primary school is grades 1-7, lower secondary 8-10, upper secondary 11-13.
TEST(stage_of_grade, follows_the_norwegian_school_stages) {
  EXPECT_EQ(stage_of_grade(1), ChildStage::primary);
  EXPECT_EQ(stage_of_grade(7), ChildStage::primary);
  EXPECT_EQ(stage_of_grade(8), ChildStage::lower_secondary);
  EXPECT_EQ(stage_of_grade(10), ChildStage::lower_secondary);
  EXPECT_EQ(stage_of_grade(11), ChildStage::upper_secondary);
  EXPECT_EQ(stage_of_grade(13), ChildStage::upper_secondary);
}

TEST(stage_of_grade, grade_outside_one_to_thirteen_is_an_input_error) {
  const InputError error = input_error([] { stage_of_grade(14); });
  EXPECT_EQ(error.message(), "a school grade is 1-13, got 14");
  EXPECT_EQ(input_error([] { stage_of_grade(0); }).message(), "a school grade is 1-13, got 0");
}

TEST(child_stage, names_read_back) {
  for (auto stage : {ChildStage::kindergarten, ChildStage::primary, ChildStage::lower_secondary,
                     ChildStage::upper_secondary}) {
    EXPECT_EQ(child_stage_from_string(to_string(stage)), stage);
  }
  EXPECT_EQ(child_stage_from_string("barneskole"), std::nullopt);
}

TEST(audience, names_read_back) {
  for (auto audience : {Audience::parents, Audience::fathers, Audience::children, Audience::siblings}) {
    EXPECT_EQ(audience_from_string(to_string(audience)), audience);
  }
  EXPECT_EQ(audience_from_string("mothers"), std::nullopt);
}

TEST(topic, prints_id_and_norwegian_title) {
  std::ostringstream out;
  out << topic_of(builtin_catalogue(), "self_care");
  EXPECT_EQ(out.str(), "self_care (Egenomsorg)");
}

// ---------------------------------------------------------------------------------------------
// A municipality's catalogue: merged onto the built-in one by id

// A new topic comes after the built-in ones, which stay as they were.
TEST(catalogue_from_json, adds_a_topic_after_the_builtin_ones) {
  const TopicCatalogue& builtin = builtin_catalogue();
  const TopicCatalogue merged =
      catalogue_from_json(parse_json(std::string(R"({"municipality": "Sandefjord", "topics": [)") +
                                     own_topic + "]}"));
  ASSERT_EQ(merged.topics.size(), builtin.topics.size() + 1);
  EXPECT_EQ(std::vector<Topic>(merged.topics.begin(), merged.topics.end() - 1), builtin.topics);
  EXPECT_EQ(merged.roles, builtin.roles);
  const Topic expected{"respite_care",
                       "",
                       "Avlastning",
                       "Respite care",
                       "Avlastning i og utenfor hjemmet.",
                       "Respite at home and away.",
                       "service_coordinator",
                       {ChildStage::primary},
                       {Audience::parents}};
  EXPECT_EQ(merged.topics.back(), expected);
}

// "override": true replaces only the fields given; the topic keeps its place.
TEST(catalogue_from_json, override_replaces_only_the_fields_given) {
  const TopicCatalogue merged = catalogue_from_json(parse_json(
      R"({"topics": [{"id": "self_care", "override": true, "presenter_role": "health_visitor"}]})"));
  Topic expected = topic_of(builtin_catalogue(), "self_care");
  expected.presenter_role = "health_visitor";
  EXPECT_EQ(topic_of(merged, "self_care"), expected);
  EXPECT_EQ(merged.index_of("self_care"), builtin_catalogue().index_of("self_care"));
  TopicCatalogue others = merged;
  others.topics[static_cast<std::size_t>(merged.index_of("self_care"))] =
      topic_of(builtin_catalogue(), "self_care");
  EXPECT_EQ(others, builtin_catalogue());
}

TEST(catalogue_from_json, override_of_stages_replaces_the_list) {
  const TopicCatalogue merged = catalogue_from_json(parse_json(
      R"({"topics": [{"id": "family_life", "override": true, "stages": ["kindergarten"]}]})"));
  EXPECT_EQ(topic_of(merged, "family_life").stages, std::vector<ChildStage>{ChildStage::kindergarten});
  EXPECT_EQ(topic_of(merged, "family_life").audiences,
            topic_of(builtin_catalogue(), "family_life").audiences);
}

// DOMAIN C7: a municipality names its own roles and gives topics to them.
TEST(catalogue_from_json, adds_a_role_and_a_topic_that_uses_it) {
  const TopicCatalogue merged = catalogue_from_json(parse_json(R"({
    "roles": [{"id": "hospital_chaplain", "title_nb": "Sykehusprest", "title_en": "Hospital chaplain"}],
    "topics": [{"id": "meaning_and_hope", "title_nb": "Mening og håp", "title_en": "Meaning and hope",
                "description_nb": "Hva gir mening i hverdagen?", "description_en": "What gives meaning?",
                "presenter_role": "hospital_chaplain", "stages": ["primary", "lower_secondary"],
                "audiences": ["parents", "fathers"]}]})"));
  EXPECT_EQ(merged.roles.back(), (PresenterRole{"hospital_chaplain", "Sykehusprest", "Hospital chaplain"}));
  EXPECT_EQ(topic_of(merged, "meaning_and_hope").presenter_role, "hospital_chaplain");
}

// An existing topic may be given to a role the same file adds.
TEST(catalogue_from_json, overrides_a_topic_onto_a_new_role) {
  const TopicCatalogue merged = catalogue_from_json(parse_json(R"({
    "roles": [{"id": "lms_nurse", "title_nb": "Sykepleier ved LMS", "title_en": "LMS nurse"}],
    "topics": [{"id": "self_care", "override": true, "presenter_role": "lms_nurse"}]})"));
  EXPECT_EQ(topic_of(merged, "self_care").presenter_role, "lms_nurse");
}

TEST(catalogue_from_json, override_of_a_role_replaces_its_titles) {
  const TopicCatalogue merged = catalogue_from_json(
      parse_json(R"({"roles": [{"id": "psychologist", "override": true, "title_nb": "Psykologspesialist"}]})"));
  const PresenterRole* role = merged.find_role("psychologist");
  ASSERT_NE(role, nullptr);
  EXPECT_EQ(role->title_nb, "Psykologspesialist");
  EXPECT_EQ(role->title_en, builtin_catalogue().find_role("psychologist")->title_en);
}

// "extends": "none": the file is the whole catalogue.
TEST(catalogue_from_json, extends_none_stands_alone) {
  const TopicCatalogue alone = catalogue_from_json(parse_json(R"({
    "extends": "none",
    "roles": [{"id": "course_leader", "title_nb": "Kursleder", "title_en": "Course leader"}],
    "topics": [{"id": "getting_to_know", "source": "T6", "title_nb": "Bli kjent",
                "title_en": "Getting to know each other", "description_nb": "Runde.",
                "description_en": "A round.", "presenter_role": "course_leader",
                "stages": ["primary"], "audiences": ["parents"]}]})"));
  ASSERT_EQ(alone.topics.size(), 1u);
  EXPECT_EQ(alone.topics[0].id, "getting_to_know");
  EXPECT_EQ(alone.roles, (std::vector<PresenterRole>{{"course_leader", "Kursleder", "Course leader"}}));
}

// DOMAIN T6: a stand-alone catalogue without the first session's topic is refused.
TEST(catalogue_from_json, extends_none_without_getting_to_know_is_a_t6_error) {
  const InputError error = catalogue_error(R"({
    "extends": "none",
    "roles": [{"id": "psychologist", "title_nb": "Psykolog", "title_en": "Psychologist"}],
    "topics": [{"id": "self_care", "title_nb": "Egenomsorg", "title_en": "Self-care",
                "description_nb": "Krefter.", "description_en": "Strength.",
                "presenter_role": "psychologist", "stages": ["primary"], "audiences": ["parents"]}]})");
  EXPECT_EQ(error.rule(), "T6");
  EXPECT_EQ(located(error),
            (Located{"/topics", "the catalogue needs the topic \"getting_to_know\""}));
}

TEST(catalogue_from_json, extends_other_than_builtin_or_none_is_rejected) {
  EXPECT_EQ(located(catalogue_error(R"({"extends": "oslo"})")),
            (Located{"/extends", "expected \"builtin\" or \"none\", got \"oslo\""}));
}

TEST(catalogue_from_json, merges_onto_the_base_it_is_given) {
  const TopicCatalogue merged = catalogue_from_json(
      parse_json(R"({"topics": [{"id": "self_care", "override": true, "title_en": "Caring for yourself"}]})"),
      two_topic_catalogue());
  TopicCatalogue expected = two_topic_catalogue();
  expected.topics[1].title_en = "Caring for yourself";
  EXPECT_EQ(merged, expected);
}

// ---------------------------------------------------------------------------------------------
// A municipality's catalogue: every error with its pointer and message

TEST(catalogue_from_json, builtin_id_without_override_is_rejected) {
  const InputError error =
      catalogue_error(R"({"topics": [{"id": "self_care", "presenter_role": "health_visitor"}]})");
  EXPECT_EQ(error.rule(), "");
  EXPECT_EQ(located(error), (Located{"/topics/0/id",
                                     "\"self_care\" is already in the catalogue; set \"override\": "
                                     "true to replace its fields"}));
}

TEST(catalogue_from_json, override_of_an_unknown_id_is_rejected) {
  EXPECT_EQ(located(catalogue_error(
                R"({"topics": [{"id": "knitting", "override": true, "title_nb": "Strikking"}]})")),
            (Located{"/topics/0/id", "no \"knitting\" in the catalogue to override"}));
}

TEST(catalogue_from_json, override_of_an_unknown_role_is_rejected) {
  EXPECT_EQ(located(catalogue_error(
                R"({"roles": [{"id": "priest", "override": true, "title_nb": "Prest"}]})")),
            (Located{"/roles/0/id", "no \"priest\" in the catalogue to override"}));
}

TEST(catalogue_from_json, new_id_twice_in_one_file_is_rejected) {
  EXPECT_EQ(located(catalogue_error(std::string(R"({"topics": [)") + own_topic + ", " + own_topic +
                                    "]}")),
            (Located{"/topics/1/id", "\"respite_care\" appears twice in this file"}));
}

// Two overrides of one id in one file would silently keep only the last; say so instead.
TEST(catalogue_from_json, override_twice_in_one_file_is_rejected) {
  EXPECT_EQ(located(catalogue_error(R"({"topics": [
    {"id": "self_care", "override": true, "presenter_role": "health_visitor"},
    {"id": "self_care", "override": true, "title_en": "Caring for yourself"}]})")),
            (Located{"/topics/1/id", "\"self_care\" appears twice in this file"}));
}

TEST(catalogue_from_json, role_twice_in_one_file_is_rejected) {
  EXPECT_EQ(located(catalogue_error(R"({"roles": [
    {"id": "priest", "title_nb": "Prest", "title_en": "Priest"},
    {"id": "priest", "title_nb": "Prest", "title_en": "Priest"}]})")),
            (Located{"/roles/1/id", "\"priest\" appears twice in this file"}));
}

TEST(catalogue_from_json, unknown_field_is_located_at_the_field) {
  EXPECT_EQ(located(catalogue_error(
                R"({"topics": [{"id": "self_care", "override": true, "presenter": "psykolog"}]})")),
            (Located{"/topics/0/presenter", "unknown field \"presenter\""}));
  EXPECT_EQ(catalogue_error(R"({"themes": []})").where(), "/themes");
}

TEST(catalogue_from_json, new_topic_missing_a_field_is_located_at_its_object) {
  EXPECT_EQ(
      located(catalogue_error(
          R"({"topics": [{"id": "respite_care", "title_nb": "Avlastning", "title_en": "Respite care"}]})")),
      (Located{"/topics/0", "missing required field \"description_nb\""}));
}

// DOMAIN C7: a topic's presenter role must be one the catalogue knows.
TEST(catalogue_from_json, unknown_presenter_role_is_a_c7_error) {
  const InputError error =
      catalogue_error(R"({"topics": [{"id": "self_care", "override": true, "presenter_role": "priest"}]})");
  EXPECT_EQ(error.rule(), "C7");
  EXPECT_EQ(located(error),
            (Located{"/topics/0/presenter_role", "no presenter role \"priest\" in the catalogue"}));
}

// The second of two new topics names a role nobody added: the pointer names that topic's field.
TEST(catalogue_from_json, unknown_presenter_role_of_a_new_topic_is_located_at_its_field) {
  const InputError error = catalogue_error(std::string(R"({"topics": [)") + own_topic + R"(,
    {"id": "house_adaptation", "title_nb": "Tilrettelegging av bolig", "title_en": "Adapting the home",
     "description_nb": "Hjelpemidler og bolig.", "description_en": "Aids and housing.",
     "presenter_role": "architect", "stages": ["primary"], "audiences": ["parents"]}]})");
  EXPECT_EQ(error.rule(), "C7");
  EXPECT_EQ(located(error), (Located{"/topics/1/presenter_role",
                                     "no presenter role \"architect\" in the catalogue"}));
}

TEST(catalogue_from_json, id_that_is_not_a_slug_is_rejected) {
  EXPECT_EQ(located(catalogue_error(R"({"topics": [{"id": "Self-care", "override": true}]})")),
            (Located{"/topics/0/id",
                     "an id is lower-case letters, digits and _ (at most 64), got \"Self-care\""}));
  EXPECT_EQ(catalogue_error(R"({"roles": [{"id": "", "title_nb": "X", "title_en": "X"}]})").where(),
            "/roles/0/id");
}

// DOMAIN G6: a topic suits at least one child stage.
TEST(catalogue_from_json, empty_stages_are_a_g6_error) {
  const InputError error =
      catalogue_error(R"({"topics": [{"id": "self_care", "override": true, "stages": []}]})");
  EXPECT_EQ(error.rule(), "G6");
  EXPECT_EQ(located(error), (Located{"/topics/0/stages", "a topic suits at least one stage"}));
}

TEST(catalogue_from_json, empty_audiences_are_rejected) {
  EXPECT_EQ(located(catalogue_error(
                R"({"topics": [{"id": "self_care", "override": true, "audiences": []}]})")),
            (Located{"/topics/0/audiences", "a topic has at least one audience"}));
}

TEST(catalogue_from_json, unknown_stage_is_located_at_its_entry) {
  EXPECT_EQ(
      located(catalogue_error(
          R"({"topics": [{"id": "self_care", "override": true, "stages": ["primary", "university"]}]})")),
      (Located{"/topics/0/stages/1",
               "expected kindergarten, primary, lower_secondary or upper_secondary, got "
               "\"university\""}));
}

TEST(catalogue_from_json, stage_listed_twice_is_rejected) {
  EXPECT_EQ(
      located(catalogue_error(
          R"({"topics": [{"id": "self_care", "override": true, "stages": ["primary", "primary"]}]})")),
      (Located{"/topics/0/stages/1", "\"primary\" is listed twice"}));
}

// ---------------------------------------------------------------------------------------------
// A municipality's catalogue: the base is never changed (strong guarantee)

TEST(catalogue_from_json, base_is_unchanged_after_a_failed_merge) {
  const TopicCatalogue base = two_topic_catalogue();
  const TopicCatalogue copy = base;
  // The first entry merges; the second fails: nothing of the first may stick.
  catalogue_error(R"({"topics": [
    {"id": "self_care", "override": true, "title_en": "Caring for yourself"},
    {"id": "knitting", "override": true}]})", base);
  EXPECT_EQ(base, copy);
  const TopicCatalogue builtin_copy = builtin_catalogue();
  catalogue_error(R"({"topics": [
    {"id": "self_care", "override": true, "title_en": "Caring for yourself"},
    {"id": "self_care", "presenter_role": "priest"}]})");
  EXPECT_EQ(builtin_catalogue(), builtin_copy);
}

TEST(catalogue_from_json, base_is_unchanged_after_a_successful_merge) {
  const TopicCatalogue builtin_copy = builtin_catalogue();
  const TopicCatalogue merged = catalogue_from_json(parse_json(
      R"({"topics": [{"id": "self_care", "override": true, "title_en": "Caring for yourself"}]})"));
  EXPECT_NE(merged, builtin_copy);
  EXPECT_EQ(builtin_catalogue(), builtin_copy);
}

// ---------------------------------------------------------------------------------------------
// Writing and loading

// A merged catalogue, written stand-alone ("extends": "none"), reads back equal.
TEST(catalogue_json, merged_catalogue_round_trips_as_a_stand_alone_document) {
  const TopicCatalogue merged = catalogue_from_json(parse_json(
      std::string(R"({"roles": [{"id": "lms_nurse", "title_nb": "Sykepleier", "title_en": "Nurse"}],
                      "topics": [{"id": "self_care", "override": true, "presenter_role": "lms_nurse"}, )") +
      own_topic + "]}"));
  const Json document = to_json(merged);
  EXPECT_EQ(document["extends"], "none");
  EXPECT_EQ(catalogue_from_json(document), merged);
  EXPECT_EQ(catalogue_from_json(document, two_topic_catalogue()), merged);
}

// A municipality's own topic has no DOMAIN source; the writer leaves the field out.
TEST(catalogue_json, topic_without_source_is_written_without_it) {
  const TopicCatalogue merged =
      catalogue_from_json(parse_json(std::string(R"({"topics": [)") + own_topic + "]}"));
  const Json written = to_json(merged.topics.back());
  EXPECT_FALSE(written.contains("source"));
  EXPECT_EQ(to_json(topic_of(merged, "self_care"))["source"], "T1");
}

TEST(catalogue_json, writes_stages_and_audiences_by_name) {
  const Json written = to_json(topic_of(builtin_catalogue(), "fathers_session"));
  EXPECT_EQ(written["audiences"], Json::array({"fathers"}));
  EXPECT_EQ(written["stages"],
            Json::array({"kindergarten", "primary", "lower_secondary", "upper_secondary"}));
  EXPECT_EQ(written["presenter_role"], "course_leader");
}

TEST(load_catalogue, errors_are_located_in_the_file) {
  const fs::path file = fs::temp_directory_path() / "paarorende-test-load-catalogue.json";
  std::ofstream(file, std::ios::binary) << R"({"topics": [{"id": "knitting", "override": true}]})";
  EXPECT_EQ(
      located(input_error([&] { load_catalogue(file); })),
      (Located{file.string() + ":/topics/0/id", "no \"knitting\" in the catalogue to override"}));
  fs::remove(file);
}

TEST(load_catalogue, reads_a_municipal_file) {
  const fs::path file = fs::temp_directory_path() / "paarorende-test-load-catalogue-ok.json";
  std::ofstream(file, std::ios::binary) << std::string(R"({"topics": [)") + own_topic + "]}";
  EXPECT_EQ(load_catalogue(file).topics.back().id, "respite_care");
  fs::remove(file);
}

}  // namespace
