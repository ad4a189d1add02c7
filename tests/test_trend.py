"""The decline-rate fit recovers a known rate, with an interval that contains it."""

import numpy as np
import pandas as pd
import pytest

from pricewar.trend import cheapest_over_time, fit, in_class


def synthetic(factor_per_year: float, n: int = 12, noise: float = 0.05, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    days = np.sort(rng.choice(np.arange(0, 730), size=n, replace=False))
    years = days / 365.25
    price = 100 * factor_per_year ** (-years) * 10 ** rng.normal(0, noise, n)
    return pd.DataFrame({"date": pd.Timestamp("2023-01-01") + pd.to_timedelta(days, unit="D"), "price": price})


@pytest.mark.parametrize("factor", [2.0, 10.0, 40.0])
def test_fit_recovers_a_known_decline_and_its_interval_contains_it(factor):
    result = fit(synthetic(factor, seed=7))
    assert result["factor"] == pytest.approx(factor, rel=0.25)
    assert result["low"] < factor < result["high"]
    assert result["n"] == 12


def test_the_90_percent_interval_covers_the_true_rate_about_90_percent_of_the_time():
    runs = [fit(synthetic(10.0, seed=seed)) for seed in range(300)]
    covered = sum(r["low"] < 10.0 < r["high"] for r in runs) / len(runs)
    assert 0.84 <= covered <= 0.96


def test_too_few_points_give_no_fit():
    assert fit(synthetic(10, n=2)) is None


def test_cheapest_over_time_keeps_each_change_once_and_skips_free():
    s = pd.DataFrame({"model": ["a", "b", "c"], "tier": ["", "", ""], "source": ["s", "s", "s"],
                      "date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01"]),
                      "until": pd.to_datetime([None, None, None]), "usd_per_1m": [10.0, 5.0, 0.0]})
    pts = cheapest_over_time(s)
    assert pts["price"].tolist() == [10.0, 5.0] and pts["model"].tolist() == ["a", "b"]


def test_in_class_selects_by_model_and_tier(series):
    assert set(in_class(series, ["Doubao-pro 32k"])["tier"]) == {"32k"}
    assert len(in_class(series, [])) == len(series)


@pytest.mark.parametrize("df,expected", [(1, 6.3138), (2, 2.9200), (5, 2.0150), (11, 1.7959), (30, 1.6973),
                                         (120, 1.6577)])
def test_the_interval_uses_the_exact_t_quantile(df, expected):
    from pricewar.trend import t_quantile

    assert t_quantile(0.95, df) == pytest.approx(expected, abs=5e-5)
    assert t_quantile(0.975, 11) == pytest.approx(2.2010, abs=5e-5)


def test_an_interval_of_thirteen_points_is_as_wide_as_t_with_11_degrees_says():
    from pricewar.trend import t_quantile

    points = synthetic(10.0, n=13, seed=3)
    result = fit(points)
    x = np.array([(d - points["date"].min()).days / 365.25 for d in points["date"]])
    y = np.log10(points["price"].to_numpy())
    slope, intercept = np.polyfit(x, y, 1)
    se = np.sqrt(((y - (slope * x + intercept)) ** 2).sum() / 11 / ((x - x.mean()) ** 2).sum())
    assert result["high"] == pytest.approx(10 ** (-(slope - 1.7959 * se)), rel=1e-4)
    assert t_quantile(0.95, 11) != pytest.approx(1.782, abs=1e-3)  # the old table's df = 12 value


def test_sets_are_the_classes_then_every_model_then_each_country(ds):
    from pricewar.trend import members, set_choices, set_name

    assert set_choices(ds) == ["gpt-4-class", "all", "cn", "us"]
    assert set_name(ds, "gpt-4-class", "en") == "GPT-4 class" and set_name(ds, "cn", "en") == "Models from China"
    assert set_name(ds, "us", "zh") == "美国的模型"
    assert set(members(ds, "us")["vendor"]) == {"openai", "anthropic", "google"}
    assert len(members(ds, "all")) == len(ds.series)
