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
# # 05 · Training on several devices with 🤗 Accelerate
#
# **Goals.** By the end of this lesson you can
# - turn lesson 04's loop into one that runs unchanged on a CPU, one GPU, several GPUs or a TPU:
#   `Accelerator`, `accelerator.prepare`, `accelerator.backward`, `gather_for_metrics`;
# - launch a real two-process run from the notebook with `notebook_launcher` (here on CPU, with
#   the gloo backend) and see each process get its own shard and keep identical weights;
# - run the same training function as a script with `accelerate launch`;
# - say what `accelerate config`, mixed precision and gradient accumulation do.
#
# > **About the saved outputs.** The outputs stored in this notebook come from *tiny mode*: a
# > 64-dimensional stand-in BERT and the course's own 350 paraphrase pairs, trained by two CPU
# > processes in seconds. The distributed mechanics are real; the scores show the stand-in
# > learning those simple pairs, and say nothing about MRPC itself.

# %% [markdown]
# [![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)](https://colab.research.google.com/github/hf-course/notebooks/blob/main/notebooks/05_accelerate.ipynb) In Colab, run the setup cell below first (hidden; elsewhere it does nothing).
#
# **Full mode without a GPU** (measured 2026-12-06; 2 CPU cores, x86_64, torch 2.13.0 CPU build, offline): about 4 min with the small encoder all-MiniLM-L6-v2 in place of `bert-base-uncased`, which has five times its parameters: pick a GPU runtime for it.

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

course = helpers.setup_notebook(chapter="05_accelerate")

# %% [markdown]
# ## What changes from lesson 04
# Five lines change and a few go away: the `Accelerator` places the model and the batches on the
# right device (no more `.to(device)`), and `prepare` wraps the model for distributed training
# and splits the data loaders between the processes.
#
# ```diff
# + from accelerate import Accelerator
# + accelerator = Accelerator()
# - model.to(device)
# + model, optimizer, train_dl, eval_dl = accelerator.prepare(model, optimizer, train_dl, eval_dl)
#   for batch in train_dl:
# -     batch = {k: v.to(device) for k, v in batch.items()}
#       loss = model(**batch).loss
# -     loss.backward()
# +     accelerator.backward(loss)
#   ...
#   # evaluation
# +     predictions, references = accelerator.gather_for_metrics((predictions, batch["labels"]))
# ```
#
# Create the data loaders *before* `prepare` and compute the number of steps *after* it: each
# process sees only its share of the batches.
#
# ## The training function, in pieces
# The cells tagged `export` (these imports and the functions below) are also written, as they
# are, to `scripts/accelerate_mrpc.py` by `make scripts` (committed, so every clone and Colab has
# it): the notebook and `accelerate launch` run the same code. First the data, as in lesson 04:

# %% tags=["export"]
import math

import torch
from accelerate import Accelerator
from torch.utils.data import DataLoader
from transformers import AutoModelForSequenceClassification, get_scheduler, set_seed

# %% tags=["export"]
def make_dataloaders(prepared, batch_size):
    tokenized = prepared.tokenized.remove_columns(["sentence1", "sentence2", "idx"])
    tokenized = tokenized.rename_column("label", "labels")
    tokenized.set_format("torch")
    train_dl = DataLoader(tokenized["train"], shuffle=True, batch_size=batch_size,
                          collate_fn=prepared.collator)
    eval_dl = DataLoader(tokenized["validation"], batch_size=batch_size, collate_fn=prepared.collator)
    return train_dl, eval_dl

# %% [markdown]
# One epoch of training: `accelerator.backward(loss)` replaces `loss.backward()` (it scales the
# loss for mixed precision and syncs gradients between processes). Lesson 04's gradient
# clipping becomes `accelerator.clip_grad_norm_`, and `with accelerator.accumulate(model):`
# adds up the gradients of `gradient_accumulation_steps` batches before one optimizer step:
# between two steps Accelerate skips `optimizer.step()` and `zero_grad()` and does not sync
# the processes; `accelerator.sync_gradients` says when a real step happens.

