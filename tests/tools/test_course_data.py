"""The course's own data sets are large enough, balanced, and well formed."""

from helpers.glue_files import TASKS, read_rows
from helpers.paths import data_dir
from tools.tiny import texts


def rows(task, file):
    return read_rows(data_dir() / "glue" / TASKS[task].folder / file, TASKS[task])


def test_paraphrase_set_sizes_and_balance():
    for file, minimum in [("train.tsv", 300), ("dev.tsv", 60), ("test.tsv", 60)]:
        labels = rows("mrpc", file)["label"]
        assert len(labels) >= minimum
        assert 0.3 <= sum(labels) / len(labels) <= 0.75


def test_sentiment_sentences_are_enough_and_distinct_across_splits():
    splits = {f: rows("sst2", f)["sentence"] for f in ("train.tsv", "dev.tsv", "test.tsv")}
    assert sum(map(len, splits.values())) >= 300
    seen = [s.lower() for sentences in splits.values() for s in sentences]
    assert len(seen) == len(set(seen))


def test_corpus_is_at_least_50_kb():
    assert (data_dir() / "corpus" / "english.txt").stat().st_size >= 50_000
    assert len(texts.corpus_paragraphs()) > 100
