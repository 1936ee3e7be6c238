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
# # 10 · Active learning: which new reviews are worth labelling next
#
# **Goals.** By the end of this lesson you can
# - score new, unlabelled reviews by how **uncertain** chapter 09's models are about them: a
#   sigmoid near 0.5 for a keyword, and for the five sentiment levels the normalised least
#   confidence, compared with entropy and margin;
# - find **rare** reviews (tokens the labelled reviews hardly contain) and **outliers** (far
#   from every k-means centroid of sentence embeddings);
# - draw a sample **stratified** by shop, as a team draws reviews for its labellers;
# - simulate the retraining loop and read its **learning curves** honestly.
#
# > **About the saved outputs.** The outputs stored in this notebook come from *tiny mode*:
# > chapter 09's two review models as the course commits them (built by running chapter 09 on
# > its 64-dimensional Korean stand-in), the course's 1,200 labelled and 3,000 unlabelled
# > written reviews. Every selection method here is the real one; what the curves show is what
# > they show *on this data*, which is small and written from a limited set of phrases.

# %% [markdown]
# [![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)](https://colab.research.google.com/github/hf-course/notebooks/blob/main/notebooks/10_active_learning.ipynb) In Colab, run the setup cell below first (hidden; elsewhere it does nothing).
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
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "-e", "/content/hf-course"],
                   check=True)
    for folder in site.getsitepackages():
        site.addsitedir(folder)  # picks up the editable install without a restart

# %%
import helpers

course = helpers.setup_notebook(chapter="10_active_learning")

# %% [markdown]
# ## The loop of a real review system
# Labelling costs people's time, so a team labels a few hundred reviews, trains, and then
# repeats: **score** the new unlabelled reviews, **pick** the ones worth labelling, **label**
# them, **retrain**. This lesson is about the pick. It starts from chapter 09's saved models:
# in tiny mode the course's committed copies, in full mode the folder chapter 09 saved (run 09
# in full mode first; the error says so if you have not).

# %%
models = helpers.ReviewModels.load(helpers.review_models_dir(course.mode), course.device)
aspects, levels = models.manifest.aspects, models.manifest.levels
new_reviews = helpers.load_unlabelled()[:1000]  # this week's new reviews
print(len(new_reviews), "new reviews;", len(aspects), "keywords; threshold",
      models.manifest.threshold)
new_reviews[:3]

# %% [markdown]
# ## Uncertainty of the keyword model
# Each keyword is a yes/no question answered by a sigmoid. At 0.5 the model is tossing a coin;
# at 0.02 or 0.97 it is sure. `1 - |2p - 1|` turns that into an uncertainty from 0 (sure) to 1
# (coin toss); a review is as uncertain as its least certain keyword.

# %%
import numpy as np
import pandas as pd

keyword_p = models.keyword_probabilities(new_reviews)
keyword_uncertainty = 1 - np.abs(2 * keyword_p - 1)
review_uncertainty = keyword_uncertainty.max(axis=1)
unsure = np.argsort(-review_uncertainty, kind="stable")[:5]
pd.DataFrame({
    "review": [new_reviews[i] for i in unsure],
    "unsure about": [aspects[keyword_uncertainty[i].argmax()] for i in unsure],
    "p": [keyword_p[i, keyword_uncertainty[i].argmax()].round(2) for i in unsure],
})

# %% [markdown]
# ## Uncertainty of the sentiment model: three measures
# For each keyword found, the sentiment model gives five probabilities. Three ways to say how
# unsure that is, each scaled to [0, 1] (1 = as unsure as five classes can be):
# - **least confidence** `(1 - max p) · N / (N - 1)`: only the top class counts;
# - **entropy** `-Σ p log p / log N`: every class counts;
# - **margin** `1 - (p₁ - p₂)`: the gap between the two most likely levels.

# %%
def least_confidence(p):
    n = p.shape[1]
    return (1 - p.max(axis=1)) * n / (n - 1)


def entropy(p):
    return -(p * np.log(np.clip(p, 1e-12, 1))).sum(axis=1) / np.log(p.shape[1])


def margin(p):
    top_two = np.sort(p, axis=1)[:, -2:]
    return 1 - (top_two[:, 1] - top_two[:, 0])

# %%
rows, columns = np.nonzero(keyword_p >= models.manifest.threshold)
pairs = pd.DataFrame({"review": [new_reviews[i] for i in rows],
                      "keyword": [aspects[k] for k in columns]})
