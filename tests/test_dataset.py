"""The shipped dataset against its primary sources: pinned facts, verbatim quotes, every dispute listed.

Each pinned fact names the article and the words it comes from; the test checks the words are in the
article (tests/seeds/) and that the dataset holds the number.
"""

import re
from pathlib import Path

import pandas as pd
import pytest

from pricewar.normalize import price_at

SEEDS = Path(__file__).parent / "seeds"


def _norm(text: str) -> str:
    return re.sub(r"[\s*“”\"]", "", text)


@pytest.fixture(scope="module")
def articles(ds):
    return {r.id: _norm((SEEDS / r.seed).read_text(encoding="utf-8")) for r in ds.sources.itertuples() if r.seed}


def at(series, model, kind, date, tier=""):
    rows = price_at(series, date)
    rows = rows[(rows["model"] == model) & (rows["series"] == kind) & (rows["tier"] == tier)]
    assert len(rows) == 1, f"{model} {tier} {kind} on {date}: {len(rows)} rows"
    return rows.iloc[0]


# (article, its words, model, tier, series, date, currency, expected price per million)
PRICES = [
    ("kazike-2024-05-22", "DeepSeekv2发布，32K上下文，每百万Token价格：输入1元，输出2元", "DeepSeek-V2", "", "input", "2024-05-06", "CNY", 1),
    ("aikeji-2024-05-25", "其API的定价为：每百万tokens输入1元、输出2元（32K上下文）", "DeepSeek-V2", "", "output", "2024-05-06", "CNY", 2),
    ("aikeji-2024-05-25", "从5元/百万tokens降至1元/百万tokens", "GLM-3-Turbo", "", "input", "2024-05-10", "CNY", 5),
    ("aikeji-2024-05-25", "从5元/百万tokens降至1元/百万tokens", "GLM-3-Turbo", "", "input", "2024-05-13", "CNY", 1),
    ("aikeji-2024-05-25", "豆包主力模型在企业市场的定价仅为0.0008元/千tokens", "Doubao-pro", "32k", "input", "2024-05-15", "CNY", 0.8),
    ("kazike-2024-05-22", "豆包通用模型pro（32K），每百万Token价格：输入0.8元，输出2元", "Doubao-pro", "32k", "output", "2024-05-15", "CNY", 2),
    ("kazike-2024-05-22", "豆包通用模型pro（128K），每百万Token价格：输入5元，输出9元", "Doubao-pro", "128k", "input", "2024-05-15", "CNY", 5),
    ("kazike-2024-05-22", "豆包通用模型pro（128K），每百万Token价格：输入5元，输出9元", "Doubao-pro", "128k", "output", "2024-05-15", "CNY", 9),
    ("aikeji-2024-05-25", "从0.02元/千tokens降至0.0005元/千tokens", "Qwen-Long", "", "input", "2024-05-20", "CNY", 20),
    ("aikeji-2024-05-25", "从0.02元/千tokens降至0.0005元/千tokens", "Qwen-Long", "", "input", "2024-05-21", "CNY", 0.5),
    ("kazike-2024-05-22", "Qwen-Long，每百万Token价格：输入0.5元，输出2元", "Qwen-Long", "", "output", "2024-05-21", "CNY", 2),
    ("aikeji-2024-05-25", "百度宣布文心大模型的两大主力模型将全面免费，立即生效", "ERNIE Speed", "8k", "input", "2024-05-21", "CNY", 0),
    ("aikeji-2024-05-25", "价格从0.008元/千tokens调整为全面免费", "hunyuan-lite", "", "input", "2024-05-22", "CNY", 0),
    ("aikeji-2024-05-25", "混元-standardAPI输入价格从0.01元/千tokens降至0.0045元/千tokens", "hunyuan-standard", "", "input", "2024-05-22", "CNY", 4.5),
    ("aikeji-2024-05-25", "API输出价格从0.01元/千tokens降至0.005元/千tokens，下降50%", "hunyuan-standard", "", "output", "2024-05-22", "CNY", 5),
    ("aikeji-2024-05-25", "API输入价格下调至0.015元/千tokens，下降87.5%", "hunyuan-standard", "256k", "input", "2024-05-22", "CNY", 15),
    ("aikeji-2024-05-25", "API输出价格下降至0.06元/千tokens，下降50%", "hunyuan-standard", "256k", "output", "2024-05-22", "CNY", 60),
    ("aikeji-2024-05-25", "混元-pro，API输入价格从0.1元/千tokens降至0.03元/千tokens", "hunyuan-pro", "", "input", "2024-05-22", "CNY", 30),
    ("itimes-2025-02-13", "每百万输入Token1.25美元（缓存命中）", "GPT-4o", "", "cache_hit", "2025-02-13", "USD", 1.25),
    ("itimes-2025-02-13", "2.5美元（缓存未命中）", "GPT-4o", "", "input", "2025-02-13", "USD", 2.5),
    ("itimes-2025-02-13", "每百万输出Token10美元", "GPT-4o", "", "output", "2025-02-13", "USD", 10),
    ("itimes-2025-02-13", "输入每百万Token收费0.5元（缓存命中）", "DeepSeek-V3", "", "cache_hit", "2025-02-09", "CNY", 0.5),
    ("itimes-2025-02-13", "至2元（缓存未命中）", "DeepSeek-V3", "", "input", "2025-02-09", "CNY", 2),
    ("itimes-2025-02-13", "输出价格则定为每百万Token8元", "DeepSeek-V3", "", "output", "2025-02-09", "CNY", 8),
    ("itimes-2025-02-13", "每百万输入Token1元（缓存命中）/4元（缓存未命中），每百万输出Token16元", "DeepSeek-R1", "", "input", "2025-01-20", "CNY", 4),
    ("itimes-2025-02-13", "每百万输出Token16元", "DeepSeek-R1", "", "output", "2025-01-20", "CNY", 16),
    ("itimes-2025-02-13", "OpenAIo1同等规模输入15美元（约109元人民币）和输出60美元", "o1", "", "output", "2025-01-20", "USD", 60),
    ("itimes-2025-02-13", "价格为输入每百万Token0.2美元（1.45元人民币），输出每百万Token1.1美元", "MiniMax-Text-01", "", "output", "2025-01-15", "USD", 1.1),
    ("kazike-2024-05-22", "价格为GPT-4-Turbo的七十分之一，Claude3Opus的百分之一，GLM4的百分之一", "GLM-4", "", "input", "2024-05-06", "CNY", 100),
]


@pytest.mark.parametrize("source,words,model,tier,kind,date,currency,expected", PRICES,
                         ids=[f"{p[2]} {p[3]} {p[4]} {p[5]}".replace("  ", " ") for p in PRICES])
