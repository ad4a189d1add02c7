"""Plotly figure builders: tidy frames and a few options in, ``go.Figure`` out. No I/O, no Streamlit.

Every figure carries, inside it, what a screenshot needs: a title stating the finding, a subtitle with the
filters in words, a source line and, when prices were converted, the exchange rates used. Text from the
data files is escaped (:func:`pricewar.safe.plot_text`) before it enters a figure.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from pricewar import findings, i18n, schema
from pricewar.records import model_label
from pricewar.safe import plot_text as esc
from pricewar.select import value_column
from pricewar.text import (
    compare,
    filters_in_words,
    fx_note,
    kind_label,
    money,
    ratio_short,
    source_line,
    text_width,
    unit,
    vendor_names,
    wrap,
)
from pricewar.view import View

FONT = "Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, Arial, sans-serif"
EXPORT = {"width": 800, "height": 450, "scale": 2}  # the modebar camera: 1600 × 900 pixels
EVENT_SYMBOLS = {
    "launch": "circle",
    "price_cut": "triangle-down",
    "free": "star",
    "promo_start": "diamond",
    "promo_end": "diamond-open",
    "price_restore": "triangle-up",
    "price_rise": "triangle-up-open",
    "consumer": "square",
    "open_source": "hexagon",
    "claim": "x",
    "market": "cross",
}
GREY = "#6b6b6b"
DATE_TICKS = {"zh": "%Y-%m", "en": "%b %Y"}  # plotly names months in English only
DAY_TICKS = {"zh": "%Y-%m-%d", "en": "%d %b %Y"}


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


# --- shared frame --------------------------------------------------------------------------------------
def frame(
    fig: Draft,
    title: str,
    subtitle: str,
    notes: Sequence[str],
    *,
    extra_top: int = 0,
    height: int = 600,
    width_px: int = 900,
    left_px: int | None = None,
) -> go.Figure:
    """The shared look, and a header that a screenshot keeps: the title (the finding), the subtitle (the
    filters in words) and small grey notes (source line, exchange rates), each wrapped to the figure's
    width. The header sits above the plot, from the figure's left edge, so that no legend or axis label,
    however long, runs into it. ``left_px`` is the left margin (the builder sizes it to its labels)."""
    compact = width_px < 600
    left = left_px if left_px is not None else 62
    room = width_px - 24
    t_size = 15 if compact else 18
    lines = [f"<b>{esc(line)}</b>" for line in wrap(title, t_size, room)]
    lines += [f"<span style='font-size:12px;color:{GREY}'>{esc(line)}</span>" for line in wrap(subtitle, 12, room)]
    for note in (n for n in notes if n):
        lines += [f"<span style='font-size:11px;color:{GREY}'>{esc(line)}</span>" for line in wrap(note, 11, room)]
    header_px = int(len(lines) * t_size * 1.32) + 8  # plotly spaces each line by the annotation's font size
    fig.add_annotation(
        text="<br>".join(lines),
        xref="paper",
        yref="paper",
        x=0,
        y=1,
        xanchor="left",
        yanchor="bottom",
        xshift=-(left - 8),
        yshift=extra_top,
        align="left",
        showarrow=False,
        font={"size": t_size},
        name="header",
    )
    legend = {
        "orientation": "h",
        "x": 0,
        "xanchor": "left",
        "y": -0.08,
        "yanchor": "top",
        "font": {"size": 10 if compact else 11},
    }
    if compact:
        legend |= {"entrywidth": 0.5, "entrywidthmode": "fraction"}
    fig.update_layout(
        template=TEMPLATE,
        height=height + extra_top,
        font={"family": FONT, "size": 13, "color": "#222"},
        margin={"l": left, "r": 12 if compact else 24, "t": header_px + extra_top + (36 if compact else 10), "b": 40},
        legend=legend,
        hoverlabel={"font": {"family": FONT}},
    )
    fig.update_yaxes(automargin=False)
    if compact:
        fig.update_xaxes(nticks=4)
    return fig.figure()


def date_axis(fig: Draft, start: pd.Timestamp, end: pd.Timestamp, lang: str, width_px: int, **extra) -> None:
    """A date x axis on which no label appears twice: whole-month steps labelled by month over two months or
    more (as many as fit the width), days labelled by day below that."""
    days = (end - start).days
    if days >= 62:
        room = max(2, width_px // 85)
        months = days / 30.44
        step = next((s for s in (1, 2, 3, 6, 12, 24, 60) if months / s <= room), 120)
        fig.update_xaxes(tickformat=DATE_TICKS[lang], dtick=f"M{step}", gridcolor="#eee", **extra)
        return
    if days < 14:  # a few days: pad, so that plotly never steps in hours under day labels
        pad = pd.Timedelta(days=7)
        extra = {**extra, "range": [start - pad, end + pad]}
    fig.update_xaxes(tickformat=DAY_TICKS[lang], gridcolor="#eee", **extra)


def _log_axis_with_free(
    fig: Draft, axis: str, floor: float, top: float, view: View, *, free_shown: bool, pad_hi: float = 0.25
) -> None:
    """A log price axis with decade ticks in the view's currency and, when a free price is shown, a
    labelled 'free' tick at the floor where free prices are drawn (a log axis cannot draw 0)."""
    lang = view.lang
    lo, hi = math.log10(floor) - 0.25, math.log10(max(top, floor * 10)) + pad_hi
    ticks = [10**e for e in range(math.ceil(lo), math.floor(hi) + 1) if 10**e > floor * 1.5]
    tickvals = ([floor] if free_shown else []) + ticks
    ticktext = ([f"<b>{esc(i18n.t('free', lang))}</b>"] if free_shown else []) + [
        esc(money(t, view.currency, lang)) for t in ticks
    ]
    per_m = unit(view.currency, lang)
    update = fig.update_yaxes if axis == "y" else fig.update_xaxes
    update(
        type="log", range=[lo, hi], tickvals=tickvals, ticktext=ticktext, title={"text": esc(per_m)}, gridcolor="#eee"
    )


# --- price curves ----------------------------------------------------------------------------------------
def _style(vendors: pd.DataFrame) -> dict[str, dict]:
    return {r.id: {"color": r.color, "dash": r.dash, "marker": r.marker} for r in vendors.itertuples()}


def free_floor(values: pd.Series) -> tuple[float, float]:
    """Where 'free' is drawn on a log axis: half a decade below the lowest price shown (and that price)."""
    positive = values[values > 0]
    low = float(positive.min()) if len(positive) else 1.0
    return 10 ** (math.floor(math.log10(low) * 2) / 2 - 0.5), low


def place_labels(items: Sequence[tuple[float, float]], rows: int, gap: float = 6) -> list[int | None]:
    """Greedy rows for labels given as (left, right) pixel extents: a label goes into the first row where
    it overlaps no other label (with ``gap`` between); ``None`` when no row has room. ``items`` are in
    order of priority."""
    taken: list[list[tuple[float, float]]] = [[] for _ in range(rows)]
    out: list[int | None] = []
    for lo, hi in items:
        for r in range(rows):
            if all(hi + gap <= a or lo - gap >= b for a, b in taken[r]):
                taken[r].append((lo, hi))
                out.append(r)
                break
        else:
            out.append(None)
    return out


def label_extent(centre: float, width: float, plot_width: float) -> tuple[float, float, str]:
    """Where a label centred on ``centre`` goes without leaving the plot: (left, right, xanchor)."""
    if centre - width / 2 < 0:
        return centre, centre + width, "left"
    if centre + width / 2 > plot_width:
        return centre - width, centre, "right"
    return centre - width / 2, centre + width / 2, "center"


def price_curves(
    series: pd.DataFrame,
    vendors: pd.DataFrame,
    events: pd.DataFrame,
    view: View,
    *,
    width_px: int = 900, credit: str = "pricewar",
    label_rows: int = 3,
    title: str | None = None,
) -> go.Figure:
    """One step line per model (vendor colour and dash), log y, free on a labelled floor, disputed change
    points ringed, key events labelled above the plot in rows that never overlap."""
    lang, col = view.lang, value_column(view.currency)
    style = _style(vendors)
    names = vendor_names(vendors, lang)
    start, end = pd.Timestamp(view.start), pd.Timestamp(view.end)
    fig = Draft()
    if series.empty:
        return frame(
            fig, i18n.t("nothing_selected", lang), filters_in_words(view, vendors, lang), [credit], width_px=width_px
        )
    floor, _ = free_floor(series[col])
    traces = []
    # one pass over plain lists: per-model pandas selections cost ~0.5 ms each, dozens of times
    dispute = schema.in_lang("dispute", lang)
    columns = ("vendor", "model", "tier", "date", col, "source", dispute, "until")
    records = list(zip(*(series[c].tolist() for c in columns), strict=True))
    groups: dict[tuple, list[tuple]] = {}
    for r in records:
        groups.setdefault(r[:3], []).append(r)
    for (vendor, model, tier), rows in groups.items():
        rows.sort(key=lambda r: r[3])
        label = model_label(model, tier)
        x = [max(r[3], start) for r in rows]
        y = [r[4] if r[4] > 0 else floor for r in rows]
        last_until = rows[-1][7]
        x_end = end if pd.isna(last_until) or last_until > end else last_until
        x.append(x_end)
        y.append(y[-1])
        hover = [
            f"<b>{esc(label)}</b> · {esc(names.get(vendor, vendor))}<br>{d:%Y-%m-%d}: "
            f"{esc(money(v, view.currency, lang))} {i18n.t('per_million', lang) if v > 0 else ''}<br>"
            f"{i18n.t('hover_source', lang)}: {esc(s)}"
            + (f"<br>⚠ {i18n.t('disputed', lang)}: {esc(dp[:120])}" if dp else "")
            for _, _, _, d, v, s, dp, _ in rows
        ]
        hover.append(hover[-1])
        st = style.get(vendor, {"color": GREY, "dash": "solid", "marker": "circle"})
        traces.append(
            {
                "type": "scatter",
                "x": x,
                "y": y,
                "mode": "lines+markers",
                "line": {"shape": "hv", "color": st["color"], "dash": st["dash"], "width": 2},
                "marker": {"symbol": st["marker"], "size": [7] * (len(x) - 1) + [0], "color": st["color"]},
                "name": esc(label),
                "hovertext": hover,
                "hoverinfo": "text",
                "meta": {"vendor": vendor, "model": model, "tier": tier},
            }
        )
    disputed = series[series[dispute].fillna("") != ""]
    if not disputed.empty:
        traces.append(
            {
                "type": "scatter",
                "x": [max(d, start) for d in disputed["date"]],
                "y": [v if v > 0 else floor for v in disputed[col]],
                "mode": "markers",
                "name": esc(i18n.t("disputed", lang)),
                "marker": {"symbol": "circle-open", "size": 16, "color": "#D55E00", "line": {"width": 2}},
                "hovertext": [
                    f"⚠ {esc(model_label(m, t))}: {esc(d[:200])}"
                    for m, t, d in zip(disputed["model"], disputed["tier"], disputed[dispute], strict=True)
                ],
                "hoverinfo": "text",
                "meta": {"role": "disputed"},
            }
        )
    fig.add_traces(traces)
    # free floor
    if (series[col] == 0).any():
        fig.update_layout(
            shapes=[
                {
                    "type": "line",
                    "xref": "paper",
                    "yref": "y",
                    "x0": 0,
                    "x1": 1,
                    "y0": floor,
                    "y1": floor,
                    "line": {"color": GREY, "dash": "dot", "width": 1},
                }
            ]
        )
    top_value = float(series[col].max()) if (series[col] > 0).any() else 1.0
    _log_axis_with_free(fig, "y", floor, top_value, view, free_shown=(series[col] == 0).any())
    date_axis(fig, start, end, lang, width_px, range=[start, end])
    # key events above the plot
    placed = _event_labels(fig, events, view, width_px, label_rows)
    # title: the finding
    kind = kind_label(view.kind, lang) if lang == "zh" else kind_label(view.kind, lang).lower()
    finding = findings.curves(series, col, start, end, kind, view.currency, lang)
    title = title or finding
    rows_used = max([r for r in placed if r is not None], default=-1) + 1
    return frame(
        fig,
        title,
        filters_in_words(view, vendors, lang),
        [source_line(series, lang, by=credit), fx_note(series, view.currency, lang)],
        extra_top=20 * rows_used + 6,
        height=820 if width_px < 600 else 640,
        width_px=width_px,
    )


def _event_labels(fig: Draft, events: pd.DataFrame, view: View, width_px: int, rows: int) -> list:
    """The most important events as labels above the plot, in rows where no two overlap and none leaves the
    plot, each with a dotted line down to its date. Labels that find no room are left out."""
    if events.empty:
        return []
    lang = view.lang
    start, end = pd.Timestamp(view.start), pd.Timestamp(view.end)
    span = max((end - start).days, 1)
    plot_width = width_px - 80
    chosen = events[events["importance"] >= 2].sort_values(["importance", "date"], ascending=[False, True])
    texts, items = [], []
    for ev in chosen.itertuples():
        short = ev.models.split(";")[0] if ev.models else (ev.title_zh if lang == "zh" else ev.title_en)[:18]
        text = f"{short} · {i18n.t('type_' + ev.type, lang)}"
        lo, hi, anchor = label_extent((ev.date - start).days / span * plot_width, text_width(text) + 8, plot_width)
        texts.append((ev, text, anchor))
        items.append((lo, hi))
    placed = place_labels(items, rows)
    shapes, notes = [], []  # added in one go: plotly's add_vline / add_annotation copy the layout each call
    for (ev, text, anchor), row in zip(texts, placed, strict=True):
        if row is None:
            continue
        shapes.append(
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": ev.date,
                "x1": ev.date,
                "y0": 0,
                "y1": 1,
                "line": {"color": "#bbb", "dash": "dot", "width": 1},
                "layer": "below",
            }
        )
        notes.append(
            {
                "x": ev.date,
                "xref": "x",
                "y": 1.0,
                "yref": "paper",
                "yanchor": "bottom",
                "xanchor": anchor,
                "yshift": 4 + 20 * row,
                "text": esc(text),
                "showarrow": False,
                "font": {"size": 11, "color": "#333"},
                "bgcolor": "rgba(255,255,255,0.85)",
                "name": f"event:{ev.id}",
            }
        )
    fig.update_layout(
        shapes=[*fig.layout.get("shapes", []), *shapes], annotations=[*fig.layout.get("annotations", []), *notes]
    )
    return placed


# --- timeline ------------------------------------------------------------------------------------------------
def timeline(
    events: pd.DataFrame, vendors: pd.DataFrame, view: View, selected: str = "", *, width_px: int = 900,
    credit: str = "pricewar",
) -> go.Figure:
    """Events on a date axis, one lane per vendor (vendor colour), marker shape by type."""
    lang = view.lang
    names = vendor_names(vendors, lang)
    style = _style(vendors)
    fig = Draft()
    if events.empty:
        return frame(
            fig, i18n.t("nothing_selected", lang), filters_in_words(view, vendors, lang), [credit], width_px=width_px
        )
    lane_of = {v: names.get(v, v) for v in events["vendor"] if v}
    market = i18n.t("lane_market", lang)
    country = dict(zip(vendors["id"], vendors["country"], strict=True))
    first_date: dict = {}
    for v, d in zip(events["vendor"].tolist(), events["date"].tolist(), strict=True):
        first_date[v] = min(d, first_date.get(v, d))
    order = list(dict.fromkeys(sorted(lane_of, key=lambda v: (country.get(v, "ZZ"), first_date[v]))))
    lanes = [lane_of[v] for v in order] + ([market] if (events["vendor"] == "").any() else [])
    title_col = f"title_{lang}"
    for vendor, rows in events.groupby("vendor", sort=False):
        color = style.get(vendor, {"color": GREY})["color"] if vendor else GREY
        lane = lane_of.get(vendor, market)
        fig.add_trace(
            _trace(
                "scatter",
                x=rows["date"],
                y=[lane] * len(rows),
                mode="markers",
                name=esc(lane),
                showlegend=False,
                marker={
                    "symbol": [EVENT_SYMBOLS.get(t, "circle") for t in rows["type"]],
                    "size": [10 + 4 * i for i in rows["importance"]],
                    "color": color,
                    "line": {
                        "width": [3 if e == selected else 1 for e in rows["id"]],
                        "color": ["#000" if e == selected else "white" for e in rows["id"]],
                    },
                },
                customdata=rows["id"],
                hoverinfo="text",
                hovertext=[
                    f"<b>{esc(t)}</b><br>{d:%Y-%m-%d} · {esc(i18n.t('type_' + ty, lang))}<br>"
                    f"{i18n.t('hover_source', lang)}: {esc(s)}"
                    for t, d, ty, s in zip(rows[title_col], rows["date"], rows["type"], rows["source"], strict=True)
                ],
            )
        )
    for etype in [t for t in EVENT_SYMBOLS if t in set(events["type"])]:  # the legend of shapes
        fig.add_trace(
            _trace(
                "scatter",
                x=[None],
                y=[None],
                mode="markers",
                name=esc(i18n.t("type_" + etype, lang)),
                marker={"symbol": EVENT_SYMBOLS[etype], "size": 11, "color": GREY},
                hoverinfo="skip",
                meta={"role": "legend"},
            )
        )
    fig.update_yaxes(categoryorder="array", categoryarray=lanes[::-1], gridcolor="#eee")
    lo, hi = pd.Timestamp(view.start) - pd.Timedelta(days=7), pd.Timestamp(view.end) + pd.Timedelta(days=7)
    date_axis(fig, lo, hi, lang, width_px, range=[lo, hi])
    title = i18n.t(
        "title_timeline",
        lang,
        n=len(events),
        start=f"{events.date.min():%Y-%m-%d}",
        end=f"{events.date.max():%Y-%m-%d}",
    )
    return frame(
        fig,
        title,
        filters_in_words(view, vendors, lang, prices=False),
        [source_line(events, lang, by=credit)],
        height=max(420, (44 if width_px < 600 else 60) * len(lanes) + 220),
        width_px=width_px,
        left_px=int(max(text_width(lane, 13) for lane in lanes)) + 18,
    )


# --- comparison ----------------------------------------------------------------------------------------------
def ranking(
    at: pd.DataFrame, vendors: pd.DataFrame, view: View, *, width_px: int = 900, credit: str = "pricewar"
) -> go.Figure:
    """Every model's price on a date, as a sorted horizontal bar chart on a log axis (free on a floor)."""
    lang, col = view.lang, value_column(view.currency)
    style = _style(vendors)
    fig = Draft()
    if at.empty:
        return frame(
            fig, i18n.t("nothing_selected", lang), filters_in_words(view, vendors, lang), [credit], width_px=width_px
        )
    rows = at.assign(label=[model_label(m, t) for m, t in zip(at["model"], at["tier"], strict=True)])
    rows = rows.sort_values(col, ascending=False)
    floor, _ = free_floor(rows[col])
    values = [v if v > 0 else floor for v in rows[col]]
    patterns = {"solid": "", "dash": "/", "dot": ".", "dashdot": "x", "longdash": "-"}
    fig.add_trace(
        _trace(
            "bar",
            x=values,
            y=[esc(lbl) for lbl in rows["label"]],
            orientation="h",
            base=floor / 3,
            marker={
                "color": [style.get(v, {"color": GREY})["color"] for v in rows["vendor"]],
                "pattern": {
                    "shape": [patterns.get(style.get(v, {}).get("dash", "solid"), "") for v in rows["vendor"]],
                    "fgcolor": "white",
                    "size": 6,
                },
            },
            text=[esc(money(v, view.currency, lang)) for v in rows[col]],
            textposition="outside",
            cliponaxis=False,
            hovertext=[
                f"<b>{esc(lbl)}</b><br>{esc(money(v, view.currency, lang))}<br>{i18n.t('hover_source', lang)}: {esc(s)}"
                for lbl, v, s in zip(rows["label"], rows[col], rows["source"], strict=True)
            ],
            hoverinfo="text",
            showlegend=False,
        )
    )
    top = max(values)
    _log_axis_with_free(fig, "x", floor, top, view, free_shown=(rows[col] == 0).any(), pad_hi=0.6)
    title = findings.ranking(rows, col, view.at.isoformat(), view.currency, lang)
    return frame(
        fig,
        title,
        filters_in_words(view, vendors, lang, dates=False),
        [source_line(rows, lang, by=credit), fx_note(rows, view.currency, lang)],
        height=max(420, 28 * len(rows) + 200),
        width_px=width_px,
        left_px=int(max(text_width(label, 13) for label in rows["label"])) + 18,
    )


