"""Numbers and filters in words: how the product writes a price, a view's filters, sources and rates."""

import pandas as pd
import pytest

from pricewar.text import filters_in_words, fx_note, money, source_line, text_width, unit, wrap

from conftest import war_view


@pytest.mark.parametrize("text,size,width,lines", [
    ("The cheapest input price fell from ¥7.17 to free", 15, 200, 3),
    ("输入最低价从 7.17 元降至免费，价格战一年的结果", 15, 160, 3),
    ("short", 12, 300, 1),
])
def test_wrap_keeps_every_line_within_the_width(text, size, width, lines):
    out = wrap(text, size, width)
    assert len(out) == lines and all(text_width(line, size) <= width for line in out)
    assert "".join(out).replace(" ", "") == text.replace(" ", "")


def test_money_reads_naturally():
    assert money(0.8, "CNY", "zh") == "0.8 元" and money(2.5, "USD", "en") == "$2.5"
    assert money(0, "USD", "en") == "free" and money(206.727, "CNY", "en") == "¥207"
    assert money(0.00012, "USD", "en") == "$0.00012" and money(1234.6, "CNY", "zh") == "1,235 元"


def test_units_in_both_languages():
    assert unit("CNY", "zh") == "元 / 百万 tokens" and unit("USD", "en") == "US$ per million tokens"


def test_filters_in_words_name_vendors_dates_kind_and_unit(ds):
    view = war_view(vendors=("deepseek", "openai"), kind="output", currency="USD")
    assert filters_in_words(view, ds.vendors, "en") == (
        "DeepSeek, OpenAI; 2024-01-01 to 2025-03-31; Output; US$ per million tokens")
    assert filters_in_words(war_view(), ds.vendors, "zh", prices=False) == "全部厂商；2024-01-01 至 2025-03-31"
    assert filters_in_words(view, ds.vendors, "en", dates=False).startswith("DeepSeek, OpenAI; Output")


def test_fx_note_only_when_a_shown_price_was_converted():
    rows = pd.DataFrame({"currency": ["USD", "CNY", "USD"], "fx_month": ["2024-05", "2024-05", "2024-11"],
                         "usd_cny": [7.2327, 7.2327, 7.2226]})
    assert fx_note(rows, "CNY", "en") == "Converted at FRED monthly averages (2024-05 7.2327, 2024-11 7.2226)"
    assert fx_note(rows[rows["currency"] == "CNY"], "CNY", "en") == ""


def test_source_line_lists_each_source_once_in_order_of_use():
    rows = pd.DataFrame({"source": ["a;b", "b", " c ;a", "d", "e", "f", "g"]})
    assert source_line(rows, "en") == "Source: a, b, c, d, e, f +1 · pricewar"
    assert source_line(rows.iloc[0:0], "zh") == "来源：— · pricewar"
