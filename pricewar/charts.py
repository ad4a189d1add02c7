"""Every chart of the product, defined once: ``name → build(dataset, view, width) → Built(figure, rows)``.

The pages, their image buttons, the dashboard's zip and ``pricewar export`` all draw a chart through
:func:`build`, so a chart shows the same rows and the same picture wherever it is made; a cache keyed on
(chart name, data version, view, width) is complete by construction. ``rows`` are the rows behind the
chart, as its CSV gives them. A chart without a picture (the ratio table) has ``figure = None``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from pricewar import figures
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
from pricewar.story import highlight, step_title, steps
from pricewar.text import credit
from pricewar.trend import cheapest_over_time, members, set_name, yearly
from pricewar.view import View


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
    build: Callable[[Dataset, View, int], Built]
    rows: Callable[[Dataset, View], pd.DataFrame] | None = None  # its rows alone, when cheaper than building


CHARTS: dict[str, Chart] = {}


def _chart(name: str, page: str, rows: Callable[[Dataset, View], pd.DataFrame] | None = None):
    def register(build: Callable[[Dataset, View, int], Built]) -> Callable[[Dataset, View, int], Built]:
        CHARTS[name] = Chart(name, page, build, rows)
        return build
    return register


def build(name: str, data: Dataset, view: View, width_px: int = 900) -> Built:
    """Chart ``name`` of ``view`` laid out for ``width_px`` (900: a page or a 1600×900 image; 540: a
    1080×1080 square; 340: a phone)."""
    return CHARTS[name].build(data, view, width_px)


def rows(name: str, data: Dataset, view: View) -> pd.DataFrame:
    """The rows behind chart ``name`` of ``view``, without drawing it where the chart can say them alone."""
    chart = CHARTS[name]
    return chart.rows(data, view) if chart.rows is not None else chart.build(data, view, 900).rows


def _by(data: Dataset, view: View) -> str:
    """The credit every chart carries: the data's version and "as of" day."""
    return credit(data.release, view.lang)


def with_release(rows: pd.DataFrame, data: Dataset) -> pd.DataFrame:
    """A chart's rows as a CSV gives them: with the data's version and "as of" day on every row."""
    release = data.release
    return rows.assign(data_version=release.version if release else "",
                       data_as_of=release.as_of.isoformat() if release else "")


def _stated_prices(data: Dataset, view: View) -> pd.DataFrame:
    return prices_in_view(data.normalized, view)


# --- the charts, in the order of the pages --------------------------------------------------------------
@_chart("timeline", "timeline")
def _timeline(data: Dataset, view: View, width: int) -> Built:
    events = events_in_view(data.events, view)
    fig = figures.timeline(events, data.vendors, view, selected=view.event, width_px=width, credit=_by(data, view))
    return Built(fig, events.drop(columns=["line"]))


@_chart("prices", "prices", rows=_stated_prices)
def _prices(data: Dataset, view: View, width: int) -> Built:
    fig = figures.price_curves(series_in_view(data.series, view), data.vendors, events_in_view(data.events, view),
                               view, width_px=width, credit=_by(data, view))
    return Built(fig, _stated_prices(data, view))


def story_step(data: Dataset, view: View) -> tuple[int, int, pd.Series] | None:
    """(position from 1, number of steps, the step's event) of the view's story step; the first step when
    the view names none or one the story lacks; ``None`` when the data has no story."""
    story = steps(data.events)
    if story.empty:
        return None
    ids = list(story["id"])
    i = ids.index(view.step) if view.step in ids else 0
    return i + 1, len(ids), story.iloc[i]


@_chart("story", "story")
def _story(data: Dataset, view: View, width: int) -> Built:
    step = story_step(data, view)
    if step is None:
        return Built(None, data.event_sources.iloc[0:0])
    number, total, event = step
    day = event["date"].date()
    window = view.with_(start=min(view.start, day), end=max(view.end, day))
    fig = figures.price_curves(series_in_view(data.series, window), data.vendors, events_in_view(data.events, window),
                               window, width_px=width, title=step_title(event, view.lang, number, total),
                               credit=_by(data, view))
    return Built(highlight(fig, event), data.event_sources[data.event_sources["event"] == event["id"]])


def on_day(data: Dataset, view: View) -> pd.DataFrame:
    """The price of every model of the view's kind and vendors in effect on the comparison date, each
    converted at that date's month (the money rule for a comparison on a date)."""
    return on_date(price_at(of_kind(data.series, view), view.at), view.at, data.fx)


@_chart("ranking", "compare")
def _ranking(data: Dataset, view: View, width: int) -> Built:
    rows = on_day(data, view)
    return Built(figures.ranking(rows, data.vendors, view, width_px=width, credit=_by(data, view)), rows)


@_chart("before-after", "compare")
def _before_after(data: Dataset, view: View, width: int) -> Built:
    before, after = window_ends(of_kind(data.series, view), view.before, view.after)
    # both ends at the end date's month: an unchanged price stays in place in either currency view
    before, after = on_date(before, view.after, data.fx), on_date(after, view.after, data.fx)
    return Built(figures.dumbbell(before, after, data.vendors, view, width_px=width, credit=_by(data, view)),
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
def _ratios(data: Dataset, view: View, width: int) -> Built:
    rows = on_day(data, view)
    return Built(None, figures.ratio_table(rows, reference(data, view, rows), view))


def decline(data: Dataset, view: View) -> tuple[pd.DataFrame, dict | None]:
    """(the cheapest price over time of the view's set, its yearly decline — ``None`` below the minimums of
    :func:`pricewar.trend.shortfall`) in the view's kind and currency."""
    points = cheapest_over_time(of_kind(members(data, view.set), view), value_column(view.currency))
    return points, yearly(points)


@_chart("trend", "trend")
def _trend(data: Dataset, view: View, width: int) -> Built:
    points, result = decline(data, view)
    fig = figures.trend_chart(points, result, set_name(data, view.set, view.lang), view,
                              value=value_column(view.currency), width_px=width, credit=_by(data, view),
                              vendors=data.vendors)
    return Built(fig, points, result)
