"""The claim checker: quantitative claims about prices, kept as data (``claims.yaml``), checked against the
dataset.

A claim has a machine-checkable definition (``check``):

* ``ratio`` — price of A ÷ price of B on a date (A may be several models: their mean);
* ``cheaper`` — how much cheaper A is than B on a date, in percent: (1 − A/B) × 100;
* ``change`` — percent change of one price between two dates;
* ``level`` — one price on a date, in a currency;
* ``annual_decline`` — the factor by which prices fall per year, against the fitted trend.

Where a claim rests on an unstated baseline ("the industry", "mainstream models"), ``b`` lists the
candidates and the result is a table of what each would give, not one verdict.

Tolerances (shown with every verdict): a level or ratio holds within 10 % and roughly holds within
30 %; a percentage (cut or cheaper) holds within 3 points and roughly within 10.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pricewar.errors import NO_VALUE, DataError, Problem
from pricewar.normalize import price_at
from pricewar.select import model_label
from pricewar.yamlio import Record, read_yaml

RELATIVE = (0.10, 0.30)  # ratio and level: holds, roughly holds
POINTS = (3.0, 10.0)  # percentages: holds, roughly holds
CHECK_TYPES = ("ratio", "cheaper", "change", "level", "annual_decline")
VERDICTS = ("holds", "roughly", "fails", "baseline", "no_data")


@dataclass
class Outcome:
    """One computed line of a claim: for one price kind (and one baseline candidate, if any)."""

    kind: str
    computed: float | None
    claimed: float | tuple[float, float]
    verdict: str
    baseline: str = ""
    rows: list[dict] = field(default_factory=list)


def claim_models(claim: dict) -> set[str]:
    """The models a claim's check names (its subject and every baseline); empty for market-wide claims."""
    return {spec["model"] for spec in _specs(claim["check"]) if isinstance(spec, dict) and spec.get("model")}


def _specs(check: dict) -> list:
    """Every model spec in a check's ``a`` and ``b``: single specs, lists of them, candidate sets' models."""
    specs = []
    for key in ("a", "b"):
        value = check.get(key)
        for item in value if isinstance(value, list) else [value] if value else []:
            specs += item.get("models", [item]) if isinstance(item, dict) else []
    return specs


def _spec_label(spec: dict) -> str:
    return model_label(spec["model"], str(spec.get("tier", "") or ""))


def _price(series: pd.DataFrame, spec: dict, kind: str, when: str, currency: str = "CNY") -> tuple[float, dict] | None:
    rows = series[
        (series["model"] == spec["model"])
        & (series["tier"] == str(spec.get("tier", "") or ""))
        & (series["series"] == kind)
    ]
    at = price_at(rows, when)
    if at.empty:
        return None
    row = at.iloc[0]
    col = "cny_per_1m" if currency == "CNY" else "usd_per_1m"
    used = {
        "model": _spec_label(spec),
        "kind": kind,
        "date": f"{row['date']:%Y-%m-%d}",
        "price": float(row[col]),
        "currency": currency,
        "stated": f"{row['price']:g} {row['currency']} {row['unit']}",
        "source": row["source"],
        "line": int(row["line"]),
        "fx": f"{row['usd_cny']:.4f} ({row['fx_month']})",
        "native": float(row["price_1m"]),
    }
    return float(row[col]), used


def _native_mean(rows: list[dict]) -> float:
    """Mean of the rows' prices per million tokens in the currency they were stated in."""
    return sum(r["native"] for r in rows) / len(rows)


def _mean_price(series, specs, kind, when, currency="CNY"):
    got = [_price(series, s, kind, when, currency) for s in specs]
    if any(g is None for g in got):
        return None
    return sum(g[0] for g in got) / len(got), [g[1] for g in got]


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


def _number(text) -> float | tuple[float, float]:
    """'1/70' → 0.0142…, '4' → 4.0, [a, b] → (a, b) as numbers (a range)."""
    if isinstance(text, list):
        lo, hi = sorted(_number(t) for t in text)
        return (lo, hi)
    text = str(text).strip()
    if "/" in text:
        num, den = text.split("/", 1)
        return float(num) / float(den)
    return float(text)


