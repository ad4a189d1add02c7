"""The floor with the dashboard's controls: the one-chart floor (``floor_chart.py``: one plotly chart of 1,000
points) under the sidebar of a price page — nine page links carrying the view, language, vendors, dates,
currency, price kind, conditions, highlight, the words expander, the zip button — with a title, an
introduction and the three image buttons. It computes nothing: what a filter change costs here is what
Streamlit and the browser charge for the controls themselves, before any of the dashboard's own work."""

import datetime as dt

import numpy as np
import plotly.graph_objects as go
import streamlit as st

PAGES = ("timeline", "prices", "compare", "story", "model", "claims", "trend", "data", "about")


def body() -> None:
    kind = st.session_state.get("kind", "a")
    st.title("Price curves")
    st.caption("One line per model: the price in force each day, on a log scale. A sentence or two of "
               "introduction under the title, as the dashboard's pages have.")
    x = np.arange(1000)
    y = np.cumsum(np.random.default_rng(0 if kind == "a" else 1).normal(size=1000))
    st.plotly_chart(go.Figure(go.Scatter(x=x, y=y, name=kind), layout={"title": {"text": f"floor {kind}"}}),
                    theme=None)
    with st.container(horizontal=True, gap="small"):
        for label in ("PNG 16:9", "PNG square", "SVG"):
            st.download_button(label, lambda: b"", file_name=f"chart-{label}", icon=":material/download:",
                               width="stretch")


pages = [st.Page(body, title=name.title(), url_path=name if i else "index", default=not i)
         for i, name in enumerate(PAGES)]
current = st.navigation(pages, position="hidden")
sb = st.sidebar
with sb.container():
    for page in pages:
        st.page_link(page, label=page.title, query_params={"lang": "en", "kind": st.session_state.get("kind", "a")},
                     width="stretch")
sb.segmented_control("Language", ["zh", "en"], default="en", key="lang")
VENDORS = ["Alibaba", "Anthropic", "Baidu", "ByteDance", "DeepSeek", "Google", "iFlytek", "Moonshot AI", "MiniMax",
           "OpenAI", "StepFun", "Tencent", "Zhipu AI"]
sb.multiselect("Vendors", VENDORS, placeholder="All vendors", key="vendors")
sb.date_input("Dates", (dt.date(2023, 3, 1), dt.date(2026, 11, 30)), key="dates", format="YYYY-MM-DD")
sb.segmented_control("Currency", ["CNY", "USD"], default="CNY", key="currency")
sb.radio("kind", ["a", "b"], key="kind")
sb.toggle("Every condition", key="conditions", help="Off-peak, long input…")
sb.multiselect("Highlight", [f"Model {i}" for i in range(82)], key="highlight", placeholder="The cheapest",
               help="Models to draw in colour")
sb.expander("Your words", icon=":material/edit:")
sb.button("Export as a zip", icon=":material/folder_zip:")
current.run()
