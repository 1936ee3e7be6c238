"""The checks of lesson 08 (masked positions, perplexity) and the tokenizer facts it relies on."""

import math

import torch
from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers

from helpers import check_masked_count, check_perplexity, course_text


def test_masked_count_check(capsys):
    labels = torch.full((2, 10), -100)
    labels[0, 3], labels[1, 5], labels[1, 7] = 11, 12, 13
    batch = {"input_ids": torch.zeros(2, 10, dtype=torch.long), "labels": labels}
    assert not check_masked_count(batch, None)
    assert "Not answered yet" in capsys.readouterr().out
    assert check_masked_count(batch, 3)
    assert not check_masked_count(batch, (labels != -100).sum())
    assert "int(...)" in capsys.readouterr().out
    assert not check_masked_count(batch, 20)
    assert "every position" in capsys.readouterr().out
    assert not check_masked_count(batch, 17)
    assert "ignored positions" in capsys.readouterr().out
    assert not check_masked_count(batch, 4)
    assert not check_masked_count(batch, 3.0)
    assert not check_masked_count(batch, True)


def test_perplexity_check(capsys):
    assert not check_perplexity(2.0, None)
    assert check_perplexity(2.0, math.exp(2.0))
    assert check_perplexity(2.0, float(torch.tensor(2.0).exp()))
    assert not check_perplexity(2.0, math.log(2.0))
    assert "logarithm" in capsys.readouterr().out
    assert not check_perplexity(2.0, 4.0)
    assert "nats" in capsys.readouterr().out
    assert not check_perplexity(2.0, 7.0)
    assert not check_perplexity(2.0, "7.39")


def test_wordpiece_vocabulary_renumbered_in_a_fixed_order_tokenizes_the_same():
    """Lesson 08 renumbers the trained vocabulary (the trainer's ids change between processes)."""
    lines = [line for line in course_text("english").splitlines() if line.strip()][:40]
    wordpiece = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    wordpiece.normalizer = normalizers.BertNormalizer(lowercase=True, strip_accents=False)
    wordpiece.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    special = ["[PAD]", "[UNK]"]
    trainer = trainers.WordPieceTrainer(vocab_size=300, special_tokens=special, show_progress=False)
    wordpiece.train_from_iterator(lines, trainer=trainer)
    text = "The cat sat on the warm mat, said a stranger."
    tokens = wordpiece.encode(text).tokens
    ordered = special + sorted(set(wordpiece.get_vocab()) - set(special))
    wordpiece.model = models.WordPiece({t: i for i, t in enumerate(ordered)}, unk_token="[UNK]")
    assert wordpiece.encode(text).tokens == tokens
    assert wordpiece.token_to_id("[UNK]") == 1 and wordpiece.get_vocab_size() == len(ordered)


def test_chapter_08s_settings_grow_from_tiny_to_cpu_to_gpu_and_name_bad_modes():
    import pytest

    from helpers import CourseError, pretraining_settings

    tiny, cpu, gpu = (
        pretraining_settings(*key) for key in [("tiny", "cpu"), ("full", "cpu"), ("full", "cuda")]
    )
    assert tiny.hidden_size < cpu.hidden_size < gpu.hidden_size
    assert tiny.epochs < cpu.epochs < gpu.epochs
    assert gpu.size["num_hidden_layers"] == gpu.num_hidden_layers == 4
    assert pretraining_settings("tiny", "cuda") == tiny  # tiny mode ignores the device
    with pytest.raises(CourseError, match="'tiny' or 'full'"):
        pretraining_settings("fast")
