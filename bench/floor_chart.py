"""The floor for any plotly dashboard: a bare Streamlit page that draws one plotly chart of 1,000 points."""

import numpy as np
import plotly.graph_objects as go
import streamlit as st

kind = st.radio("kind", ["a", "b"], horizontal=True)
x = np.arange(1000)
y = np.cumsum(np.random.default_rng(0 if kind == "a" else 1).normal(size=1000))
st.plotly_chart(go.Figure(go.Scatter(x=x, y=y, name=kind), layout={"title": {"text": f"floor {kind}"}}), theme=None)
