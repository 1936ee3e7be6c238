"""The review analyser: the keywords a Korean review mentions, their sentiment, and the words
that mattered. Written by chapter 11 of the course; run with `streamlit run app.py`."""

import html
import json
import os
from pathlib import Path

import numpy as np
import onnxruntime
import streamlit as st
from tokenizers import Tokenizer

MODEL_DIR = Path(os.environ.get("REVIEW_MODEL_DIR", Path(__file__).parent / "model"))
MAX_CHARS = 2000  # longer texts are not reviews (and would be cut to 512 tokens)
MODELS = ("keywords", "sentiment")  # keywords.onnx, sentiment.onnx


def load(folder):
    """Both int8 ONNX models, their tokenizer and their settings, from one folder."""
    config = json.loads((folder / "analyser.json").read_text(encoding="utf-8"))
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=512)
    pad = config["pad_token"]
    tokenizer.enable_padding(pad_id=tokenizer.token_to_id(pad), pad_token=pad)
    models = {m: onnxruntime.InferenceSession(folder / f"{m}.onnx") for m in MODELS}
    return {"config": config, "tokenizer": tokenizer, **models}


def logits(analyser, model, texts, keywords=None):
    texts = list(zip(texts, keywords)) if keywords is not None else list(texts)
    encoded = analyser["tokenizer"].encode_batch(texts)
    batch = {
        "input_ids": np.array([e.ids for e in encoded], dtype=np.int64),
        "attention_mask": np.array([e.attention_mask for e in encoded], dtype=np.int64),
    }
    return analyser[model].run(["logits"], batch)[0]


def keyword_probabilities(analyser, texts):
    return 1 / (1 + np.exp(-logits(analyser, "keywords", texts)))


def sentiment_probabilities(analyser, texts, keywords):
    z = logits(analyser, "sentiment", texts, keywords)
    exp = np.exp(z - z.max(axis=1, keepdims=True))
    return exp / exp.sum(axis=1, keepdims=True)


def analyse(analyser, text):
    """(keyword, level, probability of that level) for each keyword found, likeliest first."""
    config = analyser["config"]
    found = keyword_probabilities(analyser, [text])[0]
    order = [k for k in np.argsort(-found, kind="stable") if found[k] >= config["threshold"]]
    keywords = [config["keywords"][k] for k in order]
    if not keywords:
        return []
    levels = sentiment_probabilities(analyser, [text] * len(keywords), keywords)
    return [(k, config["levels"][p.argmax()], float(p.max())) for k, p in zip(keywords, levels)]


def highlights(analyser, text, keyword):
    """Each word of `text` with the drop of `keyword`'s probability when it is masked."""
    words, k = text.split(), analyser["config"]["keywords"].index(keyword)
    mask = analyser["config"]["mask_token"]
    batch = [text] + [" ".join([*words[:i], mask, *words[i + 1 :]]) for i in range(len(words))]
    chunks = [batch[i : i + 32] for i in range(0, len(batch), 32)]
    p = np.concatenate([keyword_probabilities(analyser, chunk)[:, k] for chunk in chunks])
    return [(word, float(p[0] - q)) for word, q in zip(words, p[1:])]


def problem(text):
    """What is wrong with `text` as a review, in words for the user; None when it is fine."""
    if not text.strip():
        return "The review is empty: type (or paste) a review first, or click an example."
    if len(text) > MAX_CHARS:
        return f"The review has {len(text):,} characters; the limit is {MAX_CHARS:,}."
    if not any("가" <= c <= "힣" for c in text):
        return "This analyser reads Korean reviews, and the text has no Korean letter."
    return None


def highlighted(scored):
    """The words as HTML, each on an orange background as strong as its drop."""
    largest = max([s for _, s in scored] + [1e-9])
    return " ".join(
        f'<span title="{s:+.3f}" style="background: rgba(255, 140, 0, {max(s, 0) / largest:.2f})">'
        f"{html.escape(word)}</span>"
        for word, s in scored
    )


EXAMPLES = (
    "배송이 정말 빨라서 좋았어요. 색상도 화면이랑 똑같아요!",
    "사이즈가 너무 작아요 ㅠㅠ 가격에 비해 품질도 아쉬워요.",
    "소재가 부드럽고 착용감이 편해서 매일 입어요.",
)


@st.cache_resource
def load_analyser():
    return load(MODEL_DIR)


def show(analyser, text):
    """Each keyword found, its sentiment, and the review's words coloured by their drop."""
    english = analyser["config"]["english"]
    found = analyse(analyser, text)
    if not found:
        st.info("No keyword of the shop's list was found in this review.")
    for keyword, level, p in found:
        names = f"**{keyword}** ({english.get(keyword, '')}): **{level}**"
        st.markdown(f"{names} ({english.get(level, '')}), p = {p:.2f}")
        st.html(highlighted(highlights(analyser, text, keyword)))


def ask_for_review():
    """The examples and the text box: the review to analyse, or None before any click."""
    for i, example in enumerate(EXAMPLES):
        if st.button(example, key=f"example-{i}"):
            st.session_state.review = example
    text = st.text_area("Review (Korean)", key="review", height=120)
    pressed = st.button("Analyse", key="analyse", type="primary")
    return text if pressed or text in EXAMPLES else None


def page():
    st.set_page_config(page_title="Review analyser", page_icon="🧥")
    st.title("리뷰 분석기 · Review analyser")
    if not (MODEL_DIR / "analyser.json").is_file():
        st.error(f"No model folder at {MODEL_DIR}: set REVIEW_MODEL_DIR to chapter 11's.")
        st.stop()
    text = ask_for_review()
    if text is not None:
        message = problem(text)
        if message:
            st.warning(message)
        else:
            show(load_analyser(), text)


if __name__ == "__main__":
    page()
