// _core._run_cli: the command line of src/cli/cli.hpp, for `python -m paarorende`.
#include "binding.hpp"

#include <iostream>

#include "cli.hpp"

void register_cli(py::module_& m) {
  m.def(
      "_run_cli",
      [](const std::vector<std::string>& args) {
        // The commands write to the process's stdout and stderr (file descriptors 1 and 2),
        // exactly as the `paarorende` program does.
        const int status = paarorende::cli::run(args);
        std::cout.flush();
        std::cerr.flush();
        return status;
      },
      "args"_a, py::call_guard<py::gil_scoped_release>(),
      "Run the paarorende command line with ARGS (without the program name) and return its exit "
      "status. Output goes to the process's stdout and stderr, as from the `paarorende` program.");
}
