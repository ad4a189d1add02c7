"""One model's whole record: every price the data holds for it (every kind and tier), each with its sources,
their own words, any dispute and the last day a source stated it; its latest prices; the events that name it.

This is the model page's and its chart's logic. Plain pandas, no Streamlit.
"""

from __future__ import annotations

import re

import pandas as pd

from pricewar import i18n
from pricewar.load import Dataset
from pricewar.normalize import as_text

KINDS = ("input", "cache_miss", "output", "cache_hit")  # the order a model's prices are listed in
CHART_SERIES = ("input", "output", "cache_hit")  # the step series a model's chart draws (input holds cache_miss)


def model_names(data: Dataset) -> tuple[str, ...]:
    """Every model that has a price, by name, in reading order (case-insensitive)."""
    return tuple(sorted(set(data.prices["model"].tolist()), key=lambda m: (m.casefold(), m)))


def default_model(data: Dataset) -> str:
    """The model a model page opens on: the first model the war's first headline event names that has a
    price (DeepSeek-V2 in the shipped data); else the first priced model by name; "" without prices."""
    names = set(model_names(data))
    top = data.events[data.events["importance"] >= 3].sort_values("date") if len(data.events) else data.events
    for cell in top["models"].tolist() if len(top) else []:
        for name in str(cell).split(";"):
            if name in names:
                return name
    return model_names(data)[0] if names else ""


def vendors_of(data: Dataset, model: str) -> tuple[str, ...]:
    """The vendors that sell ``model`` (one in practice; a name two vendors share lists both)."""
    return sellers(data).get(model, ())


def sellers(data: Dataset) -> dict[str, tuple[str, ...]]:
    """Every model's vendors, in one pass over the prices."""
    out: dict[str, dict[str, None]] = {}
    for m, v in zip(data.prices["model"].tolist(), data.prices["vendor"].tolist(), strict=True):
        out.setdefault(m, {})[v] = None
    return {m: tuple(vs) for m, vs in out.items()}


def confirmed(data: Dataset) -> dict[str, str]:
    """Each source's day, where it has one (``published``): the day it stated what it says."""
    src = data.sources
    return {i: p for i, p in zip(src["id"].tolist(), src["published"].tolist(), strict=True) if p}


def history(data: Dataset, model: str) -> pd.DataFrame:
    """Every stated price of ``model`` (every row of prices.csv for it, normalized), ordered by vendor, tier,
    kind and date, with ``until`` (the next change of the same vendor, tier and series, or NaT: still the
    latest in the data), ``last_stated`` (the latest day one of its sources published it, "" when no source
    has a day), ``last_source`` (that source) and ``own`` (whether one of its sources is the vendor's own
    statement)."""
    # a model has a few dozen rows at most: plain Python on them is faster than pandas' group machinery
    rows = as_text(data.normalized[data.normalized["model"] == model].reset_index(drop=True))
    vendor, tier, series, kind, date = (rows[c].tolist() for c in ("vendor", "tier", "series", "kind", "date"))
    rank = {k: i for i, k in enumerate(KINDS)}
    shown = sorted(range(len(rows)), key=lambda i: (vendor[i], tier[i], rank.get(kind[i], 9), date[i]))
    ends = sorted(range(len(rows)), key=lambda i: (vendor[i], tier[i], series[i], date[i]))
    until = [pd.NaT] * len(rows)
    for a, b in zip(ends, ends[1:], strict=False):
        if (vendor[a], tier[a], series[a]) == (vendor[b], tier[b], series[b]):
            until[a] = date[b]
    rows = rows.assign(until=pd.to_datetime(pd.Series(until, dtype="datetime64[ns]"))).iloc[shown]
    days = confirmed(data)
    own = set(data.sources.loc[data.sources["kind"] == "vendor", "id"].tolist())
    ids = [[s.strip() for s in str(cell).split(";") if s.strip()] for cell in rows["source"].tolist()]
    last = [max(((days[i], i) for i in cell if i in days), default=("", "")) for cell in ids]
    rows = rows.assign(last_stated=[d for d, _ in last], last_source=[i for _, i in last],
                       own=[any(i in own for i in cell) for cell in ids])
    return rows.reset_index(drop=True)


