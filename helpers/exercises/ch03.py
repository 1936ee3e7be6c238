"""Checks and quiz of chapter 03 (fine-tuning with the Trainer)."""

from __future__ import annotations

from helpers.exercises.core import NOT_ANSWERED, Quiz, Verdict, unanswered, verdict

__all__ = ["check_single_sentence"]


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
            "b": "padding each batch to its own longest row wastes less compute than padding "
            "everything to the longest row of the data set",
            "c": "Trainer refuses padded data sets",
        },
        "b",
        "Dynamic padding: each batch is padded only to its own longest pair, so the model "
        "computes fewer padding positions than with one length for the whole data set.",
        "Compare the lengths of the 8 pairs with the shape of the batch the collator made.",
    ),
    "03.2": Quiz(
        "What does load_best_model_at_end=True require?",
        {
            "a": "save_strategy matching eval_strategy",
            "b": "a GPU",
            "c": "save_total_limit=1",
        },
        "a",
        "The best model is reloaded from a saved checkpoint, so one must be written at every "
        "evaluation: save_strategy must match eval_strategy (or be 'best').",
        "Look at the TrainingArguments of the early-stopping run.",
    ),
    "03.3": Quiz(
        "Loading bert-base-uncased with AutoModelForSequenceClassification warns that "
        "`classifier.weight` and `classifier.bias` are newly initialized. What does it mean?",
        {
            "a": "the download failed, so the whole model is random",
            "b": "the tokenizer does not match the model",
            "c": "the checkpoint was pretrained without a classification head, so the head starts "
            "random and the fine-tuning trains it",
            "d": "the model must be pretrained again from scratch",
        },
        "c",
        "The pretrained body is loaded; only the small head on top is new, and its predictions "
        "mean nothing until fine-tuning has trained it.",
        "Which layers does the warning name, and which task was BERT pretrained on?",
    ),
    "03.4": Quiz(
        "A model scores 0.68 accuracy and 0.81 F1 on MRPC's validation set, and its confusion "
        "matrix shows 'equivalent' for every pair. What have you learned?",
        {
            "a": "the model is good: an F1 of 0.81 is high",
            "b": "the metric is broken: accuracy and F1 should be equal",
            "c": "nothing: the validation set is too small",
            "d": "it learned only the majority class: always answering 'equivalent' scores "
            "exactly this, so a score counts only above that baseline",
        },
        "d",
        "About two thirds of the MRPC pairs are paraphrases, so a constant answer already scores "
        "0.68 / 0.81; the confusion matrix shows the mistakes that hide behind such numbers.",
        "What would a model that always answers 'equivalent' score? The introduction says.",
    ),
    "03.5": Quiz(
        "With eval_strategy='epoch', metric_for_best_model='f1' and "
        "EarlyStoppingCallback(early_stopping_patience=2), when does training stop early?",
        {
            "a": "when the validation F1 has not improved for 2 evaluations in a row",
            "b": "after 2 epochs, whatever the scores",
            "c": "when the training loss has gone up twice",
        },
        "a",
        "The callback compares metric_for_best_model at each evaluation and stops after "
        "`patience` evaluations without a better value; the best checkpoint is then reloaded.",
        "Which metric do the TrainingArguments name, and when is it computed?",
    ),
}
