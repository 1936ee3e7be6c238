import numpy as np
import pytest
from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score

from helpers import load_metric
from helpers.errors import CourseError
from helpers.metrics import known_metrics

rng = np.random.default_rng(0)
PREDS, REFS = rng.integers(0, 2, 200).tolist(), rng.integers(0, 2, 200).tolist()


@pytest.mark.parametrize("name, fn", [("accuracy", accuracy_score), ("f1", f1_score),
                                      ("precision", precision_score), ("recall", recall_score)])
def test_metric_matches_scikit_learn(name, fn):
    result = load_metric(name).compute(predictions=PREDS, references=REFS)
    assert result == {name: pytest.approx(fn(REFS, PREDS), abs=1e-12)}


def test_f1_macro_average_on_three_classes():
    preds, refs = [0, 1, 2, 2, 1], [0, 2, 2, 1, 1]
    result = load_metric("f1").compute(predictions=preds, references=refs, average="macro")
    assert result["f1"] == pytest.approx(f1_score(refs, preds, average="macro"))


def test_glue_mrpc_gives_accuracy_and_f1_with_add_batch():
    metric = load_metric("glue", "mrpc")
    for start in range(0, 200, 50):
        metric.add_batch(predictions=PREDS[start:start + 50], references=REFS[start:start + 50])
    assert metric.compute() == {
        "accuracy": pytest.approx(accuracy_score(REFS, PREDS)),
        "f1": pytest.approx(f1_score(REFS, PREDS)),
    }


def test_glue_sst2_gives_accuracy_only():
    assert set(load_metric("glue", "sst2").compute(predictions=[1, 0], references=[1, 1])) == {"accuracy"}


def test_unknown_metric_lists_the_known_ones():
    assert {"accuracy", "f1", "glue", "precision", "recall"} <= set(known_metrics())
    with pytest.raises(CourseError, match=r"No offline metric module 'bleu'.*accuracy"):
        load_metric("bleu")
