"""Loading the data folder: read every file, validate everything, return typed frames.

:func:`load_dataset` either returns a :class:`Dataset` or raises :class:`~pricewar.errors.DataError`
listing every problem in every file at once. Nothing here writes to the data folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from pricewar import schema
from pricewar.errors import DataDirError, DataError, Problem
from pricewar.tables import Table, read_table
from pricewar.validate import (
    Rows,
    check_events,
    check_fx,
    check_prices,
    check_sources,
    check_vendors,
    fx_months,
    parse_dates,
    parse_numbers,
)
from pricewar.yamlio import read_yaml

ENV_VAR = "PRICEWAR_DATA"
SHIPPED_DATA = Path(__file__).resolve().parent.parent / "data"


def default_data_dir() -> Path:
    """``$PRICEWAR_DATA`` when set, else the shipped ``data/`` folder."""
    env = os.environ.get(ENV_VAR, "").strip()
    return Path(env) if env else SHIPPED_DATA


def fingerprint(data_dir: Path | str | None = None) -> tuple:
    """A cheap key that changes whenever a data file changes: size, modification and change times, inode
    (an editor that saves by replacing the file gives a new inode)."""
    base = Path(data_dir) if data_dir is not None else default_data_dir()
    out = []
    for name in schema.FILES.values():
        try:
            st = (base / name).stat()
            out.append((name, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
        except OSError:
            out.append((name, None, None, None, None))
    return (str(base.resolve()), *out)


@dataclass(frozen=True)
class Dataset:
    """The validated data. Frames are typed (dates as datetimes, prices as floats) and carry ``line``.
    The text columns of ``prices`` are categoricals whose categories are in text order (a million-row
    tracker repeats a few values; they compare, sort and group like the text); the step series
    (:func:`pricewar.normalize.series_table`) hold plain text."""

    data_dir: Path
    prices: pd.DataFrame
    events: pd.DataFrame
    event_sources: pd.DataFrame
    sources: pd.DataFrame
    vendors: pd.DataFrame
    fx: pd.DataFrame
    counts: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        c = self.counts
        return (f"{c['prices']} prices ({c['models']} models, {c['price_vendors']} vendors), "
                f"{c['events']} events, {c['sources']} sources, {c['vendors']} vendors, "
                f"{c['fx_months']} FX months, {c['disputes']} disputed facts")


def load_dataset(data_dir: Path | str | None = None) -> Dataset:
    """Read and validate the data folder (default: :func:`default_data_dir`)."""
    base = Path(data_dir) if data_dir is not None else default_data_dir()
    if not base.is_dir():
        raise DataDirError(base)
    F = schema.FILES
    problems: list[Problem] = []

    src_data, p = read_yaml(base / F["sources"], F["sources"])
    problems += p
    source_records, source_ids = [], None
    if src_data is not None or not p:  # parsed (an empty file is too, and then lacks its list)
        source_records, p = check_sources(F["sources"], src_data)
        problems += p
        source_ids = {r["id"] for r in source_records if isinstance(r.get("id"), str)}

    vendors_t, p = read_table(base / F["vendors"], F["vendors"], schema.VENDOR_COLUMNS)
    problems += p
    if vendors_t is not None:
        problems += check_vendors(vendors_t)
    vendor_ids = set(vendors_t.frame["id"]) if vendors_t is not None else None

    fx_t, p = read_table(base / F["fx"], F["fx"], schema.FX_COLUMNS)
    problems += p
    if fx_t is not None:
        problems += check_fx(fx_t, source_ids)
    months = fx_months(fx_t) if fx_t is not None else None

    prices_t, p = read_table(base / F["prices"], F["prices"], schema.PRICE_REQUIRED, schema.PRICE_OPTIONAL)
    problems += p
    if prices_t is not None:
        problems += check_prices(prices_t, vendor_ids, source_ids, months)

    ev_data, p = read_yaml(base / F["events"], F["events"])
    problems += p
    event_records: list = []
    if ev_data is not None or not p:
        event_records, p = check_events(F["events"], ev_data, vendor_ids, source_ids)
        problems += p

    if problems:
        raise DataError(problems)
    assert prices_t is not None and vendors_t is not None and fx_t is not None
    return _build(base, prices_t, event_records, source_records, vendors_t.frame, fx_t.frame)


def _sorted_prices(t: Table) -> pd.DataFrame:
    """prices.csv's rows in (vendor, model, tier, kind, date) order, typed. The order comes from the
    codes (each column's distinct values ranked once), so no text is compared or moved row by row; text
    columns become categoricals whose categories are in text order (sorting them sorts the text); dates
    and prices are parsed once per distinct value."""
    ranked = {}
    for col in t.arrow.column_names:
        codes, uniques = t.factorized(col)
        by_text = np.argsort(uniques.to_numpy(dtype=object), kind="stable")
        rank = np.empty(len(uniques), np.int32)
        rank[by_text] = np.arange(len(uniques), dtype=np.int32)
        ranked[col] = (rank[codes], uniques.iloc[by_text].reset_index(drop=True))
    order = sort_order([ranked[c] for c in ("vendor", "model", "tier", "kind", "date")], t.arrow.num_rows)
    in_order = bool(np.all(order[1:] > order[:-1]))
    if not in_order:
        ranked = {c: (codes[order], uniques) for c, (codes, uniques) in ranked.items()}
    typed = {"date": parse_dates, "announced": parse_dates, "price": parse_numbers}
    index = pd.RangeIndex(t.arrow.num_rows)
    columns = {}
    for c, (codes, uniques) in ranked.items():
        if c in typed:
            columns[c] = typed[c](Rows(len(index)), (codes, uniques))
        else:
            columns[c] = pd.Categorical.from_codes(codes, categories=pd.Index(uniques, dtype="str"), validate=False)
    prices = pd.DataFrame(columns, index=index)
    prices["line"] = t.lines if in_order else t.lines[order]
    return prices


def sort_order(keys: list[tuple[np.ndarray, object]], rows: int) -> np.ndarray:
    """The stable order of rows by several keys given as (rank of each row's value, distinct values):
    one integer per row when the combinations fit in 63 bits (one sort), else a lexicographic sort."""
    combined, room = np.zeros(rows, np.int64), 1
    for ranks, uniques in keys:
        size = max(len(uniques), 1)
        room *= size
        if room >= 2**62:
            return np.lexsort([r for r, _ in reversed(keys)])
        combined = combined * size + ranks
    return np.argsort(combined, kind="stable")


def _build(base, prices_t: Table, event_records, source_records, vendors, fx) -> Dataset:
    prices = _sorted_prices(prices_t)

    events = pd.DataFrame({
        "id": [r["id"] for r in event_records],
        "date": pd.to_datetime([r["date"] for r in event_records], format="%Y-%m-%d"),
        "effective": pd.to_datetime([r.get("effective") for r in event_records], format="%Y-%m-%d"),
        "vendor": [r.get("vendor") or "" for r in event_records],
        "type": [r["type"] for r in event_records],
        "importance": pd.array([r["importance"] for r in event_records], dtype="int64"),
        "title_zh": [r["title"]["zh"] for r in event_records],
        "title_en": [r["title"]["en"] for r in event_records],
        "summary_zh": [r["summary"]["zh"] for r in event_records],
        "summary_en": [r["summary"]["en"] for r in event_records],
        "source": [";".join(s["id"] for s in r["sources"]) for r in event_records],
        "models": [";".join(r.get("models") or []) for r in event_records],
        "dispute": [r.get("dispute") or "" for r in event_records],
        "note": [r.get("note") or "" for r in event_records],
        "line": [r.line for r in event_records],
    }).sort_values(["date", "id"], kind="stable").reset_index(drop=True)
    event_sources = pd.DataFrame(
        [(r["id"], s["id"], s["quote"]) for r in event_records for s in r["sources"]],
        columns=["event", "source", "quote"])

    source_fields = ("id", "kind", "title", "outlet", "author", "published", "dated", "url", "seed",
                     "language", "note")
    sources = pd.DataFrame({f: [_text(r.get(f)) for r in source_records] for f in source_fields})
    sources["line"] = [r.line for r in source_records]

    vendors = vendors.copy()
    vendors["color"] = vendors["color"].str.upper()
    fx = fx.copy()
    fx["usd_cny"] = pd.to_numeric(fx["usd_cny"])
    fx = fx.sort_values("month").reset_index(drop=True)

    models = prices[["vendor", "model"]].drop_duplicates()
    counts = {
        "prices": len(prices),
        "models": len(models),
        "price_vendors": prices["vendor"].nunique(),
        "events": len(events),
        "sources": len(sources),
        "vendors": len(vendors),
        "fx_months": len(fx),
        "disputes": int((prices["dispute"].str.strip() != "").sum() + (events["dispute"] != "").sum()),
    }
    return Dataset(base, prices, events, event_sources, sources, vendors, fx, counts)


def _text(value: object) -> str:
    return "" if value is None else str(value)
