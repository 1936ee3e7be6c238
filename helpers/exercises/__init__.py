"""Self-checking exercises and quizzes, one module per chapter."""

from __future__ import annotations

import importlib
import pkgutil

from helpers.errors import CourseError
from helpers.exercises.core import Verdict, ask

__all__ = ["quiz"]


def _quizzes() -> dict:
    """Every chapter module's `QUIZZES` (the modules `chNN`), found by walking this package: a
    new chapter's quizzes need no line here."""
    found = {}
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        if module.startswith("ch"):
            found |= importlib.import_module(f"{__name__}.{module}").QUIZZES
    return found


QUIZZES = _quizzes()


def quiz(quiz_id: str, answer: str | None = None) -> Verdict:
    """Print quiz `quiz_id`; with `answer` (a letter), say whether it is right and why."""
    if quiz_id not in QUIZZES:
        raise CourseError(f"No quiz {quiz_id!r}. Known quizzes: {', '.join(sorted(QUIZZES))}.")
    return ask(QUIZZES[quiz_id], answer)
