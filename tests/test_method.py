# ruff: noqa: E501
# (the exact sentences a journalist reads are asserted whole, Chinese ones included)
"""The "About & method" page (pricewar.method): every section in both languages, numbers true of the data
loaded (crafted folders and the shipped one), data text escaped, and data/README.md's "What is not in the
data" kept in step with LEFT_OUT."""

from __future__ import annotations

import csv
import dataclasses
import re
import subprocess
import sys
from datetime import date

import pytest
import yaml

import pricewar
from pricewar import schema
from pricewar.load import SHIPPED_DATA
from pricewar.method import KEYS, LEFT_OUT, sections
from pricewar.records import Correction, Release, Text
from pricewar.safe import md

from conftest import GOOD, ROOT


@pytest.fixture(scope="module")
def good():
    """tests/data/good: 14 prices of 5 models from 5 vendors, 2 events, 3 sources (none a vendor's own)."""
    return pricewar.load_dataset(GOOD)


@pytest.fixture(scope="module")
def shipped():
    return pricewar.load_dataset(pricewar.default_data_dir())


def body(data, lang: str, key: str, **kw) -> str:
    return {s.key: s.body for s in sections(data, lang, **kw)}[key]


def line(text: str, start: str) -> str:
    """The one line of ``text`` that starts with ``start``."""
    found = [ln for ln in text.splitlines() if ln.startswith(start)]
    assert len(found) == 1, (start, text)
    return found[0]


# --- structure --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("which", ["good", "shipped"])
def test_every_section_exists_in_both_languages_with_the_same_keys(which, request):
    data = request.getfixturevalue(which)
    zh, en = sections(data, "zh"), sections(data, "en")
    assert [s.key for s in zh] == [s.key for s in en] == list(KEYS)
    assert KEYS == ("coverage", "comparable", "disputes", "left-out", "corrections", "cite")
    for a, b in zip(zh, en, strict=True):
        assert a.heading and b.heading and a.heading != b.heading
        assert a.body.strip() and b.body.strip() and a.body != b.body
        assert re.search(r"[\u4e00-\u9fff]", a.heading) and not re.search(r"[\u4e00-\u9fff]", b.heading)


def test_an_unknown_language_reads_as_chinese_like_the_rest_of_the_product(good):
    assert sections(good, "fr") == sections(good, "zh")


def test_the_module_never_imports_streamlit():
    code = "import sys, pricewar.method; sys.exit('streamlit' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


# --- Chinese is Chinese -----------------------------------------------------------------------------------
ALLOWED_LATIN = {
    # the product, units, formats and rates
    "pricewar", "api", "tokens", "k", "m", "csv", "png", "svg", "usd", "cny", "fred", "h", "artificial", "analysis",
    # model, vendor and product names in LEFT_OUT
    "openai", "chatgpt", "gpt", "o", "mini", "gemini", "ultra", "pro", "flash", "preview", "minicpm", "qwen", "max",
    "turbo", "deepseek", "build", "azure", "ai",
    # the 2025–26 models, vendors and ways of buying named in LEFT_OUT
    "anthropic", "claude", "sonnet", "opus", "sol", "nano", "batch", "flex", "doubao", "seed", "thinking", "vision",
    "code", "glm", "kimi", "minimax", "moonshot", "r", "v", "x", "z",
}
"""Latin words the module's own Chinese may use: names, units, formats (ids and code are in backticks)."""


def latin_words(markdown: str) -> set[str]:
    """The Latin words of a Markdown text outside code spans and links, lower-cased."""
    text = re.sub(r"`[^`]*`", " ", markdown)
    text = re.sub(r"https?://\S+", " ", text)
    return {w.lower() for w in re.findall(r"[A-Za-z]+", text)}


def data_words(data) -> set[str]:
    """Latin words the data's own Chinese text brings in: model names, tiers, source titles and names,
    vendor names, the corrections' texts, the release's version."""
    texts = [*data.prices["model"].astype("str"), *data.prices["tier"].astype("str"), *data.sources["title"],
             *data.sources["name_zh"], *data.sources["outlet_zh"], *data.vendors["name_zh"],
             *(getattr(c, f)["zh"] for c in data.corrections for f in ("subject", "old", "new", "why"))]
    if data.release is not None:
        texts.append(data.release.version)
    return {w for t in texts for w in latin_words(str(t))}


