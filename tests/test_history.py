"""One model's record: every price in every kind and tier, its sources and the day they last stated it, its
latest prices, the events naming it, and the sentence that sums it up — true as worded for one price, one
source, free prices, several tiers and a vendor's own statement."""

from pathlib import Path

import pandas as pd
import pytest

from pricewar import charts, history, load_dataset
from pricewar.view import Choices, parse_view

from conftest import GOOD


@pytest.fixture(scope="module")
def good():
    return load_dataset(GOOD)


def test_the_model_names_are_every_priced_model_in_reading_order(good):
    assert history.model_names(good) == ("DeepSeek-V2", "ERNIE Speed", "GPT-4o", "hunyuan-standard", "Qwen-Long")


def test_the_model_page_opens_on_the_model_the_wars_first_headline_event_names(good):
    assert history.default_model(good) == "DeepSeek-V2"


def test_the_history_holds_every_stated_price_with_its_end_and_its_last_dated_source(good):
    rows = history.history(good, "GPT-4o")
    got = [(f"{d:%Y-%m-%d}", k, p, "" if pd.isna(u) else f"{u:%Y-%m-%d}")
           for d, k, p, u in zip(rows["date"], rows["kind"], rows["price"], rows["until"], strict=True)]
    # input and cache_miss are one series: the cache-miss price of 07-01 ends the input price of 05-13
    assert got == [("2024-05-13", "input", 5.0, "2024-07-01"), ("2024-07-01", "cache_miss", 5.0, "2024-07-15"),
                   ("2024-07-15", "cache_miss", 2.5, ""), ("2024-05-13", "output", 15.0, ""),
                   ("2024-07-01", "cache_hit", 2.5, "")]
    assert set(rows["last_stated"]) == {""}  # the tracker has no date: nothing is claimed
    ds = history.history(good, "DeepSeek-V2")
    assert list(ds["last_stated"]) == ["2024-05-22", "2024-05-22"] and list(ds["last_source"]) == ["article-a"] * 2


def test_the_latest_prices_are_those_no_later_row_replaces(good):
    latest = history.latest(history.history(good, "Qwen-Long"))
    assert [(k, p) for k, p in zip(latest["kind"], latest["price"], strict=True)] == [("input", 0.0005),
                                                                                      ("output", 2.0)]


def test_the_events_naming_a_model_are_found_by_name_and_by_name_with_a_tier(good):
    assert list(history.naming(good, "DeepSeek-V2")["id"]) == ["v2-launch"]
    assert history.naming(good, "hunyuan-standard").empty


@pytest.mark.parametrize("model,lang,sentence", [
    ("DeepSeek-V2", "en", "DeepSeek-V2 (DeepSeek): 2 prices in the data, all from 2024-05-06, citing 2 sources: "
                          "all reports, none from the vendor itself."),
    ("hunyuan-standard", "en", "hunyuan-standard (Tencent): 1 price in the data, all from 2024-06-10, citing 1 "
                               "source: a report, not the vendor's own statement."),
    ("Qwen-Long", "en", "Qwen-Long (Alibaba Cloud): 3 prices in the data, taking effect between 2024-04-20 and "
                        "2024-05-21, citing 2 sources: all reports, none from the vendor itself."),
    ("Qwen-Long", "zh", "Qwen-Long（阿里云）：数据中有 3 条价格，生效于 2024-04-20 至 2024-05-21 之间；引用 2 个来源，"
                        "都是报道，没有一个来自厂商本身。"),
])
def test_the_summary_is_true_as_worded(good, model, lang, sentence):
    assert history.summary(good, model, lang) == sentence


def test_the_summary_counts_the_vendors_own_statements(good_copy: Path):
    text = (good_copy / "sources.yaml").read_text(encoding="utf-8")
    (good_copy / "sources.yaml").write_text(text.replace("kind: tracker", "kind: vendor"), encoding="utf-8")
    data = load_dataset(good_copy)
    assert history.summary(data, "DeepSeek-V2", "en").endswith("citing 2 sources: 1 of them from the vendor itself.")
    assert history.summary(data, "GPT-4o", "en").endswith("citing 1 source: the vendor's own statement.")
    assert history.summary(data, "GPT-4o", "zh").endswith("引用 1 个来源，是厂商本身的说明。")
    assert list(history.history(data, "GPT-4o")["own"]) == [True] * 5


def test_a_model_link_finds_the_model_however_it_is_spelt(good):
    c = Choices.of(good)
    for spelt in ("GPT-4o", "gpt-4o", "  GPT-4o ", "ernie speed 8k"):
        view, notices = parse_view({"model": [spelt]}, c)
        assert view.model in ("GPT-4o", "ERNIE Speed") and not notices, spelt
    view, notices = parse_view({"model": ["GPT-5"]}, c)
    assert view.model == "DeepSeek-V2" and [n.param for n in notices] == ["model"]


def test_the_model_chart_draws_every_kind_and_tier_over_the_models_whole_life(good):
    view = Choices.of(good).default().with_(lang="en", model="GPT-4o", vendors=("alibaba",))
    built = charts.build("model", good, view)
    lines = [t.name for t in built.figure.data if (t.meta or {}).get("model")]
    assert lines == ["Input", "Output", "Cached input"]  # the vendor filter of other pages does not hide it
    assert built.title == "API prices of GPT-4o (OpenAI)"
    assert len(built.rows) == 5
    free = charts.build("model", good, view.with_(model="ERNIE Speed", lang="zh"))
    assert [t.name for t in free.figure.data if (t.meta or {}).get("model")] == ["输入 8k", "输出 8k"]
    assert "免费" in free.figure.layout.yaxis.ticktext[0]  # free is drawn on its labelled floor
