"""Checks and quiz of chapter 12 (instruction tuning with TRL)."""

from __future__ import annotations

from collections.abc import Callable

from helpers.exercises.core import NOT_ANSWERED, Quiz, Verdict, unanswered, verdict

__all__ = ["check_format_reward"]

# Completions as GRPOTrainer passes them for conversations: one list of messages each.
_TRIALS = (
    ("배송 긍정, 사이즈 부정", 1.0),
    ("가격 매우긍정", 1.0),
    ("배송이 빨라서 좋아요", 0.0),
    ("배송 긍정, 배송 부정", 0.0),
    ("", 0.0),
)


def check_format_reward(reward: Callable) -> Verdict:
    """Pass when `reward(completions)` gives 1.0 to each answer that parses and 0.0 to the rest,
    one float per completion, as GRPOTrainer expects."""
    if unanswered(reward) or not callable(reward):
        return verdict(False, NOT_ANSWERED)
    completions = [[{"role": "assistant", "content": text}] for text, _ in _TRIALS]
    try:
        rewards = reward(completions, prompts=[None] * len(completions))
    except Exception as error:  # noqa: BLE001 - the learner's code: name what it raised
        return verdict(False, f"Your function raised {type(error).__name__}: {error}")
    if rewards is None:
        return verdict(False, "Your function returned None: return a list of floats.")
    if len(list(rewards)) != len(completions):
        return verdict(False, f"{len(completions)} completions but {len(list(rewards))} rewards.")
    for (text, expected), got in zip(_TRIALS, rewards):
        if not isinstance(got, (int, float)) or float(got) != expected:
            return verdict(False, f"For the answer {text!r} expected {expected}, got {got!r}.")
    return verdict(
        True, "One reward per completion: full marks for answers that parse, none otherwise."
    )


QUIZZES = {
    "12.1": Quiz(
        "What does `add_generation_prompt=True` add to the templated text?",
        {
            "a": "a system message",
            "b": "the opening of the assistant's turn, so the model's next tokens are its answer",
            "c": "the end-of-sequence token",
        },
        "b",
        "Without it the text ends after the user's turn, and the model may continue the user's "
        "message instead of answering.",
        "Look at the last line the template printed.",
    ),
    "12.2": Quiz(
        "On a prompt/completion dataset, which tokens does SFTTrainer train on by default?",
        {
            "a": "all of them, prompt included",
            "b": "only the completion's (the labels are -100 elsewhere)",
            "c": "only the special tokens",
        },
        "b",
        "completion_only_loss is on by default: the model learns to answer, not to write "
        "reviews; the masked example above shows the trained tokens.",
        "What did the cell that counted trained tokens print?",
    ),
    "12.3": Quiz(
        "Why can't chapter 09's word highlights be computed for the generated answers in the "
        "same way?",
        {
            "a": "they need a probability per keyword to perturb, which a classifier gives and "
            "free text does not",
            "b": "generation is too fast",
            "c": "the tokenizer is different",
        },
        "a",
        "Occlusion measures how a keyword's probability drops when a word is masked; a "
        "generated answer has no such number unless you compute sequence probabilities.",
        "What did chapter 09 measure when it masked each word?",
    ),
    "12.4": Quiz(
        "In DPO, what keeps the policy from drifting far from the SFT model?",
        {
            "a": "a reward model",
            "b": "the rewards are measured against a frozen reference model, weighted by beta",
            "c": "gradient clipping",
        },
        "b",
        "Each reward is beta × (log-probability under the policy − under the reference): a "
        "larger beta holds the policy closer to the reference.",
        "What does DPOConfig's beta multiply?",
    ),
    "12.5": Quiz(
        "Which method needs reward *functions* you write in Python and samples answers during "
        "training?",
        {
            "a": "SFT",
            "b": "DPO",
            "c": "GRPO",
        },
        "c",
        "GRPO samples a group of answers per prompt and scores them with reward functions; DPO "
        "learns from fixed pairs, SFT from fixed answers.",
        "Which trainer did the Try it write a function for?",
    ),
}
