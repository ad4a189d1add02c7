"""The first chart after a start, drawn before the libraries are loaded.

A dashboard woken up on demand makes its first reader wait for the whole start: pandas alone takes longer
to import than a bare Streamlit page takes to draw its chart. So on the first run of a process, a page of
:data:`~pricewar.pages.FIRST_CHARTS` opened without a view of its own (no parameters but the language) draws
its title, introduction and chart at once from the figure kept beside the data's snapshot for exactly these
files and this code (:func:`pricewar.snapshot.first_chart`), and only then imports the rest and runs as
usual: the page draws its chart again into the same place (:func:`painted`), the very same figure, and adds
everything else around it. Without a kept figure, or once the process has loaded the libraries, nothing
happens here. Everything this module imports is light; it never lets a failure reach the page.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from pricewar import i18n, snapshot
from pricewar.pages import FIRST_CHARTS
from pricewar.settings import default_data_dir
from ui.nav import _params, base_url, embedded, layout_size

PAINTED = threading.Event()
"""Set once this process's first run has drawn its first chart or found it has none to draw: the start-up
warm-up (``serve.py``) waits for it, so that it does not compete with that first chart."""
_SLOT = "_first_chart"  # session state: (page, the placeholder holding the chart drawn first)
NICE = 10  # the niceness of work done after the first chart: below the browser's, which draws it


def _cold() -> bool:
    """Whether this process has not loaded the charts yet (once it has, a page draws its chart as fast)."""
    return "pricewar.charts" not in sys.modules


def _default_view_lang() -> str | None:
    """The language of a session's first run opened without a view (no parameters but ``lang``), else None."""
    if "view" in st.session_state or embedded():
        return None
    params = _params()
    if not params:
        return i18n.DEFAULT_LANG
    lang = params.get("lang")
    return lang[0] if set(params) == {"lang"} and len(lang) == 1 and lang[0] in i18n.LANGS else None


def background() -> None:
    """Let the calling thread yield the processor to the browser drawing the first chart (on two cores they
    compete): a lower scheduling priority for this thread only (Linux; elsewhere nothing changes). Streamlit
    runs each script run in a thread of its own, so later runs are not affected."""
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICE)


INTROS = {"timeline": "timeline_intro", "prices": "prices_intro"}  # each page of FIRST_CHARTS: its introduction


def heading(page: str, lang: str) -> None:
    """The page's title and introduction, as every page of :data:`FIRST_CHARTS` starts."""
    st.title(i18n.t(f"page_{page}", lang))
    st.caption(i18n.t(INTROS[page], lang))


def paint(page: str | None) -> None:
    """On a cold process, draw ``page``'s heading and default chart from the snapshot when it holds them."""
    try:
        lang = _default_view_lang() if page in FIRST_CHARTS and _cold() else None
        if lang is None:
            return
        kept = snapshot.first_chart(default_data_dir(), page, lang, layout_size(), base_url())
        if kept is None:
            return
        import plotly.graph_objects as go

        figure, config = kept
        heading(page, lang)
        slot = st.empty()
        slot.plotly_chart(go.Figure(figure, _validate=False), theme=None, width="stretch", config=config)
        st.session_state[_SLOT] = (page, slot)
        background()  # the rest of this run imports the libraries while the browser draws the chart
    except Exception:  # noqa: BLE001 - the page then draws everything itself, as on any other run
        st.session_state.pop(_SLOT, None)
    finally:
        PAINTED.set()


def painted(page: str) -> DeltaGenerator | None:
    """Where ``page``'s chart was drawn first on this run (its heading is drawn too), or None."""
    held = st.session_state.pop(_SLOT, None)
    return held[1] if held is not None and held[0] == page else None
