"""Story mode: the key events in order, like slides; each step's card and the price chart at that moment. The
previous/next buttons sit above the chart — on a phone too, side by side on the first screen.

A button or the slider notes the step it asks for (a callback); the next run puts it in force before anything
is drawn, so the buttons are enabled for the step they are drawn with (drawn first and moved after, the
previous button stayed disabled on the step after the first)."""

import streamlit as st

from pricewar import i18n
from pricewar.charts import story_step
from pricewar.safe import md
from pricewar.story import act, steps
from ui import cards
from ui.charts import layout_size, show
from ui.data import dataset, needs
from ui.view import language, page_view, set_view

ASKED = "_story_asked"  # the step (from 1) a button or the slider asked for, for the next run


def _ask(number: int) -> None:
    st.session_state[ASKED] = number


def _slid(key: str) -> None:
    st.session_state[ASKED] = st.session_state[key]


@st.cache_resource(show_spinner=False, max_entries=8)
def _steps(version: str, _data):
    """The story's steps, once per data version (~5 ms a run otherwise: a sort of the events' text columns);
    only read."""
    return steps(_data.events)


data = dataset(language())
view = page_view(data, "story")
lang = view.lang

if not view.embed:
    st.title(i18n.t("page_story", lang))
    st.caption(i18n.t("story_intro", lang))
story = _steps(data.key, data) if needs(data, "events", lang) else None
step = story_step(data, view, story) if story is not None else None
if step is None and data.missing("events") is None:
    st.info(i18n.t("story_none", lang), icon=":material/info:")
if step is not None:
    number, total, event = step
    ids = list(story["id"])
    if not view.embed:
        number = min(max(st.session_state.pop(ASKED, number), 1), total)
        if ids[number - 1] != view.step:  # a move, or a link naming no step (or a number): its id in the link
            view = set_view(view.with_(step=ids[number - 1]), "story", data)
            number, total, event = story_step(data, view, story)
        st.markdown(f"**{md(act(event, lang))}**")
        if layout_size() == "phone":  # columns stack under 640 px: the row stays a row, the slider goes under it
            left, right = st.columns(2, wrap=False)
            middle = st.container()
        else:
            left, middle, right = st.columns([1, 6, 1], vertical_alignment="bottom")
        left.button(i18n.t("story_prev", lang), disabled=number <= 1, width="stretch", key="story_prev",
                    on_click=_ask, args=(number - 1,))
        right.button(i18n.t("story_next", lang), disabled=number >= total, width="stretch", key="story_next",
                     on_click=_ask, args=(number + 1,))
        if total > 1:
            key = f"w_story_{number}"
            middle.select_slider(i18n.t("story_slider", lang), options=list(range(1, total + 1)), value=number,
                                 key=key, on_change=_slid, args=(key,))
    show("story", data, view)
    if not view.embed:
        cards.event_card(data, event["id"], lang)
