"""`python -m tools.tiny build --out DIR [--only HUB_ID ... [--rebuild-needs]]`: rebuild the tiny
stand-ins."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tools.manifest import write_manifest
from tools.tiny.build import BuildRefused, build_all
from tools.tiny.recipes import RECIPES


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, build, and print one line per stand-in."""
    parser = argparse.ArgumentParser(prog="python -m tools.tiny", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="build tiny checkpoints into --out")
    build.add_argument(
        "--out", type=Path, required=True, help="folder to write (e.g. data/checkpoints)"
    )
    build.add_argument(
        "--only", nargs="*", choices=[r.hub_id for r in RECIPES if r.saved], help="hub ids to build"
    )
    build.add_argument(
        "--rebuild-needs",
        action="store_true",
        help="with --only, rebuild what they build on too (default: load the committed checkpoints)",
    )
    args = parser.parse_args(argv)
    try:
        built = build_all(args.out, args.only, reuse=not args.rebuild_needs)
    except BuildRefused as refused:
        print(refused, file=sys.stderr)
        return 1
    for hub_id, notes in built.items():
        print(f"{hub_id:60s} {notes}")
    print(f"checksums: {write_manifest(args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
