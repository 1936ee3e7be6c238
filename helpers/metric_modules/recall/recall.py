"""recall score for classification: offline twin of the hub module, same arguments and numbers."""

from sklearn.metrics import recall_score

from helpers.metric_core import averaged_metric

Metric = averaged_metric("recall", recall_score, "recall of the positive class, or averaged with average=...")
