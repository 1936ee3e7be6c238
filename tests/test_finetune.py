import numpy as np
import pytest
from transformers import AutoTokenizer, EvalPrediction

from helpers import checkpoint
from helpers.finetune import compute_metrics_for, prepare_glue, settings, tokenize_function


def test_prepare_glue_matches_tokenizing_by_hand(tiny):
    name = checkpoint("bert-base-uncased")
    prepared = prepare_glue(name, "mrpc")
    tokenizer = AutoTokenizer.from_pretrained(name)
    first = prepared.raw["train"][0]
    by_hand = tokenizer(first["sentence1"], first["sentence2"], truncation=True)
    assert prepared.tokenized["train"][0]["input_ids"] == by_hand["input_ids"]
    assert {"input_ids", "token_type_ids", "attention_mask", "label"} <= set(prepared.tokenized["train"].features)
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
        "accuracy": 0.75, "f1": pytest.approx(0.8)}


def test_settings_per_mode():
    assert settings("tiny").epochs >= 1 and settings("full").learning_rate == 5e-5
    with pytest.raises(KeyError):
        settings("medium")
