"""Every user-facing string in 中文 and English. Pages look strings up here; nothing is translated inline."""

from __future__ import annotations

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"

STRINGS: dict[str, dict[str, str]] = {
    "app_title": {"zh": "大模型 API 价格战", "en": "The LLM API price war"},
    "app_tagline": {
        "zh": "2024–2025 年大模型 API 降价潮：每个价格都注明日期与来源。",
        "en": "The 2024–2025 LLM API price war: every price dated and cited.",
    },
    "page_overview": {"zh": "概览", "en": "Overview"},
    "language": {"zh": "语言 / Language", "en": "语言 / Language"},
    "metric_prices": {"zh": "价格记录", "en": "Price records"},
    "metric_models": {"zh": "模型", "en": "Models"},
    "metric_vendors": {"zh": "厂商", "en": "Vendors"},
    "metric_events": {"zh": "事件", "en": "Events"},
    "metric_sources": {"zh": "来源", "en": "Sources"},
    "metric_disputes": {"zh": "存在争议", "en": "Disputed facts"},
    "coverage": {
        "zh": "价格日期范围：{start} 至 {end}。汇率：美联储 H.10 / FRED EXCHUS 月均值。",
        "en": "Prices dated {start} to {end}. Exchange rates: Federal Reserve H.10 / FRED EXCHUS monthly averages.",
    },
    "coming_soon": {
        "zh": "时间线、价格曲线、厂商对比与数据来源页面即将上线。",
        "en": "The timeline, price curves, vendor comparison and data & sources pages are coming next.",
    },
    "data_invalid": {
        "zh": "数据文件有误，无法显示。问题如下（{summary}）：",
        "en": "The data files have problems, so nothing can be shown ({summary}):",
    },
    "data_missing": {"zh": "找不到数据文件夹：{path}", "en": "Data folder not found: {path}"},
    "bad_param": {
        "zh": "网址参数 {name}={value} 无效，已改用默认值。",
        "en": "The link's {name}={value} is not valid; the default is shown instead.",
    },
}


def count_problems(problems: int, files: int, lang: str) -> str:
    """"3 problems in 2 files" / "2 个文件中有 3 个问题"."""
    if lang == "zh":
        return f"{files} 个文件中有 {problems} 个问题"
    return (f"{problems} problem{'s' if problems != 1 else ''} in {files} file{'s' if files != 1 else ''}")


def t(key: str, lang: str, **values: object) -> str:
    """The string ``key`` in ``lang`` (zh or en), with ``{placeholders}`` filled from ``values``."""
    text = STRINGS[key][lang if lang in LANGS else DEFAULT_LANG]
    return text.format(**values) if values else text
