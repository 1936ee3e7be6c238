"""Chapter 12's training settings. The lesson's own code (prompts, reading answers back,
generation, scores, preference pairs, log-probabilities) is in the lesson."""

from __future__ import annotations

from dataclasses import dataclass

from helpers.errors import CourseError

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
    "tiny": InstructionSettings(0.75, 4, 3e-3, 16, 64, 8, 3e-3, 0.5),
    "full": InstructionSettings(3, 16, 2e-4, 16, 840, 16, 5e-5, 0.1),
}


def instruction_settings(mode: str) -> InstructionSettings:
    """The settings of `mode` ("tiny" or "full").

    Raises:
        CourseError: an unknown mode (the known ones are named).
    """
    if mode not in INSTRUCTION_SETTINGS:
        known = " or ".join(repr(m) for m in INSTRUCTION_SETTINGS)
        raise CourseError(f"Unknown mode {mode!r}: use {known} (COURSE_MODE).")
    return INSTRUCTION_SETTINGS[mode]
