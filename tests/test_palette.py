"""The highlight palette stays readable: on white, against the grey context, and for colour-blind readers."""

from __future__ import annotations

import itertools
import math

import plotly.graph_objects as go
import pytest
from colours import VISIONS, closest_pair, contrast, delta_e, lab

from pricewar import palette
from pricewar.palette import (
    CONTEXT,
    CONTEXT_TEXT,
    DASHES,
    DISPUTED,
    HIGHLIGHT,
    MIN_CONTRAST_ON_WHITE,
    MIN_DELTA_E,
    series_style,
)

WHITE = "#FFFFFF"
OKABE_ITO = {
    "#000000": "black",
    "#E69F00": "orange",
    "#56B4E9": "sky blue",
    "#009E73": "bluish green",
    "#F0E442": "yellow",
    "#0072B2": "blue",
    "#D55E00": "vermillion",
    "#CC79A7": "reddish purple",
}
CONTEXT_LIGHTER_BY = 5  # L*: context lines are "clearly" lighter than any highlight, under each vision


def name(hex_colour: str) -> str:
    return f"{OKABE_ITO.get(hex_colour.upper(), 'colour')} {hex_colour}"


def farthest(candidates, chosen) -> tuple[str, float]:
    """The candidate whose nearest chosen colour is farthest (ΔE00, the worst of the three visions)."""
    worst = {c: min(delta_e(c, d, v) for d in chosen for v in VISIONS) for c in candidates}
    best = max(worst, key=worst.get)
    return best, worst[best]


def test_the_simulation_changes_what_a_colour_blind_reader_sees():
    # pure red and pure green: far apart to most readers, much closer without working red or green cones
    normal = delta_e("#FF0000", "#00FF00", "normal")
    deuteranopia = delta_e("#FF0000", "#00FF00", "deuteranopia")
    protanopia = delta_e("#FF0000", "#00FF00", "protanopia")
    assert normal > 80, f"red/green ΔE00 {normal:.1f} under normal vision"
    assert deuteranopia < normal / 3, f"red/green ΔE00 {deuteranopia:.1f} under deuteranopia, {normal:.1f} normally"
    assert protanopia < normal / 1.5, f"red/green ΔE00 {protanopia:.1f} under protanopia, {normal:.1f} normally"


@pytest.mark.parametrize("vision", VISIONS)
def test_greys_look_the_same_to_every_reader(vision):
    for grey in (WHITE, CONTEXT, CONTEXT_TEXT, DISPUTED):
        moved = math.dist(lab(grey, vision), lab(grey, "normal"))
        assert moved < 0.5, f"{grey} moves {moved:.2f} in Lab under {vision}"


def test_highlights_are_okabe_ito_without_yellow_or_black():
    assert len(HIGHLIGHT) >= 4, f"only {len(HIGHLIGHT)} highlight colours"
    assert len(set(HIGHLIGHT)) == len(HIGHLIGHT), f"a colour repeats in {HIGHLIGHT}"
    for c in HIGHLIGHT:
        assert c.upper() in OKABE_ITO, f"{c} is not an Okabe–Ito colour"
    assert "#F0E442" not in HIGHLIGHT, "yellow does not read as a line on white"
    assert "#000000" not in HIGHLIGHT, "black is reserved for the disputed-price ring and text"


@pytest.mark.parametrize("vision", VISIONS)
def test_every_two_highlights_are_apart(vision):
    for a, b in itertools.combinations(HIGHLIGHT, 2):
        d = delta_e(a, b, vision)
        assert d >= MIN_DELTA_E, f"{name(a)} and {name(b)}: ΔE00 {d:.1f} under {vision}, below {MIN_DELTA_E}"


def test_min_delta_e_is_the_largest_whole_number_the_palette_meets():
    pairs = [closest_pair(HIGHLIGHT + (CONTEXT,), v) for v in VISIONS]
    a, b, d = min(pairs, key=lambda p: p[2])
    assert MIN_DELTA_E == math.floor(d), (
        f"closest pair {name(a)} and {name(b)} at ΔE00 {d:.2f}: MIN_DELTA_E should be {math.floor(d)}, "
        f"not {MIN_DELTA_E}"
    )


def test_the_first_colours_assigned_are_the_most_distinct():
    # the first two are the most distinct pair; each next one is the farthest from those before it
    pair_gap = {(a, b): min(delta_e(a, b, v) for v in VISIONS) for a, b in itertools.combinations(HIGHLIGHT, 2)}
    best_pair = max(pair_gap, key=pair_gap.get)
    first_gap = pair_gap[HIGHLIGHT[0], HIGHLIGHT[1]]
    assert first_gap == pytest.approx(pair_gap[best_pair]), (
        f"first two {name(HIGHLIGHT[0])}, {name(HIGHLIGHT[1])} are {first_gap:.1f} apart; "
        f"{name(best_pair[0])} and {name(best_pair[1])} are {pair_gap[best_pair]:.1f}"
    )
    for k in range(2, len(HIGHLIGHT)):
        here = min(delta_e(HIGHLIGHT[k], d, v) for d in HIGHLIGHT[:k] for v in VISIONS)
        best, gap = farthest(HIGHLIGHT[k:], HIGHLIGHT[:k])
        assert here == pytest.approx(gap), (
            f"colour {k} is {name(HIGHLIGHT[k])}, {here:.1f} from those before it; {name(best)} would be {gap:.1f}"
        )


