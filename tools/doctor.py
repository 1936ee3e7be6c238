"""`python -m tools.doctor [--all]`: check that this machine can run the course.

Prints one row per check (OK, WARN or FAIL): Python, packages against the lock's pins (newer
is a warning, older or missing a failure), whether the course's libraries import, the torch
build, threads, GPU, the Hub, the mode notebooks will use, the run folder, and the tiny
checkpoints against their checksum manifest. Exit code 0 only when nothing fails.

It starts on the standard library alone and imports each library inside its own check, so on
a broken machine (torch missing, say) it still prints every row; a check that crashes becomes a
FAIL row naming the error.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from helpers import environment
from helpers.libraries import COURSE_LIBRARIES, KEY_PACKAGES
from helpers.paths import REPO_ROOT, run_root, tiny_checkpoints_dir

LOCK = REPO_ROOT / "requirements-lock.txt"
CHECKS_PYTHON = ((3, 11), (3, 11))


@dataclass(frozen=True)
class Check:
    """One row of the report."""

    status: str  # OK, WARN or FAIL
    name: str
    detail: str


def check_python(version: tuple[int, int] = sys.version_info[:2]) -> Check:
    """Python 3.11+ works (the lock's numpy, pandas and transformers need it); 3.11 is tested."""
    minimum, tested = CHECKS_PYTHON
    text = ".".join(map(str, version))
    if version < minimum:
        return Check("FAIL", "python", f"{text}: the course needs Python 3.11 or newer")
    if version != tested:
        return Check("WARN", "python", f"{text}: should work, but the lock is tested on 3.11")
    return Check("OK", "python", text)


def lock_pins(lock: Path = LOCK) -> dict[str, str]:
    """{package: version} from the lock file."""
    lines = lock.read_text().splitlines()
    return dict(
        line.strip().split("==") for line in lines if "==" in line and not line.startswith("#")
    )


def _version_key(text: str) -> tuple:
    """A comparable key for a version string (its leading numbers: 5.23.0rc1 -> (5, 23, 0))."""
    numbers = []
    for part in text.split("+")[0].split("."):
        digits = "".join(c for c in part if c.isdigit()) if part[:1].isdigit() else ""
        if not digits:
            break
        numbers.append(int(digits))
    return tuple(numbers)


def check_package(name: str, pinned: str, installed: str | None) -> Check:
    """One package against its pin."""
    if installed is None:
        return Check(
            "FAIL", name, f"missing (pinned {pinned}): pip install -r requirements-lock.txt"
        )
    if installed.split("+")[0] == pinned.split("+")[0]:
        return Check("OK", name, installed)
    if _version_key(installed) > _version_key(pinned):
        return Check("WARN", name, f"{installed} is newer than the pinned {pinned}")
    return Check("FAIL", name, f"{installed} is older than the pinned {pinned}")


def installed_version(name: str) -> str | None:
    """The installed version of a distribution, or None."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return None


def canonical(name: str) -> str:
    """A distribution name the way packaging tools compare them (huggingface_hub = huggingface-hub)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def check_packages(pins: dict[str, str], show_all: bool = False) -> list[Check]:
    """Rows for the key packages and every mismatch; one summary row for the rest."""
    rows = [check_package(n, v, installed_version(n)) for n, v in pins.items()]
    key = {canonical(name) for name in KEY_PACKAGES}
    shown = [r for r in rows if show_all or canonical(r.name) in key or r.status != "OK"]
    rest = len(rows) - len(shown)
    if rest:
        shown.append(Check("OK", "other packages", f"{rest} more match the lock's pins"))
    return shown


def check_torch_threads() -> Check:
    """torch's thread count (notebooks pin one thread so outputs are bit-stable)."""
    try:
        import torch
    except ImportError:
        return Check("FAIL", "torch threads", "torch does not import")
    return Check(
        "OK",
        "torch threads",
        f"{torch.get_num_threads()} here on {os.cpu_count()} "
        "CPUs; tiny mode pins 1, full mode uses them all",
    )


def torch_build(version: str, cuda: str | None, mps: bool) -> str:
    """Which torch build this is, in words: CPU, CUDA (with its version) or Apple's MPS."""
    if cuda:
        return f"{version}, CUDA {cuda} build"
    if mps:
        return f"{version}, macOS build with MPS"
    return f"{version}, CPU build"


def check_torch_build() -> Check:
    """The installed torch build: a CUDA build on a machine without a GPU is a warning (size)."""
    try:
        import torch
    except ImportError:
        return Check("FAIL", "torch build", "torch does not import")
    mps = bool(getattr(torch.backends, "mps", None) and torch.backends.mps.is_built())
    detail = torch_build(torch.__version__, torch.version.cuda, mps)
    if torch.version.cuda and not torch.cuda.is_available():
        return Check(
            "WARN",
            "torch build",
            detail + " but no GPU here: the CPU build is much "
            "smaller (make lab installs it from PyTorch's CPU index)",
        )
    return Check("OK", "torch build", detail)


def check_import(module: str) -> Check:
    """Whether `module` imports (installed metadata alone does not prove it)."""
    import importlib

    try:
        importlib.import_module(module)
    except Exception as error:  # noqa: BLE001 - any failure to import is the finding
        return Check("FAIL", f"import {module}", f"{type(error).__name__}: {error}"[:200])
    return Check("OK", f"import {module}", "imports")


def check_gpu() -> Check:
    """Whether CUDA is available (either is fine; full-mode training wants one)."""
    try:
        import torch
    except ImportError:
        return Check("FAIL", "gpu", "torch does not import")
    if torch.cuda.is_available():
        return Check("OK", "gpu", f"{torch.cuda.get_device_name(0)}: full mode trains in fp16")
    return Check(
        "OK",
        "gpu",
        "none: CPU only (fine for tiny mode; full mode trains on a sample "
        "of the data with the CPU settings)",
    )


def check_hub(reachable: bool) -> Check:
    """Whether the Hugging Face Hub answers."""
    if reachable:
        return Check("OK", "hub", "huggingface.co answers")
    return Check("WARN", "hub", "not reachable: notebooks fall back to tiny mode")


def check_mode(reachable: bool) -> Check:
    """The mode notebooks will use, and whether it can work here."""
    from helpers.errors import CourseError
    from helpers.mode import resolve_mode

    try:
        mode, reason = resolve_mode()
    except CourseError as error:
        return Check("FAIL", "mode", str(error).splitlines()[0])
    if mode == "full" and not reachable:
        mirrors = environment.read("COURSE_MODELS_DIR")
        detail = f"full ({reason}) but the hub does not answer"
        return Check(
            "WARN" if mirrors else "FAIL",
            "mode",
            detail
            + (
                ": only COURSE_MODELS_DIR models will load"
                if mirrors
                else ": set COURSE_MODE=tiny or restore the network"
            ),
        )
    return Check("OK", "mode", f"{mode} ({reason})")


def check_run_folder() -> Check:
    """Whether the run folder can be created and written."""
    root = run_root()
    try:
        root.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=root, prefix=".doctor-"):
            pass
    except OSError as error:
        return Check("FAIL", "run folder", f"{root} is not writable: {error.strerror}")
    return Check("OK", "run folder", f"{_show(root)} is writable")


