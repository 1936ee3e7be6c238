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
# - serve both review models from int8 ONNX files in a Streamlit app you can carry away:
#   input checks, escaped output, parity and latency against PyTorch, tested with `AppTest`;
# - package that app in a container image with a Dockerfile.
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
helpers.require_extra("serve", "onnx", "onnxruntime", "onnxscript", "streamlit")

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

# %% [markdown]
# ## Serving: the review analyser as an app
# A served model needs three things beside it: its files, the code that turns a request into an
# answer, and the list of packages that code imports. We put all of them in one folder,
# `serve/`: both review models as int8 ONNX files (no PyTorch needed to serve them), the
# tokenizer, the app, its requirements and a Dockerfile. From here on the notebook works in that
# folder, as the server will.

# %%
import os
import shutil

serve = course.run_dir / "serve"
shutil.rmtree(serve, ignore_errors=True)  # a fresh folder on every run
(serve / "model").mkdir(parents=True)
os.chdir(serve)

# %% [markdown]
# The sentiment model's int8 file is the one measured above. The keyword model goes through the
# same three steps (export, prepare, quantize), here in one function; the tokenizer's own file
# and a small JSON file of names and the threshold complete the model folder.

# %%
from tempfile import TemporaryDirectory


def export_int8(model, path):
    program = torch.onnx.export(model, (), kwargs=example, dynamo=True,
                                input_names=["input_ids", "attention_mask"],
                                output_names=["logits"], verbose=False,
                                dynamic_shapes={"input_ids": free, "attention_mask": free})
    for node in program.model.graph.all_nodes():
        node.metadata_props.clear()
    with TemporaryDirectory() as tmp:
        program.save(f"{tmp}/model.onnx", external_data=True)
        quant_pre_process(f"{tmp}/model.onnx", f"{tmp}/prepared.onnx")
        quantize_dynamic(f"{tmp}/prepared.onnx", path, weight_type=QuantType.QInt8)

# %%
import json
from pathlib import Path

export_int8(models.keywords, "model/keywords.onnx")
shutil.copy(saved / "int8" / "model.onnx", "model/sentiment.onnx")
tokenizer.backend_tokenizer.save("model/tokenizer.json")
names = {**helpers.ASPECTS_EN, **helpers.LEVELS_EN}
manifest = models.manifest
Path("model/analyser.json").write_text(json.dumps({
    "keywords": manifest.aspects, "levels": manifest.levels, "threshold": manifest.threshold,
    "english": {k: names[k] for k in manifest.aspects + manifest.levels if k in names},
    "mask_token": tokenizer.mask_token, "pad_token": tokenizer.pad_token,
}, ensure_ascii=False, indent=1))
sorted(p.name for p in Path("model").iterdir())

# %% [markdown]
# ### The app
# [Streamlit](https://streamlit.io) turns a Python script into a web page: each widget is a
# function call, and the script reruns from the top on every click. `%%writefile` writes a cell
# to a file instead of running it (`-a` appends), so the app is written in short pieces here and
# runs as one file. It imports public packages only (`onnxruntime`, `tokenizers`, `numpy`,
# `streamlit`), so you can carry it away with its folder. The course's copy,
# `apps/review_analyser/`, is generated from these cells (`make scripts`).

# %%
# %%writefile app.py
"""The review analyser: the keywords a Korean review mentions, their sentiment, and the words
that mattered. Written by chapter 11 of the course; run with `streamlit run app.py`."""

import html
import json
import os
from pathlib import Path

import numpy as np
import onnxruntime
import streamlit as st
from tokenizers import Tokenizer

# %% [markdown]
# The model folder holds everything the answers need: beside the app unless `REVIEW_MODEL_DIR`
# names another. The `tokenizers` library reads the tokenizer's own file (what `AutoTokenizer`
# wraps), told to truncate and pad as the `transformers` tokenizer did.

# %%
# %%writefile -a app.py

MODEL_DIR = Path(os.environ.get("REVIEW_MODEL_DIR", Path(__file__).parent / "model"))
MAX_CHARS = 2000  # longer texts are not reviews (and would be cut to 512 tokens)
MODELS = ("keywords", "sentiment")  # keywords.onnx, sentiment.onnx


def load(folder):
    """Both int8 ONNX models, their tokenizer and their settings, from one folder."""
    config = json.loads((folder / "analyser.json").read_text(encoding="utf-8"))
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=512)
    pad = config["pad_token"]
    tokenizer.enable_padding(pad_id=tokenizer.token_to_id(pad), pad_token=pad)
    models = {m: onnxruntime.InferenceSession(folder / f"{m}.onnx") for m in MODELS}
    return {"config": config, "tokenizer": tokenizer, **models}

