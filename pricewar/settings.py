"""Settings read from the environment that more than one part of the product reads (light: no pandas)."""

from __future__ import annotations

import os
from pathlib import Path

DATA_VAR = "PRICEWAR_DATA"
SHIPPED_DATA = Path(__file__).resolve().parent.parent / "data"
PUBLIC_URL_VAR = "PRICEWAR_PUBLIC_URL"


def default_data_dir() -> Path:
    """``$PRICEWAR_DATA`` when set, else the shipped ``data/`` folder."""
    env = os.environ.get(DATA_VAR, "").strip()
    return Path(env) if env else SHIPPED_DATA


def public_url() -> str:
    """The dashboard's public address (``$PRICEWAR_PUBLIC_URL``), printed in every chart's credit line; "" when
    unset."""
    return os.environ.get(PUBLIC_URL_VAR, "").strip()
