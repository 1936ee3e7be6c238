"""Exact match and F1 of extractive answers: offline twin of the Hub's `squad` module (SQuAD v1.1's
official formulas: answers compared after normalising case, punctuation, articles and spaces)."""

from __future__ import annotations

import re
import string
from collections import Counter

import datasets
import evaluate

from helpers import metric_core

CITATION = (
    "Rajpurkar, Zhang, Lopyrev and Liang, SQuAD: 100,000+ Questions for Machine Comprehension "
    "of Text, EMNLP 2016."
)
ARGUMENTS = """Args:
    predictions: one {'id': str, 'prediction_text': str} per answered question.
    references: one {'id': str, 'answers': {'text': [str, ...], 'answer_start': [int, ...]}}
        per question (as many as `predictions`); a question whose id no prediction has scores 0.
Returns:
    'exact_match' and 'f1', each in percent (0-100), averaged over the references; each
    question takes its best score over its reference answers.
"""
ARTICLES = re.compile(r"\b(a|an|the)\b")
PUNCTUATION = set(string.punctuation)


def normalize_answer(text: str) -> str:
    """Lower case, no ASCII punctuation, no English articles, single spaces."""
    text = "".join(ch for ch in text.lower() if ch not in PUNCTUATION)
    return " ".join(ARTICLES.sub(" ", text).split())


def exact_match(prediction: str, truth: str) -> float:
    """1.0 when both normalise to the same text."""
    return float(normalize_answer(prediction) == normalize_answer(truth))


def token_f1(prediction: str, truth: str) -> float:
    """F1 of the normalised words the two share (counted with repeats)."""
    predicted, true = normalize_answer(prediction).split(), normalize_answer(truth).split()
    shared = sum((Counter(predicted) & Counter(true)).values())
    if shared == 0:
        return 0.0
    precision, recall = shared / len(predicted), shared / len(true)
    return 2 * precision * recall / (precision + recall)


class Squad(evaluate.Metric):
    """SQuAD v1.1: exact match and word-overlap F1, best over each question's answers."""

    def _info(self) -> evaluate.MetricInfo:
        text = datasets.Value("string")
        answers = datasets.Sequence({"text": text, "answer_start": datasets.Value("int32")})
        prediction = {"id": text, "prediction_text": text}
        features = datasets.Features(
            {"predictions": prediction, "references": {"id": text, "answers": answers}}
        )
        return metric_core.metric_info(
            "squad",
            "SQuAD v1.1: exact match and F1 of predicted answer texts.",
            features,
            inputs_description=ARGUMENTS,
            citation=CITATION,
        )

    def _compute(self, predictions: list[dict], references: list[dict]) -> dict[str, float]:
        """{'exact_match': percent, 'f1': percent} over the references."""
        answered = {p["id"]: p["prediction_text"] for p in predictions}
        matches = f1s = 0.0
        for reference in references:
            prediction, truths = answered.get(reference["id"]), reference["answers"]["text"]
            if prediction is not None:  # an unanswered question scores 0
                matches += max(exact_match(prediction, truth) for truth in truths)
                f1s += max(token_f1(prediction, truth) for truth in truths)
        return {"exact_match": 100 * matches / len(references), "f1": 100 * f1s / len(references)}
