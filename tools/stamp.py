"""`python -m tools.stamp [--check]`: stamp the Colab badge and install cell on every notebook.

One setting, `[tool.course]` in pyproject.toml (`repository = "org/name"`, `branch`), decides
where the badge points and what the Colab install cell clones. The command rewrites the first
two cells after the title cell of each `sources/NN_topic.py` and the chapter table of README.md between its
markers; `--check` only reports what is stale (exit 1). Then run `make outputs`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from helpers.handoff import course_table
from helpers.paths import REPO_ROOT
from tools.sources import sources

BADGE_IMAGE = "https://colab.research.google.com/assets/colab-badge.svg"
INSTALL_MARK = "# @title Colab setup"
COLAB_FOLDER = "hf-course"
TABLE_START, TABLE_END = "<!-- chapters:start -->", "<!-- chapters:end -->"
# The maintainers' note lives in the cell's metadata, not in the code a learner reads.
INSTALL_HEADER = (
    '# %% cellView="form" jupyter={{"source_hidden": true}} '
    'stamped_by="python -m tools.stamp, from [tool.course] in pyproject.toml: do not edit"'
)
INSTALL_CELL = (
    INSTALL_HEADER
    + """
{mark} (in Colab: clones and installs the course; elsewhere it does nothing)
import sys

if "google.colab" in sys.modules:
    import site
    import subprocess
    from pathlib import Path

    if not Path("/content/{folder}").is_dir():
        subprocess.run(["git", "clone", "--quiet", "--depth", "1", "--branch", "{branch}",
                        "https://github.com/{repository}", "/content/{folder}"], check=True)
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "-e", "/content/{folder}{extras}"],
                   check=True)
    for folder in site.getsitepackages():
        site.addsitedir(folder)  # picks up the editable install without a restart"""
)
# A lesson declares the optional extras it imports with `helpers.require_extra("name", ...)`; its
# install cell installs them (`-e /content/hf-course[name]`), so Colab needs no second step.
EXTRA_CALL = re.compile(r"helpers\.require_extra\(\s*[\"']([\w-]+)[\"']")
BADGE_CAPTION = "In Colab, run the setup cell below first (hidden; elsewhere it does nothing)."
# What full mode costs on a CPU runtime, per notebook, as `make bench-full` measured it (written by
# `python -m tools.rehearsal --bench --record`); the badge cell and README's table quote it.
CPU_RECORD = REPO_ROOT / "tools" / "records" / "full_cpu.json"
SMALL_ENCODER = "all-MiniLM-L6-v2"


@dataclass(frozen=True)
class CpuCost:
    """One notebook's measured full-mode run on a CPU runtime, and which models it ran with."""

    seconds: float
    models: str  # "all-MiniLM-L6-v2" (for bert-base-uncased), "own" (trained here), "stand-ins"
    machine: str
    measured: str

    @property
    def minutes(self) -> str:
        """Rounded wall time, in words: "9 s" under a minute, "about 10 min" above."""
        return (
            f"{self.seconds:.0f} s" if self.seconds < 60 else f"about {self.seconds / 60:.0f} min"
        )

    def short(self) -> str:
        """README's table cell: the time, marked "(MiniLM)" or "+ models" by what stood in."""
        if self.models == SMALL_ENCODER:
            return f"{self.minutes} (MiniLM)"
        return self.minutes if self.models == "own" else f"{self.minutes} + models"

    def sentence(self) -> str:
        """The badge cell's line on what full mode costs without a GPU."""
        head = f"**Full mode without a GPU** (measured {self.measured}; {self.machine}): "
        if self.models == SMALL_ENCODER:
            return head + (
                f"{self.minutes} with the small encoder {SMALL_ENCODER} in place of "
                "`bert-base-uncased`, which has five times its parameters: pick a GPU runtime "
                "for it."
            )
        if self.models == "own":
            return head + f"{self.minutes}; the models it trains are its own, sized for a CPU."
        return head + (
            f"{self.minutes} with the tiny stand-ins in place of the Hub models (the Hub was out "
            "of reach); the real models add their download and their compute, not measured here."
        )


@dataclass(frozen=True)
class CourseSetting:
    """Where the notebooks live on GitHub: `org/name` and branch."""

    repository: str
    branch: str
    costs: dict[str, CpuCost] = field(default_factory=dict, compare=False)

    def colab_url(self, notebook: str) -> str:
        """The Open-in-Colab address of `notebooks/<notebook>.ipynb`."""
        return (
            f"https://colab.research.google.com/github/{self.repository}/blob/"
            f"{self.branch}/notebooks/{notebook}.ipynb"
        )

    def badge(self, notebook: str) -> str:
        """The markdown badge that opens `notebook` in Colab."""
        return f"[![Open In Colab]({BADGE_IMAGE})]({self.colab_url(notebook)})"


def read_setting(pyproject: Path = REPO_ROOT / "pyproject.toml") -> CourseSetting:
    """Repository and branch from the `[tool.course]` table of pyproject.toml."""
    table = course_table(pyproject)
    return CourseSetting(table["repository"], table.get("branch", "main"), read_costs())


