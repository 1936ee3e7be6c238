"""Tagged sentences for the NER stand-in, filled from the course's invented names (data/synthetic)."""

from __future__ import annotations

import json
import random
import re
from functools import cache

from helpers.paths import data_dir

SLOT = re.compile(r"\{(PER|ORG|LOC|MISC)\}")


@cache
def entities() -> dict:
    """The invented names and sentence frames of data/synthetic/entities.json."""
    return json.loads((data_dir() / "synthetic" / "entities.json").read_text(encoding="utf-8"))


def _name(kind: str, rng: random.Random) -> str:
    """A random invented name of entity type `kind`."""
    lists = entities()
    if kind == "PER":
        return f"{rng.choice(lists['first_names'])} {rng.choice(lists['last_names'])}"
    return rng.choice(lists[{"ORG": "organisations", "LOC": "places", "MISC": "misc"}[kind]])


def detokenize(words: list[str]) -> str:
    """Join words with spaces, then attach punctuation to the word before it."""
    return re.sub(r" ([.,?])", r"\1", " ".join(words))


def ner_sentence(rng: random.Random) -> tuple[list[str], list[str]]:
    """Words of one filled NER frame and their BIO tags."""
    words, tags = [], []
    for token in rng.choice(entities()["ner_frames"]).split():
        match = SLOT.fullmatch(token)
        if not match:
            words.append(token)
            tags.append("O")
            continue
        pieces = _name(match.group(1), rng).split()
        words += pieces
        tags += [f"B-{match.group(1)}"] + [f"I-{match.group(1)}"] * (len(pieces) - 1)
    return words, tags


def ner_sentences(count: int, seed: int = 0) -> list[tuple[list[str], list[str]]]:
    """`count` tagged sentences, reproducible from `seed`."""
    rng = random.Random(seed)
    return [ner_sentence(rng) for _ in range(count)]


@cache
def _json(name: str) -> dict:
    """One course-written JSON file of data/synthetic."""
    return json.loads((data_dir() / "synthetic" / name).read_text(encoding="utf-8"))


@cache
def _corpus_words() -> tuple[str, ...]:
    """Lowercase words of the course's English corpus (stand-in answers of any kind)."""
    from helpers.data import course_text

    return tuple(sorted(set(re.findall(r"\b[a-z]{4,12}\b", course_text("english")))))


ONSETS = [
    "b",
    "br",
    "c",
    "d",
    "dr",
    "f",
    "g",
    "gr",
    "h",
    "j",
    "k",
    "l",
    "m",
    "n",
    "p",
    "pr",
    "r",
    "s",
    "st",
    "t",
    "tr",
    "v",
    "w",
    "z",
    "th",
    "sh",
]
VOWELS = ["a", "e", "i", "o", "u", "a", "e", "i", "o", "y", "ai", "ea", "ou"]
CODAS = ["", "", "", "n", "r", "l", "s", "th", "m", "nd", "rk", "x"]


def invented_word(rng: random.Random) -> str:
    """A capitalized made-up word of two or three syllables (no list holds it)."""
    syllables = rng.choice([2, 2, 3])
    word = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(syllables))
    return (word + rng.choice(CODAS)).capitalize()


def _first_name(rng: random.Random) -> str:
    """A first name: from entities.json, or made up."""
    return rng.choice(entities()["first_names"]) if rng.random() < 0.4 else invented_word(rng)


def _last_name(rng: random.Random) -> str:
    """A family name: from entities.json, or made up."""
    return rng.choice(entities()["last_names"]) if rng.random() < 0.4 else invented_word(rng)


def _place(rng: random.Random) -> str:
    """A town: from entities.json, or made up (one word or two)."""
    if rng.random() < 0.4:
        return rng.choice(entities()["places"])
    tail = rng.choice(["", "", "", " Cross", " Vale", " Falls", " Bridge", " Green"])
    return invented_word(rng) + tail


