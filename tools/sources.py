"""The notebooks' text sources (`sources/NN_topic.py`, jupytext percent) and their paired .ipynb."""

from __future__ import annotations

from pathlib import Path

from helpers.paths import REPO_ROOT

SOURCES_DIR = REPO_ROOT / "sources"
NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
KERNEL = {"display_name": "Python 3", "language": "python", "name": "python3"}


def sources(names: list[str] | None = None) -> list[Path]:
    """The text sources of the notebooks (all, or those whose name starts with one of `names`)."""
    found = sorted(SOURCES_DIR.glob("[0-9][0-9]_*.py"))
    if names:
        found = [p for p in found if any(p.stem.startswith(Path(n).stem) for n in names)]
    return found


def notebook_of(source: Path) -> Path:
    """The .ipynb paired with a text source: notebooks/<same name>.ipynb."""
    return NOTEBOOKS_DIR / f"{source.stem}.ipynb"


def read_source(path: Path):
    """The notebook a text source describes, without outputs, with stable cell ids."""
    import jupytext

    notebook = jupytext.read(path)
    notebook.metadata["kernelspec"] = dict(KERNEL)
    for index, cell in enumerate(notebook.cells):
        cell.id = (
            f"cell-{index:03d}"  # stable ids: a regenerated .ipynb diffs only where it changed
        )
    return notebook


def python_code(source: Path) -> str:
    """The Python a lesson runs: its code cells, without the cells that start with a cell magic
    (`%%writefile Dockerfile` holds a Dockerfile, not Python), joined in notebook order."""
    cells = read_source(source).cells
    code = [c.source for c in cells if c.cell_type == "code" and not c.source.startswith("%%")]
    return "\n\n".join(code) + "\n"


def lesson_code(source: Path, names: set[str], namespace: dict | None = None) -> dict:
    """The lesson's own definitions named in `names` (functions, classes, assigned constants),
    executed with the lesson's top-level imports in `namespace` (give it the globals they use,
    such as `tokenizer`), so tests check the code learners read instead of a copy of it."""
    import ast

    def wanted(node: ast.stmt) -> bool:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            return True
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            return node.name in names
        if isinstance(node, ast.Assign):
            return any(isinstance(t, ast.Name) and t.id in names for t in node.targets)
        return False

    tree = ast.parse(python_code(source), filename=str(source))
    found = [node for node in tree.body if wanted(node)]
    defined = {getattr(n, "name", None) for n in found} | {
        t.id
        for n in found
        if isinstance(n, ast.Assign)
        for t in n.targets
        if isinstance(t, ast.Name)
    }
    if missing := names - defined:
        raise LookupError(f"{source.name} defines no {', '.join(sorted(missing))} at top level")
    namespace = {} if namespace is None else namespace
    exec(compile(ast.Module(body=found, type_ignores=[]), str(source), "exec"), namespace)  # noqa: S102
    return namespace
