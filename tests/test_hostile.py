"""Hostile data in the real browser: HTML/JS payloads, Markdown tricks, RTL and zero-width text in every
field a page shows. Nothing may run, no dialog may open, and the text must show literally."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from playwright.sync_api import Error, Page, expect

from server import ServerFailed, StreamlitServer, open_page

pytestmark = pytest.mark.browser
HOSTILE = Path(__file__).parent / "data" / "hostile"
PAGES = ["/", "/prices", "/compare", "/data"]


@pytest.fixture(scope="module")
def hostile_url():
    server = StreamlitServer(data_dir=HOSTILE)
    try:
        url = server.__enter__()
    except ServerFailed as exc:
        pytest.fail(str(exc), pytrace=False)
    yield url
    server.__exit__(None, None, None)


def visit(page: Page, url: str) -> list[str]:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_page(page, url)
    labels = page.locator(".js-plotly-plot .hoverlayer .hovertext")
    for point in page.locator(".js-plotly-plot .scatterlayer .trace .points path").all()[:12]:
        point.hover(force=True)  # draws hover labels, where plotly renders HTML
        try:
            labels.first.wait_for(state="attached", timeout=2_000)
        except Error:  # a point without a label (hover skipped): nothing rendered, nothing to wait for
            pass
    return dialogs


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", PAGES)
def test_no_payload_runs_on_any_page(page: Page, hostile_url, path, lang):
    dialogs = visit(page, f"{hostile_url}{path}?lang={lang}")
    assert dialogs == []
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("img[src='x'], svg[onload], script:text('__pwned')").count() == 0
    assert page.locator("a[href^='javascript'], a[href*='evil.example']").count() == 0
    assert page.locator("img[src*='evil.example']").count() == 0
    assert page.locator("[data-testid='stException']").count() == 0


def test_payloads_show_as_literal_text_in_charts_and_card(page: Page, hostile_url):
    visit(page, f"{hostile_url}/prices?lang=en")
    labels = [t.strip() for t in page.locator(".js-plotly-plot .annotation-text").all_text_contents()]
    assert '<img src=x onerror="window.__pwned=1">' in labels  # a line's label at its end, as plain text
    assert "<script>window.__pwned=2</script>" in labels
    payload = '<img src=x onerror="window.__pwned=1">'
    traces = page.locator(".js-plotly-plot .scatterlayer .trace")  # in the order of the figure's data
    names = page.evaluate("() => document.querySelector('.js-plotly-plot').data"
                          ".map((t) => (t.meta && t.meta.role) ? null : t.name)")  # a line's own trace, not its tail
    index = names.index(html.escape(payload, quote=False))  # escaped before it entered the figure
    traces.nth(index).locator(".points path").first.hover(force=True)  # the model named by the payload
    expect(page.locator(".js-plotly-plot .hoverlayer")).to_contain_text(payload)
    visit(page, f"{hostile_url}/?lang=en")
    card = page.locator("[data-testid='stMain']").inner_text()
    assert '<img src=x onerror="window.__pwned=1"> [click me](javascript:window.__pwned=3)' in card
    assert '<a href="javascript:window.__pwned=5">source</a>' in card
    visit(page, f"{hostile_url}/prices?lang=en&vendor=openai")
    header = " ".join(page.locator(".js-plotly-plot .annotation-text").all_text_contents())
    assert "<b onmouseover=window.__pwned=6>OpenAI</b>" in header  # the vendor's name, in the subtitle
    assert page.evaluate("() => window.__pwned") is None
