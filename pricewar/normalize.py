"""Normalization: stated prices → comparable step series.

* every price per **million** tokens, in **CNY and USD**; a converted number carries the monthly USD/CNY
  average of the month its price took effect (``usd_cny``, ``fx_month``) so a chart can state it — that is
  how a price curve is drawn (a step stays flat). A comparison *on a date* converts every price it compares
  at that date's month instead (:func:`on_date`), so a ratio is the same in both currency views;
* ``series``: what a chart plots — ``cache_miss`` rows join the ``input`` series (vendors that price
  input by cache state the miss price as the one that compares with other models' input);
* **step series** per (vendor, model, tier, series) holding only the change points, each with the date
  it lasted ``until`` (NaT while current);
* **blended** = (3 × input + 1 × output) / 4 wherever both are known on a date;
* **free** as an explicit state (``free``): a log axis cannot draw 0, so charts must not rely on it.

All of it is column arithmetic and grouped shifts: no Python loop per row.
"""

from __future__ import annotations

import bisect

import numpy as np
import pandas as pd
import pyarrow as pa

from pricewar import schema

SERIES_KEY = ["vendor", "model", "tier", "series"]
MODEL_KEY = ["vendor", "model", "tier"]
_DECIMALS = 10  # per-1k × 1000 in binary floats: 0.0045 × 1000 → 4.499999…; round back to what was meant


def _month_key(dates: pd.Series) -> pd.Series:
    return dates.dt.year * 100 + dates.dt.month


def _fx_lookup(fx: pd.DataFrame) -> pd.Series:
    months = pd.to_datetime(fx["month"], format="%Y-%m")
    return pd.Series(fx["usd_cny"].to_numpy(), index=(months.dt.year * 100 + months.dt.month).to_numpy())


def _convert(frame: pd.DataFrame, fx: pd.DataFrame) -> pd.DataFrame:
    """Add ``usd_cny``, ``fx_month``, ``fx_provisional``, ``cny_per_1m``, ``usd_per_1m`` from
    ``price_1m``/``currency``/``date``. A month after fx.csv's last is converted at the last published
    rate: ``fx_month`` names the month whose rate was used and ``fx_provisional`` says so."""
    months, row_month = np.unique(_month_key(frame["date"]).to_numpy(), return_inverse=True)  # a few dozen
    lookup = _fx_lookup(fx)
    last = int(lookup.index.max()) if len(lookup) else 0
    used = np.where(months > last, last, months) if len(lookup) else months
    rate = lookup.reindex(used).to_numpy(dtype="float64")[row_month]
    is_cny = (frame["currency"] == "CNY").to_numpy()
    price = frame["price_1m"].to_numpy(dtype="float64")
    frame["usd_cny"] = rate
    frame["fx_provisional"] = (months > last)[row_month] if len(lookup) else False
    labels = pd.Index([f"{m // 100}-{m % 100:02d}" for m in used], dtype="str")
    if labels.has_duplicates:  # several months after the last share its rate and its label
        unique, codes = np.unique(labels.to_numpy(dtype=object), return_inverse=True)
        labels, row_month = pd.Index(unique, dtype="str"), codes[row_month]
    frame["fx_month"] = pd.Categorical.from_codes(row_month.astype(np.int32), categories=labels, validate=False)
    frame["cny_per_1m"] = np.where(is_cny, price, price * rate)
    frame["usd_per_1m"] = np.where(is_cny, price / rate, price)
    return frame


def normalize(prices: pd.DataFrame, fx: pd.DataFrame) -> pd.DataFrame:
    """Every stated price row per million tokens in its own currency, CNY and USD, with its series and the
    conditions it is sold under (:func:`conditions`)."""
    out = conditions(prices.copy())
    out["price_1m"] = np.round(out["price"] * out["unit"].map(schema.UNITS).astype("float64"), _DECIMALS)
    out["series"] = out["kind"].map(schema.KIND_TO_SERIES)
    out["free"] = out["price"] == 0
    return _convert(out, fx)


def _number(value: float) -> str:
    return f"{value:g}"


def band_label(lo: float, hi: float) -> str:
    """An input-length band as a series' name shows it: ``≤32k``, ``32–128k``, ``>128k``."""
    if pd.isna(hi):
        return f">{_number(lo)}k"
    return f"≤{_number(hi)}k" if lo == 0 else f"{_number(lo)}–{_number(hi)}k"


def hours_label(hours: str) -> str:
    """``18:00-09:00;12:00-14:00`` → ``18:00–09:00, 12:00–14:00``."""
    return ", ".join(h.replace("-", "–") for h in hours.split(";"))


