"""GLUE metrics per task: offline twin of the hub `glue` module, same formulas and keys."""

import evaluate
from scipy.stats import pearsonr, spearmanr
from sklearn.metrics import f1_score, matthews_corrcoef

from helpers.metric_core import label_info

ACCURACY_TASKS = ("sst2", "mnli", "mnli_mismatched", "mnli_matched", "qnli", "rte", "wnli", "hans")
ACCURACY_F1_TASKS = ("mrpc", "qqp")
TASKS = ("cola", "stsb", *ACCURACY_F1_TASKS, *ACCURACY_TASKS)


class Glue(evaluate.Metric):
    """accuracy (and F1 for mrpc/qqp), Matthews for cola, Pearson/Spearman for stsb."""

    def _info(self):
        if self.config_name not in TASKS:
            raise KeyError(f"Unknown GLUE task {self.config_name!r}; use one of {list(TASKS)}.")
        dtype = "float32" if self.config_name == "stsb" else "int64"
        return label_info("glue", "GLUE benchmark metric for one task.", dtype)

    def _compute(self, predictions, references):
        preds, labels = list(predictions), list(references)
        if self.config_name == "cola":
            return {"matthews_correlation": float(matthews_corrcoef(labels, preds))}
        if self.config_name == "stsb":
            return {"pearson": float(pearsonr(preds, labels)[0]),
                    "spearmanr": float(spearmanr(preds, labels)[0])}
        accuracy = float(sum(p == r for p, r in zip(preds, labels)) / len(labels))
        if self.config_name in ACCURACY_F1_TASKS:
            return {"accuracy": accuracy, "f1": float(f1_score(y_true=labels, y_pred=preds))}
        return {"accuracy": accuracy}
