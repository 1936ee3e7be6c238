"""Checks and quiz of chapter 06 (LoRA with peft)."""

from __future__ import annotations

import copy

from helpers.exercises.core import NOT_ANSWERED, Quiz, Verdict, unanswered, verdict

__all__ = ["check_lora_config"]

ATTENTION_WORDS = (
    "query",
    "value",
    "key",
    "q_lin",
    "k_lin",
    "v_lin",
    "q_proj",
    "k_proj",
    "v_proj",
    "c_attn",
    "qkv",
)


def adaptable_names(model) -> set[str]:
    """Last parts of the names of the model's Linear (and GPT-2 Conv1D) layers: LoRA's candidates."""
    import torch
    from transformers.pytorch_utils import Conv1D

    return {
        name.rsplit(".", 1)[-1]
        for name, module in model.named_modules()
        if isinstance(module, (torch.nn.Linear, Conv1D))
    }


def check_lora_config(model, config) -> Verdict:
    """Pass when `config` is a sequence-classification LoraConfig whose targets exist in `model`."""
    from peft import LoraConfig, TaskType, get_peft_model

    if unanswered(config):
        return verdict(False, NOT_ANSWERED)
    if not isinstance(config, LoraConfig):
        return verdict(False, f"Expected a LoraConfig, got {type(config).__name__}.")
    if config.task_type != TaskType.SEQ_CLS:
        return verdict(
            False,
            'Set task_type=TaskType.SEQ_CLS (or "SEQ_CLS"): it keeps the new '
            "classifier head trainable and saves it with the adapter.",
        )
    if not isinstance(config.r, int) or not 1 <= config.r <= 64:
        return verdict(False, f"r={config.r!r}: pick a small rank, like 4, 8 or 16.")
    targets = config.target_modules
    if not targets or isinstance(targets, str):
        return verdict(
            False, "Give target_modules as a list of layer names, e.g. ['q_lin', 'v_lin']."
        )
    names = adaptable_names(model)
    missing = sorted(set(targets) - names)
    if missing:
        return verdict(
            False,
            f"{missing} are not layer names of this model; list its Linear "
            "layers with named_modules() and pick from those.",
        )
    if not any(t in ATTENTION_WORDS for t in targets):
        return verdict(False, "Include the attention projections (the query and value layers).")
    peft_model = get_peft_model(copy.deepcopy(model), copy.deepcopy(config))
    trainable, total = peft_model.get_nb_trainable_parameters()
    if not 0 < trainable < total / 10:
        return verdict(
            False, f"{trainable:,} of {total:,} parameters train: LoRA should leave most frozen."
        )
    return verdict(
        True, "LoRA on the attention projections with a small rank: a small share trains."
    )


QUIZZES = {
    "06.1": Quiz(
        "LoRA freezes a weight matrix W and learns two small matrices B (d×r) and A (r×k). What "
        "does the layer compute after `merge_and_unload()`?",
        {
            "a": "W·x only: the adapter is thrown away",
            "b": "(W + (alpha / r)·B·A)·x with one matrix, so inference costs the same as the "
            "base model",
            "c": "W·x + B·A·x with two extra matrix products",
        },
        "b",
        "Merging adds the scaled low-rank update into W: the same outputs, and no extra layers "
        "at inference.",
        "Compare the logits before and after merging in the section on saving and reloading.",
    ),
    "06.2": Quiz(
        "What does `PeftModel.save_pretrained(folder)` write for a LoRA classifier?",
        {
            "a": "the full model with the adapter merged in",
            "b": "only the adapter (LoRA matrices, plus the new classifier head) and its config",
            "c": "only the LoraConfig",
        },
        "b",
        "The adapter folder is small because the frozen base weights are not in it; reloading "
        "needs the base model too.",
        "Look at the size-on-disk column of the comparison table.",
    ),
    "06.3": Quiz(
        "LoRA starts A at random and B at zero. Why B at zero?",
        {
            "a": "to save memory until training starts",
            "b": "so that B stays frozen and only A trains",
            "c": "so that B·A is zero at first: the wrapped model starts exactly as the "
            "pretrained one, and training moves away from it gradually",
            "d": "so that the adapter file stays small",
        },
        "c",
        "With B = 0 the update adds nothing at step 0. A is random, so B's gradient is not zero "
        "and B learns from the first step (were both zero, neither would ever move).",
        "What does W·x + (alpha/r)·B·A·x give when B is all zeros?",
    ),
    "06.4": Quiz(
        "You raise r from 8 to 16 with the same target modules. What happens to the number of "
        "LoRA parameters (A and B)?",
        {
            "a": "it stays the same: r only changes the scaling lora_alpha / r",
            "b": "it grows four times, since r appears in both A and B",
            "c": "it halves, since the update is scaled by lora_alpha / r",
            "d": "it doubles: B (d × r) and A (r × k) together hold r·(d + k) numbers",
        },
        "d",
        "The count is linear in r: 2 × 768 × 8 per BERT-base matrix becomes 2 × 768 × 16. A "
        "higher rank allows a richer update, still a tiny share of the model.",
        "Count the entries of a d × r matrix and of an r × k matrix.",
    ),
    "06.5": Quiz(
        "Why does the LoraConfig of this classifier say `task_type=TaskType.SEQ_CLS`?",
        {
            "a": "the classifier head is new and random: SEQ_CLS makes peft train it and save it "
            "with the adapter, next to A and B",
            "b": "it chooses the target modules for you",
            "c": "it turns the classifier into a text generator",
        },
        "a",
        "The base weights stay frozen, but the new head must learn the task; without SEQ_CLS it "
        "would stay frozen at its random start and be missing from the saved adapter.",
        "Read the comment next to task_type in the LoraConfig cell.",
    ),
    "06.6": Quiz(
        "Why does the lesson look target_modules up by model type instead of always writing "
        "['query', 'value']?",
        {
            "a": "peft needs the module names in alphabetical order",
            "b": "query and value exist only in the tiny stand-in",
            "c": "LoRA picks layers by the last part of their names, which differ between "
            "architectures (DistilBERT: q_lin, v_lin); names that match no layer are an error",
        },
        "c",
        "List a model's layer names with named_modules() and target its attention projections; "
        "the table maps model_type to them, so a swapped checkpoint still works.",
        "Run the listing cell on DistilBERT: what are its attention layers called?",
    ),
}
