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
    """Add ``usd_cny``, ``fx_month``, ``cny_per_1m``, ``usd_per_1m`` from ``price_1m``/``currency``/``date``."""
    months, row_month = np.unique(_month_key(frame["date"]).to_numpy(), return_inverse=True)  # a few dozen
    rate = _fx_lookup(fx).reindex(months).to_numpy(dtype="float64")[row_month]
    is_cny = (frame["currency"] == "CNY").to_numpy()
    price = frame["price_1m"].to_numpy(dtype="float64")
    frame["usd_cny"] = rate
    labels = pd.Index([f"{m // 100}-{m % 100:02d}" for m in months], dtype="str")
    frame["fx_month"] = pd.Categorical.from_codes(row_month.astype(np.int32), categories=labels, validate=False)
    frame["cny_per_1m"] = np.where(is_cny, price, price * rate)
    frame["usd_per_1m"] = np.where(is_cny, price / rate, price)
    return frame


def normalize(prices: pd.DataFrame, fx: pd.DataFrame) -> pd.DataFrame:
    """Every stated price row per million tokens in its own currency, CNY and USD, with its series."""
    out = prices.copy()
    out["price_1m"] = np.round(out["price"] * out["unit"].map(schema.UNITS).astype("float64"), _DECIMALS)
    out["series"] = out["kind"].map(schema.KIND_TO_SERIES)
    out["free"] = out["price"] == 0
    return _convert(out, fx)


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
    keep = new_group | changed
    df = as_text(frame.take(order[keep]).reset_index(drop=True))
    group = gid[keep]
    dates = df["date"].to_numpy()
    until = np.empty(len(df), dtype=dates.dtype)
    until[:-1] = dates[1:]
    last = np.r_[group[1:] != group[:-1], True] if len(df) else np.zeros(0, bool)
    until[last] = np.datetime64("NaT")
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
    for side in ("input", "output"):
        rows = wide[f"row_{side}"].to_numpy().astype(np.int64)
        for col in ("currency", "source", "quote", *schema.bilingual("dispute"), "line"):
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
    for column in schema.bilingual("dispute"):
        out[column] = (wide[f"{column}_input"].fillna("") + " " + wide[f"{column}_output"].fillna("")).str.strip()
    out["line"] = wide["line_input"].astype("int64")
    out["line_output"] = wide["line_output"].astype("int64")
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
    out["cny_per_1m"] = np.where(is_cny, price, price * rate)
    out["usd_per_1m"] = np.where(is_cny, price / rate, price)
    return out


def price_at(series: pd.DataFrame, when: str | pd.Timestamp) -> pd.DataFrame:
    """The row of each series in effect on ``when`` (series that had not started yet are left out)."""
    when = pd.Timestamp(when)
    live = (series["date"] <= when) & (series["until"].isna() | (series["until"] > when))
    return series.loc[live].reset_index(drop=True)
