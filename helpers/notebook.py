"""`setup_notebook()`: the first cell of every lesson (mode, seeds, versions, device).

Tiny mode exists so that saved outputs can be compared: there the setup pins one torch thread,
hides warnings, progress bars and load reports. Full mode is the real course: every core,
progress bars, and the warnings a learner should read.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

from helpers import environment
from helpers.libraries import COURSE_LIBRARIES
from helpers.mode import go_offline, resolve_mode
from helpers.paths import data_dir, run_dir

__all__ = ["CourseConfig", "setup_notebook"]


@dataclass(frozen=True)
class CourseConfig:
    """What a notebook needs to know about its run: mode, seed, device and where to write."""

    mode: str
    seed: int
    device: str
    run_dir: Path
    gpus: int = 0

    @property
    def tiny(self) -> bool:
        """True in tiny mode (offline stand-ins; scores describe the course's small data only)."""
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
    for name in COURSE_LIBRARIES:
        try:
            parts.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            parts.append(f"{name} (not installed)")
    return ", ".join(parts)


def seed_everything(seed: int) -> None:
    """Seed Python, NumPy and torch on every device: what `transformers.set_seed` does, without
    importing the Trainer's module (and peft with it, 3 s) before a lesson asks for them."""
    import numpy as np
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)  # seeds the CPU and every CUDA device


QUIET_VARIABLES = {
    "DATASETS_VERBOSITY": "error",
    "HF_DATASETS_DISABLE_PROGRESS_BARS": "1",
    "EVALUATE_VERBOSITY": "error",
}


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
    """The first cell of every lesson: resolve the mode, seed everything, print mode, versions
    and device.

    Tiny mode also pins one torch thread and hides warnings, progress bars and load reports so
    that the saved outputs stay comparable; full mode leaves all of them on.

    Args:
        seed: seeds Python, NumPy and torch (as `transformers.set_seed` does).
        chapter: the lesson's name, e.g. "03_trainer_mrpc": its runs write under
            `runs/<mode>/<chapter>/`, so runs in different modes never share a folder.

    Returns:
        A frozen `CourseConfig`: mode, seed, device ("cuda" or "cpu"), run_dir, gpus, and the
        derived `tiny`, `fp16` and `mixed_precision`.

    Raises:
        CourseError: COURSE_MODE is neither tiny nor full, or the course's data folder is missing
        (a non-editable install).
    """
    data_dir()  # fails at once, with the fix, when the course's files are not there
    mode, reason = resolve_mode()
    os.environ["COURSE_MODE"] = mode
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    if mode == "tiny":
        go_offline()
        quiet_tiny_mode()
    import torch

    seed_everything(seed)
    gpus = torch.cuda.device_count()  # counts devices without initialising CUDA (05 forks later)
    device = "cuda" if gpus and torch.cuda.is_available() else "cpu"
    config = CourseConfig(
        mode,
        seed,
        device,
        run_dir(mode, chapter) if chapter else run_dir(mode),
        gpus if device == "cuda" else 0,
    )
    print(f"Mode: {mode} ({reason}). {_mode_note(mode)}")
    print(f"Versions: {versions()}")
    if mode == "full":
        print(device_note(config))
    return config


def quiet_tiny_mode() -> None:
    """Tiny mode only: one torch thread, no warnings, progress bars or load reports.

    One thread because the thread count changes the bits of a result (COURSE_TINY_THREADS=N
    changes it: the portability check does on CPUs without a second code path);
    COURSE_WARNINGS=1 keeps the warnings (the upgrade canary sets it).
    """
    import torch

    if environment.read("COURSE_WARNINGS") != "1":
        warnings.filterwarnings("ignore")
    torch.set_num_threads(int(environment.read("COURSE_TINY_THREADS") or 1))
    quiet_libraries()


def gpu_name() -> str:
    """The first GPU's name from `nvidia-smi` (asking torch would initialise CUDA), or ""."""
    if not shutil.which("nvidia-smi"):
        return ""
    try:
        done = subprocess.run(
            ["nvidia-smi", "--query-gpu=name", "--format=csv,noheader"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    names = done.stdout.strip().splitlines() if done.returncode == 0 else []
    return names[0] if names else ""


def device_note(config: CourseConfig) -> str:
    """Full mode: what the device means for training, and how to get a GPU when there is none."""
    import torch

    if config.device == "cuda":
        name = gpu_name() or "CUDA GPU"
        count = f"{config.gpus} GPUs ({name})" if config.gpus > 1 else f"GPU: {name}"
        return (
            f"{count}. Training uses fp16 mixed precision (course.fp16 is True; "
            "TrainingArguments(fp16=course.fp16))."
        )
    return (
        f"No GPU: training runs on {torch.get_num_threads()} CPU threads with the course's CPU "
        "settings (a subset of the training data, fewer epochs; helpers.settings says which). "
        "In Colab, Runtime > Change runtime type > T4 GPU, then run the notebook again."
    )


def _mode_note(mode: str) -> str:
    """One line telling the learner what the mode means for the numbers they will see."""
    if mode == "tiny":
        return (
            "Tiny offline stand-ins trained on the course's own small data: code and shapes "
            "are real; scores describe that data, not the real benchmarks."
        )
    return "Real checkpoints and data from the Hugging Face Hub."
