"""The notebooks' text sources (`sources/NN_topic.py`, jupytext percent) and their paired .ipynb."""

from __future__ import annotations

from pathlib import Path

from helpers.paths import REPO_ROOT

SOURCES_DIR = REPO_ROOT / "sources"
NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
KERNEL = {"display_name": "Python 3", "language": "python", "name": "python3"}


def sources(names: list[str] | None = None) -> list[Path]:
    """The text sources of the notebooks (all, or those whose name starts with one of `names`)."""
    found = sorted(SOURCES_DIR.glob("[0-9][0-9]_*.py"))
    if names:
        found = [p for p in found if any(p.stem.startswith(Path(n).stem) for n in names)]
    return found


def notebook_of(source: Path) -> Path:
    """The .ipynb paired with a text source: notebooks/<same name>.ipynb."""
    return NOTEBOOKS_DIR / f"{source.stem}.ipynb"


def read_source(path: Path):
    """The notebook a text source describes, without outputs, with stable cell ids."""
    import jupytext

    notebook = jupytext.read(path)
    notebook.metadata["kernelspec"] = dict(KERNEL)
    for index, cell in enumerate(notebook.cells):
        cell.id = (
            f"cell-{index:03d}"  # stable ids: a regenerated .ipynb diffs only where it changed
        )
    return notebook
