"""Accuracy: the fraction of predictions equal to the references (offline twin of the hub module)."""

import evaluate
from sklearn.metrics import accuracy_score

from helpers.metric_core import as_number, label_info


class Accuracy(evaluate.Metric):
    """Proportion of correct predictions."""

    def _info(self):
        return label_info("accuracy", "Accuracy = correct predictions / all predictions.")

    def _compute(self, predictions, references, normalize=True, sample_weight=None):
        score = accuracy_score(references, predictions, normalize=normalize, sample_weight=sample_weight)
        return {"accuracy": as_number(score)}
