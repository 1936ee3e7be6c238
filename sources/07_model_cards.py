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
# # 07 · Sharing models and model cards
#
# **Goals.** By the end of this lesson you can
# - save a fine-tuned model and its tokenizer with `save_pretrained`, and say what each file holds;
# - load them back with the Auto classes and with `pipeline(task, model=folder)`, and run the
#   inference recipe by hand: tokenize → `no_grad` → softmax → argmax → label name;
# - write a model card from your run's own facts with `ModelCard`, `ModelCardData` and `EvalResult`,
#   check its metadata offline, and compare it with `Trainer.create_model_card()`;
# - push model, tokenizer and card to the Hugging Face Hub, safely guarded.
#
# > **About the saved outputs.** The outputs stored in this notebook come from *tiny mode*: a tiny
# > BERT stand-in and the course's small paraphrase set, offline, so that our tests can compare
# > every output. Nothing is pushed in tiny mode. The code is the real code; in full mode (Colab,
# > or any machine that reaches the Hub) the model and its scores are real, and with a token the
# > push cell shares them.

# %% [markdown]
# [![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)](https://colab.research.google.com/github/hf-course/notebooks/blob/main/notebooks/07_model_cards.ipynb) In Colab, run the setup cell below first (hidden; elsewhere it does nothing).
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
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "-e", "/content/hf-course[tracking]"],
                   check=True)
    for folder in site.getsitepackages():
        site.addsitedir(folder)  # picks up the editable install without a restart

# %%
import helpers

course = helpers.setup_notebook(chapter="07_model_cards")
helpers.require_extra("tracking", "tensorboard")

# %% [markdown]
# ## A model worth sharing
# A quick fine-tune of BERT on MRPC, as in lesson 03 (same data preparation, through
# `helpers.prepare_glue`). We give the labels names, so that everyone who loads the model reads
# `equivalent` rather than `LABEL_1`.

# %%
from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments

base_name = "google-bert/bert-base-uncased"
train_settings = helpers.settings(course.mode, course.device)
mrpc = helpers.prepare_glue(helpers.checkpoint(base_name), "mrpc",
                            train_settings.max_train_samples, course.seed)
id2label = {0: "not_equivalent", 1: "equivalent"}
model = AutoModelForSequenceClassification.from_pretrained(
    helpers.checkpoint(base_name), num_labels=2,
    id2label=id2label, label2id={name: i for i, name in id2label.items()})

# %%
args = TrainingArguments(
    output_dir=str(course.run_dir / "trainer"), eval_strategy="epoch", save_strategy="no",
    logging_strategy="epoch", learning_rate=train_settings.learning_rate,
    num_train_epochs=train_settings.epochs, per_device_train_batch_size=train_settings.batch_size,
    per_device_eval_batch_size=train_settings.batch_size,
    report_to="tensorboard",  # the logs also go to TensorBoard event files (read below)
    use_cpu=course.device == "cpu", fp16=course.fp16, seed=course.seed,
)

# %%
trainer = Trainer(
    model=model, args=args, train_dataset=mrpc.tokenized["train"],
    eval_dataset=mrpc.tokenized["validation"], data_collator=mrpc.collator,
    processing_class=mrpc.tokenizer,  # formerly the `tokenizer` argument
    compute_metrics=helpers.compute_metrics_for("mrpc"),
)
trainer.train()
metrics = trainer.evaluate()

# %% [markdown]
# These metrics are the facts we will put in the model card, without retyping them.
# (In tiny mode they describe the course's small paraphrase set only; in full mode expect about
# 0.86 accuracy and 0.90 F1 on MRPC.)

# %%
helpers.show_metrics(metrics)

# %% [markdown]
# ### The run in TensorBoard
# `report_to="tensorboard"` made the Trainer write every value it logged (loss, learning rate,
# validation metrics) to an event file under `output_dir/runs/<date>_<machine>/`, one folder per
# run: a tracker that works offline and keeps every run for comparison. In Jupyter or Colab,
# `%load_ext tensorboard` then `%tensorboard --logdir <output_dir>/runs` opens the dashboard
# beside the notebook. The event file is plain data, too; we read the newest run back:

