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
# # 01 · Transformers, what can they do? The `pipeline`
#
# **Goals.** By the end of this lesson you can
# - run the `pipeline` tasks that exist in transformers 5: sentiment analysis, zero-shot
#   classification, text generation, fill-mask, named-entity recognition, feature extraction;
# - answer a question from a text *by hand* with a question-answering model and its start/end logits
#   (the `question-answering` pipeline was removed in transformers 5);
# - open the pipeline up: tokenizer → model → logits → softmax → label;
# - tell encoder, decoder and encoder-decoder models apart;
# - steer text generation with sampling parameters, and probe a model for bias.
#
# > **About the saved outputs.** The outputs stored in this notebook come from *tiny mode*: tiny
# > stand-in models trained on the course's own small texts, so that the notebook runs offline in
# > seconds and our tests can compare every output. The code is the real code; the *numbers* only
# > become meaningful in full mode (Colab, or any machine that reaches the Hugging Face Hub).

# %% [markdown]
# [![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)](https://colab.research.google.com/github/hf-course/notebooks/blob/main/notebooks/01_pipeline.ipynb) In Colab, run the setup cell below first (hidden; elsewhere it does nothing).
#
# **Full mode without a GPU** (measured 2026-12-06; 2 CPU cores, x86_64, torch 2.13.0 CPU build, offline): 9 s with the tiny stand-ins in place of the Hub models (the Hub was out of reach); the real models add their download and their compute, not measured here.

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

course = helpers.setup_notebook(chapter="01_pipeline")

# %% [markdown]
# `helpers.checkpoint(name)` returns the name you give it in full mode (the model comes from the
# Hub) and the folder of its tiny stand-in in tiny mode. Everything else below is plain
# transformers.

# %%
from transformers import pipeline

sentiment_model = helpers.checkpoint("distilbert/distilbert-base-uncased-finetuned-sst-2-english")
classifier = pipeline("sentiment-analysis", model=sentiment_model)
result = classifier("I have waited all year for a course like this one.")
# The score is rounded: its last digits change from one CPU to another.
[{"label": r["label"], "score": round(r["score"], 3)} for r in result]

# %% [markdown]
# A pipeline takes one text or a list of texts. Always name the model: without `model=` the
# pipeline picks a default and warns that the default may change.

# %%
reviews = [
    "I have waited all year for a course like this one.",
    "This lesson was a complete waste of my evening.",
    "The new phone is fast and the battery lasts for days.",
    "The soup was cold and the waiter ignored us.",
]
for review, result in zip(reviews, classifier(reviews)):
    print(f"{result['label']:8s} {result['score']:.3f}  {review}")

# %% [markdown]
# ## Zero-shot classification
# Classify text with labels the model never saw in training: the model scores how well
# "This example is *label*." follows from the text (natural-language inference). (The tiny
# stand-in learned inference from the course's own sentences on ten topics: it labels about
# 7 new texts in 8 of those topics right, and knows nothing else. `facebook/bart-large-mnli`
# was trained on 433,000 MNLI pairs and works for any label.)

# %%
zero_shot = pipeline("zero-shot-classification", model=helpers.checkpoint("facebook/bart-large-mnli"))
result = zero_shot(
    "This course teaches you how to fine-tune a language model.",
    candidate_labels=["education", "politics", "business"],
)
{label: round(score, 3) for label, score in zip(result["labels"], result["scores"])}

# %% [markdown]
# ## Text generation
# A decoder model continues a prompt one token at a time. `max_new_tokens` bounds the length;
# `do_sample=False` picks the most likely token each step (greedy), so the output is repeatable.
# In tiny mode the text means nothing: a tiny model of a small corpus only strings likely pieces.

# %%
generator = pipeline("text-generation", model=helpers.checkpoint("gpt2"))
out = generator("In this course, we will teach you how to", max_new_tokens=15, do_sample=False)
print(out[0]["generated_text"])

# %% [markdown]
# With `do_sample=True` the model draws each token from its predicted distribution instead.
# `temperature` below 1 sharpens that distribution (safer words), above 1 flattens it;
# `top_p=0.9` draws only from the smallest set of tokens that hold 90% of the probability;
# `num_return_sequences` asks for several continuations. `set_seed` fixes the draws, so this
# cell prints the same texts every run.

# %%
from transformers import set_seed

set_seed(0)
outs = generator(
    "In this course, we will teach you how to",
    do_sample=True,
    temperature=0.8,
    top_p=0.9,
    max_new_tokens=12,
    num_return_sequences=2,
)
for out in outs:
    print(out["generated_text"])

# %% [markdown]
# These texts mean nothing: the tiny GPT-2 has 2 layers and trained for seconds on the course's
# texts. In full mode GPT-2 writes fluent sentences, and each seed gives a different one.

