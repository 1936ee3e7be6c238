"""The committed copies of chapter 09's review models, which chapters 10 and 11 load in tiny mode."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from helpers.chapters.ch09_models import (
    ReviewModels,
    review_models_dir,
    review_scores,
)
from helpers.chapters.ch09_reviews import load_reviews
from helpers.checkpoints import REVIEW_MODELS, folder_name
from helpers.handoff import course_table
from tools import publish_review_models
from tools.rehearsal import cache_snapshot
from tools.tiny import lesson09
from tools.tiny.bars import minimum
from tools.tiny.recipes import REVIEW_BARS


@pytest.fixture(scope="module")
def stand_ins() -> ReviewModels:
    return ReviewModels.load(review_models_dir("tiny"))


def test_review_stand_ins_learned_keywords_and_sentiments(stand_ins):
    """The test split is only scored (09 picks its threshold and best epoch on validation)."""
    reviews = load_reviews()
    scores = review_scores(stand_ins, reviews[reviews.split == "test"], "긍정")
    assert scores["keyword_micro_f1"] >= minimum(REVIEW_BARS, "keyword_micro_f1") >= 0.80
    assert scores["sentiment_accuracy"] >= scores["majority_accuracy"] + 0.12
    assert "sentiment_accuracy >= majority_accuracy + 0.12" in [bar.says for bar in REVIEW_BARS]


def test_builder_notes_are_the_committed_models_scores():
    folder = review_models_dir("tiny")
    notes = json.loads((folder / "tiny_build.json").read_text())
    assert {k: notes[k] for k in lesson09.scores(folder)} == lesson09.scores(folder)


def test_probabilities_have_one_row_per_input_and_sum_to_one(stand_ins):
    texts = ["배송이 빨라요.", "색상이 예쁘고 가격도 좋아요. 다만 사이즈가 작아요."]
    keywords = stand_ins.keyword_probabilities(texts)
    levels = stand_ins.sentiment_probabilities(texts, ["배송", "사이즈"])
    assert keywords.shape == (2, len(stand_ins.manifest.aspects))
    assert levels.shape == (2, 5) and abs(levels.sum(1) - 1).max() < 1e-5


def route(tmp_path, hf_home, train_here=False) -> subprocess.CompletedProcess:
    """`review_models_dir("full")` in a fresh process: an empty run folder, the Hub cache in
    `hf_home`, offline (huggingface_hub reads its cache settings once, at import)."""
    code = f"from helpers.chapters.ch09_models import review_models_dir as d; print(d('full', {train_here}))"
    env = {**os.environ, "COURSE_RUN_DIR": str(tmp_path / "runs"), "HF_HOME": str(hf_home)}
    env |= {"HF_HUB_OFFLINE": "1", "COURSE_MODE": "full"}
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )


def test_tiny_mode_takes_the_committed_stand_ins_and_says_so(capsys):
    assert review_models_dir("tiny").name == folder_name(REVIEW_MODELS) == "course--review-models"
    assert "committed tiny stand-ins" in capsys.readouterr().out


def test_full_mode_takes_the_learners_own_chapter_09_run_first(tmp_path, monkeypatch, capsys):
    own = tmp_path / "full" / "09_custom_data" / "review-models"
    shutil.copytree(review_models_dir("tiny"), own)
    monkeypatch.setenv("COURSE_RUN_DIR", str(tmp_path))
    assert review_models_dir("full") == own
    assert "your own chapter 09 run" in capsys.readouterr().out


def test_full_mode_reads_the_published_copy_from_the_hub_cache_offline(tmp_path):
    repo = course_table()["review_models"]
    snapshot = cache_snapshot(review_models_dir("tiny"), repo, tmp_path / "hf")
    done = route(tmp_path, tmp_path / "hf")
    assert done.returncode == 0, done.stderr
    assert f"published copy, {repo}" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == str(snapshot)
    ReviewModels.load(snapshot)  # the snapshot's links resolve to the cached files


def test_full_mode_with_no_route_names_chapter_09_and_why_the_hub_failed(tmp_path):
    done = route(tmp_path, tmp_path / "empty-hf")
    assert done.returncode == 1
    assert "CourseError" in done.stderr and "run chapter 09 (09_custom_data)" in done.stderr
    assert "LocalEntryNotFoundError" in done.stderr  # offline, and nothing in the cache


def test_analyse_finds_keywords_with_a_level_each_and_highlights_the_words(stand_ins):
    reviews = load_reviews()
    test = reviews[reviews.split == "test"].reset_index(drop=True)
    results = stand_ins.analyse(list(test.review[:20]))
    assert len(results) == 20 and all(results)  # every test review mentions a keyword
    for found in results:
        for keyword, level, probability in found:
            assert keyword in stand_ins.manifest.aspects and level in stand_ins.manifest.levels
            assert 0.2 <= probability <= 1.0  # a softmax over five levels: at least 0.2
    text = test.review[0]
    keyword = results[0][0][0]
    scored = stand_ins.highlights(text, keyword)
    assert [w for w, _ in scored] == text.split()
    assert max(s for _, s in scored) > 0  # some word supported the keyword
    assert stand_ins.analyse([]) == []


def test_publishing_stops_before_any_training_when_the_hub_is_out_of_reach(monkeypatch, capsys):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert publish_review_models.main([]) == 1
    assert "Nothing published: HF_HUB_OFFLINE is set" in capsys.readouterr().err


def test_publishing_uploads_the_folder_with_the_chapter_09_source_it_came_from(tmp_path):
    calls = []

    class Api:
        def create_repo(self, repo_id, **options):
            calls.append(("create", repo_id, options))

        def upload_folder(self, **options):
            calls.append(("upload", options))

    folder = review_models_dir("tiny")
    url = publish_review_models.publish(folder, "someone/models", Api())
    assert url == "https://huggingface.co/someone/models"
    assert calls[0] == ("create", "someone/models", {"repo_type": "model", "exist_ok": True})
    upload = calls[1][1]
    assert upload["folder_path"] == folder and upload["repo_id"] == "someone/models"
    assert "09_custom_data.py (sha256 " in upload["commit_message"]
    with pytest.raises(FileNotFoundError, match="nothing to publish"):
        publish_review_models.publish(tmp_path, "someone/models", Api())
