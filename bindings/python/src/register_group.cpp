// Group composition (DOMAIN G1-G9) and the attendance model (G4, G5): households with their
// caregivers and children under pseudonyms only (X4), the configurable group rules and the
// validation of a group against them, and the exact distribution of the number present, fitted
// from a municipality's own records (E2).
#include "binding.hpp"
#include "frames.hpp"
#include "fields.hpp"

#include <pybind11/numpy.h>

#include <filesystem>
#include <optional>

namespace {

using namespace paarorende;
using namespace paarorende::python;
using Path = std::filesystem::path;

// A distribution of up to this many values (10 couples) is written out in full by repr(); a
// larger one is summarised, as a catalogue is.
constexpr std::size_t repr_values = 21;

std::string repr(const Child& child) {
  std::string text = "Child(stage=" + enum_text(child.stage);
  if (child.grade) text += ", " + field("grade", *child.grade);
  if (child.birth_date) text += ", " + field("birth_date", *child.birth_date);
  if (child.age) text += ", " + field("age", *child.age);
  text += ", condition=" + enum_text(child.condition);
  if (child.rare_diagnosis) text += ", " + field("rare_diagnosis", *child.rare_diagnosis);
  return text + ")";
}

std::string repr(const Sibling& sibling) {
  std::string text = "Sibling(";
  if (sibling.age) text += field("age", *sibling.age);
  if (sibling.stage)
    text += std::string(sibling.age ? ", " : "") + "stage=" + enum_text(*sibling.stage);
  return text + ")";
}

std::string repr(const AttendanceProbabilities& probabilities) {
  return "AttendanceProbabilities(" + field("attend", probabilities.attend) + ", " +
         field("both", probabilities.both) + ")";
}

std::string repr(const Household& household) {
  const Household d;
  std::string text = "Household(" + field("id", household.id);
  add_changed_fields(text, household, d, "municipality", &Household::municipality, "school",
                     &Household::school, "care_closes", &Household::care_closes, "caregivers",
                     &Household::caregivers, "children", &Household::children, "siblings",
                     &Household::siblings, "waiting_since", &Household::waiting_since);
  if (household.attendance) text += ", attendance=" + repr(*household.attendance);
  return text + ")";
}

std::string repr(const AttendanceDistribution& distribution) {
  if (distribution.probability.size() <= repr_values) {
    return "AttendanceDistribution(" + field("probability", distribution.probability) + ")";
  }
  return "AttendanceDistribution(probability=<" + std::to_string(distribution.probability.size()) +
         " values, 0.." + std::to_string(distribution.max_present()) + " present, mean " +
         py_repr(distribution.mean()) + ">)";
}

// A summary, as TopicCatalogue's: a group holds too much to read in one line.
std::string repr(const Group& group) {
  std::string households = "<" + counted(group.households.size(), "household", "households");
  if (!group.households.empty()) {
    households += " " + group.households.front().id;
    if (group.households.size() > 1) households += " .. " + group.households.back().id;
  }
  return "Group(" + field("id", group.id) + ", households=" + households + ", " +
         counted(group.participants(), "participant", "participants") + ">)";
}

std::string repr(const AttendanceRecords& records) {
  return "AttendanceRecords(records=<" + std::to_string(records.records.size()) +
         " records>, prior=" + repr(records.prior) + ", " +
         field("prior_weight", records.prior_weight) + ")";
}

py::list records_of(const AttendanceDistribution& distribution) {
  py::list records;
  for (int k = 0; k <= distribution.max_present(); ++k) {
    records.append(py::dict("present"_a = k,
                            "probability"_a = distribution.probability[static_cast<std::size_t>(k)],
                            "at_least"_a = distribution.at_least(k)));
  }
  return records;
}

}  // namespace

