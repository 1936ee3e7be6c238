"""Chapter 08's settings: the size of the BERT it pretrains from scratch, and its learning rates.

bert-base is 768 wide, 12 layers of 12 heads, 3,072 in its feed-forward layers (110 M
parameters). Tiny mode pretrains a sliver of it in seconds; a GPU a small BERT; a CPU a smaller
one, so that full mode takes minutes there, not hours.
"""

from __future__ import annotations

from dataclasses import dataclass

from helpers.mode import for_mode_on

__all__ = ["pretraining_settings"]


@dataclass(frozen=True)
class PretrainingSettings:
    """One row of chapter 08's settings."""

    hidden_size: int
    num_hidden_layers: int
    num_attention_heads: int
    intermediate_size: int
    epochs: int  # of masked-LM pretraining from scratch
    learning_rate: float  # of that pretraining
    adapt_learning_rate: float  # of the domain adaptation: a real BERT needs a gentler one

    @property
    def size(self) -> dict[str, int]:
        """The `BertConfig` arguments that set the model's size."""
        return {
            "hidden_size": self.hidden_size,
            "num_hidden_layers": self.num_hidden_layers,
            "num_attention_heads": self.num_attention_heads,
            "intermediate_size": self.intermediate_size,
        }


PRETRAINING_SETTINGS = {
    "tiny": PretrainingSettings(
        64, 2, 2, 256, epochs=6, learning_rate=2e-3, adapt_learning_rate=5e-4
    ),
    "full": PretrainingSettings(
        256, 4, 4, 1024, epochs=40, learning_rate=5e-4, adapt_learning_rate=5e-5
    ),
    # Full mode without a GPU: a smaller model and fewer epochs, minutes rather than hours.
    "full-cpu": PretrainingSettings(
        128, 2, 2, 512, epochs=8, learning_rate=1e-3, adapt_learning_rate=5e-5
    ),
}


def pretraining_settings(mode: str, device: str = "cuda") -> PretrainingSettings:
    """Chapter 08's settings in `mode` ("tiny" or "full") on `device` ("cuda" or "cpu"), as
    `helpers.settings` chooses the fine-tuning ones.

    Raises:
        CourseError: an unknown mode (the known ones are named).
    """
    return for_mode_on(PRETRAINING_SETTINGS, mode, device)
