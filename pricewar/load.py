"""Loading the data folder: read every file, validate everything, return one :class:`Dataset`.

:func:`load_dataset` either returns a :class:`Dataset` or raises :class:`~pricewar.errors.DataError`
listing every problem in every file at once. Nothing here writes to the data folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from pricewar import schema
from pricewar.errors import DataDirError, DataError, Problem
from pricewar.normalize import normalize, series_table
from pricewar.records import Claim, Correction, ModelClass, PublishedRate, Release, model_label
from pricewar.settings import DATA_VAR as ENV_VAR  # noqa: F401 - re-exported
from pricewar.settings import SHIPPED_DATA, default_data_dir  # noqa: F401 - re-exported
from pricewar.tables import Table, read_table
from pricewar.validate import (
    Rows,
    check_claims,
    check_classes,
    check_corrections,
    check_events,
    check_fx,
    check_prices,
    check_rates,
    check_sources,
    check_vendors,
    fx_months,
    parse_dates,
    parse_numbers,
)
from pricewar.yamlio import read_yaml


def fingerprint(data_dir: Path | str | None = None) -> tuple:
    """One cheap key of the whole folder that changes whenever any of its files changes, appears or goes:
    per file its size, modification and change times and inode (an editor that saves by replacing the
    file gives a new inode)."""
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
    """The validated data folder. Frames are typed (dates as datetimes, prices as floats) and carry ``line``.
    The text columns of ``prices`` are categoricals whose categories are in text order (a million-row
    tracker repeats a few values; they compare, sort and group like the text); ``series`` (the step series
    every chart reads, with blends) and ``normalized`` (every stated row per million tokens) hold plain
    text where a reader sees it.

    The optional files (events, claims, classes, published rates) may be absent or empty; one with
    problems is left out whole, and ``problems`` keeps what is wrong with it for the page that needs it.
    Reader-facing texts are in both languages: ``title_zh``/``title_en`` in frames, :class:`Text` in records.
    """

    data_dir: Path
    version: tuple  # the fingerprint of the files this was loaded from
    prices: pd.DataFrame
    normalized: pd.DataFrame
    series: pd.DataFrame
    events: pd.DataFrame
    event_sources: pd.DataFrame
    sources: pd.DataFrame
    vendors: pd.DataFrame
    fx: pd.DataFrame
    claims: tuple[Claim, ...] = ()
    classes: tuple[ModelClass, ...] = ()
    rates: tuple[PublishedRate, ...] = ()
    release: Release | None = None  # corrections.yaml's release: the data's version and "as of" day
    corrections: tuple[Correction, ...] = ()  # newest first
    files: dict[str, str] = field(default_factory=dict)  # optional file → "ok", "absent", "empty", "invalid"
    problems: dict[str, tuple[Problem, ...]] = field(default_factory=dict)  # optional file → its problems
    counts: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        c = self.counts
        text = (f"{c['prices']} prices ({c['models']} models, {c['price_vendors']} vendors), "
                f"{c['events']} events, {c['sources']} sources, {c['vendors']} vendors, "
                f"{c['fx_months']} FX months, {c['disputes']} disputed facts")
        extras = [f"{len(self.claims)} claims", f"{len(self.classes)} classes", f"{len(self.rates)} published rates",
                  f"{len(self.corrections)} corrections"]
        if self.release is not None:
            extras.append(f"release {self.release.version} as of {self.release.as_of}")
        return text + ", " + ", ".join(extras)

    def missing(self, name: str) -> str | None:
        """Why the optional file ``name`` (``"claims"``…) gives nothing — ``"absent"``, ``"empty"`` or
        ``"invalid"`` — or ``None`` when it is there and valid."""
        state = self.files.get(name, "ok")
        return None if state == "ok" else state

    @property
    def key(self) -> str:
        """The version as one string, for cache keys: Streamlit hashes a string at once, and the fingerprint's
        nested tuple in about a millisecond, several times a run."""
        return repr(self.version)

    @property
    def first(self) -> pd.Timestamp:
        """The first day the data speaks of (a price or an event)."""
        return min([d for d in (self.prices["date"].min(), self.events["date"].min()) if pd.notna(d)])

    @property
    def last(self) -> pd.Timestamp:
        """The last day the data speaks of: a price, an event, the day an event takes effect, or the release's
        "as of" day (the data says no price changed between its last row and that day)."""
        days = (self.prices["date"].max(), self.events["date"].max(), self.events["effective"].max(),
                pd.Timestamp(self.release.as_of) if self.release is not None else pd.NaT)
        return max([d for d in days if pd.notna(d)])

    @property
    def model_labels(self) -> frozenset[str]:
        """Every model as readers, claims and classes name it ("Doubao-pro 32k")."""
        return frozenset(model_label(m, t) for m, t in zip(self.series["model"], self.series["tier"], strict=True))


def load_dataset(data_dir: Path | str | None = None) -> Dataset:
    """Read and validate the data folder (default: :func:`default_data_dir`).

    Raises :class:`DataError` listing every problem of every file when a required file (prices, sources,
    vendors, fx) has any; otherwise returns the dataset, without the optional files that have problems
    (those problems are in ``Dataset.problems``: ``pricewar validate`` reports them all)."""
    base = Path(data_dir) if data_dir is not None else default_data_dir()
    if not base.is_dir():
        raise DataDirError(base)
    version = fingerprint(base)
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
    models = None
    if prices_t is not None:
        problems += check_prices(prices_t, vendor_ids, source_ids, months)
        models = _model_labels(prices_t) if not {"model", "tier"} & prices_t.missing else None

    optional: dict[str, tuple[list, list[Problem], str]] = {}

    def read_optional(name: str, check) -> None:
        path = base / F[name]
        if not path.exists():
            optional[name] = ([], [], "absent")
            return
        data, p = read_yaml(path, F[name])
        if p and data is None:
            optional[name] = ([], p, "invalid")
            return
        records, more = check(data)
        state = "invalid" if p or more else "ok" if records else "empty"
        optional[name] = (records, p + more, state)

    read_optional("events", lambda d: check_events(F["events"], d, vendor_ids, source_ids))
    read_optional("classes", lambda d: check_classes(F["classes"], d, models))
    class_ids = {c.id for c in optional["classes"][0]} if optional["classes"][2] in ("ok", "empty", "absent") else None
    read_optional("claims", lambda d: check_claims(F["claims"], d, models, source_ids, class_ids))
    read_optional("rates", lambda d: check_rates(F["rates"], d, source_ids))
    read_optional("corrections", lambda d: check_corrections(F["corrections"], d, source_ids))
    left_out = {name: tuple(p) for name, (_, p, state) in optional.items() if state == "invalid"}

    if problems:
        raise DataError(problems + [p for ps in left_out.values() for p in ps])
    assert prices_t is not None and vendors_t is not None and fx_t is not None
    kept = {name: records if state != "invalid" else [] for name, (records, _, state) in optional.items()}
    return _build(base, version, prices_t, kept, source_records, vendors_t.frame, fx_t.frame,
                  {name: state for name, (_, _, state) in optional.items()}, left_out)


def _model_labels(t: Table) -> set[str]:
    """The "model tier" labels of prices.csv, from each distinct (model, tier) pair's codes."""
    (m_codes, models), (t_codes, tiers) = t.factorized("model"), t.factorized("tier")
    pairs = np.unique(m_codes.astype(np.int64) * max(len(tiers), 1) + t_codes)
    size = max(len(tiers), 1)
    return {model_label(models.iloc[p // size], tiers.iloc[p % size]) for p in pairs}


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
    typed = {"date": parse_dates, "announced": parse_dates, "ends": parse_dates, "confirmed": parse_dates,
             "price": parse_numbers, "band_from": parse_numbers, "band_to": parse_numbers, "then": parse_numbers}
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


def _build(base, version, prices_t: Table, optional: dict, source_records, vendors, fx, files, left_out
           ) -> Dataset:
    prices = _sorted_prices(prices_t)
    event_records = optional["events"]

    def texts(records, name: str) -> dict[str, list[str]]:
        """A bilingual field of YAML records as its two columns (empty text where a record has none)."""
        return {schema.in_lang(name, lang): [_text((r.get(name) or {}).get(lang)) for r in records]
                for lang in schema.LANGS}

    events = pd.DataFrame({
        "id": pd.Series([r["id"] for r in event_records], dtype="str"),
        "date": pd.to_datetime(pd.Series([r["date"] for r in event_records], dtype="str"), format="%Y-%m-%d"),
        "effective": pd.to_datetime(pd.Series([r.get("effective") for r in event_records], dtype="object"),
                                    format="%Y-%m-%d"),
        "vendor": pd.Series([r.get("vendor") or "" for r in event_records], dtype="str"),
        "type": pd.Series([r["type"] for r in event_records], dtype="str"),
        "importance": pd.array([r["importance"] for r in event_records], dtype="int64"),
        **{k: pd.Series(v, dtype="str") for f in schema.EVENT_TEXTS for k, v in texts(event_records, f).items()},
        "source": pd.Series([";".join(s["id"] for s in r["sources"]) for r in event_records], dtype="str"),
        "models": pd.Series([";".join(r.get("models") or []) for r in event_records], dtype="str"),
        "line": pd.array([r.line for r in event_records], dtype="int64"),
    }).sort_values(["date", "id"], kind="stable").reset_index(drop=True)
    events["date"] = events["date"].astype("datetime64[us]")
    events["effective"] = events["effective"].astype("datetime64[us]")
    event_sources = pd.DataFrame(
        [(r["id"], s["id"], s["quote"]) for r in event_records for s in r["sources"]],
        columns=["event", "source", "quote"], dtype="str")

    plain = [f for f in schema.SOURCE_FIELDS if f not in schema.SOURCE_TEXTS]
    sources = pd.DataFrame({f: pd.Series([_text(r.get(f)) for r in source_records], dtype="str") for f in plain})
    for f in schema.SOURCE_TEXTS:
        for k, v in texts(source_records, f).items():
            sources[k] = pd.Series(v, dtype="str")
    for lang in schema.LANGS:  # a source's title as it wrote it, or our description of an untitled one
        sources[f"title_{lang}"] = pd.Series([_text(r["title"].get(lang) if isinstance(r.get("title"), dict)
                                                    else r.get("title")) for r in source_records], dtype="str")
    sources["title"] = sources["title_en"]
    sources["line"] = [r.line for r in source_records]

    vendors = vendors.copy()
    vendors["color"] = vendors["color"].str.upper()
    fx = fx.copy()
    fx["usd_cny"] = pd.to_numeric(fx["usd_cny"])
    fx = fx.sort_values("month").reset_index(drop=True)

    normalized = normalize(prices, fx)
    series = series_table(normalized, fx)
    models = prices[["vendor", "model", "tier"]].drop_duplicates()
    counts = {
        "prices": len(prices),
        "models": len(models),
        "price_vendors": prices["vendor"].nunique(),
        "events": len(events),
        "sources": len(sources),
        "vendors": len(vendors),
        "fx_months": len(fx),
        "disputes": int((prices["dispute_en"].str.strip() != "").sum() + (events["dispute_en"] != "").sum()),
    }
    return Dataset(base, version, prices, normalized, series, events, event_sources, sources, vendors, fx,
                   tuple(optional["claims"]), tuple(optional["classes"]), tuple(optional["rates"]),
                   next((r for r in optional["corrections"] if isinstance(r, Release)), None),
                   tuple(r for r in optional["corrections"] if isinstance(r, Correction)), files, left_out, counts)


def _text(value: object) -> str:
    return "" if value is None else str(value)
