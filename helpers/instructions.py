"""Chapter 12's review task for a chat model: conversations in, generated answers out, read back
and scored with chapter 09's metrics; and the preference pairs DPO learns from.

An answer names each keyword with its level, in ASPECTS order: `"배송 긍정, 사이즈 부정"`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np
import pandas as pd
import torch

from helpers.errors import CourseError
from helpers.reviews import ASPECTS, LEVELS, keyword_matrix, parse_labels

INSTRUCTION = "키워드와 감성:"


@dataclass(frozen=True)
class InstructionSettings:
    """Chapter 12's training settings. Tiny: chosen on the validation split for the course's
    stand-in, within the chapter's time budget. Full: LoRA rates usual for a 135M-parameter model on a GPU."""

    sft_epochs: float
    sft_batch_size: int
    sft_learning_rate: float
    lora_rank: int
    dpo_pairs: int
    dpo_batch_size: int
    dpo_learning_rate: float
    dpo_beta: float


INSTRUCTION_SETTINGS = {
    "tiny": InstructionSettings(0.75, 4, 3e-3, 16, 64, 8, 3e-3, 0.5),
    "full": InstructionSettings(3, 16, 2e-4, 16, 840, 16, 5e-5, 0.1),
}


def instruction_settings(mode: str) -> InstructionSettings:
    """The settings of `mode` ("tiny" or "full").

    Raises:
        CourseError: an unknown mode (the known ones are named).
    """
    if mode not in INSTRUCTION_SETTINGS:
        known = " or ".join(repr(m) for m in INSTRUCTION_SETTINGS)
        raise CourseError(f"Unknown mode {mode!r}: use {known} (COURSE_MODE).")
    return INSTRUCTION_SETTINGS[mode]


def answer_text(labels: str) -> str:
    """`"배송:긍정|사이즈:부정"` (the CSV's labels) -> `"배송 긍정, 사이즈 부정"`."""
    return ", ".join(f"{aspect} {level}" for aspect, level in parse_labels(labels).items())


def parse_answer(text: str) -> dict[str, str] | None:
    """A generated answer -> `{keyword: level}`; None when any part is not `keyword level` with
    a known keyword and level, or a keyword comes twice."""
    found: dict[str, str] = {}
    for part in text.split(","):
        words = part.split()
        if len(words) != 2 or words[0] not in ASPECTS or words[1] not in LEVELS:
            return None
        if words[0] in found:
            return None
        found[words[0]] = words[1]
    return found or None


def review_prompt(review: str) -> list[dict]:
    """The user's turn: the instruction and the review."""
    return [{"role": "user", "content": f"{INSTRUCTION}\n{review}"}]


def review_conversations(frame: pd.DataFrame) -> list[dict]:
    """One prompt/completion conversation per review of `frame` (columns review, labels)."""
    return [
        {
            "prompt": review_prompt(row.review),
            "completion": [{"role": "assistant", "content": answer_text(row.labels)}],
        }
        for row in frame.itertuples(index=False)
    ]


def generate_answers(
    model, tokenizer, reviews: list[str], batch_size: int = 64, max_new_tokens: int = 24
) -> list[str]:
    """Greedy answers of a chat model to the review prompts, in batches (padded on the left,
    as decoder-only generation needs; the tokenizer's own side is restored)."""
    side, tokenizer.padding_side = tokenizer.padding_side, "left"
    answers: list[str] = []
    try:
        for start in range(0, len(reviews), batch_size):
            prompts = [review_prompt(r) for r in reviews[start : start + batch_size]]
            inputs = tokenizer.apply_chat_template(
                prompts, add_generation_prompt=True, padding=True,
                return_tensors="pt", return_dict=True,
            ).to(model.device)  # fmt: skip
            with torch.no_grad():
                out = model.generate(
                    **inputs, max_new_tokens=max_new_tokens, do_sample=False,
                    pad_token_id=tokenizer.pad_token_id,
                )  # fmt: skip
            new = out[:, inputs["input_ids"].shape[1] :]
            answers += [a.strip() for a in tokenizer.batch_decode(new, skip_special_tokens=True)]
    finally:
        tokenizer.padding_side = side
    return answers


