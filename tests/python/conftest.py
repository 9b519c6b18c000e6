"""Shared fixtures. The build directory is $PAARORENDE_BUILD_DIR, or build/ at the top of the
repository; scripts/test sets PYTHONPATH to its python/ folder so `import paarorende` finds the
freshly built package."""

import datetime
import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
BUILD = pathlib.Path(os.environ.get("PAARORENDE_BUILD_DIR", REPO / "build")).resolve()


@pytest.fixture(scope="session")
def repo() -> pathlib.Path:
    return REPO


@pytest.fixture(scope="session")
def build_dir() -> pathlib.Path:
    return BUILD


@pytest.fixture(scope="session")
def cli():
    """Runs the built command-line tool; returns the CompletedProcess (text mode)."""
    binary = BUILD / "paarorende"
    if not binary.exists():
        pytest.fail(f"{binary} is missing: build the project first (scripts/test does)")

    def run(*args, cwd=None):
        return subprocess.run([str(binary), *map(str, args)], capture_output=True, text=True,
                              cwd=cwd, check=False)

    return run


# The Sandefjord pilot's course (examples/sandefjord_pilot); a module that means another pilot
# document by `pilot` defines its own fixture of that name.
@pytest.fixture(scope="module")
def pilot_request(repo):
    from paarorende import CourseRequest
    return CourseRequest.load(repo / "examples/sandefjord_pilot/course.json")


@pytest.fixture()
def pilot(pilot_request):
    """The pilot's course planned afresh for each test, which may change it."""
    import paarorende
    return paarorende.plan_course(pilot_request)


@pytest.fixture(scope="session")
def evaluated():
    """Evaluates a repr with datetime and every public paarorende name in scope, as a user who
    copies it into a session would."""
    import paarorende
    namespace = {"datetime": datetime,
                 **{name: getattr(paarorende, name) for name in paarorende.__all__}}

    def evaluate(text):
        return eval(text, namespace)  # noqa: S307 - our own reprs

    return evaluate

