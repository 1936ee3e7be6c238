"""Which words mattered: mask each word (eojeol) in turn and measure the drop in a probability.

Korean writes words as eojeol, units separated by spaces (a noun with its particle, a verb with
its ending), so masking one eojeol removes one word with its grammar. The model itself is not
changed: this is occlusion, the simplest attribution method, run as one batch per review.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

import numpy as np

__all__ = ["highlight_html", "top_words", "word_importance"]


def eojeols(text: str) -> list[str]:
    """The words of `text` (split on whitespace)."""
    return text.split()


def masked_variants(text: str, mask: str) -> list[str]:
    """`text` once per word, with that word replaced by `mask`."""
    words = eojeols(text)
    return [" ".join(mask if j == i else w for j, w in enumerate(words)) for i in range(len(words))]


def word_importance(
    probability_of: Callable[[list[str]], Sequence[float]], text: str, mask: str
) -> list[tuple[str, float]]:
    """Each word of `text` with the drop of `probability_of` when that word is masked.

    `probability_of` maps a batch of texts to one probability per text (for instance a keyword's
    sigmoid). A large positive drop: the word supported the prediction; near 0: it did not matter.
    """
    words = eojeols(text)
    if not words:
        return []
    scores = np.asarray(probability_of([text, *masked_variants(text, mask)]), dtype=float)
    return [(w, float(scores[0] - s)) for w, s in zip(words, scores[1:])]


def top_words(scored: Sequence[tuple[str, float]], k: int = 3) -> list[str]:
    """The `k` words whose masking lowered the probability most, largest drop first."""
    ranked = sorted(range(len(scored)), key=lambda i: -scored[i][1])
    return [scored[i][0] for i in ranked[:k]]


class Highlighted(str):
    """HTML text that Jupyter shows rendered (`_repr_html_`); as a `str` it is the markup itself,
    for an app or a file."""

    def _repr_html_(self) -> str:
        return str(self)

    def __repr__(self) -> str:
        return f"<{self.count('<span')} highlighted words>"


def highlight_html(scored: Sequence[tuple[str, float]]) -> Highlighted:
    """The words as HTML, each on an orange background as strong as its drop (none if <= 0)."""
    largest = max((s for _, s in scored), default=0.0)
    spans = []
    for word, score in scored:
        alpha = max(score, 0.0) / largest if largest > 0 else 0.0
        style = f"background: rgba(255, 140, 0, {alpha:.2f}); padding: 1px 3px; border-radius: 3px"
        spans.append(f'<span style="{style}" title="{score:+.3f}">{html.escape(word)}</span>')
    return Highlighted('<p style="font-size: 1.1em; line-height: 1.8">' + " ".join(spans) + "</p>")