def test_pinned_price(ds, series, articles, source, words, model, tier, kind, date, currency, expected):
    assert _norm(words) in articles[source], f"the words are not in {source}"
    row = at(series, model, kind, date, tier)
    assert row[f"{currency.lower()}_per_1m"] == pytest.approx(expected)
    assert row["free"] == (expected == 0)
    # a stated row cites the article (a restatement may not be a change point of the series, so look at
    # every row of that price, not only the one the chart draws)
    kinds = ("input", "cache_miss") if kind == "input" else (kind,)
    stated = ds.prices[(ds.prices["model"] == model) & (ds.prices["tier"] == tier) & ds.prices["kind"].isin(kinds)
                       & (ds.prices["date"] <= date)]
    assert any(source in r.source.split(";") for r in stated.itertuples()), f"no row of {model} cites {source}"


# (article, words, model, tier, series, before, after, percent cut the article states)
CUTS = [
    ("aikeji-2024-05-25", "GLM-3Turbo模型调用价格下调80%", "GLM-3-Turbo", "", "input", "2024-05-12", "2024-05-13", 80),
    ("aikeji-2024-05-25", "直降97%", "Qwen-Long", "", "input", "2024-05-20", "2024-05-21", 97),
    ("aikeji-2024-05-25", "下降55%", "hunyuan-standard", "", "input", "2024-05-21", "2024-05-22", 55),
    ("aikeji-2024-05-25", "下降87.5%", "hunyuan-standard", "256k", "input", "2024-05-21", "2024-05-22", 87.5),
    ("aikeji-2024-05-25", "降幅达70％", "hunyuan-pro", "", "input", "2024-05-21", "2024-05-22", 70),
    ("aikeji-2024-05-25", "API价格降价50%", "GPT-4o", "", "input", None, "2024-05-13", 50),
]


@pytest.mark.parametrize("source,words,model,tier,kind,before,after,cut", CUTS, ids=[c[2] for c in CUTS])
def test_pinned_percent_cut(series, articles, source, words, model, tier, kind, before, after, cut):
    assert _norm(words) in articles[source]
    new = at(series, model, kind, after, tier)["cny_per_1m"]
    # GPT-4o's "50% cut" is against GPT-4 Turbo, the model it replaced
    old = at(series, "GPT-4 Turbo", kind, after)["cny_per_1m"] if before is None else \
        at(series, model, kind, before, tier)["cny_per_1m"]
    if before is None:
        new = at(series, model, kind, after, tier)["usd_per_1m"]
        old = at(series, "GPT-4 Turbo", kind, after)["usd_per_1m"]
    assert 100 * (1 - new / old) == pytest.approx(cut, abs=1)


def test_v3_promotion_window_and_fourfold_output(ds, series, articles):
    assert _norm("结束API服务45天优惠期") in articles["itimes-2025-02-13"]
    assert _norm("是优惠期的4倍") in articles["itimes-2025-02-13"]
    ev = ds.events.set_index("id")
    start, end = ev.loc["deepseek-v3-launch", "date"], ev.loc["deepseek-v3-price-restored", "date"]
    assert (end - start).days == 45
    promo = at(series, "DeepSeek-V3", "output", "2025-02-08")["cny_per_1m"]
    full = at(series, "DeepSeek-V3", "output", "2025-02-09")["cny_per_1m"]
    assert full == 4 * promo


def test_ernie_bot_free_date(ds, articles):
    assert _norm("2月13日，文心一言宣布，4月1日起全面免费") in articles["itimes-2025-02-13"]
    ev = ds.events.set_index("id").loc["ernie-bot-free"]
    assert (ev["date"], ev["effective"]) == (pd.Timestamp("2025-02-13"), pd.Timestamp("2025-04-01"))


def _quote_pieces(quote: str) -> list[str]:
    """The parts of a quote that are an article's own words: segments separated by ' / ' or '; ', less the
    ones marked 'tracker:' or '(paraphrase …)', split at '…'."""
    out = []
    for seg in re.split(r"\s/\s|;\s+", quote):
        seg = seg.strip()
        if not seg or seg.startswith("tracker") or "paraphrase" in seg:
            continue
        seg = re.sub(r"^article:\s*", "", seg)
        out += [p for p in seg.split("…") if p.strip()]
    return out


def test_every_quote_attributed_to_an_article_is_in_it(ds, articles):
    checked = 0
    for row in ds.prices.itertuples():
        cited = [s for s in row.source.split(";") if s in articles]
        for piece in _quote_pieces(row.quote) if cited else []:
            assert any(_norm(piece).rstrip("。") in articles[s] for s in cited), (row.line, piece)
            checked += 1
    for row in ds.event_sources.itertuples():
        if row.source in articles and "paraphrase" not in row.quote:
            for piece in row.quote.split("…"):
                assert _norm(piece).rstrip("。") in articles[row.source], (row.event, piece)
                checked += 1
    print(f"{checked} quoted passages found word for word in their articles")
    assert checked > 60


