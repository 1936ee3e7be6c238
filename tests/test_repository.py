"""Repository-wide guards: current APIs, no secrets or absolute paths, notebook pairs in sync."""

import re
from pathlib import Path

import nbformat
import pytest
import yaml

from helpers.outputs import NOTEBOOKS_DIR, read_source, sources
from helpers.stamp import is_install_cell

REPO = Path(__file__).resolve().parent.parent
CODE = sorted([*REPO.glob("helpers/**/*.py"), *NOTEBOOKS_DIR.glob("*.py"), *REPO.glob("scripts/*.py")])
NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))
REMOVED_APIS = {
    r"\bevaluation_strategy\s*=": "eval_strategy=",
    r"\bdatasets\.load_metric\b|from datasets import .*\bload_metric\b": "evaluate.load",
    r"transformers\.AdamW|from transformers import .*\bAdamW\b": "torch.optim.AdamW",
    r"Trainer\([^)]*\btokenizer\s*=": "Trainer(processing_class=...)",
    r"\buse_auth_token\b": "token=",
    r"\bencode_plus\b|\bbatch_encode_plus\b": "call the tokenizer",
    r"optim\s*=\s*[\"']adamw_hf[\"']": "optim='adamw_torch'",
    r"\boverwrite_output_dir\b|\bno_cuda\s*=|\blogging_dir\s*=": "see DESIGN.md",
}
SECRETS = r"hf_[A-Za-z0-9]{30,}|(?:/home/|/Users/|/root/|/work/|[A-Z]:\\\\)"


def texts_to_scan():
    for path in CODE:
        yield path, path.read_text(encoding="utf-8")


@pytest.mark.parametrize("pattern, fix", REMOVED_APIS.items())
def test_no_removed_api(pattern, fix):
    hits = [str(p.relative_to(REPO)) for p, text in texts_to_scan() if re.search(pattern, text)
            and p.name != "test_repository.py"]
    assert not hits, f"removed API in {hits}; use {fix}"


def test_no_tokens_or_absolute_paths_in_code_or_saved_outputs():
    scanned = [*texts_to_scan(), *((p, p.read_text(encoding="utf-8")) for p in NOTEBOOKS)]
    hits = [str(p.relative_to(REPO)) for p, text in scanned if re.search(SECRETS, text)]
    assert not hits


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_has_no_widget_state_and_has_outputs(notebook):
    nb = nbformat.read(notebook, as_version=4)
    assert "widgets" not in nb.metadata
    assert any(cell.get("outputs") for cell in nb.cells), "run `make outputs`"


@pytest.mark.parametrize("source", sources(), ids=lambda p: p.stem)
def test_text_source_and_notebook_are_in_sync(source):
    ipynb = source.with_suffix(".ipynb")
    assert ipynb.exists(), f"{ipynb.name} missing: run `make outputs`"
    expected = [(c.cell_type, c.source, c.metadata.get("tags", [])) for c in read_source(source).cells]
    saved = [(c.cell_type, c.source, c.metadata.get("tags", []))
             for c in nbformat.read(ipynb, as_version=4).cells]
    assert saved == expected, f"{ipynb.name} is stale: run `make outputs {source.stem}`"


@pytest.mark.parametrize("source", sources(), ids=lambda p: p.stem)
def test_notebook_conventions(source):
    cells = read_source(source).cells
    code = [c for c in cells if c.cell_type == "code" and not is_install_cell(c.source)]
    markdown = "\n".join(c.source for c in cells if c.cell_type == "markdown")
    assert "helpers.setup_notebook(" in code[0].source
    assert "saved outputs" in markdown.lower() and "tiny mode" in markdown.lower()
    assert "## Summary" in markdown and "## Quiz" in markdown and "Try it" in markdown
    long = [c.source.splitlines()[0] for c in code if len(c.source.splitlines()) > 16]
    assert not long, f"cells over 16 lines: {long}"


def lock_pins() -> dict[str, str]:
    lines = (REPO / "requirements-lock.txt").read_text().splitlines()
    return dict(line.split("==") for line in lines if line and not line.startswith("#"))


def test_environment_yml_names_the_lock_pins():
    env = yaml.safe_load((REPO / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    env_pins = dict(line.split("==") for line in pip if "==" in line)
    pins = lock_pins()
    assert env_pins == pins, "environment.yml and requirements-lock.txt disagree"
    python = next(d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python"))
    assert python == "python=3.11"
    for name, version in {"transformers": "5.23.0", "datasets": "5.2.0", "evaluate": "0.4.6",
                          "peft": "0.21.2", "accelerate": "1.15.0", "torch": "2.13.0",
                          "nbval": "0.11.0"}.items():
        assert pins[name] == version


@pytest.mark.parametrize("source", sources(), ids=lambda p: p.stem)
def test_saved_cell_ids_are_stable(source):
    saved = nbformat.read(source.with_suffix(".ipynb"), as_version=4)
    assert [c.id for c in saved.cells] == [c.id for c in read_source(source).cells]
