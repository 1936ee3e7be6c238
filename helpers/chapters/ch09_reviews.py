"""The course's Korean clothing reviews: load them, read their labels, shape them for models.

Each review mentions one to three aspects (keywords) and has one sentiment level per aspect,
written in the `labels` column as `aspect:level` pairs joined by `|`, e.g. `배송:긍정|사이즈:부정`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.errors import CourseError
from helpers.limits import capped
from helpers.paths import data_dir

__all__ = [
    "ASPECTS",
    "LEVELS",
    "check_reviews",
    "keyword_matrix",
    "load_reviews",
    "load_unlabelled",
    "parse_labels",
    "sentiment_pairs",
]

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


SPLITS = ("train", "validation", "test")


def parse_labels(
    text: str, aspects: Sequence[str] | None = ASPECTS, levels: Sequence[str] | None = LEVELS
) -> dict[str, str]:
    """`"배송:긍정|사이즈:부정"` -> `{"배송": "긍정", "사이즈": "부정"}`, in `aspects` order.

    `aspects` and `levels` are the known labels (default: the course's); None accepts any label,
    keeping the file's order.

    Raises:
        CourseError: an empty cell, a pair without `:` or with an empty side, an unknown aspect
            or level, or an aspect named twice (the bad value is named).
    """
    if not isinstance(text, str) or not text.strip():
        raise CourseError(f"Empty labels {text!r}: write aspect:level pairs joined by '|'.")
    found: dict[str, str] = {}
    for pair in text.split("|"):
        aspect, sep, level = (part.strip() for part in pair.partition(":"))
        if not sep or not aspect or not level:
            raise CourseError(f"Label {pair!r} is not aspect:level: write it as 배송:긍정.")
        if aspects is not None and aspect not in aspects:
            raise CourseError(f"Unknown aspect {aspect!r}. Known: {', '.join(aspects)}.")
        if levels is not None and level not in levels:
            raise CourseError(f"Unknown level {level!r}. Known: {', '.join(levels)}.")
        if aspect in found:
            raise CourseError(f"Aspect {aspect!r} is labelled twice in {text!r}.")
        found[aspect] = level
    if aspects is None:
        return found
    return {aspect: found[aspect] for aspect in aspects if aspect in found}


def check_reviews(
    frame: pd.DataFrame,
    source: str | Path = "the review file",
    aspects: Sequence[str] | None = None,
    levels: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Check a review table read from `source` (chapter 09's rules) and return it: its first
    `COURSE_MAX_EXAMPLES` rows per split when that knob is set (helpers.limits), else all.

    Needs `review` and `labels` columns; `review_id` (any text) and `split` (train, validation,
    test) are optional. `aspects` and `levels` restrict the labels (None: any).

    Raises:
        CourseError: a missing column, an empty review, labels that cannot be read or an unknown
            split, naming the file's line (and review_id) and the fix.
    """
    missing = [column for column in ("review", "labels") if column not in frame.columns]
    if missing:
        raise CourseError(
            f"{source} has no column {', '.join(missing)}. Fix: one row per review with a "
            "`review` column (the text) and a `labels` column (aspect:level pairs joined by '|'); "
            f"it has {', '.join(map(str, frame.columns))}."
        )
    if frame.empty:
        raise CourseError(f"{source} has no rows. Fix: one row per labelled review.")
    splits = frame["split"] if "split" in frame.columns else [None] * len(frame)
    for line, (row, split) in enumerate(zip(frame.itertuples(index=False), splits), start=2):
        where = f"{source} line {line}" + (
            f", review_id {row.review_id}" if hasattr(row, "review_id") else ""
        )
        if not isinstance(row.review, str) or not row.review.strip():
            raise CourseError(
                f"{where}: the review is empty. Fix: write its text or delete the row."
            )
        if split is not None and split not in SPLITS:
            raise CourseError(
                f"{where}: unknown split {split!r}. Fix: use {', '.join(SPLITS)}, or drop the "
                "`split` column and let the lesson split the file."
            )
        try:
            parse_labels(row.labels, aspects, levels)
        except CourseError as error:
            raise CourseError(f"{where}: {error}") from None
    return capped(frame)


def load_reviews(path: str | Path | None = None) -> pd.DataFrame:
    """The course's reviews as a DataFrame (default: data/reviews/reviews.csv), checked against
    the course's aspects and levels (`check_reviews`).

    Columns: review_id, split (train/validation/test), shop, category, review, labels.

    Raises:
        CourseError: a missing file or column, or a row whose labels cannot be read (its line,
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
    frame = check_reviews(frame, path, ASPECTS, LEVELS)
    if frame["review_id"].str.fullmatch(r"\d+").all():
        frame["review_id"] = frame["review_id"].astype(int)
    return frame


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
