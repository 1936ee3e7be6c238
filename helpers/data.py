"""`load_dataset` with the datasets signature: course copies in tiny mode, GLUE_DIR or the hub in full."""

from __future__ import annotations

import os
from pathlib import Path

from helpers.errors import CourseError
from helpers.glue_files import TASKS, load_glue_folder
from helpers.mode import current_mode
from helpers.paths import data_dir

GLUE_NAMES = ("glue", "nyu-mll/glue")
HUB_GLUE = "nyu-mll/glue"
FILE_BUILDERS = ("csv", "json", "text", "parquet", "arrow")


def known_datasets() -> list[str]:
    """The data sets that have a course copy for tiny mode."""
    return [f"{path}/{config}" for path in GLUE_NAMES for config in TASKS]


def _glue_task(name: str | None):
    """The GlueTask for a GLUE config name, or a clear error."""
    if name in TASKS:
        return TASKS[name]
    raise CourseError(
        f"GLUE config {name!r} has no course copy. Known: {', '.join(known_datasets())}. "
        "Fix: use one of these, or COURSE_MODE=full for the other GLUE tasks."
    )


def load_dataset(path: str, name: str | None = None, *, split: str | None = None, **kwargs):
    """Like `datasets.load_dataset`; in tiny mode GLUE maps to the course's own files."""
    import datasets

    if path in FILE_BUILDERS or Path(path).exists():
        return datasets.load_dataset(path, name, split=split, **kwargs)
    mode = current_mode()
    if path in GLUE_NAMES:
        if mode == "tiny":
            return load_glue_folder(data_dir() / "glue", _glue_task(name), split)
        glue_dir = os.environ.get("GLUE_DIR")
        if glue_dir:
            return load_glue_folder(Path(glue_dir), _glue_task(name), split)
        return datasets.load_dataset(HUB_GLUE, name, split=split, **kwargs)
    if mode == "tiny":
        raise CourseError(
            f"Data set {path!r} has no course copy for tiny mode. Known: "
            f"{', '.join(known_datasets())}, or local files (csv/json/text/parquet). "
            "Fix: use one of these, or run with COURSE_MODE=full (needs the hub)."
        )
    return datasets.load_dataset(path, name, split=split, **kwargs)


def course_text(name: str) -> str:
    """The text of the course corpus `name` (data/corpus/<name>.txt), e.g. 'english' or 'korean'."""
    folder = data_dir() / "corpus"
    path = folder / f"{name}.txt"
    if not path.is_file():
        known = sorted(p.stem for p in folder.glob("*.txt"))
        raise CourseError(f"No course text {name!r} in {folder}. Known: {', '.join(known)}.")
    return path.read_text(encoding="utf-8")
