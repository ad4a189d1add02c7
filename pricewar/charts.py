"""Every chart of the product, defined once: ``name → build(dataset, view, size) → Built(figure, rows)``.

The pages, their image buttons, the dashboard's zip and ``pricewar export`` all draw a chart through
:func:`build`, so a chart shows the same rows and the same picture wherever it is made; a cache keyed on
(chart name, data version, view, size) is complete by construction. ``rows`` are the rows behind the
chart, as its CSV gives them. A chart without a picture (the ratio table) has ``figure = None``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

import pandas as pd
import plotly.graph_objects as go

from pricewar import figures, history, i18n
from pricewar.figures import EXPORT, Dress
from pricewar.layout import SIZES, Size, Words
from pricewar.load import Dataset
from pricewar.normalize import on_date, price_at
from pricewar.records import model_label
from pricewar.select import (
    events_in_view,
    of_kind,
    prices_in_view,
    series_in_view,
    value_column,
    window_ends,
)
from pricewar.story import step_title, steps
from pricewar.text import Credit, credit, source_names, unit
from pricewar.trend import cheapest_over_time, members, set_name, yearly
from pricewar.view import Choices, View, view_params


@dataclass(frozen=True)
class Built:
    figure: go.Figure | None
    rows: pd.DataFrame
    fit: dict | None = None  # the decline rate's fit, which its title states
    @property
    def title(self) -> str:
        """The figure's title (its finding) as plain text, for a page title or an image's alt text."""
        if self.figure is None:
            return ""
        header = next((a.text for a in self.figure.layout.annotations if a.name == "header"), "")
        lines = []  # the title is wrapped over the header's first <b> lines; the subtitle follows
        for line in header.split("<br>"):
            if not line.startswith("<b>"):
                break
            lines.append(line.removeprefix("<b>").removesuffix("</b>"))
        text = html.unescape(" ".join(lines))
        return re.sub(r"(?<=[\u2e80-\uffff]) (?=[\u2e80-\uffff])", "", text)  # no space where Chinese wrapped


@dataclass(frozen=True)
class Chart:
    name: str
    page: str  # the page that shows it
    build: Callable[[Dataset, View, Size, Dress], Built]
    rows: Callable[[Dataset, View], pd.DataFrame] | None = None  # its rows alone, when cheaper than building


CHARTS: dict[str, Chart] = {}


def _chart(name: str, page: str, rows: Callable[[Dataset, View], pd.DataFrame] | None = None):
    def register(build: Callable[[Dataset, View, Size, Dress], Built]) -> Callable[[Dataset, View, int], Built]:
        CHARTS[name] = Chart(name, page, build, rows)
        return build
    return register


def filename(name: str, view: View) -> str:
    """``pricewar-prices-en-input-CNY-deepseek-2024-01-01_2025-03-31``: the chart and what its view shows."""
    who = "-".join(view.vendors) if view.vendors else "all"
    shown = {"ranking": f"{view.at}", "before-after": f"{view.before}_{view.after}", "ratios": f"{view.at}",
             "story": view.step, "trend": view.set, "model": view.model}.get(name, f"{view.start}_{view.end}")
    raw = f"pricewar-{name}-{view.lang}-{view.kind}-{view.currency}-{who}-{shown}"
    return re.sub(r"[^A-Za-z0-9._-]+", "-", raw)[:150]


def plot_config(name: str, view: View, size: str, fig: go.Figure | None = None) -> dict:
    """The modebar of chart ``name`` drawn for ``size`` ("page" or "phone"): its camera saves the chart as
    shown, at twice its size, named after the view."""
    height = int(fig.layout.height) if fig is not None and fig.layout.height else EXPORT["height"]
    return {
        "displayModeBar": size != "phone",  # on a phone it would sit on the headline; the buttons below stay
        "displaylogo": False,
        "responsive": True,
        "toImageButtonOptions": {"format": "png", "filename": filename(name, view), "width": EXPORT["width"],
                                 "height": height, "scale": 2},
        "modeBarButtonsToRemove": ["lasso2d", "select2d"] if name != "timeline" else ["lasso2d"],
    }


def build(name: str, data: Dataset, view: View, size: str | Size = "page", base_url: str = "") -> Built:
    """Chart ``name`` of ``view`` laid out for ``size`` (:data:`pricewar.layout.SIZES`: "page", "wide" — a
    1600×900 picture —, "square" — 1080×1080 —, "phone"); ``base_url``: the dashboard's public address,
    printed in the credit line when set."""
    size = SIZES[size] if isinstance(size, str) else size
    return CHARTS[name].build(data, view, size, dress(data, view, name, base_url))


def rows(name: str, data: Dataset, view: View) -> pd.DataFrame:
    """The rows behind chart ``name`` of ``view``, without drawing it where the chart can say them alone."""
    chart = CHARTS[name]
    return chart.rows(data, view) if chart.rows is not None else build(name, data, view).rows


DEFAULT_WORDS_CHART = "prices"


def words_for(view: View, name: str) -> Words:
    """The journalist's words for chart ``name``: the headline, subtitle and note for the one chart they
    are for (``chart=``, the price curves when unnamed; a page names its own chart when it writes them), the
    byline on every chart — it credits the journalist."""
    if view.chart == name or (not view.chart and name == DEFAULT_WORDS_CHART):
        return Words(view.headline, view.subtitle, view.note, view.byline)
    return Words(byline=view.byline)


def address(data: Dataset, view: View, name: str, base_url: str) -> str:
    """The view's public address (``base_url``, the chart's page, its parameters); "" without a base URL."""
    if not base_url:
        return ""
    page = CHARTS[name].page
    query = urlencode(view_params(view.with_(embed=False), Choices.of(data), page), doseq=True)
    return f"{base_url.rstrip('/')}/{page}" + (f"?{query}" if query else "")


def dress(data: Dataset, view: View, name: str, base_url: str = "") -> Dress:
    """What surrounds chart ``name``'s data: the credit line's parts in the reader's language (the sources'
    names, the exchange rates' source, the data's version and day, the address), the journalist's words,
    the highlight (the reader's, else the models of the view's headline events) and which sources are a
    vendor's own statement."""
    return Dress(credit=credits(data, view.lang, address(data, view, name, base_url)), words=words_for(view, name),
                 highlight=view.highlight, default=headline_models(data, view), own=own_sources(data))


