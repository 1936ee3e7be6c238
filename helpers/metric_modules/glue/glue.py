"""GLUE metrics per task: offline twin of the Hub's `glue` module (same configs, keys and types)."""

from __future__ import annotations

import evaluate
import numpy as np
from scipy.stats import pearsonr, spearmanr
from sklearn.metrics import f1_score, matthews_corrcoef

from helpers import metric_core

# In the Hub module's order: its error message for an unknown task lists them so.
TASKS = (
    *("sst2", "mnli", "mnli_mismatched", "mnli_matched", "cola", "stsb", "mrpc", "qqp"),
    *("qnli", "rte", "wnli", "hans"),
)
ACCURACY_F1_TASKS = ("mrpc", "qqp")
UNKNOWN_TASK = "You should supply a configuration name selected in [{}]".format(
    ", ".join(f'"{task}"' for task in TASKS)
)
RETURNS = """Returns, by task: cola {'matthews_correlation'}; stsb {'pearson', 'spearmanr'};
    mrpc and qqp {'accuracy', 'f1'} (f1 of class 1); the others {'accuracy'}.
"""


class Glue(evaluate.Metric):
    """Accuracy (and F1 for mrpc/qqp), Matthews correlation for cola, Pearson/Spearman for stsb."""

    def _info(self) -> evaluate.MetricInfo:
        """Int64 class ids (float32 scores for stsb), given to `_compute` as numpy arrays."""
        if self.config_name not in TASKS:
            raise KeyError(UNKNOWN_TASK)
        dtype = "float32" if self.config_name == "stsb" else "int64"
        return metric_core.metric_info(
            "glue",
            "GLUE, the General Language Understanding Evaluation benchmark: one task's metric.",
            metric_core.label_features(None, dtype),
            inputs_description=metric_core.LABEL_ARGS + RETURNS,
            format="numpy",
        )

    def _compute(self, predictions: np.ndarray, references: np.ndarray) -> dict[str, float]:
        """The task's scores; floats (cola: whatever scikit-learn returns, as on the Hub)."""
        if self.config_name == "cola":
            return {"matthews_correlation": matthews_corrcoef(references, predictions)}
        if self.config_name == "stsb":
            return {
                "pearson": float(pearsonr(predictions, references)[0]),
                "spearmanr": float(spearmanr(predictions, references)[0]),
            }
        scores = {"accuracy": float(np.mean(predictions == references))}
        if self.config_name in ACCURACY_F1_TASKS:
            scores["f1"] = float(f1_score(references, predictions))
        return scores
