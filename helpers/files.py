"""What a `save_pretrained` folder holds: file sizes, total size on disk."""

from __future__ import annotations

from pathlib import Path

__all__ = ["folder_size", "show_files"]


def folder_size(path, pattern: str = "*") -> int:
    """Bytes of the files under `path` whose names match `pattern` (e.g. "*.safetensors")."""
    path = Path(path)
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob(pattern) if p.is_file())


def show_files(path) -> None:
    """Print each file under `path` with its size in KiB, then the total."""
    path = Path(path)
    files = sorted(p for p in path.rglob("*") if p.is_file())
    width = max((len(str(p.relative_to(path))) for p in files), default=0)
    for file in files:
        print(f"{file.relative_to(path)!s:<{width}}  {file.stat().st_size / 1024:9.1f} KiB")
    print(f"{'total':<{width}}  {folder_size(path) / 1024:9.1f} KiB")
