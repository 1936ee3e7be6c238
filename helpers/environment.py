"""Every environment variable the course reads, in one module: its name and what it does, and
the one function that reads it. README's table ("Environment variables") lists the same names;
a test fails when a module reads the environment itself or the two lists differ."""

from __future__ import annotations

import os

__all__ = []  # read by the kernel and tools; nothing here for the lessons

VARIABLES = {
    "COURSE_MODE": "tiny or full; unset: full if the Hub answers, else tiny",
    "HF_HUB_OFFLINE": "1: an unset COURSE_MODE means tiny, and nothing is pushed",
    "COURSE_MODELS_DIR": "full mode: saved models as <org>--<name>/, used before the Hub",
    "GLUE_DIR": "full mode: GLUE files in the classic layout, used before the Hub",
    "COURSE_DATA_DIR": "another copy of the course's data/ folder",
    "COURSE_RUN_DIR": "where notebooks write (default runs/)",
    "COURSE_MAX_EXAMPLES": "keep the first N rows of each split of every data set",
    "COURSE_CHECKPOINTS_DIR": "tiny mode: another folder of stand-ins than data/checkpoints",
    "COURSE_WARNINGS": "1: Python warnings in tiny mode too",
    "COURSE_TINY_THREADS": "torch threads in tiny mode (default 1)",
    "HF_TOKEN": "the Hugging Face token for a push (else the one `login()` stored)",
    "CHROMIUM": "the browser the app's tests drive (else the first on PATH)",
    "CHROMEDRIVER": "its driver (else chromedriver on PATH)",
}


def read(name: str) -> str:
    """The value of the course variable `name`, stripped; "" when unset or blank."""
    if name not in VARIABLES:
        raise KeyError(f"{name} is not a course variable: add it to helpers/environment.py")
    return os.environ.get(name, "").strip()
