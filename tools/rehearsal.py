"""`python -m tools.rehearsal [NOTEBOOK ...]`: every chapter alone in full mode, as Colab runs it.

Colab gives each notebook a runtime of its own: a fresh folder, an empty run folder, nothing
another chapter left behind. The rehearsal runs each notebook like that, in full mode but
offline: hub names resolve to the tiny stand-ins through `COURSE_MODELS_DIR` (data/checkpoints
has the `<org>--<name>` layout of a local mirror), GLUE to the course's GLUE-shaped files through
`GLUE_DIR`. Each runtime's Hub cache (`HF_HOME`) is empty, so chapters 10-12 train chapter 09's
review models here; with `--published` it holds the course's published copy of them (the committed
stand-ins, laid out as huggingface_hub caches a download), the route a Colab learner takes.
`COURSE_MAX_EXAMPLES` (the one knob, see helpers.limits) caps the rows of every data set so the
whole rehearsal takes minutes. Outputs are not compared: tiny mode's are. Exit 1 on a failure.
`--bench` (`make bench-full`) times full mode for real instead: no cap, and the real models and
GLUE files that `COURSE_MODELS_DIR` and `GLUE_DIR` name, still offline; the executed notebooks
are kept in runs/bench-full to read the scores from; `--record` also writes the times to
tools/records/full_cpu.json, which the Colab badge cells and README's table quote (`make stamp`).
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import platform
import sys
import tempfile
from pathlib import Path

from helpers import environment
from helpers.checkpoints import REVIEW_MODELS, checkpoint
from helpers.handoff import course_table
from helpers.limits import MAX_EXAMPLES_VARIABLE
from helpers.paths import REPO_ROOT, data_dir, tiny_checkpoints_dir
from tools.runner import NotebookRun, run_notebook
from tools.sources import sources
from tools.stamp import CPU_RECORD

REHEARSAL_EXAMPLES = 64  # rows per split in the rehearsal: every code path, in seconds
# Chapters whose full-mode code needs more rows: chapter 10's simulation labels 200 training
# reviews (40 at random, then 4 rounds of 40).
MORE_EXAMPLES = {"10_active_learning": 200}
PROGRESS_MARKS = ("application/vnd.jupyter.widget-view+json", "<progress", "it/s]", "s/it]")


def cache_snapshot(files: Path, repo_id: str, hf_home: Path) -> Path:
    """Lay the files under `files` out in `hf_home`'s Hub cache as huggingface_hub caches a model
    repository it downloaded (blobs, a snapshot of links to them, refs/main); returns the snapshot."""
    paths = sorted(p for p in files.rglob("*") if p.is_file())
    digests = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}
    commit = hashlib.sha1("".join(digests.values()).encode()).hexdigest()
    repo = hf_home / "hub" / f"models--{repo_id.replace('/', '--')}"
    snapshot = repo / "snapshots" / commit
    for path, digest in digests.items():
        blob = repo / "blobs" / digest
        blob.parent.mkdir(parents=True, exist_ok=True)
        blob.write_bytes(path.read_bytes())
        link = snapshot / path.relative_to(files)
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(os.path.relpath(blob, link.parent))
    (repo / "refs").mkdir(exist_ok=True)
    (repo / "refs" / "main").write_text(commit, encoding="utf-8")
    return snapshot


def rehearsal_env(
    folder: Path, published: bool = False, bench: bool = False, examples: int = REHEARSAL_EXAMPLES
) -> dict[str, str]:
    """The environment of one notebook's rehearsal, everything under `folder`, capped at
    `examples` rows per split; with `published`, its Hub cache holds the course's published
    review models. `bench` times full mode for real: no cap, and your `COURSE_MODELS_DIR` and
    `GLUE_DIR` (real models and data) when set."""
    hf_home = folder / "hf-home"
    if published:
        stand_ins = Path(checkpoint(REVIEW_MODELS, "tiny"))
        cache_snapshot(stand_ins, course_table()["review_models"], hf_home)
    env = {
        "COURSE_MODE": "full",
        "HF_HUB_OFFLINE": "1",
        "HF_HOME": str(hf_home),
        "COURSE_RUN_DIR": str(folder / "runs"),
        "COURSE_MODELS_DIR": str(tiny_checkpoints_dir()),
        "GLUE_DIR": str(data_dir() / "glue"),
        MAX_EXAMPLES_VARIABLE: str(examples),
        "MPLBACKEND": "agg",
        # One thread per kernel: two rehearsals side by side (pytest -n 2) on two cores would
        # otherwise each start a thread per core and slow both several times over.
        "OMP_NUM_THREADS": "1",
    }
    if bench:
        del env[MAX_EXAMPLES_VARIABLE], env["OMP_NUM_THREADS"]
        env |= {k: v for k in ("COURSE_MODELS_DIR", "GLUE_DIR") if (v := environment.read(k))}
    return env


def rehearse(
    source: Path, folder: Path, published: bool = False, bench: bool = False
) -> NotebookRun:
    """Run `source` alone in full mode, from an empty working folder `folder/work`."""
    cwd = folder / "work"
    cwd.mkdir(parents=True, exist_ok=True)
    examples = MORE_EXAMPLES.get(source.stem, REHEARSAL_EXAMPLES)
    env = rehearsal_env(folder, published, bench, examples)
    return run_notebook(source, cwd=cwd, env=env, timeout=3600 if bench else 300)


def shows_progress(cell) -> bool:
    """True when a code cell's outputs include a progress bar (tqdm's widget or text, Trainer's)."""
    return any(mark in str(output) for output in cell.get("outputs", []) for mark in PROGRESS_MARKS)


