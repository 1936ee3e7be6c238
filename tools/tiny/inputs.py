"""What the tiny stand-ins are built from, hashed: the builder records it, a test compares it.

The inputs are the builder's code (tools/tiny) and the course data it trains on (data/, the
checkpoints aside), for every stand-in; and the files that only some stand-ins are made from,
for those alone (the Korean stand-in's recipe, tools/tiny/korean.py, for it and what is built
on it; chapter 09's source and settings, which the builder runs through tools/tiny/lesson09.py,
for the review models and the analyser; chapter 11's source and tools/tiny/lesson11.py for the
analyser): an edit there makes those stand-ins stale, not all.
Each stand-in's `tiny_build.json` holds the digest of the inputs it was built from, and a full
build lists each input's hash in `INPUTS.sha256`, so a test can name the files that changed.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from helpers.paths import REPO_ROOT

INPUTS_NAME = "INPUTS.sha256"
DIGEST_KEY = "inputs_sha256"
# The files only some stand-ins are made from: inputs of those stand-ins only. The review
# models are built on the Korean stand-in, so its recipe is theirs too.
KOREAN = "tools/tiny/korean.py"
REVIEW_MODELS = (
    KOREAN,
    "sources/09_custom_data.py",
    "helpers/chapters/ch09_models.py",
    "tools/tiny/lesson09.py",
)
OWN_INPUTS = {
    "klue/roberta-base": (KOREAN,),
    "course/review-models": REVIEW_MODELS,
    # Chapter 11 serves the review models: what makes them makes it too.
    "course/review-analyser": (
        *REVIEW_MODELS,
        "sources/11_compression_and_serving.py",
        "tools/tiny/lesson11.py",
    ),
}
INPUT_PATTERNS = (
    "tools/tiny/*.py",
    "data/**/*",
    *sorted({path for paths in OWN_INPUTS.values() for path in paths}),
)
# The checkpoints are the output; the bars judge what was built and the command line only
# parses arguments: neither changes a stand-in.
NOT_INPUTS = (
    "data/checkpoints/",
    "tools/tiny/bars.py",
    "tools/tiny/inputs.py",
    "tools/tiny/__main__.py",
    "tools/tiny/__init__.py",
)


def input_files(root: Path = REPO_ROOT) -> list[Path]:
    """Every input file under `root`, sorted, caches and the checkpoints themselves left out."""
    found = {p for pattern in INPUT_PATTERNS for p in root.glob(pattern) if p.is_file()}
    return sorted(
        p
        for p in found
        if "__pycache__" not in p.parts
        and not p.relative_to(root).as_posix().startswith(NOT_INPUTS)
    )


def file_hash(path: Path) -> str:
    """SHA-256 of a file with CRLF line ends read as LF (a Windows checkout hashes the same)."""
    return hashlib.sha256(path.read_bytes().replace(b"\r\n", b"\n")).hexdigest()


def input_hashes(root: Path = REPO_ROOT) -> dict[str, str]:
    """{posix path under `root`: hash} of every input."""
    return {p.relative_to(root).as_posix(): file_hash(p) for p in input_files(root)}


def for_stand_in(hashes: dict[str, str], hub_id: str) -> dict[str, str]:
    """The inputs of the stand-in `hub_id`: all of `hashes` but the files other stand-ins are
    made from and it is not."""
    own = set(OWN_INPUTS.get(hub_id, ()))
    others = {path for paths in OWN_INPUTS.values() for path in paths} - own
    return {name: value for name, value in hashes.items() if name not in others}


def digest(hashes: dict[str, str]) -> str:
    """One hash of all the inputs (their paths and contents)."""
    return hashlib.sha256(listing(hashes).encode()).hexdigest()


def listing(hashes: dict[str, str]) -> str:
    """The inputs in `sha256sum` format, one line each."""
    return "".join(f"{hashes[name]}  {name}\n" for name in sorted(hashes))


def read_listing(path: Path) -> dict[str, str]:
    """{path: hash} from an `INPUTS.sha256` file; empty when there is none."""
    if not path.is_file():
        return {}
    pairs = (line.split("  ", 1) for line in path.read_text().splitlines() if line.strip())
    return {name: value for value, name in pairs}


def changed(recorded: dict[str, str], now: dict[str, str]) -> list[str]:
    """Inputs added, removed or edited between two listings."""
    return sorted(n for n in recorded.keys() | now.keys() if recorded.get(n) != now.get(n))
