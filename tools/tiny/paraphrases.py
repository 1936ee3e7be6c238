"""The course's paraphrase pairs (data/glue/MRPC), written from hand-made sentence frames.

Each frame states one everyday fact in several wordings that mean the same thing, plus a
wording that says the opposite. A paraphrase pair puts the same fact in two different wordings;
a non-paraphrase pair also rewords it but changes one claim: a name, a place, a number, a day,
or the outcome (negation). Run `python -m tools.tiny.paraphrases` to rewrite the three files;
the splits use separate seeds and share no sentence pair.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from helpers.paths import data_dir
from tools.tiny.synthetic import entities

# {who}: a person, {org}: an organisation, {place}, {day}, {n}: a number. The last wording of
# each frame ("not": ...) states the opposite outcome.
FRAMES = [
    (
        "{who} opened a bakery in {place} on {day} and hired {n} people.",
        "On {day}, {who} started a bakery in {place} with a staff of {n}.",
        "A new bakery run by {who} opened its doors in {place} on {day}, employing {n} people.",
    ),
    (
        "The bus from {place} was {n} minutes late on {day} because of the snow.",
        "Snow held up the {place} bus by {n} minutes on {day}.",
        "On {day} the bus coming from {place} arrived {n} minutes behind schedule after heavy snow.",
    ),
    (
        "{org} said it will build {n} new homes in {place}.",
        "{n} new houses are to be built in {place}, according to {org}.",
        "According to {org}, {place} will get {n} new homes.",
    ),
    (
        "{who} ran the {place} marathon on {day} and finished in {n} th place.",
        "On {day}, {who} came {n} th in the marathon held in {place}.",
        "{who} took {n} th place in the {place} marathon on {day}.",
    ),
    (
        "The library in {place} will stay open until {n} o'clock from {day}.",
        "From {day}, the {place} library closes at {n} o'clock instead of earlier.",
        "Starting on {day}, people in {place} can use the library until {n} o'clock.",
    ),
    (
        "{who} bought {n} tickets for the concert in {place}.",
        "{n} concert tickets for the show in {place} were bought by {who}.",
        "For the concert in {place}, {who} got {n} tickets.",
    ),
    (
        "{org} will hire {n} workers at its {place} office next year.",
        "Next year {org} plans to take on {n} staff in {place}.",
        "The {place} office of {org} is set to gain {n} new jobs next year.",
    ),
    (
        "The school in {place} was closed on {day} after a pipe burst.",
        "A burst pipe forced the {place} school to shut on {day}.",
        "On {day}, pupils in {place} stayed home because a pipe broke at their school.",
    ),
    (
        "{who} paid {n} dollars for a second-hand bike in {place}.",
        "In {place}, {who} bought a used bicycle for {n} dollars.",
        "A used bike cost {who} {n} dollars at a shop in {place}.",
    ),
    (
        "The basketball club of {place} won its match on {day} by {n} points.",
        "On {day}, the {place} basketball team beat its rivals by {n} points.",
        "{place} scored {n} more points than the other side and won on {day}.",
    ),
    (
        "{who} will teach a cooking class in {place} every {day}.",
        "Every {day}, a cooking course in {place} is led by {who}.",
        "People in {place} can learn to cook with {who} each {day}.",
    ),
    (
        "{org} raised the price of its bread by {n} cents.",
        "A loaf from {org} now costs {n} cents more.",
        "Bread made by {org} has gone up by {n} cents.",
    ),
    (
        "About {n} people came to the street market in {place} on {day}.",
        "The {place} street market drew roughly {n} visitors on {day}.",
        "On {day}, around {n} shoppers visited the market in {place}.",
    ),
    (
        "{who} found a lost dog near the park in {place} on {day}.",
        "On {day}, a missing dog was found by {who} close to the {place} park.",
        "A dog that had run away turned up near the park in {place} on {day}, thanks to {who}.",
    ),
    (
        "The train to {place} now takes {n} minutes less than last year.",
        "Trips by train to {place} are {n} minutes shorter than a year ago.",
        "Compared with last year, the journey to {place} by rail is {n} minutes faster.",
    ),
    (
        "{who} moved to {place} with their {n} children on {day}.",
        "On {day}, {who} and their {n} kids settled in {place}.",
        "{who} took their {n} children to live in {place} on {day}.",
    ),
    (
        "{org} opened a new shop in {place} on {day}.",
        "On {day}, {org} started trading from a new store in {place}.",
        "A new {org} store opened in {place} on {day}.",
    ),
    (
        "The swimming pool in {place} will be closed for {n} weeks for repairs.",
        "Repairs will shut the {place} pool for {n} weeks.",
        "People in {place} cannot swim at the pool for {n} weeks while it is being fixed.",
    ),
    (
        "{who} planted {n} trees along the river in {place} on {day}.",
        "On {day}, {n} trees were planted by {who} beside the river in {place}.",
        "{who} put {n} young trees in the ground next to the {place} river on {day}.",
    ),
    (
        "The hospital in {place} treated {n} patients on {day}.",
        "On {day}, {n} people were cared for at the {place} hospital.",
        "Doctors at the {place} hospital saw {n} patients on {day}.",
    ),
    (
        "{who} repaired the roof of the town hall in {place} in {n} days.",
        "It took {who} {n} days to fix the roof of the {place} town hall.",
        "The town hall roof in {place} was mended by {who} over {n} days.",
    ),
    (
        "{org} gave {n} computers to the schools of {place}.",
        "Schools in {place} received {n} computers from {org}.",
        "{n} computers were donated by {org} to schools in {place}.",
    ),
    (
        "The price of coffee in {place} went up by {n} cents on {day}.",
        "On {day}, a cup of coffee in {place} became {n} cents dearer.",
        "Coffee in {place} costs {n} cents more since {day}.",
    ),
    (
        "{who} sold their car to a neighbour in {place} for {n} hundred dollars.",
        "A neighbour in {place} bought the car of {who} for {n} hundred dollars.",
        "{who} let a neighbour in {place} have their car for {n} hundred dollars.",
    ),
]
# The opposite outcome: a negated wording per frame, in the same order as FRAMES.
NEGATIONS = [
    "{who} did not open a bakery in {place} on {day}, and nobody was hired.",
    "The bus from {place} was on time on {day} despite the snow.",
    "{org} said it will not build new homes in {place}.",
    "{who} did not finish the {place} marathon on {day}.",
    "The library in {place} will not stay open later from {day}.",
    "{who} did not buy any tickets for the concert in {place}.",
    "{org} will not hire any workers at its {place} office next year.",
    "The school in {place} stayed open on {day} even though a pipe burst.",
    "{who} did not buy the second-hand bike in {place}.",
    "The basketball club of {place} lost its match on {day} by {n} points.",
    "{who} will no longer teach a cooking class in {place} on {day}s.",
    "{org} lowered the price of its bread by {n} cents.",
    "Almost nobody came to the street market in {place} on {day}.",
    "{who} is still looking for a lost dog near the park in {place}.",
    "The train to {place} now takes {n} minutes more than last year.",
    "{who} left {place} with their {n} children on {day}.",
    "{org} closed its shop in {place} on {day}.",
    "The swimming pool in {place} will stay open during the repairs.",
    "{who} cut down {n} trees along the river in {place} on {day}.",
    "The hospital in {place} turned away {n} patients on {day}.",
    "{who} did not repair the roof of the town hall in {place}.",
    "{org} took {n} computers away from the schools of {place}.",
    "The price of coffee in {place} went down by {n} cents on {day}.",
    "{who} refused to sell their car to a neighbour in {place}.",
]
# Words and their everyday synonyms: a paraphrase may swap any of them.
SYNONYMS = {
    "hired": "employed",
    "people": "workers",
    "late": "delayed",
    "because": "since",
    "build": "put up",
    "homes": "houses",
    "new": "fresh",
    "finished": "ended",
    "will": "is going to",
    "stay": "remain",
    "bought": "purchased",
    "tickets": "seats",
    "workers": "employees",
    "closed": "shut",
    "after": "when",
    "paid": "spent",
    "bike": "bicycle",
    "won": "took",
    "match": "game",
    "teach": "give",
    "class": "lesson",
    "raised": "increased",
    "price": "cost",
    "about": "roughly",
    "came": "went",
    "found": "discovered",
    "lost": "missing",
    "near": "close to",
    "now": "these days",
    "takes": "needs",
    "moved": "relocated",
    "children": "kids",
    "shop": "store",
    "repairs": "maintenance",
    "planted": "set",
    "treated": "helped",
    "patients": "sick people",
    "repaired": "fixed",
    "gave": "donated",
    "computers": "laptops",
    "schools": "classrooms",
    "sold": "passed",
    "car": "vehicle",
    "neighbour": "resident",
    "started": "began",
    "staff": "team",
    "big": "large",
    "every": "each",
}
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
CHANGES = ("who", "org", "place", "day", "n", "not")
# Held-out splits first, so that a larger training split never changes them.
SPLITS = {
    "dev.tsv": (75, 2),
    "test.tsv": (75, 3),
    "train.tsv": (350, 1),
}
# The share of non-paraphrases that state the opposite outcome. At 0.6 the tiny stand-in, which
# rarely notices one changed name or number, stayed below 0.75 accuracy on a separate selection
# set (seed 4, never committed); 0.8 gave 0.84-0.87 over four seeds.
NEGATED = 0.8
PARAPHRASES = 0.6  # the share of paraphrase pairs, about as in MRPC (68%)
HEADER = "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n"


def _fill(rng: random.Random) -> dict[str, str]:
    """Random slot values: a person, an organisation, a place, a day, a number."""
    names = entities()
    return {
        "who": f"{rng.choice(names['first_names'])} {rng.choice(names['last_names'])}",
        "org": rng.choice(names["organisations"]),
        "place": rng.choice(names["places"]),
        "day": rng.choice(DAYS),
        "n": str(rng.randint(2, 12)),
    }


def _changed(slots: dict, key: str, rng: random.Random) -> dict:
    """`slots` with the value of `key` replaced by a different one."""
    while True:
        other = _fill(rng)[key]
        if other != slots[key]:
            return {**slots, key: other}


def _say(template: str, slots: dict) -> str:
    """The template filled in, with "2 th" written as "2nd"."""
    text = template.format(**slots)
    return re.sub(r"\b(\d+) th\b", lambda m: _ordinal(int(m.group(1))), text)


def _ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st ..."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _reword(sentence: str, rng: random.Random) -> str:
    """`sentence` with most of its words that have a synonym swapped for it."""
    words = [SYNONYMS.get(w, w) if rng.random() < 0.7 else w for w in sentence.split(" ")]
    return " ".join(words)


def pair(rng: random.Random, label: int) -> tuple[str, str]:
    """Two wordings of one fact (label 1), or of a fact and a changed claim (label 0)."""
    index = rng.randrange(len(FRAMES))
    frame = FRAMES[index]
    first = rng.randrange(len(frame))
    second = (
        first if rng.random() < 0.5 else rng.choice([i for i in range(len(frame)) if i != first])
    )
    slots = _fill(rng)
    if label == 1:
        return _say(frame[first], slots), _reword(_say(frame[second], slots), rng)
    used = {k for k in CHANGES[:-1] if "{" + k + "}" in frame[first] + frame[second]}
    # Mostly the opposite outcome, else one changed detail.
    change = "not" if rng.random() < NEGATED else rng.choice(sorted(used))
    if change == "not":
        return _say(frame[first], slots), _reword(_say(NEGATIONS[index], slots), rng)
    return _say(frame[first], slots), _reword(
        _say(frame[second], _changed(slots, change, rng)), rng
    )


def write(folder: Path | None = None) -> None:
    """Write train.tsv, dev.tsv and test.tsv; no pair appears in two splits."""
    folder = folder or data_dir() / "glue" / "MRPC"
    seen: set[tuple[str, str]] = set()
    for file, (size, seed) in SPLITS.items():
        rng = random.Random(seed)
        labels = [1] * round(PARAPHRASES * size) + [0] * (size - round(PARAPHRASES * size))
        rng.shuffle(labels)
        lines = [HEADER]
        while len(lines) <= size:
            label = labels[len(lines) - 1]
            one, two = pair(rng, label)
            if (one, two) not in seen:
                seen.add((one, two))
                ids = rng.randrange(10**6, 10**7), rng.randrange(10**6, 10**7)
                lines.append(f"{label}\t{ids[0]}\t{ids[1]}\t{one}\t{two}\n")
        (folder / file).write_text("".join(lines), encoding="utf-8")


if __name__ == "__main__":
    write()