# %% [markdown]
# Each model is a function from a batch of texts to logits: the tokenizer encodes the batch
# (a pair, review and keyword, for the sentiment model, as in chapter 09), onnxruntime runs it.
# A sigmoid per keyword gives the keyword model's probabilities, a softmax over the levels the
# sentiment model's.

# %%
# %%writefile -a app.py


def logits(analyser, model, texts, keywords=None):
    texts = list(zip(texts, keywords)) if keywords is not None else list(texts)
    encoded = analyser["tokenizer"].encode_batch(texts)
    batch = {
        "input_ids": np.array([e.ids for e in encoded], dtype=np.int64),
        "attention_mask": np.array([e.attention_mask for e in encoded], dtype=np.int64),
    }
    return analyser[model].run(["logits"], batch)[0]

# %%
# %%writefile -a app.py


def keyword_probabilities(analyser, texts):
    return 1 / (1 + np.exp(-logits(analyser, "keywords", texts)))


def sentiment_probabilities(analyser, texts, keywords):
    z = logits(analyser, "sentiment", texts, keywords)
    exp = np.exp(z - z.max(axis=1, keepdims=True))
    return exp / exp.sum(axis=1, keepdims=True)

# %% [markdown]
# The analysis chains them as chapter 09 did: every keyword at or above the threshold, then the
# sentiment of the review about that keyword.

# %%
# %%writefile -a app.py


def analyse(analyser, text):
    """(keyword, level, probability of that level) for each keyword found, likeliest first."""
    config = analyser["config"]
    found = keyword_probabilities(analyser, [text])[0]
    order = [k for k in np.argsort(-found, kind="stable") if found[k] >= config["threshold"]]
    keywords = [config["keywords"][k] for k in order]
    if not keywords:
        return []
    levels = sentiment_probabilities(analyser, [text] * len(keywords), keywords)
    return [(k, config["levels"][p.argmax()], float(p.max())) for k, p in zip(keywords, levels)]

# %% [markdown]
# The highlights are chapter 09's occlusion: mask each word in turn and measure how much the
# keyword's probability drops, 32 masked copies per batch.

# %%
# %%writefile -a app.py


def highlights(analyser, text, keyword):
    """Each word of `text` with the drop of `keyword`'s probability when it is masked."""
    words, k = text.split(), analyser["config"]["keywords"].index(keyword)
    mask = analyser["config"]["mask_token"]
    batch = [text] + [" ".join([*words[:i], mask, *words[i + 1 :]]) for i in range(len(words))]
    chunks = [batch[i : i + 32] for i in range(0, len(batch), 32)]
    p = np.concatenate([keyword_probabilities(analyser, chunk)[:, k] for chunk in chunks])
    return [(word, float(p[0] - q)) for word, q in zip(words, p[1:])]

# %% [markdown]
# Before any model runs, the input is checked: an empty text, one longer than a review, or one
# without a Korean letter (English, emoji) gets a sentence that says what to do, never a stack
# trace.

# %%
# %%writefile -a app.py


def problem(text):
    """What is wrong with `text` as a review, in words for the user; None when it is fine."""
    if not text.strip():
        return "The review is empty: type (or paste) a review first, or click an example."
    if len(text) > MAX_CHARS:
        return f"The review has {len(text):,} characters; the limit is {MAX_CHARS:,}."
    if not any("가" <= c <= "힣" for c in text):
        return "This analyser reads Korean reviews, and the text has no Korean letter."
    return None

# %% [markdown]
# Whatever the user typed is shown as text: `html.escape` turns `<b>` into `&lt;b&gt;`, so
# markup in a review cannot change the page. Each word's background is as strong as its drop.

# %%
# %%writefile -a app.py


def highlighted(scored):
    """The words as HTML, each on an orange background as strong as its drop."""
    largest = max([s for _, s in scored] + [1e-9])
    return " ".join(
        f'<span title="{s:+.3f}" style="background: rgba(255, 140, 0, {max(s, 0) / largest:.2f})">'
        f"{html.escape(word)}</span>"
        for word, s in scored
    )

# %% [markdown]
# Last, the page. `st.cache_resource` keeps what `load_analyser` returns for the server's life,
# so a rerun (every click) does not load the files again; `st.session_state` keeps the text
# box's value across reruns, so an example's button can fill it.

# %%
# %%writefile -a app.py


EXAMPLES = (
    "배송이 정말 빨라서 좋았어요. 색상도 화면이랑 똑같아요!",
    "사이즈가 너무 작아요 ㅠㅠ 가격에 비해 품질도 아쉬워요.",
    "소재가 부드럽고 착용감이 편해서 매일 입어요.",
)


