"""`make test-image`'s parts that need no Docker: the mirror, the requirements, the context."""

from pathlib import Path

import pytest

from helpers.checkpoints import REVIEW_ANALYSER, checkpoint
from helpers.errors import CourseError
from tools import engine, image


def test_the_debian_mirror_is_read_from_the_machines_apt_sources(tmp_path):
    (tmp_path / "sources.list.d").mkdir()
    (tmp_path / "sources.list.d" / "debian.sources").write_text(
        "Types: deb\n# a comment\nURIs: http://mirror.example.org/debian\nSuites: bookworm\n"
    )
    assert engine.debian_mirror(tmp_path) == "http://mirror.example.org/debian"
    (tmp_path / "sources.list.d" / "debian.sources").unlink()
    (tmp_path / "sources.list").write_text("deb http://old.example.org/debian bookworm main\n")
    assert engine.debian_mirror(tmp_path) == "http://old.example.org/debian"
    (tmp_path / "sources.list").unlink()
    assert engine.debian_mirror(tmp_path) == "http://deb.debian.org/debian"


def test_the_image_installs_the_apps_packages_at_the_locked_versions(tmp_path):
    lines = image.requirements().splitlines()
    assert [line.split("==")[0] for line in lines] == sorted(image.NEEDED)
    lock = tmp_path / "lock.txt"
    lock.write_text("numpy==2.0\nstreamlit==1.0\n")
    with pytest.raises(CourseError, match="not all of"):
        image.requirements(lock)


def test_a_folder_without_the_analysers_files_is_named_before_any_build(tmp_path):
    with pytest.raises(CourseError, match="no analyser.json.*serve/model"):
        image.context(tmp_path)


def test_the_committed_analyser_holds_what_the_dockerfile_copies():
    folder = checkpoint(REVIEW_ANALYSER, "tiny")
    names = {p.name for p in Path(folder).iterdir()}
    assert {"analyser.json", "keywords.onnx", "sentiment.onnx", "tokenizer.json"} <= names
    dockerfile = (image.APP_DIR / "Dockerfile").read_text()
    assert "USER analyser" in dockerfile and "HEALTHCHECK" in dockerfile
    assert "ARG BASE=python:3.11-slim" in dockerfile and "TOKEN" not in dockerfile.upper()
