"""Making untrusted text (from data files or the URL) safe to show.

Streamlit's Markdown elements (``st.markdown``, ``st.error``, ``st.toast``, captions, labels) interpret
Markdown — links, images, ``:red[…]`` directives, ``$…$`` maths — and plotly renders a subset of HTML in
titles, hovers and annotations. Text that came from outside the code goes through one of these first.
"""

from __future__ import annotations

import html
import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def md(text: object) -> str:
    """Escape every Markdown-significant character, so the text shows literally."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def plot_text(text: object) -> str:
    """Escape text for a plotly title, hover or annotation (plotly renders <b>, <a href>, <br> …)."""
    return html.escape(str(text), quote=True)
