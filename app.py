"""pricewar dashboard: page config and the list of pages. Everything else lives in pages/ and pricewar/."""

import streamlit as st

st.set_page_config(page_title="大模型 API 价格战 · LLM API price war", page_icon="📉", layout="wide")

st.navigation([
    st.Page("pages/overview.py", title="概览 · Overview", url_path="overview", default=True),
]).run()