# %%
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

runs = sorted((course.run_dir / "trainer" / "runs").iterdir(), key=lambda p: p.stat().st_mtime)
events = EventAccumulator(str(runs[-1]))
events.Reload()
[tag for tag in sorted(events.Tags()["scalars"]) if "loss" in tag or "f1" in tag]

# %%
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(6, 3))
for tag in ["train/loss", "eval/loss"]:
    points = events.Scalars(tag)
    ax.plot([p.step for p in points], [p.value for p in points], marker="o", label=tag)
ax.set(xlabel="step", ylabel="loss", title="Read back from the TensorBoard event file")
ax.legend()
plt.show()

# %% [markdown]
# Other trackers plug in the same way, with no change to the training code: `report_to="trackio"`
# (Hugging Face's local-first tracker, `pip install trackio`), `report_to="wandb"` for Weights &
# Biases (`pip install wandb`, then `wandb login`: an online account), or a list of several.
# `report_to="none"` is the default since transformers 5 (formerly every installed tracker).

# %% [markdown]
# ## Saving: `save_pretrained`
# Save the model **and** its tokenizer into one folder: that folder is all anyone needs.

# %%
import shutil

folder = course.run_dir / "bert-finetuned-mrpc"
shutil.rmtree(folder, ignore_errors=True)  # start empty, so a rerun lists the same files
model.save_pretrained(folder)
mrpc.tokenizer.save_pretrained(folder)
helpers.show_files(folder)

# %% [markdown]
# | file | holds |
# |---|---|
# | `config.json` | the architecture (sizes, layers, `model_type`), `id2label`/`label2id`, the transformers version |
# | `model.safetensors` | the weights, in the safe tensor format (no code runs when loading; large models are split into shards plus an index) |
# | `tokenizer.json` | the whole fast tokenizer: vocabulary, normalizer, pre-tokenizer, post-processor (special tokens) |
# | `tokenizer_config.json` | the tokenizer class, special tokens, `model_max_length`, lowercasing |
#
# The label names travel with the model, in the config:

# %%
import json

json.loads((folder / "config.json").read_text())["id2label"]

# %% [markdown]
# ## Loading it back and using it
# The Auto classes read `config.json` to choose the architecture. The inference recipe, by hand:

# %%
import torch
from transformers import AutoTokenizer

reloaded = AutoModelForSequenceClassification.from_pretrained(folder)
tokenizer = AutoTokenizer.from_pretrained(folder)
first, second = "The company posted a profit of $5 million.", "Profits reached 5 million dollars."
inputs = tokenizer(first, second, return_tensors="pt")
with torch.no_grad():
    probabilities = torch.softmax(reloaded(**inputs).logits, dim=-1)[0]
label = reloaded.config.id2label[int(probabilities.argmax())]
label, round(float(probabilities.max()), 3)

# %% [markdown]
# `pipeline(task, model=folder)` does all of this, and reads the tokenizer from the same folder.
# A sentence pair goes in as `{"text": ..., "text_pair": ...}`.

# %%
from transformers import pipeline

classifier = pipeline("text-classification", model=str(folder))
prediction = classifier({"text": first, "text_pair": second})
print(prediction["label"], round(prediction["score"], 3))
print("same label as by hand:", prediction["label"] == label)

# %% [markdown]
# ## A model card from the run's own facts
# A model card is the `README.md` of a model repository: YAML metadata (license, language, base
# model, data sets, evaluation results, read by the Hub's search and widgets) and a text for
# people. `huggingface_hub` builds it: `EvalResult` holds one score, `ModelCardData` the metadata.
# The scores come from `metrics`, the dictionary the Trainer computed above.

