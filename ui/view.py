"""The reader's view for a page: read from the URL (or kept from the session), set by the shared sidebar,
written back into the URL with the parameters the page reads.

The view lives in the URL so a pasted link reproduces the page. Within a session the last view is also
kept in ``st.session_state``: Streamlit clears the URL's parameters when the reader moves to another page,
and the page then writes the session's view back.
"""

from __future__ import annotations

import streamlit as st

from pricewar import Dataset, i18n, schema
from pricewar.safe import md
from pricewar.view import (
    CHART_PAGES,
    CONDITIONS,
    PAGES,
    WORDS,
    Choices,
    View,
    notice_text,
    parse_view,
    reads,
    view_params,
)
from ui.charts import export_zip
from ui.nav import _kept, _params, embedded, language, own_path  # noqa: F401 - the pages import them from here


@st.cache_resource(show_spinner=False, max_entries=8)
def _choices(version: str, _data: Dataset) -> Choices:
    return Choices.of(_data)


def choices(data: Dataset) -> Choices:
    """What the data allows, once per data version."""
    return _choices(data.key, data)


def _current(data: Dataset) -> View:
    """The view of this run. The session's view is kept while the URL is the one this app last wrote, or
    empty (Streamlit empties it on a page change); otherwise the URL is read — on a session's first run,
    when a link is opened, or when the browser goes back or forward. A view kept across a change of the
    data is checked against the new data. What is not valid is listed in one notice."""
    url, state = _params(), st.session_state
    if _kept(url):
        if state.get("_view_data") == data.version:
            return state["view"].with_(embed=embedded())
        url = view_params(state["view"], choices(data))
    view, notices = parse_view(url, choices(data))
    view = view.with_(embed=embedded())
    state["view"], state["_view_data"] = view, data.version
    if notices:
        st.toast(md(notice_text(notices, view.lang)))
    return view


def set_view(view: View, page: str, data: Dataset) -> View:
    """Make ``view`` the session's view, and the URL's: the whole view on every page. Streamlit adds a
    browser history entry whenever the parameters change outside a back or forward; were a page to write
    only what it reads, each page change would add two entries (the link's, then the page's), and Back
    would seem to do nothing. With the same parameters on every page, a page change is one entry, a change
    of a control is one entry, and Back undoes either."""
    st.session_state["view"] = view
    params = view_params(view.with_(embed=False), choices(data))  # Streamlit owns ?embed=
    if _params() != {k: v if isinstance(v, list) else [v] for k, v in params.items()}:
        st.query_params.from_dict(params)
    st.session_state["_url_written"] = _params()
    _links(view, params)
    return view


def _links(view: View, params: dict) -> None:
    """The pages' links at the top of the sidebar, in the view's language, each carrying the whole view:
    the next page opens with one history entry (Streamlit's own navigation would open it without
    parameters, then add a second entry when the page writes them), and a link opened in a new tab shows
    the same view. Drawn again whenever the page changes the view."""
    slot = st.session_state.get("_nav")
    if slot is None or view.embed:
        return
    with slot.container():
        for page in PAGES:
            st.page_link(f"app_pages/{page}.py", label=i18n.t(f"page_{page}", view.lang), query_params=params,
                         width="stretch")


def _from_widgets() -> None:
    s = st.session_state
    view: View = s["view"]
    dates = s.get("w_dates") or (view.start, view.end)
    start, end = (dates[0], dates[1]) if len(dates) == 2 else (dates[0], view.end)
    words = {name: " ".join(str(s.get(f"w_{name}", getattr(view, name)) or "").split())[:limit]
             for name, limit in WORDS.items()}
    charts = CHART_PAGES.get(s.get("_page", ""), ("",))
    chart = s.get("w_chart") if s.get("w_chart") in charts else charts[0]
    chart = chart if any(words.values()) else ""  # the words are for one chart: this page's first, or the chosen
    s["view"] = view.with_(
        lang=s.get("w_lang") or view.lang,
        vendors=tuple(sorted(s.get("w_vendors") or ())),
        start=min(start, end),
        end=max(start, end),
        currency=s.get("w_currency") or view.currency,
        kind=s.get("w_kind") or view.kind,
        conditions=CONDITIONS[1] if s.get("w_conditions", view.conditions == CONDITIONS[1]) else CONDITIONS[0],
        highlight=tuple(s.get("w_highlight", view.highlight) or ()),
        chart=chart,
        **words,
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
        "w_conditions": view.conditions == CONDITIONS[1],
        "w_highlight": list(view.highlight),
        **{f"w_{name}": getattr(view, name) for name in WORDS},
    }
    # Streamlit keeps a widget's state for the page that drew it: on another page the same sidebar widget
    # would show its default (all vendors, input …) over a filtered chart, and the next click would send
    # that default back. Every widget's value is written on every run — the view's when the view changed,
    # else its own — which makes it state of the session, not of one page.
    changed = s.get("_widgets_view") != view
    for key, value in wanted.items():
        s[key] = value if changed or key not in s else s[key]
    if view.chart and (changed or "w_chart" not in s):  # no words yet: the reader's choice of chart stays
        s["w_chart"] = view.chart
    elif "w_chart" in s:
        s["w_chart"] = s["w_chart"]
        s["_widgets_view"] = view


