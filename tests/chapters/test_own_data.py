"""Chapter 09 on a learner's own CSV: other keywords, other levels, text ids, no split column.

The test does what a learner does: it writes a review file of its own (cafe reviews, written
for this test), changes the one `data_file = ...` line of the lesson, and runs the lesson to the
end in tiny mode. Both models must beat their baselines on the file's held-out reviews.
"""

from __future__ import annotations

import random
import re

import pandas as pd
import pytest

from helpers.chapters.ch09_reviews import check_reviews
from helpers.errors import CourseError
from tools.runner import run_notebook, text_outputs
from tools.sources import SOURCES_DIR

LESSON = SOURCES_DIR / "09_custom_data.py"
DATA_LINE = re.compile(r"^data_file = .*$", re.MULTILINE)

# Keyword -> level -> ways to say it. Levels: 나쁨 (bad), 보통 (so-so), 좋음 (good).
SAYINGS = {
    "맛": {
        "좋음": ["커피 맛이 정말 좋아요.", "맛이 진하고 훌륭해요.", "케이크가 아주 맛있어요."],
        "보통": ["맛은 그냥 평범해요.", "맛은 무난한 편이에요."],
        "나쁨": ["커피 맛이 너무 싱거워요.", "케이크가 맛없어요.", "맛이 실망스러워요."],
    },
    "서비스": {
        "좋음": ["직원분들이 정말 친절해요.", "주문이 빠르고 친절했어요."],
        "보통": ["서비스는 보통이에요.", "응대는 그럭저럭이었어요."],
        "나쁨": ["직원이 불친절했어요.", "주문을 오래 기다렸어요. 응대도 별로예요."],
    },
    "분위기": {
        "좋음": ["분위기가 아늑하고 좋아요.", "음악이 좋고 조용해요."],
        "보통": ["분위기는 평범해요.", "인테리어는 그저 그래요."],
        "나쁨": ["너무 시끄러워서 대화가 힘들어요.", "분위기가 어수선해요."],
    },
    "양": {
        "좋음": ["양이 넉넉해요.", "음료 양이 많아서 좋아요."],
        "보통": ["양은 적당한 편이에요.", "양은 딱 보통이에요."],
        "나쁨": ["양이 너무 적어요.", "컵이 작고 양이 적어요."],
    },
    "청결": {
        "좋음": ["매장이 아주 깨끗해요.", "화장실까지 청결해요."],
        "보통": ["청소 상태는 보통이에요.", "깨끗한 편이긴 해요."],
        "나쁨": ["테이블이 지저분했어요.", "바닥이 더러웠어요."],
    },
}
LEVEL_WEIGHTS = {"좋음": 5, "보통": 2, "나쁨": 3}
KEYWORD_WEIGHTS = {"맛": 5, "서비스": 3, "분위기": 3, "양": 2, "청결": 2}


def cafe_reviews(count: int = 420, seed: int = 7) -> pd.DataFrame:
    """`count` cafe reviews, each about one to three keywords, with string ids and no split."""
    rng = random.Random(seed)
    rows = []
    for number in range(count):
        keywords = set()
        while len(keywords) < rng.choice((1, 1, 2, 2, 3)):
            keywords.add(rng.choices(list(KEYWORD_WEIGHTS), list(KEYWORD_WEIGHTS.values()))[0])
        ordered = rng.sample(sorted(keywords), len(keywords))
        levels = {
            k: rng.choices(list(LEVEL_WEIGHTS), list(LEVEL_WEIGHTS.values()))[0] for k in ordered
        }
        text = " ".join(rng.choice(SAYINGS[k][level]) for k, level in levels.items())
        labels = "|".join(f"{k}:{level}" for k, level in levels.items())
        rows.append((f"cafe-{number:04d}", text, labels))
    return pd.DataFrame(rows, columns=["review_id", "review", "labels"])


def test_string_ids_and_no_split_column_pass_the_check():
    frame = cafe_reviews(20).astype(str)
    assert check_reviews(frame, "cafe.csv") is not None


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"review": "  "}, r"line 4, review_id cafe-0002: the review is empty"),
        ({"labels": "맛"}, r"line 4, review_id cafe-0002: Label '맛' is not aspect:level"),
        ({"labels": "맛:좋음|맛:나쁨"}, r"line 4, .*labelled twice"),
        ({"split": "dev"}, r"line 4, .*unknown split 'dev'.*Fix"),
    ],
)
def test_a_bad_row_is_named_with_its_line_and_the_fix(change, named):
    frame = cafe_reviews(5).assign(split="train")
    for column, value in change.items():
        frame.loc[2, column] = value
    with pytest.raises(CourseError, match=named):
        check_reviews(frame, "cafe.csv")


def test_a_missing_column_names_what_the_file_has():
    with pytest.raises(CourseError, match=r"no column labels.*it has review_id, review"):
        check_reviews(cafe_reviews(3).drop(columns="labels"), "cafe.csv")


@pytest.mark.end_to_end
def test_chapter_09_learns_a_learners_own_file(tmp_path):
    data = tmp_path / "cafe.csv"
    cafe_reviews().to_csv(data, index=False, encoding="utf-8")
    lesson = LESSON.read_text(encoding="utf-8")
    assert len(DATA_LINE.findall(lesson)) == 1, "the lesson should have one data_file line"
    edited = tmp_path / LESSON.name
    edited.write_text(DATA_LINE.sub(f"data_file = {str(data)!r}", lesson), encoding="utf-8")
    run = run_notebook(edited, cwd=tmp_path, env={"COURSE_RUN_DIR": str(tmp_path / "runs")})
    assert run.ok, run.error
    printed = "\n".join(text_outputs(run.notebook, streams=("stdout",)))
    assert "5 keywords: 맛 분위기 서비스 양 청결" in printed
    assert "3 levels: 나쁨 보통 좋음" in printed
    assert re.search(r"beats always '맛' by more than 0\.20: True", printed), printed
    assert re.search(r"sentiment accuracy beats always '좋음' by more than 0\.10: True", printed)
    assert (tmp_path / "runs" / "tiny" / "09_custom_data" / "review-models").is_dir()
