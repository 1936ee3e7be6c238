# ---
# jupyter:
#   jupytext:
#     formats: notebooks//ipynb,sources//py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 04 · A full training loop, by hand
#
# **Goals.** By the end of this lesson you can
# - turn a tokenized data set into PyTorch batches (`remove_columns`, `rename_column`,
#   `set_format("torch")`, `DataLoader` with the padding collator);
# - write the training loop: forward, `backward`, `torch.optim.AdamW` step, linear schedule,
#   with a `tqdm` progress bar; and an evaluation loop with `metric.add_batch`;
# - check that the loop reproduces lesson 03's `Trainer` run, and plot its loss.
#
# > **About the saved outputs.** The outputs stored in this notebook come from *tiny mode* (a
# > 64-dimensional stand-in BERT and the course's own 350 paraphrase pairs): the code and the
# > parity check are real; the scores show the stand-in learning those simple pairs, and say
# > nothing about MRPC itself. In full mode the loop trains
# > `bert-base-uncased` on the real MRPC like lesson 03 (about 0.86 accuracy / 0.90 F1).

# %% [markdown]
# [![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)](https://colab.research.google.com/github/hf-course/notebooks/blob/main/notebooks/04_training_loop.ipynb) In Colab, run the setup cell below first (hidden; elsewhere it does nothing).
#
# **Full mode without a GPU** (measured 2026-12-06; 2 CPU cores, x86_64, torch 2.13.0 CPU build, offline): about 8 min with the small encoder all-MiniLM-L6-v2 in place of `bert-base-uncased`, which has five times its parameters: pick a GPU runtime for it.

# %% cellView="form" jupyter={"source_hidden": true} stamped_by="python -m tools.stamp, from [tool.course] in pyproject.toml: do not edit"
# @title Colab setup (in Colab: clones and installs the course; elsewhere it does nothing)
import sys

if "google.colab" in sys.modules:
    import site
    import subprocess
    from pathlib import Path

    if not Path("/content/hf-course").is_dir():
        subprocess.run(["git", "clone", "--quiet", "--depth", "1", "--branch", "main",
                        "https://github.com/hf-course/notebooks", "/content/hf-course"], check=True)
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "-e", "/content/hf-course"],
                   check=True)
    for folder in site.getsitepackages():
        site.addsitedir(folder)  # picks up the editable install without a restart

# %%
import helpers

course = helpers.setup_notebook(chapter="04_training_loop")

# %% [markdown]
# ## Preparing the data
# Lesson 03's preprocessing (tokenize pairs with `map`, pad per batch, and in full mode without
# a GPU a sample of the training pairs) is in `helpers.prepare_glue`. The `Trainer` did the next
# steps silently; by hand we remove the columns the model does not take, rename `label` to
# `labels`, and ask for torch tensors.

# %%
checkpoint = helpers.checkpoint("bert-base-uncased")
training = helpers.settings(course.mode, course.device)
prepared = helpers.prepare_glue(checkpoint, "mrpc", training.max_train_samples, course.seed)
tokenized_datasets = prepared.tokenized.remove_columns(["sentence1", "sentence2", "idx"])
tokenized_datasets = tokenized_datasets.rename_column("label", "labels")
tokenized_datasets.set_format("torch")
tokenized_datasets["train"].column_names

# %% [markdown]
# `DataLoader`s make the batches; the collator pads each one. We shuffle the training set with
# our own `torch.Generator` so that we can reproduce the `Trainer`'s order exactly (it reseeds
# its sampler with `data_seed + epoch` at every epoch).

# %%
import torch
from torch.utils.data import DataLoader, RandomSampler

generator = torch.Generator()
train_dataloader = DataLoader(
    tokenized_datasets["train"], sampler=RandomSampler(tokenized_datasets["train"], generator=generator),
    batch_size=training.batch_size, collate_fn=prepared.collator,
)
eval_dataloader = DataLoader(tokenized_datasets["validation"], batch_size=training.batch_size,
                             collate_fn=prepared.collator)

# %%
batch = next(iter(train_dataloader))
{k: tuple(v.shape) for k, v in batch.items()}

