"""Every chart as a published picture — 16:9 (1600×900), square (1080×1080), a phone and the desktop page, in
both languages — rendered in Chromium and measured from the drawn SVG: the header takes at most a quarter of
the height and the plot at least 55%, no text overlaps other text or is cut off, the highlighted lines are
named at their ends, and the credit line names outlets in words, never an internal id."""

from __future__ import annotations

import re
from datetime import date

import pytest
from colours import delta_e
from layout_probe import Probe, problems

from pricewar import charts, palette
from pricewar.layout import MAX_HEADER_SHARE, SIZES

pytestmark = pytest.mark.browser

LONG = {"headline": "Chinese AI model prices collapsed in a fortnight, and the rest of the market followed them",
        "subtitle": "Input prices of the models in the May 2024 price war, in yuan per million tokens, log scale",
        "note": "Free models are drawn on the floor line. A cut announced for a later date counts from that date.",
        "byline": "Jane Doe, Example Daily"}


def views(view):
    """The views whose pictures are published: the default (all vendors), a filtered one in US$, a story
    step, the journalist's own words and the awkward ones (one vendor, a short window)."""
    return {
        "default": view,
        "usd-five-chinese": view.with_(vendors=("alibaba", "baidu", "bytedance", "deepseek", "zhipu"), currency="USD",
                                       model="Qwen-Max"),
        "story-baidu": view.with_(step="ernie-speed-lite-free"),
        "story-no-api-price": view.with_(step="ernie-bot-free", vendors=("deepseek",)),
        "own-words": view.with_(**LONG),
        "one-vendor-short": view.with_(vendors=("deepseek",), start=date(2024, 5, 1), end=date(2024, 8, 1),
                                       before=date(2024, 5, 1), after=date(2024, 6, 1), at=date(2024, 6, 1),
                                       model="Doubao-pro"),
    }


PICTURED = [n for n in charts.CHARTS if n != "ratios"]


@pytest.fixture(scope="module")
def probe(playwright):
    with Probe(playwright=playwright) as p:
        yield p


def measure(probe, fig, size):
    s = SIZES[size]
    return probe.measure(fig, s.width, s.height or int(fig.layout.height))


def header_share(m) -> float:
    boxes = [a.box for name in ("header", "subtitle") for a in m.named(name) if a.box is not None]
    return max(b.y1 for b in boxes) / m.size[1]


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_chart_is_readable_at_every_size(probe, ds, view, size, lang):
    found = []
    for label, v in views(view.with_(lang=lang)).items():
        for name in PICTURED:
            fig = charts.build(name, ds, v, size).figure
            m = measure(probe, fig, size)
            where = f"{name} [{label}, {size}, {lang}]"
            found += [f"{where}: {p}" for p in problems(m, header=None)]
            if header_share(m) > MAX_HEADER_SHARE:
                found.append(f"{where}: header ends at {header_share(m):.0%} of the height")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("size", ["wide", "square", "phone"])
def test_highlighted_lines_are_named_at_their_ends_and_bars_carry_their_values(probe, ds, view, size):
    for lang in ("zh", "en"):
        v = view.with_(lang=lang)
        for name in ("prices", "story", "trend", "model"):
            fig = charts.build(name, ds, v, size).figure
            m = measure(probe, fig, size)
            coloured = [t.name for t in fig.data if t.line and t.line.color in palette.HIGHLIGHT and t.mode != "text"]
            assert coloured, name
            shown = {a.name.removeprefix("label:") for a in m.annotations if a.name and a.name.startswith("label:")
                     and a.box is not None}
            names = {re.sub("&amp;", "&", n) for n in coloured}
            assert names <= shown, (name, size, lang, names - shown)
        fig = charts.build("ranking", ds, v, size).figure
        m = measure(probe, fig, size)
        bars = fig.data[0]
        assert len([t for t in m.texts if t.role == "point-text"]) == len(bars.x)
        assert len([t for t in m.by_role("ytick")]) == len(bars.y)  # each bar named


def test_the_credit_line_names_outlets_in_words_never_an_id(ds, view):
    ids = set(ds.sources["id"])
    for lang, words in (("zh", "来源："), ("en", "Sources: ")):
        for name in PICTURED:
            for size in ("wide", "square", "phone"):
                fig = charts.build(name, ds, view.with_(lang=lang), size).figure
                footer = next(a.text for a in fig.layout.annotations if a.name == "footer")
                assert words in footer and "pricewar" in footer, (name, size, footer)
                assert not [i for i in ids if i in footer], (name, size, footer)
                assert not re.search(r"[a-z]+-\d{4}-\d{2}-\d{2}", footer), footer


def test_highlighted_series_never_share_colour_dash_and_marker_and_stay_apart_for_colour_blind_readers(ds, view):
    crowded = view.with_(highlight=tuple(sorted(ds.model_labels))[:12])
    for v in (view, crowded, view.with_(vendors=("deepseek", "openai"))):
        for name in ("prices", "story", "ranking", "before-after"):
            fig = charts.build(name, ds, v, "wide").figure
            styles = []
            for t in fig.data:
                if t.type == "scatter" and (t.meta or {}).get("model") and t.line.color in palette.HIGHLIGHT:
                    styles.append((t.line.color, t.line.dash, str(t.marker.symbol)))
            assert len(styles) == len(set(styles)), (name, styles)
            colours = sorted({c for c, _, _ in styles})
            for i, a in enumerate(colours):
                for b in colours[i + 1:]:
                    for vision in ("deuteranopia", "protanopia"):
                        assert delta_e(a, b, vision) >= palette.MIN_DELTA_E, (name, a, b, vision)
