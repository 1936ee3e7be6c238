"""The Colab stamp: every notebook carries the current badge and install cell, from one setting."""

import contextlib
import io
import subprocess
import sys

import pytest

from helpers.paths import REPO_ROOT
from tools.sources import read_source, sources
from tools.stamp import (
    CourseSetting,
    CpuCost,
    extras_of,
    is_install_cell,
    read_costs,
    read_setting,
    stale,
    stamp_cells,
    stamped_readme,
    stamped_text,
)

SETTING = read_setting()


def test_every_notebook_and_the_readme_carry_the_current_stamp():
    assert not stale(SETTING), "run `python -m tools.stamp`, then `make outputs`"


@pytest.mark.parametrize("source", sources(), ids=lambda p: p.stem)
def test_notebook_starts_with_the_lesson_then_badge_then_hidden_install_cell(source):
    cells = read_source(source).cells
    assert cells[0].cell_type == "markdown" and cells[0].source.startswith("# ")
    assert "**Goals.**" in cells[0].source
    assert cells[1].cell_type == "markdown" and SETTING.colab_url(source.stem) in cells[1].source
    install = cells[2]
    assert install.cell_type == "code" and is_install_cell(install.source)
    assert f'"{SETTING.branch}"' in install.source and SETTING.repository in install.source
    assert install.metadata["jupyter"] == {"source_hidden": True}
    assert (
        install.metadata["cellView"] == "form" and "tools.stamp" in install.metadata["stamped_by"]
    )
    assert "tools.stamp" not in install.source  # the maintainers' note is metadata only


def _extra_modules() -> dict[str, set[str]]:
    """Each optional extra of pyproject.toml and the import names of its packages."""
    import re
    import tomllib

    table = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    extras = table["project"]["optional-dependencies"]
    return {
        name: {re.split(r"[<>=\[ ]", spec)[0].lower().replace("-", "_") for spec in specs}
        for name, specs in extras.items()
        if name != "dev"
    }


@pytest.mark.parametrize("source", sources(), ids=lambda p: p.stem)
def test_the_install_cell_installs_every_extra_the_lesson_imports(source):
    import re

    text = source.read_text(encoding="utf-8")
    install = read_source(source).cells[2].source
    declared = extras_of(text)
    imported = set(re.findall(r"^\s*(?:import|from) (\w+)", text, flags=re.MULTILINE))
    needed = sorted(extra for extra, mods in _extra_modules().items() if imported & mods)
    assert needed == declared, f"declare with helpers.require_extra({needed}), then stamp"
    assert (f"/content/hf-course[{','.join(declared)}]" if declared else '/content/hf-course"') in (
        install
    )


def test_chapter_11_installs_the_serve_extra_in_colab():
    source = next(p for p in sources() if p.stem.startswith("11_"))
    assert "/content/hf-course[serve]" in read_source(source).cells[2].source


def test_install_cell_is_silent_outside_colab():
    install = read_source(sources()[0]).cells[2].source
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        exec(compile(install, "install-cell", "exec"), {})  # noqa: S102 - the cell, as Jupyter runs it
    assert out.getvalue() == "" and "google.colab" not in sys.modules


def test_restamping_replaces_the_old_stamp_and_keeps_the_rest():
    text = sources()[0].read_text(encoding="utf-8")
    other = CourseSetting("someone/fork", "dev")
    moved = stamped_text(text, other, "01_pipeline")
    assert "github/someone/fork/blob/dev/notebooks/01_pipeline.ipynb" in moved
    assert "hf-course/notebooks" not in moved and moved.count("colab-badge.svg") == 1
    assert stamped_text(moved, SETTING, "01_pipeline") == text


def test_stamping_an_unstamped_source_adds_the_cells_after_the_title():
    text = "# ---\n# jupyter:\n# ---\n\n# %% [markdown]\n# # 99 · Title\n\n# %%\nx = 1\n"
    new = stamped_text(text, SETTING, "99_title")
    start = "# ---\n# jupyter:\n# ---\n\n# %% [markdown]\n# # 99 · Title\n\n# %% [markdown]\n"
    assert new.startswith(start + "# [![Open In Colab]")
    assert new.endswith("# %%\nx = 1\n") and new.count("# @title Colab setup") == 1
    assert stamped_text(new, SETTING, "99_title") == new


def test_readme_table_keeps_descriptions_and_uses_the_setting():
    readme = (
        "intro\n<!-- chapters:start -->\n| [01_pipeline](x) | old | pipelines |\n"
        "<!-- chapters:end -->\nrest\n"
    )
    table = stamped_readme(readme, CourseSetting("a/b", "c"))
    assert "| pipelines |" in table and "github/a/b/blob/c/notebooks/01_pipeline.ipynb" in table
    assert table.startswith("intro\n") and table.endswith("<!-- chapters:end -->\nrest\n")


def test_check_command_passes_on_the_repository():
    done = subprocess.run(
        [sys.executable, "-m", "tools.stamp", "--check"],
        check=False,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout


def test_every_notebook_quotes_its_measured_cpu_cost_under_the_badge_and_in_the_readme():
    costs = read_costs()
    assert set(costs) == {source.stem for source in sources()}, "make bench-full RECORD=1"
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    for source in sources():
        badge = read_source(source).cells[1].source
        assert costs[source.stem].sentence() in badge
        row = next(line for line in readme.splitlines() if line.startswith(f"| [{source.stem}]"))
        assert f"| {costs[source.stem].short()} |" in row


def test_a_missing_record_quotes_nothing(tmp_path):
    assert read_costs(tmp_path / "none.json") == {}
    assert "Full mode without a GPU" not in stamp_cells(CourseSetting("a/b", "c"), "01_pipeline")


def test_cpu_costs_read_as_words():
    quick = CpuCost(9.4, "stand-ins", "2 cores", "2026-12-06")
    slow = CpuCost(595, "all-MiniLM-L6-v2", "2 cores", "2026-12-06")
    assert (quick.minutes, quick.short()) == ("9 s", "9 s + models")
    assert (slow.minutes, slow.short()) == ("about 10 min", "about 10 min (MiniLM)")
    assert "not measured here" in quick.sentence() and "GPU runtime" in slow.sentence()