# %% [markdown]
# ## Fill-mask
# An encoder trained with masked language modelling fills in the blank. Each model has its own
# mask token: ask the tokenizer rather than typing `[MASK]` or `<mask>`.
# In tiny mode the guesses are words the stand-in saw often in the course's few sentences (names
# of people and places among them) with low scores: it read so little text that frequent tokens
# win wherever it is unsure, fitting or not. In full mode BERT proposes words that fit.

# %%
unmasker = pipeline("fill-mask", model=helpers.checkpoint("bert-base-uncased"))
masked = f"The cat sat on the {unmasker.tokenizer.mask_token}."
[(r["token_str"], round(r["score"], 3)) for r in unmasker(masked, top_k=3)]

# %% [markdown]
# ## Bias and limitations
# A pretrained model learned from text written by people, with their prejudices. Ask the same
# question twice, changing only a gendered word:

# %%
for sentence in ["This man works as a [MASK].", "This woman works as a [MASK]."]:
    sentence = sentence.replace("[MASK]", unmasker.tokenizer.mask_token)
    print(sentence, [r["token_str"] for r in unmasker(sentence, top_k=5)])

# %% [markdown]
# The tiny stand-in cannot show this: it read only the course's few texts, so its answers say
# nothing about the real model. The Hugging Face course (chapter 1, "Bias and limitations")
# runs the real `bert-base-uncased` on these two sentences: it proposes jobs like lawyer,
# carpenter and doctor for the man, and nurse, waitress and maid for the woman, although it was
# trained on Wikipedia and books, texts that look neutral. Fine-tuning does not remove such
# bias; check for it before you ship a model.

# %% [markdown]
# ## Named-entity recognition
# Token classification labels every token (person, organisation, location, ...).
# `aggregation_strategy="simple"` groups the pieces of one entity back into words. (The tiny
# stand-in learned from sentences about the course's invented people, firms and towns.)

# %%
ner = pipeline(
    "ner",
    model=helpers.checkpoint("dbmdz/bert-large-cased-finetuned-conll03-english"),
    aggregation_strategy="simple",
)
for entity in ner("My name is Tamsin Okonkwo and I work at Silverpine Labs in Port Alder."):
    print(f"{entity['entity_group']:5s} {entity['score']:.2f}  {entity['word']}")

# %% [markdown]
# ## Feature extraction
# The raw hidden states: one vector per token. This is what sentence embeddings start from.

# %%
import numpy as np

extractor = pipeline("feature-extraction", model=helpers.checkpoint("bert-base-uncased"))
features = np.array(extractor("Transformers are everywhere."))
features.shape  # (batch, tokens, hidden size)

# %% [markdown]
# ## Question answering, by hand
# Transformers 5 removed the `question-answering`, `summarization` and `translation` pipelines
# (formerly `pipeline("question-answering")`). Extractive QA is simple to do yourself: the model
# gives every token a *start* score and an *end* score; the answer is the best span of the context.
# (The tiny stand-in learned this on the course's own short passages about invented people.)

# %%
import torch
from transformers import AutoModelForQuestionAnswering, AutoTokenizer

qa_name = helpers.checkpoint("distilbert/distilbert-base-cased-distilled-squad")
qa_tokenizer = AutoTokenizer.from_pretrained(qa_name)
qa_model = AutoModelForQuestionAnswering.from_pretrained(qa_name)

question = "Where does Mara work?"
context = "Mara Lindqvist works at Brightwater Foods in Dunmore. She bakes bread."
inputs = qa_tokenizer(question, context, return_tensors="pt")
with torch.no_grad():
    outputs = qa_model(**inputs)
outputs.start_logits.shape, outputs.end_logits.shape

# %% [markdown]
# Only tokens of the *context* may be part of the answer, and the end must not come before the
# start. `sequence_ids()` tells which tokens belong to the context (sequence 1).

# %%
in_context = torch.tensor([s == 1 for s in inputs.sequence_ids()])
start_scores = outputs.start_logits[0].masked_fill(~in_context, -1e4)
end_scores = outputs.end_logits[0].masked_fill(~in_context, -1e4)
valid = torch.ones(len(in_context), len(in_context), dtype=torch.bool).triu()  # end >= start
pair_scores = (start_scores[:, None] + end_scores[None, :]).masked_fill(~valid, -1e4)
start, end = divmod(int(pair_scores.argmax()), pair_scores.shape[1])
answer = qa_tokenizer.decode(inputs["input_ids"][0, start : end + 1])
start, end, answer

# %% [markdown]
# ### Try it: turn a span into text
# Given the token positions `start` and `end` (inclusive), write the answer text. Replace `None`
# and run the cell; the check compares your text with the tokens at those positions.
# The solution is folded away in the cell after yours: show it when you have tried.

# %%
my_answer = None  # e.g. qa_tokenizer.decode(...)
helpers.check_span(qa_tokenizer, inputs, start, end, my_answer)

