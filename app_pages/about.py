"""About & method: what the data covers and up to when, how prices are made comparable, how disputes and
kinds of source are shown, what is left out, the corrections log, and how to cite the dashboard and a chart."""

import streamlit as st

from pricewar import i18n, method
from ui.charts import base_url
from ui.data import dataset
from ui.view import language, page_view


@st.cache_resource(show_spinner=False, max_entries=8)
def _sections(version: str, lang: str, address: str, _data) -> list[method.Section]:
    """The page's text, once per data version, language and address: no control of the view changes it, and
    making it was ~25 ms of every rerun."""
    return method.sections(_data, lang, address=address)


data = dataset(language())
view = page_view(data, "about")
lang = view.lang

st.title(i18n.t("page_about", lang))
sections = _sections(data.key, lang, base_url(), data)
st.markdown("\n".join(f"- [{s.heading}](#{s.key})" for s in sections))
for s in sections:
    st.header(s.heading, anchor=s.key)
    st.markdown(s.body)
