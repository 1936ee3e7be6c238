"""Files one chapter leaves for another, in a runtime where that chapter never ran (Colab).

A chapter that needs another chapter's output looks, in order: in the learner's own run folder
(they ran that chapter here), in a copy the course published on the Hub (downloaded, or read from
the Hub cache offline), and otherwise runs that chapter's notebook here, headless, with a
progress bar. `[tool.course]` in pyproject.toml names the published copies.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from helpers.errors import CourseError
from helpers.paths import REPO_ROOT


def course_table(pyproject: Path = REPO_ROOT / "pyproject.toml") -> dict:
    """The `[tool.course]` table of the course's pyproject.toml."""
    import tomllib

    return tomllib.loads(pyproject.read_text(encoding="utf-8"))["tool"]["course"]


def published_snapshot(repo_id: str, required: str) -> tuple[Path | None, str]:
    """The local folder of the Hub model repository `repo_id` (downloaded, or from the Hub cache
    when offline) if it holds `required`; else None. Returns the folder and why not, in words."""
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import HfHubHTTPError

    try:
        folder = Path(snapshot_download(repo_id))
    except (OSError, ValueError, HfHubHTTPError) as error:
        return None, f"{type(error).__name__}: {str(error).splitlines()[0][:160]}"
    if not (folder / required).is_file():
        return None, f"{repo_id} has no {required}"
    return folder, ""


def run_chapter(
    chapter: str, env: dict[str, str] | None = None, notebooks: Path = REPO_ROOT / "notebooks"
) -> float:
    """Execute the notebook `chapter` (e.g. "09_custom_data") in a new kernel, in this process's
    mode and run folder (its environment, updated with `env`), with a progress bar over its
    cells; returns the seconds it took.

    Raises:
        CourseError: the notebook is missing, or a cell failed (the cell and error named).
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from tqdm.auto import tqdm

    path = notebooks / f"{chapter}.ipynb"
    if not path.is_file():
        raise CourseError(f"No notebook {path}: restore it with `git checkout notebooks/`.")
    notebook = nbformat.read(path, as_version=4)
    cells = sum(cell.cell_type == "code" for cell in notebook.cells)
    client = NotebookClient(
        notebook,
        timeout=None,
        kernel_name="python3",
        shutdown_kernel="immediate",  # its models are saved: no 2-3 s graceful teardown
        resources={"metadata": {"path": str(notebooks)}},
    )
    start = time.perf_counter()
    with tqdm(total=cells, desc=chapter, unit="cell") as bar:
        client.on_cell_executed = lambda **_: bar.update(1)
        try:
            client.execute(env={**os.environ, **(env or {})})
        except CellExecutionError as error:
            raise CourseError(
                f"Running {chapter} here stopped at cell {bar.n + 1} of {cells}: "
                f"{error.ename}: {str(error.evalue)[:300]}. "
                f"Fix: open {chapter} and run it yourself to see the whole error."
            ) from None
    return time.perf_counter() - start
