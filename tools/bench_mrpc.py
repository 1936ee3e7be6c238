"""`python -m tools.bench_mrpc mrpc --glue-dir DIR --model DIR`: lesson 03's recipe on real GLUE files.

A benchmark of full-mode quality, not a test: it fine-tunes a local model folder with the
`Trainer` on `DIR/MRPC/train.tsv`, evaluates on `dev.tsv` and prints accuracy, F1, training
time and peak memory. It runs on CPU; `--max-train` and `--epochs` make it shorter. When the
GLUE files are absent it prints why and exits 0 (`skipped: ...`).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from helpers.glue_files import SPLIT_FILES, TASKS

REFERENCE = "bert-base-uncased, 3 epochs, batch 8, lr 5e-5: about 0.86 accuracy / 0.90 F1"


def missing_files(glue_dir: Path, task: str) -> list[Path]:
    """The train/dev files of `task` that are not under `glue_dir`."""
    folder = glue_dir / TASKS[task].folder
    return [
        folder / SPLIT_FILES[s]
        for s in ("train", "validation")
        if not (folder / SPLIT_FILES[s]).is_file()
    ]


def bad_model_folder(model_dir: Path) -> str | None:
    """Why `model_dir` is not a loadable model folder, or None when it looks fine."""
    if not model_dir.is_dir():
        return f"model folder {model_dir} does not exist"
    if not (model_dir / "config.json").is_file():
        return (
            f"{model_dir} has no config.json: pass a save_pretrained folder (model and tokenizer)"
        )
    if not any((model_dir / name).is_file() for name in ("model.safetensors", "pytorch_model.bin")):
        return f"{model_dir} has no model.safetensors or pytorch_model.bin"
    return None


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(
    task: str,
    glue_dir: Path,
    model_dir: Path,
    epochs: float,
    max_train: int | None,
    batch_size: int,
    learning_rate: float,
    seed: int,
    out_dir: Path,
) -> dict:
    """Fine-tune and evaluate with lesson 03's recipe; returns the figures to print."""
    import numpy as np
    import torch
    from datasets import DatasetDict
    from transformers import (
        AutoModelForSequenceClassification,
        AutoTokenizer,
        DataCollatorWithPadding,
        PrinterCallback,
        Trainer,
    )

    from helpers.finetune import Settings, compute_metrics_for, tokenize_function
    from helpers.glue_files import load_glue_folder
    from tools.tiny.lesson03 import lesson_arguments

    raw = DatasetDict(
        {s: load_glue_folder(glue_dir, TASKS[task], s) for s in ("train", "validation")}
    )
    if max_train:
        raw["train"] = (
            raw["train"].shuffle(seed=seed).select(range(min(max_train, len(raw["train"]))))
        )
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    tokenized = raw.map(tokenize_function(tokenizer, task), batched=True)
    model = AutoModelForSequenceClassification.from_pretrained(model_dir, num_labels=2)
    training = Settings(epochs, batch_size, learning_rate, logging_steps=50)
    args = lesson_arguments(str(out_dir), training, seed, eval_strategy="no", logging_strategy="no")
    trainer = Trainer(
        model,
        args,
        train_dataset=tokenized["train"],
        data_collator=DataCollatorWithPadding(tokenizer),
        processing_class=tokenizer,
        compute_metrics=compute_metrics_for(task),
    )
    trainer.remove_callback(PrinterCallback)
    start = time.perf_counter()
    trainer.train()
    seconds = time.perf_counter() - start
    metrics = trainer.evaluate(tokenized["validation"])
    return {
        "train pairs": len(raw["train"]),
        "dev pairs": len(raw["validation"]),
        "epochs": epochs,
        "accuracy": round(float(metrics["eval_accuracy"]), 4),
        "f1": round(float(metrics["eval_f1"]), 4),
        "train seconds": round(seconds, 1),
        "peak RSS MB": round(peak_rss_mb()),
        "threads": torch.get_num_threads(),
        "majority baseline": round(float(np.mean(raw["validation"]["label"])), 4),
    }


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, skip or fail clearly, run and print the table."""
    parser = argparse.ArgumentParser(
        prog="python -m tools.bench_mrpc",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("task", choices=["mrpc"])
    parser.add_argument(
        "--glue-dir", type=Path, required=True, help="folder with MRPC/train.tsv, dev.tsv"
    )
    parser.add_argument(
        "--model", type=Path, required=True, help="a local save_pretrained model folder"
    )
    parser.add_argument("--epochs", type=float, default=3.0)
    parser.add_argument("--max-train", type=int, default=None, help="use only N training pairs")
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--out", type=Path, default=None, help="scratch folder (default: runs/bench)"
    )
    args = parser.parse_args(argv)
    missing = missing_files(args.glue_dir, args.task)
    if missing:
        print(
            f"skipped: GLUE {TASKS[args.task].folder} files not found: {', '.join(map(str, missing))}"
        )
        return 0
    problem = bad_model_folder(args.model)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    from helpers.notebook import quiet_libraries
    from helpers.paths import run_dir

    quiet_libraries()
    out_dir = args.out or run_dir("bench")
    figures = run(
        args.task,
        args.glue_dir,
        args.model,
        args.epochs,
        args.max_train,
        args.batch_size,
        args.lr,
        args.seed,
        out_dir,
    )
    print(f"{args.task} with {args.model.name}")
    for key, value in figures.items():
        print(f"  {key:18s} {value}")
    print(f"  reference          {REFERENCE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
