"""Plumbing shared by the course notebooks: mode, checkpoints, data, metrics, plots and checks.

Imports here are light; the heavy libraries load inside the functions that need them, after
`setup_notebook()` has set the offline variables.
"""

from helpers.cards import CARD_TEMPLATE, card_results, hyperparameters
from helpers.checkpoints import checkpoint
from helpers.data import course_text, load_dataset
from helpers.display import show_metrics, tidy_metrics
from helpers.errors import CourseError
from helpers.exercises import quiz
from helpers.exercises.ch01 import check_softmax, check_span
from helpers.exercises.ch02 import check_padded_batch, check_pair_encoding
from helpers.exercises.ch06 import check_lora_config
from helpers.exercises.ch07 import check_card_results
from helpers.files import folder_size, show_files
from helpers.finetune import compute_metrics_for, prepare_glue, settings
from helpers.hub import hub_ready
from helpers.metrics import load_metric
from helpers.notebook import CourseConfig, setup_notebook
from helpers.paths import run_dir
from helpers.plots import bar_probabilities, bars, compare_bars, histogram

__all__ = [
    "CARD_TEMPLATE", "CourseConfig", "CourseError", "bar_probabilities", "bars", "card_results",
    "check_card_results", "check_lora_config", "check_padded_batch", "check_pair_encoding", "check_softmax", "check_span",
    "checkpoint", "compare_bars", "compute_metrics_for", "course_text", "folder_size", "histogram",
    "hub_ready", "hyperparameters", "load_dataset", "load_metric", "prepare_glue", "quiz", "run_dir",
    "settings", "setup_notebook", "show_files", "show_metrics", "tidy_metrics",
]
