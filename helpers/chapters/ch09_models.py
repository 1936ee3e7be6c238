"""Plumbing for chapter 09's two review models: training settings by mode, English names for
plots (matplotlib's default font has no Hangul), class weights, and the saved-models manifest."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from helpers.checkpoints import REVIEW_MODELS, find_known
from helpers.errors import CourseError
from helpers.mode import for_mode

__all__ = [
    "ASPECTS_EN",
    "LEVELS_EN",
    "ReviewModels",
    "SavedReviewModels",
    "class_weights",
    "review_models_dir",
    "review_scores",
    "review_settings",
]

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
MANIFEST = find_known(REVIEW_MODELS).marker  # "review_models.json", beside the two models


@dataclass(frozen=True)
class ReviewSettings:
    """Training settings of both review models in one mode."""

    epochs: int
    batch_size: int
    learning_rate: float
    lora_learning_rate: (
        float  # LoRA's few weights: the same on the tiny stand-in, 10x on a real one
    )
    early_stopping_patience: int = 2


REVIEW_SETTINGS = {
    "tiny": ReviewSettings(epochs=7, batch_size=32, learning_rate=5e-3, lora_learning_rate=5e-3),
    "full": ReviewSettings(epochs=5, batch_size=16, learning_rate=3e-5, lora_learning_rate=3e-4),
}


def review_settings(mode: str) -> ReviewSettings:
    """The settings of chapter 09's trainings in `mode` ("tiny" or "full")."""
    return for_mode(REVIEW_SETTINGS, mode)


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


REVIEW_CHAPTER = "09_custom_data"


def saved_by_chapter_09(mode: str) -> Path:
    """Where chapter 09 saves its two models in `mode`, under this run folder."""
    from helpers.paths import run_root

    return run_root() / mode / REVIEW_CHAPTER / "review-models"


def review_models_dir(mode: str | None = None, train_here: bool = True) -> Path:
    """Where chapters 10-12 load chapter 09's two review models from; one line
    says which route it took.

    Tiny mode: the committed copies under the tiny checkpoints (the tiny builder made them by
    running chapter 09). Full mode, in order: the folder chapter 09 saved in this run folder;
    the published copy named by `review_models` in `[tool.course]` (from the Hub, or its cache
    offline); else, when `train_here`, chapter 09 itself, run here (as long as chapter 09 takes).

    Raises:
        CourseError: no route gave the models (why each failed is named).
    """
    from helpers.checkpoints import checkpoint
    from helpers.handoff import course_table, published_snapshot, run_chapter
    from helpers.mode import current_mode

    mode = mode or current_mode()
    if mode == "tiny":
        print("Chapter 09's review models: the committed tiny stand-ins.")
        return _checked(Path(checkpoint(REVIEW_MODELS, "tiny")))
    own = saved_by_chapter_09(mode)
    if (own / MANIFEST).is_file():
        print(f"Chapter 09's review models: your own chapter 09 run, in {own}.")
        return own
    repo = course_table()["review_models"]
    published, why = published_snapshot(repo, MANIFEST)
    if published is not None:
        print(f"Chapter 09's review models: the course's published copy, {repo} on the Hub.")
        return published
    if not train_here:
        raise CourseError(
            f"No review models: no {MANIFEST} in {own}, and the published copy {repo} is out of "
            f"reach ({why}). Fix: run chapter 09 ({REVIEW_CHAPTER}) in {mode} mode first."
        )
    print(
        f"Chapter 09's review models: not in {own}, and {repo} is out of reach ({why}); "
        f"training them here by running chapter 09 ({REVIEW_CHAPTER}), as long as that chapter takes."
    )
    seconds = run_chapter(REVIEW_CHAPTER)
    print(f"Chapter 09 ran here in {seconds / 60:.1f} minutes; its models are in {own}.")
    return _checked(own)


def _checked(folder: Path) -> Path:
    """`folder`, after checking that it holds a review-models manifest."""
    SavedReviewModels.read(folder)  # raises, naming chapter 09, when nothing is saved there
    return folder