@pytest.mark.parametrize("which", ["good", "shipped"])
def test_chinese_bodies_have_no_english_beyond_names_units_and_data_text(which, request):
    data = request.getfixturevalue(which)
    allowed = ALLOWED_LATIN | data_words(data)
    for s in sections(data, "zh", address="https://pricewar.example.org/prices?lang=zh"):
        assert latin_words(s.body) - allowed == set(), s.key
        assert latin_words(s.heading) == set()


def test_the_english_check_would_catch_english_in_chinese(good):
    for s in sections(good, "en"):
        assert latin_words(s.body) - ALLOWED_LATIN - data_words(good), s.key


# --- 1. coverage ------------------------------------------------------------------------------------------
def test_coverage_of_the_good_folder_word_for_word(good):
    en = body(good, "en", "coverage")
    assert en.splitlines() == [
        "- **Prices:** 14 price rows of 5 models from 5 vendors, dated 2024-04-20 to 2024-07-15. The data lists 13 vendors in all; 8 of them have no price.",
        "- **Events:** 2 events, dated 2024-05-06 to 2024-05-22.",
        "- **Sources:** 3 sources: none is a vendor's own statement, and 3 are reports (1 article, 1 price tracker, 1 data set).",
        "- **Version:** pricewar data 2024\\.6\\.1, as of 2024-06-30 (the “as of” day is the last day the data speaks of, not the day it was released).",
    ]
    zh = body(good, "zh", "coverage")
    assert zh.splitlines() == [
        "- **价格**：共 14 行，涉及 5 家厂商的 5 个模型，2024-04-20 至 2024-07-15。数据共列出 13 家厂商，其中 8 家没有价格。",
        "- **事件**：2 个，2024-05-06 至 2024-05-22。",
        "- **来源**：3 个，其中没有厂商本身的说法，3 个是报道（1 篇文章、1 个价格追踪、1 个数据集）。",
        "- **版本**：pricewar 数据 2024\\.6\\.1，截至 2024-06-30（截至日是数据涉及的最后一天，不是发布日）。",
    ]


def test_one_vendor_one_model_one_day_is_singular(good):
    one = dataclasses.replace(good, prices=good.prices[good.prices["vendor"] == "deepseek"].reset_index(drop=True),
                              vendors=good.vendors[good.vendors["id"] == "deepseek"].reset_index(drop=True))
    assert line(body(one, "en", "coverage"), "- **Prices:**") == (
        "- **Prices:** 2 price rows of 1 model from 1 vendor, on 2024-05-06.")
    assert line(body(one, "zh", "coverage"), "- **价格**：") == "- **价格**：共 2 行，涉及 1 家厂商的 1 个模型，2024-05-06。"
    single = dataclasses.replace(one, prices=one.prices.iloc[:1], vendors=good.vendors.iloc[:2])
    assert line(body(single, "en", "coverage"), "- **Prices:**") == (
        "- **Prices:** 1 price row of 1 model from 1 vendor, on 2024-05-06. "
        "The data lists 2 vendors in all; 1 of them has no price.")


def test_no_prices_reads_none(good):
    empty = dataclasses.replace(good, prices=good.prices.iloc[:0])
    assert line(body(empty, "en", "coverage"), "- **Prices:**").startswith("- **Prices:** none.")
    assert line(body(empty, "zh", "coverage"), "- **价格**：").startswith("- **价格**：无。")
    assert body(empty, "en", "cite").endswith(
        "For example:\n\n> pricewar · The LLM API price war (pricewar data 2024\\.6\\.1, as of 2024-06-30)")
    assert body(empty, "zh", "cite").endswith("例如：\n\n> pricewar · 大模型 API 价格战（pricewar 数据 2024\\.6\\.1，截至 2024-06-30）")