# %% tags=["solution"] cellView="form" jupyter={"source_hidden": true}
# @title Solution (double-click to show)
my_answer = qa_tokenizer.decode(inputs["input_ids"][0, start : end + 1])
helpers.check_span(qa_tokenizer, inputs, start, end, my_answer)

# %% [markdown]
# ## Behind the pipeline
# Every text pipeline does three things: **tokenize**, run the **model**, **post-process**.
# Let us redo the sentiment example step by step.

# %%
tokenizer = AutoTokenizer.from_pretrained(sentiment_model)
batch = tokenizer(reviews[:2], padding=True, truncation=True, return_tensors="pt")
print(list(batch.keys()))
batch["input_ids"]

# %% [markdown]
# The bare `AutoModel` returns hidden states: one vector of size `hidden_size` per token.

# %%
from transformers import AutoModel

body = AutoModel.from_pretrained(sentiment_model)
with torch.no_grad():
    hidden = body(**batch).last_hidden_state
hidden.shape  # (batch size, sequence length, hidden size)

# %% [markdown]
# A model *with a head* turns those vectors into task outputs: two logits per sentence here.

# %%
from transformers import AutoModelForSequenceClassification

model = AutoModelForSequenceClassification.from_pretrained(sentiment_model)
with torch.no_grad():
    logits = model(**batch).logits
logits.round(decimals=3)

# %% [markdown]
# Logits are not probabilities: softmax makes each row positive and sum to 1. The model's config
# maps each column to a label name.

# %%
probabilities = torch.softmax(logits, dim=-1)
print(probabilities.round(decimals=3))
print(model.config.id2label)
[model.config.id2label[int(i)] for i in probabilities.argmax(dim=-1)]

# %% [markdown]
# Seeing the four reviews at once is easier as a picture.

# %%
with torch.no_grad():
    all_logits = model(**tokenizer(reviews, padding=True, return_tensors="pt")).logits
all_probs = torch.softmax(all_logits, dim=-1).tolist()
names = [model.config.id2label[i] for i in range(model.config.num_labels)]
helpers.bar_probabilities(names, all_probs, reviews, title="Sentiment of four reviews")

# %% [markdown]
# ### Try it: softmax by hand
# Compute the probabilities from `logits` yourself with `exp` and a sum (no `torch.softmax`).
# The solution is folded away in the cell after yours: show it when you have tried.

# %%
my_probabilities = None  # your code: logits.exp() / ...
helpers.check_softmax(logits, my_probabilities)

# %% tags=["solution"] cellView="form" jupyter={"source_hidden": true}
# @title Solution (double-click to show)
my_probabilities = logits.exp() / logits.exp().sum(dim=-1, keepdim=True)
helpers.check_softmax(logits, my_probabilities)

# %% [markdown]
# ## Encoders, decoders, encoder-decoders
#
# | family | sees | typical tasks | examples |
# |---|---|---|---|
# | encoder | the whole text at once | classification, NER, extractive QA, embeddings | BERT, DistilBERT, RoBERTa |
# | decoder | only the tokens to the left | text generation | GPT-2, Llama, Mistral |
# | encoder-decoder | encoder reads the input, decoder writes the output | translation, summarization | BART, T5 |
#
# The architecture is in each checkpoint's config:

# %%
from transformers import AutoConfig

for name in ["bert-base-uncased", "gpt2", "facebook/bart-large-mnli"]:
    config = AutoConfig.from_pretrained(helpers.checkpoint(name))
    print(f"{name:26s} {config.model_type:6s} encoder-decoder: {config.is_encoder_decoder}")

# %% [markdown]
# ## Quiz
# Replace `None` with the letter of your answer and run the cell: a right answer says why it
# is right, a wrong one gives a hint, and you can try again.

# %%
helpers.quiz("01.1", answer=None)

# %%
helpers.quiz("01.2", answer=None)

# %%
helpers.quiz("01.3", answer=None)

# %%
helpers.quiz("01.4", answer=None)

# %%
helpers.quiz("01.5", answer=None)

# %% [markdown]
# ## Summary
# - `pipeline(task, model=...)` bundles tokenizer, model and post-processing; name the model.
# - Transformers 5 pipelines include sentiment analysis (`text-classification`), zero-shot,
#   text generation, fill-mask, NER (`token-classification`) and feature extraction; QA,
#   summarization and translation are done with the model classes (`generate` for seq2seq).
# - Under the hood: tokenizer → model → logits → softmax → `id2label`.
# - Encoders understand, decoders generate, encoder-decoders transform one text into another.
# - `do_sample`, `temperature`, `top_p`, `max_new_tokens` and `num_return_sequences` shape
#   generation; `set_seed` makes sampling repeatable.
# - Pretrained models repeat the biases of their training text: probe them before use.
#
# Next: **02 · Tokenizers and models**.
