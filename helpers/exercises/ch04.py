"""Checks and quiz of chapter 04 (a training loop by hand)."""

from __future__ import annotations

from helpers.exercises.core import NOT_ANSWERED, Quiz, Verdict, unanswered, verdict

__all__ = ["check_linear_lr"]


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
        return verdict(
            True, "The rate falls in a straight line from lr down to zero at the last step."
        )
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
        "backward() adds to .grad; zero_grad() makes each batch's gradient start from zero.",
        "What does loss.backward() do to an existing .grad?",
    ),
    "04.2": Quiz(
        "Your loop matches the Trainer's seeds, data order, schedule and gradient clipping, but "
        "builds `torch.optim.AdamW(model.parameters(), lr=lr)`, and its losses drift. Why?",
        {
            "a": "torch's AdamW defaults to weight_decay=0.01, the Trainer to 0.0: pass "
            "weight_decay=0.0",
            "b": "torch's AdamW ignores the learning rate of the schedule",
            "c": "the Trainer trains with plain SGD",
        },
        "a",
        "Libraries choose different defaults: torch's AdamW decays the weights, the Trainer does "
        "not. Set every hyperparameter you want to match explicitly.",
        "Look at how the optimizer is built in this notebook, and read the prose above it.",
    ),
    "04.3": Quiz(
        "In the evaluation loop, what do `model.eval()` and `torch.no_grad()` each do?",
        {
            "a": "both freeze the weights, so one of them is enough",
            "b": "eval() computes the metric; no_grad() sets the gradients to zero",
            "c": "eval() makes the model read the validation set; no_grad() turns dropout off",
            "d": "eval() turns dropout off, so predictions are repeatable; no_grad() stops "
            "recording operations for gradients, which saves memory and time",
        },
        "d",
        "They are independent: no_grad() leaves dropout on, and eval() still records gradients. "
        "Evaluate with both, and call model.train() before training again.",
        "One changes how some layers behave; the other changes what autograd records.",
    ),
    "04.4": Quiz(
        "Before the loop, the `label` column is renamed to `labels` and the text columns are "
        "removed. Why?",
        {
            "a": "the DataLoader accepts only plural column names",
            "b": "`model(**batch)` passes every column as an argument: the model returns a loss "
            "only when it gets `labels`, and takes no text columns",
            "c": "to save memory",
        },
        "b",
        "The batch's keys become the model's keyword arguments, so they must be names forward() "
        "accepts; with `labels` it returns the `.loss` the loop calls backward() on.",
        "Look at `loss = model(**batch).loss`: what must the batch hold for a loss to be there?",
    ),
    "04.5": Quiz(
        "You create the linear schedule with num_training_steps set to one epoch's batches, but "
        "train for three epochs. What happens?",
        {
            "a": "the schedule starts again at each epoch",
            "b": "nothing: the scheduler counts the steps by itself",
            "c": "the learning rate reaches 0 at the end of the first epoch and stays there, so "
            "the last two epochs do not change the model",
        },
        "c",
        "The linear schedule goes from the start value to 0 over num_training_steps and then "
        "stays at 0: give it epochs × len(train_dataloader).",
        "Plot the learning rate of the linear schedule in your head: where is it after "
        "num_training_steps?",
    ),
}
