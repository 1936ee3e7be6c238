"""The layout's contract: `helpers` (what notebooks import) is light and never imports `tools`
(what maintainers run); notebooks never import `tools`; no import cycles in either package."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.paths import REPO_ROOT as REPO
from tools.sources import SOURCES_DIR, python_code

PACKAGES = ("helpers", "tools")


def module_name(path: Path) -> str:
    """helpers/exercises/ch01.py -> helpers.exercises.ch01; a package's __init__ -> the package."""
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for package in PACKAGES for p in (REPO / package).rglob("*.py")}


def _type_checking_lines(tree: ast.Module) -> set[int]:
    """Line numbers inside `if TYPE_CHECKING:` blocks (imports there never run)."""
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            lines |= {n.lineno for n in ast.walk(node) if hasattr(n, "lineno")}
    return lines


def imports(path: Path) -> set[str]:
    """Every module `path` imports when it runs, at the top or inside functions (a lesson's
    source: its Python cells)."""
    text = python_code(path) if path.parent == SOURCES_DIR else path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    skipped, found = _type_checking_lines(tree), set()
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skipped:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            subs = {f"{node.module}.{alias.name}" for alias in node.names}
            found |= (subs & MODULES.keys()) or {node.module}
    return found


def internal_graph() -> dict[str, set[str]]:
    """Edges between the modules of helpers and tools."""
    return {
        name: {m for m in imports(path) if m in MODULES and m != name}
        for name, path in MODULES.items()
    }


def test_helpers_never_imports_tools():
    offenders = {
        name: sorted(m for m in imports(path) if m.split(".")[0] == "tools")
        for name, path in MODULES.items()
        if name.startswith("helpers")
    }
    assert not any(offenders.values()), offenders


def test_notebooks_never_import_tools():
    offenders = [
        p.name
        for p in (REPO / "sources").glob("*.py")
        if any(m.split(".")[0] == "tools" for m in imports(p))
    ]
    assert not offenders


CHAPTER_PACKAGES = ("helpers.chapters", "helpers.exercises")
# The tools that build or publish what a chapter makes: the tiny builder (it runs lesson 09),
# the review data generator, the publisher of chapter 09's models.
BUILDERS = ("tools.tiny", "tools.reviews", "tools.publish_review_models")


def is_chapter_module(name: str) -> bool:
    """Whether `name` is chapter plumbing or an exercise module (not the kernel)."""
    return name.startswith(tuple(f"{package}." for package in CHAPTER_PACKAGES))


KERNEL = [n for n in MODULES if n.startswith("helpers") and not n.startswith(CHAPTER_PACKAGES)]


def test_the_kernel_never_imports_a_chapter():
    """helpers/ itself (setup, mode, paths, checkpoints, data, metrics, plots, ...) knows no
    chapter: chapter plumbing lives in helpers/chapters, exercises in helpers/exercises."""
    offenders = {
        name: sorted(m for m in imports(MODULES[name]) if is_chapter_module(m)) for name in KERNEL
    }
    assert not any(offenders.values()), {k: v for k, v in offenders.items() if v}


def test_tools_import_chapter_modules_only_from_the_builders():
    offenders = {
        name: sorted(m for m in imports(path) if is_chapter_module(m))
        for name, path in MODULES.items()
        if name.startswith("tools") and not name.startswith(BUILDERS)
    }
    assert not any(offenders.values()), {k: v for k, v in offenders.items() if v}


def test_the_kernel_is_small():
    """The design card's "small shared helper package": the kernel stays under 2,000 lines."""
    lines = sum(len(MODULES[name].read_text(encoding="utf-8").splitlines()) for name in KERNEL)
    assert lines < 2000, f"helpers' kernel has {lines} lines"


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle as a list of modules, or [] when the graph has none."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        state[node] = 2
        stack.pop()
        return []

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return []


def test_find_cycle_finds_one():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles():
    assert find_cycle(internal_graph()) == []


@pytest.mark.parametrize("heavy", ["torch", "matplotlib", "datasets", "evaluate", "transformers"])
def test_import_helpers_loads_no_heavy_library(heavy):
    code = f"import helpers, sys; print({heavy!r} in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        timeout=60,
    )
    assert done.stdout.strip() == "False"


def test_every_public_name_of_helpers_loads():
    import helpers

    missing = [name for name in helpers.__all__ if getattr(helpers, name, None) is None]
    assert not missing
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        helpers.nope  # noqa: B018


def test_the_public_names_are_the_lazy_ones():
    import helpers

    assert helpers.__all__ == sorted(helpers._EXPORTS)


def test_each_public_name_is_declared_by_one_module_only():
    """The export list is each module's `__all__`: a name two modules declare would hide one."""
    import helpers

    owners: dict[str, list[str]] = {}
    for path in helpers._module_files():
        for name in helpers.declared_names(path):
            owners.setdefault(name, []).append(str(path))
    twice = {name: paths for name, paths in owners.items() if len(paths) > 1}
    assert not twice
    assert set(owners) == set(helpers.__all__)


def test_the_readmes_layout_map_names_every_module_and_folder():
    """A module or folder added to helpers/ or tools/ gets its line in README's Layout map."""
    import re

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    layout = readme.split("### Layout", 1)[1].split("```")[1]
    words = set(re.findall(r"[\w]+/?", layout))
    missing = []
    for package in PACKAGES:
        for path in sorted((REPO / package).iterdir()):
            if path.name.startswith(("_", ".")):
                continue
            name = f"{path.name}/" if path.is_dir() else path.stem
            if path.suffix in {".py", ""} and name not in words:
                missing.append(f"{package}/{path.name}")
    assert not missing, f"add them to README's Layout map: {missing}"
