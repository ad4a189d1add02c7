"""Decline rate: the cheapest price of a set of models over time, its fitted fall per year, and the published
estimates beside it."""

import pandas as pd
import streamlit as st

from pricewar import i18n
from pricewar.trend import set_name
from ui.charts import show
from ui.data import dataset, needs
from ui.view import choices, language, page_view, set_view

data = dataset(language())
view = page_view(data, "trend")
lang = view.lang
sets = choices(data).sets

if not view.embed:
    st.title(i18n.t("page_trend", lang))
    st.caption(i18n.t("trend_intro", lang))
choice = st.radio(
    i18n.t("trend_set", lang),
    sets,
    format_func=lambda k: set_name(data, k, lang),
    horizontal=True,
    index=sets.index(view.set) if view.set in sets else 0,
    key="w_trend_set",
    label_visibility="collapsed" if view.embed else "visible",
)
if choice != view.set:
    view = set_view(view.with_(set=choice), "trend", data)
_, built = show("trend", data, view)

if not view.embed:
    name = set_name(data, view.set, lang)
    note = next((c.note[lang] for c in data.classes if c.id == view.set), "")
    if note:
        st.caption(i18n.t("trend_set_note", lang, note=note))
    needs(data, "classes", lang, quiet=True)
    st.subheader(i18n.t("published_heading", lang))
    result = built.fit
    rows = [
        {
            i18n.t("col_who", lang): i18n.t("this_fit", lang, set=name),
            i18n.t("col_rate", lang): f"{result['factor']:.0f}× ({result['low']:.0f}–{result['high']:.0f}×)"
            if result
            else "—",
            i18n.t("col_finding", lang): "",
            i18n.t("col_method", lang): i18n.t("trend_method", lang, n=result["n"] if result else 0),
        }
    ]
    for r in data.rates:
        low, high = f"{r.factor_low:g}", f"{r.factor_high:g}"
        rows.append(
            {
                i18n.t("col_who", lang): f"{r.who[lang]} ({r.source})",
                i18n.t("col_rate", lang): f"{low}×" if low == high else f"{low}–{high}×",
                i18n.t("col_finding", lang): r.headline[lang],
                i18n.t("col_method", lang): r.method[lang],
            }
        )
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    needs(data, "rates", lang)
