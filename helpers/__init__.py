"""What the course notebooks import: mode, checkpoints, data, metrics, plots, exercises and checks.

The top level is lazy (PEP 562 `__getattr__`): `import helpers` loads no torch, matplotlib,
datasets or evaluate; each name loads its module on first use, after `setup_notebook()` has set
the offline variables. Maintainer commands live in the separate `tools` package, which nothing
here imports.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

# Public name -> the module that defines it.
_EXPORTS = {
    "CARD_TEMPLATE": "cards",
    "card_results": "cards",
    "hyperparameters": "cards",
    "checkpoint": "checkpoints",
    "course_text": "data",
    "load_dataset": "data",
    "show_metrics": "display",
    "tidy_metrics": "display",
    "CourseError": "errors",
    "quiz": "exercises",
    "check_softmax": "exercises.ch01",
    "check_span": "exercises.ch01",
    "check_padded_batch": "exercises.ch02",
    "check_pair_encoding": "exercises.ch02",
    "check_single_sentence": "exercises.ch03",
    "check_linear_lr": "exercises.ch04",
    "check_batches_per_process": "exercises.ch05",
    "check_lora_config": "exercises.ch06",
    "check_card_results": "exercises.ch07",
    "check_masked_count": "exercises.ch08",
    "check_perplexity": "exercises.ch08",
    "folder_size": "files",
    "show_files": "files",
    "compute_metrics_for": "finetune",
    "prepare_glue": "finetune",
    "settings": "finetune",
    "train_subset": "finetune",
    "hub_ready": "hub",
    "LaunchPlan": "launch",
    "launch_plan": "launch",
    "load_metric": "metrics",
    "CourseConfig": "notebook",
    "setup_notebook": "notebook",
    "free_port": "paths",
    "run_dir": "paths",
    "ASPECTS": "reviews",
    "LEVELS": "reviews",
    "keyword_matrix": "reviews",
    "load_reviews": "reviews",
    "parse_labels": "reviews",
    "sentiment_pairs": "reviews",
    "bar_probabilities": "plots",
    "bars": "plots",
    "compare_bars": "plots",
    "confusion_matrix": "plots",
    "histogram": "plots",
    "loss_curve": "plots",
    "check_new_keyword": "exercises.ch09",
    "highlight_html": "highlights",
    "top_words": "highlights",
    "word_importance": "highlights",
    "ASPECTS_EN": "review_models",
    "LEVELS_EN": "review_models",
    "SavedReviewModels": "review_models",
    "ReviewModels": "review_models",
    "review_models_dir": "review_models",
    "review_scores": "review_models",
    "class_weights": "review_models",
    "review_settings": "review_models",
    "loss_curves": "plots",
    "learning_curves": "plots",
    "scatter": "plots",
    "load_unlabelled": "reviews",
    "check_reviews": "reviews",
    "data_dir": "paths",
    "check_margin_selection": "exercises.ch10",
    "check_pruned": "exercises.ch11",
    "require_extra": "extras",
    "InstructionSettings": "instructions",
    "instruction_settings": "instructions",
    "log_curves": "plots",
    "check_format_reward": "exercises.ch12",
}

__all__ = [  # noqa: RUF022 - the names of _EXPORTS in plain sorted() order (a test checks)
    "ASPECTS",
    "ASPECTS_EN",
    "CARD_TEMPLATE",
    "CourseConfig",
    "CourseError",
    "InstructionSettings",
    "LEVELS",
    "LEVELS_EN",
    "LaunchPlan",
    "ReviewModels",
    "SavedReviewModels",
    "bar_probabilities",
    "bars",
    "card_results",
    "check_batches_per_process",
    "check_card_results",
    "check_format_reward",
    "check_linear_lr",
    "check_lora_config",
    "check_margin_selection",
    "check_masked_count",
    "check_new_keyword",
    "check_padded_batch",
    "check_pair_encoding",
    "check_perplexity",
    "check_pruned",
    "check_reviews",
    "check_single_sentence",
    "check_softmax",
    "check_span",
    "checkpoint",
    "class_weights",
    "compare_bars",
    "compute_metrics_for",
    "confusion_matrix",
    "course_text",
    "data_dir",
    "folder_size",
    "free_port",
    "highlight_html",
    "histogram",
    "hub_ready",
    "hyperparameters",
    "instruction_settings",
    "keyword_matrix",
    "launch_plan",
    "learning_curves",
    "load_dataset",
    "load_metric",
    "load_reviews",
    "load_unlabelled",
    "log_curves",
    "loss_curve",
    "loss_curves",
    "parse_labels",
    "prepare_glue",
    "quiz",
    "require_extra",
    "review_models_dir",
    "review_scores",
    "review_settings",
    "run_dir",
    "scatter",
    "sentiment_pairs",
    "settings",
    "setup_notebook",
    "show_files",
    "show_metrics",
    "tidy_metrics",
    "top_words",
    "train_subset",
    "word_importance",
]


def __getattr__(name: str):
    """Load the module that defines `name` on first use (PEP 562)."""
    if name not in _EXPORTS:
        raise AttributeError(f"module 'helpers' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"helpers.{_EXPORTS[name]}"), name)
    globals()[name] = value  # later look-ups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


if TYPE_CHECKING:  # names for editors and type checkers; never executed
    from helpers.cards import CARD_TEMPLATE, card_results, hyperparameters
    from helpers.checkpoints import checkpoint
    from helpers.data import course_text, load_dataset
    from helpers.display import show_metrics, tidy_metrics
    from helpers.errors import CourseError
    from helpers.exercises import quiz
    from helpers.exercises.ch01 import check_softmax, check_span
    from helpers.exercises.ch02 import check_padded_batch, check_pair_encoding
    from helpers.exercises.ch03 import check_single_sentence
    from helpers.exercises.ch04 import check_linear_lr
    from helpers.exercises.ch05 import check_batches_per_process
    from helpers.exercises.ch06 import check_lora_config
    from helpers.exercises.ch07 import check_card_results
    from helpers.exercises.ch08 import check_masked_count, check_perplexity
    from helpers.exercises.ch09 import check_new_keyword
    from helpers.exercises.ch10 import check_margin_selection
    from helpers.exercises.ch11 import check_pruned
    from helpers.exercises.ch12 import check_format_reward
    from helpers.extras import require_extra
    from helpers.files import folder_size, show_files
    from helpers.finetune import compute_metrics_for, prepare_glue, settings, train_subset
    from helpers.highlights import highlight_html, top_words, word_importance
    from helpers.hub import hub_ready
    from helpers.instructions import (
        InstructionSettings,
        instruction_settings,
    )
    from helpers.launch import LaunchPlan, launch_plan
    from helpers.metrics import load_metric
    from helpers.notebook import CourseConfig, setup_notebook
    from helpers.paths import data_dir, free_port, run_dir
    from helpers.plots import (
        bar_probabilities,
        bars,
        compare_bars,
        confusion_matrix,
        histogram,
        learning_curves,
        log_curves,
        loss_curve,
        loss_curves,
        scatter,
    )
    from helpers.review_models import (
        ASPECTS_EN,
        LEVELS_EN,
        ReviewModels,
        SavedReviewModels,
        class_weights,
        review_models_dir,
        review_scores,
        review_settings,
    )
    from helpers.reviews import (
        ASPECTS,
        LEVELS,
        check_reviews,
        keyword_matrix,
        load_reviews,
        load_unlabelled,
        parse_labels,
        sentiment_pairs,
    )
