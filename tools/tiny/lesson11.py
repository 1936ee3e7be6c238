"""Chapter 11's served review analyser (both review models as int8 ONNX, the tokenizer and the
app's settings), made by running the lesson itself in tiny mode.

The review app's tests and its container image serve this folder, so neither depends on a run
of chapter 11; running the lesson (not a copy of its code) keeps the export the lesson's own.
"""

from __future__ import annotations

import runpy
import shutil
from dataclasses import dataclass
from pathlib import Path
from tempfile import TemporaryDirectory, mkdtemp
from types import SimpleNamespace

import numpy as np

from helpers.checkpoints import REVIEW_ANALYSER, REVIEW_MODELS, folder_name
from helpers.errors import CourseError
from tools.runner import run_notebook
from tools.sources import NOTEBOOKS_DIR, SOURCES_DIR
from tools.tiny import lesson09

LESSON = SOURCES_DIR / "11_compression_and_serving.py"
SERVED = Path("tiny", "11_compression_and_serving", "serve")


def run_lesson(review_models: Path) -> Path:
    """Run chapter 11 in tiny mode on the review models in `review_models`; return a new folder
    holding the model folder it wrote for the app, with that app beside it (`app.py`)."""
    with TemporaryDirectory() as tmp:
        checkpoints, runs = Path(tmp) / "checkpoints", Path(tmp) / "runs"
        shutil.copytree(review_models, checkpoints / folder_name(REVIEW_MODELS))
        env = {"COURSE_CHECKPOINTS_DIR": str(checkpoints), "COURSE_RUN_DIR": str(runs)}
        run = run_notebook(LESSON, cwd=NOTEBOOKS_DIR, env=env)
        if not run.ok:
            raise CourseError(f"Chapter 11 failed while building the review analyser: {run.error}")
        saved = Path(mkdtemp(prefix="review-analyser-")) / folder_name(REVIEW_ANALYSER)
        shutil.copytree(runs / SERVED / "model", saved)
        shutil.copy(runs / SERVED / "app.py", saved.parent / "app.py")
    return saved


@dataclass(frozen=True)
class Served:
    """The app's own functions on one model folder, read as chapter 09's scoring reads a model
    pair (`keyword_probabilities`, `sentiment_probabilities`, `manifest`)."""

    app: dict
    analyser: dict

    @property
    def manifest(self) -> SimpleNamespace:
        config = self.analyser["config"]
        return SimpleNamespace(threshold=config["threshold"], levels=list(config["levels"]))

    def keyword_probabilities(self, texts) -> np.ndarray:
        return self.app["keyword_probabilities"](self.analyser, list(texts))

    def sentiment_probabilities(self, texts, keywords) -> np.ndarray:
        return self.app["sentiment_probabilities"](self.analyser, list(texts), list(keywords))


def scores(folder: Path) -> dict[str, float]:
    """The scores of the app the lesson wrote, on the models in `folder`, on the test split
    (only scored, never used to choose): the review models' scores, through the app's code."""
    app = runpy.run_path(str(folder.parent / "app.py"), run_name="review_app")
    return lesson09.scores_on_test(Served(app, app["load"](folder)))