# %%
from huggingface_hub import EvalResult, ModelCard, ModelCardData

results = {"accuracy": metrics["eval_accuracy"], "f1": metrics["eval_f1"]}
eval_results = [
    EvalResult(task_type="text-classification", dataset_type="nyu-mll/glue",
               dataset_name="GLUE MRPC", dataset_config="mrpc", dataset_split="validation",
               metric_type=name, metric_value=value)
    for name, value in results.items()
]

# %%
card_data = ModelCardData(
    model_name="bert-finetuned-mrpc", base_model=base_name, language="en",
    license="apache-2.0", library_name="transformers", pipeline_tag="text-classification",
    datasets=["nyu-mll/glue"], metrics=list(results), tags=["paraphrase", "hf-course"],
    eval_results=eval_results,
)
print(card_data.to_yaml())

# %% [markdown]
# The text comes from a Jinja template: the course's is `helpers.CARD_TEMPLATE` (the default
# template of `ModelCard.from_template` has many more sections). Its headings:

# %%
[line for line in helpers.CARD_TEMPLATE.splitlines() if line.startswith("#")]

# %%
note = " (Tiny mode: a tiny stand-in of it, trained on the course's own data.)" if course.tiny else ""
card = ModelCard.from_template(
    card_data, template_str=helpers.CARD_TEMPLATE, model_name=card_data.model_name,
    description=f"`{base_name}` fine-tuned to tell whether two sentences are paraphrases.{note}",
    how_to_use=f'from transformers import pipeline\n\nclassifier = pipeline("text-classification", '
               f'model="your-name/{card_data.model_name}")\nclassifier({{"text": "The cat sat.", '
               '"text_pair": "A cat was sitting."})',
    intended_uses="Paraphrase detection for pairs of English sentences, as a course example.",
    limitations="Trained on about 3,700 news sentence pairs (MRPC); not for other domains or "
    "languages, and it repeats the biases of its news sources and of BERT's pretraining text.",
    training_data="GLUE MRPC (`nyu-mll/glue`, config `mrpc`), train split.",
    procedure="Fine-tuned with the transformers `Trainer`, all weights updated.",
    hyperparameters=helpers.hyperparameters(args), results=results, eval_split="the validation split",
)
card_path = folder / "README.md"
card.save(card_path)

# %%
print(card.text)

# %% [markdown]
# ## Checking the card offline
# `card.validate()` asks the Hub to check the metadata, so it needs the network. Offline, parse
# the saved file back and compare: the metadata must survive the round trip, and the scores in
# it must be the computed ones, exactly.

# %%
loaded = ModelCard.load(card_path)
print("metadata round trip:", loaded.data.to_dict() == card_data.to_dict())
print("scores = computed metrics:", helpers.card_results(loaded) == results)
print("scores in the text:", all(f"{value:.3f}" in loaded.text for value in results.values()))
sorted(loaded.data.to_dict())

# %% [markdown]
# ### Try it: one more result
# Build `my_card_data`, a `ModelCardData` like `card_data` whose `eval_results` also report the
# validation loss (`metric_type="loss"`), every value taken from `metrics`.
# The solution is folded away in the cell after yours: show it when you have tried.

# %%
my_card_data = None  # ModelCardData(model_name=..., eval_results=[EvalResult(...), ...])
helpers.check_card_results(my_card_data, metrics)

# %% tags=["solution"] cellView="form" jupyter={"source_hidden": true}
# @title Solution (double-click to show)
with_loss = {**results, "loss": metrics["eval_loss"]}
my_card_data = ModelCardData(model_name="bert-finetuned-mrpc", eval_results=[
    EvalResult(task_type="text-classification", dataset_type="nyu-mll/glue",
               dataset_name="GLUE MRPC", metric_type=name, metric_value=value)
    for name, value in with_loss.items()])
helpers.check_card_results(my_card_data, metrics)

