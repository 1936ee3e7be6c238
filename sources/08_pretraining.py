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
# # 08 · Pretraining from scratch: a tokenizer, a masked LM and a causal LM
#
# **Goals.** By the end of this lesson you can
# - build a WordPiece tokenizer from the `tokenizers` building blocks (normalizer,
#   pre-tokenizer, model, trainer, post-processor, decoder), train it on English and Korean text,
#   and wrap it for `transformers`; and retrain an existing tokenizer in one call;
# - size a BERT with `BertConfig` and build an untrained `BertForMaskedLM` from it;
# - prepare a corpus for language modelling: tokenize, group into fixed-size blocks, hold out
#   lines for evaluation;
# - read what `DataCollatorForLanguageModeling` does to a batch (the 80/10/10 rule);
# - pretrain with `Trainer`, measure perplexity, and query the model with a fill-mask pipeline;
# - continue pretraining a trained BERT on review text (domain adaptation);
# - pretrain a small GPT-2 (causal LM) and generate text greedily and by sampling.
#
# > **About the saved outputs.** The outputs stored in this notebook come from *tiny mode*: a
# > BERT and a GPT-2 with two layers of width 64, pretrained for seconds on the course's own
# > corpus (about 12,000 English words), so that the notebook runs offline in under a minute and
# > our tests can compare every output. The code is the real code and the losses really fall,
# > but a model this small, trained this briefly, predicts mostly frequent words and generates
# > text that means nothing. Real pretraining costs far more (see the end of the lesson); full
# > mode uses larger sizes and trains longer, still on the course's corpus.

# %% [markdown]
# [![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)](https://colab.research.google.com/github/hf-course/notebooks/blob/main/notebooks/08_pretraining.ipynb) In Colab, run the setup cell below first (hidden; elsewhere it does nothing).
#
# **Full mode without a GPU** (measured 2026-12-06; 2 CPU cores, x86_64, torch 2.13.0 CPU build, offline): about 3 min; the models it trains are its own, sized for a CPU.

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

course = helpers.setup_notebook(chapter="08_pretraining")

# %% [markdown]
# ## The corpus
# Pretraining needs only raw text: no labels. Ours is the course's English corpus (one paragraph
# per line) and a short Korean passage, both in `data/corpus`.

# %%
english = [line for line in helpers.course_text("english").splitlines() if line.strip()]
korean = [line for line in helpers.course_text("korean").splitlines() if line.strip()]
print(len(english), "English paragraphs,", len(korean), "Korean paragraphs")
print(english[0][:80])
print(korean[0][:30])

# %% [markdown]
# ## A tokenizer from scratch
# A `tokenizers.Tokenizer` is a pipeline of parts you choose one by one:
# 1. the **normalizer** cleans the text (Unicode form, lowercase, accents);
# 2. the **pre-tokenizer** cuts it into words (on spaces and punctuation);
# 3. the **model** splits each word into tokens of its vocabulary (here WordPiece, BERT's model,
#    which marks a piece that continues a word with `##`);
# 4. the **post-processor** adds the special tokens (`[CLS]`, `[SEP]`);
# 5. the **decoder** turns tokens back into text.
#
# Each part can be tried on its own:

# %%
from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers

wordpiece = Tokenizer(models.WordPiece(unk_token="[UNK]"))
wordpiece.normalizer = normalizers.BertNormalizer(lowercase=True, strip_accents=False)
wordpiece.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
wordpiece.decoder = decoders.WordPiece(prefix="##")
print(wordpiece.normalizer.normalize_str("Héllo WORLD, 안녕하세요"))
print(wordpiece.pre_tokenizer.pre_tokenize_str("Don't stop, it's 9am."))

# %% [markdown]
# Uncased BERT's normalizer is `NFD` + `Lowercase` + `StripAccents`: NFD splits "é" into "e" and
# an accent, which is then dropped. NFD also splits every Korean syllable into its letters (jamo),
# so the text gets longer (the cell below counts by how much). That is why we keep accents
# (`strip_accents=False`):

