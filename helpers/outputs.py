"""`python -m helpers.outputs [NOTEBOOK ...]`: rebuild each .ipynb from its text source and run it.

The jupytext source `notebooks/NN_topic.py` is what people edit; this command writes the paired
`NN_topic.ipynb` with fresh tiny-mode outputs, which nbval then compares on every test run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from helpers.errors import CourseError
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


def write_outputs(source: Path) -> float:
    """Rebuild `source`'s .ipynb with fresh tiny-mode outputs; returns the seconds it took."""
    import nbformat

    from helpers.notebook_run import run_notebook

    run = run_notebook(source)
    if not run.ok:
        raise CourseError(f"{source.name} failed, nothing written: {run.error}")
    for cell in run.notebook.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(run.notebook, source.with_suffix(".ipynb"))
    return run.seconds


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
