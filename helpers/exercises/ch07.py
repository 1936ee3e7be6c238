"""Check and quiz of chapter 07 (sharing models and model cards)."""

from __future__ import annotations

from helpers.exercises.core import NOT_ANSWERED, Quiz, Verdict, unanswered, verdict

QUIZZES = {
    "07.1": Quiz(
        "Where do the evaluation results in a model card's YAML metadata come from in this lesson?",
        {
            "a": "typed in by hand after reading the training log",
            "b": "the metrics dictionary the notebook computed, passed to EvalResult",
            "c": "the Hub computes them when you push",
        },
        "b",
        "Numbers copied by hand drift from the model; feeding the computed metrics keeps them true.",
        "Look at how `eval_results` is built in the model-card section.",
    ),
    "07.2": Quiz(
        "What do you need to load a model you saved with save_pretrained on another machine?",
        {
            "a": "the folder (config, weights, tokenizer files) and the libraries, no network",
            "b": "the folder and a Hub token",
            "c": "the training script, to rebuild the model",
        },
        "a",
        "A save_pretrained folder is self-contained: from_pretrained(folder) or pipeline(model=folder).",
        "The reload section works offline in tiny mode.",
    ),
}


def check_card_results(card_data, metrics: dict) -> Verdict:
    """Pass when `card_data.eval_results` hold accuracy, F1 and the loss, valued from `metrics`."""
    from huggingface_hub import ModelCardData

    from helpers.cards import card_results

    if unanswered(card_data):
        return verdict(False, NOT_ANSWERED)
    if not isinstance(card_data, ModelCardData):
        return verdict(False, f"Expected a ModelCardData, got {type(card_data).__name__}.")
    results = card_results(card_data)
    wanted = {"accuracy": "eval_accuracy", "f1": "eval_f1", "loss": "eval_loss"}
    missing = [name for name in wanted if name not in results]
    if missing:
        return verdict(False, f"No EvalResult with metric_type {missing}: add one per metric.")
    typed = [name for name, key in wanted.items() if results[name] != metrics[key]]
    if typed:
        return verdict(
            False,
            f"{typed} differ from the computed metrics: use metrics[...] "
            "rather than typing (or rounding) the numbers.",
        )
    return verdict(True, "Three results, each straight from the metrics the Trainer computed.")
