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
# # 02 · Tokenizers and models
#
# **Goals.** By the end of this lesson you can
# - compare word, character and subword tokenization (in English and in Korean);
# - go from text to ids and back, and say what the special tokens are for;
# - batch sentences of different lengths with padding and an attention mask, and show why the
#   mask matters; truncate long inputs; encode sentence pairs;
# - train a new tokenizer on your own corpus with `train_new_from_iterator`;
# - create a model from a config or from pretrained weights, and save it.
#
# > **About the saved outputs.** The outputs stored in this notebook come from *tiny mode*: tiny
# > stand-in checkpoints whose vocabularies were trained on the course's own texts. The code is the
# > real code; in full mode (Colab, or any machine that reaches the Hub) the vocabularies are
# > the real ones and the token lists change accordingly.

# %% [markdown]
# [![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)](https://colab.research.google.com/github/hf-course/notebooks/blob/main/notebooks/02_tokenizers.ipynb) In Colab, run the setup cell below first (hidden; elsewhere it does nothing).
#
# **Full mode without a GPU** (measured 2026-12-06; 2 CPU cores, x86_64, torch 2.13.0 CPU build, offline): 10 s with the tiny stand-ins in place of the Hub models (the Hub was out of reach); the real models add their download and their compute, not measured here.

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

course = helpers.setup_notebook(chapter="02_tokenizers")

# %% [markdown]
# ## Three ways to split text
# **Words** give a huge vocabulary and unknown words; **characters** give long sequences of
# tokens that mean little alone; **subwords** keep frequent words whole and split rare words
# into meaningful pieces.

# %%
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained(helpers.checkpoint("bert-base-cased"))
sentence = "Tokenizers split unbelievable words into pieces."
splits = {
    "words": sentence.split(),
    "characters": list(sentence),
    "subwords": tokenizer.tokenize(sentence),
}
for kind, tokens in splits.items():
    print(f"{kind:10s} {len(tokens):3d}  {tokens[:12]}")

# %%
helpers.bars(list(splits), [len(t) for t in splits.values()], "Tokens for one sentence", "tokens")

# %% [markdown]
# WordPiece marks a piece that continues a word with `##`. In Korean, a space separates
# *eojeol* (a word plus its particles and endings), so splitting on spaces gives long, rare units.
# A subword tokenizer splits them into pieces of its vocabulary: one learned on Korean text keeps
# frequent stems and endings whole, but BERT's English vocabulary has little more than single
# syllables, so the cased tokenizer below splits every word syllable by syllable. An *uncased*
# BERT also lowercases and strips accents with Unicode decomposition, which breaks Hangul
# syllables into their letters (jamo).

# %%
korean = helpers.course_text("korean").split(".")[0] + "."
uncased = AutoTokenizer.from_pretrained(helpers.checkpoint("bert-base-uncased"))
print(korean)
print("words:  ", korean.split())
print("cased:  ", tokenizer.tokenize(korean))
print("uncased:", uncased.tokenize(korean)[:16])

# %% [markdown]
# ## From text to ids, and back
# The model only sees integers: each token's index in the vocabulary.

# %%
tokens = tokenizer.tokenize("Using a Transformer network is simple")
ids = tokenizer.convert_tokens_to_ids(tokens)
print(tokens)
print(ids)
tokenizer.decode(ids)

# %% [markdown]
# Calling the tokenizer does all of it at once **and adds the special tokens** the model was
# trained with: `[CLS]` at the start and `[SEP]` at the end for BERT.

# %%
encoded = tokenizer("Using a Transformer network is simple")
print(encoded["input_ids"])
print(tokenizer.convert_ids_to_tokens(encoded["input_ids"]))
{name: (token, tokenizer.convert_tokens_to_ids(token)) for name, token in tokenizer.special_tokens_map.items()}

# %% [markdown]
# `decode` gives the special tokens back too; `skip_special_tokens=True` leaves the text alone
# (what you want when you show a model's output to a person).

# %%
print(tokenizer.decode(encoded["input_ids"]))
print(tokenizer.decode(encoded["input_ids"], skip_special_tokens=True))

