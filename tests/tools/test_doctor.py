"""The environment doctor and the checksum manifest of the tiny checkpoints, on both outcomes."""

import shutil

import pytest

from helpers.paths import tiny_checkpoints_dir
from tools import doctor, manifest


def test_manifest_matches_the_committed_checkpoints():
    problems = manifest.verify()
    assert manifest.read_manifest() and not any(problems.values()), (
        f"{problems}: run `python -m tools.manifest` after rebuilding checkpoints"
    )


@pytest.fixture
def checkpoint_copy(tmp_path):
    """A copy of one tiny checkpoint with its own manifest."""
    folder = tmp_path / "checkpoints"
    shutil.copytree(tiny_checkpoints_dir() / "openai-community--gpt2", folder / "gpt2")
    manifest.write_manifest(folder)
    return folder


def test_manifest_reports_changed_missing_and_unlisted_files(checkpoint_copy):
    assert doctor.check_checkpoints(checkpoint_copy).status == "OK"
    (checkpoint_copy / "gpt2" / "config.json").write_text("{}")
    (checkpoint_copy / "gpt2" / "tokenizer.json").unlink()
    (checkpoint_copy / "gpt2" / "extra.bin").write_bytes(b"x")
    assert manifest.verify(checkpoint_copy) == {
        "changed": ["gpt2/config.json"],
        "missing": ["gpt2/tokenizer.json"],
        "unlisted": ["gpt2/extra.bin"],
    }
    row = doctor.check_checkpoints(checkpoint_copy)
    assert row.status == "FAIL" and "gpt2/config.json" in row.detail


def test_no_manifest_fails(tmp_path):
    assert doctor.check_checkpoints(tmp_path).status == "FAIL"


@pytest.mark.parametrize(
    "installed, status",
    [("5.23.0", "OK"), ("2.13.0+cpu", "OK"), ("5.24.1", "WARN"), ("5.9.0", "FAIL"), (None, "FAIL")],
)
def test_package_against_its_pin(installed, status):
    pinned = "2.13.0" if installed and "+" in installed else "5.23.0"
    assert doctor.check_package("transformers", pinned, installed).status == status


def test_python_versions():
    assert doctor.check_python((3, 11)).status == "OK"
    assert doctor.check_python((3, 12)).status == "WARN"
    assert doctor.check_python((3, 9)).status == "FAIL"
    assert doctor.check_python((3, 10)).status == "FAIL"  # the lock's numpy and pandas need 3.11


def test_torch_build_in_words():
    assert doctor.torch_build("2.13.0+cpu", None, False) == "2.13.0+cpu, CPU build"
    assert doctor.torch_build("2.13.0+cu128", "12.8", False) == "2.13.0+cu128, CUDA 12.8 build"
    assert doctor.torch_build("2.13.0", None, True) == "2.13.0, macOS build with MPS"


def test_this_torch_build_is_reported():
    import torch

    row = doctor.check_torch_build()
    assert row.name == "torch build" and torch.__version__ in row.detail


def test_mode_rows(monkeypatch):
    monkeypatch.setenv("COURSE_MODE", "full")
    monkeypatch.delenv("COURSE_MODELS_DIR", raising=False)
    assert doctor.check_mode(reachable=False).status == "FAIL"
    assert doctor.check_mode(reachable=True).status == "OK"
    monkeypatch.setenv("COURSE_MODE", "medium")
    assert doctor.check_mode(reachable=True).status == "FAIL"
    monkeypatch.setenv("COURSE_MODE", "tiny")
    assert doctor.check_mode(reachable=False).detail == "tiny (set by COURSE_MODE)"


def test_run_folder_row(monkeypatch, tmp_path):
    monkeypatch.setenv("COURSE_RUN_DIR", str(tmp_path / "runs"))
    assert doctor.check_run_folder().status == "OK"
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("COURSE_RUN_DIR", str(blocker / "runs"))
    assert doctor.check_run_folder().status == "FAIL"


@pytest.fixture
def offline_doctor(monkeypatch, tmp_path):
    """The doctor with no network probe, writing its probe file under tmp_path."""
    monkeypatch.setattr("helpers.mode.hub_reachable", lambda timeout=2.0: False)
    monkeypatch.setenv("COURSE_RUN_DIR", str(tmp_path / "runs"))
    monkeypatch.setenv("COURSE_MODE", "tiny")


def test_doctor_passes_here_and_exits_0(offline_doctor, capsys):
    assert doctor.main([]) == 0
    out = capsys.readouterr().out
    for name in (
        "python",
        "transformers",
        "torch threads",
        "gpu",
        "hub",
        "mode",
        "run folder",
        "tiny checkpoints",
    ):
        assert f"  {name} " in out
    assert "WARN  hub" in out and "All " in out


def test_doctor_fails_with_exit_1_on_a_missing_package(
    offline_doctor, monkeypatch, tmp_path, capsys
):
    lock = tmp_path / "lock.txt"
    lock.write_text("# pins\nno-such-package-xyz==1.0\ntorch==2.13.0\n")
    pins = doctor.lock_pins(lock)
    monkeypatch.setattr(doctor, "lock_pins", lambda: pins)
    assert doctor.main(["--all"]) == 1
    out = capsys.readouterr().out
    assert "FAIL  no-such-package-xyz" in out and "1 check(s) failed: no-such-package-xyz" in out


@pytest.mark.parametrize("masked", ["torch", "transformers"])
def test_the_doctor_reports_a_broken_library_as_a_fail_row(masked, tmp_path):
    import os
    import subprocess
    import sys

    from helpers.paths import REPO_ROOT

    (tmp_path / masked).mkdir()
    (tmp_path / masked / "__init__.py").write_text(f"raise ImportError('{masked} is masked')\n")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(REPO_ROOT)]),
        "COURSE_MODE": "tiny",
    }
    done = subprocess.run(
        [sys.executable, "-m", "tools.doctor"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 1, done.stderr[-2000:]
    rows = done.stdout.splitlines()
    assert any(r.startswith("FAIL") and f"import {masked}" in r and "masked" in r for r in rows)
    assert any("tiny checkpoints" in r for r in rows) and any(" python " in r for r in rows)
    assert "Traceback" not in done.stderr


def test_key_packages_are_shown_whatever_their_spelling_in_the_lock():
    rows = doctor.check_packages({"huggingface-hub": "0.0.1", "zzz-other": "1.0"})
    assert [r.name for r in rows] == ["huggingface-hub", "zzz-other"]  # both differ from the pin
    assert doctor.canonical("huggingface_hub") == doctor.canonical("Huggingface-Hub")
