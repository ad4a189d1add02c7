"""pricewar dashboard: page config and the list of pages. Everything else lives in app_pages/, ui/ and pricewar/."""

import streamlit as st

from pricewar import i18n
from pricewar.view import PAGES
from ui.view import embedded, language

lang = language()
st.set_page_config(page_title=i18n.t("app_title", lang), page_icon="📉", layout="wide")
st.navigation(
    [st.Page(f"app_pages/{page}.py", title=i18n.t(f"page_{page}", lang), url_path=page, default=page == PAGES[0])
     for page in PAGES],
    position="hidden" if embedded() else "sidebar",
).run()
