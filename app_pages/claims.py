"""Claim checker: every quantitative price claim of the articles, with the value the data gives."""

import pandas as pd
import streamlit as st

from pricewar import i18n
from pricewar.claims import claim_models, overall
from pricewar.figures import money
from pricewar.safe import md
from ui.state import claim_results, claims_version, current_view, dataset, language, sidebar, tables

data = dataset(language())
series, _ = tables()
view = sidebar(data, current_view(data, series), kind=False, dates=False, currency=False)
lang = view.lang


def show_value(kind: str, ctype: str, value, currency: str = "CNY") -> str:
    if value is None:
        return "—"
    if isinstance(value, tuple):
        return " – ".join(show_value(kind, ctype, v, currency) for v in value)
    if ctype in ("change", "cheaper"):
        return f"{value:+.1f}%" if ctype == "change" else f"{value:.1f}%"
    if ctype == "level":
        return money(value, currency, lang)
    if ctype == "annual_decline":
        return f"{value:.1f}×"
    return f"1/{1 / value:,.0f}" if 0 < value < 0.67 else f"{value:.2f}×"


COLOUR = {
    "holds": "green",
    "roughly": "orange",
    "fails": "red",
    "mixed": "violet",
    "baseline": "gray",
    "no_data": "gray",
}


def _cells(frame: pd.DataFrame) -> pd.DataFrame:
    """A small table for st.table (plain HTML: 28 cards' worth of interactive grids kept the browser busy
    for ~0.4 s on every change), its text cells escaped because st.table renders Markdown in them."""
    return frame.map(lambda v: md(v) if isinstance(v, str) else v)


@st.cache_resource(show_spinner=False, max_entries=8)
def claim_cards(version: tuple, lang: str, _results) -> list[dict]:
    """Each claim as its card shows it: Markdown already escaped, its verdicts and the rows behind it as
    small tables. Built once per version of the data and claim files and language, for every reader: a
    rerun of this page then only lays the cards out."""
    sources = data.sources.set_index("id")
    vendor_of = dict(zip(series["model"], series["vendor"], strict=True))
    cards = []
    for claim, outcomes in _results():
        check, word = claim["check"], overall(outcomes)
        src = sources.loc[claim["source"]]
        link = f"[{md(src['title'])}]({src['url']})" if src["url"] else md(src["title"])
        table = pd.DataFrame(
            [
                {
                    i18n.t("col_kind", lang): i18n.t(f"kind_{o.kind}", lang) if o.kind != "fit" else o.kind,
                    i18n.t("col_baseline", lang): o.baseline,
                    i18n.t("col_computed", lang): show_value(
                        o.kind, check["type"], o.computed, check.get("currency", "CNY")
                    ),
                    i18n.t("col_claimed", lang): show_value(
                        o.kind, check["type"], o.claimed, check.get("currency", "CNY")
                    ),
                    i18n.t("col_verdict", lang): i18n.t("verdict_" + o.verdict, lang),
                }
                for o in outcomes
            ]
        )
        if not any(o.baseline for o in outcomes):
            table = table.drop(columns=[i18n.t("col_baseline", lang)])
        rows = pd.DataFrame([r for o in outcomes for r in o.rows])
        cards.append(
            {
                "id": claim["id"],
                "word": word,
                "vendors": {vendor_of.get(m, "") for m in claim_models(claim)},
                "text": f"**{md(claim['claim'][lang])}**  \n:{COLOUR[word]}-badge[{i18n.t('verdict_' + word, lang)}]"
                f"\n\n> {md(claim['quote'])}\n\n{i18n.t('claim_said_by', lang)}: {md(claim.get('said_by', ''))}"
                f" · {link}" + (f"\n\n:small[:gray[{md(claim['note'])}]]" if claim.get("note") else ""),
                "verdicts": _cells(table),
                "rows": _cells(rows),
            }
        )
    return cards


cards = every = claim_cards(claims_version(), lang, lambda: claim_results(data, series, lang))
if view.vendors:  # a claim is shown when it names a chosen vendor's model, or no model (the whole market)
    cards = [c for c in every if not c["vendors"] or c["vendors"] & set(view.vendors)]
words = [c["word"] for c in cards]
if not view.embed:
    st.title(i18n.t("page_claims", lang))
    st.caption(i18n.t("claims_intro", lang))
    st.markdown(
        md(
            i18n.t(
                "claims_summary",
                lang,
                n=len(cards),
                **{v: words.count(v) for v in ("holds", "roughly", "mixed", "fails", "baseline")},
            )
        )
    )
    if view.vendors:
        st.caption(i18n.t("claims_filtered", lang, shown=len(cards), total=len(every)))
for card in cards:
    with st.container(border=True):
        # one Markdown block per card: a card's every element is a message the browser must take in
        st.markdown(card["text"])
        st.table(card["verdicts"], hide_index=True)
        # drawn only when opened: 28 tables of price rows, mostly never looked at, made every change slow
        rows = st.expander(i18n.t("claim_rows", lang), key=f"rows_{card['id']}", on_change="rerun")
        if rows.open:
            rows.table(card["rows"], hide_index=True)
