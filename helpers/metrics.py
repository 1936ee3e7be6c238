"""Offline evaluate modules: `load_metric` returns a real `evaluate` module loaded from a local path."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from helpers.errors import CourseError

if TYPE_CHECKING:
    import evaluate

__all__ = ["load_metric"]

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


def load_metric(name: str, config_name: str | None = None, **kwargs) -> evaluate.EvaluationModule:
    """Load the course's offline copy of the evaluate metric `name` (the Hub module's twin).

    Args:
        name: a folder of `helpers/metric_modules` (see `known_metrics()`): "accuracy", "f1",
            "precision", "recall", "glue", "seqeval" (entity-level scores of tagged sentences,
            default mode) or "squad" (SQuAD v1.1 exact match and F1), standing in for
            `evaluate.load(name)`.
        config_name: the module's configuration: "multilabel" (or None) for accuracy, f1,
            precision and recall (any other name is the default, as on the Hub); for glue,
            the task: "mrpc", "qqp", "cola", "stsb", "sst2", "mnli", "qnli", "rte", ...
        **kwargs: passed on to `evaluate.load` (e.g. `keep_in_memory=True`, `experiment_id`).

    Returns:
        The `evaluate.EvaluationModule` loaded from the local folder, used like the Hub's:
        `.compute(predictions=..., references=..., **arguments)` or `.add_batch(...)`.

    Raises:
        CourseError: no offline module is called `name`.
        KeyError: glue with a missing or unknown task (the Hub module's error).

    Loading a local folder makes no network call, so it works offline without setting
    `HF_EVALUATE_OFFLINE`; this function leaves `os.environ` as it is (the first import of
    evaluate and scikit-learn sets their own variables: TORCHINDUCTOR_CACHE_DIR, KMP_*).
    """
    import evaluate

    return evaluate.load(metric_path(name), config_name, **kwargs)
