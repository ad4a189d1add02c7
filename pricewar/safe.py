"""Making untrusted text (from data files or the URL) safe to show.

Streamlit's Markdown elements (``st.markdown``, ``st.error``, ``st.toast``, captions, labels) interpret
Markdown — links, images, ``:red[…]`` directives, ``$…$`` maths — and plotly renders a subset of HTML in
titles, hovers and annotations. Text that came from outside the code goes through one of these first.
"""

from __future__ import annotations

import html
import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$&:])")
# GitHub-flavoured Markdown turns bare "https://…", "www.…" and "a@b.c" into links, escaped or not; such
# runs are shown as code, which is never a link.
_LINKISH = re.compile(r"(?i)(?:[a-z][a-z0-9+.-]*:|www\.)\S+|\S+@\S+\.\S+")


def _code(run: str) -> str:
    fence = "``" if "`" in run else "`"
    return f"{fence} {run} {fence}" if fence == "``" else f"`{run}`"


def md(text: object) -> str:
    """Escape ``text`` for Streamlit Markdown so it shows literally and links nowhere: Markdown
    characters are backslash-escaped, and anything a renderer would auto-link is shown as code."""
    text = str(text)
    out, last = [], 0
    for m in _LINKISH.finditer(text):
        out.append(_MARKDOWN_SPECIAL.sub(r"\\\1", text[last:m.start()]))
        out.append(_code(m.group(0)))
        last = m.end()
    out.append(_MARKDOWN_SPECIAL.sub(r"\\\1", text[last:]))
    return "".join(out)


def plot_text(text: object) -> str:
    """Escape text for a plotly title, hover or annotation (plotly renders <b>, <a href>, <br> …)."""
    # quotes stay as they are: with < and > escaped no tag can open, and plotly shows &quot; literally
    return html.escape(str(text), quote=False)
