"""The offline metric modules against scikit-learn, scipy and hand formulas; `load_metric` itself.

The expected interface is the Hub's modules at evaluate v0.4.6 (`metrics/<name>/<name>.py` in
huggingface/evaluate): same configurations, `_compute` arguments and defaults, result types.
"""

import inspect
import os
import socket
import warnings

import datasets
import numpy as np
import pytest
from scipy.stats import pearsonr, spearmanr
from sklearn.exceptions import UndefinedMetricWarning
from sklearn.metrics import (
    accuracy_score,
    f1_score,
    matthews_corrcoef,
    precision_score,
    recall_score,
)

from helpers import load_metric
from helpers.errors import CourseError
from helpers.metrics import known_metrics

SCORES = {
    "accuracy": accuracy_score,
    "f1": f1_score,
    "precision": precision_score,
    "recall": recall_score,
}
AVERAGED = ("f1", "precision", "recall")
AVERAGES = (None, "micro", "macro", "weighted")
# The Hub modules' `_compute` arguments after predictions and references, with their defaults.
AVERAGE_ARGUMENTS = {"labels": None, "pos_label": 1, "average": "binary", "sample_weight": None}
HUB_ARGUMENTS = {
    "accuracy": {"normalize": True, "sample_weight": None},
    "f1": AVERAGE_ARGUMENTS,
    "precision": {**AVERAGE_ARGUMENTS, "zero_division": "warn"},
    "recall": {**AVERAGE_ARGUMENTS, "zero_division": "warn"},
    "glue": {},
}
ACCURACY_TASKS = ["sst2", "mnli", "mnli_mismatched", "mnli_matched", "qnli", "rte", "wnli", "hans"]

rng = np.random.default_rng(0)
N = 50
BINARY = rng.integers(0, 2, (2, N))  # predictions, references
MULTICLASS = rng.integers(0, 4, (2, N))
MULTILABEL = rng.integers(0, 2, (2, N, 12))
MULTILABEL[1, ::3] = MULTILABEL[0, ::3]  # a third of the rows right, for subset accuracy
WEIGHTS = rng.random(N).tolist()


def metric(name: str, config_name: str | None = None):
    """A fresh module, in memory (no cache files, no lock left behind by a failed compute)."""
    return load_metric(name, config_name, keep_in_memory=True)


def compute(name: str, config_name: str | None, data: np.ndarray, **kwargs):
    """The module's score for `data` = (predictions, references), given as Python lists."""
    preds, refs = data.tolist()
    return metric(name, config_name).compute(predictions=preds, references=refs, **kwargs)[name]


def assert_hub_result(result, expected) -> None:
    """The same numbers, and the Hub's type: a float for one score, an array for several."""
    assert type(result) is (np.ndarray if np.size(expected) > 1 else float)
    np.testing.assert_array_equal(result, expected)


def case(case_id: str, config_name: str | None, data: np.ndarray, **kwargs):
    """A (config_name, data, kwargs) parameter set."""
    return pytest.param(config_name, data, kwargs, id=case_id)


SCORE_CASES = [
    case("binary", None, BINARY),
    case("binary-pos_label=0", None, BINARY, pos_label=0),
    case("binary-sample_weight", None, BINARY, sample_weight=WEIGHTS),
    *(case(f"multiclass-{avg}", None, MULTICLASS, average=avg) for avg in AVERAGES),
    case("labels-order", None, MULTICLASS, average=None, labels=[3, 0, 7]),
    case("one-label-is-a-float", None, MULTICLASS, average=None, labels=[2]),
    case("macro-labels", None, MULTICLASS, average="macro", labels=[1, 2]),
    case("weighted-sample_weight", None, MULTICLASS, average="weighted", sample_weight=WEIGHTS),
    *(
        case(f"multilabel-{avg}", "multilabel", MULTILABEL, average=avg)
        for avg in (*AVERAGES, "samples")
    ),
    case("multilabel-labels", "multilabel", MULTILABEL, average=None, labels=[11, 0, 5]),
    case("multilabel-weights", "multilabel", MULTILABEL, average="micro", sample_weight=WEIGHTS),
]


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.UndefinedMetricWarning")  # label 7
@pytest.mark.parametrize("config_name, data, kwargs", SCORE_CASES)
@pytest.mark.parametrize("name", AVERAGED)
def test_averaged_score_matches_scikit_learn(name, config_name, data, kwargs):
    expected = SCORES[name](data[1], data[0], **kwargs)
    assert_hub_result(compute(name, config_name, data, **kwargs), expected)


