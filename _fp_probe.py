import json

import plotly.graph_objects as go
import streamlit as st

st.set_page_config(layout="wide")
st.title("价格曲线")
st.caption("每个模型一条阶梯线")
with open("/tmp/fig.json") as f:
    fig = go.Figure(json.load(f), _validate=False)
st.plotly_chart(fig, theme=None, width="stretch")
