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
# # 11 · Making models small and serving them
#
# **Goals.** By the end of this lesson you can
# - measure a model the way a deployment sees it: size on disk, latency per batch on CPU, and
#   the test score, in one table;
# - export a model to **ONNX** with `torch.onnx.export` and run it with **onnxruntime**,
#   checking that the logits agree;
# - **quantize** it to int8 with onnxruntime's dynamic quantization;
# - **distil** a smaller student from it with a soft-target loss in a `Trainer` subclass;
# - **prune** its weights by magnitude and see what that does and does not buy;
# - serve the review models in a small web app.
#
# > **About the saved outputs.** The outputs stored in this notebook come from *tiny mode*:
# > chapter 09's sentiment model as the course commits it (a 64-dimensional, two-layer Korean
# > stand-in), where the word embeddings are most of the weights; in full mode it is
# > `klue/roberta-base` (110 M parameters, about 440 MB in fp32). Latencies are
# > timings: they change from run to run and machine to machine, so those cells are not
# > compared by the course's tests; sizes and the checks next to the scores are.

# %% [markdown]
# [![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)](https://colab.research.google.com/github/hf-course/notebooks/blob/main/notebooks/11_compression_and_serving.ipynb) In Colab, run the setup cell below first (hidden; elsewhere it does nothing).
#
# **Full mode without a GPU** (measured 2026-12-06; 2 CPU cores, x86_64, torch 2.13.0 CPU build, offline): about 1 min with the tiny stand-ins in place of the Hub models (the Hub was out of reach); the real models add their download and their compute, not measured here.

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
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "-e", "/content/hf-course[serve]"],
                   check=True)
    for folder in site.getsitepackages():
        site.addsitedir(folder)  # picks up the editable install without a restart

# %%
import helpers

course = helpers.setup_notebook(chapter="11_compression_and_serving")
helpers.require_extra("serve", "onnx", "onnxruntime", "onnxscript")

# %% [markdown]
# ## The model and what we measure
# The sentiment model of chapter 09 answers "how does this review feel about this keyword?" for
# (review, keyword) pairs. We measure it on the test split's pairs, on the CPU (where most
# small deployments run), in batches of 32.

# %%
import numpy as np
import pandas as pd
import torch

models = helpers.ReviewModels.load(helpers.review_models_dir(course.mode), "cpu")
teacher, tokenizer = models.sentiment, models.tokenizer
reviews = helpers.load_reviews()
test_pairs = helpers.sentiment_pairs(reviews[reviews.split == "test"])
encoded = tokenizer(list(test_pairs.review), list(test_pairs.keyword), padding=True,
                    return_tensors="np")
inputs = {name: encoded[name] for name in ("input_ids", "attention_mask")}
labels = test_pairs.label.to_numpy()
print(len(labels), "test pairs, padded to", inputs["input_ids"].shape[1], "tokens")

# %% [markdown]
# Every version of the model below is a function from a batch (numpy arrays) to logits, so
# one `measure` serves them all: accuracy over the test pairs, and the median time of one
# batch of 32 over a few runs.

# %%
import time


def accuracy(logits_of, batch_size=32):
    logits = np.concatenate([logits_of({k: v[i:i + batch_size] for k, v in inputs.items()})
                             for i in range(0, len(labels), batch_size)])
    return float((logits.argmax(axis=1) == labels).mean())

# %%
def latency_ms(logits_of, repeats=20):
    batch = {k: v[:32] for k, v in inputs.items()}
    logits_of(batch)  # warm-up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        logits_of(batch)
        times.append(time.perf_counter() - start)
    return 1000 * float(np.median(times))

# %%
def torch_logits(model):
    def logits_of(batch):
        with torch.no_grad():
            tensors = {k: torch.from_numpy(v) for k, v in batch.items()}
            return model(**tensors).logits.numpy()

    return logits_of


def measure(logits_of, folder):
    return {"size (KB)": helpers.folder_size(folder) / 1024,
            "ms per batch of 32": latency_ms(logits_of), "test accuracy": accuracy(logits_of)}

# %% tags=["nbval-ignore-output"]
saved = course.run_dir / "models"
teacher.save_pretrained(saved / "fp32")
results = {"PyTorch fp32": measure(torch_logits(teacher), saved / "fp32" / "model.safetensors")}
results["PyTorch fp32"]

