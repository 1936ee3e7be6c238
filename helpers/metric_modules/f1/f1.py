"""f1 score for classification: offline twin of the hub module, same arguments and numbers."""

from sklearn.metrics import f1_score

from helpers.metric_core import averaged_metric

Metric = averaged_metric("f1", f1_score, "f1 of the positive class, or averaged with average=...")
