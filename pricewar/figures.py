"""Plotly figure builders: tidy frames and a few options in, ``go.Figure`` out. No I/O, no Streamlit.

Every figure carries, inside it, what a published picture needs: a headline stating the finding (or the
journalist's own), a subtitle with the filters in words, and a footer with notes, the exchange rates used
and a credit line in words. Each is laid out for one output size (:mod:`pricewar.layout`). Lines are named
by labels at their ends, a few highlighted models in colour over the rest in grey. Text from the data files
is escaped (:func:`pricewar.safe.plot_text`) before it enters a figure.

One visual encoding, in every chart (README.md, "How to read a chart"):

- a model: a colour of :data:`pricewar.palette.HIGHLIGHT` and its name in a label; beyond the palette's
  colours a dash pattern as well; models not highlighted are thin light-grey lines (context);
- a vendor: its marker shape (``marker`` in vendors.csv) on the points of its models and its events;
- a price's source: a filled marker when the vendor itself said it, a hollow one when it is known from a
  report (an article, a tracker);
- a disputed price: a dark ring around its point;
- a price not confirmed since a date: a dotted line after that date (issue 16; no such price yet);
- an event: a dotted vertical rule and its short title above the plot, ▼ a cut, ▲ a rise.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from pricewar import findings, i18n, layout, palette, schema
from pricewar.layout import SIZES, Frame, Size, Words
from pricewar.records import model_label
from pricewar.safe import plot_text as esc
from pricewar.select import value_column
from pricewar.text import (
    Credit,
    cited,
    cited_in_words,
    compare,
    conditions_in_words,
    credit_line,
    filters_in_words,
    fx_note,
    kind_label,
    money,
    ratio_short,
    source_names,
    text_width,
    unit,
    vendor_names,
)
from pricewar.view import View

FONT = "Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, Arial, sans-serif"
EXPORT = {"width": 800, "height": 450, "scale": 2}  # a 16:9 picture: 1600 × 900 pixels
PAGE = SIZES["page"]
GREY = palette.CONTEXT_TEXT
INK = layout.INK
DATE_TICKS = {"zh": "%Y-%m", "en": "%b %Y"}  # plotly names months in English only
DAY_TICKS = {"zh": "%Y-%m-%d", "en": "%d %b %Y"}
GLYPHS = {"price_cut": "▼ ", "free": "▼ ", "price_restore": "▲ ", "price_rise": "▲ "}
MAX_HIGHLIGHT = 8  # more series than this: the highlighted ones in colour, the rest grey


@dataclass(frozen=True)
class Dress:
    """Everything around a chart's data: the credit line's parts, the journalist's words, the models to
    highlight (the reader's, else ``default``: the view's headline events' models) and the sources that are
    a vendor's own statement (filled markers)."""

    credit: Credit = field(default_factory=Credit)
    words: Words = field(default_factory=Words)
    highlight: tuple[str, ...] = ()
    default: tuple[str, ...] = ()
    own: frozenset[str] = frozenset()


PLAIN = Dress()


def _template() -> go.layout.Template:
    """plotly_white without what these charts never use (colour scales, maps, 3-D, other trace types).
    Naming "plotly_white" in a figure copies and re-validates the whole template, ~12 ms per figure; this
    one costs ~1 ms and draws the same."""
    white = pio.templates["plotly_white"].to_plotly_json()
    unused = {"coloraxis", "colorscale", "geo", "mapbox", "polar", "ternary", "scene"}
    layout = {k: v for k, v in white["layout"].items() if k not in unused}
    return go.layout.Template(layout=layout, data={k: white["data"][k] for k in ("scatter", "bar")})


TEMPLATE = _template()
STRICT = False  # True: plotly validates every property (the tests); False: trusted builders skip it (the app)


class Draft:
    """A figure under construction, as plain dicts, with the few ``go.Figure`` methods the builders use.

    plotly's own objects validate and copy the whole layout on every update, which made building the
    price chart cost ~50 ms; a draft becomes one ``go.Figure`` at the end. The builders are the same code
    whichever way: with :data:`STRICT` (set by the tests) plotly checks every property name and value,
    so a misspelt property fails a test instead of reaching a reader."""

    def __init__(self) -> None:
        self.data: list[dict] = []
        self.layout: dict = {}

    def add_trace(self, trace: dict) -> None:
        self.data.append(trace)

    def add_traces(self, traces: Sequence[dict]) -> None:
        self.data.extend(traces)

    def add_annotation(self, **annotation) -> None:
        self.layout.setdefault("annotations", []).append(annotation)

    def update_layout(self, **changes) -> None:
        _merge(self.layout, changes)

    def update_xaxes(self, **changes) -> None:
        _merge(self.layout.setdefault("xaxis", {}), changes)

    def update_yaxes(self, **changes) -> None:
        _merge(self.layout.setdefault("yaxis", {}), changes)

    def figure(self) -> go.Figure:
        return go.Figure({"data": self.data, "layout": self.layout}, _validate=STRICT)


def _merge(into: dict, changes: dict) -> None:
    """Nested dicts merge (like plotly's update_layout); anything else replaces."""
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


def _trace(kind: str, **props) -> dict:
    return {"type": kind, **props}




# --- the picture around the data -----------------------------------------------------------------------------
def highlighted(items: Sequence[tuple[str, str, str]], dress: Dress,
                focus: tuple[tuple[str, ...], str] | None = None) -> list[str]:
    """The series to draw in colour, in colour order, of ``items`` (label, model, vendor): a story step's
    models (else its vendor's), else the reader's ``highlight=`` that the chart has, else every series when
    there are at most :data:`MAX_HIGHLIGHT`, else the models of the view's headline events (one series each,
    as many as the palette has colours)."""

    def matching(names: Sequence[str]) -> list[str]:
        return list(dict.fromkeys(lbl for n in names for lbl, m, _ in items if n in (lbl, m)))

    if focus is not None:
        models, vendor = focus
        return matching(models) or [lbl for lbl, _, v in items if v == vendor]
    if chosen := matching(dress.highlight):
        return chosen
    if len(items) <= MAX_HIGHLIGHT:
        return [lbl for lbl, _, _ in items]
    # by default one series per headline model (its first tier), no more than the palette has colours
    first = [next((lbl for lbl, m, _ in items if n in (lbl, m)), None) for n in dress.default]
    return list(dict.fromkeys(lbl for lbl in first if lbl))[:len(palette.HIGHLIGHT)]


def styles(chosen: Sequence[str]) -> dict[str, dict[str, str]]:
    """Colour and dash of each highlighted series: the palette's colours in order, then again with a dash."""
    return {lbl: palette.series_style(i) for i, lbl in enumerate(chosen)}


def _markers(vendors: pd.DataFrame) -> dict[str, str]:
    return dict(zip(vendors["id"], vendors["marker"], strict=True))


def _own(cell: str, own: frozenset[str]) -> bool:
    """Whether a price's sources include the vendor's own statement (a filled marker)."""
    return any(s.strip() in own for s in str(cell).split(";"))


def _plan(size: Size, view: View, title: str, subtitle: str, notes: Sequence[str], ids: Sequence[str],
          converted: bool, dress: Dress, *, natural: int, left: int, right: int = 0, above_rows: int = 0,
          keys: Sequence[str] = ()) -> Frame:
    """The frame of a chart: the journalist's words where given, else the computed title and subtitle; the
    footer's note, notes, key and credit line."""
    words, lang = dress.words, view.lang
    foot = [i18n.t("note_prefix", lang, note=words.note)] if words.note else []
    foot += [n for n in notes if n]
    if keys:
        foot.append(" · ".join(keys))
    footer_size = 10 if size.compact else 11
    credit = replace(dress.credit, byline=words.byline) if words.byline else dress.credit
    foot.append(credit_line(credit, ids, converted, lang, (size.width - 20) * 0.95, footer_size))
    return layout.plan(size, words.headline or title, words.subtitle or subtitle, foot, natural=natural, left=left,
                       right=right, above_rows=above_rows)


def _finish(fig: Draft, fr: Frame, size: Size, annotations: Sequence[dict] = ()) -> go.Figure:
    """The shared look, the header and footer, and the margins the frame decided (never grown by plotly:
    the picture is laid out here, in pixels)."""
    fig.update_layout(annotations=[*layout.header_and_footer(fr), *fig.layout.get("annotations", []), *annotations])
    fig.update_layout(
        template=TEMPLATE,
        height=fr.height,
        font={"family": FONT, "size": 11 if size.compact else 12, "color": INK},
        margin={"l": fr.left, "r": fr.right, "t": fr.top, "b": fr.bottom, "autoexpand": False},
        showlegend=False,
        hoverlabel={"font": {"family": FONT}},
    )
    if size.height is not None:
        fig.update_layout(width=size.width)
    fig.update_xaxes(automargin=False)
    fig.update_yaxes(automargin=False)
    return fig.figure()


def _who(view: View, vendors: pd.DataFrame) -> str:
    """The vendors of a view in words ("DeepSeek、OpenAI"; "any vendor" when none is chosen)."""
    if not view.vendors:
        return i18n.t("empty_any_vendor", view.lang)
    names = vendor_names(vendors, view.lang)
    return ("、" if view.lang == "zh" else ", ").join(names.get(v, v) for v in view.vendors)


def _kind(view: View) -> str:
    """The view's kind of price inside a sentence ("input", "输入")."""
    return kind_label(view.kind, view.lang).lower()


def _empty(size: Size, view: View, subtitle: str, dress: Dress, reason: str = "") -> go.Figure:
    """A chart with nothing to draw: its title says why, and which control changes it."""
    fig = Draft()
    fr = _plan(size, view, reason or i18n.t("nothing_selected", view.lang), subtitle, [], [], False, dress,
               natural=200, left=40)
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _finish(fig, fr, size)


def ticks_width(texts: Sequence[str], size: Size) -> int:
    """The left margin for tick labels ``texts`` (plain or <b>) at the chart's tick font."""
    font = 11 if size.compact else 12
    return int(max((text_width(re.sub(r"<[^>]+>", "", t), font) for t in texts), default=20)) + 14


def date_axis(fig: Draft, start: pd.Timestamp, end: pd.Timestamp, lang: str, width_px: int, **extra) -> None:
    """A date x axis on which no label appears twice: whole-month steps labelled by month over two months or
    more (as many as fit ``width_px``, the plot's width), days labelled by day below that."""
    days = (end - start).days
    if days >= 62:
        room = max(2, int(width_px // (58 if lang == "zh" else 64)))  # "2024-01" / "Jan 2024" and a gap
        months = days / 30.44
        step = next((s for s in (1, 2, 3, 6, 12, 24, 60) if months / s <= room), 120)
        fig.update_xaxes(tickformat=DATE_TICKS[lang], dtick=f"M{step}", gridcolor="#eee", **extra)
        return
    if days < 14:  # a few days: pad, so that plotly never steps in hours under day labels
        pad = pd.Timedelta(days=7)
        extra = {**extra, "range": [start - pad, end + pad]}
    fig.update_xaxes(tickformat=DAY_TICKS[lang], gridcolor="#eee", nticks=max(2, int(width_px // 95)), **extra)


def log_axis(floor: float, top: float, view: View, *, free_shown: bool, pad_hi: float = 0.15,
             room_px: float | None = None) -> dict:
    """A log price axis with decade ticks in the view's currency and, when a free price is shown, a
    labelled 'free' tick at the floor where free prices are drawn (a log axis cannot draw 0). ``room_px``:
    the length of a horizontal axis, which keeps every second (third …) decade when labels would touch."""
    lang = view.lang
    lo, hi = math.log10(floor) - 0.25, math.log10(max(top, floor * 10)) + pad_hi
    ticks = [10**e for e in range(math.ceil(lo), math.floor(hi) + 1) if 10**e > floor * 1.5]
    if len(ticks) < 2:  # less than a decade shown: 1, 2 and 5 of each decade, so that a line can be read off
        ticks = [m * 10**e for e in range(math.floor(lo), math.ceil(hi) + 1) for m in (1, 2, 5)
                 if lo <= math.log10(m * 10**e) <= hi and m * 10**e > floor * 1.5]
    if room_px is not None and ticks:
        label = max(text_width(money(t, view.currency, lang), 11) for t in ticks) + 14
        step = next((k for k in range(1, len(ticks) + 1)
                     if label * (math.ceil(len(ticks) / k) + free_shown) <= room_px), len(ticks))
        ticks = ticks[::-1][::step][::-1]
    tickvals = ([floor] if free_shown else []) + ticks
    ticktext = ([f"<b>{esc(i18n.t('free', lang))}</b>"] if free_shown else []) + [
        esc(money(t, view.currency, lang)) for t in ticks
    ]
    return {"type": "log", "range": [lo, hi], "tickvals": tickvals, "ticktext": ticktext, "gridcolor": "#eee"}


def free_floor(values: pd.Series) -> tuple[float, float]:
    """Where 'free' is drawn on a log axis: half a decade below the lowest price shown (and that price)."""
    positive = values[values > 0]
    low = float(positive.min()) if len(positive) else 1.0
    return 10 ** (math.floor(math.log10(low) * 2) / 2 - 0.5), low


def place_labels(items: Sequence[tuple[float, float]], rows: int, gap: float = 6) -> list[int | None]:
    """Greedy rows for labels given as (left, right) pixel extents: a label goes into the first row where
    it overlaps no other label (with ``gap`` between); ``None`` when no row has room. ``items`` are in
    order of priority."""
    return [None if p is None else p[0] for p in place_choices([[item] for item in items], rows, gap)]


def place_choices(items: Sequence[Sequence[tuple[float, float]]], rows: int, gap: float = 6
                  ) -> list[tuple[int, int] | None]:
    """As :func:`place_labels`, each label with several places it may take (centred on its date, or
    beside it): (row, place) of the first free place, row by row; ``None`` when none is free."""
    taken: list[list[tuple[float, float]]] = [[] for _ in range(rows)]
    out: list[tuple[int, int] | None] = []
    for places in items:
        found = None
        for r in range(rows):
            for k, (lo, hi) in enumerate(places):
                if all(hi + gap <= a or lo - gap >= b for a, b in taken[r]):
                    found = (r, k)
                    break
            if found:
                taken[r].append(places[found[1]])
                break
        out.append(found)
    return out


def label_extent(centre: float, width: float, plot_width: float) -> tuple[float, float, str]:
    """Where a label centred on ``centre`` goes without leaving the plot: (left, right, xanchor)."""
    if centre - width / 2 < 0:
        return centre, centre + width, "left"
    if centre + width / 2 > plot_width:
        return centre - width, centre, "right"
    return centre - width / 2, centre + width / 2, "center"


def event_text(ev, lang: str) -> str:
    """An event's label on a chart: ▼/▲ for a cut or a rise, then its short title."""
    short = getattr(ev, f"short_{lang}", "") or ""
    if not short:
        short = ev.models.split(";")[0] if ev.models else getattr(ev, f"title_{lang}")[:18]
        short = f"{short} · {i18n.t('type_' + ev.type, lang)}"
    return GLYPHS.get(ev.type, "") + short


# --- price curves ----------------------------------------------------------------------------------------
def price_curves(
    series: pd.DataFrame,
    vendors: pd.DataFrame,
    events: pd.DataFrame,
    view: View,
    *,
    size: Size = PAGE,
    dress: Dress = PLAIN,
    title: str | None = None,
    subtitle: str | None = None,
    focus: tuple[tuple[str, ...], str] | None = None,
    moment: pd.Series | None = None,
    notes: Sequence[str] = (),
) -> go.Figure:
    """One step line per model on a log axis, free on a labelled floor: the highlighted models in colour,
    named at their line's end, the rest light grey; disputed prices ringed; key events labelled above the
    plot in rows that never overlap. ``focus`` (a story step's models and vendor) decides the highlight,
    ``moment`` (its event) is drawn as a solid rule."""
    lang, col = view.lang, value_column(view.currency)
    names = vendor_names(vendors, lang)
    marks = _markers(vendors)
    start, end = pd.Timestamp(view.start), pd.Timestamp(view.end)
    if subtitle is None:
        sold = conditions_in_words(series, view, lang)
        subtitle = filters_in_words(view, vendors, lang) + (("；" if lang == "zh" else "; ") + sold if sold else "")
    if series.empty:
        return _empty(size, view, subtitle, dress,
                      i18n.t("empty_range", view.lang, who=_who(view, vendors)))
    fig = Draft()
    floor, _ = free_floor(series[col])
    # one pass over plain lists: per-model pandas selections cost ~0.5 ms each, dozens of times
    dispute = schema.in_lang("dispute", lang)
    columns = ("vendor", "model", "tier", "date", col, "source", dispute, "until")
    if "confirmed_through" not in series:
        series = series.assign(confirmed_through=series["date"])
    records = list(zip(*(series[c].tolist() for c in (*columns, "confirmed_through")), strict=True))
    groups: dict[tuple, list[tuple]] = {}
    for r in records:
        groups.setdefault(r[:3], []).append(r)
    chosen = highlighted([(model_label(m, t), m, v) for v, m, t in groups], dress, focus)
    style = styles(chosen)
    context, lit, ends, tails = [], {}, [], []
    hollow = False
    for (vendor, model, tier), rows in groups.items():
        rows.sort(key=lambda r: r[3])
        label = model_label(model, tier)
        x = [max(r[3], start) for r in rows]
        y = [r[4] if r[4] > 0 else floor for r in rows]
        last_until = rows[-1][7]
        x_end = end if pd.isna(last_until) or last_until > end else last_until
        # a price no later source confirms: solid to its last confirmation, dotted from there
        seen = min(max(rows[-1][8], x[-1]), x_end) if pd.isna(last_until) else x_end
        x.append(seen)
        y.append(y[-1])
        if seen < x_end:
            tails.append((label, vendor, seen, x_end, y[-1], rows[-1][8]))
        hover = [
            f"<b>{esc(label)}</b> · {esc(names.get(vendor, vendor))}<br>{d:%Y-%m-%d}: "
            f"{esc(money(v, view.currency, lang))} {i18n.t('per_million', lang) if v > 0 else ''}<br>"
            f"{i18n.t('hover_source', lang)}{i18n.t('colon', lang)}{esc(source_names(dress.credit, s) or s)}"
            + (f"<br>⚠ {i18n.t('disputed', lang)}{i18n.t('colon', lang)}"
               f"{esc(clip(cited_in_words(dp, dress.credit, lang), 160))}" if dp else "")
            for _, _, _, d, v, s, dp, _, _ in rows
        ]
        hover.append(hover[-1])
        trace = {"type": "scatter", "x": x, "y": y, "name": esc(label), "hovertext": hover, "hoverinfo": "text",
                 "meta": {"vendor": vendor, "model": model, "tier": tier}}
        if label not in style:
            context.append(trace)
            continue
        st = style[label]
        symbol = marks.get(vendor, "circle")
        own = [_own(r[5], dress.own) for r in rows]
        hollow = hollow or not all(own)
        lit[label] = trace | {
            "mode": "lines+markers",
            "line": {"shape": "hv", "color": st["color"], "dash": st["dash"], "width": 2.2},
            "marker": {"symbol": [symbol if o else f"{symbol}-open" for o in own] + [symbol],
                       "size": [8] * len(rows) + [0], "color": st["color"],
                       "line": {"color": st["color"], "width": 1.5}},
        }
        ended = i18n.t("line_ended", lang, month=f"{x_end:%Y-%m}") if x_end < end else ""
        ends.append((label + ended, y[-1], st["color"]))
    dotted = [_tail(t, style, lang) for t in tails if t[0] in style]
    grey = _grey_tails([t for t in tails if t[0] not in style], lang)  # one trace for every grey line's tail
    # colour over grey
    fig.add_traces([*_grey_lines(context), *grey, *dotted, *(lit[lbl] for lbl in chosen if lbl in lit)])
    # a ring on a change inside the window (one before it would sit on the axis, over its labels)
    disputed = series[(series[dispute].fillna("") != "") & (series["date"] >= start)]
    if not disputed.empty:
        fig.add_trace({
            "type": "scatter",
            "x": [max(d, start) for d in disputed["date"]],
            "y": [v if v > 0 else floor for v in disputed[col]],
            "mode": "markers",
            "name": esc(i18n.t("disputed", lang)),
            # dark around a highlighted line's price, grey and smaller around a grey line's
            "marker": {"symbol": "circle-open", "line": {"width": 1.5},
                       "size": [15 if model_label(m, t) in style else 11
                                for m, t in zip(disputed["model"], disputed["tier"], strict=True)],
                       "color": [palette.DISPUTED if model_label(m, t) in style else "#9a9a9a"
                                 for m, t in zip(disputed["model"], disputed["tier"], strict=True)]},
            "hovertext": [f"⚠ {esc(model_label(m, t))}{i18n.t('colon', lang)}"
                          f"{esc(clip(cited_in_words(d, dress.credit, lang), 200))}"
                          for m, t, d in zip(disputed["model"], disputed["tier"], disputed[dispute], strict=True)],
            "hoverinfo": "text",
            "meta": {"role": "disputed"},
        })
    free_shown = bool((series[col] == 0).any())
    if free_shown:
        fig.update_layout(shapes=[{"type": "line", "xref": "paper", "yref": "y", "x0": 0, "x1": 1, "y0": floor,
                                   "y1": floor, "line": {"color": GREY, "dash": "dot", "width": 1}}])
    top_value = float(series[col].max()) if (series[col] > 0).any() else 1.0
    yaxis = log_axis(floor, top_value, view, free_shown=free_shown)
    fig.update_yaxes(**yaxis)
    kind = kind_label(view.kind, lang) if lang == "zh" else kind_label(view.kind, lang).lower()
    finding = findings.curves(series, col, start, end, kind, view.currency, lang)
    keys = _keys(lang, disputed=not disputed.empty, hollow=hollow, grey=len(context), unconfirmed=bool(tails))
    fr = _plan(size, view, title or finding, subtitle, [*notes, fx_note(series, view.currency, lang)], cited(series),
               bool((series["currency"] != view.currency).any()), dress,
               natural=(330 if size.compact else 320), left=ticks_width(yaxis["ticktext"], size),
               right=layout.label_width([e[0] for e in ends], size), keys=keys,
               above_rows=2 if size.compact else _label_rows(events, start, end))
    date_axis(fig, start, end, lang, fr.plot_width, range=[start, end])
    notes = _event_labels(fig, events, view, fr, moment)
    labels = layout.end_labels(fr, size, ends, tuple(yaxis["range"]))
    return _finish(fig, fr, size, [*notes, *labels])


def clip(text: str, most: int) -> str:
    """``text`` in at most ``most`` characters for a hover: whole, or cut after its last sentence or clause
    break (or space) that fits, with "…" — never inside a source's name."""
    if len(text) <= most:
        return text
    head = text[:most - 1]
    cut = max(head.rfind(mark) for mark in ("；", "。", "，", "; ", ", ", " "))
    return (head[:cut + 1] if cut > most // 2 else head).rstrip(" ，,;；") + "…"


def _label_rows(events: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> int:
    """Rows of event labels above a page-sized chart: three, and one more for each three events beyond
    eight (a vendor's whole war has a dozen or more), at most five."""
    if events.empty:
        return 3
    shown = int(((events["importance"] >= 2) & (events["date"] >= start) & (events["date"] <= end)).sum())
    return min(5, 3 + max(0, shown - 6) // 3)


def _segments(parts: list[tuple[list, list, list]], **trace) -> list[dict]:
    """Several lines as one trace, each ``(x, y, hover)`` a segment of its own (plotly breaks a line at
    ``None``): dozens of grey lines cost the browser one trace, not one each (a whole-war chart: 13 traces
    instead of 89, and a redraw 2–4× faster). ``trace``: the rest of the trace (line, name, meta)."""
    if not parts:
        return []
    x, y, hover = [], [], []
    for xs, ys, texts in parts:
        x += [*xs, None]
        y += [*ys, None]
        hover += [*texts, None]
    return [{"type": "scatter", "x": x, "y": y, "mode": "lines", "hovertext": hover, "hoverinfo": "text",
             "showlegend": False, **trace}]


def _grey_lines(lines: list[dict]) -> list[dict]:
    """The models not highlighted as one trace of light-grey step lines, with each point's hover text as
    before; ``meta.lines`` names each segment's model, in order."""
    return _segments([(line["x"], line["y"], line["hovertext"]) for line in lines], name="",
                     line={"shape": "hv", "color": palette.CONTEXT, "width": 1.2},
                     meta={"role": "context", "lines": [line["meta"] | {"name": line["name"]} for line in lines]})


def _grey_tails(tails: list[tuple], lang: str) -> list[dict]:
    """The dotted tails of the grey lines as one trace, each a segment of its own."""
    parts = []
    for label, _vendor, seen, x_end, value, confirmed in tails:
        words = f"<b>{esc(label)}</b><br>" + esc(i18n.t("not_confirmed_since", lang,
                                                          day=f"{pd.Timestamp(confirmed):%Y-%m-%d}"))
        parts.append(([seen, x_end], [value, value], [words, words]))
    return _segments(parts, name=esc(i18n.t("key_unconfirmed", lang)),
                     line={"color": palette.CONTEXT, "dash": "dot", "width": 1.0},
                     meta={"role": "unconfirmed", "labels": [t[0] for t in tails]})


def _tail(tail: tuple, style: dict, lang: str) -> dict:
    """The dotted part of a line after its price's last confirmation, to the chart's end."""
    label, vendor, seen, x_end, y, confirmed = tail
    colour = style[label]["color"] if label in style else palette.CONTEXT
    words = i18n.t("not_confirmed_since", lang, day=f"{pd.Timestamp(confirmed):%Y-%m-%d}")
    return {"type": "scatter", "x": [seen, x_end], "y": [y, y], "mode": "lines", "name": esc(label),
            "line": {"color": colour, "dash": "dot", "width": 1.6 if label in style else 1.0},
            "hovertext": [f"<b>{esc(label)}</b><br>{esc(words)}"] * 2, "hoverinfo": "text", "showlegend": False,
            "meta": {"role": "unconfirmed", "label": label, "vendor": vendor,
                     "since": f"{pd.Timestamp(confirmed):%Y-%m-%d}"}}


def _keys(lang: str, *, disputed: bool = False, hollow: bool = False, grey: int = 0,
          unconfirmed: bool = False) -> list[str]:
    """The marks a chart shows that need a word: the key line of its footer."""
    out = []
    if unconfirmed:
        out.append(i18n.t("key_unconfirmed", lang))
    if disputed:
        out.append(i18n.t("key_disputed", lang))
    if hollow:
        out.append(i18n.t("key_hollow", lang))
    if grey:
        out.append(i18n.t("key_grey", lang, n=grey))
    return out


def _event_labels(fig: Draft, events: pd.DataFrame, view: View, fr: Frame, moment: pd.Series | None) -> list[dict]:
    """The most important events as labels above the plot, in the rows the frame left (none overlaps
    another or leaves the plot), each with a dotted rule down to its date; a story step's event first, as a
    solid rule. Labels that find no room are left out."""
    shapes: list[dict] = []
    notes: list[dict] = []
    start, end = pd.Timestamp(view.start), pd.Timestamp(view.end)
    if moment is not None:
        shapes.append({"type": "line", "xref": "x", "yref": "paper", "x0": moment["date"], "x1": moment["date"],
                       "y0": 0, "y1": 1, "line": {"color": "#888", "width": 1.5}, "layer": "below"})
    if not events.empty and fr.above:
        lang = view.lang
        span = max((end - start).days, 1)
        chosen = events[events["importance"] >= 2]
        first = moment["id"] if moment is not None else ""
        chosen = chosen.assign(first=chosen["id"] == first).sort_values(["first", "importance", "date"],
                                                                          ascending=[False, False, True])
        texts, items = [], []
        for ev in chosen.itertuples():
            text = event_text(ev, lang)
            x, width = (ev.date - start).days / span * fr.plot_width, text_width(text, 11) + 8
            places = [label_extent(x, width, fr.plot_width)]  # centred on its rule, else beside it
            if places[0][2] == "center":
                places += [(x, x + width, "left")] if x + width <= fr.plot_width else []
                places += [(x - width, x, "right")] if x - width >= 0 else []
            texts.append((ev, text, places))
            items.append([(lo, hi) for lo, hi, _ in places])
        for (ev, text, places), spot in zip(texts, place_choices(items, fr.above), strict=True):
            if spot is None:
                continue
            row, anchor = spot[0], places[spot[1]][2]
            is_moment = ev.id == first
            if not is_moment:
                shapes.append({"type": "line", "xref": "x", "yref": "paper", "x0": ev.date, "x1": ev.date, "y0": 0,
                               "y1": 1, "line": {"color": "#bbb", "dash": "dot", "width": 1}, "layer": "below"})
            colour = INK if moment is None or is_moment else "#999"
            notes.append({"x": ev.date, "xref": "x", "y": 1.0, "yref": "paper", "yanchor": "bottom", "xanchor": anchor,
                          "yshift": 3 + layout.ABOVE_ROW * row, "text": esc(text), "showarrow": False,
                          "font": {"size": 11, "color": colour}, "name": f"event:{ev.id}"})
    fig.update_layout(shapes=[*fig.layout.get("shapes", []), *shapes])
    return notes


# --- timeline ------------------------------------------------------------------------------------------------
def short_vendor(name: str) -> str:
    """"ByteDance (Doubao)" → "ByteDance", "字节跳动（豆包）" → "字节跳动": a lane's name."""
    return re.sub(r"\s*[（(].*?[）)]", "", name).strip() or name


def timeline(
    events: pd.DataFrame, vendors: pd.DataFrame, view: View, selected: str = "", *, size: Size = PAGE,
    dress: Dress = PLAIN,
) -> go.Figure:
    """Events on a date axis, one lane per vendor, each marker the vendor's shape (larger for more important
    events); the important events labelled beside their marker, placed so that no two labels collide and none
    covers another marker (the most important first; what finds no room is in the hover and the cards)."""
    lang = view.lang
    names = {k: short_vendor(v) for k, v in vendor_names(vendors, lang).items()}
    marks = _markers(vendors)
    subtitle = filters_in_words(view, vendors, lang, prices=False)
    if events.empty:
        return _empty(size, view, subtitle, dress,
                      i18n.t("empty_range", view.lang, who=_who(view, vendors)))
    fig = Draft()
    lane_of = {v: names.get(v, v) for v in events["vendor"] if v}
    market = i18n.t("lane_market", lang)
    country = dict(zip(vendors["id"], vendors["country"], strict=True))
    first_date: dict = {}
    for v, d in zip(events["vendor"].tolist(), events["date"].tolist(), strict=True):
        first_date[v] = min(d, first_date.get(v, d))
    order = list(dict.fromkeys(sorted(lane_of, key=lambda v: (country.get(v, "ZZ"), first_date[v]))))
    lanes = [lane_of[v] for v in order] + ([market] if (events["vendor"] == "").any() else [])
    title_col = f"title_{lang}"
    colour_of = {3: INK, 2: "#555", 1: "#999"}
    for vendor, rows in events.groupby("vendor", sort=False):
        lane = lane_of.get(vendor, market)
        symbol = marks.get(vendor, "circle") if vendor else "diamond"
        fig.add_trace(_trace(
            "scatter", x=rows["date"], y=[lane] * len(rows), mode="markers", name=esc(lane), showlegend=False,
            marker={
                "symbol": symbol,
                "size": [7 + 3 * i for i in rows["importance"]],
                "color": [colour_of.get(i, "#999") for i in rows["importance"]],
                "line": {"width": [3 if e == selected else 1 for e in rows["id"]],
                         "color": [palette.HIGHLIGHT[4] if e == selected else "white" for e in rows["id"]]},
            },
            customdata=rows["id"],
            hoverinfo="text",
            hovertext=[
                f"<b>{esc(t)}</b><br>{d:%Y-%m-%d} · {esc(i18n.t('type_' + ty, lang))}<br>"
                f"{i18n.t('hover_source', lang)}: {esc(s)}"
                for t, d, ty, s in zip(rows[title_col], rows["date"], rows["type"], rows["source"], strict=True)
            ],
        ))
    fig.update_yaxes(categoryorder="array", categoryarray=lanes[::-1], gridcolor="#eee", range=[-0.6, len(lanes) - 0.4],
                     tickfont={"size": 10 if size.compact else 11})
    lo, hi = pd.Timestamp(view.start) - pd.Timedelta(days=7), pd.Timestamp(view.end) + pd.Timedelta(days=7)
    title = i18n.t("title_timeline", lang, n=len(events), start=f"{events.date.min():%Y-%m-%d}",
                   end=f"{events.date.max():%Y-%m-%d}")
    lane_px = 26 if size.compact else 30
    fr = _plan(size, view, title, subtitle, [], cited(events), False, dress,
               natural=lane_px * len(lanes) + 10, left=ticks_width(lanes, size) - 2)
    date_axis(fig, lo, hi, lang, fr.plot_width, range=[lo, hi])
    labels = _timeline_labels(events, lane_of, market, lanes, lo, hi, fr, lang, selected)
    return _finish(fig, fr, size, labels)


def _timeline_labels(events: pd.DataFrame, lane_of: dict, market: str, lanes: list[str], lo, hi, fr: Frame, lang: str,
                     selected: str) -> list[dict]:
    """Labels for the important events (the selected one first, then by importance and date): beside the
    marker in its lane (right, else left), else — where a lane is crowded, as DeepSeek's early 2025 — in the
    band just above or below the lane, starting at the marker. Never over another label or a marker, never
    outside the plot; what finds no room is in the hover and the event cards."""
    n = max(len(lanes), 1)
    lane_height = fr.plot_height / n
    if lane_height < 14:
        return []
    span = (hi - lo).days
    font = 10 if fr.width < 600 else 11
    row = {lane: lanes.index(lane) for lane in lanes}  # 0 = the top lane
    x_of = {e: (d - lo).days / span * fr.plot_width for e, d in zip(events["id"], events["date"], strict=True)}
    # what is taken, by row of text: a lane's own row (k) and the bands between lanes (k ± 0.5)
    taken: dict[float, list[tuple[float, float]]] = {}
    band_half = 7  # half a label's height
    for e, v, imp in zip(events["id"], events["vendor"], events["importance"], strict=True):
        r, k = 3.5 + 1.5 * imp, row[lane_of.get(v, market)]
        taken.setdefault(k, []).append((x_of[e] - r, x_of[e] + r))
        if r > lane_height / 2 - 3:  # a big marker reaches well into the bands beside its lane
            for band in (k - 0.5, k + 0.5):
                taken.setdefault(band, []).append((x_of[e] - r, x_of[e] + r))
    chosen = events[(events["importance"] >= 2) | (events["id"] == selected)]
    chosen = chosen.assign(first=chosen["id"] == selected).sort_values(["first", "importance", "date"],
                                                                        ascending=[False, False, True])
    out = []
    bands = lane_height >= 2 * band_half + 10
    for ev in chosen.itertuples():
        lane = lane_of.get(ev.vendor, market)
        k = row[lane]
        short = event_text(ev, lang)
        x, r = x_of[ev.id], 3.5 + 1.5 * ev.importance + 4
        glyph_last = GLYPHS.get(ev.type, "") and short.removeprefix(GLYPHS.get(ev.type, "")) + " " + \
            GLYPHS.get(ev.type, "").strip()
        places = [(k, x + r, "left", r, 0, short), (k, x - r, "right", -r, 0, glyph_last or short)]
        if bands:  # above the lane, else below it: the label starts over the marker
            places += [(band, x + 4 * side, anchor, 4 * side, lift, short)
                       for band, lift in ((k - 0.5, lane_height / 2), (k + 0.5, -lane_height / 2))
                       for side, anchor in ((-1, "left"), (1, "right"))]
        for band, start, anchor, shift, lift, text in places:
            w = text_width(text, font) * 1.04 + 4
            lo_px, hi_px = (start, start + w) if anchor == "left" else (start - w, start)
            if lo_px < 0 or hi_px > fr.plot_width or band < -0.5 or band > n - 0.5:
                continue
            if all(hi_px + 3 <= a or lo_px - 3 >= b for a, b in taken.get(band, [])):
                # a label reaches half a row into the rows beside it when lanes are not twice its height
                for near in ((band - 0.5, band, band + 0.5) if lane_height < 4 * band_half + 6 else (band,)):
                    taken.setdefault(near, []).append((lo_px, hi_px))
                out.append({"x": ev.date, "xref": "x", "y": lane, "yref": "y", "xanchor": anchor, "yanchor": "middle",
                            "xshift": shift, "yshift": lift, "text": esc(text), "showarrow": False,
                            "font": {"size": font, "color": INK if ev.importance >= 3 else "#444"},
                            "name": f"event:{ev.id}"})
                break
    return out


# --- comparison ----------------------------------------------------------------------------------------------
ROW_PX = 16  # the least height of one bar or dumbbell row


def _rows_shown(n: int, keep: Sequence[int], room: int) -> list[int]:
    """Which of ``n`` ranked rows a picture with ``room`` rows shows: all when they fit, else the first and
    the last, the ones in ``keep`` (highlighted) and the rest evenly through the ranking."""
    if n <= room:
        return list(range(n))
    shown = list(dict.fromkeys([0, n - 1, *keep]))[:max(room, 2)]
    rest = [i for i in range(n) if i not in shown]
    free = room - len(shown)
    if free > 0 and rest:
        step = len(rest) / free
        shown += [rest[int(k * step)] for k in range(free)]
    return sorted(shown)


def _fit_rows(rows: pd.DataFrame, keep: Sequence[int], frame_for, lang: str) -> tuple[pd.DataFrame, Frame]:
    """The rows a picture shows and its frame: all of them when they fit, else as many as the frame that
    says how many leaves room for (the note's count is the count drawn)."""
    fr = frame_for(rows, "")
    room = fr.plot_height // ROW_PX
    if len(rows) <= room:
        return rows, fr
    for _ in range(4):  # the note takes a line or two: settle on a count the frame with that note holds
        shown = rows.iloc[_rows_shown(len(rows), keep, room)]
        fr = frame_for(shown, i18n.t("rows_shown", lang, shown=len(shown), n=len(rows)))
        if len(shown) <= fr.plot_height // ROW_PX:
            return shown, fr
        room = fr.plot_height // ROW_PX
    return shown, fr


def ranking(
    at: pd.DataFrame, vendors: pd.DataFrame, view: View, *, size: Size = PAGE, dress: Dress = PLAIN
) -> go.Figure:
    """Every model's price on a date, as a sorted horizontal bar chart on a log axis (free on a floor): the
    highlighted models in colour, the rest grey, each bar labelled with its price. A picture too small for
    every model shows the highlighted ones, the dearest, the cheapest and others evenly between, and says so."""
    lang, col = view.lang, value_column(view.currency)
    subtitle = filters_in_words(view, vendors, lang, dates=False)
    if at.empty:
        return _empty(size, view, subtitle, dress,
                      i18n.t("empty_at", view.lang, who=_who(view, vendors), kind=_kind(view),
                                  date=view.at.isoformat()))
    fig = Draft()
    rows = at.assign(label=[model_label(m, t) for m, t in zip(at["model"], at["tier"], strict=True)])
    rows = rows.sort_values([col, "label"], ascending=[False, True]).reset_index(drop=True)
    title = findings.ranking(rows, col, view.at.isoformat(), view.currency, lang)
    chosen = highlighted(list(zip(rows["label"], rows["model"], rows["vendor"], strict=True)), dress)
    style = styles(chosen)
    converted = bool((rows["currency"] != view.currency).any())
    notes = [fx_note(rows, view.currency, lang)]
    if "unconfirmed" in rows:  # prices carried past their last confirmation: the chart says how many
        notes.append(findings.unconfirmed_count(int(rows["unconfirmed"].astype(bool).sum()), len(rows), lang,
                                                day=view.at.isoformat()))
    font = 10 if size.compact else 11

    def frame_for(shown: pd.DataFrame, extra: Sequence[str]) -> Frame:
        return _plan(size, view, title, subtitle, [*extra, *notes], cited(shown), converted, dress,
                     natural=max(160, (20 if size.compact else 22) * len(shown)),
                     left=int(max(text_width(lbl, font) for lbl in rows["label"])) + 14,
                     right=int(max(text_width(money(v, view.currency, lang), font) for v in rows[col])) + 12,
                     keys=_keys(lang, grey=int((~shown["label"].isin(chosen)).sum()) if chosen != list(rows["label"])
                                else 0))

    keep = [i for i, lbl in enumerate(rows["label"]) if lbl in style]
    shown, fr = _fit_rows(rows, keep, lambda part, note: frame_for(part, [note] if note else []), lang)
    floor, _ = free_floor(rows[col])
    values = [v if v > 0 else floor for v in shown[col]]
    fig.add_trace(_trace(
        "bar", x=values, y=[esc(lbl) for lbl in shown["label"]], orientation="h", base=floor / 3,
        marker={"color": [style[lbl]["color"] if lbl in style else palette.CONTEXT for lbl in shown["label"]]},
        text=[esc(money(v, view.currency, lang)) for v in shown[col]], textposition="outside", cliponaxis=False,
        textfont={"size": font, "color": INK},
        hovertext=[f"<b>{esc(lbl)}</b><br>{esc(money(v, view.currency, lang))}<br>"
                   f"{i18n.t('hover_source', lang)}: {esc(s)}"
                   for lbl, v, s in zip(shown["label"], shown[col], shown["source"], strict=True)],
        hoverinfo="text", showlegend=False,
    ))
    xaxis = log_axis(floor, max(values), view, free_shown=bool((shown[col] == 0).any()), pad_hi=0.02,
                     room_px=fr.plot_width)
    fig.update_xaxes(**xaxis, tickangle=0)
    fig.update_yaxes(tickfont={"size": font}, categoryorder="array", categoryarray=[esc(x) for x in shown["label"]])
    return _finish(fig, fr, size)


def dumbbell(
    before: pd.DataFrame, after: pd.DataFrame, vendors: pd.DataFrame, view: View, *, size: Size = PAGE,
    dress: Dress = PLAIN,
) -> go.Figure:
    """Before → after for every model of the window: the change in % from its price on the window's first
    day (a small dot) to its price on the last (the vendor's marker). A model first priced inside the window
    is labelled "from 05-20" (a later change drawn dotted and not counted), one no longer priced at the end
    "gone" — neither is counted as a change, never as 0%."""
    lang, col = view.lang, value_column(view.currency)
    marks = _markers(vendors)
    key = ["vendor", "model", "tier"]
    start, end = pd.Timestamp(view.before), pd.Timestamp(view.after)
    subtitle = filters_in_words(view, vendors, lang, dates=False)
    if before.empty:
        return _empty(size, view, subtitle, dress,
                      i18n.t("empty_window", view.lang, who=_who(view, vendors), kind=_kind(view),
                                  date=view.before.isoformat()))
    fig = Draft()
    # a few dozen rows, read element by element below: joined as plain Python values (a pandas join of the
    # arrow-backed text columns cost more than the rest of the chart)
    if "confirmed_through" not in after:
        after = after.assign(confirmed_through=after["date"])
    cols = (col, "price_1m", "currency", "source", "date", "until", "confirmed_through")

    def by_model(rows: pd.DataFrame, suffix: str) -> dict[tuple, dict]:
        values = [rows[c].tolist() for c in (*key, *cols)]
        return {tuple(v[:3]): {f"{c}{suffix}": x for c, x in zip(cols, v[3:], strict=True)}
                for v in zip(*values, strict=True)}

    first, last = by_model(before, "_a"), by_model(after, "_b")
    both = pd.DataFrame([{"vendor": k[0], "model": k[1], "tier": k[2], **first[k], **last[k]}
                         for k in first if k in last])
    is_new = (both["date_a"] > start).to_numpy()  # no price on the window's first day: not a change
    is_gone = (both["until_b"].notna() & (both["until_b"] <= end)).to_numpy()
    both["state"] = ["new" if n else "gone" if g else "both" for n, g in zip(is_new, is_gone, strict=True)]
    # a change of one price in its own currency: no exchange rate between the two dates
    both["change"] = [
        findings.change(pa, pb) if ca == cb else findings.change(a, b)
        for pa, pb, ca, cb, a, b in zip(both["price_1m_a"], both["price_1m_b"], both["currency_a"], both["currency_b"],
                                        both[f"{col}_a"], both[f"{col}_b"], strict=True)
    ]
    # plotly draws the first row at the bottom: "gone", then "new", then the changes with the biggest cut on top
    order = {"both": 0, "new": 1, "gone": 2}
    both = both.assign(o=both["state"].map(order),
                       s=[c if c is not None else math.inf for c in both["change"]]).sort_values(["o", "s"],
                                                                                               ascending=False)
    both = both.reset_index(drop=True)
    counted = both[both["state"] == "both"]
    title = findings.before_after(counted, int(is_new.sum()), int((both["state"] == "gone").sum()),
                                  view.before.isoformat(), view.after.isoformat(), lang)
    doubtful = int((counted["until_b"].isna() & (counted["confirmed_through_b"] < end)).sum()) if len(counted) else 0
    unconfirmed = findings.unconfirmed_count(doubtful, len(counted), lang, day=view.after.isoformat())
    both["label"] = [model_label(m, t) for m, t in zip(both["model"], both["tier"], strict=True)]
    chosen = highlighted(list(zip(both["label"], both["model"], both["vendor"], strict=True)), dress)
    style = styles(chosen)
    text = []
    moved = (both["date_a"] != both["date_b"]).tolist()
    for st, c, day0, m in zip(both["state"], both["change"], both["date_a"], moved, strict=True):
        if st == "new":  # "from 05-20", or "from 05-20: −98%" (with the year when the window spans two)
            day = day0.date()
            one_year = view.before.year == view.after.year
            shown = day.isoformat()[5:] if one_year else day.isoformat()
            since = i18n.t("new_from", lang, date=shown)
            text.append(since + (("：" if lang == "zh" else ": ") + findings.change_text(c, lang) if m else ""))
        else:
            text.append(i18n.t("gone_in_window", lang) if st == "gone" else findings.change_text(c, lang))
    both["text"] = text
    font = 10 if size.compact else 11
    converted = bool((after["currency"] != view.currency).any())
    notes = [fx_note(after, view.currency, lang), unconfirmed]
    key_line = i18n.t("key_dumbbell", lang, before=view.before.isoformat(), after=view.after.isoformat())

    def frame_for(shown: pd.DataFrame, extra: Sequence[str]) -> Frame:
        ids = cited(pd.DataFrame({"source": [*shown["source_a"], *shown["source_b"]]}))
        grey = int((~shown["label"].isin(chosen)).sum()) if len(chosen) < len(both) else 0
        return _plan(size, view, title, subtitle, [*extra, *notes], ids, converted, dress,
                     natural=max(160, (22 if size.compact else 24) * len(shown)),
                     left=int(max(text_width(lbl, font) for lbl in both["label"])) + 14,
                     right=int(max(text_width(t, font) for t in both["text"])) + 16,
                     keys=[key_line, *_keys(lang, grey=grey)])

    keep = [i for i, lbl in enumerate(both["label"]) if lbl in style]
    shown, fr = _fit_rows(both, keep, lambda part, note: frame_for(part, [note] if note else []), lang)
    labels = [esc(lbl) for lbl in shown["label"]]
    # a model first priced inside the window keeps its first price when it changed later (a dotted segment,
    # not counted): Qwen-Long's May 2024 cut stays visible though its price is known only from 2024-05-20
    moved_s = (shown["date_a"] != shown["date_b"]).tolist()
    shown_a = [v if st != "new" or m else None
               for v, st, m in zip(shown[f"{col}_a"], shown["state"], moved_s, strict=True)]
    shown_b = [v if st != "gone" else None for v, st in zip(shown[f"{col}_b"], shown["state"], strict=True)]
    values = pd.Series([v for v in shown_a + shown_b if v is not None], dtype="float64")
    floor, _ = free_floor(values)
    a = [None if v is None else v if v > 0 else floor for v in shown_a]
    b = [None if v is None else v if v > 0 else floor for v in shown_b]
    colours = [style[lbl]["color"] if lbl in style else "#9a9a9a" for lbl in shown["label"]]
    segments: dict[tuple[str, bool], tuple[list, list]] = {}  # a trace per colour and style, split by gaps
    for lbl, va, vb, colour, st in zip(labels, a, b, colours, shown["state"], strict=True):
        if va is None or vb is None:
            continue
        xs, ys = segments.setdefault((colour, st == "new"), ([], []))
        xs += [va, vb, None]
        ys += [lbl, lbl, None]
    for (colour, later), (xs, ys) in segments.items():
        line_colour = colour if colour != "#9a9a9a" else palette.CONTEXT
        fig.add_trace(_trace("scatter", x=xs, y=ys, mode="lines", showlegend=False, hoverinfo="skip",
                             line={"color": line_colour, "width": 2 if later else 3,
                                   "dash": "dot" if later else "solid"}))
    fig.add_trace(_trace("scatter", x=a, y=labels, mode="markers", name=view.before.isoformat(), hoverinfo="skip",
                         marker={"size": 6, "color": colours}))
    symbols = [marks.get(v, "circle") if _own(s, dress.own) else f"{marks.get(v, 'circle')}-open"
               for v, s in zip(shown["vendor"], shown["source_b"], strict=True)]
    fig.add_trace(_trace(
        "scatter", x=b, y=labels, mode="markers", name=view.after.isoformat(),
        marker={"size": 10, "color": colours, "symbol": symbols, "line": {"color": colours, "width": 1.5}},
        hovertext=[f"{lbl}: {esc(money(x, view.currency, lang)) if va is not None else '—'} → "
                   f"{esc(money(y, view.currency, lang)) if vb is not None else '—'} ({esc(t)})"
                   for lbl, x, y, t, va, vb in zip(labels, shown[f"{col}_a"], shown[f"{col}_b"], shown["text"], a, b,
                                                   strict=True)],
        hoverinfo="text",
    ))
    # each label right of the row's rightmost point: never over the model names or the free floor
    fig.add_trace(_trace(
        "scatter", x=[max(v for v in (va, vb) if v is not None) for va, vb in zip(a, b, strict=True)], y=labels,
        mode="text", text=["\u2002" + esc(t) for t in shown["text"]], textposition="middle right", cliponaxis=False,
        textfont={"size": font, "color": INK}, showlegend=False, hoverinfo="skip",
    ))
    # plotly orders categories by first appearance across traces: fix it — the biggest cut on top
    fig.update_yaxes(categoryorder="array", categoryarray=labels, tickfont={"size": font})
    drawn = [v for v in a + b if v is not None]
    xaxis = log_axis(floor, max(drawn), view, free_shown=min(drawn) == floor, pad_hi=0.05, room_px=fr.plot_width)
    fig.update_xaxes(**xaxis, tickangle=0)
    return _finish(fig, fr, size)
def ratio_table(at: pd.DataFrame, ref: str, view: View) -> pd.DataFrame:
    """Each model's price against the reference model's on one date ("1/72", "80%", "2.1×"), with a
    sentence to quote that names both models — and, where the two are stated in different currencies, the
    exchange rate it went through. Prices are converted at the date's month (``at`` from
    :func:`pricewar.charts.on_day`), so the ratio is the same in both currency views."""
    col, lang = value_column(view.currency), view.lang
    names = [model_label(m, t) for m, t in zip(at["model"].tolist(), at["tier"].tolist(), strict=True)]
    if ref not in names:
        return pd.DataFrame({"label": []})
    # a few dozen rows: plain values (iterating arrow-backed text one row at a time cost more than the table)
    at = at.assign(**{c: at[c] if c in at else d for c, d in (("fx_provisional", False), ("unconfirmed", False),
                                                               ("confirmed_through", at["date"]))})
    fields = ("value", "price_1m", "currency", "fx_month", "usd_cny", "source", "fx_provisional", "unconfirmed",
              "confirmed_through")
    columns = [at[c].tolist() for c in (col, *fields[1:])]
    rows = sorted(({"label": n, **dict(zip(fields, v, strict=True))} for n, *v in zip(names, *columns, strict=True)),
                  key=lambda r: (r["value"], r["label"]))
    r0 = next(r for r in rows if r["label"] == ref)
    out = []
    for r in rows:
        value = r["value"]
        if value == 0:
            ratio, sentence = i18n.t("free", lang), i18n.t("ratio_sentence_free", lang, model=r["label"])
        elif r0["value"] == 0:
            ratio, sentence = "—", i18n.t("ratio_ref_free", lang, ref=ref)
        elif r["label"] == ref:
            ratio, sentence = "1", ""
        else:
            same = r["currency"] == r0["currency"]
            x = r["price_1m"] / r0["price_1m"] if same else value / r0["value"]
            ratio, sentence = ratio_short(x, lang), compare(r["label"], ref, x, lang)
            if not same:  # name the rate the converted one of the two went through
                converted = r0 if r["currency"] == view.currency else r
                sentence += i18n.t("ratio_at_rate_provisional" if converted["fx_provisional"] else "ratio_at_rate",
                                   lang, month=converted["fx_month"], rate=f"{converted['usd_cny']:.4f}")
        if sentence:  # a price no source confirms on the day is said to be so, the reference's too
            named = (r,) if value == 0 else (r0,) if r0["value"] == 0 else (r, r0)  # the models the sentence names
            doubtful = [x for x in named if x["unconfirmed"]]
            if doubtful:
                sep = "；" if lang == "zh" else "; "
                sentence += i18n.t("ratio_unconfirmed", lang, items=sep.join(
                    f"{x['label']} {pd.Timestamp(x['confirmed_through']):%Y-%m-%d}" for x in doubtful))
        out.append({"model": r["label"], "price": value, "ratio": ratio, "sentence": sentence, "source": r["source"],
                    # what the CSV needs to stand alone: the day, the kind and currency, the reference model
                    "date": view.at.isoformat(), "kind": view.kind, "currency": view.currency, "reference": ref})
    return pd.DataFrame(out)


# --- decline-rate trend --------------------------------------------------------------------------------------
def trend_chart(
    points: pd.DataFrame,
    result: dict | None,
    set_name: str,
    view: View,
    *,
    value: str = "usd_per_1m",
    size: Size = PAGE,
    dress: Dress = PLAIN,
    vendors: pd.DataFrame | None = None,
) -> go.Figure:
    """The cheapest price of a set over time (one point per change) and its fitted decline on a log axis,
    each named at its end; below the minimums (:func:`pricewar.trend.shortfall`) the points alone, and a
    title saying why."""
    lang = view.lang
    sep = "；" if lang == "zh" else "; "
    per_m = unit(view.currency, lang)
    names = vendor_names(vendors, lang) if vendors is not None else {}
    chosen = (("、" if lang == "zh" else ", ").join(names.get(v, v) for v in view.vendors)
              if view.vendors else "")
    # a vendor filter narrows the set: the subtitle says so (the claim checker fits the whole set)
    subtitle = sep.join([i18n.t("trend_set_of", lang, set=set_name, vendors=chosen) if chosen else set_name,
                         kind_label(view.kind, lang), per_m])
    if points.empty:
        return _empty(size, view, subtitle, dress,
                      i18n.t("empty_set", view.lang, set=set_name, kind=_kind(view),
                                  who=_who(view, vendors) if vendors is not None else ""))
    fig = Draft()
    cheap, fitted = palette.HIGHLIGHT[0], palette.HIGHLIGHT[4]
    own = [_own(s, dress.own) for s in points["source"]]
    fig.add_trace(_trace(
        "scatter", x=points["date"], y=points["price"], mode="lines+markers",
        line={"shape": "hv", "color": cheap, "width": 2.2},
        marker={"size": 8, "color": cheap, "symbol": ["circle" if o else "circle-open" for o in own],
                "line": {"color": cheap, "width": 1.5}},
        name=esc(i18n.t("trend_cheapest", lang)),
        hovertext=[f"<b>{esc(m)}</b><br>{d:%Y-%m-%d}: {esc(money(p, view.currency, lang))}<br>"
                   f"{i18n.t('hover_source', lang)}: {esc(s)}"
                   for m, d, p, s in zip(points["model"], points["date"], points["price"], points["source"],
                                         strict=True)],
        hoverinfo="text",
    ))
    t0, t1 = points["date"].min(), points["date"].max()
    prices = [p for p in points["price"] if p > 0]
    ends = [(i18n.t("trend_cheapest", lang), float(points["price"].iloc[-1]) or min(prices, default=1.0), cheap)]
    if result is not None:
        xs = pd.date_range(t0, t1, periods=20)
        years = [(x - result["start"]).days / 365.25 for x in xs]
        ys = [10 ** (result["intercept"] + result["slope"] * y) for y in years]
        fig.add_trace(_trace("scatter", x=xs, y=ys, mode="lines", line={"color": fitted, "dash": "dash", "width": 2},
                             name=esc(i18n.t("trend_fit", lang)), hoverinfo="skip", meta={"role": "fit"}))
        prices += [ys[0], ys[-1]]
        ends.append((i18n.t("trend_fit", lang), ys[-1], fitted))
    low, high = (min(prices), max(prices)) if prices else (1.0, 10.0)
    decades = math.log10(high / low)
    y_range = (math.log10(low) - 0.12 - decades * 0.04, math.log10(high) + 0.12 + decades * 0.04)
    # over a decade or more, label the decades only: plotly's default crowds 2…9 between them
    fig.update_yaxes(type="log", range=list(y_range), dtick=1 if decades >= 1 else "D2", gridcolor="#eee")
    title = findings.decline(result, points, lang)
    notes = [fx_note(points, view.currency, lang), i18n.t("trend_method", lang, n=len(points))]
    tick_texts = [money(10**e, view.currency, lang) for e in range(math.floor(y_range[0]), math.ceil(y_range[1]) + 1)]
    fr = _plan(size, view, title, subtitle, notes, cited(points),
               bool((points["currency"] != view.currency).any()), dress, natural=300,
               left=ticks_width(tick_texts, size) + 8, right=layout.label_width([e[0] for e in ends], size),
               keys=_keys(lang, hollow=not all(own)))
    date_axis(fig, t0, t1, lang, fr.plot_width)
    lo, hi = y_range
    for e in range(math.ceil(lo), math.floor(hi) + 1):  # no decade label in the corner with the first date's
        if (e - lo) / (hi - lo) * fr.plot_height < 14:
            lo = e - 14 / fr.plot_height * (hi - e) / (1 - 14 / fr.plot_height)
    y_range = (lo, hi)
    fig.update_yaxes(range=list(y_range))
    if decades >= 1:  # decades labelled in the view's currency, as on the price chart
        powers = [10.0**e for e in range(math.ceil(y_range[0]), math.floor(y_range[1]) + 1)]
        fig.update_yaxes(tickvals=powers, ticktext=[esc(money(p, view.currency, lang)) for p in powers])
    return _finish(fig, fr, size, layout.end_labels(fr, size, ends, y_range))
