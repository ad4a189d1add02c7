"""The page's place before anything heavy is imported: its language and the default page's own path, for
``app.py`` and the first chart after a start (:mod:`ui.first`). Reads only Streamlit and the URL."""

from __future__ import annotations

import streamlit as st

from pricewar import i18n
from pricewar.settings import public_url as base_url  # noqa: F401 - the pages' name for it


def _params() -> dict[str, list[str]]:
    return {name: st.query_params.get_all(name) for name in st.query_params}


def own_path(default: st.Page, path: str) -> st.Page:
    """The default page at its own path too: Streamlit serves the default page at / only, so /timeline (the
    natural link) is a hidden page that opens it with the link's parameters."""

    def open_default() -> None:
        st.switch_page(default, query_params={name: st.query_params.get_all(name) for name in st.query_params})

    return st.Page(open_default, title=default.title, url_path=path, visibility="hidden")


def embedded() -> bool:
    """Presentation mode: the page was opened with ``?embed=true``. Streamlit keeps that parameter to itself
    (it hides its own chrome and it is not in ``st.query_params``), so ask ``st.context``."""
    return bool(st.context.is_embedded)


def _kept(url: dict[str, list[str]]) -> bool:
    """Whether this run keeps the session's view: the URL is the one this app last wrote, or empty
    (Streamlit empties it on a page change)."""
    state = st.session_state
    return "view" in state and (not url or url == state.get("_url_written"))


def language() -> str:
    """The page language before the data is loaded (the navigation, the bad-data messages): the session's,
    as a control may just have changed it, or the URL's."""
    if _kept(_params()):
        return st.session_state["view"].lang
    raw = st.query_params.get("lang", i18n.DEFAULT_LANG)
    return raw if raw in i18n.LANGS else i18n.DEFAULT_LANG


def layout_size() -> str:
    """The layout of this reader's charts: a phone's (its browser says 'Mobi' in its user agent), else the
    desktop page's. Figures stretch to the page either way; this decides wrapping and what fits. Kept for
    the session, whose browser does not change (reading the headers costs a millisecond a call)."""
    size = st.session_state.get("_layout")
    if size is None:
        st.session_state["_layout"] = size = _layout_of_agent()
    return size


def _layout_of_agent() -> str:
    try:
        agent = st.context.headers.get("User-Agent", "") or ""
    except Exception:  # noqa: BLE001 - no request context (e.g. bare mode): lay out for a desktop
        agent = ""
    return "phone" if "Mobi" in agent else "page"