# %% [markdown]
# ## ONNX export and onnxruntime
# ONNX is a file format for the computation graph and its weights; onnxruntime runs it fast
# on CPUs (and other hardware) without PyTorch. `torch.onnx.export(..., dynamo=True)` traces
# the model with `torch.export`; `dynamic_shapes` keeps the batch and sequence lengths free.
# (The older TorchScript exporter, `dynamo=False`, is deprecated.) Without `f=` it returns an
# `ONNXProgram` to inspect before saving: each node carries the exporter's debugging notes
# (the Python source line it came from, with this machine's paths), which we drop so the file
# is the same on every machine and holds only the graph and the weights.

# %%
import logging

logging.getLogger("torch.onnx").setLevel(logging.ERROR)  # it lists vision operators it skips
example = {k: torch.from_numpy(v[:2]) for k, v in inputs.items()}
free = {0: torch.export.Dim("batch"), 1: torch.export.Dim("sequence")}
program = torch.onnx.export(teacher, (), kwargs=example, dynamo=True,
                            input_names=["input_ids", "attention_mask"], output_names=["logits"],
                            dynamic_shapes={"input_ids": free, "attention_mask": free},
                            verbose=False)
for node in program.model.graph.all_nodes():
    node.metadata_props.clear()
(saved / "onnx").mkdir(exist_ok=True)
program.save(saved / "onnx" / "model.onnx", external_data=True)  # weights in model.onnx.data
helpers.show_files(saved / "onnx")

# %% [markdown]
# onnxruntime runs the graph from a session, here with as many threads as PyTorch uses, so
# the timings compare like with like. The parity check compares its logits with PyTorch's on
# the same batch: fp32 on both sides, so they agree far below the 1e-4 the check allows (the
# order of additions differs, not the arithmetic; the gap is printed).

# %%
import onnxruntime

options = onnxruntime.SessionOptions()
options.intra_op_num_threads = torch.get_num_threads()


def onnx_session(path):
    return onnxruntime.InferenceSession(path, options, providers=["CPUExecutionProvider"])

# %%
session = onnx_session(saved / "onnx" / "model.onnx")


def onnx_logits(session):
    return lambda batch: session.run(["logits"], batch)[0]


gap = np.abs(onnx_logits(session)(inputs) - torch_logits(teacher)(inputs)).max()
print("largest logit gap below 1e-4:", bool(gap < 1e-4))

# %% tags=["nbval-ignore-output"]
print(f"largest logit gap: {gap:.2e}")
results["ONNX fp32"] = measure(onnx_logits(session), saved / "onnx")

# %% [markdown]
# ## Dynamic int8 quantization
# Dynamic quantization stores the weights of the matrix multiplications, and onnxruntime's also
# the embedding tables (their lookups, `Gather`), as 8-bit integers (4× smaller than fp32) and
# quantizes each activation on the fly; nothing is retrained.
# onnxruntime's `quantize_dynamic` does it on the ONNX file. (PyTorch's old route,
# `torch.ao.quantization.quantize_dynamic`, is deprecated and scheduled for removal.)

# %%
from onnxruntime.quantization import QuantType, quantize_dynamic
from onnxruntime.quantization.shape_inference import quant_pre_process

# The recommended first step: infer every tensor's shape and fold constants.
quant_pre_process(saved / "onnx" / "model.onnx", saved / "prepared.onnx")
(saved / "int8").mkdir(exist_ok=True)
quantize_dynamic(saved / "prepared.onnx", saved / "int8" / "model.onnx",
                 weight_type=QuantType.QInt8)
int8_session = onnx_session(saved / "int8" / "model.onnx")

# %% tags=["nbval-ignore-output"]
results["ONNX int8"] = measure(onnx_logits(int8_session), saved / "int8")
results["ONNX int8"]

# %% [markdown]
# ## Knowledge distillation: a smaller student
# A **student** with half the layers learns from the **teacher**'s probabilities (soft
# targets) as well as from the labels. Softening both with a temperature `T` shows the student
# how the teacher ranks the wrong levels too ("부정, or at worst 중립"), which one-hot labels
# never say. The loss: `α · CE(student, labels) + (1 − α) · T² · KL(teacher_T ‖ student_T)`.
# DistilBERT started its student from every other layer of BERT; so do we.

# %%
from torch import nn
from transformers import AutoModelForSequenceClassification, Trainer

