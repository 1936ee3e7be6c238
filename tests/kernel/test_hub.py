"""The push guard: never ready in tiny mode, offline, without a token or without the Hub."""

import huggingface_hub.constants
import pytest

from helpers import hub, hub_ready, mode

FAKE_TOKEN = "hf_" + "x" * 34  # fake: no network is used by these tests


@pytest.fixture
def no_stored_token(monkeypatch, tmp_path):
    """No token anywhere: not in the environment, not in the token file."""
    for name in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_OIDC_RESOURCE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(huggingface_hub.constants, "HF_TOKEN_PATH", str(tmp_path / "token"))


@pytest.fixture
def online_full(full, monkeypatch, no_stored_token):
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)


def fail_if_called(*args, **kwargs):
    raise AssertionError("the Hub must not be contacted here")


def test_tiny_mode_never_pushes_even_with_a_token(tiny, monkeypatch):
    monkeypatch.setenv("HF_TOKEN", FAKE_TOKEN)
    monkeypatch.setattr(mode, "hub_reachable", fail_if_called)
    assert hub_ready() == (False, hub.TINY_REASON)
    assert hub_ready(mode="tiny")[0] is False


def test_offline_flag_blocks_the_push(online_full, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_TOKEN", FAKE_TOKEN)
    monkeypatch.setattr(mode, "hub_reachable", fail_if_called)
    assert hub_ready() == (False, hub.OFFLINE_REASON)


def test_no_token_says_how_to_log_in(online_full, monkeypatch):
    monkeypatch.setattr(mode, "hub_reachable", fail_if_called)
    ok, reason = hub_ready()
    assert not ok and reason == hub.NO_TOKEN_REASON and "login()" in reason


def test_token_but_hub_unreachable(online_full, monkeypatch):
    monkeypatch.setenv("HF_TOKEN", FAKE_TOKEN)
    monkeypatch.setattr(mode, "hub_reachable", lambda timeout=2.0: False)
    assert hub_ready() == (False, hub.UNREACHABLE_REASON)


def test_token_and_hub_mean_ready_and_the_token_is_never_shown(online_full, monkeypatch, capsys):
    monkeypatch.setenv("HF_TOKEN", FAKE_TOKEN)
    monkeypatch.setattr(mode, "hub_reachable", lambda timeout=2.0: True)
    ok, reason = hub_ready()
    assert ok and reason == hub.READY_REASON
    assert FAKE_TOKEN not in reason and FAKE_TOKEN not in capsys.readouterr().out


def test_token_stored_by_login_counts(online_full, monkeypatch, tmp_path):
    (tmp_path / "token").write_text(FAKE_TOKEN)
    monkeypatch.setattr(mode, "hub_reachable", lambda timeout=2.0: True)
    assert hub_ready()[0] is True
