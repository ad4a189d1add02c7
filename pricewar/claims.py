"""The claim checker: the articles' quantitative price claims (``claims.yaml``, validated into
:class:`~pricewar.records.Claim`) checked against the dataset, one function per check type:

* ``ratio`` — price of A ÷ price of B on a date (A may be several models: their mean);
* ``cheaper`` — how much cheaper A is than B on a date, in percent: (1 − A/B) × 100;
* ``change`` — percent change of one price between two dates;
* ``level`` — one price on a date, in a currency;
* ``annual_decline`` — the factor by which prices fall per year, against the fitted trend of a class.

Where a claim rests on an unstated baseline ("the industry", "mainstream models"), the check lists the
candidates and the result is a line per candidate, not one verdict.

The tolerances are :data:`RELATIVE` and :data:`POINTS`; the page states them from these constants.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from pricewar.load import Dataset
from pricewar.normalize import price_at
from pricewar.records import Baseline, Check, Claim, ModelRef
from pricewar.select import value_column
from pricewar.trend import cheapest_over_time, fit, members

RELATIVE = (0.10, 0.30)
"""A ratio or a price holds within 10 % of the claim and roughly holds within 30 %."""
POINTS = (3.0, 10.0)
"""A percentage (a cut, "cheaper by") holds within 3 points and roughly holds within 10."""
VERDICTS = ("holds", "roughly", "fails", "mixed", "baseline", "no_data")


@dataclass(frozen=True)
class PriceUsed:
    """One price a claim's value was computed from: the step-series row in effect on the date asked."""

    model: str  # the model's label
    kind: str
    date: pd.Timestamp  # the day the price took effect
    value: float  # per million tokens in ``currency``
    currency: str
    native: float  # per million tokens in the currency the source states
    stated_price: float
    stated_currency: str
    stated_unit: str
    source: str
    line: int  # of prices.csv
    usd_cny: float
    fx_month: str


@dataclass(frozen=True)
class Fit:
    """The decline-rate fit an annual-decline claim is checked against."""

    label: str
    factor: float
    low: float
    high: float
    n: int


@dataclass
class Outcome:
    """One computed line of a claim: for one price kind (and one baseline candidate, if any)."""

    kind: str
    computed: float | None
    claimed: float | tuple[float, float]
    verdict: str
    baseline: Baseline | None = None  # the candidate this line computes, when the claim leaves it unstated
    prices: list[PriceUsed] = field(default_factory=list)
    fit: Fit | None = None


def price_of(series: pd.DataFrame, ref: ModelRef, kind: str, when, currency: str = "CNY") -> PriceUsed | None:
    """The price of ``ref`` in effect on ``when``, or ``None`` when it has none that day."""
    rows = series[(series["model"] == ref.model) & (series["tier"] == ref.tier) & (series["series"] == kind)]
    at = price_at(rows, when)
    if at.empty:
        return None
    row = at.iloc[0]
    return PriceUsed(ref.label, kind, row["date"], float(row[value_column(currency)]), currency,
                     float(row["price_1m"]), float(row["price"]), str(row["currency"]), str(row["unit"]),
                     str(row["source"]), int(row["line"]), float(row["usd_cny"]), str(row["fx_month"]))


def _mean(series, refs, kind, when) -> tuple[float, list[PriceUsed]] | None:
    got = [price_of(series, r, kind, when) for r in refs]
    if any(g is None for g in got):
        return None
    return sum(g.value for g in got) / len(got), got


def judge_relative(value: float, claimed) -> str:
    if isinstance(claimed, tuple):
        lo, hi = claimed
        if lo <= value <= hi:
            return "holds"
        return "roughly" if lo * (1 - RELATIVE[1]) <= value <= hi * (1 + RELATIVE[1]) else "fails"
    off = abs(value / claimed - 1) if claimed else abs(value)
    return "holds" if off <= RELATIVE[0] else "roughly" if off <= RELATIVE[1] else "fails"


def judge_points(value: float, claimed: float) -> str:
    off = abs(value - claimed)
    return "holds" if off <= POINTS[0] else "roughly" if off <= POINTS[1] else "fails"


def _annual_decline(check: Check, series: pd.DataFrame, trend: Fit | None) -> list[Outcome]:
    claimed = check.claimed
    if trend is None:
        return [Outcome("blended", None, claimed, "no_data")]
    inside = trend.low <= claimed <= trend.high
    verdict = "holds" if inside else judge_relative(trend.factor, claimed).replace("holds", "roughly")
    return [Outcome("blended", trend.factor, claimed, verdict, fit=trend)]


