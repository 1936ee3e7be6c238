"""The committed copies of chapter 09's review models, which chapters 10 and 11 load in tiny mode."""

from __future__ import annotations

import json

import pytest

from helpers.errors import CourseError
from helpers.review_models import ReviewModels, review_models_dir, review_scores
from helpers.reviews import load_reviews
from tools.tiny import lesson09


@pytest.fixture(scope="module")
def stand_ins() -> ReviewModels:
    return ReviewModels.load(review_models_dir("tiny"))


def test_review_stand_ins_learned_keywords_and_sentiments(stand_ins):
    """The test split is only scored (09 picks its threshold and best epoch on validation)."""
    reviews = load_reviews()
    scores = review_scores(stand_ins, reviews[reviews.split == "test"], "긍정")
    assert scores["keyword_micro_f1"] >= 0.80
    assert scores["sentiment_accuracy"] >= scores["majority_accuracy"] + 0.12


def test_builder_notes_are_the_committed_models_scores():
    folder = review_models_dir("tiny")
    notes = json.loads((folder / "tiny_build.json").read_text())
    assert {k: notes[k] for k in lesson09.scores(folder)} == lesson09.scores(folder)


def test_probabilities_have_one_row_per_input_and_sum_to_one(stand_ins):
    texts = ["배송이 빨라요.", "색상이 예쁘고 가격도 좋아요. 다만 사이즈가 작아요."]
    keywords = stand_ins.keyword_probabilities(texts)
    levels = stand_ins.sentiment_probabilities(texts, ["배송", "사이즈"])
    assert keywords.shape == (2, len(stand_ins.manifest.aspects))
    assert levels.shape == (2, 5) and abs(levels.sum(1) - 1).max() < 1e-5


def test_full_mode_without_chapter_09_run_names_it(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_RUN_DIR", str(tmp_path))
    with pytest.raises(CourseError, match="09_custom_data"):
        review_models_dir("full")
