"""Chapter 09's two trained review models, made by running the lesson itself in tiny mode.

Chapters 10 and 11 start from trained review models; in tiny mode they load the copies built
here, so no chapter depends on another having run. Running the lesson (not a second copy of its
code) keeps the recipe the lesson's own: change a training setting there and a rebuild follows.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from tempfile import TemporaryDirectory, mkdtemp

from helpers.chapters.ch09_models import ReviewModels, review_scores
from helpers.chapters.ch09_reviews import LEVELS, load_reviews, sentiment_pairs
from helpers.checkpoints import REVIEW_MODELS, folder_name
from helpers.errors import CourseError
from tools.runner import run_notebook
from tools.sources import NOTEBOOKS_DIR, SOURCES_DIR

LESSON = SOURCES_DIR / "09_custom_data.py"
KOREAN_BASE = "klue--roberta-base"


@contextmanager
def lesson_run(lesson: Path, place: Callable[[Path], None], building: str) -> Iterator[Path]:
    """Run `lesson` in tiny mode in a temporary folder, with the checkpoints that `place` writes
    into the folder it is given; yield the lesson's run folder (removed afterwards)."""
    with TemporaryDirectory() as tmp:
        checkpoints, runs = Path(tmp) / "checkpoints", Path(tmp) / "runs"
        place(checkpoints)
        env = {"COURSE_CHECKPOINTS_DIR": str(checkpoints), "COURSE_RUN_DIR": str(runs)}
        run = run_notebook(lesson, cwd=NOTEBOOKS_DIR, env=env)
        if not run.ok:
            raise CourseError(f"{lesson.stem} failed while building {building}: {run.error}")
        yield runs / "tiny" / lesson.stem


def run_lesson(korean_base) -> Path:
    """Run chapter 09 in tiny mode on `korean_base` (a built stand-in with `model` and
    `tokenizer`); return a new folder holding what the lesson saved."""

    def place(checkpoints: Path) -> None:
        korean_base.model.save_pretrained(checkpoints / KOREAN_BASE)
        korean_base.tokenizer.save_pretrained(checkpoints / KOREAN_BASE)

    with lesson_run(LESSON, place, "the review models") as run:
        saved = Path(mkdtemp(prefix="review-models-")) / folder_name(REVIEW_MODELS)
        shutil.copytree(run / "review-models", saved)
    return saved


def scores(folder: Path) -> dict[str, float]:
    """The saved models' scores on the test split (only scored, never used to choose)."""
    return scores_on_test(ReviewModels.load(folder))


def scores_on_test(models) -> dict[str, float]:
    """`review_scores` of `models` (anything with their `keyword_probabilities`,
    `sentiment_probabilities` and `manifest`) on the test split, against the training split's
    commonest level."""
    reviews = load_reviews()
    train = sentiment_pairs(reviews[reviews.split == "train"])
    majority = LEVELS[int(train.label.value_counts().idxmax())]
    test = reviews[reviews.split == "test"]
    return {name: round(value, 3) for name, value in review_scores(models, test, majority).items()}
