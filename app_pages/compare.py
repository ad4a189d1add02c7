"""Vendor comparison: every model's price on a date, before → after a window, ratios to a reference model (on a
phone one block per model: the table's sentence to quote would sit off the screen)."""

import pandas as pd
import streamlit as st

from pricewar import i18n
from pricewar.charts import credits, reference
from pricewar.records import model_label
from pricewar.text import source_names
from ui.charts import chart, layout_size, show
from ui.data import dataset
from ui.phone import ratio_blocks
from ui.view import choices, language, page_view, set_view

data = dataset(language())
view = page_view(data, "compare")
lang = view.lang
c = choices(data)

if not view.embed:
    st.title(i18n.t("page_compare", lang))
    left, right = st.columns(2)
    at = left.date_input(i18n.t("compare_at", lang), value=view.at, min_value=c.first, max_value=c.last,
                         format="YYYY-MM-DD", key="w_at")
    window = right.date_input(i18n.t("compare_window", lang), value=(view.before, view.after), min_value=c.first,
                              max_value=c.last, format="YYYY-MM-DD", key="w_window")
    if len(window) == 2 and (at, min(window), max(window)) != (view.at, view.before, view.after):
        view = set_view(view.with_(at=at, before=min(window), after=max(window)), "compare", data)

show("ranking", data, view)
show("before-after", data, view)

rows = chart("ranking", data, view).rows  # every model's price that day (on_day), built once per view
if not view.embed and not rows.empty:
    st.subheader(i18n.t("ratio_heading", lang))
    labels = sorted({model_label(m, t) for m, t in zip(rows["model"], rows["tier"], strict=True)})
    shown = reference(data, view, rows)
    ref = st.selectbox(i18n.t("compare_ref", lang), labels, index=labels.index(shown))
    if ref != shown:  # the reader's choice; the default is not written (a second history entry)
        view = set_view(view.with_(ref=ref), "compare", data)
    table = chart("ratios", data, view).rows
    named = credits(data, lang)  # once: it maps every source
    table = table.assign(source_names=[source_names(named, s) for s in table["source"]])
    if layout_size() == "phone":
        ratio_blocks(table, view.currency, lang)
    else:
        cur = i18n.t(f"cur_{view.currency}", lang)
        st.dataframe(
            pd.DataFrame(
                {
                    i18n.t("col_model", lang): table["model"],
                    i18n.t("col_converted", lang, cur=cur): table["price"].round(4),
                    i18n.t("col_ratio", lang): table["ratio"],
                    i18n.t("col_sentence", lang): table["sentence"],
                    i18n.t("col_sources", lang): table["source_names"],
                }
            ),
            hide_index=True,
            width="stretch",
        )
