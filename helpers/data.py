"""`load_dataset` with the datasets signature: course copies in tiny mode, GLUE_DIR or the hub in full."""

from __future__ import annotations

from pathlib import Path

from helpers import environment
from helpers.errors import CourseError
from helpers.glue_files import TASKS, load_glue_folder
from helpers.limits import capped, max_examples
from helpers.mode import current_mode
from helpers.paths import data_dir

__all__ = ["course_text", "load_dataset"]

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
    """`datasets.load_dataset` with the same signature; GLUE also works offline.

    Args:
        path: a data set name ("glue" or "nyu-mll/glue" for GLUE), a file builder ("csv",
            "json", ...) or a local path; anything else goes to `datasets.load_dataset`.
        name: the configuration, e.g. "mrpc" or "sst2" for GLUE.
        split: one split ("train", "validation", "test"), or None for all of them.
        **kwargs: passed on to `datasets.load_dataset` (data_files=..., etc.).

    Returns:
        A `DatasetDict` (or a `Dataset` for one split) with the Hub's features: ClassLabel
        names and `idx` for GLUE. Tiny mode reads the course's files under data/glue; full mode
        reads `GLUE_DIR` when set, else the Hub (`datasets.load_dataset("nyu-mll/glue", name)`).
        With `COURSE_MAX_EXAMPLES=N` set (helpers.limits), only the first N rows of each split.

    Raises:
        CourseError: an unknown GLUE task, a missing file, a malformed row (file and line named),
            or, in tiny mode, a data set with no course copy (the known ones are listed).
    """
    return capped(_load(path, name, split=split, **kwargs))


def _load(path: str, name: str | None, *, split: str | None, **kwargs):
    """The data set `load_dataset` returns, before the cap."""
    import datasets

    if path in FILE_BUILDERS or Path(path).exists():
        return datasets.load_dataset(path, name, split=split, **kwargs)
    mode = current_mode()
    if path in GLUE_NAMES:
        if mode == "tiny":
            return load_glue_folder(data_dir() / "glue", _glue_task(name), split)
        glue_dir = environment.read("GLUE_DIR")
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
    """The text of the course corpus `name` (data/corpus/<name>.txt), e.g. 'english' or 'korean'
    (its first `COURSE_MAX_EXAMPLES` lines when that cap is set)."""
    folder = data_dir() / "corpus"
    path = folder / f"{name}.txt"
    if not path.is_file():
        known = sorted(p.stem for p in folder.glob("*.txt"))
        raise CourseError(f"No course text {name!r} in {folder}. Known: {', '.join(known)}.")
    text = path.read_text(encoding="utf-8")
    return text if max_examples() is None else "\n".join(capped(text.splitlines()))
