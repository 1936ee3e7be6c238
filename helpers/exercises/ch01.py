"""Checks and quiz of chapter 01 (pipeline)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from helpers.exercises.core import NOT_ANSWERED, Quiz, Verdict, unanswered, verdict

if TYPE_CHECKING:
    import torch

__all__ = ["check_softmax", "check_span"]


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
        return verdict(True, "Your decoded span is the answer the pipeline gave.")
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
        "Transformers 5 has no question-answering pipeline. How does this lesson find the answer "
        "to a question in a context?",
        {
            "a": "a decoder model writes the answer word by word",
            "b": "the model scores every token as a possible start and end of the answer, and the "
            "best valid span of the context is decoded",
            "c": "a fill-mask model fills a [MASK] token put after the question",
        },
        "b",
        "Extractive QA copies the answer out of the context: the start and end logits choose the "
        "span, and decode turns its token ids back into text.",
        "Look at what the QA model returns: start_logits and end_logits, one score per token.",
    ),
    "01.2": Quiz(
        "A model returns logits [2.0, 0.0] and id2label {0: 'NEGATIVE', 1: 'POSITIVE'}. The label?",
        {"a": "NEGATIVE", "b": "POSITIVE", "c": "cannot tell without softmax"},
        "a",
        "Softmax keeps the order of the logits, so argmax of the logits already gives the label; "
        "softmax is needed only for the probabilities.",
        "Softmax is monotonic: the largest logit gets the largest probability.",
    ),
    "01.3": Quiz(
        "In the QA code, the start and end scores of tokens outside the context are set to -1e4 "
        "before the span is chosen. Why?",
        {
            "a": "to make the softmax faster",
            "b": "to undo the padding of the batch",
            "c": "so the answer can only be a span of the context, never a token of the question "
            "or a special token",
        },
        "c",
        "The model scores every token, the question and [CLS]/[SEP] included; a very low score "
        "rules them out, as the triangular mask rules out spans that end before they start.",
        "What does `sequence_ids()` say about each token, and which tokens may be in an answer?",
    ),
    "01.4": Quiz(
        "An encoder-decoder such as BART or T5 is the classic choice for translation and "
        "summarization. What does each half do?",
        {
            "a": "the encoder writes the output, the decoder checks it",
            "b": "both read the input, and their outputs are averaged",
            "c": "the encoder translates word by word, the decoder puts the words in order",
            "d": "the encoder reads the whole input; the decoder writes the output token by "
            "token, looking at the encoder's vectors",
        },
        "d",
        "The encoder turns the input into one vector per token; the decoder generates the new "
        "text one token at a time and attends to those vectors at every step.",
        "Read the 'sees' column of the table of model families.",
    ),
    "01.5": Quiz(
        "What does `do_sample=False` change in the text-generation cell?",
        {
            "a": "each step takes the single most likely next token (greedy decoding), so a "
            "prompt always gives the same text",
            "b": "each next token is drawn at random, weighted by the model's probabilities",
            "c": "the whole continuation is produced at once instead of token by token",
        },
        "a",
        "Greedy decoding is repeatable; with do_sample=True the next token is drawn from the "
        "probabilities, so each run can write something else.",
        "To sample is to draw at random: what is left when you turn it off?",
    ),
}
