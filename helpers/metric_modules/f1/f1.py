"""F1 score: offline twin of the Hub's `f1` module (same configs, arguments and result types)."""

from sklearn.metrics import f1_score

from helpers import metric_core

F1 = metric_core.averaged_metric(
    "F1",
    f1_score,
    "F1 = 2 * (precision * recall) / (precision + recall).",
    zero_division=False,  # the Hub's f1 takes no zero_division
)
