"""Claim checker: every quantitative price claim of the articles, with the value the data gives."""

import pandas as pd
import streamlit as st

from pricewar import Dataset, i18n
from pricewar.claims import POINTS, RELATIVE, Outcome, evaluate_all, overall
from pricewar.findings import supported
from pricewar.records import Check
from pricewar.safe import md
from pricewar.text import money, per_year, plain, ratio_short, stated
from pricewar.trend import set_name
from ui.charts import layout_size
from ui.data import dataset, needs
from ui.view import language, page_view

data = dataset(language())
view = page_view(data, "claims")
lang = view.lang

COLOUR = {"holds": "green", "roughly": "orange", "fails": "red", "mixed": "violet", "baseline": "gray",
          "no_data": "gray", "not_checkable": "blue"}


def show_value(check: Check, value, claimed: bool = False) -> str:
    """A computed or claimed value as the table shows it; a claimed "at least" says so."""
    if value is None:
        return "—"
    if isinstance(value, tuple):
        return " – ".join(show_value(check, v, claimed) for v in value)  # a claimed range: "1 倍 – 1.5 倍"
    if claimed and check.bound == "at_least" and check.type in ("change", "cheaper", "ratio"):
        return at_least(check, value)
    if check.type == "change":
        text = "0%" if value == 0 else ("−" if value < 0 else "+") + plain(abs(value), 3) + "%"
    elif check.type == "cheaper":
        text = plain(value, 3) + "%"
    elif check.type == "level":
        text = money(value, check.currency, lang)
    elif check.type == "annual_decline":
        text = per_year(value, lang)
    elif claimed and value == 1:  # "几乎持平": a ratio of 1, not "="
        text = "1 倍" if lang == "zh" else "1×"
    else:
        text = ratio_short(value, lang) if value > 0 else "0"
    return i18n.t("claimed_at_least", lang, x=text) if claimed and check.bound == "at_least" else text


def at_least(check: Check, value: float) -> str:
    """A claimed "more than" figure in the claim's own terms: "a cut of at least 80%", "at most 1/30"."""
    if check.type == "ratio":
        key = "claimed_at_most" if value < 1 else "claimed_at_least"
        return i18n.t(key, lang, x=ratio_short(value, lang))
    if check.type == "change" and value < 0:
        return i18n.t("claimed_cut_at_least", lang, x=plain(-value, 3))
    return i18n.t("claimed_at_least", lang, x=plain(value, 3) + "%")


def price_rows(o: Outcome, data: Dataset) -> list[dict]:
    """The rows a verdict was computed from, as the card's table shows them, headed in the reader's language."""
    cols = {"model": i18n.t("col_model", lang), "kind": i18n.t("col_kind", lang), "date": i18n.t("col_date", lang),
            "price": i18n.t("col_price", lang), "currency": i18n.t("col_currency", lang),
            "stated": i18n.t("col_stated", lang), "source": i18n.t("col_source", lang),
            "line": i18n.t("col_line", lang), "fx": i18n.t("col_fx", lang),
            "confirmed": i18n.t("col_confirmed", lang)}
    if o.fit is not None:
        return [{cols["model"]: set_name(data, o.fit.label, lang), cols["kind"]: i18n.t("claim_fit", lang),
                 cols["date"]: "", cols["price"]: per_year(o.fit.factor, lang), cols["currency"]: "",
                 cols["stated"]: i18n.t("claim_fit_interval", lang, low=per_year(o.fit.low, lang),
                                        high=per_year(o.fit.high, lang)),
                 cols["source"]: "", cols["line"]: 0, cols["fx"]: "", cols["confirmed"]: ""}]
    return [{cols["model"]: p.model, cols["kind"]: i18n.t(f"kind_{p.kind}", lang), cols["date"]: f"{p.date:%Y-%m-%d}",
             cols["price"]: p.value, cols["currency"]: i18n.t(f"cur_{p.currency}", lang),
             cols["stated"]: stated(p.stated_price, p.stated_currency, p.stated_unit, lang), cols["source"]: p.source,
             cols["line"]: p.line, cols["fx"]: f"{p.usd_cny:.4f} ({p.fx_month})",
             cols["confirmed"]: (i18n.t("not_confirmed_since", lang, day=f"{p.unconfirmed_since:%Y-%m-%d}")
                                 if p.unconfirmed_since is not None else i18n.t("confirmed_that_day", lang))}
            for p in o.prices]


def _cell(value) -> str:
    """A table cell as Markdown: escaped (``md`` escapes "|" too), a line break (which would end a table's row
    or a list's item) a space."""
    return md(" ".join(str(value).split()))


