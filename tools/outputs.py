"""`python -m tools.outputs [NOTEBOOK ...]`: rebuild each .ipynb from its text source and run it.

The jupytext source `sources/NN_topic.py` is what people edit; this command writes the paired
`notebooks/NN_topic.ipynb` with fresh tiny-mode outputs, which nbval then compares on every
test run. The notebook runs from notebooks/, as nbval and learners run it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from helpers.errors import CourseError
from tools.runner import run_notebook
from tools.sources import NOTEBOOKS_DIR, SOURCES_DIR, notebook_of, sources


def write_outputs(source: Path) -> float:
    """Rebuild `source`'s .ipynb with fresh tiny-mode outputs; returns the seconds it took."""
    import nbformat

    run = run_notebook(source, cwd=NOTEBOOKS_DIR)
    if not run.ok:
        raise CourseError(f"{source.name} failed, nothing written: {run.error}")
    for cell in run.notebook.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(run.notebook, notebook_of(source))
    return run.seconds


def main(argv: list[str] | None = None) -> int:
    """Rebuild the outputs of the named notebooks, or of all of them."""
    parser = argparse.ArgumentParser(prog="python -m tools.outputs", description=__doc__)
    parser.add_argument("notebooks", nargs="*", help="names like 01_pipeline (default: all)")
    args = parser.parse_args(argv)
    chosen = sources(args.notebooks)
    if not chosen:
        print(f"No notebook source matches {args.notebooks} in {SOURCES_DIR}.", file=sys.stderr)
        return 2
    for source in chosen:
        print(f"{source.name:32s} {write_outputs(source):6.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
