"""Price curves: one step line per model, log scale, the highlighted models in colour and named, key events labelled."""

import streamlit as st

from pricewar import i18n
from ui.charts import show
from ui.data import dataset, needs
from ui.view import language, page_view

data = dataset(language())
view = page_view(data, "prices")
lang = view.lang

if not view.embed:
    st.title(i18n.t("page_prices", lang))
    st.caption(i18n.t("prices_intro", lang))
show("prices", data, view)
if not view.embed:
    needs(data, "events", lang, quiet=True)
