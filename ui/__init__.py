"""Streamlit-side helpers shared by the pages: cached data loading, URL state, error display.

Caching lives here, not in ``pricewar/``, which never imports Streamlit.
"""
