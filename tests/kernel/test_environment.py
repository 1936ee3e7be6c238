"""Environment variables: read in one module, and the README's table lists the same names."""

import ast
import re

import pytest

from helpers import environment
from helpers.paths import REPO_ROOT


def reads_of_the_environment(tree: ast.AST) -> list[int]:
    """Lines that read `os.environ` (`.get`, a subscript read) or call `os.getenv`."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = ast.unparse(node.func.value)
            if (owner == "os.environ" and node.func.attr == "get") or (
                owner == "os" and node.func.attr == "getenv"
            ):
                lines.append(node.lineno)
        elif (
            isinstance(node, ast.Subscript)
            and isinstance(node.ctx, ast.Load)
            and ast.unparse(node.value) == "os.environ"
        ):
            lines.append(node.lineno)
    return lines


# The app chapter 11 writes stands alone (public packages only), so it reads its one setting,
# REVIEW_MODEL_DIR, itself; the README's serving section documents it.
OWN_READERS = {
    REPO_ROOT / "helpers" / "environment.py",
    REPO_ROOT / "apps" / "review_analyser" / "app.py",
}


def test_only_the_environment_module_reads_the_environment():
    files = [
        p
        for folder in ("helpers", "tools", "apps")
        for p in (REPO_ROOT / folder).rglob("*.py")
        if p not in OWN_READERS
    ]
    found = {
        str(p.relative_to(REPO_ROOT)): lines
        for p in files
        if (lines := reads_of_the_environment(ast.parse(p.read_text(encoding="utf-8"))))
    }
    assert not found, f"read them with helpers.environment.read: {found}"


def test_the_check_finds_a_read():
    code = "import os\na = os.environ.get('X')\nb = os.getenv('Y')\nc = os.environ['Z']\n"
    assert reads_of_the_environment(ast.parse(code)) == [2, 3, 4]
    assert reads_of_the_environment(ast.parse("import os\nos.environ['Z'] = '1'\n")) == []


def test_the_readmes_table_lists_every_variable():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("| variable | effect |", 1)[1].split("\n\n", 1)[0]
    first_cells = " ".join(re.split(r"(?<!\\)\|", row)[1] for row in table.splitlines()[2:])
    named = set(re.findall(r"`([A-Z][A-Z_]+)(?:=[^`]*)?`", first_cells))
    assert named == set(environment.VARIABLES)


def test_read_strips_and_refuses_unknown_names(monkeypatch):
    monkeypatch.setenv("COURSE_RUN_DIR", "  /tmp/runs \n")
    assert environment.read("COURSE_RUN_DIR") == "/tmp/runs"
    monkeypatch.delenv("COURSE_RUN_DIR")
    assert environment.read("COURSE_RUN_DIR") == ""
    with pytest.raises(KeyError, match="helpers/environment.py"):
        environment.read("COURSE_NOPE")
