"""Chapter 05: the script runs as two real processes, and its functions are the notebook's."""

import ast
import os
import subprocess
import sys

import pytest

from helpers.paths import REPO_ROOT as REPO
from helpers.paths import free_port
from tools.export_script import EXPORTS, generate

SCRIPT = REPO / "scripts" / "accelerate_mrpc.py"
SHARED = [
    "make_dataloaders",
    "train_one_epoch",
    "evaluate",
    "report_ranks",
    "report_parameters",
    "save_trained",
    "training_function",
]


def test_the_script_is_generated_from_the_notebook_and_current():
    text = generate(EXPORTS[SCRIPT])
    assert SCRIPT.is_file() and SCRIPT.read_text(encoding="utf-8") == text, (
        "scripts/accelerate_mrpc.py is stale or edited by hand: run `make scripts`"
    )
    tree = ast.parse(text)
    defined = [node.name for node in tree.body if isinstance(node, ast.FunctionDef)]
    assert defined == [*SHARED, "main"]


def test_a_source_without_export_cells_is_refused(tmp_path):
    source = tmp_path / "99_none.py"
    source.write_text("# %%\nprint(1)\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no cell tagged 'export'"):
        generate(source)


def test_accelerate_launch_runs_two_processes(tmp_path):
    env = {
        **os.environ,
        "COURSE_MODE": "tiny",
        "HF_HUB_OFFLINE": "1",
        "COURSE_RUN_DIR": str(tmp_path),
        "TRANSFORMERS_VERBOSITY": "error",
        "HF_DATASETS_DISABLE_PROGRESS_BARS": "1",
    }
    command = [
        sys.executable,
        "-m",
        "accelerate.commands.launch",
        "--multi_gpu",
        "--num_processes",
        "2",
        "--num_machines",
        "1",
        "--mixed_precision",
        "no",
        "--dynamo_backend",
        "no",
        "--main_process_port",
        str(free_port()),
        str(SCRIPT),
        "--cpu",
    ]
    done = subprocess.run(
        command, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False
    )
    out = done.stdout
    assert done.returncode == 0, done.stderr[-3000:]
    assert "processes: 2, distributed type: DistributedType.MULTI_CPU" in out
    assert "rank 0: 11 batches" in out and "rank 1: 11 batches" in out
    firsts = [
        line.split("first examples")[1] for line in out.splitlines() if "first examples" in line
    ]
    assert len(firsts) == 2 and firsts[0] != firsts[1]
    assert "identical parameters on every rank: True" in out
    assert "epoch 2: last loss" in out and "'f1':" in out
    saved = tmp_path / "tiny" / "05_accelerate" / "script-model"
    assert (saved / "config.json").is_file() and (saved / "model.safetensors").is_file()