def condition_text(band_from: float, band_to: float, period: str, hours: str, tz: str, days: str,
                   ends: pd.Timestamp, then: float, lang: str) -> str:
    """The conditions of one price in words ("" for a price sold one way): its input band, its hours,
    the end of a limited-time price and what follows it."""
    zh = lang == "zh"
    parts = []
    if pd.notna(band_from):
        if pd.isna(band_to):
            parts.append(f"输入超过 {_number(band_from)}k tokens" if zh else f"input over {_number(band_from)}k tokens")
        else:
            parts.append(f"输入 {_number(band_from)}k–{_number(band_to)}k tokens" if zh
                         else f"input of {_number(band_from)}k–{_number(band_to)}k tokens")
    if period:
        name = {"peak": ("高峰时段", "peak hours"), "off_peak": ("闲时", "off-peak hours")}[period][0 if zh else 1]
        when = f"{hours_label(hours)}（{tz}）" if zh else f"{hours_label(hours)} ({tz})"
        if days == "weekdays":
            rest = ("仅工作日；周末全天为闲时" if zh else "weekdays only; weekends are off-peak all day") \
                if period == "peak" else ("工作日；周末全天" if zh else "on weekdays, and all day at weekends")
            when += ("，" if zh else ", ") + rest
        parts.append(f"{name} {when}" if zh else f"{name}, {when}")
    if pd.notna(ends):
        day = pd.Timestamp(ends).date().isoformat()
        if pd.notna(then):
            parts.append(f"限时价，{day} 起恢复为 {_number(then)}" if zh
                         else f"limited-time price; {_number(then)} from {day}")
        else:
            parts.append(f"{day} 起不再提供" if zh else f"no longer offered from {day}")
    return ("；" if zh else "; ").join(parts)


def conditions(prices: pd.DataFrame) -> pd.DataFrame:
    """How each price is sold, as columns every chart and table can use:

    * ``tier`` gains the conditions that make a series of their own — an input band other than the
      model's smallest (``32–128k``) and off-peak hours (``00:30–08:30``) — so each is its own series;
      the stated tier stays in ``tier_stated``;
    * ``standard``: the price a chart draws by default — the smallest input band, peak or all-day;
    * ``condition_zh`` / ``condition_en``: the conditions in words;
    * ``confirmed_through``: the last day a source states the price as in effect (at least its ``date``);
    * rows a limited-time price falls back to (``ends`` + ``then``) when no later row of its series
      starts by then, and ``stop``: the day a limited-time price without a fallback ends its series."""
    out = prices
    for col in ("band_from", "band_to", "then"):
        out[col] = pd.to_numeric(out[col], errors="coerce") if col in out else np.nan
    for col in ("ends", "confirmed"):
        out[col] = out[col] if col in out else pd.Series(pd.NaT, index=out.index, dtype="datetime64[us]")
    for col in ("period", "hours", "tz", "days"):
        out[col] = out[col].astype("str").fillna("") if col in out else ""
    out["tier_stated"] = out["tier"]
    out["confirmed_through"] = out["confirmed"].where(out["confirmed"] > out["date"], out["date"])
    plain = (out["band_from"].isna().all() and (out["period"] == "").all() and out["ends"].isna().all())
    if plain:  # a file sold one way (every file before 2025, and large trackers): nothing to work out
        out["standard"] = True
        out["stop"] = pd.Series(pd.NaT, index=out.index, dtype="datetime64[us]")
        for lang in schema.LANGS:
            out[schema.in_lang("condition", lang)] = ""
        return out
    tier = out["tier"].astype("str").fillna("")
    key = [out["vendor"].astype("str"), out["model"].astype("str"), tier]
    smallest = out["band_from"].groupby(key).transform("min")
    banded = out["band_from"].notna()
    small = ~banded | (out["band_from"] == smallest)
    off = out["period"] == "off_peak"
    bands = [band_label(lo, hi) if pd.notna(lo) else ""
             for lo, hi in zip(out["band_from"], out["band_to"], strict=True)]
    suffix = [(" " + b if b and not s else "") + (" " + hours_label(h) if o else "")
              for b, s, h, o in zip(bands, small, out["hours"], off, strict=True)]
    out["tier"] = pd.Series([(t + x).strip() for t, x in zip(tier, suffix, strict=True)], index=out.index,
                            dtype="str")
    out["standard"] = (small & ~off).to_numpy()
    cols = ("band_from", "band_to", "period", "hours", "tz", "days", "ends", "then")
    for lang in schema.LANGS:
        out[schema.in_lang("condition", lang)] = pd.Series(
            [condition_text(*values, lang) for values in zip(*(out[c] for c in cols), strict=True)],
            index=out.index, dtype="str")
    return _limited(out)