def test_source_kinds_count_the_vendors_own_statements_apart(good):
    one_own = good.sources.assign(kind=["vendor", "tracker", "dataset"])
    data = dataclasses.replace(good, sources=one_own)
    assert line(body(data, "en", "coverage"), "- **Sources:**") == (
        "- **Sources:** 3 sources: 1 is a vendor's own statement (such as price pages and announcements), "
        "and 2 are reports (1 price tracker, 1 data set).")
    assert line(body(data, "zh", "coverage"), "- **来源**：") == (
        "- **来源**：3 个，其中 1 个是厂商本身的说法（如价格页、公告），2 个是报道（1 个价格追踪、1 个数据集）。")
    two_own = dataclasses.replace(good, sources=good.sources.assign(kind=["vendor", "vendor", "article"]))
    assert line(body(two_own, "en", "coverage"), "- **Sources:**") == (
        "- **Sources:** 3 sources: 2 are vendors' own statements (such as price pages and announcements), "
        "and 1 is a report (1 article).")
    all_own = dataclasses.replace(good, sources=good.sources.assign(kind="vendor"))
    assert line(body(all_own, "en", "coverage"), "- **Sources:**") == (
        "- **Sources:** 3 sources: 3 are vendors' own statements (such as price pages and announcements), "
        "and none is a report.")


def test_without_events_corrections_or_release(good_copy):
    (good_copy / "events.yaml").unlink()
    (good_copy / "corrections.yaml").unlink()
    data = pricewar.load_dataset(good_copy)
    assert data.release is None and data.events.empty and not data.corrections
    en, zh = body(data, "en", "coverage"), body(data, "zh", "coverage")
    assert line(en, "- **Events:**") == "- **Events:** none (the data has no `events.yaml`)."
    assert line(zh, "- **事件**：") == "- **事件**：无（数据中没有 `events.yaml`）。"
    assert line(en, "- **Version:**") == (
        "- **Version:** the data names no version and no “as of” day; charts credit it as “pricewar” alone.")
    assert line(zh, "- **版本**：") == "- **版本**：数据没有给出版本号和截至日，图表的署名只写「pricewar」。"
    assert body(data, "en", "disputes").endswith("Disputed in this data: 1 price row and no event.")
    assert body(data, "zh", "disputes").endswith("本数据中，有争议的价格 1 行，没有有争议的事件。")
    assert body(data, "en", "corrections").endswith("\n\nNo corrections yet.")
    assert body(data, "zh", "corrections").endswith("\n\n尚无更正。")
    assert body(data, "en", "cite").startswith(
        "**The dashboard.** Give its name: pricewar · The LLM API price war. The data names no version: give the day you looked as well.")
    assert body(data, "zh", "cite").startswith(
        "**看板**：写明名称：pricewar · 大模型 API 价格战。数据没有给出版本号，请同时写明你查看的日期。")


def test_an_empty_or_broken_events_file_says_so(good_copy):
    (good_copy / "events.yaml").write_text("events: []\n")
    data = pricewar.load_dataset(good_copy)
    assert line(body(data, "en", "coverage"), "- **Events:**") == "- **Events:** none (`events.yaml` is empty)."
    (good_copy / "events.yaml").write_text("events: [{id: x}]\n")
    data = pricewar.load_dataset(good_copy)
    assert line(body(data, "en", "coverage"), "- **Events:**") == (
        "- **Events:** none (`events.yaml` has problems and is left out).")
    assert line(body(data, "zh", "coverage"), "- **事件**：") == "- **事件**：无（`events.yaml` 有错误，已被略去）。"


