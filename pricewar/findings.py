"""The findings a chart states in its title, true as worded for every view: free models named as free and
never a denominator, a ratio naming both models, a "fell from … to …" naming the model at each end, a
before → after counting only the models priced at both ends. Plain functions of the rows a chart draws;
the wording comes from :mod:`pricewar.i18n`, the numbers from :mod:`pricewar.text`."""

from __future__ import annotations

import pandas as pd

from pricewar import i18n
from pricewar.records import model_label
from pricewar.text import compare, money, per_year, plain
from pricewar.trend import shortfall

MAX_NAMED = 2  # models named in a title before "+N"


def labels(rows: pd.DataFrame) -> list[str]:
    return [model_label(m, t) for m, t in zip(rows["model"], rows["tier"], strict=True)]


def named(names: list[str], lang: str) -> str:
    """"A, B +3" — the first few of a list of models."""
    if lang == "en" and len(names) == 2:
        return " and ".join(names)
    sep = "、" if lang == "zh" else ", "
    shown = sep.join(names[:MAX_NAMED])
    return shown + (f" +{len(names) - MAX_NAMED}" if len(names) > MAX_NAMED else "")


def ranking(rows: pd.DataFrame, col: str, date: str, currency: str, lang: str) -> str:
    """The comparison on a date: the dearest paid model against the cheapest paid one (both named), the
    free models counted and named, never divided by."""
    priced = sorted(zip(rows[col].tolist(), labels(rows), strict=True))  # plain values: a few dozen rows
    free = [lbl for v, lbl in priced if v == 0]  # by name: priced is sorted by (price, name)
    paid = [(v, lbl) for v, lbl in priced if v > 0]
    free_part = i18n.t("finding_free", lang, n=len(free), models=named(free, lang)) if free else ""
    if not paid:
        return i18n.t("finding_all_free", lang, date=date, n=len(free))
    if len(paid) == 1:
        value, label = paid[0]
        return i18n.t("finding_only_paid" if free else "finding_only", lang, date=date, model=label,
                      price=money(value, currency, lang)) + free_part
    (low, cheap), (high, dear) = paid[0], paid[-1]
    ties = sum(1 for v, _ in paid if v == low) - 1
    sentence = compare(dear, cheap, high / low, lang)
    key = "finding_ranking_paid" if free else "finding_ranking"
    tied = i18n.t("finding_tied", lang, n=ties) if ties and high != low else ""
    return i18n.t(key, lang, date=date, sentence=sentence, tied=tied) + free_part


def unconfirmed_since(rows: pd.DataFrame, when: pd.Timestamp) -> pd.Timestamp | None:
    """The day the prices of ``rows`` (in effect on ``when``) were last confirmed, when no source confirms
    any of them on ``when`` — a series' last price carried past its last confirmation; else ``None``."""
    if "confirmed_through" not in rows or rows.empty:
        return None
    if (rows["until"].notna() | (rows["confirmed_through"] >= when)).any():
        return None
    return rows["confirmed_through"].max()


def cheapest_on(series: pd.DataFrame, col: str, when: pd.Timestamp
                ) -> tuple[float, list[str], pd.Timestamp | None] | None:
    """(the lowest price in effect on ``when``, the models at it, the day it was last confirmed when no
    source confirms it on ``when``) or ``None`` when nothing is priced then."""
    live = series[(series["date"] <= when) & (series["until"].isna() | (series["until"] > when))]
    if live.empty:
        return None
    low = float(live[col].min())
    cheapest = live[live[col] == low]
    return low, sorted(set(labels(cheapest))), unconfirmed_since(cheapest, when)


def curves(series: pd.DataFrame, col: str, start: pd.Timestamp, end: pd.Timestamp, kind: str, currency: str,
           lang: str) -> str:
    """The cheapest price at the start of the view (or on the first day anything is priced) against the
    cheapest at its end (or on the last day anything is priced), naming the model at each end — and saying
    when a price was last confirmed, where no source confirms it on that day."""
    keep = ["model", "tier", "date", "until", col] + (["confirmed_through"] if "confirmed_through" in series else [])
    series = series[keep]  # the few columns it reads, not every text column
    first_day = max(start, series["date"].min())
    ends = series["until"].dropna()
    last_day = end if series["until"].isna().any() or ends.max() > end else ends.max() - pd.Timedelta(days=1)
    a, b = cheapest_on(series, col, first_day), cheapest_on(series, col, last_day)
    if a is None or b is None:
        return i18n.t("nothing_selected", lang)
    (va, ma, sa), (vb, mb, sb) = a, b

    def day_of(day: pd.Timestamp, since: pd.Timestamp | None) -> str:
        text = day.date().isoformat()
        return text + i18n.t("finding_unconfirmed", lang, day=since.date().isoformat()) if since is not None else text

    def at(value: float, models: list[str], day: pd.Timestamp, since: pd.Timestamp | None) -> str:
        return i18n.t("finding_price_of", lang, price=money(value, currency, lang), models=named(models, lang),
                      date=day_of(day, since))

    if first_day == last_day:
        return i18n.t("finding_curves_day", lang, kind=kind, a=at(va, ma, first_day, sa))
    if va == vb and ma == mb:
        since = sb if sb is not None else sa
        tail = i18n.t("finding_same_unconfirmed", lang, day=since.date().isoformat()) if since is not None else ""
        return i18n.t("finding_curves_same", lang, kind=kind, price=money(va, currency, lang),
                      models=named(ma, lang), start=first_day.date().isoformat(),
                      end=last_day.date().isoformat()) + tail
    key = "finding_curves_fell" if vb < va else "finding_curves_rose" if vb > va else "finding_curves_level"
    b = at(vb, mb, last_day, sb)
    if lang == "zh" and b[:1].isdigit():  # "降至 2 美元", but "降至免费"
        b = " " + b
    return i18n.t(key, lang, kind=kind, a=at(va, ma, first_day, sa), b=b)


