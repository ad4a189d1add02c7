"""Story mode: the key events in order, like slides; each step's card and the price chart at that moment."""

import streamlit as st

from pricewar import figures, i18n
from pricewar.select import events_in_view, series_in_view
from pricewar.story import highlight, step_title, steps
from ui import cards
from ui.charts import figure, show, width_px
from ui.state import current_view, dataset, language, set_view, sidebar, tables

data = dataset(language())
series, _ = tables()
view = sidebar(data, current_view(data, series), dates=False)
lang = view.lang
story = steps(data.events)
total = len(story)
step = min(max(view.step, 1), total)

if not view.embed:
    st.title(i18n.t("page_story", lang))
    st.caption(i18n.t("story_intro", lang))
    left, middle, right = st.columns([1, 6, 1], vertical_alignment="bottom")
    if left.button(i18n.t("story_prev", lang), disabled=step <= 1, width="stretch"):
        step -= 1
    if right.button(i18n.t("story_next", lang), disabled=step >= total, width="stretch"):
        step += 1
    chosen = middle.select_slider(
        i18n.t("story_slider", lang), options=list(range(1, total + 1)), value=step, key=f"w_story_{step}"
    )
    if chosen != step:
        step = chosen
    if step != view.step:
        view = set_view(view.with_(step=step))

event = story.iloc[step - 1]
window = view.with_(start=min(view.start, event["date"].date()), end=max(view.end, event["date"].date()))
chart = figure(
    "story",
    window,
    lambda: highlight(
        figures.price_curves(
            series_in_view(series, window),
            data.vendors,
            events_in_view(data.events, window),
            window,
            width_px=width_px(),
            title=step_title(event, lang, step, total),
        ),
        event,
    ),
)
show(chart, f"story-{step}", view)
if not view.embed:
    cards.event_card(data, event["id"], lang)
