"""Checks of each data file's content. Every check collects all failing records; none stops early.

The CSV checks are vectorized (pandas masks over whole columns), so a million-row ``prices.csv`` costs
a few column operations, not a Python loop per row. Only failing rows become :class:`Problem` objects.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from urllib.parse import urlparse

import numpy as np
import pandas as pd

from pricewar import schema
from pricewar.errors import NO_VALUE, Problem
from pricewar.records import (
    NO_TEXT,
    Baseline,
    Check,
    Claim,
    Correction,
    ModelClass,
    ModelRef,
    PublishedRate,
    Release,
    Text,
)
from pricewar.tables import Table
from pricewar.yamlio import Record

_ID_RE = re.compile(schema.ID_PATTERN)
_DATE_RE = re.compile(schema.DATE_PATTERN)


# --- helpers ----------------------------------------------------------------------------------------
def _rows(table: Table, mask: pd.Series | np.ndarray, field: str, expected: str,
          values: pd.Series | None = None) -> list[Problem]:
    """One problem per row where ``mask`` holds, quoting that row's ``field`` (or ``values``)."""
    mask = np.asarray(mask, dtype=bool)
    if field in table.missing or not mask.any():  # a missing column is reported once, by the reader
        return []
    shown = (values if values is not None else table.frame[field]).to_numpy()[mask]
    return [Problem(table.label, int(line), field, value, expected)
            for line, value in zip(table.lines[mask], shown, strict=True)]


Coded = tuple[np.ndarray, pd.Series]  # (the code of each row's value, the distinct values)


def per_unique(values: pd.Series, fn, coded: Coded | None = None) -> pd.Series:
    """``fn`` applied to each distinct value once, spread back over ``values``. Data columns repeat a
    few values (dates, vendors, source lists) across many rows, so this is what keeps a million-row file
    fast. ``coded``: the column's codes and distinct values when the reader has them already."""
    if coded is None:
        codes, uniques = pd.factorize(values, use_na_sentinel=False)
        uniques = pd.Series(uniques, dtype=values.dtype)
    else:
        codes, uniques = coded
    result = fn(uniques).to_numpy()
    if result.dtype == bool and not result.any():  # the usual answer of a check: no row fails
        return pd.Series(np.zeros(len(codes), bool), index=values.index)
    return pd.Series(result[codes], index=values.index)


def outside(values: pd.Series, allowed, coded: Coded | None = None) -> pd.Series:
    """True where a value is not one of ``allowed`` (checked once per distinct value)."""
    allowed = set(allowed)
    return per_unique(values, lambda v: pd.Series([x not in allowed for x in v], dtype=bool), coded).astype(bool)


def parse_dates(values: pd.Series, coded: Coded | None = None) -> pd.Series:
    """YYYY-MM-DD strings → datetimes; anything else (wrong shape, impossible day) → NaT."""

    def parse(v: pd.Series) -> pd.Series:
        return pd.to_datetime(v.where(v.str.fullmatch(schema.DATE_PATTERN)), format="%Y-%m-%d", errors="coerce")

    return per_unique(values, parse, coded).astype("datetime64[us]")


def parse_numbers(values: pd.Series, coded: Coded | None = None) -> pd.Series:
    """Number strings → floats (NaN where not a number), parsed once per distinct value."""
    return per_unique(values, lambda v: pd.to_numeric(v, errors="coerce").astype("float64"), coded)


def _one_of(values: Iterable[str]) -> str:
    return "one of " + ", ".join(values)


def _blank(s: pd.Series, coded: Coded | None = None) -> pd.Series:
    return per_unique(s, lambda v: v.str.strip() == "", coded).astype(bool)


def dispute_ids(text: str) -> list[str]:
    return [m.strip() for m in re.findall(schema.DISPUTE_SOURCE_PATTERN, text)]


# --- vendors.csv ------------------------------------------------------------------------------------
def check_vendors(t: Table) -> list[Problem]:
    """Any number of vendors, each with a lower-case id, both names, an ISO country and a style of its own."""
    f = t.frame
    p: list[Problem] = []
    p += _rows(t, ~f["id"].str.fullmatch(schema.ID_PATTERN), "id", "a lower-case id like 'deepseek'")
    p += _rows(t, f["id"].duplicated(), "id", "each vendor id once")
    p += _rows(t, _blank(f["name_zh"]), "name_zh", "the vendor's name in Chinese")
    p += _rows(t, _blank(f["name_en"]), "name_en", "the vendor's name in English")
    p += _rows(t, outside(f["country"], schema.COUNTRIES), "country",
               "an ISO 3166 alpha-2 country code in capitals, like CN, US or FR")
    p += _rows(t, outside(f["color"].str.upper(), schema.OKABE_ITO), "color",
               "a colour of the colour-blind-safe Okabe–Ito palette: " + ", ".join(schema.OKABE_ITO))
    p += _rows(t, outside(f["dash"], schema.DASHES), "dash", _one_of(schema.DASHES))
    p += _rows(t, outside(f["marker"], schema.MARKERS), "marker", _one_of(schema.MARKERS))
    style = f["color"].str.upper() + " " + f["dash"] + " " + f["marker"]
    first = pd.Series(t.lines, index=f.index).groupby(style).transform("first").to_numpy()
    dup = style.duplicated().to_numpy()
    p += [Problem(t.label, int(line), "color", value,
                  f"a colour, dash and marker that no other vendor has (line {other} has the same)")
          for line, value, other in zip(t.lines[dup], style.to_numpy()[dup], first[dup], strict=True)]
    return p