# Every disputed fact. A later edit that drops a disagreement fails here: change this list only on purpose.
DISPUTED_PRICES = {
    ("alibaba", "Qwen-Long", "", "input", "2024-05-21"): "thread-2024-05",  # '0.8–1 元' band
    ("alibaba", "Qwen-Max", "", "input", "2024-09-19"): "itimes-2025-02-13",  # 2.4 元 in Sept 2024 list
    ("alibaba", "Qwen-Max", "", "output", "2024-09-19"): "itimes-2025-02-13",  # 9.6 元
    ("baidu", "ERNIE Lite", "8k", "input", "2024-05-21"): "thread-2024-05",  # '0.8–1 元' vs free
    ("baidu", "ERNIE Speed", "8k", "input", "2024-05-21"): "thread-2024-05",
    ("moonshot", "moonshot-v1", "8k", "input", "2024-03-26"): "itimes-2025-02-13",  # 'Kimi cut > 80%'
    ("moonshot", "moonshot-v1", "32k", "input", "2024-03-26"): "itimes-2025-02-13",
    ("moonshot", "moonshot-v1", "128k", "input", "2024-03-26"): "itimes-2025-02-13",
    ("openai", "GPT-4 Turbo", "", "input", "2023-11-06"): "thread-2024-05",  # 'halved GPT-4' vs −67%
    ("zhipu", "GLM-3-Turbo", "", "input", "2024-05-13"): "thread-2024-05",  # 0.5 元; date 5月11日
    ("zhipu", "GLM-3-Turbo", "", "output", "2024-05-13"): "kazike-2024-05-22",  # 2 元 output
    ("openai", "o3", "", "cache_hit", "2025-04-16"): "pydantic-genai-prices-6ec60a02",  # $0.50 cached before the cut
    ("openai", "o3", "", "input", "2025-06-10"): "simonw-llm-prices-openai",  # the tracker wrote $10 back
    ("openai", "o3", "", "output", "2025-06-10"): "simonw-llm-prices-openai",  # and $40
}
DISPUTED_EVENTS = {
    "deepseek-v2-launch": "aikeji-2024-05-25",  # 1/70 vs 1/100 of GPT-4 Turbo vs 1% of GPT-4
    "zhipu-glm3-turbo-cut": "kazike-2024-05-22",  # output 2 元, 0.5 元, 5月11日 vs 5月13日
    "gpt-4-turbo-devday": "thread-2024-05",  # 'halved GPT-4' vs input −67%
    "claude-3-5-sonnet-launch": "itimes-2025-02-13",  # 'the most expensive model' vs o1, Claude 3 Opus
    "minimax-text-01-launch": "lobehub-deepseek-1.94.11",  # 'level with V3' vs V3's promotion price
    "nvidia-q1-fy2025": "nvidia-q1-fy2025",  # net profit +644% in the article, +628% in Nvidia's release
    "kimi-k2-launch": "models-dev-kimi-k2-429b765",  # released 2025-07-14 in the tracker, 07-11 in the version name
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_disputed_fact_is_listed_in_both_languages(ds, lang):
    column = f"dispute_{lang}"
    p = ds.prices[ds.prices[column] != ""]
    found = {(r.vendor, r.model, r.tier, r.kind, f"{r.date:%Y-%m-%d}"): getattr(r, column) for r in p.itertuples()}
    events = dict(zip(ds.events.loc[ds.events[column] != "", "id"],
                      ds.events.loc[ds.events[column] != "", column], strict=True))
    for key, text in sorted(found.items()) + sorted(events.items()):
        print("disputed:", key, "—", text)
    assert set(found) == set(DISPUTED_PRICES)
    assert set(events) == set(DISPUTED_EVENTS)
    for key, source in DISPUTED_PRICES.items():
        assert f"[{source}]" in found[key]
    for key, source in DISPUTED_EVENTS.items():
        assert f"[{source}]" in events[key]
    assert ds.counts["disputes"] == len(DISPUTED_PRICES) + len(DISPUTED_EVENTS)


def test_a_chinese_reader_sees_chinese_notes_and_disputes(ds):
    """Every reader-facing free text of the shipped data has a Chinese form with Chinese in it (names and
    ids alone may be the same in both languages)."""
    import re

    cjk = re.compile(r"[\u4e00-\u9fff]")
    texts = [*ds.prices["note_zh"], *ds.prices["dispute_zh"], *ds.events["note_zh"], *ds.events["dispute_zh"],
             *[c.note.zh for c in ds.claims], *[c.said_by.zh for c in ds.claims], *[c.note.zh for c in ds.classes]]
    english_only = sorted({t for t in texts if t and not cjk.search(t)})
    assert english_only == []
    for lang in ("zh", "en"):
        assert (ds.sources[f"outlet_{lang}"] != "").all()


def test_every_vendor_with_prices_has_events_and_every_event_a_quote(ds):
    assert set(ds.prices["vendor"]) - {"iflytek"} <= set(ds.events["vendor"]) | {"zhipu", "moonshot", "tencent"}
    assert (ds.event_sources["quote"].str.strip() != "").all()
    assert set(ds.events["id"]) == set(ds.event_sources["event"])


def test_prices_cover_the_models_the_articles_compare(ds):
    models = set(ds.prices["model"])
    for name in ["GPT-4", "GPT-4 Turbo", "GPT-3.5 Turbo", "GPT-4o", "GPT-4o mini", "o1", "Claude 3 Opus",
                 "Claude 3.5 Sonnet", "Gemini 1.5 Pro", "Gemini 1.5 Flash", "GLM-4", "Qwen-Max", "ERNIE 4.0",
                 "moonshot-v1", "DeepSeek-V2", "DeepSeek-V3", "DeepSeek-R1", "MiniMax-Text-01"]:
        assert name in models, name


# --- corrections of issue 13 (point 6): each fact pinned to the source that now carries it -----------

def _rows(ds, model, date, kind=None):
    p = ds.prices
    rows = p[(p["model"] == model) & (p["date"] == pd.Timestamp(date))]
    if kind:
        rows = rows[rows["kind"] == kind]
    assert len(rows), f"no {model} row on {date}"
    return rows


def _kind(ds, source_id):
    return ds.sources.set_index("id").loc[source_id, "kind"]


def _event_sources(ds, event_id):
    es = ds.event_sources
    return dict(zip(es.loc[es["event"] == event_id, "source"], es.loc[es["event"] == event_id, "quote"], strict=True))


# (date the price took effect, input and output in US$ per million, the vendor's page that states it)
GPT_35_TURBO = [
    ("2023-03-01", 2, 2, "openai-chatgpt-whisper-apis"),  # "$0.002 per 1k tokens"
    ("2023-06-13", 1.5, 2, "openai-function-calling-2023-06-13"),  # input −25%, "effective today"
    ("2023-11-06", 1, 2, "openai-devday-2023"),  # gpt-3.5-turbo-1106
    ("2024-02-01", 0.5, 1.5, "openai-api-updates-2024-01-25"),  # gpt-3.5-turbo-0125, announced 2024-01-25
]


def test_gpt_3_5_turbo_from_its_launch_with_the_days_its_cuts_took_effect(ds, series):
    for date, inp, out, source in GPT_35_TURBO:
        assert at(series, "GPT-3.5 Turbo", "input", date)["usd_per_1m"] == pytest.approx(inp), date
        assert at(series, "GPT-3.5 Turbo", "output", date)["usd_per_1m"] == pytest.approx(out), date
        rows = _rows(ds, "GPT-3.5 Turbo", date)
        assert all(source in r.source.split(";") for r in rows.itertuples()), date
        assert _kind(ds, source) == "vendor"
    # announced "next week" on 2024-01-25; the cut took effect when gpt-3.5-turbo-0125 was released
    assert at(series, "GPT-3.5 Turbo", "input", "2024-01-31")["usd_per_1m"] == pytest.approx(1)
    cut = _rows(ds, "GPT-3.5 Turbo", "2024-02-01")
    assert (cut["announced"] == pd.Timestamp("2024-01-25")).all()
    assert all("Next week" in q and "Released gpt-3.5-turbo-0125" in q for q in cut["quote"])
    assert all("openai-api-changelog" in s.split(";") for s in cut["source"])
    ev = ds.events.set_index("id").loc["gpt-3-5-turbo-cut"]
    assert (ev["date"], ev["effective"]) == (pd.Timestamp("2024-01-25"), pd.Timestamp("2024-02-01"))
    assert "openai-api-changelog" in _event_sources(ds, "gpt-3-5-turbo-cut")



# (model, day the price took effect, input and output in US$ per million, Anthropic's words for the price in
# "Introducing the next generation of Claude", 2024-03-04)
CLAUDE_3 = [
    ("Claude 3 Sonnet", "2024-03-04", 3, 15, "Cost [Input $/million tokens | Output $/million tokens] $3 | $15"),
    ("Claude 3 Haiku", "2024-03-13", 0.25, 1.25, "Cost [Input $/million tokens | Output $/million tokens] $0.25 | $1.25"),
]


def test_claude_3_sonnet_and_haiku_from_the_day_each_reached_the_api(ds, series):
    for model, date, inp, out, words in CLAUDE_3:
        assert at(series, model, "input", date)["usd_per_1m"] == pytest.approx(inp), model
        assert at(series, model, "output", date)["usd_per_1m"] == pytest.approx(out), model
        rows = _rows(ds, model, date)
        assert set(rows["kind"]) == {"input", "output"} and (rows["vendor"] == "anthropic").all()
        for r in rows.itertuples():
            assert {"anthropic-claude-3-family", "small-tou-claude-1e8eb0c"} <= set(r.source.split(";")), model
            assert words in r.quote and "tracker:" in r.quote, model
            assert "2024-03-26" in r.note_zh and "2024-03-26" in r.note_en  # tracker snapshot named in both
    # Sonnet: "Opus and Sonnet are available to use today in our API" (2024-03-04), like Opus
    assert all("Opus and Sonnet are available to use today in our API" in q
               for q in _rows(ds, "Claude 3 Sonnet", "2024-03-04")["quote"])
    # Haiku: priced on 2024-03-04 ("Haiku will be available soon"), in the API from 2024-03-13 ("Starting today")
    haiku = _rows(ds, "Claude 3 Haiku", "2024-03-13")
    assert (haiku["announced"] == pd.Timestamp("2024-03-04")).all()
    for r in haiku.itertuples():
        assert "anthropic-claude-3-haiku" in r.source.split(";")
        assert "Haiku will be available soon" in r.quote
        assert "Starting today, customers can use Claude 3 Haiku through our API" in r.quote
        assert "2024-03-13" in r.note_zh and "2024-03-13" in r.note_en
    before = price_at(series, "2024-03-12")
    assert not (before["model"] == "Claude 3 Haiku").any()  # no price before it was available
    src = ds.sources.set_index("id").loc["anthropic-claude-3-haiku"]
    assert (src["kind"], src["published"]) == ("vendor", "2024-03-13")

def test_qwen_max_20_60_dated_to_the_september_2024_cut(ds, series, articles):
    assert _norm("在2024年9月发布的价格表上") in articles["itimes-2025-02-13"]
    assert at(series, "Qwen-Max", "input", "2024-09-18")["cny_per_1m"] == 40
    assert at(series, "Qwen-Max", "input", "2024-09-19")["cny_per_1m"] == 20
    assert at(series, "Qwen-Max", "output", "2024-09-19")["cny_per_1m"] == 60
    for r in _rows(ds, "Qwen-Max", "2024-09-19").itertuples():
        assert "openmagic-yunqi-2024" in r.source.split(";") and _kind(ds, "openmagic-yunqi-2024") == "article"
        assert "在9月再次降价之后" in r.quote
        assert "our inference" in r.note_en and "推断" in r.note_zh  # the day is derived, and says how
        assert "[itimes-2025-02-13]" in r.dispute_en  # seed 000's 2.4 / 9.6 stays the dispute


def test_gemini_1_5_pro_free_preview_is_an_event_not_a_price_of_0(ds, series, articles):
    assert _norm("在4月10日，谷歌最强大模型Gemini1.5Pro“全面”对外开放，完全免费") in articles["aikeji-2024-05-25"]
    pro = ds.prices[ds.prices["model"] == "Gemini 1.5 Pro"]
    assert (pro["price"] > 0).all() and pro["date"].min() == pd.Timestamp("2024-05-23")
    s = series[(series["model"] == "Gemini 1.5 Pro") & (series["series"] == "input")].sort_values("date")
    assert not s["free"].any() and s["usd_per_1m"].is_monotonic_decreasing  # no false rise from "free"
    ev = ds.events.set_index("id").loc["gemini-1-5-pro-free-preview"]
    assert (ev["date"], ev["type"]) == (pd.Timestamp("2024-04-10"), "free")
    assert "not a list price" in ev["summary_en"] and "不是标价" in ev["summary_zh"]
    assert _kind(ds, "google-gemini-api-updates-2024-05-30") == "vendor"


def test_minicpm_zero_yuan_is_open_weights_not_an_api_price(ds, articles):
    assert _norm("面壁智能的小钢炮MiniCPM马上跟进一个零元购") in articles["thread-2024-05"]
    assert "MiniCPM" not in set(ds.prices["model"])
    ev = ds.events.set_index("id").loc["minicpm-free"]
    assert ev["type"] != "free"
    assert "no API price" in ev["title_en"] and "并无 API 定价" in ev["title_zh"]
    assert "no price is recorded" in ev["summary_en"] and "不记任何价格" in ev["summary_zh"]
    quotes = _event_sources(ds, "minicpm-free")
    assert "零元购" in quotes["thread-2024-05"]  # the source's words are kept
    assert _kind(ds, "openbmb-minicpm-readme-87ab91b") == "vendor" and "开源" in quotes["openbmb-minicpm-readme-87ab91b"]


def test_nvidia_results_are_dated_by_the_day_nvidia_reported(ds):
    ev = ds.events.set_index("id").loc["nvidia-q1-fy2025"]
    assert ev["date"] == pd.Timestamp("2024-05-22")
    assert "May 22, 2024" in _event_sources(ds, "nvidia-q1-fy2025")["nvidia-q1-fy2025"]
    src = ds.sources.set_index("id").loc["nvidia-q1-fy2025"]
    assert (src["kind"], src["published"]) == ("vendor", "2024-05-22")
    assert "2024-05-22" in ev["note_en"] and "2024-05-22" in ev["note_zh"]


def test_minimax_performance_claim_is_the_benchmarks_as_the_article_says(ds, articles):
    assert _norm("基准测试结果显示，性能比肩GPT-4o和Claude-3.5") in articles["itimes-2025-02-13"]
    ev = ds.events.set_index("id").loc["minimax-text-01-launch"]
    assert "基准测试结果显示" in ev["summary_zh"] and "MiniMax 称" not in ev["summary_zh"]
    assert "benchmark results show" in ev["summary_en"] and "MiniMax says" not in ev["summary_en"]


def test_altman_three_observations_is_dated_by_its_post(ds):
    src = ds.sources.set_index("id").loc["altman-three-observations"]
    assert (src["published"], src["dated_en"]) == ("2025-02-09", "")


def test_gemini_and_prompt_caching_dates_come_from_the_vendors_not_an_undated_tracker(ds):
    for date, announced, vendor_page in [("2024-10-01", "2024-09-24", "google-gemini-002-2024-09-24")]:
        for r in _rows(ds, "Gemini 1.5 Pro", date).itertuples():
            assert r.announced == pd.Timestamp(announced) and vendor_page in r.source.split(";")
            assert "effective October 1st, 2024" in r.quote
    assert _kind(ds, "google-gemini-002-2024-09-24") == "vendor"
    for r in _rows(ds, "Gemini 1.5 Flash", "2024-08-12").itertuples():
        assert r.announced == pd.Timestamp("2024-08-08") and "simonw-blog-2024-08-08" in r.source.split(";")
        assert "not verified" in r.note_en and "未经已存来源核实" in r.note_zh  # the effective day says how it was derived
    ev = ds.events.set_index("id")
    assert (ev.loc["gemini-1-5-pro-cut", "date"], ev.loc["gemini-1-5-pro-cut", "effective"]) == (
        pd.Timestamp("2024-09-24"), pd.Timestamp("2024-10-01"))
    assert (ev.loc["gemini-1-5-flash-cut", "date"], ev.loc["gemini-1-5-flash-cut", "effective"]) == (
        pd.Timestamp("2024-08-08"), pd.Timestamp("2024-08-12"))
    assert "google-gemini-002-2024-09-24" in _event_sources(ds, "gemini-1-5-pro-cut")
    caching = _event_sources(ds, "openai-prompt-caching")
    assert "Starting today" in caching["openai-prompt-caching-2024-10-01"]
    assert ds.sources.set_index("id").loc["openai-prompt-caching-2024-10-01", "published"] == "2024-10-01"
    for r in _rows(ds, "GPT-4o", "2024-10-01").itertuples():
        assert "openai-prompt-caching-2024-10-01" in r.source.split(";")
    # simonw/llm-prices states no start date for these prices: nothing may quote one from it
    es = ds.event_sources
    for q in [*es.loc[es["source"].str.startswith("simonw-llm-prices"), "quote"],
              *ds.prices.loc[ds.prices["source"].str.contains("simonw-llm-prices-(?:google|openai)"), "quote"]]:
        assert not re.search(r"from 20\d\d-\d\d-\d\d", q), q


MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]


