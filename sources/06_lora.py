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
# # 06 · Parameter-efficient fine-tuning with LoRA and `peft`
#
# **Goals.** By the end of this lesson you can
# - say why adapters exist: what full fine-tuning costs, and what LoRA trains instead;
# - write a `LoraConfig` for sequence classification (`r`, `lora_alpha`, `lora_dropout`, `bias`,
#   `target_modules`) and find the layer names to target in *any* model;
# - wrap a model with `get_peft_model`, count its trainable parameters and train it with `Trainer`;
# - compare full fine-tuning and LoRA on MRPC: trainable parameters, size on disk, time, scores;
# - save an adapter, reload it with `PeftModel.from_pretrained`, and merge it into the base model.
#
# > **About the saved outputs.** The outputs stored in this notebook come from *tiny mode*: a tiny
# > BERT stand-in (hidden size 64, 2 layers) and the course's small paraphrase set, so the notebook
# > runs offline in seconds and our tests can compare every output. The code is the real code;
# > the tiny scores show both models learning the course's simple pairs; scores that say
# > something about MRPC come from full mode (Colab, or any machine that reaches the Hub).

# %% [markdown]
# [![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)](https://colab.research.google.com/github/hf-course/notebooks/blob/main/notebooks/06_lora.ipynb) In Colab, run the setup cell below first (hidden; elsewhere it does nothing).
#
# **Full mode without a GPU** (measured 2026-12-06; 2 CPU cores, x86_64, torch 2.13.0 CPU build, offline): about 7 min with the small encoder all-MiniLM-L6-v2 in place of `bert-base-uncased`, which has five times its parameters: pick a GPU runtime for it.

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

course = helpers.setup_notebook(chapter="06_lora")

# %% [markdown]
# ## Why adapters?
# Full fine-tuning (lesson 03) updates **every** weight: for `bert-base-uncased` that is about
# 110 million parameters, their gradients and two Adam moments in memory, and a full 440 MB copy
# of the model saved for each task you train.
#
# **LoRA** (low-rank adaptation) freezes the pretrained weights. Next to a chosen weight matrix
# $W$ ($d \times k$) it learns two small matrices $B$ ($d \times r$) and $A$ ($r \times k$) with a
# small rank $r$, and the layer computes $W x + \frac{\alpha}{r} B A x$. $B$ starts at zero, so
# training starts from exactly the pretrained model. Only $A$, $B$ (and the new classifier head)
# are trained and saved: a few hundred kilobytes instead of hundreds of megabytes.
#
# The `peft` library has other methods with the same workflow: **IA3** learns only scaling vectors
# for keys, values and feed-forward activations (even fewer parameters), and **prompt tuning**
# learns a few "virtual token" embeddings prepended to the input while the model stays untouched.

# %% [markdown]
# ## The data: chapter 03's MRPC preparation
# `helpers.prepare_glue` is lesson 03's recipe (load GLUE MRPC, tokenize the sentence pairs with
# truncation, pad per batch with `DataCollatorWithPadding`), so both trainings below see the same data.

# %%
checkpoint = helpers.checkpoint("bert-base-uncased")
train_settings = helpers.settings(course.mode, course.device)
mrpc = helpers.prepare_glue(checkpoint, "mrpc", train_settings.max_train_samples, course.seed)
{split: len(rows) for split, rows in mrpc.tokenized.items()}

# %% [markdown]
# One function builds the `TrainingArguments` of both runs, from the course's settings for the
# mode and device (in tiny mode: 6 quick epochs; in full mode without a GPU: a sample of the
# training pairs). `logging_strategy="epoch"` keeps the log to one line per epoch.

# %%
from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments



def training_args(name, learning_rate):
    return TrainingArguments(
        output_dir=str(course.run_dir / name), eval_strategy="epoch", save_strategy="no",
        logging_strategy="epoch", learning_rate=learning_rate,
        num_train_epochs=train_settings.epochs, per_device_train_batch_size=train_settings.batch_size,
        per_device_eval_batch_size=train_settings.batch_size,
        use_cpu=course.device == "cpu", fp16=course.fp16, seed=course.seed,
    )


# %%
def make_trainer(model, args):
    return Trainer(
        model=model, args=args, train_dataset=mrpc.tokenized["train"],
        eval_dataset=mrpc.tokenized["validation"], data_collator=mrpc.collator,
        processing_class=mrpc.tokenizer,  # formerly the `tokenizer` argument
        compute_metrics=helpers.compute_metrics_for("mrpc"),
    )


# %% [markdown]
# ## Baseline: full fine-tuning
# Every parameter of the model trains, with the course's usual learning rate.

# %%
full_model = AutoModelForSequenceClassification.from_pretrained(checkpoint, num_labels=2)
full_trainer = make_trainer(full_model, training_args("full", train_settings.learning_rate))
full_run = full_trainer.train()
full_scores = full_trainer.evaluate()

