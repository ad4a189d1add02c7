"""Figure builders, without Streamlit: what a reader sees in each chart."""

import re
from datetime import date

import pandas as pd
import pytest

from pricewar import figures, palette
from pricewar.layout import SIZES, Words
from pricewar.normalize import on_date, price_at
from pricewar.select import events_in_view, series_in_view, window_ends
from pricewar.text import Credit, text_width

from conftest import model_lines, war_view


def curves(ds, series, view, **kw):
    return figures.price_curves(series_in_view(series, view), ds.vendors, events_in_view(ds.events, view), view, **kw)


def header(fig):
    """Headline, subtitle and footer as one text, without the line breaks wrapping put in."""
    drawn = [a.text for a in fig.layout.annotations if a.name in ("header", "subtitle", "footer")]
    text = "<br>".join(drawn).replace("</b><br><b>", " ")
    return re.sub(r"(?<=[\u2e80-\uffff]) (?=[\u2e80-\uffff])", "", text)


def model_traces(fig):
    return model_lines(fig)


def test_price_curves_one_step_line_per_model_on_a_log_axis(ds, series):
    view = war_view(vendors=("deepseek", "bytedance"))
    fig = curves(ds, series, view)
    names = {t.name for t in model_traces(fig)}
    assert names == {"DeepSeek-V2", "DeepSeek-V3", "DeepSeek-R1", "Doubao-pro 32k", "Doubao-pro 128k"}
    assert fig.layout.yaxis.type == "log"
    assert all(t.line.shape == "hv" for t in model_traces(fig))
    # five models: each highlighted in its own colour of the palette, and named at its line's end
    colours = {t.name: t.line.color for t in model_traces(fig)}
    assert sorted(colours.values()) == sorted(palette.HIGHLIGHT[:5])
    labels = {a.name.removeprefix("label:"): a.font.color for a in fig.layout.annotations
              if a.name and a.name.startswith("label:")}
    assert labels == colours


def test_currency_kind_and_language_change_the_figure(ds, series):
    cny = curves(ds, series, war_view(vendors=("deepseek",)))
    usd = curves(ds, series, war_view(vendors=("deepseek",), currency="USD", kind="output", lang="en"))
    assert "元 / 百万 tokens" in header(cny) and "US$ per million tokens" in header(usd)  # the subtitle
    assert "$1" in usd.layout.yaxis.ticktext and "1 元" in cny.layout.yaxis.ticktext
    v2_out = next(t for t in model_traces(usd) if t.name == "DeepSeek-V2")
    assert v2_out.y[0] == pytest.approx(2 / 7.2327)  # 2 元 output at May 2024's rate
    assert "Output" in header(usd) and "Converted at FRED monthly averages (2024-05 7.2327" in header(usd)
    assert "按美联储" not in header(cny)  # nothing converted, no FX note


def test_free_prices_sit_on_a_labelled_floor_not_dropped(ds, series):
    fig = curves(ds, series, war_view(vendors=("baidu", "tencent")))
    ticks = dict(zip(fig.layout.yaxis.ticktext, fig.layout.yaxis.tickvals, strict=True))
    floor = ticks["<b>免费</b>"]
    ernie = next(t for t in model_traces(fig) if t.name == "ERNIE Speed 8k")
    assert ernie.y[-1] == floor and floor < min(v for t in model_traces(fig) for v in t.y if v != floor)
    assert "10 ** " not in str(floor) and fig.layout.yaxis.range[0] < __import__("math").log10(floor)
    assert header(fig).startswith("<b>输入最低价从") and "）降至免费（ERNIE Lite 8k" in header(fig)


def test_disputed_points_are_ringed(ds, series):
    fig = curves(ds, series, war_view(vendors=("zhipu",), lang="en"))
    ring = next(t for t in fig.data if t.meta and t.meta.get("role") == "disputed")
    # GLM-3-Turbo's input price of 2024-05-13: 0.5 元 in the thread (its output: 2 元 in kazike's article)
    assert len(ring.x) == 1 and "thread-2024-05" in ring.hovertext[0]
    out = curves(ds, series, war_view(vendors=("zhipu",), lang="en", kind="output"))
    (ring,) = [t for t in out.data if t.meta and t.meta.get("role") == "disputed"]
    assert len(ring.x) == 1 and ring.hovertext[0].startswith("⚠ GLM-3-Turbo: 2 元 per million output")
    zh = curves(ds, series, war_view(vendors=("zhipu",), lang="zh", kind="output"))
    (ring,) = [t for t in zh.data if t.meta and t.meta.get("role") == "disputed"]
    assert "输出每百万 tokens 2 元" in ring.hovertext[0]  # a Chinese reader reads the Chinese dispute


