"""Rerun guards and the portability check.

Each notebook runs from a foreign working directory in tiny mode, on **another CPU code path**
than this machine's own (AVX-512 down to AVX2, AVX2 down to plain code, else another thread
count: `tools.runner.other_code_path`). It must write nothing outside the git-ignored run
folder, leave the notebook files as they were, and print what its saved outputs say. nbval then
runs it again, natively, from notebooks/ on top of this run's files: every notebook runs twice in
a row, on two code paths, and both runs must match the saved outputs. tools/testrun.py puts a
notebook's guard and its nbval cells in one xdist group, so the two runs never overlap in the
notebook's run folder.
"""

import hashlib

import nbformat
import pytest

from tools.compare import compared_texts, differences
from tools.runner import other_code_path, run_notebook
from tools.sources import NOTEBOOKS_DIR, notebook_of, sources
from tools.testrun import repo_status, xdist_group


def notebook_hashes() -> dict[str, str]:
    """SHA-256 of every file in notebooks/."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(NOTEBOOKS_DIR.iterdir())
        if p.is_file()
    }


# Each guard shares its notebook's xdist group with nbval's cells (tools.testrun.xdist_group).
GUARDED = [
    pytest.param(s, id=s.stem, marks=[pytest.mark.xdist_group(s.stem), pytest.mark.end_to_end])
    for s in sources()
]


@pytest.fixture(scope="module", params=GUARDED)
def rerun(request, tmp_path_factory):
    """One notebook run from a temporary working directory, with the states around it."""
    source = request.param
    cwd = tmp_path_factory.mktemp(f"cwd-{source.stem}")
    before = (repo_status(), notebook_hashes())
    code_path = other_code_path()
    run = run_notebook(source, cwd=cwd, env=code_path)
    return {
        "source": source,
        "run": run,
        "cwd": cwd,
        "before": before,
        "code_path": code_path,
        "after": (repo_status(), notebook_hashes()),
    }


def test_runs_from_another_directory(rerun):
    assert rerun["run"].ok, rerun["run"].error


def test_writes_only_under_the_run_folder(rerun):
    status_before, hashes_before = rerun["before"]
    status_after, hashes_after = rerun["after"]
    assert status_after == status_before, f"written outside runs/: {status_after ^ status_before}"
    assert hashes_after == hashes_before, "the notebook files changed"
    assert not any(rerun["cwd"].iterdir()), "wrote into the working directory"


def test_prints_its_saved_outputs_on_another_code_path(rerun):
    saved = nbformat.read(notebook_of(rerun["source"]), as_version=4)
    ran = rerun["run"].notebook
    problems = differences(compared_texts(ran), compared_texts(saved))
    assert not problems, (
        f"run with {rerun['code_path']}, the outputs differ from the saved ones. Print floats only "
        "to the precision that survives another CPU (README, Contributing):\n" + "\n".join(problems)
    )


def test_a_notebooks_two_runs_share_one_xdist_group():
    from types import SimpleNamespace

    def item(path: str, mark=None) -> SimpleNamespace:
        return SimpleNamespace(fspath=path, get_closest_marker=lambda name: mark)

    notebook = item("/r/notebooks/03_trainer_mrpc.ipynb")
    guard_mark = next(
        m for p in GUARDED if p.id == "03_trainer_mrpc" for m in p.marks if m.name == "xdist_group"
    )
    guard = item("/r/tests/notebooks/test_rerun_guards.py", guard_mark)
    assert xdist_group(notebook) == xdist_group(guard) == "03_trainer_mrpc"
    assert xdist_group(item("/r/tests/kernel/test_data.py")) == "test_data.py"
