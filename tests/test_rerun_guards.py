"""Rerun guards: each notebook runs from a foreign working directory, twice in a row, in tiny
mode; it writes nothing outside the git-ignored run folder, leaves the notebook files as they
were, and prints the same outputs both times."""

import configparser
import hashlib
import re

import pytest
from conftest import REPO, repo_status

from helpers.notebook_run import run_notebook, text_outputs
from helpers.outputs import NOTEBOOKS_DIR, sources


def sanitize(texts: list[str]) -> list[str]:
    """Apply nbval's sanitizer (tests/sanitize.cfg) to output texts."""
    config = configparser.ConfigParser()
    config.read(REPO / "tests" / "sanitize.cfg")
    rules = [(config[s]["regex"], config[s]["replace"]) for s in config.sections()]
    for pattern, replacement in rules:
        texts = [re.sub(pattern, replacement, text) for text in texts]
    return texts


def notebook_hashes() -> dict[str, str]:
    """SHA-256 of every file in notebooks/."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(NOTEBOOKS_DIR.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def reruns(tmp_path_factory):
    """Every notebook run twice from a temporary working directory, with before/after states."""
    results = {}
    for source in sources():
        cwd = tmp_path_factory.mktemp(f"cwd-{source.stem}")
        before = (repo_status(), notebook_hashes())
        runs = [run_notebook(source, cwd=cwd) for _ in range(2)]
        results[source.stem] = {"runs": runs, "before": before, "cwd": cwd,
                                "after": (repo_status(), notebook_hashes())}
    return results


@pytest.mark.parametrize("name", [p.stem for p in sources()])
def test_notebook_runs_twice_from_another_directory(reruns, name):
    first, second = reruns[name]["runs"]
    assert first.ok, f"first run: {first.error}"
    assert second.ok, f"second run (after the first one's files exist): {second.error}"


@pytest.mark.parametrize("name", [p.stem for p in sources()])
def test_notebook_writes_only_under_the_run_folder(reruns, name):
    status_before, hashes_before = reruns[name]["before"]
    status_after, hashes_after = reruns[name]["after"]
    assert status_after == status_before, f"written outside runs/: {status_after ^ status_before}"
    assert hashes_after == hashes_before, "the notebook files changed"
    assert not any(reruns[name]["cwd"].iterdir()), "wrote into the working directory"


@pytest.mark.parametrize("name", [p.stem for p in sources()])
def test_two_runs_print_the_same_outputs(reruns, name):
    first, second = reruns[name]["runs"]
    assert sanitize(text_outputs(first.notebook)) == sanitize(text_outputs(second.notebook))
