"""The decline-rate fit recovers a known rate, with an interval that contains it."""

import numpy as np
import pandas as pd
import pytest

from pricewar import figures, findings
from pricewar.text import published_range
from pricewar.trend import MIN_DAYS, MIN_POINTS, cheapest_over_time, fit, in_class, shortfall, yearly
from pricewar.view import Choices


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
                      "until": pd.to_datetime([None, None, None]), "usd_per_1m": [10.0, 5.0, 0.0],
                      "price_1m": [10.0, 5.0, 0.0], "currency": "USD", "fx_month": "2024-01", "usd_cny": 7.1})
    pts = cheapest_over_time(s)
    assert pts["price"].tolist() == [10.0, 5.0] and pts["model"].tolist() == ["a", "b"]


def test_the_same_stated_price_at_another_months_rate_is_not_a_price_change():
    # 1 元 from May, then another model at 1 元 from December when the yuan was weaker: the same price,
    # a little cheaper in dollars — exchange-rate noise, not a cut
    s = pd.DataFrame({"model": ["may", "dec", "cut"], "tier": "", "source": "s",
                      "date": pd.to_datetime(["2024-05-06", "2024-12-26", "2025-03-01"]),
                      "until": pd.NaT, "price_1m": [1.0, 1.0, 0.5], "currency": "CNY",
                      "usd_per_1m": [1 / 7.2327, 1 / 7.2993, 0.5 / 7.2], "fx_month": ["2024-05", "2024-12", "2025-03"],
                      "usd_cny": [7.2327, 7.2993, 7.2]})
    pts = cheapest_over_time(s)
    assert pts["model"].tolist() == ["may", "cut"]


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
    # every model at its standard price: an off-peak hour or an input band is not a model of its own
    assert len(members(ds, "all")) == int(ds.series["standard"].sum()) < len(ds.series)
    assert not members(ds, "all")["tier"].str.contains("–").any()


def points(days, prices):
    start = pd.Timestamp("2024-01-01")
    return pd.DataFrame({"date": [start + pd.Timedelta(days=d) for d in days], "price": prices,
                         "model": "m", "source": "s"})


def test_no_yearly_figure_below_the_minimums_and_the_title_says_why():
    # five changes over four months (the "Models from China" case): 3,368,203× a year before the minimums
    short = points([0, 30, 60, 90, 124], [10, 3, 1, 0.3, 0.1])
    assert yearly(short) is None and shortfall(short) == ("too_short", {"months": 4.1, "min": 12})
    assert findings.decline(None, short, "en") == (
        "The cheapest price's changes span only 4.1 months: too short for a yearly rate (it takes at least 12)")
    few = points([0, 400, 800], [10, 5, 1])
    assert yearly(few) is None and shortfall(few) == ("too_few", {"n": 3, "min": MIN_POINTS})
    assert findings.decline(None, few, "zh") == "数据点太少，无法计算年降幅：最低价只有 3 个数据点，至少需要 5 个"
    assert findings.decline(None, few, "en") == (
        "Too few data points for a yearly rate: the cheapest price has 3, and it takes at least 5")
    enough = points([0, 100, 200, 300, 400], [10, 5, 2, 1, 0.5])
    assert shortfall(enough) is None and yearly(enough) == fit(enough)
    assert (MIN_POINTS, MIN_DAYS) == (5, 365)


