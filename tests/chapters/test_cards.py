"""The model card built from a run's metrics carries those metrics, exactly, after a round trip."""

import pytest
from huggingface_hub import EvalResult, ModelCard, ModelCardData
from transformers import TrainingArguments

from helpers import CARD_TEMPLATE, card_results, check_card_results, hyperparameters

METRICS = {
    "eval_loss": 0.5912345,
    "eval_accuracy": 0.8431372549,
    "eval_f1": 0.8912280701,
    "eval_runtime": 1.5,
    "epoch": 3.0,
}


def card_data_for(metrics, with_loss=False):
    results = {"accuracy": metrics["eval_accuracy"], "f1": metrics["eval_f1"]}
    if with_loss:
        results["loss"] = metrics["eval_loss"]
    return results, ModelCardData(
        model_name="bert-finetuned-mrpc",
        base_model="google-bert/bert-base-uncased",
        license="apache-2.0",
        eval_results=[
            EvalResult(
                task_type="text-classification",
                dataset_type="nyu-mll/glue",
                dataset_name="GLUE MRPC",
                dataset_split="validation",
                metric_type=name,
                metric_value=value,
            )
            for name, value in results.items()
        ],
    )


@pytest.fixture
def args(tmp_path):
    return TrainingArguments(
        output_dir=str(tmp_path / "out"),
        learning_rate=3e-5,
        seed=7,
        num_train_epochs=2,
        report_to="none",
        use_cpu=True,
    )


def test_card_from_metrics_round_trips(tmp_path, args):
    results, data = card_data_for(METRICS)
    card = ModelCard.from_template(
        data,
        template_str=CARD_TEMPLATE,
        model_name=data.model_name,
        description="d",
        how_to_use='pipeline("text-classification", model="me/m")',
        intended_uses="u",
        limitations="l",
        training_data="t",
        procedure="p",
        hyperparameters=hyperparameters(args),
        results=results,
        eval_split="validation",
    )
    card.save(tmp_path / "README.md")
    loaded = ModelCard.load(tmp_path / "README.md")
    assert card_results(loaded) == {"accuracy": METRICS["eval_accuracy"], "f1": METRICS["eval_f1"]}
    assert loaded.data.to_dict() == data.to_dict()
    assert "| accuracy | 0.843 |" in loaded.text and "| f1 | 0.891 |" in loaded.text
    assert "| learning_rate | 3e-05 |" in loaded.text and "| seed | 7 |" in loaded.text
    assert '```python\npipeline("text-classification", model="me/m")\n```' in loaded.text
    for heading in (
        "## How to use",
        "## Intended uses and limitations",
        "## Training data",
        "## Training procedure",
        "## Evaluation results",
    ):
        assert heading in loaded.text


def test_hyperparameters_are_plain_values(args):
    values = hyperparameters(args)
    assert values["num_train_epochs"] == 2 and values["per_device_train_batch_size"] == 8
    assert isinstance(values["lr_scheduler_type"], str) and isinstance(values["optim"], str)


def test_card_results_of_data_without_results():
    assert card_results(ModelCardData(license="mit")) == {}


def test_check_card_results(capsys):
    assert not check_card_results(None, METRICS)
    assert not check_card_results({"loss": 1}, METRICS)
    assert not check_card_results(card_data_for(METRICS)[1], METRICS)
    assert "loss" in capsys.readouterr().out
    typed = {**METRICS, "eval_loss": round(METRICS["eval_loss"], 2)}
    assert not check_card_results(card_data_for(typed, with_loss=True)[1], METRICS)
    assert "typing" in capsys.readouterr().out
    assert check_card_results(card_data_for(METRICS, with_loss=True)[1], METRICS)
