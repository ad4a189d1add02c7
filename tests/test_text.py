"""Numbers and filters in words: how the product writes a price, a view's filters, sources and rates."""

import pandas as pd
import pytest

from pricewar.text import (
    Credit,
    cited,
    credit_line,
    filters_in_words,
    fx_note,
    money,
    source_names,
    text_width,
    unit,
    wrap,
)

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


CREDIT = Credit(names={"it": ("IT Times", "2025-02-13"), "ai": ("AI Tech Base Camp", "2024-05-25"),
                       "kz": ("Shuzi Shengming Kazike", "2024-05-22"), "oa1": ("OpenAI", "2024-05-13"),
                       "oa2": ("OpenAI", "2024-07-18"), "undated": ("Anonymous online thread", "")},
                fx="US Federal Reserve H.10", by="pricewar data 2026.12.1, as of 2025-06-30")
ZH = Credit(names={"it": ("IT时报", "2025-02-13"), "ai": ("AI科技大本营", "2024-05-25"), "kz": ("数字生命卡兹克", "")},
            fx="美联储 H.10", by="pricewar 数据 2026.12.1，截至 2025-06-30")


def test_cited_puts_the_most_cited_source_first_and_counts_each_once_per_row():
    rows = pd.DataFrame({"source": ["a;b", "b", " c ;b", "a"]})
    assert cited(rows) == ["b", "a", "c"]
    assert cited(rows.iloc[0:0]) == []


def test_the_credit_line_names_outlets_and_dates_in_words_as_many_as_fit():
    ids = ["it", "ai", "kz", "oa1", "oa2", "undated"]
    wide = credit_line(CREDIT, ids, True, "en", room=740, size=11)
    assert wide == ("Sources: IT Times (2025-02-13), AI Tech Base Camp (2024-05-25), Shuzi Shengming Kazike "
                    "(2024-05-22), OpenAI (2024-07-18) and 1 more; exchange rates: US Federal Reserve H.10 · "
                    "pricewar data 2026.12.1, as of 2025-06-30")  # one outlet cited twice: named once, its newest date
    narrow = credit_line(CREDIT, ids, False, "en", room=300, size=10)
    assert narrow.startswith("Sources: IT Times (2025-02-13) and 4 more · pricewar")  # no rates: nothing converted
    assert credit_line(ZH, ["it", "ai", "kz"], True, "zh", room=740) == (
        "来源：IT时报（2025-02-13）、AI科技大本营（2024-05-25）、数字生命卡兹克；汇率：美联储 H.10 · "
        "pricewar 数据 2026.12.1，截至 2025-06-30")
    assert credit_line(ZH, ["it", "ai", "kz"], False, "zh", room=200, size=10).startswith(
        "来源：IT时报（2025-02-13）等 3 个来源 · pricewar")
    assert credit_line(CREDIT, ["it"], False, "en", room=740) == (
        "Source: IT Times (2025-02-13) · pricewar data 2026.12.1, as of 2025-06-30")
    assert credit_line(CREDIT, [], False, "en", room=740) == "pricewar data 2026.12.1, as of 2025-06-30"


def test_the_credit_line_carries_the_byline_and_the_address_shortened_where_space_is_short():
    from dataclasses import replace

    where = replace(CREDIT, byline="Jane Doe", address="https://pricewar.example.org/prices?lang=en&vendor=deepseek")
    wide = credit_line(where, ["it"], False, "en", room=900)
    assert wide == ("Chart: Jane Doe · Source: IT Times (2025-02-13) · pricewar data 2026.12.1, as of 2025-06-30 · "
                    "pricewar.example.org/prices?lang=en&vendor=deepseek")
    assert credit_line(where, ["it"], False, "en", room=330, size=10, lines=2).endswith(
        "· pricewar.example.org/prices")
    assert source_names(CREDIT, "it; oa1;unknown") == "IT Times (2025-02-13); OpenAI (2024-05-13)"


def test_wrap_breaks_a_long_run_without_spaces_even_at_the_start():
    line = "来源：AI科技大本营（2024-05-25）、IT时报（2025-02-13）、数字生命卡兹克（2024-05-22）等 19 个来源"
    assert all(text_width(part, 10) <= 321 for part in wrap(line, 10, 321))
    assert "".join(wrap(line, 10, 321)).replace(" ", "") == line.replace(" ", "")


def test_a_dispute_cites_its_sources_by_name_in_the_readers_language():
    from pricewar.text import Credit, cited_in_words

    names = {"zh": Credit(names={"aikeji-2024-05-25": ("AI科技大本营", "2024-05-25"), "thread-x": ("网帖", "")}),
             "en": Credit(names={"aikeji-2024-05-25": ("AI Tech Base Camp", "2024-05-25"),
                                 "thread-x": ("a thread", "")})}
    text = "about 1/100 [aikeji-2024-05-25]; 0.5 元 [thread-x]; [unknown-id] stays; [not an id] too"
    assert cited_in_words(text, names["en"], "en") == (
        "about 1/100 (AI Tech Base Camp, 2024-05-25); 0.5 元 (a thread); [unknown-id] stays; [not an id] too")
    assert cited_in_words("约 1/100 [aikeji-2024-05-25]", names["zh"], "zh") == "约 1/100（AI科技大本营，2024-05-25）"


def test_a_long_name_breaks_after_a_hyphen_never_inside_a_word():
    assert wrap("DeepSeek-V4.1-Flash", 11, 90) == ["DeepSeek-V4.1-", "Flash"]
    assert wrap("DeepSeek-V4-Flash (to\u00a02026-09)", 11, 90) == ["DeepSeek-V4-", "Flash", "(to 2026-09)"]
    assert wrap("GPT-4o mini", 11, 200) == ["GPT-4o mini"]