config = teacher.config.to_dict() | {"num_hidden_layers": teacher.config.num_hidden_layers // 2}
student = AutoModelForSequenceClassification.from_config(type(teacher.config).from_dict(config))
student.base_model.embeddings.load_state_dict(teacher.base_model.embeddings.state_dict())
for i, layer in enumerate(student.base_model.encoder.layer):
    layer.load_state_dict(teacher.base_model.encoder.layer[2 * i].state_dict())
student.classifier.load_state_dict(teacher.classifier.state_dict())
print("teacher parameters:", teacher.num_parameters(), " student:", student.num_parameters())

# %%
class DistillationTrainer(Trainer):
    def __init__(self, *args, teacher, temperature=2.0, alpha=0.5, **kwargs):
        super().__init__(*args, **kwargs)
        self.teacher = teacher.to(self.args.device).eval()
        self.temperature, self.alpha = temperature, alpha

    def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
        outputs = model(**inputs)  # with labels in inputs, outputs.loss is the hard-label loss
        with torch.no_grad():
            soft = self.teacher(**inputs).logits / self.temperature
        kl = nn.functional.kl_div(nn.functional.log_softmax(outputs.logits / self.temperature, -1),
                                  nn.functional.softmax(soft, -1), reduction="batchmean")
        loss = self.alpha * outputs.loss + (1 - self.alpha) * self.temperature**2 * kl
        return (loss, outputs) if return_outputs else loss

# %%
from datasets import Dataset
from transformers import DataCollatorWithPadding, TrainingArguments

train_pairs = helpers.sentiment_pairs(reviews[reviews.split == "train"])
train_data = Dataset.from_pandas(
    train_pairs[["review", "keyword", "label"]].rename(columns={"label": "labels"})
).map(lambda b: tokenizer(b["review"], b["keyword"], truncation=True), batched=True,
      remove_columns=["review", "keyword"])
settings = helpers.review_settings(course.mode)
args = TrainingArguments(
    output_dir=str(course.run_dir / "student"), num_train_epochs=settings.epochs // 2,
    learning_rate=settings.learning_rate, per_device_train_batch_size=settings.batch_size,
    save_strategy="no", logging_strategy="epoch", use_cpu=course.device == "cpu",
    fp16=course.fp16, seed=course.seed)

# %% tags=["nbval-ignore-output"]
distiller = DistillationTrainer(student, args, train_dataset=train_data, teacher=teacher,
                                data_collator=DataCollatorWithPadding(tokenizer))
distiller.train()
student = student.cpu().eval()
student.save_pretrained(saved / "student")
results["distilled student"] = measure(torch_logits(student),
                                       saved / "student" / "model.safetensors")
results["distilled student"]

# %% [markdown]
# ## Magnitude pruning
# Pruning sets the smallest weights to zero. `torch.nn.utils.prune` does it with a mask;
# `global_unstructured` ranks the weights of all the encoder's linear layers together, and
# `prune.remove` makes the zeros permanent. The file keeps its size (a dense tensor stores
# its zeros) and dense kernels are not faster: the gain comes only with sparse storage or
# sparse kernels, which this lesson does not use.

# %%
import copy

from torch.nn.utils import prune


def pruned(model, amount):
    """A copy of `model` with the `amount` share of its encoder's linear weights set to zero."""
    copy_ = copy.deepcopy(model)
    weights = [(m, "weight") for m in copy_.base_model.encoder.modules()
               if isinstance(m, nn.Linear)]
    prune.global_unstructured(weights, pruning_method=prune.L1Unstructured, amount=amount)
    for module, name in weights:
        prune.remove(module, name)
    return copy_

# %%
sparsity_scores = {}
for amount in (0.3, 0.5, 0.7, 0.9):
    model = pruned(teacher, amount)
    zeros = sum(int((m.weight == 0).sum()) for m in model.base_model.encoder.modules()
                if isinstance(m, nn.Linear))
    total = sum(m.weight.numel() for m in model.base_model.encoder.modules()
                if isinstance(m, nn.Linear))
    sparsity_scores[f"{amount:.0%}"] = (round(zeros / total, 3), accuracy(torch_logits(model)))
pd.DataFrame(sparsity_scores, index=["sparsity", "test accuracy"]).T.round(3)

# %%
model = pruned(teacher, 0.5)
model.save_pretrained(saved / "pruned-50")
results["pruned 50%"] = measure(torch_logits(model), saved / "pruned-50" / "model.safetensors")

# %% [markdown]
# ### Try it: prune 80%
# Make `pruned_80`, a copy of `teacher` with 80% of its encoder's linear weights set to zero
# for good (the masks removed), without using the `pruned` function above. The solution is
# folded away in the cell after yours.

# %%
pruned_80 = None  # copy the teacher, prune.global_unstructured(..., amount=0.8), prune.remove
helpers.check_pruned(pruned_80, 0.8)

# %% tags=["solution"] cellView="form" jupyter={"source_hidden": true}
# @title Solution (double-click to show)
pruned_80 = copy.deepcopy(teacher)
weights = [(m, "weight") for m in pruned_80.base_model.encoder.modules()
           if isinstance(m, nn.Linear)]
prune.global_unstructured(weights, pruning_method=prune.L1Unstructured, amount=0.8)
for module, name in weights:
    prune.remove(module, name)
helpers.check_pruned(pruned_80, 0.8)

# %% [markdown]
# ## All of it in one table

# %% tags=["nbval-ignore-output"]
table = pd.DataFrame(results).T
table.round({"size (KB)": 0, "ms per batch of 32": 2, "test accuracy": 3})

# %% [markdown]
# The timings above vary between runs; the sizes and these checks do not:

# %%
print(table["size (KB)"].round().astype(int).to_dict())
fp32 = table.loc["PyTorch fp32", "test accuracy"]
print("ONNX fp32 scores the same as PyTorch:", table.loc["ONNX fp32", "test accuracy"] == fp32)
print("int8 within 0.02 of fp32:", abs(table.loc["ONNX int8", "test accuracy"] - fp32) <= 0.02)
print("int8 file smaller than the ONNX fp32 one:",
      table.loc["ONNX int8", "size (KB)"] < table.loc["ONNX fp32", "size (KB)"])
print("student above always-긍정 (0.456):", table.loc["distilled student", "test accuracy"] > 0.5)

# %% [markdown]
# **Reading it.** ONNX changes nothing about the scores (the parity check) and runs without
# PyTorch; its file is a little larger than the safetensors one here, because the graph itself
# and some constants are stored too. int8 stores the linear layers' matrices and the embedding
# tables 4× smaller, so the whole file shrinks by a little less than that (the printed sizes:
# biases and layer norms stay in fp32), on the stand-in as on `klue/roberta-base`. The student drops half the layers (a quarter of the stand-in's parameters: the
# embeddings stay) and scores close to the teacher; on 307 test pairs a gap of a few pairs
# either way is noise. Pruning keeps accuracy up to a point, then collapses, and without
# sparse storage it saves nothing on disk. On a busy 2-core machine the tiny timings say
# little; in full mode on `klue/roberta-base` the differences are large.
#
# ## Serving: the review app
# `apps/review_app.py` is a small Streamlit app over both review models: type a review, see its
# keywords, their sentiment and the words that mattered. Start it with `make app` (tiny
# stand-ins; `COURSE_MODE=full make app` for the models chapter 09 saved in full mode) and open
# the address it prints. The course tests it the way a person uses it: Streamlit's `AppTest`,
# and a real headless Chromium that types a review and reads the page.

# %% [markdown]
# ## Quiz
# Replace `None` with the letter of your answer and run the cell: a right answer says why it
# is right, a wrong one gives a hint, and you can try again.

# %%
helpers.quiz("11.1", answer=None)

# %%
helpers.quiz("11.2", answer=None)

# %%
helpers.quiz("11.3", answer=None)

# %%
helpers.quiz("11.4", answer=None)

# %%
helpers.quiz("11.5", answer=None)

# %% [markdown]
# ## Summary
# - Measure size, latency and score together; latency is a timing, so compare it on one
#   machine in one run.
# - `torch.onnx.export(dynamo=True)` + onnxruntime: the same logits (checked), no PyTorch
#   needed to serve.
# - onnxruntime's `quantize_dynamic`: int8 weights for the linear layers and the embedding
#   tables, no retraining.
# - Distillation: a half-depth student trained on soft targets (temperature) and labels, in a
#   `Trainer` subclass's `compute_loss`.
# - Magnitude pruning zeroes weights; it pays only with sparse storage or kernels.
#
# Next: **12 · Instruction tuning with TRL**.