# --- fx.csv -----------------------------------------------------------------------------------------
def fx_months(t: Table) -> set[str]:
    """The well-formed months of fx.csv (prices are checked against these)."""
    months = t.frame["month"]
    return set(months[months.str.fullmatch(schema.MONTH_PATTERN)
                      & pd.to_datetime(months, format="%Y-%m", errors="coerce").notna()])


def check_fx(t: Table, sources: set[str] | None) -> list[Problem]:
    f = t.frame
    p: list[Problem] = []
    shaped = f["month"].str.fullmatch(schema.MONTH_PATTERN)
    month = pd.to_datetime(f["month"].where(shaped), format="%Y-%m", errors="coerce")
    p += _rows(t, month.isna(), "month", "a month as YYYY-MM")
    p += _rows(t, f["month"].duplicated() & month.notna(), "month", "each month once")
    rate = pd.to_numeric(f["usd_cny"], errors="coerce")
    p += _rows(t, ~(rate > 0) | ~np.isfinite(rate), "usd_cny", "a positive number of 元 per US$")
    if sources is not None:
        p += _rows(t, outside(f["source"].str.strip(), sources), "source", "a source id from sources.yaml")
    return p


# --- prices.csv -------------------------------------------------------------------------------------
def check_prices(t: Table, vendors: set[str] | None, sources: set[str] | None,
                 fx_months: set[str] | None) -> list[Problem]:
    """Every problem of prices.csv. Each check runs once per distinct value of its column (the reader's
    dictionary codes), so a million-row tracker costs about as much as its few thousand distinct cells."""
    rows = t.arrow.num_rows
    f = Rows(rows)
    c = t.factorized
    p: list[Problem] = []
    if rows == 0:  # the header alone: there is nothing to draw
        return [Problem(t.label, 2, None, NO_VALUE, "at least one price, a row under the header")]
    date = parse_dates(f["date"], c("date"))
    p += _rows(t, date.isna(), "date", "a real date as YYYY-MM-DD")
    has_announced = ~_blank(f["announced"], c("announced"))
    if has_announced.any():
        announced = parse_dates(f["announced"], c("announced"))
        p += _rows(t, has_announced & announced.isna(), "announced", "empty, or a real date as YYYY-MM-DD")
        p += _rows(t, has_announced & (announced > date), "announced",
                   "a date on or before the effective 'date' (" + "announced ≤ date)")
    if vendors is not None:
        p += _rows(t, outside(f["vendor"], vendors, c("vendor")), "vendor", "a vendor id from vendors.csv: "
                   + ", ".join(sorted(vendors)))
    p += _rows(t, _blank(f["model"], c("model")), "model", "the vendor's model name")
    p += _rows(t, outside(f["kind"], schema.PRICE_KINDS, c("kind")), "kind", _one_of(schema.PRICE_KINDS))
    price = parse_numbers(f["price"], c("price"))
    p += _rows(t, price.isna() | ~np.isfinite(price) | (price < 0), "price",
               "a number ≥ 0 as the source states it (0 = free; no units or currency signs)")
    p += _rows(t, outside(f["currency"], schema.CURRENCIES, c("currency")), "currency", _one_of(schema.CURRENCIES))
    p += _rows(t, outside(f["unit"], tuple(schema.UNITS), c("unit")), "unit", _one_of(schema.UNITS))
    p += _rows(t, _blank(f["quote"], c("quote")), "quote", "the source's own words for this price")
    p += _source_problems(t, f["source"], sources, c("source"))
    for column in schema.bilingual("dispute"):
        p += _dispute_problems(t, column, sources, c(column))
    for field in schema.PRICE_TEXTS:
        p += _bilingual_cells(t, field)
    if fx_months:  # a month after the last rate is converted at it, marked provisional (normalize)
        lo, hi = min(fx_months), max(fx_months)
        no_rate = per_unique(f["date"], lambda v: ~v.str.slice(0, 7).isin(fx_months) & (v.str.slice(0, 7) < hi),
                             c("date")).astype(bool)
        p += _rows(t, date.notna() & no_rate, "date", f"a month with a USD/CNY rate in fx.csv ({lo} to {hi}; "
                   "a month after the last one is converted at the last one, marked provisional)")
    p += _condition_problems(t, f, c, date)

    key = [*schema.PRICE_KEY, "band_from", "period"]
    dup = _duplicated([c(k) for k in key], rows)
    if dup.any():
        frame = t.frame
        first = pd.Series(t.lines, index=frame.index).groupby([frame[k] for k in key]).transform("first")
        p += [Problem(t.label, int(line), "date", value,
                      "one row per (vendor, model, tier, kind, date, band_from, period); "
                      f"line {first_line} has the same key")
              for line, value, first_line in zip(t.lines[dup], frame["date"].to_numpy()[dup],
                                                 first.to_numpy()[dup], strict=True)]
    kind_codes, kinds = c("kind")
    if (kinds == "cache_miss").any():
        frame = t.frame
        clash = pd.Series(False, index=frame.index)
        cols = ["vendor", "model", "tier", "date", "band_from", "period"]
        sub = frame.loc[frame["kind"].isin(("input", "cache_miss")), [*cols, "kind"]]
        has_input = (sub["kind"] == "input").groupby([sub[c] for c in cols], observed=True).transform("any")
        clash[sub.index] = has_input & (sub["kind"] == "cache_miss")
        p += _rows(t, clash, "kind", "either an 'input' or a 'cache_miss' price for one model on one date "
                   "(both are its input price)")
    return p


