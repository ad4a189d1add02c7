"""Overview: what the dataset holds (a placeholder until the dashboard pages arrive)."""

import streamlit as st

from pricewar import i18n
from ui.state import dataset, language

lang = language()
data = dataset(lang)
c = data.counts

st.title(i18n.t("app_title", lang))
st.caption(i18n.t("app_tagline", lang))

metrics = [("metric_prices", c["prices"]), ("metric_models", c["models"]), ("metric_vendors", c["price_vendors"]),
           ("metric_events", c["events"]), ("metric_sources", c["sources"]), ("metric_disputes", c["disputes"])]
for row in (metrics[:3], metrics[3:]):
    for col, (key, value) in zip(st.columns(3), row, strict=True):
        col.metric(i18n.t(key, lang), f"{value:,}")

st.text(i18n.t("coverage", lang, start=f"{data.prices['date'].min():%Y-%m-%d}",
               end=f"{data.prices['date'].max():%Y-%m-%d}"))
st.info(i18n.t("coming_soon", lang))
