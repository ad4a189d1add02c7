"""Numbers and filters in words, for titles, subtitles and source lines: one place for how the product
writes a price, a view's filters, its sources and the exchange rates it used. Plain text (escape before it
enters a figure or Markdown)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from pricewar import i18n
from pricewar.view import View


def plain(value: float, digits: int = 3) -> str:
    """``value`` to ``digits`` significant digits, never in scientific notation: 0.00005, 0.00123, 13.9."""
    return np.format_float_positional(float(value), precision=digits, unique=False, fractional=False, trim="-")


def whole(value: float) -> str:
    """A whole number with thousands separators: 1,140,108."""
    return f"{round(value):,}"


def money(value: float, currency: str, lang: str) -> str:
    """1 → "1 元" / "¥1"; small numbers keep three significant digits; 0 → free."""
    if value == 0:
        return i18n.t("free", lang)
    if value >= 100:
        text = whole(value)
    elif value >= 1:
        text = f"{value:.2f}".rstrip("0").rstrip(".")
    else:
        text = plain(value)
    if currency == "CNY":
        return f"{text} 元" if lang == "zh" else f"¥{text}"
    return f"{text} 美元" if lang == "zh" else f"${text}"


RATIO_FORMS = ("times", "share", "same", "about")


def ratio_form(ratio: float) -> tuple[str, str]:
    """How a writer states ``ratio`` (A ÷ B, both paid): ("times", "207") from 10 up as a whole number and
    ("times", "2.1") from 1 to 10 with one decimal; ("share", "80%") from 1/2 to 1; ("share", "1/72") below
    1/2; ("same", "") when equal and ("about", "") when the rounding would show 1.0× or 100%."""
    if ratio == 1:
        return "same", ""
    if ratio > 1:
        if round(ratio, 1) >= 10:
            return "times", whole(ratio)
        shown = f"{ratio:.1f}"
        return ("about", "") if shown == "1.0" else ("times", shown)
    if ratio >= 0.5:
        shown = f"{ratio * 100:.0f}"
        return ("about", "") if shown == "100" else ("share", f"{shown}%")
    inverse = 1 / ratio
    return "share", "1/" + (whole(inverse) if round(inverse, 1) >= 10 else f"{inverse:.1f}".removesuffix(".0"))


def factor(value: float) -> str:
    """A factor per year: whole from 10 up, one decimal from 1 to 10, two significant digits below 1."""
    if round(value, 1) >= 10:
        return whole(value)
    return f"{value:.1f}" if value >= 1 else plain(value, 2)


def per_year(value: float, lang: str, rise: bool = False) -> str:
    """A yearly factor as each language states it: "15×" / "1/15" (Chinese style guides state a fall as
    what it falls to, never as "下降 15 倍"); a factor below 1 is a rise: "0.8×" / "1.3 倍". With ``rise``
    the factor is a rise already (2 = twice as dear): "2.0×" / "2.0 倍"."""
    if lang != "zh":
        return factor(value) + "×"
    if rise:
        return factor(value) + " 倍"
    return "1/" + factor(value) if value >= 1 else factor(1 / value) + " 倍"


def rate_range(result: dict, lang: str) -> str:
    """The fit as a table cell: "13× (5.5×–33×)" / "1/13（1/5.5–1/33）"."""
    f, lo, hi = (per_year(result[k], lang) for k in ("factor", "low", "high"))
    return f"{f}（{lo}–{hi}）" if lang == "zh" else f"{f} ({lo.removesuffix('×')}–{hi})"


def published_range(low: float, high: float | None, lang: str) -> str:
    """A published figure as published (9, 900, 40 — not rounded like a computed factor; a figure derived
    from a half-life to three digits): "9–900×" / "1/9–1/900", "at least 10×" / "至少降至 1/10" when it has no
    upper bound; factors below 1 are a rise, said as one: "rises 3–18×" / "上升 3–18 倍"."""
    def one(x: float) -> str:
        return f"1/{plain(x, 3)}" if lang == "zh" else f"{plain(x, 3)}×"
    if high is None:
        return i18n.t("at_least_per_year", lang, x=one(low))
    if high < 1:  # a rise: the dearer end first as a number of times
        a, b = plain(1 / high, 3), plain(1 / low, 3)
        return i18n.t("rises_per_year", lang, x=a if a == b else f"{a}–{b}")
    return one(low) if low == high else f"{one(low).removesuffix('×')}–{one(high)}"


def ratio_short(ratio: float, lang: str) -> str:
    """The ratio alone, for a table cell: "207×" / "207 倍", "80%", "1/72", "=" / "≈"."""
    form, number = ratio_form(ratio)
    if form == "times":
        return f"{number} 倍" if lang == "zh" else f"{number}×"
    return {"same": "=", "about": "≈"}.get(form, number)


def compare(a: str, b: str, ratio: float, lang: str) -> str:
    """A sentence to quote about two paid prices, naming both: "GPT-4 8k costs 207× as much as
    DeepSeek-V2", "DeepSeek-V2 的价格是 GPT-4 8k 的 1/207"."""
    form, number = ratio_form(ratio)
    return i18n.t(f"ratio_{form}", lang, a=a, b=b, x=number)


