from pathlib import Path

import pytest

from helpers import checkpoints
from helpers.checkpoints import KNOWN, checkpoint, known_names
from helpers.errors import CourseError


@pytest.mark.parametrize("entry", KNOWN, ids=lambda e: e.hub_id)
def test_every_known_name_has_a_tiny_folder(tiny, entry):
    for name in (entry.hub_id, *entry.aliases):
        folder = Path(checkpoint(name))
        assert folder.name == entry.hub_id.replace("/", "--")
        assert (folder / entry.marker).is_file()
    if entry.marker == "config.json":  # one model (the review models are two, and a manifest)
        assert (folder / "tokenizer_config.json").is_file()


def test_unknown_name_lists_known_names_and_how_to_add_one(tiny):
    with pytest.raises(CourseError) as error:
        checkpoint("bert-base-uncasd")
    message = str(error.value)
    assert "'bert-base-uncasd'" in message
    assert all(name in message for name in known_names())
    assert "tools/tiny/recipes.py" in message and "COURSE_MODE=full" in message


def test_full_mode_returns_the_hub_name(full, monkeypatch):
    monkeypatch.delenv("COURSE_MODELS_DIR", raising=False)
    assert checkpoint("bert-base-uncased") == "bert-base-uncased"
    assert checkpoint("someone/any-model") == "someone/any-model"


def test_full_mode_prefers_a_local_mirror(full, monkeypatch, tmp_path):
    mirror = tmp_path / "google-bert--bert-base-uncased"
    mirror.mkdir()
    (mirror / "config.json").write_text("{}")
    monkeypatch.setenv("COURSE_MODELS_DIR", str(tmp_path))
    assert checkpoint("bert-base-uncased") == str(mirror)
    assert checkpoint("google-bert/bert-base-uncased") == str(mirror)
    assert checkpoint("gpt2") == "gpt2"


def test_a_local_folder_passes_through(tiny, tmp_path):
    assert checkpoint(str(tmp_path)) == str(tmp_path)


def test_missing_tiny_folder_says_how_to_restore(tiny, monkeypatch, tmp_path):
    monkeypatch.setenv("COURSE_DATA_DIR", str(tmp_path))
    with pytest.raises(CourseError, match="git checkout -- data/checkpoints"):
        checkpoint("gpt2")


def test_mode_argument_overrides_the_environment(full):
    assert Path(checkpoint("gpt2", mode="tiny")).is_dir()
    assert checkpoints.find_known("gpt2").hub_id == "openai-community/gpt2"
