"""F1 score: offline twin of the Hub's `f1` module (same configs, arguments and result types)."""

from __future__ import annotations

import numpy as np
from sklearn.metrics import f1_score

from helpers import metric_core


class F1(metric_core.ScoreMetric):
    """Harmonic mean of precision and recall, for one class or averaged over classes."""

    key = "f1"
    about = "F1 = 2 * (precision * recall) / (precision + recall)."
    arguments = metric_core.LABEL_ARGS + metric_core.AVERAGE_ARGS

    def _compute(
        self,
        predictions: list,
        references: list,
        labels: list[int] | None = None,
        pos_label: int | str = 1,
        average: str | None = "binary",
        sample_weight: list[float] | None = None,
    ) -> dict[str, float | np.ndarray]:
        """{'f1': score}; the Hub module takes no `zero_division`, nor does this one."""
        score = f1_score(
            references,
            predictions,
            labels=labels,
            pos_label=pos_label,
            average=average,
            sample_weight=sample_weight,
        )
        return {"f1": metric_core.as_number(score)}