@st.cache_resource
def load_analyser():
    return load(MODEL_DIR)

# %%
# %%writefile -a app.py


def show(analyser, text):
    """Each keyword found, its sentiment, and the review's words coloured by their drop."""
    english = analyser["config"]["english"]
    found = analyse(analyser, text)
    if not found:
        st.info("No keyword of the shop's list was found in this review.")
    for keyword, level, p in found:
        names = f"**{keyword}** ({english.get(keyword, '')}): **{level}**"
        st.markdown(f"{names} ({english.get(level, '')}), p = {p:.2f}")
        st.html(highlighted(highlights(analyser, text, keyword)))

# %%
# %%writefile -a app.py


def ask_for_review():
    """The examples and the text box: the review to analyse, or None before any click."""
    for i, example in enumerate(EXAMPLES):
        if st.button(example, key=f"example-{i}"):
            st.session_state.review = example
    text = st.text_area("Review (Korean)", key="review", height=120)
    pressed = st.button("Analyse", key="analyse", type="primary")
    return text if pressed or text in EXAMPLES else None

# %%
# %%writefile -a app.py


def page():
    st.set_page_config(page_title="Review analyser", page_icon="🧥")
    st.title("리뷰 분석기 · Review analyser")
    if not (MODEL_DIR / "analyser.json").is_file():
        st.error(f"No model folder at {MODEL_DIR}: set REVIEW_MODEL_DIR to chapter 11's.")
        st.stop()
    text = ask_for_review()
    if text is not None:
        message = problem(text)
        if message:
            st.warning(message)
        else:
            show(load_analyser(), text)

# %% [markdown]
# The page is built only when the file runs as a program (`streamlit run`), not when the
# notebook loads it below.

# %%
# %%writefile -a app.py


if __name__ == "__main__":
    page()

# %% [markdown]
# ### Does the app keep the scores?
# `runpy.run_path` runs the file under another name than `__main__`, so we get its functions
# without a page. The app's int8 models against chapter 09's PyTorch models, on the test
# reviews: keyword micro-F1 at the saved threshold and sentiment accuracy on the test pairs.

# %%
import runpy

from sklearn.metrics import f1_score

app = runpy.run_path("app.py", run_name="review_app")
analyser = app["load"](Path("model"))
test_reviews = reviews[reviews.split == "test"]
truth = helpers.keyword_matrix(test_reviews)

# %%
def scores(keyword_probabilities, sentiment_probabilities):
    found = keyword_probabilities(list(test_reviews.review)) >= manifest.threshold
    levels = sentiment_probabilities(list(test_pairs.review), list(test_pairs.keyword))
    return {"keyword micro-F1": f1_score(truth, found, average="micro"),
            "sentiment accuracy": float((levels.argmax(axis=1) == labels).mean())}


parity = pd.DataFrame({
    "PyTorch fp32 (chapter 09)": scores(models.keyword_probabilities,
                                        models.sentiment_probabilities),
    "int8 ONNX (the app)": scores(lambda t: app["keyword_probabilities"](analyser, t),
                                  lambda t, k: app["sentiment_probabilities"](analyser, t, k)),
}).round(3)
parity

# %%
gap = (parity.iloc[:, 0] - parity.iloc[:, 1]).abs().max()
print("the app's scores within 0.02 of PyTorch's:", bool(gap <= 0.02))

# %% [markdown]
# Serve the int8 files only while this prints True. On your own models, if it prints False,
# export both models without the quantization step (the fp32 ONNX files: larger, as exact as
# PyTorch) into `model/` instead; the app reads either.

# %% [markdown]
# The time a user waits is one review's: both models and, for each keyword found, one batch of
# masked copies for the highlights. Median over the first 30 test reviews, on this machine, with
# PyTorch's `ReviewModels.analyse` beside it (which draws no highlights):

# %%
def median_ms(answer, texts):
    times = []
    for text in texts:
        start = time.perf_counter()
        answer(text)
        times.append(time.perf_counter() - start)
    return round(1000 * float(np.median(times)), 1)


def with_highlights(text):
    found = app["analyse"](analyser, text)
    return [app["highlights"](analyser, text, keyword) for keyword, _, _ in found]

# %% tags=["nbval-ignore-output"]
texts = list(test_reviews.review[:30])
pd.Series({"PyTorch: keywords and sentiment": median_ms(lambda t: models.analyse([t]), texts),
           "app: keywords and sentiment": median_ms(lambda t: app["analyse"](analyser, t), texts),
           "app: and highlights": median_ms(with_highlights, texts)}, name="ms per review")

