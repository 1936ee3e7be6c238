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
# # 09 · Your own data: a Korean review analyser
#
# **Goals.** By the end of this lesson you can
# - load your own CSV with pandas, split it, and turn it into a `datasets.Dataset`;
# - explain why 14 keywords × 5 sentiment levels are better learned by **two models** than by
#   one classifier with 70 joint labels;
# - train a **multi-label** keyword model (`problem_type="multi_label_classification"`, float
#   labels, a sigmoid and a threshold tuned on validation) and read its per-keyword report;
# - train a **keyword-conditioned sentiment** model on review–keyword pairs, with class weights
#   in a `Trainer` subclass against the imbalance, and early stopping;
# - write one inference function from raw reviews to `(keyword, sentiment, probability)`;
# - show which words mattered for a keyword by masking each word in turn.
#
# > **About the saved outputs.** The outputs stored in this notebook come from *tiny mode*: a
# > 64-dimensional stand-in for `klue/roberta-base` (its own Korean tokenizer, briefly
# > pretrained on the course's Korean text) and the course's 1,200 written reviews, so the
# > notebook runs offline in under a minute. The scores describe how well the stand-in learns
# > these reviews; in full mode `klue/roberta-base` trains on the same file. Twelve epochs
# > amplify the tiny rounding differences between CPUs, so the last digits after training vary
# > from machine to machine: the tests compare the checks printed next to those scores.

# %% [markdown]
# [![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)](https://colab.research.google.com/github/hf-course/notebooks/blob/main/notebooks/09_custom_data.ipynb) In Colab, run the setup cell below first (hidden; elsewhere it does nothing).

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

course = helpers.setup_notebook(chapter="09_custom_data")

# %% [markdown]
# ## The data: your CSV
# The course's reviews are one CSV: the review text, its `labels` (each keyword the review talks
# about, with a sentiment on five levels) and a fixed `split`. Your own data would look the same;
# `pd.read_csv(path)` is all `helpers.load_reviews` does, plus checks with clear errors.

# %%
import pandas as pd

reviews = helpers.load_reviews()
print(reviews.shape)
reviews[["split", "shop", "category", "review", "labels"]].head(4)

# %%
aspects, levels = list(helpers.ASPECTS), list(helpers.LEVELS)
pairs = helpers.sentiment_pairs(reviews[reviews.split == "train"])
joint = pd.crosstab(pairs.keyword, pairs.level).reindex(index=aspects, columns=levels, fill_value=0)
joint

# %% [markdown]
# ## Why two models?
# One classifier over every (keyword, level) combination would need 14 × 5 = 70 labels, and the
# table shows how many of them are rare or empty: a model cannot learn "포장 매우부정" from two
# examples. Split the problem instead:
# 1. **Which keywords** does a review mention? 14 yes/no questions at once: multi-label.
# 2. **How does it feel about one keyword?** Five levels, asked once per (review, keyword) pair:
#    every keyword shares the same five classes, so rare keywords borrow from common ones.

# %%
print((joint < 5).to_numpy().sum(), "of", joint.size, "combinations have fewer than 5 examples")
print(pairs.level.value_counts().reindex(levels).to_dict())

# %% [markdown]
# With your own single CSV you would split it yourself, stratified so each split keeps the
# label mix, with a seed so the split is the same next time:

# %%
from sklearn.model_selection import train_test_split

first_keyword = reviews.labels.str.split(":").str[0]
train_part, rest = train_test_split(reviews, test_size=0.3, stratify=first_keyword,
                                    random_state=course.seed)
print(len(train_part), len(rest))

# %% [markdown]
# The course's file comes with a fixed split (so every run and every later chapter tests on the
# same reviews); we use it.

# %%
splits = {name: reviews[reviews.split == name].reset_index(drop=True)
          for name in ("train", "validation", "test")}
{name: len(frame) for name, frame in splits.items()}

# %% [markdown]
# ## The model: `klue/roberta-base`
# KLUE's RoBERTa was pretrained on Korean text; its tokenizer is a WordPiece vocabulary (a
# `BertTokenizer`) that splits Korean words into pieces. In tiny mode the checkpoint is the
# course's stand-in with the same layout.

# %%
from transformers import AutoTokenizer

