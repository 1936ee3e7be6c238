"""Entity-level precision, recall and F1 of tagged sequences: offline twin of the Hub's `seqeval`
module in its default mode (chunks read as the CoNLL-2000 `conlleval` script reads them)."""

from __future__ import annotations

import warnings
from collections import Counter

import datasets
import evaluate

from helpers import metric_core

CITATION = (
    "Tjong Kim Sang and Buchholz, Introduction to the CoNLL-2000 Shared Task: Chunking, 2000; "
    "Nakayama, seqeval: A Python framework for sequence labeling evaluation, 2018."
)
ARGUMENTS = """Args:
    predictions: one list of tags per sentence ("B-PER", "I-PER", "O", ...; also E- and S-).
    references: the true tags, in the same form.
    suffix (bool, default False): the tag's position comes last ("PER-B").
    scheme, mode: only the default (None) here; strict mode needs the `seqeval` package.
    sample_weight: only None here.
    zero_division ('warn', 0 or 1, default 'warn'): the score where its denominator is 0.
Returns:
    one {'precision', 'recall', 'f1', 'number'} per entity type ('number': true entities), and
    'overall_precision', 'overall_recall', 'overall_f1' (micro average over entities),
    'overall_accuracy' (share of tokens tagged right).
"""

Entity = tuple[str, int, int]  # (type, first token, last token) in the flattened tags


def split_tag(tag: str, suffix: bool) -> tuple[str, str]:
    """(position, type): ("B", "PER") from "B-PER", or from "PER-B" with `suffix`; the
    position is one letter (B, I, E, S or O) and a tag without a type has type "_"."""
    if suffix:
        return tag[-1], tag[:-1].rsplit("-", 1)[0] or "_"
    return tag[0], tag[1:].split("-", 1)[-1] or "_"


def ends_chunk(previous: str, position: str, previous_kind: str, kind: str) -> bool:
    """Whether the chunk open at the previous tag ends before this one (conlleval's rule)."""
    return (
        previous in ("E", "S")
        or (previous in ("B", "I") and position in ("B", "S", "O"))
        or (previous not in ("O", ".") and previous_kind != kind)
    )


def starts_chunk(previous: str, position: str, previous_kind: str, kind: str) -> bool:
    """Whether a chunk starts at this tag (conlleval's rule)."""
    return (
        position in ("B", "S")
        or (previous in ("E", "S", "O") and position in ("E", "I"))
        or (position not in ("O", ".") and previous_kind != kind)
    )


def entities(sentences: list[list[str]], suffix: bool = False) -> set[Entity]:
    """Every chunk of the sentences, joined with an "O" after each (which also ends the last
    chunk), as (type, first, last)."""
    tags = [tag for sentence in sentences for tag in [*sentence, "O"]]
    found, previous, previous_kind, start = set(), "O", "", 0
    for index, tag in enumerate(tags):
        position, kind = split_tag(tag, suffix)
        if ends_chunk(previous, position, previous_kind, kind):
            found.add((previous_kind, start, index - 1))
        if starts_chunk(previous, position, previous_kind, kind):
            start = index
        previous, previous_kind = position, kind
    return found


def divide(numerator: int, denominator: int, zero_division) -> float:
    """numerator / denominator, or `zero_division` (with a warning for 'warn') when it is 0."""
    if denominator:
        return numerator / denominator
    if zero_division == "warn":
        warnings.warn("A score is ill-defined (no entities) and set to 0.0.", stacklevel=3)
        return 0.0
    return float(zero_division)


def scores(hits: int, predicted: int, true: int, zero_division) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts of entities."""
    precision = divide(hits, predicted, zero_division)
    recall = divide(hits, true, zero_division)
    both = precision + recall
    return precision, recall, (2 * precision * recall / both if both else 0.0)


class Seqeval(evaluate.Metric):
    """Entity-level scores: an entity counts only when its type and its whole span are right."""

    def _info(self) -> evaluate.MetricInfo:
        tags = datasets.Sequence(datasets.Value("string", id="label"), id="sequence")
        return metric_core.metric_info(
            "seqeval",
            "Precision, recall and F1 over whole entities (chunks), as conlleval counts them.",
            datasets.Features({"predictions": tags, "references": tags}),
            inputs_description=ARGUMENTS,
            citation=CITATION,
        )

    def _compute(
        self,
        predictions: list[list[str]],
        references: list[list[str]],
        suffix: bool = False,
        scheme: str | None = None,
        mode: str | None = None,
        sample_weight: list[float] | None = None,
        zero_division="warn",
    ) -> dict:
        """Per-type and overall scores, the Hub module's keys."""
        if scheme is not None or mode is not None or sample_weight is not None:
            raise ValueError(
                "The course's offline seqeval computes the default mode only (no scheme, mode "
                "or sample_weight). Fix: drop them, or `pip install seqeval` and use "
                "`evaluate.load('seqeval')` with network access."
            )
        true, predicted = entities(references, suffix), entities(predictions, suffix)
        counts = [Counter(k for k, _, _ in found) for found in (true & predicted, predicted, true)]
        result = {}
        for kind in sorted(counts[1] | counts[2]):
            p, r, f = scores(*(count[kind] for count in counts), zero_division)
            result[kind] = {"precision": p, "recall": r, "f1": f, "number": counts[2][kind]}
        p, r, f = scores(len(true & predicted), len(predicted), len(true), zero_division)
        pairs = [(t, q) for ts, qs in zip(references, predictions) for t, q in zip(ts, qs)]
        accuracy = sum(t == q for t, q in pairs) / len(pairs) if pairs else 0.0
        overall = {"precision": p, "recall": r, "f1": f, "accuracy": accuracy}
        return result | {f"overall_{key}": value for key, value in overall.items()}
