"""Numbers and filters in words, for titles, subtitles and source lines: one place for how the product
writes a price, a view's filters, its sources and the exchange rates it used. Plain text (escape before it
enters a figure or Markdown)."""

from __future__ import annotations

import re

import pandas as pd

from pricewar import i18n
from pricewar.view import View


def money(value: float, currency: str, lang: str) -> str:
    """1 → "1 元" / "CNY 1"; small numbers keep their significant digits; 0 → free."""
    if value == 0:
        return i18n.t("free", lang)
    if value >= 100:
        text = f"{value:,.0f}"
    elif value >= 1:
        text = f"{value:.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{value:.3g}"
    if currency == "CNY":
        return f"{text} 元" if lang == "zh" else f"¥{text}"
    return f"{text} 美元" if lang == "zh" else f"${text}"


def kind_label(kind: str, lang: str) -> str:
    return i18n.t(f"kind_{kind}", lang)


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


def fx_note(rows: pd.DataFrame, currency: str, lang: str) -> str:
    """The rates used, when any shown price was converted from its stated currency."""
    converted = rows["currency"] != currency
    if not converted.any():
        return ""
    rates = dict(zip(rows["fx_month"][converted].tolist(), rows["usd_cny"][converted].tolist(), strict=True))
    parts = [f"{m} {rates[m]:.4g}" for m in sorted(rates)]
    if len(parts) > 4:
        parts = [*parts[:2], "…", *parts[-1:]]
    return i18n.t("fx_note", lang, rates=", ".join(parts))


def source_line(rows: pd.DataFrame, lang: str, column: str = "source", limit: int = 6) -> str:
    """"Source: a, b, c +2 · pricewar": the source ids behind the rows, in order of first use."""
    ids = list(dict.fromkeys(s.strip() for cell in rows[column] for s in str(cell).split(";") if s.strip()))
    shown = ", ".join(ids[:limit]) + (f" +{len(ids) - limit}" if len(ids) > limit else "")
    return i18n.t("source_line", lang, sources=shown or "—")


def wrap(text: str, size: float, width_px: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width_px`` (at font ``size``), at spaces where there are
    any, else between characters (Chinese has no spaces)."""
    lines, line = [], ""
    for token in re.findall(r"\S+\s*|\s+", text):
        if line and text_width(line + token.rstrip(), size) > width_px:
            if text_width(token, size) > width_px:  # a long run without spaces: split it by characters
                for ch in token:
                    if text_width(line + ch, size) > width_px:
                        lines.append(line.rstrip())
                        line = ""
                    line += ch
                continue
            lines.append(line.rstrip())
            line = ""
        line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def text_width(text: str, size: int = 11) -> float:
    """Rough pixel width: CJK characters are about one em, others about 0.58 em."""
    return sum(size if ord(c) > 0x2E80 else size * 0.58 for c in text)