def test_hand_written_conversions_name_the_rate_of_the_month_they_use(ds):
    """Every converted figure or cross-currency ratio in an event's own text names the FRED EXCHUS monthly
    average it used and its month, and that is the rate of the month the comparison is dated to."""
    by_rate = {f"{r.usd_cny:.4f}": r.month for r in ds.fx.itertuples()}
    usd, cny = re.compile(r"\$\s?\d|\d\s*美[元分]"), re.compile(r"\d\s*元")
    checked = 0
    for e in ds.events.itertuples():
        for field in ("title", "summary", "note", "dispute"):
            for lang in ("zh", "en"):
                text = getattr(e, f"{field}_{lang}")
                rates = re.findall(r"\b7\.\d{4}\b", text)
                if usd.search(text) and cny.search(text):
                    assert rates, (e.Index, field, lang, text)
                for rate in rates:
                    assert rate in by_rate, (e.Index, rate)
                    y, m = by_rate[rate].split("-")
                    named = f"{y} 年 {int(m)} 月" if lang == "zh" else f"{MONTHS_EN[int(m) - 1]} {y}"
                    assert named in text, (e.Index, field, lang, rate, named)
                    checked += 1
    assert checked >= 4
    ev = ds.events.set_index("id")
    # MiniMax's $1.10 against V3's promotion price on 2025-01-15: January 2025's rate, not the article's 8 元
    assert "7.2957" in ev.loc["minimax-text-01-launch", "dispute_en"]
    # DeepSeek-V2 against GPT-4 Turbo on 2024-05-06: May 2024's rate
    assert "7.2327" in ev.loc["deepseek-v2-launch", "note_en"] and "7.2327" in ev.loc["deepseek-v2-launch", "summary_en"]