# %%
uncased_bert = normalizers.Sequence(
    [normalizers.NFD(), normalizers.Lowercase(), normalizers.StripAccents()]
)
for text in ["Héllo", "안녕하세요"]:
    normalized = uncased_bert.normalize_str(text)
    print(f"{text}: {len(text)} -> {len(normalized)} characters")

# %% [markdown]
# The **trainer** learns the vocabulary from the text: it starts from single characters and
# merges frequent pairs until it has `vocab_size` tokens. The special tokens are reserved first.
# A vocabulary of 1,000 is tiny (bert-base-uncased has 30,522) and trains in a blink.

# %%
from tokenizers import trainers

special_tokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
wordpiece_trainer = trainers.WordPieceTrainer(
    vocab_size=1000, special_tokens=special_tokens, show_progress=False
)
wordpiece.train_from_iterator(english + korean, trainer=wordpiece_trainer)
print(wordpiece.get_vocab_size(), "tokens;", wordpiece.encode("The cat sat on the mat.").tokens)

# %% [markdown]
# The trainer breaks ties between equally frequent merges in an order that changes from one
# Python process to the next: the same tokens, but numbered differently each time (a known
# property of the `tokenizers` trainers). A model's embeddings are indexed by those numbers, so we renumber the vocabulary
# in a fixed order (special tokens, then alphabetical) to make the training below repeatable.
# Tokenizing is unchanged: WordPiece looks tokens up by their text.

# %%
vocab = wordpiece.get_vocab()
ordered = special_tokens + sorted(set(vocab) - set(special_tokens))
wordpiece.model = models.WordPiece({token: i for i, token in enumerate(ordered)}, unk_token="[UNK]")
print(ordered[:8], "...")
print(wordpiece.encode("The cat sat on the mat.").tokens)

# %% [markdown]
# The **post-processor** adds BERT's special tokens with `TemplateProcessing`: `$A` and `$B`
# stand for the first and second text, and `:1` gives the second sentence token type 1.

# %%
from tokenizers import processors

cls_id, sep_id = wordpiece.token_to_id("[CLS]"), wordpiece.token_to_id("[SEP]")
wordpiece.post_processor = processors.TemplateProcessing(
    single="[CLS] $A [SEP]",
    pair="[CLS] $A [SEP] $B:1 [SEP]:1",
    special_tokens=[("[CLS]", cls_id), ("[SEP]", sep_id)],
)
pair = wordpiece.encode("The cat sat.", "It slept.")
print(pair.tokens)
print(pair.type_ids)
print(wordpiece.decode(pair.ids))

# %% [markdown]
# `transformers` needs the tokenizer wrapped as a `PreTrainedTokenizerFast`, told which token
# plays which role. Then it pads, truncates, returns tensors and saves like any other tokenizer.

# %%
from transformers import PreTrainedTokenizerFast

tokenizer = PreTrainedTokenizerFast(
    tokenizer_object=wordpiece, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
    sep_token="[SEP]", mask_token="[MASK]",
)
tokenizer.save_pretrained(course.run_dir / "scratch-tokenizer")
print(len(tokenizer), tokenizer("The cat sat.")["input_ids"])

# %% [markdown]
# ### The shortcut: `train_new_from_iterator`
# When an existing tokenizer has the recipe you want (here BERT's), keep its normalizer,
# pre-tokenizer, post-processor and special tokens and learn only a new vocabulary. It takes an
# iterator of *batches* of texts, so a corpus far larger than memory can stream through it.

# %%
from transformers import AutoTokenizer

checkpoint = helpers.checkpoint("bert-base-uncased")
original = AutoTokenizer.from_pretrained(checkpoint)


def batches(lines, size=100):
    for start in range(0, len(lines), size):
        yield lines[start : start + size]


retrained = original.train_new_from_iterator(batches(english + korean), vocab_size=1000,
                                              show_progress=False)
print(len(original), "->", len(retrained), "tokens")

# %% [markdown]
# The same two sentences through the three tokenizers:

# %%
import pandas as pd

