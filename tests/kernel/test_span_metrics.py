"""The offline `seqeval` and `squad` modules: seqeval against the `seqeval` package on seeded
random tags, squad against SQuAD v1.1's official formulas worked by hand."""

import random
import warnings

import pytest
from seqeval.metrics import accuracy_score, classification_report

from helpers import load_metric
from helpers.metrics import known_metrics

TAGS = ("O", "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "E-ORG", "S-LOC", "I-LOC", "B-MISC")


def random_tags(seed: int, suffix: bool) -> tuple[list[list[str]], list[list[str]]]:
    """Seeded references and predictions (60% of tags kept), some sentences empty."""
    rnd = random.Random(seed)
    tags = [f"{t[2:]}-{t[0]}" if suffix and t != "O" else t for t in TAGS]
    references = [
        [rnd.choice(tags) for _ in range(rnd.randint(0, 8))] for _ in range(rnd.randint(1, 5))
    ]
    if not any(references):
        references[0].append(rnd.choice(tags))
    predictions = [[t if rnd.random() < 0.6 else rnd.choice(tags) for t in s] for s in references]
    return references, predictions


def package_scores(references, predictions, suffix, zero_division) -> dict:
    """What the Hub's seqeval module returns, computed by the `seqeval` package itself."""
    report = classification_report(
        references, predictions, suffix=suffix, output_dict=True, zero_division=zero_division
    )
    del report["macro avg"], report["weighted avg"]
    micro = report.pop("micro avg")
    scores = {
        kind: {
            "precision": s["precision"],
            "recall": s["recall"],
            "f1": s["f1-score"],
            "number": s["support"],
        }
        for kind, s in report.items()
    }
    return scores | {
        "overall_precision": micro["precision"],
        "overall_recall": micro["recall"],
        "overall_f1": micro["f1-score"],
        "overall_accuracy": accuracy_score(references, predictions),
    }


def flat(scores: dict) -> dict:
    """{"PER/f1": ..., "overall_f1": ...}: one level, for pytest.approx."""
    return {
        f"{key}/{name}" if isinstance(value, dict) else key: v
        for key, value in scores.items()
        for name, v in (value.items() if isinstance(value, dict) else [(None, value)])
    }


@pytest.mark.parametrize("suffix", [False, True])
@pytest.mark.parametrize("zero_division", ["warn", 0, 1])
def test_seqeval_equals_the_seqeval_package_on_seeded_tags(suffix, zero_division):
    metric = load_metric("seqeval")
    for seed in range(60):
        references, predictions = random_tags(seed, suffix)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ours = metric.compute(
                predictions=predictions,
                references=references,
                suffix=suffix,
                zero_division=zero_division,
            )
            theirs = package_scores(references, predictions, suffix, zero_division)
        assert flat(ours) == pytest.approx(flat(theirs), abs=1e-12), (seed, references, predictions)


def test_seqeval_counts_a_whole_entity_or_nothing():
    metric = load_metric("seqeval")
    references = [["B-PER", "I-PER", "O", "B-ORG"]]
    half = metric.compute(predictions=[["B-PER", "O", "O", "B-ORG"]], references=references)
    assert half["PER"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "number": 1}
    assert half["ORG"]["f1"] == 1.0 and half["overall_f1"] == 0.5
    assert half["overall_accuracy"] == 0.75


def test_seqeval_strict_mode_is_a_clear_error():
    with pytest.raises(ValueError, match="default mode only.*pip install seqeval"):
        load_metric("seqeval").compute(
            predictions=[["B-PER"]], references=[["B-PER"]], mode="strict", scheme="IOB2"
        )


def squad(pairs: list[tuple[str, list[str]]]) -> dict[str, float]:
    """The module's scores for (prediction, reference answers) pairs."""
    predictions = [{"id": str(i), "prediction_text": p} for i, (p, _) in enumerate(pairs)]
    references = [
        {"id": str(i), "answers": {"text": truths, "answer_start": [0] * len(truths)}}
        for i, (_, truths) in enumerate(pairs)
    ]
    return load_metric("squad").compute(predictions=predictions, references=references)


@pytest.mark.parametrize(
    ("prediction", "truths", "exact", "f1"),
    [
        ("The Eiffel Tower!", ["eiffel tower"], 100.0, 100.0),  # case, article, punctuation
        ("in Paris, France", ["Paris"], 0.0, 50.0),  # 1 shared of 3 and of 1 words: 2/4
        ("in Paris, France", ["Lyon", "Paris, France"], 0.0, 80.0),  # best answer: 2 of 3, 2/2
        ("a cat and a dog", ["the dog"], 0.0, 50.0),  # "cat and dog" vs "dog": 1/3, 1/1
        ("세 시", ["세 시"], 100.0, 100.0),  # Hangul is kept as it is
        ("the", ["a"], 100.0, 0.0),  # both empty after normalising: equal, but no shared word
    ],
)
def test_squad_follows_the_official_v1_1_formulas(prediction, truths, exact, f1):
    scores = squad([(prediction, truths)])
    assert scores == pytest.approx({"exact_match": exact, "f1": f1})


def test_squad_averages_over_questions_and_an_unanswered_one_scores_zero():
    assert squad([("Paris", ["Paris"]), ("Rome", ["Paris"])]) == {"exact_match": 50.0, "f1": 50.0}
    references = [{"id": q, "answers": {"text": ["Paris"], "answer_start": [0]}} for q in "ab"]
    predictions = [{"id": "a", "prediction_text": "Paris"}, {"id": "z", "prediction_text": "x"}]
    scores = load_metric("squad").compute(predictions=predictions, references=references)
    assert scores == {"exact_match": 50.0, "f1": 50.0}


def test_both_are_known_offline_modules():
    assert {"seqeval", "squad"} <= set(known_metrics())