def test_reader_facing_english_names_the_article_not_its_seed_file(ds):
    texts = [*ds.prices["note_en"], *ds.prices["dispute_en"], *ds.prices["quote"]]
    for lang in ("en",):
        for field in ("title", "summary", "note", "dispute"):
            texts += list(ds.events[f"{field}_{lang}"])
        for field in ("outlet", "author", "dated", "note"):
            texts += list(ds.sources[f"{field}_{lang}"])
    readme = (Path(__file__).resolve().parent.parent / "data" / "README.md").read_text(encoding="utf-8")
    texts.append(readme[readme.index("## What is not in the data"):])
    assert not [t for t in texts if re.search(r"seeds?\s*\d{3}", t, re.IGNORECASE)]


# (source id, its name in a credit line: zh, en) — what a chart's printed credit line says for it
CREDIT_NAMES = [
    ("itimes-2025-02-13", "IT时报", "IT Times"),
    ("aikeji-2024-05-25", "AI科技大本营", "AI Tech Base Camp"),
    ("kazike-2024-05-22", "数字生命卡兹克", "Shuzi Shengming Kazike"),
    ("small-tou-openai-8b18167", "llm-price (GitHub)", "llm-price (GitHub)"),
    ("openai-hello-gpt-4o", "OpenAI", "OpenAI"),
    ("fred-exchus", "美联储 H.10", "US Federal Reserve H.10"),  # fx.csv's source: the credit line's exchange rates
]

# (event id, its label on the timeline: zh, en)
EVENT_SHORTS = [
    ("deepseek-v2-launch", "DeepSeek-V2 输入 1 元", "DeepSeek-V2 at ¥1/M input"),
    ("ernie-speed-lite-free", "文心 Speed/Lite 免费", "ERNIE Speed/Lite free"),
    ("openai-gpt-4o-launch", "GPT-4o 发布", "GPT-4o launched"),
    ("qwen-long-cut", "Qwen-Long 输入降 97%", "Qwen-Long input −97%"),
]


@pytest.mark.parametrize(("source", "zh", "en"), CREDIT_NAMES)
def test_pinned_credit_name(ds, source, zh, en):
    row = ds.sources.set_index("id").loc[source]
    assert (row["name_zh"], row["name_en"]) == (zh, en)


def test_exchange_rates_are_credited_by_name(ds):
    (source,) = set(ds.fx["source"])
    assert source == "fred-exchus"


def test_exchange_rates_run_from_2023_01_to_2026_06_without_a_gap(ds):
    # FRED EXCHUS monthly averages as kept in datasets/exchange-rates at commit fa7d9499 (issue 16, point 2)
    months = list(ds.fx["month"])
    assert months == [f"{y}-{m:02d}" for y in (2023, 2024, 2025, 2026) for m in range(1, 13)][:42]
    rates = dict(zip(ds.fx["month"], ds.fx["usd_cny"], strict=True))
    assert (rates["2024-05"], rates["2025-12"], rates["2026-01"], rates["2026-06"]) == (7.2327, 7.0432, 6.9692, 6.7758)


