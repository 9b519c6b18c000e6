// The course plan's content (DOMAIN C5-C7, T1-T6, G6, G9, G10): the topic catalogue with its
// presenter roles, the participants' topic wishes and their aggregation into session topics, and
// the presenters who staff the sessions.
#include "binding.hpp"
#include "fields.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>

namespace {

using namespace paarorende;
using namespace paarorende::python;
using Path = std::filesystem::path;

// None stands for the built-in catalogue (DOMAIN T1-T6, G9), as in the C++ default arguments.
const TopicCatalogue& or_builtin(const TopicCatalogue* catalogue) {
  return catalogue != nullptr ? *catalogue : builtin_catalogue();
}

std::string repr(const Topic& topic) {
  return "Topic(" + field("id", topic.id) + ", " + field("source", topic.source) + ", " +
         field("title_nb", topic.title_nb) + ", " + field("title_en", topic.title_en) + ", " +
         field("description_nb", topic.description_nb) + ", " +
         field("description_en", topic.description_en) + ", " +
         field("title_nn", topic.title_nn) + ", " + field("description_nn", topic.description_nn) + ", " +
         field("presenter_role", topic.presenter_role) +
         ", stages=" + enum_list_text(topic.stages) +
         ", audiences=" + enum_list_text(topic.audiences) + ")";
}

// A summary, as SchoolCalendar's: a catalogue holds too much to read in one line.
std::string repr(const TopicCatalogue& catalogue) {
  std::string topics = "<" + counted(catalogue.topics.size(), "topic", "topics");
  if (!catalogue.topics.empty()) {
    topics += " " + catalogue.topics.front().id;
    if (catalogue.topics.size() > 1) topics += " .. " + catalogue.topics.back().id;
  }
  return "TopicCatalogue(roles=<" + std::to_string(catalogue.roles.size()) +
         " roles>, topics=" + topics + ">)";
}

std::string repr(const ChildProfile& child) {
  std::string text = "ChildProfile(stage=" + enum_text(child.stage);
  if (child.grade) text += ", " + field("grade", *child.grade);
  return text + ")";
}

}  // namespace

