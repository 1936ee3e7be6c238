"""Small display helpers: tidy metric dictionaries for printing."""

from __future__ import annotations

RUNTIME_WORDS = ("runtime", "per_second", "flos", "memory")


def tidy_metrics(metrics: dict, digits: int = 3) -> dict:
    """Round floats to `digits` and drop timing keys (runtime, samples/steps per second, flos)."""
    return {
        key: round(value, digits) if isinstance(value, float) else value
        for key, value in metrics.items()
        if not any(word in key for word in RUNTIME_WORDS)
    }


def show_metrics(metrics: dict, digits: int = 3) -> None:
    """Print tidy metrics one per line, aligned."""
    tidy = tidy_metrics(metrics, digits)
    width = max((len(key) for key in tidy), default=0)
    for key, value in tidy.items():
        print(f"{key:<{width}}  {value}")