sentences = {"English": "The weather today is cold and rainy.", "Korean": korean[0][:7]}
compared = {"original": original, "from scratch": tokenizer, "retrained": retrained}
with pd.option_context("display.max_colwidth", 70, "display.width", 120):
    display(pd.DataFrame({
        name: {language: " ".join(tok.tokenize(text)) for language, text in sentences.items()}
        for name, tok in compared.items()}).T)

# %% [markdown]
# **What to see.** In English, the two 1,000-token vocabularies split words ("we ##ather") that
# the 3,000-token original keeps whole. In Korean, the original and the retrained tokenizer both
# cut the syllables into letters (jamo): `train_new_from_iterator` kept uncased BERT's NFD
# normalizer, so retraining on Korean cannot bring the syllables back. The from-scratch tokenizer
# keeps accents, so it keeps syllables and learns Korean pieces such as "##에". (In full mode,
# bert-base-uncased's English vocabulary does the same to Korean or answers `[UNK]`.)

# %% [markdown]
# **The fix.** The normalizer follows the tokenizer's own settings, so ask for the one you want
# when loading: BERT's tokenizer takes `strip_accents=False`, which drops the accent step and
# the NFD that comes with it; retrained on the same text, the vocabulary keeps whole syllables.
# (Setting `original.backend_tokenizer.normalizer` by hand works only until the tokenizer is
# saved and loaded again: loading rebuilds the normalizer from those settings.)

# %%
accents_kept = AutoTokenizer.from_pretrained(checkpoint, strip_accents=False)
fixed = accents_kept.train_new_from_iterator(batches(english + korean), vocab_size=1000,
                                             show_progress=False)
for name, tok in [("retrained", retrained), ("retrained, accents kept", fixed)]:
    print(f"{name:24s}", " ".join(tok.tokenize(sentences["Korean"])))

# %% [markdown]
# ## A BERT from a config
# `BertConfig` sets the architecture; every size is a choice:
# - `vocab_size`: rows of the embedding table, one per token: it must equal `len(tokenizer)`;
# - `hidden_size`: the width of every token's vector through the model;
# - `num_hidden_layers`: how many transformer blocks are stacked;
# - `num_attention_heads`: heads per block; `hidden_size` must be divisible by it;
# - `intermediate_size`: the width of each block's feed-forward layer (usually 4 × hidden);
# - `max_position_embeddings`: the longest sequence the model can read.
#
# bert-base has 768 / 12 layers / 12 heads / 3,072 / 512 positions and a vocabulary of 30,522:
# about 110 million parameters. Tiny mode uses a sliver of that; full mode a small BERT (smaller
# still on a CPU).

# %%
from transformers import BertConfig, BertForMaskedLM

# Tiny mode a sliver; a GPU a small BERT; a CPU a smaller one, so pretraining takes minutes.
pretraining = helpers.pretraining_settings(course.mode, course.device)
print(pretraining)
config = BertConfig(vocab_size=len(tokenizer), max_position_embeddings=128,
                    pad_token_id=tokenizer.pad_token_id, **pretraining.size)
model = BertForMaskedLM(config)
print(f"{model.num_parameters():,} parameters")

# %% [markdown]
# ## The data: blocks of tokens
# `Dataset.from_dict` turns the list of paragraphs into a data set; `train_test_split` holds out
# 10% of them: the model never trains on those, so their loss tells how well it generalizes.

# %%
from datasets import Dataset

paragraphs = Dataset.from_dict({"text": english})
splits = paragraphs.train_test_split(test_size=0.1, seed=course.seed)
block_size = 64
{name: len(rows) for name, rows in splits.items()}

# %% [markdown]
# The simple way, as in fine-tuning: one example per paragraph, truncated to `block_size` tokens.
# Whatever lies beyond the first 64 tokens of a paragraph is thrown away:

# %%
def tokenize(batch):
    return tokenizer(batch["text"], truncation=True, max_length=block_size)


truncated = splits["train"].map(tokenize, batched=True, remove_columns=["text"])
whole = splits["train"].map(lambda batch: tokenizer(batch["text"]), batched=True,
                            remove_columns=["text"])
kept, all_tokens = (sum(map(len, rows["input_ids"])) for rows in (truncated, whole))
print(f"truncated: {kept:,} of {all_tokens:,} tokens kept")

