"""The server entry point: ``streamlit run serve.py`` serves ``app.py`` and, once the first reader's first
chart is on its way (or after a few seconds without a reader), imports the libraries and reads the data, so
that the readers after it do not wait for that.

Streamlit's ASGI wrapper (``st.App``) runs ``lifespan`` once per server process. The warm-up runs in a
thread: the server answers at once. It waits for the first chart (``ui.first``) because on two cores an
import running beside it slows the page's own files and that chart down; a reader who arrives while it runs
simply waits for what is left of it.
"""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager

import streamlit as st

from pricewar import snapshot
from pricewar.settings import default_data_dir
from ui.first import PAINTED, background

WAIT_FOR_FIRST_CHART = 3.0  # seconds: a reader arriving at the launch has its first chart by then


def _warm_up() -> None:
    try:
        if snapshot.has_first_charts(default_data_dir()):  # else no first chart to wait for: warm up at once
            PAINTED.wait(WAIT_FOR_FIRST_CHART)
            background()
        import pricewar.charts  # noqa: F401 - what a first page view would otherwise wait for
        import ui.view  # noqa: F401
        from ui.data import warm_up

        warm_up()
        import pricewar.claims  # noqa: F401 - then what other pages use
        import ui.cards  # noqa: F401
    except Exception:  # noqa: BLE001 - a failed warm-up only means the first page view does this work itself
        pass


@asynccontextmanager
async def lifespan(app):
    threading.Thread(target=_warm_up, name="pricewar-warm-up", daemon=True).start()
    yield


app = st.App("app.py", lifespan=lifespan)
