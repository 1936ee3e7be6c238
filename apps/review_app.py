"""The review analyser as a small web app: keywords, their sentiment and the words that mattered.

Start it with `make app` (tiny stand-ins, offline) or `COURSE_MODE=full make app` (the models
chapter 09 saved in full mode). Tested by tests/chapters/test_review_app.py, with Streamlit's AppTest and
in a real headless Chromium.
"""

from __future__ import annotations

import streamlit as st

from helpers.chapters.ch09_highlights import highlight_html
from helpers.chapters.ch09_models import (
    ASPECTS_EN,
    LEVELS_EN,
    ReviewModels,
    review_models_dir,
    review_problem,
)
from helpers.errors import CourseError
from helpers.mode import current_mode

# Course-written examples (the keywords they mention in brackets, for the tests' benefit).
EXAMPLES = (
    "배송이 정말 빨라서 좋았어요. 색상도 화면이랑 똑같아요!",  # 배송, 색상
    "사이즈가 너무 작아요 ㅠㅠ 가격에 비해 품질도 아쉬워요.",  # 사이즈, 가격, 품질
    "소재가 부드럽고 착용감이 편해서 매일 입어요.",  # 소재, 착용감
)


@st.cache_resource
def load_models(mode: str) -> ReviewModels:
    """Both review models of `mode`, loaded once per server process."""
    return ReviewModels.load(review_models_dir(mode, train_here=False))


def show_result(models: ReviewModels, text: str) -> None:
    """Each keyword found, its sentiment and probability, and the review with its words coloured
    by how much they mattered for that keyword."""
    found = models.analyse([text])[0]
    if not found:
        st.info("No keyword of the shop's list was found in this review.")
    for keyword, level, probability in found:
        st.markdown(
            f"**{keyword}** ({ASPECTS_EN[keyword]}): **{level}** ({LEVELS_EN[level]}), "
            f"p = {probability:.2f}"
        )
        st.markdown(highlight_html(models.highlights(text, keyword)), unsafe_allow_html=True)


def main() -> None:
    """The page: examples, a text box, the analyse button and the result."""
    st.set_page_config(page_title="Review analyser", page_icon="🧥")
    st.title("리뷰 분석기 · Review analyser")
    try:
        models = load_models(current_mode())
    except CourseError as error:
        st.error(str(error))
        st.stop()
    st.caption(f"Mode: {current_mode()} · keywords: {', '.join(models.manifest.aspects)}")
    clicked = False
    for i, example in enumerate(EXAMPLES):
        if st.button(example, key=f"example-{i}"):
            st.session_state.review = example
            clicked = True
    text = st.text_area("Review (Korean)", key="review", height=120)
    if st.button("Analyse", key="analyse", type="primary") or clicked:
        problem = review_problem(text)
        if problem:
            st.warning(problem)
        else:
            show_result(models, text)


main()
