"""Checks and quiz of chapter 03 (fine-tuning with the Trainer)."""

from __future__ import annotations

from helpers.exercises.core import NOT_ANSWERED, Quiz, Verdict, unanswered, verdict


def check_single_sentence(tokenizer, raw, tokenized) -> Verdict:
    """Pass when `tokenized` is `raw` (one text column, `sentence`) tokenized with truncation, unpadded."""
    if unanswered(tokenized):
        return verdict(False, NOT_ANSWERED)
    split = tokenized["train"] if hasattr(tokenized, "keys") else tokenized
    source = raw["train"] if hasattr(raw, "keys") else raw
    if "input_ids" not in split.column_names:
        return verdict(
            False, "No input_ids column: map a function that calls the tokenizer, batched=True."
        )
    if len(split) != len(source):
        return verdict(
            False, f"Expected {len(source)} rows, got {len(split)}: map keeps every row."
        )
    count = min(len(source), 32)
    expected = tokenizer(list(source[:count]["sentence"]), truncation=True)["input_ids"]
    got = [list(ids) for ids in split[:count]["input_ids"]]
    if len({len(ids) for ids in got}) == 1 and len({len(ids) for ids in expected}) > 1:
        return verdict(False, "Every row has the same length: leave padding to the collator.")
    if got != expected:
        return verdict(
            False,
            "Tokenize the `sentence` column alone: tokenizer(batch['sentence'], truncation=True).",
        )
    return verdict(
        True, "One text column, truncated, no padding yet: DataCollatorWithPadding pads each batch."
    )


QUIZZES = {
    "03.1": Quiz(
        "Why does the tokenize function not pad, and DataCollatorWithPadding pad instead?",
        {
            "a": "the tokenizer cannot pad pairs",
            "b": "padding each batch to its own longest row wastes less compute than padding everything",
            "c": "Trainer refuses padded data sets",
        },
        "b",
        "Dynamic padding: each batch is padded only to its own longest sequence.",
        "Compare the batch shapes the collator made above.",
    ),
    "03.2": Quiz(
        "What does load_best_model_at_end=True require?",
        {"a": "save_strategy matching eval_strategy", "b": "a GPU", "c": "save_total_limit=1"},
        "a",
        "The best model is a saved checkpoint, so checkpoints must be written when evaluation runs.",
        "Look at the TrainingArguments of the early-stopping run.",
    ),
}
