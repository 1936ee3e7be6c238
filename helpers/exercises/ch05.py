"""Checks and quiz of chapter 05 (Accelerate)."""

from __future__ import annotations

import math

from helpers.exercises.core import NOT_ANSWERED, Quiz, Verdict, unanswered, verdict

__all__ = ["check_batches_per_process"]


def check_batches_per_process(examples: int, batch_size: int, processes: int, answer) -> Verdict:
    """Pass when `answer` is the number of batches each process gets (even_batches, the default)."""
    if unanswered(answer):
        return verdict(False, NOT_ANSWERED)
    batches = math.ceil(examples / batch_size)
    expected = math.ceil(batches / processes)
    if answer == expected:
        return verdict(
            True,
            "Batches counted, then shared out, both rounded up: the last ones are filled up "
            "with examples from the start.",
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
        "Shards are padded with repeated examples so that every process gets as many batches; "
        "gather_for_metrics removes them, so each validation example counts once.",
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
        "The launcher runs fn in each new process, so the Accelerator must be created there, "
        "with cpu=True on CPU; otherwise you get two separate, duplicate trainings.",
        "Look at the first line of training_function.",
    ),
    "05.3": Quiz(
        "Why does training_function compute `steps = epochs * len(train_dl)` only after "
        "`accelerator.prepare`?",
        {
            "a": "prepare adds the evaluation batches to the training loader",
            "b": "no reason: len(train_dl) is the same before and after",
            "c": "prepare splits the loader between the processes, so len(train_dl) becomes the "
            "batches of one process; counted before, the learning rate would not reach 0",
        },
        "c",
        "Each process steps its scheduler once per batch of its own share, so the schedule must "
        "count one process's batches: len(train_dl) after prepare.",
        "The report says how many batches each rank gets; which number should the schedule count?",
    ),
    "05.4": Quiz(
        "After training, every rank holds identical parameters, although each trained on other "
        "batches. Why?",
        {
            "a": "DistributedDataParallel averages the gradients of all processes before each "
            "step, so every rank applies the same update to the same weights",
            "b": "the processes share one copy of the model in memory",
            "c": "the main process copies its weights to the others after training",
            "d": "every rank trained on the same batches",
        },
        "a",
        "prepare wrapped the model in DistributedDataParallel: each rank computes gradients on "
        "its own batch, backward averages them across ranks, and identical steps keep the copies "
        "equal.",
        "The report shows other first examples per rank. What happens to the gradients in "
        "accelerator.backward?",
    ),
    "05.5": Quiz(
        "Two processes, a batch size of 8 per process, and "
        "`Accelerator(gradient_accumulation_steps=4)`: how many examples count in each "
        "optimizer step?",
        {"a": "8", "b": "16", "c": "32", "d": "64"},
        "d",
        "8 examples × 2 processes × 4 accumulated batches = 64: accumulation gives a larger "
        "effective batch than fits in one device's memory.",
        "Multiply the examples of one batch by the processes and by the batches added up before "
        "a step.",
    ),
    "05.6": Quiz(
        "With mixed_precision='fp16', why does `accelerator.backward(loss)` scale the loss?",
        {
            "a": "to average the loss over the processes",
            "b": "small gradients would round to zero in 16-bit floats: the loss is multiplied "
            "before backward, and the gradients divided back before the optimizer step",
            "c": "to make the forward pass faster",
        },
        "b",
        "fp16 has a small range, so tiny gradients underflow to zero; loss scaling keeps them. "
        "bf16 has the range of fp32 and needs no scaling.",
        "What is the smallest number a 16-bit float can hold, compared with a typical gradient?",
    ),
}
