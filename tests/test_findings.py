"""Every title a chart states, true as worded on crafted data: free models, models that did not exist yet,
one data point, ties, two currencies, a rise — the awkward views as well as the shipped one."""

from datetime import date

import pandas as pd
import pytest

from pricewar import charts, figures, findings
from pricewar.normalize import on_date, price_at
from pricewar.text import compare, ratio_form, ratio_short
from pricewar.view import View

COL = "usd_per_1m"


def rows(*prices, currency="USD", day="2024-06-01"):
    """A comparison on one day: (label, price) pairs, all stated in ``currency``."""
    return pd.DataFrame({
        "model": [p[0] for p in prices], "tier": "", "vendor": "v", COL: [float(p[1]) for p in prices],
        "date": pd.Timestamp(day), "until": pd.NaT, "currency": currency, "source": "s",
    })


def steps(*changes):
    """Step series from (label, start, price, until-or-None)."""
    return pd.DataFrame({
        "model": [c[0] for c in changes], "tier": "", "vendor": "v",
        "date": [pd.Timestamp(c[1]) for c in changes], COL: [float(c[2]) for c in changes],
        "until": [pd.Timestamp(c[3]) if c[3] else pd.NaT for c in changes], "source": "s",
    })


# --- the comparison on a date -----------------------------------------------------------------------------
def test_a_free_model_is_named_as_free_and_never_the_denominator():
    title = findings.ranking(rows(("Free-A", 0), ("Cheap", 0.5), ("Dear", 100)), COL, "2024-06-01", "USD", "en")
    assert title == "On 2024-06-01, Dear costs 200× as much as Cheap, the cheapest paid model; 1 free (Free-A)"
    zh = findings.ranking(rows(("Free-A", 0), ("Cheap", 0.5), ("Dear", 100)), COL, "2024-06-01", "USD", "zh")
    assert zh == "2024-06-01：Dear 的价格是 Cheap 的 200 倍，后者是最便宜的收费模型；1 个模型免费（Free-A）"


def test_without_free_models_the_cheapest_is_simply_the_cheapest():
    title = findings.ranking(rows(("Cheap", 2), ("Dear", 5)), COL, "2024-06-01", "USD", "en")
    assert title == "On 2024-06-01, Dear costs 2.5× as much as Cheap, the cheapest"


def test_all_free_one_paid_one_model_and_ties():
    assert findings.ranking(rows(("A", 0), ("B", 0)), COL, "2024-06-01", "USD", "en") == (
        "On 2024-06-01, every model shown is free")
    assert findings.ranking(rows(("A", 0), ("B", 3)), COL, "2024-06-01", "USD", "en") == (
        "On 2024-06-01, B is the only paid model ($3); 1 free (A)")
    assert findings.ranking(rows(("B", 3)), COL, "2024-06-01", "USD", "en") == "On 2024-06-01, B costs $3"
    tied = findings.ranking(rows(("A", 1), ("B", 1), ("C", 1), ("D", 30)), COL, "2024-06-01", "USD", "en")
    assert tied == "On 2024-06-01, D costs 30× as much as A, the cheapest (2 more at the same price)"
    same = findings.ranking(rows(("A", 1), ("B", 1)), COL, "2024-06-01", "USD", "en")
    assert same == "On 2024-06-01, B costs the same as A, the cheapest"


def test_the_ranking_title_is_the_same_ratio_in_both_currency_views(ds):
    # GPT-4 8k ($30) against Qwen-Long (0.5 元): both at June 2024's rate, so one ratio in 元 and in US$
    view = View(start=date(2024, 1, 1), end=date(2025, 3, 31), at=date(2024, 6, 1), before=date(2024, 5, 1),
                after=date(2024, 6, 1), vendors=("alibaba", "openai"), lang="en")
    titles = {cur: charts.build("ranking", ds, view.with_(currency=cur)).title for cur in ("CNY", "USD")}
    assert "GPT-4 8k costs 435× as much as Qwen-Long" in titles["CNY"]
    assert "GPT-4 8k costs 435× as much as Qwen-Long" in titles["USD"]


# --- the price curves' headline ------------------------------------------------------------------------------
def test_fell_from_to_names_the_model_at_each_end():
    series = steps(("Old", "2024-01-01", 14, None), ("New", "2024-05-01", 2, "2024-09-01"),
                   ("New", "2024-09-01", 1, None))
    title = findings.curves(series, COL, pd.Timestamp("2024-01-01"), pd.Timestamp("2024-12-31"), "input", "USD", "en")
    assert title == "The cheapest input price fell from $14 (Old, 2024-01-01) to $1 (New, 2024-12-31)"


def test_a_model_that_did_not_exist_at_the_start_is_not_its_starting_price():
    # the view starts before anything is priced: the headline starts on the first priced day
    series = steps(("Late", "2024-03-01", 5, "2024-06-01"), ("Late", "2024-06-01", 4, None))
    title = findings.curves(series, COL, pd.Timestamp("2024-01-01"), pd.Timestamp("2024-12-31"), "input", "USD", "en")
    assert title == "The cheapest input price fell from $5 (Late, 2024-03-01) to $4 (Late, 2024-12-31)"


