// paarorende._core: the compiled part of the paarorende Python package. One register function per
// area (as boost-histogram's src/module.cpp); the pure-Python package re-exports everything.
#include "binding.hpp"

PYBIND11_MODULE(_core, m) {
  m.doc() =
      "paarorende._core: the compiled core of paarorende, which plans coping courses for parents "
      "of seriously ill children (mestringskurs for pårørende) in Norwegian municipalities.\n\n"
      "Use it through the package `paarorende`, which re-exports everything here. Dates are "
      "datetime.date, times of day datetime.time, and instants aware datetime.datetime in "
      "Europe/Oslo (DOMAIN X3).";
  m.attr("__version__") = paarorende::version_string;
  // Errors first: the others' default arguments may already raise.
  register_error(m);
  register_calendar(m);
  // Findings and topics before the schedule: its results and CourseRequest hold them.
  register_violation(m);
  register_topic(m);
  // Groups after topics and findings: a Child's stage is a ChildStage, a finding's a Severity.
  register_group(m);
  register_schedule(m);
  // Formats after the schedule: a format holds ScheduleRules, GroupRules and makes CourseRequests.
  register_formats(m);
  // Evaluation after groups: attendance scores read AttendanceRecord.
  register_evaluation(m);
  // After groups: a waitlist holds Households, a result Groups and GroupViolations.
  register_formation(m);
  register_cli(m);
}
