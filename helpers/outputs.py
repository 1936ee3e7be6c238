"""`python -m helpers.outputs [NOTEBOOK ...]`: rebuild each .ipynb from its text source and run it.

The jupytext source `notebooks/NN_topic.py` is what people edit; this command writes the paired
`NN_topic.ipynb` with fresh tiny-mode outputs, which nbval then compares on every test run.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from helpers.paths import REPO_ROOT

NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
KERNEL = {"display_name": "Python 3", "language": "python", "name": "python3"}


def sources(names: list[str] | None = None) -> list[Path]:
    """The text sources of the notebooks (all, or those whose name starts with one of `names`)."""
    found = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.py"))
    if names:
        found = [p for p in found if any(p.stem.startswith(Path(n).stem) for n in names)]
    return found


def read_source(path: Path):
    """The notebook a text source describes, without outputs."""
    import jupytext

    notebook = jupytext.read(path)
    notebook.metadata["kernelspec"] = dict(KERNEL)
    for index, cell in enumerate(notebook.cells):
        cell.id = f"cell-{index:03d}"  # stable ids: a regenerated .ipynb diffs only where it changed
    return notebook


def execute(notebook, cwd: Path, timeout: int = 600):
    """Run every cell in a fresh kernel in tiny mode; returns the notebook with outputs."""
    from nbclient import NotebookClient

    os.environ.update(COURSE_MODE="tiny", HF_HUB_OFFLINE="1", PYTHONHASHSEED="0")
    NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                   resources={"metadata": {"path": str(cwd)}}).execute()
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    return notebook


def write_outputs(source: Path) -> float:
    """Rebuild `source`'s .ipynb with fresh outputs; returns the seconds it took."""
    import nbformat

    start = time.perf_counter()
    notebook = execute(read_source(source), source.parent)
    nbformat.write(notebook, source.with_suffix(".ipynb"))
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    """Rebuild the outputs of the named notebooks, or of all of them."""
    parser = argparse.ArgumentParser(prog="python -m helpers.outputs", description=__doc__)
    parser.add_argument("notebooks", nargs="*", help="names like 01_pipeline (default: all)")
    args = parser.parse_args(argv)
    chosen = sources(args.notebooks)
    if not chosen:
        print(f"No notebook source matches {args.notebooks} in {NOTEBOOKS_DIR}.", file=sys.stderr)
        return 2
    for source in chosen:
        print(f"{source.name:32s} {write_outputs(source):6.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
