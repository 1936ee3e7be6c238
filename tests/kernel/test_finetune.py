import numpy as np
import pytest
from transformers import AutoTokenizer, EvalPrediction

from helpers import checkpoint
from helpers.errors import CourseError
from helpers.finetune import compute_metrics_for, prepare_glue, settings, tokenize_function


def test_prepare_glue_matches_tokenizing_by_hand(tiny):
    name = checkpoint("bert-base-uncased")
    prepared = prepare_glue(name, "mrpc")
    tokenizer = AutoTokenizer.from_pretrained(name)
    first = prepared.raw["train"][0]
    by_hand = tokenizer(first["sentence1"], first["sentence2"], truncation=True)
    assert prepared.tokenized["train"][0]["input_ids"] == by_hand["input_ids"]
    assert {"input_ids", "token_type_ids", "attention_mask", "label"} <= set(
        prepared.tokenized["train"].features
    )
    model_inputs = prepared.tokenized["train"].remove_columns(["sentence1", "sentence2", "idx"])
    batch = prepared.collator([model_inputs[i] for i in range(3)])
    longest = max(len(model_inputs[i]["input_ids"]) for i in range(3))
    assert tuple(batch["input_ids"].shape) == (3, longest)
    assert batch["labels"].tolist() == prepared.raw["train"]["label"][:3]


def test_single_sentence_task_tokenizes_one_column(tiny):
    tokenizer = AutoTokenizer.from_pretrained(checkpoint("bert-base-uncased"))
    out = tokenize_function(tokenizer, "sst2")({"sentence": ["Great film.", "Awful."]})
    assert [set(t) for t in out["token_type_ids"]] == [{0}, {0}]


def test_compute_metrics_takes_the_argmax():
    logits = np.array([[2.0, 0.0], [0.0, 3.0], [1.0, 0.0], [0.0, 1.0]])
    labels = np.array([0, 1, 1, 1])
    assert compute_metrics_for("mrpc")(EvalPrediction(logits, labels)) == {
        "accuracy": 0.75,
        "f1": pytest.approx(0.8),
    }


def test_settings_per_mode_and_device():
    assert settings("tiny").epochs >= 1 and settings("tiny", "cpu") == settings("tiny", "cuda")
    gpu, cpu = settings("full", "cuda"), settings("full", "cpu")
    assert (gpu.epochs, gpu.batch_size, gpu.learning_rate) == (3, 8, 5e-5)
    assert gpu.max_train_samples is None
    assert cpu.max_train_samples and cpu.epochs < gpu.epochs
    assert cpu.early_stopping_epochs < gpu.early_stopping_epochs
    with pytest.raises(CourseError, match="Unknown mode 'medium': use 'tiny' or 'full'"):
        settings("medium")
    with pytest.raises(CourseError, match="Unknown mode 'full-cpu'"):
        settings("full-cpu")  # a row of the table, not a mode


def test_train_subset_is_a_seeded_sample():
    from datasets import Dataset

    from helpers.finetune import train_subset

    rows = Dataset.from_dict({"x": list(range(50))})
    assert train_subset(rows, None) is rows and train_subset(rows, 80) is rows
    first, again = train_subset(rows, 10, seed=1), train_subset(rows, 10, seed=1)
    assert len(first) == 10 and first["x"] == again["x"] and first["x"] != list(range(10))


def test_prepare_glue_keeps_a_subset_of_the_training_pairs(tiny):
    prepared = prepare_glue(checkpoint("bert-base-uncased"), "mrpc", max_train_samples=40)
    assert len(prepared.tokenized["train"]) == 40
    assert len(prepared.tokenized["validation"]) == len(prepared.raw["validation"])