# %% [markdown]
# ### Testing the app as a user would
# Streamlit's `AppTest` runs the script without a browser: click, type, read the page. A typed
# review, an empty one, an English one, and one with markup (shown as text, never as markup):

# %%
from streamlit.testing.v1 import AppTest

# AppTest runs the script without a server, which Streamlit notes in a warning on every run
logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(logging.ERROR)
page = AppTest.from_file(str(serve / "app.py"), default_timeout=60).run()
page.text_area(key="review").input("배송이 정말 빨라서 좋았어요. 색상도 예뻐요!").run()
page.button(key="analyse").click().run()
print([m.value for m in page.markdown])
print("no error on the page:", not page.exception)

# %%
for text in ["", "great quality, fast delivery", "<b>배송</b>이 정말 빨라서 좋았어요 <script>x</script>"]:
    page.text_area(key="review").input(text).run()
    page.button(key="analyse").click().run()
    said = [w.value for w in page.warning] or [m.value for m in page.markdown]
    print(repr(text[:30]), "->", said)
print("markup shown as text:", all("<script>" not in h.proto.body for h in page.get("html")))

# %% [markdown]
# Run it for real from this folder with `streamlit run app.py` and open the address it prints
# (in Colab, a tunnel is needed to reach it; on your machine, `make app` runs the course's copy).
#
# ### In a container
# A container image holds the app, the model folder and the packages, on a small Linux: whoever
# runs it needs Docker and nothing else. The requirements are the versions this notebook runs;
# `wheels/` may hold their wheel files, for a build without network (`pip download -r
# requirements.txt -d wheels`).

# %%
from importlib.metadata import version

needed = ["numpy", "onnxruntime", "streamlit", "tokenizers"]
Path("requirements.txt").write_text("".join(f"{name}=={version(name)}\n" for name in needed))
Path("wheels").mkdir(exist_ok=True)
needed

# %% [markdown]
# The Dockerfile builds in two stages. The first installs the requirements into a virtual
# environment (from `wheels/` too); the second, the image that runs, copies only that
# environment, so the wheel files and pip's work stay out of it. `BASE`, a slim Python image by
# default, can be changed with `--build-arg BASE=...`.

# %%
# %%writefile Dockerfile
ARG BASE=python:3.11-slim
FROM ${BASE} AS build
# PIP_NO_INDEX=1 (a build argument) installs from wheels/ alone, with no network.
ARG PIP_NO_INDEX
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
COPY requirements.txt /build/
COPY wheels /build/wheels
RUN python3 -m venv /venv \
    && /venv/bin/pip install --find-links /build/wheels -r /build/requirements.txt

# %% [markdown]
# The running image: an unprivileged user, the app and its model folder (no token or secret is
# copied). Streamlit's settings are environment variables, so `docker run -e
# STREAMLIT_SERVER_PORT=...` changes them; `HEALTHCHECK` asks Streamlit's health endpoint, so
# `docker ps` shows when the app is ready.

# %%
# %%writefile -a Dockerfile

FROM ${BASE}
COPY --from=build /venv /venv
RUN useradd --create-home --uid 1000 analyser
WORKDIR /app
COPY --chown=analyser app.py .
COPY --chown=analyser model model
USER analyser
ENV PYTHONDONTWRITEBYTECODE=1 STREAMLIT_SERVER_PORT=8501 STREAMLIT_SERVER_ADDRESS=0.0.0.0 \
    STREAMLIT_SERVER_HEADLESS=true STREAMLIT_BROWSER_GATHER_USAGE_STATS=false
EXPOSE 8501
HEALTHCHECK --interval=5s --timeout=3s --start-period=30s CMD /venv/bin/python -c \
    "import urllib.request as u; u.urlopen('http://127.0.0.1:$STREAMLIT_SERVER_PORT/_stcore/health')"
CMD ["/venv/bin/streamlit", "run", "app.py"]

# %% [markdown]
# With Docker installed: `docker build -t review-analyser .` in this folder, then
# `docker run --rm -p 8501:8501 review-analyser` and open http://localhost:8501. The course
# builds, starts and drives the image in a real browser with `make test-image` (README).

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

# %%
helpers.quiz("11.6", answer=None)

# %%
helpers.quiz("11.7", answer=None)

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
# - Serving: a folder with the model files, an app that loads them once (`st.cache_resource`),
#   checks its input and escapes what it shows, and the requirements; check it keeps the test
#   score and test it as a user would (`AppTest`, a browser). A Dockerfile turns the folder into
#   an image that runs anywhere Docker does.
#
# Next: **12 · Instruction tuning with TRL**.
