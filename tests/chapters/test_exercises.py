import nbformat
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
from tools.sources import notebook_of, read_source, sources

SOLUTION_TITLE = "# @title Solution (double-click to show)"


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


CHAPTERS = [f"{n:02d}" for n in range(1, 9)]


def chapter_quizzes(chapter: str) -> list[str]:
    """The quiz ids of one chapter, in order."""
    return sorted(k for k in QUIZZES if k.startswith(f"{chapter}."))


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_has_a_quiz_of_at_least_five_questions(chapter):
    assert len(chapter_quizzes(chapter)) >= 5


@pytest.mark.parametrize("quiz_id", sorted(QUIZZES))
def test_every_quiz_explains_its_answer_and_hints_at_it(quiz_id):
    entry = QUIZZES[quiz_id]
    assert (
        3 <= len(entry.choices) <= 4 and list(entry.choices) == list("abcd")[: len(entry.choices)]
    )
    assert entry.question.strip() and all(text.strip() for text in entry.choices.values())
    assert entry.why.strip() and entry.hint.strip() and entry.why != entry.hint


def test_a_wrong_answer_gives_the_hint_and_invites_another_try(capsys):
    entry = QUIZZES["03.3"]
    wrong = next(letter for letter in entry.choices if letter != entry.answer)
    assert not quiz("03.3", wrong)
    out = capsys.readouterr().out
    assert entry.hint in out and "Try another letter" in out and entry.why not in out


@pytest.mark.parametrize("source", sources(), ids=lambda p: p.stem)
def test_each_quiz_of_a_chapter_has_one_cell_in_its_notebook(source):
    cells = [c.source for c in read_source(source).cells if c.cell_type == "code"]
    asked = [c for c in cells if c.startswith("helpers.quiz(")]
    expected = [f'helpers.quiz("{q}", answer=None)' for q in chapter_quizzes(source.stem[:2])]
    assert asked == expected


@pytest.mark.parametrize("source", sources(), ids=lambda p: p.stem)
def test_every_solution_cell_is_hidden_in_jupyterlab_and_colab(source):
    saved = nbformat.read(notebook_of(source), as_version=4).cells
    for cells in (read_source(source).cells, saved):
        solutions = [c for c in cells if "solution" in c.metadata.get("tags", [])]
        assert solutions, f"{source.name} has no solution cell"
        for cell in solutions:
            assert cell.metadata.get("jupyter", {}).get("source_hidden") is True  # JupyterLab
            assert cell.metadata.get("cellView") == "form"  # Colab shows the title only
            assert cell.source.splitlines()[0] == SOLUTION_TITLE