def _condition_problems(t: Table, f: Rows, c, date: pd.Series) -> list[Problem]:
    """The optional columns saying how a price is sold (:data:`schema.PRICE_CONDITIONS`): bands as whole
    thousands of tokens with the upper above the lower, a period with its hours and time zone, a
    limited-time price's end after its start, a confirmation on or after the price's day."""
    p: list[Problem] = []
    given = {col: ~_blank(f[col], c(col)) for col in schema.PRICE_CONDITIONS}
    if not any(g.any() for g in given.values()):
        return p

    def whole(col: str) -> pd.Series:
        return parse_numbers(f[col], c(col))

    lo, hi = whole("band_from"), whole("band_to")
    bad_lo = given["band_from"] & (lo.isna() | (lo < 0) | (lo != lo.round()))
    bad_hi = given["band_to"] & (hi.isna() | (hi <= 0) | (hi != hi.round()))
    p += _rows(t, bad_lo, "band_from", "a whole number ≥ 0 of thousands of tokens (0 = from the first token)")
    p += _rows(t, bad_hi, "band_to", "empty (no upper bound) or a whole number > 0 of thousands of tokens")
    p += _rows(t, given["band_to"] & ~given["band_from"], "band_from",
               "the band's lower bound too, since band_to has one (0 for a band from the first token)")
    p += _rows(t, ~bad_lo & ~bad_hi & given["band_to"] & given["band_from"] & (hi <= lo), "band_to",
               "an upper bound above band_from")
    p += _rows(t, given["period"] & outside(f["period"], schema.PERIODS, c("period")), "period",
               "empty (all day) or " + _one_of(schema.PERIODS))
    for col, pattern, expected in (("hours", schema.HOURS_PATTERN, "the hours as HH:MM-HH:MM, e.g. 00:30-08:30"),
                                   ("tz", schema.TZ_PATTERN, "a time zone as UTC+8 or UTC-5:30")):
        shaped = per_unique(f[col], lambda v, pat=pattern: v.str.fullmatch(pat).fillna(False), c(col)).astype(bool)
        p += _rows(t, given[col] & ~shaped, col, expected)
        p += _rows(t, given["period"] & ~given[col], col, expected + ", since the row has a period")
    p += _rows(t, given["days"] & outside(f["days"], schema.DAY_RULES, c("days")), "days",
               "empty (every day) or " + _one_of(schema.DAY_RULES))
    for col in ("hours", "tz", "days"):
        p += _rows(t, given[col] & ~given["period"], "period",
                   f"peak or off_peak, since the row gives {col} (which apply to a time-of-day price)")
    for col, later in (("ends", True), ("confirmed", False)):
        day = parse_dates(f[col], c(col))
        p += _rows(t, given[col] & day.isna(), col, "empty, or a real date as YYYY-MM-DD")
        wrong = (day <= date) if later else (day < date)
        p += _rows(t, given[col] & day.notna() & wrong, col,
                   "a day after the price's 'date' (the first day it no longer applies)" if later
                   else "a day on or after the price's 'date'")
    then = whole("then")
    p += _rows(t, given["then"] & (then.isna() | (then < 0)), "then",
               "empty, or the price after the limited-time one ends: a number ≥ 0 in the row's currency and unit")
    p += _rows(t, given["then"] & ~given["ends"], "ends",
               "the day the limited-time price ends, since the row says what it falls back to")
    return p


class Rows:
    """A stand-in for text columns whose codes are at hand (``rows["date"]`` is the same stand-in): the
    index :func:`per_unique` spreads its results over; the text itself is decoded only for a message."""

    def __init__(self, count: int) -> None:
        self.index = pd.RangeIndex(count)
        self.dtype = pd.StringDtype("pyarrow", na_value=np.nan)

    def __getitem__(self, name: str) -> Rows:
        return self


def _duplicated(coded: list[Coded], rows: int) -> np.ndarray:
    """Rows whose combination of values (given as codes) came before, without comparing any text."""
    key = np.zeros(rows, np.int64)
    room = 1
    for codes, uniques in coded:
        size = max(len(uniques), 1)
        room *= size
        if room >= 2**62:  # too many combinations for one integer: let pandas hash the codes
            return pd.DataFrame({i: cd for i, (cd, _) in enumerate(coded)}).duplicated().to_numpy()
        key = key * size + codes
    return pd.Series(key).duplicated().to_numpy()


def _source_problems(t: Table, cells: pd.Series, sources: set[str] | None, coded: Coded | None = None
                     ) -> list[Problem]:
    p = _rows(t, _blank(cells, coded), "source", "one or more source ids from sources.yaml, separated by ';'")
    if sources is None:
        return p

    def unknown_ids(v: pd.Series) -> pd.Series:
        return v.map(lambda cell: ", ".join(i.strip() or "(empty id)" for i in cell.split(";")
                                            if i.strip() not in sources) if cell.strip() else "")

    unknown = per_unique(cells, unknown_ids, coded)
    return p + _rows(t, unknown != "", "source", "source ids defined in sources.yaml", values=unknown)


def _dispute_problems(t: Table, column: str, sources: set[str] | None, coded: Coded | None = None
                      ) -> list[Problem]:
    def verdict(v: pd.Series) -> pd.Series:
        def one(cell: str) -> str:
            if not cell.strip():
                return ""
            ids = dispute_ids(cell)
            if not ids:
                return "none"
            return "unknown" if sources is not None and any(i not in sources for i in ids) else ""
        return v.map(one)

    found = per_unique(Rows(t.arrow.num_rows)[column], verdict, coded)
    return (_rows(t, found == "none", column,
                  "the other reading and the [source-id] that gives it, in square brackets")
            + _rows(t, found == "unknown", column, "source ids in [brackets] defined in sources.yaml"))


