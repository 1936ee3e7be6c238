"""Build every tiny stand-in into a folder of `save_pretrained` checkpoints.

Stand-ins are built into a staging folder inside the output and move out of it only when every
selected one meets its bars (tools/tiny/bars.py), so a refused build leaves the output as it was.
Each saved `tiny_build.json` records the digest of the inputs it was built from; a full build
also writes their listing, `INPUTS.sha256` (tools/tiny/inputs.py).
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from tempfile import TemporaryDirectory

import datasets
import torch
import transformers

from helpers.checkpoints import find_known, folder_name
from helpers.paths import tiny_checkpoints_dir
from tools.tiny import inputs
from tools.tiny.bars import misses
from tools.tiny.base import Built
from tools.tiny.recipes import RECIPES, Recipe


class BuildRefused(Exception):
    """A stand-in missed its quality bars: nothing was written to the output folder."""


def _save(built: Built, folder: Path) -> None:
    """Save model and tokenizer with `save_pretrained`, plus a note of how they were built."""
    folder.mkdir(parents=True, exist_ok=True)
    if built.files:
        shutil.copytree(built.files, folder, dirs_exist_ok=True)
        shutil.rmtree(built.files.parent)
        built.files = folder  # where a later recipe finds it
    else:
        built.model.save_pretrained(folder)
        built.tokenizer.save_pretrained(folder)
    (folder / "tiny_build.json").write_text(
        json.dumps(built.notes, indent=1, sort_keys=True) + "\n"
    )


def _committed(hub_id: str) -> Built | None:
    """The committed stand-in for `hub_id` (model, tokenizer and build notes; or, for a folder the
    course made otherwise, its files), if there is one."""
    entry = find_known(hub_id)
    folder = tiny_checkpoints_dir() / entry.folder if entry else None
    if folder is None or not (folder / entry.marker).is_file():
        return None
    notes = json.loads((folder / "tiny_build.json").read_text(encoding="utf-8"))
    if entry.marker != "config.json":
        return Built(None, None, notes, files=folder)
    config = transformers.AutoConfig.from_pretrained(folder)
    model = getattr(transformers, config.architectures[0]).from_pretrained(folder)
    return Built(model, transformers.AutoTokenizer.from_pretrained(folder), notes)


def _with_needs(
    selected: list[Recipe], done: dict[str, Built], reuse: bool, recipes: tuple = RECIPES
) -> list[Recipe]:
    """The selected recipes plus everything they build on, in registry order. With `reuse`, a
    need that is not selected and is committed is loaded into `done` instead of rebuilt."""
    by_id = {r.hub_id: r for r in recipes}
    wanted, todo = set(), [r.hub_id for r in selected]
    while todo:
        hub_id = todo.pop()
        if hub_id in wanted or hub_id in done:
            continue
        committed = None if by_id[hub_id] in selected or not reuse else _committed(hub_id)
        if committed:
            done[hub_id] = committed
        else:
            wanted.add(hub_id)
            todo.extend(by_id[hub_id].needs)
    return [r for r in recipes if r.hub_id in wanted]


def _refuse_below_bars(recipe: Recipe, built: Built) -> None:
    """Raise BuildRefused when `built` misses one of its recipe's bars."""
    missed = misses(recipe.bars, built.notes)
    if missed:
        raise BuildRefused(
            f"{recipe.hub_id} missed its quality bars, so nothing was written: "
            + "; ".join(missed)
            + ". The bars are in tools/tiny/recipes.py; change the recipe, not the bar."
        )


def _move_into(staging: Path, out: Path) -> None:
    """Replace each stand-in folder of `out` by the one built in `staging`."""
    for folder in sorted(staging.iterdir()):
        shutil.rmtree(out / folder.name, ignore_errors=True)
        shutil.move(str(folder), out / folder.name)


def build_all(
    out: Path,
    only: list[str] | None = None,
    seed: int = 0,
    reuse: bool = True,
    recipes: tuple[Recipe, ...] = RECIPES,
) -> dict[str, dict]:
    """Build the stand-ins (all, or `only` these hub ids) under `out`; return their notes. With
    `only`, the committed checkpoints they build on are loaded (`reuse`) rather than rebuilt, so a
    rebuilt stand-in starts from the same base as the committed ones; tokenizer training is not
    bit-reproducible, so a rebuilt base would differ. Raises BuildRefused, writing nothing,
    when a stand-in misses its bars."""
    torch.set_num_threads(1)
    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    datasets.disable_progress_bars()
    hashes = inputs.input_hashes()
    selected = [r for r in recipes if r.saved and (not only or r.hub_id in only)]
    done: dict[str, Built] = {}
    report = {}
    out.mkdir(parents=True, exist_ok=True)
    with TemporaryDirectory(prefix=".staging-", dir=out) as staging:
        for recipe in _with_needs(selected, done, reuse, recipes):
            torch.manual_seed(seed)
            start = time.perf_counter()
            built = done[recipe.hub_id] = recipe.build(done)
            if recipe in selected:
                _refuse_below_bars(recipe, built)
                own = inputs.for_stand_in(hashes, recipe.hub_id)
                built.notes[inputs.DIGEST_KEY] = inputs.digest(own)
                _save(built, Path(staging) / folder_name(recipe.hub_id))
                report[recipe.hub_id] = {
                    **built.notes,
                    "seconds": round(time.perf_counter() - start, 1),
                }
        _move_into(Path(staging), out)
    if not only:
        (out / inputs.INPUTS_NAME).write_text(inputs.listing(hashes))
    return report
