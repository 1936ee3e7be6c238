"""folder_size/show_files, the comparison chart, and the LoRA config check of lesson 06."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pytest
from peft import LoraConfig, TaskType

from helpers import check_lora_config, checkpoint, compare_bars, folder_size, quiz, show_files
from helpers.exercises.ch06 import adaptable_names


def test_folder_size_and_listing(tmp_path, capsys):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.safetensors").write_bytes(b"x" * 2048)
    (tmp_path / "sub" / "b.json").write_bytes(b"y" * 1024)
    assert folder_size(tmp_path) == 3072
    assert folder_size(tmp_path, "*.safetensors") == 2048
    assert folder_size(tmp_path / "sub" / "b.json") == 1024
    show_files(tmp_path)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["a.safetensors", "2.0", "KiB"] and lines[-1].split() == [
        "total",
        "3.0",
        "KiB",
    ]


def test_compare_bars_one_panel_per_measure():
    compare_bars(
        {"full": {"params": 1000, "F1": 0.8}, "LoRA": {"params": 10, "F1": 0.7}},
        "t",
        log=["params"],
    )
    axes = plt.gcf().axes
    assert [ax.get_title() for ax in axes] == ["params", "F1"]
    assert axes[0].get_yscale() == "log" and len(axes[1].patches) == 2
    plt.close("all")


@pytest.fixture(scope="module")
def distil():
    from transformers import AutoModelForSequenceClassification

    return AutoModelForSequenceClassification.from_pretrained(
        checkpoint("distilbert-base-uncased", mode="tiny"), num_labels=2
    )


def test_distilbert_layer_names(distil):
    assert {"q_lin", "k_lin", "v_lin", "out_lin"} <= adaptable_names(distil)
    assert "query" not in adaptable_names(distil)


def test_lora_check(distil, capsys):
    assert not check_lora_config(distil, None)
    assert not check_lora_config(distil, {"r": 8})
    assert not check_lora_config(distil, LoraConfig(r=8, target_modules=["q_lin", "v_lin"]))
    assert "SEQ_CLS" in capsys.readouterr().out
    assert not check_lora_config(
        distil, LoraConfig(task_type=TaskType.SEQ_CLS, r=8, target_modules=["query", "value"])
    )
    assert "not layer names" in capsys.readouterr().out
    assert not check_lora_config(
        distil, LoraConfig(task_type=TaskType.SEQ_CLS, r=8, target_modules=["lin1", "lin2"])
    )
    assert "attention" in capsys.readouterr().out
    good = LoraConfig(task_type=TaskType.SEQ_CLS, r=4, target_modules=["q_lin", "v_lin"])
    assert check_lora_config(distil, good)
    assert "a small share trains" in capsys.readouterr().out
    assert not any("lora" in name for name, _ in distil.named_modules())  # the model is untouched
    every = ["q_lin", "k_lin", "v_lin", "out_lin", "lin1", "lin2"]
    big = LoraConfig(task_type=TaskType.SEQ_CLS, r=64, target_modules=every)
    assert not check_lora_config(distil, big)
    assert "should leave most frozen" in capsys.readouterr().out


@pytest.mark.parametrize(
    "quiz_id, right", [("06.1", "b"), ("06.2", "b"), ("07.1", "b"), ("07.2", "a")]
)
def test_new_quizzes(quiz_id, right):
    assert quiz(quiz_id, right)