def check_checkpoints(folder: Path | None = None) -> Check:
    """The tiny checkpoints against data/checkpoints/MANIFEST.sha256."""
    from tools.manifest import MANIFEST_NAME, read_manifest, verify

    folder = folder or tiny_checkpoints_dir()
    if not read_manifest(folder):
        return Check("FAIL", "tiny checkpoints", f"no {MANIFEST_NAME} in {_show(folder)}")
    problems = {kind: names for kind, names in verify(folder).items() if names}
    if not problems:
        return Check(
            "OK", "tiny checkpoints", f"{len(read_manifest(folder))} files match {MANIFEST_NAME}"
        )
    detail = "; ".join(
        f"{kind}: {', '.join(names[:3])}{' ...' if len(names) > 3 else ''}"
        for kind, names in problems.items()
    )
    return Check(
        "FAIL",
        "tiny checkpoints",
        detail + " (git checkout -- data/checkpoints, or python -m tools.manifest after a rebuild)",
    )


def _show(path: Path) -> str:
    """A path relative to the repository when inside it."""
    return str(path.relative_to(REPO_ROOT)) if path.is_relative_to(REPO_ROOT) else str(path)


def guarded(name: str, check, *args) -> list[Check]:
    """The rows of one check; a check that raises becomes one FAIL row naming the error."""
    try:
        rows = check(*args)
    except Exception as error:  # noqa: BLE001 - the doctor reports, it does not crash
        return [Check("FAIL", name, f"the check itself failed: {type(error).__name__}: {error}")]
    return rows if isinstance(rows, list) else [rows]


def run_checks(show_all: bool = False) -> list[Check]:
    """Every check, in report order."""
    from helpers.mode import hub_reachable

    reachable = hub_reachable()
    rows = [
        *guarded("python", check_python),
        *guarded("packages", lambda: check_packages(lock_pins(), show_all)),
    ]
    rows += [row for module in COURSE_LIBRARIES for row in guarded(module, check_import, module)]
    later = [
        ("torch build", check_torch_build),
        ("torch threads", check_torch_threads),
        ("gpu", check_gpu),
        ("hub", check_hub, reachable),
        ("mode", check_mode, reachable),
        ("run folder", check_run_folder),
        ("tiny checkpoints", check_checkpoints),
    ]
    for name, check, *args in later:
        rows += guarded(name, check, *args)
    return rows


def format_rows(rows: list[Check]) -> str:
    """The report: one aligned row per check."""
    width = max(len(r.name) for r in rows)
    return "\n".join(f"{r.status:4s}  {r.name:<{width}}  {r.detail}" for r in rows)


def main(argv: list[str] | None = None) -> int:
    """Print the report; exit 1 if any check fails."""
    parser = argparse.ArgumentParser(prog="python -m tools.doctor", description=__doc__)
    parser.add_argument("--all", action="store_true", help="one row for every pinned package")
    rows = run_checks(parser.parse_args(argv).all)
    print(format_rows(rows))
    failed = [r.name for r in rows if r.status == "FAIL"]
    print(
        f"\n{len(failed)} check(s) failed: {', '.join(failed)}"
        if failed
        else f"\nAll {len(rows)} checks passed ({sum(r.status == 'WARN' for r in rows)} warning(s))."
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
