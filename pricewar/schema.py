"""The vocabulary of the data files: one place for every allowed value, unit, file and field.

Every other module (validation, normalization, figures, strings, the URL parameters) takes these from here.
"""

from __future__ import annotations

import unicodedata

LANGS = ("zh", "en")
"""Every text a reader sees exists in these languages; ``zh`` is the default."""


def in_lang(field: str, lang: str) -> str:
    """The column holding ``field``'s text in ``lang``: ``note`` → ``note_zh``. A reader-facing free text
    of the data has one bilingual form: in YAML a mapping ``{zh: …, en: …}``, in CSV two columns
    ``<field>_zh`` and ``<field>_en``; in the loaded frames, always the two columns."""
    return f"{field}_{lang}"


def bilingual(field: str) -> tuple[str, ...]:
    """``note`` → ``("note_zh", "note_en")``."""
    return tuple(in_lang(field, lang) for lang in LANGS)


def label_length(text: str, lang: str) -> float:
    """How long ``text`` prints, in the unit of ``lang``'s length limits (:data:`SOURCE_NAME_MAX`,
    :data:`EVENT_SHORT_MAX`): in Chinese a Chinese (wide) character counts one and a narrow one — a Latin
    letter, digit, space or ASCII sign, half as wide — half; in English every character counts one (a wide
    one two). ``DeepSeek-V2 输入 1 元`` is 10.5 Chinese characters long, ``IT Times`` 8 English ones: the
    Chinese limits are half the English ones because the text takes the same room."""
    columns = sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)
    return columns / 2 if lang == "zh" else columns


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

PRICE_TEXTS = ("dispute", "note")
"""prices.csv's reader-facing free texts, each as a ``_zh`` and an ``_en`` column."""

PRICE_REQUIRED = ("date", "vendor", "model", "tier", "kind", "price", "currency", "unit", "source", "quote",
                  *bilingual("dispute"))
PRICE_CONDITIONS = ("band_from", "band_to", "period", "hours", "tz", "days", "ends", "then", "confirmed")
"""How today's prices are sold, each an optional column (a file without them is read as before):

* ``band_from`` / ``band_to`` — an input-length band in thousands of tokens (``0`` / ``32`` = up to 32k
  tokens of input; an empty ``band_to`` = no upper bound). The band is part of the series: each band is a
  series of its own, named by its bounds ("Qwen3-Max 32–128k"); a chart draws a model's smallest band.
* ``period`` / ``hours`` / ``tz`` / ``days`` — a time-of-day price: ``peak`` or ``off_peak``, the hours
  it applies (``HH:MM-HH:MM``, past midnight allowed; several separated by ``;``), their time zone
  (``UTC+8``) and ``every_day`` or ``weekdays`` (peak hours on weekdays only: the weekend is off-peak all
  day, and an off-peak row's hours are its weekday hours). The peak price continues the model's standard
  series; the off-peak price is a series of its own, named by its hours ("DeepSeek-V4-Pro 00:30–08:30").
* ``ends`` / ``then`` — a limited-time price: the first day it no longer applies, as announced, and the
  price it falls back to (in the row's currency and unit; empty: the series ends — discount hours that
  are withdrawn, a model no longer sold). A later row of the series before ``ends`` (a discount made
  permanent) replaces it.
* ``confirmed`` — the last day a cited source states this price as the one in effect. A series is drawn
  as confirmed up to it and as "not confirmed since …" after it, when no later row follows."""
PERIODS = ("peak", "off_peak")
DAY_RULES = ("every_day", "weekdays")
_RANGE = r"([01]\d|2[0-4]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d"
HOURS_PATTERN = rf"^{_RANGE}(;{_RANGE})*$"
TZ_PATTERN = r"^UTC[+-](0?\d|1[0-4])(:[0-5]\d)?$"
PRICE_OPTIONAL = ("announced", *bilingual("note"), *PRICE_CONDITIONS)
PRICE_COLUMNS = PRICE_REQUIRED + PRICE_OPTIONAL
PRICE_KEY = ("vendor", "model", "tier", "kind", "date")

# --- events.yaml ------------------------------------------------------------------------------------
EVENT_TYPES = ("launch", "price_cut", "free", "promo_start", "promo_end", "price_restore", "price_rise",
               "consumer", "open_source", "claim", "market")
EVENT_VENDORLESS_TYPES = ("market", "claim")
"""Event types that may have no vendor (e.g. Nvidia's results, an analyst's claim)."""
IMPORTANCE = (1, 2, 3)
EVENT_FIELDS = ("id", "date", "effective", "vendor", "type", "importance", "title", "short", "summary", "sources",
                "models", "dispute", "note")
EVENT_TEXTS = ("title", "short", "summary", "dispute", "note")
"""The event's bilingual texts (``title``, ``short`` and ``summary`` required)."""
EVENT_SHORT_MAX = {"zh": 14, "en": 28}
"""The most characters of an event's ``short``: the label printed on the timeline beside its marker
("DeepSeek-V2 at ¥1/M input" / "DeepSeek-V2 输入 1 元"), measured by :func:`label_length`."""