def kind_label(kind: str, lang: str) -> str:
    return i18n.t(f"kind_{kind}", lang)


def stated(price: float, currency: str, per: str, lang: str) -> str:
    """A price as its source states it, in words: "0.0005 元 / 千 tokens", "10 US$ per million tokens"."""
    return i18n.t(f"stated_{per}", lang, price=plain(price, 6), cur=i18n.t(f"cur_{currency}", lang))


def unit(currency: str, lang: str) -> str:
    """"元 / 百万 tokens", "US$ per million tokens"."""
    return i18n.t("unit_per_m", lang, cur=i18n.t(f"cur_{currency}", lang))


def vendor_names(vendors: pd.DataFrame, lang: str) -> dict[str, str]:
    col = "name_zh" if lang == "zh" else "name_en"
    return dict(zip(vendors["id"], vendors[col], strict=True))


def filters_in_words(view: View, vendors: pd.DataFrame, lang: str, *, prices: bool = True, dates: bool = True) -> str:
    """The view's filters as a phrase for a subtitle: vendors; date range; price kind; unit."""
    names = vendor_names(vendors, lang)
    sep = "、" if lang == "zh" else ", "
    parts = [sep.join(names.get(v, v) for v in view.vendors) if view.vendors else i18n.t("vendors_all", lang)]
    if dates:
        parts.append(i18n.t("date_span", lang, start=view.start.isoformat(), end=view.end.isoformat()))
    if prices:
        parts.append(kind_label(view.kind, lang))
        parts.append(unit(view.currency, lang))
    return ("；" if lang == "zh" else "; ").join(parts)


def conditions_in_words(rows: pd.DataFrame, view: View, lang: str) -> str:
    """Which price the lines are, when some model is sold under conditions: "smallest input band; peak
    price" (the standard) or "every band and off-peak hour as its own line"; "" when every price is one
    number per model."""
    if "condition_en" not in rows or not (rows["condition_en"].fillna("") != "").any():
        return ""
    if view.conditions == "all":
        return i18n.t("conditions_every", lang)
    banded = "band_from" in rows and rows["band_from"].notna().any()
    timed = "period" in rows and (rows["period"].fillna("") != "").any()
    parts = [i18n.t(k, lang) for k, on in (("conditions_band", banded), ("conditions_peak", timed)) if on]
    return ("，" if lang == "zh" else ", ").join(parts)


def fx_note(rows: pd.DataFrame, currency: str, lang: str) -> str:
    """The rates used, when any shown price was converted from its stated currency."""
    converted = rows["currency"] != currency
    if not converted.any():
        return ""
    rates = dict(zip(rows["fx_month"][converted].tolist(), rows["usd_cny"][converted].tolist(), strict=True))
    parts = [f"{m} {plain(rates[m], 5)}" for m in sorted(rates)]
    if len(parts) > 4:
        parts = [*parts[:2], "…", *parts[-1:]]
    note = i18n.t("fx_note", lang, rates=", ".join(parts))
    if "fx_provisional" in rows and rows["fx_provisional"][converted].astype(bool).any():
        last = max(rows["fx_month"][converted & rows["fx_provisional"].astype(bool)].astype(str))
        note += i18n.t("fx_provisional", lang, month=last)
    return note


def credit(release, lang: str) -> str:
    """"pricewar data 2026.12.1, as of 2026-12-01": the data's version and day, or "pricewar" without one."""
    if release is None:
        return "pricewar"
    return i18n.t("credit", lang, version=release.version, as_of=release.as_of.isoformat())


@dataclass(frozen=True)
class Credit:
    """What a chart's printed credit line is made of: the sources' names in the reader's language (source id →
    (name, date)), the exchange rates' source, the data's version and day, the view's public address
    ("" without a public base URL) and the journalist's byline."""

    names: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    fx: str = ""
    by: str = "pricewar"
    address: str = ""
    byline: str = ""


def cited(rows: pd.DataFrame, column: str = "source") -> list[str]:
    """The source ids behind ``rows``, the most cited first (ties in order of first use)."""
    counts: dict[str, int] = {}
    for cell in rows[column].tolist():
        for s in str(cell).split(";"):
            if s := s.strip():
                counts[s] = counts.get(s, 0) + 1
    return sorted(counts, key=lambda s: -counts[s])


