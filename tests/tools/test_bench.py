"""`python -m tools.bench_mrpc`: skips without GLUE files, rejects a bad model folder, runs end to end."""

import pytest

from helpers import checkpoint
from tools.bench_mrpc import main

HEADER = "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n"
PAIRS = [
    ("1", "The cat sat on the mat.", "A cat was sitting on the mat."),
    ("0", "Stocks fell on Monday.", "The museum opens at nine."),
    ("1", "He bought a new car.", "He purchased a new car."),
    ("0", "Rain is expected today.", "The team won the final."),
]


def write_glue(root):
    folder = root / "MRPC"
    folder.mkdir(parents=True)
    rows = "".join(f"{q}\t{i}\t{i + 100}\t{a}\t{b}\n" for i, (q, a, b) in enumerate(PAIRS * 4))
    for name in ("train.tsv", "dev.tsv"):
        (folder / name).write_text(HEADER + rows, encoding="utf-8")
    return root


def test_skips_when_the_glue_files_are_absent(tmp_path, capsys):
    assert main(["mrpc", "--glue-dir", str(tmp_path), "--model", str(tmp_path)]) == 0
    assert "skipped: GLUE MRPC files not found" in capsys.readouterr().out


def test_bad_model_folder_is_a_clear_error(tmp_path, capsys):
    glue = write_glue(tmp_path / "glue")
    assert main(["mrpc", "--glue-dir", str(glue), "--model", str(tmp_path / "nope")]) == 2
    assert "does not exist" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert main(["mrpc", "--glue-dir", str(glue), "--model", str(tmp_path / "empty")]) == 2
    assert "no config.json" in capsys.readouterr().err


@pytest.mark.usefixtures("tiny")
def test_tiny_end_to_end_run(tmp_path, capsys):
    glue = write_glue(tmp_path / "glue")
    model = checkpoint("bert-base-uncased", mode="tiny")
    assert (
        main(
            [
                "mrpc",
                "--glue-dir",
                str(glue),
                "--model",
                model,
                "--epochs",
                "1",
                "--out",
                str(tmp_path / "out"),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    for key in ("accuracy", "f1", "train seconds", "peak RSS MB", "train pairs        16"):
        assert key in out
