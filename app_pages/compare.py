"""Vendor comparison: every model's price on a date, before → after a window, ratios to a reference model."""

import pandas as pd
import streamlit as st

from pricewar import figures, i18n
from pricewar.normalize import price_at
from pricewar.select import model_label, window_ends
from ui.charts import figure, show, width_px
from ui.state import current_view, dataset, language, set_view, sidebar, tables

data = dataset(language())
series, _ = tables()
view = sidebar(data, current_view(data, series), dates=False)
lang = view.lang
kind = series[series["series"] == view.kind]
if view.vendors:
    kind = kind[kind["vendor"].isin(view.vendors)]

if not view.embed:
    st.title(i18n.t("page_compare", lang))
    left, right = st.columns(2)
    at = left.date_input(i18n.t("compare_at", lang), value=view.at, format="YYYY-MM-DD", key="w_at")
    window = right.date_input(
        i18n.t("compare_window", lang), value=(view.before, view.after), format="YYYY-MM-DD", key="w_window"
    )
    if len(window) == 2 and (at, window[0], window[1]) != (view.at, view.before, view.after):
        view = set_view(view.with_(at=at, before=min(window), after=max(window)))

on_day = price_at(kind, view.at)
show(figure("ranking", view, lambda: figures.ranking(on_day, data.vendors, view, width_px=width_px())), "ranking", view)
show(
    figure(
        "before-after",
        view,
        lambda: figures.dumbbell(*window_ends(kind, view.before, view.after), data.vendors, view, width_px=width_px()),
    ),
    "before-after",
    view,
)

if not view.embed and not on_day.empty:
    st.subheader(i18n.t("ratio_heading", lang))
    labels = sorted({model_label(m, t) for m, t in zip(on_day["model"], on_day["tier"], strict=True)})
    ref = st.selectbox(i18n.t("compare_ref", lang), labels, index=labels.index(view.ref) if view.ref in labels else 0)
    if ref != view.ref:
        view = set_view(view.with_(ref=ref))
    table = figures.ratio_table(on_day, ref, view)
    cur = i18n.t(f"cur_{view.currency}", lang)
    st.dataframe(
        pd.DataFrame(
            {
                i18n.t("col_model", lang): table["model"],
                i18n.t("col_converted", lang, cur=cur): table["price"].round(4),
                i18n.t("col_ratio", lang): table["ratio"],
                i18n.t("col_sentence", lang): table["sentence"],
                i18n.t("col_source", lang): table["source"],
            }
        ),
        hide_index=True,
        width="stretch",
    )
