"""Price curves: one step line per model in vendor colours, log scale, key events labelled."""

import streamlit as st

from pricewar import figures, i18n
from pricewar.select import events_in_view, series_in_view
from ui.charts import figure, show, width_px
from ui.state import current_view, dataset, language, sidebar, tables

data = dataset(language())
series, _ = tables()
view = sidebar(data, current_view(data, series))
lang = view.lang

if not view.embed:
    st.title(i18n.t("page_prices", lang))
    st.caption(i18n.t("prices_intro", lang))
chart = figure(
    "prices",
    view,
    lambda: figures.price_curves(
        series_in_view(series, view), data.vendors, events_in_view(data.events, view), view, width_px=width_px()
    ),
)
show(chart, "prices", view)