def latest(rows: pd.DataFrame) -> pd.DataFrame:
    """Of :func:`history`'s rows, the latest price of each vendor, tier and kind (those with no later
    change in the data)."""
    return rows[rows["until"].isna()].reset_index(drop=True)


def naming(data: Dataset, model: str) -> pd.DataFrame:
    """The events that name ``model`` (in ``models``; a name with a tier after it counts), in date order."""
    if data.events.empty:
        return data.events
    names = [[n.strip() for n in str(cell).split(";")] for cell in data.events["models"].tolist()]
    hit = [any(n == model or n.startswith(model + " ") for n in cell) for cell in names]
    return data.events[hit].sort_values("date").reset_index(drop=True)


def chart_series(data: Dataset, model: str, lang: str) -> pd.DataFrame:
    """The model's step series as the price chart draws them: one line per kind and tier, named by the kind
    ("Input 32k"), input first, then output, then cached input."""
    rows = data.series[(data.series["model"] == model) & data.series["series"].isin(CHART_SERIES)]
    order = {k: i for i, k in enumerate(CHART_SERIES)}
    rows = rows.assign(_order=rows["series"].astype(str).map(order)).sort_values(["_order", "tier", "date"])
    return rows.assign(model=[i18n.t(f"kind_{k}", lang) for k in rows["series"].astype(str)]).drop(columns="_order")


def summary(data: Dataset, model: str, lang: str, rows: pd.DataFrame | None = None) -> str:
    """One plain sentence on what the data holds for ``model``: its vendor, how many prices from which day
    to which, and how many sources (the vendor's own statements among them). ``rows``: its
    :func:`history`, when the caller has it."""
    rows = history(data, model) if rows is None else rows
    if rows.empty:
        return i18n.t("model_none", lang, model=model)
    vendors = vendor_words(data, model, lang)
    cited = {s.strip() for cell in rows["source"].tolist() for s in str(cell).split(";") if s.strip()}
    own = len(cited & set(data.sources.loc[data.sources["kind"] == "vendor", "id"].tolist()))
    first, last = f"{rows['date'].min():%Y-%m-%d}", f"{rows['date'].max():%Y-%m-%d}"
    when = i18n.t("model_one_day", lang, day=first) if first == last else i18n.t("model_days", lang, first=first,
                                                                                  last=last)
    one = len(cited) == 1
    if own == len(cited):
        whose = "model_own_all_one" if one else "model_own_all"
    elif own == 0:
        whose = "model_own_none_one" if one else "model_own_none"
    else:
        whose = "model_own_some"
    prices = i18n.t("n_prices_one" if len(rows) == 1 else "n_prices", lang, n=len(rows))
    sources = i18n.t("n_sources_one" if len(cited) == 1 else "n_sources", lang, n=len(cited))
    return i18n.t("model_summary", lang, model=model, vendor=vendors, prices=prices,
                  when=when, sources=sources, whose=i18n.t(whose, lang, own=own))


def vendor_words(data: Dataset, model: str, lang: str) -> str:
    """Who sells ``model``, in words and without the product in brackets: "ByteDance", "字节跳动"."""
    names = dict(zip(data.vendors["id"], data.vendors[f"name_{lang}"], strict=True))
    return ("、" if lang == "zh" else ", ").join(short_name(names.get(v, v)) for v in vendors_of(data, model))


def short_name(name: str) -> str:
    """"ByteDance (Doubao)" → "ByteDance", "字节跳动（豆包）" → "字节跳动"."""
    return re.sub(r"\s*[（(].*?[）)]", "", name).strip() or name