# %% [markdown]
# Pretraining wastes nothing: concatenate all the tokens, cut them into blocks of exactly
# `block_size`, and drop the short remainder at the end. Every block is full (no padding), and a
# block may start in one paragraph and end in the next.

# %%
def group_texts(batch):
    ids = [token for row in batch["input_ids"] for token in row]
    usable = len(ids) // block_size * block_size
    return {"input_ids": [ids[i : i + block_size] for i in range(0, usable, block_size)]}


tokenized = splits.map(lambda batch: tokenizer(batch["text"]), batched=True, remove_columns=["text"])
blocks = tokenized.map(group_texts, batched=True, remove_columns=tokenized["train"].column_names)
for name in blocks:
    print(f"{name}: {len(tokenized[name])} paragraphs -> {len(blocks[name])} blocks of {block_size}")

# %% [markdown]
# ## Masking: `DataCollatorForLanguageModeling`
# A masked LM learns to fill in hidden tokens. The collator picks 15% of the positions
# (`mlm_probability`) and sets `labels` there to the original token, -100 (ignored by the loss)
# everywhere else. Of the picked positions, 80% become `[MASK]`, 10% a random token and 10% stay
# unchanged, so that the model cannot rely on seeing `[MASK]` (it never does after pretraining).
# `seed=` gives the collator its own random generator, so the masks repeat from run to run.

# %%
import torch
from transformers import DataCollatorForLanguageModeling

demo_collator = DataCollatorForLanguageModeling(tokenizer, mlm_probability=0.15, seed=course.seed)
examples = [blocks["train"][i] for i in range(8)]
batch = demo_collator(examples)
before = torch.tensor([example["input_ids"] for example in examples])
print({key: tuple(value.shape) for key, value in batch.items()})

# %%
picked = batch["labels"] != -100
masked = picked & (batch["input_ids"] == tokenizer.mask_token_id)
unchanged = picked & (batch["input_ids"] == before)
randomized = picked & ~masked & ~unchanged
total = int(picked.sum())
for name, where in [("[MASK]", masked), ("random token", randomized), ("unchanged", unchanged)]:
    print(f"{name:>12}: {int(where.sum()):3d} of {total} picked ({where.sum() / total:.0%})")
print(f"picked {total} of {picked.numel()} positions ({total / picked.numel():.0%})")

# %% [markdown]
# About 15% of the positions are picked, and roughly 80/10/10 of them are masked, randomized or
# kept: with only a few dozen picks the shares wander several points from the rule. (A random token can
# by chance be the original one; it then counts as unchanged.) One row, before and after:

# %%
row = 0
for position in picked[row].nonzero().flatten().tolist()[:8]:
    was = tokenizer.convert_ids_to_tokens(int(before[row, position]))
    now = tokenizer.convert_ids_to_tokens(int(batch["input_ids"][row, position]))
    print(f"position {position:2d}: {was!r:>12} -> {now!r}")

# %% [markdown]
# ## Try it: count the picked positions
# How many positions of `batch` will the loss be computed on? Count them from `batch["labels"]`
# and store the number (an `int`) in `n_predicted`. The solution is folded away in the next cell.

# %%
n_predicted = None  # your code
helpers.check_masked_count(batch, n_predicted)

# %% tags=["solution"] cellView="form" jupyter={"source_hidden": true}
# @title Solution (double-click to show)
n_predicted = int((batch["labels"] != -100).sum())
helpers.check_masked_count(batch, n_predicted)

# %% [markdown]
# ## Pretraining with the `Trainer`
# The same `Trainer` as in lesson 03, with the masking collator. One function builds the
# arguments of the three runs of this lesson; tiny mode trains for a few epochs of a few dozen
# steps, full mode for more.

# %%
from transformers import Trainer, TrainingArguments


def training_args(name, epochs, learning_rate, batch_size=16):
    return TrainingArguments(
        output_dir=str(course.run_dir / name), eval_strategy="epoch", save_strategy="no",
        logging_strategy="epoch", num_train_epochs=epochs, learning_rate=learning_rate,
        per_device_train_batch_size=batch_size, per_device_eval_batch_size=32,
        fp16=course.fp16, use_cpu=course.device == "cpu", seed=course.seed,
        data_seed=course.seed,
    )