def test_the_headline_carries_the_interval_says_a_rise_is_a_rise_and_an_uncertain_sign():
    assert findings.decline({"factor": 12.3, "low": 5.14, "high": 29.4}, None, "en") == (
        "Prices fell 12× per year (90% interval 5.1–29×)")
    assert findings.decline({"factor": 1 / 2, "low": 1 / 3, "high": 1 / 1.5}, None, "en") == (
        "Prices rose 2.0× per year (90% interval 1.5–3.0×)")
    assert findings.decline({"factor": 1.6, "low": 0.8, "high": 3.2}, None, "en") == (
        "Prices fell 1.6× per year (90% interval 0.8–3.2×); the interval includes no change")
    assert findings.supported({"low": 5.14, "high": 29.4}, "en") == (
        "the fit's 90% interval supports any figure from 5.1 to 29× a year")
    # Chinese states a fall as what prices fall to (never "下降 12 倍")
    assert findings.decline({"factor": 12.3, "low": 5.14, "high": 29.4}, None, "zh") == (
        "价格每年降至约 1/12（90% 区间：1/5.1 至 1/29）")
    assert findings.decline({"factor": 1.6, "low": 0.8, "high": 3.2}, None, "zh") == (
        "价格每年降至约 1/1.6（90% 区间：1.2 倍 至 1/3.2）；区间包含价格不变")  # 1/0.8 = 1.25


@pytest.mark.parametrize("days", [1, 10, 40, 61, 62, 100, 400, 800, 1500])
@pytest.mark.parametrize("width", [340, 540, 900])
def test_the_date_axis_never_repeats_a_label(days, width):
    # month labels only on whole-month steps; a span too short for that labels days
    draft = figures.Draft()
    start = pd.Timestamp("2024-01-15")
    figures.date_axis(draft, start, start + pd.Timedelta(days=days), "en", width)
    axis = draft.figure().layout.xaxis
    if "%d" in axis.tickformat:
        return
    assert axis.dtick.startswith("M") and int(axis.dtick[1:]) >= 1
    labels = (days / 30.44) / int(axis.dtick[1:])
    assert labels <= max(2, width // 64) + 1  # as many as fit the plot's width (a label is ~50 px)


def test_published_rates_can_say_at_least(ds):
    li = next(r for r in ds.rates if r.id == "robin-li")
    assert li.factor_high is None and published_range(li.factor_low, li.factor_high, "zh") == "至少降至 1/10"
    assert published_range(li.factor_low, li.factor_high, "en") == "at least 10×"
    assert published_range(9, 900, "en") == "9–900×" and published_range(10, 10, "en") == "10×"
    assert all(r.differs["en"] and r.differs["zh"] for r in ds.rates)


def test_all_models_fall_about_three_times_a_year_from_gpt_3_5_turbo_to_2026(ds):
    # from GPT-3.5 Turbo's 2023-03-01 launch at $2 per million to the end of 2026 the cheapest blended price
    # falls 3.2× a year (US$) over the whole range: the 2025–26 prices fall little and some rise
    from pricewar import charts
    view = Choices.of(ds).default().with_(set="all", kind="blended", currency="USD", lang="en")
    built = charts.build("trend", ds, view)
    assert built.fit is not None and 2 < built.fit["factor"] < 5
    assert built.title == "Prices fell 3.2× per year (90% interval 1.8–5.9×)"
    assert built.rows["date"].min() == pd.Timestamp("2023-03-01") and built.rows["date"].max().year == 2026


def test_the_newer_estimates_sit_beside_the_fit_a_rise_said_as_a_rise(ds):
    rates = {r.id: r for r in ds.rates}
    rise = rates["gundlach-running-frontier"]
    assert published_range(rise.factor_low, rise.factor_high, "en") == "rises 3–18× a year"
    assert published_range(rise.factor_low, rise.factor_high, "zh") == "每年上升 3–18 倍"
    assert published_range(rates["gundlach-frontier"].factor_low, rates["gundlach-frontier"].factor_high,
                           "en") == "5–10×"
    du = rates["du-half-life"]  # half-lives of 1.55 and 1.10 years, as yearly factors 2^(1/h)
    assert (du.factor_low, du.factor_high) == (pytest.approx(2 ** (1 / 1.55), abs=1e-3),
                                               pytest.approx(2 ** (1 / 1.10), abs=1e-3))
    assert published_range(du.factor_low, du.factor_high, "en") == "1.56–1.88×"
    kinds = dict(zip(ds.sources["id"], ds.sources["kind"], strict=True))
    assert kinds[rise.source] == kinds[du.source] == "research"
