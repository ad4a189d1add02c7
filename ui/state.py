"""Cached data and the URL-backed view for the pages.

The view (filters, language, page options) lives in the URL so a pasted link reproduces the page. Within
a session the last view is also kept in ``st.session_state``: Streamlit clears the URL's parameters when
the reader moves to another page, and the page then writes the session's view back.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from pricewar import Dataset, default_data_dir, i18n, load_dataset
from pricewar.errors import DataDirError, DataError
from pricewar.load import fingerprint
from pricewar.normalize import normalize, series_table
from pricewar.safe import md
from pricewar.select import model_label
from pricewar.story import steps
from pricewar.view import VIEW_KINDS, Choices, View, notice_text, parse_view, view_params


@st.cache_data(show_spinner=False, max_entries=4)
def _load(key: tuple) -> Dataset:
    return load_dataset(key[0])


@st.cache_data(show_spinner=False, max_entries=4)
def _tables(key: tuple) -> tuple[pd.DataFrame, pd.DataFrame]:
    data = _load(key)
    return series_table(data.prices, data.fx), normalize(data.prices, data.fx)


@st.cache_resource(show_spinner=False)
def _last_good() -> dict[str, tuple]:
    """Per data folder, the fingerprint of the last files that validated (shared by every session)."""
    return {}


def _usable_key() -> tuple[tuple, DataError | None]:
    """The fingerprint to read: the files' own when they validate, else the last valid one (with the
    error). Raises when there is no valid version to fall back on."""
    key = fingerprint(default_data_dir())
    if _last_good().get(key[0]) == key:  # these very files validated before: no need to ask the cache
        return key, None
    try:
        _load(key)
    except DataError as exc:
        last = _last_good().get(key[0])
        if last is None:
            raise
        return last, exc
    _last_good()[key[0]] = key
    return key, None


def dataset(lang: str) -> Dataset:
    """The validated dataset, loaded once per change of the data files. When the files turn invalid while
    the server runs, readers keep the last valid data under a banner listing the problems; with no valid
    data at all, the page stops with the list. Problems are shown as plain text, never Markdown."""
    try:
        key, error = _usable_key()
    except DataDirError as exc:
        st.error(i18n.t("data_missing", lang, path=md(exc.path)))
        st.stop()
    except DataError as exc:
        st.error(i18n.t("data_invalid", lang, summary=exc.summary(lang)))
        st.code("\n".join(str(p) for p in exc.problems), language=None, wrap_lines=True)
        st.stop()
    if error is not None:
        with st.container(border=True, key="stale_banner"):
            st.warning(i18n.t("data_stale", lang, summary=error.summary(lang)), icon=":material/warning:")
            st.code("\n".join(str(p) for p in error.problems), language=None, wrap_lines=True)
    return _load(key)


def warm_up() -> None:
    """Load, check and normalize the data into the caches, as the first page view would (server start)."""
    key, _ = _usable_key()
    _tables(key)


def data_version() -> tuple:
    """The fingerprint of the data the pages show (the last valid files'): what cached results are keyed on."""
    return _usable_key()[0]


def tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(step series with blends, every stated row normalized) of the data :func:`dataset` gave."""
    return _tables(_usable_key()[0])


def choices(data: Dataset, series: pd.DataFrame) -> Choices:
    labels = {model_label(m, t) for m, t in zip(series["model"], series["tier"], strict=True)}
    return Choices(
        vendors=frozenset(data.vendors["id"]),
        events=frozenset(data.events["id"]),
        models=frozenset(labels),
        first=data.prices["date"].min().date(),
        last=data.prices["date"].max().date(),
        extra={"steps": len(steps(data.events))},
    )


def _params() -> dict[str, list[str]]:
    return {name: st.query_params.get_all(name) for name in st.query_params}


def embedded() -> bool:
    """Presentation mode: the page was opened with ``?embed=true``. Streamlit keeps that parameter to itself
    (it hides its own chrome and it is not in ``st.query_params``), so ask ``st.context``."""
    return bool(st.context.is_embedded)


def current_view(data: Dataset, series: pd.DataFrame) -> View:
    """The view of this run. The session's view is kept while the URL is the one this app last wrote, or
    empty (Streamlit empties it on a page change); otherwise the URL is read — on a session's first run,
    or when a link is opened — and its bad parameters are listed in one notice."""
    url, state = _params(), st.session_state
    if "view" in state and (not url or url == state.get("_url_written")):
        return state["view"].with_(embed=embedded())
    view, notices = parse_view(url, choices(data, series))
    view = view.with_(embed=embedded())
    state["view"] = view
    if notices:
        st.toast(md(notice_text(notices, view.lang)))
    return view


def set_view(view: View) -> View:
    """Make ``view`` the session's view and the URL's."""
    st.session_state["view"] = view
    params = view_params(view.with_(embed=False))  # Streamlit owns ?embed=, and keeps it in the URL itself
    if _params() != {k: v if isinstance(v, list) else [v] for k, v in params.items()}:
        st.query_params.from_dict(params)
    st.session_state["_url_written"] = _params()
    return view


# --- the shared sidebar ------------------------------------------------------------------------------------
def _from_widgets() -> None:
    s = st.session_state
    view: View = s["view"]
    dates = s.get("w_dates") or (view.start, view.end)
    start, end = (dates[0], dates[1]) if len(dates) == 2 else (dates[0], view.end)
    s["view"] = view.with_(
        lang=s.get("w_lang") or view.lang,
        vendors=tuple(sorted(s.get("w_vendors") or ())),
        start=start,
        end=max(start, end),
        currency=s.get("w_currency") or view.currency,
        kind=s.get("w_kind") or view.kind,
    )


def _sync_widgets(view: View) -> None:
    """Put the view into the widgets' state when the view changed from elsewhere (URL, page change)."""
    s = st.session_state
    wanted = {
        "w_lang": view.lang,
        "w_vendors": list(view.vendors),
        "w_dates": (view.start, view.end),
        "w_currency": view.currency,
        "w_kind": view.kind,
    }
    if s.get("_widgets_view") != view:
        for key, value in wanted.items():
            s[key] = value
        s["_widgets_view"] = view


def sidebar(data: Dataset, view: View, *, kind: bool = True, dates: bool = True, currency: bool = True) -> View:
    """The shared controls; returns the view they set. Not drawn in presentation mode."""
    if view.embed:
        return set_view(view)
    _sync_widgets(view)
    lang = view.lang
    sb = st.sidebar
    sb.segmented_control(
        i18n.t("language", lang),
        options=list(i18n.LANGS),
        key="w_lang",
        format_func=lambda c: {"zh": "中文", "en": "English"}[c],
        on_change=_from_widgets,
    )
    names = dict(zip(data.vendors["id"], data.vendors["name_zh" if lang == "zh" else "name_en"], strict=True))
    present = set(data.prices["vendor"]) | set(data.events["vendor"])
    with_prices = [v for v in data.vendors["id"] if v in present]
    sb.multiselect(
        i18n.t("vendors", lang),
        options=with_prices,
        format_func=lambda v: names.get(v, v),
        key="w_vendors",
        placeholder=i18n.t("vendors_all", lang),
        on_change=_from_widgets,
    )
    if dates:
        sb.date_input(
            i18n.t("date_range", lang),
            key="w_dates",
            min_value=date(2023, 1, 1),
            max_value=date(2025, 12, 31),
            on_change=_from_widgets,
            format="YYYY-MM-DD",
        )
    if currency:
        sb.segmented_control(
            i18n.t("currency", lang),
            options=["CNY", "USD"],
            key="w_currency",
            format_func=lambda c: i18n.t(f"cur_{c}", lang),
            on_change=_from_widgets,
        )
    if kind:
        sb.radio(
            i18n.t("kind", lang),
            options=list(VIEW_KINDS),
            key="w_kind",
            format_func=lambda k: i18n.t(f"kind_{k}", lang),
            on_change=_from_widgets,
        )
    view = st.session_state["view"]
    st.session_state["_widgets_view"] = view
    from ui.charts import export_zip

    export_zip(data, view)
    return set_view(view)


def language() -> str:
    """The page language before the data is loaded (for the bad-data messages)."""
    if "view" in st.session_state and not st.query_params:
        return st.session_state["view"].lang
    raw = st.query_params.get("lang", i18n.DEFAULT_LANG)
    return raw if raw in i18n.LANGS else i18n.DEFAULT_LANG


@st.cache_data(show_spinner=False, max_entries=4)
def _claim_results(data_key: tuple, claims_key: tuple, models: frozenset[str], sources: frozenset[str]) -> list:
    """Every claim with its outcomes, computed once per version of the data and claim files."""
    from pricewar.claims import evaluate
    from pricewar.trend import cheapest_over_time, fit, in_class

    claims, classes = _claims(claims_key, models, sources)
    series = _tables(data_key)[0]
    blended = series[series["series"] == "blended"]
    fits = {c["id"]: fit(cheapest_over_time(in_class(blended, c["models"]))) for c in classes}
    return [(dict(c), evaluate(c, series, trend=fits.get(c["check"].get("class")))) for c in claims]


@st.cache_data(show_spinner=False, max_entries=4)
def _claims(key: tuple, models: frozenset[str], sources: frozenset[str]) -> tuple[list, list]:
    import yaml

    from pricewar.claims import load_claims

    base = default_data_dir()
    classes = yaml.safe_load((base / "classes.yaml").read_text(encoding="utf-8"))["classes"]
    return load_claims(base / "claims.yaml", set(models), set(sources)), classes


def claims_and_classes(data: Dataset, series: pd.DataFrame, lang: str) -> tuple[list, list]:
    """The claims and capability classes beside the data (re-read when either file changes)."""
    labels = frozenset(model_label(m, t) for m, t in zip(series["model"], series["tier"], strict=True))
    try:
        return _claims(_claim_files_key(), labels, frozenset(data.sources["id"]))
    except (DataError, OSError, KeyError, TypeError) as exc:
        st.error(i18n.t("data_invalid", lang, summary=type(exc).__name__))
        st.code(str(exc), language=None, wrap_lines=True)
        st.stop()


def _claim_files_key() -> tuple:
    base = default_data_dir()
    return tuple(
        (name, (base / name).stat().st_mtime_ns if (base / name).exists() else None)
        for name in ("claims.yaml", "classes.yaml")
    )


def published_rates() -> list[dict]:
    """The published decline-rate estimates (data/published_rates.yaml), parsed once per version of the file."""
    path = default_data_dir() / "published_rates.yaml"
    return _published_rates(str(path), path.stat().st_mtime_ns)


@st.cache_data(show_spinner=False, max_entries=2)
def _published_rates(path: str, mtime: int) -> list[dict]:
    import yaml

    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)["rates"]


def claims_version() -> tuple:
    """What claim checks and class fits depend on: the data's fingerprint and the claim/class files' times."""
    return data_version(), _claim_files_key()


def claim_results(data: Dataset, series: pd.DataFrame, lang: str) -> list:
    """[(claim, outcomes)] for the claim checker, cached; the files are checked like the data's."""
    claims_and_classes(data, series, lang)  # shows the problems and stops when the claim files are invalid
    labels = frozenset(model_label(m, t) for m, t in zip(series["model"], series["tier"], strict=True))
    return _claim_results(_usable_key()[0], _claim_files_key(), labels, frozenset(data.sources["id"]))
