"""Quiz of chapter 07 (sharing models and model cards)."""

from __future__ import annotations

from helpers.exercises.core import Quiz

QUIZZES = {
    "07.1": Quiz(
        "Where do the evaluation results in a model card's YAML metadata come from in this lesson?",
        {"a": "typed in by hand after reading the training log",
         "b": "the metrics dictionary the notebook computed, passed to EvalResult",
         "c": "the Hub computes them when you push"},
        "b",
        "Numbers copied by hand drift from the model; feeding the computed metrics keeps them true.",
        "Look at how `eval_results` is built in the model-card section.",
    ),
    "07.2": Quiz(
        "What do you need to load a model you saved with save_pretrained on another machine?",
        {"a": "the folder (config, weights, tokenizer files) and the libraries, no network",
         "b": "the folder and a Hub token",
         "c": "the training script, to rebuild the model"},
        "a",
        "A save_pretrained folder is self-contained: from_pretrained(folder) or pipeline(model=folder).",
        "The reload section works offline in tiny mode.",
    ),
}
