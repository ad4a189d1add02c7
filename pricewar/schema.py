"""The vocabulary of the data files: one place for every allowed value and unit.

Every other module (validation, normalization, figures, strings) takes these from here.
"""

from __future__ import annotations

# --- prices.csv -------------------------------------------------------------------------------------
PRICE_KINDS = ("input", "output", "cache_hit", "cache_miss")
"""Kinds a source states. ``cache_miss`` is the input price of vendors that price input by cache."""

SERIES_KINDS = ("input", "output", "cache_hit", "blended")
"""Kinds a chart plots. ``input`` merges ``input`` and ``cache_miss`` rows; ``blended`` is derived."""

KIND_TO_SERIES = {"input": "input", "cache_miss": "input", "output": "output", "cache_hit": "cache_hit"}

BLEND_WEIGHTS = {"input": 3, "output": 1}
"""The blended price: 3 parts input to 1 part output (the Artificial Analysis convention)."""

CURRENCIES = ("CNY", "USD")

UNITS = {"per_1k_tokens": 1_000, "per_1m_tokens": 1}
"""Unit as the source states it → factor that turns it into a price per million tokens."""

PRICE_REQUIRED = ("date", "vendor", "model", "tier", "kind", "price", "currency", "unit", "source", "quote",
                  "dispute")
PRICE_OPTIONAL = ("announced", "note")
PRICE_COLUMNS = PRICE_REQUIRED + PRICE_OPTIONAL
PRICE_KEY = ("vendor", "model", "tier", "kind", "date")

# --- events.yaml ------------------------------------------------------------------------------------
EVENT_TYPES = ("launch", "price_cut", "free", "promo_start", "promo_end", "price_restore", "price_rise",
               "consumer", "open_source", "claim", "market")
EVENT_VENDORLESS_TYPES = ("market", "claim")
"""Event types that may have no vendor (e.g. Nvidia's results, an analyst's claim)."""
IMPORTANCE = (1, 2, 3)
LANGS = ("zh", "en")

# --- sources.yaml -----------------------------------------------------------------------------------
SOURCE_KINDS = ("article", "tracker", "vendor", "dataset", "blog", "research")

# --- vendors.csv ------------------------------------------------------------------------------------
VENDOR_IDS = ("deepseek", "zhipu", "bytedance", "alibaba", "baidu", "tencent", "moonshot", "minimax",
              "modelbest", "iflytek", "openai", "anthropic", "google")
COUNTRIES = ("CN", "US")
OKABE_ITO = ("#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")
"""Okabe & Ito's colour-blind-safe palette. Vendors beyond its colours are told apart by dash and marker."""
DASHES = ("solid", "dash", "dot", "dashdot", "longdash")
MARKERS = ("circle", "square", "diamond", "triangle-up", "cross", "x", "star")
VENDOR_COLUMNS = ("id", "name_zh", "name_en", "country", "color", "dash", "marker")

# --- fx.csv -----------------------------------------------------------------------------------------
FX_COLUMNS = ("month", "usd_cny", "source")

# --- shared -----------------------------------------------------------------------------------------
ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
MONTH_PATTERN = r"^\d{4}-\d{2}$"
DISPUTE_SOURCE_PATTERN = r"\[([^\[\]]+)\]"
"""A dispute names the source of the other reading in square brackets: ``2 元 output [kazike-2024-05-22]``."""

FILES = {
    "prices": "prices.csv",
    "events": "events.yaml",
    "sources": "sources.yaml",
    "vendors": "vendors.csv",
    "fx": "fx.csv",
}
