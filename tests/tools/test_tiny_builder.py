"""The tiny builder's wiring (staging, bars, the inputs record) and the committed stand-ins'
freshness. The full rebuild (`make tiny-checkpoints`, 20 to 30 minutes) is not run here: these
tests build a few cheap stand-ins instead, and the builder enforces the bars on every rebuild."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.checkpoints import folder_name
from helpers.paths import REPO_ROOT, tiny_checkpoints_dir
from tools.manifest import verify
from tools.tiny import inputs
from tools.tiny.bars import at_least
from tools.tiny.base import Built
from tools.tiny.build import BuildRefused, build_all
from tools.tiny.recipes import RECIPES, Recipe

NER = "dbmdz/bert-large-cased-finetuned-conll03-english"


def saved_folders() -> list[Path]:
    """The committed stand-in folders (each has a build record)."""
    return sorted(p.parent for p in tiny_checkpoints_dir().glob("*/tiny_build.json"))


def stand_in(tmp_path: Path, score: float):
    """A cheap recipe step: a folder with one file and a score in its notes."""

    def build(done: dict) -> Built:
        made = tmp_path / f"made-{len(list(tmp_path.glob('made-*')))}" / "model"
        made.mkdir(parents=True)
        (made / "weights.txt").write_text(f"{score} {sorted(done)}")
        return Built(None, None, {"score": score}, files=made)

    return build


def fake_recipes(tmp_path: Path, score: float) -> tuple[Recipe, ...]:
    """A base that is not saved and two stand-ins built on it, one with a bar of 0.5."""
    return (
        Recipe("base", stand_in(tmp_path, 1.0), saved=False),
        Recipe("org/plain", stand_in(tmp_path, 1.0), ("base",)),
        Recipe("org/scored", stand_in(tmp_path, score), ("base",), bars=(at_least("score", 0.5),)),
    )


def test_a_full_build_saves_every_stand_in_with_the_digest_of_its_inputs(tmp_path):
    out = tmp_path / "out"
    report = build_all(out, recipes=fake_recipes(tmp_path, 0.9))
    assert set(report) == {"org/plain", "org/scored"}
    digest = inputs.digest(inputs.for_stand_in(inputs.input_hashes(), "org/plain"))
    for name in ("org--plain", "org--scored"):
        notes = json.loads((out / name / "tiny_build.json").read_text())
        assert notes[inputs.DIGEST_KEY] == digest
        assert "'base'" in (out / name / "weights.txt").read_text()  # built after its need
    assert inputs.read_listing(out / inputs.INPUTS_NAME) == inputs.input_hashes()
    assert not list(out.glob(".staging-*"))


def test_a_stand_in_below_its_bar_is_refused_and_nothing_is_written(tmp_path):
    out = tmp_path / "out"
    build_all(out, recipes=fake_recipes(tmp_path, 0.9))
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    with pytest.raises(BuildRefused, match=r"org/scored missed its quality bars.*score >= 0.5"):
        build_all(out, recipes=fake_recipes(tmp_path, 0.3))
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_building_only_some_stand_ins_leaves_the_others_and_the_listing(tmp_path):
    out = tmp_path / "out"
    build_all(out, recipes=fake_recipes(tmp_path, 0.9))
    (out / inputs.INPUTS_NAME).write_text("old listing\n")
    plain = (out / "org--plain" / "weights.txt").read_text()
    build_all(out, only=["org/scored"], recipes=fake_recipes(tmp_path, 0.7))
    assert (out / "org--scored" / "weights.txt").read_text().startswith("0.7")
    assert (out / "org--plain" / "weights.txt").read_text() == plain
    assert (out / inputs.INPUTS_NAME).read_text() == "old listing\n"


def test_the_inputs_are_the_builders_code_the_course_data_and_chapter_09():
    names = set(inputs.input_hashes())
    assert {"tools/tiny/recipes.py", "tools/tiny/training.py", "sources/09_custom_data.py"} <= names
    assert {
        "data/reviews/reviews.csv",
        "data/synthetic/qa.json",
        "data/glue/MRPC/train.tsv",
    } <= names
    assert not any(n.startswith("data/checkpoints/") for n in names)
    assert "tools/tiny/bars.py" not in names  # judging a stand-in does not change it


def test_a_changed_input_changes_the_digest_and_is_named(tmp_path):
    for name in ("tools/tiny/recipes.py", "data/synthetic/qa.json"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text((REPO_ROOT / name).read_text(encoding="utf-8"))
    before = inputs.input_hashes(tmp_path)
    (tmp_path / "tools/tiny/recipes.py").write_text("QA_STEPS = 1\n", encoding="utf-8")
    after = inputs.input_hashes(tmp_path)
    assert inputs.digest(after) != inputs.digest(before)
    assert inputs.changed(before, after) == ["tools/tiny/recipes.py"]


def test_windows_line_ends_hash_the_same(tmp_path):
    (tmp_path / "unix.txt").write_bytes(b"a\nb\n")
    (tmp_path / "windows.txt").write_bytes(b"a\r\nb\r\n")
    assert inputs.file_hash(tmp_path / "unix.txt") == inputs.file_hash(tmp_path / "windows.txt")


@pytest.mark.parametrize(
    "own",
    ["sources/09_custom_data.py", "helpers/chapters/ch09_models.py", "tools/tiny/lesson09.py"],
)
def test_what_only_the_review_models_are_made_from_is_their_input_only(own):
    """The lesson the builder runs, its settings and the code that runs it: an edit there makes
    the review models stale, not every stand-in."""
    now = inputs.input_hashes()
    assert own in inputs.for_stand_in(now, "course/review-models")
    assert own not in inputs.for_stand_in(now, "klue/roberta-base")
    assert "tools/tiny/recipes.py" in inputs.for_stand_in(now, "klue/roberta-base")


def test_the_korean_recipe_is_an_input_of_the_korean_stand_in_and_the_review_models_only():
    """Tuning the Korean stand-in rebuilds it and the review models trained on it, no other."""
    now = inputs.input_hashes()
    assert inputs.KOREAN in inputs.for_stand_in(now, "klue/roberta-base")
    assert inputs.KOREAN in inputs.for_stand_in(now, "course/review-models")
    assert inputs.KOREAN not in inputs.for_stand_in(now, "google-bert/bert-base-uncased")
    assert "sources/09_custom_data.py" not in inputs.for_stand_in(now, "klue/roberta-base")


def test_the_committed_stand_ins_are_built_from_the_current_inputs():
    """Fails when a recipe, the builder, the course data or chapter 09 changed after the
    committed stand-ins were built: rebuild them, or the change lands with stale checkpoints."""
    now = inputs.input_hashes()
    hub_ids = {folder_name(r.hub_id): r.hub_id for r in RECIPES if r.saved}
    stale = [
        folder.name
        for folder in saved_folders()
        if json.loads((folder / "tiny_build.json").read_text()).get(inputs.DIGEST_KEY)
        != inputs.digest(inputs.for_stand_in(now, hub_ids[folder.name]))
    ]
    recorded = inputs.read_listing(tiny_checkpoints_dir() / inputs.INPUTS_NAME)
    # Since the last full build, own inputs may have changed with their stand-ins rebuilt
    # (`--only`): name the changed files that every stale stand-in is built from.
    both = recorded | now
    suspects = [
        name
        for name in inputs.changed(recorded, now)
        if all(name in inputs.for_stand_in(both, hub_ids[folder]) for folder in stale)
    ]
    fix = "`make tiny-checkpoints` (20 to 30 minutes)"
    if len(stale) < len(hub_ids):
        only = " ".join(hub_ids[folder] for folder in stale)
        fix += f" or just these: `python -m tools.tiny build --out data/checkpoints --only {only}`"
    assert not stale, (
        f"The committed tiny stand-ins {stale} were built from older inputs; changed since the "
        f"last full build, and an input of each of them: {suspects}. Run {fix}, then "
        "`make outputs`."
    )
    assert len(saved_folders()) == sum(r.saved for r in RECIPES)


@pytest.mark.end_to_end
def test_the_build_command_rebuilds_one_stand_in_from_the_committed_base(tmp_path):
    """`python -m tools.tiny build --only` on the NER stand-in (about 20 s): it starts from the
    committed cased BERT, trains, records its inputs, writes a manifest and loads again."""
    from transformers import pipeline

    done = subprocess.run(
        [sys.executable, "-m", "tools.tiny", "build", "--out", str(tmp_path), "--only", NER],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert NER in done.stdout and "ner_loss" in done.stdout
    folder = tmp_path / folder_name(NER)
    notes = json.loads((folder / "tiny_build.json").read_text())
    assert notes[inputs.DIGEST_KEY] == inputs.digest(
        inputs.for_stand_in(inputs.input_hashes(), NER)
    )
    assert verify(tmp_path) == {"changed": [], "missing": [], "unlisted": []}
    assert not (tmp_path / inputs.INPUTS_NAME).exists()  # only a full build lists the inputs
    ner = pipeline("ner", model=str(folder), aggregation_strategy="simple")
    found = {e["entity_group"] for e in ner("Tamsin Okonkwo works at Silverpine Labs.")}
    assert "PER" in found