# %%
def make_trainer(model, args, data, collator, tokenizer):
    return Trainer(model, args, train_dataset=data["train"], eval_dataset=data["test"],
                   data_collator=collator, processing_class=tokenizer)

# %% [markdown]
# **Perplexity** is the exponential of the mean cross-entropy loss: $\text{PPL} = e^{\text{loss}}$.
# It reads as "the model hesitates between this many tokens": an untrained model spreads its
# guess over the whole vocabulary (perplexity near `vocab_size`), a perfect one has 1.

# %%
import math

mlm_collator = DataCollatorForLanguageModeling(tokenizer, mlm_probability=0.15, seed=course.seed)
# Epochs and learning rate (the settings above): tiny mode's seconds; a GPU's 40 epochs; a
# CPU's 8 (minutes, not hours).
mlm_trainer = make_trainer(
    model, training_args("bert-scratch", pretraining.epochs, pretraining.learning_rate), blocks,
    mlm_collator, tokenizer)
start = mlm_trainer.evaluate()["eval_loss"]
print(f"before: eval loss {start:.2f}, perplexity {math.exp(start):.0f}")

# %%
mlm_trainer.train()
end = mlm_trainer.evaluate()["eval_loss"]
print(f"after:  eval loss {end:.2f}, perplexity {math.exp(end):.0f}")

# %% [markdown]
# The model's guesses through a `fill-mask` pipeline: a from-scratch model this small, trained
# for seconds, predicts mostly the most frequent tokens ("the", ".", ","), whatever the sentence.

# %%
from transformers import pipeline

fill = pipeline("fill-mask", model=model, tokenizer=tokenizer, device=model.device)
for guess in fill("The capital of France is [MASK]."):
    print(f"{guess['token_str']!r:>10}")

# %% [markdown]
# ## Continued pretraining: adapting a trained BERT to reviews
# Pretraining from scratch needs a lot of text. More often you already have a pretrained model
# and text from your domain (reviews, medical notes, legal texts): continue its masked-LM
# training on that text first (*domain adaptation*), then fine-tune. The course's BERT is saved
# as `BertForPreTraining` (masked-LM and next-sentence heads); `AutoModelForMaskedLM` loads the
# encoder and the masked-LM head and leaves the next-sentence head out.

# %%
from transformers import AutoModelForMaskedLM

bert = AutoModelForMaskedLM.from_pretrained(checkpoint)
print(type(bert).__name__, f"{bert.num_parameters():,} parameters")
sst2 = helpers.load_dataset("glue", "sst2")
print(sst2["train"][0]["sentence"])

# %% [markdown]
# The review sentences of SST-2 without their labels: the training sentences to train on, the
# validation sentences held out. Full mode without a GPU takes a sample of the training sentences.

# %%
training = helpers.settings(course.mode, course.device)
sst2["train"] = helpers.train_subset(sst2["train"], training.max_train_samples, seed=course.seed)
reviews = sst2.map(lambda batch: original(batch["sentence"], truncation=True, max_length=64),
                   batched=True, remove_columns=sst2["train"].column_names)
reviews = {"train": reviews["train"], "test": reviews["validation"]}
{name: len(rows) for name, rows in reviews.items()}

# %%
review_collator = DataCollatorForLanguageModeling(original, mlm_probability=0.15, seed=course.seed)
adapt_lr = pretraining.adapt_learning_rate  # a real BERT needs a gentler one (settings above)
adapt_trainer = make_trainer(bert, training_args("bert-reviews", 1, adapt_lr, batch_size=32),
                             reviews, review_collator, original)
general = adapt_trainer.evaluate()["eval_loss"]
adapt_trainer.train()
adapted = adapt_trainer.evaluate()["eval_loss"]
print(f"held-out reviews: perplexity {math.exp(general):.0f} -> {math.exp(adapted):.0f}")

