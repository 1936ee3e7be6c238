"""The course's Korean clothing reviews: the committed files, their generator and their loader."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pandas as pd
import pytest

from helpers.chapters.ch09_reviews import (
    ASPECTS,
    COLUMNS,
    LEVELS,
    keyword_matrix,
    load_reviews,
    parse_labels,
    sentiment_pairs,
)
from helpers.errors import CourseError
from helpers.paths import data_dir
from tools import reviews as generator

FOLDER = data_dir() / "reviews"
SIZES = {"train": 840, "validation": 180, "test": 180}
COMMON = ("배송", "사이즈", "디자인", "가격", "품질", "색상")
RARE = ("마감처리", "기능성", "길이", "세탁", "포장")


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return load_reviews()


@pytest.fixture(scope="module")
def pairs(frame) -> pd.DataFrame:
    return sentiment_pairs(frame)


@pytest.fixture(scope="module")
def unlabelled() -> list[str]:
    return (FOLDER / "unlabelled.txt").read_text(encoding="utf-8").splitlines()


def test_aspects_and_levels_are_the_courses():
    assert ASPECTS == (
        *("배송", "가격", "디자인", "색상", "품질", "사이즈", "소재", "핏", "착용감"),
        *("기능성", "길이", "마감처리", "세탁", "포장"),
    )
    assert LEVELS == ("매우부정", "부정", "중립", "긍정", "매우긍정")


def test_schema_and_column_order(frame):
    header = (FOLDER / "reviews.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == ",".join(COLUMNS) == "review_id,split,shop,category,review,labels"
    assert frame["review_id"].is_unique
    assert frame["review_id"].dtype.kind == "i"
    assert 3 <= frame["shop"].nunique() <= 8
    assert set(frame["category"]) == {"상의", "하의", "아우터", "원피스", "니트"}


def test_split_sizes(frame):
    assert frame["split"].value_counts().to_dict() == SIZES


def test_texts_are_korean_single_lines_without_padding(frame, unlabelled):
    for text in [*frame["review"], *unlabelled]:
        assert text.strip() == text and text, repr(text)
        assert "\n" not in text and "\r" not in text
        assert re.search("[가-힣]", text), text


def test_labels_are_canonical_pairs_in_aspect_order(frame):
    for labels in frame["labels"]:
        parsed = parse_labels(labels)
        assert 1 <= len(parsed) <= 3
        assert "|".join(f"{a}:{level}" for a, level in parsed.items()) == labels


def test_every_aspect_and_level_in_every_split(pairs):
    for split in SIZES:
        part = pairs[pairs["split"] == split]
        aspects, levels = Counter(part["keyword"]), Counter(part["level"])
        assert all(aspects[a] >= 3 for a in ASPECTS), (split, aspects)
        assert all(levels[level] >= 5 for level in LEVELS), (split, levels)


def test_levels_are_imbalanced_like_shop_reviews(pairs):
    share = pairs["level"].value_counts(normalize=True)
    assert 0.60 <= share["긍정"] + share["매우긍정"] <= 0.75
    assert 0.08 <= share["중립"] <= 0.18
    assert 0.08 <= share["부정"] <= 0.18
    assert 0.03 <= share["매우부정"] <= 0.08
    for split in SIZES:
        part = pairs[pairs["split"] == split]["level"].value_counts(normalize=True)
        assert 0.55 <= part["긍정"] + part["매우긍정"] <= 0.80, split


def test_common_aspects_far_outnumber_rare_ones(pairs):
    counts = pairs["keyword"].value_counts()
    assert counts[list(COMMON)].min() > 2 * counts[list(RARE)].max()


def test_held_out_reviews_never_repeat_a_training_review(frame, unlabelled):
    train = set(frame.loc[frame["split"] == "train", "review"])
    held_out = set(frame.loc[frame["split"] != "train", "review"])
    assert frame["review"].is_unique
    assert not held_out & train
    assert not held_out & set(unlabelled)


def test_unlabelled_corpus(unlabelled):
    assert 2_500 <= len(unlabelled) <= 3_500
    assert len(set(unlabelled)) == len(unlabelled)


def test_files_stay_small():
    for name in ("reviews.csv", "unlabelled.txt"):
        assert (FOLDER / name).stat().st_size < 1_000_000, name


def test_generator_reproduces_the_committed_files(tmp_path):
    generator.write(tmp_path)
    for name in ("reviews.csv", "unlabelled.txt"):
        assert (tmp_path / name).read_bytes() == (FOLDER / name).read_bytes(), name


def test_a_different_training_size_keeps_the_held_out_splits(monkeypatch):
    def held_out(text: str) -> list[str]:
        return [line for line in text.splitlines()[1:] if ",train," not in line]

    before = held_out(generator.labelled_csv()[0])
    monkeypatch.setitem(generator.SPLITS, "train", (100, 1))
    after = generator.labelled_csv()[0]
    assert held_out(after) == before
    assert len(after.splitlines()) == 1 + 100 + 360


def _words(text: str) -> set[str]:
    """The aspect nouns `text` uses as words (alone or with a particle)."""
    return {
        noun
        for nouns in generator.NOUNS.values()
        for noun in nouns
        if re.search(f"(?<![가-힣]){re.escape(noun)}(?:이|가|은|는|도)?(?![가-힣])", text)
    }


def test_fillers_and_wordings_name_no_other_aspect():
    fillers = [*generator.BEFORE, *(s for group in generator.AFTER.values() for s in group)]
    assert not {f: _words(f) for f in fillers if _words(f)}
    for aspect, levels in generator.PHRASES.items():
        others = {n for a, nouns in generator.NOUNS.items() if a != aspect for n in nouns}
        for wordings in levels.values():
            assert len(wordings) >= 4, aspect
            for wording in wordings:
                assert not _words(wording) & others, (aspect, wording)


def test_every_aspect_and_level_has_wordings():
    assert list(generator.NOUNS) == list(generator.PHRASES) == list(ASPECTS)
    for levels in generator.PHRASES.values():
        assert sorted(levels) == sorted(LEVELS)


def test_particles_follow_the_final_consonant():
    rng = generator.random.Random(0)
    assert {generator._subject("배송", rng) for _ in range(40)} == {"배송이", "배송은"}
    assert {generator._subject("사이즈", rng) for _ in range(40)} == {"사이즈가", "사이즈는"}


# The loader, on hand-made data.
HAND_MADE = pd.DataFrame(
    {
        "review_id": [1, 2],
        "split": ["train", "test"],
        "shop": ["가게", "가게"],
        "category": ["상의", "니트"],
        "review": ["배송이 빨라요. 사이즈가 작아요.", "포장이 최악이에요."],
        "labels": ["배송:긍정|사이즈:부정", "포장:매우부정"],
    }
)


def test_parse_labels_orders_by_aspect():
    assert parse_labels("사이즈:부정|배송:긍정") == {"배송": "긍정", "사이즈": "부정"}
    assert list(parse_labels("사이즈:부정|배송:긍정")) == ["배송", "사이즈"]


@pytest.mark.parametrize(
    ("labels", "named"),
    [
        ("배송:좋음", "좋음"),
        ("날씨:긍정", "날씨"),
        ("배송", "배송"),
        ("배송:긍정|배송:부정", "배송"),
        ("", "Empty"),
    ],
)
def test_bad_labels_name_the_row_and_the_value(tmp_path, labels, named):
    bad = HAND_MADE.assign(labels=[HAND_MADE["labels"][0], labels])
    bad.to_csv(tmp_path / "bad.csv", index=False)
    with pytest.raises(CourseError, match=f"review_id 2: .*{re.escape(named)}"):
        load_reviews(tmp_path / "bad.csv")


def test_missing_file_names_the_path_and_the_fix(tmp_path, monkeypatch):
    with pytest.raises(CourseError, match=r"nope\.csv is missing.*Fix"):
        load_reviews(tmp_path / "nope.csv")
    monkeypatch.setenv("COURSE_DATA_DIR", str(tmp_path))
    with pytest.raises(CourseError, match=r"reviews\.csv is missing.*git checkout"):
        load_reviews()


def test_missing_column_is_named(tmp_path):
    HAND_MADE.drop(columns="shop").to_csv(tmp_path / "few.csv", index=False)
    with pytest.raises(CourseError, match="no column shop"):
        load_reviews(tmp_path / "few.csv")


def test_load_reviews_reads_a_hand_made_file(tmp_path):
    HAND_MADE.to_csv(tmp_path / "mine.csv", index=False)
    loaded = load_reviews(tmp_path / "mine.csv")
    pd.testing.assert_frame_equal(loaded, HAND_MADE)


def test_keyword_matrix():
    matrix = keyword_matrix(HAND_MADE)
    expected = np.zeros((2, 14), dtype=np.float32)
    expected[0, [0, 5]] = 1  # 배송, 사이즈
    expected[1, 13] = 1  # 포장
    assert matrix.dtype == np.float32
    np.testing.assert_array_equal(matrix, expected)


def test_sentiment_pairs():
    got = sentiment_pairs(HAND_MADE)
    assert list(got.columns) == ["review_id", "split", "review", "keyword", "level", "label"]
    assert got[["review_id", "keyword", "level", "label"]].values.tolist() == [
        [1, "배송", "긍정", 3],
        [1, "사이즈", "부정", 1],
        [2, "포장", "매우부정", 0],
    ]
    assert list(got["split"]) == ["train", "train", "test"]
