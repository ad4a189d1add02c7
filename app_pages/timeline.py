"""Timeline: every event on a date axis, one lane per vendor; a click or the list opens its full card."""

import streamlit as st

from pricewar import i18n
from pricewar.select import events_in_view
from ui import cards
from ui.charts import show
from ui.data import dataset, needs
from ui.view import language, page_view, set_view

data = dataset(language())
view = page_view(data, "timeline")
lang = view.lang

if not view.embed:
    st.title(i18n.t("page_timeline", lang))
    st.caption(i18n.t("timeline_intro", lang))
if needs(data, "events", lang):
    clicked, _ = show("timeline", data, view, on_select="rerun", selection_mode="points", key="timeline_chart")
    points = (clicked or {}).get("selection", {}).get("points", []) if clicked else []
    if points and points[0].get("customdata") and points[0]["customdata"] != view.event:
        view = set_view(view.with_(event=points[0]["customdata"]), "timeline", data)
        st.rerun()

    events = events_in_view(data.events, view)
    if not view.embed and not events.empty:
        ids = list(events["id"])  # in date order
        first_key = events.sort_values(["importance", "date"], ascending=[False, True])["id"].iloc[0]
        titles = dict(zip(events["id"], events[f"title_{lang}"], strict=True))
        dates = dict(zip(events["id"], events["date"], strict=True))
        chosen = st.selectbox(
            i18n.t("choose_event", lang),
            ids,
            index=ids.index(view.event if view.event in ids else first_key),
            format_func=lambda e: f"{dates[e]:%Y-%m-%d} · {titles[e]}",
        )
        if chosen != view.event:
            view = set_view(view.with_(event=chosen), "timeline", data)
        cards.event_card(data, chosen, lang)
