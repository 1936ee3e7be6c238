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
from helpers.exercises.ch03 import check_single_sentence
from helpers.exercises.ch04 import check_linear_lr
from helpers.exercises.ch05 import check_batches_per_process
from helpers.exercises.ch06 import check_lora_config
from helpers.exercises.ch07 import check_card_results
from helpers.files import folder_size, show_files
from helpers.finetune import compute_metrics_for, prepare_glue, settings, train_subset
from helpers.hub import hub_ready
from helpers.launch import LaunchPlan, launch_plan
from helpers.metrics import load_metric
from helpers.notebook import CourseConfig, setup_notebook
from helpers.paths import free_port, run_dir
from helpers.plots import (
    bar_probabilities,
    bars,
    compare_bars,
    confusion_matrix,
    histogram,
    loss_curve,
)

__all__ = [
    "CARD_TEMPLATE", "CourseConfig", "CourseError", "LaunchPlan", "bar_probabilities", "bars",
    "card_results", "check_batches_per_process", "check_card_results", "check_linear_lr",
    "check_lora_config", "check_padded_batch", "check_pair_encoding", "check_single_sentence",
    "check_softmax", "check_span", "checkpoint", "compare_bars", "compute_metrics_for",
    "confusion_matrix", "course_text", "folder_size", "free_port", "histogram", "hub_ready",
    "hyperparameters", "launch_plan", "load_dataset", "load_metric", "loss_curve", "prepare_glue",
    "quiz", "run_dir", "settings", "setup_notebook", "show_files", "show_metrics", "tidy_metrics",
    "train_subset",
]
