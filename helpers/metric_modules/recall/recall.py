"""Recall: offline twin of the Hub's `recall` module (same configs, arguments, results)."""

from __future__ import annotations

import numpy as np
from sklearn.metrics import recall_score

from helpers import metric_core


class Recall(metric_core.ScoreMetric):
    """Share of the positive examples that are predicted positive."""

    key = "recall"
    about = "Recall = TP / (TP + FN), the fraction of positives predicted positive."
    arguments = metric_core.LABEL_ARGS + metric_core.AVERAGE_ARGS + metric_core.ZERO_DIVISION_ARGS

    def _compute(
        self,
        predictions: list,
        references: list,
        labels: list[int] | None = None,
        pos_label: int | str = 1,
        average: str | None = "binary",
        sample_weight: list[float] | None = None,
        zero_division: str | float = "warn",
    ) -> dict[str, float | np.ndarray]:
        """{'recall': score}, a float or (`average=None`, several classes) a numpy array."""
        score = recall_score(
            references,
            predictions,
            labels=labels,
            pos_label=pos_label,
            average=average,
            sample_weight=sample_weight,
            zero_division=zero_division,
        )
        return {"recall": metric_core.as_number(score)}
