"""pricewar dashboard: page config and the list of pages. Everything else lives in app_pages/, ui/ and pricewar/.

Nothing heavy is imported here: on a process's first run the page's first chart may be drawn before pandas
is loaded (ui.first)."""

import streamlit as st

from pricewar import i18n
from pricewar.pages import PAGES
from ui.first import paint
from ui.nav import language, own_path

lang = language()
st.set_page_config(page_title=i18n.t("app_title", lang), page_icon="📉", layout="wide")
# the default page is served at / and reserves its own path: it takes "index", and /timeline opens it
pages = [st.Page(f"app_pages/{page}.py", title=i18n.t(f"page_{page}", lang), url_path="index" if page == PAGES[0]
                 else page, default=page == PAGES[0]) for page in PAGES]
# the sidebar's links to the pages are drawn by each page (ui.view): they carry the reader's whole view
current = st.navigation([*pages, own_path(pages[0], PAGES[0])], position="hidden")
paint(next((name for name, page in zip(PAGES, pages, strict=True) if page is current), None))
current.run()