def _limited(out: pd.DataFrame) -> pd.DataFrame:
    """Apply limited-time prices' ends: when the series has no row of its own from ``date`` up to ``ends``,
    the price ``then`` follows on ``ends`` (a row citing the same sources), or, without ``then``, the
    series stops on ``ends``. A later row before ``ends`` (a discount made permanent) replaces it."""
    out["stop"] = pd.Series(pd.NaT, index=out.index, dtype="datetime64[us]")
    limited = out.index[out["ends"].notna()]
    if not len(limited):
        return out
    key = ["vendor", "model", "tier", "kind"]
    keys = list(zip(*(out[k].astype("str").tolist() for k in key), strict=True))
    positions = np.flatnonzero(out["ends"].notna().to_numpy())
    wanted = {keys[p] for p in positions}  # the days of the series that have a limited-time price, only
    dates: dict[tuple, list] = {}
    for k, day in zip(keys, out["date"].tolist(), strict=True):
        if k in wanted:
            dates.setdefault(k, []).append(day)
    extra = []
    for p in positions:
        i = out.index[p]
        row = out.iloc[p]
        ends = row["ends"]
        others = dates[keys[p]]
        if any(row["date"] < d <= ends for d in others):
            continue  # replaced before it ended
        if pd.isna(row["then"]):
            out.loc[i, "stop"] = ends
            continue
        new = row.copy()
        new["date"], new["price"], new["ends"], new["then"] = ends, row["then"], pd.NaT, np.nan
        new["announced"], new["confirmed"], new["confirmed_through"] = row["date"], pd.NaT, ends
        new["note_zh"] = (f"限时价于 {ends.date()} 结束后的价格，据同一来源"
                          + (f"；{row['note_zh']}" if row["note_zh"] else ""))
        new["note_en"] = (f"the price after the limited-time one ends on {ends.date()}, as the same source states"
                          + (f"; {row['note_en']}" if row["note_en"] else ""))
        for lang in schema.LANGS:
            new[schema.in_lang("condition", lang)] = ""
        extra.append(new)
    if extra:
        added = pd.DataFrame(extra)
        for col in out.columns:
            if isinstance(out[col].dtype, pd.CategoricalDtype):
                out[col] = out[col].astype("str")
        out = pd.concat([out, added.astype({c: out[c].dtype for c in out.columns})], ignore_index=True)
        out = out.sort_values(["vendor", "model", "tier", "kind", "date"], kind="stable").reset_index(drop=True)
    return out


def step_series(normalized: pd.DataFrame) -> pd.DataFrame:
    """Only the rows where a series' price changes (in its stated currency), each with ``until``.

    Only the key columns are sorted; the text columns (quotes, sources, notes) are reordered once, for
    the rows kept — moving every text column at each step was most of the time on large files."""
    frame = normalized.reset_index(drop=True)
    if frame.empty:
        return as_text(frame.assign(until=frame["date"]))
    keys = frame[[*SERIES_KEY, "date"]].sort_values([*SERIES_KEY, "date"], kind="stable")
    order = keys.index.to_numpy()
    gid = keys.groupby(SERIES_KEY, sort=False).ngroup().to_numpy()
    new_group = np.r_[True, gid[1:] != gid[:-1]]
    price = frame["price_1m"].to_numpy()[order]
    currency = _codes(frame["currency"])[order]
    changed = np.r_[True, (price[1:] != price[:-1]) | (currency[1:] != currency[:-1])]
    stop = (pd.to_datetime(frame["stop"]).to_numpy(dtype="datetime64[us]")[order] if "stop" in frame
            else np.full(len(order), np.datetime64("NaT", "us")))
    stops = ~np.isnat(stop)
    keep = new_group | changed | np.r_[False, stops[:-1]]  # after a stop, a price starts afresh
    # a row dropped as unchanged still confirms the price of the row it repeats
    confirmed = pd.to_datetime(frame["confirmed_through"] if "confirmed_through" in frame
                               else frame["date"]).to_numpy(dtype="datetime64[us]")[order]
    run = np.cumsum(keep) - 1
    through = pd.Series(confirmed).groupby(run).max().to_numpy()
    run_stop = pd.Series(stop).groupby(run).last().to_numpy()
    df = as_text(frame.take(order[keep]).reset_index(drop=True))
    df["confirmed_through"] = through
    group = gid[keep]
    dates = df["date"].to_numpy()
    until = np.empty(len(df), dtype=dates.dtype)
    until[:-1] = dates[1:]
    last = np.r_[group[1:] != group[:-1], True] if len(df) else np.zeros(0, bool)
    until[last] = np.datetime64("NaT")
    ended = ~np.isnat(run_stop)
    until[ended] = run_stop[ended]
    df["until"] = until
    return df


