"""The chart registry: every chart defined once, each giving its figure and the rows behind it."""

import html
from datetime import date

import pytest

from pricewar import charts
from pricewar.normalize import price_at
from pricewar.select import prices_in_view
from pricewar.story import steps
from pricewar.view import PAGES


def header(fig) -> str:
    """The headline and the subtitle, as drawn (wrapped lines joined by <br>)."""
    return "<br>".join(a.text for a in fig.layout.annotations if a.name in ("header", "subtitle"))


def flat(text: str) -> str:
    """Drawn text without its line breaks and spaces (a Chinese line may break between any two characters)."""
    return "".join(text.replace("<br>", "").split())


def test_every_chart_is_defined_once_for_a_page():
    assert list(charts.CHARTS) == ["timeline", "prices", "story", "model", "ranking", "before-after", "ratios", "trend"]
    assert {c.page for c in charts.CHARTS.values()} <= set(PAGES)


@pytest.mark.parametrize("name", list(charts.CHARTS))
@pytest.mark.parametrize("size", ["page", "wide", "square", "phone"])
def test_every_chart_builds_its_figure_and_rows_at_every_size(ds, view, name, size):
    built = charts.build(name, ds, view.with_(lang="en"), size)
    assert len(built.rows) > 0
    if name == "ratios":
        assert built.figure is None and built.title == ""
    else:
        assert built.figure is not None and built.title and "<" not in built.title


def test_the_price_charts_rows_are_the_stated_prices_behind_it(ds, view):
    shown = view.with_(vendors=("alibaba",), kind="blended")
    assert charts.build("prices", ds, shown).rows.equals(prices_in_view(ds.normalized, shown))


def test_the_comparison_compares_the_views_date_and_window(ds, view):
    shown = view.with_(lang="en", at=date(2024, 6, 1), before=date(2024, 5, 1), after=date(2024, 6, 1))
    ranking = charts.build("ranking", ds, shown)
    assert header(ranking.figure).startswith("<b>On 2024-06-01,")
    expected = price_at(ds.series[ds.series["series"] == "input"], "2024-06-01")
    assert len(ranking.rows) == len(expected)
    assert header(charts.build("before-after", ds, shown).figure).startswith("<b>2024-05-01 to 2024-06-01:")


def test_the_ratio_tables_reference_is_the_views_or_else_the_dearest_that_day(ds, view):
    day = view.with_(lang="en", at=date(2024, 6, 1))
    assert charts.reference(ds, day) == "GPT-4 8k"
    assert charts.reference(ds, day.with_(ref="GPT-4 Turbo")) == "GPT-4 Turbo"
    assert charts.reference(ds, day.with_(ref="DeepSeek-V3")) == "GPT-4 8k"  # not priced that day
    table = charts.build("ratios", ds, day.with_(ref="GPT-4 Turbo")).rows.set_index("model")
    assert table.loc["Doubao-pro 32k", "sentence"] == (
        "Doubao-pro 32k costs 1/91 of GPT-4 Turbo's price (converted at 2024-06's average of 7.2547 元 per US$)"
        " (prices last confirmed by a source: Doubao-pro 32k 2024-05-25; GPT-4 Turbo 2024-05-15)")


def test_a_story_step_is_its_events_id_and_the_first_when_unknown(ds, view):
    ids = list(steps(ds.events)["id"])
    assert charts.story_step(ds, view.with_(step=ids[4]))[:2] == (5, len(ids))
    assert charts.story_step(ds, view.with_(step="nosuch"))[0] == 1
    built = charts.build("story", ds, view.with_(lang="en", step=ids[4]))
    assert header(built.figure).startswith(f"<b>Step 5 of {len(ids)}: ")
    assert set(built.rows["event"]) == {ids[4]}  # the sources of the step's event


def test_the_decline_rate_fits_the_views_set(ds, view):
    us = charts.build("trend", ds, view.with_(lang="en", set="us", kind="blended", currency="USD"))
    gpt4 = charts.build("trend", ds, view.with_(lang="en", set="gpt-4-class", kind="blended", currency="USD"))
    assert "Models from the US" in header(us.figure) and "GPT-4 class" in header(gpt4.figure)
    assert not us.rows.equals(gpt4.rows)