# %% tags=["export"]
def train_one_epoch(accelerator, model, optimizer, scheduler, train_dl):
    model.train()
    for batch in train_dl:
        with accelerator.accumulate(model):  # steps only every gradient_accumulation_steps batches
            loss = model(**batch).loss
            accelerator.backward(loss)
            if accelerator.sync_gradients:  # clip the summed gradients, as lesson 04 did
                accelerator.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            if accelerator.sync_gradients:
                scheduler.step()
            optimizer.zero_grad()
    return loss.item()

# %% [markdown]
# Evaluation: each process predicts on its shard; `gather_for_metrics` collects the predictions
# of all processes and drops the examples that were repeated to give every process the same
# number of batches, so each validation example counts exactly once.

# %% tags=["export"]
def evaluate(accelerator, model, eval_dl):
    metric = helpers.load_metric("glue", "mrpc", keep_in_memory=True)
    model.eval()
    for batch in eval_dl:
        with torch.no_grad():
            predictions = model(**batch).logits.argmax(dim=-1)
        predictions, references = accelerator.gather_for_metrics((predictions, batch["labels"]))
        metric.add_batch(predictions=predictions, references=references)
    return {name: round(value, 3) for name, value in metric.compute().items()}

# %% [markdown]
# Two reports that show the run is really distributed: which examples each rank starts with
# (gathered to every process, printed once by the main process with `accelerator.print`), and a
# checksum of the parameters of every rank after training. The ranks are compared exactly; the
# checksum is printed to two decimals only, because its last digits depend on the CPU (an
# AVX-512 and an AVX2 machine round the same training differently in the sixth decimal).

# %% tags=["export"]
def report_ranks(accelerator, train_dl):
    first = torch.tensor(next(iter(train_dl.batch_sampler))[:4])
    shards = accelerator.gather(first).view(accelerator.num_processes, -1)
    accelerator.print(f"processes: {accelerator.num_processes}, "
                      f"distributed type: {accelerator.distributed_type}")
    for rank, indices in enumerate(shards.tolist()):
        accelerator.print(f"rank {rank}: {len(train_dl)} batches, first examples {indices}")

# %% tags=["export"]
def report_parameters(accelerator, model):
    checksum = sum(p.detach().double().sum() for p in model.parameters()).view(1)
    sums = accelerator.gather(checksum).tolist()
    for rank, value in enumerate(sums):
        accelerator.print(f"rank {rank}: parameter checksum {value:.2f}")
    accelerator.print("identical parameters on every rank:", len(set(sums)) == 1)

# %% [markdown]
# The training function itself. On CPU, `Accelerator(cpu=True)` is needed: without it
# `notebook_launcher` silently runs two separate, duplicate trainings instead of one distributed
# training. The `Accelerator` must be created *inside* the function, in each process; its
# settings (`cpu`, `mixed_precision`, `gradient_accumulation_steps`) come in `config["accelerator"]`.

# %% [markdown]
# Saving: wait until every process has finished, take the model out of its
# `DistributedDataParallel` wrapper with `unwrap_model`, and write from the main process only
# (`accelerator.save` writes once). `accelerator.save_model(model, folder)` does the same for the
# weights alone; `save_pretrained` also writes the config, so `from_pretrained` can load it.

# %% tags=["export"]
def save_trained(accelerator, model, tokenizer, output_dir):
    accelerator.wait_for_everyone()
    unwrapped = accelerator.unwrap_model(model)
    unwrapped.save_pretrained(output_dir, is_main_process=accelerator.is_main_process,
                              save_function=accelerator.save)
    if accelerator.is_main_process:
        tokenizer.save_pretrained(output_dir)

