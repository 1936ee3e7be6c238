import pytest
import torch

from helpers import (
    check_padded_batch,
    check_pair_encoding,
    check_softmax,
    check_span,
    checkpoint,
    quiz,
)
from helpers.errors import CourseError
from helpers.exercises import QUIZZES


@pytest.fixture(scope="module")
def sentiment():
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    name = checkpoint("distilbert-base-uncased-finetuned-sst-2-english", mode="tiny")
    return AutoModelForSequenceClassification.from_pretrained(name), AutoTokenizer.from_pretrained(
        name
    )


@pytest.fixture(scope="module")
def bert_tokenizer():
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(checkpoint("bert-base-cased", mode="tiny"))


def test_softmax_check(capsys):
    logits = torch.tensor([[1.0, 2.0], [0.5, -0.5]])
    assert not check_softmax(logits, None)
    assert "Not answered yet" in capsys.readouterr().out
    assert check_softmax(logits, torch.softmax(logits, -1))
    assert not check_softmax(logits, logits.exp())
    assert "sum to 1" in capsys.readouterr().out
    assert not check_softmax(logits, torch.tensor([1.0]))


def test_span_check(bert_tokenizer):
    inputs = bert_tokenizer("Who?", "Mara works here.", return_tensors="pt")
    text = bert_tokenizer.decode(inputs["input_ids"][0, 4:6])
    assert check_span(bert_tokenizer, inputs, 4, 5, text)
    assert not check_span(
        bert_tokenizer, inputs, 4, 5, bert_tokenizer.decode(inputs["input_ids"][0, 4:5])
    )
    assert not check_span(bert_tokenizer, inputs, 4, 5, 7)
    assert not check_span(bert_tokenizer, inputs, 4, 5, ...)


def test_padded_batch_check(sentiment, capsys):
    model, tokenizer = sentiment
    texts = ["Great.", "The room was dirty and the staff were rude."]
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        good = model(**batch).logits
        no_mask = model(input_ids=batch["input_ids"]).logits
    assert check_padded_batch(model, tokenizer, texts, good)
    assert not check_padded_batch(model, tokenizer, texts, no_mask)
    assert "attention_mask" in capsys.readouterr().out
    assert not check_padded_batch(model, tokenizer, texts, good[:1])


def test_pair_encoding_check(bert_tokenizer, capsys):
    a, b = "One.", "Two."
    assert check_pair_encoding(bert_tokenizer, a, b, bert_tokenizer(a, b))
    assert check_pair_encoding(bert_tokenizer, a, b, bert_tokenizer(a, b, return_tensors="pt"))
    assert not check_pair_encoding(bert_tokenizer, a, b, bert_tokenizer([a, b]))
    assert "two texts in a batch" in capsys.readouterr().out
    assert not check_pair_encoding(bert_tokenizer, a, b, bert_tokenizer(a + " " + b))


def test_quiz_right_wrong_and_unknown(capsys):
    assert not quiz("01.1")
    assert "Set answer=" in capsys.readouterr().out
    assert quiz("01.1", "b")
    assert not quiz("01.1", "a")
    assert "Hint:" in capsys.readouterr().out
    assert not quiz("01.1", "z")
    with pytest.raises(CourseError, match="No quiz '99.9'"):
        quiz("99.9")


def test_verdict_is_silent_in_a_notebook():
    verdict = quiz("02.1", "b")
    assert verdict._ipython_display_() is None and bool(verdict) is True


def test_chapter_03_to_05_checks(capsys):
    from datasets import Dataset, DatasetDict
    from transformers import AutoTokenizer

    from helpers import check_batches_per_process, check_linear_lr, check_single_sentence

    tokenizer = AutoTokenizer.from_pretrained(checkpoint("bert-base-uncased", mode="tiny"))
    raw = DatasetDict(
        train=Dataset.from_dict({"sentence": ["Great film.", "A long and boring evening."]})
    )
    good = raw.map(lambda b: tokenizer(b["sentence"], truncation=True), batched=True)
    padded = raw.map(
        lambda b: tokenizer(b["sentence"], padding="max_length", max_length=16), batched=True
    )
    assert check_single_sentence(tokenizer, raw, good)
    assert not check_single_sentence(tokenizer, raw, padded)
    assert "leave padding to the collator" in capsys.readouterr().out
    assert not check_single_sentence(tokenizer, raw, None)
    assert check_linear_lr(1e-3, 66, 22, 1e-3 * 44 / 66) and not check_linear_lr(1e-3, 66, 22, 1e-3)
    assert check_batches_per_process(350, 16, 8, 3) and not check_batches_per_process(350, 16, 8, 2)
    for quiz_id in ("03.1", "03.2", "04.1", "04.2", "05.1", "05.2"):
        assert not quiz(quiz_id)


@pytest.mark.parametrize("quiz_id", sorted(QUIZZES))
def test_every_quiz_key_is_right_and_every_other_choice_is_wrong(quiz_id, capsys):
    entry = QUIZZES[quiz_id]
    assert entry.answer in entry.choices and len(entry.choices) >= 2
    assert quiz(quiz_id, entry.answer)
    assert entry.why in capsys.readouterr().out
    for letter in set(entry.choices) - {entry.answer}:
        assert not quiz(quiz_id, letter)
