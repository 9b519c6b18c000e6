// The C++ error hierarchy as Python exceptions deriving from ValueError (STYLE 6). The classes
// live in the pure-Python module paarorende._errors; this translator raises them with the C++
// error's rule, where and message as attributes.
#include "binding.hpp"

namespace {

struct ErrorClasses {
  py::object base;
  py::object input;
  py::object impossible;
  py::object violation;
};

// Looked up once and never freed: the translator may run until the interpreter exits.
const ErrorClasses* classes = nullptr;

void raise(const py::object& cls, const paarorende::Error& error) {
  py::object instance = cls(error.what(), "rule"_a = error.rule(), "where"_a = error.where(),
                            "message"_a = error.message());
  PyErr_SetObject(cls.ptr(), instance.ptr());
}

}  // namespace

void register_error(py::module_& m) {
  auto errors = py::module_::import("paarorende._errors");
  classes = new ErrorClasses{errors.attr("PaarorendeError"), errors.attr("InputError"),
                             errors.attr("ImpossibleRequest"), errors.attr("RuleViolation")};
  m.attr("PaarorendeError") = classes->base;
  m.attr("InputError") = classes->input;
  m.attr("ImpossibleRequest") = classes->impossible;
  m.attr("RuleViolation") = classes->violation;

  // Most derived first: the first matching handler wins.
  py::register_exception_translator([](std::exception_ptr pointer) {
    if (!pointer) return;
    try {
      std::rethrow_exception(pointer);
    } catch (const paarorende::InputError& error) {
      raise(classes->input, error);
    } catch (const paarorende::ImpossibleRequest& error) {
      raise(classes->impossible, error);
    } catch (const paarorende::RuleViolation& error) {
      raise(classes->violation, error);
    } catch (const paarorende::Error& error) {
      raise(classes->base, error);
    }
  });
}
