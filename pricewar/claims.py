"""The claim checker: the articles' quantitative price claims (``claims.yaml``, validated into
:class:`~pricewar.records.Claim`) checked against the dataset, one function per check type:

* ``ratio`` — price of A ÷ price of B on a date (A may be several models: their mean);
* ``cheaper`` — how much cheaper A is than B on a date, in percent: (1 − A/B) × 100;
* ``change`` — percent change of one price between two dates;
* ``level`` — one price on a date, in a currency;
* ``annual_decline`` — the factor by which prices fall per year, against the fitted trend of a class;
* ``not_checkable`` — a claim prices cannot test (a vendor's own cost), shown with the reason.

Where a claim rests on an unstated baseline ("the industry", "mainstream models"), the check lists the
candidates and the result is a line per candidate, not one verdict. A claim "at least" a figure
(``bound: at_least``: "95% 以上") holds at the figure or beyond it. A change claim naming several subjects
(``each: most``: "通义、豆包、Kimi、百度的降幅大多在80%以上") is judged over all of them: every one must
hold (``all``) or more than half of those with data (``most``).

Prices compared on a date are converted at that date's month; two prices stated in the same currency are
compared in it, without any exchange rate.

The tolerances are :data:`RELATIVE` and :data:`POINTS`; the page states them from these constants.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from pricewar.load import Dataset
from pricewar.normalize import price_at, rate_for
from pricewar.records import Baseline, Check, Claim, ModelRef
from pricewar.select import value_column
from pricewar.trend import cheapest_over_time, members, yearly

RELATIVE = (0.10, 0.30)
"""A ratio or a price holds within 10 % of the claim and roughly holds within 30 %."""
POINTS = (3.0, 10.0)
"""A percentage (a cut, "cheaper by") holds within 3 points and roughly holds within 10."""
VERDICTS = ("holds", "roughly", "fails", "mixed", "baseline", "no_data", "not_checkable")


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
    unconfirmed_since: pd.Timestamp | None = None  # no source confirms it on the day asked: its last confirmation


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


class SeriesIndex:
    """The step series by (model, tier, kind), grouped once: a claim looks up a few prices, and filtering
    the whole series for each of ~120 lookups was most of the claim checker's time."""

    def __init__(self, series: pd.DataFrame) -> None:
        self.series = series
        keys = zip(series["model"].tolist(), series["tier"].tolist(), series["series"].tolist(), strict=True)
        self.positions: dict[tuple, list[int]] = {}
        for i, key in enumerate(keys):
            self.positions.setdefault(key, []).append(i)

    def rows(self, model: str, tier: str, kind: str) -> pd.DataFrame:
        return self.series.iloc[self.positions.get((model, tier, kind), [])]


def price_of(series: SeriesIndex, ref: ModelRef, kind: str, when, currency: str = "CNY",
             fx: pd.DataFrame | None = None, rate_day=None) -> PriceUsed | None:
    """The price of ``ref`` in effect on ``when``, converted at the month of ``rate_day`` (default ``when``),
    or ``None`` when it has none that day."""
    rows = series.rows(ref.model, ref.tier, kind)
    at = price_at(rows, when)
    if at.empty:
        return None
    row = at.iloc[0]
    value, rate, month = float(row[value_column(currency)]), float(row["usd_cny"]), str(row["fx_month"])
    if fx is not None:  # at the month of the day compared (normalize.on_date's rule, for one row)
        month, rate = rate_for(fx, rate_day or when)
        native = float(row["price_1m"])
        value = native if row["currency"] == currency else native * rate if currency == "CNY" else native / rate
    since = row["confirmed_through"] if bool(row.get("unconfirmed", False)) else None
    return PriceUsed(ref.label, kind, row["date"], value, currency,
                     float(row["price_1m"]), float(row["price"]), str(row["currency"]), str(row["unit"]),
                     str(row["source"]), int(row["line"]), rate, month, since)


def _mean(series, refs, kind, when, fx, rate_day) -> tuple[float, list[PriceUsed]] | None:
    got = [price_of(series, r, kind, when, "CNY", fx, rate_day) for r in refs]
    if any(g is None for g in got):
        return None
    return sum(g.value for g in got) / len(got), got


