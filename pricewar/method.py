# ruff: noqa: E501
# (CJK strings count double-width; splitting a Chinese sentence to satisfy the limit hurts more than it helps)
"""The "About & method / 关于与方法" page's content: what the data covers, how its numbers are made
comparable, how disputes and kinds of source are shown, what is left out, the corrections log and how to
cite — each a :class:`Section` of Markdown in the reader's language, computed from the :class:`Dataset` so
that every number it states is true of the data loaded.

Pure: no Streamlit, no I/O. Every string of the page, in both languages, is here. Text from the data files
goes through :func:`pricewar.safe.md` before it enters the Markdown; the module's own text is Markdown as
written (``$`` escaped, since Streamlit reads ``$…$`` as maths).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

import pandas as pd

from pricewar import schema
from pricewar.load import Dataset
from pricewar.records import model_label
from pricewar.safe import md
from pricewar.text import credit, money, plain, whole

KEYS = ("coverage", "comparable", "disputes", "left-out", "corrections", "cite")
"""The sections in page order; each key is a stable anchor (``#coverage``)."""


@dataclass(frozen=True)
class Section:
    key: str  # stable anchor id, one of KEYS
    heading: str  # plain text in the reader's language
    body: str  # Markdown; data text escaped with pricewar.safe.md


@dataclass(frozen=True)
class LeftOut:
    """One entry of "what is not in the data" (data/README.md), in both languages, with the source ids it
    cites. Markdown as written: ids and column names in backticks, ``$`` as in the README (escaped when
    rendered)."""

    zh: str
    en: str
    sources: tuple[str, ...] = ()


LEFT_OUT: tuple[LeftOut, ...] = (
    LeftOut(
        zh="文章提到但没有给出任何日期的事件：OpenAI 向免费用户开放 ChatGPT 搜索和 GPT-4o mini 语音（宋婧的报道，`songjing-2025-03`）；Gemini Ultra 两个月的免费试用（AI科技大本营的文章，`aikeji-2024-05-25`）；阿里巴巴、腾讯、字节跳动和智谱 2025 年初的 API 降价（宋婧的报道没有给出模型、价格或日期）。",
        en="Events the articles mention without any date: OpenAI opening ChatGPT search and GPT-4o mini voice to free users (Song Jing's article, `songjing-2025-03`); Gemini Ultra's two-month free trial (the AI Tech Base Camp article, `aikeji-2024-05-25`); Alibaba, Tencent, ByteDance and Zhipu's early-2025 API cuts (Song Jing's article names no model, price or date).",
        sources=("songjing-2025-03", "aikeji-2024-05-25"),
    ),
    LeftOut(
        zh="Gemini 1.5 Pro 自 2024-04-10 起的免费公开预览（`aikeji-2024-05-25`）记为事件（`gemini-1-5-pro-free-preview`），而不是价格 0：它是有用量限制的免费额度，不是标价；而且 2024-05-30 开放付费使用后，谷歌仍保留了免费档。若记为价格，图表会把之后 3.50 美元的标价显示为涨价。",
        en="Gemini 1.5 Pro's free public preview from 2024-04-10 (`aikeji-2024-05-25`) is an event (`gemini-1-5-pro-free-preview`), not a price of 0: it was a free allowance with usage limits, not a list price, and Google kept a free tier after paid use opened on 2024-05-30. As a price it would make the chart show the later $3.50 list price as a rise.",
        sources=("aikeji-2024-05-25",),
    ),
    LeftOut(
        zh="MiniCPM 没有价格：帖文中的「零元购」（`thread-2024-05`）是对其开源权重的修辞说法，没有任何来源给出 MiniCPM 的 API 价格。帖文的这句话记为事件 `minicpm-free`。",
        en="MiniCPM has no price: the thread's \"零元购\" (`thread-2024-05`) is a figure of speech for its open-source weights, and no source gives MiniCPM an API price. The thread's remark is the event `minicpm-free`.",
        sources=("thread-2024-05",),
    ),
    LeftOut(
        zh="存档来源没有给出的日期，以及数据改用的日期（每行的备注都有说明）：阿里巴巴 2024 年 9 月对 Qwen-Max 的降价——报道 `openmagic-yunqi-2024` 给出了月份，该行从 2024-09-19 开始，即版本名 qwen-max-2024-09-19 中的日期（系本项目推断）；Gemini 1.5 Flash 的降价于 2024-08-08 公布（`simonw-blog-2024-08-08`）——其生效日 2024-08-12 取自本项目的参考笔记，谷歌自己的文章无法读取。",
        en="Days the stored sources do not give, and how the data dates them instead (each row's note says so): Alibaba's September 2024 cut of Qwen-Max — the report `openmagic-yunqi-2024` gives the month, and the row starts on 2024-09-19, the date in the name of the version qwen-max-2024-09-19 (our inference); Gemini 1.5 Flash's cut, announced 2024-08-08 (`simonw-blog-2024-08-08`) — its effective day 2024-08-12 is the project's reference notes', and Google's own post could not be read.",
        sources=("openmagic-yunqi-2024", "simonw-blog-2024-08-08"),
    ),
    LeftOut(
        zh="GPT-3.5 Turbo 只有一条序列：其最新版本的价格，各自从生效之日起算（2023-03-01、2023-06-13、2023-11-06、2024-02-01）。别名 `gpt-3.5-turbo` 每次改指新版本的日期，以及单独的 16K 模型的价格，都不在数据中。",
        en="GPT-3.5 Turbo is one series: the price of its newest version, from the day each price took effect (2023-03-01, 2023-06-13, 2023-11-06, 2024-02-01). The day the `gpt-3.5-turbo` alias moved to each new version, and the separate 16K model's prices, are not in the data.",
    ),
    LeftOut(
        zh="微软在 Build 大会上宣布在 Azure 上提供 GPT-4o（AI科技大本营的文章）：这是可用性，不是价格。",
        en="Microsoft Build's offer of GPT-4o on Azure (the AI Tech Base Camp article): availability, not a price.",
    ),
    LeftOut(
        zh="o1-preview 自 2024-09-12 起的价格写在 o1 各行的备注（`note`）中，没有单独的序列。",
        en="o1-preview's price from 2024-09-12 is in the o1 rows' `note`, not a series of its own.",
    ),
    LeftOut(
        zh="关于价格和成本的说法（「GPT-4 的 1/400」「比行业便宜 99.3%」「价格每年下降 10 倍」、谷歌的「问答成本一年下降 80%」、李彦宏的「推理成本每年降低 90%」）由说法核查处理，不记为事件。",
        en="Claims about prices and costs (\"1/400 of GPT-4\", \"99.3% cheaper than the industry\", \"prices fall 10× a year\", Google's \"Q&A cost fell 80% in a year\", Robin Li's \"inference cost falls 90% a year\") are the claim checker's, not events.",
    ),
    LeftOut(
        zh="机器人、手机、训练成本、投资总额以及其他与 API 价格无关的新闻（AI科技大本营的文章和宋婧的报道）。",
        en="Robots, phones, training costs, investment totals and other news outside API prices (the AI Tech Base Camp article and Song Jing's article).",
    ),
    LeftOut(
        zh='中国模型的美元标价（DeepSeek 的 0.14 / 0.28 美元……）写在备注（`note`）中；每个价格只保存一次，使用主要来源所标的币种。DeepSeek 自 2025-09-06 起的价格按其英文价格页和引用该页的价格追踪所标，以美元保存；有来源给出的人民币价格写在备注（`note`）中。2025-09-06 的人民币价格没有来源给出。',
        en="USD list prices of Chinese models (DeepSeek's $0.14 / $0.28 …) are in `note`; each price is kept once, in the currency the primary source states. DeepSeek's prices from 2025-09-06 on are in US$, as its English pricing page and the trackers quoting it state them; the yuan prices, where a source gives them, are in `note`. No source gives the yuan prices of 2025-09-06.",
    ),
    LeftOut(
        zh='DeepSeek：V4-Pro 于 2026-09-14 下线的计划在 2026-09-09 公布、据报道于 2026-09-11 撤回（`quill-router-1156`、`models-dev-6904`），由于未读到该日之后 DeepSeek 价格页的存档，数据中不记为价格变动；V3-0324 和 R1-0528 未发现价格变动；没有来源给出 DeepSeek-V2 自身 API 价格结束的日期，因此其曲线画作 2024-05-25 之后未再获证实，而不是结束。',
        en="DeepSeek: the retirement of V4-Pro on 2026-09-14, announced on 2026-09-09 and reported withdrawn on 2026-09-11 (`quill-router-1156`, `models-dev-6904`), is not a price change in the data, since no copy of DeepSeek's page after that day was read; no price change was found for V3-0324 or R1-0528; no source dates the end of DeepSeek-V2's own API price, so its line is drawn as not confirmed since 2024-05-25 rather than ended.",
        sources=('quill-router-1156', 'models-dev-6904'),
    ),
    LeftOut(
        zh='OpenAI：GPT-5.6 Sol 自 2026-08-21 起的促销价（4 / 20 美元）及其超过 272K 输入 tokens 一档的价格（找不到能读到原话的来源）；GPT-6 系列（只有一份未署名的摘要）；最小型号与专业版型号、批量与弹性处理、优先处理、缓存写入和音频价格；GPT-4.5 预览版；一份 2026-03-10 的抄本称 OpenAI 全部价格减半，实为标错的批量处理价格表。',
        en='OpenAI: GPT-5.6 Sol\'s promotion from 2026-08-21 ($4 / $20) and its price above 272K input tokens (no source states them in words we could read); the GPT-6 family (an unsigned digest only); the nano and Pro models, Batch and Flex, priority processing, cache writes and audio prices; GPT-4.5 Preview; a transcription of 2026-03-10 claiming "OpenAI halved all prices", which is a mislabelled Batch table.',
    ),
    LeftOut(
        zh='Anthropic 与谷歌：Claude Sonnet 5 介绍价 2 / 10 美元的结束（Anthropic 自己的表格称 2026-09-01 起为 3 / 15 美元，第三方笔记称不会上调；该行备注列出两种说法）；Claude Opus 4.6、4.7、4.8 和 Sonnet 4.6（只有价格追踪给出日期）；Gemini 3.5、3.6、3.7 Flash（只见于价格追踪，且互相矛盾）；谷歌的缓存输入价；Gemini 2.5 Flash 预览版开启思考时 3.50 美元的输出价，写在该行备注中。',
        en='Anthropic and Google: the end of Claude Sonnet 5\'s introductory $2 / $10 (Anthropic\'s own table says $3 / $15 from 2026-09-01, third-party notes say the rise "will not occur"; the row\'s note gives both); Claude Opus 4.6, 4.7 and 4.8 and Sonnet 4.6 (dated only by trackers); Gemini 3.5, 3.6 and 3.7 Flash (trackers only, and they disagree); Google\'s cached-input prices; Gemini 2.5 Flash\'s $3.50 thinking output in preview, which is in its row\'s note.',
    ),
    LeftOut(
        zh='字节跳动：豆包在 32K 以内输入的输出价取决于输出长度（Doubao-Seed-1.6 输出不超过 200 tokens 时 2 元，超过时 8 元），数据的列无法表达，因此未收录；除 Doubao-Seed-1.6 第一档输入价外，豆包各档价格都只来自一个价格追踪文件（`lobehub-volcengine-18a6dcf`），因为火山引擎自己的价格页只读到开头的介绍；豆包的极速版、思考版、视觉版和编程版模型以及缓存输入价没有带日期的来源。',
        en="ByteDance: Doubao's output price below 32K of input depends on the output's length (¥2 up to 200 output tokens, ¥8 beyond, for Doubao-Seed-1.6), which the columns cannot hold, so it is left out; every Doubao band price but Doubao-Seed-1.6's first input band rests on one tracker file (`lobehub-volcengine-18a6dcf`), since only the introduction of Volcano Engine's own price page could be read; Doubao's flash, thinking, vision and code models and cached-input prices have no dated source.",
        sources=('lobehub-volcengine-18a6dcf',),
    ),
    LeftOut(
        zh='阿里巴巴与智谱：Qwen3-Max 的分档价格（32K 以内 2.5 / 10 元……）只见于一份无日期的第三方阿里云页面副本，而一个价格追踪所列的更高价格本身也是换算所得，因此数据中没有 Qwen3-Max；阿里云和火山引擎转售 GLM 模型的价格没有日期；未找到智谱自己的人民币价格，价格追踪所列的美元价格是按 7.25 由人民币换算的，因此数据只收录 Z.AI 自己的美元价格（GLM-5.2、GLM-5.3）。',
        en="Alibaba and Zhipu: Qwen3-Max's banded prices (¥2.5 / ¥10 up to 32K …) are known only from an undated third-party copy of Alibaba's page, and a tracker's higher price is itself a conversion, so Qwen3-Max is not in the data; Alibaba's and Volcano Engine's resale of GLM models is undated; Zhipu's own yuan prices were not found, and the tracker's dollar figures for them were converted from yuan at 7.25, so only Z.AI's own dollar prices (GLM-5.2, GLM-5.3) are in the data.",
    ),
    LeftOut(
        zh='月之暗面与 MiniMax：Kimi K2 发布时的人民币价格没有来源给出日期，因此 Kimi K2 的数据从月之暗面价格页最后更新的 2026-02-09 开始（`moonshot-pricing-2026-02-09`），发布记为事件；该页列出的 moonshot-v1 价格远低于数据中 2024 年的价格，但没有来源给出降价日期——留作下一轮的线索；MiniMax-M2 的人民币价格以及 MiniMax-M3 的发布和促销只见于无法引用的来源。',
        en="Moonshot and MiniMax: Kimi K2's launch price in yuan is not dated by any source, so Kimi K2's rows start on 2026-02-09, the day Moonshot's price page was last updated (`moonshot-pricing-2026-02-09`), and its launch is an event; that page also lists moonshot-v1 well below the data's 2024 prices, on a day no source gives — a lead for the next pass; MiniMax-M2 in yuan and MiniMax-M3's launch and promotion rest only on sources we could not cite.",
        sources=('moonshot-pricing-2026-02-09',),
    ),
    LeftOut(
        zh='2025-04 以后的百度、腾讯、阶跃星辰和科大讯飞：存档来源中没有找到价格。百度 2025-04-25 发布文心 4.5 Turbo 和 X1 Turbo 记为没有价格的事件；所报道的降价（0.8 / 3.2 元和 1 / 4 元）未找到。',
        en="Baidu, Tencent, StepFun and iFLYTEK from 2025-04 on: no price was found in a stored source. Baidu's ERNIE 4.5 Turbo and X1 Turbo launch of 2025-04-25 is an event without prices; the reported cuts (¥0.8 / ¥3.2 and ¥1 / ¥4) were not found.",
    ),
)
"""data/README.md's "What is not in the data", one entry per bullet in the same order: ``en`` is the
README's own text, ``zh`` its translation, ``sources`` the source ids it cites (tests/test_method.py
checks the README against this, so neither changes without the other)."""

HEADINGS = {
    "coverage": {"zh": "数据涵盖什么、截至何时", "en": "What the data covers, and up to when"},
    "comparable": {"zh": "价格如何变得可比", "en": "How prices are made comparable"},
    "disputes": {"zh": "分歧和来源类型如何显示", "en": "How disputes and kinds of source are shown"},
    "left-out": {"zh": "数据中没有什么", "en": "What is left out"},
    "corrections": {"zh": "更正记录", "en": "Corrections log"},
    "cite": {"zh": "如何引用", "en": "How to cite"},
}

NAME = {"zh": "pricewar · 大模型 API 价格战", "en": "pricewar · The LLM API price war"}
"""The dashboard as a citation names it."""

KIND_WORDS = {  # a kind of source, as counted: (one, several); Chinese (measure word, noun)
    "article": {"zh": ("篇", "文章"), "en": ("article", "articles")},
    "tracker": {"zh": ("个", "价格追踪"), "en": ("price tracker", "price trackers")},
    "dataset": {"zh": ("个", "数据集"), "en": ("data set", "data sets")},
    "blog": {"zh": ("篇", "博客文章"), "en": ("blog post", "blog posts")},
    "research": {"zh": ("篇", "研究"), "en": ("piece of research", "pieces of research")},
}

PRICE_KIND_WORDS = {  # a stated price's kind, in the citation example
    "input": {"zh": "输入", "en": "input"},
    "output": {"zh": "输出", "en": "output"},
    "cache_hit": {"zh": "缓存命中输入", "en": "cached input"},
    "cache_miss": {"zh": "输入（缓存未命中）", "en": "input (cache miss)"},
}

MISSING_FILE = {  # why an optional file gives nothing
    "absent": {"zh": "数据中没有 `{file}`", "en": "the data has no `{file}`"},
    "empty": {"zh": "`{file}` 是空的", "en": "`{file}` is empty"},
    "invalid": {"zh": "`{file}` 有错误，已被略去", "en": "`{file}` has problems and is left out"},
}

_CODE = re.compile(r"(`[^`]*`)")


def sections(data: Dataset, lang: str, *, address: str = "") -> list[Section]:
    """The page's sections in ``lang`` (``zh`` or ``en``; anything else reads as ``zh``, like
    :func:`pricewar.i18n.t`). ``address``: the dashboard's public URL, "" when unknown."""
    lang = lang if lang in schema.LANGS else schema.LANGS[0]
    bodies = {
        "coverage": coverage(data, lang),
        "comparable": comparable(data, lang),
        "disputes": disputes(data, lang),
        "left-out": left_out(lang),
        "corrections": corrections(data, lang),
        "cite": cite(data, lang, address),
    }
    return [Section(k, HEADINGS[k][lang], bodies[k]) for k in KEYS]


# --- words ------------------------------------------------------------------------------------------------
def count(n: int, one: str, many: str) -> str:
    """"1 vendor", "2 vendors", "1,140,108 price rows"."""
    return f"{whole(n)} {one if n == 1 else many}"


def _day(value) -> str:
    return pd.Timestamp(value).date().isoformat()


def _span(dates: pd.Series, lang: str) -> str:
    """", dated 2024-05-06 to 2025-02-09" / "，2024-05-06 至 2025-02-09" ("" when there is no date)."""
    dates = dates.dropna()
    if dates.empty:
        return ""
    first, last = _day(dates.min()), _day(dates.max())
    if lang == "zh":
        return f"，{first}" if first == last else f"，{first} 至 {last}"
    return f", on {first}" if first == last else f", dated {first} to {last}"


def _source_names(data: Dataset, ids, lang: str, *, dated: bool = False) -> list[str]:
    """Source ids as their outlets' names in ``lang`` (escaped), each once — "IT Times (2025-02-13)" with
    ``dated`` and a publication date; an id the data does not know as itself."""
    names = dict(zip(data.sources["id"], data.sources[schema.in_lang("name", lang)], strict=True))
    days = dict(zip(data.sources["id"], data.sources["published"], strict=True)) if dated else {}
    out = []
    for s in ids:
        name, day = md(names.get(s) or s), md(days.get(s) or "")
        out.append((f"{name}（{day}）" if lang == "zh" else f"{name} ({day})") if day else name)
    return list(dict.fromkeys(out))


def _prose(text: str) -> str:
    """The module's own Markdown with backticked code kept as it is and everything else escaped (``$``
    would start maths)."""
    return "".join(part if part.startswith("`") else md(part) for part in _CODE.split(text) if part)


def _credit(data: Dataset, lang: str) -> str:
    """"pricewar data 2026.12.1, as of 2025-06-30" with the version (data text) escaped; "" without a release."""
    if data.release is None:
        return ""
    return credit(dataclasses.replace(data.release, version=md(data.release.version)), lang)


# --- 1. coverage ------------------------------------------------------------------------------------------
def coverage(data: Dataset, lang: str) -> str:
    p = data.prices
    n_prices, n_models = len(p), len(p[["vendor", "model", "tier"]].drop_duplicates())
    price_vendors, listed = p["vendor"].nunique(), len(data.vendors)
    unpriced = len(set(data.vendors["id"]) - set(p["vendor"]))
    zh = lang == "zh"

    if zh:
        prices = (f"- **价格**：共 {whole(n_prices)} 行，涉及 {whole(price_vendors)} 家厂商的 {whole(n_models)} 个模型"
                  f"{_span(p['date'], lang)}。" if n_prices else "- **价格**：无。")
        if unpriced:
            prices += f"数据共列出 {whole(listed)} 家厂商，其中 {whole(unpriced)} 家没有价格。"
    else:
        prices = (f"- **Prices:** {count(n_prices, 'price row', 'price rows')} of {count(n_models, 'model', 'models')} "
                  f"from {count(price_vendors, 'vendor', 'vendors')}{_span(p['date'], lang)}."
                  if n_prices else "- **Prices:** none.")
        if unpriced:
            prices += (f" The data lists {count(listed, 'vendor', 'vendors')} in all; "
                       f"{whole(unpriced)} of them {'has' if unpriced == 1 else 'have'} no price.")

    ev = data.events
    missing = data.missing("events")
    if len(ev):
        events = (f"- **事件**：{whole(len(ev))} 个{_span(ev['date'], lang)}。" if zh else
                  f"- **Events:** {count(len(ev), 'event', 'events')}{_span(ev['date'], lang)}.")
    else:
        why = MISSING_FILE[missing][lang].format(file=schema.FILES["events"]) if missing else ""
        if zh:
            events = f"- **事件**：无（{why}）。" if why else "- **事件**：无。"
        else:
            events = f"- **Events:** none ({why})." if why else "- **Events:** none."

    kinds = data.sources["kind"].value_counts()
    own = int(kinds.get("vendor", 0))
    others = sorted(((int(n), k) for k, n in kinds.items() if k != "vendor"),
                    key=lambda nk: (-nk[0], _kind_rank(nk[1])))
    reports = sum(n for n, _ in others)
    total = own + reports
    listing = ("、" if zh else ", ").join(_kind_count(k, n, lang) for n, k in others)
    if zh:
        own_part = f"其中 {whole(own)} 个是厂商本身的说法（如价格页、公告）" if own else "其中没有厂商本身的说法"
        report_part = f"{whole(reports)} 个是报道（{listing}）" if reports else "没有报道"
        sources = f"- **来源**：{whole(total)} 个，{own_part}，{report_part}。" if total else "- **来源**：无。"
    else:
        own_part = (("1 is a vendor's own statement" if own == 1 else f"{whole(own)} are vendors' own statements")
                    + " (such as price pages and announcements)" if own else "none is a vendor's own statement")
        report_part = (f"{whole(reports)} {'is a report' if reports == 1 else 'are reports'} ({listing})"
                       if reports else "none is a report")
        sources = (f"- **Sources:** {count(total, 'source', 'sources')}: {own_part}, and {report_part}."
                   if total else "- **Sources:** none.")

    if data.release is not None:
        named = _credit(data, lang)
        version = (f"- **版本**：{named}（截至日是数据涉及的最后一天，不是发布日）。" if zh else
                   f"- **Version:** {named} (the “as of” day is the last day the data speaks of, not the day it was released).")
    else:
        version = ("- **版本**：数据没有给出版本号和截至日，图表的署名只写「pricewar」。" if zh else
                   "- **Version:** the data names no version and no “as of” day; charts credit it as “pricewar” alone.")
    return "\n".join([prices, events, sources, version])


def _kind_rank(kind: str) -> int:
    return schema.SOURCE_KINDS.index(kind) if kind in schema.SOURCE_KINDS else len(schema.SOURCE_KINDS)


def _kind_count(kind: str, n: int, lang: str) -> str:
    words = KIND_WORDS.get(kind)
    if words is None:  # not a kind the schema knows: its own word, escaped
        return f"{whole(n)} {md(kind)}"
    if lang == "zh":
        measure, noun = words["zh"]
        return f"{whole(n)} {measure}{noun}"
    return count(n, *words["en"])


# --- 2. comparable ----------------------------------------------------------------------------------------
def comparable(data: Dataset, lang: str) -> str:
    per_k = whole(schema.UNITS["per_1k_tokens"] // schema.UNITS["per_1m_tokens"])
    w_in, w_out = schema.BLEND_WEIGHTS["input"], schema.BLEND_WEIGHTS["output"]
    weights = w_in + w_out
    fx = data.fx
    by = ("、" if lang == "zh" else ", ").join(_source_names(data, fx["source"], lang))
    months = (f"{whole(len(fx))} 个月，{md(fx['month'].iloc[0])} 至 {md(fx['month'].iloc[-1])}" if lang == "zh" else
              f"{count(len(fx), 'month', 'months')}, {md(fx['month'].iloc[0])} to {md(fx['month'].iloc[-1])}"
              ) if len(fx) else ""
    month, rate = _example_rate(data)

    if lang == "zh":
        rates = (f"按美元兑人民币（USD/CNY）月均汇率换算（来源：{by}；{months}）" if months else
                 "按美元兑人民币（USD/CNY）月均汇率换算")
        example = f"（如「按 {month} 月均汇率 {rate} 元/美元换算」）" if month else ""
        return "\n".join([
            f"- **单位**：来源给出的价格有按每千 tokens 计的，也有按每百万 tokens 计的；看板一律换算为每百万 tokens"
            f"（每千 tokens 的价格 × {per_k}）。数据按来源的原样保存每个价格：数字、币种和单位。",
            f"- **币种**：价格以元或美元标出，两种币种都可查看，{rates}。看板的每个页面、导出文件和 CSV 都遵循同一条换算规则：",
            "  - **价格曲线**把每个价格按其生效当月的汇率换算，因此每一级台阶保持水平；",
            "  - **某一日期的比较**——排行图及其标题、比值表及其句子、说法核查、故事和事件卡片、导出——把两个价格都按"
            "**该日期所在月份**的汇率换算，因此同一个比值在元和美元视图中相同；前后对比的两端都按结束日期所在月份的汇率换算；",
            "  - **同一币种**的两个价格之比或变化，从不经过汇率；",
            f"  - 经过汇率换算的句子或注释会写明所用汇率{example}；晚于最后一个已公布汇率的月份使用最后一个汇率，"
            "并注明这是暂定汇率。",
            "- **计价条件**：按输入长度分档的价格，每一档是一条单独的序列（如「Qwen3-Max 32–128k」），"
            "图表默认画最小的一档；分时段的价格，高峰或全天价格是模型的标准价，闲时价格是一条以其时段命名的单独序列"
            "（如「DeepSeek-V4-Pro 18:00–09:00, 12:00–14:00」）。打开「显示所有计价条件」可看到其他各档和闲时价格；"
            "数据页和模型页列出每一个条件。限时价到期后回到来源给出的价格，除非此前已有新的价格。",
            "- **证实**：每个价格最后获来源证实的日期是其来源所载的最后日期。一条序列的最后一个价格在此日期之后画成虚线"
            "（「此后未再获来源证实」）；标题、比值和说法核查只使用当日获证实的价格，否则写明价格最后获证实的日期。",
            "- **输入价**：一个模型的输入价包括它的「输入」行和「缓存未命中」行：按缓存定价的厂商把未命中价格作为"
            "与其他模型输入价相当的价格。缓存命中的输入价单独成一类。",
            f"- **混合价**=（{w_in} × 输入 + {w_out} × 输出）/ {weights}，在某一日期输入价和输出价都已知时计算"
            "（Artificial Analysis 的惯例）。",
            "- **阶梯序列**：一个价格从其日期起一直有效，直到同一厂商、模型、档位和类型的下一个价格；"
            "数据文件保留来源给出的每一个价格，序列只保留价格变化之处（重述而未变的价格不算新的一级）。",
            "- **免费**是单独的状态（价格为 0），因为对数坐标轴画不出 0：免费价格画在坐标轴下方一条标有「免费」的底线上；"
            "免费模型会被写明为免费，从不作为比值的分母。",
        ])
    rates = (f"at the monthly average USD/CNY rate (source: {by}; {months})" if months else
             "at the monthly average USD/CNY rate")
    example = f" (“converted at {month}'s average of {rate} 元 per US\\$”)" if month else ""
    return "\n".join([
        f"- **Units.** Sources state prices per thousand or per million tokens; every price is shown per million "
        f"tokens (a price per thousand × {per_k}). The data keeps each price as its source states it: number, "
        "currency and unit.",
        f"- **Currencies.** Prices are stated in 元 or US\\$ and shown in either, converted {rates}. "
        "The money rule, which every page, the export and the CSVs follow:",
        "  - a **price curve** converts each price at the month it took effect, so a step stays flat;",
        "  - every **comparison on a date** — the ranking and its title, the ratio table and its sentences, the claim "
        "checker, story and event cards, the export — converts both prices at **that date's month**, so a ratio is "
        "the same in the 元 and the US\\$ view; a before → after converts both ends at the end date's month;",
        "  - a ratio or a change of two prices **stated in the same currency** never goes through a rate;",
        f"  - a sentence or note that went through a rate names it{example}; a month after the last published rate "
        "uses the last one, and says that it is provisional.",
        "- **Conditions.** A price banded by input length is one series per band (“Qwen3-Max 32–128k”), and "
        "charts draw the smallest band; of prices by time of day, the peak or all-day price is the model's standard "
        "price and the off-peak price a series of its own, named by its hours (“DeepSeek-V4-Pro 18:00–09:00, "
        "12:00–14:00”). “Every pricing condition” draws the other bands and hours too; the data and model pages list "
        "every condition. A limited-time price falls back to the price its source names when it ends, unless a new "
        "price came first.",
        "- **Confirmation.** A price is confirmed up to the latest day a cited source states it. A series' last "
        "price is drawn dotted after that day (“not confirmed by any source since …”); titles, ratios and the claim "
        "checker use only prices confirmed on their day, or say when each was last confirmed.",
        "- **Input.** A model's input price is its input rows and its cache-miss rows together: vendors that price "
        "input by cache state the miss price as the one that compares with other models' input. Cached input "
        "(a cache hit) is a kind of its own.",
        f"- **Blended** price = ({w_in} × input + {w_out} × output) / {weights} wherever both are known on a date "
        "(the Artificial Analysis convention).",
        "- **Steps.** A price holds from its date until the next price of the same vendor, model, tier and kind. "
        "The data file keeps every price a source states; the series keep only the changes (a restated, unchanged "
        "price is not a new step).",
        "- **Free** is a state of its own (price 0), because a log axis cannot draw 0: free prices sit on a floor "
        "at the foot of the axis, labelled “free”; a free model is named as free and never divides a ratio.",
    ])


def _example_rate(data: Dataset) -> tuple[str, str]:
    """A month and its rate as a converted sentence names them: the month of the last price (else the last
    month with a rate); ("", "") without rates."""
    fx = data.fx
    if fx.empty:
        return "", ""
    rates = dict(zip(fx["month"], fx["usd_cny"], strict=True))
    last = data.prices["date"].max()
    month = pd.Timestamp(last).strftime("%Y-%m") if pd.notna(last) else ""
    if month not in rates:
        month = str(fx["month"].iloc[-1])
    return md(month), md(plain(rates[month], 5))


# --- 3. disputes ------------------------------------------------------------------------------------------
def disputed(data: Dataset) -> tuple[int, int]:
    """(price rows, events) that carry a dispute."""
    prices = int((data.prices["dispute_en"].astype("str").str.strip() != "").sum()) if len(data.prices) else 0
    events = int((data.events["dispute_en"].astype("str").str.strip() != "").sum()) if len(data.events) else 0
    return prices, events


def disputes(data: Dataset, lang: str) -> str:
    n_prices, n_events = disputed(data)
    if lang == "zh":
        p = f"有争议的价格 {whole(n_prices)} 行" if n_prices else "没有有争议的价格"
        e = f"有争议的事件 {whole(n_events)} 个" if n_events else "没有有争议的事件"
        return "\n".join([
            "每张图表都显示价格的来源以及各来源是否一致：",
            "",
            "- **实心标记**：价格的来源中有厂商本身的说法（它的价格页或公告）。",
            "- **空心标记**：价格只见于报道（文章、价格追踪）。",
            "- **深色圆环**围着一个点：该价格有争议；争议内容见该点的悬停提示和「数据与来源」页面。",
            "- 标记的**形状**代表厂商：每家厂商有自己的形状。",
            "",
            "来源之间有分歧时，数据保留证据最充分的说法（备注说明原因），并以中英两种语言列出其他每一种说法及其来源，"
            f"而不是悄悄把它们调和成一个数字。本数据中，{p}，{e}。",
        ])
    p = count(n_prices, "price row", "price rows") if n_prices else "no price row"
    e = count(n_events, "event", "events") if n_events else "no event"
    return "\n".join([
        "Every chart shows where a price comes from and whether its sources agree:",
        "",
        "- **A filled marker:** the vendor's own statement (its price page, an announcement) is among the price's "
        "sources.",
        "- **A hollow marker:** the price is known from reports only (an article, a price tracker).",
        "- **A dark ring** around a point: the price is disputed; the dispute is in the point's hover and on the "
        "Data & sources page.",
        "- A marker's **shape** is its vendor's: each vendor has its own.",
        "",
        "Where sources disagree, the data keeps the reading best supported (its note says why) and lists each other "
        "reading with its source, in both languages, rather than reconcile them into one number. "
        f"Disputed in this data: {p} and {e}.",
    ])


# --- 4. left out ------------------------------------------------------------------------------------------
def left_out(lang: str) -> str:
    intro = ("以下内容是有意没有收入数据的，每项附有原因。代码字体的名称是数据本身的标识：来源的编号（见「数据与来源」页面）、"
             "事件的编号（如时间线链接中的 `?event=minicpm-free`）或列名。" if lang == "zh" else
             "Left out of the data on purpose, each with its reason. Names in code type are the data's own: a "
             "source's id (see the Data & sources page), an event's id (as in a timeline link, "
             "`?event=minicpm-free`) or a column.")
    return "\n".join([intro, "", *(f"- {_prose(getattr(e, lang))}" for e in LEFT_OUT)])


# --- 5. corrections ---------------------------------------------------------------------------------------
def corrections(data: Dataset, lang: str) -> str:
    zh = lang == "zh"
    intro = ("看板发布过的数字、日期或结论的每一次更改：更正日期、原值、新值和原因；最新的在前，条目从不删除。" if zh else
             "Every change to a figure, date or verdict the dashboard published: when, the old and the new value, "
             "and why; newest first, never removed.")
    if data.missing("corrections") == "invalid":
        return "\n\n".join([intro, "`corrections.yaml` 有错误，已被略去；「数据与来源」页面列出了这些错误。" if zh else
                            "`corrections.yaml` has problems and is left out; the Data & sources page lists them."])
    if not data.corrections:
        return "\n\n".join([intro, "尚无更正。" if zh else "No corrections yet."])
    return "\n\n".join([intro, correction_list(data, lang)])


def correction_list(data: Dataset, lang: str) -> str:
    """Every correction as a Markdown list, newest first: what, before, now, why and the sources in words
    (a list, not a table: it reads on a phone)."""
    zh = lang == "zh"
    labels = ({"old": "原值", "new": "新值", "why": "原因", "sources": "来源"} if zh else
              {"old": "Before", "new": "Now", "why": "Why", "sources": "Sources"})
    colon = "：" if zh else ": "
    items = []
    for c in sorted(data.corrections, key=lambda c: c.date, reverse=True):  # stable: a day's entries in file order
        lines = [f"- **{md(c.date.isoformat())} · {md(c.subject[lang])}**"]
        lines += [f"  - {labels[f]}{colon}{md(getattr(c, f)[lang])}" for f in ("old", "new", "why")]
        if c.sources:
            lines.append(f"  - {labels['sources']}{colon}{('、' if zh else ', ').join(_source_names(data, c.sources, lang))}")
        items.append("\n".join(lines))
    return "\n".join(items)


# --- 6. cite ----------------------------------------------------------------------------------------------
def cite(data: Dataset, lang: str, address: str = "") -> str:
    zh = lang == "zh"
    where = md(address.strip()) if address.strip() else ""
    named = _credit(data, lang)
    if zh:
        dashboard = "，".join(p for p in (md(NAME[lang]), named, where) if p)
        parts = [
            (f"**看板**：写明名称、数据版本和截至日：{dashboard}。版本号随每次更正而变（见更正记录），"
             "读者由此知道你看到的是哪一版数字。" if named else
             f"**看板**：写明名称：{dashboard}。数据没有给出版本号，请同时写明你查看的日期。"),
            "",
            "**图表**：每张图表都带有自己的署名行，用文字列出来源（价格经过换算时还有汇率来源）和数据版本。"
            "下载的图片（PNG、SVG）已经包含署名行；视图的链接（浏览器地址栏中的地址，包含全部筛选条件）可以重现这张图表。",
            "",
            "**价格**：引用价格时写明它的日期和来源；「数据与来源」页面列出了每一行的来源和原话。",
        ]
    else:
        dashboard = ", ".join(p for p in (md(NAME[lang]), named, where) if p)
        parts = [
            (f"**The dashboard.** Give its name, the data's version and its “as of” day: {dashboard}. The version "
             "changes with every correction (see the corrections log), so it tells a reader which figures you saw."
             if named else
             f"**The dashboard.** Give its name: {dashboard}. The data names no version: give the day you looked "
             "as well."),
            "",
            "**A chart.** Every chart carries its own credit line, with its sources in words (and the exchange "
            "rates' when a price was converted) and the data's version. The images you download (PNG, SVG) have it "
            "built in, and the link of the view — the address in your browser, which holds every filter — "
            "reproduces the chart.",
            "",
            "**A price.** Quote it with its date and its source: the Data & sources page names each row's source "
            "and gives its own words.",
        ]
    example = _example(data, lang, named, where)
    parts += ["", ("例如：" if zh else "For example:"), "", f"> {example}"]
    return "\n".join(parts)


def _example(data: Dataset, lang: str, named: str, where: str) -> str:
    """One citation: the dashboard and a price of the data, with its date and source."""
    zh = lang == "zh"
    who = md(NAME[lang])
    about = ("；" if zh else "; ").join(p for p in (named, where) if p)
    row = _example_row(data)
    if row is None:
        return f"{who}（{about}）" if zh and about else f"{who} ({about})" if about else who
    label = md(model_label(str(row["model"]), str(row["tier"])))
    per_1m = round(float(row["price"]) * schema.UNITS.get(str(row["unit"]), 1), 10)
    price = md(money(per_1m, str(row["currency"]), lang))
    kind = PRICE_KIND_WORDS.get(str(row["kind"]), {}).get(lang) or md(row["kind"])
    day = md(_day(row["date"]))
    ids = [s.strip() for s in str(row["source"]).split(";") if s.strip()]
    source = ("、" if zh else ", ").join(_source_names(data, ids, lang, dated=True))
    if zh:
        intro = f"据 {who}（{about}）" if about else f"据 {who}"
        return f"{intro}，{label} 自 {day} 起的{kind}价格为每百万 tokens {price}（来源：{source}）。"
    intro = f"According to {who} ({about})" if about else f"According to {who}"
    said = "source" if len(ids) == 1 else "sources"
    return f"{intro}, {label}'s {kind} price was {price} per million tokens from {day} ({said}: {source})."


def _example_row(data: Dataset) -> pd.Series | None:
    """The price the citation example quotes: the latest a vendor itself stated (else the latest of all),
    the first of the file's rows on that day."""
    p = data.prices
    if p.empty:
        return None
    own = set(data.sources.loc[data.sources["kind"] == "vendor", "id"])
    by_vendor = p["source"].astype("str").map(lambda cell: any(s.strip() in own for s in cell.split(";")))
    pool = p[by_vendor] if by_vendor.any() else p
    latest = pool[pool["date"] == pool["date"].max()]
    return latest.sort_values("line", kind="stable").iloc[0]