sentiment_p = models.sentiment_probabilities(pairs.review, pairs.keyword)
pairs["level"] = [levels[i] for i in sentiment_p.argmax(axis=1)]
for measure in (least_confidence, entropy, margin):
    pairs[measure.__name__] = measure(sentiment_p).round(3)
print(len(pairs), "(review, keyword) pairs")
pairs.sort_values("least_confidence", ascending=False, kind="stable").head(5)

# %% [markdown]
# Do the three measures agree? A rank correlation near 1 says they order the pairs alike; the
# scatter plot shows where they part (one point per pair).

# %%
measures = ["least_confidence", "entropy", "margin"]
print(pairs[measures].corr(method="spearman").round(2))
helpers.scatter(pairs.least_confidence, pairs.entropy, "Two uncertainty measures, per pair",
                "least confidence", "entropy")

# %% [markdown]
# Entropy rises with least confidence but not in lock-step: a prediction split between two
# levels and one spread over all five can have the same top probability. Margin looks only at
# the top two, so it ranks "긍정 or 매우긍정?" as very uncertain even when the other three levels
# are ruled out: for five *ordered* levels that hesitation is often the cheap kind.
#
# ## Rare reviews: words the labelled data has not taught
# A review whose tokens hardly occur in the labelled reviews uses words the model has barely
# seen. Count every token of the labelled reviews once; a new review's rarity is the share of
# its tokens seen fewer than twice. (A tokenizer trained on the labelled reviews encodes the
# same counts: unknown pieces and the last, rarest merges. But WordPiece training breaks ties
# between equal counts differently from run to run, so counting directly is the repeatable
# version.)

# %%
from collections import Counter

from transformers import AutoTokenizer

reviews = helpers.load_reviews()
labelled = reviews[reviews.split == "train"].reset_index(drop=True)
korean = AutoTokenizer.from_pretrained(helpers.checkpoint("klue/roberta-base"))

# %%
def token_counts(texts):
    return Counter(t for ids in korean(list(texts), add_special_tokens=False)["input_ids"]
                   for t in ids)


def rarity(texts, counts, rare=2):
    """Share of each text's tokens seen fewer than `rare` times in the counted reviews."""
    ids = korean(list(texts), add_special_tokens=False)["input_ids"]
    return np.array([np.mean([counts[t] < rare for t in row]) for row in ids])

# %%
new_rarity = rarity(new_reviews, token_counts(labelled.review))
rarest = np.argsort(-new_rarity, kind="stable")[:3]
for i in rarest:
    print(round(new_rarity[i], 2), new_reviews[i], korean.tokenize(new_reviews[i])[:8])

# %% [markdown]
# ## Outliers: far from everything labelled
# A sentence embedding (the mean of the encoder's last hidden states over the real tokens)
# places each review in a space where similar reviews lie close. k-means finds 8 centres of the
# labelled reviews; a new review far from all of them is unlike anything labelled: a new topic,
# a new style, or noise.

# %%
import torch
from transformers import AutoModel

encoder = AutoModel.from_pretrained(helpers.checkpoint("klue/roberta-base")).to(course.device)


def embed(texts, batch_size=128):
    vectors = []
    for start in range(0, len(texts), batch_size):
        batch = korean(list(texts[start:start + batch_size]), padding=True, truncation=True,
                       return_tensors="pt").to(course.device)
        with torch.no_grad():
            hidden = encoder(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1)
        vectors.append(((hidden * mask).sum(1) / mask.sum(1)).cpu())
    return torch.cat(vectors).numpy()

# %%
from sklearn.cluster import KMeans

labelled_vectors = embed(labelled.review)
kmeans = KMeans(n_clusters=8, n_init=4, random_state=course.seed).fit(labelled_vectors)
distance = kmeans.transform(embed(new_reviews)).min(axis=1)
for name, picks in (("farthest", np.argsort(-distance)[:3]), ("closest", np.argsort(distance)[:2])):
    for i in picks:
        print(f"{name:8s} {distance[i]:.1f}  {new_reviews[i]}")

# %% [markdown]
# ## Stratified sampling by shop
# Before any model scores them, a team often draws reviews for labelling so that every shop
# (or category) is represented in proportion: a plain random draw can miss a small shop by
# chance. `groupby(...).sample(frac=...)` draws the same share from each group.

