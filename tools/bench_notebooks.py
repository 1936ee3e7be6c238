"""`python -m tools.bench_notebooks [NOTEBOOK ...]`: time every notebook in tiny mode.

Runs each notebook source in a fresh kernel (as `make outputs` does, without saving), prints a
table (wall time, kernel peak memory, cells, slowest cell) and the suite total, and writes the
same as JSON under the run folder. A benchmark, not a test: it reports misses of the targets
and never fails on them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

from helpers.paths import REPO_ROOT, run_dir
from tools.runner import NotebookRun, run_notebook
from tools.sources import sources

NOTEBOOK_TARGET_S = 30.0
# Accelerate starts two processes; pretraining runs three trainings; custom data two;
# compression exports, quantizes and distils; instruction tuning runs SFT and DPO.
SLOW_TARGETS_S = {
    "accelerate": 60.0,
    "pretraining": 45.0,
    "custom_data": 45.0,
    "compression": 45.0,
    "instruction": 45.0,
}
PEAK_TARGET_MB = 2048.0


def target_seconds(name: str) -> float:
    """The wall-time target of one notebook (the ones with several trainings or processes get
    longer)."""
    return next((s for word, s in SLOW_TARGETS_S.items() if word in name), NOTEBOOK_TARGET_S)


def suite_target(rows: list[dict]) -> float:
    """The suite's target: the sum of its notebooks' own targets (240 s for the seven chapters
    it was first set for), so each new chapter brings its own share and a subset is judged on
    what it ran."""
    return sum(r["target_seconds"] for r in rows)


def misses(run: NotebookRun) -> list[str]:
    """The targets one notebook misses, in words."""
    found = []
    if not run.ok:
        found.append("error")
    if run.seconds > target_seconds(run.name):
        found.append(f"> {target_seconds(run.name):.0f} s")
    if run.peak_rss_mb > PEAK_TARGET_MB:
        found.append(f"> {PEAK_TARGET_MB / 1024:.0f} GB")
    return found


def row(run: NotebookRun) -> dict:
    """One notebook's results as a JSON-ready dict."""
    index, seconds = run.slowest
    return {
        "notebook": run.name,
        "seconds": round(run.seconds, 2),
        "peak_rss_mb": round(run.peak_rss_mb, 1),
        "cells": run.cells,
        "slowest_cell": index,
        "slowest_cell_seconds": round(seconds, 2),
        "target_seconds": target_seconds(run.name),
        "misses": misses(run),
        "error": run.error,
    }


def format_table(rows: list[dict]) -> str:
    """The printed table: one line per notebook, then the suite total."""
    header = (
        f"{'notebook':24s} {'wall s':>7s} {'peak MB':>8s} {'cells':>5s} "
        f"{'slowest cell':>14s}  targets"
    )
    lines = [header]
    for r in rows:
        slowest = f"#{r['slowest_cell']} {r['slowest_cell_seconds']:.1f} s"
        verdict = "MISS " + ", ".join(r["misses"]) if r["misses"] else "ok"
        lines.append(
            f"{r['notebook']:24s} {r['seconds']:7.1f} {r['peak_rss_mb']:8.0f} "
            f"{r['cells']:5d} {slowest:>14s}  {verdict}"
        )
    total, target = sum(r["seconds"] for r in rows), suite_target(rows)
    verdict = "ok" if total <= target else f"MISS > {target:.0f} s"
    lines.append(
        f"{'suite total':24s} {total:7.1f} {max((r['peak_rss_mb'] for r in rows), default=0):8.0f} "
        f"{sum(r['cells'] for r in rows):5d} {'':>14s}  {verdict}"
    )
    return "\n".join(lines)


def report(rows: list[dict]) -> dict:
    """The JSON document: machine, targets, rows and total."""
    return {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "mode": "tiny",
        "targets": {
            "suite_seconds": suite_target(rows),
            "notebook_seconds": NOTEBOOK_TARGET_S,
            "slow_notebook_seconds": SLOW_TARGETS_S,
            "peak_rss_mb": PEAK_TARGET_MB,
        },
        "notebooks": rows,
        "total_seconds": round(sum(r["seconds"] for r in rows), 2),
    }


def write_report(document: dict, folder: Path) -> Path:
    """Write the JSON (timestamped, plus latest.json) and return the timestamped path."""
    stamp = document["when"].replace(":", "").replace("-", "")
    path = folder / f"notebook_bench-{stamp}.json"
    text = json.dumps(document, indent=1) + "\n"
    path.write_text(text)
    (folder / "latest.json").write_text(text)
    return path


def main(argv: list[str] | None = None) -> int:
    """Benchmark the named notebooks (default: all); exit 2 when a name matches nothing."""
    parser = argparse.ArgumentParser(prog="python -m tools.bench_notebooks", description=__doc__)
    parser.add_argument("notebooks", nargs="*", help="names like 01_pipeline (default: all)")
    chosen = sources(parser.parse_args(argv).notebooks)
    if not chosen:
        print("No notebook source matches.", file=sys.stderr)
        return 2
    rows = []
    for source in chosen:
        rows.append(row(run_notebook(source)))
        print(f"  ran {source.stem} in {rows[-1]['seconds']:.1f} s", file=sys.stderr, flush=True)
    print(format_table(rows))
    for r in rows:
        if r["error"]:
            print(f"{r['notebook']}: {r['error']}")
    path = write_report(report(rows), run_dir("bench"))
    print(f"JSON: {path.relative_to(REPO_ROOT) if path.is_relative_to(REPO_ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