SAME_FACTS = 0.5  # how often a passage's second subject is told the same kinds of fact as the first
ORG_SUFFIXES = [
    "Foods",
    "Labs",
    "Press",
    "Mills",
    "Bank",
    "Works",
    "Transit",
    "Forge",
    "Ropes",
    "Bakery",
    "Insurance",
    "Studio",
]
COLLEGE_SUFFIXES = ["College", "University", "Academy", "School of Art", "Institute"]


def _values(spec, rng: random.Random) -> str:
    """One answer value: from a list, a kind of made-up name, or a year; lists of lowercase words
    sometimes give any word of the corpus instead, so that the model learns where answers stand."""
    if isinstance(spec, list):
        if spec[0].islower() and rng.random() < 0.4:
            return rng.choice(_corpus_words())
        return rng.choice(spec)
    if spec == "years":
        return str(rng.randrange(1100, 2025))
    if spec == "organisations":
        if rng.random() < 0.3:
            return rng.choice(entities()["organisations"])
        words = [_last_name(rng) for _ in range(rng.choice([1, 1, 2]))]
        return " ".join(words + [rng.choice(ORG_SUFFIXES)])
    if spec == "colleges":
        return f"{invented_word(rng)} {rng.choice(COLLEGE_SUFFIXES)}"
    if spec == "places":
        return _place(rng)
    if spec == "people":
        return f"{_first_name(rng)} {_last_name(rng)}"
    if spec == "first_names":
        return _first_name(rng)
    return invented_word(rng)


def _subject(kind: str, rng: random.Random, taken: list[str]) -> tuple[str, str]:
    """Full name and short name of a new subject: a person, or a town for `kind` 'place'."""
    while True:
        if kind == "place":
            name = _place(rng)
            short = name
        else:
            short = _first_name(rng)
            name = f"{short} {_last_name(rng)}"
        if short not in taken:
            return name, short


def qa_facts() -> dict:
    """The kinds of fact QA passages tell (data/synthetic/qa.json): values, sentences, questions."""
    return _json("qa.json")["facts"]


def _fact_sentence(fact: dict, who: str, rng: random.Random) -> tuple[str, str, int, dict]:
    """One sentence telling `fact` about `who`: the sentence, its answer, where the answer starts,
    and the slots it was filled with (`kind`: the animal of a pet fact, say)."""
    x = _values(fact["values"], rng)
    slots = {"name": who, "place": _place(rng), "kind": rng.choice(fact.get("kinds", [""]))}
    frame = rng.choice(fact["sentences"])
    return frame.format(x=x, **slots), x, frame.format(x="\0", **slots).index("\0"), slots


def qa_example(rng: random.Random) -> dict:
    """One passage about one or two subjects (people or towns), a question and its answer span."""
    facts, subjects, sentences, asked = qa_facts(), [], [], []
    for i in range(rng.choice([1, 1, 2])):
        # a second subject keeps the first one's kind and `chosen` facts SAME_FACTS of the time
        if i == 0 or rng.random() >= SAME_FACTS:
            kind = rng.choice(["person", "person", "place"])
            kinds = [
                k
                for k in sorted(facts)
                if (facts[k].get("subject") == "place") == (kind == "place")
            ]
            chosen = rng.sample(kinds, rng.choice([1, 2, 3]))
        name, short = _subject(kind, rng, subjects)
        subjects.append(short)
        for j, fact in enumerate(chosen):
            who = name if j == 0 else short
            if kind == "person" and i and j == 0 and rng.random() < 0.5:
                who = rng.choice(["Her cousin ", "His friend ", "Her brother "]) + who
            sentence, x, where, slots = _fact_sentence(facts[fact], who, rng)
            offset = sum(len(s) + 1 for s in sentences)
            sentences.append(sentence)
            asked.append((fact, x, offset + where, {"first": short, "kind": slots["kind"]}))
        if rng.random() < 0.3:
            sentences.append(rng.choice(_json("qa.json")["fillers"]))
    if rng.random() < 0.3:
        sentences.insert(0, rng.choice(_json("qa.json")["fillers"]))
        asked = [(f, x, where + len(sentences[0]) + 1, q) for f, x, where, q in asked]
    fact, x, start, slots = rng.choice(asked)
    context = " ".join(sentences)
    question = rng.choice(facts[fact]["questions"]).format(**slots)
    assert context[start : start + len(x)] == x
    return {"context": context, "question": question, "answer": x, "start": start}


