"""What nbval compares, for the tools that compare outputs too (rerun guards, the canary).

The code cells not tagged `nbval-ignore-output` or `nbval-skip`, their text outputs sanitized
by tests/sanitize.cfg (parsed by nbval itself), and where a run differs from the saved outputs.
"""

from __future__ import annotations

import re

from helpers.paths import REPO_ROOT
from tools.runner import text_outputs

SANITIZE_CFG = REPO_ROOT / "tests" / "sanitize.cfg"
NOT_COMPARED = {"nbval-ignore-output", "nbval-skip"}


def sanitize(texts: list[str]) -> list[str]:
    """Apply tests/sanitize.cfg to output texts, parsed by nbval itself."""
    from nbval.plugin import get_sanitize_patterns

    for pattern, replacement in get_sanitize_patterns(SANITIZE_CFG.read_text(encoding="utf-8")):
        texts = [re.sub(pattern, replacement, text) for text in texts]
    return texts


def compared(notebook, texts: list[str]) -> list[str]:
    """The texts of the code cells nbval compares (not tagged nbval-ignore-output or nbval-skip)."""
    code = [c for c in notebook.cells if c.cell_type == "code"]
    return [t for c, t in zip(code, texts) if not NOT_COMPARED & set(c.metadata.get("tags", []))]


def compared_texts(notebook, streams: tuple[str, ...] = ("stdout", "stderr")) -> list[str]:
    """The sanitized texts of the compared cells, with the output streams named in `streams`."""
    return sanitize(compared(notebook, text_outputs(notebook, streams)))


def differences(ran: list[str], saved: list[str]) -> list[str]:
    """One line per compared cell whose output differs: its index and both texts, shortened."""
    if len(ran) != len(saved):
        return [f"{len(ran)} compared cells ran, {len(saved)} saved"]
    return [
        f"compared cell {i}: saved {b[-300:]!r}, ran {a[-300:]!r}"
        for i, (a, b) in enumerate(zip(ran, saved))
        if a != b
    ]


def first_differing_line(ran: str, saved: str) -> str:
    """`saved: ... | now: ...` for the first line where two output texts differ."""
    now, before = (
        re.sub(r"^(stdout|stderr): ", "", t, flags=re.MULTILINE).splitlines() for t in (ran, saved)
    )
    for index in range(max(len(now), len(before))):
        a = now[index] if index < len(now) else "(nothing)"
        b = before[index] if index < len(before) else "(nothing)"
        if a != b:
            return f"saved: {b.strip()[:100]} | now: {a.strip()[:100]}"
    return ""