def _change(check: Check, series: pd.DataFrame, trend: Fit | None) -> list[Outcome]:
    """Several models in ``a``: an unstated baseline, a line each."""
    out = []
    for ref in check.a:
        baseline = Baseline((ref,)) if len(check.a) > 1 else None
        for kind in check.kinds:
            before = price_of(series, ref, kind, ref.start or check.start)
            after = price_of(series, ref, kind, ref.end or check.end)
            if before is None or after is None or before.value == 0:
                out.append(Outcome(kind, None, check.claimed, "no_data", baseline))
                continue
            value = (after.value / before.value - 1) * 100
            verdict = judge_points(value, check.claimed) if check.stated else "baseline"
            out.append(Outcome(kind, value, check.claimed, verdict, baseline, [before, after]))
    return out


def _level(check: Check, series: pd.DataFrame, trend: Fit | None) -> list[Outcome]:
    out = []
    for kind in check.kinds:
        got = price_of(series, check.a[0], kind, check.a_date, check.currency)
        if got is None:
            out.append(Outcome(kind, None, check.claimed, "no_data"))
        else:
            out.append(Outcome(kind, got.value, check.claimed, judge_relative(got.value, check.claimed), prices=[got]))
    return out


def _compared(check: Check, series: pd.DataFrame, percent: bool) -> list[Outcome]:
    """ratio and cheaper: A against B, or against each candidate B."""
    out = []
    for baseline in check.b:
        shown = baseline if not check.stated else None
        for kind in check.kinds:
            num = _mean(series, check.a, kind, check.a_date)
            den = _mean(series, baseline.models, kind, check.b_date)
            if num is None or den is None or den[0] == 0:
                out.append(Outcome(kind, None, check.claimed, "no_data", shown))
                continue
            used = num[1] + den[1]
            ratio = num[0] / den[0]
            if {p.stated_currency for p in used} == {"USD"}:  # dollars with dollars: no rate between two months
                ratio = (sum(p.native for p in num[1]) / len(num[1])) / (sum(p.native for p in den[1]) / len(den[1]))
            if percent:
                value, verdict = (1 - ratio) * 100, judge_points((1 - ratio) * 100, check.claimed)
            else:
                value, verdict = ratio, judge_relative(ratio, check.claimed)
            out.append(Outcome(kind, value, check.claimed, verdict if check.stated else "baseline", shown, used))
    return out


CHECKS: dict[str, Callable[[Check, pd.DataFrame, Fit | None], list[Outcome]]] = {
    "ratio": lambda check, series, trend: _compared(check, series, percent=False),
    "cheaper": lambda check, series, trend: _compared(check, series, percent=True),
    "change": _change,
    "level": _level,
    "annual_decline": _annual_decline,
}


def evaluate(claim: Claim, series: pd.DataFrame, trend: Fit | None = None) -> list[Outcome]:
    """Every outcome of one claim (a line per price kind, and per baseline candidate where unstated)."""
    return CHECKS[claim.check.type](claim.check, series, trend)


def class_fit(data: Dataset, class_id: str) -> Fit | None:
    """The blended decline-rate fit of a class, as an annual-decline claim is checked against it."""
    rows = members(data, class_id)
    result = fit(cheapest_over_time(rows[rows["series"] == "blended"]))
    if result is None:
        return None
    return Fit(class_id, result["factor"], result["low"], result["high"], result["n"])


def evaluate_all(data: Dataset) -> list[tuple[Claim, list[Outcome]]]:
    """Every claim of the dataset with its outcomes (each class's fit computed once)."""
    fits = {c: class_fit(data, c) for c in {cl.check.model_class for cl in data.claims} if c}
    return [(c, evaluate(c, data.series, fits.get(c.check.model_class))) for c in data.claims]


def overall(outcomes: list[Outcome]) -> str:
    """One word for the claim: holds / roughly / fails, 'mixed' across kinds, 'baseline' where unstated."""
    verdicts = {o.verdict for o in outcomes}
    if "baseline" in verdicts:
        return "baseline"
    if verdicts <= {"no_data"}:
        return "no_data"
    verdicts.discard("no_data")
    return verdicts.pop() if len(verdicts) == 1 else "mixed"