@pytest.mark.parametrize(("event", "zh", "en"), EVENT_SHORTS)
def test_pinned_event_label(ds, event, zh, en):
    row = ds.events.set_index("id").loc[event]
    assert (row["short_zh"], row["short_en"]) == (zh, en)


def _outlet(text: str) -> str:
    """An outlet without its explanations in brackets: 'Google Developers Blog (the same post on …)' is
    the Google Developers Blog."""
    return re.sub(r"\s*[(（][^()（）]*[)）]", "", text).strip().lower()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_name_per_outlet_and_one_outlet_per_name(ds, lang):
    """A credit line names an outlet once: two different outlets never share a name (letter case aside),
    and the sources of one outlet all carry the same name."""
    src = ds.sources.assign(outlet=ds.sources["outlet_en"].map(_outlet), key=ds.sources[f"name_{lang}"].str.lower())
    outlets_per_name = src.groupby("key")["outlet"].nunique()
    assert outlets_per_name[outlets_per_name > 1].to_dict() == {}
    names_per_outlet = src.groupby("outlet")["key"].nunique()
    assert names_per_outlet[names_per_outlet > 1].to_dict() == {}
    assert (src[f"name_{lang}"].str.strip() != "").all() and (ds.events[f"short_{lang}"].str.strip() != "").all()


def test_names_and_labels_hold_no_ids_or_links(ds):
    """What a newspaper prints: words, not the data's ids, dated ids, commit hashes or links."""
    ids = [*ds.sources["id"], *ds.events["id"]]
    texts = [*ds.sources["name_zh"], *ds.sources["name_en"], *ds.events["short_zh"], *ds.events["short_en"]]
    for text in texts:
        lower = text.lower()
        assert not [i for i in ids if i in lower], text
        assert not re.search(r"[a-z]+-\d{4}-\d{2}(-\d{2})?\b", lower), text  # kazike-2024-05-22, thread-2024-05
        assert not re.search(r"\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}\b", lower), text  # a commit
        assert not re.search(r"https?:|www\.|/blob/|\[", lower), text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_two_events_share_a_label(ds, lang):
    labels = ds.events[f"short_{lang}"]
    assert labels[labels.duplicated(keep=False)].tolist() == []


