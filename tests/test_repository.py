"""Repository-wide guards: current APIs, no secrets or absolute paths, notebook pairs in sync."""

import re
import tomllib

import nbformat
import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

from helpers.paths import REPO_ROOT as REPO
from tools.sources import NOTEBOOKS_DIR, SOURCES_DIR, notebook_of, read_source, sources
from tools.stamp import is_install_cell

CODE = sorted(
    [
        *REPO.glob("helpers/**/*.py"),
        *REPO.glob("tools/**/*.py"),
        *SOURCES_DIR.glob("*.py"),
        *REPO.glob("scripts/*.py"),
    ]
)
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
    hits = [
        str(p.relative_to(REPO))
        for p, text in texts_to_scan()
        if re.search(pattern, text) and p.name != "test_repository.py"
    ]
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
    ipynb = notebook_of(source)
    assert ipynb.exists(), f"{ipynb.name} missing: run `make outputs`"
    expected = [
        (c.cell_type, c.source, c.metadata.get("tags", [])) for c in read_source(source).cells
    ]
    saved = [
        (c.cell_type, c.source, c.metadata.get("tags", []))
        for c in nbformat.read(ipynb, as_version=4).cells
    ]
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
    """{normalized name: version} of requirements-lock.txt."""
    from packaging.utils import canonicalize_name

    lines = (REPO / "requirements-lock.txt").read_text().splitlines()
    pins = [line.split("#")[0].strip() for line in lines]
    return {
        canonicalize_name(p.split("==")[0]): p.split("==")[1].split(";")[0].strip()
        for p in pins
        if "==" in p
    }


def test_environment_yml_installs_the_lock_file():
    env = yaml.safe_load((REPO / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-r requirements-lock.txt" in pip and not any("==" in line for line in pip)
    python = next(d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python"))
    requires = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["requires-python"]
    assert SpecifierSet(requires).contains(python.split("=")[1] + ".0")


def declared_requirements() -> list[Requirement]:
    """Every requirement of pyproject.toml: the dependencies and every extra."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    extras = project.get("optional-dependencies", {}).values()
    return [Requirement(r) for r in [*project["dependencies"], *(r for e in extras for r in e)]]


@pytest.mark.parametrize("requirement", declared_requirements(), ids=str)
def test_the_lock_pins_every_declared_requirement_within_its_range(requirement):
    from packaging.utils import canonicalize_name

    pins = lock_pins()
    name = canonicalize_name(requirement.name)
    assert name in pins, f"{name} is declared but not locked: run `make lock`"
    assert requirement.specifier.contains(pins[name], prereleases=True), (
        f"the lock's {name}=={pins[name]} is outside pyproject's {requirement}: run `make lock`"
    )


def test_every_third_party_import_is_declared():
    import ast
    import sys

    from packaging.utils import canonicalize_name

    distribution = {
        "sklearn": "scikit-learn",
        "yaml": "pyyaml",
        "huggingface_hub": "huggingface-hub",
    }
    local = {"helpers", "tools", "conftest"}
    declared = {canonicalize_name(r.name) for r in declared_requirements()}
    imported = set()
    for path in [
        *REPO.glob("helpers/**/*.py"),
        *REPO.glob("tools/**/*.py"),
        *REPO.glob("tests/**/*.py"),
    ]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - local - {"__future__"}
    missing = {m for m in third_party if canonicalize_name(distribution.get(m, m)) not in declared}
    assert not missing, f"imported but not declared in pyproject.toml: {sorted(missing)}"


@pytest.mark.parametrize("source", sources(), ids=lambda p: p.stem)
def test_saved_cell_ids_are_stable(source):
    saved = nbformat.read(notebook_of(source), as_version=4)
    assert [c.id for c in saved.cells] == [c.id for c in read_source(source).cells]
