"""How fast prices fall: the cheapest price over time and a least-squares fit of log10(price) on date.

As Epoch AI does, each change of the cheapest price is one observation (not daily samples), and the fit
gives "prices fell N× per year" with a 90 % interval. A free price has no logarithm: free prices are left
out of the fit, and the result says how many were.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from pricewar import i18n
from pricewar.load import Dataset

INTERVAL = 0.90  # the fit's two-sided interval
MIN_POINTS = 5
"""A yearly rate needs at least this many changes of the cheapest price …"""
MIN_DAYS = 365
"""… spread over at least twelve months, from the first change to the last: a fit on fewer points or a
shorter span extrapolates a few weeks of cuts into absurd yearly figures (3,368,203× a year from five
points over four months). Below either minimum the chart shows the points and says why there is no rate."""


def t_quantile(p: float, df: int) -> float:
    """The ``p``-quantile (``p`` > 0.5) of Student's t with ``df`` degrees of freedom, exact to the float:
    bisection on the distribution function (df = 11: 1.7959 for p = 0.95)."""
    target = 2 * p - 1  # P(|T| < t)
    lo, hi = 0.0, 1.0
    while _central(hi, df) < target:
        hi *= 2
    for _ in range(100):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if _central(mid, df) < target else (lo, mid)
    return (lo + hi) / 2


def _central(t: float, df: int) -> float:
    """P(|T| < t) for Student's t with integer ``df`` (Abramowitz & Stegun 26.7.3–4: finite sums)."""
    theta = math.atan(t / math.sqrt(df))
    s, c2 = math.sin(theta), math.cos(theta) ** 2
    if df % 2 == 0:
        term = total = 1.0
        for k in range(1, df // 2):
            term *= (2 * k - 1) / (2 * k) * c2
            total += term
        return s * total
    if df == 1:
        return 2 * theta / math.pi
    term = total = math.cos(theta)
    for k in range(1, (df - 1) // 2):
        term *= 2 * k / (2 * k + 1) * c2
        total += term
    return 2 / math.pi * (theta + s * total)


POINT_COLUMNS = ["date", "price", "model", "source", "currency", "fx_month", "usd_cny"]


def cheapest_over_time(series: pd.DataFrame, value: str = "usd_per_1m") -> pd.DataFrame:
    """The lowest price in effect among ``series`` at each date where it changes (free prices excluded).

    A change is a change of the price as stated: the same stated price converted at another month's rate
    (a model launched at 1 元 in December after one at 1 元 in May) is not a new point — exchange-rate
    noise is not a price cut. Every date a price starts is compared against every price at once (a block
    of dates at a time), not a pandas selection per date."""
    paid = series[series[value] > 0]
    if paid.empty:
        return pd.DataFrame(columns=POINT_COLUMNS)
    start = paid["date"].to_numpy()
    until = paid["until"].to_numpy()
    open_ended = np.isnat(until)
    prices = paid[value].to_numpy(dtype="float64")
    dates = np.unique(start)
    best = np.empty(len(dates), dtype=np.int64)
    block = max(1, 4_000_000 // len(prices))
    for i in range(0, len(dates), block):
        day = dates[i:i + block, None]
        live = (start[None, :] <= day) & (open_ended[None, :] | (until[None, :] > day))
        best[i:i + block] = np.where(live, prices[None, :], np.inf).argmin(axis=1)  # the first of equal prices
    models, tiers, sources = paid["model"].to_numpy(), paid["tier"].to_numpy(), paid["source"].to_numpy()
    stated = list(zip(paid["price_1m"].to_numpy(dtype="float64"), paid["currency"].to_numpy(), strict=True))
    months, rates = paid["fx_month"].astype(str).to_numpy(), paid["usd_cny"].to_numpy(dtype="float64")
    rows, last = [], None
    for day, b in zip(dates, best, strict=True):
        if last is None or (prices[b] != rows[-1]["price"] and stated[b] != last):
            rows.append({"date": pd.Timestamp(day), "price": float(prices[b]),
                         "model": f"{models[b]} {tiers[b]}".strip(), "source": sources[b],
                         "currency": stated[b][1], "fx_month": months[b], "usd_cny": float(rates[b])})
            last = stated[b]
    return pd.DataFrame(rows, columns=POINT_COLUMNS)


def fit(points: pd.DataFrame) -> dict | None:
    """OLS of log10(price) on time in years. Returns the fall per year (factor ≥ 1 means cheaper) with a
    90 % interval, or ``None`` with fewer than three points."""
    if len(points) < 3:
        return None
    t0 = points["date"].min()
    x = np.array([(d - t0).days / 365.25 for d in points["date"]])
    y = np.log10(points["price"].to_numpy(dtype=float))
    n = len(x)
    slope, intercept = np.polyfit(x, y, 1)
    resid = y - (slope * x + intercept)
    sxx = float(((x - x.mean()) ** 2).sum())
    se = math.sqrt(float((resid**2).sum()) / (n - 2) / sxx) if sxx > 0 and n > 2 else float("inf")
    half = t_quantile(0.5 + INTERVAL / 2, n - 2) * se
    return {
        "factor": 10 ** (-slope),
        "low": 10 ** (-(slope + half)),
        "high": 10 ** (-(slope - half)),
        "slope": float(slope),
        "intercept": float(intercept),
        "n": n,
        "start": t0,
    }


SHORTFALLS = ("too_few", "too_short")


def shortfall(points: pd.DataFrame) -> tuple[str, dict] | None:
    """Why ``points`` cannot give a yearly rate — ("too_few", …) or ("too_short", …) with the numbers for
    the sentence — or ``None`` when they meet both minimums."""
    n = len(points)
    days = int((points["date"].max() - points["date"].min()).days) if n else 0
    if n < MIN_POINTS:
        return "too_few", {"n": n, "min": MIN_POINTS}
    if days < MIN_DAYS:
        return "too_short", {"months": round(days / 30.44, 1), "min": MIN_DAYS // 30}
    return None


def yearly(points: pd.DataFrame) -> dict | None:
    """The fit of ``points`` when they meet the minimums (:data:`MIN_POINTS`, :data:`MIN_DAYS`), else ``None``."""
    return None if shortfall(points) is not None else fit(points)


def in_class(series: pd.DataFrame, models: Sequence[str]) -> pd.DataFrame:
    """The rows of ``series`` whose "model tier" label is in ``models`` (all rows when it is empty)."""
    if not models:
        return series
    labels = (series["model"] + " " + series["tier"]).str.strip()
    return series[labels.isin(models)]


ALL = "all"


def set_choices(data: Dataset) -> list[str]:
    """The sets of models a decline rate can be fitted on: the editorial classes of classes.yaml in their
    order (the first is the default), every model, and the models of each vendor country with prices."""
    classes = [c.id for c in data.classes]
    countries = sorted({c.lower() for c in data.vendors.loc[data.vendors["id"].isin(set(data.prices["vendor"])),
                                                             "country"]})
    return list(dict.fromkeys([*classes, ALL, *countries]))


def set_name(data: Dataset, choice: str, lang: str) -> str:
    """A set as the page and the chart name it: "GPT-4 class", "All models", "Models from China"."""
    cls = next((c for c in data.classes if c.id == choice), None)
    if cls is not None:
        return cls.name[lang]
    if choice in (ALL, ""):
        return i18n.t("trend_all", lang)
    return i18n.t("trend_country", lang, country=i18n.country(choice.upper(), lang))


def members(data: Dataset, choice: str) -> pd.DataFrame:
    """The step series of the models in a set: each model's standard price (its smallest input band, peak
    or all-day), since an off-peak hour or a band is not a cheaper model."""
    series = data.series
    if "standard" in series and not series["standard"].all():
        series = series[series["standard"].astype(bool)]
    cls = next((c for c in data.classes if c.id == choice), None)
    if cls is not None:
        return in_class(series, cls.models)
    if choice == ALL or not choice:
        return series
    country = dict(zip(data.vendors["id"], data.vendors["country"], strict=True))
    return series[series["vendor"].map(country) == choice.upper()]
