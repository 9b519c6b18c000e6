// The only test file compiled with the source tree's path (tests/CMakeLists.txt).
#include <filesystem>

namespace paarorende::test_support {

std::filesystem::path paarorende_source_dir() { return PAARORENDE_SOURCE_DIR; }

}  // namespace paarorende::test_support
