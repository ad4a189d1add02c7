"""Normalization on the good fixture: units, currency by month, cache_miss as input, steps, blends, free."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pricewar import load_dataset
from pricewar.normalize import normalize, price_at, step_series

from conftest import GOOD


@pytest.fixture(scope="module")
def ds():
    return load_dataset(GOOD)


@pytest.fixture(scope="module")
def series(ds):
    return ds.series


def one(series, model, kind, date=None, tier=""):
    rows = series[(series["model"] == model) & (series["series"] == kind) & (series["tier"] == tier)]
    if date is not None:
        rows = rows[rows["date"] == pd.Timestamp(date)]
    return rows


def test_per_thousand_becomes_per_million(ds):
    n = normalize(ds.prices, ds.fx)
    qwen = n[(n["model"] == "Qwen-Long") & (n["kind"] == "input")].set_index("date")
    assert qwen.loc["2024-04-20", "price_1m"] == 20.0
    assert qwen.loc["2024-05-21", "price_1m"] == 0.5


def test_per_thousand_float_error_is_rounded_away(ds):
    # 0.0041 × 1000 is 4.1000000000000005 in binary floats; a journalist must read 4.1
    prices = ds.prices.head(2).assign(price=[0.0041, 0.0049], unit="per_1k_tokens")
    assert normalize(prices, ds.fx)["price_1m"].tolist() == [4.1, 4.9]


def test_currency_converts_at_the_rate_of_the_price_month(series):
    v2 = one(series, "DeepSeek-V2", "input").iloc[0]
    assert (v2["fx_month"], v2["usd_cny"]) == ("2024-05", 7.25)
    assert v2["cny_per_1m"] == 1.0 and v2["usd_per_1m"] == pytest.approx(1 / 7.25)
    hunyuan = one(series, "hunyuan-standard", "input", tier="256k").iloc[0]
    assert (hunyuan["fx_month"], hunyuan["usd_per_1m"]) == ("2024-06", pytest.approx(120 / 7.3))
    gpt = one(series, "GPT-4o", "output").iloc[0]
    assert gpt["cny_per_1m"] == pytest.approx(15 * 7.25) and gpt["usd_per_1m"] == 15


def test_cache_miss_rows_continue_the_input_series(series):
    steps = one(series, "GPT-4o", "input")
    assert steps["date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-05-13", "2024-07-15"]
    assert steps["price_1m"].tolist() == [5.0, 2.5]
    assert steps["kind"].tolist() == ["input", "cache_miss"]  # where each change point came from
    assert one(series, "GPT-4o", "cache_hit")["price_1m"].tolist() == [2.5]


def test_step_series_keep_only_change_points_with_until(series):
    steps = one(series, "GPT-4o", "input")
    # the 2024-07-01 cache_miss of $5 repeats the price in effect, so it is not a change point
    assert steps["until"].iloc[0] == pd.Timestamp("2024-07-15") and pd.isna(steps["until"].iloc[1])


def test_blended_is_three_input_to_one_output_wherever_both_exist(series):
    blend = one(series, "GPT-4o", "blended")
    assert blend["date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-05-13", "2024-07-15"]
    assert blend["price_1m"].tolist() == [7.5, 5.625]  # (3×5 + 15)/4, (3×2.5 + 15)/4
    assert blend["cny_per_1m"].iloc[1] == pytest.approx(5.625 * 7.1)  # July's rate for the July blend
    assert one(series, "DeepSeek-V2", "blended")["price_1m"].tolist() == [1.25]


def test_no_blend_before_both_prices_are_known(series):
    # Qwen-Long's output is first stated on 2024-05-21, so its 2024-04-20 input has no blend
    blend = one(series, "Qwen-Long", "blended")
    assert blend["date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-05-21"]
    assert blend["price_1m"].tolist() == [0.875]
    assert blend["source"].iloc[0] == "article-a;tracker-b"


def test_free_is_an_explicit_state(series):
    ernie = one(series, "ERNIE Speed", "input", tier="8k")
    assert ernie["free"].tolist() == [False, True]
    assert one(series, "ERNIE Speed", "blended", tier="8k")["free"].tolist() == [True]
    assert not series.loc[series["price_1m"] > 0, "free"].any()


def test_rows_keep_source_quote_and_line(series):
    row = one(series, "Qwen-Long", "output").iloc[0]
    assert (row["source"], row["quote"], row["line"]) == ("tracker-b", "输出2元", 6)
    assert row["dispute_zh"] == "另一来源为 3 元 [article-a]"
    assert row["dispute_en"] == "3 yuan in another source [article-a]"


def test_a_blend_carries_both_legs_disputes_and_says_how_it_was_made_in_both_languages(series):
    blend = one(series, "Qwen-Long", "blended").iloc[0]
    assert blend["dispute_en"] == "3 yuan in another source [article-a]"  # from the output leg
    assert blend["note_zh"].startswith("混合价") and blend["note_en"].startswith("blended 3:1")


def test_price_at_a_date(series):
    at = price_at(series, "2024-07-10")
    gpt_in = at[(at["model"] == "GPT-4o") & (at["series"] == "input")]
    assert gpt_in["price_1m"].tolist() == [5.0]
    assert "Qwen-Long" in set(at["model"])
    early = price_at(series, "2024-05-01")
    assert set(early["model"]) == {"Qwen-Long", "ERNIE Speed"}  # nothing else had started


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["m1", "m2"]), st.integers(0, 40),
                          st.sampled_from([0.0, 0.5, 1.0, 2.0])), min_size=1, max_size=40,
                unique_by=lambda t: (t[0], t[1])))
def test_step_series_matches_a_plain_loop(rows):
    frame = pd.DataFrame({
        "vendor": "v", "model": [r[0] for r in rows], "tier": "", "series": "input", "currency": "CNY",
        "date": [pd.Timestamp("2024-01-01") + pd.Timedelta(days=r[1]) for r in rows],
        "price_1m": [r[2] for r in rows]})
    got = step_series(frame)
    expected = []
    for model in sorted({r[0] for r in rows}):
        last = None
        for _, day, price in sorted(r for r in rows if r[0] == model):
            if price != last:
                expected.append((model, day, price))
            last = price
    assert [(m, (d - pd.Timestamp("2024-01-01")).days, p)
            for m, d, p in zip(got["model"], got["date"], got["price_1m"], strict=True)] == expected


def test_no_rows_give_no_steps(ds):
    from pricewar.normalize import series_table

    empty = series_table(normalize(ds.prices.iloc[0:0], ds.fx), ds.fx)
    assert empty.empty and "until" in empty.columns


# --- how today's prices are sold: bands, hours, limited-time prices, confirmation, provisional rates ----------
CONDITION_HEADER = ("date,announced,vendor,model,tier,kind,price,currency,unit,source,quote,dispute_zh,dispute_en,"
                    "note_zh,note_en,band_from,band_to,period,hours,tz,days,ends,then,confirmed")


def sold(tmp_path, *rows: str):
    """The good fixture with prices.csv replaced by ``rows`` (CSV lines under the condition header)."""
    import shutil
    folder = tmp_path / "data"
    shutil.copytree(GOOD, folder)
    (folder / "prices.csv").write_text("\n".join([CONDITION_HEADER, *rows]) + "\n", encoding="utf-8")
    return load_dataset(folder)


def row(date, model, kind, price, *, band=",", period=",,,", ends=",", confirmed="", vendor="deepseek", cur="CNY"):
    return (f"{date},,{vendor},{model},,{kind},{price},{cur},per_1m_tokens,article-a,x,,,,,{band},{period},{ends},"
            f"{confirmed}")


def test_input_bands_are_series_of_their_own_named_by_their_bounds_and_the_smallest_is_standard(tmp_path):
    ds = sold(tmp_path,
              row("2024-05-10", "Qwen3-Max", "input", 2.5, band="0,32"),
              row("2024-05-10", "Qwen3-Max", "input", 4, band="32,128"),
              row("2024-05-10", "Qwen3-Max", "input", 7, band="128,"),
              row("2024-05-10", "Qwen3-Max", "output", 10, band="0,32"))
    s = ds.series[ds.series["series"] == "input"].set_index("tier")
    assert s.loc["", "price_1m"] == 2.5 and bool(s.loc["", "standard"])  # the smallest band: the model's own name
    assert s.loc["32–128k", "price_1m"] == 4 and not s.loc["32–128k", "standard"]
    assert s.loc[">128k", "price_1m"] == 7
    assert s.loc["32–128k", "condition_en"] == "input of 32k–128k tokens"
    assert s.loc["", "condition_zh"] == "输入 0k–32k tokens"
    assert ds.series.loc[ds.series["series"] == "blended", "tier"].tolist() == [""]  # a blend needs both prices


def test_off_peak_hours_are_their_own_series_and_a_withdrawn_discount_ends_it(tmp_path):
    ds = sold(tmp_path,
              row("2024-05-10", "DeepSeek-V3", "input", 2),
              row("2024-05-20", "DeepSeek-V3", "input", 1, period="off_peak,00:30-08:30,UTC+8,",
                  ends="2024-07-05,"),
              row("2024-06-01", "DeepSeek-V3", "input", 0.5, period="off_peak,00:30-08:30,UTC+8,"))
    s = ds.series[ds.series["series"] == "input"]
    off = s[s["tier"] == "00:30–08:30"]
    assert off["price_1m"].tolist() == [1.0, 0.5] and not off["standard"].any()
    # the row with an end was replaced by a later one before its end: the later one holds on
    assert off["until"].tolist()[0] == pd.Timestamp("2024-06-01") and pd.isna(off["until"].tolist()[1])
    assert off["condition_en"].iloc[0] == "off-peak hours, 00:30–08:30 (UTC+8); no longer offered from 2024-07-05"
    ds = sold(tmp_path / "b",
              row("2024-05-10", "DeepSeek-V3", "input", 2),
              row("2024-05-20", "DeepSeek-V3", "input", 1, period="off_peak,00:30-08:30,UTC+8,weekdays",
                  ends="2024-07-05,"))
    off = ds.series[(ds.series["series"] == "input") & (ds.series["tier"] == "00:30–08:30")]
    assert off["until"].tolist() == [pd.Timestamp("2024-07-05")]  # no price after the discount hours end
    assert price_at(ds.series, "2024-07-10")["tier"].tolist() == [""]


def test_a_limited_time_price_falls_back_on_its_end_unless_made_permanent_first(tmp_path):
    ds = sold(tmp_path,
              row("2024-05-10", "DeepSeek-V4-Pro", "input", 12),
              row("2024-05-20", "DeepSeek-V4-Pro", "input", 3, ends="2024-06-01,12"))
    s = ds.series[ds.series["series"] == "input"]
    assert s["date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-05-10", "2024-05-20", "2024-06-01"]
    assert s["price_1m"].tolist() == [12, 3, 12]
    assert s["note_en"].iloc[-1] == "the price after the limited-time one ends on 2024-06-01, as the same source states"
    made_permanent = sold(tmp_path / "b",
                          row("2024-05-10", "DeepSeek-V4-Pro", "input", 12),
                          row("2024-05-20", "DeepSeek-V4-Pro", "input", 3, ends="2024-06-01,12"),
                          row("2024-05-25", "DeepSeek-V4-Pro", "input", 3))
    s = made_permanent.series[made_permanent.series["series"] == "input"]
    assert s["price_1m"].tolist() == [12, 3] and pd.isna(s["until"].iloc[-1])


def test_a_price_is_confirmed_to_its_last_evidence_and_a_repeat_row_confirms_it(tmp_path):
    ds = sold(tmp_path,
              row("2024-05-10", "GLM-4", "input", 100, confirmed="2024-06-20"),
              row("2024-07-01", "GLM-4", "input", 100))
    s = ds.series[ds.series["series"] == "input"]
    assert len(s) == 1 and s["confirmed_through"].iloc[0] == pd.Timestamp("2024-07-01")
    at = price_at(s, "2024-07-20")
    assert bool(at["unconfirmed"].iloc[0]) and not price_at(s, "2024-06-30")["unconfirmed"].iloc[0]


def test_a_month_after_the_last_rate_is_converted_at_it_and_marked_provisional(tmp_path):
    ds = sold(tmp_path, row("2024-09-10", "GPT-4o", "input", 5, vendor="openai", cur="USD"),
              row("2024-05-10", "GPT-4o", "output", 15, vendor="openai", cur="USD"))
    s = ds.series.set_index("series")
    assert (s.loc["input", "fx_month"], s.loc["input", "usd_cny"]) == ("2024-07", 7.1)  # the last month's rate
    assert bool(s.loc["input", "fx_provisional"]) and not s.loc["output", "fx_provisional"]
    assert s.loc["input", "cny_per_1m"] == pytest.approx(5 * 7.1)


def test_a_blend_ends_with_its_withdrawn_prices_even_when_another_model_changes_that_day(tmp_path):
    off = "off_peak,00:30-08:30,UTC+8,"
    ds = sold(tmp_path,
              row("2024-05-10", "A", "input", 2), row("2024-05-10", "A", "output", 8),
              row("2024-05-20", "A", "input", 1, period=off, ends="2024-07-05,"),
              row("2024-05-20", "A", "output", 4, period=off, ends="2024-07-05,"),
              row("2024-05-10", "B", "input", 3), row("2024-05-10", "B", "output", 9),
              row("2024-07-05", "B", "input", 1))  # B changes on the day A's hours are withdrawn
    blends = ds.series[ds.series["series"] == "blended"].set_index(["model", "tier"])
    assert blends.loc[("A", "00:30–08:30"), "until"] == pd.Timestamp("2024-07-05")
    assert pd.isna(blends.loc[("A", ""), "until"])  # A's standard price goes on