# %% [markdown]
# ## Model, optimizer, schedule
# `torch.optim.AdamW` (formerly the `AdamW` of transformers, which is gone). Careful: torch's AdamW
# defaults to `weight_decay=0.01`; the `Trainer` uses 0.0, so we pass it. The linear schedule
# takes the learning rate from its start value to 0 over all the training steps.

# %%
from transformers import AutoModelForSequenceClassification, get_scheduler, set_seed

set_seed(course.seed)
model = AutoModelForSequenceClassification.from_pretrained(checkpoint, num_labels=2)
model.to(course.device)
optimizer = torch.optim.AdamW(model.parameters(), lr=training.learning_rate, weight_decay=0.0)
num_training_steps = training.epochs * len(train_dataloader)
lr_scheduler = get_scheduler("linear", optimizer=optimizer, num_warmup_steps=0,
                             num_training_steps=num_training_steps)
print(num_training_steps, "training steps")

# %% [markdown]
# ### Try it: the learning rate of the linear schedule
# What is the learning rate after one epoch (`len(train_dataloader)` steps)? Compute it from
# `training.learning_rate` and `num_training_steps` (no warmup).
# The solution is folded away in the cell after yours: show it when you have tried.

# %%
steps_per_epoch = len(train_dataloader)
lr_after_epoch = None  # your code
helpers.check_linear_lr(training.learning_rate, num_training_steps, steps_per_epoch, lr_after_epoch)

# %% tags=["solution"] cellView="form" jupyter={"source_hidden": true}
# @title Solution (double-click to show)
lr_after_epoch = training.learning_rate * (num_training_steps - steps_per_epoch) / num_training_steps
helpers.check_linear_lr(training.learning_rate, num_training_steps, steps_per_epoch, lr_after_epoch)

# %% [markdown]
# ## The evaluation loop
# `model.eval()` turns dropout off, `torch.no_grad()` skips the gradients; `metric.add_batch`
# collects each batch's predictions and `metric.compute()` gives the result at the end. We also
# average the validation loss over the examples, as the `Trainer` does.

# %%
def evaluate(model, dataloader):
    metric = helpers.load_metric("glue", "mrpc")
    model.eval()
    total_loss = 0.0
    for batch in dataloader:
        batch = {k: v.to(course.device) for k, v in batch.items()}
        with torch.no_grad():
            outputs = model(**batch)
        total_loss += outputs.loss.item() * len(batch["labels"])
        metric.add_batch(predictions=outputs.logits.argmax(dim=-1), references=batch["labels"])
    return {"eval_loss": total_loss / len(dataloader.dataset), **metric.compute()}

# %% [markdown]
# ## The training loop
# For each batch: forward (the model returns the loss when it gets `labels`), backward,
# optimizer step, schedule step, zero the gradients; after each epoch, evaluate. Two lines are
# there to match the `Trainer`: gradients are clipped to norm 1.0 (its `max_grad_norm`), and the
# shuffling generator is reseeded each epoch. `tqdm.auto` draws a progress bar.

# %%
from tqdm.auto import tqdm

set_seed(course.seed)  # the Trainer seeds again when it starts
progress_bar, history = tqdm(range(num_training_steps)), []

# %%
for epoch in range(training.epochs):
    generator.manual_seed(course.seed + epoch)
    model.train()
    for batch in train_dataloader:
        batch = {k: v.to(course.device) for k, v in batch.items()}
        loss = model(**batch).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        lr_scheduler.step()
        optimizer.zero_grad()
        progress_bar.update(1)
        history.append({"step": progress_bar.n, "loss": loss.item()})
    history.append({"step": progress_bar.n, **evaluate(model, eval_dataloader)})
progress_bar.close()

# %%
loop_metrics = history[-1]
for row in history:
    if "eval_loss" in row:
        print(f"step {row['step']}: " + ", ".join(f"{k} {v:.4f}" for k, v in row.items() if k != "step"))

# %%
helpers.loss_curve(history, "Loss of the hand-written loop")

# %% [markdown]
# ## Same result as the `Trainer`?
# Lesson 03's `Trainer` run, with the same seed and settings (its default optimizer is the
# fused AdamW kernel with `weight_decay=0.0`, linear schedule, no warmup, `max_grad_norm=1.0`).
# Our loop computes in full precision (fp32), so this `Trainer` does too (`fp16=False`, even on
# a GPU): a comparison is only fair in the same precision. Mixed precision comes with
# Accelerate in lesson 05. (On a machine with several GPUs the `Trainer` in a notebook spreads
# each step over all of them with `DataParallel`, while our loop uses one: compare there with
# `CUDA_VISIBLE_DEVICES=0` set before starting Jupyter.)

