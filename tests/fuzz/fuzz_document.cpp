// The libFuzzer target of every document type: one program, paarorende_fuzz, that fuzzes the type
// and format named by --document=NAME (scripts/fuzz; docs/reliability.md). The types come from
// the registry (paarorende/io/registry.hpp): `paarorende_fuzz --list` prints one target a line,
// "<type>" for a type's first format and "<type>.<format>" for the others, so a new document type
// is fuzzed without a change here; and "xlsx-parts", the .xlsx reader's XML layer on its own.
//
// Each input is read as the registry reads it and, when it is a valid document, the operation the
// command line runs on it (plan, validate, check, fit ...) runs too, with its iCalendar or HTML
// output, so the fuzzer reaches past the readers. What counts as a finding:
// - any exception other than paarorende::Error (std::out_of_range, nlohmann's, boost's ...)
//   escaping: the program aborts with an uncaught exception;
// - a crash, undefined behaviour, a leak (AddressSanitizer, UndefinedBehaviorSanitizer,
//   LeakSanitizer), a hang (-timeout) or unbounded memory (-rss_limit_mb);
// - a document whose written form does not read back, or reads back to another written form
//   (docs/json.md promises that what paarorende writes reads back to an equal value): a trap.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "io/xlsx_parts.hpp"
#include "paarorende/error.hpp"
#include "paarorende/io/registry.hpp"

namespace {

const paarorende::DocumentType* document = nullptr;
paarorende::DocumentFormat format = paarorende::DocumentFormat::json;
// The one target besides the registry's: the .xlsx reader's XML layer without the zip container,
// which random bytes rarely get past (src/io/xlsx_parts.hpp). Its input: a first byte whose
// lowest bit is date1904, then the worksheet, the shared strings and the styles parts separated
// by NUL bytes (tests/fuzz/corpus/xlsx-parts/).
constexpr const char* xlsx_parts_target = "xlsx-parts";
bool xlsx_parts = false;

void run_xlsx_parts(std::string_view input) {
  if (input.empty()) return;
  const bool date1904 = (static_cast<unsigned char>(input.front()) & 1U) != 0;
  input.remove_prefix(1);
  std::string_view parts[3];
  for (auto& part : parts) {
    const auto end = input.find('\0');
    part = input.substr(0, end);
    input = end == std::string_view::npos ? std::string_view() : input.substr(end + 1);
  }
  const paarorende::XlsxSheet sheet =
      paarorende::detail::read_xlsx_parts(parts[0], parts[1], parts[2], date1904, "Ark1");
  (void)paarorende::to_csv_table(sheet);
}

std::string target_name(const paarorende::DocumentType& type, paarorende::DocumentFormat f) {
  std::string name(type.name);
  if (f != type.formats.front()) name += "." + std::string(to_string(f));
  return name;
}

[[noreturn]] void finding(const char* what, const std::string& text) {
  std::fprintf(stderr, "paarorende fuzz finding: %s\n%s\n", what, text.c_str());
  std::fflush(stderr);
  __builtin_trap();
}

void run(std::string_view text) {
  const paarorende::Json written = document->read(text, format, {});
  (void)document->operate(text, format, {});
  if (document->render != nullptr) (void)document->render(text, format, {});
  // What paarorende writes is a JSON document of the same type, which reads back to itself.
  const std::string again_text = written.dump();
  paarorende::Json again;
  try {
    again = document->read(again_text, paarorende::DocumentFormat::json, {});
  } catch (const paarorende::Error& error) {
    finding((std::string("a written document does not read back: ") + error.what()).c_str(), again_text);
  }
  if (again != written) finding("a written document reads back to a different one", again_text);
}

}  // namespace

// Takes --document=NAME (or PAARORENDE_FUZZ_DOCUMENT) before libFuzzer reads its own flags, which
// warn about but otherwise ignore this one; --list prints the targets and exits.
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  const char* name = std::getenv("PAARORENDE_FUZZ_DOCUMENT");
  for (int i = 1; i < *argc; ++i) {
    const std::string_view arg = (*argv)[i];
    if (arg == "--list") {
      for (const paarorende::DocumentType& type : paarorende::document_types()) {
        for (paarorende::DocumentFormat f : type.formats) std::printf("%s\n", target_name(type, f).c_str());
      }
      std::printf("%s\n", xlsx_parts_target);
      std::exit(0);
    }
    if (arg.rfind("--document=", 0) == 0) name = (*argv)[i] + std::strlen("--document=");
  }
  if (name != nullptr) {
    for (const paarorende::DocumentType& type : paarorende::document_types()) {
      for (paarorende::DocumentFormat f : type.formats) {
        if (target_name(type, f) == name) {
          document = &type;
          format = f;
        }
      }
    }
  }
  if (name != nullptr && std::string_view(name) == xlsx_parts_target) {
    xlsx_parts = true;
    return 0;
  }
  if (document == nullptr) {
    std::fprintf(stderr, "paarorende_fuzz: name a target with --document=NAME (one of --list)\n");
    std::exit(2);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    if (xlsx_parts) {
      run_xlsx_parts(input);
    } else {
      run(input);
    }
  } catch (const paarorende::Error&) {
    // The one documented way to refuse input: every other exception escapes and is a finding.
  }
  return 0;
}