# %% [markdown]
# ## Batching: padding and the attention mask
# Tensors must be rectangular, so shorter sentences are **padded** with the pad token. The
# **attention mask** tells the model which positions are real (1) and which are padding (0).
# Let us see what happens without it, with the sentiment model of lesson 01.

# %%
import torch
from transformers import AutoModelForSequenceClassification

sentiment_name = helpers.checkpoint("distilbert/distilbert-base-uncased-finetuned-sst-2-english")
sst_tokenizer = AutoTokenizer.from_pretrained(sentiment_name)
model = AutoModelForSequenceClassification.from_pretrained(sentiment_name)
pair = ["The hotel was lovely.", "The train was late again and the seats were dirty."]
with torch.no_grad():
    single = [model(**sst_tokenizer(s, return_tensors="pt")).logits[0] for s in pair]
torch.stack(single).round(decimals=3)

# %%
padded = sst_tokenizer(pair, padding=True, return_tensors="pt")
print(padded["input_ids"])
print(padded["attention_mask"])

# %%
with torch.no_grad():
    no_mask = model(input_ids=padded["input_ids"]).logits
    with_mask = model(**padded).logits
print("without mask:", no_mask.round(decimals=3))
print("with mask:   ", with_mask.round(decimals=3))
print("same as one at a time, with mask:", torch.allclose(with_mask, torch.stack(single), atol=1e-5))
print("same as one at a time, without mask:", torch.allclose(no_mask, torch.stack(single), atol=1e-5))

# %% [markdown]
# Without the mask, the short sentence's logits change: its tokens attend to the padding.
#
# ### The batch dimension
# Models take a *batch*: ids of shape (batch size, length). The ids of one sentence as a flat
# tensor are one dimension short, and the model fails; `unsqueeze(0)` (or calling the tokenizer
# with `return_tensors="pt"`, which always adds it) makes a batch of one.

# %%
flat = torch.tensor(sst_tokenizer("The hotel was lovely.")["input_ids"])
try:
    model(flat)
except Exception as error:  # the error a learner meets first
    print(f"shape {tuple(flat.shape)}: {type(error).__name__}")
with torch.no_grad():
    print(f"shape {tuple(flat.unsqueeze(0).shape)}:", model(flat.unsqueeze(0)).logits.round(decimals=3))

# %% [markdown]
# ### Padding strategies
# `padding=True` (or `"longest"`) pads to the longest sentence of the batch; `"max_length"` pads
# every sentence to `max_length` (fixed shapes, e.g. for some accelerators); with
# `truncation=True` longer ones are cut to it.

# %%
batch = ["Great value.", "Friendly staff and a quiet, clean room with a view of the old harbour."]
for options in [dict(padding=True), dict(padding="max_length", max_length=24),
                dict(padding="max_length", max_length=8, truncation=True)]:
    shape = tuple(sst_tokenizer(batch, return_tensors="pt", **options)["input_ids"].shape)
    print(f"{options}: shape {shape}")
#
# ### Try it: a padded batch that gives the right logits
# Tokenize the three sentences below into one padded batch, run the model with the attention
# mask, and store the logits in `my_logits`.
# The solution is folded away in the cell after yours: show it when you have tried.

# %%
three = ["Great value.", "The room smelled of smoke.", "Friendly staff and a quiet, clean room."]
my_logits = None  # your code
helpers.check_padded_batch(model, sst_tokenizer, three, my_logits)

# %% tags=["solution"] cellView="form" jupyter={"source_hidden": true}
# @title Solution (double-click to show)
with torch.no_grad():
    my_logits = model(**sst_tokenizer(three, padding=True, return_tensors="pt")).logits
helpers.check_padded_batch(model, sst_tokenizer, three, my_logits)

# %% [markdown]
# ## Truncation
# Models have a maximum length (512 tokens for BERT). `truncation=True` cuts longer inputs;
# `max_length` sets your own limit. How long are the course's paraphrase sentences?

# %%
mrpc = helpers.load_dataset("glue", "mrpc", split="train")
pairs = tokenizer(list(mrpc["sentence1"]), list(mrpc["sentence2"]))
lengths = [len(ids) for ids in pairs["input_ids"]]
print(f"{len(lengths)} pairs, longest {max(lengths)} tokens")
helpers.histogram(lengths, "Tokens per sentence pair", "tokens", mark=64)

