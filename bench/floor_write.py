"""A bare Streamlit page that writes one line: the floor of Streamlit itself."""

import streamlit as st

st.write("floor")
