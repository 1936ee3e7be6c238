"""The plot helpers draw their figure and return what it shows (nbval does not compare images)."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pytest

from helpers import (
    bar_probabilities,
    bars,
    compare_bars,
    confusion_matrix,
    histogram,
    loss_curve,
    loss_curves,
)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_bar_probabilities_draws_one_bar_per_class_and_row():
    shown = bar_probabilities(["NEG", "POS"], [[0.2, 0.8], [0.9, 0.1], [0.5, 0.5]], ["a", "b", "c"])
    assert len(plt.gca().patches) == 6
    assert shown.series == {"NEG": [0.2, 0.9, 0.5], "POS": [0.8, 0.1, 0.5]}


def test_histogram_marks_a_limit_and_counts_what_is_above_it():
    shown = histogram([1, 2, 2, 3, 7], "lengths", "tokens", bins=3, mark=2.5)
    assert plt.gca().get_legend().get_texts()[0].get_text() == "2.5"
    assert shown.series == {"values": [5], "above 2.5": [2]}


def test_bars_labels_values():
    shown = bars(["a", "b"], [3, 5], "t", "y")
    assert [t.get_text() for t in plt.gca().texts] == ["3", "5"]
    assert shown.series == {"a": [3], "b": [5]}


def test_compare_bars_one_panel_per_measure():
    shown = compare_bars(
        {"full": {"F1": 0.8, "size": 100}, "lora": {"F1": 0.7, "size": 2}}, "t", log=["size"]
    )
    assert len(plt.gcf().axes) == 2 and plt.gcf().axes[1].get_yscale() == "log"
    assert shown.series == {"F1": [0.8, 0.7], "size": [100, 2]}


def test_loss_curve_returns_both_curves():
    shown = loss_curve(
        [{"step": 1, "loss": 0.7}, {"step": 2, "loss": 0.6}, {"step": 2, "eval_loss": 0.65}]
    )
    legend = [t.get_text() for t in plt.gca().get_legend().get_texts()]
    assert legend == ["training loss", "validation loss"]
    assert shown.series == {"training loss": [0.7, 0.6], "validation loss": [0.65]}


def test_loss_curves_draws_each_run_per_epoch_with_the_evaluation_before_training():
    first = [
        {"eval_loss": 7.0, "step": 0},
        {"epoch": 1.0, "loss": 6.0, "step": 5},
        {"epoch": 1.0, "eval_loss": 6.5, "step": 5},
    ]
    second = [{"epoch": 1.0, "loss": 5.0, "step": 9}, {"epoch": 2.0, "loss": 4.0, "step": 18}]
    shown = loss_curves({"mlm": first, "causal": second}, "t")
    legend = [t.get_text() for t in plt.gca().get_legend().get_texts()]
    assert legend == ["mlm, training", "mlm, held out", "causal, training"]
    assert list(plt.gca().lines[1].get_xdata()) == [0, 1.0]
    assert shown.series == {
        "mlm training": [6.0],
        "mlm held out": [7.0, 6.5],
        "causal training": [5.0, 4.0],
        "causal held out": [],
    }


def test_confusion_matrix_counts_rows_as_true_classes():
    shown = confusion_matrix([0, 1, 1, 0], [0, 1, 0, 0], ["no", "yes"])
    assert shown.series == {"true no": [2, 0], "true yes": [1, 1]}


def test_plot_data_prints_one_rounded_line():
    shown = loss_curve([{"step": i, "loss": 1 / (i + 1)} for i in range(10)], "Loss")
    assert repr(shown) == (
        "curve 'Loss': training loss: 10 values, 1.000 ... 0.100; validation loss: []"
    )


def test_hangul_draws_without_missing_glyphs():
    import warnings

    import matplotlib.pyplot as plt

    from helpers.plots import use_hangul_font

    assert use_hangul_font() is not None
    fig, ax = plt.subplots()
    ax.set_title("배송 긍정, 사이즈 부정")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph ... missing from font(s)"
        fig.canvas.draw()
    plt.close(fig)
