"""Checks and quiz of chapter 02 (tokenizers and models)."""

from __future__ import annotations

from helpers.exercises.core import NOT_ANSWERED, Quiz, Verdict, unanswered, verdict


def check_padded_batch(model, tokenizer, sentences: list[str], logits) -> Verdict:
    """Pass when `logits` equal the model's logits for each sentence run on its own."""
    import torch

    if unanswered(logits):
        return verdict(False, NOT_ANSWERED)
    with torch.no_grad():
        expected = torch.cat([model(**tokenizer(s, return_tensors="pt")).logits for s in sentences])
    if not isinstance(logits, torch.Tensor) or logits.shape != expected.shape:
        return verdict(
            False, f"Expected a tensor of shape {tuple(expected.shape)}: one row per sentence."
        )
    if torch.allclose(logits, expected, atol=1e-4):
        return verdict(
            True, "Padding plus the attention mask gives the same logits as one at a time."
        )
    return verdict(
        False, "Pass padding=True to the tokenizer and give the model the attention_mask too."
    )


def check_pair_encoding(tokenizer, first: str, second: str, encoding) -> Verdict:
    """Pass when `encoding` is the two sentences encoded as one pair."""
    if unanswered(encoding):
        return verdict(False, NOT_ANSWERED)
    expected = tokenizer(first, second)
    ids = encoding.get("input_ids") if hasattr(encoding, "get") else None
    if hasattr(ids, "tolist"):
        ids = ids.tolist()
    if ids and isinstance(ids[0], list):
        if len(ids) == 2:
            return verdict(
                False, "That is two texts in a batch; pass them as two arguments, not a list."
            )
        ids = ids[0]
    if ids == expected["input_ids"]:
        return verdict(True, "One [CLS], a [SEP] after each sentence, token_type_ids 0 then 1.")
    return verdict(False, "Call tokenizer(first, second): two arguments make a pair.")


QUIZZES = {
    "02.1": Quiz(
        "Why does a padded batch need an attention mask?",
        {
            "a": "to make the tensors rectangular",
            "b": "so real tokens do not attend to the padding",
            "c": "to mark which sentence a token belongs to",
        },
        "b",
        "Padding makes the batch rectangular; the mask keeps the padding out of attention.",
        "Compare the logits 'with mask' and 'without mask' above.",
    ),
    "02.2": Quiz(
        "What does AutoModel.from_config(config) give you?",
        {
            "a": "the pretrained weights",
            "b": "the architecture with random weights",
            "c": "a tokenizer",
        },
        "b",
        "A config describes the architecture only; from_pretrained also loads trained weights.",
        "Look at 'same outputs' in the models section.",
    ),
}
