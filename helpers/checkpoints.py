"""Map the real checkpoint names the lessons use to a local folder or hub id, by mode."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from helpers import environment
from helpers.errors import CourseError
from helpers.mode import current_mode
from helpers.paths import tiny_checkpoints_dir

__all__ = ["checkpoint"]

REVIEW_MODELS = "course/review-models"  # chapter 09's two models, which chapters 10-12 load
REVIEW_ANALYSER = "course/review-analyser"  # chapter 11's int8 ONNX folder, which the app serves


def folder_name(hub_id: str) -> str:
    """The folder of a checkpoint's mirror and tiny stand-in: `org/name` -> `org--name`."""
    return hub_id.replace("/", "--")


@dataclass(frozen=True)
class KnownCheckpoint:
    """A hub checkpoint the course uses, with the short names lessons may call it by."""

    hub_id: str
    aliases: tuple[str, ...]
    stands_for: str
    marker: str = "config.json"  # the file that shows a folder holds it

    @property
    def folder(self) -> str:
        """Folder name of its mirror and tiny stand-in: `<org>--<name>`."""
        return folder_name(self.hub_id)


KNOWN = (
    KnownCheckpoint("google-bert/bert-base-uncased", ("bert-base-uncased",), "BERT base, uncased"),
    KnownCheckpoint("google-bert/bert-base-cased", ("bert-base-cased",), "BERT base, cased"),
    KnownCheckpoint(
        "distilbert/distilbert-base-uncased", ("distilbert-base-uncased",), "DistilBERT, uncased"
    ),
    KnownCheckpoint(
        "distilbert/distilbert-base-uncased-finetuned-sst-2-english",
        ("distilbert-base-uncased-finetuned-sst-2-english",),
        "the sentiment-analysis model",
    ),
    KnownCheckpoint("openai-community/gpt2", ("gpt2",), "GPT-2"),
    KnownCheckpoint("facebook/bart-large-mnli", ("bart-large-mnli",), "the zero-shot NLI model"),
    KnownCheckpoint(
        "dbmdz/bert-large-cased-finetuned-conll03-english",
        ("bert-large-cased-finetuned-conll03-english",),
        "the NER model",
    ),
    KnownCheckpoint(
        "distilbert/distilbert-base-cased-distilled-squad",
        ("distilbert-base-cased-distilled-squad",),
        "the extractive question-answering model",
    ),
    KnownCheckpoint("klue/roberta-base", (), "KLUE's Korean RoBERTa base"),
    KnownCheckpoint(
        "HuggingFaceTB/SmolLM2-135M-Instruct",
        ("SmolLM2-135M-Instruct",),
        "SmolLM2, a small instruct (chat) model",
    ),
    # Made by the course, not on the Hub under this name: the tiny builder runs chapter 09 to
    # make the stand-in; full mode finds the real ones with helpers.review_models_dir().
    KnownCheckpoint(
        REVIEW_MODELS, (), "chapter 09's keyword and sentiment models", "review_models.json"
    ),
    # Made by the course too: the tiny builder runs chapter 11, which writes the served folder.
    KnownCheckpoint(
        REVIEW_ANALYSER, (), "chapter 11's review analyser (int8 ONNX)", "analyser.json"
    ),
)


def known_names() -> list[str]:
    """Every name, hub id or alias, that has a tiny stand-in."""
    return [name for entry in KNOWN for name in (entry.hub_id, *entry.aliases)]


def find_known(name: str) -> KnownCheckpoint | None:
    """The registry entry for a hub id or alias, or None."""
    for entry in KNOWN:
        if name == entry.hub_id or name in entry.aliases:
            return entry
    return None


def _mirror(name: str) -> Path | None:
    """The COURSE_MODELS_DIR copy of `name`, if that folder holds one."""
    root = environment.read("COURSE_MODELS_DIR")
    if not root:
        return None
    entry = find_known(name)
    candidates = [folder_name(name)] + ([entry.folder] if entry else [])
    for folder in candidates:
        if (Path(root) / folder / "config.json").is_file():
            return Path(root) / folder
    return None


def _unknown_tiny(name: str) -> CourseError:
    """The error for a name with no tiny stand-in."""
    names = "\n  ".join(known_names())
    return CourseError(
        f"No tiny stand-in for checkpoint {name!r}. Known names in tiny mode:\n  {names}\n"
        "Fix: use one of these names, pass a local model folder, run with COURSE_MODE=full "
        "(needs the hub), or add a stand-in: a recipe in tools/tiny/recipes.py and an entry "
        "in helpers/checkpoints.py, then `python -m tools.tiny build --out data/checkpoints`."
    )


def checkpoint(name: str, mode: str | None = None) -> str:
    """Where to load checkpoint `name` from, for `from_pretrained` or `pipeline(model=...)`.

    Args:
        name: a Hub id or short name the course uses ("bert-base-uncased",
            "google-bert/bert-base-uncased"), or a local model folder (returned as it is).
        mode: "tiny" or "full"; None reads the course's mode (COURSE_MODE, or automatic).

    Returns:
        Tiny mode: the folder of the committed tiny stand-in under data/checkpoints. Full mode:
        the `COURSE_MODELS_DIR/<org>--<name>` folder when that mirror exists, else `name` itself.

    Raises:
        CourseError: in tiny mode, a name with no stand-in (the known names are listed) or a
        stand-in folder missing from data/.
    """
    if Path(name).is_dir():
        return name
    mode = mode or current_mode()
    if mode == "full":
        mirror = _mirror(name)
        return str(mirror) if mirror else name
    entry = find_known(name)
    if entry is None:
        raise _unknown_tiny(name)
    folder = tiny_checkpoints_dir() / entry.folder
    if not (folder / entry.marker).is_file():
        raise CourseError(
            f"The tiny stand-in for {name!r} is missing at {folder}. Fix: restore data/ from git "
            "(`git checkout -- data/checkpoints`) or rebuild it with "
            "`python -m tools.tiny build --out data/checkpoints`."
        )
    return str(folder)
