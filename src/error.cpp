#include "paarorende/error.hpp"

namespace paarorende {
namespace {
// "where: message [DOMAIN rule]": one line that says where, what and which rule.
std::string compose(const std::string& rule, const std::string& message, const std::string& where) {
  std::string text;
  if (!where.empty()) text += where + ": ";
  text += message;
  if (!rule.empty()) text += " [DOMAIN " + rule + "]";
  return text;
}
}  // namespace

Error::Error(std::string rule, std::string message, std::string where)
    : std::runtime_error(compose(rule, message, where)),
      rule_(std::move(rule)),
      message_(std::move(message)),
      where_(std::move(where)) {}

std::string located_in_file(const std::string& file, const std::string& where) {
  if (where.empty()) return file;
  if (where.front() == '/') return file + ":" + where;
  return file + ": " + where;
}

}  // namespace paarorende