def unconfirmed_count(n: int, of: int, lang: str, day: str) -> str:
    """"6 of the 8 prices on 2026-11-30 are not confirmed by a source that day: …" — the note of a chart
    whose finding rests on prices carried past their last confirmation; "" when none is."""
    if not n:
        return ""
    key = "note_one_unconfirmed" if of == 1 else "note_all_unconfirmed" if n == of else "note_some_unconfirmed"
    return i18n.t(key, lang, n=n, m=of, date=day)


def change(before: float, after: float) -> float | None:
    """The change of one price in percent, or ``None`` from free (no percentage rises from zero)."""
    if before == 0:
        return 0.0 if after == 0 else None
    return (after / before - 1) * 100


def change_text(pct: float | None, lang: str) -> str:
    """"−80%", "+25%", "unchanged", "was free"; never "0%" for a change too small to show."""
    if pct is None:
        return i18n.t("from_free", lang)
    if pct == 0:
        return i18n.t("unchanged", lang)
    if abs(pct) < 0.5:
        return ("−" if pct < 0 else "+") + plain(abs(pct), 1) + "%"
    return ("−" if pct < 0 else "+") + f"{abs(pct):.0f}%"


def before_after(both: pd.DataFrame, new: int, gone: int, start: str, end: str, lang: str) -> str:
    """How many of the models priced on the window's first day got cheaper, the biggest cut named (every
    model tied with it too); models first priced later in the window or gone from it are counted apart,
    never as 0%."""
    extra = (i18n.t("finding_new", lang, n=new) if new else "") + (i18n.t("finding_gone", lang, n=gone) if gone else "")
    if both.empty:
        return i18n.t("finding_none_both", lang, start=start, end=end) + extra
    changes = list(zip(both["change"].tolist(), labels(both), strict=True))  # plain values: a few dozen rows
    cuts = [(c, lbl) for c, lbl in changes if c is not None and c == c and c < 0]
    rises = [lbl for c, lbl in changes if c is None or c != c or c > 0]  # from free, or dearer
    if not cuts:
        if len(changes) == 1:
            return i18n.t("finding_no_cut_one", lang, start=start, end=end, model=changes[0][1]) + extra
        key = "finding_no_cut_rise" if rises else "finding_no_cut"
        return i18n.t(key, lang, start=start, end=end, n=len(changes), r=len(rises)) + extra
    deepest = min(c for c, _ in cuts)
    biggest = sorted(lbl for c, lbl in cuts if c == deepest)  # all of them when tied
    cut = change_text(deepest, lang) if lang != "zh" else change_text(deepest, lang).lstrip("−")  # 降幅 80%
    if len(changes) == 1:
        return i18n.t("finding_cut_one", lang, start=start, end=end, model=biggest[0], cut=cut) + extra
    return i18n.t("finding_cuts", lang, start=start, end=end, n=len(changes), k=len(cuts),
                  model=named(biggest, lang), cut=cut) + extra


def decline(result: dict | None, points: pd.DataFrame, lang: str) -> str:
    """"Prices fell 8.2× per year (90% interval 5.1–13×)"; a rise as a rise; an interval that includes no
    change says so; no figure at all below the minimums — the title says why instead."""
    if result is None:
        why = shortfall(points)
        if why is None:  # meets the minimums but the fit failed (every point on one day)
            return i18n.t("nothing_selected", lang)
        reason, numbers = why
        return i18n.t(f"trend_{reason}", lang, **numbers)
    f, lo, hi = result["factor"], result["low"], result["high"]
    def low_end(text: str) -> str:  # "5.1–29×", not "5.1×–29×"
        return text.removesuffix("×")

    if f >= 1:
        text = i18n.t("trend_fell", lang, factor=per_year(f, lang), low=low_end(per_year(lo, lang)),
                      high=per_year(hi, lang))
    else:
        text = i18n.t("trend_rose", lang, factor=per_year(1 / f, lang, rise=True),
                      low=low_end(per_year(1 / hi, lang, rise=True)), high=per_year(1 / lo, lang, rise=True))
    return text + (i18n.t("trend_includes_none", lang) if lo < 1 < hi else "")


def supported(result: dict, lang: str) -> str:
    """The range of yearly figures the fit's interval supports, for a claim's verdict: "any figure from 5.1×
    to 13× a year would hold"."""
    return i18n.t("trend_supports", lang, low=per_year(result["low"], lang).removesuffix("×"),
                  high=per_year(result["high"], lang))