# --- 2025–26: the war after March 2025 (issue 16) ------------------------------------------------------------
FACTS_2025_26 = [  # (vendor, model, tier, kind, date, price, currency, unit), (source, its words, band_from)
    ('deepseek', 'DeepSeek-V3', '', 'cache_miss', '2025-09-06', 0.56, 'USD', 'per_1m_tokens',
     'deepseek-pricing-en-2025-08', 'Starting from 16:00 UTC Time on Sept 5th, 2025', None),
    ('deepseek', 'DeepSeek-V3', '', 'output', '2025-09-29', 0.42, 'USD', 'per_1m_tokens',
     'benchlm-deepseek-2026-04-13', 'deepseek-chat DeepSeek-V3.2 128K $0.028 $0.28 $0.42', None),
    ('deepseek', 'DeepSeek-V4-Flash', '', 'cache_miss', '2026-04-24', 0.14, 'USD', 'per_1m_tokens',
     'deepseek-pricing-en-2026-05', '1M INPUT TOKENS (CACHE MISS)$0.14', None),
    ('deepseek', 'DeepSeek-V4-Pro', '', 'cache_miss', '2026-04-26', 0.435, 'USD', 'per_1m_tokens',
     'welinux-deepseek-v4-pro', '延长至北京时间 2026 年 5 月 31 日 23:59', None),
    ('deepseek', 'DeepSeek-V4-Pro', '', 'output', '2026-06-01', 0.87, 'USD', 'per_1m_tokens',
     'deepseek-pricing-en-2026-05', 'adjusted to 1/4 of the original price', None),
    ('deepseek', 'DeepSeek-V4-Flash', '', 'cache_hit', '2026-04-26', 0.0028, 'USD', 'per_1m_tokens',
     'deepseek-pricing-en-2026-05', 'takes effect from 2026/4/26 12:15 UTC', None),
    ('openai', 'GPT-4.1', '', 'input', '2025-04-14', 2, 'USD', 'per_1m_tokens',
     'openai-gpt-4-1-2025-04-14', '| gpt-4.1 | $2.00 | $0.50 | $8.00 |', None),
    ('openai', 'o3', '', 'input', '2025-04-16', 10, 'USD', 'per_1m_tokens',
     'simonw-llm-prices-20b527c', "'o3': { name: 'o3', input: 10, output: 40 }", None),
    ('openai', 'o3', '', 'input', '2025-06-10', 2, 'USD', 'per_1m_tokens',
     'openai-pricing-2025-09-07', '|o3|$2.00|$0.50|$8.00|', None),
    ('openai', 'o3', '', 'output', '2025-06-10', 8, 'USD', 'per_1m_tokens',
     'simonw-blog-2025-06-10', 'dropped the price of their o3 model by 80%', None),
    ('openai', 'GPT-5', '', 'input', '2025-08-07', 1.25, 'USD', 'per_1m_tokens',
     'openai-gpt-5-developers-2025-08-07', 'GPT‑5 is priced at $1.25/1M input tokens', None),
    ('openai', 'GPT-5.2', '', 'output', '2025-12-11', 14, 'USD', 'per_1m_tokens',
     'openai-gpt-5-2-2025-12-11', 'GPT‑5.2 is priced at $1.75/1M input tokens and $14/1M output tokens', None),
    ('anthropic', 'Claude Opus 4', '', 'output', '2025-05-22', 75, 'USD', 'per_1m_tokens',
     'anthropic-claude-4-2025-05-22', 'Opus 4 at $15/$75 per million tokens', None),
    ('anthropic', 'Claude Sonnet 4', '', 'input', '2025-08-12', 6, 'USD', 'per_1m_tokens',
     'anthropic-pricing-docs-2025', 'Input: $6 / MTok', None),
    ('anthropic', 'Claude Opus 4.5', '', 'input', '2025-11-24', 5, 'USD', 'per_1m_tokens',
     'anthropic-claude-opus-4-5-2025-11-24', 'Pricing is now $5/$25 per million tokens', None),
    ('anthropic', 'Claude Haiku 4.5', '', 'output', '2025-10-15', 5, 'USD', 'per_1m_tokens',
     'anthropic-claude-haiku-4-5-2025-10-15', 'Pricing is now $1/$5 per million input and output tokens', None),
    ('anthropic', 'Claude Opus 5', '', 'input', '2026-07-24', 5, 'USD', 'per_1m_tokens',
     'pydantic-genai-prices-ffbbb142', 'name: Claude Opus 5 … input_mtok: 5', None),
    ('google', 'Gemini 2.5 Flash', '', 'input', '2025-06-17', 0.3, 'USD', 'per_1m_tokens',
     'google-gemini-pricing-2026', '$0.30 (text / image / video)', None),
    ('google', 'Gemini 2.5 Flash', '', 'input', '2025-04-17', 0.15, 'USD', 'per_1m_tokens',
     'google-gemini-pricing-2025-spring', '$0.15 (text / image / video)', None),
    ('openai', 'o4-mini', '', 'input', '2025-04-16', 1.1, 'USD', 'per_1m_tokens',
     'openai-pricing-2025-09-07', '|o4-mini|$1.10|$0.275|$4.40|', None),
    ('openai', 'GPT-5.1', '', 'input', '2025-11-13', 1.25, 'USD', 'per_1m_tokens',
     'openai-gpt-5-2-2025-12-11', '| $1.25 | $0.125 | $10 |', None),
    ('anthropic', 'Claude Opus 4.1', '', 'cache_hit', '2025-08-05', 1.5, 'USD', 'per_1m_tokens',
     'anthropic-pricing-docs-2025', 'Claude Opus 4.1 | $15 / MTok | $18.75 / MTok | $30 / MTok | $1.50 / MTok', None),
    ('anthropic', 'Claude Fable 5', '', 'output', '2026-06-09', 50, 'USD', 'per_1m_tokens',
     'anthropics-skills-5d25128', '| $10.00     | $50.00      |', None),
    ('anthropic', 'Claude Sonnet 5', '', 'input', '2026-06-30', 2, 'USD', 'per_1m_tokens',
     'anthropics-skills-9d2f1ae', '$3.00 ($2.00 intro through 2026-08-31)', None),
    ('google', 'Gemini 2.5 Flash', '', 'output', '2025-06-17', 2.5, 'USD', 'per_1m_tokens',
     'simonw-llm-prices-db30727', 'input: 0.30, output: 2.50', None),
    ('google', 'Gemini 2.5 Flash-Lite', '', 'input', '2025-07-22', 0.1, 'USD', 'per_1m_tokens',
     'google-gemini-2-5-flash-lite-ga-2025-07-22', '(\\$0.10 input per 1M, \\$0.40 output per 1M)', None),
    ('openai', 'GPT-5.5', '', 'input', '2026-04-24', 5, 'USD', 'per_1m_tokens',
     'openai-gpt-5-5-2026-04-23', 'at $5 per 1M input tokens and $30 per 1M output tokens', 0),
    ('openai', 'GPT-5.5', '', 'output', '2026-04-24', 45, 'USD', 'per_1m_tokens',
     'openai-pricing-2026-08', '| gpt-5.5 | $5.00 | $0.50 | - | $30.00 | $10.00 | $1.00 | - | $45.00 |', 272),
    ('openai', 'GPT-5.6 Terra', '', 'input', '2026-07-30', 2, 'USD', 'per_1m_tokens',
     'openai-gpt-5-6-price-cut-2026-07-30', '$2 per million input tokens and $12 per million output tokens', 0),
    ('openai', 'GPT-5.6 Luna', '', 'output', '2026-07-30', 1.2, 'USD', 'per_1m_tokens',
     'openai-gpt-5-6-price-cut-2026-07-30', '$1.20 per million output tokens for Luna', 0),
    ('openai', 'GPT-5.6 Luna', '', 'input', '2026-07-09', 1, 'USD', 'per_1m_tokens',
     'apimaster-2026-06-27', '$5 / $30, $2.50 / $15, and $1 / $6 per 1M input/output tokens', 0),
    ('google', 'Gemini 2.5 Pro', '', 'input', '2025-04-04', 2.5, 'USD', 'per_1m_tokens',
     'google-gemini-pricing-2025-spring', '$2.50, prompts > 200k tokens', 200),
    ('google', 'Gemini 3 Pro', '', 'output', '2025-11-18', 12, 'USD', 'per_1m_tokens',
     'google-gemini-3-developers-2025-11-18', '$12/million output tokens for prompts 200k tokens or less', 0),
    ('bytedance', 'Doubao-Seed-1.6', '', 'input', '2025-06-11', 0.8, 'CNY', 'per_1m_tokens',
     'xiaohezi-doubao-1-6-2025-08-03', '0–32 K 输入只要 ¥0.8/百万 token', None),
    ('bytedance', 'Doubao-Seed-1.6', '', 'input', '2025-06-11', 1.2, 'CNY', 'per_1m_tokens',
     'lobehub-volcengine-18a6dcf', "'[0.032, 0.128]': 1.2", None),
    ('bytedance', 'Doubao-Seed-1.6', '', 'output', '2025-06-11', 24, 'CNY', 'per_1m_tokens',
     'lobehub-volcengine-18a6dcf', "'[0.128, infinity]_[0, infinity]': 24", None),
    ('bytedance', 'Doubao-Seed-1.6-lite', '', 'input', '2025-10-16', 0.3, 'CNY', 'per_1m_tokens',
     'lobehub-volcengine-18a6dcf', "'[0, 0.032]': 0.3", None),
    ('bytedance', 'Doubao-Seed-1.8', '', 'output', '2025-12-18', 16, 'CNY', 'per_1m_tokens',
     'lobehub-volcengine-18a6dcf', "'[0.032, 0.128]_[0, infinity]': 16", None),
    ('bytedance', 'Doubao-Seed-2.0-pro', '', 'input', '2026-02-15', 3.2, 'CNY', 'per_1m_tokens',
     'lobehub-volcengine-18a6dcf', "'[0, 0.032]': 3.2", None),
    ('bytedance', 'Doubao-Seed-2.0-pro', '', 'output', '2026-02-15', 16, 'CNY', 'per_1m_tokens',
     'lobehub-volcengine-18a6dcf', "'[0, 0.032]': 16", None),
    ('bytedance', 'Doubao-Seed-2.0-lite', '', 'output', '2026-02-15', 3.6, 'CNY', 'per_1m_tokens',
     'lobehub-volcengine-18a6dcf', "'[0, 0.032]': 3.6", None),
    ('bytedance', 'Doubao-Seed-2.0-mini', '', 'input', '2026-02-15', 0.2, 'CNY', 'per_1m_tokens',
     'lobehub-volcengine-18a6dcf', "'[0, 0.032]': 0.2", None),
    ('moonshot', 'Kimi K2', '', 'cache_miss', '2026-02-09', 4, 'CNY', 'per_1m_tokens',
     'moonshot-pricing-2026-02-09', '| kimi-k2-0711-preview | 1M tokens | ￥1.00 | ￥4.00 | ￥16.00 |', None),
    ('moonshot', 'Kimi K2', '', 'output', '2026-02-09', 16, 'CNY', 'per_1m_tokens',
     'moonshot-pricing-2026-02-09', '| kimi-k2-0905-preview | 1M tokens | ￥1.00 | ￥4.00 | ￥16.00 |', None),
    ('moonshot', 'Kimi K2 Turbo', '', 'output', '2026-02-09', 58, 'CNY', 'per_1m_tokens',
     'moonshot-pricing-2026-02-09', '￥8.00 | ￥58.00', None),
    ('moonshot', 'Kimi K2.5', '', 'cache_hit', '2026-02-09', 0.7, 'CNY', 'per_1m_tokens',
     'moonshot-pricing-2026-02-09', '| kimi-k2.5 | 1M tokens | ￥0.70 | ￥4.00 | ￥21.00 |', None),
    ('moonshot', 'Kimi K2.6', '', 'cache_miss', '2026-05-22', 0.95, 'USD', 'per_1m_tokens',
     'genai-prices-moonshotai-eb49070', 'input_mtok: 0.95', None),
    ('moonshot', 'Kimi K2.7 Code', '', 'cache_hit', '2026-06-15', 0.19, 'USD', 'per_1m_tokens',
     'genai-prices-moonshotai-75406b1', 'cache_read_mtok: 0.19', None),
    ('minimax', 'MiniMax-M2', '', 'input', '2025-10-27', 0.3, 'USD', 'per_1m_tokens',
     'models-dev-minimax-m2-b323fa2', 'input = 0.30', None),
    ('minimax', 'MiniMax-M2', '', 'output', '2025-10-27', 1.2, 'USD', 'per_1m_tokens',
     'models-dev-minimax-m2-b323fa2', 'output = 1.20', None),
    ('moonshot', 'Kimi K3', '', 'cache_miss', '2026-07-16', 3, 'USD', 'per_1m_tokens',
     'genai-prices-moonshotai-ba80937', 'input_mtok: 3.00', None),
    ('minimax', 'MiniMax-M3', '', 'input', '2026-07-01', 0.3, 'USD', 'per_1m_tokens',
     'genai-prices-minimax-d07be00', 'base: 0.3', None),
    ('zhipu', 'GLM-5.3', '', 'output', '2026-08-19', 4.4, 'USD', 'per_1m_tokens',
     'genai-prices-zai-ad617ec', 'output_mtok: 4.4', None),
]


