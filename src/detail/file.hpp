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

inline std::string read_file(const std::filesystem::path& path) {
  std::error_code kind_error;
  if (std::filesystem::is_directory(path, kind_error)) {
    throw FileInputError("", "is a folder, not a file", path.string());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FileInputError("", "cannot open the file", path.string());
  std::string text;
  char chunk[65536];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    text.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_document_bytes) {
      throw FileInputError("", "file exceeds the limit of " + std::to_string(max_document_bytes) +
                                   " bytes", path.string());
    }
  }
  if (in.bad()) throw FileInputError("", "cannot read the file", path.string());
  return text;
}

}  // namespace paarorende::detail
