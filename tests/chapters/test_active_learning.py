"""Chapter 10's plumbing: the unlabelled reviews, its two plots and the margin exercise."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers import check_margin_selection, learning_curves, load_unlabelled, scatter
from helpers.errors import CourseError


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_unlabelled_reviews_skip_blank_lines_and_a_missing_file_names_the_fix(tmp_path):
    path = tmp_path / "new.txt"
    path.write_text("배송이 빨라요.\n\n  색이 예뻐요.  \n", encoding="utf-8")
    assert load_unlabelled(path) == ["배송이 빨라요.", "색이 예뻐요."]
    assert len(load_unlabelled()) >= 1000
    with pytest.raises(CourseError, match="one review per line"):
        load_unlabelled(tmp_path / "absent.txt")


def test_scatter_returns_both_coordinates_and_draws_a_diagonal():
    shown = scatter([0.1, 0.5], [0.2, 0.4], "t", "x", "y")
    assert shown.series == {"x": [0.1, 0.5], "y": [0.2, 0.4]}
    assert len(plt.gca().lines) == 1  # the y = x reference


def test_learning_curves_plot_the_mean_over_seeds_with_a_band():
    shown = learning_curves(
        [10, 20], {"random": [[0.2, 0.4], [0.4, 0.6]], "other": [[0.1, 0.1]]}, "t"
    )
    assert shown.series == {"random": [0.3, 0.5], "other": [0.1, 0.1]}
    assert len(plt.gca().collections) == 2  # one band per strategy


def smallest_margin(probabilities, k):
    top_two = np.sort(probabilities, axis=1)[:, -2:]
    return np.argsort(top_two[:, 1] - top_two[:, 0], kind="stable")[:k]


def test_margin_check_passes_a_right_answer_and_explains_each_mistake():
    assert check_margin_selection(smallest_margin).passed
    assert not check_margin_selection(None).passed
    reversed_order = check_margin_selection(lambda p, k: smallest_margin(p, k)[::-1])
    assert "wrong order" in reversed_order.message
    largest = check_margin_selection(lambda p, k: np.argsort(p.max(axis=1))[:k])
    assert not largest.passed and "margin" in largest.message

    def in_place(p, k):
        p.sort(axis=1)
        return smallest_margin(p, k)

    assert "changed the probabilities" in check_margin_selection(in_place).message
    assert "raised TypeError" in check_margin_selection(lambda p: p).message
