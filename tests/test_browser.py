"""The dashboard in a real browser (Debian's chromium through Playwright), against a real server."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from server import ServerFailed, StreamlitServer

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app_url():
    server = StreamlitServer()
    try:
        url = server.__enter__()
    except ServerFailed as exc:  # the failure shows what the server printed
        pytest.fail(str(exc), pytrace=False)
    yield url
    server.__exit__(None, None, None)


def open_page(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("[data-testid='stMetric']", timeout=30_000)


def test_overview_renders_in_chinese_with_cjk_glyphs(page: Page, app_url):
    open_page(page, app_url)
    expect(page.get_by_role("heading", name="大模型 API 价格战")).to_be_visible()
    expect(page.get_by_test_id("stMetric")).to_have_count(6)
    assert page.locator("[data-testid='stException']").count() == 0
    # the CJK font is installed: the title is laid out with real glyphs, as wide as its characters need
    width = page.get_by_role("heading", name="大模型 API 价格战").evaluate(
        "el => { const r = document.createRange(); r.selectNodeContents(el); return r.getBoundingClientRect().width; }")
    assert width > 200


def test_language_switch_changes_labels_and_url(page: Page, app_url):
    open_page(page, app_url)
    page.get_by_role("radio", name="English").click()
    expect(page.get_by_role("heading", name="The LLM API price war")).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]lang=en"))
    expect(page.get_by_text("Price records")).to_be_visible()


def test_url_language_survives_a_fresh_browser(browser, app_url):
    context = browser.new_context()
    page = context.new_page()
    open_page(page, app_url + "/?lang=en")
    expect(page.get_by_role("heading", name="The LLM API price war")).to_be_visible()
    context.close()


def test_phone_width_has_no_horizontal_scroll(browser, app_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    open_page(page, app_url)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    context.close()


def test_a_server_that_cannot_start_reports_its_output(tmp_path):
    server = StreamlitServer(timeout=20, extra_env={"PYTHONPATH": str(tmp_path)})
    (tmp_path / "streamlit").mkdir()
    (tmp_path / "streamlit" / "__init__.py").write_text("raise SystemExit('cannot start: broken install')\n")
    with pytest.raises(ServerFailed) as info:
        server.__enter__()
    assert "cannot start: broken install" in str(info.value)
