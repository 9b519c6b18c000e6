// Findings as JSON (io/violation.hpp).
#include "paarorende/io/violation.hpp"
#include "detail/input_error.hpp"

#include "io/readers.hpp"

namespace paarorende {
using namespace detail;

namespace detail {

Violation read_violation(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  Violation violation;
  violation.rule = in.string("rule");
  const std::string severity = in.string("severity");
  auto parsed = severity_from_string(severity);
  if (!parsed) {
    detail::raise_input_error(in.pointer("severity"), "expected \"info\", \"warning\" or \"error\", got " + detail::quote_input(severity));
  }
  violation.severity = *parsed;
  violation.message = in.string("message");
  if (const Json* session = in.find("session")) {
    violation.session = static_cast<int>(detail::read_integer(*session, in.pointer("session"), 1, 52));
  }
  in.finish();
  return violation;
}

}  // namespace detail

Json to_json(const Violation& violation) {
  Json document{{"rule", violation.rule},
                {"severity", std::string(to_string(violation.severity))},
                {"message", violation.message}};
  if (violation.session) document["session"] = *violation.session;
  return document;
}

Json to_json(const std::vector<Violation>& findings) {
  Json array = Json::array();
  for (const auto& finding : findings) array.push_back(to_json(finding));
  return array;
}

}  // namespace paarorende
