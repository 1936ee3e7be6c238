"""Read GLUE-layout TSV files (MRPC, SST-2) into datasets with the hub's features."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from helpers.errors import CourseError

SPLIT_FILES = {"train": "train.tsv", "validation": "dev.tsv", "test": "test.tsv"}


@dataclass(frozen=True)
class GlueTask:
    """How one GLUE task is laid out on disk and which features the hub gives it."""

    config: str
    folder: str
    text_columns: dict[str, str]
    label_column: str
    label_names: tuple[str, str]


TASKS = {
    "mrpc": GlueTask(
        "mrpc",
        "MRPC",
        {"sentence1": "#1 String", "sentence2": "#2 String"},
        "Quality",
        ("not_equivalent", "equivalent"),
    ),
    "sst2": GlueTask("sst2", "SST-2", {"sentence": "sentence"}, "label", ("negative", "positive")),
}


def features(task: GlueTask):
    """The hub's features for `task`: its text columns, a ClassLabel and idx."""
    from datasets import ClassLabel, Features, Value

    columns = {name: Value("string") for name in task.text_columns}
    columns["label"] = ClassLabel(names=list(task.label_names))
    columns["idx"] = Value("int32")
    return Features(columns)


def read_rows(path: Path, task: GlueTask) -> dict[str, list]:
    """Columns of one TSV file; an unlabelled file (GLUE test) gets label -1."""
    if not path.is_file():
        raise CourseError(
            f"Missing data file {path}. Fix: put the GLUE {task.folder} files (train.tsv, dev.tsv, "
            "test.tsv) there, or unset GLUE_DIR to use the hub or the course's tiny copy."
        )
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, [])
        return _columns(path, task, header, reader)


def _columns(path: Path, task: GlueTask, header: list[str], rows) -> dict[str, list]:
    """Turn the rows under `header` into hub-style columns, checking each row."""
    wanted = [*task.text_columns.values()]
    missing = [name for name in wanted if name not in header]
    if missing:
        raise CourseError(f"{path} line 1: header lacks column(s) {missing}; found {header}.")
    labelled = task.label_column in header
    out: dict[str, list] = {name: [] for name in [*task.text_columns, "label", "idx"]}
    for line, row in enumerate(rows, start=2):
        if len(row) != len(header):
            raise CourseError(
                f"{path} line {line}: expected {len(header)} tab-separated fields "
                f"({', '.join(header)}), got {len(row)}. Fix that line (no tabs inside sentences)."
            )
        record = dict(zip(header, row))
        for name, column in task.text_columns.items():
            out[name].append(record[column])
        out["label"].append(_label(path, line, record[task.label_column]) if labelled else -1)
        out["idx"].append(len(out["idx"]))
    return out


def _label(path: Path, line: int, value: str) -> int:
    """A 0/1 label, or a clear error naming the file and line."""
    if value not in {"0", "1"}:
        raise CourseError(f"{path} line {line}: label must be 0 or 1, got {value!r}.")
    return int(value)


def load_glue_folder(root: Path, task: GlueTask, split: str | None = None):
    """A DatasetDict (or one split) read from `root/<TASK>/{train,dev,test}.tsv`."""
    from datasets import Dataset, DatasetDict

    splits = [split] if split else list(SPLIT_FILES)
    unknown = [name for name in splits if name not in SPLIT_FILES]
    if unknown:
        raise CourseError(f"Unknown split {unknown[0]!r}; GLUE splits are {list(SPLIT_FILES)}.")
    loaded = {
        name: Dataset.from_dict(
            read_rows(root / task.folder / SPLIT_FILES[name], task), features=features(task)
        )
        for name in splits
    }
    return loaded[split] if split else DatasetDict(loaded)
