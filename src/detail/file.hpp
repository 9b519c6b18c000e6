// Private toolkit: the one file reader of the library. Reads regular files, pipes and devices
// alike, in chunks, refusing anything past max_document_bytes as soon as it passes it (a pipe
// has no size to ask first). Every error names the file.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include "detail/input_error.hpp"
#include "paarorende/limits.hpp"

namespace paarorende::detail {

/// Raises an input error about the file itself (it cannot be opened, it is too large ...).
[[noreturn]] inline void raise_file_error(const std::filesystem::path& path, std::string message) {
  throw FileInputError(std::string(), std::move(message), path.string());
}

inline std::string read_file(const std::filesystem::path& path) {
  std::error_code kind_error;
  if (std::filesystem::is_directory(path, kind_error)) {
    raise_file_error(path, "is a folder, not a file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) raise_file_error(path, "cannot open the file");
  // Read in chunks up to one byte past the limit: a device or a pipe has no size to ask first.
  std::string text;
  char chunk[65536];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    text.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_document_bytes) {
      // Appended, not `"..." + std::to_string(...)`: GCC 12 warns falsely about that (-Wrestrict,
      // GCC bug 105329).
      std::string message = "file exceeds the limit of ";
      message += std::to_string(max_document_bytes);
      message += " bytes";
      raise_file_error(path, std::move(message));
    }
  }
  if (in.bad()) raise_file_error(path, "cannot read the file");
  return text;
}

}  // namespace paarorende::detail
