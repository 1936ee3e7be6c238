"""Checks and quiz of chapter 10 (active learning: which reviews to label next)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from helpers.exercises.core import NOT_ANSWERED, Quiz, Verdict, unanswered, verdict

__all__ = ["check_margin_selection"]

# Five reviews' sentiment probabilities (five levels), margins 0.6, 0.02, 0.3, 0.1, 0.0.
_PROBABILITIES = np.array(
    [
        [0.05, 0.05, 0.05, 0.75, 0.10],
        [0.01, 0.02, 0.02, 0.48, 0.47],
        [0.10, 0.50, 0.20, 0.10, 0.10],
        [0.40, 0.30, 0.10, 0.10, 0.10],
        [0.30, 0.30, 0.20, 0.10, 0.10],
    ]
)
_EXPECTED = [4, 1, 3]  # the three smallest margins, smallest first


def check_margin_selection(select: Callable) -> Verdict:
    """Pass when `select(probabilities, k)` returns the rows with the k smallest margins between
    the two most likely classes, smallest first, without changing its input."""
    if unanswered(select):
        return verdict(False, NOT_ANSWERED)
    if not callable(select):
        return verdict(False, f"Expected a function, got {type(select).__name__}.")
    given = _PROBABILITIES.copy()
    try:
        picked = [int(i) for i in select(given, 3)]
    except (TypeError, ValueError, IndexError) as error:  # the usual mistakes, as a hint
        return verdict(False, f"Your function raised {type(error).__name__}: {error}.")
    if not np.array_equal(given, _PROBABILITIES):
        return verdict(False, "Your function changed the probabilities it was given: sort a copy.")
    if len(picked) != 3:
        return verdict(False, f"Asked for k=3 rows, got {len(picked)}.")
    if sorted(picked) == sorted(_EXPECTED) and picked != _EXPECTED:
        return verdict(False, f"Right rows, wrong order: {picked}. Put the smallest margin first.")
    if picked != _EXPECTED:
        return verdict(
            False,
            f"Got rows {picked}. The margin is the largest probability minus the second largest "
            "(np.sort(p, axis=1)[:, -1] - np.sort(p, axis=1)[:, -2]); pick the smallest ones.",
        )
    return verdict(True, "The smallest margins first: the model hesitates most there.")


QUIZZES = {
    "10.1": Quiz(
        "A five-level sentiment prediction is (0.2, 0.2, 0.2, 0.2, 0.2). What is its normalised "
        "least-confidence uncertainty (1 - max p) · N / (N - 1)?",
        {"a": "0.2", "b": "0.8", "c": "1.0"},
        "c",
        "(1 - 0.2) · 5 / 4 = 1: a uniform prediction is as uncertain as five classes can be; "
        "the factor N / (N - 1) stretches the range to [0, 1].",
        "Compute 1 - max p first, then multiply by 5 / 4.",
    ),
    "10.2": Quiz(
        "For the multi-label keyword model, which probability marks a keyword the model is least "
        "sure about?",
        {"a": "0.02", "b": "0.49", "c": "0.97"},
        "b",
        "A sigmoid output near 0.5 is a coin toss between 'mentioned' and 'not mentioned'; "
        "0.02 and 0.97 are confident answers.",
        "Each keyword is its own yes/no question.",
    ),
    "10.3": Quiz(
        "Why can picking the 40 most uncertain reviews in one round do worse than 40 random ones?",
        {
            "a": "uncertain reviews are always mislabelled",
            "b": "the top of an uncertainty ranking is often many near-duplicates of one hard "
            "case: the batch teaches one thing forty times, while a random batch covers the "
            "whole distribution",
            "c": "random sampling uses more labels",
        },
        "b",
        "Uncertainty ranks reviews one by one and ignores what the others in the batch already "
        "teach; real teams mix it with diversity (clusters) or some random picks.",
        "Look at how similar the top-ranked reviews are to each other.",
    ),
    "10.4": Quiz(
        "You draw new reviews for labelling stratified by shop. What does that guarantee?",
        {
            "a": "each shop appears in the sample in proportion to its share of the reviews, so "
            "no shop is missed by chance",
            "b": "the sample has the same number of positive and negative reviews",
            "c": "the model becomes more accurate for every shop",
        },
        "a",
        "Stratifying fixes the share of each group in the sample; it says nothing about labels "
        "or accuracy.",
        "What is the `stratify` (or `groupby`) column about?",
    ),
    "10.5": Quiz(
        "A review is far from every k-means centroid of the labelled reviews' embeddings. What "
        "is it?",
        {
            "a": "a review the model will surely get right",
            "b": "an outlier: unlike what is already labelled (a new topic, a new style, or noise), "
            "worth a look before labelling",
            "c": "a duplicate of a labelled review",
        },
        "b",
        "Distance to the nearest centroid measures how unlike the labelled data a review is; "
        "it can be a new kind of review, or just garbage text.",
        "Centroids summarise the labelled reviews.",
    ),
    "10.6": Quiz(
        "Why does the simulation average each strategy over several seeds and draw a band?",
        {
            "a": "to make the curves smoother for the plot",
            "b": "one run's curve depends on the random first pool; only a gap larger than the "
            "spread between seeds says one strategy is better",
            "c": "because the test split changes with the seed",
        },
        "b",
        "With a small pool, the luck of the first draw moves a curve by several points; compare "
        "strategies by their means against that spread.",
        "What changes between seeds, and what stays fixed?",
    ),
}