void register_group(py::module_& m) {
  py::enum_<CaregiverRole>(m, "CaregiverRole",
                           "An enrolled caregiver's role (DOMAIN G3: participants are counted by "
                           "caregiver; G9: fathers asked for a session of their own).")
      .value("mother", CaregiverRole::mother, "A mother.")
      .value("father", CaregiverRole::father, "A father: counted for the fathers' session (G9).")
      .value("other_guardian", CaregiverRole::other_guardian,
             "Another guardian (a foster parent, a step-parent).");

  py::enum_<ConditionCategory>(m, "ConditionCategory",
                               "The child's condition, as the seeds distinguish them (DOMAIN G1, "
                               "G2). Health data: special-category personal data (X4).")
      .value("life_threatening", ConditionCategory::life_threatening,
             "A life-threatening condition (livstruende tilstand; G2).")
      .value("life_limiting", ConditionCategory::life_limiting,
             "A life-limiting condition (livsbegrensende tilstand; G2).")
      .value("serious_illness", ConditionCategory::serious_illness, "A serious illness.")
      .value("severe_disability", ConditionCategory::severe_disability,
             "A severe disability (nedsatt funksjonsevne). The default.")
      .value("mainly_behavioural", ConditionCategory::mainly_behavioural,
             "Primarily behavioural difficulties, with no life-threatening condition or serious "
             "illness (adferdsproblematikk; G1: groups of their own).");

  py::enum_<RuleWeight>(m, "RuleWeight",
                        "How much a group rule counts (DOMAIN G1-G9): a hard rule's violation is "
                        "an error, a soft one's a warning; an off rule is not checked.")
      .value("hard", RuleWeight::hard, "A violation is an error (Severity.error).")
      .value("soft", RuleWeight::soft, "A violation is a warning (Severity.warning).")
      .value("off", RuleWeight::off, "The rule is not checked.");

  // The attendance model first: a Household and GroupRules hold its probabilities.
  py::class_<AttendanceProbabilities> probabilities(
      m, "AttendanceProbabilities",
      "One household's attendance at a session (DOMAIN G4, G5): it comes with probability "
      "`attend`; when it comes with two caregivers enrolled, both come with probability `both`, "
      "otherwise one.");
  // The constructor and properties from AttendanceProbabilities' table (attendance.hpp); its
  // repr writes both fields always.
  def_fields(probabilities,
             "The probabilities; the defaults are the pilot's (DOMAIN G5, pilot_attendance()). "
             "Nothing is checked until they are used: a value outside [0, 1] is an InputError "
             "then.");
  probabilities.def(
      "to_dict", [](const AttendanceProbabilities& self) { return json_object(to_json(self)); },
      "The probabilities as a dict: {\"attend\": ..., \"both\": ...}, their JSON form.");
  def_value(probabilities, [](const AttendanceProbabilities& self) { return repr(self); });

  m.def("pilot_attendance", &pilot_attendance,
        "The AttendanceProbabilities estimated from the Sandefjord pilot (DOMAIN G5): 5 couples, "
        "4 sessions; one couple came to 1 session, each of the other four to 3 of 4. Pooled "
        "maximum likelihood: attend = (1 + 4 * 3) / (5 * 4) = 0.65. The report does not say how "
        "often both parents came, so both = 0.5.");

  py::class_<AttendanceUnit> unit(
      m, "AttendanceUnit",
      "One household in the attendance model (DOMAIN G4): how many caregivers it has enrolled "
      "(1 or 2) and its AttendanceProbabilities. attendance_units() gives a group's.");
  unit.def(py::init([](int caregivers, AttendanceProbabilities probabilities) {
             return AttendanceUnit{caregivers, probabilities};
           }),
           py::kw_only(), "caregivers"_a = AttendanceUnit{}.caregivers,
           "probabilities"_a = AttendanceUnit{}.probabilities,
           "A household of `caregivers` (1 or 2) that attends with `probabilities` (by default "
           "the pilot's, DOMAIN G5).")
      .def_readwrite("caregivers", &AttendanceUnit::caregivers,
                     "How many caregivers the household has enrolled: 1 or 2 (DOMAIN G3).")
      .def_readwrite("probabilities", &AttendanceUnit::probabilities,
                     "Its AttendanceProbabilities (DOMAIN G4, G5).");
  def_value(unit, [](const AttendanceUnit& self) {
    return "AttendanceUnit(" + field("caregivers", self.caregivers) +
           ", probabilities=" + repr(self.probabilities) + ")";
  });

  py::class_<AttendanceDistribution> distribution(
      m, "AttendanceDistribution",
      "The distribution of the number of participants present at one session (DOMAIN G4): "
      "probability[k] = P(exactly k present), k = 0..max_present. attendance_distribution() "
      "computes it exactly.\n\n"
      "As data: to_records() gives a list of dicts, to_numpy() a NumPy array, to_dataframe() a "
      "pandas DataFrame (NumPy and pandas are imported only when those are called).");
  distribution
      .def(py::init([](std::vector<double> probability) {
             return AttendanceDistribution{std::move(probability)};
           }),
           py::kw_only(), "probability"_a = std::vector<double>{},
           "A distribution from its probabilities, P(exactly k present) for k = 0, 1, ...; "
           "normally obtained from attendance_distribution().")
      .def_property("probability", list_getter(&AttendanceDistribution::probability),
                    list_setter(&AttendanceDistribution::probability),
                    "P(exactly k present) for k = 0..max_present (list[float]; DOMAIN G4). "
                    "The list changes the value in place; to_numpy() gives an "
                    "array.")
      .def_property_readonly("max_present", &AttendanceDistribution::max_present,
                             "The most who can be present: every enrolled caregiver (DOMAIN G3); "
                             "len(probability) - 1.")
      .def("mean", &AttendanceDistribution::mean,
           "The expected number present (DOMAIN G4), from the distribution: the sum of "
           "attend * (1 + both) over couples and attend over single caregivers.")
      .def("variance", &AttendanceDistribution::variance,
           "The variance of the number present (DOMAIN G4), from the distribution.")
      .def("at_least", &AttendanceDistribution::at_least, "k"_a,
           "P(at least `k` present) (DOMAIN G4: at least 4-5 should attend every session): 1 for "
           "k <= 0, 0 beyond max_present. Sums the upper tail, which keeps small tails accurate.")
      .def("to_records", &records_of,
           "The distribution as a list of dicts, one per number present k = 0..max_present: "
           "{\"present\": k, \"probability\": P(exactly k), \"at_least\": P(at least k)} "
           "(DOMAIN G4).")
      .def(
          "to_numpy",
          [](const AttendanceDistribution& self) {
            import_optional("numpy", "AttendanceDistribution.to_numpy()", "python3-numpy");
            // Constructed from the data without a base: NumPy copies it, one float64 each, and
            // no Python object per value.
            return py::array_t<double>(static_cast<py::ssize_t>(self.probability.size()),
                                       self.probability.data());
          },
          "probability as a new one-dimensional numpy.ndarray of float64 (a copy: changing it "
          "leaves the distribution as it is). Raises ImportError when NumPy is not installed.")
      .def(
          "to_dataframe",
          [](const AttendanceDistribution& self) {
            const auto pandas = import_optional("pandas", "AttendanceDistribution.to_dataframe()",
                                                "python3-pandas");
            return pandas.attr("DataFrame")(records_of(self));
          },
          "to_records() as a pandas.DataFrame with the columns present, probability and "
          "at_least (DOMAIN G4). Raises ImportError, saying to install python3-pandas, when "
          "pandas is not installed.")
      .def(
          "__repr__", [](const AttendanceDistribution& self) { return repr(self); },
          "The value as text that reads like its keyword constructor; a distribution of more "
          "than 21 values is summarised.");
  def_value_semantics_by(distribution,
                         [](const AttendanceDistribution& a, const AttendanceDistribution& b) {
                           return a.probability == b.probability;
                         });

  m.def("attendance_distribution", &attendance_distribution, "households"_a,
        py::call_guard<py::gil_scoped_release>(),
        "The exact distribution of the number present at a session (DOMAIN G4) for households "
        "(list[AttendanceUnit]), each coming independently: the convolution of each household's "
        "0/1/2-participant distribution, O(n * m) for n households and m enrolled caregivers; no "
        "sampling. Returns an AttendanceDistribution.\n\n"
        "Raises InputError for a probability outside [0, 1] (.where "
        "\"/households/3/attendance/attend\", rule \"G4\") or a caregiver count not 1 or 2 (.where "
        "\"/households/3/caregivers\").");

  py::class_<AttendanceRecord> record(
      m, "AttendanceRecord",
      "One observed session of one household (DOMAIN E2): how many of its caregivers came (0, "
      "1 or 2). fit_attendance() fits probabilities from a list of them.");
  record
      .def(py::init([](std::string household, int session, int present, int caregivers) {
             return AttendanceRecord{std::move(household), session, present, caregivers};
           }),
           py::kw_only(), "household"_a, "session"_a = AttendanceRecord{}.session,
           "present"_a = AttendanceRecord{}.present, "caregivers"_a = AttendanceRecord{}.caregivers,
           "Household `household` (a pseudonymous id) at session `session` (1-based): `present` "
           "of its `caregivers` came.")
      .def_readwrite("household", &AttendanceRecord::household,
                     "The household's pseudonymous id (\"h01\"), never a name (DOMAIN X4).")
      .def_readwrite("session", &AttendanceRecord::session, "The session's number, 1-based.")
      .def_readwrite("present", &AttendanceRecord::present,
                     "How many of its caregivers came: 0 to caregivers (DOMAIN E2).")
      .def_readwrite("caregivers", &AttendanceRecord::caregivers,
                     "How many caregivers the household had enrolled: 1 or 2.");
  def_keyword_value(record, keyword_repr_doc, "household", &AttendanceRecord::household, "session",
                    &AttendanceRecord::session, "present", &AttendanceRecord::present, "caregivers",
                    &AttendanceRecord::caregivers);

  m.def(
      "fit_attendance",
      [](const std::vector<AttendanceRecord>& records,
         const std::optional<AttendanceProbabilities>& prior, double prior_weight) {
        return fit_attendance(records, prior.value_or(pilot_attendance()), prior_weight);
      },
      "records"_a, "prior"_a = py::none(), "prior_weight"_a = 0.0,
      py::call_guard<py::gil_scoped_release>(),
      "A municipality's own AttendanceProbabilities from its records (list[AttendanceRecord]; "
      "DOMAIN E2, G5), by pooled maximum likelihood: attend = household-sessions with anyone "
      "present / household-sessions recorded; both = sessions with both present / sessions "
      "attended by two-caregiver households.\n\n"
      "With `prior_weight` > 0 each is shrunk towards `prior` (None: pilot_attendance()) as if "
      "`prior_weight` household-sessions of it had been seen (a Beta prior): attend = (A + w * "
      "attend0) / (N + w). When no two-caregiver household attended and w is 0, both is the "
      "prior's.\n\n"
      "Raises InputError for no records (.where \"/records\", rule \"G5\"), present outside "
      "0..caregivers (\"/records/4/present\", rule \"E2\"), or a household and session recorded "
      "twice (\"/records/4\", rule \"E2\").");

  m.def(
      "households_needed",
      [](int present, double probability, const std::optional<AttendanceUnit>& household,
         int max_households) {
        return households_needed(present, probability, household.value_or(AttendanceUnit{}),
                                 max_households);
      },
      "present"_a, "probability"_a, "household"_a = py::none(), "max_households"_a = 1000,
      py::call_guard<py::gil_scoped_release>(),
      "How many households must be enrolled so that P(at least `present` present) >= "
      "`probability` (DOMAIN G4), each like `household` (an AttendanceUnit; None: a couple at the "
      "pilot's figures, G5). Returns the smallest such number, or None when no number up to "
      "`max_households` reaches it (for instance when attend is 0, or when `probability` is 1 "
      "and attend is below 1).\n\n"
      "Raises InputError for a probability outside [0, 1], a negative `present`, or "
      "`max_households` outside 0-100000.");

  // Households (DOMAIN G1-G9, X4).
  py::class_<Caregiver> caregiver(m, "Caregiver",
                                  "An enrolled caregiver (pårørende): a role, no name (DOMAIN "
                                  "X4). Each is a participant (G3).");
  caregiver
      .def(py::init([](CaregiverRole role) { return Caregiver{role}; }), py::kw_only(),
           "role"_a = Caregiver{}.role, "A caregiver of `role` (a CaregiverRole).")
      .def_readwrite("role", &Caregiver::role,
                     "mother, father or other_guardian (CaregiverRole; DOMAIN G9 counts the "
                     "fathers).");
  def_keyword_value(caregiver, keyword_repr_doc, "role", &Caregiver::role);

  py::class_<Child> child(
      m, "Child",
      "A child the offer concerns, the ill or disabled child (DOMAIN G1, G2, G6, G8): the stage "
      "and grade, the condition's category, and a rare diagnosis as a code. No name, and no "
      "diagnosis in words (X4).");
  child
      .def(py::init([](std::optional<ChildStage> stage, std::optional<int> grade,
                       std::optional<Date> birth_date, std::optional<int> age,
                       ConditionCategory condition, std::optional<std::string> rare_diagnosis) {
             // Without a stage, the grade's (the only one a group document accepts), as
             // ChildProfile does; else the C++ default.
             const ChildStage resolved =
                 stage ? *stage : (grade ? stage_of_grade(*grade) : Child{}.stage);
             return Child{resolved, grade, birth_date, age, condition, std::move(rare_diagnosis)};
           }),
           py::kw_only(), "stage"_a = py::none(), "grade"_a = py::none(),
           "birth_date"_a = py::none(), "age"_a = py::none(), "condition"_a = Child{}.condition,
           "rare_diagnosis"_a = py::none(),
           "A child at `stage` in school `grade` (1-13, or None), with a `condition` "
           "(ConditionCategory). Without a stage it is the grade's (stage_of_grade()), or "
           "primary when the grade is unknown too. `birth_date` (a datetime.date) or `age` may "
           "be given; no rule needs them (keep them out when the grade is enough, DOMAIN X4).")
      .def_readwrite("stage", &Child::stage,
                     "The child's stage (ChildStage; DOMAIN G6: groups are formed by it).")
      .def_readwrite("grade", &Child::grade,
                     "The school grade, 1-13, or None. A group document requires it to lie in "
                     "the stage.")
      .def_readwrite("birth_date", &Child::birth_date,
                     "The birth date (datetime.date), or None. No rule uses it (DOMAIN X4: keep it "
                     "out when grade or age is enough).")
      .def_readwrite("age", &Child::age, "The age in years, or None. No rule uses it.")
      .def_readwrite("condition", &Child::condition,
                     "The condition's category (ConditionCategory; DOMAIN G1, G2).")
      .def_readwrite("rare_diagnosis", &Child::rare_diagnosis,
                     "A rare diagnosis as a code (ORPHA, ICD-10) shared by peers, or None "
                     "(DOMAIN G8). Compared as text.");
  def_value(child, [](const Child& self) { return repr(self); });

  py::class_<Sibling> sibling(m, "Sibling",
                              "A sibling of the child, who may need the parallel offer (DOMAIN "
                              "P1): an age and a stage, either or both unknown. No name (X4).");
  sibling
      .def(py::init([](std::optional<int> age, std::optional<ChildStage> stage) {
             return Sibling{age, stage};
           }),
           py::kw_only(), "age"_a = py::none(), "stage"_a = py::none(),
           "A sibling of `age` at `stage` (a ChildStage), each or both None.")
      .def_readwrite("age", &Sibling::age, "The age in years, or None.")
      .def_readwrite("stage", &Sibling::stage, "The stage (ChildStage), or None.");
  def_value(sibling, [](const Sibling& self) { return repr(self); });

  py::class_<Household> household(
      m, "Household",
      "A household enrolled in a course (DOMAIN G1-G9) under a stable pseudonymous id: where it "
      "lives and its school, when its after-school care closes, its 1 or 2 enrolled caregivers, "
      "the children the offer concerns, their siblings, and its own attendance probabilities.\n\n"
      "Privacy (DOMAIN X4): there is no field for a name, an identity number, an address or a "
      "diagnosis in words, and none can be added: Household(name=...) is a TypeError and "
      "setting household.name an AttributeError.");
  household
      .def(py::init([](std::string id, std::string municipality, std::string school,
                       std::optional<ClockTime> care_closes, std::vector<Caregiver> caregivers,
                       std::vector<Child> children, std::vector<Sibling> siblings,
                       std::optional<AttendanceProbabilities> attendance, std::optional<Date> waiting_since) {
             return Household{std::move(id),         std::move(municipality), std::move(school),
                              care_closes,           std::move(caregivers),   std::move(children),
                              std::move(siblings),   attendance,              waiting_since};
           }),
           py::kw_only(), "id"_a, "municipality"_a = "", "school"_a = "",
           "care_closes"_a = py::none(), "caregivers"_a = std::vector<Caregiver>{},
           "children"_a = std::vector<Child>{}, "siblings"_a = std::vector<Sibling>{},
           "attendance"_a = py::none(), "waiting_since"_a = py::none(),
           "Household `id` (a pseudonym such as \"h01\"). validate_group() requires 1 or 2 "
           "caregivers and at least one child; `attendance` None uses the group rules' "
           "default_attendance (DOMAIN G5).")
      .def_readwrite("id", &Household::id,
                     "Stable pseudonymous id (\"h01\"): findings name households by it (DOMAIN "
                     "X4). Unique within a group.")
      .def_readwrite("municipality", &Household::municipality, "The municipality (kommune).")
      .def_readwrite("school", &Household::school,
                     "The school or pickup place (DOMAIN G7: parents at the same school know each "
                     "other; C8: the venue is near it).")
      .def_readwrite("waiting_since", &Household::waiting_since,
                     "On a waitlist: the date it joined (datetime.date), or None. When not everyone can be "
                     "placed, those who have waited longest go first (docs/formation.md).")
      .def_readwrite("care_closes", &Household::care_closes,
                     "When the children's after-school care closes (datetime.time), or None "
                     "(DOMAIN C3). No group rule uses it yet.")
      .def_property("caregivers", list_getter(&Household::caregivers),
                    list_setter(&Household::caregivers),
                    "The enrolled caregivers, 1 or 2 (list[Caregiver]; DOMAIN G3). The list changes the value in place.")
      .def_property("children", list_getter(&Household::children),
                    list_setter(&Household::children),
                    "The children the offer concerns, at least one (list[Child]; DOMAIN G1, G2, "
                    "G6, G8). The list changes the value in place.")
      .def_property("siblings", list_getter(&Household::siblings),
                    list_setter(&Household::siblings),
                    "The siblings (list[Sibling]; DOMAIN P1). The list changes the value in place.")
      .def_property(
          "attendance", [](const Household& self) { return self.attendance; },
          [](Household& self, std::optional<AttendanceProbabilities> attendance) {
            self.attendance = attendance;
          },
          "The household's own AttendanceProbabilities, or None for the group's default (DOMAIN "
          "G4, G5). Reading gives a copy: assign to change it.")
      .def_property_readonly("fathers", &Household::fathers,
                             "How many fathers the household enrols (DOMAIN G9).");
  def_value(household, [](const Household& self) { return repr(self); });

  // The group rules and their validation (DOMAIN G1-G9).
  py::class_<GroupRules> rules(
      m, "GroupRules",
      "The group rules with the seeds' defaults in one place (DOMAIN G1-G9); a municipality "
      "overrides any of them (the `rules` object of a group document). Each rule has a "
      "RuleWeight: hard (an error), soft (a warning) or off.");
  // The constructor, properties and repr from GroupRules' table (group.hpp).
  def_field_value(
      rules,
      "The group rules; every argument defaults to the DOMAIN value. check_rules() checks "
      "the ranges.",
      "The value as text that reads like its keyword constructor; only the fields that "
      "differ from the defaults are written.");
  rules.def(
      "to_dict", [](const GroupRules& self) { return json_object(to_json(self)); },
      "The rules as the dict of their JSON form (docs/groups.md): weights as strings.");

  m.def("check_rules", &check_rules, "rules"_a,
        "Checks the GroupRules' own values (DOMAIN G3-G9 ranges); raises InputError whose .where "
        "is the pointer of the offending field under \"/rules\" "
        "(\"/rules/max_participants\").");

  py::class_<Group> group(m, "Group",
                          "A proposed group of households (DOMAIN G1-G9). validate_group() checks "
                          "it against GroupRules.");
  group
      .def(py::init([](std::string id, std::vector<Household> households) {
             return Group{std::move(id), std::move(households)};
           }),
           py::kw_only(), "id"_a = "", "households"_a = std::vector<Household>{},
           "A group `id` of `households` (list[Household]).")
      .def_readwrite("id", &Group::id, "The group's id (\"sandefjord-pilot\").")
      .def_property("households", list_getter(&Group::households), list_setter(&Group::households),
                    "The households (list[Household]). The list changes the value in place.")
      .def_property_readonly("participants", &Group::participants,
                             "Enrolled participants: every household's caregivers (DOMAIN G3).");
  def_value(
      group, [](const Group& self) { return repr(self); },
      "A summary: the id, the number of households with the first and last id, and the "
      "participants.");

  py::class_<GroupViolation> violation(
      m, "GroupViolation",
      "A finding about a group (DOMAIN G1-G9): the rule, a severity that follows the rule's "
      "weight (G9 is always info), a message, and the households it concerns by pseudonym, or "
      "none when it concerns the whole group (G3, G4, G7, G9).");
  violation
      .def(py::init([](std::string rule, Severity severity, std::string message,
                       std::vector<std::string> households) {
             return GroupViolation{std::move(rule), severity, std::move(message),
                                   std::move(households)};
           }),
           py::kw_only(), "rule"_a, "severity"_a = GroupViolation{}.severity, "message"_a = "",
           "households"_a = std::vector<std::string>{}, "A finding about DOMAIN `rule`.")
      .def_readwrite("rule", &GroupViolation::rule, "The DOMAIN id, e.g. \"G4\".")
      .def_readwrite("severity", &GroupViolation::severity,
                     "error (a hard rule), warning (a soft one) or info (G9) (Severity).")
      .def_readwrite("message", &GroupViolation::message, "What is wrong, and why.")
      .def_property("households", list_getter(&GroupViolation::households),
                    list_setter(&GroupViolation::households),
                    "The pseudonymous ids of the households concerned (list[str]); empty when it "
                    "concerns the whole group (DOMAIN X4: never names). The list changes the value in place.")
      .def(
          "to_dict", [](const GroupViolation& self) { return json_object(to_json(self)); },
          "The finding as a dict, its JSON form: {\"rule\", \"severity\" (a str), \"message\", "
          "\"households\"}.")
      .def("__str__", &streamed<GroupViolation>, "\"warning [G2]: life-threatening ... (h04)\".");
  def_value(violation, [](const GroupViolation& self) {
    std::string text = "GroupViolation(" + field("rule", self.rule) +
                       ", severity=" + enum_text(self.severity) + ", " +
                       field("message", self.message);
    if (!self.households.empty()) text += ", " + field("households", self.households);
    return text + ")";
  });

  m.def(
      "attendance_units",
      [](const Group& group, const std::optional<GroupRules>& rules) {
        return attendance_units(group, rules.value_or(GroupRules{}));
      },
      "group"_a, "rules"_a = py::none(),
      "Each household's AttendanceUnit (DOMAIN G4, G5): its caregivers and its own attendance "
      "probabilities, or else rules.default_attendance (`rules` None: GroupRules()). Pass the "
      "result to attendance_distribution().");

  m.def(
      "validate_group",
      [](const Group& group, const std::optional<GroupRules>& rules) {
        return validate(group, rules.value_or(GroupRules{}));
      },
      "group"_a, "rules"_a = py::none(), py::call_guard<py::gil_scoped_release>(),
      "Every violation of `rules` (None: GroupRules()) by `group`, in rule order (DOMAIN G1 ... "
      "G9), as a list of GroupViolation: G1 behavioural difficulties mixed with illness or "
      "disability; G2 "
      "life-threatening or life-limiting conditions mixed with others; G3 too few or too many "
      "participants; G4 P(at least min_present present) below min_present_probability, computed "
      "exactly from each household's attendance (G5); G6 children's stages too far apart, or in "
      "kindergarten; G7 no two households at one school; G8 a rare diagnosis without a peer; G9 "
      "enough fathers for a fathers' session (an info). No errors means the group can be "
      "used.\n\n"
      "Raises InputError for malformed rules (check_rules()) or a malformed group: an empty or "
      "duplicate household id (.where \"/households/1/id\"), not 1 or 2 caregivers, no child, or "
      "an attendance probability outside [0, 1] (\"/households/0/attendance/attend\").\n\n"
      "Named validate_group so as not to shadow validate(), which checks a CourseSchedule.");

  py::class_<GroupDocument> document(
      m, "GroupDocument",
      "A group document (docs/groups.md): the Group and the GroupRules to check it by (DOMAIN "
      "G1-G9). Read with from_json() or load(); every field the reader does not know is "
      "refused, so a name cannot slip in (X4).");
  document
      .def(py::init([](Group group, GroupRules rules, std::string venue, std::vector<Place> places,
                       std::vector<TravelTime> travel_times, std::optional<TravelModel> travel_model,
                       std::optional<TravelLimits> travel) {
             // The model and the limits default through None: they are registered later (formation).
             return GroupDocument{std::move(group),
                                  std::move(rules),
                                  std::move(venue),
                                  std::move(places),
                                  std::move(travel_times),
                                  travel_model.value_or(TravelModel{}),
                                  travel.value_or(TravelLimits{})};
           }),
           py::kw_only(), "group"_a = Group{}, "rules"_a = GroupRules{}, "venue"_a = "",
           "places"_a = std::vector<Place>{}, "travel_times"_a = std::vector<TravelTime>{},
           "travel_model"_a = py::none(), "travel"_a = py::none(),
           "A document of `group` with `rules` (by default the DOMAIN defaults) and, to plan a course "
           "from it, its `venue` among `places` (DOMAIN C8).")
      .def_readwrite("venue", &GroupDocument::venue, "Where it meets: a place id, or empty (C8).")
      .def_property("places", list_getter(&GroupDocument::places), list_setter(&GroupDocument::places),
                    "The venue and the pickup places (Place; a list of copies).")
      .def_property("travel_times", list_getter(&GroupDocument::travel_times),
                    list_setter(&GroupDocument::travel_times), "Known travel times (TravelTime; copies).")
      .def_readwrite("travel_model", &GroupDocument::travel_model, "The estimate's TravelModel (C8).")
      .def_readwrite("travel", &GroupDocument::travel,
                     "The travel rule (TravelLimits, DOMAIN C8) each household's drive is checked by.")
      .def(
          "validate", [](const GroupDocument& self) { return validate(self); },
          py::call_guard<py::gil_scoped_release>(),
          "Every finding, as `paarorende check` gives them: validate_group(group, rules), then, when "
          "the document has a venue, C8 for each household's drive from the venue to its pickup "
          "place by `travel` (an error naming those beyond max_minutes, a warning naming those "
          "beyond warn_minutes). Raises InputError for a malformed document.")
      .def_readwrite("group", &GroupDocument::group, "The households (Group).")
      .def_readwrite("rules", &GroupDocument::rules,
                     "The rules to check them by (GroupRules; DOMAIN G1-G9).");
  def_from_json(
      document, &group_from_json,
      "Reads a group document from JSON text (docs/schemas/group.schema.json), with the "
      "form checks of validate_group(). Raises InputError, with .where the JSON pointer "
      "(\"/households/1/id\", \"/households/0/attendance/attend\") or line and column, for "
      "an unknown field, a wrong type or range, a duplicate household id, or a grade outside "
      "its stage.")
      .def_static("load", &load_group, "path"_a,
                  "Reads a group document from a JSON file, as from_json(), or from a workbook (.xlsx, "
                  "as `paarorende template group` writes it) or CSV of its households "
                  "(docs/spreadsheets.md); errors name the file, and the sheet, row and column, in .where.");
  def_to_json(
      document,
      "The document as JSON text, every rule written out, which from_json() reads back to an "
      "equal value. `indent=None` writes one line.")
      .def(
          "__repr__",
          [](const GroupDocument& self) {
            std::string text = "GroupDocument(group=" + repr(self.group) + ", rules=" + py_repr(self.rules);
            if (!self.venue.empty()) text += ", venue=" + py_repr(self.venue);
            if (!self.places.empty()) text += ", places=<" + counted(self.places.size(), "place", "places") + ">";
            return text + ")";
          },
          "The value as text that reads like its keyword constructor, the group summarised.");
  def_value_semantics_by(document, [](const GroupDocument& a, const GroupDocument& b) {
    return a.group == b.group && a.rules == b.rules;
  });

  py::class_<AttendanceRecords> records(
      m, "AttendanceRecords",
      "Attendance records to fit probabilities from (DOMAIN E2, G5; docs/attendance.md), with "
      "an optional prior: fit() gives fit_attendance(records, prior, prior_weight).");
  records
      .def(py::init([](std::vector<AttendanceRecord> list, AttendanceProbabilities prior,
                       double prior_weight) {
             return AttendanceRecords{std::move(list), prior, prior_weight};
           }),
           py::kw_only(), "records"_a = std::vector<AttendanceRecord>{},
           "prior"_a = AttendanceRecords{}.prior,
           "prior_weight"_a = AttendanceRecords{}.prior_weight,
           "Records (list[AttendanceRecord]) with a prior (by default the pilot's, DOMAIN G5) of "
           "weight `prior_weight` (0: none).")
      .def_property("records", list_getter(&AttendanceRecords::records),
                    list_setter(&AttendanceRecords::records),
                    "The records (list[AttendanceRecord]; DOMAIN E2). The list changes the value in place.")
      .def_readwrite("prior", &AttendanceRecords::prior,
                     "The AttendanceProbabilities the fit is shrunk towards (DOMAIN G5).")
      .def_readwrite("prior_weight", &AttendanceRecords::prior_weight,
                     "How many household-sessions the prior counts as; 0 for a plain fit.")
      .def(
          "fit",
          [](const AttendanceRecords& self) {
            return fit_attendance(self.records, self.prior, self.prior_weight);
          },
          "fit_attendance(records, prior, prior_weight): the fitted AttendanceProbabilities "
          "(DOMAIN G5).");
  def_from_json(
      records, &attendance_records_from_json,
      "Reads attendance records from JSON text "
      "(docs/schemas/attendance-records.schema.json), with fit_attendance()'s checks. Raises "
      "InputError, with .where the JSON pointer (\"/records/0/present\") or line and "
      "column.")
      .def_static("load", &load_attendance_records, "path"_a,
                  "Reads attendance records from a JSON file, as from_json(), or from CSV or a workbook "
                  "(.xlsx, as `paarorende template attendance` writes it); errors name the file, and "
                  "the sheet, row and column, in .where.")
      .def_static(
          "from_dataframe",
          [](const py::object& frame) {
            const FrameTable table = frame_table(frame, "AttendanceRecords.from_dataframe()");
            return read_frame(table, [](const CsvTable& cells) { return attendance_records_from_table(cells); });
          },
          "frame"_a,
          "Records from a pandas DataFrame, one row per household and session: household, session, "
          "present and optionally caregivers (2 when left out), checked as the JSON document is (DOMAIN "
          "E2, G5), with the pilot's prior; InputError at the frame's index label and column.")
      .def(
          "__repr__", [](const AttendanceRecords& self) { return repr(self); },
          "The value as text that reads like its keyword constructor, the records summarised.")
      .def(
          "to_records",
          [](const AttendanceRecords& self) {
            py::list list;
            for (const AttendanceRecord& record : self.records) {
              list.append(py::dict("household"_a = record.household, "session"_a = record.session,
                                   "present"_a = record.present,
                                   "caregivers"_a = record.caregivers));
            }
            return list;
          },
          "The records as a list of dicts: household (a pseudonym, DOMAIN X4), session, present "
          "and caregivers (DOMAIN E2).");
  def_value_semantics_by(records, [](const AttendanceRecords& a, const AttendanceRecords& b) {
    return a.records == b.records && a.prior == b.prior && a.prior_weight == b.prior_weight;
  });
  def_to_dataframe(
      records,
      "to_records() as a pandas.DataFrame, one row per record. Raises ImportError when "
      "pandas is not installed.");

  m.def("load_attendance_records", &load_attendance_records, "path"_a,
        "Reads an attendance records file (DOMAIN E2, G5) into AttendanceRecords: the records, "
        "the prior and its weight; the same as AttendanceRecords.load(). Errors name the file in "
        ".where.");
}
