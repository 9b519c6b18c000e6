#include "cli.hpp"

#include <charconv>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "detail/input_error.hpp"
#include "detail/text.hpp"
#include "paarorende/error.hpp"
#include "paarorende/version.hpp"

namespace paarorende::cli {
namespace {

constexpr std::size_t synopsis_width = 31;

// The error line, kept to one line whatever the input held: control characters (a newline in a
// field name reaches the JSON pointer) are written as JSON escapes.
std::string one_line(std::string_view text) {
  std::string line;
  for (char c : text) detail::append_escaping_controls(line, c);
  return line;
}

int command_version(const std::vector<std::string>& args) {
  if (!args.empty()) throw UsageError{"version takes no arguments"};
  std::cout << version_string << '\n';
  return exit_ok;
}

std::vector<Command> general_commands() {
  return {{"version", "version", "the library version", command_version}};
}

}  // namespace

void print(const Json& document) {
  std::cout << document.dump(2) << '\n';
  std::cout.flush();
  if (!std::cout) detail::raise_input_error("stdout", "cannot write the output");
}

std::string single_file(const std::vector<std::string>& args, const char* command) {
  if (args.size() != 1) throw UsageError{std::string(command) + " takes one argument, a file"};
  return args[0];
}

FileAndCalendar file_and_calendar(const std::vector<std::string>& args, const char* command) {
  FileAndCalendar result;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--ics") {
      if (i + 1 == args.size()) throw UsageError{"--ics needs a file name"};
      result.ics = args[++i];
    } else if (args[i] == "--lang") {
      if (i + 1 == args.size()) throw UsageError{"--lang needs nb, nn or en"};
      result.language = language_from_string(args[++i]);
      if (!result.language) throw UsageError{"--lang expects nb, nn or en, got " + detail::quote_input(args[i])};
    } else if (result.file.empty() && !args[i].starts_with("--")) {
      result.file = args[i];
    } else {
      throw UsageError{"unexpected argument " + detail::quote_input(args[i])};
    }
  }
  if (result.file.empty()) throw UsageError{std::string(command) + " needs a request file"};
  return result;
}

void write_calendar(const std::string& file, const std::string& ical) {
  const std::string temporary = file + ".tmp";
  std::ofstream out(temporary, std::ios::binary);
  std::error_code renamed;
  if (!out || !(out << ical) || !out.flush() ||
      (out.close(), std::filesystem::rename(temporary, file, renamed), renamed)) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    detail::raise_input_error(file, "cannot write the iCalendar file");
  }
}

void check_output_file(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path file(path);
  const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
  if (!fs::is_directory(folder, error)) detail::raise_input_error(path, "no such folder");
  if (fs::is_directory(file, error)) detail::raise_input_error(path, "is a folder, not a file");
}

void check_output_folder(const std::string& path) {
  std::error_code error;
  if (std::filesystem::exists(path, error) && !std::filesystem::is_directory(path, error)) {
    detail::raise_input_error(path, "--out-dir is not a folder");
  }
}

double parse_number(const std::string& text, const char* option) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    detail::raise_input_error(option, "expected a number, got " + detail::quote_input(text));
  }
  return value;
}

std::vector<Command> all_commands() {
  std::vector<Command> commands;
  for (auto area : {course_commands, group_commands, evaluation_commands, formats_commands,
                    formation_commands, programme_commands, followup_commands, table_commands, spreadsheet_commands, document_commands,
                    general_commands}) {
    for (const Command& command : area()) commands.push_back(command);
  }
  return commands;
}

std::string usage() {
  std::string text = "usage: paarorende <command> [arguments]\n\ncommands:\n";
  for (const Command& command : all_commands()) {
    std::string line = "  ";
    line += command.synopsis;
    // A long synopsis gets its summary on the next line, aligned with the others.
    const std::string indent(synopsis_width + 2, ' ');
    if (line.size() + 1 > indent.size()) {
      text += line;
      text += '\n';
      line = indent;
    } else {
      line.resize(indent.size(), ' ');
    }
    std::string_view summary = command.summary;
    for (std::size_t newline; (newline = summary.find('\n')) != std::string_view::npos;) {
      line += summary.substr(0, newline);
      text += line;
      text += '\n';
      line = indent;
      summary.remove_prefix(newline + 1);
    }
    line += summary;
    text += line;
    text += '\n';
  }
  text += "\nBad input gives exit status 2 and one line on stderr.\n";
  return text;
}

int run(const std::vector<std::string>& args) {
  if (args.empty()) {
    std::cerr << "paarorende: missing command (try paarorende --help)\n";
    return exit_bad_input;
  }
  try {
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
      std::cout << usage();
      std::cout.flush();
      return exit_ok;
    }
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    for (const Command& command : all_commands()) {
      if (command.name == args[0]) return command.run(rest);
    }
    std::string message = "unknown command " + detail::quote_input(args[0]);
    message += " (try paarorende --help)";
    throw UsageError{message};
  } catch (const UsageError& error) {
    std::cerr << "paarorende: " << one_line(error.message) << '\n';
  } catch (const InternalError& error) {
    std::cerr << "paarorende: internal error: " << one_line(error.what()) << '\n';
    return exit_internal_error;
  } catch (const Error& error) {
    std::cerr << "paarorende: " << one_line(error.what()) << '\n';
  } catch (const std::exception& error) {
    std::cerr << "paarorende: internal error: " << one_line(error.what()) << '\n';
    return exit_internal_error;
  }
  return exit_bad_input;
}

}  // namespace paarorende::cli
