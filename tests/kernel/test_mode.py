import os

import pytest

from helpers import mode
from helpers.errors import CourseError


def test_course_mode_wins(monkeypatch):
    monkeypatch.setenv("COURSE_MODE", "Full ")
    assert mode.resolve_mode() == ("full", "set by COURSE_MODE")


def test_bad_course_mode_names_the_fix(monkeypatch):
    monkeypatch.setenv("COURSE_MODE", "foo")
    with pytest.raises(CourseError, match=r"COURSE_MODE='foo'.*COURSE_MODE=tiny.*COURSE_MODE=full"):
        mode.resolve_mode()


def test_hub_offline_means_tiny(monkeypatch):
    monkeypatch.delenv("COURSE_MODE", raising=False)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert mode.resolve_mode() == ("tiny", "HF_HUB_OFFLINE is set")


@pytest.mark.parametrize("answers, expected", [(True, "full"), (False, "tiny")])
def test_auto_mode_follows_the_hub(monkeypatch, answers, expected):
    monkeypatch.delenv("COURSE_MODE", raising=False)
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr(mode, "hub_reachable", lambda timeout=2.0: answers)
    assert mode.resolve_mode()[0] == expected


def test_hub_reachable_is_false_for_a_closed_port(monkeypatch):
    monkeypatch.setattr(mode, "HUB_HOST", "127.0.0.1")
    assert mode.hub_reachable(timeout=0.5) is False


def test_go_offline_sets_every_variable(monkeypatch):
    for name in mode.OFFLINE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    mode.go_offline()
    assert all(os.environ[name] == "1" for name in mode.OFFLINE_VARIABLES)
    assert "HF_EVALUATE_OFFLINE" in mode.OFFLINE_VARIABLES
