"""Which rows a view shows: series and stated prices in effect in its range, events in it, window ends."""

from datetime import date

import pandas as pd
import pytest

from pricewar import load_dataset
from pricewar.select import events_in_view, of_kind, prices_in_view, series_in_view, value_column, window_ends
from pricewar.view import Choices

from conftest import GOOD


@pytest.fixture(scope="module")
def good():
    return load_dataset(GOOD)


@pytest.fixture(scope="module")
def view(good):
    return Choices.of(good).default()


def labels(rows: pd.DataFrame) -> set[str]:
    return {f"{m} {t}".strip() for m, t in zip(rows["model"], rows["tier"], strict=True)}


def test_value_column_follows_the_currency():
    assert (value_column("CNY"), value_column("USD")) == ("cny_per_1m", "usd_per_1m")


def test_of_kind_takes_the_views_kind_and_vendors_at_any_date(good, view):
    rows = of_kind(good.series, view.with_(kind="output", vendors=("openai",)))
    assert set(rows["series"]) == {"output"} and set(rows["vendor"]) == {"openai"}
    assert set(of_kind(good.series, view)["vendor"]) == set(good.series["vendor"])  # no vendor chosen: all


def test_a_series_is_in_view_when_it_is_in_effect_at_some_time_in_the_range(good, view):
    # Qwen-Long's input: 20 元 from 2024-04-20, 0.5 元 from 2024-05-21 (until the data ends)
    before_cut = series_in_view(good.series, view.with_(start=date(2024, 4, 25), end=date(2024, 5, 1)))
    qwen = before_cut[before_cut["model"] == "Qwen-Long"]
    assert qwen["price_1m"].tolist() == [20.0]
    spanning = series_in_view(good.series, view.with_(start=date(2024, 5, 1), end=date(2024, 6, 1)))
    assert spanning.loc[spanning["model"] == "Qwen-Long", "price_1m"].tolist() == [20.0, 0.5]
    # GPT-4o's cache-miss rows continue its input series; a range before the model existed shows nothing of it
    assert "GPT-4o" not in labels(series_in_view(good.series, view.with_(start=date(2024, 4, 20),
                                                                         end=date(2024, 5, 1))))


def test_a_range_of_one_day_shows_what_was_in_effect_that_day(good, view):
    day = series_in_view(good.series, view.with_(start=date(2024, 5, 21), end=date(2024, 5, 21)))
    assert labels(day) == {"DeepSeek-V2", "Qwen-Long", "ERNIE Speed 8k", "GPT-4o"}
    assert day.loc[day["model"] == "ERNIE Speed", "price_1m"].tolist() == [0.0]  # free that day


def test_stated_rows_behind_a_view_include_cache_miss_for_input_and_both_legs_for_blended(good, view):
    inputs = prices_in_view(good.normalized, view.with_(vendors=("openai",)))
    assert set(inputs["kind"]) == {"input", "cache_miss"}
    blended = prices_in_view(good.normalized, view.with_(vendors=("openai",), kind="blended"))
    assert set(blended["kind"]) == {"input", "output", "cache_miss"}
    assert not any(isinstance(inputs[c].dtype, pd.CategoricalDtype) for c in inputs.columns)  # text a reader sees


def test_events_in_view_keep_market_events_whatever_the_vendors(good, view):
    chosen = events_in_view(good.events, view.with_(vendors=("openai",)))
    assert chosen["id"].tolist() == ["market-news"]  # vendorless: always shown
    assert events_in_view(good.events, view.with_(end=date(2024, 5, 10)))["id"].tolist() == ["v2-launch"]


def test_window_ends_take_the_price_at_the_start_or_the_first_inside_and_the_last(good):
    inputs = good.series[good.series["series"] == "input"]
    first, last = window_ends(inputs, date(2024, 5, 1), date(2024, 6, 1))
    start = dict(zip(first["model"], first["price_1m"], strict=True))
    end = dict(zip(last["model"], last["price_1m"], strict=True))
    assert (start["Qwen-Long"], end["Qwen-Long"]) == (20.0, 0.5)
    assert start["DeepSeek-V2"] == 1.0  # began inside the window: its first price there
    first, last = window_ends(inputs, date(2024, 4, 1), date(2024, 4, 10))  # before any price
    assert first.empty and last.empty