def dumbbell(
    before: pd.DataFrame, after: pd.DataFrame, vendors: pd.DataFrame, view: View, *, width_px: int = 900,
    credit: str = "pricewar",
) -> go.Figure:
    """Before → after for every model of the window: the change in % from its price on the window's first
    day to its price on the last. A model first priced inside the window is drawn as one point (its price
    at the end) marked "new", one no longer priced at the end as one point marked "gone" — neither is
    counted as a change, never as 0%."""
    lang, col = view.lang, value_column(view.currency)
    style = _style(vendors)
    key = ["vendor", "model", "tier"]
    start, end = pd.Timestamp(view.before), pd.Timestamp(view.after)
    fig = Draft()
    if before.empty:
        return frame(
            fig, i18n.t("nothing_selected", lang), filters_in_words(view, vendors, lang), [credit], width_px=width_px
        )
    # a few dozen rows, read element by element below: joined as plain Python values (a pandas join of the
    # arrow-backed text columns cost more than the rest of the chart)
    cols = (col, "price_1m", "currency", "source", "date", "until")

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
    labels = [esc(model_label(m, t)) for m, t in zip(both["model"], both["tier"], strict=True)]
    # a model first priced inside the window keeps its first price when it changed later (a dotted segment,
    # not counted): Qwen-Long's May 2024 cut stays visible though its price is known only from 2024-05-20
    moved = (both["date_a"] != both["date_b"]).tolist()
    shown_a = [v if st != "new" or m else None
               for v, st, m in zip(both[f"{col}_a"], both["state"], moved, strict=True)]
    shown_b = [v if st != "gone" else None for v, st in zip(both[f"{col}_b"], both["state"], strict=True)]
    values = pd.Series([v for v in shown_a + shown_b if v is not None], dtype="float64")
    floor, _ = free_floor(values)
    a = [None if v is None else v if v > 0 else floor for v in shown_a]
    b = [None if v is None else v if v > 0 else floor for v in shown_b]
    colors = [style.get(v, {"color": GREY})["color"] for v in both["vendor"]]
    segments: dict[tuple[str, bool], tuple[list, list]] = {}  # a trace per colour and style, split by gaps
    for lbl, va, vb, color, st in zip(labels, a, b, colors, both["state"], strict=True):
        if va is None or vb is None:
            continue
        xs, ys = segments.setdefault((color, st == "new"), ([], []))
        xs += [va, vb, None]
        ys += [lbl, lbl, None]
    for (color, later), (xs, ys) in segments.items():
        fig.add_trace(_trace("scatter", x=xs, y=ys, mode="lines", showlegend=False, hoverinfo="skip",
                             line={"color": color, "width": 2 if later else 3, "dash": "dot" if later else "solid"}))
    text = []
    for st, c, first, m in zip(both["state"], both["change"], both["date_a"], moved, strict=True):
        if st == "new":  # "from 05-20", or "from 05-20: −98%" (the year only when it is not the window's)
            day = first.date()
            shown = day.isoformat()[5:] if day.year == view.before.year else day.isoformat()
            since = i18n.t("new_from", lang, date=shown)
            text.append(since + (("：" if lang == "zh" else ": ") + findings.change_text(c, lang) if m else ""))
        else:
            text.append(i18n.t("gone_in_window", lang) if st == "gone" else findings.change_text(c, lang))
    fig.add_trace(
        _trace(
            "scatter",
            x=a,
            y=labels,
            mode="markers",
            name=view.before.isoformat(),  # a model first priced later says so in its label: "from 05-20"
            marker={"size": 10, "color": "white", "line": {"color": colors, "width": 2}},
            hoverinfo="skip",
        )
    )
    fig.add_trace(
        _trace(
            "scatter",
            x=b,
            y=labels,
            mode="markers",
            name=view.after.isoformat(),
            marker={"size": 10, "color": colors},
            hovertext=[
                f"{lbl}: {esc(money(x, view.currency, lang)) if va is not None else '—'} → "
                f"{esc(money(y, view.currency, lang)) if vb is not None else '—'} ({esc(t)})"
                for lbl, x, y, t, va, vb in zip(labels, both[f"{col}_a"], both[f"{col}_b"], text, a, b, strict=True)
            ],
            hoverinfo="text",
        )
    )
    # each label right of the row's rightmost point: never over the model names or the free floor
    fig.add_trace(
        _trace(
            "scatter",
            x=[max(v for v in (va, vb) if v is not None) for va, vb in zip(a, b, strict=True)],
            y=labels,
            mode="text",
            text=["\u2002" + esc(t) for t in text],  # an en space clear of the marker
            textposition="middle right",
            cliponaxis=False,
            showlegend=False,
            hoverinfo="skip",
        )
    )
    # plotly orders categories by first appearance across traces: fix it — the biggest cut on top
    fig.update_yaxes(categoryorder="array", categoryarray=labels)
    drawn = [v for v in a + b if v is not None]
    room = max(text_width(t, 12) for t in text) / max(width_px - 200, 100) * 3  # decades the labels need
    _log_axis_with_free(fig, "x", floor, max(drawn), view, free_shown=min(drawn) == floor,
                        pad_hi=min(max(0.4, room), 1.5))
    counted = both[both["state"] == "both"]
    title = findings.before_after(counted, int(is_new.sum()), int((both["state"] == "gone").sum()),
                                  view.before.isoformat(), view.after.isoformat(), lang)
    sources = pd.DataFrame({"source": list(both["source_a"]) + list(both["source_b"])})
    return frame(
        fig,
        title,
        filters_in_words(view, vendors, lang, dates=False),
        [source_line(sources, lang, by=credit), fx_note(after, view.currency, lang)],
        height=max(420, 30 * len(both) + 200),
        width_px=width_px,
        left_px=int(max(text_width(label, 13) for label in labels)) + 18,
    )


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
    fields = ("value", "price_1m", "currency", "fx_month", "usd_cny", "source")
    columns = [at[c].tolist() for c in (col, "price_1m", "currency", "fx_month", "usd_cny", "source")]
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
                sentence += i18n.t("ratio_at_rate", lang, month=converted["fx_month"],
                                   rate=f"{converted['usd_cny']:.4f}")
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
    width_px: int = 900, credit: str = "pricewar",
    vendors: pd.DataFrame | None = None,
) -> go.Figure:
    """The cheapest price of a set over time (one point per change) and its fitted decline on a log axis;
    below the minimums (:func:`pricewar.trend.shortfall`) the points alone, and a title saying why."""
    lang = view.lang
    fig = Draft()
    sep = "；" if lang == "zh" else "; "
    per_m = unit(view.currency, lang)
    names = vendor_names(vendors, lang) if vendors is not None else {}
    chosen = (("、" if lang == "zh" else ", ").join(names.get(v, v) for v in view.vendors)
              if view.vendors else "")
    # a vendor filter narrows the set: the subtitle says so (the claim checker fits the whole set)
    subtitle = sep.join([i18n.t("trend_set_of", lang, set=set_name, vendors=chosen) if chosen else set_name,
                         kind_label(view.kind, lang), per_m])
    if points.empty:
        return frame(fig, i18n.t("nothing_selected", lang), subtitle, [credit], width_px=width_px)
    fig.add_trace(
        _trace(
            "scatter",
            x=points["date"],
            y=points["price"],
            mode="lines+markers",
            line={"shape": "hv", "color": "#0072B2"},
            marker={"size": 9, "color": "#0072B2"},
            name=esc(i18n.t("trend_cheapest", lang)),
            hovertext=[
                f"<b>{esc(m)}</b><br>{d:%Y-%m-%d}: {esc(money(p, view.currency, lang))}<br>"
                f"{i18n.t('hover_source', lang)}: {esc(s)}"
                for m, d, p, s in zip(points["model"], points["date"], points["price"], points["source"], strict=True)
            ],
            hoverinfo="text",
        )
    )
    t0, t1 = points["date"].min(), points["date"].max()
    if result is not None:
        xs = pd.date_range(t0, t1, periods=20)
        years = [(x - result["start"]).days / 365.25 for x in xs]
        fig.add_trace(
            _trace(
                "scatter",
                x=xs,
                y=[10 ** (result["intercept"] + result["slope"] * y) for y in years],
                mode="lines",
                line={"color": "#D55E00", "dash": "dash", "width": 2},
                name=esc(i18n.t("trend_fit", lang)),
                hoverinfo="skip",
                meta={"role": "fit"},
            )
        )
    positive = points["price"][points["price"] > 0]
    decades = math.log10(positive.max() / positive.min()) if len(positive) else 0
    fig.update_yaxes(
        type="log",
        # over a decade or more, label the decades only: plotly's default crowds 2…9 between them
        dtick=1 if decades >= 1 else "D2",
        title={"text": esc(unit(view.currency, lang))},
        gridcolor="#eee",
    )
    date_axis(fig, t0, t1, lang, width_px)
    title = findings.decline(result, points, lang)
    notes = [source_line(points, lang, by=credit), fx_note(points, view.currency, lang),
             i18n.t("trend_method", lang, n=len(points))]
    return frame(fig, title, subtitle, notes, width_px=width_px)