def test_coverage_numbers_match_the_shipped_files(shipped):
    """Counted straight from the files, not through the loader."""
    folder = pricewar.default_data_dir()
    with open(folder / "prices.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    models = {(r["vendor"], r["model"], r["tier"]) for r in rows}
    days = sorted(r["date"] for r in rows)
    raw_sources = yaml.safe_load((folder / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    own = sum(s["kind"] == "vendor" for s in raw_sources)
    events = yaml.safe_load((folder / "events.yaml").read_text(encoding="utf-8"))["events"]
    release = yaml.safe_load((folder / "corrections.yaml").read_text(encoding="utf-8"))["release"]
    event_days = sorted(str(e["date"]) for e in events)

    en = body(shipped, "en", "coverage")
    assert line(en, "- **Prices:**").startswith(
        f"- **Prices:** {len(rows)} price rows of {len(models)} models from {len({v for v, _, _ in models})} vendors, "
        f"dated {days[0]} to {days[-1]}.")
    assert line(en, "- **Events:**") == f"- **Events:** {len(events)} events, dated {event_days[0]} to {event_days[-1]}."
    assert line(en, "- **Sources:**").startswith(
        f"- **Sources:** {len(raw_sources)} sources: {own} are vendors' own statements (such as price pages and "
        f"announcements), and {len(raw_sources) - own} are reports (")
    assert line(en, "- **Version:**").startswith(
        f"- **Version:** pricewar data {md(release['version'])}, as of {release['as_of']} (")
    # and the loader's own counts agree
    c = shipped.counts
    assert (len(rows), len(models), len(events), len(raw_sources)) == (c["prices"], c["models"], c["events"], c["sources"])


# --- 2. comparable ----------------------------------------------------------------------------------------
def test_the_blend_is_stated_from_the_schema_weights(good, monkeypatch):
    assert "- **Blended** price = (3 × input + 1 × output) / 4 wherever both are known on a date" in body(good, "en", "comparable")
    assert "- **混合价**=（3 × 输入 + 1 × 输出）/ 4，" in body(good, "zh", "comparable")
    monkeypatch.setitem(schema.BLEND_WEIGHTS, "input", 2)
    assert "(2 × input + 1 × output) / 3" in body(good, "en", "comparable")


def test_the_rates_are_named_from_the_data(good, shipped):
    assert ("converted at the monthly average USD/CNY rate (source: Test rates; 4 months, 2024\\-04 to 2024\\-07)"
            in body(good, "en", "comparable"))
    assert ("（来源：测试汇率；4 个月，2024\\-04 至 2024\\-07）" in body(good, "zh", "comparable"))
    # the example of a converted sentence: the month of the last price and its published rate
    assert "(“converted at 2024\\-07's average of 7\\.1 元 per US\\$”)" in body(good, "en", "comparable")
    assert "（如「按 2024\\-07 月均汇率 7\\.1 元/美元换算」）" in body(good, "zh", "comparable")
    month = min(shipped.prices["date"].max().strftime("%Y-%m"), shipped.fx["month"].iloc[-1])  # the last rate
    rate = shipped.fx.set_index("month")["usd_cny"][month]
    assert f"converted at {md(month)}'s average of {md(f'{rate:g}')} 元 per US\\$" in body(shipped, "en", "comparable")
    assert "source: US Federal Reserve H\\.10; 42 months, 2023\\-01 to 2026\\-06" in body(shipped, "en", "comparable")


def test_the_money_rule_and_the_conventions_are_all_stated(good):
    en = body(good, "en", "comparable")
    for words in ("per thousand or per million tokens", "a price per thousand × 1,000",
                  "a **price curve** converts each price at the month it took effect",
                  "converts both prices at **that date's month**", "**stated in the same currency** never goes through a rate",
                  "a month after the last published rate uses the last one",
                  "its input rows and its cache-miss rows together", "the Artificial Analysis convention",
                  "until the next price of the same vendor, model, tier and kind", "labelled “free”"):
        assert words in en
    zh = body(good, "zh", "comparable")
    for words in ("每千 tokens 的价格 × 1,000", "**价格曲线**把每个价格按其生效当月的汇率换算", "**该日期所在月份**",
                  "**同一币种**的两个价格之比或变化，从不经过汇率", "晚于最后一个已公布汇率的月份使用最后一个汇率",
                  "「输入」行和「缓存未命中」行", "同一厂商、模型、档位和类型的下一个价格", "标有「免费」的底线"):
        assert words in zh


# --- 3. disputes ------------------------------------------------------------------------------------------
def test_disputes_are_counted_from_the_data(good, shipped):
    assert body(good, "en", "disputes").endswith("Disputed in this data: 1 price row and 1 event.")
    assert body(good, "zh", "disputes").endswith("本数据中，有争议的价格 1 行，有争议的事件 1 个。")
    prices = int((shipped.prices["dispute_en"].str.strip() != "").sum())
    events = int((shipped.events["dispute_en"].str.strip() != "").sum())
    assert prices + events == shipped.counts["disputes"]
    assert body(shipped, "en", "disputes").endswith(f"Disputed in this data: {prices} price rows and {events} events.")
    none = dataclasses.replace(good, prices=good.prices.assign(dispute_en=""), events=good.events.assign(dispute_en=" "))
    assert body(none, "en", "disputes").endswith("Disputed in this data: no price row and no event.")
    assert body(none, "zh", "disputes").endswith("本数据中，没有有争议的价格，没有有争议的事件。")


def test_the_marks_are_explained(good):
    en = body(good, "en", "disputes")
    assert "- **A filled marker:** the vendor's own statement (its price page, an announcement) is among the price's sources." in en
    assert "- **A hollow marker:** the price is known from reports only (an article, a price tracker)." in en
    assert "- **A dark ring** around a point: the price is disputed;" in en
    assert "keeps the reading best supported (its note says why) and lists each other reading with its source" in en
    zh = body(good, "zh", "disputes")
    assert "- **实心标记**：价格的来源中有厂商本身的说法（它的价格页或公告）。" in zh
    assert "- **空心标记**：价格只见于报道（文章、价格追踪）。" in zh
    assert "- **深色圆环**围着一个点：该价格有争议；" in zh


# --- 4. left out, and data/README.md ----------------------------------------------------------------------
def readme_bullets() -> list[str]:
    """data/README.md's "What is not in the data" bullets, each on one line."""
    text = (SHIPPED_DATA / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## What is not in the data\n", 1)[1].split("\n## ", 1)[0]
    bullets: list[str] = []
    for ln in section.splitlines():
        if ln.startswith("- "):
            bullets.append(ln[2:].strip())
        elif ln.startswith("  ") and bullets:
            bullets[-1] += " " + ln.strip()
        elif ln.strip():
            raise AssertionError(f"a line outside the list in data/README.md's section: {ln!r}")
    return bullets


def shipped_source_ids() -> set[str]:
    raw = yaml.safe_load((SHIPPED_DATA / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    return {s["id"] for s in raw}


def cited(text: str, ids: set[str]) -> set[str]:
    return {t for t in re.findall(r"`([^`]+)`", text) if t in ids}


def test_left_out_has_one_entry_per_readme_bullet_citing_the_same_sources():
    bullets, ids = readme_bullets(), shipped_source_ids()
    assert len(bullets) == len(LEFT_OUT) >= 1
    assert set().union(*(cited(b, ids) for b in bullets)) == {s for e in LEFT_OUT for s in e.sources}
    for bullet, entry in zip(bullets, LEFT_OUT, strict=True):
        assert cited(bullet, ids) == set(entry.sources), bullet
        assert " ".join(bullet.split()) == " ".join(entry.en.split()), "LEFT_OUT's en is the README's own text"


def numbers(text: str) -> list[str]:
    return re.findall(r"\d+(?:[.-]\d+)*", re.sub(r"`[^`]*`", "", text))


def test_every_left_out_translation_keeps_its_ids_and_numbers():
    for entry in LEFT_OUT:
        assert set(re.findall(r"`[^`]+`", entry.zh)) == set(re.findall(r"`[^`]+`", entry.en)), entry.en
        for s in entry.sources:
            assert f"`{s}`" in entry.zh and f"`{s}`" in entry.en
        zh_numbers = numbers(entry.zh)
        for n in numbers(entry.en):  # every figure and date of the README's text is in the translation
            assert n in zh_numbers, (n, entry.zh)
            zh_numbers.remove(n)


def test_left_out_is_rendered_in_the_readers_language_with_dollars_escaped(good):
    for lang in ("zh", "en"):
        text = body(good, lang, "left-out")
        items = [ln for ln in text.splitlines() if ln.startswith("- ")]
        assert len(items) == len(LEFT_OUT)
        for item, entry in zip(items, LEFT_OUT, strict=True):
            assert re.findall(r"`[^`]+`", item) == re.findall(r"`[^`]+`", getattr(entry, lang))
        assert not re.search(r"(?<!\\)\$", text), "an unescaped $ starts maths in Streamlit"
    assert "\n- Gemini 1\\.5 Pro's free public preview from 2024\\-04\\-10 \\(`aikeji-2024-05-25`\\) is an event" in body(good, "en", "left-out")
    assert "\n- Gemini 1\\.5 Pro 自 2024\\-04\\-10 起的免费公开预览（`aikeji-2024-05-25`）记为事件" in body(good, "zh", "left-out")


# --- 5. corrections ---------------------------------------------------------------------------------------
def fix(id_, day, subject, sources=()):
    return Correction(id_, day, Text(f"{subject} zh", subject), Text("旧", "old"), Text("新", "new"), Text("因为", "because"),
                      tuple(sources))


def test_corrections_are_listed_newest_first_with_sources_in_words(good):
    data = dataclasses.replace(good, corrections=(
        fix("a", date(2024, 6, 1), "A first of June", ["article-a"]),
        fix("b", date(2024, 7, 1), "B first of July", ["tracker-b", "article-a", "nowhere"]),
        fix("c", date(2024, 6, 1), "C first of June"),
    ))
    en = body(data, "en", "corrections")
    assert en.split("\n\n", 1)[1] == "\n".join([
        "- **2024\\-07\\-01 · B first of July**",
        "  - Before: old",
        "  - Now: new",
        "  - Why: because",
        "  - Sources: tracker \\(GitHub\\), Test Daily, nowhere",
        "- **2024\\-06\\-01 · A first of June**",
        "  - Before: old",
        "  - Now: new",
        "  - Why: because",
        "  - Sources: Test Daily",
        "- **2024\\-06\\-01 · C first of June**",
        "  - Before: old",
        "  - Now: new",
        "  - Why: because",
    ])
    zh = body(data, "zh", "corrections")
    assert "- **2024\\-07\\-01 · B first of July zh**\n  - 原值：旧\n  - 新值：新\n  - 原因：因为\n  - 来源：tracker \\(GitHub\\)、测试日报、nowhere" in zh


def test_the_shipped_corrections_are_all_listed(shipped):
    en = body(shipped, "en", "corrections")
    assert en.count("\n- **") == len(shipped.corrections) >= 1
    for c in shipped.corrections:
        assert f"- **{md(c.date.isoformat())} · {md(c.subject['en'])}**" in en


def test_a_broken_corrections_file_is_said_to_be_left_out(good):
    data = dataclasses.replace(good, corrections=(), files={**good.files, "corrections": "invalid"})
    assert body(data, "en", "corrections").endswith(
        "`corrections.yaml` has problems and is left out; the Data & sources page lists them.")
    assert body(data, "zh", "corrections").endswith("`corrections.yaml` 有错误，已被略去；「数据与来源」页面列出了这些错误。")


# --- Markdown in the data ---------------------------------------------------------------------------------
HOSTILE = "[x](javascript:alert(1))"


def test_markdown_in_data_text_is_escaped(good):
    prices = good.prices.copy()
    prices["model"] = prices["model"].astype("str").replace("GPT-4o", HOSTILE)
    sources = good.sources.assign(name_en=HOSTILE, name_zh=HOSTILE, published="**bold**")
    data = dataclasses.replace(
        good, prices=prices, sources=sources, release=Release("$1$ [v](http://evil.example)", date(2024, 6, 30)),
        fx=good.fx.assign(source="tracker-b"),
        corrections=(Correction("x", date(2024, 6, 30), Text(HOSTILE, HOSTILE), Text("`code`", "`code`"),
                                Text("<b>bold</b>", "<b>bold</b>"), Text("_why_", "_why_"), ("article-a",)),))
    for lang in ("zh", "en"):
        for s in sections(data, lang, address="https://example.org/?a=[b](c)"):
            outside_code = re.sub(r"``.*?``|`[^`]*`", "", s.body)
            assert "](" not in outside_code and "javascript" not in outside_code, (lang, s.key)
            assert "<b>" not in s.body and "**bold**" not in s.body and "_why_" not in s.body
        fixes = body(data, lang, "corrections")
        assert f"· {md(HOSTILE)}**" in fixes
        assert md(HOSTILE) == "\\[x\\]\\(`javascript:alert(1))`"
        cite = body(data, lang, "cite")
        assert md("$1$ [v](http://evil.example)") in cite and md(HOSTILE) in cite


# --- 6. cite ----------------------------------------------------------------------------------------------
def test_the_citation_names_version_day_address_and_an_example_price(good):
    address = "https://pricewar.example.org"
    en = body(good, "en", "cite", address=address)
    assert en.startswith(
        "**The dashboard.** Give its name, the data's version and its “as of” day: pricewar · The LLM API price war, "
        "pricewar data 2024\\.6\\.1, as of 2024-06-30, `https://pricewar.example.org`.")
    assert en.endswith(
        "For example:\n\n> According to pricewar · The LLM API price war (pricewar data 2024\\.6\\.1, as of 2024-06-30; "
        "`https://pricewar.example.org`), GPT\\-4o's input (cache miss) price was \\$2\\.5 per million tokens from "
        "2024\\-07\\-15 (source: tracker \\(GitHub\\)).")
    zh = body(good, "zh", "cite", address=address)
    assert zh.startswith(
        "**看板**：写明名称、数据版本和截至日：pricewar · 大模型 API 价格战，pricewar 数据 2024\\.6\\.1，截至 2024-06-30，"
        "`https://pricewar.example.org`。")
    assert zh.endswith(
        "例如：\n\n> 据 pricewar · 大模型 API 价格战（pricewar 数据 2024\\.6\\.1，截至 2024-06-30；`https://pricewar.example.org`），"
        "GPT\\-4o 自 2024\\-07\\-15 起的输入（缓存未命中）价格为每百万 tokens 2\\.5 美元（来源：tracker \\(GitHub\\)）。")
    assert "every filter" in en and "包含全部筛选条件" in zh
    for lang in ("zh", "en"):
        assert "https" not in body(good, lang, "cite")


def test_the_example_prefers_a_price_the_vendor_itself_stated(good):
    sources = good.sources.assign(kind=["vendor", "tracker", "dataset"])  # article-a becomes the vendor's own
    data = dataclasses.replace(good, sources=sources)
    en = body(data, "en", "cite")
    # article-a's latest price: hunyuan-standard 256k, 0.12 元 per thousand = 120 元 per million, on 2024-06-10
    assert en.endswith("hunyuan\\-standard 256k's input price was ¥120 per million tokens from 2024\\-06\\-10 "
                       "(source: Test Daily (2024\\-05\\-22)).")


def test_the_shipped_example_quotes_a_real_row(shipped):
    en = body(shipped, "en", "cite")
    example = en.rsplit("\n> ", 1)[1]
    own = set(shipped.sources.loc[shipped.sources["kind"] == "vendor", "id"])
    rows = shipped.prices[shipped.prices["source"].astype("str").map(lambda c: bool(own & set(c.split(";"))))]
    row = rows[rows["date"] == rows["date"].max()].sort_values("line").iloc[0]
    label = f"{row['model']} {row['tier']}".strip()
    assert f"), {md(label)}'s " in example and f" from {md(row['date'].date().isoformat())} (" in example


def test_bold_labels_render_in_chinese():
    """Markdown does not close ``**价格：**共`` (punctuation before ``**``, a character after it): the label
    showed its asterisks. The punctuation goes after the bold."""
    data = pricewar.load_dataset(SHIPPED_DATA)
    for s in sections(data, "zh"):
        assert not re.search(r"[：，。；！？]\*\*(?=[^\s*])", s.body), (s.key, s.body[:200])
