"""Colours and line dashes for charts that highlight a few models and draw the rest as grey context.

All colours come from the Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2002/2008). Every number
below is checked by tests/test_palette.py (which uses colour-science; this module needs nothing outside the
standard library):

- Colour difference is CIEDE2000 (ΔE00) in CIE Lab with the sRGB D65 white (white is L* 100, a* = b* = 0).
- Colour-blind vision is simulated with Machado, Oliveira & Fernandes (2009) at severity 1.0
  (``colour.blindness.matrix_cvd_Machado2009("Deuteranomaly" / "Protanomaly", 1.0)``), applied to linear
  (decoded) sRGB, clipped to [0, 1], then converted to Lab. "Normal" is the colour unchanged.

Which Okabe–Ito colours, and in what order (``HIGHLIGHT``):

- Yellow #F0E442 is left out: it does not read as a line on white. Thin lines are seen by their lightness
  (the eye resolves colour-only edges poorly at small sizes), and yellow is nearly as light as the page:
  L* 89, luminance contrast 1.32:1. Its ΔE00 from white is 29 — no smaller than orange's 34 or sky blue's 29 —
  but that difference is almost all hue, so ΔE00 is the wrong test here. The rule is luminance contrast with
  white (the WCAG 2 ratio) of at least 2:1 (``MIN_CONTRAST_ON_WHITE``), under all three visions; yellow's
  best is 1.38:1 (protanopia). WCAG 2.1 SC 1.4.11 asks 3:1 for graphics needed to read the content; orange
  (2.25:1) and sky blue (2.31:1) fall short of that, which is why every highlighted line also has markers
  and a label.
- Black is reserved, not assigned to a model: the darkest mark is the ring around a disputed price
  (``DISPUTED``), and a black line next to it would hide the ring and read as more important than the
  others. Black also stays the colour of the text.
- Reddish purple #CC79A7 is left out: under simulated deuteranopia it turns almost grey (chroma 7, L* 63),
  so it reads as one more context line. It would also be the closest pair in the palette (to blue, ΔE00 12.2
  under protanopia) and the highlight nearest to the context grey (14.6).
- What remains is put in order by farthest first: the first two are the most distinct pair, and each next
  colour is, of those left, the one whose nearest colour already assigned is farthest, the distance being the
  smallest ΔE00 of the three visions. Blue and orange tie with each other to be first; blue goes first for
  its contrast with white (5.2:1). A chart with two highlighted models is 55 apart, three 20.7, four 17.9;
  all five are 12.5 apart (orange and vermillion under deuteranopia).

``MIN_DELTA_E`` is 12: the largest whole number that every pair of ``HIGHLIGHT``, and ``CONTEXT`` with each
of them, meets under normal vision, deuteranopia and protanopia alike.

The closest pairs (ΔE00): normal vision, orange and vermillion 22.2; deuteranopia, orange and vermillion
12.5; protanopia, orange and bluish green 17.9. The context grey is nearest to sky blue, 19.3 (protanopia).
The thinnest margins on white are orange under deuteranopia (2.10:1) and sky blue under protanopia (2.09:1).

Colour repeats after ``len(HIGHLIGHT)`` series; a series is then told apart by its line's dash
(``series_style``) and its label. Not by marker: a marker's shape is its vendor's (vendors.csv), the same
in every chart; and not by a dotted line, which is kept for a price not confirmed since a date.
"""

from __future__ import annotations

HIGHLIGHT: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
)

MIN_DELTA_E: float = 12.0

MIN_CONTRAST_ON_WHITE: float = 2.0
"""The least luminance contrast (WCAG 2 ratio) with the white page for a highlighted line, under every vision."""

CONTEXT: str = "#C8C8C8"
"""Light grey for the models drawn only as context: L* 81, at least 7 above the lightest highlight under any
of the three visions (orange, L* 73 under deuteranopia), yet darker than the #eee grid (L* 94)."""

CONTEXT_TEXT: str = "#6B6B6B"
"""Grey for small text (source lines, notes): 5.3:1 on white, above the 4.5:1 that WCAG asks of small text."""

DISPUTED: str = "#222222"
"""The open ring drawn around a disputed price: near black, the darkest mark on a chart."""

DASHES: tuple[str, ...] = ("solid", "dash", "longdash", "dashdot")
"""Plotly line dashes, one per round of colours: the first len(HIGHLIGHT) series solid, the next dashed…"""


def series_style(i: int) -> dict[str, str]:
    """Colour and line dash of the i-th highlighted series (0-based).

    Series i gets colour HIGHLIGHT[i % n] and dash DASHES[(i // n) % len(DASHES)], n = len(HIGHLIGHT),
    so the first n * len(DASHES) series never share both.
    """
    if i < 0:
        raise ValueError(f"series index must be 0 or more, not {i}")
    n = len(HIGHLIGHT)
    return {"color": HIGHLIGHT[i % n], "dash": DASHES[(i // n) % len(DASHES)]}
