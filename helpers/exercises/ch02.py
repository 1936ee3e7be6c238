"""Checks and quiz of chapter 02 (tokenizers and models)."""

from __future__ import annotations

from helpers.exercises.core import NOT_ANSWERED, Quiz, Verdict, unanswered, verdict

__all__ = ["check_padded_batch", "check_pair_encoding"]


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
        return verdict(
            True, "One [CLS], a [SEP] after each sentence, token_type_ids telling them apart."
        )
    return verdict(False, "Call tokenizer(first, second): two arguments make a pair.")


QUIZZES = {
    "02.1": Quiz(
        "Two sentences are padded to the same length in one batch. What does passing the batch's "
        "attention_mask to the model change?",
        {
            "a": "nothing for the logits: the mask only makes the tensors rectangular",
            "b": "the real tokens stop attending to the padding, so each sentence gets the logits "
            "it gets alone",
            "c": "it tells the model which sentence of a pair each token belongs to",
        },
        "b",
        "Padding makes the batch rectangular; the mask (0 on the padding) keeps the pad tokens "
        "out of attention, so batching does not change the results.",
        "Compare the logits 'with mask', 'without mask' and one sentence at a time above.",
    ),
    "02.2": Quiz(
        "AutoModel.from_config(config) and AutoModel.from_pretrained(name) build the same "
        "architecture. What differs?",
        {
            "a": "nothing: both give the same model",
            "b": "from_config has random weights; from_pretrained also loads the trained weights",
            "c": "from_config also loads the tokenizer",
        },
        "b",
        "A config describes the architecture only (sizes, layers, vocabulary size); the trained "
        "weights come with from_pretrained, which is why the two outputs differ.",
        "Look at 'same outputs' in the models section.",
    ),
    "02.3": Quiz(
        "Why does a subword tokenizer keep frequent words whole but split a rare word like "
        "'unbelievable' into pieces?",
        {
            "a": "the model accepts words of a few letters only",
            "b": "to make every sentence as short as possible",
            "c": "a vocabulary of manageable size can still spell rare words from known pieces, "
            "instead of marking them unknown",
        },
        "c",
        "Whole words need a huge vocabulary and still meet unknown words; characters make long "
        "sequences. Subwords keep common text short and build rare words from pieces.",
        "Compare the three ways of splitting in the first section: vocabulary against length.",
    ),
    "02.4": Quiz(
        "You turn a sentence into ids with `tokenize` and `convert_tokens_to_ids` and give them "
        "to BERT. What is missing compared with calling `tokenizer(text)`?",
        {
            "a": "nothing: both give the same ids",
            "b": "the embedding vectors of the tokens",
            "c": "the lowercasing of the text",
            "d": "the special tokens, [CLS] at the start and [SEP] at the end, that the model saw "
            "in all of its training",
        },
        "d",
        "Calling the tokenizer tokenizes, converts to ids and adds the special tokens; without "
        "them the input looks unlike anything the model was trained on.",
        "Compare `ids` with `encoded['input_ids']` in the section 'From text to ids, and back'.",
    ),
    "02.5": Quiz(
        "When does training a new tokenizer with `train_new_from_iterator` pay off?",
        {
            "a": "when your texts are unlike the original training data (another language, code, "
            "a special domain), which the old vocabulary cuts into many small pieces",
            "b": "whenever you fine-tune a pretrained model, because its vocabulary is out of date",
            "c": "when you want a tokenizer without special tokens",
        },
        "a",
        "A vocabulary learned on your corpus spells it in fewer tokens. New ids need new "
        "embeddings, so a new tokenizer goes with a model trained from scratch.",
        "Compare the token counts of the two tokenizers, and ask what a pretrained model's "
        "embeddings are indexed by.",
    ),
}