@dataclass
class ReviewModels:
    """Chapter 09's keyword and sentiment models, their tokenizer and manifest, loaded for use."""

    manifest: SavedReviewModels
    tokenizer: object
    keywords: object
    sentiment: object

    @classmethod
    def load(cls, folder: Path | None = None, device: str = "cpu") -> ReviewModels:
        """Load the models saved in `folder` (default: `review_models_dir()`) onto `device`, in
        eval mode."""
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        folder = Path(folder or review_models_dir())
        manifest = SavedReviewModels.read(folder)
        keywords, sentiment = (
            AutoModelForSequenceClassification.from_pretrained(folder / name).to(device).eval()
            for name in (manifest.keywords_dir, manifest.sentiment_dir)
        )
        tokenizer = AutoTokenizer.from_pretrained(folder / manifest.keywords_dir)
        return cls(manifest, tokenizer, keywords, sentiment)

    def _logits(self, model, texts: list[str], pairs: list[str] | None, batch_size: int):
        import torch

        chunks = []
        for start in range(0, len(texts), batch_size):
            end = start + batch_size
            second = pairs[start:end] if pairs is not None else None
            batch = self.tokenizer(
                texts[start:end], second, padding=True, truncation=True, return_tensors="pt"
            )
            with torch.no_grad():
                chunks.append(model(**batch.to(model.device)).logits.float().cpu())
        return torch.cat(chunks)

    def keyword_probabilities(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        """(reviews × keywords) sigmoid probabilities of the keyword model."""
        return self._logits(self.keywords, list(texts), None, batch_size).sigmoid().numpy()

    def sentiment_probabilities(
        self, texts: list[str], keywords: list[str], batch_size: int = 64
    ) -> np.ndarray:
        """(pairs × levels) softmax probabilities of the sentiment model for (review, keyword)."""
        logits = self._logits(self.sentiment, list(texts), list(keywords), batch_size)
        return logits.softmax(-1).numpy()

    def analyse(self, texts: list[str]) -> list[list[tuple[str, str, float]]]:
        """For each review, `(keyword, sentiment level, probability of that level)` for every
        keyword whose probability reaches the saved threshold, the likeliest keyword first."""
        texts = list(texts)
        if not texts:
            return []
        found = self.keyword_probabilities(texts)
        pairs = [
            (i, self.manifest.aspects[k])
            for i, p in enumerate(found)
            for k in np.argsort(-p, kind="stable")
            if p[k] >= self.manifest.threshold
        ]
        results: list[list[tuple[str, str, float]]] = [[] for _ in texts]
        if not pairs:
            return results
        levels = self.sentiment_probabilities([texts[i] for i, _ in pairs], [k for _, k in pairs])
        for (i, keyword), p in zip(pairs, levels):
            results[i].append((keyword, self.manifest.levels[int(p.argmax())], float(p.max())))
        return results

    def highlights(self, text: str, keyword: str) -> list[tuple[str, float]]:
        """Each word of `text` with the drop of `keyword`'s probability when it is masked."""
        from helpers.chapters.ch09_highlights import word_importance

        k = self.manifest.aspects.index(keyword)
        return word_importance(
            lambda texts: self.keyword_probabilities(texts)[:, k], text, self.tokenizer.mask_token
        )


def review_scores(models: ReviewModels, frame, majority_level: str) -> dict[str, float]:
    """Test scores of both models on the reviews in `frame`: keyword micro/macro-F1 at the saved
    threshold; sentiment accuracy and macro-F1 on its (review, keyword) pairs, next to the
    accuracy of always answering `majority_level` (the training split's most common level)."""
    from sklearn.metrics import f1_score

    from helpers.chapters.ch09_reviews import keyword_matrix, sentiment_pairs

    truth = keyword_matrix(frame).astype(int)
    found = (models.keyword_probabilities(frame.review) > models.manifest.threshold).astype(int)
    pairs = sentiment_pairs(frame)
    levels = models.sentiment_probabilities(pairs.review, pairs.keyword).argmax(-1)
    gold = pairs.label.to_numpy()
    majority = models.manifest.levels.index(majority_level)
    return {
        "keyword_micro_f1": float(f1_score(truth, found, average="micro", zero_division=0)),
        "keyword_macro_f1": float(f1_score(truth, found, average="macro", zero_division=0)),
        "sentiment_accuracy": float(np.mean(levels == gold)),
        "sentiment_macro_f1": float(f1_score(gold, levels, average="macro", zero_division=0)),
        "majority_accuracy": float(np.mean(gold == majority)),
    }
