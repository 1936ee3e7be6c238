"""Build every tiny stand-in into a folder of `save_pretrained` checkpoints."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import datasets
import torch
import transformers

from helpers.checkpoints import find_known
from helpers.paths import tiny_checkpoints_dir
from tools.tiny.recipes import RECIPES, Built, Recipe


def _save(built: Built, folder: Path) -> None:
    """Save model and tokenizer with `save_pretrained`, plus a note of how they were built."""
    folder.mkdir(parents=True, exist_ok=True)
    if built.files:
        shutil.copytree(built.files, folder, dirs_exist_ok=True)
        shutil.rmtree(built.files.parent)
    else:
        built.model.save_pretrained(folder)
        built.tokenizer.save_pretrained(folder)
    (folder / "tiny_build.json").write_text(
        json.dumps(built.notes, indent=1, sort_keys=True) + "\n"
    )


def _committed(hub_id: str) -> Built | None:
    """The committed stand-in for `hub_id` (model, tokenizer and build notes), if there is one."""
    entry = find_known(hub_id)
    folder = tiny_checkpoints_dir() / entry.folder if entry else None
    if folder is None or not (folder / "config.json").is_file():
        return None
    config = transformers.AutoConfig.from_pretrained(folder)
    model = getattr(transformers, config.architectures[0]).from_pretrained(folder)
    notes = json.loads((folder / "tiny_build.json").read_text(encoding="utf-8"))
    return Built(model, transformers.AutoTokenizer.from_pretrained(folder), notes)


def _with_needs(selected: list[Recipe], done: dict[str, Built], reuse: bool) -> list[Recipe]:
    """The selected recipes plus everything they build on, in registry order. With `reuse`, a
    need that is not selected and is committed is loaded into `done` instead of rebuilt."""
    by_id = {r.hub_id: r for r in RECIPES}
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
    return [r for r in RECIPES if r.hub_id in wanted]


def build_all(
    out: Path, only: list[str] | None = None, seed: int = 0, reuse: bool = True
) -> dict[str, dict]:
    """Build the stand-ins (all, or `only` these hub ids) under `out`; return their notes. With
    `only`, the committed checkpoints they build on are loaded (`reuse`) rather than rebuilt, so a
    rebuilt stand-in starts from the same base as the committed ones; tokenizer training is not
    bit-reproducible, so a rebuilt base would differ."""
    torch.set_num_threads(1)
    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    datasets.disable_progress_bars()
    selected = [r for r in RECIPES if r.saved and (not only or r.hub_id in only)]
    done: dict[str, Built] = {}
    report = {}
    for recipe in _with_needs(selected, done, reuse):
        torch.manual_seed(seed)
        start = time.perf_counter()
        done[recipe.hub_id] = recipe.build(done)
        if recipe in selected:
            _save(done[recipe.hub_id], out / recipe.hub_id.replace("/", "--"))
            report[recipe.hub_id] = {
                **done[recipe.hub_id].notes,
                "seconds": round(time.perf_counter() - start, 1),
            }
    return report
