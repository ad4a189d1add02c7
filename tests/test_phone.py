"""The dashboard on a phone (390×844, a touch screen, a phone's user agent) in a real browser: a tap on a
timeline marker opens that event's card, the comparison's sentence to quote fits the screen, Story's
previous/next sit on the first screen above the chart, and no page scrolls sideways."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from server import open_page, settle

pytestmark = pytest.mark.browser
PHONE_UA = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/126.0 Mobile Safari/537.36")
WIDTH, HEIGHT = 390, 844


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, is_mobile=True, has_touch=True,
                                  user_agent=PHONE_UA)
    yield context.new_page()
    context.close()


def centre(box: dict) -> tuple[float, float]:
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def marker(page: Page, event_id: str):
    """The timeline's marker of ``event_id`` (its trace and point found from the plot's customdata)."""
    trace, point = page.evaluate(
        """id => { const traces = document.querySelector('.js-plotly-plot').data;
                   for (let i = 0; i < traces.length; i++) {
                     const j = Array.from(traces[i].customdata || []).indexOf(id);
                     if (j >= 0) return [i, j];
                   } return [-1, -1]; }""", event_id)
    assert trace >= 0, f"{event_id} is not on the timeline"
    return page.locator(".js-plotly-plot .scatterlayer .trace").nth(trace).locator(".points path").nth(point)


def card_heading(page: Page, title: str):
    return page.get_by_test_id("stMain").get_by_role("heading", name=title, exact=True)


def no_sideways_scroll(page: Page) -> None:
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0, page.url
    assert page.evaluate("() => { const m = document.querySelector('[data-testid=stMain]');"
                         " return m.scrollWidth - m.clientWidth; }") <= 0, page.url


def test_a_tap_on_a_timeline_marker_opens_that_events_card(phone: Page, app_url, ds):
    # plotly selected, on a tap, the marker of the hover before it: the first tap opened nothing and the
    # second the card of the first. Two taps on two markers, neither of them the card shown at first.
    open_page(phone, app_url + "/?lang=en&vendor=minimax")
    titles = dict(zip(ds.events["id"], ds.events["title_en"], strict=True))
    shown = next(e for e, t in titles.items() if card_heading(phone, t).count())  # the default card
    on_chart = [e for e in phone.evaluate("() => document.querySelector('.js-plotly-plot').data"
                                          ".flatMap(t => Array.from(t.customdata || []))") if e != shown]
    assert len(on_chart) >= 2
    for event in on_chart[:2]:
        expect(phone).not_to_have_url(re.compile(f"event={event}"))
        phone.touchscreen.tap(*centre(marker(phone, event).bounding_box()))
        expect(phone).to_have_url(re.compile(f"event={event}(&|$)"))
        expect(card_heading(phone, titles[event])).to_be_visible()
        settle(phone)
    no_sideways_scroll(phone)


def test_a_click_on_a_timeline_marker_opens_that_event_not_the_default(page: Page, app_url, ds):
    # the first click was lost: the page chose its default event after drawing the chart, and the next run's
    # chart (highlighting it) was a new chart to Streamlit, which dropped the click made on the old one
    open_page(page, app_url + "/?lang=en&vendor=minimax")
    expect(page).not_to_have_url(re.compile(r"event="))  # the default card is not written into the link
    event = "nvidia-q1-fy2025"
    marker(page, event).click(force=True)
    expect(page).to_have_url(re.compile(f"event={event}(&|$)"))
    title = ds.events.set_index("id").loc[event, "title_en"]
    expect(card_heading(page, title)).to_be_visible()


def test_the_sentence_to_quote_fits_a_phone_screen_whole(phone: Page, app_url, ds):
    from pricewar.charts import build
    from pricewar.view import Choices, parse_view

    query = {"lang": "en", "at": "2024-05-06", "ref": "GPT-4 Turbo"}
    view, _ = parse_view({k: [v] for k, v in query.items()}, Choices.of(ds))
    rows = build("ratios", ds, view).rows.set_index("model")
    sentence = rows.loc["DeepSeek-V2", "sentence"]
    assert sentence.startswith("DeepSeek-V2 costs 1/72 of GPT-4 Turbo's price")
    open_page(phone, app_url + "/compare?lang=en&at=2024-05-06&ref=GPT-4+Turbo")
    block = phone.get_by_test_id("stCode").filter(has_text="DeepSeek-V2 costs 1/72")
    expect(block).to_have_count(1)
    block.scroll_into_view_if_needed()
    expect(block).to_be_in_viewport()
    text = block.locator("code")
    assert " ".join(text.inner_text().split()) == sentence  # what a copy gives: the whole sentence
    box = text.bounding_box()
    assert 0 <= box["x"] and box["x"] + box["width"] <= WIDTH, box
    assert text.evaluate("el => el.scrollWidth - el.clientWidth") <= 0  # wrapped, never scrolled sideways
    assert phone.get_by_test_id("stDataFrame").count() == 0  # the wide table is for wider screens
    no_sideways_scroll(phone)


def test_the_comparison_keeps_its_table_on_a_desktop(page: Page, app_url):
    open_page(page, app_url + "/compare?lang=en&at=2024-05-06&ref=GPT-4+Turbo")
    expect(page.get_by_test_id("stDataFrame")).to_have_count(1)
    assert page.get_by_test_id("stCode").count() == 0


def test_storys_next_is_on_the_first_screen_above_the_chart_and_a_tap_moves_on(phone: Page, app_url, ds):
    from pricewar.story import steps

    story = list(steps(ds.events)["id"])
    open_page(phone, app_url + "/story?lang=en")
    previous, following = (phone.get_by_role("button", name=n, exact=True) for n in ("Previous", "Next"))
    chart = phone.get_by_test_id("stPlotlyChart").first.bounding_box()
    prev_box, next_box = previous.bounding_box(), following.bounding_box()
    assert next_box["y"] >= 0 and next_box["y"] + next_box["height"] <= HEIGHT  # on the first screen
    assert next_box["y"] + next_box["height"] <= chart["y"]  # above the chart: no scrolling past it
    assert abs(prev_box["y"] - next_box["y"]) < 1 and prev_box["x"] + prev_box["width"] <= next_box["x"]  # a row
    assert next_box["width"] >= 120  # a thumb's target
    steps_shown = phone.locator(".js-plotly-plot .annotation-text")
    expect(steps_shown.filter(has_text=re.compile(r"^Step 1 of "))).to_have_count(1)
    phone.touchscreen.tap(*centre(next_box))
    expect(phone).to_have_url(re.compile(f"step={story[1]}(&|$)"))
    expect(steps_shown.filter(has_text=re.compile(r"^Step 2 of "))).to_have_count(1)
    expect(steps_shown.filter(has_text=re.compile(r"^Step 1 of "))).to_have_count(0)
    settle(phone)
    phone.touchscreen.tap(*centre(previous.bounding_box()))
    expect(phone).to_have_url(re.compile(f"step={story[0]}(&|$)"))
    no_sideways_scroll(phone)
