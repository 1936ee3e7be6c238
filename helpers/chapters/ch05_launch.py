"""How lesson 05 launches its training function: the number of processes for the devices present."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LaunchPlan", "launch_plan"]


@dataclass(frozen=True)
class LaunchPlan:
    """Arguments for `notebook_launcher` and the `Accelerator`, with what they mean in words."""

    num_processes: int
    cpu: bool
    mixed_precision: str
    explanation: str


def launch_plan(gpus: int, mixed_precision: str = "no") -> LaunchPlan:
    """The course's launch for a machine with `gpus` CUDA devices.

    0 GPUs: two CPU processes (gloo), a real distributed run; 1 GPU: one process on the GPU
    (`notebook_launcher` then calls the function in this process: a distributed run needs two
    devices, and a second process would ask for a `cuda:1` that does not exist); 2 or more: one
    process per GPU (NCCL). `mixed_precision` applies on GPUs only.
    """
    if gpus < 0:
        raise ValueError(f"gpus must be 0 or more, got {gpus}")
    if gpus == 0:
        return LaunchPlan(2, True, "no", "no GPU: two CPU processes that talk through gloo")
    if gpus == 1:
        return LaunchPlan(
            1,
            False,
            mixed_precision,
            "one GPU: one process on it (a distributed run needs two devices)",
        )
    return LaunchPlan(
        gpus, False, mixed_precision, f"{gpus} GPUs: one process per GPU, talking through NCCL"
    )
