"""Shared parts of the course's offline evaluate modules (same interface as the Hub's v0.4.6 ones).

A module file must not bind a class from here to a name of its own (`from ... import SomeClass`):
`evaluate` takes the first `EvaluationModule` subclass in the module's namespace as the metric,
so the modules write `from helpers import metric_core` and subclass `metric_core.ScoreMetric`,
or (f1, precision, recall) bind the class `metric_core.averaged_metric` makes.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable

import datasets
import evaluate
import numpy as np

CITATION = "Pedregosa et al., Scikit-learn: Machine Learning in Python, JMLR 12, 2011."
MULTILABEL = "multilabel"

LABEL_ARGS = """Args:
    predictions: predicted class ids; with config 'multilabel', one list of 0/1 per example.
    references: true class ids, in the same form as `predictions`.
"""
AVERAGE_ARGS = """    labels (list of int, optional): classes to score when `average` is not 'binary', in
        the order of the scores when `average` is None (column indices for multilabel).
    pos_label (int, default 1): the class scored when `average='binary'`.
    average (str or None, default 'binary'): 'binary' (the `pos_label` class), 'micro'
        (global counts), 'macro' (unweighted mean over classes), 'weighted' (mean weighted by
        support), 'samples' (mean over examples, multilabel only), or None (one score a class).
    sample_weight (list of float, optional): a weight for each example.
"""
ZERO_DIVISION_ARGS = """    zero_division ('warn', 0, 1 or nan, default 'warn'): the score where its denominator
        is 0 ('warn' gives 0 and a warning).
"""
SCORE_RETURNS = """Returns:
    {key}: a float, or a numpy array of floats (one a class) when `average` is None and more
    than one class is scored.
"""


def label_features(config_name: str | None, dtype: str = "int32") -> datasets.Features:
    """`predictions` and `references` features: class ids, or lists of them for 'multilabel'."""
    value = datasets.Value(dtype)
    feature = datasets.Sequence(value) if config_name == MULTILABEL else value
    return datasets.Features({"predictions": feature, "references": feature})


def metric_info(
    name: str,
    description: str,
    features: datasets.Features,
    inputs_description: str = LABEL_ARGS,
    citation: str = CITATION,
    **kwargs,
) -> evaluate.MetricInfo:
    """MetricInfo for one of the offline modules (`kwargs` go to `evaluate.MetricInfo`)."""
    return evaluate.MetricInfo(
        description=description,
        citation=citation,
        inputs_description=inputs_description,
        features=features,
        reference_urls=[f"https://huggingface.co/spaces/evaluate-metric/{name}"],
        **kwargs,
    )


def as_number(score: float | np.ndarray) -> float | np.ndarray:
    """A float for a single score, the array itself for several (as the Hub modules return).

    A one-class array (`average=None` with one label) is a float too: the Hub's `float(score)`
    gave that on older NumPy; NumPy 2.4 refuses `float()` of a 1-d array, so this unwraps it.
    """
    return score if np.size(score) > 1 else float(np.asarray(score).reshape(()))


class ScoreMetric(evaluate.Metric):
    """A scikit-learn classification score returned under `key`; config 'multilabel' or none."""

    key: str = ""
    about: str = ""
    arguments: str = LABEL_ARGS

    def _info(self) -> evaluate.MetricInfo:
        return metric_info(
            self.key,
            self.about,
            label_features(self.config_name),
            inputs_description=self.arguments + SCORE_RETURNS.format(key=self.key),
        )


AVERAGE_DEFAULTS = {"labels": None, "pos_label": 1, "average": "binary", "sample_weight": None}


def averaged_metric(
    name: str, score: Callable, about: str, zero_division: bool = True
) -> type[ScoreMetric]:
    """The module class of a scikit-learn score averaged over classes (f1, precision, recall):
    `_compute` takes the Hub module's arguments with its defaults (its signature says so), and
    `zero_division` only where the Hub's module takes it (precision and recall; f1 does not)."""
    key = name.lower()
    defaults = {**AVERAGE_DEFAULTS, **({"zero_division": "warn"} if zero_division else {})}

    def _compute(self, predictions: list, references: list, **options) -> dict:
        unknown = sorted(set(options) - set(defaults))
        if unknown:
            raise TypeError(f"{name}._compute() got an unexpected keyword argument {unknown[0]!r}")
        return {key: as_number(score(references, predictions, **{**defaults, **options}))}

    keyword = inspect.Parameter.POSITIONAL_OR_KEYWORD
    _compute.__signature__ = inspect.Signature(
        [inspect.Parameter(n, keyword) for n in ("self", "predictions", "references")]
        + [inspect.Parameter(n, keyword, default=d) for n, d in defaults.items()]
    )
    arguments = LABEL_ARGS + AVERAGE_ARGS + (ZERO_DIVISION_ARGS if zero_division else "")
    fields = {"key": key, "about": about, "arguments": arguments, "_compute": _compute}
    return type(name, (ScoreMetric,), {"__doc__": about, **fields})