# %% [markdown]
# ## The Trainer's draft card
# `Trainer.create_model_card()` writes a draft `README.md` **into `args.output_dir`** from what
# the Trainer saw: hyperparameters, the results table of every evaluation, framework versions.

# %%
trainer.create_model_card(
    model_name="bert-finetuned-mrpc", finetuned_from=base_name, language="en",
    license="apache-2.0", tasks="text-classification", dataset="GLUE MRPC",
    dataset_tags="nyu-mll/glue", dataset_args="mrpc",
)
draft = ModelCard.load(course.run_dir / "trainer" / "README.md")
print("same scores:", helpers.card_results(draft) == results)
[line for line in draft.text.splitlines() if line.startswith("#")]

# %% [markdown]
# The draft has the same scores and adds the per-epoch results table, but "More information
# needed" stands where the description, intended uses, limitations and data should be: those
# are yours to write. A good workflow: start from the draft, or build the card as above.
#
# ## Sharing on the Hub
# Log in once (`huggingface_hub.login()` in a notebook, `hf auth login` in a terminal, or the
# `HF_TOKEN` secret in Colab); never paste a token into a notebook. The cell below pushes only
# when `helpers.hub_ready()` finds a token and the Hub answers; otherwise it says why it did nothing.

# %%
from huggingface_hub import whoami

ok, reason = helpers.hub_ready()
if ok:
    repo_id = f"{whoami()['name']}/bert-finetuned-mrpc"
    model.push_to_hub(repo_id)
    tokenizer.push_to_hub(repo_id)
    card.push_to_hub(repo_id)
    print(f"Pushed to https://huggingface.co/{repo_id}")
else:
    print(reason)

# %% [markdown]
# The same with `huggingface_hub` directly: `create_repo` makes the repository (or finds it,
# with `exist_ok=True`) and `upload_folder` uploads a whole folder in one commit: the files
# `save_pretrained` and `card.save` wrote above.

# %%
from huggingface_hub import HfApi

if ok:
    api = HfApi()
    repo = api.create_repo(f"{whoami()['name']}/bert-finetuned-mrpc", exist_ok=True)
    api.upload_folder(folder_path=folder, repo_id=repo.repo_id, commit_message="Model and card")
    print(f"Uploaded {folder.name} to {repo.repo_id}")
else:
    print(reason)

# %% [markdown]
# The Trainer can push too: `TrainingArguments(push_to_hub=True, hub_model_id=...)` pushes at
# each save, and `trainer.push_to_hub()` uploads the model, tokenizer and draft card at the end.
# `push_to_hub(..., private=True)` keeps a repository private. Others then load your model with
# `pipeline("text-classification", model="your-name/bert-finetuned-mrpc")`.
#
# ## Quiz
# Replace `None` with the letter of your answer and run the cell: a right answer says why it
# is right, a wrong one gives a hint, and you can try again.

# %%
helpers.quiz("07.1", answer=None)

# %%
helpers.quiz("07.2", answer=None)

# %%
helpers.quiz("07.3", answer=None)

# %%
helpers.quiz("07.4", answer=None)

# %%
helpers.quiz("07.5", answer=None)

# %%
helpers.quiz("07.6", answer=None)

# %%
helpers.quiz("07.7", answer=None)

# %% [markdown]
# ## Summary
# - `save_pretrained` of model and tokenizer into one folder: config, weights (safetensors) and
#   tokenizer files; `from_pretrained(folder)` and `pipeline(task, model=folder)` load it offline.
# - Inference by hand: tokenize → `torch.no_grad()` → softmax → argmax → `config.id2label`.
# - A model card = YAML metadata + text. Build it with `ModelCardData`, `EvalResult` and
#   `ModelCard.from_template`, feeding the computed metrics; check it by loading it back.
# - `Trainer.create_model_card()` writes a draft into `output_dir`; the description, uses,
#   limitations and data are yours to add.
# - `push_to_hub` for model, tokenizer and card, only with a token and a reachable Hub.
