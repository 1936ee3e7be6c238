"""Checks and quiz of chapter 01 (pipeline)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from helpers.exercises.core import NOT_ANSWERED, Quiz, Verdict, unanswered, verdict

if TYPE_CHECKING:
    import torch


def check_span(tokenizer, inputs, start: int, end: int, answer) -> Verdict:
    """Pass when `answer` is the decoded text of tokens start..end (inclusive)."""
    if unanswered(answer):
        return verdict(False, NOT_ANSWERED)
    expected = tokenizer.decode(inputs["input_ids"][0, start : end + 1])
    if not isinstance(answer, str):
        return verdict(
            False, f"Expected a string, got {type(answer).__name__}; use tokenizer.decode(...)."
        )
    if answer.strip() == expected.strip():
        return verdict(True, f"The span is {expected!r}.")
    return verdict(
        False, "Slice input_ids[0, start : end + 1] (the end is inclusive) and decode it."
    )


def check_softmax(logits: torch.Tensor, probabilities) -> Verdict:
    """Pass when `probabilities` equals softmax(logits) along the last dimension."""
    if unanswered(probabilities):
        return verdict(False, NOT_ANSWERED)
    import torch

    if not isinstance(probabilities, torch.Tensor) or probabilities.shape != logits.shape:
        return verdict(False, f"Expected a tensor of shape {tuple(logits.shape)}, like the logits.")
    if not torch.allclose(probabilities.sum(dim=-1), torch.ones(len(logits)), atol=1e-5):
        return verdict(False, "Each row must sum to 1: divide exp(logits) by its sum over dim=-1.")
    if torch.allclose(probabilities, torch.softmax(logits, dim=-1), atol=1e-5):
        return verdict(True, "Softmax = exp(logit) / sum of exp(logits), row by row.")
    return verdict(False, "Close, but not softmax: use logits.exp() and keepdim=True in the sum.")


QUIZZES = {
    "01.1": Quiz(
        "Which pipeline task was removed in transformers 5?",
        {"a": "fill-mask", "b": "question-answering", "c": "zero-shot-classification"},
        "b",
        "Question answering, summarization and translation pipelines are gone; use the model classes.",
        "Look at the section 'Question answering, by hand'.",
    ),
    "01.2": Quiz(
        "A model returns logits [2.0, 0.0] and id2label {0: 'NEGATIVE', 1: 'POSITIVE'}. The label?",
        {"a": "NEGATIVE", "b": "POSITIVE", "c": "cannot tell without softmax"},
        "a",
        "Softmax keeps the order of the logits, so argmax of the logits already gives the label.",
        "Softmax is monotonic: the largest logit gets the largest probability.",
    ),
}
