import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from helpers import bar_probabilities, bars, histogram


def test_bar_probabilities_draws_one_bar_per_class_and_row():
    bar_probabilities(["NEG", "POS"], [[0.2, 0.8], [0.9, 0.1], [0.5, 0.5]], ["a", "b", "c"])
    assert len(plt.gca().patches) == 6
    plt.close("all")


def test_histogram_marks_a_limit():
    histogram([1, 2, 2, 3], "lengths", "tokens", bins=3, mark=2.5)
    assert plt.gca().get_legend().get_texts()[0].get_text() == "2.5"
    plt.close("all")


def test_bars_labels_values():
    bars(["a", "b"], [3, 5], "t", "y")
    assert [t.get_text() for t in plt.gca().texts] == ["3", "5"]
    plt.close("all")


def test_loss_curve_and_confusion_matrix():
    from helpers import confusion_matrix, loss_curve

    loss_curve([{"step": 1, "loss": 0.7}, {"step": 2, "loss": 0.6}, {"step": 2, "eval_loss": 0.65}])
    assert [t.get_text() for t in plt.gca().get_legend().get_texts()] == ["training loss", "validation loss"]
    plt.close("all")
    assert confusion_matrix([0, 1, 1, 0], [0, 1, 0, 0], ["no", "yes"]) == [[2, 0], [1, 1]]
    plt.close("all")
