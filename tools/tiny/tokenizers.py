"""Train the tiny tokenizers: WordPiece for the BERT family, byte-level BPE for GPT-2 and BART."""

from __future__ import annotations

import json

from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import BartTokenizer, BertTokenizer, DistilBertTokenizer, GPT2Tokenizer

from tools.tiny.chat import CHAT_TEMPLATE

BERT_SPECIALS = {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, "[MASK]": 4}
KLUE_SPECIALS = {
    "[CLS]": 0,
    "[PAD]": 1,
    "[SEP]": 2,
    "[UNK]": 3,
    "[MASK]": 4,
}  # klue/roberta-base's ids
WORDPIECE_SIZE = 3000
KOREAN_WORDPIECE_SIZE = 1000
BPE_SIZE = 2000
CHAT_BPE_SIZE = 3000  # English and Korean: 2000 left Korean words in bytes


def wordpiece(texts: list[str], lowercase: bool, distil: bool = False) -> BertTokenizer:
    """A BERT (or DistilBERT) WordPiece tokenizer trained on `texts`, as the lesson does it."""
    cls = DistilBertTokenizer if distil else BertTokenizer
    seed = cls(vocab=dict(BERT_SPECIALS), do_lower_case=lowercase, model_max_length=512)
    return seed.train_new_from_iterator(texts, vocab_size=WORDPIECE_SIZE, show_progress=False)


def korean_wordpiece(texts: list[str]) -> BertTokenizer:
    """A cased WordPiece tokenizer for Korean with klue/roberta-base's special-token ids (KLUE's
    RoBERTa uses a BERT tokenizer: [CLS] text [SEP], no token type ids)."""
    seed = BertTokenizer(
        vocab=dict(KLUE_SPECIALS),
        do_lower_case=False,
        tokenize_chinese_chars=False,
        model_max_length=512,
        model_input_names=["input_ids", "attention_mask"],
    )
    return seed.train_new_from_iterator(
        texts, vocab_size=KOREAN_WORDPIECE_SIZE, show_progress=False
    )


def _byte_bpe(
    texts: list[str], specials: list[str], size: int = BPE_SIZE
) -> tuple[dict[str, int], list]:
    """Vocabulary and merges of a byte-level BPE trained on `texts`."""
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=size,
        special_tokens=specials,
        show_progress=False,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
    )
    tok.train_from_iterator(texts, trainer)
    return tok.get_vocab(), _merges(tok)


def _merges(tok: Tokenizer) -> list[tuple[str, str]]:
    """The ordered merges of a trained BPE tokenizer (read back through its JSON)."""
    state = json.loads(tok.to_str())["model"]["merges"]
    return [tuple(m.split(" ")) if isinstance(m, str) else tuple(m) for m in state]


def gpt2_bpe(texts: list[str]) -> GPT2Tokenizer:
    """A GPT-2 byte-level BPE tokenizer with its one special token."""
    vocab, merges = _byte_bpe(texts, ["<|endoftext|>"])
    return GPT2Tokenizer(vocab=vocab, merges=merges, model_max_length=1024)


def bart_bpe(texts: list[str]) -> BartTokenizer:
    """A BART byte-level BPE tokenizer with RoBERTa-style special tokens."""
    vocab, merges = _byte_bpe(texts, ["<s>", "<pad>", "</s>", "<unk>", "<mask>"])
    return BartTokenizer(vocab=vocab, merges=merges, model_max_length=1024)


def chat_bpe(texts: list[str]) -> GPT2Tokenizer:
    """A byte-level BPE with SmolLM2's special tokens and ids (<|endoftext|> 0, <|im_start|> 1,
    <|im_end|> 2) and a ChatML chat template."""
    vocab, merges = _byte_bpe(texts, ["<|endoftext|>", "<|im_start|>", "<|im_end|>"], CHAT_BPE_SIZE)
    tokenizer = GPT2Tokenizer(
        vocab=vocab,
        merges=merges,
        bos_token="<|im_start|>",
        eos_token="<|im_end|>",
        pad_token="<|im_end|>",
        unk_token="<|endoftext|>",
        model_max_length=512,
    )
    tokenizer.chat_template = CHAT_TEMPLATE
    return tokenizer
