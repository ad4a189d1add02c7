"""The dashboard in a real browser (Debian's chromium through Playwright), against a real server."""

from __future__ import annotations

import re
import struct

import pytest
from playwright.sync_api import Page, expect

from server import ServerFailed, StreamlitServer, open_page, settle

pytestmark = pytest.mark.browser
PHONE_UA = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/126.0 Mobile Safari/537.36")


def traces(page: Page) -> int:
    return page.locator(".js-plotly-plot .scatterlayer .trace").count()


@pytest.mark.parametrize("path,heading", [("/", "时间线"), ("/prices", "价格曲线"), ("/compare", "厂商对比"),
                                          ("/data", "数据与来源")])
def test_every_page_loads_without_error(page: Page, app_url, path, heading):
    open_page(page, app_url + path)
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    assert page.locator("[data-testid='stException']").count() == 0
    if path != "/data":
        assert traces(page) > 0


def test_cjk_is_rendered_with_real_glyphs(page: Page, app_url):
    open_page(page, app_url + "/prices")
    width = page.get_by_role("heading", name="价格曲线").evaluate(
        "el => { const r = document.createRange(); r.selectNodeContents(el); return r.getBoundingClientRect().width; }")
    assert width > 100


def test_vendor_choice_changes_chart_and_url_and_survives_a_new_browser(browser, page: Page, app_url):
    open_page(page, app_url + "/prices?lang=en")
    before = traces(page)
    box = page.get_by_test_id("stSidebar").get_by_role("combobox", name="Vendors")
    for name, url in (("DeepSeek", r"vendor=deepseek(&|$)"), ("OpenAI", r"vendor=deepseek&vendor=openai")):
        box.fill(name)
        expect(page.get_by_role("option")).to_have_count(1)  # the list has filtered down to this vendor
        page.get_by_role("option", name=name, exact=True).click()
        expect(page).to_have_url(re.compile(url))
        settle(page)
    after = traces(page)
    assert 0 < after < before
    page.get_by_test_id("stSidebar").get_by_text("US$", exact=True).click()
    expect(page).to_have_url(re.compile(r"currency=USD"))
    titles = page.locator(".js-plotly-plot .annotation-text")  # the subtitle names the unit
    expect(titles.filter(has_text="US$ per million tokens")).to_have_count(1)
    expect(titles.filter(has_text="CNY per million tokens")).to_have_count(0)  # the old chart is gone
    other = browser.new_context()
    fresh = other.new_page()
    open_page(fresh, page.url)
    assert traces(fresh) == after
    expect(fresh.get_by_role("heading", name="Price curves")).to_be_visible()
    other.close()


def test_language_switch_changes_every_visible_label(page: Page, app_url):
    open_page(page, app_url + "/prices")
    page.get_by_role("radio", name="English").click()
    expect(page.get_by_role("heading", name="Price curves")).to_be_visible()
    expect(page).to_have_url(re.compile(r"lang=en"))
    settle(page)
    cjk = re.compile(r"[\u4e00-\u9fff]")
    sidebar = page.get_by_test_id("stSidebar").inner_text().replace("语言 / Language", "").replace("中文", "")
    assert not cjk.search(sidebar), sidebar
    assert not cjk.search(page.get_by_test_id("stMain").inner_text())
    svg_text = " ".join(page.locator(".js-plotly-plot text").all_text_contents())
    assert not cjk.search(svg_text), svg_text[:200]


def test_presentation_mode_hides_the_chrome(page: Page, app_url):
    open_page(page, app_url + "/prices?embed=true&lang=en")
    assert page.locator("[data-testid='stSidebar']").count() == 0 or not page.locator(
        "[data-testid='stSidebar']").is_visible()
    assert page.get_by_role("heading", name="Price curves").count() == 0
    assert traces(page) > 0


def test_phone_width_no_horizontal_scroll(browser, app_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  user_agent=PHONE_UA)
    page = context.new_page()
    for path in ("/", "/prices", "/compare", "/data"):
        open_page(page, app_url + path)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, path
        for chart in page.locator(".js-plotly-plot").all():  # the legend sits below the plot, never on it
            plot = chart.locator(".cartesianlayer .bg, .nsewdrag").first.bounding_box()
            legend = chart.locator(".legend")
            if plot and legend.count():
                assert legend.bounding_box()["y"] >= plot["y"] + plot["height"] - 1, path
    context.close()


