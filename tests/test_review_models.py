"""The committed copies of chapter 09's review models, which chapters 10 and 11 load in tiny mode."""

from __future__ import annotations

import json

import pytest

from helpers.errors import CourseError
from helpers.review_models import ReviewModels, review_models_dir, review_scores
from helpers.reviews import load_reviews
from tools.tiny import lesson09
from tools.tiny.bars import minimum
from tools.tiny.recipes import REVIEW_BARS


@pytest.fixture(scope="module")
def stand_ins() -> ReviewModels:
    return ReviewModels.load(review_models_dir("tiny"))


def test_review_stand_ins_learned_keywords_and_sentiments(stand_ins):
    """The test split is only scored (09 picks its threshold and best epoch on validation)."""
    reviews = load_reviews()
    scores = review_scores(stand_ins, reviews[reviews.split == "test"], "긍정")
    assert scores["keyword_micro_f1"] >= minimum(REVIEW_BARS, "keyword_micro_f1") >= 0.80
    assert scores["sentiment_accuracy"] >= scores["majority_accuracy"] + 0.12
    assert "sentiment_accuracy >= majority_accuracy + 0.12" in [bar.says for bar in REVIEW_BARS]


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


def test_analyse_finds_keywords_with_a_level_each_and_highlights_the_words(stand_ins):
    reviews = load_reviews()
    test = reviews[reviews.split == "test"].reset_index(drop=True)
    results = stand_ins.analyse(list(test.review[:20]))
    assert len(results) == 20 and all(results)  # every test review mentions a keyword
    for found in results:
        for keyword, level, probability in found:
            assert keyword in stand_ins.manifest.aspects and level in stand_ins.manifest.levels
            assert 0.2 <= probability <= 1.0  # a softmax over five levels: at least 0.2
    text = test.review[0]
    keyword = results[0][0][0]
    scored = stand_ins.highlights(text, keyword)
    assert [w for w, _ in scored] == text.split()
    assert max(s for _, s in scored) > 0  # some word supported the keyword
    assert stand_ins.analyse([]) == []
