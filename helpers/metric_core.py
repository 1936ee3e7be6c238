"""Shared parts of the course's offline evaluate modules (same formulas as the hub ones)."""

from __future__ import annotations

import datasets
import evaluate

CITATION = "Pedregosa et al., Scikit-learn: Machine Learning in Python, JMLR 12, 2011."


def label_info(name: str, description: str, dtype: str = "int32") -> evaluate.MetricInfo:
    """MetricInfo for a metric over integer predictions and references."""
    return evaluate.MetricInfo(
        description=description,
        citation=CITATION,
        inputs_description=f"predictions and references: lists of {dtype} class ids.",
        features=datasets.Features(
            {"predictions": datasets.Value(dtype), "references": datasets.Value(dtype)}
        ),
        reference_urls=[f"https://huggingface.co/spaces/evaluate-metric/{name}"],
    )


def as_number(score):
    """A float for a single score, the array itself for per-class scores (as the hub does)."""
    return float(score) if getattr(score, "size", 1) == 1 else score


def averaged_metric(name: str, score_fn, description: str) -> type:
    """An evaluate.Metric class for a scikit-learn score that takes `average=` (f1, precision, recall)."""

    class AveragedMetric(evaluate.Metric):
        def _info(self):
            return label_info(name, description)

        def _compute(self, predictions, references, labels=None, pos_label=1, average="binary",
                     sample_weight=None):
            score = score_fn(references, predictions, labels=labels, pos_label=pos_label,
                             average=average, sample_weight=sample_weight)
            return {name: as_number(score)}

    AveragedMetric.__name__ = AveragedMetric.__qualname__ = name.capitalize()
    return AveragedMetric
