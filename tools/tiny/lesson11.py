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
from tempfile import mkdtemp
from types import SimpleNamespace

import numpy as np

from helpers.checkpoints import REVIEW_ANALYSER, REVIEW_MODELS, folder_name
from tools.sources import SOURCES_DIR
from tools.tiny import lesson09

LESSON = SOURCES_DIR / "11_compression_and_serving.py"


def run_lesson(review_models: Path) -> Path:
    """Run chapter 11 in tiny mode on the review models in `review_models`; return a new folder
    holding the model folder it wrote for the app, with that app beside it (`app.py`)."""

    def place(checkpoints: Path) -> None:
        shutil.copytree(review_models, checkpoints / folder_name(REVIEW_MODELS))

    with lesson09.lesson_run(LESSON, place, "the review analyser") as run:
        saved = Path(mkdtemp(prefix="review-analyser-")) / folder_name(REVIEW_ANALYSER)
        shutil.copytree(run / "serve" / "model", saved)
        shutil.copy(run / "serve" / "app.py", saved.parent / "app.py")
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