def evaluate(claim: dict, series: pd.DataFrame, trend=None) -> list[Outcome]:
    """Every outcome of one claim (a line per price kind, and per baseline candidate where unstated)."""
    check = claim["check"]
    kinds = check.get("kinds", ["input"])
    ctype = check["type"]
    out: list[Outcome] = []
    if ctype == "annual_decline":
        claimed = float(check["claimed"])
        if trend is None:
            return [Outcome("blended", None, claimed, "no_data")]
        inside = trend["low"] <= claimed <= trend["high"]
        verdict = "holds" if inside else judge_relative(trend["factor"], claimed).replace("holds", "roughly")
        return [
            Outcome(
                trend.get("kind", "blended"),
                trend["factor"],
                claimed,
                verdict,
                rows=[
                    {
                        "model": trend.get("label", ""),
                        "kind": "fit",
                        "date": "",
                        "price": trend["factor"],
                        "currency": "×/year",
                        "stated": f"90% interval {trend['low']:.1f}–{trend['high']:.1f}×",
                        "source": "",
                        "line": 0,
                        "fx": "",
                    }
                ],
            )
        ]
    claimed = _number(check["claimed"])
    a = check["a"] if isinstance(check["a"], list) else [check["a"]]
    if ctype == "change":  # several models in a: an unstated baseline, one line each
        for spec in a:
            label = _spec_label(spec) if len(a) > 1 else ""
            for kind in kinds:
                before = _price(series, spec, kind, spec.get("from", check.get("from")))
                after = _price(series, spec, kind, spec.get("to", check.get("to")))
                if before is None or after is None or before[0] == 0:
                    out.append(Outcome(kind, None, claimed, "no_data", baseline=label))
                    continue
                value = (after[0] / before[0] - 1) * 100
                verdict = judge_points(value, claimed) if len(a) == 1 else "baseline"
                out.append(Outcome(kind, value, claimed, verdict, baseline=label, rows=[before[1], after[1]]))
        return out
    if ctype == "level":
        currency = check.get("currency", "CNY")
        for kind in kinds:
            got = _price(series, a[0], kind, check["date"], currency)
            if got is None:
                out.append(Outcome(kind, None, claimed, "no_data"))
                continue
            out.append(Outcome(kind, got[0], claimed, judge_relative(got[0], claimed), rows=[got[1]]))
        return out
    # ratio and cheaper: against b, or against each baseline candidate
    bs = check.get("b")
    candidates = bs if isinstance(bs, list) else [bs]
    a_date = check.get("a_date", check.get("date"))
    b_date = check.get("b_date", check.get("date"))
    for cand in candidates:
        cand_specs = cand["models"] if "models" in cand else [cand]
        for kind in kinds:
            num = _mean_price(series, a, kind, a_date)
            den = _mean_price(series, cand_specs, kind, b_date)
            if num is None or den is None or den[0] == 0:
                out.append(Outcome(kind, None, claimed, "no_data", baseline=cand.get("label", "")))
                continue
            ratio = num[0] / den[0]
            stated = {r["stated"].split()[1] for r in num[1] + den[1]}
            if stated == {"USD"}:  # compare dollars with dollars: no exchange rate between two months
                ratio = _native_mean(num[1]) / _native_mean(den[1])
            if ctype == "ratio":
                value, verdict = ratio, judge_relative(ratio, claimed)
            else:
                value = (1 - ratio) * 100
                verdict = judge_points(value, claimed)
            label = cand.get("label") or (_spec_label(cand) if len(candidates) > 1 else "")
            out.append(
                Outcome(
                    kind,
                    value,
                    claimed,
                    verdict if len(candidates) == 1 else "baseline",
                    baseline=label,
                    rows=num[1] + den[1],
                )
            )
    return out


def overall(outcomes: list[Outcome]) -> str:
    """One word for the claim: holds / roughly / fails, 'mixed' across kinds, 'baseline' where unstated."""
    verdicts = {o.verdict for o in outcomes}
    if "baseline" in verdicts:
        return "baseline"
    if verdicts <= {"no_data"}:
        return "no_data"
    verdicts.discard("no_data")
    return verdicts.pop() if len(verdicts) == 1 else "mixed"


CLAIM_FIELDS = ("id", "source", "said_by", "quote", "claim", "check", "note")


def load_claims(path: Path, models: set[str], sources: set[str]) -> list[dict]:
    """Read ``claims.yaml`` and check that every claim names a known source and known models."""
    label = path.name
    data, problems = read_yaml(path, label)
    claims = data.get("claims") if isinstance(data, dict) else None
    if not problems and not isinstance(claims, list):
        problems.append(Problem(label, 1, "claims", NO_VALUE, "a top-level 'claims:' list"))
    out = []
    for c in claims or []:
        if not isinstance(c, Record):
            problems.append(Problem(label, None, "claims", NO_VALUE, "each claim a mapping"))
            continue
        where = f"claim '{c.get('id')}'"
        for key in ("id", "source", "quote", "claim", "check"):
            if not c.get(key):
                problems.append(Problem(label, c.line, key, None, "a value", where))
        if c.get("source") not in sources:
            problems.append(
                Problem(label, c.line_of("source"), "source", c.get("source"), "a source id from sources.yaml", where)
            )
        check = c.get("check") or {}
        if check.get("type") not in CHECK_TYPES:
            problems.append(
                Problem(
                    label,
                    c.line_of("check"),
                    "check.type",
                    check.get("type"),
                    "one of " + ", ".join(CHECK_TYPES),
                    where,
                )
            )
        for spec in _specs(check):
            if not isinstance(spec, dict) or _spec_label(spec) not in models:
                problems.append(
                    Problem(label, c.line_of("check"), "check", str(spec), "a model (and tier) in prices.csv", where)
                )
        out.append(c)
    if problems:
        raise DataError(problems)
    return out
