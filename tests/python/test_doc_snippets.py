"""Every Python snippet in README.md and docs/ runs as written (issue #24), so a recipe a reader
copies works on the package's own examples.

Each ```python block runs alone in a fresh Debian `python3`, from the repository's top folder
(paths such as examples/... are relative to it) with the built package on PYTHONPATH, as the
docs tell a reader to run it; so a block imports and loads what it uses. A ```pycon block (an
interactive session) runs the same way with its `>>> ` and `... ` prompts stripped and its
output lines ignored. Text not meant to run is tagged otherwise (```text, ```sh, ```console).
A snippet must not leave files in the repository: one that writes output writes it into a
temporary folder."""

import os
import pathlib
import re
import subprocess
import textwrap

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
DEBIAN_PYTHON = "/usr/bin/python3"
FENCE = re.compile(r"^\s*```\s*(python|pycon)\s*$")


def snippets():
    """(file:line of the opening fence, source) for every python and pycon block."""
    found = []
    for path in [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]:
        lines = path.read_text(encoding="utf-8").splitlines()
        start = None
        for number, line in enumerate(lines, 1):
            if start is None:
                match = FENCE.match(line)
                if match:
                    start, language, body = number, match.group(1), []
            elif line.strip().startswith("```"):
                code = textwrap.dedent("\n".join(body))
                if language == "pycon":  # keep the statements, drop the printed output
                    code = "\n".join(text[4:] for text in code.splitlines()
                                     if text.startswith((">>> ", "... ", ">>>", "...")))
                found.append((f"{path.relative_to(REPO)}:{start}", code + "\n"))
                start = None
            else:
                body.append(line)
    return found


SNIPPETS = snippets()


def new_files():
    """The repository's untracked and ignored paths. Only new paths count: a tracked file edited
    meanwhile (by a person working in the tree) is not a snippet's doing."""
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all", "--ignored=matching"],
        cwd=REPO, capture_output=True, text=True, check=True).stdout.splitlines()
    return {line for line in status if line.startswith(("??", "!!"))}


def test_the_docs_have_python_snippets():
    assert len(SNIPPETS) >= 10, SNIPPETS


@pytest.mark.parametrize("where, code", SNIPPETS, ids=[where for where, _ in SNIPPETS])
def test_snippet_runs_as_written(where, code, build_dir):
    env = {**os.environ, "PYTHONPATH": str(build_dir / "python"),
           "PAARORENDE_BUILD_DIR": str(build_dir), "MPLBACKEND": "Agg"}
    before = new_files()
    result = subprocess.run([DEBIAN_PYTHON, "-"], input=code, cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, f"{where}:\n{code}\n{result.stderr[-4000:]}"
    left = sorted(new_files() - before)
    assert left == [], f"{where} left files in the repository: {left}"
