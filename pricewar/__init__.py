"""pricewar — the data layer of the LLM API price-war dashboard.

Everything here is plain Python + pandas; nothing imports Streamlit. The pages and the CLI call
:func:`load_dataset` for the whole data folder as one :class:`Dataset`, read a :class:`~pricewar.view.View`
from the URL with :mod:`pricewar.view`, and draw every chart through :mod:`pricewar.charts`.

The names below are imported when first used (PEP 562), so that ``from pricewar import i18n`` does not
import pandas: the dashboard's first chart after a start is drawn before pandas is loaded
(:mod:`pricewar.snapshot`).
"""

from __future__ import annotations

__all__ = ["DataError", "Dataset", "Problem", "default_data_dir", "load_dataset"]
__version__ = "0.1.0"

_LAZY = {"DataError": "pricewar.errors", "Problem": "pricewar.errors", "Dataset": "pricewar.load",
         "default_data_dir": "pricewar.load", "load_dataset": "pricewar.load"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'pricewar' has no attribute {name!r}")
