"""Model-card plumbing: the course's card template, hyperparameters of a run, results read back.

The card itself (ModelCardData, EvalResult, ModelCard.from_template) is built in the notebook.
"""

from __future__ import annotations

__all__ = ["CARD_TEMPLATE", "card_results", "hyperparameters"]

CARD_TEMPLATE = """---
{{ card_data }}
---

# {{ model_name }}

{{ description }}

## How to use

```python
{{ how_to_use }}
```

## Intended uses and limitations

{{ intended_uses }}

**Limitations.** {{ limitations }}

## Training data

{{ training_data }}

## Training procedure

{{ procedure }}

| hyperparameter | value |
|---|---|
{% for name, value in hyperparameters.items() -%}
| {{ name }} | {{ value }} |
{% endfor %}
## Evaluation results

On {{ eval_split }}:

| metric | value |
|---|---|
{% for name, value in results.items() -%}
| {{ name }} | {{ "%.3f" | format(value) }} |
{% endfor %}"""

HYPERPARAMETERS = (
    "learning_rate",
    "num_train_epochs",
    "per_device_train_batch_size",
    "weight_decay",
    "lr_scheduler_type",
    "optim",
    "seed",
)


def hyperparameters(args) -> dict:
    """The training hyperparameters worth reporting, read from a `TrainingArguments`."""
    values = {name: getattr(args, name) for name in HYPERPARAMETERS}
    return {name: getattr(value, "value", value) for name, value in values.items()}


def card_results(card) -> dict[str, float]:
    """{metric type: value} from a ModelCard's (or ModelCardData's) `eval_results`."""
    data = getattr(card, "data", card)
    return {result.metric_type: result.metric_value for result in data.eval_results or []}
