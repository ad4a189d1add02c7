"""AppTest of every page: it renders from the data in zh and en, each control changes what it should, the URL
round-trips, bad parameters give a notice, and bad data shows a message, never a traceback."""

import json
import os
import re

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from pricewar import i18n, palette
from pricewar.safe import md
from pricewar.view import PARAMS

from conftest import GOOD, model_lines

APP = "../app.py"  # AppTest resolves it from this file's folder
CHARTS = {"timeline": 1, "prices": 1, "compare": 2, "data": 0, "claims": 0, "trend": 1, "story": 1, "model": 1,
          "about": 0}
PAGES = [f"app_pages/{name}.py" for name in CHARTS]
CHARTS = {f"app_pages/{name}.py": count for name, count in CHARTS.items()}


@pytest.fixture(autouse=True)
def shipped_data(monkeypatch):
    monkeypatch.delenv("PRICEWAR_DATA", raising=False)


def run(page="app_pages/timeline.py", query=None, timeout=30) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=timeout)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    if page != "app_pages/timeline.py":
        at.switch_page(page)
    return at.run()


def figs(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def header(fig: dict) -> str:
    """The headline, then the subtitle and the footer (notes, credit line), as drawn."""
    text = "<br>".join(a["text"] for a in fig["layout"]["annotations"]
                       if a.get("name") in ("header", "subtitle", "footer"))
    return text.replace("</b><br><b>", " ")  # the headline as one line, however it was wrapped


def trace_names(fig: dict) -> set[str]:
    return {t["name"] for t in model_lines(fig)}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_renders_its_charts_in_both_languages(page, lang):
    at = run(page, {"lang": lang})
    assert not at.exception
    assert len(at.get("plotly_chart")) == CHARTS[page]
    titles = {"zh": ["时间线", "价格曲线", "厂商对比", "数据与来源", "说法核查", "降价速度", "故事模式", "模型查询",
                     "关于与方法"],
              "en": ["Timeline", "Price curves", "Vendor comparison", "Data & sources", "Claim checker",
                     "Decline rate", "Story", "Model lookup", "About & method"]}
    assert at.title[0].value == titles[lang][PAGES.index(page)]
    for fig in figs(at):
        assert fig["layout"]["font"]["family"].startswith("Noto Sans CJK SC")
        assert ("来源：" if lang == "zh" else "Sources: ") in header(fig)  # outlets in words


def test_the_model_page_finds_a_model_in_either_language_and_shows_its_whole_record():
    at = run("app_pages/model.py", {"lang": "en", "model": "qwen-max"})
    assert not at.exception and at.query_params["model"] == "Qwen-Max"
    box = at.selectbox(key="w_model")
    assert box.value == "Qwen-Max"
    shown = set(box.options)  # as the search box lists them: what a reader types is matched against this
    assert "Doubao-pro · ByteDance (Doubao) / 字节跳动（豆包）" in shown
    assert at.markdown[0].value == md("Qwen-Max (Alibaba Cloud): 4 prices in the data, taking effect between "
                                      "2024-05-22 and 2024-09-19, citing 6 sources: 1 of them from the vendor itself.")
    latest = next(m.value for m in at.markdown if m.value.startswith("- ")).split("\n")  # one list, an item a line
    assert latest[0] == "- " + md("Input: ¥20 per million tokens, from 2024-09-19; last stated by llmprice.cn (GitHub) "
                           "(2025-03-14)")
    table = at.dataframe[0].value
    assert len(table) == 4 and set(table["own"]) == {"a report", "the vendor's own statement"}
    assert any(md("2.4 元 per million") in w.value for w in at.warning)  # the IT Times reading, disputed
    assert trace_names(figs(at)[0]) == {"Input", "Output"}
    box.set_value("Doubao-pro").run()
    assert at.query_params["model"] == "Doubao-pro"
    assert trace_names(figs(at)[0]) == {"Input 32k", "Input 128k", "Output 32k", "Output 128k"}
    (launch,) = [e for e in at.expander if e.label.startswith(md("2024-05-15"))]  # the launch event's card
    assert not launch.children, "a card is drawn when its expander is opened, not on every run"
    (key,) = [k for k in at.session_state if str(k).startswith("event_")]
    at.session_state[key] = True  # the reader opens it
    at.run()
    assert at.subheader[-1].value == md("ByteDance launches Doubao: Doubao-pro 32k input at 0.0008 yuan per thousand "
                                        "tokens")
    zh = run("app_pages/model.py", {"lang": "zh", "model": "Doubao-pro"})
    assert zh.markdown[0].value.startswith(md("Doubao-pro（字节跳动）：数据中有 4 条价格"))
    assert list(zh.dataframe[0].value["stated"])[:1] == ["5 元 / 百万 tokens"]
    usd = run("app_pages/model.py", {"lang": "en", "model": "DeepSeek-V2", "currency": "USD"})
    first = next(m.value for m in usd.markdown if m.value.startswith("- ")).split("\n")[0]  # converted: says so
    assert first == "- " + md("Input: $0.138 per million tokens (stated as 1 CNY per million tokens, converted at "
                              "2024-05's average of 7.2327 元 per US$), from 2024-05-06; last stated by AI Tech Base "
                              "Camp (2024-05-25)")


def test_vendor_filter_changes_the_curves_and_the_url():
    at = run("app_pages/prices.py", {"lang": "en"})
    assert len(trace_names(figs(at)[0])) > 20
    at.sidebar.multiselect[0].set_value(["deepseek", "openai"]).run()
    names = trace_names(figs(at)[0])
    assert "DeepSeek-V3" in names and "GPT-4o" in names and "Doubao-pro 32k" not in names
    assert at.query_params["vendor"] == ["deepseek", "openai"]


def test_currency_and_kind_change_axis_and_title():
    at = run("app_pages/prices.py", {"lang": "en", "vendor": "deepseek"})
    at.sidebar.segmented_control[1].set_value("USD").run()
    fig = figs(at)[0]
    assert "US$ per million tokens" in header(fig) and fig["layout"]["yaxis"]["ticktext"][0].startswith("$")
    at.sidebar.radio[0].set_value("output").run()
    assert "cheapest output price" in header(figs(at)[0])
    assert at.query_params["currency"] == "USD" and at.query_params["kind"] == "output"


def test_language_switch_changes_labels_and_url():
    at = run("app_pages/prices.py")
    at.sidebar.segmented_control[0].set_value("en").run()
    assert at.title[0].value == "Price curves"
    assert "cheapest" in header(figs(at)[0])
    assert at.query_params["lang"] == "en"


def test_url_round_trips_into_every_control():
    query = {"lang": "en", "vendor": ["alibaba", "baidu"], "currency": "USD", "kind": "blended",
             "from": "2024-05-01", "to": "2024-07-01"}
    at = run("app_pages/prices.py", query)
    assert sorted(at.sidebar.multiselect[0].value) == ["alibaba", "baidu"]
    assert at.sidebar.radio[0].value == "blended"
    fig = figs(at)[0]
    assert trace_names(fig) <= {"Qwen-Long", "Qwen-Max", "ERNIE Speed 8k", "ERNIE Lite 8k", "ERNIE 4.0 8k"}
    assert fig["layout"]["xaxis"]["range"][0].startswith("2024-05-01")
    for key, value in query.items():
        assert at.query_params[key] == value
    assert not at.toast


def test_the_view_survives_moving_between_pages():
    at = run("app_pages/prices.py", {"lang": "en", "vendor": ["deepseek"]})
    at.switch_page("app_pages/compare.py").run()
    assert at.title[0].value == "Vendor comparison"
    assert at.query_params["vendor"] == "deepseek" and at.query_params["lang"] == "en"
    assert "DeepSeek" in header(figs(at)[0])


def test_bad_parameters_fall_back_with_one_notice():
    at = run("app_pages/prices.py", {"lang": "en", "vendor": ["deepseek", "nosuch"], "currency": "EUR",
                                 "from": "2024-13-01", "kind": "<b>x</b>"})
    assert not at.exception
    assert [t.value for t in at.toast] == [md("These link parameters were not valid; the default or the nearest "
                                              "valid value is shown: vendor=nosuch → ignored; from=2024-13-01 → "
                                              "2023-03-01; currency=EUR → CNY; kind=<b>x</b> → input")]
    # each DeepSeek model at its standard price (the off-peak hours are lines only on request)
    assert trace_names(figs(at)[0]) == {"DeepSeek-V2", "DeepSeek-V3", "DeepSeek-R1", "DeepSeek-V4-Flash",
                                        "DeepSeek-V4-Pro", "DeepSeek-V4.1-Flash"}
    assert "currency" not in at.query_params and at.query_params["vendor"] == "deepseek"


def test_timeline_event_card_from_the_list_and_the_url():
    at = run("app_pages/timeline.py", {"lang": "en", "event": "deepseek-v3-price-restored"})
    assert at.selectbox[0].value == "deepseek-v3-price-restored"
    assert at.subheader[0].value == md("DeepSeek-V3's 45-day promotion ends; the full price returns")
    quotes = [part for m in at.markdown for part in m.value.split("\n\n") if part.startswith("> ")]
    assert any("2月9日" in q for q in quotes)
    at.selectbox[0].set_value("zhipu-glm3-turbo-cut").run()
    assert at.query_params["event"] == "zhipu-glm3-turbo-cut"
    # the dispute is shown, its source by name and date, not by id
    assert any(md("(Shuzi Shengming Kazike, 2024-05-22)") in w.value for w in at.warning), [w.value for w in at.warning]


def test_compare_reference_model_and_dates():
    at = run("app_pages/compare.py", {"lang": "en", "ref": "GPT-4 Turbo"})
    table = at.dataframe[0].value
    row = table[table["Model"] == "Doubao-pro 32k"].iloc[0]
    # on the data's last day, after the last published rate: converted at it, said to be provisional; and
    # neither price is confirmed by any source that late, which the sentence says too
    assert row["Sentence to quote"] == (
        "Doubao-pro 32k costs 1/85 of GPT-4 Turbo's price (converted at 2026-06's average of 6.7758 元 per US$, "
        "provisional: no later month is published yet) (prices last confirmed by a source: Doubao-pro 32k "
        "2024-05-25; GPT-4 Turbo 2024-05-15)")
    at.selectbox[0].set_value("DeepSeek-V2").run()
    assert at.query_params["ref"] == "DeepSeek-V2"
    at.date_input(key="w_at").set_value(__import__("datetime").date(2025, 2, 10)).run()
    assert header(figs(at)[0]).startswith("<b>On 2025-02-10")


def test_data_page_lists_exactly_the_filtered_rows_and_exports_them():
    at = run("app_pages/data.py", {"lang": "en", "vendor": "tencent", "kind": "input"})
    shown = at.dataframe[0].value
    assert set(shown["model"]) == {"hunyuan-lite", "hunyuan-standard", "hunyuan-pro"}
    button = at.get("download_button")[0]
    assert f"({len(shown)} rows)" in button.proto.label
    assert at.dataframe[1].value["id"].tolist() == ["aikeji-2024-05-25"]


def test_presentation_mode_shows_the_chart_alone(monkeypatch):
    import ui.view

    monkeypatch.setattr(ui.view, "embedded", lambda: True)  # what st.context says for ?embed=true
    at = run("app_pages/prices.py", {"lang": "en"})
    assert len(at.get("plotly_chart")) == 1
    assert not at.title and not at.sidebar.multiselect and not at.get("popover")


def test_pointed_at_another_folder_by_environment(monkeypatch):
    monkeypatch.setenv("PRICEWAR_DATA", str(GOOD))
    at = run("app_pages/data.py", {"lang": "en"})
    fixture = (GOOD / "prices.csv").read_text()
    assert len(at.dataframe[0].value) == fixture.count(",input,") + fixture.count(",cache_miss,") == 9


def test_bad_data_lists_every_problem_as_plain_text(monkeypatch, bad_case):
    monkeypatch.setenv("PRICEWAR_DATA", str(bad_case("prices_several_problems")))
    at = run(query={"lang": "en"})
    assert not at.exception
    assert at.error[0].value == "The data files have problems, so nothing can be shown (3 problems in 1 file):"
    listing = at.code[0].value.splitlines()
    assert listing[0] == "prices.csv:2: field 'date': value '2024-05-32' — expected a real date as YYYY-MM-DD"
    assert len(listing) == 3 and not at.get("plotly_chart")


def test_bad_data_summary_is_in_the_page_language(monkeypatch, bad_case):
    monkeypatch.setenv("PRICEWAR_DATA", str(bad_case("prices_several_problems")))
    assert run().error[0].value == "数据文件有误，无法显示。问题如下（1 个文件中有 3 个问题）："


def test_missing_data_folder_is_a_message(monkeypatch, tmp_path):
    monkeypatch.setenv("PRICEWAR_DATA", str(tmp_path / "gone"))
    at = run()
    assert not at.exception
    assert at.error[0].value == f"找不到数据文件夹：{md(tmp_path / 'gone')}"


def test_problem_text_from_data_is_never_markdown(monkeypatch, bad_case):
    folder = bad_case("prices_unknown_vendor")
    text = (folder / "prices.csv").read_text().replace("aliyun", "[click](https://evil.example)")
    (folder / "prices.csv").write_text(text)
    monkeypatch.setenv("PRICEWAR_DATA", str(folder))
    at = run()
    assert "[click](https://evil.example)" in at.code[0].value
    assert all("evil.example" not in e.value for e in at.error)


@pytest.mark.browser  # kaleido drives the system chromium
def test_every_chart_offers_its_three_image_files_built_only_when_clicked():
    at = run("app_pages/compare.py", {"lang": "en", "vendor": "deepseek"}, timeout=90)
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["PNG 16:9", "PNG square", "SVG"] * 2  # under the ranking and under before → after
    # a file is made on the click (a deferred download), never while the page runs (the browser test clicks)
    assert all(b.proto.deferred_file_id for b in at.get("download_button"))


def test_an_edited_data_file_is_picked_up_and_filters_do_not_reload(monkeypatch, good_copy):
    import pricewar.snapshot

    monkeypatch.setenv("PRICEWAR_DATA", str(good_copy))
    calls = []
    real = pricewar.snapshot.load
    monkeypatch.setattr("pricewar.snapshot.load", lambda d: calls.append(d) or real(d))
    at = run("app_pages/data.py", {"lang": "en", "kind": "output"})
    rows = len(at.dataframe[0].value)
    loads = len(calls)
    at.sidebar.segmented_control[1].set_value("USD").run()
    at.sidebar.radio[0].set_value("input").run()
    assert len(calls) == loads  # a filter change reads no file
    with open(good_copy / "prices.csv", "a") as f:
        f.write("2024-06-01,,zhipu,GLM-4-Air,,output,1,CNY,per_1m_tokens,article-a,新模型,,,,\n")
    at.sidebar.radio[0].set_value("output").run()
    assert len(calls) == loads + 1 and len(at.dataframe[0].value) == rows + 1


def test_charts_are_shared_between_readers_but_never_stale(monkeypatch, good_copy):
    """Figures are cached per data version and view and shared by sessions: the same view gives another
    reader the same chart, another view its own chart, and an edit of the data a new chart."""
    monkeypatch.setenv("PRICEWAR_DATA", str(good_copy))
    query = {"lang": "en", "vendor": "deepseek"}
    first = figs(run("app_pages/prices.py", query))[0]
    assert figs(run("app_pages/prices.py", query))[0] == first
    assert figs(run("app_pages/prices.py", {**query, "currency": "USD"}))[0] != first
    with open(good_copy / "prices.csv", "a") as f:
        f.write("2024-06-01,,deepseek,DeepSeek-Coder,,input,1,CNY,per_1m_tokens,article-a,新模型,,,,\n")
    names = trace_names(figs(run("app_pages/prices.py", query))[0])
    assert "DeepSeek-Coder" in names and "DeepSeek-Coder" not in trace_names(first)


def test_after_the_server_warm_up_the_first_page_view_reads_no_file(monkeypatch):
    """serve.py runs ui.data.warm_up() when the server starts: the first reader then finds the data
    loaded, checked and normalized."""
    import pricewar.snapshot
    from ui.data import _last_good, _loaded, warm_up

    calls = []
    real = pricewar.snapshot.load
    monkeypatch.setattr("pricewar.snapshot.load", lambda d: calls.append(d) or real(d))
    _loaded.clear()
    _last_good.clear()
    warm_up()
    assert len(calls) == 1
    at = run("app_pages/prices.py", {"lang": "en"})
    assert len(calls) == 1 and len(figs(at)[0]["data"]) > 10


def test_a_broken_edit_keeps_the_last_valid_data_under_a_banner(monkeypatch, good_copy):
    monkeypatch.setenv("PRICEWAR_DATA", str(good_copy))
    at = run("app_pages/data.py", {"lang": "en"})
    rows = len(at.dataframe[0].value)
    good = (good_copy / "prices.csv").read_text()
    (good_copy / "prices.csv").write_text(good.replace("2024-05-06,,deepseek", "2024-05-32,,deepseek", 1))
    at.run()
    assert not at.exception and not at.error
    assert at.warning[0].value.startswith("The data files were just edited into an invalid state")
    assert at.code[0].value.startswith("prices.csv:2: field 'date': value '2024-05-32'")
    assert len(at.dataframe[0].value) == rows  # still the last valid data
    (good_copy / "prices.csv").write_text(good)
    at.run()
    assert not at.warning and len(at.dataframe[0].value) == rows
    assert (good_copy / "prices.csv").read_text() == good  # the app wrote nothing


def test_a_session_that_changes_its_data_cannot_change_another_sessions():
    from pricewar.load import default_data_dir, fingerprint
    from ui.data import _load

    normal = run("app_pages/data.py", {"lang": "en"}).dataframe[0].value
    mine = _load(fingerprint(default_data_dir()))
    mine.normalized["cny_per_1m"] = -1.0  # what a careless page might do to its copy
    mine.series["price_1m"] = -1.0
    mine.events["title_en"] = "changed"
    again = run("app_pages/data.py", {"lang": "en"}).dataframe[0].value
    assert again.equals(normal) and (again["converted"] > -1).all()


def test_claims_page_follows_the_vendor_filter():
    every = run("app_pages/claims.py", {"lang": "en"})
    kimi = run("app_pages/claims.py", {"lang": "en", "vendor": "moonshot"})
    heads = [m.value for m in kimi.markdown if "-badge[" in m.value]
    assert any("Qwen, Doubao, Kimi and Baidu mostly cut prices by more than 80%" in h for h in heads)
    assert not any("DeepSeek-V2 costs 1/70 of GPT-4 Turbo" in h for h in heads)  # names no Moonshot model
    total = len([m for m in every.markdown if "-badge[" in m.value])
    note = f"Only the claims about the chosen vendors (and those about the whole market): {len(heads)} of {total}."
    assert note in [c.value for c in kimi.caption] and len(heads) < total
    assert kimi.markdown[0].value.startswith(f"{len(heads)} claims — holds\\: ")  # md() escapes the colon


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_claims_page_gives_every_claim_a_verdict_with_its_rows(lang):
    at = run("app_pages/claims.py", {"lang": lang})
    assert not at.exception
    badges = [m.value for m in at.markdown if "-badge[" in m.value]
    checkable = [b for b in badges if i18n.t("verdict_not_checkable", lang) not in b]
    head = f"| {md(i18n.t('col_kind', lang))} |"  # each checkable card's text ends with its verdicts' table
    assert all(head in b for b in checkable) and not any(head in b for b in badges if b not in checkable)
    assert len(checkable) < len(badges) and not at.table  # the rows wait to be opened; a cost claim has none
    at.session_state["rows_v2-70th-of-gpt-4-turbo"] = True  # the reader opens the first card's rows
    at.run()
    verdicts = [i18n.t(f"verdict_{v}", lang) for v in ("holds", "roughly", "fails", "mixed", "baseline",
                                                         "not_checkable", "no_data")]
    badges = [m.value for m in at.markdown if "-badge[" in m.value]
    assert len(badges) >= 20 and all(any(f"[{v}]" in b for v in verdicts) for b in badges)
    assert "| 1/72 |" in badges[0]  # DeepSeek-V2 against GPT-4 Turbo, input
    rows = at.table[0].value  # cells are Markdown-escaped: st.table renders Markdown
    ids = md("kazike-2024-05-22;aikeji-2024-05-25;small-tou-deepseek-2fc8de4")
    assert ids in set(rows[i18n.t("col_source", lang)])


def test_trend_page_fits_the_chosen_set_beside_the_published_figures():
    at = run("app_pages/trend.py", {"lang": "en", "kind": "blended", "currency": "USD"})
    title = header(figs(at)[0])
    assert title.startswith("<b>Prices fell ") and "per year (90% interval" in title and "GPT-4 class" in title
    published = at.dataframe[0].value
    assert published.iloc[0, 0] == "This dataset (GPT-4 class)"
    # who said it, and the source by name and date (not by id)
    who = set(published.iloc[:, 0])
    assert {"Epoch AI (Epoch AI, 2025-03-12)", "Sam Altman (Sam Altman's blog, 2025-02-09)"} <= who
    assert "at least 10×" in set(published.iloc[:, 1])  # Robin Li's "90%以上": no upper bound
    fit_line = [t for t in figs(at)[0]["data"] if (t.get("meta") or {}).get("role") == "fit"]
    assert len(fit_line) == 1
    at.radio(key="w_trend_set").set_value("cn").run()
    # 2024–26 in China: a yearly figure whose interval includes no change, and the title says so
    assert header(figs(at)[0]).startswith("<b>Prices fell 3.5× per year (90% interval 0.35–35×); the interval "
                                          "includes no change")
    assert "Models from China" in header(figs(at)[0]) and at.query_params["set"] == "cn"


def test_story_steps_through_the_war_and_keeps_the_step_in_the_url(ds):
    from pricewar.story import steps

    story = list(steps(ds.events)["id"])
    at = run("app_pages/story.py", {"lang": "en", "step": "5"})  # a numbered link of before step ids
    fig = figs(at)[0]
    assert header(fig).startswith("<b>Step 5 of ")
    assert at.query_params["step"] == story[4]  # links name the step by its event from now on
    colours = {t["name"]: t["line"]["color"] for t in model_lines(fig)}
    grey = {n for n, c in colours.items() if c == palette.CONTEXT}
    assert grey and set(colours) - grey == {"ERNIE Speed 8k", "ERNIE Lite 8k"}  # step 5: Baidu's free models
    at.button[1].click().run()  # next
    assert at.query_params["step"] == story[5] and header(figs(at)[0]).startswith("<b>Step 6 of ")
    at.button[0].click().run()  # previous
    assert at.query_params["step"] == story[4]
    assert story[0] == "deepseek-v2-launch"
    assert {"deepseek-v3-price-restored", "ernie-bot-free", "chatgpt-free-gpt-5"} <= set(story)
    last = run("app_pages/story.py", {"lang": "zh", "step": story[-1]})
    assert header(figs(last)[0]).startswith(f"<b>第 {len(story)}/{len(story)} 步")
    assert last.subheader[0].value  # the step's event card


def test_story_step_out_of_range_shows_the_nearest_step_with_a_notice(ds):
    from pricewar.story import steps

    at = run("app_pages/story.py", {"lang": "en", "step": "999"})
    total = len(steps(ds.events))
    assert header(figs(at)[0]).startswith(f"<b>Step {total} of {total}") and at.toast
    assert "step=999 → " in at.toast[0].value


def test_story_in_presentation_mode_is_the_chart_of_the_step(monkeypatch):
    import ui.view

    monkeypatch.setattr(ui.view, "embedded", lambda: True)
    at = run("app_pages/story.py", {"lang": "en", "step": "ernie-speed-lite-free"})
    assert len(at.get("plotly_chart")) == 1 and not at.button and not at.title and not at.subheader
    assert header(figs(at)[0]).startswith("<b>Step 5 of ") and "ERNIE" in header(figs(at)[0])


@pytest.mark.browser  # the zip holds images made with the system chromium
def test_the_dashboard_exports_the_current_view_as_one_zip_only_when_asked(monkeypatch):
    import io
    import zipfile

    monkeypatch.setenv("PRICEWAR_DATA", str(GOOD))
    at = run("app_pages/prices.py", {"lang": "en", "vendor": "deepseek"}, timeout=120)
    assert not [b for b in at.get("download_button") if "zip" in b.proto.label]
    at.sidebar.button(key="zip_make").click().run()
    assert not at.exception
    (data,) = at.session_state["_zip"].values()
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert {"index.html", "plotly.min.js", "prices-en.html", "prices-en.png", "prices-en-square.png",
            "prices-en.svg", "prices-en.csv"} <= set(names)
    assert all(n.endswith("-en" + n[n.rindex("."):]) or n in ("index.html", "plotly.min.js")
               or n.endswith("-en-square.png") for n in names)


def test_the_data_table_shows_an_empty_tier_as_empty_text_not_none():
    # prices load as categoricals; the browser's grid draws a categorical's empty text as "None"
    table = run("app_pages/data.py", {"lang": "en", "vendor": "deepseek"}).dataframe[0].value
    assert "" in set(table["tier"]) and not {"None", "nan"} & set(table["tier"])
    assert set(table["tier"]) <= {"", "00:30–08:30", "18:00–09:00, 12:00–14:00"}  # the off-peak hours, shown
    assert not any(isinstance(table[c].dtype, pd.CategoricalDtype) for c in table.columns)


# --- any data folder, any URL --------------------------------------------------------------------------------
OPTIONAL = ("events.yaml", "claims.yaml", "classes.yaml", "published_rates.yaml", "corrections.yaml")


def notices(at: AppTest) -> str:
    return " ".join(e.value for e in [*at.info, *at.caption])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_folder_with_only_the_required_files_renders_every_page_and_says_what_is_missing(
        monkeypatch, good_copy, lang):
    for name in OPTIONAL:
        (good_copy / name).unlink()
    monkeypatch.setenv("PRICEWAR_DATA", str(good_copy))
    said = {}
    for page in PAGES:
        at = run(page, {"lang": lang})
        assert not at.exception and not at.error, page
        said[page] = notices(at)
    missing = {"zh": "但数据文件夹中没有这个文件", "en": "which the data folder does not have"}[lang]
    assert md("events.yaml") in said["app_pages/timeline.py"] and missing in said["app_pages/timeline.py"]
    assert md("events.yaml") in said["app_pages/story.py"]
    assert md("claims.yaml") in said["app_pages/claims.py"]
    assert md("published_rates.yaml") in said["app_pages/trend.py"]
    assert md("events.yaml") in said["app_pages/prices.py"]  # a caption: the chart is drawn, without event labels
    assert missing not in said["app_pages/data.py"] + said["app_pages/compare.py"]


@pytest.mark.parametrize("case,page_file,file", [
    ("claims_unknown_model", "app_pages/claims.py", "claims.yaml"),
    ("classes_without_models", "app_pages/trend.py", "classes.yaml"),
    ("rates_low_above_high", "app_pages/trend.py", "published_rates.yaml"),
    ("events_bad_importance", "app_pages/timeline.py", "events.yaml"),
])
def test_a_broken_optional_file_is_listed_on_the_page_that_needs_it(monkeypatch, bad_case, case, page_file, file):
    monkeypatch.setenv("PRICEWAR_DATA", str(bad_case(case)))
    at = run(page_file, {"lang": "en"})
    assert not at.exception and not at.error
    text = notices(at)
    assert f"This needs {md(file)}" in text and "which has problems and is not used" in text
    assert any(c.value.startswith(f"{file}:") for c in at.code)  # file, line, field, value, expectation
    other = run("app_pages/data.py", {"lang": "en"})  # a page that does not need it is as usual
    assert not other.exception and not other.info and len(other.dataframe[0].value) > 0


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    from generate import tracker_folder

    return tracker_folder(tmp_path_factory.mktemp("tracker") / "data")


def test_a_tracker_sized_folder_into_2026_validates(big, capsys):
    from pricewar.cli import main

    assert main(["validate", str(big)]) == 0
    out = capsys.readouterr().out
    assert "(150 models, 15 vendors)" in out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_tracker_sized_folder_renders_every_page_and_its_dates_are_reachable(monkeypatch, big, lang):
    from datetime import date

    monkeypatch.setenv("PRICEWAR_DATA", str(big))
    for page in PAGES:
        at = run(page, {"lang": lang})
        assert not at.exception and not at.error and not at.info, page
        assert len(at.get("plotly_chart")) == CHARTS[page], page
    from pricewar import load_dataset

    first = load_dataset(big).first.date()
    at = run("app_pages/prices.py", {"lang": lang, "to": "2026-11-30", "from": "2026-01-01"})
    dates = at.sidebar.date_input[0]
    assert (dates.proto.min, dates.proto.max) == (first.isoformat(), "2026-11-30")
    assert dates.value == (date(2026, 1, 1), date(2026, 11, 30)) and not at.toast
    assert figs(at)[0]["layout"]["xaxis"]["range"][1].startswith("2026-11-30")
    at = run("app_pages/compare.py", {"lang": lang})
    assert at.date_input(key="w_at").value == date(2026, 11, 30)  # today's prices by default
    countries = {"zh": ["法国的模型", "韩国的模型"], "en": ["Models from France", "Models from South Korea"]}[lang]
    trend = run("app_pages/trend.py", {"lang": lang})
    assert set(countries) <= set(trend.radio(key="w_trend_set").options)  # the options as the reader reads them


ANY_VALUE = st.one_of(st.text(max_size=12), st.sampled_from([
    "2022-01-01", "2030-12-31", "2024-05-06", "1999-13-40", "0", "-3", "999999", "en", "zh", "USD", "EUR",
    "blended", "deepseek", "deepseek-v2-launch", "GPT-4 Turbo", "gpt-4-class", "cn", "true", "<b>x</b>",
    "[x](https://evil.example)", "x" * 300]))


@settings(max_examples=int(os.environ.get("PRICEWAR_FUZZ_URLS", "50")), deadline=None,
          derandomize="PRICEWAR_FUZZ_URLS" not in os.environ,  # make test: the same cases; make fuzz: new ones
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(page=st.sampled_from(PAGES),
       params=st.dictionaries(st.sampled_from([p.name for p in PARAMS if p.name != "embed"] + ["zzz"]),
                              st.lists(ANY_VALUE, min_size=1, max_size=3), max_size=8))
def test_any_url_on_any_page_renders_with_at_most_one_notice(page, params):
    at = run(page, params)
    assert not at.exception and not at.error, (page, params)
    assert len(at.toast) <= 1


@pytest.mark.parametrize("page_file,names", [
    ("app_pages/timeline.py", ["timeline"]),
    ("app_pages/prices.py", ["prices"]),
    ("app_pages/story.py", ["story-07"]),
    ("app_pages/compare.py", ["ranking", "before-after"]),
    ("app_pages/trend.py", ["trend"]),
])
def test_the_page_and_pricewar_export_draw_the_same_figure_for_the_same_view(ds, page_file, names):
    import plotly.io as pio

    from pricewar.export import charts
    from pricewar.view import Choices, parse_view

    query = {"lang": "en", "vendor": ["bytedance", "deepseek", "openai"], "currency": "USD", "kind": "blended",
             "from": "2024-03-01", "to": "2025-03-01", "at": "2024-12-01", "before": "2024-05-01",
             "after": "2025-02-01", "step": "7", "set": "us"}
    at = run(page_file, query)
    view, notices = parse_view(query, Choices.of(ds))
    assert notices == []
    exported = {c.name: json.loads(pio.to_json(c.figure, validate=False)) for c in charts(ds, view, only=names)
                if c.name in names}
    assert [exported[name] for name in names] == figs(at)


def test_a_story_of_one_step_has_nothing_to_slide(monkeypatch):
    monkeypatch.setenv("PRICEWAR_DATA", str(GOOD))  # one event of importance ≥ 2
    at = run("app_pages/story.py", {"lang": "en"})
    assert not at.exception and not at.select_slider
    assert header(figs(at)[0]).startswith("<b>Step 1 of 1: DeepSeek-V2 launches")
    story_buttons = [b for b in at.button if b.label in ("Previous", "Next")]
    assert len(story_buttons) == 2 and all(b.disabled for b in story_buttons)  # nowhere to go


# --- numbers a journalist can publish --------------------------------------------------------------------------
def reader_text(at: AppTest) -> str:
    """Every text a reader sees on the page: Markdown, captions, notices, tables and every string inside its
    figures (titles, labels, hover texts, ticks)."""
    parts = [e.value for kind in ("markdown", "caption", "title", "subheader", "info", "warning", "toast")
             for e in getattr(at, kind)]
    parts += [t.value.to_string() for t in [*at.table, *at.dataframe]]

    def strings(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for value in node.values():
                yield from strings(value)
        elif isinstance(node, list):
            for value in node:
                yield from strings(value)

    for fig in figs(at):
        parts += list(strings(fig["data"])) + list(strings(fig["layout"]))
    return "\n".join(parts)


# 1e+02, 2.1e-05 — Python and numpy always write the exponent's sign; a commit like 1e8eb0c or 197e191 has none
SCIENTIFIC = re.compile(r"(?<![\w#.\-])\d+(?:\.\d+)?[eE][+-]\d+(?!\w)")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_no_page_writes_a_number_in_scientific_notation(page, lang):
    for query in ({"lang": lang}, {"lang": lang, "currency": "USD", "kind": "output", "at": "2024-05-06",
                                   "ref": "DeepSeek-V2", "set": "all"}):
        at = run(page, query)
        for _ in range(2):  # what is drawn only when opened too: a claim's rows, an event's card, its translation
            lazy = [k for k in at.session_state if str(k).startswith(("rows_", "event_", "other_"))
                    and not at.session_state[k]]
            for key in lazy:
                at.session_state[key] = True
            if lazy:
                at.run()
        found = SCIENTIFIC.findall(reader_text(at))
        assert not found, (page, query, found[:5])


def test_one_ratio_reads_the_same_on_every_page_and_in_both_currencies():
    # DeepSeek-V2 against GPT-4 Turbo on 2024-05-06: 1 元 against $10 × 7.2327 (May 2024) = 1/72 on input
    for currency in ("CNY", "USD"):
        compare = run("app_pages/compare.py", {"lang": "en", "currency": currency, "at": "2024-05-06",
                                               "ref": "GPT-4 Turbo"})
        table = compare.dataframe[0].value.set_index("Model")
        assert table.loc["DeepSeek-V2", "Ratio"] == "1/72", currency
        assert table.loc["DeepSeek-V2", "Sentence to quote"] == (
            "DeepSeek-V2 costs 1/72 of GPT-4 Turbo's price (converted at 2024-05's average of 7.2327 元 per US$)")
    claims = run("app_pages/claims.py", {"lang": "en"})
    card = next(m.value for m in claims.markdown if "| 1/72 |" in m.value)  # the verdicts' table of a claim card
    assert "| 1/108 |" in card
    card = run("app_pages/timeline.py", {"lang": "en", "event": "deepseek-v2-launch"})
    assert "1/72" in reader_text(card) and md("7.2327") in reader_text(card)  # the card's note names the rate


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_data_page_shows_the_corrections_log_in_the_readers_language(lang):
    at = run("app_pages/data.py", {"lang": lang})
    log = next(m.value for m in at.markdown if m.value.startswith("- **"))  # a list, newest first
    assert log.count("\n- **") >= 9 and ("  - Why: " if lang == "en" else "  - 原因：") in log
    assert "3368203" in log or "3,368,203" in log
    assert (md("pricewar data 2026.12.3") if lang == "en" else md("pricewar 数据 2026.12.3")) in reader_text(at)


def test_a_yearly_rate_verdict_shows_the_range_of_claims_it_supports():
    at = run("app_pages/claims.py", {"lang": "en"})
    altman = next(m.value for m in at.markdown if "10× every 12 months" in m.value)
    assert "supports any figure from" in altman


def test_the_sidebar_takes_a_headline_and_a_highlight_for_the_chart_and_puts_them_in_the_url():
    at = run("app_pages/compare.py", {"lang": "en"})
    assert not at.sidebar.text_input  # the boxes are drawn when the reader opens "Your words"
    at.session_state["words_open"] = True
    at.run()
    at.sidebar.selectbox(key="w_chart").set_value("before-after").run()
    at.sidebar.text_input(key="w_headline").input("Prices <b>collapsed</b>").run()
    at.sidebar.text_input(key="w_byline").input("Jane Doe").run()
    assert at.query_params["headline"] == "Prices <b>collapsed</b>" and at.query_params["chart"] == "before-after"
    ranking, after = figs(at)
    assert header(after).startswith("<b>Prices &lt;b&gt;collapsed&lt;/b&gt;</b>")  # plain text, not markup
    assert "Prices" not in header(ranking).split("<br>")[0] and "Chart: Jane Doe" in header(ranking)
    at.sidebar.multiselect(key="w_highlight").set_value(["GPT-4o", "DeepSeek-V2"]).run()
    assert at.query_params["highlight"] == ["GPT-4o", "DeepSeek-V2"]
    bars = figs(at)[0]["data"][0]
    colours = dict(zip(bars["y"], bars["marker"]["color"], strict=True))
    assert colours["GPT-4o"] == palette.HIGHLIGHT[0] and colours["DeepSeek-V2"] == palette.HIGHLIGHT[1]
    assert colours["GPT-4 8k"] == palette.CONTEXT


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_on_a_phone_a_claims_verdicts_are_one_line_each_not_a_wide_table(monkeypatch, lang):
    import ui.charts

    monkeypatch.setattr(ui.charts, "layout_size", lambda: "phone")  # what a phone's user agent gives
    at = run("app_pages/claims.py", {"lang": lang})
    card = next(m.value for m in at.markdown if "1/108" in m.value and "-badge[" in m.value)
    assert "| --- |" not in card  # five columns run off a 390 px screen
    colon = i18n.t("colon", lang)
    kind, computed, claimed, verdict = (md(i18n.t(f"col_{c}", lang)) for c in ("kind", "computed", "claimed",
                                                                                  "verdict"))
    assert (f"- {kind}{colon}{md(i18n.t('kind_output', lang))} · {computed}{colon}1/108 · {claimed}{colon}1/70 · "
            f"{verdict}{colon}{md(i18n.t('verdict_fails', lang))}") in card.split("\n")


@pytest.mark.parametrize("page,pinned,first", [("app_pages/data.py", "model", ["model", "date", "kind", "converted"]),
                                                ("app_pages/model.py", "date", ["date", "kind", "tier", "converted"]),
                                                ("app_pages/trend.py", "Who", ["Who", "Fall per year", "Finding"])])
def test_on_a_phone_wide_tables_keep_their_key_columns_in_view(monkeypatch, page, pinned, first):
    import ui.charts

    desktop = run(page, {"lang": "en"}).dataframe[0].proto
    assert list(desktop.column_order) == []  # every column on a desktop
    monkeypatch.setattr(ui.charts, "layout_size", lambda: "phone")  # what a phone's user agent gives
    phone = run(page, {"lang": "en"}).dataframe[0].proto
    assert list(phone.column_order)[:len(first)] == first and len(phone.column_order) <= 11
    assert json.loads(phone.columns)[pinned]["pinned"] is True  # held in view while the rest scroll


def test_a_claim_checked_on_a_price_no_source_confirms_that_day_says_so():
    at = run("app_pages/claims.py", {"lang": "en"})
    text = reader_text(at)
    # Doubao's "99.3% cheaper" compares with GPT-4 Turbo's price, last stated by a source on 2024-05-15
    assert md("Some prices are not confirmed by a source on the day compared, only carried from their last "
              "confirmation: GPT-4 Turbo (2024-05-15)") in text
    zh = reader_text(run("app_pages/claims.py", {"lang": "zh"}))
    assert md("部分价格在比较之日未获来源证实") in zh and md("GPT-4 Turbo（2024-05-15）") not in zh


def test_the_chart_a_reader_gets_is_the_built_figure_on_every_run():
    """st.plotly_chart is handed each built figure's dict, made once and shared (ui.charts._Sent): what reaches
    the browser is exactly the registry's figure, and serializing it for one run never changes it for the
    next."""
    import plotly.io as pio

    from pricewar import load_dataset
    from pricewar.charts import build
    from pricewar.view import Choices

    data = load_dataset()
    view = Choices.of(data).default().with_(lang="en")
    expected = pio.to_json(build("prices", data, view, "page", "").figure, validate=False)
    at = run("app_pages/prices.py", {"lang": "en"})
    assert at.get("plotly_chart")[0].proto.spec == expected
    at.sidebar.radio[0].set_value("output").run()
    assert at.get("plotly_chart")[0].proto.spec != expected
    at.sidebar.radio[0].set_value("input").run()  # the first view again: from the cache, the same bytes
    assert at.get("plotly_chart")[0].proto.spec == expected
