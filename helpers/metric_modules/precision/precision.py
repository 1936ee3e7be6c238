"""Precision: offline twin of the Hub's `precision` module (same configs, arguments, results)."""

from sklearn.metrics import precision_score

from helpers import metric_core

Precision = metric_core.averaged_metric(
    "Precision",
    precision_score,
    "Precision = TP / (TP + FP), the fraction of predicted positives that are positive.",
)
