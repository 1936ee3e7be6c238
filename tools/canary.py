"""`python -m tools.canary`: run every notebook on the newest HF releases (see `make canary`).

`make canary` builds `.venv-canary` (torch kept at the lock's CPU pin, the newest transformers,
datasets, evaluate, accelerate, peft, huggingface_hub, tokenizers, safetensors) and runs this
module with it, the course's extras included. Each notebook runs in tiny mode from its source.
The table says which notebooks break (exit 1), with the first error of each, and which drift:
how many compared cells print something else than the saved outputs on the newest releases, with
the first differing line (information: exit 0 on drift alone; stderr, where COURSE_WARNINGS=1
lets the warnings through, is left out). The main .venv is not used.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass

import nbformat

from helpers.libraries import HF_LIBRARIES
from helpers.paths import REPO_ROOT, run_dir
from tools.compare import compared_texts, first_differing_line
from tools.runner import NotebookRun, run_notebook
from tools.sources import notebook_of, sources


@dataclass(frozen=True)
class Drift:
    """How a run's compared outputs differ from the saved ones: cells that differ, the first line."""

    cells: int
    first: str = ""


def drift(run: NotebookRun, saved) -> Drift:
    """The compared cells of `run` whose stdout and results differ from the notebook `saved`."""
    ran, kept = (compared_texts(nb, streams=("stdout",)) for nb in (run.notebook, saved))
    if len(ran) != len(kept):
        return Drift(abs(len(ran) - len(kept)), f"{len(ran)} compared cells ran, {len(kept)} saved")
    differing = [(a, b) for a, b in zip(ran, kept) if a != b]
    return Drift(len(differing), first_differing_line(*differing[0]) if differing else "")


def installed(names: tuple[str, ...] = HF_LIBRARIES) -> str:
    """`name version` of each library in this environment."""
    from importlib.metadata import PackageNotFoundError, version

    def one(name: str) -> str:
        try:
            return f"{name} {version(name)}"
        except PackageNotFoundError:
            return f"{name} missing"

    return ", ".join(one(n) for n in ("torch", *names))


def warning_lines(run: NotebookRun) -> list[str]:
    """The distinct stderr lines that name a warning (COURSE_WARNINGS=1 lets them through)."""
    cells = run.notebook.cells if run.notebook is not None else []
    texts = [
        o.get("text", "")
        for c in cells
        for o in c.get("outputs", [])
        if o.get("output_type") == "stream" and o.get("name") == "stderr"
    ]
    lines = [line.strip() for text in texts for line in text.splitlines() if "Warning" in line]
    return list(dict.fromkeys(lines))


def warning_count(run: NotebookRun) -> int:
    """How many distinct warnings the notebook printed."""
    return len(warning_lines(run))


def format_warnings(runs: list[NotebookRun]) -> str:
    """Each distinct warning once, with the notebooks that printed it."""
    seen: dict[str, list[str]] = {}
    for run in runs:
        for line in warning_lines(run):
            seen.setdefault(line, []).append(run.name)
    return "\n".join(f"  [{', '.join(names)}] {line[:300]}" for line, names in seen.items())


def format_table(runs: list[NotebookRun], drifts: dict[str, Drift]) -> str:
    """One row per notebook: ok or broken, warnings, drifting cells, the first error or change."""
    lines = [
        f"{'notebook':28s} {'result':7s} {'warnings':>8s} {'drift':>5s}  first error or change"
    ]
    for run in runs:
        moved = drifts.get(run.name, Drift(0))
        lines.append(
            f"{run.name:28s} {'ok' if run.ok else 'broken':7s} {warning_count(run):8d} "
            f"{moved.cells:5d}  {(run.error or moved.first)[:160] or '-'}"
        )
    broken = sum(not r.ok for r in runs)
    drifting = sum(d.cells > 0 for d in drifts.values())
    lines.append(
        f"{broken} of {len(runs)} notebook(s) broken, {drifting} drifting (outputs that differ "
        "from the saved ones: read them; drift alone is not a failure) on the newest releases."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the named notebooks (default: all); exit 1 if any breaks."""
    parser = argparse.ArgumentParser(prog="python -m tools.canary", description=__doc__)
    parser.add_argument("notebooks", nargs="*", help="names like 01_pipeline (default: all)")
    chosen = sources(parser.parse_args(argv).notebooks)
    print(f"Canary environment: {sys.prefix}\n  {installed()}", flush=True)
    env = {
        "PYTHONPATH": str(REPO_ROOT),
        "COURSE_WARNINGS": "1",
        "COURSE_RUN_DIR": str(run_dir("canary")),
    }
    runs = []
    for source in chosen:
        runs.append(run_notebook(source, env=env))
        print(
            f"  ran {source.stem}: {'ok' if runs[-1].ok else 'broken'} ({runs[-1].seconds:.1f} s)",
            flush=True,
        )
    drifts = {
        r.name: drift(r, nbformat.read(notebook_of(s), as_version=4))
        for r, s in zip(runs, chosen)
        if r.ok
    }
    print(format_table(runs, drifts))
    if any(warning_lines(run) for run in runs):
        print("Warnings (deprecations to act on before they become errors):")
        print(format_warnings(runs))
    return 1 if any(not r.ok for r in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