# %% [markdown]
# One epoch over the reviews and the perplexity on reviews the model never saw falls clearly: it
# has learned the words and turns of phrase of reviews. (The tiny stand-in starts above its
# vocabulary size of 3,000: it never read a review and is confidently wrong about their words.)
# A classifier fine-tuned from the adapted model starts from a better place on review tasks.
#
# ## Try it: perplexity from a loss
# Compute the perplexity of the adapted model from its held-out loss `adapted` and store it in
# `perplexity` (a float). The solution is folded away in the next cell.

# %%
perplexity = None  # your code
helpers.check_perplexity(adapted, perplexity)

# %% tags=["solution"] cellView="form" jupyter={"source_hidden": true}
# @title Solution (double-click to show)
perplexity = math.exp(adapted)
helpers.check_perplexity(adapted, perplexity)

# %% [markdown]
# ## The causal variant: a small GPT-2
# A causal LM predicts every next token from the tokens before it: no masks, and the labels are
# the inputs themselves (the model shifts them by one inside). That is the collator's
# `mlm=False`. We reuse the course's GPT-2 tokenizer (a byte-level BPE) and give it a padding
# token, which GPT-2 lacks.

# %%
from transformers import GPT2Config, GPT2LMHeadModel

gpt_tokenizer = AutoTokenizer.from_pretrained(helpers.checkpoint("gpt2"))
gpt_tokenizer.pad_token = gpt_tokenizer.eos_token
gpt_config = GPT2Config(vocab_size=len(gpt_tokenizer), n_positions=128,
                        n_embd=pretraining.hidden_size, n_layer=pretraining.num_hidden_layers,
                        n_head=pretraining.num_attention_heads,
                        bos_token_id=gpt_tokenizer.bos_token_id,
                        eos_token_id=gpt_tokenizer.eos_token_id)
gpt = GPT2LMHeadModel(gpt_config)
print(f"{gpt.num_parameters():,} parameters")

# %%
gpt_tokenized = splits.map(lambda batch: gpt_tokenizer(batch["text"]), batched=True,
                           remove_columns=["text"])
gpt_blocks = gpt_tokenized.map(group_texts, batched=True,
                               remove_columns=gpt_tokenized["train"].column_names)
causal_collator = DataCollatorForLanguageModeling(gpt_tokenizer, mlm=False)
causal_batch = causal_collator([gpt_blocks["train"][i] for i in range(2)])
print(len(gpt_blocks["train"]), "blocks;",
      "labels = inputs:", torch.equal(causal_batch["labels"], causal_batch["input_ids"]))

# %%
gpt_trainer = make_trainer(
    gpt, training_args("gpt-scratch", pretraining.epochs, pretraining.learning_rate), gpt_blocks,
    causal_collator, gpt_tokenizer)
start = gpt_trainer.evaluate()["eval_loss"]
gpt_trainer.train()
end = gpt_trainer.evaluate()["eval_loss"]
print(f"perplexity on held-out paragraphs: {math.exp(start):.0f} -> {math.exp(end):.0f}")

# %% [markdown]
# ### Generating text
# `generate` extends a prompt token by token. **Greedy** decoding takes the most likely token
# each time; it is repeatable but tends to loop. **Sampling** (`do_sample=True`) draws the next
# token from the predicted distribution: `temperature` below 1 sharpens it, `top_k` keeps only the
# k likeliest tokens and `top_p` the smallest set whose probability reaches p. `set_seed` makes
# a sample repeatable. `repetition_penalty` above 1 lowers the score of tokens already generated.

# %%
from transformers import set_seed

prompt = gpt_tokenizer("The weather today is", return_tensors="pt").to(gpt.device)
settings = {"greedy": dict(do_sample=False),
            "sampling": dict(do_sample=True, temperature=0.8, top_k=50, top_p=0.95),
            "greedy, repetition_penalty=1.5": dict(do_sample=False, repetition_penalty=1.5)}
for name, options in settings.items():
    set_seed(course.seed)
    out = gpt.generate(**prompt, max_new_tokens=12, pad_token_id=gpt_tokenizer.eos_token_id,
                       **options)
    print(f"{name}:\n  {gpt_tokenizer.decode(out[0], skip_special_tokens=True)!r}")

