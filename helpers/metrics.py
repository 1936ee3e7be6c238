"""Offline evaluate modules: `load_metric` returns a real `evaluate` module loaded from a local path."""

from __future__ import annotations

import os
from pathlib import Path

from helpers.errors import CourseError

MODULES_DIR = Path(__file__).resolve().parent / "metric_modules"


def known_metrics() -> list[str]:
    """Names of the metric modules the course ships."""
    return sorted(p.name for p in MODULES_DIR.iterdir() if (p / f"{p.name}.py").is_file())


def metric_path(name: str) -> str:
    """The local folder `evaluate.load` takes for metric `name` (the hub name works in full mode)."""
    folder = MODULES_DIR / name
    if not (folder / f"{name}.py").is_file():
        raise CourseError(
            f"No offline metric module {name!r}. Known: {', '.join(known_metrics())}. "
            f"Fix: use one of these, or `evaluate.load({name!r})` with network access."
        )
    return str(folder)


def load_metric(name: str, config_name: str | None = None, **kwargs):
    """`evaluate.load` of the course's offline copy of metric `name` (same numbers as the hub's)."""
    import evaluate

    os.environ.setdefault("HF_EVALUATE_OFFLINE", "1")
    return evaluate.load(metric_path(name), config_name, **kwargs)
