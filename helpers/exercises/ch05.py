"""Checks and quiz of chapter 05 (Accelerate)."""

from __future__ import annotations

import math

from helpers.exercises.core import NOT_ANSWERED, Quiz, Verdict, unanswered, verdict


def check_batches_per_process(examples: int, batch_size: int, processes: int, answer) -> Verdict:
    """Pass when `answer` is the number of batches each process gets (even_batches, the default)."""
    if unanswered(answer):
        return verdict(False, NOT_ANSWERED)
    batches = math.ceil(examples / batch_size)
    expected = math.ceil(batches / processes)
    if answer == expected:
        return verdict(
            True,
            f"{batches} batches shared by {processes} processes: {expected} each "
            "(the last ones are filled up with examples from the start).",
        )
    return verdict(
        False, "First count the batches (round up), then share them out (round up again)."
    )


QUIZZES = {
    "05.1": Quiz(
        "Why gather_for_metrics and not gather for evaluation?",
        {
            "a": "it is faster",
            "b": "it drops the examples duplicated to make the last batches even",
            "c": "gather only works on GPUs",
        },
        "b",
        "Shards are padded with repeated examples; gather_for_metrics removes them so each counts once.",
        "How many batches does each rank get when they do not divide evenly?",
    ),
    "05.2": Quiz(
        "notebook_launcher(fn, num_processes=2) on a CPU machine: what must fn do?",
        {
            "a": "create Accelerator(cpu=True) inside fn",
            "b": "create the Accelerator in an earlier cell",
            "c": "nothing, processes are detected",
        },
        "a",
        "The Accelerator must be created in each process, with cpu=True on CPU, or it is not distributed.",
        "Look at the first line of training_function.",
    ),
}
