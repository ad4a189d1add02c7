"""The picture around a chart: sizes, the header (headline, subtitle), the footer (notes, credit line) and
labels placed at the ends of lines — laid out in pixels for one output size, so that what a journalist
downloads or screenshots is readable as it is.

Every size has a fixed width; pictures (16:9, square) also a fixed height, the page and the phone take the
height their chart needs. The header takes at most a quarter of the height and the plot at least 55%:
:func:`fit_header` shrinks the headline's type and shortens the subtitle until it does. No Streamlit, no I/O.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from pricewar.safe import plot_text as esc
from pricewar.text import text_width, wrap

LINE = 1.3  # plotly's line spacing, times the annotation's font size
BOX = 1.5  # the drawn height of one line of text (the CJK font's ascent to descent), times its font size


def block(lines: int, size: float) -> int:
    """The drawn height of ``lines`` lines of text at font ``size``."""
    return math.ceil(((lines - 1) * LINE + BOX) * size) if lines else 0
INK, GREY = "#222", "#6b6b6b"
MAX_HEADER_SHARE, MIN_PLOT_SHARE = 0.25, 0.55


@dataclass(frozen=True)
class Size:
    """An output size in CSS pixels: ``height`` ``None`` = the chart's own height (a page, a phone)."""

    name: str
    width: int
    height: int | None = None
    scale: int = 2  # image pixels per CSS pixel

    @property
    def compact(self) -> bool:
        return self.width < 600

    def height_for(self, natural: int) -> int:
        return self.height if self.height is not None else natural


SIZES: dict[str, Size] = {
    "page": Size("page", 800),  # the desktop page; its modebar camera saves it at twice its size
    "wide": Size("wide", 800, 450),  # a 1600×900 PNG (16:9)
    "square": Size("square", 540, 540),  # a 1080×1080 PNG
    "phone": Size("phone", 358, None, 3),  # a 390 px phone screen less the page's padding
}
"""Every layout a chart is drawn in. The pictures' pixel sizes are ``width × scale`` by ``height × scale``."""
IMAGE_FILES = (("wide", "png", "-16x9.png"), ("square", "png", "-square.png"), ("wide", "svg", ".svg"))
"""The files of every chart, one click each: (layout, format, file-name suffix)."""


@dataclass(frozen=True)
class Words:
    """A journalist's own words for a chart: empty means the computed finding (headline), the filters in
    words (subtitle), no note, no byline. Plain text: escaped before it enters a figure."""

    headline: str = ""
    subtitle: str = ""
    note: str = ""
    byline: str = ""


@dataclass
class Header:
    title_lines: list[str]
    title_size: int
    sub_lines: list[str]
    sub_size: int

    @property
    def title_height(self) -> int:
        return block(len(self.title_lines), self.title_size)

    @property
    def height(self) -> int:
        return self.title_height + block(len(self.sub_lines), self.sub_size)


def _clip(lines: list[str], n: int, size: float, room: float) -> list[str]:
    """At most ``n`` lines, the last ending in "…" when text was cut."""
    if len(lines) <= n:
        return lines
    last = lines[n - 1]
    while last and text_width(last + "…", size) > room:
        last = last[:-1]
    return [*lines[: n - 1], last.rstrip() + "…"]