def judge_relative(value: float, claimed, bound: str = "about") -> str:
    """A ratio, price or factor against the claim: within 10 % holds, within 30 % roughly holds; for "at
    least" a ratio at the claimed one or further from 1 holds."""
    if isinstance(claimed, tuple):
        lo, hi = claimed
        if lo <= value <= hi:
            return "holds"
        return "roughly" if lo * (1 - RELATIVE[1]) <= value <= hi * (1 + RELATIVE[1]) else "fails"
    if bound == "at_least" and claimed > 0 and value > 0:
        beyond = value >= claimed if claimed >= 1 else value <= claimed
        if beyond:
            return "holds"
    off = abs(value / claimed - 1) if claimed else abs(value)
    return "holds" if off <= RELATIVE[0] else "roughly" if off <= RELATIVE[1] else "fails"


def judge_points(value: float, claimed: float, bound: str = "about") -> str:
    """A percentage against the claim: within 3 points holds, within 10 roughly holds; for "at least" a
    percentage at the claimed one or beyond it (a bigger cut) holds."""
    if bound == "at_least" and (value <= claimed if claimed < 0 else value >= claimed):
        return "holds"
    off = abs(value - claimed)
    return "holds" if off <= POINTS[0] else "roughly" if off <= POINTS[1] else "fails"


def _annual_decline(check: Check, series: pd.DataFrame, trend: Fit | None, fx) -> list[Outcome]:
    """Against the class's fit: a figure inside its 90 % interval holds (the interval is the range of
    claims the data support); "at least" holds when the fitted factor reaches it and roughly holds when
    the interval does."""
    claimed = check.claimed
    if trend is None:
        return [Outcome("blended", None, claimed, "no_data")]
    if check.bound == "at_least":
        verdict = "holds" if trend.factor >= claimed else "roughly" if trend.high >= claimed else "fails"
    elif trend.low <= claimed <= trend.high:
        verdict = "holds"
    else:
        verdict = judge_relative(trend.factor, claimed).replace("holds", "roughly")
    return [Outcome("blended", trend.factor, claimed, verdict, fit=trend)]


def _change(check: Check, series: pd.DataFrame, trend: Fit | None, fx) -> list[Outcome]:
    """One line per model in ``a``: candidates of an unstated subject, or (``each``) the subjects the claim
    names. A change of one price is in its own currency: no exchange rate between the two dates."""
    out = []
    for ref in check.a:
        baseline = Baseline((ref,)) if len(check.a) > 1 else None
        for kind in check.kinds:
            before = price_of(series, ref, kind, ref.start or check.start)
            after = price_of(series, ref, kind, ref.end or check.end)
            if before is None or after is None or before.native == 0 or before.stated_currency != after.stated_currency:
                out.append(Outcome(kind, None, check.claimed, "no_data", baseline))
                continue
            value = (after.native / before.native - 1) * 100
            verdict = judge_points(value, check.claimed, check.bound) if check.stated else "baseline"
            out.append(Outcome(kind, value, check.claimed, verdict, baseline, [before, after]))
    return out


def _level(check: Check, series: pd.DataFrame, trend: Fit | None, fx) -> list[Outcome]:
    """One price on a date, converted (when the claim's currency is not the stated one) at that date's month."""
    out = []
    for kind in check.kinds:
        got = price_of(series, check.a[0], kind, check.a_date, check.currency, fx)
        if got is None:
            out.append(Outcome(kind, None, check.claimed, "no_data"))
        else:
            verdict = judge_relative(got.value, check.claimed, check.bound)
            out.append(Outcome(kind, got.value, check.claimed, verdict, prices=[got]))
    return out


