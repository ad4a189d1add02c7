"""pricewar dashboard: page config and the list of pages. Everything else lives in app_pages/, ui/ and pricewar/."""

import streamlit as st

from pricewar import i18n
from pricewar.view import PAGES
from ui.view import embedded, language

st.set_page_config(page_title="大模型 API 价格战 · LLM API price war", page_icon="📉", layout="wide")

lang = language()
st.navigation(
    [st.Page(f"app_pages/{page}.py", title=i18n.t(f"page_{page}", lang), url_path=page, default=page == PAGES[0])
     for page in PAGES],
    position="hidden" if embedded() else "sidebar",
).run()