void register_topic(py::module_& m) {
  py::enum_<ChildStage>(m, "ChildStage",
                        "The child's stage (DOMAIN glossary, G6): groups are formed by it, and a "
                        "topic suits some stages.")
      .value("kindergarten", ChildStage::kindergarten, "Kindergarten (barnehage), ages 1-5.")
      .value("primary", ChildStage::primary, "Primary school (barneskole), grades 1-7.")
      .value("lower_secondary", ChildStage::lower_secondary,
             "Lower secondary school (ungdomsskole), grades 8-10.")
      .value("upper_secondary", ChildStage::upper_secondary,
             "Upper secondary school (videregående), grades 11-13.");

  py::enum_<Audience>(m, "Audience",
                      "Who a topic or an offer is for (DOMAIN G9: fathers asked for a session of "
                      "their own).")
      .value("parents", Audience::parents, "Parents: the coping course's audience (the default).")
      .value("fathers", Audience::fathers, "Fathers: a fathers' session (pappasamling, G9).")
      .value("children", Audience::children, "The children themselves.")
      .value("siblings", Audience::siblings, "The children's siblings.");

  m.def("stage_of_grade", &stage_of_grade, "grade"_a,
        "The ChildStage of a school grade (DOMAIN glossary): 1-7 primary, 8-10 lower secondary, "
        "11-13 upper secondary. Raises InputError for a grade outside 1-13.");

  m.attr("FIRST_SESSION_TOPIC") = std::string(first_session_topic);

  py::class_<PresenterRole> role(
      m, "PresenterRole",
      "A municipal employee's role (DOMAIN C7): the \"face and name\" that presents a topic, e.g. "
      "PresenterRole(id='psychologist', title_nb='Psykolog', title_en='Psychologist').");
  role.def(py::init([](std::string id, std::string title_nb, std::string title_en, std::string title_nn) {
             return PresenterRole{std::move(id), std::move(title_nb), std::move(title_en), std::move(title_nn)};
           }),
           py::kw_only(), "id"_a, "title_nb"_a = "", "title_en"_a = "", "title_nn"_a = "",
           "A presenter role with a stable slug `id` and its titles.")
      .def_readwrite("id", &PresenterRole::id,
                     "Stable slug (``[a-z0-9_]+``), e.g. \"palliative_care_nurse\".")
      .def_readwrite("title_nb", &PresenterRole::title_nb, "The title in Norwegian bokmål.")
      .def_readwrite("title_en", &PresenterRole::title_en, "The title in English.")
      .def_readwrite("title_nn", &PresenterRole::title_nn,
                     "The title in nynorsk; empty in an older file, and then a nynorsk plan refuses it.");
  def_keyword_value(role, keyword_repr_doc, "id", &PresenterRole::id, "title_nb",
                    &PresenterRole::title_nb, "title_en", &PresenterRole::title_en, "title_nn",
                    &PresenterRole::title_nn);

  py::class_<Topic> topic(
      m, "Topic",
      "A topic a later session can take (DOMAIN T1-T6, G9): titles and description in Norwegian "
      "bokmål, English and nynorsk, written as support for living well with the condition (G10), the "
      "presenter role that fits it (C7), the child stages it suits (G6) and its audiences.");
  topic
      .def(py::init([](std::string id, std::string source, std::string title_nb,
                       std::string title_en, std::string description_nb, std::string description_en,
                       std::string presenter_role, std::vector<ChildStage> stages,
                       std::vector<Audience> audiences, std::string title_nn, std::string description_nn) {
             return Topic{std::move(id),
                          std::move(source),
                          std::move(title_nb),
                          std::move(title_en),
                          std::move(description_nb),
                          std::move(description_en),
                          std::move(presenter_role),
                          std::move(stages),
                          std::move(audiences),
                          std::move(title_nn),
                          std::move(description_nn)};
           }),
           py::kw_only(), "id"_a, "source"_a = "", "title_nb"_a = "", "title_en"_a = "",
           "description_nb"_a = "", "description_en"_a = "", "presenter_role"_a = "",
           "stages"_a = std::vector<ChildStage>{}, "audiences"_a = std::vector<Audience>{},
           "title_nn"_a = "", "description_nn"_a = "",
           "A topic with a stable slug `id`. A catalogue read from JSON requires at least one "
           "stage and one audience, and a presenter_role it knows (DOMAIN C7).")
      .def_readwrite("id", &Topic::id, "Stable slug (``[a-z0-9_]+``), e.g. \"self_care\".")
      .def_readwrite("source", &Topic::source,
                     "The DOMAIN id it comes from (\"T1\"), or empty for a municipality's own.")
      .def_readwrite("title_nb", &Topic::title_nb, "The title in Norwegian bokmål.")
      .def_readwrite("title_en", &Topic::title_en, "The title in English.")
      .def_readwrite("description_nb", &Topic::description_nb,
                     "What the session is about, in Norwegian bokmål (DOMAIN G10).")
      .def_readwrite("description_en", &Topic::description_en,
                     "What the session is about, in English (DOMAIN G10).")
      .def_readwrite("title_nn", &Topic::title_nn,
                     "The title in nynorsk; empty in an older file, and then a nynorsk plan refuses it.")
      .def_readwrite("description_nn", &Topic::description_nn,
                     "What the session is about, in nynorsk (DOMAIN G10).")
      .def_readwrite("presenter_role", &Topic::presenter_role,
                     "The id of the PresenterRole that presents it (DOMAIN C7).")
      .def_property("stages", list_getter(&Topic::stages), list_setter(&Topic::stages),
                    "The child stages it suits (list[ChildStage]; DOMAIN G6). The list changes the value in place.")
      .def_property("audiences", list_getter(&Topic::audiences), list_setter(&Topic::audiences),
                    "Who it is for (list[Audience]; DOMAIN G9). The list changes the value in place.")
      .def("suits", &Topic::suits, "stage"_a,
           "True when the topic suits children at `stage` (a ChildStage; DOMAIN G6).")
      .def("is_for", &Topic::is_for, "audience"_a,
           "True when the topic is for `audience` (an Audience; DOMAIN G9).")
      .def(
          "to_dict",
          [](const Topic& self) {
            return py::module_::import("json").attr("loads")(dump(to_json(self), std::nullopt));
          },
          "The topic as the dict of its JSON form (docs/topics.md): stages and audiences as "
          "strings, \"source\" left out when empty.")
      .def("__str__", &streamed<Topic>, "\"self_care (Egenomsorg)\".");
  def_value(topic, [](const Topic& self) { return repr(self); });

  py::class_<TopicCatalogue> catalogue(
      m, "TopicCatalogue",
      "Presenter roles and topics, each id once, in a stable order: the built-in order, then a "
      "municipality's additions in the order of its file (DOMAIN T1-T6, G9).\n\n"
      "builtin_catalogue() holds every topic the seeds name; from_json() and load() add a "
      "municipality's own topics or override built-in ones by id. Iterating gives the topics; "
      "``len()`` counts them; ``id in catalogue`` asks for a topic id.");
  catalogue
      .def(py::init([](std::vector<PresenterRole> roles, std::vector<Topic> topics) {
             return TopicCatalogue{std::move(roles), std::move(topics)};
           }),
           py::kw_only(), "roles"_a = std::vector<PresenterRole>{},
           "topics"_a = std::vector<Topic>{},
           "A catalogue of `roles` and `topics`. TopicCatalogue() is empty: pass it as `base` "
           "to from_json() or load() for a catalogue that stands alone.")
      .def_property("roles", list_getter(&TopicCatalogue::roles),
                    list_setter(&TopicCatalogue::roles),
                    "The presenter roles in order (list[PresenterRole]; DOMAIN C7). The list changes the value in place.")
      .def_property("topics", list_getter(&TopicCatalogue::topics),
                    list_setter(&TopicCatalogue::topics),
                    "The topics in order (list[Topic]); the order is the last tie-breaker of "
                    "choose_topics(). The list changes the value in place.")
      .def(
          "find",
          [](const TopicCatalogue& self, std::string_view id) -> std::optional<Topic> {
            if (const Topic* found = self.find(id)) return *found;
            return std::nullopt;
          },
          "id"_a, "The topic with `id` (a copy), or None.")
      .def(
          "find_role",
          [](const TopicCatalogue& self, std::string_view id) -> std::optional<PresenterRole> {
            if (const PresenterRole* found = self.find_role(id)) return *found;
            return std::nullopt;
          },
          "id"_a, "The presenter role with `id` (a copy), or None.")
      .def(
          "index_of",
          [](const TopicCatalogue& self, std::string_view id) -> std::optional<int> {
            const int index = self.index_of(id);
            if (index < 0) return std::nullopt;
            return index;
          },
          "id"_a,
          "The position of the topic with `id` in topics, or None. choose_topics() breaks its "
          "last ties by it.")
      .def(
          "__len__", [](const TopicCatalogue& self) { return self.topics.size(); },
          "The number of topics.")
      .def(
          "__iter__",
          // Over a copy: the topics stay valid whatever happens to the catalogue meanwhile.
          [](const TopicCatalogue& self) { return py::iter(py::cast(self.topics)); },
          "Iterates over copies of the topics, in order.")
      .def(
          "__contains__",
          [](const TopicCatalogue& self, std::string_view id) { return self.find(id) != nullptr; },
          "id"_a, "True when the catalogue has a topic with the id `id` (a str).")
      .def_static(
          "from_json",
          [](std::string_view text, const TopicCatalogue* base) {
            return catalogue_from_json(parse_json(text), or_builtin(base));
          },
          "text"_a, "base"_a = py::none(),
          "Reads a catalogue document (docs/topics.md). With \"extends\": \"builtin\" (the "
          "default) its roles and topics are added to `base`, the built-in catalogue when None; "
          "pass TopicCatalogue() for one that stands alone. An entry whose id `base` has must say "
          "\"override\": true and replaces the fields it gives. `base` is never changed.\n\n"
          "Raises InputError, with .where the JSON pointer (\"/topics/0/id\") or line and column: "
          "for an id that is not a slug or appears twice, an override without the flag or of an "
          "unknown id, an unknown field, or a presenter_role the catalogue lacks (rule \"C7\").")
      .def_static(
          "load",
          [](const Path& path, const TopicCatalogue* base) {
            return load_catalogue(path, or_builtin(base));
          },
          "path"_a, "base"_a = py::none(),
          "Reads a catalogue document from a JSON file, as from_json(); errors name the file in "
          ".where.");
  def_to_json(catalogue,
              "The catalogue as a stand-alone JSON document (\"extends\": \"none\"), which "
              "from_json() reads back to an equal value. `indent=None` writes one line.")
      .def(
          "__repr__", [](const TopicCatalogue& self) { return repr(self); },
          "A summary: the number of roles and topics, the first and last topic id.");
  catalogue.def(
      "to_records",
      [](const TopicCatalogue& self) {
        py::list records;
        for (const Topic& topic : self.topics) {
          py::dict record;
          record["id"] = topic.id;
          record["title_nb"] = topic.title_nb;
          record["title_en"] = topic.title_en;
          record["title_nn"] = topic.title_nn;
          record["presenter_role"] = topic.presenter_role;
          py::list stages;
          for (ChildStage stage : topic.stages) stages.append(py::cast(stage).attr("name"));
          record["stages"] = std::move(stages);
          py::list audiences;
          for (Audience audience : topic.audiences) {
            audiences.append(py::cast(audience).attr("name"));
          }
          record["audiences"] = std::move(audiences);
          record["source"] = topic.source;
          records.append(std::move(record));
        }
        return records;
      },
      "The topics as a list of dicts, in catalogue order: id, title_nb, title_en, title_nn, "
      "presenter_role, stages and audiences (lists of enum names; DOMAIN G6, G9) and source.");
  def_value_semantics(catalogue);
  def_to_dataframe(catalogue,
                   "to_records() as a pandas.DataFrame, one row per topic. Raises ImportError when "
                   "pandas is not installed.");

  m.def("builtin_catalogue", &builtin_catalogue,
        "The built-in TopicCatalogue (a copy): every topic named in DOMAIN T1-T6 and G9 in "
        "Norwegian bokmål and English, with the presenter roles they need (C7). Changing the "
        "copy leaves the built-in one as it is.");

  py::class_<TopicWish> wish(
      m, "TopicWish",
      "One participant's topic wishes from the first session's round (DOMAIN C6): topic ids, "
      "most wanted first when ranked, or ticked (all equally wanted).");
  wish.def(py::init([](std::string participant, std::vector<std::string> topics, bool ranked) {
             return TopicWish{std::move(participant), std::move(topics), ranked};
           }),
           py::kw_only(), "participant"_a, "topics"_a = std::vector<std::string>{},
           "ranked"_a = true, "The wishes of `participant` (a pseudonymous id, never a name).")
      .def_readwrite("participant", &TopicWish::participant,
                     "A pseudonymous id (\"p01\"), never a name (DOMAIN X4).")
      .def_property("topics", list_getter(&TopicWish::topics), list_setter(&TopicWish::topics),
                    "Topic ids (list[str]); most wanted first when ranked. The list changes the value in place.")
      .def_readwrite("ranked", &TopicWish::ranked,
                     "True: the topics are ranked; False: ticked, all equally wanted.");
  def_keyword_value(wish, keyword_repr_doc, "participant", &TopicWish::participant, "topics",
                    &TopicWish::topics, "ranked", &TopicWish::ranked);

  py::class_<ChildProfile> child(
      m, "ChildProfile",
      "What the topic choice needs to know of a child in the group (DOMAIN G6, T3): the stage, "
      "and the school grade when known (1-13). No name, no diagnosis.");
  child
      .def(py::init([](std::optional<ChildStage> stage, std::optional<int> grade) {
             // Without a stage, the grade's (the only one choose_topics accepts), else primary.
             const ChildStage resolved =
                 stage ? *stage : (grade ? stage_of_grade(*grade) : ChildProfile{}.stage);
             return ChildProfile{resolved, grade};
           }),
           py::kw_only(), "stage"_a = py::none(), "grade"_a = py::none(),
           "A child at `stage` in school `grade` (1-13, or None). Without a stage it is the "
           "grade's (stage_of_grade()), or primary when the grade is unknown too.")
      .def_readwrite("stage", &ChildProfile::stage, "The child's stage (ChildStage; DOMAIN G6).")
      .def_readwrite("grade", &ChildProfile::grade,
                     "The school grade, 1-13, or None (DOMAIN T3: grades 7, 10 and 13 face a "
                     "transition).");
  def_value(child, [](const ChildProfile& self) { return repr(self); });

  py::class_<TopicRules> rules(
      m, "TopicRules",
      "The topic choice's defaults in one place; a municipality overrides them (the "
      "`topic_rules` object of its request).");
  // The constructor, properties and repr (every field) from TopicRules' table (wishes.hpp).
  def_field_value(rules, "The topic choice's rules; every argument defaults to the DOMAIN value.",
                  keyword_repr_doc, FieldRepr::every);

  py::class_<TopicScore> score(
      m, "TopicScore",
      "One wished topic's standing after the aggregation (DOMAIN C6, G6), for explaining the "
      "choice.");
  score
      .def(py::init([](std::string topic, long long points, long long weighted_points, int wishers,
                       bool suits_stage) {
             return TopicScore{std::move(topic), points, weighted_points, wishers, suits_stage};
           }),
           py::kw_only(), "topic"_a, "points"_a = 0, "weighted_points"_a = 0, "wishers"_a = 0,
           "suits_stage"_a = true, "The standing of `topic`.")
      .def_readwrite("topic", &TopicScore::topic, "The topic id.")
      .def_readwrite("points", &TopicScore::points,
                     "Borda points, doubled so that ticks stay whole numbers: a ranking of k "
                     "topics gives 2k, 2k-2, ..., 2; k ticks give k+1 each.")
      .def_readwrite("weighted_points", &TopicScore::weighted_points,
                     "Points after the stage weight (DOMAIN G6), in percent units: points x 150 "
                     "when the topic suits every child stage in the group, else points x 100.")
      .def_readwrite("wishers", &TopicScore::wishers,
                     "How many participants named it; the first tie-breaker.")
      .def_readwrite("suits_stage", &TopicScore::suits_stage,
                     "True when it suits every child stage in the group (DOMAIN G6).");
  def_keyword_value(score, keyword_repr_doc, "topic", &TopicScore::topic, "points",
                    &TopicScore::points, "weighted_points", &TopicScore::weighted_points, "wishers",
                    &TopicScore::wishers, "suits_stage", &TopicScore::suits_stage);

  py::class_<TopicChoice> choice(
      m, "TopicChoice",
      "The result of choose_topics(): the topics for sessions 2..n, the ranking that explains "
      "them, and findings (T3 suggestions, C6 fill-ins, wishes left out by T6 or G9).");
  choice
      .def(py::init([](std::vector<std::string> topics, std::vector<TopicScore> ranking,
                       std::vector<Violation> findings) {
             return TopicChoice{std::move(topics), std::move(ranking), std::move(findings)};
           }),
           py::kw_only(), "topics"_a = std::vector<std::string>{},
           "ranking"_a = std::vector<TopicScore>{}, "findings"_a = std::vector<Violation>{},
           "A topic choice; normally obtained from choose_topics().")
      .def_property("topics", list_getter(&TopicChoice::topics), list_setter(&TopicChoice::topics),
                    "Topic ids for sessions 2..n, most wanted first (list[str]; DOMAIN C5: each "
                    "once). The list changes the value in place.")
      .def_property("ranking", list_getter(&TopicChoice::ranking),
                    list_setter(&TopicChoice::ranking),
                    "Every wished topic, best first (list[TopicScore]). The list changes the value in place.")
      .def_property("findings", list_getter(&TopicChoice::findings),
                    list_setter(&TopicChoice::findings),
                    "Suggestions (T3), fill-ins (C6) and wishes left out (T6, G9) "
                    "(list[Violation]). The list changes the value in place.")
      .def(
          "to_records",
          [](const TopicChoice& self) {
            py::list records;
            for (const TopicScore& score : self.ranking) {
              py::dict record;
              record["topic"] = score.topic;
              record["points"] = score.points;
              record["weighted_points"] = score.weighted_points;
              record["wishers"] = score.wishers;
              record["suits_stage"] = score.suits_stage;
              record["chosen"] = std::find(self.topics.begin(), self.topics.end(), score.topic) !=
                                 self.topics.end();
              records.append(std::move(record));
            }
            return records;
          },
          "The ranking as a list of dicts, best first: topic, points, weighted_points, wishers, "
          "suits_stage (DOMAIN C6, G6) and chosen (whether it is in topics).");
  def_keyword_value(choice, keyword_repr_doc, "topics", &TopicChoice::topics, "ranking",
                    &TopicChoice::ranking, "findings", &TopicChoice::findings);
  def_to_dataframe(
      choice,
      "to_records() as a pandas.DataFrame, one row per ranked topic. Raises ImportError "
      "when pandas is not installed.");

  m.def(
      "choose_topics",
      [](const std::vector<TopicWish>& wishes, const TopicCatalogue* catalogue,
         const std::vector<ChildProfile>& children, int count, Audience audience,
         const std::optional<TopicRules>& topic_rules) {
        return choose_topics(wishes, or_builtin(catalogue), children, count, audience,
                             topic_rules.value_or(TopicRules{}));
      },
      "wishes"_a, "catalogue"_a = py::none(), "children"_a = std::vector<ChildProfile>{},
      "count"_a = CourseRequest{}.sessions - 1, "audience"_a = Audience::parents,
      "rules"_a = py::none(), py::call_guard<py::gil_scoped_release>(),
      "Chooses `count` topics for the sessions after the first from the wishes (list[TopicWish]) "
      "(DOMAIN C5, C6, G6, T3); returns a TopicChoice. `catalogue` None is the built-in one; "
      "`rules` None is TopicRules(); `count` defaults to the later sessions of a 5-session course "
      "(C1).\n\n"
      "The method, a modified Borda count: a participant who ranks k topics gives the first 2k "
      "points, the next 2k-2, ..., the last 2; one who ticks k topics gives each k+1 points (the "
      "same total, spread evenly). A topic that suits every child stage in the group (G6) has "
      "its points multiplied by rules.stage_weight_percent / 100. Ties go to the topic more "
      "participants named, then to the catalogue's order. The first session's topic (T6) and "
      "topics not for `audience` (G9) are never chosen. A group with a child in grade 7 gets "
      "\"transition_to_lower_secondary\", one with a child in grade 10 or 13 "
      "\"planning_adult_life\" (T3), in place of the lowest-ranked choice if need be. When the "
      "wishes name too few topics, the rest come from the catalogue: topics for the audience "
      "that suit the children's stages, in catalogue order (C6).\n\n"
      "Raises InputError (.where \"/wishes/2/topics/1\") for an unknown topic, a topic named "
      "twice by one participant, or a participant listed twice; (.where "
      "\"/children/0/grade\") for a grade outside 1-13 or not in the child's stage.");

  py::class_<Presenter> presenter(
      m, "Presenter",
      "A municipal employee who opens a later session with its topic, so the parents get \"a "
      "face and a name\" (DOMAIN C7): an id, the name shown to parents, a role, and the dates "
      "they cannot come.");
  presenter
      .def(py::init([](std::string id, std::string role, std::string name,
                       std::vector<Date> unavailable) {
             return Presenter{std::move(id), std::move(name), std::move(role),
                              std::move(unavailable)};
           }),
           py::kw_only(), "id"_a, "role"_a, "name"_a = "", "unavailable"_a = std::vector<Date>{},
           "Presenter `id` with the PresenterRole id `role`, away on the dates in `unavailable`.")
      .def_readwrite("id", &Presenter::id, "Stable id used in plans (Session.presenter).")
      .def_readwrite("name", &Presenter::name,
                     "The employee's name or title, shown to parents (DOMAIN C7); never a "
                     "participant's.")
      .def_readwrite("role", &Presenter::role, "A PresenterRole id (DOMAIN C7).")
      .def_property("unavailable", list_getter(&Presenter::unavailable),
                    list_setter(&Presenter::unavailable),
                    "The dates they cannot come (list[datetime.date]). The list changes the value in place.")
      .def("available_on", &Presenter::available_on, "date"_a,
           "True unless `date` (a datetime.date) is one of the unavailable dates (DOMAIN C7).");
  def_keyword_value(presenter, keyword_repr_doc, "id", &Presenter::id, "role", &Presenter::role,
                    "name", &Presenter::name, "unavailable", &Presenter::unavailable);

  py::class_<SessionStaffing> session_staffing(
      m, "SessionStaffing", "Which topic and presenter one later session gets (DOMAIN C5, C7).");
  session_staffing
      .def(py::init([](std::optional<std::string> topic, std::optional<std::string> presenter) {
             return SessionStaffing{std::move(topic), std::move(presenter)};
           }),
           py::kw_only(), "topic"_a = py::none(), "presenter"_a = py::none(),
           "A session's topic id and presenter id, each or both None.")
      .def_readwrite("topic", &SessionStaffing::topic,
                     "The topic id, or None when the session has none.")
      .def_readwrite("presenter", &SessionStaffing::presenter,
                     "The Presenter id, or None when nobody can come (DOMAIN C7).");
  def_keyword_value(session_staffing, keyword_repr_doc, "topic", &SessionStaffing::topic,
                    "presenter", &SessionStaffing::presenter);

  py::class_<Staffing> staffing(
      m, "Staffing",
      "The result of staff_sessions(): one SessionStaffing per date, and the findings (C7).");
  staffing
      .def(py::init([](std::vector<SessionStaffing> sessions, std::vector<Violation> findings) {
             return Staffing{std::move(sessions), std::move(findings)};
           }),
           py::kw_only(), "sessions"_a = std::vector<SessionStaffing>{},
           "findings"_a = std::vector<Violation>{},
           "A staffing; normally obtained from staff_sessions().")
      .def_property("sessions", list_getter(&Staffing::sessions), list_setter(&Staffing::sessions),
                    "One SessionStaffing per date given, in date order (list[SessionStaffing]). "
                    "The list changes the value in place.")
      .def_property("findings", list_getter(&Staffing::findings), list_setter(&Staffing::findings),
                    "An info when topics were reordered, and a warning for each session nobody "
                    "can present (list[Violation]; DOMAIN C7). The list changes the value in place.");
  def_keyword_value(staffing, keyword_repr_doc, "sessions", &Staffing::sessions, "findings",
                    &Staffing::findings);

  m.def(
      "staff_sessions",
      [](const std::vector<Date>& dates, const std::vector<std::string>& topics,
         const std::vector<Presenter>& presenters, const TopicCatalogue* catalogue,
         int first_number) {
        return staff_sessions(dates, topics, presenters, or_builtin(catalogue), first_number);
      },
      "dates"_a, "topics"_a, "presenters"_a, "catalogue"_a = py::none(), "first_number"_a = 2,
      py::call_guard<py::gil_scoped_release>(),
      "Places `topics` (ids, most wanted first) on `dates` (the later sessions', in order) and "
      "gives each a presenter whose role fits the topic and who is free that day (DOMAIN C7); "
      "returns a Staffing. `catalogue` None is the built-in one; `first_number` is the number of "
      "the session on dates[0], for messages.\n\n"
      "The topics keep their order where every session can be staffed so; otherwise the order "
      "that staffs the most sessions is found (an assignment problem, solved exactly), and among "
      "those the one closest to the wished order (an info finding names the topics moved). Of "
      "several free presenters the one with the fewest sessions so far presents, then the first "
      "by id. A session nobody can present keeps its topic, gets no presenter, and a C7 warning "
      "says so.\n\n"
      "Raises InputError for more topics than dates (rule \"C5\") or a topic the catalogue "
      "lacks (rule \"C7\").");
}
