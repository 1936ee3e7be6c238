"""`python -m tools.publish_review_models`: publish chapter 09's full-mode review models.

Chapters 10-12 in a runtime where chapter 09 never ran (Colab) load these models from the Hub
repository `review_models` in `[tool.course]` (pyproject.toml). This command checks the Hub
first (a token and an answer, as `helpers.hub_ready` does), runs chapter 09 in full mode when
`runs/full/09_custom_data/review-models` holds no models yet (use a GPU: it is the chapter's
full-mode training), then uploads that folder. The commit message names the hash of the chapter
09 source that trained them. Run it with `make publish-review-models`.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from helpers.chapters.ch09_models import MANIFEST, REVIEW_CHAPTER, saved_by_chapter_09
from helpers.handoff import course_table, run_chapter
from helpers.hub import hub_ready
from helpers.paths import REPO_ROOT

SOURCE = REPO_ROOT / "sources" / f"{REVIEW_CHAPTER}.py"


def commit_message(source: Path = SOURCE) -> str:
    """What the upload says: which chapter 09 source (by its SHA-256) trained the models."""
    digest = hashlib.sha256(source.read_bytes().replace(b"\r\n", b"\n")).hexdigest()[:16]
    return f"Chapter 09's review models, trained in full mode by {source.name} (sha256 {digest})"


def publish(folder: Path, repo_id: str, api) -> str:
    """Create `repo_id` if missing and upload `folder` to it with `api` (an `HfApi`); its URL."""
    if not (folder / MANIFEST).is_file():
        raise FileNotFoundError(f"No {MANIFEST} in {folder}: nothing to publish.")
    api.create_repo(repo_id, repo_type="model", exist_ok=True)
    api.upload_folder(folder_path=folder, repo_id=repo_id, commit_message=commit_message())
    return f"https://huggingface.co/{repo_id}"


def main(argv: list[str] | None = None) -> int:
    """Check the Hub, train chapter 09 in full mode if needed, upload; exit 1 with the reason."""
    parser = argparse.ArgumentParser(
        prog="python -m tools.publish_review_models", description=__doc__
    )
    parser.parse_args(argv)
    ready, reason = hub_ready("full")
    if not ready:
        print(f"Nothing published: {reason}", file=sys.stderr)
        return 1
    folder = saved_by_chapter_09("full")
    if not (folder / MANIFEST).is_file():
        print(f"No full-mode models in {folder}: running chapter 09 in full mode first.")
        run_chapter(REVIEW_CHAPTER, {"COURSE_MODE": "full"})
    from huggingface_hub import HfApi

    print(f"Published: {publish(folder, course_table()['review_models'], HfApi())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
