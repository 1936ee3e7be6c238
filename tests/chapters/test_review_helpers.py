"""Chapter 09's plumbing: occlusion highlights, class weights, settings and the saved manifest."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.chapters.ch09_highlights import (
    eojeols,
    highlight_html,
    masked_variants,
    top_words,
    word_importance,
)
from helpers.chapters.ch09_models import (
    ASPECTS_EN,
    LEVELS_EN,
    SavedReviewModels,
    class_weights,
    review_settings,
)
from helpers.errors import CourseError


def fake_keyword_probability(texts: list[str]) -> list[float]:
    """A constructed 'model': P(배송) is 0.9 with the words 배송이 and 빨리, less without either."""
    return [0.1 + 0.5 * ("배송이" in t) + 0.3 * ("빨리" in t) for t in texts]


def test_masking_each_word_ranks_the_words_the_prediction_needs_first():
    text = "옷이 예뻐요 배송이 빨리 왔어요"
    scored = word_importance(fake_keyword_probability, text, "[MASK]")
    assert [w for w, _ in scored] == eojeols(text)
    assert top_words(scored, 2) == ["배송이", "빨리"]
    assert dict(scored)["배송이"] == pytest.approx(0.5)
    assert dict(scored)["옷이"] == pytest.approx(0.0)


def test_masked_variants_replace_one_word_each():
    assert masked_variants("가 나 다", "[M]") == ["[M] 나 다", "가 [M] 다", "가 나 [M]"]
    assert word_importance(fake_keyword_probability, "   ", "[M]") == []


def test_highlight_colours_words_by_their_drop_and_escapes_them():
    shown = highlight_html([("<b>", 0.0), ("배송이", 0.5), ("빨리", 0.25)])
    html = str(shown)
    assert shown._repr_html_() == html and repr(shown) == "<3 highlighted words>"
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert "rgba(255, 140, 0, 1.00)" in html and "rgba(255, 140, 0, 0.50)" in html
    assert "rgba(255, 140, 0, 0.00)" in html


def test_class_weights_favour_rare_classes_and_refuse_an_empty_one():
    weights = class_weights([0, 1, 1, 1], 2)
    assert weights.tolist() == [2.0, pytest.approx(2 / 3)]
    assert np.isclose((weights * np.bincount([0, 1, 1, 1])).sum(), 4)
    with pytest.raises(CourseError, match=r"\[2\]"):
        class_weights([0, 1], 3)


def test_settings_by_mode_and_a_clear_error():
    assert review_settings("tiny").epochs > 0
    with pytest.raises(CourseError, match="tiny' or 'full"):
        review_settings("fast")


def test_manifest_round_trip_and_missing_manifest_names_chapter_09(tmp_path):
    saved = SavedReviewModels("keywords", "sentiment", ["배송"], ["긍정"], 0.35)
    path = saved.write(tmp_path)
    assert "배송" in path.read_text(encoding="utf-8")
    assert SavedReviewModels.read(tmp_path) == saved
    with pytest.raises(CourseError, match="09_custom_data"):
        SavedReviewModels.read(tmp_path / "nowhere")


def test_english_names_cover_every_aspect_and_level():
    from helpers.chapters.ch09_reviews import ASPECTS, LEVELS

    assert list(ASPECTS_EN) == list(ASPECTS)
    assert list(LEVELS_EN) == list(LEVELS)


def keyword_model(names: list[str], problem_type: str = "multi_label_classification"):
    """A tiny classifier with one output per name (the course's BERT stand-in)."""
    from transformers import AutoModelForSequenceClassification

    from helpers.checkpoints import checkpoint

    return AutoModelForSequenceClassification.from_pretrained(
        checkpoint("bert-base-uncased", mode="tiny"),
        num_labels=len(names),
        problem_type=problem_type,
        id2label=dict(enumerate(names)),
        label2id={n: i for i, n in enumerate(names)},
    )


def test_new_keyword_check_passes_a_grown_model_and_explains_each_mistake(capsys):
    from helpers.exercises.ch09 import check_new_keyword

    aspects = ["배송", "가격"]
    assert check_new_keyword(keyword_model([*aspects, "두께"]), "두께", aspects)
    assert not check_new_keyword(None, "두께", aspects)
    assert not check_new_keyword(keyword_model(aspects), "두께", aspects)
    assert "needs 3" in capsys.readouterr().out
    assert not check_new_keyword(keyword_model(["두께", *aspects]), "두께", aspects)
    assert "in order" in capsys.readouterr().out
    single = keyword_model([*aspects, "두께"], "single_label_classification")
    assert not check_new_keyword(single, "두께", aspects)
    assert "multi_label" in capsys.readouterr().out