def credits(data: Dataset, lang: str, where: str = "") -> Credit:
    """The parts of a credit line: every source's name (and date) in ``lang``, the exchange rates' source."""
    src = data.sources
    name_col = f"name_{lang}" if f"name_{lang}" in src.columns else f"outlet_{lang}"
    names = {i: (n, p) for i, n, p in zip(src["id"], src[name_col], src["published"], strict=True)}
    fx_ids = data.fx["source"].unique().tolist() if "source" in data.fx.columns else []
    fx = next((names[i][0] for i in fx_ids if i in names), "")
    return Credit(names=names, fx=fx, by=credit(data.release, lang), address=where)


def first_links(data: Dataset, cells) -> list[str | None]:
    """For each row's sources, the address of the first that has one (a table's link column), else ``None``."""
    urls = dict(zip(data.sources["id"].tolist(), data.sources["url"].tolist(), strict=True))
    return [next((urls[s.strip()] for s in str(cell).split(";") if urls.get(s.strip())), None) for cell in cells]


def own_sources(data: Dataset) -> frozenset[str]:
    """The sources that are a vendor's own statement (its price page, an announcement)."""
    return frozenset(data.sources.loc[data.sources["kind"] == "vendor", "id"])


def headline_models(data: Dataset, view: View) -> tuple[str, ...]:
    """The default highlight: the first model each of the view's headline events (importance 3) names, in
    date order."""
    events = events_in_view(data.events, view)
    top = events[events["importance"] >= 3].sort_values("date")
    return tuple(dict.fromkeys(cell.split(";")[0] for cell in top["models"] if cell))


CSV_COLUMNS = ("announced", "band_from", "band_to", "condition_en", "condition_zh", "confirmed", "confirmed_through",
               "days", "ends", "fx_provisional", "hours", "period", "standard", "then", "tier_stated", "tz",
               "cny_per_1m", "currency", "data_as_of", "data_version", "date", "dispute_en", "dispute_zh",
               "effective", "event", "free", "fx_month", "id", "importance", "kind", "last_source", "last_stated",
               "line", "line_output", "model", "models", "note_en", "note_zh", "own", "price", "price_1m", "quote",
               "ratio", "reference", "sentence", "series", "short_en", "short_zh", "source", "source_names",
               "summary_en", "summary_zh", "tier", "title_en", "title_zh", "type", "unit", "until", "usd_cny",
               "usd_per_1m", "vendor")
