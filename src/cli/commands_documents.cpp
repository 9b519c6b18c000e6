// The commands that come from the registry of document types (io/registry.hpp): documents, read,
// and run_document, the body of every command that reads one document and prints what the
// registry's operation on it computes (validate, check, fit, roster, parallel, region).
#include "cli.hpp"
#include "paarorende/paarorende.hpp"

namespace paarorende::cli {
namespace {

int command_documents(const std::vector<std::string>& args) {
  if (!args.empty()) throw UsageError{"documents takes no arguments"};
  print(to_json(document_types()));
  return exit_ok;
}

int command_read(const std::vector<std::string>& args) {
  if (args.size() != 2) throw UsageError{"read takes a document type and a file (see paarorende documents)"};
  print(read_document(document_type(args[0], "TYPE"), args[1]));
  return exit_ok;
}

// A finding that is an error: "valid": false, or an error among "findings".
bool has_error_findings(const Json& output) {
  if (!output.is_object()) return false;
  if (const auto valid = output.find("valid"); valid != output.end() && valid->is_boolean()) {
    return !valid->get<bool>();
  }
  if (const auto findings = output.find("findings"); findings != output.end()) {
    for (const Json& finding : *findings) {
      if (finding.value("severity", "") == "error") return true;
    }
  }
  return false;
}

}  // namespace

int run_document(std::string_view type, const std::string& file) {
  const Json output = operate_on_document(document_type(type), file);
  print(output);
  return has_error_findings(output) ? exit_findings : exit_ok;
}

std::vector<Command> document_commands() {
  return {
      {"documents", "documents",
       "the document types paarorende reads: formats, schema,\nand the command that works on each",
       command_documents},
      {"read", "read TYPE FILE",
       "read FILE as a document of TYPE and print it as\npaarorende writes it (every default filled in)",
       command_read},
  };
}

}  // namespace paarorende::cli