# --- sources.yaml -----------------------------------------------------------------------------------
SOURCE_KINDS = ("article", "tracker", "vendor", "dataset", "blog", "research")
SOURCE_FIELDS = ("id", "kind", "title", "name", "outlet", "author", "published", "dated", "url", "seed",
                 "language", "note")
SOURCE_TEXTS = ("name", "outlet", "author", "dated", "note")
"""The source's bilingual texts: the outlet's name as a credit line prints it, who published it (in
full), who wrote it and in what role, how an undated source was dated, where to find one without a link.
``title`` stays as the source wrote it."""
SOURCE_NAME_MAX = {"zh": 16, "en": 32}
"""The most characters of a source's ``name``: the outlet as a chart's printed credit line names it
("IT Times" / "IT时报"), measured by :func:`label_length`."""

# --- vendors.csv ------------------------------------------------------------------------------------
OKABE_ITO = ("#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")
"""Okabe & Ito's colour-blind-safe palette. Vendors beyond its colours are told apart by dash and marker."""
DASHES = ("solid", "dash", "dot", "dashdot", "longdash")
MARKERS = ("circle", "square", "diamond", "pentagon", "hexagon", "hexagram", "star", "star-square", "star-diamond",
           "hourglass", "bowtie", "diamond-wide", "diamond-tall", "triangle-up", "cross", "x")
"""Marker shapes a vendor may have: the vendor's mark on every chart (each has a hollow "-open" form). No
triangle pointing down or sideways: ▼ and ▲ mean a cut and a rise in the charts' labels."""
VENDOR_COLUMNS = ("id", "name_zh", "name_en", "country", "color", "dash", "marker")
COUNTRIES = frozenset("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT
BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH
ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT
HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS
LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI
NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG
SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG
UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
""".split())
"""ISO 3166-1 alpha-2 country codes (the list tzdata's iso3166.tab carries)."""

# --- fx.csv -----------------------------------------------------------------------------------------
FX_COLUMNS = ("month", "usd_cny", "source")

# --- claims.yaml ------------------------------------------------------------------------------------
CHECK_TYPES = ("ratio", "cheaper", "change", "level", "annual_decline", "not_checkable")
BOUNDS = ("about", "at_least")
"""``about``: the claimed figure within a tolerance; ``at_least``: the figure or beyond it ("95% 以上")."""
EACH = ("all", "most")
"""A change claim naming several subjects: each must hold, or most must ("大多在80%以上")."""
CLAIM_FIELDS = ("id", "source", "said_by", "quote", "claim", "check", "note")
CLAIM_TEXTS = ("claim", "said_by", "note")
CHECK_FIELDS = ("type", "a", "b", "date", "a_date", "b_date", "from", "to", "kinds", "claimed", "currency",
                "class", "bound", "each", "reason")
MODEL_REF_FIELDS = ("model", "tier", "from", "to")
BASELINE_SET_FIELDS = ("label", "models")

# --- classes.yaml -----------------------------------------------------------------------------------
CLASS_FIELDS = ("id", "name", "models", "note")

# --- published_rates.yaml ---------------------------------------------------------------------------
RATE_FIELDS = ("id", "source", "who", "factor_low", "factor_high", "headline", "method", "differs")
RATE_TEXTS = ("who", "headline", "method", "differs")
"""``factor_high`` may be left out: the figure is "at least factor_low" (Robin Li's "90%以上").
``differs`` says how its method differs from the dataset's own fit."""

# --- corrections.yaml -------------------------------------------------------------------------------
RELEASE_FIELDS = ("version", "as_of")
"""The data's release: a version and the day it speaks as of, shown on every chart, CSV and export."""
CORRECTION_FIELDS = ("id", "date", "subject", "old", "new", "why", "sources")
CORRECTION_TEXTS = ("subject", "old", "new", "why")
"""Every change to a figure the dashboard published: when, which figure, the old and new value, why."""

# --- shared -----------------------------------------------------------------------------------------
ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
MONTH_PATTERN = r"^\d{4}-\d{2}$"
DISPUTE_SOURCE_PATTERN = r"\[([^\[\]]+)\]"
"""A dispute names the source of the other reading in square brackets: ``2 元 output [kazike-2024-05-22]``."""

FILES = {
    "prices": "prices.csv",
    "sources": "sources.yaml",
    "vendors": "vendors.csv",
    "fx": "fx.csv",
    "events": "events.yaml",
    "claims": "claims.yaml",
    "classes": "classes.yaml",
    "rates": "published_rates.yaml",
    "corrections": "corrections.yaml",
}
"""Every file of a data folder, by the name the code uses for it."""

REQUIRED_FILES = ("prices", "sources", "vendors", "fx")
OPTIONAL_FILES = ("events", "claims", "classes", "rates", "corrections")
"""May be absent or hold an empty list: the pages that need one say so; the others render as usual."""

TOP_KEYS = {"events": "events", "sources": "sources", "claims": "claims", "classes": "classes", "rates": "rates",
            "corrections": "corrections"}
"""The top-level list key of each YAML file."""
