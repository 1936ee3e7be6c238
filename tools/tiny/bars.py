"""The quality bars of the tiny stand-ins, read from their build notes.

Each recipe lists its bars (`Recipe.bars`). The builder refuses to save a stand-in whose notes
miss one, so a rebuild cannot lower them silently; tests check the same bars on the committed
notes and measure the scores again by running the committed models.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


def value(notes: dict, key: str):
    """The value at a dotted `key` of the notes (`"a.b"` is `notes["a"]["b"]`), None if absent."""
    for part in key.split("."):
        if not isinstance(notes, dict) or part not in notes:
            return None
        notes = notes[part]
    return notes


def _lowest(found) -> float | None:
    """A score, or the lowest of a dict of scores (one per seed, say)."""
    return min(found.values()) if isinstance(found, dict) else found


@dataclass(frozen=True)
class Bar:
    """One requirement on a stand-in's build notes, with the words that say it."""

    says: str
    holds: Callable[[dict], bool]
    key: str = ""
    minimum: float | None = None

    def missed(self, notes: dict) -> str | None:
        """A sentence naming the bar and the value found, or None when the notes meet it."""
        if self.holds(notes):
            return None
        return f"{self.says} (found {value(notes, self.key)!r})" if self.key else self.says


def at_least(key: str, minimum: float, over: str | None = None) -> Bar:
    """`key` is at least `minimum` (every value, for a dict of scores); with `over`, at least
    `minimum` above the value at `over` (a baseline)."""

    def holds(notes: dict) -> bool:
        found, base = _lowest(value(notes, key)), value(notes, over) if over else 0.0
        return found is not None and base is not None and found >= base + minimum

    says = f"{key} >= {over} + {minimum}" if over else f"{key} >= {minimum}"
    return Bar(says, holds, key, None if over else minimum)


def at_most(key: str, margin: float, over: str) -> Bar:
    """`key` is at most `margin` above the value at `over` (a model that has not learned yet)."""

    def holds(notes: dict) -> bool:
        found, base = value(notes, key), value(notes, over)
        return found is not None and base is not None and found <= base + margin

    return Bar(f"{key} <= {over} + {margin}", holds, key)


def below(key: str, other: str) -> Bar:
    """`key` is lower than `other` (a loss that fell)."""

    def holds(notes: dict) -> bool:
        found, then = value(notes, key), value(notes, other)
        return found is not None and then is not None and found < then

    return Bar(f"{key} < {other}", holds, key)


def strictly_between(key: str, low: float, high: float) -> Bar:
    """`low < key < high` (a classifier that predicts both classes)."""

    def holds(notes: dict) -> bool:
        found = value(notes, key)
        return found is not None and low < found < high

    return Bar(f"{low} < {key} < {high}", holds, key)


def equals(key: str, expected) -> Bar:
    """`key` is `expected` (the lesson's own example answered right)."""
    return Bar(f"{key} == {expected!r}", lambda notes: value(notes, key) == expected, key)


def misses(bars: tuple[Bar, ...], notes: dict) -> list[str]:
    """The bars that `notes` miss, each as a sentence; empty when it meets them all."""
    return [missed for bar in bars if (missed := bar.missed(notes))]


def minimum(bars: tuple[Bar, ...], key: str) -> float:
    """The plain minimum the bars set for `key` (what a test asserts on a measured score)."""
    return next(b.minimum for b in bars if b.key == key and b.minimum is not None)
