"""Chapter 12's helpers: answers written and read back, scores, preference pairs, the
log-probabilities behind preference accuracy, the tiny instruct stand-in and the Try it check."""

import pytest

import helpers
from helpers.instructions import OPPOSITE, answer_log_probabilities
from helpers.reviews import parse_labels

STAND_IN = "HuggingFaceTB/SmolLM2-135M-Instruct"


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


def test_every_label_survives_answer_text_and_parse_answer(reviews):
    for labels in reviews["labels"]:
        assert helpers.parse_answer(helpers.answer_text(labels)) == parse_labels(labels)


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
def test_parse_answer_refuses_what_is_not_keyword_level(text):
    assert helpers.parse_answer(text) is None


def test_conversations_put_the_review_in_the_prompt_and_the_labels_in_the_completion(reviews):
    row = reviews.iloc[0]
    (conversation,) = helpers.review_conversations(reviews.iloc[:1])
    assert (
        conversation["prompt"][0]["role"] == "user"
        and row.review in conversation["prompt"][0]["content"]
    )
    assert conversation["completion"] == [
        {"role": "assistant", "content": helpers.answer_text(row.labels)}
    ]


def test_answer_scores_are_one_for_the_labels_and_zero_for_nonsense(reviews):
    test = reviews[reviews.split == "test"]
    perfect = helpers.answer_scores(test, [helpers.answer_text(x) for x in test["labels"]])
    assert perfect == {
        "answers_that_parse": 1.0,
        "keyword_micro_f1": 1.0,
        "keyword_macro_f1": 1.0,
        "sentiment_accuracy": 1.0,
    }
    nonsense = helpers.answer_scores(test, ["좋아요"] * len(test))
    assert set(nonsense.values()) == {0.0}


def test_a_missed_keyword_counts_against_sentiment_accuracy(reviews):
    two = reviews[reviews["labels"].str.count(r"\|") == 1].iloc[:1]
    first = next(iter(parse_labels(two["labels"].iloc[0]).items()))
    scores = helpers.answer_scores(two, [f"{first[0]} {first[1]}"])
    assert scores["sentiment_accuracy"] == 0.5 and scores["answers_that_parse"] == 1.0


def test_preference_pairs_prefer_the_labels_to_one_mistake(reviews):
    frame = reviews[reviews.split == "train"]
    pairs = helpers.preference_pairs(frame, seed=3)
    assert pairs == helpers.preference_pairs(frame, seed=3)  # seeded
    assert {p["kind"] for p in pairs} == {"flipped sentiment", "missing keyword"}
    for pair, labels in zip(pairs, frame["labels"]):
        right = parse_labels(labels)
        wrong = helpers.parse_answer(pair["rejected"][0]["content"])
        assert helpers.parse_answer(pair["chosen"][0]["content"]) == right
        if pair["kind"] == "missing keyword":
            assert len(wrong) == len(right) - 1 and wrong.items() <= right.items()
        else:
            (changed,) = [a for a in right if right[a] != wrong[a]]
            assert wrong[changed] == OPPOSITE.get(right[changed], wrong[changed])
            assert right[changed] != "중립" or wrong[changed] in {"긍정", "부정"}


def test_batched_log_probabilities_match_one_at_a_time(chat_model, reviews):
    model, tokenizer = chat_model
    pairs = helpers.preference_pairs(reviews.iloc[:12])
    prompts, answers = [p["prompt"] for p in pairs], [p["chosen"] for p in pairs]
    batched = answer_log_probabilities(model, tokenizer, prompts, answers, batch_size=5)
    single = answer_log_probabilities(model, tokenizer, prompts, answers, batch_size=1)
    assert batched == pytest.approx(single, abs=1e-4)
    assert all(value < 0 for value in batched)
    accuracy = helpers.preference_accuracy(model, tokenizer, pairs)
    assert 0.0 <= accuracy["all"] <= 1.0 and "flipped sentiment" in accuracy.index


def test_generate_answers_restores_the_padding_side(chat_model, reviews):
    model, tokenizer = chat_model
    tokenizer.padding_side = "right"
    answers = helpers.generate_answers(model, tokenizer, list(reviews.review[:5]), batch_size=2)
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


def test_format_reward_check():
    def right(completions, **kwargs):
        return [1.0 if helpers.parse_answer(c[0]["content"]) else 0.0 for c in completions]

    def always_one(completions, **kwargs):
        return [1.0] * len(completions)

    assert helpers.check_format_reward(right)
    assert not helpers.check_format_reward(always_one)
    assert not helpers.check_format_reward(lambda completions, **kw: None)
    assert not helpers.check_format_reward(None)
