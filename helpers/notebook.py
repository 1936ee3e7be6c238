"""`setup_notebook()`: the first cell of every lesson (mode, seeds, threads, quiet logs, versions)."""

from __future__ import annotations

import os
import random
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

from helpers.mode import go_offline, resolve_mode
from helpers.paths import run_dir

LIBRARIES = ("transformers", "datasets", "evaluate", "accelerate", "peft", "torch")


@dataclass(frozen=True)
class CourseConfig:
    """What a notebook needs to know about its run: mode, seed, device and where to write."""

    mode: str
    seed: int
    device: str
    run_dir: Path

    @property
    def tiny(self) -> bool:
        """True in tiny mode (offline stand-ins; numbers are not meaningful)."""
        return self.mode == "tiny"

    @property
    def fp16(self) -> bool:
        """Mixed precision: on for full-mode runs on a CUDA GPU."""
        return self.mode == "full" and self.device == "cuda"

    @property
    def mixed_precision(self) -> str:
        """The same choice in Accelerate's words: "fp16" or "no"."""
        return "fp16" if self.fp16 else "no"


def versions() -> str:
    """One line with the versions of the course's libraries."""
    from importlib.metadata import PackageNotFoundError, version

    parts = []
    for name in LIBRARIES:
        try:
            parts.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            parts.append(f"{name} (not installed)")
    return ", ".join(parts)


def seed_everything(seed: int) -> None:
    """Seed Python, NumPy and torch (via transformers.set_seed)."""
    from transformers import set_seed

    random.seed(seed)
    set_seed(seed)


QUIET_VARIABLES = {"DATASETS_VERBOSITY": "error", "HF_DATASETS_DISABLE_PROGRESS_BARS": "1",
                   "EVALUATE_VERBOSITY": "error"}


def quiet_libraries() -> None:
    """Errors only from the HF libraries' loggers; no progress bars or load reports.

    datasets and evaluate are quieted through their environment variables when not imported
    yet: importing them here cost every notebook about 2 s (evaluate imports the pipelines).
    """
    import transformers
    from huggingface_hub.utils import disable_progress_bars

    os.environ.update(QUIET_VARIABLES)
    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    if "datasets" in sys.modules:
        sys.modules["datasets"].logging.set_verbosity_error()
        sys.modules["datasets"].disable_progress_bars()
    if "evaluate" in sys.modules:
        sys.modules["evaluate"].logging.set_verbosity_error()
    disable_progress_bars()


def setup_notebook(seed: int = 42, chapter: str = "") -> CourseConfig:
    """Resolve the mode, seed everything, pin one torch thread, quiet logs; print mode and versions."""
    if os.environ.get("COURSE_WARNINGS") != "1":
        warnings.filterwarnings("ignore")  # COURSE_WARNINGS=1 shows them (the canary does)
    mode, reason = resolve_mode()
    os.environ["COURSE_MODE"] = mode
    if mode == "tiny":
        go_offline()
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import torch

    torch.set_num_threads(1)
    quiet_libraries()
    seed_everything(seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    config = CourseConfig(mode, seed, device, run_dir(chapter) if chapter else run_dir())
    print(f"Mode: {mode} ({reason}). {_mode_note(mode)}")
    print(f"Versions: {versions()}")
    if config.fp16:
        print(f"GPU: {torch.cuda.get_device_name(0)}. Training uses fp16 mixed precision "
              "(course.fp16 is True; TrainingArguments(fp16=course.fp16)).")
    return config


def _mode_note(mode: str) -> str:
    """One line telling the learner what the mode means for the numbers they will see."""
    if mode == "tiny":
        return "Tiny offline stand-ins: code and shapes are real, scores are not meaningful."
    return "Real checkpoints and data from the Hugging Face Hub."
