"""`python -m tools.manifest`: write the checksum manifest of the committed tiny checkpoints.

`data/checkpoints/MANIFEST.sha256` lists every file under data/checkpoints in `sha256sum`
format (`cd data/checkpoints && sha256sum -c MANIFEST.sha256` verifies it too). Rewrite it after
rebuilding checkpoints; `python -m tools.doctor` and a test compare it with the files.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from helpers.paths import tiny_checkpoints_dir

MANIFEST_NAME = "MANIFEST.sha256"


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def checksums(folder: Path) -> dict[str, str]:
    """{posix relative path: sha256} of every file under `folder` but the manifest itself."""
    return {
        p.relative_to(folder).as_posix(): sha256(p)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != MANIFEST_NAME
    }


def write_manifest(folder: Path | None = None) -> Path:
    """Write the manifest of `folder` (default: the tiny checkpoints) and return its path."""
    folder = folder or tiny_checkpoints_dir()
    path = folder / MANIFEST_NAME
    path.write_text("".join(f"{digest}  {name}\n" for name, digest in checksums(folder).items()))
    return path


def read_manifest(folder: Path | None = None) -> dict[str, str]:
    """{path: sha256} recorded in the manifest of `folder`; empty when there is none."""
    path = (folder or tiny_checkpoints_dir()) / MANIFEST_NAME
    if not path.is_file():
        return {}
    pairs = (line.split("  ", 1) for line in path.read_text().splitlines() if line.strip())
    return {name: digest for digest, name in pairs}


def verify(folder: Path | None = None) -> dict[str, list[str]]:
    """Differences between the manifest and the files: changed, missing and unlisted paths."""
    folder = folder or tiny_checkpoints_dir()
    recorded, actual = read_manifest(folder), checksums(folder)
    return {
        "changed": sorted(n for n in recorded if n in actual and actual[n] != recorded[n]),
        "missing": sorted(n for n in recorded if n not in actual),
        "unlisted": sorted(n for n in actual if n not in recorded),
    }


def main(argv: list[str] | None = None) -> int:
    """Write the manifest of the tiny checkpoints (or of --dir)."""
    parser = argparse.ArgumentParser(prog="python -m tools.manifest", description=__doc__)
    parser.add_argument("--dir", type=Path, help="checkpoint folder (default: data/checkpoints)")
    path = write_manifest(parser.parse_args(argv).dir)
    print(f"wrote {path} ({len(read_manifest(path.parent))} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
