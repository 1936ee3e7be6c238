"""Chapter 05's training function as a script, for `accelerate launch`.

    COURSE_MODE=tiny accelerate launch --multi_gpu --num_processes 2 scripts/accelerate_mrpc.py --cpu
    accelerate launch scripts/accelerate_mrpc.py          # your `accelerate config`: GPUs, TPU, ...

The functions below are the ones notebooks/05_accelerate.py defines (a test keeps them equal),
so what the notebook runs with `notebook_launcher` is what this script runs on any hardware.
"""

from __future__ import annotations

import argparse

import torch
from accelerate import Accelerator
from torch.utils.data import DataLoader
from transformers import AutoModelForSequenceClassification, get_scheduler, set_seed

import helpers


def make_dataloaders(prepared, batch_size):
    tokenized = prepared.tokenized.remove_columns(["sentence1", "sentence2", "idx"])
    tokenized = tokenized.rename_column("label", "labels")
    tokenized.set_format("torch")
    train_dl = DataLoader(tokenized["train"], shuffle=True, batch_size=batch_size,
                          collate_fn=prepared.collator)
    eval_dl = DataLoader(tokenized["validation"], batch_size=batch_size, collate_fn=prepared.collator)
    return train_dl, eval_dl


def train_one_epoch(accelerator, model, optimizer, scheduler, train_dl):
    model.train()
    for batch in train_dl:
        loss = model(**batch).loss
        accelerator.backward(loss)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad()
    return loss.item()


def evaluate(accelerator, model, eval_dl):
    metric = helpers.load_metric("glue", "mrpc", keep_in_memory=True)
    model.eval()
    for batch in eval_dl:
        with torch.no_grad():
            predictions = model(**batch).logits.argmax(dim=-1)
        predictions, references = accelerator.gather_for_metrics((predictions, batch["labels"]))
        metric.add_batch(predictions=predictions, references=references)
    return {name: round(value, 3) for name, value in metric.compute().items()}


def report_ranks(accelerator, train_dl):
    first = torch.tensor(next(iter(train_dl.batch_sampler))[:4])
    shards = accelerator.gather(first).view(accelerator.num_processes, -1)
    accelerator.print(f"processes: {accelerator.num_processes}, "
                      f"distributed type: {accelerator.distributed_type}")
    for rank, indices in enumerate(shards.tolist()):
        accelerator.print(f"rank {rank}: {len(train_dl)} batches, first examples {indices}")


def report_parameters(accelerator, model):
    checksum = sum(p.detach().double().sum() for p in model.parameters()).view(1)
    sums = accelerator.gather(checksum).tolist()
    for rank, value in enumerate(sums):
        accelerator.print(f"rank {rank}: parameter checksum {value:.2f}")
    accelerator.print("identical parameters on every rank:", len(set(sums)) == 1)


def training_function(config):
    accelerator = Accelerator(cpu=config["cpu"], mixed_precision=config["mixed_precision"])
    set_seed(config["seed"])
    prepared = helpers.prepare_glue(config["checkpoint"], "mrpc", config["max_train_samples"])
    train_dl, eval_dl = make_dataloaders(prepared, config["batch_size"])
    model = AutoModelForSequenceClassification.from_pretrained(config["checkpoint"], num_labels=2)
    optimizer = torch.optim.AdamW(model.parameters(), lr=config["lr"], weight_decay=0.0)
    model, optimizer, train_dl, eval_dl = accelerator.prepare(model, optimizer, train_dl, eval_dl)
    steps = config["epochs"] * len(train_dl)
    scheduler = get_scheduler("linear", optimizer, num_warmup_steps=0, num_training_steps=steps)
    report_ranks(accelerator, train_dl)
    for epoch in range(config["epochs"]):
        loss = train_one_epoch(accelerator, model, optimizer, scheduler, train_dl)
        accelerator.print(f"epoch {epoch}: last loss {loss:.4f}, {evaluate(accelerator, model, eval_dl)}")
    report_parameters(accelerator, model)


def main(argv: list[str] | None = None) -> None:
    """Parse the command line into the config dict and train."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--cpu", action="store_true", help="train on CPU even when a GPU is present")
    parser.add_argument("--mixed-precision", default="no", choices=["no", "fp16", "bf16"])
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)
    mode = helpers.mode.current_mode()
    device = "cpu" if args.cpu or not torch.cuda.is_available() else "cuda"
    training = helpers.settings(mode, device)
    if mode == "tiny":
        torch.set_num_threads(1)
    training_function({
        "checkpoint": helpers.checkpoint("bert-base-uncased"), "cpu": args.cpu,
        "mixed_precision": args.mixed_precision, "seed": args.seed, "epochs": training.epochs,
        "batch_size": training.batch_size, "lr": training.learning_rate,
        "max_train_samples": training.max_train_samples,
    })


if __name__ == "__main__":
    main()