# %%
drawn = reviews.groupby("shop", group_keys=False).sample(frac=0.05, random_state=course.seed)
pd.DataFrame({"share of all reviews": reviews.shop.value_counts(normalize=True).round(3),
              "share of the sample": drawn.shop.value_counts(normalize=True).round(3)})

# %% [markdown]
# ## A simulated labelling loop
# Does picking by uncertainty beat picking at random? Simulate it on reviews whose labels we
# have: chapter 09's 840 training reviews become the unlabelled pool (their labels held back),
# 40 random ones are labelled to start, and each round a strategy picks 40 more, which are
# "labelled" by revealing their held-back labels. After each round the model is retrained and
# scored on the fixed test split (keyword micro-F1).
#
# Retraining the transformer 60 times would take minutes, so the simulation retrains a **cheap
# learner**: a linear keyword classifier on which subwords of the Korean tokenizer a review
# contains. It trains in milliseconds; the strategies are the ones above.

# %%
from sklearn.metrics import f1_score
from torch import nn

test = reviews[reviews.split == "test"].reset_index(drop=True)


def subwords(texts):
    """One 0/1 row per text: which of the tokenizer's subwords it contains."""
    x = torch.zeros(len(texts), len(korean))
    for row, ids in enumerate(korean(list(texts), add_special_tokens=False)["input_ids"]):
        x[row, ids] = 1.0
    return x


X, X_test = subwords(labelled.review), subwords(test.review)
Y, Y_test = torch.tensor(helpers.keyword_matrix(labelled)), helpers.keyword_matrix(test)

# %%
def train_learner(rows, seed, steps=80):
    """A linear multi-label classifier trained on the labelled rows (full-batch Adam)."""
    torch.manual_seed(seed)
    learner = nn.Linear(X.shape[1], Y.shape[1])
    optimizer = torch.optim.Adam(learner.parameters(), lr=0.1)
    for _ in range(steps):
        optimizer.zero_grad()
        nn.functional.binary_cross_entropy_with_logits(learner(X[rows]), Y[rows]).backward()
        optimizer.step()
    return learner


def test_micro_f1(learner):
    with torch.no_grad():
        predicted = (learner(X_test) > 0).numpy()  # logit > 0 is probability > 0.5
    return f1_score(Y_test, predicted, average="micro")

# %% [markdown]
# Each strategy gets the current learner, the labelled rows and the candidate rows, and returns
# the `k` candidates to label next.

# %%
pool_vectors = embed(labelled.review)


def by_random(learner, done, candidates, k, rng):
    return rng.choice(candidates, k, replace=False)


def by_uncertainty(learner, done, candidates, k, rng):
    with torch.no_grad():
        p = torch.sigmoid(learner(X[candidates])).numpy()
    return candidates[np.argsort(-(1 - np.abs(2 * p - 1)).max(axis=1), kind="stable")[:k]]


# %%
def by_outliers(learner, done, candidates, k, rng):
    centres = KMeans(n_clusters=8, n_init=2, random_state=0).fit(pool_vectors[done])
    return candidates[np.argsort(-centres.transform(pool_vectors[candidates]).min(axis=1))[:k]]


def by_rarity(learner, done, candidates, k, rng):
    counts = token_counts(labelled.review.iloc[done])
    scores = rarity(labelled.review.iloc[candidates], counts)
    return candidates[np.argsort(-scores, kind="stable")[:k]]

# %%
def simulate(strategy, seed, start=40, batch=40, rounds=4):
    """Micro-F1 on test after each round: `start` random labels, then `rounds` picks of `batch`."""
    rng = np.random.default_rng(seed)
    done = rng.choice(len(labelled), start, replace=False)
    scores = []
    for round_ in range(rounds + 1):
        learner = train_learner(done, seed)
        scores.append(test_micro_f1(learner))
        if round_ < rounds:
            candidates = np.setdiff1d(np.arange(len(labelled)), done)
            done = np.concatenate([done, strategy(learner, done, candidates, batch, rng)])
    return scores

# %%
strategies = {"random": by_random, "uncertainty": by_uncertainty,
              "outliers": by_outliers, "rarity": by_rarity}
seeds = (0, 1, 2)
curves = {name: [simulate(pick, seed) for seed in seeds] for name, pick in strategies.items()}
sizes = [40 + 40 * r for r in range(5)]
helpers.learning_curves(sizes, curves, "Keyword micro-F1 on test, mean of 3 seeds ± 1 sd")