def test_event_labels_sit_in_rows_above_the_plot_and_never_overlap(ds, series):
    """(Their drawn boxes are measured in Chromium by tests/test_pictures.py; this checks the rows' arithmetic.)"""
    for size in ("page", "phone"):
        fig = curves(ds, series, war_view(), size=SIZES[size])
        labels = [a for a in fig.layout.annotations if a.name and a.name.startswith("event:")]
        assert labels, size
        plot_w = SIZES[size].width - fig.layout.margin.l - fig.layout.margin.r
        start = pd.Timestamp(war_view().start)
        span = (pd.Timestamp(war_view().end) - start).days
        boxes = []
        for a in labels:
            x = (pd.Timestamp(a.x) - start).days / span * plot_w
            w = text_width(a.text.replace("&amp;", "&"), 11) + 8
            lo = {"left": x, "right": x - w, "center": x - w / 2}[a.xanchor]
            boxes.append((a.yshift, lo, lo + w))
            assert -1 <= lo and lo + w <= plot_w + 1
        for i, (row, lo, hi) in enumerate(boxes):
            for row2, lo2, hi2 in boxes[i + 1:]:
                assert row != row2 or hi <= lo2 or hi2 <= lo


def test_data_text_is_escaped_in_every_figure(ds, series):
    hostile = series[series["model"] == "DeepSeek-V2"].assign(model="<img src=x onerror=alert(1)>",
                                                            source="<a href='javascript:x'>s</a>")
    view = war_view(vendors=("deepseek",))
    fig = figures.price_curves(hostile, ds.vendors, ds.events.iloc[0:0], view)
    text = fig.to_json()
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "<a href" not in text
    at = price_at(hostile, "2024-06-01")
    for fig in (figures.ranking(at, ds.vendors, view), figures.dumbbell(at, at, ds.vendors, view)):
        assert "<img" not in fig.to_json()
    ev = ds.events.head(2).assign(title_zh="<script>alert(1)</script>", source="<b>x</b>")
    assert "<script>" not in figures.timeline(ev, ds.vendors, war_view()).to_json()


def test_timeline_lanes_vendor_shapes_labels_and_selection(ds):
    view = war_view(vendors=("deepseek", "openai"), lang="en")
    events = events_in_view(ds.events, view)
    fig = figures.timeline(events, ds.vendors, view, selected="deepseek-v3-launch")
    lanes = list(fig.layout.yaxis.categoryarray)
    assert set(lanes) == {"DeepSeek", "OpenAI", "Market"}
    deepseek = next(t for t in fig.data if t.name == "DeepSeek")
    assert deepseek.marker.symbol == "circle"  # the vendor's mark, as on its price lines
    assert next(t for t in fig.data if t.name == "OpenAI").marker.symbol == "diamond-wide"
    widths = dict(zip(deepseek.customdata, deepseek.marker.line.width, strict=True))
    assert widths["deepseek-v3-launch"] == 3 and widths["deepseek-v2-launch"] == 1
    labels = {a.name.removeprefix("event:"): a.text for a in fig.layout.annotations
              if a.name and a.name.startswith("event:")}
    # the important events carry their short titles; a cut or a rise says so with ▼ / ▲
    assert labels["deepseek-v2-launch"] == "DeepSeek-V2 at ¥1/M input"
    restored = next(ev for ev in events.itertuples() if ev.id == "deepseek-v3-price-restored")
    assert figures.event_text(restored, "en").startswith("▲ ")
    assert "deepseek-v3-launch" in labels  # the selected event is labelled first


def test_the_crowded_may_2024_fortnight_is_labelled_lane_by_lane(ds):
    view = war_view(lang="zh")
    fig = figures.timeline(events_in_view(ds.events, view), ds.vendors, view, size=SIZES["wide"])
    labelled = {a.name.removeprefix("event:") for a in fig.layout.annotations if a.name and a.name.startswith("event:")}
    may = ds.events[(ds.events["date"] >= "2024-05-06") & (ds.events["date"] <= "2024-05-22")
                    & (ds.events["importance"] >= 3)]
    assert set(may["id"]) <= labelled  # every headline move of the fortnight, even in a 1600×900 picture


