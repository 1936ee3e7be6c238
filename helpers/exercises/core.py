"""The shared shape of a self-checking exercise: a verdict printed as a pass or a hint."""

from __future__ import annotations

from dataclasses import dataclass

NOT_ANSWERED = (
    "Not answered yet: replace the `None` (or `...`) above with your answer and run again."
)


@dataclass(frozen=True)
class Quiz:
    """A multiple-choice question with the letter of the right choice and why."""

    question: str
    choices: dict[str, str]
    answer: str
    why: str
    hint: str


class Verdict:
    """Whether an answer passed; truthy when it did, and silent as a cell's last value."""

    def __init__(self, passed: bool, message: str):
        self.passed, self.message = passed, message

    def __bool__(self) -> bool:
        return self.passed

    def __repr__(self) -> str:
        return f"Verdict(passed={self.passed})"

    def _ipython_display_(self) -> None:
        """Show nothing: the verdict was already printed."""


def verdict(passed: bool, message: str) -> Verdict:
    """Print a clear pass or a hint, and return the verdict."""
    print(("✅ Correct! " if passed else "❌ Not yet. ") + message)
    return Verdict(passed, message)


def unanswered(answer) -> bool:
    """Whether the learner left the placeholder in place."""
    return answer is None or answer is Ellipsis


def ask(quiz: Quiz, answer: str | None) -> Verdict:
    """Print the question and choices; with an answer, say whether it is right and why.

    A right answer prints the explanation (`why`); a wrong one prints the hint and invites
    another try, without giving the answer away.
    """
    print(quiz.question)
    for letter, text in quiz.choices.items():
        print(f"  {letter}) {text}")
    if unanswered(answer):
        return verdict(
            False, f"Set answer= to one of {', '.join(map(repr, quiz.choices))} and run again."
        )
    letter = str(answer).strip().lower().rstrip(")")
    if letter not in quiz.choices:
        return verdict(False, f"{answer!r} is not a choice; pick one of {list(quiz.choices)}.")
    if letter == quiz.answer:
        return verdict(True, quiz.why)
    return verdict(False, f"{letter}) is not it. Hint: {quiz.hint} Try another letter.")