@pytest.mark.parametrize("name", [n for n in charts.CHARTS if n != "ratios"])
def test_every_chart_credits_the_datas_version_and_as_of_day(ds, view, name):
    for lang, words in (("en", f"pricewar data {ds.release.version}, as of {ds.release.as_of}"),
                        ("zh", f"pricewar 数据 {ds.release.version}，截至 {ds.release.as_of}")):
        fig = charts.build(name, ds, view.with_(lang=lang)).figure
        notes = flat(" ".join(a.text for a in fig.layout.annotations))
        assert flat(words) in notes, (name, lang)
    empty = charts.build(name, ds, view.with_(vendors=("nosuch",), lang="en")).figure  # "nothing matches"
    assert ds.release.version in " ".join(a.text for a in empty.layout.annotations)


def test_the_credit_line_ends_with_the_views_public_address_when_one_is_set(ds, view):
    shown = view.with_(lang="en", vendors=("deepseek",))
    assert charts.address(ds, shown, "prices", "") == ""
    where = charts.address(ds, shown, "prices", "https://pricewar.example.org/")
    assert where.startswith("https://pricewar.example.org/prices?lang=en&vendor=deepseek&from=2023-03-01")
    page = charts.build("prices", ds, shown, "page", "https://pricewar.example.org")
    footer = flat(next(a.text for a in page.figure.layout.annotations if a.name == "footer"))
    assert flat(where.removeprefix("https://")) in html.unescape(footer)  # the whole address where it fits …
    phone = charts.build("prices", ds, shown, "phone", "https://pricewar.example.org")
    footer = flat(next(a.text for a in phone.figure.layout.annotations if a.name == "footer"))
    assert footer.endswith("pricewar.example.org/prices")  # … the page's where it does not


def test_the_journalists_words_go_to_the_chart_they_are_for_and_no_other(ds, view):
    words = view.with_(lang="en", headline="Prices collapsed", note="Free models on the floor", byline="Jane Doe",
                       chart="before-after")
    after = charts.build("before-after", ds, words, "wide").figure
    texts = {a.name: a.text for a in after.layout.annotations}
    assert texts["header"] == "<b>Prices collapsed</b>" and "Note: Free models on the floor" in texts["footer"]
    assert flat(texts["footer"]).startswith(flat("Note: Free models on the floor"))
    assert "Chart: Jane Doe · Sources: " in texts["footer"].replace("<br>", " ")
    ranking = charts.build("ranking", ds, words, "wide").figure
    assert "Prices collapsed" not in " ".join(a.text for a in ranking.layout.annotations)
    # the byline credits the journalist on every chart
    assert "Chart: Jane Doe" in " ".join(a.text for a in ranking.layout.annotations)
    # without chart=, the price curves take them (a page names its own chart when it writes them)
    first = charts.build("prices", ds, words.with_(chart=""), "wide").figure
    assert next(a.text for a in first.layout.annotations if a.name == "header") == "<b>Prices collapsed</b>"
    # plain text: what looks like markup is shown as written
    odd = charts.build("prices", ds, words.with_(chart="prices", headline="<b>Bold</b> [link](x)"), "wide")
    assert next(a.text for a in odd.figure.layout.annotations if a.name == "header") == (
        "<b>&lt;b&gt;Bold&lt;/b&gt; [link](x)</b>")
    assert odd.title == "<b>Bold</b> [link](x)"


def test_an_empty_chart_says_why_and_which_control_changes_it(ds, view):
    def title(name, v):
        fig = charts.build(name, ds, v.with_(lang="en"), "wide").figure
        return next(a.text for a in fig.layout.annotations if a.name == "header").replace("</b><br><b>", " ")

    minimax = view.with_(vendors=("minimax",), at=date(2024, 6, 1), before=date(2024, 6, 1))
    assert title("ranking", minimax) == ("<b>No model of MiniMax has a price (input) on 2024-06-01: choose another "
                                         "date above, or more vendors or another kind of price on the left.</b>")
    assert title("before-after", minimax.with_(before=date(2023, 3, 1), after=date(2023, 6, 1))).startswith(
        "<b>No model of MiniMax has a price (input) on 2023-03-01, where the window starts: choose a later start above")
    assert title("trend", view.with_(vendors=("openai",), set="cn")).startswith(
        "<b>No price (input) of OpenAI in “Models from China”: choose another set above")
    early = view.with_(vendors=("minimax",), start=date(2023, 3, 1), end=date(2023, 6, 1))
    assert title("prices", early) == ("<b>Nothing from MiniMax in this date range: choose a wider date range or more "
                                      "vendors on the left.</b>")
    zh = charts.build("ranking", ds, minimax.with_(lang="zh"), "wide").figure
    assert "2024-06-01 这一天，稀宇科技（MiniMax）没有模型有输入价格" in next(
        a.text for a in zh.layout.annotations if a.name == "header").replace("</b><br><b>", "")
