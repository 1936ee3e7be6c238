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


def _values(spec, rng: random.Random) -> str:
    """One answer value: from a list, from an entities.json list, or a year; sometimes any word
    of the corpus instead, so that the model learns where answers stand rather than a list."""
    if spec != "years" and rng.random() < 0.4:
        word = rng.choice(_corpus_words())
        return word if isinstance(spec, list) and spec[0].islower() else word.capitalize()
    if isinstance(spec, list):
        return rng.choice(spec)
    if spec == "years":
        return str(rng.randrange(1940, 2011))
    if spec == "organisations" and rng.random() < 0.5:
        suffix = rng.choice(
            ["Foods", "Labs", "Press", "Mills", "Bank", "Works", "Transit", "Forge"]
        )
        return f"{rng.choice(entities()['last_names'])} {suffix}"
    return rng.choice(entities()[spec])


def qa_example(rng: random.Random) -> dict:
    """One passage about one or two invented people, a question on it and its answer span."""
    facts, people, sentences, asked = _json("qa.json")["facts"], [], [], []
    for i in range(rng.choice([1, 1, 2])):
        first = rng.choice(entities()["first_names"])
        while any(first == p for p in people):
            first = rng.choice(entities()["first_names"])
        people.append(first)
        name = f"{first} {rng.choice(entities()['last_names'])}"
        for j, kind in enumerate(rng.sample(sorted(facts), rng.choice([1, 2, 3]))):
            x = _values(facts[kind]["values"], rng)
            place = rng.choice(entities()["places"])
            who = name if j == 0 else first
            if i and j == 0 and rng.random() < 0.5:
                who = rng.choice(["Her cousin ", "His friend ", "Her brother "]) + who
            frame = rng.choice(facts[kind]["sentences"])
            offset = sum(len(s) + 1 for s in sentences)
            where = offset + frame.format(name=who, x="\0", place=place).index("\0")
            sentences.append(frame.format(name=who, x=x, place=place))
            asked.append((first, kind, x, where))
        if rng.random() < 0.3:
            sentences.append(rng.choice(_json("qa.json")["fillers"]))
    first, kind, x, start = rng.choice(asked)
    context = " ".join(sentences)
    question = rng.choice(facts[kind]["questions"]).format(first=first)
    return {"context": context, "question": question, "answer": x, "start": start}


def qa_examples(count: int, seed: int = 0) -> list[dict]:
    """`count` generated QA examples, reproducible from `seed`."""
    rng = random.Random(seed)
    return [qa_example(rng) for _ in range(count)]


def qa_test() -> list[dict]:
    """The held-out, hand-written QA questions (passages no training example uses)."""
    return _json("qa.json")["test"]


def nli_pairs(seed: int = 0) -> list[tuple[str, str, str]]:
    """(premise, hypothesis, label) triples: topic sentences against 'This example is {topic}.'
    (entailment for their topic, contradiction for two others) and the filled hand-written pairs."""
    rng, data = random.Random(seed), _json("nli.json")
    triples = []
    for topic, parts in data["topics"].items():
        others = [t for t in data["topics"] if t != topic]
        words = parts["words"]
        sentences = [f"{o} {e}" for o in parts["openings"] for e in parts["endings"]]
        sentences += [
            f"It is a story about {a}, {b} and {c}."
            for a, b, c in (rng.sample(words, 3) for _ in range(40))
        ]
        for premise in sentences:
            if premise:
                triples.append((premise, data["template"].format(topic), "entailment"))
                for other in rng.sample(others, 2):
                    triples.append((premise, data["template"].format(other), "contradiction"))
    for _ in range(100):
        for frame in data["pairs"]:
            fill = {k: _name(k, rng) for k in ("PER", "ORG", "LOC")}
            for label in ("entailment", "neutral", "contradiction"):
                triples.append(
                    (frame["premise"].format(**fill), frame[label].format(**fill), label)
                )
    rng.shuffle(triples)
    return triples


def zero_shot_test() -> list[dict]:
    """The held-out, hand-written zero-shot examples: text, candidate labels, gold label."""
    return _json("nli.json")["test"]


def nli_texts() -> list[str]:
    """Every text of nli.json's topics and frames, for the BART tokenizer's vocabulary."""
    data = _json("nli.json")
    return [" ".join(p["openings"] + p["endings"]) for p in data["topics"].values()] + [
        " ".join(frame.values()) for frame in data["pairs"]
    ]