def _bilingual_cells(t: Table, field: str) -> list[Problem]:
    """A reader-facing text is given in both languages or in neither; a dispute names the same sources in
    both."""
    zh, en = schema.bilingual(field)
    if zh in t.missing or en in t.missing:
        return []
    rows = t.arrow.num_rows
    (zh_codes, zh_values), (en_codes, en_values) = t.factorized(zh), t.factorized(en)
    zh_blank = (zh_values.str.strip() == "").to_numpy()[zh_codes]
    en_blank = (en_values.str.strip() == "").to_numpy()[en_codes]
    if not (zh_blank != en_blank).any() and field != "dispute":
        return []
    p = _rows(t, zh_blank & ~en_blank, zh, f"the Chinese text too, since {en} has one (readers see this text "
              "in their language)")
    p += _rows(t, en_blank & ~zh_blank, en, f"the English text too, since {zh} has one (readers see this text "
               "in their language)")
    if field == "dispute":
        pair = zh_codes.astype(np.int64) * max(len(en_values), 1) + en_codes
        uniq, inverse = np.unique(pair, return_inverse=True)
        size = max(len(en_values), 1)

        def differ_ids(u: int) -> bool:
            zh_ids, en_ids = dispute_ids(zh_values.iloc[u // size]), dispute_ids(en_values.iloc[u % size])
            return bool(zh_ids and en_ids) and sorted(zh_ids) != sorted(en_ids)

        differ = np.array([differ_ids(u) for u in uniq], bool)
        mask = differ[inverse] & ~zh_blank & ~en_blank if len(uniq) else np.zeros(rows, bool)
        p += _rows(t, mask, en, f"the same [source-id]s as {zh} (the two texts give the same other readings)")
    return p


# --- YAML records -----------------------------------------------------------------------------------
@functools.lru_cache(maxsize=4096)
def _parse_day(text: str) -> pd.Timestamp | None:
    """A YAML date as a Timestamp, ``None`` unless a real day as YYYY-MM-DD (the records repeat a few hundred
    days: each is parsed once, without pandas' parser, which cost 0.1 ms a call)."""
    if not _DATE_RE.match(text):
        return None
    try:
        return pd.Timestamp(date.fromisoformat(text[:10])) if len(text) == 10 else None
    except ValueError:
        return None


class _RecordChecker:
    """Collects problems about one YAML record: each at the line of its field (the record's first line
    when the field is absent), naming the record and where it starts."""

    def __init__(self, label: str, record: Record, kind: str, index: int):
        self.label, self.record, self.problems = label, record, []
        rid = record.get("id")
        name = f"{kind} '{rid}'" if isinstance(rid, str) and rid.strip() else f"{kind} #{index}"
        self.name = name
        self.start = record.line

    def add(self, field: str | None, value: object, expected: str, line: int | None = None) -> None:
        line = line if line is not None else self.line_of(field)
        record = self.name if line == self.start else f"{self.name} (starts line {self.start})"
        self.problems.append(Problem(self.label, line, field, value, expected, record))

    def line_of(self, field: str | None) -> int:
        """The line of a (dotted) field's key, as deep as it exists; else the record's first line."""
        node, line = self.record, self.record.line
        for part in (field or "").split(".") if field else ():
            if not isinstance(node, Record) or part not in node.key_lines:
                break
            line, node = node.key_lines[part], node.get(part)
        return line

    def text(self, field: str, required: bool = True) -> str | None:
        value = self.record.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.add(field, None, "a non-empty text")
            return None
        if not isinstance(value, str | int | float):
            self.add(field, _short(value), "a text")
            return None
        return str(value)

    def date(self, field: str, required: bool = True) -> pd.Timestamp | None:
        return self.date_in(self.record, field, field, required)

    def date_in(self, node: object, key: str, field: str, required: bool = True) -> pd.Timestamp | None:
        """The date under ``key`` of ``node`` (this record or a mapping inside it), reported as ``field``."""
        value = node.get(key) if isinstance(node, dict) else None
        line = node.line_of(key) if isinstance(node, Record) else None
        if value is None:
            if required:
                self.add(field, None, "a real date as YYYY-MM-DD", line)
            return None
        text = str(value)
        stamp = _parse_day(text)
        if stamp is None:
            self.add(field, text, "a real date as YYYY-MM-DD", line)
            return None
        return stamp

    def both_langs(self, key: str, required: bool = True, node: dict | None = None, field: str = "") -> Text | None:
        """A reader-facing text: a mapping with a non-empty text per language (the one bilingual form of
        every YAML file). ``None`` when absent and optional, or when it has a problem. ``node``: a mapping
        inside the record (``field`` names it in problems)."""
        node = self.record if node is None else node
        field = field or key
        value = node.get(key)
        line = node.line_of(key) if isinstance(node, Record) and node is not self.record else None
        if value is None and not required:
            return None
        if not isinstance(value, dict):
            self.add(field, _short(value), "a mapping with 'zh' and 'en' texts, like {zh: 中文, en: English}", line)
            return None
        out = {}
        for lang in schema.LANGS:
            text = value.get(lang)
            if not isinstance(text, str) or not text.strip():
                self.add(f"{field}.{lang}", _short(text),
                         f"a non-empty {'Chinese' if lang == 'zh' else 'English'} text", line)
            else:
                out[lang] = text
        for extra in sorted(set(value) - set(schema.LANGS)):
            self.add(f"{field}.{extra}", NO_VALUE, "only 'zh' and 'en'", line)
        return Text(**out) if len(out) == len(schema.LANGS) else None

    def short_text(self, key: str, most: dict[str, int], what: str, like: str) -> Text | None:
        """A required reader-facing text printed in a small space (a credit line, a label on a chart): as
        :meth:`both_langs`, and in each language at most ``most[lang]`` characters as
        :func:`~pricewar.schema.label_length` counts them. ``what`` says what the text is for, ``like``
        shows one."""
        value = self.record.get(key)
        if not isinstance(value, dict):
            self.add(key, _short(value), f"a mapping with 'zh' and 'en' texts, like {like}: {what}")
            return None
        text = self.both_langs(key)
        for lang in schema.LANGS:
            t = value.get(lang)
            length = schema.label_length(t, lang) if isinstance(t, str) and t.strip() else 0
            if length > most[lang]:
                half = ", a Latin letter, digit or space counting half" if lang == "zh" else ""
                self.add(f"{key}.{lang}", t, f"at most {most[lang]} characters{half} (this has {length:g}): {what}")
                text = None
        return text

    def source(self, sources: set[str] | None) -> str | None:
        """The record's ``source``: present, and a source id of sources.yaml (when that file could be read)."""
        sid = self.text("source")
        if sid is not None and sources is not None and sid not in sources:
            self.add("source", sid, "a source id from sources.yaml")
        return sid

    def unique_id(self, seen: dict[str, int], kind: str) -> None:
        """The record's ``id``: present, well-formed, and not used by an earlier record (``seen``)."""
        rid = self.text("id")
        if rid is None:
            return
        if not _ID_RE.match(rid):
            self.add("id", rid, "a lower-case id of letters, digits, '.', '_' or '-'")
        elif rid in seen:
            self.add("id", rid, f"each {kind} id once (also on line {seen[rid]})")
        else:
            seen[rid] = self.start

    def unknown_keys(self, known: Iterable[str], node: object = None, prefix: str = "") -> None:
        node = self.record if node is None else node
        for key in node:
            if key not in known:
                line = node.line_of(key) if isinstance(node, Record) else None
                self.add(prefix + str(key), NO_VALUE, "only known fields (" + ", ".join(known) + ")", line)


def _short(value: object) -> object:
    return value if isinstance(value, str | int | float) or value is None else type(value).__name__


def _records(label: str, data: object, top_key: str, required: bool) -> tuple[list[Record], list[Problem]]:
    """The list of records under ``top_key`` (e.g. ``events:``). An optional file may be empty."""
    if data is None and not required:
        return [], []
    if isinstance(data, dict) and isinstance(data.get(top_key), list):
        items = data[top_key]
    elif isinstance(data, dict) and data.get(top_key, ...) is None and not required:
        items = []  # "events:" with nothing under it
    else:
        line = data.line if isinstance(data, Record) else 1
        return [], [Problem(label, line, top_key, NO_VALUE, f"a top-level '{top_key}:' list of records")]
    good = [r for r in items if isinstance(r, Record)]
    bad = [Problem(label, None, top_key, _short(r), "each item to be a mapping of fields")
           for r in items if not isinstance(r, Record)]
    return good, bad


def _checkers(label: str, data: object, top_key: str, kind: str, fields: tuple[str, ...], required: bool = False
              ) -> tuple[list[Problem], list[_RecordChecker]]:
    """The records under ``top_key``, each with a checker that has already checked its fields' names and
    its id's uniqueness."""
    records, problems = _records(label, data, top_key, required)
    seen: dict[str, int] = {}
    checkers = []
    for i, record in enumerate(records, 1):
        c = _RecordChecker(label, record, kind, i)
        c.unknown_keys(fields)
        c.unique_id(seen, kind)
        checkers.append(c)
    return problems, checkers


def check_sources(label: str, data: object) -> tuple[list[Record], list[Problem]]:
    problems, checkers = _checkers(label, data, "sources", "source", schema.SOURCE_FIELDS, required=True)
    for c in checkers:
        r = c.record
        kind = c.text("kind")
        if kind is not None and kind not in schema.SOURCE_KINDS:
            c.add("kind", kind, _one_of(schema.SOURCE_KINDS))
        if isinstance(r.get("title"), dict):  # no title of its own: our description, in both languages
            c.both_langs("title")
        else:
            c.text("title")
        c.short_text("name", schema.SOURCE_NAME_MAX, "the outlet's name as a chart's credit line prints it",
                     "{zh: IT时报, en: IT Times}")
        c.both_langs("outlet")
        c.both_langs("author", required=False)
        published = c.date("published", required=False)
        dated = c.both_langs("dated", required=False)
        if published is None and "published" not in r and dated is None and "dated" not in r:
            c.add("published", None, "a publication date, or 'dated:' saying how the source was dated")
        url = c.text("url", required=False)
        if url is not None and not _is_http_url(url):
            c.add("url", url, "an http:// or https:// link")
        note = c.both_langs("note", required=False)
        if "url" not in r and note is None and "note" not in r:
            c.add("url", None, "a link, or a 'note:' saying where the source can be found")
        seed = c.text("seed", required=False)
        if seed is not None and not re.fullmatch(r"\d{3}_[0-9a-f]{16}\.txt", seed):
            c.add("seed", seed, "a seed file name like 002_30bd5b44fcff8c10.txt")
        problems += c.problems
    return [c.record for c in checkers], problems


def _is_http_url(url: str) -> bool:
    try:
        parts = urlparse(url.strip())
        host = parts.hostname  # raises on a malformed host such as "http://["
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(host) and url == url.strip() and " " not in url


def check_events(label: str, data: object, vendors: set[str] | None, sources: set[str] | None
                 ) -> tuple[list[Record], list[Problem]]:
    problems, checkers = _checkers(label, data, "events", "event", schema.EVENT_FIELDS)
    for c in checkers:
        r = c.record
        date = c.date("date")
        effective = c.date("effective", required=False)
        if date is not None and effective is not None and effective < date:
            c.add("effective", r["effective"], f"a date on or after the event's date ({r['date']})")
        etype = c.text("type")
        if etype is not None and etype not in schema.EVENT_TYPES:
            c.add("type", etype, _one_of(schema.EVENT_TYPES))
        vendor = r.get("vendor")
        if vendor is None:
            if etype not in schema.EVENT_VENDORLESS_TYPES:
                c.add("vendor", None, "a vendor id from vendors.csv (only market and claim events may "
                      "have none)")
        elif vendors is not None and vendor not in vendors:
            c.add("vendor", vendor, "a vendor id from vendors.csv")
        importance = r.get("importance")
        if importance not in schema.IMPORTANCE or isinstance(importance, bool):
            c.add("importance", importance, "1, 2 or 3 (3 = annotate first)")
        c.both_langs("title")
        c.short_text("short", schema.EVENT_SHORT_MAX, "the label the timeline prints beside the event's marker",
                     "{zh: GPT-4o 发布, en: GPT-4o launched}")
        c.both_langs("summary")
        _check_event_sources(c, r.get("sources"), sources)
        models = r.get("models")
        if models is not None and (not isinstance(models, list)
                                   or not all(isinstance(m, str) and m.strip() for m in models)):
            c.add("models", _short(models), "a list of model names")
        _check_dispute(c, c.both_langs("dispute", required=False), sources)
        c.both_langs("note", required=False)
        problems += c.problems
    return [c.record for c in checkers], problems


def _check_dispute(c: _RecordChecker, dispute: Text | None, sources: set[str] | None) -> None:
    if dispute is None:
        return
    ids = {lang: dispute_ids(dispute[lang]) for lang in schema.LANGS}
    for lang in schema.LANGS:
        if not ids[lang]:
            c.add(f"dispute.{lang}", dispute[lang], "the other reading and the [source-id] that gives it")
        elif sources is not None:
            for sid in ids[lang]:
                if sid not in sources:
                    c.add(f"dispute.{lang}", sid, "source ids in [brackets] defined in sources.yaml")
    if all(ids.values()) and sorted(ids["zh"]) != sorted(ids["en"]):
        c.add("dispute.en", dispute["en"], "the same [source-id]s as dispute.zh (the two texts give the same "
              "other readings)")


def _check_event_sources(c: _RecordChecker, items: object, sources: set[str] | None) -> None:
    if not isinstance(items, list) or not items:
        c.add("sources", _short(items), "a list of {id, quote} naming where this event is reported")
        return
    for item in items:
        if not isinstance(item, dict):
            c.add("sources", _short(item), "each item a mapping with 'id' and 'quote'")
            continue
        line_of = item.line_of if isinstance(item, Record) else (lambda _key: None)
        sid = item.get("id")
        if not isinstance(sid, str) or (sources is not None and sid not in sources):
            c.add("sources.id", sid, "a source id defined in sources.yaml", line_of("id"))
        quote = item.get("quote")
        if not isinstance(quote, str) or not quote.strip():
            c.add("sources.quote", quote, "the source's own words for this event", line_of("quote"))
        for extra in sorted(set(item) - {"id", "quote"}):
            c.add(f"sources.{extra}", NO_VALUE, "only 'id' and 'quote'", line_of(extra))


# --- claims.yaml ------------------------------------------------------------------------------------
def check_claims(label: str, data: object, models: set[str] | None, sources: set[str] | None,
                 classes: set[str] | None) -> tuple[list[Claim], list[Problem]]:
    """Every claim with a check the claim checker can compute: known source, models and class, real dates,
    a claimed value of the right shape."""
    problems, checkers = _checkers(label, data, "claims", "claim", schema.CLAIM_FIELDS)
    claims = []
    for c in checkers:
        r = c.record
        source = c.source(sources)
        quote = c.text("quote")
        claim, said_by = c.both_langs("claim"), c.both_langs("said_by")
        note = c.both_langs("note", required=False)
        check = _claim_check(c, models, classes)
        if not c.problems:
            claims.append(Claim(r["id"], source, said_by, quote, claim, check, note or NO_TEXT, c.start))
        problems += c.problems
    return claims, problems


_CLAIMED = "a number, a fraction like 1/70, or a range like [1/100, 1/20]"


def _claim_check(c: _RecordChecker, models: set[str] | None, classes: set[str] | None) -> Check | None:
    node = c.record.get("check")
    if not isinstance(node, dict):
        c.add("check", _short(node), "a mapping with the check's 'type' and what it compares")
        return None
    at = node.line_of if isinstance(node, Record) else (lambda _key: c.line_of("check"))
    c.unknown_keys(schema.CHECK_FIELDS, node, "check.")
    ctype = node.get("type")
    if ctype not in schema.CHECK_TYPES:
        c.add("check.type", _short(ctype), _one_of(schema.CHECK_TYPES), at("type"))
        return None
    if ctype == "not_checkable":
        reason = c.both_langs("reason", node=node, field="check.reason")
        return Check(ctype, kinds=(), reason=reason or NO_TEXT)
    bound = node.get("bound", "about")
    if bound not in schema.BOUNDS:
        c.add("check.bound", _short(bound), _one_of(schema.BOUNDS), at("bound"))
        bound = "about"
    claimed = _claimed(node.get("claimed"), ranges=ctype in ("ratio", "level"))
    if claimed is None:
        c.add("check.claimed", _short(node.get("claimed")),
              _CLAIMED if ctype in ("ratio", "level") else "a number" + (" in percent" if ctype != "annual_decline"
                                                                        else " (10 = ten times cheaper a year)"),
              at("claimed"))
    if ctype == "annual_decline":
        cls = node.get("class")
        if not isinstance(cls, str) or (classes is not None and cls not in classes):
            c.add("check.class", _short(cls), "a class id from classes.yaml", at("class"))
        if isinstance(claimed, float) and claimed <= 0:
            c.add("check.claimed", node.get("claimed"), "a factor > 0 (10 = ten times cheaper a year)", at("claimed"))
        return Check(ctype, kinds=("blended",), claimed=claimed or 0.0, model_class=str(cls), bound=bound)
    kinds = node.get("kinds", ["input"])
    if not isinstance(kinds, list) or not kinds or any(k not in schema.SERIES_KINDS for k in kinds):
        c.add("check.kinds", _short(kinds), "a list of price kinds: " + ", ".join(schema.SERIES_KINDS), at("kinds"))
        kinds = ["input"]
    a = _refs(c, node.get("a"), "check.a", at("a"), models, sets=False)
    when = {k: c.date_in(node, k, f"check.{k}", required=False) for k in ("date", "a_date", "b_date", "from", "to")}
    check = Check(ctype, tuple(kinds), a=a, claimed=claimed or 0.0, bound=bound,
                  unstated=isinstance(node.get("b"), list) or (ctype == "change" and isinstance(node.get("a"), list)))
    if ctype == "level":
        currency = node.get("currency", "CNY")
        if currency not in schema.CURRENCIES:
            c.add("check.currency", _short(currency), _one_of(schema.CURRENCIES), at("currency"))
        if when["date"] is None:
            c.add("check.date", node.get("date"), "the date the claimed price holds on (YYYY-MM-DD)", at("date"))
        if len(a) > 1:
            c.add("check.a", f"{len(a)} models", "one model", at("a"))
        return replace(check, a_date=_day(when["date"]), currency=str(currency))
    if ctype == "change":
        each = node.get("each", "")
        if each and (each not in schema.EACH or len(a) < 2):
            c.add("check.each", _short(each),
                  _one_of(schema.EACH) + ", with a list of the subjects the claim names in 'a'", at("each"))
            each = ""
        check = replace(check, each=str(each))
        for ref in a:
            if (ref.start or when["from"]) is None or (ref.end or when["to"]) is None:
                c.add("check.from", None, f"the dates of the change ('from' and 'to') on the check or on each "
                      f"model ({ref.label} has none)", at("from") if "from" in node else at("a"))
        return replace(check, start=_day(when["from"]), end=_day(when["to"]))
    # ratio and cheaper: against one baseline, or each of several candidates
    b = _refs(c, node.get("b"), "check.b", at("b"), models, sets=True)
    a_date, b_date = when["a_date"] or when["date"], when["b_date"] or when["date"]
    if a_date is None or b_date is None:
        c.add("check.date", None, "a 'date', or an 'a_date' and a 'b_date'", at("date") if "date" in node else None)
    return replace(check, b=b, a_date=_day(a_date), b_date=_day(b_date))


def _day(stamp: pd.Timestamp | None):
    return None if stamp is None else stamp.date()


def _claimed(value: object, ranges: bool) -> float | tuple[float, float] | None:
    """A claimed value: a number, a fraction written "1/70", or (when ``ranges``) a range [low, high]."""
    if isinstance(value, list):
        if not ranges or len(value) != 2:
            return None
        ends = [_claimed(v, False) for v in value]
        if any(e is None for e in ends):
            return None
        low, high = sorted(ends)
        return (low, high)
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if np.isfinite(value) else None
    if isinstance(value, str):
        num, slash, den = value.partition("/")
        try:
            number = float(num) / float(den) if slash else float(value)
        except (ValueError, ZeroDivisionError):
            return None
        return number if np.isfinite(number) else None
    return None


def _refs(c: _RecordChecker, value: object, field: str, line: int, models: set[str] | None, sets: bool
          ) -> tuple:
    """``a`` (model references) or ``b`` (baselines: a model each, or a named set of models)."""
    items = value if isinstance(value, list) else [value]
    if value is None or not items:
        c.add(field, None, "a model as {model: …, tier: …}, or a list of them", line)
        return ()
    out = []
    for item in items:
        where = item.line if isinstance(item, Record) else line
        if sets and isinstance(item, dict) and "models" in item:
            c.unknown_keys(schema.BASELINE_SET_FIELDS, item, field + ".")
            label = item.get("label")
            if (not isinstance(label, dict) or any(not isinstance(label.get(lg), str) or not label.get(lg, "").strip()
                                                   for lg in schema.LANGS)):
                c.add(field + ".label", _short(label), "the set's name as {zh: …, en: …}", where)
            members = _refs(c, item.get("models"), field + ".models", where, models, sets=False)
            if isinstance(label, dict):
                out.append(Baseline(members, Text(**{lg: str(label.get(lg, "")) for lg in schema.LANGS})))
            continue
        ref = _ref(c, item, field, where, models)
        if ref is not None:
            out.append(Baseline((ref,)) if sets else ref)
    return tuple(out)


def _ref(c: _RecordChecker, item: object, field: str, line: int, models: set[str] | None) -> ModelRef | None:
    if not isinstance(item, dict) or not isinstance(item.get("model"), str) or not item["model"].strip():
        c.add(field, _short(item), "a model as {model: …, tier: …} (the tier when the model has several)", line)
        return None
    c.unknown_keys(schema.MODEL_REF_FIELDS, item, field + ".")
    tier = item.get("tier")
    start = c.date_in(item, "from", field + ".from", required=False)
    end = c.date_in(item, "to", field + ".to", required=False)
    ref = ModelRef(item["model"], "" if tier is None else str(tier), _day(start), _day(end))
    if models is not None and ref.label not in models:
        c.add(field, ref.label, "a model (and tier) in prices.csv", line)
    return ref


# --- classes.yaml -----------------------------------------------------------------------------------
def check_classes(label: str, data: object, models: set[str] | None) -> tuple[list[ModelClass], list[Problem]]:
    problems, checkers = _checkers(label, data, "classes", "class", schema.CLASS_FIELDS)
    out = []
    for c in checkers:
        name, note = c.both_langs("name"), c.both_langs("note")
        members = c.record.get("models")
        if not isinstance(members, list) or not all(isinstance(m, str) and m.strip() for m in members):
            c.add("models", _short(members), "a list of model labels as the charts name them ('model tier'); "
                  "[] for every model")
            members = []
        elif models is not None:
            for m in members:
                if m not in models:
                    c.add("models", m, "a model (and tier) in prices.csv, as the charts name it")
        if not c.problems:
            out.append(ModelClass(c.record["id"], name, tuple(members), note))
        problems += c.problems
    return out, problems


# --- published_rates.yaml ---------------------------------------------------------------------------
def check_rates(label: str, data: object, sources: set[str] | None) -> tuple[list[PublishedRate], list[Problem]]:
    problems, checkers = _checkers(label, data, "rates", "rate", schema.RATE_FIELDS)
    out = []
    for c in checkers:
        r = c.record
        source = c.source(sources)
        texts = {f: c.both_langs(f) for f in schema.RATE_TEXTS}
        factors = {}
        for f in ("factor_low", "factor_high"):
            v = r.get(f)
            if f == "factor_high" and v is None:  # left out: "at least factor_low"
                factors[f] = None
            elif isinstance(v, bool) or not isinstance(v, int | float) or not (0 < v < float("inf")):
                expected = "a number > 0: the fall per year as a factor (10 = ten times cheaper)"
                if f == "factor_high":
                    expected += "; leave it out for 'at least factor_low'"
                c.add(f, _short(v), expected)
            else:
                factors[f] = float(v)
        if len(factors) == 2 and factors["factor_high"] is not None and factors["factor_low"] > factors["factor_high"]:
            c.add("factor_high", r["factor_high"], f"a factor ≥ factor_low ({r['factor_low']})")
        if not c.problems:
            out.append(PublishedRate(r["id"], source, texts["who"], factors["factor_low"], factors["factor_high"],
                                     texts["headline"], texts["method"], texts["differs"]))
        problems += c.problems
    return out, problems


# --- corrections.yaml ---------------------------------------------------------------------------------
def check_corrections(label: str, data: object, sources: set[str] | None) -> tuple[list, list[Problem]]:
    """The release (``release: {version, as_of}``) and the corrections log: ``[Release, *Correction]``,
    newest correction first."""
    problems, checkers = _checkers(label, data, "corrections", "correction", schema.CORRECTION_FIELDS)
    out: list = []
    release = data.get("release") if isinstance(data, dict) else None
    if release is not None or isinstance(data, dict) and "release" in data:
        line = data.line_of("release") if isinstance(data, Record) else 1
        if not isinstance(release, dict) or not isinstance(release.get("version"), str | int | float) \
                or not str(release.get("version")).strip():
            problems.append(Problem(label, line, "release.version", _short(release),
                                    "a version as text, like '2026.12.1'"))
        else:
            as_of = release.get("as_of")
            stamp = (pd.to_datetime(str(as_of), format="%Y-%m-%d", errors="coerce") if _DATE_RE.match(str(as_of))
                     else pd.NaT)
            if pd.isna(stamp):
                problems.append(Problem(label, release.line_of("as_of") if isinstance(release, Record) else line,
                                        "release.as_of", _short(as_of), "the day the data speaks as of, as YYYY-MM-DD"))
            else:
                out.append(Release(str(release["version"]), stamp.date()))
            for extra in sorted(set(release) - set(schema.RELEASE_FIELDS)):
                problems.append(Problem(label, line, f"release.{extra}", NO_VALUE, "only 'version' and 'as_of'"))
    corrections = []
    for c in checkers:
        when = c.date("date")
        texts = {f: c.both_langs(f) for f in schema.CORRECTION_TEXTS}
        ids = c.record.get("sources", [])
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            c.add("sources", _short(ids), "a list of source ids from sources.yaml (may be empty)")
            ids = []
        for i in ids:
            if sources is not None and i not in sources:
                c.add("sources", i, "a source id from sources.yaml")
        if not c.problems:
            corrections.append(Correction(c.record["id"], when.date(), texts["subject"], texts["old"], texts["new"],
                                          texts["why"], tuple(ids)))
        problems += c.problems
    return out + sorted(corrections, key=lambda x: x.date, reverse=True), problems
