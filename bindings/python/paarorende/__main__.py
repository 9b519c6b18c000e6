"""``python -m paarorende``: the same command line as the C++ ``paarorende`` program.

``python -m paarorende plan examples/sandefjord_pilot/course.json`` prints what
``paarorende plan examples/sandefjord_pilot/course.json`` prints, with the same exit status
(0 fine, 1 findings that are errors, 2 bad input or usage).
"""

from __future__ import annotations

import sys

from ._core.cli import _run_cli


def main(argv: list[str] | None = None) -> int:
    """Run the command line with `argv` (default ``sys.argv[1:]``); return its exit status."""
    # Python's own buffered output must reach the file descriptors before the C++ code writes
    # to them, or the two would interleave out of order.
    sys.stdout.flush()
    sys.stderr.flush()
    return _run_cli(sys.argv[1:] if argv is None else list(argv))


if __name__ == "__main__":
    sys.exit(main())
