"""Decline rate: the cheapest price of a set of models over time, its fitted fall per year, and the published
estimates beside it."""

import pandas as pd
import streamlit as st

from pricewar import i18n
from pricewar.charts import credits
from pricewar.text import cited_in_words, published_range, rate_range
from pricewar.trend import MIN_DAYS, MIN_POINTS, set_name
from ui.charts import show
from ui.data import dataset, needs
from ui.phone import table_columns
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
    st.caption(i18n.t("trend_minimums", lang, n=MIN_POINTS, months=MIN_DAYS // 30))
    result = built.fit
    rows = [
        {
            i18n.t("col_who", lang): i18n.t("this_fit", lang, set=name),
            i18n.t("col_rate", lang): rate_range(result, lang) if result else "—",
            i18n.t("col_finding", lang): built.title,
            i18n.t("col_method", lang): i18n.t("trend_method", lang, n=len(built.rows)),
            i18n.t("col_differs", lang): "",
        }
    ]
    named = credits(data, lang)
    for r in data.rates:
        rows.append(
            {
                i18n.t("col_who", lang): cited_in_words(f"{r.who[lang]} [{r.source}]", named, lang),  # source by name
                i18n.t("col_rate", lang): published_range(r.factor_low, r.factor_high, lang),
                i18n.t("col_finding", lang): r.headline[lang],
                i18n.t("col_method", lang): r.method[lang],
                i18n.t("col_differs", lang): r.differs[lang],
            }
        )
    who, rate, finding = (i18n.t(k, lang) for k in ("col_who", "col_rate", "col_finding"))
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch",
                 **table_columns({who: who}, keep=[who, rate, finding], pin=who))
    needs(data, "rates", lang)
