"""Plumbing for chapter 09's two review models: training settings by mode, English names for
plots (matplotlib's default font has no Hangul), class weights, and the saved-models manifest."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from helpers.errors import CourseError

# English glosses of the aspects and levels, for plot labels.
ASPECTS_EN = {
    "배송": "delivery",
    "가격": "price",
    "디자인": "design",
    "색상": "colour",
    "품질": "quality",
    "사이즈": "size",
    "소재": "material",
    "핏": "fit",
    "착용감": "comfort",
    "기능성": "function",
    "길이": "length",
    "마감처리": "finishing",
    "세탁": "washing",
    "포장": "packaging",
}
LEVELS_EN = {
    "매우부정": "very negative",
    "부정": "negative",
    "중립": "neutral",
    "긍정": "positive",
    "매우긍정": "very positive",
}
MANIFEST = "review_models.json"


@dataclass(frozen=True)
class ReviewSettings:
    """Training settings of both review models in one mode."""

    epochs: int
    batch_size: int
    learning_rate: float
    early_stopping_patience: int = 2


REVIEW_SETTINGS = {
    "tiny": ReviewSettings(epochs=8, batch_size=32, learning_rate=2e-3),
    "full": ReviewSettings(epochs=5, batch_size=16, learning_rate=3e-5),
}


def review_settings(mode: str) -> ReviewSettings:
    """The settings of chapter 09's trainings in `mode` ("tiny" or "full")."""
    if mode not in REVIEW_SETTINGS:
        raise CourseError(f"No review settings for mode {mode!r}; use 'tiny' or 'full'.")
    return REVIEW_SETTINGS[mode]


def class_weights(labels, classes: int) -> np.ndarray:
    """Inverse-frequency weights, `n / (classes * count)`: 1 for a class of average size, more
    for rare ones. A class absent from `labels` is an error (its weight would be infinite)."""
    counts = np.bincount(np.asarray(labels, dtype=int), minlength=classes)
    if (counts == 0).any():
        raise CourseError(f"Classes {np.flatnonzero(counts == 0).tolist()} have no examples.")
    return len(labels) / (classes * counts)


@dataclass(frozen=True)
class SavedReviewModels:
    """Where chapter 09 saved its models, the keyword list and the tuned threshold."""

    keywords_dir: str
    sentiment_dir: str
    aspects: list[str]
    levels: list[str]
    threshold: float

    def write(self, folder: Path) -> Path:
        """Write the manifest into `folder` (relative model paths); return its path."""
        path = Path(folder) / MANIFEST
        path.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=1), encoding="utf-8")
        return path

    @classmethod
    def read(cls, folder: Path) -> SavedReviewModels:
        """Read the manifest in `folder`; a clear error when chapter 09 has not saved one."""
        path = Path(folder) / MANIFEST
        if not path.is_file():
            raise CourseError(
                f"No {MANIFEST} in {folder}: run chapter 09 (09_custom_data) to the end first; "
                "it saves both review models there."
            )
        return cls(**json.loads(path.read_text(encoding="utf-8")))
