"""The course's two modes: `tiny` (offline, tiny checkpoints) and `full` (the real hub)."""

from __future__ import annotations

import os
import socket
from collections.abc import Mapping
from typing import TypeVar

from helpers import environment
from helpers.errors import CourseError

T = TypeVar("T")

MODES = ("tiny", "full")
HUB_HOST = "huggingface.co"
# Tiny mode for a whole process and its kernels: `make test`, `make outputs`, the benchmark.
TINY_ENV = {"COURSE_MODE": "tiny", "HF_HUB_OFFLINE": "1", "PYTHONHASHSEED": "0"}
OFFLINE_VARIABLES = (
    "HF_HUB_OFFLINE",
    "HF_DATASETS_OFFLINE",
    "TRANSFORMERS_OFFLINE",
    "HF_EVALUATE_OFFLINE",
)


def for_mode(table: Mapping[str, T], mode: str) -> T:
    """The entry of a per-mode settings `table` for `mode`.

    Raises:
        CourseError: `mode` is not one of the modes (they are named, with COURSE_MODE).
    """
    if mode not in MODES or mode not in table:
        known = " or ".join(repr(name) for name in MODES)
        raise CourseError(f"Unknown mode {mode!r}: use {known} (COURSE_MODE).")
    return table[mode]


def for_mode_on(table: Mapping[str, T], mode: str, device: str) -> T:
    """As `for_mode`, for a table with a "full-cpu" row: full mode without a GPU (`device` not
    "cuda") takes that row, so a lesson finishes in minutes on a CPU runtime."""
    chosen = for_mode(table, mode)
    return table["full-cpu"] if mode == "full" and device != "cuda" else chosen


def is_true(value: str | None) -> bool:
    """Read an environment flag the way huggingface_hub does."""
    return (value or "").strip().upper() in {"1", "ON", "YES", "TRUE"}


def hub_reachable(timeout: float = 2.0) -> bool:
    """Whether a TCP connection to the Hugging Face Hub opens within `timeout` seconds."""
    try:
        with socket.create_connection((HUB_HOST, 443), timeout=timeout):
            return True
    except OSError:
        return False


def resolve_mode() -> tuple[str, str]:
    """The mode to use and why: COURSE_MODE if set, else full when the hub answers, else tiny."""
    raw = environment.read("COURSE_MODE").lower()
    if raw:
        if raw not in MODES:
            raise CourseError(
                f"COURSE_MODE={raw!r} is not a course mode. Set COURSE_MODE=tiny (offline, tiny "
                "checkpoints and course data) or COURSE_MODE=full (hub models and data), "
                "or unset it to choose automatically."
            )
        return raw, "set by COURSE_MODE"
    if is_true(environment.read("HF_HUB_OFFLINE")):
        return "tiny", "HF_HUB_OFFLINE is set"
    if hub_reachable():
        return "full", "the Hugging Face Hub answered"
    return "tiny", "the Hugging Face Hub did not answer"


def current_mode() -> str:
    """The mode in force now (setup_notebook records it in COURSE_MODE)."""
    return resolve_mode()[0]


def go_offline() -> None:
    """Set every offline variable of the HF libraries, evaluate's included."""
    for name in OFFLINE_VARIABLES:
        os.environ[name] = "1"
