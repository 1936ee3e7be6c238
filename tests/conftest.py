"""Shared fixtures, and the guard that a test run writes nothing outside the git-ignored folders."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def repo_status() -> set[str]:
    """`git status --porcelain` lines: modified tracked files and untracked, not ignored, files."""
    out = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    return set(out.stdout.splitlines()) if out.returncode == 0 else set()


def pytest_sessionstart(session):
    session.config._status_before = repo_status()


def pytest_sessionfinish(session, exitstatus):
    """Fail the run if tests or notebooks wrote or changed files outside ignored folders."""
    new = repo_status() - getattr(session.config, "_status_before", set())
    if new:
        print("\nFiles written or changed in the repository during the tests (write under runs/):")
        print("\n".join(sorted(new)))
        session.exitstatus = 1


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
    return Path(str(item.fspath)).suffix == ".ipynb" or item.get_closest_marker("end_to_end")


@pytest.hookimpl(tryfirst=True)  # before xdist reads the marks into node ids
def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.get_closest_marker("xdist_group") is None:
            item.add_marker(pytest.mark.xdist_group(xdist_group(item)))
    # The long runs first, the quick tests last: they fill the gaps, so no worker waits alone
    # on a notebook at the end. Stable: a group's tests keep their order.
    items.sort(key=lambda item: not runs_a_notebook(item))


@pytest.fixture
def tiny(monkeypatch):
    """Tiny mode, offline."""
    monkeypatch.setenv("COURSE_MODE", "tiny")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.fixture
def full(monkeypatch):
    """Full mode (tests using it must not reach the network)."""
    monkeypatch.setenv("COURSE_MODE", "full")
