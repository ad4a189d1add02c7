"""The layout probe finds what a reader of a chart picture would see wrong, on figures made to have it."""

from __future__ import annotations

import struct

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from layout_probe import Box, Probe, problems

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def probe(playwright):
    """One Chromium and one page for the module. pytest-playwright's session Playwright is reused: a second
    sync Playwright in the same thread is refused."""
    with Probe(playwright=playwright) as p:
        yield p


def line(**layout) -> go.Figure:
    """A plain line chart over dates (numpy values: the figure goes through plotly's own JSON)."""
    fig = go.Figure(go.Scatter(x=pd.date_range("2024-01-01", periods=12, freq="MS"),
                               y=np.linspace(10.0, 1.5, 12), mode="lines", name="price"))
    fig.update_layout(showlegend=False, **layout)
    return fig


def header(text="<b>Prices fell tenfold</b><br>Cheapest model per vendor, CNY per million tokens", **kw):
    return {**dict(name="header", text=text, xref="paper", yref="paper", x=0, y=1, xanchor="left",
                   yanchor="bottom", yshift=12, align="left", showarrow=False), **kw}


def clean() -> go.Figure:
    return line(margin=dict(l=50, r=20, t=80, b=40), annotations=[header()])


def test_a_clean_chart_has_no_problems(probe):
    m = probe.measure(clean(), 800, 450)
    assert problems(m) == []
    roles = {t.role for t in m.texts}
    assert {"xtick", "ytick", "annotation"} <= roles
    (head,) = m.named("header")
    assert head.text == "Prices fell tenfold\nCheapest model per vendor, CNY per million tokens"
    assert 0 < head.box.y0 < head.box.y1 < 80
    assert [t.text for t in m.by_role("xtick")][:1] == ["Jan 2024"]  # dates arrived as dates


def test_two_annotations_on_top_of_each_other_are_an_overlap_naming_both(probe):
    fig = clean()
    for name, text in (("left", "Kimi cuts 90%"), ("right", "DeepSeek halves")):
        fig.add_annotation(name=name, text=text, xref="paper", yref="paper", x=0.5, y=0.5, showarrow=False)
    found = problems(probe.measure(fig, 800, 450))
    assert len(found) == 1, found
    assert found[0].startswith("overlap: ")
    assert "'Kimi cuts 90%' (annotation #1 'left'" in found[0]
    assert "'DeepSeek halves' (annotation #2 'right'" in found[0]


def test_an_annotation_past_the_right_edge_is_clipped(probe):
    fig = clean()
    fig.add_annotation(name="note", text="off the edge", xref="paper", yref="paper", x=1.02, y=0.5,
                       xanchor="left", showarrow=False)
    found = problems(probe.measure(fig, 540, 540))
    assert len(found) == 1, found
    assert found[0].startswith("clipped: 'off the edge' (annotation #1 'note'")
    assert "540×540 picture at the right by" in found[0]


def test_a_ten_line_header_takes_too_much_height(probe):
    fig = line(margin=dict(l=50, r=20, t=40, b=40),
               annotations=[header("<br>".join(f"line {i}" for i in range(10)), yanchor="top", yshift=0)])
    found = problems(probe.measure(fig, 800, 450))
    too_tall = [p for p in found if p.startswith("header too tall: 'header' ends at y=")]
    assert len(too_tall) == 1, found
    assert "(at most 25%, y=112)" in too_tall[0]


def test_a_missing_header_is_a_problem_unless_none_is_asked_for(probe):
    m = probe.measure(line(margin=dict(l=50, r=20, t=80, b=40)), 800, 450)
    assert problems(m) == ["header missing: no annotation is named 'header'"]
    assert problems(m, header=None) == []
    fig = line(margin=dict(l=50, r=20, t=80, b=40), annotations=[header(visible=False)])
    assert problems(probe.measure(fig, 800, 450)) == [
        "header missing: the annotation named 'header' has no visible text"]


def test_a_deep_top_margin_leaves_too_little_plot(probe):
    fig = line(margin=dict(l=50, r=20, t=300, b=40))
    found = problems(probe.measure(fig, 800, 450), header=None)
    assert found == ["plot area too small: 110 px high, 24% of the 450 px height (at least 55%, 248 px)"]


def test_the_plot_area_is_plotlys_own_at_the_size_asked_for(probe):
    fig = line(width=1000, height=300, margin=dict(l=50, r=20, t=80, b=40))  # the layout's size is overridden
    m = probe.measure(fig, 540, 540)
    assert m.size == (540, 540)
    assert m.plot == Box(50, 80, 520, 500)


def test_annotations_are_listed_by_index_with_none_for_those_not_drawn(probe):
    fig = clean()
    fig.add_annotation(name="empty", text="", xref="paper", yref="paper", x=0.5, y=0.5, showarrow=False)
    fig.add_annotation(name="hidden", text="hidden", visible=False)
    fig.add_annotation(text="nameless", xref="paper", yref="paper", x=0.2, y=0.2, showarrow=False)
    m = probe.measure(fig, 358, 600)
    assert [(a.index, a.name, a.box is None) for a in m.annotations] == [
        (0, "header", False), (1, "empty", True), (2, "hidden", True), (3, None, False)]
    assert m.annotations[3].text == "nameless"


def test_chinese_is_drawn_with_cjk_glyphs(probe):
    def width(text):
        fig = go.Figure().update_layout(annotations=[dict(name="t", text=text, x=0.5, y=0.5, xref="paper",
                                                          yref="paper", showarrow=False, font_size=20)])
        (a,) = probe.measure(fig, 800, 450).named("t")
        return a.box.width

    zh, en = width("价格战降价九成"), width("pricewa")  # seven characters each
    assert zh > en * 1.3
    assert 7 * 20 * 0.9 < zh < 7 * 20 * 1.1  # a CJK glyph is one em wide


def test_screenshot_is_the_figure_at_twice_the_css_size(probe, tmp_path):
    path = tmp_path / "clean.png"
    m = probe.screenshot(clean(), 800, 450, path)
    assert problems(m) == []
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", head[16:24]) == (1600, 900)


def test_what_a_clip_path_hides_is_not_in_the_picture_and_said_when_it_should_be(probe):
    """plotly clips point labels to the plot area and a long legend to its box: only what is drawn counts."""
    fig = go.Figure([go.Scatter(x=[1, 2], y=[i, i + 1], name=f"series number {i}") for i in range(40)])
    fig.add_scatter(x=[1, 5, 9], y=[1, 5, 9], text=["in", "edge", "out"], mode="text",
                    textposition="middle right", showlegend=False)
    fig.update_xaxes(range=[0, 5.2])
    m = probe.measure(fig, 358, 600)
    assert [t.text for t in m.by_role("point-text")] == ["in", "edge"]
    assert "out" in [t.text for t in m.hidden]  # outside the x range: plotly leaves it out, and so do we
    (edge,) = [t for t in m.texts if t.text == "edge"]
    assert edge.box.x1 == pytest.approx(m.plot.x1) and edge.full.x1 > m.plot.x1 + 10
    found = problems(m, header=None)
    assert not [p for p in found if "'out'" in p or p.startswith(("overlap", "clipped"))], found
    assert [p for p in found if p.startswith("cut: 'edge' (point-text")] == [
        f"cut: {edge.describe()} is cut off by the plot area at the right by {edge.full.x1 - m.plot.x1:.0f} px"]
    hidden = [p for p in found if p.startswith("hidden: ")]
    assert hidden[-1].startswith("hidden: 'series number 39' (legend, ")
    assert hidden[-1].endswith(" lies wholly outside the legend's box")
