"""Optional dependencies: a clear message naming the install command when one is missing."""

from __future__ import annotations

import importlib.util

from helpers.errors import CourseError

__all__ = ["require_extra"]


def require_extra(extra: str, *modules: str) -> None:
    """Raise a CourseError naming the command that installs `extra` when any of `modules`
    cannot be imported (`make` installs every extra; a plain `pip install -e .` does not)."""
    missing = [name for name in modules if importlib.util.find_spec(name) is None]
    if missing:
        raise CourseError(
            f"This lesson needs {', '.join(missing)}, from the course's optional '{extra}' "
            f"extra. Fix: run `make` in the course's folder (it installs every extra), or "
            f"`pip install -e '.[{extra}]'` there; in Colab run "
            f"`!pip install --quiet -e '/content/hf-course[{extra}]'` and restart the runtime."
        )
