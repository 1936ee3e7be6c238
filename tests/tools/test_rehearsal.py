"""The full-mode rehearsal: every chapter alone, as Colab runs it, and the one knob that caps it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from datasets import Dataset, DatasetDict

from helpers.checkpoints import REVIEW_MODELS, checkpoint
from helpers.errors import CourseError
from helpers.handoff import course_table
from helpers.limits import MAX_EXAMPLES_VARIABLE, capped, max_examples
from tools.rehearsal import cache_snapshot, rehearse
from tools.sources import sources

# Chapters 10 and 11 find chapter 09's models in the Hub cache (the published route); 12 finds
# none and trains them here by running chapter 09 (the fallback): both routes, in real runs.
PUBLISHED = {"10_active_learning", "11_compression_and_serving"}
ROUTES = {
    "10_active_learning": "the course's published copy",
    "11_compression_and_serving": "the course's published copy",
    "12_instruction_tuning": "training them here by running chapter 09",
}


def test_without_the_knob_nothing_is_capped(monkeypatch):
    monkeypatch.delenv(MAX_EXAMPLES_VARIABLE, raising=False)
    rows = list(range(10))
    assert max_examples() is None and capped(rows) is rows


def test_the_knob_keeps_the_first_rows_of_each_split(monkeypatch):
    monkeypatch.setenv(MAX_EXAMPLES_VARIABLE, "2")
    splits = DatasetDict({s: Dataset.from_dict({"x": list(range(5))}) for s in ("train", "test")})
    assert {s: d["x"] for s, d in capped(splits).items()} == {"train": [0, 1], "test": [0, 1]}
    frame = pd.DataFrame({"split": ["train"] * 3 + ["test"] * 3, "x": range(6)})
    assert capped(frame).x.tolist() == [0, 1, 3, 4]
    assert capped(list("abc")) == ["a", "b"]


@pytest.mark.parametrize("value", ["0", "-3", "many", "1.5"])
def test_a_knob_that_is_not_a_count_is_a_course_error(monkeypatch, value):
    monkeypatch.setenv(MAX_EXAMPLES_VARIABLE, value)
    with pytest.raises(CourseError, match=f"{MAX_EXAMPLES_VARIABLE}=.*positive whole number"):
        max_examples()


def test_the_cached_copy_is_the_layout_huggingface_hub_reads(tmp_path):
    repo = course_table()["review_models"]
    snapshot = cache_snapshot(Path(checkpoint(REVIEW_MODELS, "tiny")), repo, tmp_path)
    code = (
        "from huggingface_hub import scan_cache_dir, snapshot_download as get\n"
        f"print(get({repo!r})); print(*[r.repo_id for r in scan_cache_dir().repos])"
    )
    env = {**os.environ, "HF_HOME": str(tmp_path), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == [str(snapshot), repo]


@pytest.mark.end_to_end
@pytest.mark.parametrize(
    "source",
    [
        pytest.param(s, id=s.stem, marks=pytest.mark.xdist_group(f"rehearsal-{s.stem}"))
        for s in sources()
    ],
)
def test_the_chapter_runs_alone_in_full_mode(source, tmp_path):
    run = rehearse(source, tmp_path, published=source.stem in PUBLISHED)
    assert run.ok, f"{source.stem} stopped in full mode, alone: {run.error}"
    assert not any((tmp_path / "work").iterdir()), "wrote into the working directory"
    if source.stem in ROUTES:
        printed = "".join(
            o.get("text", "") for cell in run.notebook.cells for o in cell.get("outputs", [])
        )
        said = [line for line in printed.splitlines() if "Chapter 09's review models:" in line]
        assert said and ROUTES[source.stem] in said[0], said


def test_the_bench_record_keeps_the_stated_models_and_adds_new_notebooks(tmp_path):
    import json

    from tools.rehearsal import record
    from tools.runner import NotebookRun
    from tools.stamp import read_costs

    path = tmp_path / "full_cpu.json"
    path.write_text(json.dumps({"notebooks": {"03_x": {"seconds": 1, "models": "own"}}}))
    record([NotebookRun("03_x", seconds=594.6, peak_rss_mb=1.5), NotebookRun("13_y", 7)], path)
    costs = read_costs(path)
    assert (costs["03_x"].seconds, costs["03_x"].models) == (595, "own")
    assert (costs["13_y"].seconds, costs["13_y"].models) == (7, "stand-ins")
    assert "CPU cores" in costs["13_y"].machine and costs["13_y"].measured[:2] == "20"
