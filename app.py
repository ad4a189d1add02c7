"""pricewar dashboard: page config and the list of pages. Everything else lives in pages/, ui/ and pricewar/."""

import streamlit as st

from pricewar import i18n
from ui.state import embedded, language

st.set_page_config(page_title="大模型 API 价格战 · LLM API price war", page_icon="📉", layout="wide")

lang = language()
st.navigation([
    st.Page("pages/timeline.py", title=i18n.t("page_timeline", lang), url_path="timeline", default=True),
    st.Page("pages/prices.py", title=i18n.t("page_prices", lang), url_path="prices"),
    st.Page("pages/story.py", title=i18n.t("page_story", lang), url_path="story"),
    st.Page("pages/compare.py", title=i18n.t("page_compare", lang), url_path="compare"),
    st.Page("pages/claims.py", title=i18n.t("page_claims", lang), url_path="claims"),
    st.Page("pages/trend.py", title=i18n.t("page_trend", lang), url_path="trend"),
    st.Page("pages/data.py", title=i18n.t("page_data", lang), url_path="data"),
], position="hidden" if embedded() else "sidebar").run()