# %% tags=["export"]
def training_function(config):
    accelerator = Accelerator(**config["accelerator"])
    set_seed(config["seed"])
    prepared = helpers.prepare_glue(config["checkpoint"], "mrpc", config["max_train_samples"])
    train_dl, eval_dl = make_dataloaders(prepared, config["batch_size"])
    model = AutoModelForSequenceClassification.from_pretrained(config["checkpoint"], num_labels=2)
    optimizer = torch.optim.AdamW(model.parameters(), lr=config["lr"], weight_decay=0.0)
    model, optimizer, train_dl, eval_dl = accelerator.prepare(model, optimizer, train_dl, eval_dl)
    steps = config["epochs"] * math.ceil(len(train_dl) / accelerator.gradient_accumulation_steps)
    scheduler = get_scheduler("linear", optimizer, num_warmup_steps=0, num_training_steps=steps)
    report_ranks(accelerator, train_dl)
    for epoch in range(config["epochs"]):
        loss = train_one_epoch(accelerator, model, optimizer, scheduler, train_dl)
        accelerator.print(f"epoch {epoch}: last loss {loss:.4f}, {evaluate(accelerator, model, eval_dl)}")
    report_parameters(accelerator, model)
    save_trained(accelerator, model, prepared.tokenizer, config["output_dir"])

# %% [markdown]
# ## A real distributed run from the notebook
# `notebook_launcher` forks the processes, sets up `torch.distributed` between them and calls the
# function in each. How many processes depends on the machine, and `helpers.launch_plan` makes
# that choice:
#
# | devices | processes | what happens |
# |---|---|---|
# | no GPU (this CPU, Colab's default runtime) | 2 | two CPU processes, `Accelerator(cpu=True)`, gloo backend |
# | one GPU (Colab with a T4) | 1 | the launcher calls the function once, in this process, on the GPU: a distributed run needs two devices (a second process would ask for a `cuda:1` that does not exist), so the report shows one rank |
# | 2 or more GPUs | one per GPU | NCCL backend, mixed precision in full mode |
#
# The processes inherit the notebook's environment, so they find the tiny checkpoints in tiny
# mode. We give them a free port for their rendezvous. With several GPUs, no cell may touch
# CUDA before the launcher (the setup cell only counts the GPUs).

# %%
from accelerate import notebook_launcher

training = helpers.settings(course.mode, course.device)
plan = helpers.launch_plan(course.gpus, course.mixed_precision)
print(plan.explanation)
train_config = {
    "accelerator": {"cpu": plan.cpu, "mixed_precision": plan.mixed_precision,
                    "gradient_accumulation_steps": 1},  # try 2: half as many optimizer steps
    "checkpoint": helpers.checkpoint("bert-base-uncased"), "seed": course.seed,
    "epochs": training.epochs, "batch_size": training.batch_size, "lr": training.learning_rate,
    "max_train_samples": training.max_train_samples, "output_dir": str(course.run_dir / "model"),
}
notebook_launcher(training_function, (train_config,), num_processes=plan.num_processes,
                  use_port=str(helpers.free_port()))

# %% [markdown]
# (On CPU, the course's pinned accelerate 1.15 says "2 CUDAs" in the launcher's first line even
# on a machine without a GPU; newer releases say "2 CPUs". The report below, `MULTI_CPU`, is
# what the processes really use.)
#
# With two processes, each rank gets half of the batches and starts from different examples;
# after the optimizer steps both hold the same parameters, because `prepare` wrapped the model
# in `DistributedDataParallel`, which averages the gradients of all processes before each step.
# The main process then saved the trained model; it loads like any checkpoint.
#
# **Why does it score below lesson 04's loop?** Same data, epochs and learning rate, but each
# optimizer step now averages the gradients of 2 processes × `batch_size` examples: an effective
# batch twice as large, so each epoch makes half as many steps (the rank lines above print each
# process's batches: half of lesson 04's), and the model moves half as often. That is the usual
# price of data parallelism; to get lesson 04's curve back, train more epochs or raise the
# learning rate with the effective batch. `gradient_accumulation_steps=2` in one process would
# give the same effective batch, and the same gap.

