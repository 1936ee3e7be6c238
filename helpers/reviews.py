"""The course's Korean clothing reviews: load them, read their labels, shape them for models.

Each review mentions one to three aspects (keywords) and has one sentiment level per aspect,
written in the `labels` column as `aspect:level` pairs joined by `|`, e.g. `배송:긍정|사이즈:부정`.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from helpers.errors import CourseError
from helpers.limits import capped
from helpers.paths import data_dir

ASPECTS = (
    "배송",
    "가격",
    "디자인",
    "색상",
    "품질",
    "사이즈",
    "소재",
    "핏",
    "착용감",
    "기능성",
    "길이",
    "마감처리",
    "세탁",
    "포장",
)
LEVELS = ("매우부정", "부정", "중립", "긍정", "매우긍정")
COLUMNS = ("review_id", "split", "shop", "category", "review", "labels")


def parse_labels(text: str) -> dict[str, str]:
    """`"배송:긍정|사이즈:부정"` -> `{"배송": "긍정", "사이즈": "부정"}`, in ASPECTS order.

    Raises:
        CourseError: an empty cell, a pair without `:`, an unknown aspect or level, or an
            aspect named twice (the bad value is named).
    """
    if not isinstance(text, str) or not text.strip():
        raise CourseError(f"Empty labels {text!r}: write aspect:level pairs joined by '|'.")
    found: dict[str, str] = {}
    for pair in text.split("|"):
        aspect, sep, level = (part.strip() for part in pair.partition(":"))
        if not sep:
            raise CourseError(f"Label {pair!r} has no ':': write it as aspect:level.")
        if aspect not in ASPECTS:
            raise CourseError(f"Unknown aspect {aspect!r}. Known: {', '.join(ASPECTS)}.")
        if level not in LEVELS:
            raise CourseError(f"Unknown level {level!r}. Known: {', '.join(LEVELS)}.")
        if aspect in found:
            raise CourseError(f"Aspect {aspect!r} is labelled twice in {text!r}.")
        found[aspect] = level
    return {aspect: found[aspect] for aspect in ASPECTS if aspect in found}


def load_reviews(path: str | Path | None = None) -> pd.DataFrame:
    """The reviews as a DataFrame (default: the course's data/reviews/reviews.csv).

    Columns: review_id, split (train/validation/test), shop, category, review, labels.

    Raises:
        CourseError: a missing file or column, or a row whose labels cannot be read (its
            review_id and the bad value are named).
    """
    path = Path(path) if path is not None else data_dir() / "reviews" / "reviews.csv"
    if not path.is_file():
        raise CourseError(
            f"The review file {path} is missing. Fix: pass the path of your own CSV "
            "(load_reviews('my_reviews.csv')), or restore the course's copy with "
            "`git checkout data/reviews/reviews.csv` in the course's folder."
        )
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [column for column in COLUMNS if column not in frame.columns]
    if missing:
        raise CourseError(f"{path} has no column {', '.join(missing)}; needs {', '.join(COLUMNS)}.")
    frame["review_id"] = frame["review_id"].astype(int)
    for review_id, labels in zip(frame["review_id"], frame["labels"]):
        try:
            parse_labels(labels)
        except CourseError as error:
            raise CourseError(f"{path}, review_id {review_id}: {error}") from None
    return capped(frame)


def keyword_matrix(frame: pd.DataFrame) -> np.ndarray:
    """One row per review, one 0/1 column per aspect in ASPECTS order (float32)."""
    matrix = np.zeros((len(frame), len(ASPECTS)), dtype=np.float32)
    for row, labels in enumerate(frame["labels"]):
        for aspect in parse_labels(labels):
            matrix[row, ASPECTS.index(aspect)] = 1.0
    return matrix


def sentiment_pairs(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per (review, aspect it mentions): review_id, split, review, keyword, level, label.

    `label` is the level's index in LEVELS (0 = 매우부정 ... 4 = 매우긍정).
    """
    rows = [
        (review.review_id, review.split, review.review, aspect, level, LEVELS.index(level))
        for review in frame.itertuples(index=False)
        for aspect, level in parse_labels(review.labels).items()
    ]
    columns = ["review_id", "split", "review", "keyword", "level", "label"]
    return pd.DataFrame(rows, columns=columns)


def load_unlabelled(path: str | Path | None = None) -> list[str]:
    """New reviews nobody has labelled yet, one per line (default: data/reviews/unlabelled.txt);
    blank lines are skipped. A missing file is a CourseError that names the fix."""
    path = Path(path) if path is not None else data_dir() / "reviews" / "unlabelled.txt"
    if not path.is_file():
        raise CourseError(
            f"The unlabelled review file {path} is missing. Fix: pass the path of a text file "
            "with one review per line, or restore the course's copy with "
            "`git checkout data/reviews/unlabelled.txt` in the course's folder."
        )
    lines = path.read_text(encoding="utf-8").splitlines()
    return capped([line.strip() for line in lines if line.strip()])