# %%
cut = tokenizer(mrpc[0]["sentence1"], mrpc[0]["sentence2"], truncation=True, max_length=16)
print(len(cut["input_ids"]), tokenizer.decode(cut["input_ids"]))

# %% [markdown]
# ### Long inputs: overlapping windows
# Truncation throws text away. To keep all of a long text, cut it into windows of `max_length`
# tokens with `return_overflowing_tokens=True`; `stride` makes consecutive windows overlap by
# that many tokens, so nothing sits only at a cut (question answering uses this on long pages).

# %%
long_text = " ".join(mrpc["sentence1"][:4])
windows = tokenizer(long_text, max_length=24, truncation=True, stride=6,
                    return_overflowing_tokens=True)
print(len(windows["input_ids"]), "windows of", [len(ids) for ids in windows["input_ids"]], "tokens")
print("end of window 1:  ", tokenizer.decode(windows["input_ids"][0][-7:-1]))
print("start of window 2:", tokenizer.decode(windows["input_ids"][1][1:7]))

# %% [markdown]
# ## Sentence pairs and `token_type_ids`
# Tasks like paraphrase detection feed two sentences at once. BERT separates them with `[SEP]`
# and marks each token with the sentence it belongs to (0 or 1). DistilBERT has no such ids.

# %%
pair_encoding = tokenizer("The cat sat.", "It was tired.")
for token, type_id in zip(tokenizer.convert_ids_to_tokens(pair_encoding["input_ids"]),
                          pair_encoding["token_type_ids"]):
    print(f"{token:8s} {type_id}")

# %% [markdown]
# ### Try it: encode a pair
# Encode the two sentences below as *one* pair (not two separate texts) and store the result.
# The solution is folded away in the cell after yours: show it when you have tried.

# %%
first, second = "The museum opens at nine.", "Doors open at 9 a.m."
my_encoding = None  # your code
helpers.check_pair_encoding(tokenizer, first, second, my_encoding)

# %% tags=["solution"] cellView="form" jupyter={"source_hidden": true}
# @title Solution (double-click to show)
my_encoding = tokenizer(first, second)
helpers.check_pair_encoding(tokenizer, first, second, my_encoding)

# %% [markdown]
# ## Tensors for your framework
# `return_tensors="pt"` gives PyTorch tensors and `"np"` NumPy arrays; without it you get lists.

# %%
for kind in ["pt", "np", None]:
    value = tokenizer(["Hi!", "Hello there!"], padding=True, return_tensors=kind)["input_ids"]
    print(f"{kind!s:5s} {type(value).__name__}")

# %% [markdown]
# ## Training a new tokenizer
# A tokenizer's vocabulary is learned from text. `train_new_from_iterator` keeps an existing
# tokenizer's recipe (normalization, pre-tokenization, special tokens) and learns a new
# vocabulary from your corpus. Here: the GPT-2 recipe on the course's English corpus.

# %%
paragraphs = [p for p in helpers.course_text("english").splitlines() if p.strip()]
old = AutoTokenizer.from_pretrained(helpers.checkpoint("gpt2"))
batches = (paragraphs[i : i + 50] for i in range(0, len(paragraphs), 50))
new = old.train_new_from_iterator(batches, vocab_size=400, show_progress=False)
print(len(old), "->", len(new), "tokens in the vocabulary")

# %% [markdown]
# With a much smaller vocabulary, the same English sentence needs more tokens: on GPT-2's own
# kind of text, a small retrained vocabulary loses. Your own tokenizer pays off on text unlike
# the original training data (code, another language, a special domain).

# %%
text = "Tokenizers learn their vocabulary from a corpus."
for name, tok in [("original", old), ("new, 400 tokens", new)]:
    print(f"{name:16s} {len(tok.tokenize(text)):2d} tokens")
new.save_pretrained(course.run_dir / "my-tokenizer")
sorted(p.name for p in (course.run_dir / "my-tokenizer").iterdir())

