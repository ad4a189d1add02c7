"""AppTest of every page: it renders from the data, in zh and en, and bad data shows a message, not a traceback."""

import pytest
from streamlit.testing.v1 import AppTest

from pricewar import load_dataset
from pricewar.load import SHIPPED_DATA
from pricewar.safe import md

APP = "../app.py"  # AppTest resolves it from this file's folder


def run(query=None, timeout=30) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=timeout)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.run()


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_overview_shows_the_dataset_size_in_chinese_by_default(monkeypatch):
    monkeypatch.delenv("PRICEWAR_DATA", raising=False)
    at = run()
    assert not at.exception
    counts = load_dataset(SHIPPED_DATA).counts
    assert at.title[0].value == "大模型 API 价格战"
    assert metrics(at) == {"价格记录": str(counts["prices"]), "模型": str(counts["models"]),
                           "厂商": str(counts["price_vendors"]), "事件": str(counts["events"]),
                           "来源": str(counts["sources"]), "存在争议": str(counts["disputes"])}


def test_english_from_the_url(monkeypatch):
    monkeypatch.delenv("PRICEWAR_DATA", raising=False)
    at = run({"lang": "en"})
    assert at.title[0].value == "The LLM API price war"
    assert "Price records" in metrics(at)
    assert at.query_params["lang"] == "en"


def test_language_switch_writes_the_url(monkeypatch):
    monkeypatch.delenv("PRICEWAR_DATA", raising=False)
    at = run()
    at.sidebar.segmented_control[0].set_value("en").run()
    assert at.title[0].value == "The LLM API price war"
    assert at.query_params["lang"] == "en"


def test_unknown_language_falls_back_with_a_notice(monkeypatch):
    monkeypatch.delenv("PRICEWAR_DATA", raising=False)
    at = run({"lang": "<script>"})
    assert not at.exception
    assert at.title[0].value == "大模型 API 价格战"
    assert "lang" not in at.query_params
    # the URL's text reaches the notice Markdown-escaped, so it shows literally and links nowhere
    assert [t.value for t in at.toast] == [r"网址参数 lang=\<script\> 无效，已改用默认值。"]


def test_pointed_at_another_folder_by_environment(monkeypatch):
    from conftest import GOOD

    monkeypatch.setenv("PRICEWAR_DATA", str(GOOD))
    assert metrics(run({"lang": "en"}))["Price records"] == "14"


def test_bad_data_lists_every_problem_as_plain_text(monkeypatch, bad_case):
    monkeypatch.setenv("PRICEWAR_DATA", str(bad_case("prices_several_problems")))
    at = run({"lang": "en"})
    assert not at.exception
    assert at.error[0].value == "The data files have problems, so nothing can be shown (3 problems in 1 file):"
    listing = at.code[0].value.splitlines()
    assert listing[0] == "prices.csv:2: field 'date': value '2024-05-32' — expected a real date as YYYY-MM-DD"
    assert len(listing) == 3 and not at.metric


def test_missing_data_folder_is_a_message(monkeypatch, tmp_path):
    monkeypatch.setenv("PRICEWAR_DATA", str(tmp_path / "gone"))
    at = run()
    assert not at.exception
    assert at.error[0].value == f"找不到数据文件夹：{md(tmp_path / 'gone')}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_problem_text_from_data_is_never_markdown(monkeypatch, bad_case, lang):
    folder = bad_case("prices_unknown_vendor")
    text = (folder / "prices.csv").read_text().replace("aliyun", "[click](https://evil.example)")
    (folder / "prices.csv").write_text(text)
    monkeypatch.setenv("PRICEWAR_DATA", str(folder))
    at = run({"lang": lang})
    # the payload reaches the page only inside a code block, which shows text literally
    assert "[click](https://evil.example)" in at.code[0].value
    assert all("evil.example" not in e.value for e in at.error)


def test_bad_data_summary_is_in_the_page_language(monkeypatch, bad_case):
    monkeypatch.setenv("PRICEWAR_DATA", str(bad_case("prices_several_problems")))
    assert run().error[0].value == "数据文件有误，无法显示。问题如下（1 个文件中有 3 个问题）："
