"""Lessons survive a learner's edits: each training chapter runs to the end, in tiny mode, with its
checkpoint swapped for another architecture the course ships (outputs are not compared)."""

import pytest

from helpers.limits import MAX_EXAMPLES_VARIABLE
from tools.runner import run_notebook
from tools.sources import SOURCES_DIR

pytestmark = pytest.mark.end_to_end

ORIGINAL = 'helpers.checkpoint("bert-base-uncased")'
CHAPTERS = ["03_trainer_mrpc", "04_training_loop", "05_accelerate", "06_lora"]
# Another architecture (DistilBERT: no token type ids, other module names), as the course's rule
# says; BERT cased is the same architecture with another vocabulary and is left out (test cost).
SWAPS = ["distilbert-base-uncased"]


# A swap checks that the code runs with another architecture, not what it scores: the one knob
# caps every data set to a few batches (as in the rehearsal), so each run costs seconds.
SWAP_EXAMPLES = 64
# Each swap is a whole notebook run: its own xdist group spreads them over the workers.
RUNS = [
    pytest.param(c, s, id=f"{c}-{s}", marks=pytest.mark.xdist_group(f"swap-{c}-{s}"))
    for c in CHAPTERS
    for s in SWAPS
]


@pytest.mark.parametrize(("chapter", "swap"), RUNS)
def test_chapter_runs_with_another_checkpoint(chapter, swap, tmp_path):
    text = (SOURCES_DIR / f"{chapter}.py").read_text(encoding="utf-8")
    assert text.count(ORIGINAL) == 1, f"{chapter} should name its checkpoint once, as {ORIGINAL}"
    source = tmp_path / f"{chapter}.py"
    source.write_text(text.replace(ORIGINAL, f'helpers.checkpoint("{swap}")'), encoding="utf-8")
    env = {"COURSE_RUN_DIR": str(tmp_path / "runs"), MAX_EXAMPLES_VARIABLE: str(SWAP_EXAMPLES)}
    run = run_notebook(source, cwd=tmp_path, env=env)
    assert run.ok, f"{chapter} with {swap}: {run.error}"