def fit_header(title: str, subtitle: str, size: Size, budget: float) -> Header:
    """The largest headline type (and longest subtitle) whose header fits ``budget`` pixels of height."""
    # the width estimate is rough: keep a margin; on the page, keep the top right for plotly's modebar
    room = (size.width - 24 - (150 if size.name == "page" else 0)) * 0.97
    titles = (15, 14, 13) if size.compact else (19, 17, 15, 14)
    sub_size = 11 if size.compact else 12
    best = None
    for sub_max in (3, 2, 1):
        for t in titles:
            header = Header(wrap(title, t, room), t, _clip(wrap(subtitle, sub_size, room), sub_max, sub_size,
                                                                  room) if subtitle else [], sub_size)
            best = header
            if header.height <= budget:
                return header
    assert best is not None
    best.title_lines = _clip(best.title_lines, max(1, int((budget - best.sub_size * LINE) // (best.title_size * LINE))),
                             best.title_size, room)
    return best


@dataclass
class Frame:
    """Margins and the parts of a laid-out picture (pixels), as :func:`plan` decided them."""

    width: int
    height: int
    top: int
    bottom: int
    left: int
    right: int
    header: Header
    footer: list[str]
    footer_size: int
    above: int  # rows of labels between the header and the plot (event labels)

    @property
    def plot_height(self) -> int:
        return self.height - self.top - self.bottom

    @property
    def plot_width(self) -> int:
        return self.width - self.left - self.right


ABOVE_ROW = 20  # one row of event labels above the plot
XAXIS_PX = 24  # the x axis's tick labels


def plan(
    size: Size,
    title: str,
    subtitle: str,
    notes: Sequence[str],
    *,
    natural: int,
    left: int,
    right: int,
    above_rows: int = 0,
    xaxis_px: int = XAXIS_PX,
) -> Frame:
    """Lay out a picture. A fixed size: the header within a quarter of the height (smaller type and
    footer where needed), then as many rows of labels above the plot as leave the plot 55% of it. A page or a
    phone: the plot ``natural`` pixels high (more when the header and footer need it) and every row of labels.
    The footer's lines are wrapped to the width."""
    right = max(right, 16 if size.compact else 24)
    room = (size.width - 20) * 0.95

    def parts(share: float, footer_size: int, height: float) -> tuple[Header, list[str], int, int]:
        footer_size = min(footer_size, 10) if size.compact else footer_size
        footer = [line for note in notes if note for line in wrap(note, footer_size, room)]
        bottom = xaxis_px + block(len(footer), footer_size) + 12
        header = fit_header(title, subtitle, size, share * height - 12)
        return header, footer, footer_size, bottom

    if size.height is None:  # the height follows the chart
        header, footer, footer_size, bottom = parts(MAX_HEADER_SHARE, 11, natural / MIN_PLOT_SHARE)
        top = 8 + header.height + 8 + above_rows * ABOVE_ROW + (6 if above_rows else 4)
        height = max(natural + top + bottom, math.ceil((top + bottom + 8) / (1 - MIN_PLOT_SHARE)),
                     math.ceil((header.height + 24) / MAX_HEADER_SHARE))
        return Frame(size.width, height, top, bottom, left, right, header, footer, footer_size, above_rows)
    height = size.height
    for share, footer_size in ((MAX_HEADER_SHARE, 11), (0.2, 10), (0.16, 10), (0.13, 9)):
        header, footer, footer_size, bottom = parts(share, footer_size, height)
        top = 8 + header.height + 8
        if height - top - bottom >= MIN_PLOT_SHARE * height + 4:
            break
    rows = above_rows
    while rows and height - top - bottom - rows * ABOVE_ROW < MIN_PLOT_SHARE * height + 8:
        rows -= 1
    top += rows * ABOVE_ROW + (6 if rows else 4)
    return Frame(size.width, height, top, bottom, left, right, header, footer, footer_size, rows)


def header_and_footer(frame: Frame) -> list[dict]:
    """The annotations of the header (``header``: the headline; ``subtitle``) and of the footer (``footer``),
    positioned in pixels from the plot's edges."""
    h = frame.header
    out = [
        {
            "text": "<br>".join(f"<b>{esc(line)}</b>" for line in h.title_lines),
            "xref": "paper", "yref": "paper", "x": 0, "y": 1, "xanchor": "left", "yanchor": "top",
            "xshift": -(frame.left - 10), "yshift": frame.top - 8, "align": "left", "showarrow": False,
            "font": {"size": h.title_size, "color": INK}, "name": "header",
        }
    ]
    if h.sub_lines:
        out.append({
            "text": "<br>".join(esc(line) for line in h.sub_lines),
            "xref": "paper", "yref": "paper", "x": 0, "y": 1, "xanchor": "left", "yanchor": "top",
            "xshift": -(frame.left - 10), "yshift": frame.top - 8 - h.title_height,
            "align": "left", "showarrow": False, "font": {"size": h.sub_size, "color": GREY}, "name": "subtitle",
        })
    if frame.footer:
        out.append({
            "text": "<br>".join(esc(line) for line in frame.footer),
            "xref": "paper", "yref": "paper", "x": 0, "y": 0, "xanchor": "left", "yanchor": "top",
            "xshift": -(frame.left - 10), "yshift": -(frame.bottom - 6 - block(len(frame.footer), frame.footer_size)),
            "align": "left", "showarrow": False, "font": {"size": frame.footer_size, "color": GREY}, "name": "footer",
        })
    return out


# --- labels at the ends of lines ---------------------------------------------------------------------------
LABEL_SIZE = 11


def label_lines(text: str, size: Size) -> list[str]:
    """A line's label, broken at spaces to stay within a fifth of the width (a third on a phone)."""
    room = size.width * (0.3 if size.compact else 0.2)
    return wrap(text, LABEL_SIZE, room)


def label_width(texts: Sequence[str], size: Size) -> int:
    """The right margin that end labels need."""
    if not texts:
        return 0
    return int(max(text_width(line, LABEL_SIZE) for t in texts for line in label_lines(t, size))) + 18


def spread(wanted: Sequence[float], heights: Sequence[float], lo: float, hi: float, gap: float = 2) -> list[float]:
    """Centres for labels wanted at ``wanted`` (pixels, top-down) with ``heights``, moved apart as little as
    possible so that none overlaps another and all stay within [lo, hi] (when they fit at all)."""
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    pos = [0.0] * len(wanted)
    edge = lo
    for i in order:  # downwards: each below the previous
        top = max(wanted[i] - heights[i] / 2, edge)
        pos[i] = top + heights[i] / 2
        edge = top + heights[i] + gap
    edge = hi
    for i in reversed(order):  # then upwards from the bottom edge, for those pushed out
        bottom = min(pos[i] + heights[i] / 2, edge)
        pos[i] = bottom - heights[i] / 2
        edge = bottom - heights[i] - gap
    return pos


def end_labels(frame: Frame, size: Size, items: Sequence[tuple[str, float, str]], y_range: tuple[float, float],
               *, log: bool = True) -> list[dict]:
    """Annotations naming lines at the plot's right edge: ``items`` are (text, y value, colour); moved
    apart where they would collide, with a short leader line to their line's end when moved."""
    lo, hi = y_range
    ph = frame.plot_height

    def to_px(v: float) -> float:
        y = math.log10(v) if log else v
        return (hi - y) / (hi - lo) * ph

    texts = [label_lines(t, size) for t, _, _ in items]
    heights = [len(lines) * LABEL_SIZE * 1.25 + 1 for lines in texts]
    wanted = [to_px(v) for _, v, _ in items]
    placed = spread(wanted, heights, -6, ph + 6)
    out = []
    for (text, _v, colour), lines, px, want in zip(items, texts, placed, wanted, strict=True):
        y = hi - px / ph * (hi - lo)
        out.append({
            "text": "<br>".join(esc(line) for line in lines), "xref": "paper", "yref": "y", "x": 1, "y": y,
            "xanchor": "left", "yanchor": "middle", "xshift": 8, "align": "left", "showarrow": False,
            "font": {"size": LABEL_SIZE, "color": colour}, "name": f"label:{text}",
        })
        if abs(px - want) > 3:  # a leader from the line's end to its moved label
            out.append({
                "text": "", "xref": "paper", "yref": "y", "x": 1, "y": hi - want / ph * (hi - lo), "ax": 7,
                "ay": px - want, "showarrow": True, "arrowhead": 0, "arrowwidth": 1, "arrowcolor": colour,
                "standoff": 0, "startstandoff": 0, "name": f"leader:{text}",
            })
    return out
