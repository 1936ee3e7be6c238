"""How `make test` runs: which worker takes a test, in what order, and the git state it keeps.

`make test` runs on two workers with `--dist loadgroup`. A notebook's nbval cells and its rerun
guard write to one run folder, so they share an xdist group (the notebook's stem); the long runs
go first so no worker waits alone on a notebook at the end. tests/conftest.py applies both, and
fails a run that writes outside the git-ignored folders (`repo_status` before and after).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from helpers.paths import REPO_ROOT


def repo_status(root: Path = REPO_ROOT) -> set[str]:
    """`git status --porcelain` lines: modified tracked files and untracked, not ignored, files."""
    out = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    return set(out.stdout.splitlines()) if out.returncode == 0 else set()


def xdist_group(item) -> str:
    """The group of a test under `--dist loadgroup`: the test's own `xdist_group` mark (rerun
    guards take their notebook's stem, so a notebook's two runs never overlap in its run folder),
    else its notebook's stem for nbval cells, else its file."""
    mark = item.get_closest_marker("xdist_group")
    if mark is not None:
        return mark.args[0]
    path = Path(str(item.fspath))
    return path.stem if path.suffix == ".ipynb" else path.name


def runs_a_notebook(item) -> bool:
    """Whether a test runs a whole notebook (or another long job): nbval's cells and the tests
    marked `end_to_end`."""
    return Path(str(item.fspath)).suffix == ".ipynb" or bool(item.get_closest_marker("end_to_end"))


def layer(path: Path, root: Path = REPO_ROOT) -> str | None:
    """The part of the course a test file checks, from its folder: tests/kernel/... -> "kernel";
    None for the repository-wide tests at the top of tests/ and for anything else."""
    try:
        parts = path.resolve().relative_to(root).parts
    except (
        ValueError
    ):  # a session outside the repository (tests/tools/test_scheduling.py makes one)
        return None
    if parts[0] == "notebooks":
        return "notebooks"
    return parts[1] if parts[0] == "tests" and len(parts) > 2 else None
