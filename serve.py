"""The server entry point: ``streamlit run serve.py`` serves ``app.py`` and, while the first reader's browser
is still loading the page, imports the libraries and reads the data, so the first chart comes sooner.

Streamlit's ASGI wrapper (``st.App``) runs ``lifespan`` once per server process. The warm-up runs in a
thread: the server answers at once, and a reader who arrives first simply waits for what is left of it.
"""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager

import streamlit as st


def _warm_up() -> None:
    try:
        import plotly.graph_objects  # noqa: F401 - what a first page view would otherwise wait for

        import pricewar.charts  # noqa: F401
        import pricewar.claims  # noqa: F401
        import ui.cards  # noqa: F401
        import ui.view  # noqa: F401
        from ui.data import warm_up

        warm_up()
    except Exception:  # noqa: BLE001 - a failed warm-up only means the first page view does this work itself
        pass


@asynccontextmanager
async def lifespan(app):
    threading.Thread(target=_warm_up, name="pricewar-warm-up", daemon=True).start()
    yield


app = st.App("app.py", lifespan=lifespan)