"""Every column a chart's CSV may have; its header is in the reader's language (``csv_<column>``)."""


def with_release(rows: pd.DataFrame, data: Dataset, lang: str = "en") -> pd.DataFrame:
    """A chart's rows as a CSV gives them: their sources in words, the data's version and "as of" day, the
    header in ``lang`` (English keeps the data's own column names)."""
    release = data.release
    rows = rows.drop(columns=[c for c in ("stop",) if c in rows.columns])  # the loader's own bookkeeping
    out = rows.assign(data_version=release.version if release else "",
                      data_as_of=release.as_of.isoformat() if release else "")
    if "source" in out.columns:
        names = credits(data, lang)
        out["source_names"] = [source_names(names, cell) for cell in out["source"].tolist()]
    return out.rename(columns={c: i18n.t(f"csv_{c}", lang) for c in out.columns if c in CSV_COLUMNS})


def csv_bytes(rows: pd.DataFrame, data: Dataset, lang: str = "en") -> bytes:
    """A table's rows as the CSV file a reader downloads (:func:`with_release`): UTF-8 with a byte-order mark,
    which spreadsheet programs need to read Chinese."""
    out = with_release(rows.drop(columns=["series"], errors="ignore"), data, lang)
    return out.to_csv(index=False, date_format="%Y-%m-%d").encode("utf-8-sig")


def _stated_prices(data: Dataset, view: View) -> pd.DataFrame:
    return prices_in_view(data.normalized, view)


# --- the charts, in the order of the pages --------------------------------------------------------------
@_chart("timeline", "timeline")
def _timeline(data: Dataset, view: View, size: Size, dress: Dress) -> Built:
    events = events_in_view(data.events, view)
    fig = figures.timeline(events, data.vendors, view, selected=view.event, size=size, dress=dress)
    return Built(fig, events.drop(columns=["line"]))


@_chart("prices", "prices", rows=_stated_prices)
def _prices(data: Dataset, view: View, size: Size, dress: Dress) -> Built:
    fig = figures.price_curves(series_in_view(data.series, view), data.vendors, events_in_view(data.events, view),
                               view, size=size, dress=dress)
    return Built(fig, _stated_prices(data, view))


def story_step(data: Dataset, view: View, story: pd.DataFrame | None = None) -> tuple[int, int, pd.Series] | None:
    """(position from 1, number of steps, the step's event) of the view's story step; the first step when
    the view names none or one the story lacks; ``None`` when the data has no story. ``story``: the data's
    :func:`pricewar.story.steps`, when the caller keeps them."""
    story = steps(data.events) if story is None else story
    if story.empty:
        return None
    ids = list(story["id"])
    i = ids.index(view.step) if view.step in ids else 0
    return i + 1, len(ids), story.iloc[i]


@_chart("story", "story")
def _story(data: Dataset, view: View, size: Size, dress: Dress) -> Built:
    step = story_step(data, view)
    if step is None:
        return Built(None, data.event_sources.iloc[0:0])
    number, total, event = step
    day = event["date"].date()
    # the step's own subject is always in the chart: its vendor's models though a filter leaves them out
    vendors = tuple(sorted({*view.vendors, event["vendor"]} - {""})) if view.vendors else ()
    window = view.with_(start=min(view.start, day), end=max(view.end, day), vendors=vendors)
    models = tuple(m for m in event["models"].split(";") if m)
    series = series_in_view(data.series, window)
    notes = []
    if models and not series["model"].isin(models).any():  # a consumer product, an open release: say so
        names = dict(zip(data.vendors["id"], data.vendors[f"name_{view.lang}"], strict=True))
        notes.append(i18n.t("story_no_api_price", view.lang, models="、".join(models) if view.lang == "zh"
                            else ", ".join(models), vendor=names.get(event["vendor"], event["vendor"])))
    fig = figures.price_curves(series, data.vendors, events_in_view(data.events, window), window, size=size,
                               dress=dress, title=step_title(event, view.lang, number, total),
                               focus=(models, event["vendor"]), moment=event, notes=notes)
    return Built(fig, data.event_sources[data.event_sources["event"] == event["id"]])


