"""Report formatting of the notebook benchmark and the upgrade canary (no notebook is run)."""

import json

import nbformat

from tools import bench_notebooks, canary
from tools.runner import NotebookRun, text_outputs


def fake_run(name: str, seconds: float, peak: float, error: str = "") -> NotebookRun:
    return NotebookRun(
        name,
        seconds=seconds,
        peak_rss_mb=peak,
        cells=3,
        cell_seconds={0: 1.0, 1: seconds - 2, 2: 1.0},
        error=error,
    )


def test_bench_rows_report_misses_against_the_targets():
    rows = [
        bench_notebooks.row(fake_run("01_pipeline", 12.0, 700)),
        bench_notebooks.row(fake_run("05_accelerate", 45.0, 2500)),
        bench_notebooks.row(fake_run("06_lora", 31.0, 900, error="cell 4: ValueError: x")),
    ]
    assert [r["misses"] for r in rows] == [[], ["> 2 GB"], ["error", "> 30 s"]]
    assert rows[1]["target_seconds"] == 60.0 and rows[0]["slowest_cell"] == 1
    assert bench_notebooks.target_seconds("08_pretraining") == 45.0
    assert bench_notebooks.target_seconds("09_custom_data") == 45.0
    assert bench_notebooks.target_seconds("11_compression_and_serving") == 45.0
    table = bench_notebooks.format_table(rows)
    assert "01_pipeline" in table and "MISS > 2 GB" in table and "suite total" in table
    assert table.splitlines()[-1].split()[2] == "88.0"
    assert bench_notebooks.suite_target(rows) == 30.0 + 60.0 + 30.0
    assert table.splitlines()[-1].endswith("ok")  # 88 s of a 120 s suite
    assert bench_notebooks.format_table(rows[1:2]).splitlines()[-1].endswith("ok")
    assert bench_notebooks.format_table(rows[2:]).splitlines()[-1].endswith("MISS > 30 s")


def test_bench_writes_json(tmp_path):
    document = bench_notebooks.report([bench_notebooks.row(fake_run("01_pipeline", 9.0, 600))])
    path = bench_notebooks.write_report(document, tmp_path)
    assert json.loads(path.read_text())["notebooks"][0]["notebook"] == "01_pipeline"
    assert (tmp_path / "latest.json").read_text() == path.read_text()


def test_canary_table_names_broken_notebooks_and_their_first_error():
    ok, broken = (
        fake_run("01_pipeline", 9.0, 600),
        fake_run("02_tokenizers", 9.0, 600, "cell 3: TypeError: bad"),
    )
    table = canary.format_table([ok, broken], {"01_pipeline": canary.Drift(0)})
    assert "02_tokenizers                broken" in table and "cell 3: TypeError: bad" in table
    assert "1 of 2 notebook(s) broken, 0 drifting" in table.splitlines()[-1]


def printing(*texts: str, tags: tuple[str, ...] = ()):
    """A notebook whose code cells printed `texts` (on stdout), each cell tagged `tags`."""
    cells = [
        nbformat.v4.new_code_cell(
            "x",
            metadata={"tags": list(tags)},
            outputs=[nbformat.v4.new_output("stream", name="stdout", text=text)],
        )
        for text in texts
    ]
    return nbformat.v4.new_notebook(cells=cells)


def test_canary_drift_counts_compared_cells_that_print_something_else():
    saved = printing("accuracy 0.81\nloss 0.4\n", "same\n")
    now = fake_run("03_trainer_mrpc", 9.0, 600)
    now.notebook = printing("accuracy 0.79\nloss 0.4\n", "same\n")
    moved = canary.drift(now, saved)
    assert moved == canary.Drift(1, "saved: accuracy 0.81 | now: accuracy 0.79")
    table = canary.format_table([now], {now.name: moved})
    assert "    1  saved: accuracy 0.81 | now: accuracy 0.79" in table and "1 drifting" in table


def test_canary_drift_leaves_out_warnings_and_cells_nbval_ignores():
    saved = printing("42\n", "a time: 3 s\n")
    saved.cells[1].metadata["tags"] = ["nbval-ignore-output"]
    now = fake_run("04_training_loop", 9.0, 600)
    now.notebook = printing("42\n", "a time: 5 s\n")
    now.notebook.cells[1].metadata["tags"] = ["nbval-ignore-output"]
    now.notebook.cells[0].outputs.append(
        nbformat.v4.new_output("stream", name="stderr", text="FutureWarning: soon\n")
    )
    assert canary.drift(now, saved) == canary.Drift(0)


def test_text_outputs_lists_streams_results_and_errors():
    cell = nbformat.v4.new_code_cell(
        "x",
        outputs=[
            nbformat.v4.new_output("stream", name="stdout", text="hi\n"),
            nbformat.v4.new_output("stream", name="stdout", text="there\n"),
            nbformat.v4.new_output("execute_result", data={"text/plain": "3"}, execution_count=1),
            nbformat.v4.new_output("error", ename="KeyError", evalue="'a'", traceback=[]),
        ],
    )
    notebook = nbformat.v4.new_notebook(cells=[cell])
    assert text_outputs(notebook) == ["stdout: hi\nthere\n3error: KeyError: 'a'"]


def test_canary_lists_each_distinct_warning_with_its_notebooks():
    warned = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(
                "x",
                outputs=[
                    nbformat.v4.new_output(
                        "stream",
                        name="stderr",
                        text="x.py:3: FutureWarning: `old` is deprecated\n  warn()\n",
                    ),
                    nbformat.v4.new_output(
                        "stream", name="stderr", text="x.py:3: FutureWarning: `old` is deprecated\n"
                    ),
                ],
            )
        ]
    )
    runs = [fake_run("01_pipeline", 9.0, 600), fake_run("06_lora", 9.0, 600)]
    runs[0].notebook = runs[1].notebook = warned
    assert canary.warning_count(runs[0]) == 1
    assert canary.format_warnings(runs) == (
        "  [01_pipeline, 06_lora] x.py:3: FutureWarning: `old` is deprecated"
    )