def test_modebar_camera_saves_the_chart_as_shown_at_twice_its_size(page: Page, app_url):
    open_page(page, app_url + "/prices?lang=en&vendor=deepseek")
    page.locator(".js-plotly-plot").first.hover()
    with page.expect_download() as info:
        page.locator(".modebar-btn[data-title='Download plot as a PNG']").first.click()
    download = info.value
    assert download.suggested_filename == "pricewar-prices-en-input-CNY-deepseek-2023-03-01_2026-11-30.png"
    data = open(download.path(), "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    height = page.evaluate("() => document.querySelector('.js-plotly-plot')._fullLayout.height")
    assert struct.unpack(">II", data[16:24]) == (1600, 2 * height)


@pytest.mark.parametrize(("button", "suffix", "size"), [("PNG 16:9", "-16x9.png", (1600, 900)),
                                                       ("PNG square", "-square.png", (1080, 1080)),
                                                       ("SVG", ".svg", None)])
def test_one_click_makes_each_image_file_of_the_chart(page: Page, app_url, button, suffix, size):
    open_page(page, app_url + "/compare?lang=en&vendor=deepseek&vendor=openai")
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name=button).first.click()
    download = info.value
    assert download.suggested_filename.startswith("pricewar-ranking-en-input-CNY-deepseek-openai-")
    assert download.suggested_filename.endswith(suffix)
    data = open(download.path(), "rb").read()
    if size:
        assert struct.unpack(">II", data[16:24]) == size
    else:
        assert data.startswith(b"<svg") and b'width="800"' in data[:400] and b"OpenAI" in data


def test_a_server_that_cannot_start_reports_its_output(tmp_path):
    server = StreamlitServer(timeout=20, extra_env={"PYTHONPATH": str(tmp_path)})
    (tmp_path / "streamlit").mkdir()
    (tmp_path / "streamlit" / "__init__.py").write_text("raise SystemExit('cannot start: broken install')\n")
    with pytest.raises(ServerFailed) as info:
        server.__enter__()
    assert "cannot start: broken install" in str(info.value)


def test_a_deep_link_as_the_first_request_after_start_goes_through_app_py_and_draws_its_chart_first(
        page: Page, tmp_path, monkeypatch):
    """A folder named pages/ made Streamlit run the page file alone (without the navigation) on the first
    request after a restart; the pages live in app_pages/ for that reason. After ``pricewar warm``, that first
    request of a default view draws its chart before the libraries are loaded (ui.first), then the page as
    ever: one heading, one chart, the sidebar with every page's link and the buttons under the chart."""
    from pricewar import snapshot
    from pricewar.load import SHIPPED_DATA

    monkeypatch.setenv("PRICEWAR_CACHE", str(tmp_path / "cache"))
    snapshot.warm(SHIPPED_DATA)
    with StreamlitServer(extra_env={"PRICEWAR_CACHE": str(tmp_path / "cache")}) as url:
        page.goto(url + "/prices?lang=en")
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
        settle(page)
        expect(page.get_by_role("heading", name="Price curves")).to_have_count(1)
        expect(page.get_by_test_id("stPlotlyChart")).to_have_count(1)
        nav = page.get_by_test_id("stSidebar")
        expect(nav.get_by_text("Claim checker")).to_be_visible()
        expect(nav.get_by_text("Timeline")).to_be_visible()
        assert "app" not in nav.inner_text().split()
        expect(nav.get_by_text("Output", exact=True)).to_be_visible()
        expect(page.get_by_role("button", name="PNG 16:9")).to_be_visible()


def test_the_default_page_is_also_at_its_own_path_with_the_links_parameters(page: Page, app_url):
    open_page(page, app_url + "/timeline?lang=en&vendor=deepseek&vendor=openai")
    expect(page.get_by_role("heading", name="Timeline")).to_be_visible()
    expect(page.get_by_text("Page not found")).to_have_count(0)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_role("button", name="Remove DeepSeek")).to_be_visible()  # the link's filter holds
    expect(sidebar.get_by_role("button", name="Remove OpenAI")).to_be_visible()
    expect(page.locator(".js-plotly-plot .annotation-text").filter(has_text="DeepSeek, OpenAI;")).to_have_count(1)

