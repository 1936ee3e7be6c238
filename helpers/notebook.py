"""`setup_notebook()`: the first cell of every lesson (mode, seeds, threads, quiet logs, versions)."""

from __future__ import annotations

import os
import random
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


def quiet_libraries() -> None:
    """Errors only from the HF libraries' loggers; no progress bars or load reports."""
    import datasets
    import evaluate
    import transformers
    from huggingface_hub.utils import disable_progress_bars

    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    datasets.logging.set_verbosity_error()
    datasets.disable_progress_bars()
    evaluate.logging.set_verbosity_error()
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
    return config


def _mode_note(mode: str) -> str:
    """One line telling the learner what the mode means for the numbers they will see."""
    if mode == "tiny":
        return "Tiny offline stand-ins: code and shapes are real, scores are not meaningful."
    return "Real checkpoints and data from the Hugging Face Hub."
