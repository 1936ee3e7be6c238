"""One knob for rehearsals and quick looks: `COURSE_MAX_EXAMPLES=N` caps every data set's rows.

Unset (as learners run the course), nothing is capped. Set, each split the course loads keeps its
first N rows: the same code runs on less data, so a full-mode rehearsal of every chapter takes
minutes (tools.rehearsal sets it). It changes how much, never which code path.
"""

from __future__ import annotations

from helpers import environment
from helpers.errors import CourseError

MAX_EXAMPLES_VARIABLE = "COURSE_MAX_EXAMPLES"


def max_examples() -> int | None:
    """The cap from `COURSE_MAX_EXAMPLES`, or None when unset; a clear error when not a count."""
    raw = environment.read(MAX_EXAMPLES_VARIABLE)
    if not raw:
        return None
    if not raw.isdigit() or int(raw) < 1:
        raise CourseError(
            f"{MAX_EXAMPLES_VARIABLE}={raw!r} is not a positive whole number. Fix: set it to the "
            f"rows each data set may keep (e.g. {MAX_EXAMPLES_VARIABLE}=64), or unset it."
        )
    return int(raw)


def capped(rows):
    """`rows` (a Dataset, DatasetDict, DataFrame or list) cut to the first `max_examples()` rows
    of each split (a DataFrame's `split` column names its splits); `rows` itself when unset."""
    cap = max_examples()
    if cap is None:
        return rows
    import datasets
    import pandas as pd

    if isinstance(rows, datasets.DatasetDict):
        return datasets.DatasetDict({name: capped(split) for name, split in rows.items()})
    if isinstance(rows, datasets.Dataset):
        return rows.select(range(min(cap, len(rows))))
    if isinstance(rows, pd.DataFrame) and "split" in rows.columns:
        return rows.groupby("split", sort=False).head(cap).reset_index(drop=True)
    if isinstance(rows, pd.DataFrame):
        return rows.iloc[:cap]
    return rows[:cap]
