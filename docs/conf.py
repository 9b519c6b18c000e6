"""Sphinx configuration of the paarorende documentation.

Build (from the repository root, after building the Python module into $PAARORENDE_BUILD_DIR,
default build/):

    sphinx-build -W --keep-going -b html docs build/docs/html

The Markdown pages are read by MyST; the Python API is autodoc of the built module
(<build>/python), and the C++ API is Breathe over the XML that Doxygen writes from the public
headers (docs/Doxyfile) into <build>/docs/doxygen, which this file runs. Nothing is fetched from
the network and nothing is written into docs/.
"""

from __future__ import annotations

import os
import pathlib
import re
import subprocess
import sys

DOCS = pathlib.Path(__file__).resolve().parent
ROOT = DOCS.parent
BUILD = pathlib.Path(os.environ.get("PAARORENDE_BUILD_DIR", ROOT / "build")).resolve()

# The Python API is documented from the built package.
sys.path.insert(0, str(BUILD / "python"))

# The C++ API: Doxygen's XML of include/paarorende, regenerated at every build (a second or two).
DOXYGEN_DIR = BUILD / "docs" / "doxygen"
DOXYGEN_DIR.mkdir(parents=True, exist_ok=True)
subprocess.run(["doxygen", str(DOCS / "Doxyfile")], cwd=ROOT, check=True,
               env={**os.environ, "PAARORENDE_DOXYGEN_OUT": str(DOXYGEN_DIR)},
               stdout=subprocess.DEVNULL)

project = "paarorende"
author = "the paarorende contributors"
copyright = "the paarorende contributors"
release = re.search(r"project\(\s*paarorende\s+VERSION\s+(\S+)",
                    (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")).group(1)
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "breathe",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
# The JSON Schemas are data that pages link to, not pages.
exclude_patterns = ["schemas"]
language = "en"

myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence"]

autodoc_default_options = {"members": True, "undoc-members": True, "show-inheritance": True}
autodoc_typehints = "signature"
autodoc_member_order = "bysource"
napoleon_numpy_docstring = True

breathe_projects = {"paarorende": str(DOXYGEN_DIR / "xml")}
breathe_default_project = "paarorende"
breathe_default_members = ("members",)

html_theme = "alabaster"
html_title = f"paarorende {release}"
html_static_path: list[str] = []
# The schemas and examples are copied beside the pages, so that their links work in the site.
html_extra_path: list[str] = []

# Some pages show JSON with elisions ("..."), which Pygments cannot lex; such a block is shown
# without colours. Every other warning fails the build (-W).
suppress_warnings = ["misc.highlighting_failure"]


def _pybind11_overloads(app, what, name, obj, options, lines):
    """pybind11 documents an overloaded function as "Overloaded function." followed by numbered
    signatures ("1. form_groups(request: ..., *, seed: ...) -> ..."). Shown as code, their `*`
    and `**` are not read as reStructuredText emphasis."""
    if not any(line.strip() == "Overloaded function." for line in lines):
        return
    for index, line in enumerate(lines):
        match = re.match(r"^(\d+)\. (\w+\(.*\).*)$", line)
        if match:
            lines[index] = f"{match.group(1)}. ``{match.group(2)}``"


def setup(app):
    app.connect("autodoc-process-docstring", _pybind11_overloads)
