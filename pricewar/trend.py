"""How fast prices fall: the cheapest price over time and a least-squares fit of log10(price) on date.

As Epoch AI does, each change of the cheapest price is one observation (not daily samples), and the fit
gives "prices fell N× per year" with a 90 % interval. A free price has no logarithm: free prices are left
out of the fit, and the result says how many were.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

# one-sided 95 % quantiles of Student's t (two-sided 90 % interval), by degrees of freedom
_T95 = {
    1: 6.314,
    2: 2.920,
    3: 2.353,
    4: 2.132,
    5: 2.015,
    6: 1.943,
    7: 1.895,
    8: 1.860,
    9: 1.833,
    10: 1.812,
    12: 1.782,
    15: 1.753,
    20: 1.725,
    25: 1.708,
    30: 1.697,
    40: 1.684,
    60: 1.671,
    120: 1.658,
}


def t95(df: int) -> float:
    keys = sorted(_T95)
    for k in keys:
        if df <= k:
            return _T95[k]
    return 1.645


def cheapest_over_time(series: pd.DataFrame, value: str = "usd_per_1m") -> pd.DataFrame:
    """The lowest price in effect among ``series`` at each date where it changes (free prices excluded)."""
    paid = series[series[value] > 0]
    if paid.empty:
        return pd.DataFrame(columns=["date", "price", "model", "source"])
    dates = sorted(set(paid["date"]))
    rows = []
    for d in dates:
        live = paid[(paid["date"] <= d) & (paid["until"].isna() | (paid["until"] > d))]
        best = live.loc[live[value].idxmin()]
        label = f"{best['model']} {best['tier']}".strip()
        if not rows or best[value] != rows[-1]["price"]:
            rows.append({"date": d, "price": float(best[value]), "model": label, "source": best["source"]})
    return pd.DataFrame(rows)


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
    half = t95(n - 2) * se
    return {
        "factor": 10 ** (-slope),
        "low": 10 ** (-(slope + half)),
        "high": 10 ** (-(slope - half)),
        "slope": float(slope),
        "intercept": float(intercept),
        "n": n,
        "start": t0,
    }


def in_class(series: pd.DataFrame, models: list[str]) -> pd.DataFrame:
    """The rows of ``series`` whose "model tier" label is in ``models`` (all rows when it is empty)."""
    if not models:
        return series
    labels = (series["model"] + " " + series["tier"]).str.strip()
    return series[labels.isin(models)]
