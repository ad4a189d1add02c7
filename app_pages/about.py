"""About & method: what the data covers and up to when, how prices are made comparable, how disputes and
kinds of source are shown, what is left out, the corrections log, and how to cite the dashboard and a chart."""

import streamlit as st

from pricewar import i18n, method
from ui.charts import base_url
from ui.data import dataset
from ui.view import language, page_view

data = dataset(language())
view = page_view(data, "about")
lang = view.lang

st.title(i18n.t("page_about", lang))
sections = method.sections(data, lang, address=base_url())
st.markdown("\n".join(f"- [{s.heading}](#{s.key})" for s in sections))
for s in sections:
    st.header(s.heading, anchor=s.key)
    st.markdown(s.body)