def _markdown_table(frame: pd.DataFrame) -> str:
    """A small table of text as Markdown, to go in its card's one Markdown block (as st.table it was one more
    element per card for the browser to take in on every change)."""
    lines = ["| " + " | ".join(_cell(c) for c in frame.columns) + " |", "|" + " --- |" * len(frame.columns)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join(lines)


def _markdown_list(frame: pd.DataFrame, lang: str) -> str:
    """The same table for a phone, one line per row ("Kind: Input · Computed: 1/72 · …"): a table of four or
    five columns runs off a 390 px screen. Empty cells are left out."""
    colon = i18n.t("colon", lang)
    return "\n".join("- " + " · ".join(f"{_cell(col)}{colon}{_cell(v)}"
                                        for col, v in zip(frame.columns, row, strict=True) if str(v).strip())
                      for row in frame.itertuples(index=False))


def _cells(frame: pd.DataFrame) -> pd.DataFrame:
    """A small table for st.table (plain HTML: 28 cards' worth of interactive grids kept the browser busy
    for ~0.4 s on every change), its text cells escaped because st.table renders Markdown in them."""
    return frame.map(lambda v: md(v) if isinstance(v, str) else v)


@st.cache_resource(show_spinner=False, max_entries=8)
def claim_cards(version: str, lang: str, _data: Dataset) -> list[dict]:
    """Each claim as its card shows it: Markdown already escaped, its verdicts as a table in the card's text,
    the rows behind it as a small table. Built once per data version and language, for every reader: a rerun
    of this page then only lays the cards out."""
    sources = _data.sources.set_index("id")
    vendor_of = dict(zip(_data.series["model"], _data.series["vendor"], strict=True))
    cards = []
    for claim, outcomes in evaluate_all(_data):
        check, word = claim.check, overall(outcomes, claim.check)
        src = sources.loc[claim.source]
        title = src[f"title_{lang}"]
        link = f"[{md(title)}]({src['url']})" if src["url"] else md(title)
        table = pd.DataFrame(
            [
                {
                    i18n.t("col_kind", lang): i18n.t(f"kind_{o.kind}", lang) if o.kind else "",
                    i18n.t("col_baseline", lang): o.baseline.name(lang) if o.baseline else "",
                    i18n.t("col_computed", lang): show_value(check, o.computed),
                    i18n.t("col_claimed", lang): show_value(check, o.claimed, claimed=True),
                    i18n.t("col_verdict", lang): i18n.t("verdict_" + o.verdict, lang),
                }
                for o in outcomes
            ]
        )
        if not any(o.baseline for o in outcomes):
            table = table.drop(columns=[i18n.t("col_baseline", lang)])
        extra = [md(check.reason[lang])] if check.type == "not_checkable" else []
        fits = [o.fit for o in outcomes if o.fit is not None]
        if fits:
            extra.append(md(supported({"low": fits[0].low, "high": fits[0].high}, lang).capitalize()))
        elif check.type == "annual_decline":
            extra.append(md(i18n.t("claim_no_yearly", lang)))
        if check.each:
            extra.append(md(i18n.t(f"claim_each_{check.each}", lang)))
        doubtful = sorted({f"{p.model} ({p.unconfirmed_since:%Y-%m-%d})" for o in outcomes for p in o.prices
                           if p.unconfirmed_since is not None})
        if doubtful:  # a price carried past its last confirmation is said to be, with the day
            extra.append(md(i18n.t("claim_unconfirmed", lang, models=("、" if lang == "zh" else ", ").join(doubtful))))
        rows = pd.DataFrame([r for o in outcomes for r in price_rows(o, _data)])
        cards.append(
            {
                "id": claim.id,
                "word": word,
                "vendors": {vendor_of[r.model] for r in claim.refs if r.model in vendor_of},
                "text": f"**{md(claim.claim[lang])}**  \n:{COLOUR[word]}-badge[{i18n.t('verdict_' + word, lang)}]"
                f"\n\n> {md(claim.quote)}\n\n{i18n.t('claim_said_by', lang)}: {md(claim.said_by[lang])}"
                f" · {link}" + "".join(f"\n\n{e}" for e in extra)
                + (f"\n\n:small[:gray[{md(claim.note[lang])}]]" if claim.note else ""),
                "verdicts": {"page": f"\n\n{_markdown_table(table)}", "phone": f"\n\n{_markdown_list(table, lang)}"}
                if check.type != "not_checkable" else {"page": "", "phone": ""},
                "rows": _cells(rows) if len(rows) else None,
            }
        )
    return cards


if not view.embed:
    st.title(i18n.t("page_claims", lang))
    st.caption(i18n.t("claims_intro", lang, holds=f"{RELATIVE[0]:.0%}", roughly=f"{RELATIVE[1]:.0%}",
                      holds_points=f"{POINTS[0]:g}", roughly_points=f"{POINTS[1]:g}"))
layout = layout_size()
if needs(data, "claims", lang):
    cards = every = claim_cards(data.key, lang, data)
    if view.vendors:  # a claim is shown when it names a chosen vendor's model, or no model (the whole market)
        cards = [c for c in every if not c["vendors"] or c["vendors"] & set(view.vendors)]
    words = [c["word"] for c in cards]
    if not view.embed:
        counts = {v: words.count(v) for v in ("holds", "roughly", "mixed", "fails", "baseline", "not_checkable",
                                              "no_data")}
        st.markdown(md(i18n.t("claims_summary", lang, n=len(cards), **counts)))
        if view.vendors:
            st.caption(i18n.t("claims_filtered", lang, shown=len(cards), total=len(every)))
    for card in cards:
        with st.container(border=True):
            # one Markdown block per card, its verdicts' table too: every element is a message the browser must
            # take in on every change
            st.markdown(card["text"] + card["verdicts"][layout])
            if card["rows"] is None:
                continue
            # drawn only when opened: 28 tables of price rows, mostly never looked at, made every change slow
            rows = st.expander(i18n.t("claim_rows", lang), key=f"rows_{card['id']}", on_change="rerun")
            if rows.open:
                rows.table(card["rows"], hide_index=True)