@pytest.mark.parametrize("vision", VISIONS)
def test_context_grey_is_apart_from_every_highlight(vision):
    for c in HIGHLIGHT:
        d = delta_e(CONTEXT, c, vision)
        assert d >= MIN_DELTA_E, f"context {CONTEXT} and {name(c)}: ΔE00 {d:.1f} under {vision}, below {MIN_DELTA_E}"


@pytest.mark.parametrize("vision", VISIONS)
def test_context_grey_is_lighter_than_every_highlight(vision):
    grey = lab(CONTEXT, vision)[0]
    for c in HIGHLIGHT:
        light = lab(c, vision)[0]
        assert grey - light >= CONTEXT_LIGHTER_BY, (
            f"context {CONTEXT} L* {grey:.1f}, {name(c)} L* {light:.1f} under {vision}: "
            f"less than {CONTEXT_LIGHTER_BY} lighter"
        )


@pytest.mark.parametrize("vision", VISIONS)
def test_every_highlight_reads_as_a_line_on_white(vision):
    for c in HIGHLIGHT:
        ratio = contrast(c, WHITE, vision)
        assert ratio >= MIN_CONTRAST_ON_WHITE, (
            f"{name(c)} on white: contrast {ratio:.2f}:1 under {vision}, below {MIN_CONTRAST_ON_WHITE}:1"
        )


def test_the_white_rule_is_what_leaves_yellow_out():
    # yellow is as far from white in ΔE00 as sky blue, but nearly as light as the page
    ratio = contrast("#F0E442", WHITE)
    assert ratio < MIN_CONTRAST_ON_WHITE, f"yellow on white: contrast {ratio:.2f}:1 passes the rule"
    yellow, sky = delta_e("#F0E442", WHITE), delta_e("#56B4E9", WHITE)
    assert yellow >= sky - 1, (
        f"yellow ΔE00 {yellow:.1f} from white, sky blue {sky:.1f}: the docstring's reason is stale"
    )


def test_context_lines_still_show_on_white():
    ratio = contrast(CONTEXT, WHITE)
    assert ratio >= 1.5, f"context {CONTEXT} on white: contrast {ratio:.2f}:1"


def test_context_text_is_readable_small():
    ratio = contrast(CONTEXT_TEXT, WHITE)
    assert ratio >= 4.5, f"context text {CONTEXT_TEXT} on white: contrast {ratio:.2f}:1, below WCAG's 4.5:1"


@pytest.mark.parametrize("vision", VISIONS)
def test_disputed_ring_is_dark_and_apart_from_every_line(vision):
    ratio = contrast(DISPUTED, WHITE, vision)
    assert ratio >= 7, f"disputed ring {DISPUTED} on white: contrast {ratio:.2f}:1 under {vision}"
    for c in (CONTEXT, *HIGHLIGHT):
        d = delta_e(DISPUTED, c, vision)
        assert d >= MIN_DELTA_E, f"disputed ring {DISPUTED} and {name(c)}: ΔE00 {d:.1f} under {vision}"


def test_series_style_never_repeats_colour_and_dash_together():
    rounds = len(HIGHLIGHT) * len(DASHES)
    seen = {}
    for i in range(rounds):
        style = series_style(i)
        assert set(style) == {"color", "dash"}, f"series {i}: {style}"
        key = (style["color"], style["dash"])
        assert key not in seen, f"series {i} repeats series {seen.get(key)}: {key}"
        seen[key] = i
    assert series_style(0) == {"color": HIGHLIGHT[0], "dash": "solid"}
    assert series_style(len(HIGHLIGHT)) == {"color": HIGHLIGHT[0], "dash": DASHES[1]}
    assert series_style(rounds) == series_style(0), "after every colour with every dash, styles start again"


def test_series_style_refuses_a_negative_index():
    with pytest.raises(ValueError, match="-1"):
        series_style(-1)


def test_dashes_are_distinct_plotly_dashes_and_never_the_dotted_line():
    assert len(set(DASHES)) == len(DASHES), f"a dash repeats in {DASHES}"
    for d in DASHES:
        go.scatter.Line(dash=d)  # raises ValueError for a name plotly does not know
        assert d != "dot", "a dotted line means a price not confirmed since a date"

def test_the_product_needs_no_colour_science():
    source = palette.__file__
    with open(source, encoding="utf-8") as f:
        imports = [line for line in f if line.startswith(("import ", "from "))]
    assert imports == ["from __future__ import annotations\n"], f"{source} imports {imports}"