@pytest.mark.parametrize("fact", FACTS_2025_26, ids=[f"{f[1]}-{f[3]}-{f[4]}-{f[10]}" for f in FACTS_2025_26])
def test_pinned_fact_of_2025_26_with_its_sources_words(ds, fact):
    vendor, model, tier, kind, day, price, currency, unit, source, words, band = fact
    p = ds.prices
    rows = p[(p["vendor"] == vendor) & (p["model"] == model) & (p["tier"] == tier) & (p["kind"] == kind)
             & (p["date"] == pd.Timestamp(day))]
    if band is not None:
        rows = rows[rows["band_from"] == band]
    rows = rows[rows["period"].isin(["", "peak"]) & (rows["price"] == price)]
    assert len(rows) == 1, rows  # one price of that model, kind and day (and band) is this one
    row = rows.iloc[0]
    assert (row["currency"], row["unit"]) == (currency, unit)
    assert source in row["source"].split(";")
    assert words in row["quote"]  # the source's own words for the figure


def test_the_2025_26_facts_cover_every_checked_lead_or_say_why_not(ds):
    """Every price change the project's leads mark "checked" is in the data (the others are in the data or in
    data/README.md's list of what is not)."""
    p = ds.prices
    has = {(m, d) for m, d in zip(p["model"].astype(str), p["date"].dt.strftime("%Y-%m-%d"), strict=True)}
    checked = [("DeepSeek-V3", "2025-09-06"),  # one price, the night discount ends (16:00 UTC on 2025-09-05)
               ("DeepSeek-V4-Flash", "2026-04-24"), ("DeepSeek-V4-Pro", "2026-04-24"),  # V4
               ("DeepSeek-V4-Pro", "2026-04-26"),  # 75% off for a limited time, cache hits to a tenth
               ("DeepSeek-V4-Pro", "2026-08-17"),  # peak / off-peak
               ("DeepSeek-V4.1-Flash", "2026-09-10"), ("GPT-5", "2025-08-07"), ("Claude Opus 5", "2026-07-24")]
    assert [c for c in checked if c not in has] == []


def test_a_vendors_own_statement_and_a_report_of_it_are_told_apart_in_2025_26(ds):
    kinds = dict(zip(ds.sources["id"], ds.sources["kind"], strict=True))
    assert kinds["deepseek-pricing-en-2025-08"] == "vendor"  # DeepSeek's own page, an archived copy
    assert kinds["benchlm-deepseek-2026-04-13"] == "blog" and kinds["genai-prices-571"] == "tracker"
    # the peak / off-peak prices rest on trackers only, and the row's note says so in both languages
    row = ds.prices[(ds.prices["model"] == "DeepSeek-V4-Pro") & (ds.prices["date"] == pd.Timestamp("2026-08-17"))
                    & (ds.prices["kind"] == "output") & (ds.prices["period"] == "peak")].iloc[0]
    assert {kinds[s] for s in row["source"].split(";")} == {"tracker"}
    assert "No stored copy of DeepSeek's page from then was found" in row["note_en"]
    assert "未找到 DeepSeek 价格页当时的存档" in row["note_zh"]


def test_deepseeks_peak_price_is_standard_and_its_off_peak_a_series_of_its_own(ds):
    s = ds.series[(ds.series["model"] == "DeepSeek-V4-Pro") & (ds.series["series"] == "output")]
    off = s[s["tier"] != ""]
    assert set(off["tier"]) == {"18:00–09:00, 12:00–14:00"} and not off["standard"].any()
    standard = s[s["tier"] == ""]
    assert standard["price_1m"].tolist() == [3.48, 0.87, 3.96]  # launch, 75% off (made permanent), peak
    assert standard["condition_en"].iloc[-1].startswith("peak hours, 09:00–12:00, 14:00–18:00 (UTC+8)")
    # the off-peak price is higher than the flat price before it: a rise, not a discount
    assert off["price_1m"].iloc[0] == 1.98 > standard["price_1m"].iloc[1]


def test_deepseeks_limited_time_discount_made_permanent_never_falls_back(ds):
    s = ds.series[(ds.series["model"] == "DeepSeek-V4-Pro") & (ds.series["series"] == "input")
                  & (ds.series["tier"] == "")]
    assert 1.74 not in s.loc[s["date"] > pd.Timestamp("2026-04-26"), "price_1m"].tolist()