# %% [markdown]
# Now the case where it pays. GPT-2's byte-level BPE learned its vocabulary from English web
# text, so Korean falls apart into bytes: a Hangul syllable is 3 bytes in UTF-8 and often costs
# 2 or 3 tokens. The same recipe, trained on the course's unlabelled Korean reviews (chapter
# 09's data), learns syllables and whole words of that domain. Judge both on a review that is in
# neither training set:

# %%
reviews = helpers.load_unlabelled()
reviews_tokenizer = old.train_new_from_iterator(
    (reviews[i : i + 50] for i in range(0, len(reviews), 50)), vocab_size=1000, show_progress=False
)
unseen = "배송은 하루 만에 왔는데 포장이 조금 찢어져 있었어요. 맛은 괜찮아요."
for name, tok in [("GPT-2's", old), ("trained on reviews", reviews_tokenizer)]:
    print(f"{name:18s} {len(tok.tokenize(unseen)):3d} tokens")
fewer = len(reviews_tokenizer.tokenize(unseen)) < len(old.tokenize(unseen))
print("the retrained one needs fewer:", fewer)
first_ids = reviews_tokenizer(unseen)["input_ids"][:8]
[reviews_tokenizer.decode([i]) for i in first_ids]  # its first tokens, as text

# %% [markdown]
# Common words of the reviews are single tokens now. A syllable the 1,000-token vocabulary lacks
# still falls back to its bytes, and one byte alone decodes to `�`: byte-level BPE never
# answers `[UNK]`, it spends more tokens instead.

# %% [markdown]
# ## Models: from a config, or from pretrained weights
# A **config** holds the architecture (sizes, layers, vocabulary size). `from_config` builds the
# model with *random* weights; `from_pretrained` loads the trained weights too.

# %%
from transformers import AutoConfig, AutoModel

bert_name = helpers.checkpoint("bert-base-cased")
config = AutoConfig.from_pretrained(bert_name)
print(config.model_type, config.hidden_size, config.num_hidden_layers, config.vocab_size)
random_model = AutoModel.from_config(config)
trained_model = AutoModel.from_pretrained(bert_name)

# %%
inputs = tokenizer("Hello world!", return_tensors="pt")
with torch.no_grad():
    random_out = random_model(**inputs).last_hidden_state
    trained_out = trained_model(**inputs).last_hidden_state
print(random_out.shape, trained_out.shape)
print("same outputs:", torch.allclose(random_out, trained_out))

# %% [markdown]
# `save_pretrained` writes the config and the weights (as safetensors); save the tokenizer next
# to them and the folder loads with `from_pretrained(folder)`, offline.

# %%
folder = course.run_dir / "my-bert"
trained_model.save_pretrained(folder)
tokenizer.save_pretrained(folder)
for path in sorted(folder.iterdir()):
    print(f"{path.name:24s} {path.stat().st_size / 1024:8.1f} KiB")

# %%
reloaded = AutoModel.from_pretrained(folder)
with torch.no_grad():
    print("reloaded = trained:", torch.equal(reloaded(**inputs).last_hidden_state, trained_out))

# %% [markdown]
# ## Quiz
# Replace `None` with the letter of your answer and run the cell: a right answer says why it
# is right, a wrong one gives a hint, and you can try again.

# %%
helpers.quiz("02.1", answer=None)

# %%
helpers.quiz("02.2", answer=None)

# %%
helpers.quiz("02.3", answer=None)

# %%
helpers.quiz("02.4", answer=None)

# %%
helpers.quiz("02.5", answer=None)

# %% [markdown]
# ## Summary
# - Subword tokenizers balance vocabulary size and sequence length; `##` marks a word piece.
# - `tokenizer(text)` = tokenize → ids → special tokens; `decode` goes back.
# - Batches need padding **and** the attention mask, or padded sentences get different outputs.
# - `truncation=True, max_length=...` bounds the length; pairs get `token_type_ids` in BERT.
# - `train_new_from_iterator` learns a vocabulary from your corpus with a known recipe.
# - `from_config` = random weights, `from_pretrained` = trained weights; `save_pretrained` writes
#   config, weights and (for the tokenizer) vocabulary files.
#
# Next: **03 · Fine-tuning with the Trainer on MRPC**.