@pytest.mark.parametrize(
    "config_name, data", [(None, BINARY), (None, MULTICLASS), ("multilabel", MULTILABEL)]
)
@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"normalize": False},
        {"sample_weight": WEIGHTS},
        {"normalize": False, "sample_weight": WEIGHTS},
    ],
)
def test_accuracy_matches_scikit_learn_and_is_always_a_float(config_name, data, kwargs):
    expected = accuracy_score(data[1], data[0], **kwargs)
    assert_hub_result(compute("accuracy", config_name, data, **kwargs), expected)


def test_multilabel_scores_match_hand_formulas():
    preds, refs = MULTILABEL
    tp = np.sum((preds == 1) & (refs == 1), axis=0)
    fp = np.sum((preds == 1) & (refs == 0), axis=0)
    fn = np.sum((preds == 0) & (refs == 1), axis=0)
    per_label_f1 = 2 * tp / (2 * tp + fp + fn)
    micro = {
        "f1": 2 * tp.sum() / (2 * tp.sum() + fp.sum() + fn.sum()),
        "precision": tp.sum() / (tp.sum() + fp.sum()),
        "recall": tp.sum() / (tp.sum() + fn.sum()),
    }
    for name in AVERAGED:
        result = compute(name, "multilabel", MULTILABEL, average="micro")
        assert result == pytest.approx(micro[name], abs=1e-12)
    assert compute("f1", "multilabel", MULTILABEL, average=None) == pytest.approx(per_label_f1)
    assert compute("f1", "multilabel", MULTILABEL, average="macro") == pytest.approx(
        per_label_f1.mean()
    )
    rows_right = int(np.all(preds == refs, axis=1).sum())
    assert rows_right >= N // 3
    assert compute("accuracy", "multilabel", MULTILABEL) == pytest.approx(rows_right / N)
    assert compute("accuracy", "multilabel", MULTILABEL, normalize=False) == rows_right


def test_binary_scores_match_hand_formulas():
    preds, refs = BINARY
    tp, fp = int(np.sum((preds == 0) & (refs == 0))), int(np.sum((preds == 0) & (refs == 1)))
    fn = int(np.sum((preds == 1) & (refs == 0)))
    assert compute("precision", None, BINARY, pos_label=0) == pytest.approx(tp / (tp + fp))
    assert compute("recall", None, BINARY, pos_label=0) == pytest.approx(tp / (tp + fn))
    assert compute("accuracy", None, BINARY, normalize=False) == float(np.sum(preds == refs))


ALL_ZERO = np.zeros((2, 6), dtype=int)  # no positive predicted nor true: 0/0 for both scores


@pytest.mark.parametrize("name", ["precision", "recall"])
@pytest.mark.parametrize("zero_division, expected", [(0, 0.0), (1, 1.0), (np.nan, np.nan)])
def test_zero_division_sets_the_score_of_an_empty_class(name, zero_division, expected):
    with warnings.catch_warnings():
        warnings.simplefilter("error", UndefinedMetricWarning)  # none with zero_division set
        result = compute(name, None, ALL_ZERO, zero_division=zero_division)
    assert_hub_result(result, expected)
    per_class = compute(
        name, None, MULTICLASS, average=None, labels=[0, 9], zero_division=zero_division
    )
    assert_hub_result(
        per_class,
        SCORES[name](
            MULTICLASS[1], MULTICLASS[0], average=None, labels=[0, 9], zero_division=zero_division
        ),
    )
    assert per_class[1] == pytest.approx(expected, nan_ok=True)


@pytest.mark.parametrize("name", ["precision", "recall"])
def test_zero_division_default_warns_and_gives_zero(name):
    with pytest.warns(UndefinedMetricWarning):
        assert_hub_result(compute(name, None, ALL_ZERO), 0.0)


def test_f1_takes_no_zero_division_like_the_hub_module():
    with pytest.raises(TypeError, match="zero_division"):
        compute("f1", None, BINARY, zero_division=1)


