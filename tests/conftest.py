"""Shared fixtures, the scheduling of `make test` and its layer marks, and the guard that a test
run writes nothing outside the git-ignored folders (the rules live in tools/testrun.py).

The folders mirror the course: tests/kernel (helpers' kernel), tests/chapters (each chapter's
plumbing, exercises and app), tests/tools (maintainer commands and the tiny builder),
tests/notebooks (the saved lessons and their reruns; nbval's cells join this layer), and the
repository-wide contracts at the top. `pytest -m kernel` (or chapters, tools, notebooks) runs one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.testrun import layer, repo_status, runs_a_notebook, xdist_group


def pytest_sessionstart(session):
    session.config._status_before = repo_status()


def pytest_sessionfinish(session, exitstatus):
    """Fail the run if tests or notebooks wrote or changed files outside ignored folders."""
    new = repo_status() - getattr(session.config, "_status_before", set())
    if new:
        print("\nFiles written or changed in the repository during the tests (write under runs/):")
        print("\n".join(sorted(new)))
        session.exitstatus = 1


@pytest.hookimpl(tryfirst=True)  # before xdist reads the marks into node ids
def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.get_closest_marker("xdist_group") is None:
            item.add_marker(pytest.mark.xdist_group(xdist_group(item)))
        part = layer(Path(str(item.fspath)))
        if part is not None:
            item.add_marker(getattr(pytest.mark, part))
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