def read_costs(record: Path = CPU_RECORD) -> dict[str, CpuCost]:
    """Each notebook's measured full-mode CPU cost from `record` (none when it is missing)."""
    if not record.is_file():
        return {}
    data = json.loads(record.read_text(encoding="utf-8"))
    return {
        name: CpuCost(row["seconds"], row["models"], data["machine"], data["measured"])
        for name, row in data["notebooks"].items()
    }


def extras_of(text: str) -> list[str]:
    """The optional extras a lesson's text declares through `helpers.require_extra`, sorted."""
    return sorted(set(EXTRA_CALL.findall(text)))


def stamp_cells(setting: CourseSetting, notebook: str, extras: Sequence[str] = ()) -> str:
    """The two stamped cells (badge, hidden install cell that installs `extras`) as percent text."""
    install = INSTALL_CELL.format(
        mark=INSTALL_MARK,
        folder=COLAB_FOLDER,
        branch=setting.branch,
        repository=setting.repository,
        extras=f"[{','.join(extras)}]" if extras else "",
    )
    cost = setting.costs.get(notebook)
    caption = BADGE_CAPTION + (f"\n#\n# {cost.sentence()}" if cost else "")
    return f"# %% [markdown]\n# {setting.badge(notebook)} {caption}\n\n{install}\n"


def _is_stamped(chunk: str) -> bool:
    """Whether a cell's text is one of the stamped cells."""
    lines = chunk.splitlines()
    return (BADGE_IMAGE in chunk and lines[0].startswith("# %% [markdown]")) or (
        len(lines) > 1 and lines[0].startswith("# %%") and lines[1].startswith(INSTALL_MARK)
    )


def stamped_text(text: str, setting: CourseSetting, notebook: str) -> str:
    """`text` (a percent-format source) with fresh stamped cells right after its first cell.

    The first cell is the lesson's title and goals: the lesson comes first, the Colab setup
    (one badge line and a hidden install cell) right after it.
    """
    header_end = text.index("# ---\n", 4) + len("# ---\n") if text.startswith("# ---\n") else 0
    starts = [
        m.start()
        for m in re.finditer(r"^# %%", text, flags=re.MULTILINE)
        if m.start() >= header_end
    ]
    cells = [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)])]
    lesson = [cell for cell in cells if not _is_stamped(cell)]
    header = text[:header_end].rstrip("\n") + "\n\n" if header_end else ""
    first = lesson[0].rstrip("\n") + "\n\n" if lesson else ""
    stamps = stamp_cells(setting, notebook, extras_of("".join(lesson)))
    return header + first + stamps + "\n" + "".join(lesson[1:])


def is_install_cell(source: str) -> bool:
    """Whether a code cell's source is the stamped Colab install cell."""
    return source.startswith(INSTALL_MARK)


def chapter_table(setting: CourseSetting, readme: str) -> str:
    """README's chapter table: one row per notebook, old descriptions kept, new ones from titles."""
    known = dict(re.findall(r"^\| \[(\d\d_\w+)\]\(.*\| (.*?) \|$", readme, flags=re.MULTILINE))
    rows = ["| notebook | Colab | full mode, CPU | what you learn |", "|---|---|---|---|"]
    for source in sources():
        title = re.search(
            r"^# # \d+ · (.*)$", source.read_text(encoding="utf-8"), flags=re.MULTILINE
        )
        line = known.get(source.stem) or (title.group(1) if title else source.stem)
        cost = setting.costs.get(source.stem)
        rows.append(
            f"| [{source.stem}](notebooks/{source.stem}.ipynb) | "
            f"{setting.badge(source.stem)} | {cost.short() if cost else '-'} | {line} |"
        )
    return "\n".join(rows)


def stamped_readme(readme: str, setting: CourseSetting) -> str:
    """README text with the chapter table between the markers regenerated."""
    start, end = readme.index(TABLE_START) + len(TABLE_START), readme.index(TABLE_END)
    return readme[:start] + "\n" + chapter_table(setting, readme) + "\n" + readme[end:]


def stale(setting: CourseSetting, readme: Path = REPO_ROOT / "README.md") -> list[Path]:
    """The notebook sources (and README) whose stamp is not the current one."""
    found = [
        p
        for p in sources()
        if stamped_text(p.read_text(encoding="utf-8"), setting, p.stem)
        != p.read_text(encoding="utf-8")
    ]
    text = readme.read_text(encoding="utf-8")
    return found + ([readme] if stamped_readme(text, setting) != text else [])


def main(argv: list[str] | None = None) -> int:
    """Stamp every notebook source and README (or, with --check, list the stale ones)."""
    parser = argparse.ArgumentParser(prog="python -m tools.stamp", description=__doc__)
    parser.add_argument("--check", action="store_true", help="only list stale files; exit 1 if any")
    check = parser.parse_args(argv).check
    setting = read_setting()
    paths = stale(setting)
    for path in paths:
        print(f"{'stale' if check else 'stamped'}: {path.relative_to(REPO_ROOT)}")
    if check:
        return 1 if paths else 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        new = (
            stamped_readme(text, setting)
            if path.suffix == ".md"
            else stamped_text(text, setting, path.stem)
        )
        path.write_text(new, encoding="utf-8")
    print(
        f"{setting.repository}@{setting.branch}: {len(paths)} file(s) updated; "
        "now run `make outputs` for the notebooks."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
