"""Plotting helpers for the lessons: small, labelled matplotlib figures.

Each helper draws its figure and returns what it drew as a `PlotData`: tests check it (nbval
does not compare images); a notebook shows only the figure, never the data as text.
Importing this module lets matplotlib draw Hangul (`use_hangul_font`), so Korean labels show as
words, not boxes.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

__all__ = [
    "bar_probabilities",
    "bars",
    "compare_bars",
    "confusion_matrix",
    "histogram",
    "learning_curves",
    "log_curves",
    "loss_curve",
    "loss_curves",
    "scatter",
]

HANGUL_FAMILIES = ("NanumGothic", "NanumBarunGothic", "Noto Sans CJK KR")


def use_hangul_font() -> str | None:
    """Add a Hangul font to matplotlib's fallback list, after its default DejaVu Sans: the
    NanumGothic files of the `koreanize-matplotlib` wheel (a course dependency, so Colab has
    them too) or a system font (Debian's fonts-nanum). Returns the family, None when none is found.
    """
    from matplotlib import font_manager

    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec and spec.submodule_search_locations:
        fonts = Path(next(iter(spec.submodule_search_locations)), "fonts")
        for path in sorted(fonts.glob("NanumGothic.ttf")):
            font_manager.fontManager.addfont(str(path))
    names = {font.name for font in font_manager.fontManager.ttflist}
    family = next((name for name in HANGUL_FAMILIES if name in names), None)
    if family:
        plt.rcParams["font.family"] = ["DejaVu Sans", family]
    return family


use_hangul_font()


@dataclass(frozen=True)
class PlotData:
    """What a figure shows: its kind, title and named series of values."""

    kind: str
    title: str
    series: dict[str, list] = field(default_factory=dict)

    def __repr__(self) -> str:
        """One line, values rounded to 3 decimals (the precision that survives another CPU)."""
        parts = [f"{name}: {_summary(values)}" for name, values in self.series.items()]
        return f"{self.kind} {self.title!r}: " + "; ".join(parts)

    def _ipython_display_(self) -> None:
        """Show nothing as a cell's last value: the figure above is the lesson's output."""


def _summary(values: list) -> str:
    """A short text for a series: small ones whole, long ones as count, first and last."""

    def show(value) -> str:
        if isinstance(value, tuple):
            return "(" + ", ".join(show(v) for v in value) + ")"
        return f"{value:.3f}" if isinstance(value, float) else str(value)

    if len(values) <= 6:
        return "[" + ", ".join(show(v) for v in values) + "]"
    return f"{len(values)} values, {show(values[0])} ... {show(values[-1])}"


def _shown(fig, kind: str, title: str, series: dict[str, list]) -> PlotData:
    """Every plot's ending: lay the figure out, show it, and return what it shows."""
    fig.tight_layout()
    plt.show()
    return PlotData(kind, title, series)


def bar_probabilities(
    names: Sequence[str],
    probabilities: Sequence[Sequence[float]],
    rows: Sequence[str],
    title: str = "Predicted probabilities",
):
    """Grouped horizontal bars: one group per row (e.g. sentence), one bar per class."""
    fig, ax = plt.subplots(figsize=(7, 0.6 + 0.55 * len(rows) * len(names) / 2 + 0.5))
    height = 0.8 / len(names)
    for k, name in enumerate(names):
        positions = [i + k * height for i in range(len(rows))]
        ax.barh(positions, [p[k] for p in probabilities], height=height, label=name)
    ax.set_yticks([i + height * (len(names) - 1) / 2 for i in range(len(rows))])
    ax.set_yticklabels([_short(r) for r in rows])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("probability")
    ax.set_title(title)
    ax.legend(loc="lower right")
    return _shown(
        fig,
        "bars",
        title,
        {name: [float(p[k]) for p in probabilities] for k, name in enumerate(names)},
    )


def histogram(
    values: Sequence[float], title: str, xlabel: str, bins: int = 20, mark: float | None = None
):
    """A histogram of `values`, with an optional vertical line at `mark` (e.g. a max_length)."""
    fig, ax = plt.subplots(figsize=(7, 3))
    ax.hist(values, bins=bins, color="tab:blue", alpha=0.8)
    if mark is not None:
        ax.axvline(mark, color="tab:red", linestyle="--", label=f"{mark:g}")
        ax.legend()
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("count")
    data = {"values": [len(values)]}
    if mark is not None:
        data[f"above {mark:g}"] = [sum(value > mark for value in values)]
    return _shown(fig, "histogram", title, data)


def bars(labels: Sequence[str], values: Sequence[float], title: str, ylabel: str):
    """A plain vertical bar chart with the value printed on each bar (a label may repeat)."""
    fig, ax = plt.subplots(figsize=(7, 3))
    drawn = ax.bar(range(len(labels)), values, color="tab:green")
    ax.set_xticks(range(len(labels)), labels)
    ax.bar_label(drawn, fmt="%g")
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    return _shown(fig, "bars", title, dict(zip(labels, ([v] for v in values))))


def compare_bars(rows: dict[str, dict[str, float]], title: str, log: Sequence[str] = ()):
    """One small panel per measure, one bar per method: `rows` maps method -> {measure: value}.

    Measures named in `log` get a logarithmic axis (e.g. parameter counts that differ 100x).
    """
    methods = list(rows)
    measures = list(next(iter(rows.values())))
    fig, axes = plt.subplots(1, len(measures), figsize=(2.6 * len(measures), 3), squeeze=False)
    colors = [f"C{i}" for i in range(len(methods))]
    for ax, measure in zip(axes[0], measures):
        drawn = ax.bar(methods, [rows[m][measure] for m in methods], color=colors)
        ax.bar_label(drawn, fmt="%.3g")
        ax.set_title(measure, fontsize=10)
        if measure in log:
            ax.set_yscale("log")
        ax.tick_params(axis="x", labelsize=9)
    fig.suptitle(title)
    return _shown(
        fig, "bars", title, {m: [rows[method][m] for method in methods] for m in measures}
    )


def _short(text: str, width: int = 40) -> str:
    """`text` cut to `width` characters with an ellipsis."""
    return text if len(text) <= width else text[: width - 1] + "…"


def loss_curve(log_history: Sequence[dict], title: str = "Loss"):
    """Training loss per logged step and evaluation loss per epoch, from `trainer.state.log_history`.

    Works for any list of dicts with a `step` and `loss` and/or `eval_loss` (the manual loop
    of chapter 04 builds the same shape).
    """
    train = [(row["step"], row["loss"]) for row in log_history if "loss" in row]
    evals = [(row["step"], row["eval_loss"]) for row in log_history if "eval_loss" in row]
    fig, ax = plt.subplots(figsize=(7, 3))
    if train:
        ax.plot(*zip(*train), label="training loss", color="tab:blue")
    if evals:
        ax.plot(*zip(*evals), "o--", label="validation loss", color="tab:orange")
    ax.set_title(title)
    ax.set_xlabel("optimizer step")
    ax.set_ylabel("loss")
    ax.legend()
    return _shown(
        fig,
        "curve",
        title,
        {
            "training loss": [loss for _, loss in train],
            "validation loss": [loss for _, loss in evals],
        },
    )


def loss_curves(histories: dict[str, Sequence[dict]], title: str = "Loss"):
    """Several runs in one figure, per epoch: each run's training loss (line) and evaluation loss
    (dashed, with points), from the `trainer.state.log_history` of each, keyed by run name.

    Epochs rather than steps on the x axis, so that runs with different numbers of steps line up.
    An evaluation before training (epoch 0) is drawn too.
    """
    fig, ax = plt.subplots(figsize=(7, 3))
    series = {}
    for k, (name, history) in enumerate(histories.items()):
        train = [(row["epoch"], row["loss"]) for row in history if "loss" in row]
        evals = [(row.get("epoch", 0), row["eval_loss"]) for row in history if "eval_loss" in row]
        if train:
            ax.plot(*zip(*train), color=f"C{k}", label=f"{name}, training")
        if evals:
            ax.plot(*zip(*evals), "o--", color=f"C{k}", label=f"{name}, held out")
        series[f"{name} training"] = [loss for _, loss in train]
        series[f"{name} held out"] = [loss for _, loss in evals]
    ax.set_title(title)
    ax.set_xlabel("epoch")
    ax.set_ylabel("loss")
    ax.legend(fontsize=8)
    return _shown(fig, "curves", title, series)


def log_curves(log_history: Sequence[dict], keys: Sequence[str], title: str):
    """Logged values against the optimizer step, one panel per key of `keys`, from a
    `trainer.state.log_history` (for example DPO's `rewards/margins` and `rewards/accuracies`)."""
    fig, axes = plt.subplots(1, len(keys), figsize=(3.5 * len(keys), 3), squeeze=False)
    series = {}
    for ax, key in zip(axes[0], keys):
        points = [(row["step"], row[key]) for row in log_history if key in row]
        if points:
            ax.plot(*zip(*points), "o-")
        ax.set_title(key, fontsize=10)
        ax.set_xlabel("optimizer step")
        series[key] = [value for _, value in points]
    fig.suptitle(title)
    return _shown(fig, "curves", title, series)


def confusion_matrix(
    labels: Sequence[int],
    predictions: Sequence[int],
    names: Sequence[str],
    title: str = "Confusion matrix",
):
    """A confusion matrix (rows: true class, columns: predicted class) with counts in the cells."""
    counts = [[0] * len(names) for _ in names]
    for true, predicted in zip(labels, predictions):
        counts[int(true)][int(predicted)] += 1
    fig, ax = plt.subplots(figsize=(4.5, 4))
    ax.imshow(counts, cmap="Blues")
    high = max(max(row) for row in counts) or 1
    for i, row in enumerate(counts):
        for j, value in enumerate(row):
            ax.text(
                j,
                i,
                str(value),
                ha="center",
                va="center",
                color="white" if value > high / 2 else "black",
            )
    ax.set_xticks(range(len(names)), names, rotation=20)
    ax.set_yticks(range(len(names)), names)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    ax.set_title(title)
    return _shown(fig, "matrix", title, {f"true {name}": row for name, row in zip(names, counts)})


def scatter(x: Sequence[float], y: Sequence[float], title: str, xlabel: str, ylabel: str):
    """One point per (x, y) pair, with the diagonal y = x for reference."""
    fig, ax = plt.subplots(figsize=(4.5, 4))
    ax.scatter(x, y, s=12, alpha=0.6)
    low, high = min(min(x), min(y)), max(max(x), max(y))
    ax.plot([low, high], [low, high], color="grey", linewidth=0.8, linestyle="--")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return _shown(
        fig, "scatter", title, {xlabel: [float(v) for v in x], ylabel: [float(v) for v in y]}
    )


def learning_curves(sizes: Sequence[int], runs: dict[str, Sequence[Sequence[float]]], title: str):
    """A score against the number of labelled examples, one line per strategy: the mean over its
    runs (one row of scores per seed) and a band of one standard deviation around it."""
    fig, ax = plt.subplots(figsize=(7, 3.5))
    series = {}
    for k, (name, scores) in enumerate(runs.items()):
        scores = np.asarray(scores, dtype=float)
        mean, spread = scores.mean(0), scores.std(0)
        ax.plot(sizes, mean, "o-", color=f"C{k}", label=name)
        ax.fill_between(sizes, mean - spread, mean + spread, color=f"C{k}", alpha=0.15)
        series[name] = [round(float(m), 3) for m in mean]
    ax.set_title(title)
    ax.set_xlabel("labelled examples")
    ax.set_ylabel("score")
    ax.legend(fontsize=8)
    return _shown(fig, "curves", title, series)
