"""Chapter 12's own code, read from the lesson: answers written and read back, scores,
preference pairs, the log-probabilities behind preference accuracy, batched generation; and the
tiny instruct stand-in, the settings and the Try it check."""

import pytest

import helpers
from helpers.chapters.ch09_reviews import parse_labels
from tools.sources import SOURCES_DIR, lesson_code

STAND_IN = "HuggingFaceTB/SmolLM2-135M-Instruct"
LESSON = SOURCES_DIR / "12_instruction_tuning.py"
NAMES = {
    "INSTRUCTION", "OPPOSITE", "mistake", "review_prompt", "answer_text", "parse_answer",
    "answer_scores", "generate_answers", "preference_pairs", "answer_log_probability",
    "preference_accuracy",
}  # fmt: skip


@pytest.fixture(scope="module")
def reviews():
    return helpers.load_reviews()


@pytest.fixture(scope="module")
def chat_model():
    from transformers import AutoModelForCausalLM, AutoTokenizer

    folder = helpers.checkpoint(STAND_IN, "tiny")
    return AutoModelForCausalLM.from_pretrained(folder).eval(), AutoTokenizer.from_pretrained(
        folder
    )


@pytest.fixture(scope="module")
def lesson(chat_model):
    """The lesson's functions, with the stand-in's tokenizer as the lesson's `tokenizer`."""
    from types import SimpleNamespace

    return SimpleNamespace(**lesson_code(LESSON, NAMES, {"tokenizer": chat_model[1]}))


def test_every_label_survives_answer_text_and_parse_answer(lesson, reviews):
    for labels in reviews["labels"]:
        assert lesson.parse_answer(lesson.answer_text(labels)) == parse_labels(labels)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "배송이 좋아요",
        "배송 긍정, 배송 부정",
        "배송 좋음",
        "두께 긍정",
        "배송 긍정,",
        "배송  긍정 정말",
    ],
)
def test_parse_answer_refuses_what_is_not_keyword_level(lesson, text):
    assert lesson.parse_answer(text) is None


def test_the_prompt_is_the_instruction_then_the_review(lesson, reviews):
    row = reviews.iloc[0]
    (turn,) = lesson.review_prompt(row.review)
    assert turn == {"role": "user", "content": f"{lesson.INSTRUCTION}\n{row.review}"}


def test_answer_scores_are_one_for_the_labels_and_zero_for_nonsense(lesson, reviews):
    test = reviews[reviews.split == "test"]
    perfect = lesson.answer_scores(test, [lesson.answer_text(x) for x in test["labels"]])
    assert perfect == {
        "answers_that_parse": 1.0,
        "keyword_micro_f1": 1.0,
        "keyword_macro_f1": 1.0,
        "sentiment_accuracy": 1.0,
    }
    nonsense = lesson.answer_scores(test, ["좋아요"] * len(test))
    assert set(nonsense.values()) == {0.0}


def test_a_missed_keyword_counts_against_sentiment_accuracy(lesson, reviews):
    two = reviews[reviews["labels"].str.count(r"\|") == 1].iloc[:1]
    first = next(iter(parse_labels(two["labels"].iloc[0]).items()))
    scores = lesson.answer_scores(two, [f"{first[0]} {first[1]}"])
    assert scores["sentiment_accuracy"] == 0.5 and scores["answers_that_parse"] == 1.0


def test_preference_pairs_prefer_the_labels_to_one_mistake(lesson, reviews):
    frame = reviews[reviews.split == "train"]
    pairs = lesson.preference_pairs(frame, seed=3)
    assert pairs == lesson.preference_pairs(frame, seed=3)  # seeded
    assert {p["kind"] for p in pairs} == {"flipped sentiment", "missing keyword"}
    for pair, labels in zip(pairs, frame["labels"]):
        right = parse_labels(labels)
        wrong = lesson.parse_answer(pair["rejected"][0]["content"])
        assert lesson.parse_answer(pair["chosen"][0]["content"]) == right
        if pair["kind"] == "missing keyword":
            assert len(wrong) == len(right) - 1 and wrong.items() <= right.items()
        else:
            (changed,) = [a for a in right if right[a] != wrong[a]]
            assert wrong[changed] == lesson.OPPOSITE.get(right[changed], wrong[changed])
            assert right[changed] != "중립" or wrong[changed] in {"긍정", "부정"}


def test_an_answers_log_probability_is_minus_the_models_summed_loss_on_it(lesson, chat_model):
    import torch

    model, tokenizer = chat_model
    prompt = lesson.review_prompt("배송이 빨라요.")
    answer = [{"role": "assistant", "content": "배송 긍정"}]
    got = lesson.answer_log_probability(model, prompt, answer)
    start = len(tokenizer.apply_chat_template(prompt, add_generation_prompt=True)["input_ids"])
    ids = torch.tensor([tokenizer.apply_chat_template(prompt + answer)["input_ids"]])
    labels = ids.clone()
    labels[:, :start] = -100  # the loss over the answer's tokens only
    with torch.no_grad():
        mean_loss = model(input_ids=ids, labels=labels).loss
    assert got == pytest.approx(-float(mean_loss) * (ids.shape[1] - start), rel=1e-4)
    assert got < 0


def test_preference_accuracy_counts_wins_by_kind(lesson, chat_model, reviews):
    pairs = lesson.preference_pairs(reviews.iloc[:12], seed=0)
    accuracy = lesson.preference_accuracy(chat_model[0], pairs)
    assert 0.0 <= accuracy["all"] <= 1.0 and "flipped sentiment" in accuracy.index


def test_generate_answers_restores_the_padding_side(lesson, chat_model, reviews):
    model, tokenizer = chat_model
    tokenizer.padding_side = "right"
    answers = lesson.generate_answers(model, list(reviews.review[:5]), batch_size=2)
    assert len(answers) == 5 and all(isinstance(a, str) for a in answers)
    assert tokenizer.padding_side == "right"


def test_the_stand_in_speaks_chatml_with_smollm2s_special_tokens(chat_model):
    _, tokenizer = chat_model
    text = tokenizer.apply_chat_template(
        [{"role": "user", "content": "안녕"}], tokenize=False, add_generation_prompt=True
    )
    assert text.startswith("<|im_start|>system\n") and text.endswith("<|im_start|>assistant\n")
    ids = {
        t: tokenizer.convert_tokens_to_ids(t)
        for t in ("<|endoftext|>", "<|im_start|>", "<|im_end|>")
    }
    assert ids == {"<|endoftext|>": 0, "<|im_start|>": 1, "<|im_end|>": 2}
    assert tokenizer.eos_token == "<|im_end|>"


def test_settings_name_the_modes_for_an_unknown_one():
    assert helpers.instruction_settings("full").dpo_pairs == 840
    with pytest.raises(helpers.CourseError, match="'tiny' or 'full'"):
        helpers.instruction_settings("fast")


def test_format_reward_check(lesson):
    def right(completions, **kwargs):
        return [1.0 if lesson.parse_answer(c[0]["content"]) else 0.0 for c in completions]

    def always_one(completions, **kwargs):
        return [1.0] * len(completions)

    assert helpers.check_format_reward(right)
    assert not helpers.check_format_reward(always_one)
    assert not helpers.check_format_reward(lambda completions, **kw: None)
    assert not helpers.check_format_reward(None)