checkpoint = helpers.checkpoint("klue/roberta-base")
tokenizer = AutoTokenizer.from_pretrained(checkpoint)
print(tokenizer.tokenize(splits["train"].review[0])[:12])
training = helpers.review_settings(course.mode)
training

# %% [markdown]
# ## Model 1: which keywords? (multi-label)
# The labels are a row of 14 floats, 1.0 for each keyword present. `Dataset.from_pandas` turns a
# frame into a `Dataset`; `map` tokenizes it.

# %%
from datasets import Dataset, DatasetDict


def keyword_dataset(frame):
    data = Dataset.from_pandas(frame[["review"]])
    data = data.add_column("labels", helpers.keyword_matrix(frame).tolist())
    return data.map(lambda batch: tokenizer(batch["review"], truncation=True), batched=True)


keyword_data = DatasetDict({name: keyword_dataset(frame) for name, frame in splits.items()})
keyword_data["train"][0]["labels"]

# %% [markdown]
# `problem_type="multi_label_classification"` makes the model use a sigmoid per label and
# binary cross-entropy (`BCEWithLogitsLoss`) instead of softmax; `id2label` names the outputs.

# %%
from transformers import AutoModelForSequenceClassification

keyword_model = AutoModelForSequenceClassification.from_pretrained(
    checkpoint, num_labels=len(aspects), problem_type="multi_label_classification",
    id2label=dict(enumerate(aspects)), label2id={a: i for i, a in enumerate(aspects)},
)
keyword_model.config.problem_type

# %%
import numpy as np
import torch

f1_metric = helpers.load_metric("f1", "multilabel")


def keyword_metrics(eval_prediction):
    logits, labels = eval_prediction
    predictions = (torch.sigmoid(torch.tensor(logits)) > 0.5).int().numpy()
    return f1_metric.compute(predictions=predictions, references=labels.astype(int),
                             average="micro")

# %%
from transformers import DataCollatorWithPadding, PrinterCallback, Trainer, TrainingArguments


def review_args(name, **changes):
    settings = dict(
        output_dir=str(course.run_dir / name), eval_strategy="epoch", save_strategy="no",
        logging_strategy="epoch", num_train_epochs=training.epochs,
        learning_rate=training.learning_rate, per_device_train_batch_size=training.batch_size,
        per_device_eval_batch_size=64, fp16=course.fp16, use_cpu=course.device == "cpu",
        seed=course.seed, report_to="none", disable_tqdm=course.tiny,
    )
    return TrainingArguments(**{**settings, **changes})

# %% tags=["nbval-ignore-output"]
collator = DataCollatorWithPadding(tokenizer)
keyword_trainer = Trainer(
    keyword_model, review_args("keywords"), train_dataset=keyword_data["train"],
    eval_dataset=keyword_data["validation"], data_collator=collator,
    processing_class=tokenizer, compute_metrics=keyword_metrics,
)
if course.tiny:
    keyword_trainer.remove_callback(PrinterCallback)
keyword_trainer.train()
helpers.show_metrics(keyword_trainer.evaluate())

# %% [markdown]
# ### Choosing the threshold on validation
# 0.5 is only a default. Rare keywords often get probabilities below it even when present; a
# lower threshold finds more of them (recall) at the price of more false alarms (precision).
# Pick the threshold with the best micro-F1 on the **validation** split, never on test.

# %% tags=["nbval-ignore-output"]
def probabilities(split):
    logits = keyword_trainer.predict(keyword_data[split]).predictions
    return torch.sigmoid(torch.tensor(logits)).numpy()


thresholds = np.round(np.arange(0.1, 0.9, 0.05), 2)
truth = helpers.keyword_matrix(splits["validation"]).astype(int)
validation_probs = probabilities("validation")  # predict once, then try every threshold
scores = [f1_metric.compute(predictions=(validation_probs > t).astype(int),
                            references=truth, average="micro")["f1"] for t in thresholds]
threshold = float(thresholds[int(np.argmax(scores))])
print("best threshold on validation:", threshold, "micro-F1", round(max(scores), 3))

# %% tags=["nbval-ignore-output"]
helpers.bars([f"{t:.2f}" for t in thresholds], [round(s, 3) for s in scores],
             "Validation micro-F1 by threshold", "micro-F1")

# %% [markdown]
# ### The report, per keyword, on the test split
# `classification_report` gives precision, recall and F1 for each keyword, then the micro
# average (every decision counts once: dominated by common keywords) and the macro average
# (every keyword counts once: rare keywords weigh as much as common ones).

