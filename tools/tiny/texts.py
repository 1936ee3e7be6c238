"""The course's own texts, as the tiny builder needs them."""

from __future__ import annotations

from helpers.data import course_text
from helpers.glue_files import TASKS, read_rows
from helpers.paths import data_dir


def corpus_paragraphs() -> list[str]:
    """Paragraphs of the English corpus, one per non-empty line."""
    return [line.strip() for line in course_text("english").splitlines() if line.strip()]


def sentiment_split(split: str) -> tuple[list[str], list[int]]:
    """Sentences and 0/1 labels of one split of the course's sentiment set."""
    file = {"train": "train.tsv", "validation": "dev.tsv", "test": "test.tsv"}[split]
    rows = read_rows(data_dir() / "glue" / "SST-2" / file, TASKS["sst2"])
    return rows["sentence"], rows["label"]


def paraphrase_sentences() -> list[str]:
    """Every sentence of the course's paraphrase training pairs."""
    rows = read_rows(data_dir() / "glue" / "MRPC" / "train.tsv", TASKS["mrpc"])
    return rows["sentence1"] + rows["sentence2"]


def paraphrase_pairs() -> list[tuple[str, str]]:
    """The sentence pairs of the course's paraphrase training split, without their labels."""
    rows = read_rows(data_dir() / "glue" / "MRPC" / "train.tsv", TASKS["mrpc"])
    return list(zip(rows["sentence1"], rows["sentence2"]))


def tokenizer_texts() -> list[str]:
    """Everything a tiny tokenizer learns its vocabulary from."""
    return (
        corpus_paragraphs()
        + [course_text("korean").strip()]
        + sentiment_split("train")[0]
        + paraphrase_sentences()
    )


def korean_texts() -> list[str]:
    """Korean text for the Korean stand-in: the corpus's paragraphs and the unlabelled reviews."""
    corpus = [line.strip() for line in course_text("korean").splitlines() if line.strip()]
    reviews = (data_dir() / "reviews" / "unlabelled.txt").read_text(encoding="utf-8").splitlines()
    return corpus + [line for line in reviews if line.strip()]