def test_one_price_all_along_and_a_rise_read_as_such():
    flat = steps(("Only", "2024-01-01", 3, None))
    assert findings.curves(flat, COL, pd.Timestamp("2024-02-01"), pd.Timestamp("2024-03-01"), "input", "USD", "en") == (
        "The cheapest input price was $3 (Only) on both 2024-02-01 and 2024-03-01")
    rise = steps(("R", "2024-01-01", 1, "2024-06-01"), ("R", "2024-06-01", 2, None))
    assert findings.curves(rise, COL, pd.Timestamp("2024-01-01"), pd.Timestamp("2024-12-31"), "output", "USD",
                           "zh") == "output最低价从 1 美元（R，2024-01-01）升至 2 美元（R，2024-12-31）"


def test_free_at_the_end_names_the_free_models():
    series = steps(("Paid", "2024-01-01", 8, None), ("Gratis", "2024-05-01", 0, None))
    title = findings.curves(series, COL, pd.Timestamp("2024-01-01"), pd.Timestamp("2024-12-31"), "input", "USD", "en")
    assert title == "The cheapest input price fell from $8 (Paid, 2024-01-01) to free (Gratis, 2024-12-31)"


# --- before → after ------------------------------------------------------------------------------------------
def labels_of(fig) -> dict[str, str]:
    """The before → after chart's label of each model."""
    texts = next(t for t in fig.data if t.mode == "text")
    return {y: t.strip("\u2002") for y, t in zip(texts.y, texts.text, strict=True)}


def test_before_after_counts_only_models_priced_on_its_first_day_and_never_writes_0_percent(ds):
    view = View(start=date(2024, 1, 1), end=date(2025, 3, 31), at=date(2024, 6, 1), before=date(2024, 5, 1),
                after=date(2024, 6, 1), vendors=("deepseek", "openai"), lang="zh")
    built = charts.build("before-after", ds, view)
    labels = labels_of(built.figure)
    assert labels["DeepSeek-V2"] == "05-06 起" and labels["GPT-4o"] == "05-13 起" and labels["GPT-4 Turbo"] == "不变"
    assert "0%" not in " ".join(labels.values())
    assert built.title == ("2024-05-01 至 2024-06-01：2024-05-01 已有价格的 3 个模型都没有降价；"
                           "另有 2 个模型在此之后才有价格")


def test_a_model_first_priced_inside_the_window_shows_its_cut_but_is_not_counted(ds):
    # Qwen-Long's price is known from 2024-05-20, the day before its cut: drawn dotted, labelled, not counted
    view = View(start=date(2024, 1, 1), end=date(2025, 3, 31), at=date(2024, 6, 1), before=date(2024, 5, 1),
                after=date(2024, 6, 1), vendors=("alibaba", "zhipu"), lang="en")
    built = charts.build("before-after", ds, view)
    labels = labels_of(built.figure)
    assert labels["Qwen-Long"] == "from 05-20: −98%" and labels["GLM-3-Turbo"] == "−80%"
    assert built.title.startswith("2024-05-01 to 2024-06-01: 1 of the 2 models priced on 2024-05-01 got cheaper")
    dotted = [t for t in built.figure.data if t.mode == "lines" and t.line.dash == "dot"]
    assert [y for t in dotted for y in t.y if y] == ["Qwen-Long", "Qwen-Long"]


def test_before_after_with_no_cut_names_no_biggest_cut():
    both = pd.DataFrame({"model": ["A", "B"], "tier": "", "change": [0.0, 25.0]})
    title = findings.before_after(both, 3, 0, "2024-01-01", "2024-02-01", "en")
    assert title == ("2024-01-01 to 2024-02-01: none of the 2 models priced on 2024-01-01 got cheaper; 1 got dearer; "
                     "3 first priced later in the window")
    assert findings.before_after(both.iloc[0:0], 1, 0, "a", "b", "en") == (
        "a to b: no model shown had a price on a; 1 first priced later in the window")
    assert findings.before_after(both.iloc[0:1], 0, 0, "a", "b", "en") == (
        "a to b: A, the one model priced on a, did not get cheaper")


def test_change_words():
    assert [findings.change_text(c, "en") for c in (None, 0.0, -0.3, -97.5, 25.0)] == [
        "was free", "unchanged", "−0.3%", "−98%", "+25%"]


# --- numbers a writer would write ------------------------------------------------------------------------------
@pytest.mark.parametrize(("ratio", "form"), [
    (207.4, ("times", "207")), (1_140_108.2, ("times", "1,140,108")), (9.96, ("times", "10")),
    (2.14, ("times", "2.1")), (1.04, ("about", "")), (1.0, ("same", "")), (0.8, ("share", "80%")),
    (0.5, ("share", "50%")), (0.4, ("share", "1/2.5")), (1 / 72.3, ("share", "1/72")), (0.999, ("about", "")),
])
def test_ratios_are_written_as_a_writer_would(ratio, form):
    assert ratio_form(ratio) == form