def _compared(check: Check, series: pd.DataFrame, fx, percent: bool) -> list[Outcome]:
    """ratio and cheaper: A against B, or against each candidate B. Both sides are converted at the month
    of the later date; prices all stated in one currency are compared in it, with no rate at all."""
    out = []
    rate_day = max(check.a_date, check.b_date)
    for baseline in check.b:
        shown = baseline if not check.stated else None
        for kind in check.kinds:
            num = _mean(series, check.a, kind, check.a_date, fx, rate_day)
            den = _mean(series, baseline.models, kind, check.b_date, fx, rate_day)
            if num is None or den is None or den[0] == 0:
                out.append(Outcome(kind, None, check.claimed, "no_data", shown))
                continue
            used = num[1] + den[1]
            ratio = num[0] / den[0]
            if len({p.stated_currency for p in used}) == 1:  # one currency: no exchange rate at all
                ratio = (sum(p.native for p in num[1]) / len(num[1])) / (sum(p.native for p in den[1]) / len(den[1]))
            if percent:
                value = (1 - ratio) * 100
                verdict = judge_points(value, check.claimed, check.bound)
            else:
                value, verdict = ratio, judge_relative(ratio, check.claimed, check.bound)
            out.append(Outcome(kind, value, check.claimed, verdict if check.stated else "baseline", shown, used))
    return out


def _not_checkable(check: Check, series: pd.DataFrame, trend: Fit | None, fx) -> list[Outcome]:
    return [Outcome("", None, check.claimed, "not_checkable")]


CHECKS: dict[str, Callable[[Check, pd.DataFrame, Fit | None, pd.DataFrame | None], list[Outcome]]] = {
    "ratio": lambda check, series, trend, fx: _compared(check, series, fx, percent=False),
    "cheaper": lambda check, series, trend, fx: _compared(check, series, fx, percent=True),
    "change": _change,
    "level": _level,
    "annual_decline": _annual_decline,
    "not_checkable": _not_checkable,
}


def evaluate(claim: Claim, series: pd.DataFrame | SeriesIndex, fx: pd.DataFrame, trend: Fit | None = None
             ) -> list[Outcome]:
    """Every outcome of one claim (a line per price kind, and per baseline candidate where unstated); prices
    compared on a date are converted at that date's month of ``fx``."""
    index = series if series is None or isinstance(series, SeriesIndex) else SeriesIndex(series)
    return CHECKS[claim.check.type](claim.check, index, trend, fx)


def class_fit(data: Dataset, class_id: str) -> Fit | None:
    """The blended decline-rate fit of a class, as an annual-decline claim is checked against it; ``None``
    below the minimums a yearly rate needs (:func:`pricewar.trend.shortfall`)."""
    rows = members(data, class_id)
    result = yearly(cheapest_over_time(rows[rows["series"] == "blended"]))
    if result is None:
        return None
    return Fit(class_id, result["factor"], result["low"], result["high"], result["n"])


def evaluate_all(data: Dataset) -> list[tuple[Claim, list[Outcome]]]:
    """Every claim of the dataset with its outcomes (each class's fit computed once)."""
    fits = {c: class_fit(data, c) for c in {cl.check.model_class for cl in data.claims} if c}
    index = SeriesIndex(data.series)
    return [(c, evaluate(c, index, data.fx, fits.get(c.check.model_class))) for c in data.claims]


def overall(outcomes: list[Outcome], check: Check | None = None) -> str:
    """One word for the claim: holds / roughly / fails; 'roughly' when it holds on some prices and roughly on
    the others; 'mixed' when it holds for some prices and fails for others ('roughly' on one and 'fails' on
    another is not held); 'baseline' where unstated; over several
    named subjects, whether all (or most) of them hold — 'no_data' when the subjects without data decide it."""
    verdicts = {o.verdict for o in outcomes}
    if "not_checkable" in verdicts:
        return "not_checkable"
    if "baseline" in verdicts:
        return "baseline"
    if verdicts <= {"no_data"}:
        return "no_data"
    if check is not None and check.each:
        # over every subject the claim names: one without data that could tip the verdict leaves it open
        lines = [o.verdict for o in outcomes]
        need = len(lines) if check.each == "all" else len(lines) // 2 + 1
        held, rough, unknown = lines.count("holds"), lines.count("roughly"), lines.count("no_data")
        if held >= need:
            return "holds"
        if held + rough >= need:
            return "roughly"
        return "no_data" if held + rough + unknown >= need else "fails"
    verdicts.discard("no_data")
    if len(verdicts) == 1:
        return verdicts.pop()
    if verdicts == {"holds", "roughly"}:
        return "roughly"
    return "mixed" if "holds" in verdicts else "fails"  # roughly on one price and not on another: not held
