"""Story mode: the key events in order, like slides; each step's card and the price chart at that moment."""

import streamlit as st

from pricewar import i18n
from pricewar.charts import story_step
from pricewar.story import steps
from ui import cards
from ui.charts import show
from ui.data import dataset, needs
from ui.view import language, page_view, set_view

data = dataset(language())
view = page_view(data, "story")
lang = view.lang

if not view.embed:
    st.title(i18n.t("page_story", lang))
    st.caption(i18n.t("story_intro", lang))
step = story_step(data, view) if needs(data, "events", lang) else None
if step is None and data.missing("events") is None:
    st.info(i18n.t("story_none", lang), icon=":material/info:")
if step is not None:
    number, total, event = step
    ids = list(steps(data.events)["id"])
    if not view.embed:
        left, middle, right = st.columns([1, 6, 1], vertical_alignment="bottom")
        if left.button(i18n.t("story_prev", lang), disabled=number <= 1, width="stretch"):
            number -= 1
        if right.button(i18n.t("story_next", lang), disabled=number >= total, width="stretch"):
            number += 1
        if total > 1:
            number = middle.select_slider(i18n.t("story_slider", lang), options=list(range(1, total + 1)),
                                          value=number, key=f"w_story_{number}")
        if ids[number - 1] != view.step:
            view = set_view(view.with_(step=ids[number - 1]), "story", data)
            number, total, event = story_step(data, view)
    show("story", data, view)
    if not view.embed:
        cards.event_card(data, event["id"], lang)