def model_of(data: Dataset, view: View) -> str:
    """The view's model, else the model page's default."""
    return view.model if view.model in set(data.prices["model"].tolist()) else history.default_model(data)


def _model_rows(data: Dataset, view: View) -> pd.DataFrame:
    return history.history(data, model_of(data, view))


@_chart("model", "model", rows=_model_rows)
def _model(data: Dataset, view: View, size: Size, dress: Dress) -> Built:
    """One model's every kind and tier over its whole life in the data, its events labelled."""
    model, lang = model_of(data, view), view.lang
    series = history.chart_series(data, model, lang)
    vendors = history.vendors_of(data, model)
    start = series["date"].min().date() if len(series) else view.start
    window = view.with_(start=min(start, data.last.date()), end=data.last.date(), vendors=vendors)
    title = i18n.t("model_title", lang, model=model, vendor=history.vendor_words(data, model, lang))
    subtitle = i18n.t("model_subtitle", lang, start=window.start.isoformat(), end=window.end.isoformat(),
                      unit=unit(view.currency, lang))
    fig = figures.price_curves(series, data.vendors, history.naming(data, model), window, size=size, dress=dress,
                               title=title, subtitle=subtitle, focus=((), vendors[0] if vendors else ""))
    return Built(fig, _model_rows(data, view))


def on_day(data: Dataset, view: View) -> pd.DataFrame:
    """The price of every model of the view's kind and vendors in effect on the comparison date, each
    converted at that date's month (the money rule for a comparison on a date)."""
    return on_date(price_at(of_kind(data.series, view), view.at), view.at, data.fx)


@_chart("ranking", "compare")
def _ranking(data: Dataset, view: View, size: Size, dress: Dress) -> Built:
    rows = on_day(data, view)
    return Built(figures.ranking(rows, data.vendors, view, size=size, dress=dress), rows)


@_chart("before-after", "compare")
def _before_after(data: Dataset, view: View, size: Size, dress: Dress) -> Built:
    before, after = window_ends(of_kind(data.series, view), view.before, view.after)
    # both ends at the end date's month: an unchanged price stays in place in either currency view
    before, after = on_date(before, view.after, data.fx), on_date(after, view.after, data.fx)
    return Built(figures.dumbbell(before, after, data.vendors, view, size=size, dress=dress),
                 pd.concat([before, after]))


def reference(data: Dataset, view: View, rows: pd.DataFrame | None = None) -> str:
    """The ratio table's reference model: the view's when it has a price that day, else the dearest
    (``rows``: :func:`on_day` of the view, when the caller has it already)."""
    rows = on_day(data, view) if rows is None else rows
    labels = [model_label(m, t) for m, t in zip(rows["model"].tolist(), rows["tier"].tolist(), strict=True)]
    if view.ref in labels:
        return view.ref
    if not labels:
        return ""
    return labels[int(rows[value_column(view.currency)].to_numpy().argmax())]


@_chart("ratios", "compare")
def _ratios(data: Dataset, view: View, size: Size, dress: Dress) -> Built:
    rows = on_day(data, view)
    return Built(None, figures.ratio_table(rows, reference(data, view, rows), view))


def decline(data: Dataset, view: View) -> tuple[pd.DataFrame, dict | None]:
    """(the cheapest price over time of the view's set, its yearly decline — ``None`` below the minimums of
    :func:`pricewar.trend.shortfall`) in the view's kind and currency."""
    points = cheapest_over_time(of_kind(members(data, view.set), view), value_column(view.currency))
    return points, yearly(points)


@_chart("trend", "trend")
def _trend(data: Dataset, view: View, size: Size, dress: Dress) -> Built:
    points, result = decline(data, view)
    fig = figures.trend_chart(points, result, set_name(data, view.set, view.lang), view,
                              value=value_column(view.currency), size=size, dress=dress,
                              vendors=data.vendors)
    return Built(fig, points, result)
