"""Where the course keeps its data, tiny checkpoints and run outputs."""

from __future__ import annotations

from pathlib import Path

from helpers import environment

__all__ = ["data_dir", "free_port", "run_dir"]

REPO_ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The course data folder (COURSE_DATA_DIR, or data/ in the repository).

    Raises CourseError when it is missing: `helpers` installed without its repository (a
    non-editable `pip install .`) has no data/ next to it.
    """
    path = Path(environment.read("COURSE_DATA_DIR") or REPO_ROOT / "data")
    if not path.is_dir():
        from helpers.errors import CourseError

        raise CourseError(
            f"The course data folder {path} is missing: `helpers` runs without the course's "
            "repository (a non-editable install?). Fix: install the course with `pip install -e .` "
            "from a clone (git clone the course, then run it in the clone's folder), or point "
            "COURSE_DATA_DIR at a copy of its data/ folder."
        )
    return path


def tiny_checkpoints_dir() -> Path:
    """The folder that holds the tiny checkpoints (COURSE_CHECKPOINTS_DIR, or data/checkpoints:
    the committed ones; the tiny builder points it at stand-ins it has just built)."""
    return Path(environment.read("COURSE_CHECKPOINTS_DIR") or data_dir() / "checkpoints")


def run_root() -> Path:
    """The git-ignored run folder notebooks write under (COURSE_RUN_DIR, or runs/)."""
    return Path(environment.read("COURSE_RUN_DIR") or REPO_ROOT / "runs")


def run_dir(*parts: str) -> Path:
    """A folder under the run folder, created if missing."""
    path = run_root().joinpath(*parts)
    path.mkdir(parents=True, exist_ok=True)
    return path


def free_port() -> int:
    """A TCP port on localhost that nothing listens on now (for a distributed run's rendezvous)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
