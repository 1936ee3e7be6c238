"""Recall: offline twin of the Hub's `recall` module (same configs, arguments, results)."""

from sklearn.metrics import recall_score

from helpers import metric_core

Recall = metric_core.averaged_metric(
    "Recall", recall_score, "Recall = TP / (TP + FN), the fraction of positives predicted positive."
)
