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
    """The group of a test under `--dist loadgroup`: its notebook's stem for nbval cells and
    rerun guards (so a notebook's two runs never overlap in its run folder), else its file."""
    path = Path(str(item.fspath))
    if path.suffix == ".ipynb":
        return path.stem
    callspec = getattr(item, "callspec", None)
    if path.name == "test_rerun_guards.py" and callspec is not None:
        return Path(str(callspec.params["rerun"])).stem
    if path.name == "test_learner_swaps.py":
        return item.name  # each swap is a whole notebook run: spread them over the workers
    return path.name


def pytest_collection_modifyitems(config, items):
    for item in items:
        item.add_marker(pytest.mark.xdist_group(xdist_group(item)))


@pytest.fixture
def tiny(monkeypatch):
    """Tiny mode, offline."""
    monkeypatch.setenv("COURSE_MODE", "tiny")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.fixture
def full(monkeypatch):
    """Full mode (tests using it must not reach the network)."""
    monkeypatch.setenv("COURSE_MODE", "full")
