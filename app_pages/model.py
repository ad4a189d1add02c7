"""Model lookup: one model's whole record — a search box, what the data holds in one sentence, its latest
prices, the chart of every kind and tier, every price with its sources' words, disputes and the last day a
source stated it, and the events that name it."""

import pandas as pd
import streamlit as st

from pricewar import history, i18n
from pricewar.charts import credits, first_links, model_of
from pricewar.safe import md
from pricewar.select import value_column
from pricewar.text import cited_in_words, money, source_names, stated
from ui import cards
from ui.charts import chart_rows, csv_button, show
from ui.data import dataset
from ui.phone import table_columns
from ui.view import choices, language, page_view, set_view

data = dataset(language())
view = page_view(data, "model")
lang = view.lang
c = choices(data)
model = model_of(data, view)
vendor_names = {x: dict(zip(data.vendors["id"], data.vendors[f"name_{x}"], strict=True)) for x in ("zh", "en")}


sellers = history.sellers(data)


def searchable(name: str) -> str:
    """A model as the search box lists it: its name and its vendor in both languages, so that typing
    "豆包", "ByteDance" or "doubao" finds Doubao-pro."""
    vendors = sellers.get(name, ())
    both = " / ".join(dict.fromkeys(vendor_names[x].get(v, v) for v in vendors for x in (lang, "zh", "en")))
    return f"{name} · {both}"


if not view.embed:
    st.title(i18n.t("page_model", lang))
    st.caption(i18n.t("model_intro", lang))
    names = [n for n in c.names if not view.vendors or set(sellers.get(n, ())) & set(view.vendors)]
    names = names if model in names else [model, *names]  # the vendor filter never hides the model shown
    if names and model:
        chosen = st.selectbox(i18n.t("model_pick", lang), names, index=names.index(model), format_func=searchable,
                              key="w_model")
        if chosen != view.model:
            view = set_view(view.with_(model=chosen), "model", data)
            model = chosen

if not model:
    st.info(i18n.t("nothing_selected", lang), icon=":material/info:")
    st.stop()

rows = chart_rows("model", data, view)  # every stated price of the model, as its CSV gives them
if not view.embed:
    st.markdown(md(history.summary(data, model, lang, rows)))

    st.subheader(i18n.t("model_latest_heading", lang))
    named = credits(data, lang)  # sources by name, in the reader's language
    col = value_column(view.currency)
    latest = []  # one list, one element
    for r in history.latest(rows).itertuples():
        kind = i18n.t(f"kind_{r.kind}", lang)
        price = money(getattr(r, col), view.currency, lang) + (f" {i18n.t('per_million', lang)}"
                                                              if getattr(r, col) > 0 else "")
        if r.currency != view.currency and getattr(r, col) > 0:  # a converted price says how, and what was stated
            price += i18n.t("model_converted_provisional" if r.fx_provisional else "model_converted", lang,
                            stated=stated(r.price, r.currency, r.unit, lang), month=r.fx_month,
                            rate=f"{r.usd_cny:.4f}")
        key = "model_latest" if r.last_stated else "model_latest_undated"
        latest.append("- " + md(i18n.t(key, lang, kind=kind, tier=f" {r.tier}" if r.tier else "", price=price,
                                       since=f"{r.date:%Y-%m-%d}", stated=r.last_stated,
                                       source=source_names(named, r.last_source or r.source))))
    if latest:
        st.markdown("\n".join(latest))

show("model", data, view)

if not view.embed:
    cur = i18n.t(f"cur_{view.currency}", lang)
    st.subheader(i18n.t("model_history_heading", lang))
    table = pd.DataFrame(
        {
            "date": rows["date"].dt.date,
            "kind": [i18n.t(f"kind_{k}", lang) for k in rows["kind"]],
            "tier": rows["tier"],
            "condition": rows[f"condition_{lang}"],
            "stated": [stated(p, cu, u, lang) for p, cu, u in zip(rows["price"], rows["currency"], rows["unit"],
                                                                  strict=True)],
            "converted": rows[value_column(view.currency)].round(6),
            "until": [f"{u:%Y-%m-%d}" if u == u else i18n.t("model_still", lang) for u in rows["until"]],
            "own": [i18n.t("own_statement" if o else "a_report", lang) for o in rows["own"]],
            "outlets": [source_names(named, s) for s in rows["source"]],
            "link": first_links(data, rows["source"]),
            "last_stated": rows["last_stated"],
            "quote": rows["quote"],
            "dispute": [cited_in_words(d, named, lang) for d in rows[f"dispute_{lang}"]],
            "note": [cited_in_words(n, named, lang) for n in rows[f"note_{lang}"]],
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        **table_columns({
            "date": st.column_config.DateColumn(i18n.t("col_date", lang), format="YYYY-MM-DD"),
            "kind": i18n.t("col_kind", lang),
            "tier": i18n.t("col_tier", lang),
            "condition": i18n.t("col_condition", lang),
            "stated": i18n.t("col_stated", lang),
            "converted": st.column_config.NumberColumn(i18n.t("col_converted", lang, cur=cur), format="%g"),
            "until": i18n.t("col_until", lang),
            "own": i18n.t("col_own", lang),
            "outlets": i18n.t("col_outlets", lang),
            "link": st.column_config.LinkColumn(i18n.t("col_link", lang)),
            "last_stated": i18n.t("col_last_stated", lang),
            "quote": i18n.t("col_quote", lang),
            "dispute": i18n.t("col_dispute", lang),
            "note": i18n.t("col_note", lang),
        }, keep=["date", "kind", "tier", "converted", "stated", "own", "last_stated", "outlets", "link", "quote",
                 "dispute"],
            pin="date"),
    )
    csv_button(rows, data, view, "model")

    disputed = rows[rows[f"dispute_{lang}"] != ""]
    if not disputed.empty:
        st.subheader(i18n.t("model_disputes_heading", lang))
        for r in disputed.itertuples():
            st.warning(md(i18n.t("model_dispute", lang, date=f"{r.date:%Y-%m-%d}", kind=i18n.t(f"kind_{r.kind}", lang),
                                 tier=f" {r.tier}" if r.tier else "",
                                 dispute=cited_in_words(getattr(r, f"dispute_{lang}"), named, lang))),
                       icon=":material/error:")

    st.subheader(i18n.t("model_events_heading", lang))
    events = history.naming(data, model)
    if events.empty:
        st.caption(i18n.t("model_no_events", lang))
    for ev in events.itertuples():  # a card is drawn when its expander is opened: most readers open one or none
        card = st.expander(md(f"{ev.date:%Y-%m-%d} · {getattr(ev, f'title_{lang}')}"), key=f"event_{ev.id}",
                           on_change="rerun")
        if card.open:
            with card:
                cards.event_card(data, ev.id, lang)
