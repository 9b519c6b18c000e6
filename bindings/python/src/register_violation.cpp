// Findings (violation.hpp): what the planner, the topic choice, the staffing and validate()
// return, each with its DOMAIN rule, severity, message and session. Registered before the topics
// and the schedule, whose results hold them.
#include "binding.hpp"

namespace {

using namespace paarorende;
using namespace paarorende::python;

}  // namespace

void register_violation(py::module_& m) {
  py::enum_<Severity>(m, "Severity", py::arithmetic(),
                      "How much a finding weighs; ordered info < warning < error.")
      .value("info", Severity::info,
             "Worth knowing, breaks nothing (e.g. a session moved off a holiday).")
      .value("warning", Severity::warning, "Departs from a recommendation (a soft rule).")
      .value("error", Severity::error, "Breaks a rule; the plan should not be used as it is.");

  py::class_<Violation> violation(
      m, "Violation",
      "One finding of a validation or of the planner: the DOMAIN rule it concerns, a severity, a "
      "message, and the session it concerns (1-based) or None.");
  violation
      .def(py::init([](std::string rule, Severity severity, std::string message,
                       std::optional<int> session_number) {
             return Violation{std::move(rule), severity, std::move(message), session_number};
           }),
           py::kw_only(), "rule"_a, "severity"_a = Severity::error, "message"_a = "",
           "session"_a = py::none(), "A finding about DOMAIN `rule`.")
      .def_readwrite("rule", &Violation::rule, "The DOMAIN id, e.g. \"C3\".")
      .def_readwrite("severity", &Violation::severity, "info, warning or error (Severity).")
      .def_readwrite("message", &Violation::message, "What is wrong, and why.")
      .def_readwrite("session", &Violation::session,
                     "The 1-based number of the session it concerns, or None.")
      .def("__str__", &streamed<Violation>, "\"error [C11] session 3: ...\".");
  def_value(violation, [](const Violation& self) {
    std::string text = "Violation(" + field("rule", self.rule) +
                       ", severity=" + enum_text(self.severity) + ", " +
                       field("message", self.message);
    if (self.session) text += ", " + field("session", *self.session);
    return text + ")";
  });

  m.def("has_errors", &has_errors, "findings"_a,
        "True when any of the findings (list[Violation]) has severity error.");
}
