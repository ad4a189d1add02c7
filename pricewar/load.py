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
import pyarrow as pa

from pricewar import schema
from pricewar.errors import DataDirError, DataError, Problem
from pricewar.tables import Table, decode, read_table
from pricewar.validate import (
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
    """The validated data. Frames are typed (dates as datetimes, prices as floats) and carry ``line``."""

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
    codes (each column's distinct values ranked once) and is applied to the encoded table, so no text
    is compared or moved row by row; dates and prices are parsed once per distinct value."""
    ranks = []
    for col in ("date", "kind", "tier", "model", "vendor"):  # np.lexsort: the last key is the primary one
        codes, uniques = t.factorized(col)
        rank = np.empty(len(uniques), np.int64)
        rank[np.argsort(uniques.to_numpy(dtype=object), kind="stable")] = np.arange(len(uniques))
        ranks.append(rank[codes])
    order = np.lexsort(ranks) if ranks and len(ranks[0]) else np.zeros(0, np.int64)
    in_order = bool(np.all(order[1:] > order[:-1]))
    arrow = t.arrow if in_order else t.arrow.take(pa.array(order))
    coded = {c: t.factorized(c) for c in ("date", "announced", "price")}
    if not in_order:
        coded = {c: (codes[order], uniques) for c, (codes, uniques) in coded.items()}
    prices = decode(arrow)
    prices["date"] = parse_dates(prices["date"], coded["date"])
    prices["announced"] = parse_dates(prices["announced"], coded["announced"])
    prices["price"] = parse_numbers(prices["price"], coded["price"])
    prices["line"] = t.lines if in_order else t.lines[order]
    return prices


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