def longest_silent(run: NotebookRun) -> float:
    """Seconds of the longest code cell that showed no progress bar while it ran."""
    cells = [c for c in run.notebook.cells if c.cell_type == "code"] if run.notebook else []
    silent = [run.cell_seconds.get(i, 0.0) for i, c in enumerate(cells) if not shows_progress(c)]
    return max(silent, default=0.0)


def format_table(runs: list[NotebookRun]) -> str:
    """One row per notebook: result, seconds, peak memory, the longest cell without a progress
    bar, the first error."""
    header = f"{'notebook':30s} {'result':7s} {'seconds':>8s} {'peak MB':>8s} {'silent s':>8s}"
    lines = [f"{header}  first error"]
    for run in runs:
        lines.append(
            f"{run.name:30s} {'ok' if run.ok else 'failed':7s} {run.seconds:8.1f} "
            f"{run.peak_rss_mb:8.0f} {longest_silent(run):8.1f}  {run.error[:120] or '-'}"
        )
    total = sum(run.seconds for run in runs)
    lines.append(f"{sum(r.ok for r in runs)} of {len(runs)} ran to the end in {total:.0f} s.")
    return "\n".join(lines)


def keep(run: NotebookRun, folder: Path) -> Path:
    """Write the executed notebook of `run` to `folder` (scores are read from it)."""
    import nbformat

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{run.name}.ipynb"
    nbformat.write(run.notebook, path)
    return path


def record(runs: list[NotebookRun], path: Path = CPU_RECORD) -> None:
    """Write the bench's seconds and peak memory per notebook to `path`, keeping the rest.

    Each notebook's `models` (which real models stood behind the hub names) is kept from the
    record: the maintainer states it, the run cannot tell.
    """
    import torch

    old = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {"notebooks": {}}
    rows = old["notebooks"]
    for run in runs:
        rows[run.name] = {
            "seconds": round(run.seconds),
            "peak_mb": round(run.peak_rss_mb),
            "models": rows.get(run.name, {}).get("models", "stand-ins"),
        }
    old.update(
        measured=datetime.date.today().isoformat(),
        machine=f"{os.cpu_count()} CPU cores, {platform.machine()}, "
        f"torch {torch.__version__.split('+')[0]} CPU build, offline",
        notebooks=dict(sorted(rows.items())),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(old, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Rehearse the named notebooks (default: all), each in a folder of its own."""
    parser = argparse.ArgumentParser(prog="python -m tools.rehearsal", description=__doc__)
    parser.add_argument("notebooks", nargs="*", help="names like 01_pipeline (default: all)")
    parser.add_argument(
        "--published", action="store_true", help="chapter 09's models in each Hub cache"
    )
    parser.add_argument(
        "--bench",
        action="store_true",
        help="time full mode for real: no cap; your COURSE_MODELS_DIR and GLUE_DIR when set",
    )
    parser.add_argument(
        "--record", action="store_true", help=f"with --bench: write the times to {CPU_RECORD.name}"
    )
    args = parser.parse_args(argv)
    if args.record and not args.bench:
        parser.error("--record needs --bench: only a real full-mode run is worth quoting")
    runs = []
    with tempfile.TemporaryDirectory(prefix="rehearsal-") as root:
        for source in sources(args.notebooks):
            runs.append(rehearse(source, Path(root) / source.stem, args.published, args.bench))
            print(f"  {source.stem}: {'ok' if runs[-1].ok else 'failed'}", flush=True)
            if args.bench:
                keep(runs[-1], REPO_ROOT / "runs" / "bench-full")
    print(format_table(runs))
    if args.record and all(run.ok for run in runs):
        record(runs)
        print(f"Wrote {CPU_RECORD.relative_to(REPO_ROOT)}; run `make stamp` to quote it.")
    return 0 if all(run.ok for run in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
