// The document types the fuzz targets read, and the one function every target calls
// (fuzz_document.cpp). Kept small so that each target's own file compiles in a moment.
#pragma once

#include <cstddef>
#include <cstdint>

namespace paarorende::fuzz {

enum class Document {
  school_calendar = 1,
  course_request = 2,
  course_schedule = 3,
  topic_catalogue = 4,
  group = 5,
  attendance_records = 6,
  evaluation_form = 7,
  evaluation_responses = 8,
  evaluation_csv = 9,
  csv = 10,
  waitlist = 11,
  roster = 12,
  format = 13,
  family_week_request = 14,
  season_request = 15,
  parallel_offer = 16,
  region = 17,
};

// Reads the bytes as a document of this type and, when valid, runs what the command line runs on
// it. Returns 0 (libFuzzer's convention); a finding aborts the program.
int test_one_input(Document type, const std::uint8_t* data, std::size_t size);

}  // namespace paarorende::fuzz
