// Treffpunkt in operation (DOMAIN V1, V4, X4, X5): enrolments, the children's attendance, the
// children's own evaluation per age band and the season's public plan. A thin skin: the logic is
// the C++ core's (treffpunkt.hpp, meeting_place.hpp).
#include "binding.hpp"

#include "paarorende/io/treffpunkt.hpp"
#include "paarorende/meeting_place.hpp"
#include "paarorende/treffpunkt.hpp"

namespace {

using namespace paarorende;
using namespace paarorende::python;

// "mother, father": a list of codes in one DataFrame cell, as a spreadsheet would hold it.
template <class Enum>
std::string codes_text(const std::vector<Enum>& codes) {
  std::string text;
  for (Enum code : codes) text += (text.empty() ? "" : ", ") + std::string(to_string(code));
  return text;
}

py::list enrolment_records(const Enrolments& enrolments) {
  py::list records;
  for (const auto& child : enrolments.children) {
    py::dict record;
    record["child"] = child.child;
    record["age"] = child.age;
    record["consent_role"] = std::string(to_string(child.consent.role));
    record["consent_date"] = py::cast(child.consent.date);
    record["collected_by"] = codes_text(child.collected_by);
    record["must_know"] = codes_text(child.must_know);
    records.append(record);
  }
  return records;
}

const std::vector<Column>& enrolment_columns() {
  static const std::vector<Column> columns{{"child", "string"},        {"age", "Int64"},
                                           {"consent_role", "string"}, {"consent_date", "object"},
                                           {"collected_by", "string"}, {"must_know", "string"}};
  return columns;
}

py::list attendance_rows(const ChildrenAttendance& attendance) {
  check_children_attendance(attendance);
  py::list records;
  for (const auto& meeting : attendance.meetings) {
    for (const auto& child : attendance.enrolments.children) {
      py::dict record;
      record["meeting"] = meeting.meeting;
      record["date"] = py::cast(meeting.date);
      record["child"] = child.child;
      record["age"] = child.age;
      record["present"] = std::find(meeting.present.begin(), meeting.present.end(), child.child) != meeting.present.end();
      records.append(record);
    }
  }
  return records;
}

const std::vector<Column>& attendance_columns() {
  static const std::vector<Column> columns{
      {"meeting", "Int64"}, {"date", "object"}, {"child", "string"}, {"age", "Int64"}, {"present", "boolean"}};
  return columns;
}

py::list public_records(const PublicSeason& plan) {
  py::list records;
  for (const auto& meeting : plan.meetings) {
    for (const auto& band : meeting.groups) {
      py::dict record;
      record["number"] = meeting.number;
      record["date"] = py::cast(meeting.date());
      record["start"] = py::cast(meeting.start);
      record["end"] = py::cast(meeting.end);
      record["min_age"] = band.band.min_age;
      record["max_age"] = band.band.max_age;
      record["children"] = band.children ? py::cast(*band.children) : py::none();
      record["under_threshold"] = band.under_threshold();
      records.append(record);
    }
  }
  return records;
}

const std::vector<Column>& public_columns() {
  static const std::vector<Column> columns{{"number", "Int64"},  {"date", "object"},    {"start", "object"},
                                           {"end", "object"},    {"min_age", "Int64"},  {"max_age", "Int64"},
                                           {"children", "Int64"}, {"under_threshold", "boolean"}};
  return columns;
}

ScoreOptions score_options(int threshold, bool comments) {
  ScoreOptions options;
  options.threshold = threshold;
  options.comments = comments;
  return options;
}

}  // namespace

