"""pricewar dashboard: page config and the list of pages. Everything else lives in app_pages/, ui/ and pricewar/."""

import streamlit as st

from pricewar import i18n
from ui.state import embedded, language

st.set_page_config(page_title="大模型 API 价格战 · LLM API price war", page_icon="📉", layout="wide")

lang = language()
st.navigation([
    st.Page("app_pages/timeline.py", title=i18n.t("page_timeline", lang), url_path="timeline", default=True),
    st.Page("app_pages/prices.py", title=i18n.t("page_prices", lang), url_path="prices"),
    st.Page("app_pages/story.py", title=i18n.t("page_story", lang), url_path="story"),
    st.Page("app_pages/compare.py", title=i18n.t("page_compare", lang), url_path="compare"),
    st.Page("app_pages/claims.py", title=i18n.t("page_claims", lang), url_path="claims"),
    st.Page("app_pages/trend.py", title=i18n.t("page_trend", lang), url_path="trend"),
    st.Page("app_pages/data.py", title=i18n.t("page_data", lang), url_path="data"),
], position="hidden" if embedded() else "sidebar").run()