# %% [markdown]
# The Trainer prints its log as it goes; the timing entries (`..._runtime`, `..._per_second`)
# change from run to run, everything else is repeatable.
#
# ## LoRA with `peft`
# Which layers should get an adapter? LoRA wraps `nn.Linear` layers (GPT-2's `Conv1D` too),
# chosen by the **last part of their name**. The names differ between architectures, so list them:

# %%
import torch

base_model = AutoModelForSequenceClassification.from_pretrained(checkpoint, num_labels=2)
linear_names = [name for name, module in base_model.named_modules()
                if isinstance(module, torch.nn.Linear)]
print(linear_names[:6])
sorted({name.rsplit(".", 1)[-1] for name in linear_names})

# %% [markdown]
# In BERT, the attention projections are `query`, `key` and `value`; `dense` is the attention
# output and the feed-forward layers. The LoRA paper's classic choice is `query` and `value`.
# Other architectures name them differently; this small table maps the model type (in
# `model.config.model_type`) to its query and value projections, so the lesson runs with any of
# them (swap the checkpoint above for `distilbert-base-uncased` and try).

# %%
QUERY_VALUE = {
    "bert": ["query", "value"], "roberta": ["query", "value"], "distilbert": ["q_lin", "v_lin"],
    "gpt2": ["c_attn"],  # GPT-2 fuses query, key and value into one layer
    "llama": ["q_proj", "v_proj"],
}
target_modules = QUERY_VALUE[base_model.config.model_type]
target_modules

# %%
from peft import LoraConfig, TaskType, get_peft_model

lora_config = LoraConfig(
    task_type=TaskType.SEQ_CLS,         # a classifier: the new head trains and is saved too
    r=8,                                # rank of the update B·A
    lora_alpha=16,                      # the update is scaled by lora_alpha / r
    lora_dropout=0.1,                   # dropout on the input of the LoRA branch
    bias="none",                        # biases stay frozen ("all", "lora_only" train them)
    target_modules=target_modules,      # BERT's ["query", "value"]; see the table above
)

# %% [markdown]
# `get_peft_model` freezes the base model and inserts the LoRA layers.

# %%
lora_model = get_peft_model(base_model, lora_config)
lora_model.print_trainable_parameters()

# %% [markdown]
# In full mode the same config trains 296,450 of about 110 million parameters of `bert-base-uncased`
# (0.27%): 24 matrices of 2 × 768 × 8 plus the 1,538 of the head. The tiny model is so small that
# its share is larger. LoRA usually needs a **higher learning rate** than full fine-tuning (often
# 10× higher, e.g. 5e-4 instead of 5e-5 for BERT base): few parameters move, and B starts at zero.

# %%
lora_trainer = make_trainer(lora_model, training_args("lora", 10 * train_settings.learning_rate))
lora_run = lora_trainer.train()
lora_scores = lora_trainer.evaluate()

# %% [markdown]
# ## Full fine-tuning vs LoRA, measured
# Save both the way you would keep them: the whole model, or only the adapter. Then compare what
# each run trained, what it stored (the weights files), and its scores on the validation split.

# %%
full_dir, adapter_dir = course.run_dir / "full-model", course.run_dir / "lora-adapter"
full_model.save_pretrained(full_dir)
lora_model.save_pretrained(adapter_dir)
print(sorted(p.name for p in full_dir.iterdir()))
print(sorted(p.name for p in adapter_dir.iterdir()))

# %%
import pandas as pd

runs = {"full fine-tuning": (full_model, full_dir, full_scores),
        "LoRA r=8": (lora_model, adapter_dir, lora_scores)}
table = pd.DataFrame.from_dict({
    method: {"trainable parameters": sum(p.numel() for p in model.parameters() if p.requires_grad),
             "weights on disk (KiB)": round(helpers.folder_size(folder, "*.safetensors") / 1024, 1),
             "accuracy": round(scores["eval_accuracy"], 3), "F1": round(scores["eval_f1"], 3)}
    for method, (model, folder, scores) in runs.items()}, orient="index")
table

# %% [markdown]
# Training time is measured on this machine, so it changes from run to run (this cell's saved
# output is not compared by the tests):

# %% tags=["nbval-ignore-output"]
table["training time (s)"] = [full_run.metrics["train_runtime"], lora_run.metrics["train_runtime"]]
table["training time (s)"].round(2)

# %%
chart = helpers.compare_bars(table.to_dict(orient="index"), "Full fine-tuning vs LoRA on MRPC",
                             log=["trainable parameters", "weights on disk (KiB)"])
chart.series["F1"]  # what the F1 panel shows: full fine-tuning, then LoRA