def test_sentences_to_quote_in_each_language():
    assert compare("GPT-4 8k", "DeepSeek-V2", 207.0, "en") == "GPT-4 8k costs 207× as much as DeepSeek-V2"
    assert compare("GPT-4 8k", "DeepSeek-V2", 207.0, "zh") == "GPT-4 8k 的价格是 DeepSeek-V2 的 207 倍"
    assert compare("DeepSeek-V2", "GPT-4 8k", 1 / 72, "zh") == "DeepSeek-V2 的价格是 GPT-4 8k 的 1/72"
    assert compare("A", "B", 0.8, "en") == "A costs 80% of B's price"
    assert ratio_short(102.4, "zh") == "102 倍" and ratio_short(102.4, "en") == "102×"


def test_a_ratio_across_currencies_names_its_rate_and_one_within_a_currency_needs_none(ds):
    at = on_date(price_at(ds.series[ds.series["series"] == "input"], "2024-05-06"), "2024-05-06", ds.fx)
    view = View(start=date(2024, 1, 1), end=date(2025, 3, 31), at=date(2024, 5, 6), before=date(2024, 5, 1),
                after=date(2024, 6, 1), lang="en")
    table = figures.ratio_table(at, "GPT-4 8k", view).set_index("model")
    assert table.loc["DeepSeek-V2", "sentence"] == (
        "DeepSeek-V2 costs 1/217 of GPT-4 8k's price (converted at 2024-05's average of 7.2327 元 per US$)")
    assert table.loc["GPT-4 Turbo", "sentence"] == "GPT-4 Turbo costs 1/3 of GPT-4 8k's price"  # both US$: no rate


def test_before_after_names_the_biggest_cut_and_every_model_tied_with_it():
    both = pd.DataFrame({"model": ["A", "B", "C"], "tier": "", "change": [-100.0, -100.0, -20.0]})
    assert findings.before_after(both, 0, 0, "s", "e", "en") == (
        "s to e: 3 of the 3 models priced on s got cheaper; the biggest cut was −100% (A and B)")
    assert findings.before_after(both.iloc[2:], 0, 1, "s", "e", "zh") == (
        "s 至 e：s 唯一已有价格的模型 C 降价，降幅为 20%；1 个模型在此期间停止报价")


def test_a_price_carried_past_its_last_confirmation_is_said_to_be_unconfirmed():
    # B's price of 2024-01-01 was last stated on 2024-03-01: at the end of 2024 it is the cheapest, not confirmed
    s = steps(("A", "2024-01-01", 10, None), ("B", "2024-01-01", 2, None))
    s["confirmed_through"] = [pd.Timestamp("2024-12-31"), pd.Timestamp("2024-03-01")]
    title = findings.curves(s, COL, pd.Timestamp("2024-01-01"), pd.Timestamp("2024-12-31"), "input", "USD", "en")
    assert title == ("The cheapest input price was $2 (B) on both 2024-01-01 and 2024-12-31; not confirmed by any "
                     "source since 2024-03-01")
    # a fall to a price confirmed at the end: nothing to say
    s = steps(("A", "2024-01-01", 10, "2024-06-01"), ("A", "2024-06-01", 1, None))
    s["confirmed_through"] = [pd.Timestamp("2024-01-01"), pd.Timestamp("2024-12-31")]
    assert findings.curves(s, COL, pd.Timestamp("2024-01-01"), pd.Timestamp("2024-12-31"), "输入", "USD", "zh") == (
        "输入最低价从 10 美元（A，2024-01-01）降至 1 美元（A，2024-12-31）")
    # a fall to a price carried past its last confirmation: the end says so, in both languages
    s["confirmed_through"] = [pd.Timestamp("2024-01-01"), pd.Timestamp("2024-07-01")]
    assert findings.curves(s, COL, pd.Timestamp("2024-01-01"), pd.Timestamp("2024-12-31"), "input", "USD", "en") == (
        "The cheapest input price fell from $10 (A, 2024-01-01) to $1 (A, 2024-12-31, not confirmed since 2024-07-01)")
    assert findings.curves(s, COL, pd.Timestamp("2024-01-01"), pd.Timestamp("2024-12-31"), "输入", "USD", "zh") == (
        "输入最低价从 10 美元（A，2024-01-01）降至 1 美元（A，2024-12-31，2024-07-01 后未再获证实）")


def test_a_ranking_and_a_before_after_on_carried_prices_say_so_under_the_chart(ds):
    from pricewar.view import Choices

    view = Choices.of(ds).default().with_(lang="en", currency="USD")  # the data's last day: 2024 prices carried
    notes = " ".join(a.text for a in charts.build("ranking", ds, view).figure.layout.annotations)
    n = len(charts.build("ranking", ds, view).rows)
    assert f"None of the {n} prices on {view.at.isoformat()} is confirmed by a source that day" in notes
    early = view.with_(lang="zh", at=date(2024, 5, 22), after=date(2024, 5, 22))
    notes = " ".join(a.text for a in charts.build("ranking", ds, early).figure.layout.annotations)
    assert "2024-05-22 的" in notes and "个未获来源证实" in notes  # some, not all, on a day sources speak of
    assert findings.unconfirmed_count(0, 5, "en", day="2024-05-22") == ""
