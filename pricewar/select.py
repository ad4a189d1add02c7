"""Choosing the rows a view shows: vendors, date range, price kind. Plain pandas, no Streamlit."""

from __future__ import annotations

import pandas as pd

from pricewar import schema
from pricewar.normalize import as_text
from pricewar.view import View


def value_column(currency: str) -> str:
    """The column of the step series and normalized rows holding prices per million tokens in ``currency``."""
    return "cny_per_1m" if currency == "CNY" else "usd_per_1m"


def of_kind(series: pd.DataFrame, view: View) -> pd.DataFrame:
    """Step-series rows of the view's kind and vendors, at any date: each model's standard price, or every
    condition's series when the view asks for all (``conditions``)."""
    rows = series[series["series"] == view.kind]
    if view.conditions != "all" and "standard" in rows and not rows["standard"].all():
        rows = rows[rows["standard"].astype(bool)]
    if view.vendors:
        rows = rows[rows["vendor"].isin(view.vendors)]
    return rows


def series_in_view(series: pd.DataFrame, view: View) -> pd.DataFrame:
    """Step-series rows of the view's kind and vendors that are in effect at some time in its date range."""
    start, end = pd.Timestamp(view.start), pd.Timestamp(view.end)
    rows = of_kind(series, view)
    live = (rows["date"] <= end) & (rows["until"].isna() | (rows["until"] > start))
    return rows.loc[live].reset_index(drop=True)


def events_in_view(events: pd.DataFrame, view: View) -> pd.DataFrame:
    """Events in the date range, of the chosen vendors (market and claim events always)."""
    start, end = pd.Timestamp(view.start), pd.Timestamp(view.end)
    rows = events[(events["date"] >= start) & (events["date"] <= end)]
    if view.vendors:
        rows = rows[rows["vendor"].isin(view.vendors) | (rows["vendor"] == "")]
    return rows.reset_index(drop=True)


def prices_in_view(normalized: pd.DataFrame, view: View) -> pd.DataFrame:
    """Stated price rows (every row of prices.csv, normalized) behind the view: its vendors, its kind
    (input includes cache_miss; blended shows both legs), in effect at some time in its range."""
    start, end = pd.Timestamp(view.start), pd.Timestamp(view.end)
    kinds = list(schema.BLEND_WEIGHTS) if view.kind == "blended" else [view.kind]
    rows = normalized[normalized["series"].isin(kinds)]
    if view.vendors:
        rows = rows[rows["vendor"].isin(view.vendors)]
    rows = rows.sort_values(["vendor", "model", "tier", "series", "date"])
    until = rows.groupby(["vendor", "model", "tier", "series"])["date"].shift(-1)
    live = (rows["date"] <= end) & (until.isna() | (until > start))
    return as_text(rows.loc[live].reset_index(drop=True))


def window_ends(series: pd.DataFrame, before, after) -> tuple[pd.DataFrame, pd.DataFrame]:
    """For each series, its price at the start of the window — or, if it began inside the window, its
    first price there — and its price at the end of the window. Series that ended before the window
    or began after it are left out."""
    start, end = pd.Timestamp(before), pd.Timestamp(after)
    live = (series["date"] <= end) & (series["until"].isna() | (series["until"] > start))
    key = ["vendor", "model", "tier", "series"]
    # choose the rows on one integer per series (numbered in key order) and the date, then take each
    # chosen row whole, once
    group = series.loc[live, key].groupby(key, sort=True).ngroup()
    rows = pd.DataFrame({"g": group, "date": series.loc[live, "date"]}).sort_values(["g", "date"])
    at_start = rows[rows["date"] <= start].groupby("g").tail(1)
    first_inside = rows[rows["date"] > start].groupby("g").head(1)
    first = pd.concat([at_start, first_inside]).sort_values("date").groupby("g").head(1)
    last = rows.groupby("g").tail(1)
    return series.loc[first.index].reset_index(drop=True), series.loc[last.index].reset_index(drop=True)