# %% tags=["nbval-ignore-output"]
from sklearn.metrics import classification_report

test_truth = helpers.keyword_matrix(splits["test"]).astype(int)
test_predicted = (probabilities("test") > threshold).astype(int)
print(classification_report(test_truth, test_predicted, target_names=aspects, digits=3,
                            zero_division=0))

# %% [markdown]
# The last digits of these scores change a little with the CPU that trains (another instruction
# set rounds differently, and twelve epochs amplify it), so the cells that show them are not
# compared by the course's tests; a check with a stated margin is:

# %%
micro_f1 = f1_metric.compute(predictions=test_predicted, references=test_truth,
                             average="micro")["f1"]
print("keyword micro-F1 on test above 0.80:", micro_f1 > 0.80)

# %% [markdown]
# Read the table from the bottom up: the micro average is high because the common keywords
# (배송, 디자인, 사이즈) are found well; the macro average is lower because a few rare ones, with
# a handful of test reviews and a few dozen training reviews each, are missed more often. The
# fix for those is more labelled reviews of them: chapter 10 is about choosing which.
#
# ## Writing your own head, once
# Many tutorials build the classifier by hand: the bare encoder (`AutoModel`), dropout and a
# linear layer on the first token. It is the same network as the Auto class's head, but you
# also write the loss, saving and loading yourself.

# %%
from torch import nn
from transformers import AutoModel


class ReviewClassifier(nn.Module):
    def __init__(self, checkpoint, num_labels):
        super().__init__()
        self.encoder = AutoModel.from_pretrained(checkpoint)
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(self.encoder.config.hidden_size, num_labels)

    def forward(self, input_ids, attention_mask):
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask)
        return self.head(self.dropout(hidden.last_hidden_state[:, 0]))

# %%
batch = tokenizer(list(splits["train"].review[:4]), padding=True, return_tensors="pt")
ReviewClassifier(checkpoint, len(aspects))(batch["input_ids"], batch["attention_mask"]).shape

# %% [markdown]
# Use the **Auto class** by default: `save_pretrained`/`from_pretrained`, `pipeline`, the
# `Trainer`'s loss, `problem_type` and `id2label` come with it. Write your **own head** when the
# architecture itself changes: several heads on one encoder, another pooling (the mean of all
# tokens), or extra inputs (a star rating) joined to the text's vector.
#
# ## Model 2: the sentiment of one keyword
# Each example is a (review, keyword) pair, tokenized as a sentence pair: `[CLS] review [SEP]
# keyword [SEP]`. The model reads the whole review but answers for the keyword it is given.

# %%
def sentiment_dataset(frame):
    rows = helpers.sentiment_pairs(frame)[["review", "keyword", "label"]]
    data = Dataset.from_pandas(rows.rename(columns={"label": "labels"}), preserve_index=False)
    return data.map(lambda b: tokenizer(b["review"], b["keyword"], truncation=True), batched=True)


sentiment_data = DatasetDict({name: sentiment_dataset(frame) for name, frame in splits.items()})
{name: len(data) for name, data in sentiment_data.items()}

# %% [markdown]
# ### Against the imbalance: class weights
# Most sentiments are positive, so a model can score well by rarely predicting the negative
# levels. Weighting each class's loss by `n / (classes × count)` makes a mistake on a rare level
# cost more. The `Trainer` computes the loss in `compute_loss`; a subclass replaces it.

# %%
train_labels = sentiment_data["train"]["labels"]
weights = torch.tensor(helpers.class_weights(train_labels, len(levels)), dtype=torch.float32)
dict(zip(levels, weights.numpy().round(2)))

# %%
class WeightedTrainer(Trainer):
    def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
        labels = inputs.pop("labels")
        outputs = model(**inputs)
        loss = nn.functional.cross_entropy(
            outputs.logits, labels, weight=weights.to(outputs.logits.device))
        return (loss, outputs) if return_outputs else loss

# %%
f1_macro = helpers.load_metric("f1")
accuracy_metric = helpers.load_metric("accuracy")


def sentiment_metrics(eval_prediction):
    logits, labels = eval_prediction
    predictions = np.argmax(logits, axis=-1)
    return {**accuracy_metric.compute(predictions=predictions, references=labels),
            "macro_f1": f1_macro.compute(predictions=predictions, references=labels,
                                         average="macro")["f1"]}

