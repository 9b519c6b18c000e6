// The paarorende program: the command line of cli.hpp. Usage: `paarorende --help`.
#include <string>
#include <vector>

#include "cli.hpp"

int main(int argc, char** argv) {
  return paarorende::cli::run(std::vector<std::string>(argv + 1, argv + argc));
}
