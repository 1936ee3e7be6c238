"""Fine-tuning plumbing shared by chapters 03-06: tokenized GLUE pairs, metrics, course settings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from helpers.data import load_dataset
from helpers.glue_files import TASKS
from helpers.metrics import load_metric
from helpers.mode import for_mode_on

__all__ = ["compute_metrics_for", "prepare_glue", "settings", "train_subset"]


@dataclass(frozen=True)
class Settings:
    """The course's training settings for one mode and device.

    tiny: seconds on a CPU; full on a GPU: the HF course's recipe; full on a CPU: a subset of the
    training data and fewer epochs, so that lesson 03 finishes in minutes instead of hours.
    """

    epochs: int
    batch_size: int
    learning_rate: float
    logging_steps: int
    max_train_samples: int | None = None  # None: the whole training split
    early_stopping_epochs: int = 10  # the most epochs of lesson 03's early-stopping run
    # How close lesson 04's own loop must stay to the Trainer's losses: its few dozen tiny steps
    # agree to the last bits; hundreds of steps of a large model let rounding differences grow.
    loss_tolerance: float = 1e-3


SETTINGS = {
    "tiny": Settings(
        epochs=6, batch_size=16, learning_rate=1e-3, logging_steps=5, loss_tolerance=1e-6
    ),
    "full": Settings(epochs=3, batch_size=8, learning_rate=5e-5, logging_steps=50),
    # Full mode without a GPU: measured on 2 cores with all-MiniLM-L6-v2 on the real MRPC,
    # lesson 03 takes about 10 minutes (tools/records/full_cpu.json, `make bench-full`).
    "full-cpu": Settings(
        epochs=2,
        batch_size=8,
        learning_rate=5e-5,
        logging_steps=50,
        max_train_samples=2000,
        early_stopping_epochs=3,
    ),
}


def settings(mode: str, device: str = "cuda") -> Settings:
    """The training settings the course uses in `mode` on `device` ("cuda" or "cpu").

    Raises:
        CourseError: an unknown mode (the known ones are named).
    """
    return for_mode_on(SETTINGS, mode, device)


def train_subset(dataset, max_samples: int | None, seed: int = 42):
    """`dataset` itself, or a seeded random sample of `max_samples` rows when it is larger."""
    if max_samples is None or len(dataset) <= max_samples:
        return dataset
    return dataset.shuffle(seed=seed).select(range(max_samples))


def tokenize_function(tokenizer, task: str = "mrpc") -> Callable[[dict], dict]:
    """A batched `Dataset.map` function that tokenizes the task's text column(s), truncating."""
    columns = list(TASKS[task].text_columns)

    def tokenize(batch: dict) -> dict:
        return tokenizer(*(batch[c] for c in columns), truncation=True)

    return tokenize


@dataclass(frozen=True)
class PreparedGlue:
    """A GLUE task ready for training: raw and tokenized splits, tokenizer and padding collator."""

    tokenizer: object
    raw: object
    tokenized: object
    collator: object


def prepare_glue(
    checkpoint_name: str, task: str = "mrpc", max_train_samples: int | None = None, seed: int = 42
) -> PreparedGlue:
    """Load the task, tokenize it with `checkpoint_name`'s tokenizer, pad per batch (lesson 03).

    `max_train_samples` keeps a seeded random subset of the training split (the CPU settings).
    """
    from transformers import AutoTokenizer, DataCollatorWithPadding

    tokenizer = AutoTokenizer.from_pretrained(checkpoint_name)
    raw = load_dataset("glue", task)
    raw["train"] = train_subset(raw["train"], max_train_samples, seed)
    tokenized = raw.map(tokenize_function(tokenizer, task), batched=True)
    return PreparedGlue(tokenizer, raw, tokenized, DataCollatorWithPadding(tokenizer=tokenizer))


def compute_metrics_for(task: str = "mrpc") -> Callable:
    """A `compute_metrics` for Trainer: argmax of the logits, then the task's GLUE metric."""
    metric = load_metric("glue", task)

    def compute_metrics(eval_prediction) -> dict:
        logits, labels = eval_prediction
        return metric.compute(predictions=np.argmax(logits, axis=-1), references=labels)

    return compute_metrics
