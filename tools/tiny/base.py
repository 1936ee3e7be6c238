"""What every recipe shares: the stand-ins' size and the record of what a recipe built."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch

SIZE = {"hidden": 64, "layers": 2, "heads": 2, "ffn": 256, "positions": 512}


@dataclass
class Built:
    """A model and tokenizer ready to save, with notes on how they were made; or, with `files`,
    a folder made some other way (copied as it is)."""

    model: torch.nn.Module | None
    tokenizer: object
    notes: dict
    files: Path | None = None
