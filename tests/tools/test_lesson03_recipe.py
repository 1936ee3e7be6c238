"""Lesson 03's recipe is written in the lesson and once in the tools (the builder's record of
the lesson and the MRPC benchmark): the two must build the same `TrainingArguments`."""

import ast
from types import SimpleNamespace

import pytest
from transformers import TrainingArguments

from helpers.finetune import settings
from tools.sources import SOURCES_DIR
from tools.tiny.lesson03 import LESSON_SEED, lesson_arguments

LESSON = SOURCES_DIR / "03_trainer_mrpc.py"
# Where the tools differ on purpose: their scratch folder, and no progress bar.
NOT_COMPARED = {"output_dir", "logging_dir", "disable_tqdm"}


def lesson_training_args(namespace: dict):
    """The lesson's own `training_args` function, defined from its source in `namespace`."""
    tree = ast.parse(LESSON.read_text(encoding="utf-8"))
    found = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "training_args"]
    assert len(found) == 1, "lesson 03 no longer defines training_args: update lesson_arguments"
    code = compile(ast.Module(body=found, type_ignores=[]), str(LESSON), "exec")
    exec(code, namespace)  # noqa: S102 - the lesson's own code, to compare it with the tools'
    return namespace["training_args"]


def compared(args: TrainingArguments) -> dict:
    """The arguments that matter to the run."""
    return {k: v for k, v in args.to_dict().items() if k not in NOT_COMPARED}


@pytest.mark.parametrize("mode", ["tiny", "full"])
def test_the_tools_build_the_lessons_training_arguments(mode, tmp_path):
    training = settings(mode, "cpu")
    course = SimpleNamespace(run_dir=tmp_path, fp16=False, device="cpu", seed=LESSON_SEED)
    namespace = {"course": course, "training": training, "TrainingArguments": TrainingArguments}
    lesson = lesson_training_args(namespace)
    assert compared(lesson("trainer")) == compared(
        lesson_arguments(str(tmp_path), training, LESSON_SEED)
    )
    changes = {"gradient_accumulation_steps": 4, "lr_scheduler_type": "cosine"}
    assert compared(lesson("variant", **changes)) == compared(
        lesson_arguments(str(tmp_path), training, LESSON_SEED, **changes)
    )
