"""Checks and quiz of chapter 06 (LoRA with peft)."""

from __future__ import annotations

import copy

from helpers.exercises.core import NOT_ANSWERED, Quiz, Verdict, unanswered, verdict

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
    share = f"{trainable:,} of {total:,} parameters trainable ({100 * trainable / total:.2f}%)"
    return verdict(True, f"LoRA on {sorted(targets)} with r={config.r}: {share}.")


QUIZZES = {
    "06.1": Quiz(
        "LoRA freezes a weight matrix W and learns two small matrices B (d×r) and A (r×k). What "
        "does the layer compute after `merge_and_unload()`?",
        {
            "a": "W·x only: the adapter is thrown away",
            "b": "(W + (alpha / r)·B·A)·x with one matrix, so inference costs the same as the base model",
            "c": "W·x + B·A·x with two extra matrix products",
        },
        "b",
        "Merging adds the scaled low-rank update into W: same outputs, no extra layers at inference.",
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
        "The adapter folder is small; reloading needs the base model too.",
        "Look at the size-on-disk column of the comparison table.",
    ),
}
