"""Self-checking exercises and quizzes, one module per chapter."""

from __future__ import annotations

from helpers.errors import CourseError
from helpers.exercises import ch01, ch02, ch03, ch04, ch05, ch06, ch07, ch08, ch09, ch10, ch11, ch12
from helpers.exercises.core import Verdict, ask

__all__ = ["quiz"]

QUIZZES = {
    **ch01.QUIZZES,
    **ch02.QUIZZES,
    **ch03.QUIZZES,
    **ch04.QUIZZES,
    **ch05.QUIZZES,
    **ch06.QUIZZES,
    **ch07.QUIZZES,
    **ch08.QUIZZES,
    **ch09.QUIZZES,
    **ch10.QUIZZES,
    **ch11.QUIZZES,
    **ch12.QUIZZES,
}


def quiz(quiz_id: str, answer: str | None = None) -> Verdict:
    """Print quiz `quiz_id`; with `answer` (a letter), say whether it is right and why."""
    if quiz_id not in QUIZZES:
        raise CourseError(f"No quiz {quiz_id!r}. Known quizzes: {', '.join(sorted(QUIZZES))}.")
    return ask(QUIZZES[quiz_id], answer)
