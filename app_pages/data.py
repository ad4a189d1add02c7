"""Data & sources: every price row behind the charts for the current filters, with sources, words and
disputes; the CSV of exactly this selection."""

import pandas as pd
import streamlit as st

from pricewar import i18n
from pricewar.charts import credits, first_links
from pricewar.method import correction_list
from pricewar.safe import md
from pricewar.text import cited_in_words, credit, source_names, stated
from ui.charts import chart_rows, csv_button
from ui.data import dataset, needs
from ui.phone import table_columns
from ui.view import language, page_view


@st.cache_resource(show_spinner=False, max_entries=8)
def corrections(version: str, lang: str, _data) -> str:
    """The corrections log as Markdown, once per data version and language (it names every source)."""
    return correction_list(_data, lang)


data = dataset(language())
view = page_view(data, "data")
lang = view.lang
rows = chart_rows("prices", data, view)  # the rows behind the price chart of this view
sources = data.sources.set_index("id")
names = dict(zip(data.vendors["id"], data.vendors[f"name_{lang}"], strict=True))
cur = i18n.t(f"cur_{view.currency}", lang)


credit_parts = credits(data, lang)  # each source's name and date in the reader's language, as charts credit it
table = pd.DataFrame(
    {
        "date": rows["date"].dt.date,
        "vendor": [names.get(v, v) for v in rows["vendor"]],
        "model": rows["model"],
        "tier": rows["tier"],
        "condition": rows[f"condition_{lang}"],
        "kind": [i18n.t(f"kind_{k}", lang) for k in rows["kind"]],
        "stated": [stated(p, c, u, lang)
                   for p, c, u in zip(rows["price"], rows["currency"], rows["unit"], strict=True)],
        "converted": rows["cny_per_1m" if view.currency == "CNY" else "usd_per_1m"].round(6),
        "fx": [f"{r:.4f} ({m}{i18n.t('fx_provisional_mark', lang) if p else ''})"
               for r, m, p in zip(rows["usd_cny"], rows["fx_month"], rows["fx_provisional"], strict=True)],
        "confirmed": rows["confirmed_through"].dt.date,
        "outlets": [source_names(credit_parts, s) for s in rows["source"]],
        "source": rows["source"],
        "link": first_links(data, rows["source"]),
        "quote": rows["quote"],
        "dispute": [cited_in_words(d, credit_parts, lang) for d in rows[f"dispute_{lang}"]],
        "note": [cited_in_words(n, credit_parts, lang) for n in rows[f"note_{lang}"]],
    }
)

if not view.embed:
    st.title(i18n.t("page_data", lang))
    st.caption(i18n.t("data_intro", lang))
if table.empty:
    st.info(i18n.t("nothing_selected", lang))
st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    **table_columns({
        "date": st.column_config.DateColumn(i18n.t("col_date", lang), format="YYYY-MM-DD"),
        "vendor": i18n.t("col_vendor", lang),
        "model": i18n.t("col_model", lang),
        "tier": i18n.t("col_tier", lang),
        "condition": i18n.t("col_condition", lang),
        "kind": i18n.t("col_kind", lang),
        "stated": i18n.t("col_stated", lang),
        "converted": st.column_config.NumberColumn(i18n.t("col_converted", lang, cur=cur), format="%g"),
        "fx": i18n.t("col_fx", lang),
        "confirmed": st.column_config.DateColumn(i18n.t("col_confirmed", lang), format="YYYY-MM-DD"),
        "outlets": i18n.t("col_outlets", lang),
        "source": i18n.t("col_source", lang),
        "link": st.column_config.LinkColumn(i18n.t("col_link", lang)),
        "quote": i18n.t("col_quote", lang),
        "dispute": i18n.t("col_dispute", lang),
        "note": i18n.t("col_note", lang),
    }, keep=["model", "date", "kind", "converted", "stated", "outlets", "quote", "dispute"], pin="model"),
)
csv_button(rows, data, view, "data")

if not view.embed:
    st.subheader(i18n.t("sources_heading", lang))
    cited = {s.strip() for cell in rows["source"] for s in cell.split(";")}
    src = data.sources[data.sources["id"].isin(cited)]
    st.dataframe(
        pd.DataFrame(
            {
                "id": src["id"],
                "kind": [i18n.t(f"source_kind_{k}", lang) for k in src["kind"]],
                "title": src[f"title_{lang}"],
                "outlet": src[f"outlet_{lang}"],
                "author": src[f"author_{lang}"],
                "published": [p or d for p, d in zip(src["published"], src[f"dated_{lang}"], strict=True)],
                "link": [u or None for u in src["url"]],
                "note": src[f"note_{lang}"],
            }
        ),
        hide_index=True,
        width="stretch",
        column_config={
            "id": i18n.t("col_source", lang),
            "kind": i18n.t("col_source_kind", lang),
            "title": i18n.t("col_title", lang),
            "outlet": i18n.t("col_outlet", lang),
            "author": i18n.t("col_author", lang),
            "published": i18n.t("col_published", lang),
            "link": st.column_config.LinkColumn(i18n.t("col_link", lang)),
            "note": i18n.t("col_note", lang),
        },
    )

if not view.embed:
    st.subheader(i18n.t("corrections_heading", lang))
    st.caption(md(i18n.t("corrections_intro", lang, credit=credit(data.release, lang))))
    if data.missing("corrections") == "invalid":
        needs(data, "corrections", lang)
    elif data.corrections:  # as the About page lists them: a list reads on a phone, a six-column table did not
        st.markdown(corrections(data.key, lang, data))
