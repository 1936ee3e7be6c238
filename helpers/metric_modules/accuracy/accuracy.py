"""Accuracy: the share of correct predictions (offline twin of the Hub's `accuracy` module)."""

from __future__ import annotations

from sklearn.metrics import accuracy_score

from helpers import metric_core


class Accuracy(metric_core.ScoreMetric):
    """Correct predictions / all predictions; with 'multilabel', rows whose labels all match."""

    key = "accuracy"
    about = "Accuracy = (TP + TN) / (TP + TN + FP + FN), the fraction of correct predictions."
    arguments = metric_core.LABEL_ARGS + (
        "    normalize (bool, default True): False gives the (weighted) count of correct ones.\n"
        "    sample_weight (list of float, optional): a weight for each example.\n"
    )

    def _compute(
        self,
        predictions: list,
        references: list,
        normalize: bool = True,
        sample_weight: list[float] | None = None,
    ) -> dict[str, float]:
        """{'accuracy': float}, a count (still a float) when `normalize=False`."""
        score = accuracy_score(
            references, predictions, normalize=normalize, sample_weight=sample_weight
        )
        return {"accuracy": float(score)}
