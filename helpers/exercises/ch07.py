"""Check and quiz of chapter 07 (sharing models and model cards)."""

from __future__ import annotations

from helpers.exercises.core import NOT_ANSWERED, Quiz, Verdict, unanswered, verdict

__all__ = ["check_card_results"]

QUIZZES = {
    "07.1": Quiz(
        "Where do the evaluation results in a model card's YAML metadata come from in this lesson?",
        {
            "a": "typed in by hand after reading the training log",
            "b": "the metrics dictionary the notebook computed, passed to EvalResult",
            "c": "the Hub computes them when you push",
        },
        "b",
        "Numbers copied by hand drift away from the model; feeding the computed metrics keeps "
        "them true.",
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
        "A save_pretrained folder is self-contained: from_pretrained(folder) or "
        "pipeline(model=folder) load it offline.",
        "The reload section works offline in tiny mode.",
    ),
    "07.3": Quiz(
        "What belongs in the limitations section of a model card?",
        {
            "a": "the learning rate, the batch size and the number of epochs",
            "b": "the license and the name of the Hub repository",
            "c": "where the model should not be trusted: what its training data left out (MRPC is "
            "about 3,700 English news pairs), so other domains and languages are untested",
            "d": "the list of files in the model folder",
        },
        "c",
        "Limitations warn users before they misuse a model: what it learned from, what it was "
        "not tested on, how it fails. Hyperparameters and license have their own places.",
        "Look at the `limitations=` argument given to ModelCard.from_template.",
    ),
    "07.4": Quiz(
        "Why pass id2label and label2id when the model is created?",
        {
            "a": "they make training faster",
            "b": "the tokenizer needs them to encode pairs",
            "c": "num_labels=2 does not work without them",
            "d": "they are saved in config.json, so everyone who loads the model, a pipeline "
            "included, reads 'equivalent' instead of 'LABEL_1'",
        },
        "d",
        "The label names travel with the model in its config: config.id2label turns the argmax "
        "into a name, with no code from the person who loads it.",
        "Look at what config.json holds in the saving section.",
    ),
    "07.5": Quiz(
        "The weights are saved as model.safetensors. What makes that format safer than a "
        "pickled PyTorch file?",
        {
            "a": "loading it only reads tensors and runs no code, so a downloaded model cannot "
            "execute anything on your machine",
            "b": "it is encrypted",
            "c": "it checks the model's accuracy when loading",
        },
        "a",
        "Unpickling can run any Python code hidden in the file; safetensors holds only a small "
        "header and the raw tensor data, and it loads fast too.",
        "Read the row of model.safetensors in the table of files.",
    ),
    "07.6": Quiz(
        "Trainer.create_model_card() writes a draft card. What is left for you to write?",
        {
            "a": "the hyperparameters and the framework versions",
            "b": "the description, intended uses, limitations and training data, where the draft "
            "says 'More information needed'",
            "c": "the evaluation results of each epoch",
            "d": "nothing: the draft is complete",
        },
        "b",
        "The Trainer knows only what it saw (hyperparameters, scores, versions); what the model "
        "is for and where it fails, only you can say.",
        "Read the headings of the draft and the paragraph after them.",
    ),
    "07.7": Quiz(
        "How should a notebook get the Hugging Face token it needs to push a model?",
        {
            "a": "paste it into a cell as a string, and delete the cell after pushing",
            "b": "put it in the model card's metadata",
            "c": "no token is needed: push_to_hub uses your user name",
            "d": "log in once (`huggingface_hub.login()`, `hf auth login`, or Colab's HF_TOKEN "
            "secret), so the token never appears in the notebook",
        },
        "d",
        "Notebooks get shared with their code, outputs and history; a token stored by a login or "
        "kept as a secret never enters them. Pushing needs a token with write access.",
        "Read the paragraph before the push cell.",
    ),
}


def check_card_results(card_data, metrics: dict) -> Verdict:
    """Pass when `card_data.eval_results` hold accuracy, F1 and the loss, valued from `metrics`."""
    from huggingface_hub import ModelCardData

    from helpers.chapters.ch07_cards import card_results

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