def _codes(values: pd.Series) -> np.ndarray:
    """Integer codes that are equal where the values are (a categorical's own; else factorized)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values.cat.codes.to_numpy()
    return pd.factorize(values)[0]


def as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Categorical text columns (how prices.csv is loaded) as plain text, for the rows a reader gets to see
    (a table shows a categorical's empty text as "None")."""
    for col in frame.columns:
        values = frame[col].array
        if isinstance(values, pd.Categorical):  # decoded by pyarrow: pandas' astype goes through objects
            words = pa.array(values.categories.to_numpy(dtype=object), type=pa.large_string())
            codes = pa.array(values.codes, mask=values.codes < 0)
            text = pa.DictionaryArray.from_arrays(codes, words).cast(pa.large_string())
            frame[col] = pd.Series(text.to_pandas(), index=frame.index, dtype="str")
    return frame


def blended(steps: pd.DataFrame, fx: pd.DataFrame) -> pd.DataFrame:
    """Blended (3 input : 1 output) change points of every model that has both, from the step series."""
    legs = steps[steps["series"].isin(["input", "output"])].reset_index(drop=True)
    if legs.empty:
        return steps.iloc[0:0].assign(line_output=pd.Series(dtype="float64"))
    # Only numbers are spread into input/output columns and carried forward; each leg's row position
    # among them fetches its text columns (sources, quotes, disputes) once, at the end.
    cols = ["price_1m", "cny_per_1m", "usd_per_1m", "row"]
    wide = legs.assign(row=np.arange(len(legs), dtype="float64")).set_index([*MODEL_KEY, "date", "series"])[cols]
    wide = wide.unstack("series")
    wide.columns = [f"{c}_{s}" for c, s in wide.columns]
    wide = wide.reindex(columns=[f"{c}_{s}" for c in cols for s in ("input", "output")]).sort_index()
    wide = wide.groupby(level=[0, 1, 2], sort=False).ffill()
    wide = wide[wide["price_1m_input"].notna() & wide["price_1m_output"].notna()].reset_index()
    if wide.empty:
        return steps.iloc[0:0].assign(line_output=pd.Series(dtype="float64"))
    carried = ("currency", "source", "quote", *schema.bilingual("dispute"), "line",
               *(c for c in ("confirmed_through", "until", "standard", "fx_provisional",
                             *schema.bilingual("condition")) if c in legs))
    for side in ("input", "output"):
        rows = wide[f"row_{side}"].to_numpy().astype(np.int64)
        for col in carried:
            wide[f"{col}_{side}"] = legs[col].take(rows).array

    w_in, w_out = schema.BLEND_WEIGHTS["input"], schema.BLEND_WEIGHTS["output"]
    cur = wide["currency_input"]
    same = cur == wide["currency_output"]
    out_in_cur = np.where(same, wide["price_1m_output"],
                          np.where(cur == "CNY", wide["cny_per_1m_output"], wide["usd_per_1m_output"]))
    out = pd.DataFrame({
        "vendor": wide["vendor"], "model": wide["model"], "tier": wide["tier"], "date": wide["date"],
        "series": "blended", "kind": "blended", "currency": cur,
        "price_1m": np.round((w_in * wide["price_1m_input"] + w_out * out_in_cur) / (w_in + w_out), _DECIMALS),
    })
    out["price"] = out["price_1m"]
    out["unit"] = "per_1m_tokens"
    out["free"] = out["price_1m"] == 0
    out["source"] = _merge_ids(wide["source_input"], wide["source_output"])
    out["quote"] = "input: " + wide["quote_input"] + " | output: " + wide["quote_output"]
    out["note_zh"] = f"混合价：由当时有效的输入价与输出价按 {w_in}:{w_out}（输入:输出）计算"
    out["note_en"] = f"blended {w_in}:{w_out} (input:output) from the input and output prices in effect"
    for column in schema.bilingual("dispute"):  # one reading that both prices share is said once
        a, b = wide[f"{column}_input"].fillna(""), wide[f"{column}_output"].fillna("")
        out[column] = a.where(a == b, a + " " + b).str.strip().to_numpy()
    out["line"] = wide["line_input"].astype("int64")
    out["line_output"] = wide["line_output"].astype("int64")
    if "confirmed_through_input" in wide:  # a blend is confirmed as far as both its prices are, and ends with either
        out["confirmed_through"] = np.minimum(wide["confirmed_through_input"].to_numpy(),
                                              wide["confirmed_through_output"].to_numpy())
        # only a leg that stops (a withdrawn limited-time price) stops the blend: an end on which the same
        # model has no blend of its own (its next change would have one)
        ends = pd.DataFrame({"a": wide["until_input"], "b": wide["until_output"]}).min(axis=1)
        keys = list(zip(*(wide[k].tolist() for k in MODEL_KEY), strict=True))
        changes = set(zip(keys, wide["date"].tolist(), strict=True))
        out["stop"] = pd.Series([e if pd.notna(e) and (k, e) not in changes else pd.NaT
                                 for k, e in zip(keys, ends.tolist(), strict=True)],
                                index=out.index, dtype="datetime64[us]")
        out["standard"] = (wide["standard_input"].astype(bool) & wide["standard_output"].astype(bool)).to_numpy()
        for column in schema.bilingual("condition"):
            a, b = wide[f"{column}_input"].fillna(""), wide[f"{column}_output"].fillna("")
            out[column] = a.where(a == b, (a + " / " + b).str.strip(" /")).to_numpy()
    out = _convert(out, fx)
    return step_series(out)