# %%
from transformers import PrinterCallback, Trainer, TrainingArguments

args = TrainingArguments(
    output_dir=str(course.run_dir / "trainer"), eval_strategy="epoch", save_strategy="no",
    num_train_epochs=training.epochs, learning_rate=training.learning_rate,
    per_device_train_batch_size=training.batch_size,
    per_device_eval_batch_size=training.batch_size, logging_steps=1, fp16=False,
    use_cpu=course.device == "cpu", seed=course.seed, data_seed=course.seed,
)

# %%
set_seed(course.seed)
trainer_model = AutoModelForSequenceClassification.from_pretrained(checkpoint, num_labels=2)
trainer = Trainer(trainer_model, args, train_dataset=prepared.tokenized["train"],
                  eval_dataset=prepared.tokenized["validation"], data_collator=prepared.collator,
                  compute_metrics=helpers.compute_metrics_for("mrpc"))
trainer.remove_callback(PrinterCallback)  # no line per step: we read log_history below
trainer_output = trainer.train()

# %% [markdown]
# We logged every step (`logging_steps=1`), so the two loss sequences can be compared step by
# step. The tolerance is in the settings: 1e-6 for tiny mode's few dozen steps; in full mode
# hundreds of steps of a large model let last-bit rounding differences grow, so 1e-3 there.

# %%
tolerance = training.loss_tolerance
trainer_losses = [row["loss"] for row in trainer.state.log_history if "loss" in row]
loop_losses = [row["loss"] for row in history if "loss" in row]
gaps = [abs(a - b) for a, b in zip(trainer_losses, loop_losses)]
print(f"{len(gaps)} steps compared; every loss within {tolerance:g} of the Trainer's:",
      max(gaps) < tolerance)
trainer_metrics = trainer.evaluate()
for name in ["eval_loss", "accuracy", "f1"]:
    ours, theirs = loop_metrics[name], trainer_metrics["eval_" + name.removeprefix("eval_")]
    print(f"{name:10s} loop {ours:.3f}  Trainer {theirs:.3f}  within {tolerance:g}: "
          f"{abs(ours - theirs) < tolerance}")

# %% [markdown]
# The measured gaps (they depend on the CPU or GPU, so this cell's output is not compared):

# %% tags=["nbval-ignore-output"]
print(f"largest per-step loss gap {max(gaps):.1e}; validation loss gap "
      f"{abs(loop_metrics['eval_loss'] - trainer_metrics['eval_loss']):.1e}")

# %% [markdown]
# The loop reproduces the `Trainer` to within floating-point rounding (the fused and the plain
# AdamW kernels round differently in the last bits), because it copies what the `Trainer`
# does: the same seeds before the model and before training, the same data order, the same
# optimizer, schedule and gradient clipping. Drop the clipping, the reseeding of the
# generator or `weight_decay=0.0`, and the curves drift apart.
#
# ## Quiz
# Replace `None` with the letter of your answer and run the cell: a right answer says why it
# is right, a wrong one gives a hint, and you can try again.

# %%
helpers.quiz("04.1", answer=None)

# %%
helpers.quiz("04.2", answer=None)

# %%
helpers.quiz("04.3", answer=None)

# %%
helpers.quiz("04.4", answer=None)

# %%
helpers.quiz("04.5", answer=None)

# %% [markdown]
# ## Summary
# - Before a loop: `remove_columns`, `rename_column("label", "labels")`, `set_format("torch")`,
#   and `DataLoader`s with the padding collator.
# - The loop: `loss = model(**batch).loss`, `loss.backward()`, `optimizer.step()`,
#   `lr_scheduler.step()`, `optimizer.zero_grad()`; `torch.optim.AdamW` with your weight decay.
# - The evaluation loop: `model.eval()`, `torch.no_grad()`, `metric.add_batch`, `metric.compute()`.
# - With the same seeds, data order, optimizer, schedule and clipping, the loop matches the `Trainer`.
#
# Next: **05 · The same loop on several devices with Accelerate**.
