"""Small display helpers: tidy metric dictionaries for printing."""

from __future__ import annotations

__all__ = ["show_metrics", "tidy_metrics"]

RUNTIME_WORDS = ("runtime", "per_second", "flos", "memory")


def tidy_value(value, digits: int = 3):
    """A float rounded to `digits` decimals, or to `digits` significant digits when it is small
    (a learning rate of 5e-05 stays 5e-05 instead of becoming 0.0); other values unchanged."""
    if not isinstance(value, float) or value == 0 or abs(value) >= 10**-digits:
        return round(value, digits) if isinstance(value, float) else value
    return float(f"{value:.{digits - 1}e}")


def tidy_metrics(metrics: dict, digits: int = 3) -> dict:
    """Round floats (small ones to significant digits) and drop timing keys (runtime,
    samples/steps per second, flos)."""
    return {
        key: tidy_value(value, digits)
        for key, value in metrics.items()
        if not any(word in key for word in RUNTIME_WORDS)
    }


def show_metrics(metrics: dict, digits: int = 3) -> None:
    """Print tidy metrics one per line, aligned."""
    tidy = tidy_metrics(metrics, digits)
    width = max((len(key) for key in tidy), default=0)
    for key, value in tidy.items():
        print(f"{key:<{width}}  {value}")
