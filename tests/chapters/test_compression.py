"""Chapter 11's plumbing: the optional-extra message and the pruning exercise's check."""

from __future__ import annotations

import copy

import pytest
from torch import nn
from torch.nn.utils import prune

from helpers import ReviewModels, check_pruned, require_extra, review_models_dir
from helpers.errors import CourseError


def test_a_missing_extra_names_the_command_that_installs_it():
    require_extra("serve", "numpy")  # present: nothing happens
    with pytest.raises(CourseError, match=r"pip install -e '\.\[serve\]'"):
        require_extra("serve", "no_such_module_anywhere")


def pruned(model, amount: float, remove: bool = True):
    model = copy.deepcopy(model)
    weights = [
        (m, "weight") for m in model.base_model.encoder.modules() if isinstance(m, nn.Linear)
    ]
    prune.global_unstructured(weights, pruning_method=prune.L1Unstructured, amount=amount)
    for module, name in weights if remove else ():
        prune.remove(module, name)
    return model


def test_pruning_check_wants_the_share_asked_for_with_the_masks_removed():
    teacher = ReviewModels.load(review_models_dir("tiny")).sentiment
    assert check_pruned(pruned(teacher, 0.8), 0.8).passed
    assert "not 80%" in check_pruned(pruned(teacher, 0.5), 0.8).message
    assert "prune.remove" in check_pruned(pruned(teacher, 0.8, remove=False), 0.8).message
    assert not check_pruned(None, 0.8).passed
    assert "encoder model" in check_pruned(nn.Linear(2, 2), 0.8).message
