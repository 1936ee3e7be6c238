"""Chapter 11's served review analyser (both review models as int8 ONNX, the tokenizer and the
app's settings), made by running the lesson itself in tiny mode.

The review app's tests and its container image serve this folder, so neither depends on a run
of chapter 11; running the lesson (not a copy of its code) keeps the export the lesson's own.
"""

from __future__ import annotations

import runpy
import shutil
from pathlib import Path
from tempfile import TemporaryDirectory, mkdtemp

import numpy as np
from sklearn.metrics import f1_score

from helpers.chapters.ch09_reviews import LEVELS, keyword_matrix, load_reviews, sentiment_pairs
from helpers.checkpoints import REVIEW_ANALYSER, REVIEW_MODELS, folder_name
from helpers.errors import CourseError
from tools.runner import run_notebook
from tools.sources import NOTEBOOKS_DIR, SOURCES_DIR

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


def scores(folder: Path) -> dict[str, float]:
    """The app's scores with the models in `folder`, on the test split (only scored, never used
    to choose): keyword micro-F1, sentiment accuracy, and always answering the commonest level."""
    app = runpy.run_path(str(folder.parent / "app.py"), run_name="review_app")
    analyser = app["load"](folder)
    reviews = load_reviews()
    test = reviews[reviews.split == "test"]
    keywords = app["keyword_probabilities"](analyser, list(test.review))
    found = keywords >= analyser["config"]["threshold"]
    pairs = sentiment_pairs(test)
    sentiment = app["sentiment_probabilities"](analyser, list(pairs.review), list(pairs.keyword))
    levels = sentiment.argmax(axis=1)
    train = sentiment_pairs(reviews[reviews.split == "train"])
    majority = int(train.label.value_counts().idxmax())
    gold = pairs.label.to_numpy()
    return {
        "keyword_micro_f1": round(float(f1_score(keyword_matrix(test), found, average="micro")), 3),
        "sentiment_accuracy": round(float(np.mean(levels == gold)), 3),
        "majority_accuracy": round(float(np.mean(gold == majority)), 3),
        "majority_level": LEVELS[majority],
    }
