// The registry of document types: one entry per kind of document paarorende reads, naming its
// formats, its schema, how it is read and written, and the operation the command line runs on it.
// The command line (`paarorende documents`, `paarorende read`), the fuzz targets (tests/fuzz),
// scripts/fuzz and the bad-input runner (tests/bad_inputs/run.py) all take their list from here,
// so a new document type or format is one entry in src/io/registry.cpp plus its reader
// (docs/architecture.md).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "paarorende/io/json.hpp"

namespace paarorende {

/// The file formats a document may come in: JSON, CSV, Excel workbooks (.xlsx, io/xlsx.hpp) and
/// iCalendar (.ics).
enum class DocumentFormat { json, csv, xlsx, ics };

std::string_view to_string(DocumentFormat format) noexcept;
std::optional<DocumentFormat> document_format_from_string(std::string_view text) noexcept;
/// The format a file's name says: ".csv" is CSV, ".xlsx" a workbook, ".ics" iCalendar (in any
/// case), anything else JSON.
DocumentFormat document_format_of(const std::filesystem::path& path) noexcept;

struct DocumentType {
  /// "course-request": the name on the command line and of the folders in tests/bad_inputs/ and
  /// tests/fuzz/corpus/.
  std::string_view name;
  /// What it is, one line.
  std::string_view summary;
  /// The formats it is read from; the first is the one a file without a known ending is taken for.
  std::vector<DocumentFormat> formats;
  /// Its JSON Schema in docs/schemas/ ("course-request.schema.json"). A type that is imported as
  /// another (a REDCap data dictionary as an evaluation form) names the schema of what `read`
  /// writes, and its `read` takes that JSON back too, so the written form reads back to itself.
  std::string_view schema;
  /// The command line's operation on such a file: arguments after `paarorende`, where {file}
  /// stands for the document and {out} for a folder that outputs may be written to.
  std::vector<std::string_view> command;
  /// The same operation from Python: an expression over `paarorende`, `datetime` and `path`.
  std::string_view python;
  /// Reads the text in `format` and returns the document as paarorende writes it (the reader and
  /// the writer in one). File references resolve from `base_dir`. Throws paarorende::Error.
  Json (*read)(std::string_view text, DocumentFormat format, const std::filesystem::path& base_dir);
  /// Reads the text and runs the command's operation on it (plan, validate, check, fit ...),
  /// returning what it computes as JSON. Throws paarorende::Error.
  Json (*operate)(std::string_view text, DocumentFormat format, const std::filesystem::path& base_dir);
  /// The operation's other output as the command line writes it with --ics or --html (an
  /// iCalendar file, an HTML report); nullptr for a type that has none.
  std::string (*render)(std::string_view text, DocumentFormat format,
                        const std::filesystem::path& base_dir);

  bool reads(DocumentFormat format) const noexcept;
};

/// Every document type, in the order the command line lists them.
const std::vector<DocumentType>& document_types();
/// The type of this name, or nullptr.
const DocumentType* find_document_type(std::string_view name) noexcept;
/// The type of this name; InputError at `where` (listing the known names) otherwise.
const DocumentType& document_type(std::string_view name, const std::string& where = {});

/// Reads a file as a document of `type` (its format from its name: document_format_of) and
/// returns it as paarorende writes it; every error names the file.
Json read_document(const DocumentType& type, const std::filesystem::path& path);
/// Reads a file as `type` and runs the type's operation on it; every error names the file.
Json operate_on_document(const DocumentType& type, const std::filesystem::path& path);

/// The registry as JSON (what `paarorende documents` prints): name, summary, formats, schema,
/// command and python of each type.
Json to_json(const std::vector<DocumentType>& types);

}  // namespace paarorende
