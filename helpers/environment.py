"""Every environment variable the course reads, in one module: their names and the one function
that reads them. What each does is README's table (`| variable | effect |`), which lists the same
names; a test fails when a module reads the environment itself or the two lists differ."""

from __future__ import annotations

import os

__all__ = []  # read by the kernel and tools; nothing here for the lessons

VARIABLES = (
    "COURSE_MODE",
    "HF_HUB_OFFLINE",
    "COURSE_MODELS_DIR",
    "GLUE_DIR",
    "COURSE_DATA_DIR",
    "COURSE_RUN_DIR",
    "COURSE_MAX_EXAMPLES",
    "COURSE_CHECKPOINTS_DIR",
    "COURSE_WARNINGS",
    "COURSE_TINY_THREADS",
    "HF_TOKEN",
    "CHROMIUM",
    "CHROMEDRIVER",
)


def read(name: str) -> str:
    """The value of the course variable `name`, stripped; "" when unset or blank."""
    if name not in VARIABLES:
        raise KeyError(f"{name} is not a course variable: add it to helpers/environment.py")
    return os.environ.get(name, "").strip()
