import dataclasses

import pytest
import torch

from helpers import setup_notebook
from helpers.errors import CourseError
from helpers.notebook import versions


def test_setup_notebook_in_tiny_mode(tiny, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("COURSE_RUN_DIR", str(tmp_path))
    monkeypatch.delenv("HF_EVALUATE_OFFLINE", raising=False)
    config = setup_notebook(seed=7, chapter="99_test")
    out = capsys.readouterr().out
    assert config.mode == "tiny" and config.tiny and config.seed == 7 and not config.fp16
    assert config.run_dir == tmp_path / "tiny" / "99_test" and config.run_dir.is_dir()
    assert torch.get_num_threads() == 1
    assert out.startswith("Mode: tiny (set by COURSE_MODE).")
    assert "transformers 5." in out
    import os

    assert os.environ["HF_EVALUATE_OFFLINE"] == "1"
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.mode = "full"


def test_setup_seeds_torch(tiny, monkeypatch, tmp_path):
    monkeypatch.setenv("COURSE_RUN_DIR", str(tmp_path))
    setup_notebook(seed=3)
    first = torch.rand(3)
    setup_notebook(seed=3)
    assert torch.equal(first, torch.rand(3))


def test_setup_rejects_a_bad_mode(monkeypatch):
    monkeypatch.setenv("COURSE_MODE", "medium")
    with pytest.raises(CourseError, match="COURSE_MODE='medium'"):
        setup_notebook()


def test_versions_lists_each_library_with_its_installed_version():
    import re
    from importlib.metadata import version

    from helpers.libraries import COURSE_LIBRARIES

    line = versions()
    assert "not installed" not in line
    for name in COURSE_LIBRARIES:
        assert re.search(rf"\b{name} {re.escape(version(name))}(,|$)", line), (name, line)


def test_full_mode_on_a_gpu_turns_on_fp16_and_says_so(full, monkeypatch, tmp_path, capsys):
    import helpers.notebook

    monkeypatch.setenv("COURSE_RUN_DIR", str(tmp_path))
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 1)
    monkeypatch.setattr(helpers.notebook, "gpu_name", lambda: "Tesla T4")
    config = setup_notebook()
    assert config.fp16 and config.mixed_precision == "fp16" and config.device == "cuda"
    assert config.gpus == 1
    assert "GPU: Tesla T4. Training uses fp16 mixed precision" in capsys.readouterr().out


def test_full_mode_without_a_gpu_says_how_to_get_one(full, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("COURSE_RUN_DIR", str(tmp_path))
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 0)
    config = setup_notebook(chapter="99_test")
    out = capsys.readouterr().out
    assert config.device == "cpu" and config.gpus == 0 and not config.fp16
    assert "No GPU" in out and "Change runtime type" in out
    assert config.run_dir == tmp_path / "full" / "99_test"


def run_setup(mode: str, tmp_path) -> list[str]:
    """setup_notebook in a fresh interpreter: torch threads, warning filter, progress bars."""
    import os
    import subprocess
    import sys

    code = (
        "import warnings, torch, helpers, transformers; helpers.setup_notebook(); "
        "from huggingface_hub.utils import are_progress_bars_disabled; "
        "print(torch.get_num_threads()); "
        "print(any(f[0] == 'ignore' and f[1] is None and f[2] is Warning "
        "for f in warnings.filters)); "
        "print(are_progress_bars_disabled())"
    )
    env = {**os.environ, "COURSE_MODE": mode, "COURSE_RUN_DIR": str(tmp_path)}
    env.pop("COURSE_WARNINGS", None)
    done = subprocess.run(
        [sys.executable, "-c", code],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-3:]


def test_only_tiny_mode_pins_one_thread_and_hides_warnings_and_progress(tmp_path):
    import os

    assert run_setup("tiny", tmp_path) == ["1", "True", "True"]
    threads, hidden, bars_off = run_setup("full", tmp_path)
    assert int(threads) == torch.get_num_threads() or int(threads) >= min(2, os.cpu_count())
    assert (hidden, bars_off) == ("False", "False")


def test_cpu_and_tiny_runs_stay_in_fp32(tiny, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("COURSE_RUN_DIR", str(tmp_path))
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    config = setup_notebook()
    assert not config.fp16 and config.mixed_precision == "no"
    assert "fp16" not in capsys.readouterr().out


def test_setup_does_not_import_evaluate_or_datasets(tmp_path):
    import os
    import subprocess
    import sys

    code = (
        "import sys, helpers; helpers.setup_notebook(); "
        "print(sorted(m for m in ('datasets', 'evaluate') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        check=False,
        capture_output=True,
        text=True,
        env={**os.environ, "COURSE_MODE": "tiny", "COURSE_RUN_DIR": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("[]")