# %%
helpers.show_files(course.run_dir / "model")
AutoModelForSequenceClassification.from_pretrained(course.run_dir / "model").num_labels

# %% [markdown]
# ### Try it: batches per process
# In tiny mode the 350 training pairs in batches of 16 make 22 batches, 11 per process for 2
# processes (the rank report above prints them). How many batches would each process get with
# 8 processes?
# The solution is folded away in the cell after yours: show it when you have tried.

# %%
batches_per_process = None  # your answer
helpers.check_batches_per_process(350, 16, 8, batches_per_process)

# %% tags=["solution"] cellView="form" jupyter={"source_hidden": true}
# @title Solution (double-click to show)
import math

batches_per_process = math.ceil(math.ceil(350 / 16) / 8)
helpers.check_batches_per_process(350, 16, 8, batches_per_process)

# %% [markdown]
# ## The same function as a script
# `scripts/accelerate_mrpc.py` (written by `make scripts`, committed) holds these functions and a `main()`
# that reads the course settings. From the repository root, two CPU processes:
#
# ```bash
# COURSE_MODE=tiny accelerate launch --multi_gpu --num_processes 2 scripts/accelerate_mrpc.py --cpu
# ```
#
# Mind the flags: `accelerate launch --cpu --num_processes 2` starts **one** process (multi-CPU
# launching then expects MPI); `--multi_gpu --num_processes 2` starts two through torchrun, and
# the script's `--cpu` makes each use `Accelerator(cpu=True)` and gloo. On a machine with GPUs or a
# TPU, run `accelerate config` once and then `accelerate launch scripts/accelerate_mrpc.py`: the
# code does not change. A test runs the two-process command above and checks what it prints.

# %%
command = "accelerate launch --multi_gpu --num_processes 2 scripts/accelerate_mrpc.py --cpu"
print(command)
# to run it from this notebook (tiny mode): !cd .. && COURSE_MODE=tiny {command}

# %% [markdown]
# ## Three things to know
# - **`accelerate config`** asks a few questions (which machine, how many processes, mixed
#   precision, DeepSpeed/FSDP) and writes a config file that `accelerate launch` reads, so the
#   same script runs on a laptop, a multi-GPU server or a TPU without code changes.
# - **Mixed precision** (`Accelerator(mixed_precision="fp16"` or `"bf16")`) computes most of the
#   forward and backward in 16-bit floats: about twice as fast and half the activation memory on
#   modern GPUs; `accelerator.backward` scales the fp16 loss so small gradients do not vanish.
# - **Gradient accumulation** (`Accelerator(gradient_accumulation_steps=4)` with
#   `with accelerator.accumulate(model):` around the step) adds up the gradients of several small
#   batches before one optimizer step: a larger effective batch than fits in memory.

# %% [markdown]
# ## Quiz
# Replace `None` with the letter of your answer and run the cell: a right answer says why it
# is right, a wrong one gives a hint, and you can try again.

# %%
helpers.quiz("05.1", answer=None)

# %%
helpers.quiz("05.2", answer=None)

# %%
helpers.quiz("05.3", answer=None)

# %%
helpers.quiz("05.4", answer=None)

# %%
helpers.quiz("05.5", answer=None)

# %%
helpers.quiz("05.6", answer=None)

# %% [markdown]
# ## Summary
# - `Accelerator()` + `accelerator.prepare(model, optimizer, dataloaders)` + `accelerator.backward`
#   turn a plain loop into one that runs on any number of devices; no `.to(device)`.
# - Evaluate with `accelerator.gather_for_metrics`, print with `accelerator.print`.
# - `notebook_launcher(fn, args, num_processes=2)` runs a real distributed training from a
#   notebook; on CPU create `Accelerator(cpu=True)` inside `fn`.
# - Scripts: `accelerate config` once, then `accelerate launch script.py`.
# - Mixed precision speeds up GPU training; gradient accumulation gives larger effective batches.
#
# Next: **06 · Efficient fine-tuning with PEFT and LoRA**.