# %% [markdown]
# **Reading the table.** LoRA trains and stores a small fraction of the parameters. It need not
# train faster: the frozen forward and backward passes still run and the adapters add a little
# work, so on a tiny model it can be slower (the measured times above); on
# `bert-base-uncased` with a GPU, LoRA saves optimizer memory and the adapter file is about 1 MB
# instead of 440 MB. In tiny mode both models learn the course's pairs, but on 75 validation
# pairs one pair is 0.013 of accuracy: a gap of a few pairs between them is noise. In full mode, the Hugging Face course reports about 0.86 accuracy and 0.90 F1 for full
# fine-tuning of `bert-base-uncased` on MRPC; LoRA on `query`/`value` usually comes close, often
# with a few more epochs or a larger `r`. Run the notebook in full mode to measure it yourself.
#
# ## Save, reload, merge
# The adapter folder holds `adapter_config.json` (the `LoraConfig` and the base model's name),
# `adapter_model.safetensors` (A, B and the head) and a draft model card, `README.md`. To use it,
# load the base model again and put the adapter on top. First, logits of the trained model:

# %%
rows = mrpc.tokenized["validation"].select(range(8))
batch = mrpc.collator(list(rows.remove_columns(["sentence1", "sentence2", "idx", "label"])))
lora_model.eval()
with torch.no_grad():
    trained_logits = lora_model(**batch).logits
trained_logits.shape

# %%
from peft import PeftModel

base_again = AutoModelForSequenceClassification.from_pretrained(checkpoint, num_labels=2)
reloaded = PeftModel.from_pretrained(base_again, adapter_dir).eval()
with torch.no_grad():
    reloaded_logits = reloaded(**batch).logits
print("reloaded = trained:", torch.equal(reloaded_logits, trained_logits))

# %% [markdown]
# `AutoPeftModelForSequenceClassification.from_pretrained(adapter_dir)` does both steps at once:
# it reads the base model's name from `adapter_config.json`.
#
# For deployment, `merge_and_unload()` adds $\frac{\alpha}{r} B A$ into $W$ and removes the LoRA
# layers: a plain transformers model again, as fast as the original. The sums happen in another
# order, so the logits agree up to float rounding: we accept a difference below **1e-5**.

# %%
merged = reloaded.merge_and_unload()
print(type(merged).__name__)
with torch.no_grad():
    merged_logits = merged(**batch).logits
difference = (merged_logits - trained_logits).abs().max().item()
print("merged ≈ trained (max |difference| < 1e-5):", difference < 1e-5)

# %% [markdown]
# ### Try it: LoRA for another architecture
# Write a `LoraConfig` for **DistilBERT** (sequence classification): pick `r` and the attention
# layers to target. Use the listing cell above on `distil` to find DistilBERT's names.
# The solution is folded away in the cell after yours: show it when you have tried.

# %%
distil = AutoModelForSequenceClassification.from_pretrained(
    helpers.checkpoint("distilbert-base-uncased"), num_labels=2)
my_config = None  # LoraConfig(task_type=..., r=..., target_modules=[...])
helpers.check_lora_config(distil, my_config)

# %% tags=["solution"] cellView="form" jupyter={"source_hidden": true}
# @title Solution (double-click to show)
my_config = LoraConfig(task_type=TaskType.SEQ_CLS, r=8, lora_alpha=16, lora_dropout=0.1,
                       target_modules=["q_lin", "v_lin"])
helpers.check_lora_config(distil, my_config)

# %% [markdown]
# ## Quiz
# Replace `None` with the letter of your answer and run the cell: a right answer says why it
# is right, a wrong one gives a hint, and you can try again.

# %%
helpers.quiz("06.1", answer=None)

# %%
helpers.quiz("06.2", answer=None)

# %%
helpers.quiz("06.3", answer=None)

# %%
helpers.quiz("06.4", answer=None)

# %%
helpers.quiz("06.5", answer=None)

# %%
helpers.quiz("06.6", answer=None)

# %% [markdown]
# ## Summary
# - Full fine-tuning trains and stores every weight; LoRA freezes them and learns a low-rank
#   update $\frac{\alpha}{r} B A$ for chosen layers (IA3 and prompt tuning are other `peft` methods).
# - `LoraConfig(task_type=TaskType.SEQ_CLS, r, lora_alpha, lora_dropout, bias, target_modules)`;
#   find the target names with `named_modules()` (BERT `query`/`value`, DistilBERT `q_lin`/`v_lin`).
# - `get_peft_model(model, config)` then the usual `Trainer`, with a higher learning rate.
# - `save_pretrained` writes only the adapter; `PeftModel.from_pretrained(base, folder)` reloads
#   it with the same logits; `merge_and_unload()` folds it into the base model (equal up to 1e-5).
#
# Next: **07 · Sharing models and model cards**.
