"""The worked notebooks in examples/notebooks/: stored clean (no outputs, no execution counts,
so that diffs show only what changed), and each runs top to bottom without an error in Debian's
`python3` Jupyter kernel (python3-ipykernel) with nbclient, from the repository's top folder and
with the built package on PYTHONPATH. A new notebook there is picked up automatically."""

import os
import pathlib

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((REPO / "examples" / "notebooks").glob("*.ipynb"))
IDS = [path.name for path in NOTEBOOKS]

nbformat = pytest.importorskip("nbformat")


def test_the_worked_notebooks_are_there():
    names = {path.name for path in NOTEBOOKS}
    assert {"plan_course.ipynb"} <= names, names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_is_stored_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    for number, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"cell {number} has outputs"
            assert cell.execution_count is None, f"cell {number} has an execution count"
    assert notebook.metadata["kernelspec"]["name"] == "python3"


# jupyter_client and the kernel machinery warn about their own deprecations; those are not the
# notebooks' problem (pytest.ini turns warnings into errors).
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_runs_top_to_bottom(path, build_dir, monkeypatch):
    from nbclient import NotebookClient

    # The kernel inherits the environment: the built package first on its path.
    python_path = [str(build_dir / "python")]
    if os.environ.get("PYTHONPATH"):
        python_path.append(os.environ["PYTHONPATH"])
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(python_path))
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    monkeypatch.setenv("MPLBACKEND", "Agg")
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(REPO)}})
    client.execute()  # raises CellExecutionError, with the cell and its traceback, on an error
    errors = [output for cell in notebook.cells if cell.cell_type == "code"
              for output in cell.outputs if output.output_type == "error"]
    assert errors == []
    assert any(cell.outputs for cell in notebook.cells if cell.cell_type == "code")