def credit_line(credit: Credit, ids: Sequence[str], converted: bool, lang: str, room: float, size: float = 11,
                lines: int = 2) -> str:
    """"Sources: IT Times (2025-02-13), AI Tech Base Camp (2024-05-25) and 7 more; exchange rates: US Federal
    Reserve H.10 · pricewar data 2026.12.1, as of 2025-06-30 · example.org/prices": outlets in words, as many
    named as fit in ``lines`` lines of ``room`` pixels (at least one), never an internal id. The address is
    shortened to the site's own when the whole one does not fit."""
    outlets: dict[str, str] = {}  # name → its newest date: one outlet cited twice is named once
    for s in ids:
        name, day = credit.names.get(s, ("", ""))
        if name and (name not in outlets or day > outlets[name]):
            outlets[name] = day
    sep = "、" if lang == "zh" else ", "
    named = [i18n.t("credit_dated", lang, name=n, date=d) if d else n for n, d in outlets.items()]
    fx = i18n.t("credit_fx", lang, name=credit.fx) if converted and credit.fx else ""
    head = [i18n.t("credit_byline", lang, byline=credit.byline)] if credit.byline else []
    address = credit.address.removeprefix("https://").removeprefix("http://")

    def line(k: int, where: str) -> str:
        if not named:
            sources = ""
        elif k >= len(named):
            sources = i18n.t("credit_sources" if len(named) > 1 else "credit_source", lang, names=sep.join(named))
        else:
            # "等 9 个来源" counts them all, "and 7 more" the ones not named
            count = len(named) if lang == "zh" else len(named) - k
            sources = i18n.t("credit_sources_more", lang, names=sep.join(named[:k]), count=count)
        return " · ".join(p for p in [*head, sources + fx, credit.by, where] if p)

    short = address.split("?")[0]
    for where in dict.fromkeys((address, short)):
        for k in range(min(len(named), 4), 0, -1) if named else (0,):
            text = line(k, where)
            if len(wrap(text, size, room)) <= lines:
                return text
    return line(1, short)


def source_names(credit: Credit, cell: str) -> str:
    """The sources of one row in words, for a CSV: "IT Times (2025-02-13); OpenAI (2024-05-13)"."""
    out = []
    for s in str(cell).split(";"):
        name, day = credit.names.get(s.strip(), ("", ""))
        if name:
            out.append(f"{name} ({day})" if day else name)
    return "; ".join(out)


CITED = re.compile(r"(\s*)\[([a-z0-9][a-z0-9._-]*)\]")
"""A source cited by its id in a dispute or a note: ``[aikeji-2024-05-25]``."""


def cited_in_words(text: str, credit: Credit, lang: str) -> str:
    """``text`` with each ``[source-id]`` it cites as the source's name and date in ``lang``:
    "… [aikeji-2024-05-25]" → "… (AI Tech Base Camp, 2024-05-25)", "…（AI科技大本营，2024-05-25）". An id the
    credit does not know stays as written."""
    def name(match: re.Match) -> str:
        found, day = credit.names.get(match.group(2), ("", ""))
        if not found:
            return match.group(0)
        if lang == "zh":  # a full-width bracket needs no space before it
            return f"（{found}，{day}）" if day else f"（{found}）"
        return match.group(1) + (f"({found}, {day})" if day else f"({found})")
    return CITED.sub(name, str(text))


GLUE = re.compile(r"(?<=[0-9A-Za-z%×.)]) (?=[\u2e80-\uffff])|(?<=[\u2e80-\uffff]) (?=[0-9])")
"""A space that Chinese text puts around a number ("等 19 个来源"): never a line break."""
ATOMS = re.compile(r"[（《「“]?(?:[\x21-\x7e]+|[^\x00-\x7f\xa0])(?:\xa0(?:[\x21-\x7e]+|[^\x00-\x7f\xa0]))*"
                   r"[）》」”，、。：；！？]*\s*|.")
"""What a run without spaces may be split into: a Latin word or one character, with glued neighbours (an
opening bracket to what follows it, closing punctuation to what precedes it)."""


def wrap(text: str, size: float, width_px: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width_px`` (at font ``size``), at spaces where there are
    any, else between characters (Chinese has no spaces) — never inside a Latin word, nor between a number
    and the Chinese word it counts."""
    lines, line = [], ""
    for token in re.findall(r"[^ ]+ *| +", GLUE.sub("\xa0", text)):
        if text_width(line + token.rstrip(), size) > width_px:
            if text_width(token.rstrip(), size) > width_px:  # a long run without spaces (Chinese): split it
                # a long name breaks after its hyphens first ("DeepSeek-V4.1-" / "Flash"), letters only if need be
                latin = re.fullmatch(r"[\x21-\x7e\xa0]+\s*", token) and re.search(r"[A-Za-z]-", token)
                parts = re.findall(r"[^-]*-|[^-]+", token) if latin else [token]
                pieces = [a for part in parts for a in ([part] if text_width(part, size) <= width_px
                                                        else ATOMS.findall(part))]
                pieces = [c for p in pieces for c in (p if text_width(p, size) > width_px else [p])]
                for ch in pieces:
                    if line and text_width(line + ch, size) > width_px:
                        lines.append(line.rstrip())
                        line = ""
                    line += ch
                continue
            if line:
                lines.append(line.rstrip())
            line = ""
        line += token
    if line.strip():
        lines.append(line.rstrip())
    return [part.replace("\xa0", " ") for part in lines] or [""]


def text_width(text: str, size: int = 11) -> float:
    """Rough pixel width: CJK characters are about one em, others about 0.58 em."""
    return sum(size if ord(c) > 0x2E80 else size * 0.58 for c in text)
