"""Fine-tuning plumbing shared by chapters 03-06: tokenized GLUE pairs, metrics, course settings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from helpers.data import load_dataset
from helpers.glue_files import TASKS
from helpers.metrics import load_metric


@dataclass(frozen=True)
class Settings:
    """The course's training settings for one mode (tiny: seconds on a CPU; full: the HF course's)."""

    epochs: int
    batch_size: int
    learning_rate: float
    logging_steps: int


SETTINGS = {
    "tiny": Settings(epochs=3, batch_size=16, learning_rate=1e-3, logging_steps=5),
    "full": Settings(epochs=3, batch_size=8, learning_rate=5e-5, logging_steps=50),
}


def settings(mode: str) -> Settings:
    """The training settings the course uses in `mode`."""
    return SETTINGS[mode]


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


def prepare_glue(checkpoint_name: str, task: str = "mrpc") -> PreparedGlue:
    """Load the task, tokenize it with `checkpoint_name`'s tokenizer, pad per batch (chapter 03's recipe)."""
    from transformers import AutoTokenizer, DataCollatorWithPadding

    tokenizer = AutoTokenizer.from_pretrained(checkpoint_name)
    raw = load_dataset("glue", task)
    tokenized = raw.map(tokenize_function(tokenizer, task), batched=True)
    return PreparedGlue(tokenizer, raw, tokenized, DataCollatorWithPadding(tokenizer=tokenizer))


def compute_metrics_for(task: str = "mrpc") -> Callable:
    """A `compute_metrics` for Trainer: argmax of the logits, then the task's GLUE metric."""
    metric = load_metric("glue", task)

    def compute_metrics(eval_prediction) -> dict:
        logits, labels = eval_prediction
        return metric.compute(predictions=np.argmax(logits, axis=-1), references=labels)

    return compute_metrics
