"""Checks and quiz of chapter 04 (a training loop by hand)."""

from __future__ import annotations

from helpers.exercises.core import NOT_ANSWERED, Quiz, Verdict, unanswered, verdict


def check_linear_lr(learning_rate: float, total_steps: int, step: int, answer) -> Verdict:
    """Pass when `answer` is the linear schedule's learning rate (no warmup) after `step` steps."""
    if unanswered(answer):
        return verdict(False, NOT_ANSWERED)
    expected = learning_rate * max(0.0, (total_steps - step) / total_steps)
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return verdict(False, f"Expected a number, got {type(answer).__name__}.")
    if abs(value - expected) <= 1e-9 + 1e-6 * expected:
        return verdict(True, f"{expected:.3g}: the rate falls in a straight line from lr to 0.")
    return verdict(
        False, "The rate goes from lr at step 0 to 0 at the last step: lr * (total - step) / total."
    )


QUIZZES = {
    "04.1": Quiz(
        "What happens if you forget optimizer.zero_grad() in the loop?",
        {
            "a": "nothing, step() clears the gradients",
            "b": "gradients of every batch add up, so the updates grow wrong",
            "c": "the loss is not computed",
        },
        "b",
        "backward() adds to .grad; zero_grad() starts each batch from zero.",
        "What does loss.backward() do to an existing .grad?",
    ),
    "04.2": Quiz(
        "torch.optim.AdamW(params, lr=...) uses which weight decay by default?",
        {"a": "0.0, like Trainer", "b": "0.01", "c": "none: it has no weight decay"},
        "b",
        "torch's AdamW defaults to 0.01; Trainer (and the removed AdamW of transformers) use 0.0.",
        "Look at how the optimizer is built in this notebook.",
    ),
}
