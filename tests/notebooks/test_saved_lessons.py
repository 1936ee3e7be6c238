"""What the saved tiny outputs teach: checked on the committed notebooks, which nbval keeps equal
to a fresh run."""

from __future__ import annotations

import ast
import re

import nbformat

from helpers.glue_files import TASKS, read_rows
from helpers.paths import REPO_ROOT, data_dir
from tools.runner import text_outputs

NOTEBOOKS = REPO_ROOT / "notebooks"


def outputs_of(name: str) -> str:
    """Every text output of a committed notebook, joined."""
    return "\n".join(text_outputs(nbformat.read(NOTEBOOKS / name, as_version=4)))


def test_lesson_03_shows_a_model_that_learned_next_to_the_baseline():
    text = outputs_of("03_trainer_mrpc.ipynb")
    accuracy = float(re.search(r"eval_accuracy\s+([\d.]+)", text).group(1))
    baseline = ast.literal_eval(re.search(r"always 'equivalent': (\{.*\})", text).group(1))
    predicted = ast.literal_eval(re.search(r"predicted: (\{.*\})", text).group(1))
    assert accuracy >= 0.75
    assert accuracy >= baseline["accuracy"] + 0.12
    assert min(predicted.values()) > 0  # both columns of the confusion matrix are used


def test_lesson_06_table_compares_two_models_that_learned():
    text = outputs_of("06_lora.ipynb")
    full = re.search(r"full fine-tuning\s+\d+\s+[\d.]+\s+([\d.]+)", text)
    lora = re.search(r"LoRA r=8\s+\d+\s+[\d.]+\s+([\d.]+)", text)
    labels = read_rows(data_dir() / "glue" / "MRPC" / "dev.tsv", TASKS["mrpc"])["label"]
    baseline = max(sum(labels), len(labels) - sum(labels)) / len(labels)  # the majority class
    assert float(full.group(1)) >= baseline + 0.12
    assert float(lora.group(1)) >= baseline + 0.12


def test_lesson_08_shows_perplexities_that_fall_and_the_80_10_10_rule():
    text = outputs_of("08_pretraining.ipynb")
    before = float(re.search(r"before: eval loss [\d.]+, perplexity (\d+)", text).group(1))
    after = float(re.search(r"after:  eval loss [\d.]+, perplexity (\d+)", text).group(1))
    general, adapted = map(float, re.search(r"reviews: perplexity (\d+) -> (\d+)", text).groups())
    causal = tuple(map(float, re.search(r"held-out paragraphs: (\d+) -> (\d+)", text).groups()))
    assert 900 <= before <= 1100  # untrained: about the vocabulary size (1,000)
    assert after <= before / 2 and causal[1] <= causal[0] / 2
    assert adapted <= general / 3  # domain adaptation helps clearly on held-out reviews
    shares = [int(n) for n in re.findall(r"\((\d+)%\)", text.split("[MASK]:", 1)[1])[:3]]
    assert shares[0] >= 60 and sum(shares) == 100  # mostly [MASK], as the prose says


def test_lesson_09_keywords_and_sentiments_are_learned_on_the_test_split():
    text = outputs_of("09_custom_data.ipynb")
    keyword_f1 = float(re.search(r"micro avg\s+[\d.]+\s+[\d.]+\s+([\d.]+)", text).group(1))
    majority = float(re.search(r"always '긍정' accuracy: ([\d.]+)", text).group(1))
    accuracy = float(re.search(r"accuracy\s+([\d.]+)\s+\d+\n", text).group(1))
    assert keyword_f1 >= 0.80  # the bar, on test reviews never used for a choice
    assert accuracy >= majority + 0.12


def test_lesson_10_curves_learn_and_the_reading_matches_them():
    text = outputs_of("10_active_learning.ipynb")
    table = text.split("per number of labelled reviews:\n", 1)[1].splitlines()
    names = table[0].split()
    rows = [[float(v) for v in line.split()[1:]] for line in table[1:6]]
    finals = dict(zip(names, rows[-1]))
    assert set(finals) == {"random", "uncertainty", "outliers", "rarity"}
    assert all(first < last - 0.1 for first, last in zip(rows[0], rows[-1]))
    assert finals["random"] >= max(finals.values()) - 0.05  # what the prose says
    assert text.count(": True") >= 3 and ": False" not in text


def test_lesson_11_table_sizes_and_checks():
    text = outputs_of("11_compression_and_serving.ipynb")
    sizes = ast.literal_eval(re.search(r"(\{'PyTorch fp32': \d+.*?\})", text).group(1))
    assert sizes["ONNX int8"] < sizes["ONNX fp32"] / 3  # int8 weights, folded graph
    assert sizes["distilled student"] < sizes["PyTorch fp32"] == sizes["pruned 50%"]
    checks = text.split(str(sizes), 1)[1].strip().splitlines()[:4]  # the four after the sizes
    assert all(line.endswith(": True") for line in checks) and ": False" not in text
    serving = text.split("PyTorch fp32 (chapter 09)", 1)[1]
    assert "the app's scores within 0.02 of PyTorch's: True" in serving
    assert "no error on the page: True" in serving and "markup shown as text: True" in serving
    assert "no Korean letter" in serving and "review is empty" in serving
    table = text.split("sparsity  test accuracy", 1)[1].split("\n\n", 1)[0]
    pruning = re.findall(r"(\d+)%\s+([\d.]+)\s+([\d.]+)", table)
    assert [float(s) for _, s, _ in pruning] == [0.3, 0.5, 0.7, 0.9]
    assert float(pruning[-1][2]) < float(pruning[0][2])  # 90% pruning costs accuracy