# %% [markdown]
# The words are the corpus's, but the text means nothing: a model of this size trained for
# seconds has learned which words often follow which, not what they say.
#
# ## Both losses
# One figure with the training and held-out losses of both pretraining runs, per epoch. They are
# not directly comparable (different vocabularies, and a masked LM sees both sides of each blank),
# but both should fall and flatten.

# %%
helpers.loss_curves({"masked LM (BERT)": mlm_trainer.state.log_history,
                     "causal LM (GPT-2)": gpt_trainer.state.log_history},
                    "Pretraining from scratch")

# %% [markdown]
# ## Next-sentence prediction, and what real pretraining costs
# **NSP.** BERT was pretrained on two tasks: the masked LM above, and *next-sentence
# prediction*: given two segments, was the second the one that followed the first in the corpus
# (half the time) or a random one? The `[CLS]` vector fed a small binary classifier. RoBERTa
# (Liu et al., 2019) found that dropping NSP and filling each input with contiguous text matched
# or improved the downstream results; later encoders mostly dropped it.
# The course's BERT stand-in was pretrained with both, as BERT was.
#
# **Cost at real scale.** BERT-base was trained on about 3.3 billion words (BooksCorpus's
# 800 million and English Wikipedia's 2,500 million) for a million steps of 256 sequences, on
# 16 TPU chips for four days (Devlin et al., 2019). RoBERTa's first setup took 1,024 V100 GPUs
# about a day for 100,000 steps of 8,000 sequences; the final RoBERTa trained five times longer
# on 160 GB of text (Liu et al., 2019). Our tiny BERT sees about 22,000 tokens per epoch.
#
# **When to fine-tune instead.** Almost always. Pretrain from scratch only when no pretrained
# model covers your language or your kind of text (source code, proteins, a rare language) *and*
# you have gigabytes of it and the compute. When a model exists but your domain differs, continue
# its pretraining on your text (above; Gururangan et al., 2020, measured gains on reviews,
# biomedical and computer-science papers), then fine-tune. For most tasks, fine-tuning a
# pretrained model (lessons 03-06) is all you need.

# %% [markdown]
# ## Quiz
# Replace `None` with the letter of your answer and run the cell: a right answer says why it
# is right, a wrong one gives a hint, and you can try again.

# %%
helpers.quiz("08.1", answer=None)

# %%
helpers.quiz("08.2", answer=None)

# %%
helpers.quiz("08.3", answer=None)

# %%
helpers.quiz("08.4", answer=None)

# %%
helpers.quiz("08.5", answer=None)

# %%
helpers.quiz("08.6", answer=None)

# %%
helpers.quiz("08.7", answer=None)

# %% [markdown]
# ## Summary
# - A `tokenizers.Tokenizer` is normalizer → pre-tokenizer → model (WordPiece) → post-processor
#   (`TemplateProcessing`) → decoder; `WordPieceTrainer` learns the vocabulary with the special
#   tokens reserved; `PreTrainedTokenizerFast(tokenizer_object=...)` wraps it for `transformers`.
#   `train_new_from_iterator` retrains an existing tokenizer's vocabulary in one call.
# - A vocabulary learned from English splits or loses Korean; train the tokenizer on the
#   languages your model will read.
# - `BertConfig(vocab_size=len(tokenizer), hidden_size, num_hidden_layers, num_attention_heads,
#   intermediate_size, max_position_embeddings)` + `BertForMaskedLM(config)` is an untrained BERT.
# - Group the tokens into full blocks; hold out text; `DataCollatorForLanguageModeling` masks 15%
#   (80% `[MASK]`, 10% random, 10% kept) or, with `mlm=False`, prepares causal-LM labels.
# - Perplexity = exp(eval loss); it falls as the model learns. Continued pretraining on your domain
#   lowers it on that domain.
# - `generate`: greedy, or sampling with `temperature`, `top_k`, `top_p`; `repetition_penalty`.
#
# Next: **09 · Your own data: a Korean review analyser**.