@pytest.mark.parametrize("name", sorted(HUB_ARGUMENTS))
def test_compute_takes_the_hub_arguments_and_defaults(name):
    module = metric(name, "mrpc" if name == "glue" else None)
    assert type(module).__name__ == name.capitalize()  # evaluate found the module's own class
    parameters = list(inspect.signature(module._compute).parameters.values())
    assert [p.name for p in parameters[:2]] == ["predictions", "references"]
    assert [(p.name, p.default) for p in parameters[2:]] == list(HUB_ARGUMENTS[name].items())


@pytest.mark.parametrize("name", sorted(SCORES))
@pytest.mark.parametrize(
    "config_name, feature",
    [
        (None, datasets.Value("int32")),
        ("multilabel", datasets.Sequence(datasets.Value("int32"))),
    ],
)
def test_features_follow_the_config(name, config_name, feature):
    features = metric(name, config_name).features
    assert features == datasets.Features({"predictions": feature, "references": feature})


def test_multilabel_config_rejects_flat_labels():
    with pytest.raises(ValueError, match="expected format"):
        compute("f1", "multilabel", BINARY, average="micro")


@pytest.mark.parametrize("task", ACCURACY_TASKS)
def test_glue_accuracy_tasks_give_accuracy_only(task):
    result = metric("glue", task).compute(predictions=MULTICLASS[0], references=MULTICLASS[1])
    assert result == {"accuracy": accuracy_score(MULTICLASS[1], MULTICLASS[0])}
    assert type(result["accuracy"]) is float


@pytest.mark.parametrize("task", ["mrpc", "qqp"])
def test_glue_accuracy_f1_tasks_with_add_batch(task):
    module = metric("glue", task)
    preds, refs = BINARY
    for start in range(0, N, 20):  # numpy batches, as Trainer's compute_metrics gives them
        module.add_batch(predictions=preds[start : start + 20], references=refs[start : start + 20])
    result = module.compute()
    assert result == {"accuracy": accuracy_score(refs, preds), "f1": f1_score(refs, preds)}
    assert all(type(value) is float for value in result.values())


def test_glue_cola_gives_matthews_correlation():
    preds, refs = BINARY.tolist()
    result = metric("glue", "cola").compute(predictions=preds, references=refs)
    assert result == {"matthews_correlation": matthews_corrcoef(refs, preds)}
    assert isinstance(result["matthews_correlation"], float)


def test_glue_stsb_gives_pearson_and_spearman_on_float32_like_the_hub():
    preds, refs = np.random.default_rng(1).random((2, N)) * 5
    result = metric("glue", "stsb").compute(predictions=preds.tolist(), references=refs.tolist())
    preds32, refs32 = preds.astype(np.float32), refs.astype(np.float32)  # the module's features
    assert result == {
        "pearson": float(pearsonr(preds32, refs32)[0]),
        "spearmanr": float(spearmanr(preds32, refs32)[0]),
    }
    assert all(type(value) is float for value in result.values())


@pytest.mark.parametrize("config_name", [None, "multilabel", "sst-2", "ax"])
def test_glue_unknown_task_raises_the_hub_key_error(config_name):
    with pytest.raises(
        KeyError, match=r'You should supply a configuration name selected in \["sst2"'
    ):
        load_metric("glue", config_name)


def test_load_metric_works_offline_and_leaves_os_environ_unchanged(monkeypatch):
    import evaluate  # noqa: F401  (its first import sets TORCHINDUCTOR_CACHE_DIR, through torch)

    monkeypatch.delenv("HF_EVALUATE_OFFLINE", raising=False)
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)

    def no_network(*args, **kwargs):
        raise OSError("load_metric tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    before = dict(os.environ)
    for name, config_name in [*((name, None) for name in SCORES), ("glue", "mrpc")]:
        result = load_metric(name, config_name).compute(predictions=[0, 1, 1], references=[0, 1, 0])
        assert result["accuracy" if name == "glue" else name] > 0
    assert dict(os.environ) == before


def test_unknown_metric_lists_the_known_ones():
    assert {"accuracy", "f1", "glue", "precision", "recall"} <= set(known_metrics())
    with pytest.raises(CourseError, match=r"No offline metric module 'bleu'.*accuracy"):
        load_metric("bleu")
