// paarorende._core: the compiled part of the paarorende Python package. One submodule per area,
// filled by one register function each (as boost-histogram's src/module.cpp); each submodule has
// its stub, paarorende/_core/<area>.pyi, and the pure-Python package re-exports them all.
#include "binding.hpp"

namespace {

// The submodule _core.<name>, filled by `register_area`. Its classes and functions report
// `__module__ == "paarorende"`, where users import them from: pybind11 takes the module name of
// what it defines from the scope's __module__ when there is one (else from its __name__), so the
// name reaches the types in signatures and error messages, pickling and the docs. The submodule
// loses that attribute afterwards, and stays importable as paarorende._core.<name>
// (def_submodule puts it in sys.modules).
void add_area(py::module_& core, const char* name, const char* doc,
              void (*register_area)(py::module_&)) {
  py::module_ area = core.def_submodule(name, doc);
  area.attr("__module__") = "paarorende";
  register_area(area);
  py::delattr(area, "__module__");
}

}  // namespace

namespace {

// An enum from its name: Weekday("thursday"), and wherever a Weekday is taken, "thursday". An
// unknown name is a ValueError listing the names.
template <class Enum>
void accept_name() {
  py::class_<Enum> type = py::reinterpret_borrow<py::class_<Enum>>(py::type::of<Enum>());
  type.def(py::init([](const std::string& name) {
             const py::dict members = py::type::of<Enum>().attr("__members__");
             if (members.contains(name)) return members[py::str(name)].template cast<Enum>();
             std::string names;
             for (const auto& item : members) names += (names.empty() ? "" : ", ") + item.first.cast<std::string>();
             throw py::value_error("expected one of " + names + ", got \"" + name + "\"");
           }),
           py::arg("name"));
  py::implicitly_convertible<py::str, Enum>();
}

template <class... Enums>
void accept_names() {
  (accept_name<Enums>(), ...);
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() =
      "paarorende._core: the compiled core of paarorende, which plans coping courses for parents "
      "of seriously ill children (mestringskurs for pårørende) in Norwegian municipalities.\n\n"
      "One submodule per area; use them through the package `paarorende`, which re-exports "
      "everything public in them. Dates are datetime.date, times of day datetime.time, and "
      "instants aware datetime.datetime in Europe/Oslo (DOMAIN X3).";
  m.attr("__version__") = paarorende::version_string;
  // Errors first: the others' default arguments may already raise.
  add_area(m, "error", "The exceptions of paarorende._errors, raised for C++ errors.",
           register_error);
  add_area(m, "calendar", "Holidays, school calendars and closures (DOMAIN X1, X2, C11).",
           register_calendar);
  // Findings and topics before the schedule: its results and CourseRequest hold them.
  add_area(m, "violation", "Findings: DOMAIN rule, severity, message and session.",
           register_violation);
  // After findings: a school-day check holds Violations.
  add_area(m, "school_days", "Per-school calendars from open data and feeds (DOMAIN C3, C11, X2).",
           register_school_days);
  add_area(m, "topic", "Topics, wishes and presenters (DOMAIN C5-C7, T1-T6).", register_topic);
  // Groups after topics and findings: a Child's stage is a ChildStage, a finding's a Severity.
  add_area(m, "group", "Households, groups and attendance (DOMAIN G1-G9, X4).", register_group);
  add_area(m, "schedule", "Course requests, plans and agendas (DOMAIN C1-C11, X3).",
           register_schedule);
  // Formats after the schedule: a format holds ScheduleRules, GroupRules and makes CourseRequests.
  add_area(m, "formats", "Course formats and the offers beside the parents' course.",
           register_formats);
  // Evaluation after groups: attendance scores read AttendanceRecord.
  add_area(m, "evaluation", "Evaluation forms, responses and scores (DOMAIN E1-E3, X4).",
           register_evaluation);
  // After groups: a waitlist holds Households, a result Groups and GroupViolations.
  add_area(m, "formation", "Forming groups from a waitlist (DOMAIN G1-G9, C8, V1).",
           register_formation);
  // After evaluation: a table's HTML is in a Language.
  add_area(m, "table", "Linked tables across municipalities and their suppression (DOMAIN X4, V1).",
           register_table);
  // After formats and evaluation: enrolments make a season's ages, the children's scores are EvaluationScores.
  add_area(m, "treffpunkt", "Treffpunkt in operation: enrolments, the children's attendance and evaluation, the public plan (DOMAIN V1, V4, X4, X5).",
           register_treffpunkt);
  // After evaluation: a plan's overview is in a Language.
  add_area(m, "programme", "A season's offers planned together (DOMAIN C1-C12, V4, V5, P3, X5).",
           register_programme);
  // After treffpunkt (a consent is a Consent), formats (a Region) and table (a SuppressionResult).
  add_area(m, "followup", "Children and young people as next of kin: the follow-up register, its lists and summary (DOMAIN V2, V3, X4).",
           register_followup);
  add_area(m, "cli", "The command line, for `python -m paarorende`.", register_cli);
  // Issue #24: every enum also from its name, as the JSON writes it ("thursday", "hard").
  using namespace paarorende;
  accept_names<ClosureKind, Language, ItemKind, OptimalityStatus, FormatKind, FamilyBlockKind, VenueKind,
               CaregiverRole, ConditionCategory, RuleWeight, Weekday, MovePolicy, AgendaKind, SchoolDayListing,
               SfoOnlyDays, ChildStage, Audience, Severity, AdultRole, MustKnow, NextOfKinTo, IllnessKind,
               FollowupOfferKind>();
}
