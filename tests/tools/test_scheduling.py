"""`make test` runs on two workers with `--dist loadgroup`, and a notebook's rerun guard and its
nbval cells must share a worker (they write to the same run folder). This runs a small session
the same way, with a copy of the course's conftest.py, and checks where each test ran: a pytest
or pytest-xdist release that stops honouring the groups fails here, not as a flaky notebook."""

import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import nbformat

from helpers.paths import REPO_ROOT as REPO

GUARD = """
import pytest

@pytest.fixture(params=[pytest.param("lesson", marks=pytest.mark.xdist_group("lesson"))])
def guard(request):
    return request.param

@pytest.mark.parametrize("step", range(3))
def test_guard(guard, step):
    pass
"""

FILLER = """
import pytest

@pytest.mark.parametrize("n", range(8))
def test_filler(n):
    pass
"""


def write_session(folder: Path) -> None:
    """The course's conftest.py, a guard like test_rerun_guards', a notebook and filler tests."""
    (folder / "conftest.py").write_text((REPO / "tests" / "conftest.py").read_text())
    (folder / "test_guard.py").write_text(GUARD)
    (folder / "test_filler.py").write_text(FILLER)
    cells = [nbformat.v4.new_code_cell(f"x = {i}") for i in range(4)]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), folder / "lesson.ipynb")


def workers_by_test(folder: Path) -> dict[str, set[str]]:
    """Run the session on two workers; map each test's name (without its group) to workers."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-v", "--nbval",
         "-p", "no:cacheprovider", "--rootdir", str(folder), str(folder)],
        cwd=folder, capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "PYTHONPATH": str(REPO)},  # the conftest imports tools.testrun
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    seen: dict[str, set[str]] = defaultdict(set)
    passed = re.findall(r"^\[(gw\d)\].*? PASSED (.+?)\s*$", done.stdout, re.MULTILINE)
    for worker, nodeid in passed:
        seen[nodeid.split("@")[0]].add(worker)
    return seen


def test_a_notebooks_guard_and_cells_run_on_one_worker(tmp_path):
    write_session(tmp_path)
    seen = workers_by_test(tmp_path)
    lesson = {name for name in seen if "lesson" in name}
    assert len(lesson) == 3 + 4, sorted(seen)
    workers = set().union(*(seen[name] for name in lesson))
    assert len(workers) == 1, f"the lesson's tests ran on {sorted(workers)}: {sorted(lesson)}"
