"""precision score for classification: offline twin of the hub module, same arguments and numbers."""

from sklearn.metrics import precision_score

from helpers.metric_core import averaged_metric

Metric = averaged_metric("precision", precision_score, "precision of the positive class, or averaged with average=...")
