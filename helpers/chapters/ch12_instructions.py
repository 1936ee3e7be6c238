"""Chapter 12's training settings. The lesson's own code (prompts, reading answers back,
generation, scores, preference pairs, log-probabilities) is in the lesson."""

from __future__ import annotations

from dataclasses import dataclass

from helpers.mode import for_mode

__all__ = ["InstructionSettings", "instruction_settings"]


@dataclass(frozen=True)
class InstructionSettings:
    """Chapter 12's training settings. Tiny: chosen on the validation split for the course's
    stand-in, within the chapter's time budget. Full: LoRA rates usual for a 135M-parameter model on a GPU."""

    sft_epochs: float
    sft_batch_size: int
    sft_learning_rate: float
    lora_rank: int
    dpo_pairs: int
    dpo_batch_size: int
    dpo_learning_rate: float
    dpo_beta: float


INSTRUCTION_SETTINGS = {
    "tiny": InstructionSettings(
        sft_epochs=0.75,
        sft_batch_size=4,
        sft_learning_rate=3e-3,
        lora_rank=16,
        dpo_pairs=64,
        dpo_batch_size=8,
        dpo_learning_rate=3e-3,
        dpo_beta=0.5,
    ),
    "full": InstructionSettings(
        sft_epochs=3,
        sft_batch_size=16,
        sft_learning_rate=2e-4,
        lora_rank=16,
        dpo_pairs=840,
        dpo_batch_size=16,
        dpo_learning_rate=5e-5,
        dpo_beta=0.1,
    ),
}


def instruction_settings(mode: str) -> InstructionSettings:
    """The settings of `mode` ("tiny" or "full").

    Raises:
        CourseError: an unknown mode (the known ones are named).
    """
    return for_mode(INSTRUCTION_SETTINGS, mode)
