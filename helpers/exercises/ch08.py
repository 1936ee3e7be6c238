"""Checks and quiz of chapter 08 (pretraining from scratch)."""

from __future__ import annotations

import math
import numbers

from helpers.exercises.core import NOT_ANSWERED, Quiz, Verdict, unanswered, verdict

__all__ = ["check_masked_count", "check_perplexity"]


def check_masked_count(batch, answer) -> Verdict:
    """Pass when `answer` is the number of positions of `batch` whose label is not -100."""
    if unanswered(answer):
        return verdict(False, NOT_ANSWERED)
    labels = batch["labels"]
    right = int((labels != -100).sum())
    if isinstance(answer, bool) or not isinstance(answer, numbers.Integral):
        if hasattr(answer, "numel") and answer.numel() == 1:
            return verdict(False, "Turn the one-element tensor into a number with int(...).")
        return verdict(False, f"Expected an int, got {type(answer).__name__}.")
    if answer == right:
        return verdict(
            True,
            "The labelled positions are where the loss is computed, and nowhere else.",
        )
    if answer == labels.numel():
        return verdict(False, "That is every position: count only those whose label is not -100.")
    if answer == labels.numel() - right:
        return verdict(False, "That is the ignored positions (-100): count the others.")
    return verdict(
        False, "Count the positions where batch['labels'] is not -100 (compare, then sum)."
    )


def check_perplexity(eval_loss: float, answer) -> Verdict:
    """Pass when `answer` is exp(`eval_loss`), to a relative tolerance of 1e-6."""
    if unanswered(answer):
        return verdict(False, NOT_ANSWERED)
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        return verdict(False, f"Expected a number, got {type(answer).__name__}.")
    right = math.exp(eval_loss)
    if math.isclose(answer, right, rel_tol=1e-6):
        return verdict(
            True,
            "e to the power of the loss: the model hesitates as if between about that many "
            "equally likely tokens.",
        )
    if eval_loss > 0 and math.isclose(answer, math.log(eval_loss), rel_tol=1e-6):
        return verdict(False, "That is the logarithm: perplexity goes the other way, exp(loss).")
    if math.isclose(answer, 2**eval_loss, rel_tol=1e-6):
        return verdict(False, "The loss is in nats (natural log), so use e, not 2: math.exp(loss).")
    return verdict(False, "Perplexity is e to the power of the mean loss: math.exp(loss).")


QUIZZES = {
    "08.1": Quiz(
        "Why does `vocab_size` in BertConfig have to equal len(tokenizer)?",
        {
            "a": "it sets how many attention heads the model has",
            "b": "the embedding table has one row per token id: a larger id than it has rows "
            "fails, and rows no id ever uses are wasted",
            "c": "the Trainer refuses to train otherwise, but the model would work",
            "d": "it only matters for saving the model",
        },
        "b",
        "Token ids index the embedding table (and the masked-LM head's output): the tokenizer "
        "and the model must agree on the numbering.",
        "Think of what the model does first with an input id.",
    ),
    "08.2": Quiz(
        "DataCollatorForLanguageModeling picked 100 positions of a batch to predict. About how "
        "many of them are `[MASK]` in the inputs?",
        {
            "a": "15",
            "b": "100: all of them",
            "c": "about 80; about 10 are random tokens and about 10 keep their token",
            "d": "about 50",
        },
        "c",
        "The 15% is the share of positions picked; of the picked ones 80% become [MASK], 10% a "
        "random token and 10% stay, so the model learns to predict every token, masked or not.",
        "Read the counts printed under the masked batch.",
    ),
    "08.3": Quiz(
        "An untrained masked LM has an eval loss of about 6.9 with a vocabulary of 1,000 "
        "tokens. What perplexity does that mean, and why?",
        {
            "a": "about 1,000: exp(6.9), a guess spread evenly over the whole vocabulary",
            "b": "6.9: perplexity is the loss",
            "c": "about 0.001: one over the vocabulary size",
            "d": "about 100: the square of the loss",
        },
        "a",
        "Perplexity = exp(loss); a uniform guess over V tokens has loss ln(V), so perplexity V. "
        "Training brings it far below the vocabulary size.",
        "Perplexity is e to the power of the mean loss; ln(1000) is 6.9.",
    ),
    "08.4": Quiz(
        "Why group the corpus into blocks of block_size tokens instead of truncating each "
        "paragraph?",
        {
            "a": "the model cannot read single paragraphs",
            "b": "it makes the tokenizer faster",
            "c": "blocks are shuffled less",
            "d": "nothing is thrown away but one short remainder, and every block is full, so no "
            "compute is spent on padding",
        },
        "d",
        "Truncation drops every token past the limit of each paragraph; concatenating and "
        "cutting keeps all the text and fills every position.",
        "Compare the tokens kept by truncation with the number of blocks after grouping.",
    ),
    "08.5": Quiz(
        "You have a pretrained English BERT and 200 MB of English customer reviews. What is the "
        "usual first step to get a good review model?",
        {
            "a": "pretrain a new BERT from scratch on the reviews",
            "b": "continue the masked-LM pretraining of the BERT on the reviews, then fine-tune",
            "c": "train a new tokenizer and keep the model's weights",
            "d": "nothing can help: the model was trained on other text",
        },
        "b",
        "Domain adaptation keeps what the model already knows and adds the domain's words and "
        "style; 200 MB is far too little to pretrain a BERT from scratch. A new tokenizer would "
        "renumber the tokens and make the trained embeddings meaningless.",
        "Look at what happened to the review perplexity in the domain-adaptation section.",
    ),
    "08.6": Quiz(
        "What did RoBERTa change about BERT's next-sentence prediction (NSP)?",
        {
            "a": "it dropped NSP, training on contiguous text with the masked LM only, and "
            "matched or beat BERT downstream",
            "b": "it replaced NSP with a causal language-model loss",
            "c": "it made NSP predict the next word instead of the next sentence",
            "d": "nothing: RoBERTa kept both of BERT's tasks",
        },
        "a",
        "Liu et al. (2019) found NSP unnecessary: inputs filled with contiguous sentences and "
        "the masked-LM loss alone did as well or better.",
        "Read the NSP paragraph near the end of the lesson.",
    ),
    "08.7": Quiz(
        "A GPT-2 generates with do_sample=False. What does it do at each step?",
        {
            "a": "draws the next token at random from the top 50",
            "b": "takes the single most likely next token (greedy), so the same prompt always "
            "gives the same text",
            "c": "masks one token and predicts it",
            "d": "picks the next token with the lowest repetition penalty",
        },
        "b",
        "Without sampling, generate is greedy: argmax at every step. Sampling "
        "(do_sample=True, with temperature, top_k, top_p) draws from the distribution instead.",
        "Compare the greedy and the sampling lines of the generation cell.",
    ),
}
