"""Shared fixtures. The build directory is $PAARORENDE_BUILD_DIR, or build/ at the top of the
repository; scripts/test sets PYTHONPATH to its python/ folder so `import paarorende` finds the
freshly built package."""

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
