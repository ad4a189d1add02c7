"""Cached data and URL-backed view state for the pages."""

from __future__ import annotations

import streamlit as st

from pricewar import Dataset, default_data_dir, i18n, load_dataset
from pricewar.errors import DataDirError, DataError
from pricewar.load import fingerprint
from pricewar.safe import md


@st.cache_data(show_spinner=False, max_entries=4)
def _load(key: tuple) -> Dataset:
    return load_dataset(key[0])


def dataset(lang: str) -> Dataset:
    """The validated dataset, loaded once per change of the data files; on bad data, stop the page
    with the list of problems (as plain text, never HTML or Markdown)."""
    try:
        return _load(fingerprint(default_data_dir()))
    except DataDirError as exc:
        st.error(i18n.t("data_missing", lang, path=md(exc.path)))
        st.stop()
    except DataError as exc:
        st.error(i18n.t("data_invalid", lang, summary=exc.summary(lang)))
        st.code("\n".join(str(p) for p in exc.problems), language=None, wrap_lines=True)
        st.stop()


def language() -> str:
    """The page language from ``?lang=`` (zh by default), with a sidebar switch that writes it back."""
    raw = st.query_params.get("lang", i18n.DEFAULT_LANG)
    lang = raw if raw in i18n.LANGS else i18n.DEFAULT_LANG
    choice = st.sidebar.segmented_control(
        i18n.t("language", lang), options=list(i18n.LANGS), default=lang,
        format_func=lambda code: {"zh": "中文", "en": "English"}[code], key="lang_switch")
    if choice and choice != lang:
        lang = choice
    if lang != i18n.DEFAULT_LANG:
        st.query_params["lang"] = lang
    elif "lang" in st.query_params:
        del st.query_params["lang"]
    if raw not in i18n.LANGS:
        st.toast(i18n.t("bad_param", lang, name="lang", value=md(raw[:40])))
    return lang
