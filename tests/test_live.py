"""A running server while the data changes under it, and several readers at once (real browser)."""

from __future__ import annotations

import os
import re
import shutil

import pytest
from playwright.sync_api import Page, expect

from conftest import GOOD
from server import ServerFailed, StreamlitServer, open_page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    data = tmp_path_factory.mktemp("live") / "data"
    shutil.copytree(GOOD, data)
    server = StreamlitServer(data_dir=data)
    try:
        url = server.__enter__()
    except ServerFailed as exc:
        pytest.fail(str(exc), pytrace=False)
    yield url, data
    server.__exit__(None, None, None)


def test_broken_edit_shows_last_valid_data_and_a_banner_until_fixed(page: Page, live):
    url, data = live
    open_page(page, url + "/prices?lang=en")
    traces = page.locator(".js-plotly-plot .scatterlayer .trace").count()
    good = (data / "prices.csv").read_text()
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    try:
        path = data / "prices.csv"
        stat = path.stat()
        path.write_text(good.replace("2024-05-06,,deepseek", "2024-05-32,,deepseek", 1))
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # later, however coarse the clock
        page.reload()
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
        expect(page.get_by_text("The data files were just edited into an invalid state")).to_be_visible()
        expect(page.get_by_text("prices.csv:2: field 'date': value '2024-05-32'")).to_be_visible()
        assert page.locator(".js-plotly-plot .scatterlayer .trace").count() == traces
    finally:
        (data / "prices.csv").write_text(good)
    page.get_by_test_id("stSidebar").get_by_text("Output", exact=True).click()  # any interaction reruns
    expect(page.get_by_text("The data files were just edited into an invalid state")).to_have_count(0)
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before  # the app wrote nothing


def test_simultaneous_readers_each_keep_their_own_view(browser, live):
    url, _ = live
    views = {"deepseek": "/prices?lang=en&vendor=deepseek", "alibaba": "/prices?lang=zh&vendor=alibaba&currency=USD",
             "all": "/prices?lang=en&kind=output"}
    pages = {}
    for name, path in views.items():
        context = browser.new_context()
        pages[name] = context.new_page()
        pages[name].goto(url + path)  # all three load at once
    for page in pages.values():
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
    # each reader changes something at the same time
    pages["deepseek"].get_by_test_id("stSidebar").get_by_text("Blended (3 input : 1 output)").click()
    pages["alibaba"].get_by_test_id("stSidebar").get_by_text("输出", exact=True).click()
    pages["all"].get_by_role("radio", name="US$").click()
    expect(pages["deepseek"]).to_have_url(re.compile(r"vendor=deepseek.*kind=blended|kind=blended.*vendor=deepseek"))
    expect(pages["alibaba"]).to_have_url(re.compile(r"kind=output"))
    expect(pages["all"]).to_have_url(re.compile(r"currency=USD"))
    expected = {"deepseek": ["DeepSeek; 2024-04-20 to 2024-07-15; Blended (3 input : 1 output); CNY per million"],
                "alibaba": ["阿里云（通义）；2024-04-20 至 2024-07-15；输出；美元 / 百万 tokens"],
                "all": ["All vendors; 2024-04-20 to 2024-07-15; Output; US$ per million tokens"]}
    for name, page in pages.items():
        expect(page.locator(".js-plotly-plot .annotation-text").filter(has_text=expected[name][0])).to_have_count(1)
        others = [text for other, texts in expected.items() if other != name for text in texts]
        header = " ".join(page.locator(".js-plotly-plot .annotation-text").all_text_contents())
        assert not any(text in header for text in others)
    for page in pages.values():
        page.context.close()


def test_an_edit_under_a_running_server_is_seen_and_undoing_it_brings_the_old_data_back(page: Page, live):
    """The server reads its data from a snapshot keyed on the files' content: an edit makes a new key, so the
    next reload shows the edit, never the snapshot of the files as they were."""
    url, data = live
    open_page(page, url + "/?lang=en")
    lanes = page.locator(".js-plotly-plot .yaxislayer-above")
    expect(lanes).to_contain_text("DeepSeek")
    path = data / "vendors.csv"
    good = path.read_text()
    try:
        stat = path.stat()
        path.write_text(good.replace(",DeepSeek,", ",DeepSeek Edited,", 1))
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
        page.reload()
        expect(lanes).to_contain_text("DeepSeek Edited", timeout=30_000)
    finally:
        path.write_text(good)
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2 * 10**9))
    page.reload()
    expect(lanes).to_contain_text("DeepSeek", timeout=30_000)
    expect(lanes).not_to_contain_text("Edited")
