"""What the course notebooks import: mode, checkpoints, data, metrics, plots, exercises and checks.

The top level is lazy (PEP 562 `__getattr__`): `import helpers` loads no torch, matplotlib,
datasets or evaluate; each name loads its module on first use, after `setup_notebook()` has set
the offline variables. The public names are each module's own `__all__`, read from its source
without importing it: adding a helper means writing it and naming it in its module's `__all__`.
Maintainer commands live in the separate `tools` package, which nothing here imports.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

_PACKAGE = Path(__file__).parent


def _module_name(path: Path) -> str:
    """`helpers/exercises/ch01.py` -> "exercises.ch01"; a package's `__init__.py` -> its name."""
    parts = path.relative_to(_PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def declared_names(path: Path) -> list[str]:
    """The names a module lists in its top-level `__all__` (none when it has none)."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "__all__" for target in node.targets
        ):
            return list(ast.literal_eval(node.value))
    return []


def _module_files() -> list[Path]:
    """Every module of the package but this file, the one that gathers their names."""
    return [path for path in sorted(_PACKAGE.rglob("*.py")) if path != Path(__file__)]


def _exports() -> dict[str, str]:
    """Public name -> the module that defines it, from every module's `__all__`."""
    found: dict[str, str] = {}
    for path in _module_files():
        for name in declared_names(path):
            found.setdefault(name, _module_name(path))
    return found


_EXPORTS = _exports()
__all__ = sorted(_EXPORTS)  # noqa: PLE0605 - derived from each module's own list


def __getattr__(name: str):
    """Load the module that defines `name` on first use (PEP 562)."""
    if name not in _EXPORTS:
        raise AttributeError(f"module 'helpers' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"helpers.{_EXPORTS[name]}"), name)
    globals()[name] = value  # later look-ups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
