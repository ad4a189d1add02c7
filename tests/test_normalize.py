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