def qa_examples(count: int, seed: int = 0) -> list[dict]:
    """`count` generated QA examples, reproducible from `seed`."""
    rng = random.Random(seed)
    return [qa_example(rng) for _ in range(count)]


def qa_selection() -> list[dict]:
    """The hand-written selection passages (choices of the builder were tuned on these), and
    generated examples from another seed: never the held-out test."""
    return _json("qa.json")["selection"] + qa_examples(100, seed=7919)


def qa_test() -> list[dict]:
    """The held-out, hand-written QA questions (passages no training example uses)."""
    return _json("qa.json")["test"]


def topic_sentences(topic: str, rng: random.Random, fills: int = 60) -> list[str]:
    """Sentences of one topic of nli.json: every opening with every ending, and the generic
    frames filled `fills` times with the topic's words."""
    data = _json("nli.json")
    parts = data["topics"][topic]
    sentences = [f"{o} {e}" for o in parts["openings"] for e in parts["endings"]]
    for _ in range(fills):
        a, b, c = rng.sample(parts["words"], 3)
        sentences.append(rng.choice(data["frames"]).format(a=a, b=b, c=c))
    return sentences


def topic_texts(seed: int = 0) -> list[tuple[str, str]]:
    """(sentence, topic) pairs of every topic of nli.json, for zero-shot training."""
    rng = random.Random(seed)
    return [(s, t) for t in _json("nli.json")["topics"] for s in topic_sentences(t, rng)]


def topic_words() -> list[tuple[str, str]]:
    """(word, topic) pairs: each of a topic's words of nli.json as a premise on its own, so that
    the model links a label to each of its words, not only to whole sentences."""
    return [(w, t) for t, parts in _json("nli.json")["topics"].items() for w in parts["words"]]


def named_pairs(seed: int = 0) -> list[tuple[str, str, str]]:
    """The hand-written premise/hypothesis frames of nli.json, filled 100 times with names."""
    rng, triples = random.Random(seed), []
    for _ in range(100):
        for frame in _json("nli.json")["pairs"]:
            fill = {k: _name(k, rng) for k in ("PER", "ORG", "LOC")}
            for label in ("entailment", "neutral", "contradiction"):
                triples.append(
                    (frame["premise"].format(**fill), frame[label].format(**fill), label)
                )
    return triples


def zero_shot_selection(seed: int = 7919) -> list[dict]:
    """Generated zero-shot examples (another seed, three candidate labels) that the builder's
    choices were tuned on: never the held-out test."""
    rng, topics = random.Random(seed), sorted(_json("nli.json")["topics"])
    examples = []
    for _ in range(60):
        labels = rng.sample(topics, 3)
        text = topic_sentences(labels[0], rng, fills=1)[-1]
        examples.append({"text": text, "labels": rng.sample(labels, 3), "gold": labels[0]})
    return _json("nli.json")["selection"] + examples


def nli_template() -> str:
    """The zero-shot pipeline's hypothesis template, as nli.json spells it."""
    return _json("nli.json")["template"]


def zero_shot_test() -> list[dict]:
    """The held-out, hand-written zero-shot examples: text, candidate labels, gold label."""
    return _json("nli.json")["test"]


def nli_texts() -> list[str]:
    """Every text of nli.json's topics and frames, for the BART tokenizer's vocabulary."""
    data = _json("nli.json")
    topics = [" ".join(p["openings"] + p["endings"] + p["words"]) for p in data["topics"].values()]
    return topics + data["frames"] + [" ".join(frame.values()) for frame in data["pairs"]]
