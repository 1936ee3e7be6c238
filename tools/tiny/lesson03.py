"""Lesson 03's tiny `Trainer` run, repeated by the builder to record what the lesson will show.

The arguments are the lesson's own: `lesson_arguments` builds what `training_args` in
sources/03_trainer_mrpc.py builds on a CPU (tests/tools/test_lesson03_recipe.py compares the
two), and `tools.bench_mrpc` uses it too, so the tools write the recipe once. The scores come
from the same GLUE MRPC metric. The validation and test pairs are only scored here, never used
to choose anything.
"""

from __future__ import annotations

from pathlib import Path
from tempfile import TemporaryDirectory

import numpy as np
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    PrinterCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

from helpers.finetune import Settings, compute_metrics_for, settings, tokenize_function
from helpers.glue_files import TASKS, load_glue_folder
from helpers.paths import data_dir

LESSON_SEED = 42  # course.seed in the lesson
OTHER_SEEDS = (0, 1)  # the same run with other seeds: is the lesson's score luck?
SPLITS = ("validation", "test")


def lesson_arguments(out: str, training: Settings, seed: int, **changes) -> TrainingArguments:
    """Lesson 03's `training_args(name, **changes)` on a CPU, with `training`'s settings and
    `seed`; the tools also print no progress bar."""
    arguments = {
        "output_dir": out,
        "eval_strategy": "epoch",
        "save_strategy": "no",
        "num_train_epochs": training.epochs,
        "learning_rate": training.learning_rate,
        "per_device_train_batch_size": training.batch_size,
        "per_device_eval_batch_size": training.batch_size,
        "logging_steps": training.logging_steps,
        "fp16": False,
        "use_cpu": True,
        "seed": seed,
        "data_seed": seed,
        "disable_tqdm": True,
    }
    return TrainingArguments(**{**arguments, **changes})


def _trainer(folder: Path, tokenizer, tokenized, out: str, seed: int) -> Trainer:
    """The lesson's Trainer: a new two-class head on `folder`'s encoder, tiny settings."""
    set_seed(seed)
    model = AutoModelForSequenceClassification.from_pretrained(folder, num_labels=2)
    args = lesson_arguments(out, settings("tiny"), seed)
    trainer = Trainer(
        model,
        args,
        train_dataset=tokenized["train"],
        eval_dataset=tokenized["validation"],
        data_collator=DataCollatorWithPadding(tokenizer),
        processing_class=tokenizer,
        compute_metrics=compute_metrics_for("mrpc"),
    )
    trainer.remove_callback(PrinterCallback)
    return trainer


def _scores(trainer: Trainer, split) -> dict:
    """Accuracy and F1 (the GLUE metric), the share predicted positive, the majority baseline."""
    output = trainer.predict(split)
    predicted = np.argmax(output.predictions, axis=-1)
    positives = float(np.mean(output.label_ids))
    return {
        "accuracy": round(output.metrics["test_accuracy"], 3),
        "f1": round(output.metrics["test_f1"], 3),
        "predicted_positive": round(float(np.mean(predicted)), 3),
        "majority_baseline": round(max(positives, 1 - positives), 3),
    }


def record(folder: Path) -> dict:
    """Run the lesson's fine-tuning of the checkpoint in `folder`; scores before and after, the
    training loss falling (mean of the first and last third of its logs), other seeds' accuracy."""
    tokenizer = AutoTokenizer.from_pretrained(folder)
    raw = load_glue_folder(data_dir() / "glue", TASKS["mrpc"])
    tokenized = raw.map(tokenize_function(tokenizer, "mrpc"), batched=True)
    with TemporaryDirectory() as out:
        trainer = _trainer(folder, tokenizer, tokenized, out, LESSON_SEED)
        before = {s: _scores(trainer, tokenized[s]) for s in SPLITS}
        trainer.train()
        after = {s: _scores(trainer, tokenized[s]) for s in SPLITS}
        losses = [row["loss"] for row in trainer.state.log_history if "loss" in row]
        others = {}
        for seed in OTHER_SEEDS:
            other = _trainer(folder, tokenizer, tokenized, out, seed)
            other.train()
            others[str(seed)] = _scores(other, tokenized["validation"])["accuracy"]
    third = max(len(losses) // 3, 1)
    tiny = settings("tiny")
    return {
        "settings": {
            "epochs": tiny.epochs,
            "batch_size": tiny.batch_size,
            "lr": tiny.learning_rate,
        },
        "seed": LESSON_SEED,
        "train_loss_first_third": round(sum(losses[:third]) / third, 3),
        "train_loss_last_third": round(sum(losses[-third:]) / third, 3),
        **{f"{s}_before": before[s] for s in SPLITS},
        **{f"{s}_after": after[s] for s in SPLITS},
        "validation_accuracy_other_seeds": others,
    }