def test_ranking_is_sorted_and_its_title_states_the_spread(ds, series):
    view = war_view(lang="en", at=date(2024, 6, 1))
    at = on_date(price_at(series[series["series"] == "input"], view.at), view.at, ds.fx)
    fig = figures.ranking(at, ds.vendors, view)
    bars = fig.data[0]
    # plotly draws the first bar at the bottom: the dearest at the bottom, the free ones on top
    assert list(bars.y)[0] == "GPT-4 8k" and bars.text[-1] == "free"
    values = [v for v in bars.x]
    assert values == sorted(values, reverse=True)
    # both at June 2024's rate: $30 × 7.2547 = 217.6 元 against Qwen-Long's 0.5 元; the free ones named apart
    assert header(fig).startswith(
        "<b>On 2024-06-01, GPT-4 8k costs 435× as much as Qwen-Long, the cheapest paid model;")
    assert "3 free (ERNIE Lite 8k, ERNIE Speed 8k +1)" in header(fig)


def test_dumbbell_shows_the_cut_of_each_model_in_the_window(ds, series):
    view = war_view(lang="en")
    before, after = window_ends(series[series["series"] == "input"], view.before, view.after)
    fig = figures.dumbbell(before, after, ds.vendors, view)
    texts = next(t for t in fig.data if t.mode == "text")
    cuts = {y: t.strip("\u2002") for y, t in zip(texts.y, texts.text, strict=True)}
    assert cuts["GLM-3-Turbo"] == "−80%" and cuts["GPT-4 Turbo"] == "unchanged"
    # first priced inside the window: the date it was first priced, and its cut when it had one — never 0%
    assert cuts["Qwen-Long"] == "from 05-20: −98%" and cuts["hunyuan-standard"] == "from 05-21: −55%"
    assert cuts["ERNIE Speed 8k"] == "from 05-20: −100%"
    assert cuts["DeepSeek-V2"] == "from 05-06" and cuts["GPT-4o"] == "from 05-13"
    assert fig.layout.yaxis.categoryarray[-1] == "GLM-3-Turbo"  # the counted cut on top


def test_ratio_table_gives_quotable_sentences(ds, series):
    view = war_view(lang="en")
    at = on_date(price_at(series[series["series"] == "input"], "2024-06-01"), "2024-06-01", ds.fx)
    table = figures.ratio_table(at, "GPT-4 Turbo", view).set_index("model")
    # 0.8 元 against $10 × 7.2547 (June 2024) = 72.5 元
    # neither price had been stated by any source since May: the sentence says when each last was
    assert table.loc["Doubao-pro 32k", "sentence"] == (
        "Doubao-pro 32k costs 1/91 of GPT-4 Turbo's price (converted at 2024-06's average of 7.2547 元 per US$)"
        " (prices last confirmed by a source: Doubao-pro 32k 2024-05-25; GPT-4 Turbo 2024-05-15)")
    assert table.loc["DeepSeek-V2", "ratio"] == "1/73"
    assert table.loc["ERNIE Speed 8k", "sentence"] == (
        "ERNIE Speed 8k is free (prices last confirmed by a source: ERNIE Speed 8k 2024-05-25)")
    # both in US$: no rate between them; both confirmed on the day: no note
    confirmed = at.assign(confirmed_through=pd.Timestamp("2024-06-01"), unconfirmed=False)
    table = figures.ratio_table(confirmed, "GPT-4 Turbo", view).set_index("model")
    assert table.loc["GPT-4 8k", "sentence"] == "GPT-4 8k costs 3.0× as much as GPT-4 Turbo"


def test_ratio_after_the_last_exchange_rate_says_the_rate_is_provisional(ds, series):
    view = war_view(lang="en")
    last = ds.fx["month"].iloc[-1]
    day = (pd.Timestamp(last + "-01") + pd.DateOffset(months=3)).date()
    rows = price_at(series[series["series"] == "input"], "2024-06-01").assign(unconfirmed=False)
    table = figures.ratio_table(on_date(rows, day, ds.fx), "GPT-4 Turbo", view).set_index("model")
    rate = float(ds.fx["usd_cny"].iloc[-1])
    assert table.loc["Doubao-pro 32k", "sentence"].endswith(
        f"(converted at {last}'s average of {rate:.4f} 元 per US$, provisional: no later month is published yet)")


def test_every_figure_has_title_filters_and_a_credit(ds, series):
    view = war_view(vendors=("alibaba",), lang="en")
    at = price_at(series_in_view(series, view), view.at)
    dress = figures.Dress(credit=Credit(names={"aliyun-pricing": ("Alibaba Cloud", "")}, by="pricewar"))
    at = at.assign(source="aliyun-pricing")
    for fig in (curves(ds, series, view, dress=dress),
                figures.timeline(events_in_view(ds.events, view), ds.vendors, view, dress=dress),
                figures.ranking(at, ds.vendors, view, dress=dress), figures.dumbbell(at, at, ds.vendors, view,
                                                                                     dress=dress)):
        text = header(fig)
        assert text.startswith("<b>") and "Alibaba Cloud (Qwen)" in text and text.endswith("pricewar")
    assert "Source: Alibaba Cloud · pricewar" in header(figures.ranking(at, ds.vendors, view, dress=dress))


