"""The guard in front of every push to the Hub: a token is present and the Hub answers.

`hub_ready()` never prints, returns or stores the token itself: only whether there is one.
"""

from __future__ import annotations

from helpers import environment
from helpers import mode as course_mode

__all__ = ["hub_ready"]

TINY_REASON = (
    "Tiny mode: nothing is pushed (tiny stand-ins are not worth sharing, and tiny "
    "mode is offline). Run in full mode with a token to share your model."
)
OFFLINE_REASON = "HF_HUB_OFFLINE is set: the Hub libraries will not connect, so nothing is pushed."
NO_TOKEN_REASON = (
    "No Hugging Face token found: run `huggingface_hub.login()` (or `hf auth login` "
    "in a terminal), or set HF_TOKEN, then run this cell again. Nothing was pushed."
)
UNREACHABLE_REASON = (
    "A token is present but the Hugging Face Hub did not answer: nothing was pushed."
)
READY_REASON = "A token is present and the Hugging Face Hub answered."


def has_token() -> bool:
    """Whether a Hugging Face token is available (HF_TOKEN, or the one `login()` stored)."""
    from huggingface_hub import get_token

    try:
        return bool(environment.read("HF_TOKEN") or get_token())
    except Exception:  # noqa: BLE001 - e.g. a failed OIDC exchange: no usable token
        return False


def hub_ready(mode: str | None = None) -> tuple[bool, str]:
    """(True, why) when a push can be tried: full mode, online, a token, the Hub answers; else (False, why)."""
    if (mode or course_mode.current_mode()) == "tiny":
        return False, TINY_REASON
    if course_mode.is_true(environment.read("HF_HUB_OFFLINE")):
        return False, OFFLINE_REASON
    if not has_token():
        return False, NO_TOKEN_REASON
    if not course_mode.hub_reachable():
        return False, UNREACHABLE_REASON
    return True, READY_REASON
