"""Timeline: every event on a date axis, one lane per vendor; a click (a tap on a phone) or the list opens its
full card.

Streamlit names a chart by its figure: a chart whose figure changes is a new chart, and a click on the old one
is lost. So the event a click or the list chooses is put in force (a callback notes it; the next run applies
it) before the chart is drawn, and the chart of a run is always the chart of that run's view."""

import streamlit as st

from pricewar import i18n
from pricewar.select import events_in_view
from ui import cards
from ui.charts import show
from ui.data import dataset, needs
from ui.first import heading, painted
from ui.phone import tap_selects
from ui.view import language, page_view, set_view

CHOSEN = "_timeline_chosen"  # the event a click or the list chose, for the next run


def _clicked() -> None:
    points = st.session_state["timeline_chart"]["selection"]["points"]
    if points and points[0].get("customdata"):
        st.session_state[CHOSEN] = points[0]["customdata"]


def _listed() -> None:
    st.session_state[CHOSEN] = st.session_state["w_event"]


data = dataset(language())
view = page_view(data, "timeline")
lang = view.lang

slot = painted("timeline")  # the chart's place, when it was drawn first after a start (with the heading)
if not view.embed and slot is None:
    heading("timeline", lang)
if needs(data, "events", lang):
    events = events_in_view(data.events, view)
    ids = list(events["id"])  # in date order
    chosen = st.session_state.pop(CHOSEN, view.event)
    chosen = chosen if chosen in ids else ""  # none chosen (or out of the view): the card of the most important
    if chosen != view.event:
        view = set_view(view.with_(event=chosen), "timeline", data)
    show("timeline", data, view, on_select=_clicked, selection_mode="points", key="timeline_chart", into=slot)
    if not view.embed and ids:
        first = events.sort_values(["importance", "date"], ascending=[False, True])["id"].iloc[0]
        titles = dict(zip(events["id"], events[f"title_{lang}"], strict=True))
        dates = dict(zip(events["id"], events["date"], strict=True))
        st.session_state["w_event"] = view.event or first
        st.selectbox(
            i18n.t("choose_event", lang),
            ids,
            key="w_event",
            format_func=lambda e: f"{dates[e]:%Y-%m-%d} · {titles[e]}",
            on_change=_listed,
        )
        cards.event_card(data, view.event or first, lang)
    tap_selects()  # last: the element it needs takes no room between others
elif slot is not None:  # the chart drawn first after a start: none to draw now (the events went missing since)
    slot.empty()