def _merge_ids(a: pd.Series, b: pd.Series) -> pd.Series:
    """``"x;y"`` and ``"y;z"`` → ``"x;y;z"``. Most blends cite the same sources on both legs; only the
    rows that differ are split and joined."""
    merged = a.where(a == b, a + ";" + b)
    differ = a != b
    if differ.any():
        ids = merged[differ].str.split(";").explode().str.strip()
        ids = ids[~ids.reset_index().duplicated().to_numpy()]
        merged[differ] = ids.groupby(level=0).agg(";".join)
    return merged


def series_table(normalized: pd.DataFrame, fx: pd.DataFrame) -> pd.DataFrame:
    """The frame every chart reads: step series of input, output, cache_hit and blended prices, from
    :func:`normalize`'s rows."""
    steps = step_series(normalized)
    return pd.concat([steps, blended(steps, fx)], ignore_index=True)


def rate_for(fx: pd.DataFrame, when: str | pd.Timestamp) -> tuple[str, float]:
    """(month, CNY per US$) for the month of ``when``: its published monthly average, or the nearest
    published month (the last one for a month after the series ends, the first before it starts)."""
    month = pd.Timestamp(when).strftime("%Y-%m")
    months = fx["month"].tolist()  # sorted by the loader
    i = max(bisect.bisect_right(months, month) - 1, 0)
    return str(months[i]), float(fx["usd_cny"].iloc[i])


def on_date(rows: pd.DataFrame, when: str | pd.Timestamp, fx: pd.DataFrame) -> pd.DataFrame:
    """``rows`` (prices in effect on ``when``) with every price converted at ``when``'s monthly rate: the
    money rule for a comparison on a date. A price keeps its stated value in its own currency, so two
    prices stated in the same currency compare without any exchange rate."""
    month, rate = rate_for(fx, when)
    out = rows.copy(deep=False)  # new columns only: the text columns are shared, not copied
    price = out["price_1m"].to_numpy(dtype="float64")
    is_cny = (out["currency"] == "CNY").to_numpy()
    out["usd_cny"] = rate
    out["fx_month"] = month
    out["fx_provisional"] = len(fx) > 0 and pd.Timestamp(when).strftime("%Y-%m") > str(fx["month"].iloc[-1])
    out["cny_per_1m"] = np.where(is_cny, price, price * rate)
    out["usd_per_1m"] = np.where(is_cny, price / rate, price)
    return out


def price_at(series: pd.DataFrame, when: str | pd.Timestamp) -> pd.DataFrame:
    """The row of each series in effect on ``when`` (series that had not started yet are left out), with
    ``unconfirmed``: true where no source confirms the price on that day (its last row, carried past its
    last confirmation)."""
    when = pd.Timestamp(when)
    live = (series["date"] <= when) & (series["until"].isna() | (series["until"] > when))
    out = series.loc[live].reset_index(drop=True)
    through = out["confirmed_through"] if "confirmed_through" in out else out["date"]
    out["unconfirmed"] = (out["until"].isna() & (through < when)).to_numpy()
    return out