# %% [markdown]
# Early stopping keeps the epoch with the best macro-F1 on validation (`load_best_model_at_end`
# needs a checkpoint at each evaluation: `save_strategy` equal to `eval_strategy`).

# %%
from transformers import EarlyStoppingCallback

sentiment_model = AutoModelForSequenceClassification.from_pretrained(
    checkpoint, num_labels=len(levels), id2label=dict(enumerate(levels)),
    label2id={level: i for i, level in enumerate(levels)})
sentiment_args = review_args(
    "sentiment", save_strategy="epoch", save_total_limit=2, load_best_model_at_end=True,
    metric_for_best_model="macro_f1")
sentiment_trainer = WeightedTrainer(
    sentiment_model, sentiment_args, train_dataset=sentiment_data["train"],
    eval_dataset=sentiment_data["validation"], data_collator=collator, processing_class=tokenizer,
    compute_metrics=sentiment_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=training.early_stopping_patience)])

# %% tags=["nbval-ignore-output"]
if course.tiny:
    sentiment_trainer.remove_callback(PrinterCallback)
sentiment_trainer.train()
evals = [row for row in sentiment_trainer.state.log_history if "eval_macro_f1" in row]
for row in evals:
    print(f"epoch {row['epoch']:.0f}  eval_macro_f1 {row['eval_macro_f1']:.3f}")

# %% [markdown]
# ### Report on the test split, next to the majority class

# %% tags=["nbval-ignore-output"]
test_output = sentiment_trainer.predict(sentiment_data["test"])
test_levels = np.argmax(test_output.predictions, axis=-1)
majority = np.bincount(train_labels).argmax()
majority_accuracy = float(np.mean(test_output.label_ids == majority))
print("always", repr(levels[majority]), "accuracy:", round(majority_accuracy, 3))
print(classification_report(test_output.label_ids, test_levels, labels=range(len(levels)),
                            target_names=levels, digits=3, zero_division=0))

# %% tags=["nbval-ignore-output"]
helpers.confusion_matrix(test_output.label_ids, test_levels,
                         [helpers.LEVELS_EN[level] for level in levels],
                         "Sentiment per keyword (test)")

# %%
accuracy = float(np.mean(test_levels == test_output.label_ids))
print("sentiment accuracy beats always", repr(levels[majority]), "by more than 0.10:",
      accuracy - majority_accuracy > 0.10)

# %% [markdown]
# ## From a raw review to keywords and sentiments
# Inference chains the two models: the keyword model's probabilities above the threshold pick
# the keywords, then each (review, keyword) pair goes through the sentiment model. Both steps
# run on whole batches.

# %%
def predict_keywords(texts):
    batch = tokenizer(texts, padding=True, truncation=True, return_tensors="pt")
    with torch.no_grad():
        probs = torch.sigmoid(keyword_model(**batch.to(keyword_model.device)).logits).cpu()
    return [[(aspects[k], float(p[k])) for k in np.flatnonzero(p >= threshold)] for p in probs]


def predict_sentiments(texts, keywords):
    batch = tokenizer(texts, keywords, padding=True, truncation=True, return_tensors="pt")
    with torch.no_grad():
        probs = sentiment_model(**batch.to(sentiment_model.device)).logits.softmax(-1).cpu()
    return [(levels[int(p.argmax())], float(p.max())) for p in probs]

# %%
def analyse(texts):
    """[(keyword, sentiment, probability of that sentiment)] for each review in `texts`."""
    if any(not text.strip() for text in texts):
        raise ValueError("An empty review cannot be analysed: write a few words first.")
    found = predict_keywords(texts)
    pairs = [(i, keyword) for i, keys in enumerate(found) for keyword, _ in keys]
    sentiments = predict_sentiments([texts[i] for i, _ in pairs], [k for _, k in pairs]) if pairs else []
    results = [[] for _ in texts]
    for (i, keyword), (level, p) in zip(pairs, sentiments):
        results[i].append((keyword, level, round(p, 2)))
    return results

# %% tags=["nbval-ignore-output"]
examples = list(splits["test"].review[:3])
for text, result in zip(examples, analyse(examples)):
    print(text, "\n  ->", result)

