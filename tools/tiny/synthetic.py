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
