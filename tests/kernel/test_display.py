from helpers import show_metrics, tidy_metrics


def test_tidy_metrics_rounds_and_drops_timing_keys():
    raw = {
        "eval_loss": 0.123456,
        "eval_accuracy": 0.8,
        "eval_runtime": 1.2,
        "eval_samples_per_second": 100.0,
        "total_flos": 5.0,
        "epoch": 2.0,
        "step": 10,
    }
    assert tidy_metrics(raw) == {"eval_loss": 0.123, "eval_accuracy": 0.8, "epoch": 2.0, "step": 10}


def test_show_metrics_prints_aligned_rows(capsys):
    show_metrics({"accuracy": 0.91234, "eval_runtime": 3.0, "f1": 0.5})
    assert capsys.readouterr().out.splitlines() == ["accuracy  0.912", "f1        0.5"]


def test_small_values_keep_their_significant_digits():
    tidy = tidy_metrics({"learning_rate": 4.6e-05, "grad_norm": 0.0, "loss": 0.69314})
    assert tidy == {"learning_rate": 4.6e-05, "grad_norm": 0.0, "loss": 0.693}