def test_place_labels_uses_rows_then_gives_up():
    assert figures.place_labels([(0, 100), (50, 150), (120, 200), (10, 90)], rows=2) == [0, 1, 0, None]
    assert figures.label_extent(5, 100, 800) == (5, 105, "left")
    assert figures.label_extent(790, 100, 800) == (690, 790, "right")


def _drawn(fig) -> dict:
    """What plotly.js receives, normalized: the JSON read back through plotly's own validation."""
    import json

    import plotly.graph_objects as go

    return json.loads(go.Figure(json.loads(fig.to_json())).to_json())


class PlotlyDraft:
    """figures.Draft's methods done by plotly's own Figure, update by update (how the builders worked before
    drafts): the reference for what each builder's updates mean."""

    def __init__(self):
        import plotly.graph_objects as go

        self.fig = go.Figure(layout={"template": figures.TEMPLATE})

    def __getattr__(self, name):
        return getattr(self.fig, name)

    @property
    def layout(self):
        return self.fig.layout.to_plotly_json()

    def figure(self):
        return self.fig


def test_the_app_draws_exactly_what_plotly_itself_would(ds, series, monkeypatch):
    """The app builds figures as plain-dict drafts without plotly's per-property validation (figures.STRICT
    is False there; the tests turn it on): each builder must send plotly.js the very same figure as plotly's
    own update-by-update figure, validated."""
    from pricewar.story import steps
    from pricewar.trend import cheapest_over_time, fit

    view = war_view(vendors=("deepseek", "openai", "baidu"), lang="en", currency="USD")
    at = price_at(series_in_view(series, view), view.at)
    points = cheapest_over_time(series[series["series"] == "blended"], "usd_per_1m")
    builders = {
        "prices": lambda: curves(ds, series, view),
        "story": lambda: curves(ds, series, view, focus=(("DeepSeek-V2",), "deepseek"),
                                moment=steps(ds.events).iloc[0]),
        "own words": lambda: curves(ds, series, view, size=SIZES["square"], dress=figures.Dress(
            words=Words("A headline", "A subtitle", "A note", "A byline"), highlight=("GPT-4o",))),
        "timeline": lambda: figures.timeline(events_in_view(ds.events, view), ds.vendors, view, selected="e1"),
        "ranking": lambda: figures.ranking(at, ds.vendors, view),
        "dumbbell": lambda: figures.dumbbell(*window_ends(series[series["series"] == "input"], date(2024, 4, 1),
                                                          date(2024, 7, 1)), ds.vendors, view),
        "trend": lambda: figures.trend_chart(points, fit(points), "all", view),
        "empty": lambda: curves(ds, series.iloc[0:0], view),
    }
    for name, build in builders.items():
        with monkeypatch.context() as m:
            m.setattr(figures, "Draft", PlotlyDraft)
            reference = _drawn(build())
        with monkeypatch.context() as m:
            m.setattr(figures, "STRICT", False)
            fast = _drawn(build())
        assert fast == reference, name
        assert len(reference["data"]) >= (0 if name == "empty" else 1), name


def test_trend_axis_labels_decades_only_when_prices_span_one(series):
    from pricewar.trend import cheapest_over_time, fit

    points = cheapest_over_time(series[series["series"] == "blended"], "usd_per_1m")
    wide = figures.trend_chart(points, fit(points), "all", war_view(lang="en"))
    assert wide.layout.yaxis.dtick == 1  # 1, 10, 100 …, not 2 … 9 crowded between them
    narrow = points.assign(price=points["price"].clip(lower=2, upper=8))
    assert figures.trend_chart(narrow, fit(narrow), "all", war_view(lang="en")).layout.yaxis.dtick == "D2"


def test_a_long_hover_text_is_cut_at_a_break_never_inside_a_name():
    text = "still the launch price, $10 / $40: the tracker wrote it back, uncorrected (simonw/llm-prices (GitHub))"
    assert figures.clip(text, 200) == text
    assert figures.clip(text, 80) == "still the launch price, $10 / $40: the tracker wrote it back, uncorrected…"
    assert figures.clip("仍为发布价 10 / 40 美元：该价格追踪写回旧价，至 2026-08-05 未改（simonw/llm-prices）", 40) == (
        "仍为发布价 10 / 40 美元：该价格追踪写回旧价，至…")
