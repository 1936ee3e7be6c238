import re
from itertools import pairwise

from tools.tiny.synthetic import detokenize, entities, ner_sentences


def test_ner_sentences_are_tagged_word_by_word_and_reproducible():
    sentences = ner_sentences(50, seed=1)
    assert sentences == ner_sentences(50, seed=1)
    for words, tags in sentences:
        assert len(words) == len(tags)
        assert all(t == "O" or t[:2] in ("B-", "I-") for t in tags)
        assert all(not t.startswith("I-") or prev[2:] == t[2:] for prev, t in pairwise(tags))
    kinds = {t[2:] for _, tags in sentences for t in tags if t != "O"}
    assert kinds == {"PER", "ORG", "LOC", "MISC"}


def test_detokenize_attaches_punctuation():
    assert detokenize(["Hi", ",", "Ann", "."]) == "Hi, Ann."
    assert len(entities()["first_names"]) >= 20


def test_topic_words_pair_every_topic_word_with_its_topic():
    from tools.tiny.synthetic import topic_texts, topic_words

    pairs = topic_words()
    assert {t for _, t in pairs} == {t for _, t in topic_texts()}
    assert all(" " not in w and w.islower() for w, _ in pairs)
    assert ("exam", "education") in pairs and ("exam", "sports") not in pairs


def test_qa_examples_fill_every_slot_and_mark_the_answer_span():
    """Every generated passage is filled (no `{slot}` left), its answer is the span at `start`,
    and a question about a pet names the animal its passage tells of."""
    from tools.tiny.synthetic import qa_examples, qa_facts

    examples = qa_examples(2000, seed=3)
    assert examples == qa_examples(2000, seed=3)
    for e in examples:
        assert "{" not in e["context"] + e["question"], e
        assert e["context"][e["start"] : e["start"] + len(e["answer"])] == e["answer"], e
    kinds = qa_facts()["pet"]["kinds"]
    pets = [e for e in examples if e["question"].startswith("What is the name of")]
    named = [e for e in pets if e["question"].split()[-1].strip("?") in kinds]
    assert len(named) >= 20 and len({e["question"].split()[-1] for e in named}) >= 3
    assert all(re.search(rf"\b{e['question'].split()[-1][:-1]}\b", e["context"]) for e in named)
