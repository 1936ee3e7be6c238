"""Checks and quiz of chapter 09 (a Korean review analyser on your own data)."""

from __future__ import annotations

from collections.abc import Sequence

from helpers.exercises.core import NOT_ANSWERED, Quiz, Verdict, unanswered, verdict

__all__ = ["check_new_keyword"]


def _head_outputs(model) -> int:
    """Outputs of the model's last linear layer (its classification head)."""
    import torch

    linears = [m for m in model.modules() if isinstance(m, torch.nn.Linear)]
    return linears[-1].out_features


def check_new_keyword(model, keyword: str, aspects: Sequence[str]) -> Verdict:
    """Pass when `model` is the keyword model grown by one multi-label output named `keyword`."""
    if unanswered(model):
        return verdict(False, NOT_ANSWERED)
    config = getattr(model, "config", None)
    if config is None:
        return verdict(False, f"Expected a transformers model, got {type(model).__name__}.")
    wanted = [*aspects, keyword]
    if config.num_labels != len(wanted):
        return verdict(
            False,
            f"The model has {config.num_labels} labels; with {keyword!r} added it needs "
            f"{len(wanted)} (num_labels=len(new_aspects)).",
        )
    names = [config.id2label[i] for i in range(config.num_labels)]
    if names != wanted:
        return verdict(
            False,
            f"id2label should keep the {len(aspects)} keywords in order and end with "
            f"{keyword!r}; it is {names}.",
        )
    if config.problem_type != "multi_label_classification":
        return verdict(False, 'Keep problem_type="multi_label_classification": sigmoid per label.')
    if _head_outputs(model) != len(wanted):
        return verdict(
            False,
            "The head's output size does not match: load with "
            "ignore_mismatched_sizes=True so it gets a new, larger head.",
        )
    return verdict(
        True,
        "One output more, the last one for the new keyword. Its row of the head is random: it "
        "learns only once reviews are labelled with the new keyword and the model trains again.",
    )


QUIZZES = {
    "09.1": Quiz(
        "Why does the keyword model use a sigmoid per keyword instead of one softmax over all 14?",
        {
            "a": "a sigmoid is faster to compute",
            "b": "a review can mention several keywords: each needs its own yes/no probability, "
            "while a softmax makes the keywords compete for one total of 1",
            "c": "softmax cannot be trained with the Trainer",
        },
        "b",
        "Multi-label means independent decisions; problem_type='multi_label_classification' "
        "switches the loss to binary cross-entropy on each output.",
        "Can a review talk about both 배송 and 사이즈?",
    ),
    "09.2": Quiz(
        "Why is the threshold chosen on the validation split and not on the test split?",
        {
            "a": "the test split has no labels",
            "b": "a threshold tuned on test makes the test score an optimistic, reused number: "
            "test must stay unseen by every choice to estimate new reviews honestly",
            "c": "the validation split is larger",
        },
        "b",
        "Every choice (epochs, threshold, learning rate) is fitted on validation; test is read "
        "once, at the end.",
        "What would the test score measure if it had picked the threshold?",
    ),
    "09.3": Quiz(
        "A keyword report shows micro-F1 0.87 and macro-F1 0.66. What does the gap tell you?",
        {
            "a": "common keywords are found well; some rare keywords are found badly",
            "b": "the model is broken: the two averages should be equal",
            "c": "rare keywords are found better than common ones",
        },
        "a",
        "Micro counts every decision, so frequent keywords dominate it; macro gives each keyword "
        "one vote, so rare keywords with low F1 pull it down.",
        "Which average gives 포장 (rare) as much weight as 배송 (common)?",
    ),
    "09.4": Quiz(
        "Class weights n / (classes × count) in the sentiment loss: what do they do?",
        {
            "a": "they remove the rare classes from training",
            "b": "they make a mistake on a rare level (매우부정) cost more than one on a common "
            "level (긍정), so the model cannot ignore rare levels to lower its loss",
            "c": "they change the labels of the rare examples",
            "d": "they make training faster",
        },
        "b",
        "Without weights, always answering the common level already gives a low loss; the "
        "weights rebalance each class's share of the loss. Resampling is the other common answer.",
        "Compute the weight of a class with 5% of the examples, with 5 classes.",
    ),
    "09.5": Quiz(
        "Why is the sentiment model trained on (review, keyword) pairs instead of one label per "
        "review?",
        {
            "a": "one review can be positive about one keyword and negative about another; the "
            "pair asks about one keyword at a time, with five classes shared by all keywords",
            "b": "pairs make the data set smaller",
            "c": "the tokenizer cannot read a review alone",
        },
        "a",
        "'배송은 빨랐는데 사이즈가 작아요' is positive for 배송 and negative for 사이즈. The pair "
        "turns 70 joint labels into 5, and rare keywords share what common ones teach.",
        "Read a review that mentions two keywords: does it have one sentiment?",
    ),
    "09.6": Quiz(
        "Masking the word '빨리' lowers P(배송) from 0.95 to 0.40; masking '옷이' changes it by "
        "0.01. What does that say?",
        {
            "a": "the model based its 배송 decision on '빨리' much more than on '옷이'",
            "b": "'빨리' is the most frequent word of the data set",
            "c": "the model is wrong about 배송",
        },
        "a",
        "Occlusion measures how much the prediction depends on each word, for this review and "
        "this model: an explanation of the model, not a proof about the language.",
        "A large drop means the prediction needed that word.",
    ),
}
