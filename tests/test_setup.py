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
    assert config.run_dir == tmp_path / "99_test" and config.run_dir.is_dir()
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


def test_versions_lists_each_library():
    line = versions()
    for name in ("transformers", "datasets", "evaluate", "accelerate", "peft", "torch"):
        assert f"{name} " in line