def _words(page: str, lang: str) -> None:
    """The journalist's own headline, subtitle, note and byline for one chart of the page: plain text,
    length-limited, in the URL; empty means the computed words. The boxes are drawn only while the expander
    is open: closed, as it mostly is, it is one element on every rerun instead of six."""
    box = st.sidebar.expander(i18n.t("words", lang), icon=":material/edit:", key="words_open", on_change="rerun")
    if not box.open:
        return
    with box:
        charts = CHART_PAGES[page]
        if len(charts) > 1:
            if st.session_state.get("w_chart") not in charts:
                st.session_state["w_chart"] = charts[0]
            st.selectbox(i18n.t("words_chart", lang), options=list(charts), key="w_chart",
                         format_func=lambda n: i18n.t(f"chart_{n}", lang), on_change=_from_widgets)
        for name, limit in WORDS.items():
            st.text_input(i18n.t(f"words_{name}", lang), key=f"w_{name}", max_chars=limit,
                          placeholder=i18n.t(f"words_{name}_placeholder", lang), on_change=_from_widgets)


def page_view(data: Dataset, page: str) -> View:
    """The view of ``page``: from the URL or the session, with the shared sidebar holding the controls of
    what the page reads (language and vendors always; dates, currency and price kind where it uses them).
    No sidebar in presentation mode."""
    view = _current(data)
    st.session_state["_page"] = page
    if page in CHART_PAGES and not view.chart and any(getattr(view, w) for w in WORDS if w != "byline"):
        view = view.with_(chart=CHART_PAGES[page][0])  # a link's words are for the chart of the page it opens
        st.session_state["view"] = view
    if view.embed:
        return set_view(view, page, data)
    c, fields = choices(data), reads(page)
    _sync_widgets(view)
    lang = view.lang
    sb = st.sidebar
    st.session_state["_nav"] = sb.empty()  # the pages' links, drawn by set_view with the view in force
    sb.segmented_control(
        i18n.t("language", lang),
        options=list(i18n.LANGS),
        key="w_lang",
        format_func=lambda code: i18n.LANG_NAMES[code],
        on_change=_from_widgets,
    )
    names = dict(zip(data.vendors["id"], data.vendors[f"name_{lang}"], strict=True))
    present = set(data.prices["vendor"]) | set(data.events["vendor"])
    sb.multiselect(
        i18n.t("vendors", lang),
        options=[v for v in data.vendors["id"] if v in present],
        format_func=lambda v: names.get(v, v),
        key="w_vendors",
        placeholder=i18n.t("vendors_all", lang),
        on_change=_from_widgets,
    )
    if "start" in fields:
        sb.date_input(
            i18n.t("date_range", lang),
            key="w_dates",
            min_value=c.first,
            max_value=c.last,
            on_change=_from_widgets,
            format="YYYY-MM-DD",
        )
    if "currency" in fields:
        sb.segmented_control(
            i18n.t("currency", lang),
            options=list(schema.CURRENCIES),
            key="w_currency",
            format_func=lambda code: i18n.t(f"cur_{code}", lang),
            on_change=_from_widgets,
        )
    if "kind" in fields:
        sb.radio(
            i18n.t("kind", lang),
            options=list(schema.SERIES_KINDS),
            key="w_kind",
            format_func=lambda k: i18n.t(f"kind_{k}", lang),
            on_change=_from_widgets,
        )
    if "conditions" in fields and not data.series["standard"].all():
        sb.toggle(
            i18n.t("conditions_all", lang),
            key="w_conditions",
            help=i18n.t("conditions_help", lang),
            on_change=_from_widgets,
        )
    if "highlight" in fields:
        sb.multiselect(
            i18n.t("highlight", lang),
            options=sorted(c.models, key=str.lower),
            key="w_highlight",
            placeholder=i18n.t("highlight_default", lang),
            help=i18n.t("highlight_help", lang),
            on_change=_from_widgets,
        )
    if page in CHART_PAGES:
        _words(page, lang)
    view = st.session_state["view"]
    st.session_state["_widgets_view"] = view
    export_zip(data, view)
    return set_view(view, page, data)
