// One libFuzzer target: PAARORENDE_FUZZ_DOCUMENT names its document type (tests/fuzz/CMakeLists.txt).
#include "fuzz_document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return paarorende::fuzz::test_one_input(paarorende::fuzz::Document::PAARORENDE_FUZZ_DOCUMENT, data, size);
}