# %%
means = pd.DataFrame({name: np.mean(c, axis=0) for name, c in curves.items()}, index=sizes)
print("The plotted means, per number of labelled reviews:")
print(means.round(3).to_string())
summary = pd.DataFrame({name: np.asarray(c)[:, -1] for name, c in curves.items()})
summary.agg(["mean", "std"]).round(3)

# %% [markdown]
# What does each strategy's first batch contain? Same start (seed 0), one pick of 40 each:
# how many of the 14 keywords the batch's labels cover, and how many keyword labels it brings.

# %%
start = np.random.default_rng(0).choice(len(labelled), 40, replace=False)
first_learner = train_learner(start, 0)
candidates = np.setdiff1d(np.arange(len(labelled)), start)
for name, pick in strategies.items():
    chosen = pick(first_learner, start, candidates, 40, np.random.default_rng(0))
    covered = Y[chosen].sum(0)
    print(f"{name:12s} keywords covered {int((covered > 0).sum()):2d}, labels {int(covered.sum())}")

# %% [markdown]
# ### What the curves show on this data
# Every strategy learns as labels are added. On the course's reviews, **random picking is as
# good as uncertainty, and better than outliers or rarity**, by more than the spread between
# seeds. The first batches say why: the random batch covers every keyword and brings the most
# labels; the outliers are mostly short one-line reviews (few keywords each), and the rarest
# and most uncertain reviews lean towards a few keywords. The course's reviews are written from
# a limited set of phrases, so "unusual" here rarely means "informative". On real, messier
# reviews uncertainty sampling often wins; the lesson that holds everywhere: **simulate on
# your own data first**, and mix strategies (some random picks in every batch, or the most
# uncertain review of each cluster).

# %%
final, spread = summary.mean(), summary.std()
print("random within 0.05 of the best strategy after 4 rounds:",
      bool(final["random"] >= final.max() - 0.05))
print("random above outliers and rarity by more than two spreads:",
      all(final["random"] - final[s] > 2 * max(spread["random"], spread[s])
          for s in ("outliers", "rarity")))
print("every strategy improved from the first to the last round:",
      all(np.mean(np.asarray(c)[:, -1] - np.asarray(c)[:, 0]) > 0.1 for c in curves.values()))

# %% [markdown]
# ### Try it: pick by margin
# Write `smallest_margin(probabilities, k)`: the indices of the `k` rows whose two most likely
# classes are closest (the smallest `p₁ - p₂`), smallest margin first, without changing
# `probabilities`. The solution is folded away in the cell after yours.

# %%
def smallest_margin(probabilities, k):
    ...  # your code


helpers.check_margin_selection(smallest_margin)

# %% tags=["solution"] cellView="form" jupyter={"source_hidden": true}
# @title Solution (double-click to show)
def smallest_margin(probabilities, k):
    top_two = np.sort(probabilities, axis=1)[:, -2:]
    return np.argsort(top_two[:, 1] - top_two[:, 0], kind="stable")[:k]


helpers.check_margin_selection(smallest_margin)

# %% [markdown]
# ## Quiz
# Replace `None` with the letter of your answer and run the cell: a right answer says why it
# is right, a wrong one gives a hint, and you can try again.

# %%
helpers.quiz("10.1", answer=None)

# %%
helpers.quiz("10.2", answer=None)

# %%
helpers.quiz("10.3", answer=None)

# %%
helpers.quiz("10.4", answer=None)

# %%
helpers.quiz("10.5", answer=None)

# %%
helpers.quiz("10.6", answer=None)

# %% [markdown]
# ## Summary
# - Active learning picks the reviews worth a labeller's time; it starts from the models you
#   have and repeats: score, pick, label, retrain.
# - Uncertainty: `1 - |2p - 1|` per keyword for a multi-label model; least confidence
#   (normalised), entropy and margin for a softmax, which agree on most pairs but not all.
# - Rarity (tokens the labelled reviews hardly contain) and outliers (distance to k-means
#   centres of sentence embeddings) find reviews unlike what is labelled.
# - Stratified draws keep every shop in the sample.
# - Simulate before you trust a strategy: on this data random picking is as good as any.
#
# Next: **11 · Compression and serving**: make the review models small and fast, and put them
# in an app.