# %% [markdown]
# ## Which words mattered?
# Korean words (eojeol) are separated by spaces. Mask one word at a time with the tokenizer's
# mask token and measure how much the keyword's probability drops: the words with the largest
# drop are the ones the model relied on. This is **occlusion**, the simplest attribution
# method: no gradients, one batch per review.

# %%
def keyword_probability(keyword):
    k = aspects.index(keyword)

    def probability_of(texts):
        batch = tokenizer(texts, padding=True, truncation=True, return_tensors="pt")
        with torch.no_grad():
            return torch.sigmoid(keyword_model(**batch.to(keyword_model.device)).logits[:, k]).cpu()

    return probability_of

# %% tags=["nbval-ignore-output"]
text = examples[0]
keyword = analyse([text])[0][0][0]
scored = helpers.word_importance(keyword_probability(keyword), text, tokenizer.mask_token)
print(keyword, "->", helpers.top_words(scored, 3))
helpers.highlight_html(scored)

# %% [markdown]
# The same drops as a bar chart (the plot numbers the words, in order: matplotlib's default font
# has no Hangul).

# %% tags=["nbval-ignore-output"]
helpers.bars([f"{i + 1}" for i in range(len(scored))], [round(s, 3) for _, s in scored],
             f"Drop in P({helpers.ASPECTS_EN[keyword]}) when each word is masked", "drop")

# %% [markdown]
# ## Saving both models for the next chapters
# Chapters 10 and 11 load what this lesson saves: both models with their tokenizer, and a small
# manifest with the keyword list, the levels and the threshold. (In tiny mode they load a
# committed copy of what this notebook saves: the course's tiny builder runs this very lesson to
# make it, so chapters 10 and 11 never depend on your run.)

# %%
saved = course.run_dir / "review-models"
for name, model in (("keywords", keyword_model), ("sentiment", sentiment_model)):
    model.save_pretrained(saved / name)
    tokenizer.save_pretrained(saved / name)
manifest = helpers.SavedReviewModels("keywords", "sentiment", aspects, levels, threshold)
print(manifest.write(saved).name, sorted(p.name for p in saved.iterdir()))

# %% [markdown]
# ### Try it: a new keyword
# The shops want a 15th keyword, 두께 (thickness). Load the saved keyword model again with one
# more label: extend the keyword list, give `num_labels`, `id2label` and `label2id` for all 15,
# keep the problem type, and pass `ignore_mismatched_sizes=True` so the 14-row head is replaced.
# The solution is folded away in the cell after yours: show it when you have tried.

# %%
new_aspects = aspects + ["두께"]
bigger = None  # AutoModelForSequenceClassification.from_pretrained(saved / "keywords", ...)
helpers.check_new_keyword(bigger, "두께", aspects)

# %% tags=["solution"] cellView="form" jupyter={"source_hidden": true}
# @title Solution (double-click to show)
bigger = AutoModelForSequenceClassification.from_pretrained(
    saved / "keywords", num_labels=len(new_aspects), problem_type="multi_label_classification",
    id2label=dict(enumerate(new_aspects)), label2id={a: i for i, a in enumerate(new_aspects)},
    ignore_mismatched_sizes=True)
helpers.check_new_keyword(bigger, "두께", aspects)

# %% [markdown]
# ## Quiz
# Replace `None` with the letter of your answer and run the cell: a right answer says why it
# is right, a wrong one gives a hint, and you can try again.

# %%
helpers.quiz("09.1", answer=None)

# %%
helpers.quiz("09.2", answer=None)

# %%
helpers.quiz("09.3", answer=None)

# %%
helpers.quiz("09.4", answer=None)

# %%
helpers.quiz("09.5", answer=None)

# %%
helpers.quiz("09.6", answer=None)

# %% [markdown]
# ## Summary
# - Your own CSV: `pd.read_csv`, a seeded stratified `train_test_split`, `Dataset.from_pandas`.
# - Many keywords × sentiment levels: two models, one multi-label (sigmoid, threshold tuned on
#   validation, per-keyword report with micro and macro averages) and one keyword-conditioned
#   five-way classifier on (review, keyword) pairs.
# - Imbalance: class weights in a `Trainer` subclass's `compute_loss`; early stopping on
#   macro-F1; always read the scores next to the majority class.
# - Inference chains the two models in batches; occlusion shows which words a keyword came from.
#
# Next: **10 · Active learning**: which new reviews are worth labelling next.