void register_treffpunkt(py::module_& m) {
  py::enum_<AdultRole>(m, "AdultRole", "An adult by role: who consents for a child and who collects it (DOMAIN X4, X5).")
      .value("mother", AdultRole::mother, "The child's mother.")
      .value("father", AdultRole::father, "The child's father.")
      .value("guardian", AdultRole::guardian, "Another guardian.")
      .value("other_adult", AdultRole::other_adult, "Another adult the guardian names by role; collects, never consents.");

  py::enum_<MustKnow>(m, "MustKnow", "What the volunteers must know about a child: a fixed list, never health details (DOMAIN X4).")
      .value("no_photos", MustKnow::no_photos, "Not to be photographed.")
      .value("may_walk_home_alone", MustKnow::may_walk_home_alone, "May leave alone after the meeting.")
      .value("arranged_transport", MustKnow::arranged_transport, "Comes and goes by arranged transport.")
      .value("new_this_season", MustKnow::new_this_season, "The child's first season.")
      .value("sibling_enrolled", MustKnow::sibling_enrolled, "A sibling is enrolled too.")
      .value("vegetarian_food", MustKnow::vegetarian_food, "Vegetarian food.")
      .value("no_pork", MustKnow::no_pork, "No pork.")
      .value("interpreter_for_guardian", MustKnow::interpreter_for_guardian, "Talk with the guardian through an interpreter.");

  py::class_<Consent> consent(m, "Consent", "A guardian's consent by role, dated (DOMAIN X4).");
  consent.def(py::init([](AdultRole role, Date date) { return Consent{role, date}; }), py::kw_only(), "role"_a,
              "date"_a, "A consent.")
      .def_readwrite("role", &Consent::role, "Who consented: mother, father or guardian.")
      .def_readwrite("date", &Consent::date, "When.");
  def_keyword_value(consent, keyword_repr_doc, "role", &Consent::role, "date", &Consent::date);

  py::class_<Enrolment> enrolment(m, "Enrolment", "One enrolled child, pseudonymous (DOMAIN X4): no name, no health detail, no free text.");
  enrolment
      .def(py::init([](std::string child, int age, Consent consent, std::vector<AdultRole> collected_by,
                       std::vector<MustKnow> must_know) {
             return Enrolment{std::move(child), age, consent, std::move(collected_by), std::move(must_know)};
           }),
           py::kw_only(), "child"_a, "age"_a, "consent"_a, "collected_by"_a = std::vector<AdultRole>{},
           "must_know"_a = std::vector<MustKnow>{}, "An enrolment.")
      .def_readwrite("child", &Enrolment::child, "A pseudonymous id.")
      .def_readwrite("age", &Enrolment::age, "Age at enrolment.")
      .def_readwrite("consent", &Enrolment::consent, "The guardian's consent.")
      .def_property("collected_by", list_getter(&Enrolment::collected_by), list_setter(&Enrolment::collected_by),
                    "Who may collect the child, by role (X5).")
      .def_property("must_know", list_getter(&Enrolment::must_know), list_setter(&Enrolment::must_know),
                    "What the volunteers must know, from the fixed list (X4).");
  def_value(enrolment, [](const Enrolment& e) { return streamed(e); }, "The pseudonym and the age only (X4).");

  py::class_<Enrolments> enrolments(m, "Enrolments", "The children enrolled at a meeting place, kept by its coordinator (docs/treffpunkt.md).");
  enrolments
      .def(py::init([](std::string meeting_place, std::string municipality, std::vector<Enrolment> children) {
             return Enrolments{std::move(meeting_place), std::move(municipality), std::move(children)};
           }),
           py::kw_only(), "meeting_place"_a = "Treffpunkt", "municipality"_a = "",
           "children"_a = std::vector<Enrolment>{}, "Enrolments.")
      .def_readwrite("meeting_place", &Enrolments::meeting_place, "The meeting place's name.")
      .def_readwrite("municipality", &Enrolments::municipality, "The host municipality.")
      .def_property("children", list_getter(&Enrolments::children), list_setter(&Enrolments::children),
                    "The enrolled children.")
      .def_static("load", [](const std::filesystem::path& path) { return load_enrolments(path); }, "path"_a,
                  "Reads an enrolment document; errors name the file, the JSON pointer and the rule.")
      .def("to_records", &enrolment_records, "One dict per child: child, age, consent_role, consent_date, collected_by, must_know.")
      .def(
          "to_dataframe",
          [](const Enrolments& self) {
            return typed_dataframe(enrolment_records(self), enrolment_columns(), "Enrolments.to_dataframe()");
          },
          "to_records() as a pandas.DataFrame, its columns and dtypes fixed.")
      .def(
          "to_dict", [](const Enrolments& self) { return json_object(to_json(self)); },
          "The JSON document as Python dicts and lists.");
  def_from_json(enrolments, [](const Json& d) { return enrolments_from_json(d); },
                "Reads an enrolment document from JSON text.");
  def_to_json(enrolments, "The JSON text; indent None writes one line.");
  def_repr_html(enrolments);
  def_value(enrolments, [](const Enrolments& e) {
    return "Enrolments(" + field("meeting_place", e.meeting_place) + ", " + counted(e.children.size(), "child", "children") + ")";
  });

  m.def("check_enrolments", &check_enrolments, "enrolments"_a,
        "Raises InputError (JSON pointer, rule X4 or X5) for what the document may not hold: a consent without a "
        "date, an id twice, no one to collect a child ...");
  m.def("validate_enrolments", py::overload_cast<const Enrolments&, int, int>(&validate), "enrolments"_a,
        py::kw_only(), "min_age"_a = 6, "max_age"_a = 16,
        "The coordinator's findings (DOMAIN V4): children outside the ages, counted.");
  m.def("enrolled_ages", &enrolled_ages, "enrolments"_a,
        "The children's ages, for SeasonRequest.children_ages (DOMAIN X4: ages only).");
  m.def(
      "must_know_codes", [] { return must_know_codes(); }, "Every code of what the volunteers must know.");

  py::class_<ChildrenMeeting> meeting(m, "ChildrenMeeting", "The children present at one meeting, by pseudonymous id.");
  meeting
      .def(py::init([](int number, Date date, std::vector<std::string> present) {
             return ChildrenMeeting{number, date, std::move(present)};
           }),
           py::kw_only(), "meeting"_a, "date"_a, "present"_a = std::vector<std::string>{}, "A meeting.")
      .def_readwrite("meeting", &ChildrenMeeting::meeting, "The meeting's number in the season.")
      .def_readwrite("date", &ChildrenMeeting::date, "Its date.")
      .def_property("present", list_getter(&ChildrenMeeting::present), list_setter(&ChildrenMeeting::present),
                    "The ids of the children present.");
  def_value(meeting, [](const ChildrenMeeting& x) { return streamed(x); }, "The value as text.");

  py::class_<ChildrenAttendance> attendance(m, "ChildrenAttendance",
                                            "Which enrolled children came to each meeting (DOMAIN V4, X4).");
  attendance
      .def(py::init([](Enrolments e, std::vector<ChildrenMeeting> meetings) {
             return ChildrenAttendance{std::move(e), std::move(meetings)};
           }),
           py::kw_only(), "enrolments"_a, "meetings"_a = std::vector<ChildrenMeeting>{}, "Attendance.")
      .def_readwrite("enrolments", &ChildrenAttendance::enrolments, "The enrolments.")
      .def_property("meetings", list_getter(&ChildrenAttendance::meetings),
                    list_setter(&ChildrenAttendance::meetings), "The meetings.")
      .def_static("load", [](const std::filesystem::path& path) { return load_children_attendance(path); }, "path"_a,
                  "Reads a children's attendance document; its enrolments file resolves beside it.")
      .def("to_records", &attendance_rows, "One dict per enrolled child and meeting: meeting, date, child, age, present.")
      .def(
          "to_dataframe",
          [](const ChildrenAttendance& self) {
            return typed_dataframe(attendance_rows(self), attendance_columns(), "ChildrenAttendance.to_dataframe()");
          },
          "to_records() as a pandas.DataFrame, its columns and dtypes fixed.")
      .def(
          "to_dict", [](const ChildrenAttendance& self) { return json_object(to_json(self)); },
          "The JSON document as Python dicts and lists.");
  def_from_json(attendance, [](const Json& d) { return children_attendance_from_json(d); },
                "Reads a children's attendance document from JSON text (its enrolments inline).");
  def_to_json(attendance, "The JSON text; indent None writes one line.");
  def_repr_html(attendance);
  def_value(attendance, [](const ChildrenAttendance& a) {
    return "ChildrenAttendance(" + counted(a.enrolments.children.size(), "child", "children") + ", " +
           counted(a.meetings.size(), "meeting", "meetings") + ")";
  });

  m.def("children_attendance_records", &attendance_records, "attendance"_a,
        "One AttendanceRecord per enrolled child and meeting (a child is a household of one).");
  m.def(
      "score_children_attendance",
      [](const ChildrenAttendance& a, int threshold) { return score_children_attendance(a, score_options(threshold, false)); },
      "attendance"_a, py::kw_only(), "threshold"_a = default_suppression_threshold,
      "The children's attendance per meeting and by meetings attended, small counts suppressed (DOMAIN X4).");

  py::class_<ChildrenFormBand> form_band(m, "ChildrenFormBand", "One age band of the children's evaluation and its form.");
  form_band.def_readonly("ages", &ChildrenFormBand::ages, "The band's ages.")
      .def_readonly("form", &ChildrenFormBand::form, "The band's form.");
  def_value(form_band, [](const ChildrenFormBand& b) {
    return "ChildrenFormBand(" + field("ages", b.ages) + ", form=" + py_repr(b.form.id) + ")";
  }, "The value as text.");
  m.def("children_evaluation_forms", &children_evaluation_forms,
        "The built-in children's forms: a 3-point face scale for 6-9, 1-5 for 10-16 (nb, nn, en).");

  py::class_<BandResponses> band_responses(m, "BandResponses", "The responses of one age band, to its form.");
  band_responses
      .def(py::init([](AgeBand ages, EvaluationResponses responses) { return BandResponses{ages, std::move(responses)}; }),
           py::kw_only(), "ages"_a, "responses"_a, "Responses of a band.")
      .def_readwrite("ages", &BandResponses::ages, "The band's ages.")
      .def_readwrite("responses", &BandResponses::responses, "Its responses.");
  def_value(band_responses, [](const BandResponses& b) {
    return "BandResponses(" + field("ages", b.ages) + ", " +
           counted(b.responses.responses.size(), "response", "responses") + ")";
  }, "The value as text.");
  m.def(
      "load_children_responses",
      [](const std::filesystem::path& path) { return load_children_responses(path); }, "path"_a,
      "The children's responses per band from a .csv (an age_band column) or a .json file.");
  m.def(
      "children_responses_from_csv", [](std::string_view text) { return children_responses_from_csv(text); },
      "text"_a, "The children's responses per band from CSV text with an age_band column.");

  py::class_<BandScores> band_scores(m, "BandScores", "The scores of one age band, on its own scale (never combined).");
  band_scores.def_readonly("ages", &BandScores::ages, "The band's ages.")
      .def_readonly("scores", &BandScores::scores, "The band's evaluation scores.")
      .def(
          "to_records",
          [](const py::object& self) {
            py::list records;
            const AgeBand ages = self.attr("ages").cast<AgeBand>();
            for (const py::handle row : self.attr("scores").attr("to_records")()) {
              py::dict record;
              record["min_age"] = ages.min_age;
              record["max_age"] = ages.max_age;
              for (const auto item : row.cast<py::dict>()) record[item.first] = item.second;
              records.append(record);
            }
            return records;
          },
          "The band's EvaluationScores.to_records(), each with min_age and max_age first.")
      .def(
          "to_dataframe",
          [](const py::object& self) {
            py::object frame = self.attr("scores").attr("to_dataframe")();
            const AgeBand ages = self.attr("ages").cast<AgeBand>();
            frame.attr("insert")(0, "max_age", ages.max_age);
            frame.attr("insert")(0, "min_age", ages.min_age);
            return frame;
          },
          "EvaluationScores.to_dataframe() of the band, with min_age and max_age columns first.");
  def_value(band_scores, [](const BandScores& b) {
    return "BandScores(" + field("ages", b.ages) + ", form=" + py_repr(b.scores.form.id) + ")";
  }, "The value as text.");
  m.def(
      "score_children_evaluation",
      [](const std::vector<BandResponses>& responses, int threshold, bool comments) {
        return score_children_evaluation(responses, score_options(threshold, comments));
      },
      "responses"_a, py::kw_only(), "threshold"_a = default_suppression_threshold, "comments"_a = false,
      "Scores each age band against its own form, small counts suppressed (DOMAIN X4); never a combined "
      "figure. Free text only with comments=True.");

  py::class_<PublicBand> public_band(m, "PublicBand", "One age band of the public plan: a count, or under the threshold.");
  public_band.def_readonly("band", &PublicBand::band, "The ages (merged bands span both).")
      .def_readonly("children", &PublicBand::children, "Expected children, or None: under the threshold (X4).")
      .def_property_readonly("under_threshold", &PublicBand::under_threshold, "Shown as \"under N\".");
  def_value(public_band, [](const PublicBand& b) {
    return "PublicBand(" + field("band", b.band) + ", " + field("children", b.children) + ")";
  }, "The value as text.");

  py::class_<PublicMeeting> public_meeting(m, "PublicMeeting", "One meeting of the public plan.");
  public_meeting.def_readonly("number", &PublicMeeting::number, "The meeting's number.")
      .def_readonly("start", &PublicMeeting::start, "Start, Europe/Oslo.")
      .def_readonly("end", &PublicMeeting::end, "End, Europe/Oslo.")
      .def_property_readonly("groups", list_getter(&PublicMeeting::groups), "The bands.")
      .def_readonly("children", &PublicMeeting::children, "The total, or None when a band is under the threshold.")
      .def_property_readonly("date", &PublicMeeting::date, "The meeting's date.");
  def_value(public_meeting, [](const PublicMeeting& x) {
    return "PublicMeeting(" + field("number", x.number) + ", " + field("date", x.date()) + ", " +
           field("children", x.children) + ")";
  }, "The value as text.");

  py::class_<PublicSeason> public_season(m, "PublicSeason",
                                         "The season as it may be published (DOMAIN X4): no count of 1 to threshold - 1.");
  public_season.def_readonly("title", &PublicSeason::title, "The title.")
      .def_readonly("municipality", &PublicSeason::municipality, "The host municipality.")
      .def_readonly("region", &PublicSeason::region, "The region.")
      .def_readonly("venue", &PublicSeason::venue, "Where it meets.")
      .def_readonly("first_date", &PublicSeason::first_date, "The season's first date.")
      .def_readonly("last_date", &PublicSeason::last_date, "The season's last date.")
      .def_readonly("threshold", &PublicSeason::threshold, "DOMAIN X4: 5 by default.")
      .def_property_readonly("meetings", list_getter(&PublicSeason::meetings), "The meetings.")
      .def_property_readonly("skipped", list_getter(&PublicSeason::skipped), "Dates without a meeting.")
      .def(
          "to_json",
          [](const PublicSeason& self, Language language, std::optional<int> indent) {
            return dump(to_json(self, language), indent);
          },
          py::kw_only(), "language"_a = Language::nb, "indent"_a = 2,
          "The public plan as JSON text, its labels in `language`.")
      .def(
          "to_dict",
          [](const PublicSeason& self, Language language) { return json_object(to_json(self, language)); },
          py::kw_only(), "language"_a = Language::nb, "The JSON as dicts.")
      .def(
          "to_ical",
          [](const PublicSeason& self, Language language, const py::object& dtstamp, std::string uid_domain) {
            return to_ical(self, language, ical_options(dtstamp, std::move(uid_domain)));
          },
          py::kw_only(), "language"_a = Language::nb, "dtstamp"_a = py::none(),
          "uid_domain"_a = IcalOptions{}.uid_domain, "The public plan as iCalendar, its texts in `language`.")
      .def("to_records", &public_records, "One dict per meeting and band.")
      .def(
          "to_dataframe",
          [](const PublicSeason& self) {
            return typed_dataframe(public_records(self), public_columns(), "PublicSeason.to_dataframe()");
          },
          "to_records() as a pandas.DataFrame, its columns and dtypes fixed.");
  def_repr_html(public_season);
  def_value(public_season, [](const PublicSeason& s) {
    return "PublicSeason(" + field("title", s.title) + ", " + counted(s.meetings.size(), "meeting", "meetings") + ")";
  }, "The value as text.");
  m.def("public_plan", &public_plan, "season"_a, py::kw_only(), "threshold"_a = default_suppression_threshold,
        "The plan to publish (DOMAIN X4): bands of 1 to threshold - 1 merged with a neighbour or shown as under "
        "the threshold, a total only beside bands all shown.");
}