def answer_scores(frame: pd.DataFrame, answers: list[str]) -> dict[str, float]:
    """Generated answers scored like chapter 09's two models: keyword micro/macro-F1 over the
    reviews, and sentiment accuracy over the (review, keyword) pairs of the labels, where a
    keyword the answer missed counts as wrong; plus the share of answers that parse."""
    from sklearn.metrics import f1_score

    parsed = [parse_answer(a) or {} for a in answers]
    truth = keyword_matrix(frame).astype(int)
    found = np.array([[int(a in p) for a in ASPECTS] for p in parsed]).reshape(truth.shape)
    hits = [p.get(aspect) == level for p, labels in zip(parsed, frame["labels"])
            for aspect, level in parse_labels(labels).items()]  # fmt: skip
    return {
        "answers_that_parse": float(np.mean([parse_answer(a) is not None for a in answers])),
        "keyword_micro_f1": float(f1_score(truth, found, average="micro", zero_division=0)),
        "keyword_macro_f1": float(f1_score(truth, found, average="macro", zero_division=0)),
        "sentiment_accuracy": float(np.mean(hits)),
    }


OPPOSITE = {"매우부정": "매우긍정", "부정": "긍정", "긍정": "부정", "매우긍정": "매우부정"}


def _worse(labels: dict[str, str], rng: random.Random) -> tuple[str, dict[str, str]]:
    """A wrong analysis of a review with `labels`: one keyword's sentiment flipped (중립 becomes
    긍정 or 부정), or, when it has two or more, one keyword left out. Returns the kind of
    mistake and the wrong labels."""
    kinds = ["flipped sentiment"] + (["missing keyword"] if len(labels) > 1 else [])
    kind = rng.choice(kinds)
    wrong = dict(labels)
    aspect = rng.choice(sorted(wrong))
    if kind == "missing keyword":
        del wrong[aspect]
    else:
        wrong[aspect] = OPPOSITE.get(wrong[aspect]) or rng.choice(["긍정", "부정"])
    return kind, wrong


def preference_pairs(frame: pd.DataFrame, seed: int = 0) -> list[dict]:
    """One preference pair per review: the prompt, the correct analysis (chosen) and a wrong
    one (rejected), as conversations; `kind` names the mistake in the rejected answer."""
    rng = random.Random(seed)
    pairs = []
    for row in frame.itertuples(index=False):
        kind, wrong = _worse(parse_labels(row.labels), rng)
        rejected = ", ".join(f"{a} {lv}" for a, lv in wrong.items())
        pairs.append({
            "prompt": review_prompt(row.review),
            "chosen": [{"role": "assistant", "content": answer_text(row.labels)}],
            "rejected": [{"role": "assistant", "content": rejected}],
            "kind": kind,
        })  # fmt: skip
    return pairs


def answer_log_probabilities(
    model, tokenizer, prompts: list[list[dict]], answers: list[list[dict]], batch_size: int = 32
) -> list[float]:
    """The model's log-probability of each answer's tokens after its prompt (chat-formatted),
    in batches padded on the right."""
    starts = [len(tokenizer.apply_chat_template(p, add_generation_prompt=True)["input_ids"])
              for p in prompts]  # fmt: skip
    wholes = [tokenizer.apply_chat_template(p + a)["input_ids"] for p, a in zip(prompts, answers)]
    totals: list[float] = []
    for first in range(0, len(wholes), batch_size):
        batch = wholes[first : first + batch_size]
        ids = torch.full((len(batch), max(map(len, batch))), tokenizer.pad_token_id)
        for row, seq in enumerate(batch):
            ids[row, : len(seq)] = torch.tensor(seq)
        ids = ids.to(model.device)
        with torch.no_grad():
            logits = model(input_ids=ids).logits[:, :-1].float()
        token_logp = logits.log_softmax(-1).gather(2, ids[:, 1:, None])[..., 0].cpu()
        for row, seq in enumerate(batch):
            start = starts[first + row]
            totals.append(float(token_logp[row, start - 1 : len(seq) - 1].sum()))
    return totals


def preference_accuracy(model, tokenizer, pairs: list[dict]) -> pd.Series:
    """Share of pairs whose chosen answer the model finds more likely than the rejected one,
    over all pairs and by kind of mistake."""
    prompts = [p["prompt"] for p in pairs]
    chosen = answer_log_probabilities(model, tokenizer, prompts, [p["chosen"] for p in pairs])
    rejected = answer_log_probabilities(model, tokenizer, prompts, [p["rejected"] for p in pairs])
    frame = pd.DataFrame({"kind": [p["kind"] for p in pairs],
                          "win": [c > r for c, r in zip(chosen, rejected)]})  # fmt: skip
    by_kind = frame.groupby("kind")["win"].mean()
    return pd.concat([pd.Series({"all": frame["win"].mean()}), by_kind]).round(3)
